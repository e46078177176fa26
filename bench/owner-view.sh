#!/usr/bin/env bash
# The owner view's speed: Query.owner's daily series, the repositories ranked by views, and the
# owner's top referrers, on one owner with many repositories, on H2 and PostgreSQL.
#
#   bench/owner-view.sh     # defaults: REPOS=1000 DAYS=730 SNAPSHOTS=5 VARY=true RUNS=3 WARMUP=15 DURATION=15
#                           #           CONNECTIONS=4 TP_DURATION=10 DBS="h2 postgresql" PORT=18280
#   REPOS=20 DAYS=56 RUNS=1 WARMUP=2 DURATION=2 TP_DURATION=1 bench/owner-view.sh     # a quick look
#
# 1. Seeds, once per database, one owner ("bench") with REPOS repositories x DAYS days (rounded up
#    to whole 14-day windows by the seeder) of daily and weekly views and clones through the
#    TrafficStore port (bulk), and SNAPSHOTS referrer and path snapshots per repository (the last
#    day and every 7 days before it). The last seeded day is the Sunday before END (a Monday;
#    default: the Monday on or before today). H2: a fresh data directory under TMPDIR (removed at
#    the end); PostgreSQL: the database OWNER_DB (default tidemark_<BENCH_DB_PREFIX>_owner, created
#    afresh, VACUUM ANALYZEd, dropped at the end unless KEEP_DB=true).
# 2. Per run (RUNS per database): starts the packaged app with bin/tidemark and the launcher's
#    default JVM options (JAVA_OPTS unset), checks every answer, warms up WARMUP s per query on 1
#    connection, then wrk (bench/graphql-cycle.lua; VARY below) DURATION s per query on 1 connection (latency:
#    p50, p99) and TP_DURATION s per query on CONNECTIONS connections (throughput); stops the app.
#    "1 year ago" and "90 days ago" are counted back from the last seeded day.
# 3. PostgreSQL: EXPLAIN (ANALYZE, BUFFERS) of the SQL the storage adapter sends for each query
#    (PanacheTrafficAggregates; the same text, the values inlined), into the results directory.
# Writes bench/results/owner-view.md (BENCH_RESULTS names another directory).
source "$(dirname "$0")/lib.sh"
REPOS="${REPOS:-1000}"; DAYS="${DAYS:-730}"; SNAPSHOTS="${SNAPSHOTS:-5}"; RUNS="${RUNS:-3}"
WARMUP="${WARMUP:-15}"; DURATION="${DURATION:-15}"; CONNECTIONS="${CONNECTIONS:-4}"; TP_DURATION="${TP_DURATION:-10}"
DBS="${DBS:-h2 postgresql}"; PORT="${PORT:-18280}"; OWNER_DB="${OWNER_DB:-tidemark_${DB_PREFIX}_owner}"
KEEP_DB="${KEEP_DB:-false}"; EXPLAIN="${EXPLAIN:-true}"; VARY="${VARY:-true}"
TOKEN=bench-viewer-token; URL="http://127.0.0.1:$PORT/graphql"; OWNER=bench
SERIES_P50_MS=100; SERIES_P99_MS=250; RANKED_P50_MS=100; REFERRERS_P50_MS=100
END="${END:-$(date -u -d "$(date -u +%F) -$(( $(date -u +%u) - 1 )) days" +%F)}"
[ "$(date -u -d "$END" +%u)" = 1 ] || { log "END must be a Monday, was $END"; exit 1; }
LAST="$(date -u -d "$END -1 day" +%F)"
YEAR_AGO="$(date -u -d "$LAST -1 year" +%F)"; DAYS90_AGO="$(date -u -d "$LAST -90 days" +%F)"
MACHINE="$(machine)"
if [ ! -f "$ROOT/app-graphql/target/quarkus-app/quarkus-run.jar" ] || [ ! -f "$ROOT/benchmarks/target/quarkus-app/quarkus-run.jar" ]; then
  [ "${BENCH_NO_BUILD:-false}" = true ] && { log "the packaged applications are missing"; exit 1; }
  log "building the application and the seeder (first run)"
  (cd "$ROOT" && ./mvnw -q package -DskipTests -pl app-graphql,benchmarks -am)
fi
ensure_wrk
command -v jq >/dev/null || { log "jq is needed"; exit 1; }
if (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then log "port $PORT is taken: set PORT"; exit 1; fi

# --- the queries ---------------------------------------------------------------------------------
Q="$WORK/owner-queries"; mkdir -p "$Q"
gql() { jq -cn --arg q "$1" '{query: $q}'; } # a GraphQL document as a JSON body
gql "{ owner(login: \"$OWNER\") { views(per: DAY, since: \"$YEAR_AGO\") { buckets { timestamp count repositoriesObserved } } } }" >"$Q/series.json"
gql "{ repositories(owner: \"$OWNER\", first: 100, orderBy: {field: VIEWS, since: \"$DAYS90_AGO\"}) { nodes { nameWithOwner views(since: \"$DAYS90_AGO\") { count } } } }" >"$Q/ranked.json"
gql "{ owner(login: \"$OWNER\") { topReferrers { referrer count repositories } } }" >"$Q/referrers.json"
gql "{ __typename }" >"$Q/typename.json"
QUERIES="series ranked referrers"
# VARY=true (the default): wrk sends 7 forms of each query in turn, the dates moved by 0 to 6 days
# (series and ranking: since; referrers: at, on or after the last day, so the same snapshots), so
# that no request repeats the one before: H2 reuses the result of the last identical query of a
# session while no table has changed (OPTIMIZE_REUSE_RESULTS), PostgreSQL does not. VARY=false
# repeats one form.
for k in 0 1 2 3 4 5 6; do
  y="$(date -u -d "$YEAR_AGO +$k days" +%F)"
  gql "{ owner(login: \"$OWNER\") { views(per: DAY, since: \"$y\") { buckets { timestamp count repositoriesObserved } } } }"
  [ "$VARY" = true ] || break
done >"$Q/series.wrk"
for k in 0 1 2 3 4 5 6; do
  n="$(date -u -d "$DAYS90_AGO +$k days" +%F)"
  gql "{ repositories(owner: \"$OWNER\", first: 100, orderBy: {field: VIEWS, since: \"$n\"}) { nodes { nameWithOwner views(since: \"$n\") { count } } } }"
  [ "$VARY" = true ] || break
done >"$Q/ranked.wrk"
for k in 0 1 2 3 4 5 6; do
  a="$(date -u -d "$LAST +$k days" +%F)"
  if [ "$VARY" = true ]; then gql "{ owner(login: \"$OWNER\") { topReferrers(at: \"$a\") { referrer count repositories } } }"; else cat "$Q/referrers.json"; break; fi
done >"$Q/referrers.wrk"
# wrk with bench/graphql-cycle.lua: $1 query (series|ranked|referrers), $2 connections, $3 seconds
wrk_owner() {
  local threads=2; [ "$2" -lt 2 ] && threads=1
  QUERY_FILE="$Q/$1.wrk" TOKEN="$TOKEN" wrk -t"$threads" -c"$2" -d"$3s" --timeout 10s -s "$ROOT/bench/graphql-cycle.lua" "$URL" | grep '^WRK'
}

# --- start and stop ------------------------------------------------------------------------------
SCRATCH="$(mktemp -d "${TMPDIR:-/tmp}/tidemark-bench-owner.XXXXXX")"
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
  if [ "$USED_PG" = true ] && [ "$KEEP_DB" != true ]; then psql -qAt -d postgres -c "drop database if exists $OWNER_DB" >/dev/null || true; fi
}
trap cleanup EXIT

start_app() { # $1 db, $2 run: sets PID
  local db="$1" log="$WORK/owner-view-app-$1-$2.log" extra=()
  [ "$db" = postgresql ] && extra+=(QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$OWNER_DB?reWriteBatchedInserts=true")
  env -u JAVA_OPTS -u JAVA_TOOL_OPTIONS TIDEMARK_DB="$db" TIDEMARK_DATA_DIR="$SCRATCH/h2" TIDEMARK_VIEWER_TOKEN="$TOKEN" \
    TIDEMARK_ADMIN_TOKEN=bench-admin-token TIDEMARK_SYNC_DELAY=1000h TIDEMARK_GITHUB_API_URL=http://127.0.0.1:9 \
    QUARKUS_HTTP_PORT="$PORT" "${extra[@]}" "$ROOT/bin/tidemark" >"$log" 2>&1 &
  PID=$! # bin/tidemark execs java: this is the server's pid
  local waited=0
  until curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data @"$Q/typename.json" "$URL"; do
    kill -0 "$PID" 2>/dev/null || { tail -40 "$log" >&2; exit 1; }
    waited=$((waited + 1)); [ "$waited" -lt 1800 ] || { log "not answering after 3 minutes"; tail -40 "$log" >&2; exit 1; }
    sleep 0.1
  done
}
post() { curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data @"$1" "$URL"; }
fail() { log "run failed: $*"; exit 1; }

# Checks one answer of each query and prints "series_buckets min_observed bytes ..." facts.
check_answers() {
  local s r f
  s="$(post "$Q/series.json")"; r="$(post "$Q/ranked.json")"; f="$(post "$Q/referrers.json")"
  for body in "$s" "$r" "$f"; do
    jq -e '(.errors | not) and (.data != null)' >/dev/null <<<"$body" || fail "an answer has errors: $(head -c 600 <<<"$body")"
  done
  local n obs nodes refs
  n="$(jq '.data.owner.views.buckets | length' <<<"$s")"
  obs="$(jq '[.data.owner.views.buckets[].repositoriesObserved] | min' <<<"$s")"
  nodes="$(jq '.data.repositories.nodes | length' <<<"$r")"
  refs="$(jq '.data.owner.topReferrers | length' <<<"$f")"
  [ "$n" = "$EXPECTED_SERIES" ] || fail "series: $n buckets, expected $EXPECTED_SERIES"
  [ "$obs" = "$REPOS" ] || fail "series: a bucket observed by $obs repositories, expected $REPOS"
  [ "$nodes" = "$EXPECTED_NODES" ] || fail "ranked: $nodes nodes, expected $EXPECTED_NODES"
  [ "$refs" -ge 1 ] || fail "referrers: none"
  # ranked by views over the range, largest first: each node's own count must not grow down the page
  jq -e '[.data.repositories.nodes[].views.count] as $c | [range(1; $c | length) | select($c[.] > $c[. - 1])] | length == 0' >/dev/null <<<"$r" \
    || fail "ranked: the page is not ordered by the views it shows"
  echo "series_buckets=$n min_observed=$obs series_bytes=${#s} ranked_nodes=$nodes ranked_bytes=${#r} referrers=$refs referrers_bytes=${#f}"
}
SEEDED_DAYS=$(( (DAYS + 13) / 14 * 14 )) # the seeder's rounding to whole 14-day windows
EXPECTED_SERIES="$(( ( $(date -u -d "$LAST" +%s) - $(date -u -d "$YEAR_AGO" +%s) ) / 86400 + 1 ))"
[ "$EXPECTED_SERIES" -gt "$SEEDED_DAYS" ] && EXPECTED_SERIES="$SEEDED_DAYS"
EXPECTED_NODES=$(( REPOS < 100 ? REPOS : 100 ))

# --- the runs ------------------------------------------------------------------------------------
declare -A SEEDED CHECKED
RUN_ROWS=(); SUMMARY_ROWS=()
m() { printf '%s\n' "$@" | median; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { if (v == "n/a") print "not measured"; else if (v < t) print "met"; else printf "missed: %.0f%% over\n", (v/t - 1)*100 }'; }
for db in $DBS; do
  seed_args=(--end "$END" --snapshots "$SNAPSHOTS")
  log "$db: seeding $REPOS x $DAYS (end $END, $SNAPSHOTS snapshots each)"
  if [ "$db" = postgresql ]; then
    USED_PG=true
    SEEDED[$db]="$(seed_pg "$OWNER_DB" "$REPOS" "$DAYS" "${seed_args[@]}")"
  else
    seeder="$(prepared_jar "$ROOT/benchmarks/target/quarkus-app" seeder h2)"
    SEEDED[$db]="$(java -Dtidemark.bench.data-dir="$SCRATCH/h2" -jar "$seeder" seed --repos "$REPOS" --days "$DAYS" \
      --threads 4 --bulk true "${seed_args[@]}" 2>&1 | grep '^RESULT')"
  fi
  [ -n "${SEEDED[$db]}" ] || fail "seeding $db wrote no RESULT line"
  log "${SEEDED[$db]}"
  declare -a s50=() s99=() r50=() r99=() f50=() f99=() stp=() rtp=() ftp=()
  for run in $(seq 1 "$RUNS"); do
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    log "$db run $run: load average $load"
    start_app "$db" "$run"
    CHECKED[$db]="$(check_answers)"
    for q in $QUERIES; do wrk_owner "$q" 1 "$WARMUP" >/dev/null; done
    declare -A one=() many=()
    for q in $QUERIES; do
      one[$q]="$(wrk_owner "$q" 1 "$DURATION")"; log "$db run $run $q c1: ${one[$q]}"
    done
    for q in $QUERIES; do
      many[$q]="$(wrk_owner "$q" "$CONNECTIONS" "$TP_DURATION")"; log "$db run $run $q c$CONNECTIONS: ${many[$q]}"
    done
    for x in "${one[@]}" "${many[@]}"; do
      [ "$(field "$x" non2xx)" = 0 ] && [ "$(field "$x" socket_errors)" = 0 ] || fail "errors in: $x"
    done
    check_answers >/dev/null # still right after the load
    stop_app
    s50+=("$(field "${one[series]}" p50_ms)"); s99+=("$(field "${one[series]}" p99_ms)")
    r50+=("$(field "${one[ranked]}" p50_ms)"); r99+=("$(field "${one[ranked]}" p99_ms)")
    f50+=("$(field "${one[referrers]}" p50_ms)"); f99+=("$(field "${one[referrers]}" p99_ms)")
    stp+=("$(field "${many[series]}" rps)"); rtp+=("$(field "${many[ranked]}" rps)"); ftp+=("$(field "${many[referrers]}" rps)")
    cell() { echo "$(field "$1" p50_ms) / $(field "$1" p99_ms) ($(field "$1" rps)/s)"; }
    RUN_ROWS+=("| $db | $run | $load | $(cell "${one[series]}") | $(cell "${one[ranked]}") | $(cell "${one[referrers]}") | $(field "${many[series]}" rps) / $(field "${many[ranked]}" rps) / $(field "${many[referrers]}" rps) |")
    unset one many
  done
  SUMMARY_ROWS+=("| $db | series p50 | $(m "${s50[@]}") ms (${s50[*]}) | < $SERIES_P50_MS ms | $(verdict "$(m "${s50[@]}")" $SERIES_P50_MS) |")
  SUMMARY_ROWS+=("| $db | series p99 | $(m "${s99[@]}") ms (${s99[*]}) | < $SERIES_P99_MS ms | $(verdict "$(m "${s99[@]}")" $SERIES_P99_MS) |")
  SUMMARY_ROWS+=("| $db | ranked page p50 | $(m "${r50[@]}") ms (${r50[*]}); p99 $(m "${r99[@]}") ms | < $RANKED_P50_MS ms | $(verdict "$(m "${r50[@]}")" $RANKED_P50_MS) |")
  SUMMARY_ROWS+=("| $db | top referrers p50 | $(m "${f50[@]}") ms (${f50[*]}); p99 $(m "${f99[@]}") ms | < $REFERRERS_P50_MS ms | $(verdict "$(m "${f50[@]}")" $REFERRERS_P50_MS) |")
  SUMMARY_ROWS+=("| $db | requests/s on $CONNECTIONS connections: series / ranked / referrers | $(m "${stp[@]}") / $(m "${rtp[@]}") / $(m "${ftp[@]}") | | |")
  unset s50 s99 r50 r99 f50 f99 stp rtp ftp
done

# --- EXPLAIN ANALYZE on PostgreSQL ----------------------------------------------------------------
explain_file=""
if [ "$USED_PG" = true ] && [ "$EXPLAIN" = true ]; then
  explain_file="$RESULTS/owner-view-explain-postgresql.txt"
  {
    echo "-- owner series: views per DAY since $YEAR_AGO (PanacheTrafficAggregates.ownerSeries)"
    psql -qAt -d "$OWNER_DB" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT b.bucket_start, SUM(b.total), COUNT(*), SUM(CASE WHEN b.complete THEN 1 ELSE 0 END) FROM traffic_bucket b JOIN repository r ON r.id = b.repository_id WHERE r.owner_key = '$OWNER' AND b.kind = 'VIEWS' AND b.granularity = 'DAY' AND b.bucket_start >= DATE '$YEAR_AGO' GROUP BY b.bucket_start ORDER BY b.bucket_start"
    echo; echo "-- ranking by views since $DAYS90_AGO, first 100 (PanacheTrafficAggregates.rank)"
    psql -qAt -d "$OWNER_DB" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT r.id, v.total FROM repository r LEFT JOIN (SELECT b.repository_id AS repository_id, SUM(b.total) AS total FROM traffic_bucket b WHERE b.kind = 'VIEWS' AND b.granularity = 'DAY' AND b.bucket_start >= DATE '$DAYS90_AGO' GROUP BY b.repository_id) v ON v.repository_id = r.id WHERE r.owner_key = '$OWNER' ORDER BY CASE WHEN v.total IS NULL THEN 1 ELSE 0 END, v.total DESC, r.repo_key ASC LIMIT 101 OFFSET 0"
    echo; echo "-- owner referrers, latest snapshot of each repository (PanacheTrafficAggregates.ownerReferrers)"
    psql -qAt -d "$OWNER_DB" -c "EXPLAIN (ANALYZE, BUFFERS) SELECT e.referrer, SUM(e.total), COUNT(DISTINCT s.repository_id) FROM referrer_entry e JOIN referrer_snapshot s ON s.id = e.snapshot_id JOIN (SELECT s2.repository_id AS repository_id, MAX(s2.snapshot_day) AS latest FROM referrer_snapshot s2 JOIN repository r ON r.id = s2.repository_id WHERE r.owner_key = '$OWNER' GROUP BY s2.repository_id) l ON l.repository_id = s.repository_id AND l.latest = s.snapshot_day GROUP BY e.referrer"
  } >"$explain_file" 2>&1
  log "EXPLAIN ANALYZE written to $explain_file"
fi

# --- report --------------------------------------------------------------------------------------
out="$RESULTS/owner-view.md"
{
  echo "### Owner view"
  echo
  echo "Command: \`REPOS=$REPOS DAYS=$DAYS SNAPSHOTS=$SNAPSHOTS VARY=$VARY RUNS=$RUNS WARMUP=$WARMUP DURATION=$DURATION CONNECTIONS=$CONNECTIONS TP_DURATION=$TP_DURATION DBS=\"$DBS\" bench/owner-view.sh\`"
  echo
  echo "$MACHINE"
  echo
  echo "Data: one owner, $REPOS repositories, last seeded day $LAST; \"1 year ago\" = $YEAR_AGO, \"90 days ago\" = $DAYS90_AGO."
  for db in $DBS; do echo "- $db: \`${SEEDED[$db]}\`; answers: \`${CHECKED[$db]}\`"; done
  echo
  echo "Server: \`bin/tidemark\` with its default JVM options, restarted for each run; each run: $WARMUP s warm-up per query on 1 connection, then wrk"
  echo "$DURATION s per query on 1 connection (p50 / p99 latency in ms, and requests/s), then $TP_DURATION s per query on $CONNECTIONS connections (requests/s)."
  echo
  echo "| database | run | load average at start | series p50 / p99 ms (1 conn.) | ranked page p50 / p99 ms | top referrers p50 / p99 ms | requests/s on $CONNECTIONS connections: series / ranked / referrers |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  printf '%s\n' "${RUN_ROWS[@]}"
  echo
  echo "| database | figure | median of the runs (each run) | target | verdict |"
  echo "| --- | --- | --- | --- | --- |"
  printf '%s\n' "${SUMMARY_ROWS[@]}"
} >"$out"
cat "$out"
