# Shared helpers of the benchmark scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Overridable so that the smoke run in `./mvnw verify` (BenchScriptsSmokeIT) never touches the
# real results, the real benchmark databases or docs/benchmarks.md.
WORK="${BENCH_WORK:-$ROOT/benchmarks/target/bench-work}"
RESULTS="${BENCH_RESULTS:-$ROOT/bench/results}"
DB_PREFIX="${BENCH_DB_PREFIX:-bench}"
PGHOST="${PGHOST:-127.0.0.1}"; PGPORT="${PGPORT:-5432}"; PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
mkdir -p "$WORK" "$RESULTS"

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# The median of the numbers on stdin, one per line.
median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) {print "n/a"} else if (NR%2) {print v[(NR+1)/2]} else {printf "%.6g\n", (v[NR/2]+v[NR/2+1])/2}}'; }

# key=value from a RESULT line.
field() { tr ' ' '\n' <<<"$1" | sed -n "s/^$2=//p"; }

# One markdown line describing the machine, the JVM and the databases of this run.
machine() {
  local mem java pg
  mem="$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  java="$(java -version 2>&1 | head -1 | sed 's/"//g')"
  pg="$(psql -qAt -d postgres -c 'show server_version' 2>/dev/null || echo 'not reachable')"
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $mem RAM; $java; PostgreSQL $pg on the same machine; load average at start $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?') (+ working tree)."
}

# Builds the jars if they are missing (a fresh clone).
ensure_built() {
  if [ ! -f "$ROOT/benchmarks/target/quarkus-app/quarkus-run.jar" ] || [ ! -f "$ROOT/app-graphql/target/quarkus-app/quarkus-run.jar" ]; then
    if [ "${BENCH_NO_BUILD:-false}" = true ]; then # inside a Maven build (the smoke run): no nested build
      log "the packaged applications are missing (app-graphql and benchmarks target/quarkus-app)"; exit 1
    fi
    log "building (first run)"
    (cd "$ROOT" && ./mvnw -q install -DskipTests)
  fi
}

# A private copy of a mutable Quarkus jar, re-augmented for the database kind: prints its jar.
# $1: source quarkus-app directory, $2: name, $3: h2|postgresql
prepared_jar() {
  local src="$1" name="$2" db="$3" dir="$WORK/$2-$3"
  if [ ! -f "$dir/quarkus-app/quarkus-run.jar" ] || [ "$src/quarkus-run.jar" -nt "$dir/quarkus-app/quarkus-run.jar" ]; then
    rm -rf "$dir"; mkdir -p "$dir"; cp -r "$src" "$dir/"
    if [ "$db" != h2 ]; then
      log "re-augmenting $name for $db"
      java -Dquarkus.launch.rebuild=true -Dtidemark.db="$db" -jar "$dir/quarkus-app/quarkus-run.jar" >"$dir/augment.log" 2>&1
    fi
  fi
  echo "$dir/quarkus-app/quarkus-run.jar"
}

# Drops and creates a PostgreSQL database.
fresh_pg_db() {
  psql -qAt -d postgres -c "select pg_terminate_backend(pid) from pg_stat_activity where datname = '$1' and pid <> pg_backend_pid()" >/dev/null
  psql -qAt -d postgres -c "drop database if exists $1" -c "create database $1" >/dev/null
}

# Seeds a fresh PostgreSQL database through the TrafficStore port (bulk) and prints the seeder's
# RESULT line. $1 database, $2 repositories, $3 days, then any further seed options (--end D ...)
seed_pg() {
  local jdbc="jdbc:postgresql://$PGHOST:$PGPORT/$1?reWriteBatchedInserts=true" seeder line
  fresh_pg_db "$1"
  seeder="$(prepared_jar "$ROOT/benchmarks/target/quarkus-app" seeder postgresql)"
  line="$(java -Dtidemark.db=postgresql -Dtidemark.bench.jdbc-url.postgresql="$jdbc" \
    -jar "$seeder" seed --repos "$2" --days "$3" --threads 4 --bulk true "${@:4}" 2>&1 | grep '^RESULT')"
  psql -qAt -d "$1" -c "vacuum analyze" >/dev/null
  echo "$line"
}

# The resident memory (VmRSS) of process $1, in MB.
rss_mb_of() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# Starts sampling the RSS of process $1 every 0.5 s in the background, keeping the peak (MB) in
# file $2; sets SAMPLER to the sampler's pid (kill it when done).
start_peak_rss() {
  echo 0 >"$2"
  ( while kill -0 "$1" 2>/dev/null; do r="$(rss_mb_of "$1")"; [ "${r:-0}" -gt "$(cat "$2")" ] && echo "$r" >"$2"; sleep 0.5; done ) &
  SAMPLER=$!
}

# wrk POSTing one GraphQL request (bench/graphql.lua): prints its "WRK key=value" line.
# $1 query file (JSON body), $2 connections, $3 seconds, $4 url, $5 bearer token, $6 wrk's timeout
wrk_graphql() {
  local threads=2; [ "$2" -lt 2 ] && threads=1
  QUERY_FILE="$1" TOKEN="$5" wrk -t"$threads" -c"$2" -d"$3s" --timeout "$6" -s "$ROOT/bench/graphql.lua" "$4" | grep '^WRK'
}

ensure_wrk() {
  command -v wrk >/dev/null || { log "installing wrk (Debian package)"; apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
}
