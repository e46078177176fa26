#!/usr/bin/env bash
# Import and export: a github-repo-stats folder in through `bin/tidemark import`, everything out
# again through `bin/tidemark export` (NDJSON) and `bin/tidemark export --csv` (zip of CSVs).
#
#   bench/import-export.sh     # defaults: REPOS=100 DAYS=3650 FIRST_DAY=2016-01-01 SEED=42 RUNS=3 DBS=h2 PORT=18180
#   DBS="h2 postgresql" RUNS=1 bench/import-export.sh
#   REPOS=3 DAYS=30 RUNS=1 bench/import-export.sh          # a quick look
#
# 1. Writes the folder with GhrsGenerator (JDK only, run as a single source file), once: REPOS
#    repositories bench-owner/repo-NNN, each with ghrs-data/views_clones_aggregate.csv (DAYS
#    daily rows from FIRST_DAY, views and clones) and 5 referrer snapshots; kept in BENCH_WORK.
# 2. Per run, on a fresh database (H2: a new TIDEMARK_DATA_DIR under TMPDIR; PostgreSQL: the
#    database <BENCH_DB_PREFIX>_import, created afresh and dropped at the end): starts the packaged app with
#    bin/tidemark and the launcher's default JVM options (JAVA_OPTS is unset), nothing to sync
#    (TIDEMARK_GITHUB_API_URL at a closed port, TIDEMARK_SYNC_DELAY=24h), waits for
#    /q/health/ready, then times (wall clock, the client's JVM included):
#      bin/tidemark import <folder>        checks: exit 0, no errors, 2 x REPOS x DAYS days read,
#                                          5 x REPOS snapshots kept
#      bin/tidemark export > f.ndjson      checks: 1 + REPOS + 2 x REPOS x DAYS + 5 x REPOS lines
#      bin/tidemark export --csv > f.zip   checks: 2 x REPOS x DAYS bucket rows
#    and reads the server's peak RSS (VmHWM of the java process) after the import and after the
#    exports, and the server's CPU seconds (utime + stime) spent in the import.
# Writes bench/results/import-export.md (BENCH_RESULTS names another directory). PROFILE=true adds a
# JFR recording (settings=profile) of the server through JAVA_TOOL_OPTIONS, kept in BENCH_WORK.
source "$(dirname "$0")/lib.sh"
REPOS="${REPOS:-100}"; DAYS="${DAYS:-3650}"; FIRST_DAY="${FIRST_DAY:-2016-01-01}"; SEED="${SEED:-42}"
RUNS="${RUNS:-3}"; DBS="${DBS:-h2}"; PORT="${PORT:-18180}"; PROFILE="${PROFILE:-false}"
IMPORT_TARGET_S="${IMPORT_TARGET_S:-10}"; EXPORT_TARGET_S="${EXPORT_TARGET_S:-5}"
TOKEN=bench-admin-token; URL="http://127.0.0.1:$PORT"; SNAPSHOTS=5
MACHINE="$(machine)"
if [ ! -f "$ROOT/app-graphql/target/quarkus-app/quarkus-run.jar" ]; then
  [ "${BENCH_NO_BUILD:-false}" = true ] && { log "app-graphql/target/quarkus-app is missing"; exit 1; }
  log "building the application (first run)"
  (cd "$ROOT" && ./mvnw -q package -DskipTests -pl app-graphql -am)
fi
if (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then log "port $PORT is taken: set PORT"; exit 1; fi

# --- 1. the data ---------------------------------------------------------------------------------
DATA="$WORK/ghrs-${REPOS}x${DAYS}-${FIRST_DAY}-seed${SEED}"
if [ ! -f "$DATA.result" ]; then
  rm -rf "$DATA"
  log "generating $DATA"
  java "$ROOT/benchmarks/src/main/java/io/tidemark/bench/GhrsGenerator.java" "$DATA" "$REPOS" "$DAYS" "$FIRST_DAY" "$SEED" | grep '^RESULT' >"$DATA.result.tmp"
  mv "$DATA.result.tmp" "$DATA.result"
fi
GEN="$(cat "$DATA.result")"; log "$GEN"
ROWS="$(field "$GEN" rows)"; FIGURES="$(field "$GEN" daily_figures)"; SNAPS="$(field "$GEN" snapshots)"
EXPECTED_LINES=$((1 + REPOS + FIGURES + SNAPS))
DATA_BYTES="$(du -sb "$DATA" | cut -f1)"; FILES="$(find "$DATA" -type f | wc -l)"

# --- 2. the runs ---------------------------------------------------------------------------------
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/tidemark-bench-import.XXXXXX")"
PID=""
stop_app() {
  [ -n "$PID" ] || return 0
  kill "$PID" 2>/dev/null || true
  for _ in $(seq 1 300); do kill -0 "$PID" 2>/dev/null || { PID=""; return 0; }; sleep 0.1; done
  kill -9 "$PID" 2>/dev/null || true; PID=""
}
USED_PG=false
cleanup() {
  stop_app; rm -rf "$SCRATCH"
  if [ "$USED_PG" = true ]; then psql -qAt -d postgres -c "drop database if exists ${DB_PREFIX}_import" >/dev/null || true; fi
}
trap cleanup EXIT
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", b - a}'; }
hwm_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
client() { env -u JAVA_OPTS -u JAVA_TOOL_OPTIONS TIDEMARK_URL="$URL" TIDEMARK_ADMIN_TOKEN="$TOKEN" "$ROOT/bin/tidemark" "$@"; }

start_app() { # $1 db, $2 run: sets PID
  local db="$1" log="$WORK/import-export-app-$1-$2.log" extra=()
  if [ "$db" = postgresql ]; then
    USED_PG=true; fresh_pg_db "${DB_PREFIX}_import"
    extra+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/${DB_PREFIX}_import?reWriteBatchedInserts=true")
  fi
  if [ "$PROFILE" = true ]; then
    extra+=(JAVA_TOOL_OPTIONS="-XX:StartFlightRecording=filename=$WORK/import-export-$db-$2.jfr,settings=profile,dumponexit=true")
  fi
  env -u JAVA_OPTS TIDEMARK_DB="$db" TIDEMARK_DATA_DIR="$SCRATCH/data-$db-$2" TIDEMARK_ADMIN_TOKEN="$TOKEN" \
    TIDEMARK_SYNC_DELAY=24h TIDEMARK_GITHUB_API_URL=http://127.0.0.1:9 QUARKUS_HTTP_PORT="$PORT" "${extra[@]}" \
    "$ROOT/bin/tidemark" >"$log" 2>&1 &
  PID=$! # bin/tidemark execs java: this is the server's pid
  local waited=0
  until curl -sf -o /dev/null "$URL/q/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { tail -40 "$log" >&2; exit 1; }
    waited=$((waited + 1)); [ "$waited" -lt 1800 ] || { log "not ready after 3 minutes"; tail -40 "$log" >&2; exit 1; }
    sleep 0.1
  done
  grep -q '^java' "/proc/$PID/comm" || { log "pid $PID is not java: $(cat "/proc/$PID/comm")"; exit 1; }
}

fail() { log "run failed: $*"; exit 1; }
declare -A IMPORT_S NDJSON_S CSV_S
ROWS_OUT=()
for db in $DBS; do
  for run in $(seq 1 "$RUNS"); do
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    log "$db run $run: load average $load"
    start_app "$db" "$run"
    report="$SCRATCH/report.json"
    cpu0="$(cpu_s "$PID")"
    t0="$(now)"; client import "$DATA" >"$report" || fail "import exited with $? ($(head -c 500 "$report"))"; t1="$(now)"
    cpu1="$(cpu_s "$PID")"; hwm_import="$(hwm_mb "$PID")"
    read -r days_read kept errors <<<"$(jq -r '[([.files[].repositories[].daysRead] | add), ([.files[].repositories[].snapshotsKept] | add), (.errors // [] | length)] | @tsv' "$report")"
    [ "$days_read" = "$FIGURES" ] || fail "days read $days_read, expected $FIGURES"
    [ "$kept" = "$SNAPS" ] || fail "snapshots kept $kept, expected $SNAPS"
    [ "$errors" = 0 ] || fail "$errors errors in the report"
    t2="$(now)"; client export >"$SCRATCH/export.ndjson" || fail "export exited with $?"; t3="$(now)"
    lines="$(wc -l <"$SCRATCH/export.ndjson")"; ndjson_bytes="$(stat -c %s "$SCRATCH/export.ndjson")"
    [ "$lines" = "$EXPECTED_LINES" ] || fail "the NDJSON export has $lines lines, expected $EXPECTED_LINES"
    rm -f "$SCRATCH/export.ndjson"
    t4="$(now)"; client export --csv >"$SCRATCH/export.zip" || fail "export --csv exited with $?"; t5="$(now)"
    zip_bytes="$(stat -c %s "$SCRATCH/export.zip")"
    bucket_rows="$(unzip -p "$SCRATCH/export.zip" tidemark-export/buckets.csv | wc -l)"
    [ "$bucket_rows" = "$((FIGURES + 1))" ] || fail "buckets.csv has $bucket_rows lines, expected $((FIGURES + 1))"
    rm -f "$SCRATCH/export.zip"
    hwm_all="$(hwm_mb "$PID")"
    stop_app
    rm -rf "$SCRATCH/data-$db-$run"
    imp="$(seconds "$t0" "$t1")"; nd="$(seconds "$t2" "$t3")"; cs="$(seconds "$t4" "$t5")"; cpu="$(seconds "$cpu0" "$cpu1")"
    line="RESULT import-export db=$db run=$run load=${load// /,} import_s=$imp import_rows_per_s=$(awk -v r="$ROWS" -v s="$imp" 'BEGIN {printf "%.0f", r/s}') import_server_cpu_s=$cpu days_read=$days_read snapshots_kept=$kept export_ndjson_s=$nd ndjson_lines=$lines ndjson_bytes=$ndjson_bytes export_csv_s=$cs zip_bytes=$zip_bytes peak_rss_import_mb=$hwm_import peak_rss_mb=$hwm_all"
    log "$line"; echo "$line" >>"$WORK/import-export-results.log"
    IMPORT_S[$db]+="$imp "; NDJSON_S[$db]+="$nd "; CSV_S[$db]+="$cs "
    ROWS_OUT+=("| $db | $run | $load | $imp | $(field "$line" import_rows_per_s) | $cpu | $nd | $cs | $hwm_import / $hwm_all | $(awk -v b="$ndjson_bytes" 'BEGIN {printf "%.1f", b/1048576}') MB / $(awk -v b="$zip_bytes" 'BEGIN {printf "%.1f", b/1048576}') MB |")
  done
done

# --- 3. the table --------------------------------------------------------------------------------
verdict() { # the targets are for the default data, 100 repositories x 3650 days
  if [ "$REPOS" != 100 ] || [ "$DAYS" != 3650 ]; then printf -- "- (target for 100 x 3650)"; return; fi
  awk -v m="$1" -v t="$2" 'BEGIN {if (m < t) printf "met"; else printf "missed: %.0f%% over", (m/t - 1)*100}'
}
out="$RESULTS/import-export.md"
{
  echo "### Import and export"
  echo
  echo "Command: \`REPOS=$REPOS DAYS=$DAYS FIRST_DAY=$FIRST_DAY SEED=$SEED RUNS=$RUNS DBS=\"$DBS\" bench/import-export.sh\`"
  echo
  echo "$MACHINE"
  echo
  echo "Data (\`$(basename "$DATA")\`, written by \`GhrsGenerator\`): a github-repo-stats folder of $REPOS repositories x $DAYS days"
  echo "($FIRST_DAY to $(field "$GEN" last)): $ROWS rows of \`views_clones_aggregate.csv\` ($FIGURES daily figures, views and clones),"
  echo "$SNAPS referrer snapshots; $FILES files, $(awk -v b="$DATA_BYTES" 'BEGIN {printf "%.1f", b/1048576}') MB. Server: \`bin/tidemark\` with its default JVM options"
  echo "(\`$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' "$ROOT/bin/tidemark")\`), a fresh database per run. Times are wall clock of the"
  echo "\`bin/tidemark import\` / \`export\` commands (client JVM, zipping the folder and HTTP included)."
  echo
  echo "| database | run | load average at start | import s | rows/s | server CPU s in the import | export NDJSON s | export CSV s | peak RSS after import / after exports (MB) | export size NDJSON / CSV zip |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${ROWS_OUT[@]}"
  echo
  echo "| database | import s, median | target < $IMPORT_TARGET_S s | export NDJSON s, median | export CSV s, median | target < $EXPORT_TARGET_S s (NDJSON / CSV) |"
  echo "| --- | --- | --- | --- | --- | --- |"
  for db in $DBS; do
    mi="$(tr ' ' '\n' <<<"${IMPORT_S[$db]}" | grep . | median)"; mn="$(tr ' ' '\n' <<<"${NDJSON_S[$db]}" | grep . | median)"; mc="$(tr ' ' '\n' <<<"${CSV_S[$db]}" | grep . | median)"
    echo "| $db | $mi ($(awk -v r="$ROWS" -v s="$mi" 'BEGIN {printf "%.0f", r/s}') rows/s) | $(verdict "$mi" "$IMPORT_TARGET_S") | $mn | $mc | $(verdict "$mn" "$EXPORT_TARGET_S") / $(verdict "$mc" "$EXPORT_TARGET_S") |"
  done
} >"$out.tmp"
mv "$out.tmp" "$out"
cat "$out"
