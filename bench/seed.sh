#!/usr/bin/env bash
# Benchmark 3: seeding and merge throughput through the TrafficStore port, on H2 and PostgreSQL.
#
#   bench/seed.sh                      # defaults: REPOS=100 DAYS=728 RUNS=3 THREADS=4 DBS="h2 postgresql"
#   REPOS=10 DAYS=28 RUNS=1 bench/seed.sh
#
# Each run seeds a fresh database twice, alternating: with the storage adapter's bulk mergeAll (all
# windows of a repository in one transaction) and with one TrafficStore.merge per window (as syncs
# do). Prints the median buckets/s of each and their ratio, and writes bench/results/seed.md.
source "$(dirname "$0")/lib.sh"
REPOS="${REPOS:-100}"; DAYS="${DAYS:-728}"; RUNS="${RUNS:-3}"; THREADS="${THREADS:-4}"; DBS="${DBS:-h2 postgresql}"
ensure_built
out="$RESULTS/seed.md"
{
  echo "### 3. Seeding and merge throughput"
  echo
  echo "Command: \`REPOS=$REPOS DAYS=$DAYS RUNS=$RUNS THREADS=$THREADS DBS=\"$DBS\" bench/seed.sh\`"
  echo
  machine
  echo
  echo "| database | repositories x days | buckets per seeding | bulk mergeAll: buckets/s (median of $RUNS) | one merge per window: buckets/s (median of $RUNS) | ratio bulk / per window (median) | target |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
} >"$out.tmp"
for db in $DBS; do
  jar="$(prepared_jar "$ROOT/benchmarks/target/quarkus-app" seeder "$db")"
  bulk=(); single=(); ratios=(); buckets=""
  for run in $(seq 1 "$RUNS"); do
    declare -A rate=()
    for mode in true false; do
      if [ "$db" = postgresql ]; then fresh_pg_db "${DB_PREFIX}_seed"; fi
      data="$WORK/seed-h2-data"; rm -rf "$data"
      line="$(java -Dtidemark.db="$db" -Dtidemark.bench.data-dir="$data" \
        -Dtidemark.bench.jdbc-url.postgresql="jdbc:postgresql://$PGHOST:$PGPORT/${DB_PREFIX}_seed?reWriteBatchedInserts=true" \
        -jar "$jar" seed --repos "$REPOS" --days "$DAYS" --threads "$THREADS" --bulk "$mode" 2>&1 | grep '^RESULT')"
      log "$line"
      rate[$mode]="$(field "$line" buckets_per_s)"; buckets="$(field "$line" buckets)"; days="$(field "$line" days)"
    done
    bulk+=("${rate[true]}"); single+=("${rate[false]}")
    ratios+=("$(awk -v a="${rate[true]}" -v b="${rate[false]}" 'BEGIN {printf "%.2f", a/b}')")
    unset rate
  done
  mb="$(printf '%s\n' "${bulk[@]}" | median)"; ms="$(printf '%s\n' "${single[@]}" | median)"; mr="$(printf '%s\n' "${ratios[@]}" | median)"
  target="-"; [ "$db" = postgresql ] && target="50,000/s bulk: $(awk -v m="$mb" 'BEGIN {printf (m >= 50000 ? "met" : "missed by %.0f%%"), (1 - m/50000)*100}')"
  echo "| $db | $REPOS x $days | $buckets | $mb (runs: ${bulk[*]}) | $ms (runs: ${single[*]}) | $mr | $target |" >>"$out.tmp"
done
mv "$out.tmp" "$out"
cat "$out"
