#!/usr/bin/env bash
# Benchmark 5 in depth: resident memory and design-card speed under several JVM option sets, and
# what requests for huge results do to Tidemark started with bin/tidemark's options.
#
#   bench/footprint.sh      # defaults: REPOS=100 DAYS=728 WARMUP=20 DURATION=15 CONNECTIONS=32 HEAVY_CONNECTIONS=8
#   REPOS=3 DAYS=28 WARMUP=1 DURATION=1 OPTION_SETS="launcher" bench/footprint.sh   # a quick look
#
# 1. Seeds the database "bench_footprint" (BENCH_DB_PREFIX + _footprint) with REPOS x DAYS (bulk).
# 2. For each option set (OPTION_SETS, separated by ";"; "jvm-defaults" means none, "launcher" the
#    options bin/tidemark uses): starts Tidemark, runs the design card with wrk for WARMUP s, then
#    DURATION s measured, sampling the RSS every 0.5 s: requests/s, p99, idle and peak RSS.
# 3. With the launcher's options: one request for every repository's daily views and clones over
#    the whole history (REPOS x DAYS x 2 buckets; over TIDEMARK_GRAPHQL_MAX_BUCKETS unless the data
#    is tiny), then HEAVY_CONNECTIONS connections of it for DURATION s, then of a request within
#    the limit (views since 200 days); counts OutOfMemoryErrors and checks the server still answers.
# Writes bench/results/footprint.md (BENCH_RESULTS names another directory).
source "$(dirname "$0")/lib.sh"
REPOS="${REPOS:-100}"; DAYS="${DAYS:-728}"; WARMUP="${WARMUP:-20}"; DURATION="${DURATION:-15}"
CONNECTIONS="${CONNECTIONS:-32}"; HEAVY_CONNECTIONS="${HEAVY_CONNECTIONS:-8}"; PORT="${PORT:-18090}"
LAUNCHER_OPTS="$(sed -n 's/^default_java_opts="\(.*\)"$/\1/p' "$ROOT/bin/tidemark")"
OPTION_SETS="${OPTION_SETS:-jvm-defaults;-Xmx256m;launcher;-XX:+UseSerialGC -Xmx128m;-XX:+UseSerialGC -Xmx128m -XX:TieredStopAtLevel=1}"
DB="${DB_PREFIX}_footprint"; TOKEN=bench-viewer-token; URL="http://127.0.0.1:$PORT/graphql"
MACHINE="$(machine)"
ensure_built; ensure_wrk
JDBC="jdbc:postgresql://$PGHOST:$PGPORT/$DB?reWriteBatchedInserts=true"

seed_line="$(seed_pg "$DB" "$REPOS" "$DAYS")"
log "$seed_line"
app="$(prepared_jar "$ROOT/app-graphql/target/quarkus-app" app postgresql)"

Q="$WORK/footprint-queries"; mkdir -p "$Q"
echo '{"query":"{ __typename }"}' >"$Q/typename.json"
echo '{"query":"{ repository(owner: \"bench\", name: \"repo-0000\") { clones(per: WEEK) { count buckets { timestamp count uniques } } topReferrers { referrer count uniques } } }"}' >"$Q/design-card.json"
echo "{\"query\":\"{ repositories(first: 100) { nodes { views(per: DAY) { count buckets { timestamp count uniques complete } } clones(per: DAY) { count buckets { timestamp count uniques } } } } }\"}" >"$Q/huge.json"
echo "{\"query\":\"{ repositories(first: 100) { nodes { views(per: DAY, since: \\\"$(date -u -d '200 days ago' +%F)\\\") { count buckets { timestamp count uniques } } } } }\"}" >"$Q/within.json"

PID=""
start_app() { # $1 java options; sets PID
  TIDEMARK_DB=postgresql QUARKUS_DATASOURCE_JDBC_URL="$JDBC" TIDEMARK_VIEWER_TOKEN="$TOKEN" \
    TIDEMARK_ADMIN_TOKEN=bench-admin-token TIDEMARK_SYNC_DELAY=1000h QUARKUS_HTTP_PORT="$PORT" \
    java $1 -Dtidemark.db=postgresql -jar "$app" >"$WORK/footprint-app.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      --data @"$Q/typename.json" "$URL"; do
    kill -0 "$PID" 2>/dev/null || { cat "$WORK/footprint-app.log" >&2; exit 1; }
    sleep 0.05
  done
}
stop_app() { # a JVM thrashing in GC may not honour SIGTERM in time: SIGKILL after 10 s
  [ -n "$PID" ] || return 0
  kill "$PID" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || { PID=""; return 0; }; sleep 0.1; done
  kill -9 "$PID" 2>/dev/null || true; PID=""
}
trap stop_app EXIT
rss_mb() { rss_mb_of "$PID"; }
wrk_run() { wrk_graphql "$1" "$2" "$3" "$URL" "$TOKEN" 30s; } # $1 query file, $2 connections, $3 seconds
with_peak_rss() { # runs "$@" while sampling the RSS; prints the command's output, then "peak=<MB>"
  local peak_file="$WORK/footprint-peak" out
  start_peak_rss "$PID" "$peak_file"
  out="$("$@")"
  kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
  echo "$out peak=$(cat "$peak_file")"
}

rows=()
IFS=';' read -r -a sets <<<"$OPTION_SETS"
for set in "${sets[@]}"; do
  case "$set" in
    jvm-defaults) opts=""; label="JVM defaults (G1, heap up to a quarter of the RAM)" ;;
    launcher) opts="$LAUNCHER_OPTS"; label="\`$LAUNCHER_OPTS\` (bin/tidemark's default)" ;;
    *) opts="$set"; label="\`$set\`" ;;
  esac
  start_app "$opts"; sleep 2; idle="$(rss_mb)"
  wrk_run "$Q/design-card.json" "$CONNECTIONS" "$WARMUP" >/dev/null
  r="$(with_peak_rss wrk_run "$Q/design-card.json" "$CONNECTIONS" "$DURATION")"
  log "$set: idle $idle MB; $r"
  [ "$(field "$r" non2xx)" = 0 ] && [ "$(field "$r" socket_errors)" = 0 ] || { echo "errors in: $r" >&2; exit 1; }
  rows+=("| $label | $(field "$r" rps) | $(field "$r" p99_ms) ms | $idle MB | $(field "$r" peak) MB | $(awk -v p="$(field "$r" peak)" 'BEGIN {print (p < 300) ? "met" : sprintf("missed: %.0f%% over", (p/300 - 1)*100)}') |")
  stop_app
done

# --- huge results, with the launcher's options ----------------------------------------------------
start_app "$LAUNCHER_OPTS"
body="$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data @"$Q/huge.json" \
  -w '\nHTTP=%{http_code} TIME=%{time_total}' --max-time 120 "$URL" || true)"
huge_code="$(grep -o '"code":"[A-Z_]*"' <<<"$body" | head -1 | cut -d'"' -f4 || true)"; huge_code="${huge_code:-none (answered in full)}"
huge_time="$(sed -n 's/.*TIME=\([0-9.]*\).*/\1/p' <<<"$body")"
within_buckets="$(curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data @"$Q/within.json" "$URL" | grep -o '"timestamp"' | wc -l || true)"
w="$(with_peak_rss wrk_run "$Q/within.json" "$HEAVY_CONNECTIONS" "$DURATION")"; log "within c$HEAVY_CONNECTIONS: $w"
h="$(with_peak_rss wrk_run "$Q/huge.json" "$HEAVY_CONNECTIONS" "$DURATION")"; log "huge c$HEAVY_CONNECTIONS: $h"
# requests wrk gave up on at the end still run to completion on the server: allow them a minute
alive="no"; curl -sf -o /dev/null --max-time 60 -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  --data @"$Q/typename.json" "$URL" && alive="yes"
ooms="$(grep -c OutOfMemoryError "$WORK/footprint-app.log" || true)"
stop_app
[ "$alive" = yes ] && [ "$ooms" = 0 ] || { echo "the server did not survive the huge requests: alive=$alive, OutOfMemoryErrors=$ooms" >&2; exit 1; }

out="$RESULTS/footprint.md"
cat >"$out" <<MD
### 5. Footprint under JVM options, and huge results

Command: \`REPOS=$REPOS DAYS=$DAYS WARMUP=$WARMUP DURATION=$DURATION CONNECTIONS=$CONNECTIONS HEAVY_CONNECTIONS=$HEAVY_CONNECTIONS bench/footprint.sh\`

$MACHINE

Data: $REPOS repositories x $DAYS days (\`$seed_line\`). Design card on $CONNECTIONS connections
after a warm-up of ${WARMUP} s, measured for ${DURATION} s, one run per option set (the query
benchmark above has the medians); RSS sampled every 0.5 s.

| JVM options | design card requests/s | p99 | RSS idle | RSS peak under load | < 300 MB |
| --- | --- | --- | --- | --- | --- |
$(printf '%s\n' "${rows[@]}")

Huge results, with bin/tidemark's options (\`$LAUNCHER_OPTS\`) and the default
\`TIDEMARK_GRAPHQL_MAX_BUCKETS\` (25,000):

| request | measured |
| --- | --- |
| every repository's daily views and clones over the whole history ($REPOS x $(( (DAYS + 13) / 14 * 14 )) x 2 buckets), once | \`$huge_code\` after $huge_time s |
| the same on $HEAVY_CONNECTIONS connections for ${DURATION} s | $(field "$h" rps) requests/s, p50 $(field "$h" p50_ms) ms, non-2xx $(field "$h" non2xx), peak RSS $(field "$h" peak) MB |
| views since 200 days ago ($within_buckets buckets, within the limit) on $HEAVY_CONNECTIONS connections | $(field "$w" rps) requests/s, p50 $(field "$w" p50_ms) ms, peak RSS $(field "$w" peak) MB |
| OutOfMemoryErrors / still answering afterwards | $ooms / $alive |
MD
cat "$out"
