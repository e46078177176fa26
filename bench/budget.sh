#!/usr/bin/env bash
# Benchmark 4: GitHub calls per repository per day at default settings (6 h interval) over 28
# simulated days, against the GitHub simulator, which counts every request.
#
#   bench/budget.sh                    # defaults: REPOS=40 DAYS=28 INTERVAL=6h SMALL_CACHE=200
#
# The counts are deterministic (simulated clock, seeded traffic): one run is enough. A second run
# gives the adapter an ETag cache smaller than the 8 URLs per repository it cycles through (as the
# default 8,000 answers are for more than 1,000 repositories), to show what the cache saves.
# Writes bench/results/budget.md.
source "$(dirname "$0")/lib.sh"
REPOS="${REPOS:-40}"; DAYS="${DAYS:-28}"; INTERVAL="${INTERVAL:-6h}"; SMALL_CACHE="${SMALL_CACHE:-200}"
MACHINE="$(machine)"
ensure_built
jar="$(prepared_jar "$ROOT/benchmarks/target/quarkus-app" seeder h2)"
data="$WORK/budget-h2-data"; rm -rf "$data"
line="$(java -Dtidemark.bench.data-dir="$data" -jar "$jar" budget --repos "$REPOS" --days "$DAYS" --interval "$INTERVAL" 2>&1 | grep '^RESULT')"
log "$line"
rm -rf "$data"
small="$(java -Dtidemark.bench.data-dir="$data" -jar "$jar" budget --repos "$REPOS" --days "$DAYS" --interval "$INTERVAL" --etag-cache "$SMALL_CACHE" 2>&1 | grep '^RESULT')"
log "$small"
f() { field "$line" "$1"; }
g() { field "$small" "$1"; }
out="$RESULTS/budget.md"
cat >"$out" <<MD
### 4. GitHub budget

Command: \`REPOS=$REPOS DAYS=$DAYS INTERVAL=$INTERVAL SMALL_CACHE=$SMALL_CACHE bench/budget.sh\`

$MACHINE

$REPOS repositories on the simulator (generated traffic of about 0.3, 3, 30 and 300 views a day,
in turn), synced by the real SyncService (sync policy), SyncDueRepositoriesService (scheduler,
one tick per simulated hour) and GitHubTrafficSource (ETag cache of the default 8,000 answers),
interval $INTERVAL, for $DAYS simulated days.

| figure | measured | ideal |
| --- | --- | --- |
| GitHub requests per repository per day (all) | $(printf '%.2f' "$(f requests_per_repo_day)") | |
| ... of which cost budget (not 304) | $(printf '%.2f' "$(f costing_per_repo_day)") | $(printf '%.2f' "$(f ideal_per_repo_day)") (4 windows once per 7 days + 2 snapshots + counters + releases, once a day each) |
| share answered 304 (free) | $(awk -v s="$(f share_304)" 'BEGIN {printf "%.1f%%", s*100}') | |
| budget calls by endpoint over the run: views / clones / referrers / paths / counters / releases | $(f views) / $(f clones) / $(f referrers) / $(f paths) / $(f repository) / $(f releases) | |
| days missing (gaps) / days not complete, all repositories | $(f gap_days) / $(f incomplete_days) | 0 / 0 |
| syncs / failed or deferred syncs | $(f syncs) / $(f failures) | |
| repositories one token (5,000/h, 50 kept in reserve) keeps complete and fresh, budget spread over the day | $(f max_repos_daily_avg) | $(awk -v i="$(f ideal_per_repo_day)" 'BEGIN {printf "%d", 4950*24/i}') |
| ... if the busiest hour had to fit one hour's budget (all repositories tracked at once sync in the same hour) | $(f max_repos_peak_hour) | |
| with an ETag cache of $SMALL_CACHE answers (< 8 x $REPOS URLs): budget calls per repository per day / share 304 / repositories per token | $(printf '%.2f' "$(g costing_per_repo_day)") / $(awk -v s="$(g share_304)" 'BEGIN {printf "%.1f%%", s*100}') / $(g max_repos_daily_avg) | |
MD
cat "$out"
