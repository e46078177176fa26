#!/usr/bin/env bash
# Benchmarks 1 (query speed), 2 (scale) and 5 (footprint), on PostgreSQL on this machine.
#
#   bench/query.sh        # defaults: REPOS=1000 DAYS=728 ROUNDS=3 DURATION=15 CONNECTIONS=32 WARMUP=30 SEED=true
#   REPOS=20 DAYS=56 ROUNDS=1 DURATION=3 WARMUP=3 STARTS=1 bench/query.sh     # a quick look
#
# 1. Seeds the database "bench" (fresh; BENCH_DB_PREFIX names another) with REPOS x DAYS through the TrafficStore port (bulk).
# 2. Starts Tidemark (JVM mode, the app-graphql jar re-augmented for PostgreSQL) STARTS times:
#    start-up time to the first answered query, idle RSS.
# 3. wrk (Debian package), CONNECTIONS connections, 2 threads, DURATION s each, ROUNDS rounds
#    alternating { __typename } and the design-card query on bench/repo-0000 (2 years), and the
#    design card on 1 connection; then the repositories(first: 100) page on 1 connection.
#    Figures are medians over the rounds; ratios are taken within each round.
# 4. Counts the SQL statements per request (log_statement=all on "bench" for that phase only).
# 5. Records JFR during one extra design-card run and summarises it.
# Writes bench/results/query.md (BENCH_RESULTS names another directory). PORT and PORTB (PORT + 1)
# are the ports of the two servers; IDLE_WAIT the seconds before the idle RSS is read.
source "$(dirname "$0")/lib.sh"
REPOS="${REPOS:-1000}"; DAYS="${DAYS:-728}"; ROUNDS="${ROUNDS:-3}"; DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-32}"; WARMUP="${WARMUP:-30}"; SEED="${SEED:-true}"; STARTS="${STARTS:-3}"; PORT="${PORT:-18080}"; IDLE_WAIT="${IDLE_WAIT:-5}"
DB="$DB_PREFIX"; TOKEN=bench-viewer-token; URL="http://127.0.0.1:$PORT/graphql"
MACHINE="$(machine)"
ensure_built; ensure_wrk
JDBC="jdbc:postgresql://$PGHOST:$PGPORT/$DB?reWriteBatchedInserts=true"

seed_line="(not seeded in this run: SEED=false)"
if [ "$SEED" = true ]; then
  seed_line="$(seed_pg "$DB" "$REPOS" "$DAYS")"
  log "$seed_line"
fi

since="$(date -u -d "90 days ago" +%F)"

Q="$WORK/queries"; mkdir -p "$Q"
echo '{"query":"{ __typename }"}' >"$Q/typename.json"
echo '{"query":"{ repository(owner: \"bench\", name: \"repo-0000\") { clones(per: WEEK) { count buckets { timestamp count uniques } } topReferrers { referrer count uniques } } }"}' >"$Q/design-card.json"
echo "{\"query\":\"{ repositories(first: 100) { nodes { nameWithOwner views(per: WEEK, since: \\\"$since\\\") { count } } } }\"}" >"$Q/list.json"

app="$(prepared_jar "$ROOT/app-graphql/target/quarkus-app" app postgresql)"
# variant B: the remedy for quarkus#54361 measured side by side, the whole GraphQL execution on a
# worker thread instead of the event loop plus ordered executeBlocking (a build-time property)
appB_dir="$WORK/app-worker-postgresql"
if [ ! -f "$appB_dir/quarkus-app/quarkus-run.jar" ] || [ "$app" -nt "$appB_dir/quarkus-app/quarkus-run.jar" ]; then
  rm -rf "$appB_dir"; mkdir -p "$appB_dir"; cp -r "$(dirname "$app")" "$appB_dir/"
  log "re-augmenting app variant B (quarkus.smallrye-graphql.nonblocking.enabled=false)"
  java -Dquarkus.launch.rebuild=true -Dtidemark.db=postgresql -Dquarkus.smallrye-graphql.nonblocking.enabled=false \
    -jar "$appB_dir/quarkus-app/quarkus-run.jar" >"$appB_dir/augment.log" 2>&1
fi
appB="$appB_dir/quarkus-app/quarkus-run.jar"
PORTB="${PORTB:-$((PORT + 1))}"; URLB="http://127.0.0.1:$PORTB/graphql"
PID=""; PIDB=""
launch() { # $1 jar, $2 port, $3 log, $4 java options: prints the pid
  TIDEMARK_DB=postgresql QUARKUS_DATASOURCE_JDBC_URL="$JDBC" TIDEMARK_VIEWER_TOKEN="$TOKEN" \
    TIDEMARK_ADMIN_TOKEN=bench-admin-token TIDEMARK_SYNC_DELAY=1000h QUARKUS_HTTP_PORT="$2" \
    java $4 -Dtidemark.db=postgresql -jar "$1" >"$3" 2>&1 &
  echo $!
}
await_answer() { # $1 pid, $2 url, $3 log
  until curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data @"$Q/typename.json" "$2"; do
    kill -0 "$1" 2>/dev/null || { cat "$3" >&2; exit 1; }
    sleep 0.02
  done
}
start_app() { # sets PID and STARTUP_MS, the start-up time to the first answered query
  local t0 t1
  t0="$(date +%s%N)"
  PID="$(launch "$app" "$PORT" "$WORK/app.log" "${JAVA_OPTS:-}")"
  await_answer "$PID" "$URL" "$WORK/app.log"
  t1="$(date +%s%N)"
  STARTUP_MS=$(( (t1 - t0) / 1000000 ))
}
stop_pid() { # the app is not a child of this shell: wait until it is gone
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || return 0
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}
stop_app() { stop_pid "$PID"; PID=""; }
stop_all() { stop_app; stop_pid "$PIDB"; PIDB=""; }
trap stop_all EXIT
rss_mb() { rss_mb_of "$PID"; }
wrk_run() { wrk_graphql "$1" "$2" "$3" "${4:-$URL}" "$TOKEN" 10s; } # $1 query file, $2 connections, $3 seconds, [$4 url]
check_answer() {
  local body; body="$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data @"$1" "$URL")"
  if grep -q '"errors"' <<<"$body" || ! grep -q '"data"' <<<"$body"; then echo "query $1 failed: $body" >&2; exit 1; fi
}

# --- 5. footprint: start-up and idle RSS -----------------------------------------------------
starts=(); idle=()
for i in $(seq 1 "$STARTS"); do
  start_app; starts+=("$STARTUP_MS"); sleep "$IDLE_WAIT"; idle+=("$(rss_mb)"); log "start ${starts[-1]} ms, idle RSS ${idle[-1]} MB"
  [ "$i" -lt "$STARTS" ] && stop_app
done
for f in typename design-card list; do check_answer "$Q/$f.json"; done
design_bytes="$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data @"$Q/design-card.json" "$URL" | wc -c)"

# --- 1. and 2.: wrk rounds ----------------------------------------------------------------------
PIDB="$(launch "$appB" "$PORTB" "$WORK/app-b.log" "${JAVA_OPTS:-}")"; await_answer "$PIDB" "$URLB" "$WORK/app-b.log"
log "warm-up"
for u in "$URL" "$URLB"; do # long enough for C2 to compile the design card's hot paths
  wrk_run "$Q/typename.json" "$CONNECTIONS" "$WARMUP" "$u" >/dev/null; wrk_run "$Q/design-card.json" "$CONNECTIONS" "$WARMUP" "$u" >/dev/null
done
wrk_run "$Q/list.json" 1 "$WARMUP" >/dev/null
peak_file="$WORK/rss-peak"; start_peak_rss "$PID" "$peak_file"
declare -a t_rps d_rps d_p99 d_p50 ratio d1_rps d1_p50 l_p50 l_p99 l_rps t_p99 tb_rps db_rps db_p99 db_p50 ratiob
for r in $(seq 1 "$ROUNDS"); do
  t="$(wrk_run "$Q/typename.json" "$CONNECTIONS" "$DURATION")"; log "typename c$CONNECTIONS: $t"
  d="$(wrk_run "$Q/design-card.json" "$CONNECTIONS" "$DURATION")"; log "design c$CONNECTIONS: $d"
  d1="$(wrk_run "$Q/design-card.json" 1 "$DURATION")"; log "design c1: $d1"
  l="$(wrk_run "$Q/list.json" 1 "$DURATION")"; log "list c1: $l"
  tb="$(wrk_run "$Q/typename.json" "$CONNECTIONS" "$DURATION" "$URLB")"; log "B typename c$CONNECTIONS: $tb"
  db="$(wrk_run "$Q/design-card.json" "$CONNECTIONS" "$DURATION" "$URLB")"; log "B design c$CONNECTIONS: $db"
  tb_rps+=("$(field "$tb" rps)"); db_rps+=("$(field "$db" rps)"); db_p99+=("$(field "$db" p99_ms)"); db_p50+=("$(field "$db" p50_ms)")
  ratiob+=("$(awk -v a="$(field "$db" rps)" -v b="$(field "$t" rps)" 'BEGIN {printf "%.3f", a/b}')")
  for x in "$t" "$d" "$d1" "$l" "$tb" "$db"; do [ "$(field "$x" non2xx)" = 0 ] && [ "$(field "$x" socket_errors)" = 0 ] || { echo "errors in: $x" >&2; exit 1; }; done
  t_rps+=("$(field "$t" rps)"); t_p99+=("$(field "$t" p99_ms)")
  d_rps+=("$(field "$d" rps)"); d_p99+=("$(field "$d" p99_ms)"); d_p50+=("$(field "$d" p50_ms)")
  ratio+=("$(awk -v a="$(field "$d" rps)" -v b="$(field "$t" rps)" 'BEGIN {printf "%.3f", a/b}')")
  d1_rps+=("$(field "$d1" rps)"); d1_p50+=("$(field "$d1" p50_ms)")
  l_p50+=("$(field "$l" p50_ms)"); l_p99+=("$(field "$l" p99_ms)"); l_rps+=("$(field "$l" rps)")
done
m() { printf '%s\n' "$@" | median; }
load_rss="$(cat "$peak_file")"

# --- JFR during one more design-card run ------------------------------------------------------
jcmd "$PID" JFR.start name=bench settings=profile filename="$WORK/design-card.jfr" >/dev/null
wrk_run "$Q/design-card.json" "$CONNECTIONS" "$DURATION" >/dev/null
jcmd "$PID" JFR.stop name=bench >/dev/null
jfr_md="$(jfr print --events jdk.ExecutionSample --stack-depth 64 "$WORK/design-card.jfr" | python3 "$ROOT/bench/jfr-summary.py")"
jcmd "$PIDB" JFR.start name=bench settings=profile filename="$WORK/design-card-b.jfr" >/dev/null
wrk_run "$Q/design-card.json" "$CONNECTIONS" "$DURATION" "$URLB" >/dev/null
jcmd "$PIDB" JFR.stop name=bench >/dev/null
jfr_md_b="$(jfr print --events jdk.ExecutionSample --stack-depth 64 "$WORK/design-card-b.jfr" | python3 "$ROOT/bench/jfr-summary.py")"
kill "$SAMPLER" 2>/dev/null || true
stop_all

# --- 5. footprint with a sized heap (same jar, JVM options only) -------------------------------
# by default the JVM options bin/tidemark starts Tidemark with
TUNED_OPTS="${TUNED_OPTS:-$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' "$ROOT/bin/tidemark")}"
JAVA_OPTS="$TUNED_OPTS" start_app; tuned_start="$STARTUP_MS"; sleep "$IDLE_WAIT"; tuned_idle="$(rss_mb)"
start_peak_rss "$PID" "$peak_file"
tuned_load="$(wrk_run "$Q/design-card.json" "$CONNECTIONS" "$DURATION")"; log "tuned design c$CONNECTIONS: $tuned_load"
tuned_rss="$(cat "$peak_file")"
kill "$SAMPLER" 2>/dev/null || true
stop_app

# --- SQL statements per request ---------------------------------------------------------------
pglog="$(ls -t /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -1 || true)"
stmt_design="n/a"; stmt_list="n/a"; tx_design="n/a"; tx_list="n/a"
if [ -n "$pglog" ] && [ -r "$pglog" ]; then
  psql -qAt -d postgres -c "alter database $DB set log_statement = 'all'" >/dev/null
  start_app
  count() { # $1 query file, $2 requests: prints "statements transactions" per request
    local before after n=$2
    sleep 1; before="$(stat -c %s "$pglog")"
    for i in $(seq 1 "$n"); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data @"$1" "$URL"; done
    sleep 1; after="$(stat -c %s "$pglog")"
    tail -c +"$((before + 1))" "$pglog" | head -c "$((after - before))" | grep "@$DB " >"$WORK/statements.log" || true
    awk -v n="$n" '/(statement|execute [^:]*): *(select|SELECT|insert|INSERT|update|UPDATE|delete|DELETE|with|WITH)/ {s++}
                   /(statement|execute [^:]*): *(BEGIN|begin)/ {t++}
                   END {printf "%.1f %.1f\n", s/n, t/n}' "$WORK/statements.log"
  }
  read -r stmt_design tx_design <<<"$(count "$Q/design-card.json" 20)"
  read -r stmt_list tx_list <<<"$(count "$Q/list.json" 20)"
  stop_app
  psql -qAt -d postgres -c "alter database $DB reset log_statement" >/dev/null
fi

# --- report --------------------------------------------------------------------------------------
verdict() { awk -v v="$1" -v t="$2" -v lower="$3" 'BEGIN { ok = lower ? v <= t : v >= t;
  if (ok) print "met"; else if (lower) printf "missed: %.0f%% over\n", (v/t - 1)*100; else printf "missed: %.0f%% under\n", (1 - v/t)*100 }'; }
ratio_m="$(m "${ratio[@]}")"; p99_m="$(m "${d_p99[@]}")"; list_m="$(m "${l_p50[@]}")"; start_m="$(m "${starts[@]}")"
out="$RESULTS/query.md"
cat >"$out" <<MD
### 1, 2, 5. Query speed, scale and footprint (PostgreSQL, JVM mode)

Command: \`REPOS=$REPOS DAYS=$DAYS ROUNDS=$ROUNDS DURATION=$DURATION CONNECTIONS=$CONNECTIONS WARMUP=$WARMUP STARTS=$STARTS bench/query.sh\`

$MACHINE

Data: $REPOS repositories x $DAYS days, seeded through the TrafficStore port: \`$seed_line\`.
wrk 2 threads on the same 2 cores as Tidemark and PostgreSQL; $ROUNDS rounds of ${DURATION} s per
figure after a warm-up of ${WARMUP} s per query and variant; medians over the rounds (each round's figures in brackets).

| # | figure | measured (median) | target | verdict |
| --- | --- | --- | --- | --- |
| 1 | \`{ __typename }\`, $CONNECTIONS connections: requests/s | $(m "${t_rps[@]}") (${t_rps[*]}); p99 $(m "${t_p99[@]}") ms | framework ceiling | |
| 1 | design card (clones per week over $DAYS days: $(( DAYS / 7 )) weeks, top referrers; $design_bytes bytes), $CONNECTIONS connections: requests/s | $(m "${d_rps[@]}") (${d_rps[*]}) | | |
| 1 | design card / \`__typename\` throughput, same round | $ratio_m (${ratio[*]}) | >= 0.5 | $(verdict "$ratio_m" 0.5 0) |
| 1 | design card p99 latency, $CONNECTIONS connections | $p99_m ms (${d_p99[*]}); p50 $(m "${d_p50[@]}") ms | < 25 ms | $(verdict "$p99_m" 25 1) |
| 1 | remedy B (\`quarkus.smallrye-graphql.nonblocking.enabled=false\`, same data, same rounds): \`__typename\` / design card requests/s | $(m "${tb_rps[@]}") (${tb_rps[*]}) / $(m "${db_rps[@]}") (${db_rps[*]}) | | |
| 1 | remedy B: design card / default \`__typename\` throughput, same round | $(m "${ratiob[@]}") (${ratiob[*]}) | >= 0.5 | $(verdict "$(m "${ratiob[@]}")" 0.5 0) |
| 1 | remedy B: design card p99 latency, $CONNECTIONS connections | $(m "${db_p99[@]}") ms (${db_p99[*]}); p50 $(m "${db_p50[@]}") ms | < 25 ms | $(verdict "$(m "${db_p99[@]}")" 25 1) |
| 1 | design card, 1 connection: requests/s, p50 | $(m "${d1_rps[@]}") (${d1_rps[*]}); p50 $(m "${d1_p50[@]}") ms | | |
| 2 | \`repositories(first: 100) { nodes { nameWithOwner views(per: WEEK, since: "$since") { count } } }\`, 1 connection: p50 latency | $list_m ms (${l_p50[*]}); p99 $(m "${l_p99[@]}") ms | < 100 ms | $(verdict "$list_m" 100 1) |
| 2 | SQL statements per request: repositories page / design card | $stmt_list / $stmt_design (transactions: $tx_list / $tx_design) | bounded (no N+1) | $(awk -v s="$stmt_list" 'BEGIN {print (s == "n/a") ? "not measured" : (s > 20 ? "N+1: grows with the page size" : "bounded")}') |
| 5 | start-up to the first answered query | $start_m ms (${starts[*]}) | < 3 s | $(verdict "$start_m" 3000 1) |
| 5 | resident memory (RSS) idle / peak under load | $(m "${idle[@]}") MB (${idle[*]}) / $load_rss MB | < 300 MB under load | $(verdict "$load_rss" 300 1) |
| 5 | sized JVM (\`JAVA_OPTS="$TUNED_OPTS"\`, bin/tidemark's default unless TUNED_OPTS is set): start-up, RSS idle / peak under design-card load, design card requests/s and p99 | $tuned_start ms; $tuned_idle MB / $tuned_rss MB; $(field "$tuned_load" rps) req/s, p99 $(field "$tuned_load" p99_ms) ms (one run) | < 3 s, < 300 MB | $(verdict "$tuned_rss" 300 1) |

JFR profile of one more design-card run ($CONNECTIONS connections, ${DURATION} s, \`settings=profile\`;
\`jfr print --events jdk.ExecutionSample\` summarised by \`bench/jfr-summary.py\`):

$jfr_md

The same for remedy B:

$jfr_md_b
MD
cat "$out"
