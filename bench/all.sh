#!/usr/bin/env bash
# Runs every benchmark with its defaults and updates docs/benchmarks.md (about 20 minutes on 2 cores).
set -euo pipefail
dir="$(dirname "$0")"
"$dir/budget.sh"
"$dir/seed.sh"
"$dir/query.sh"
"$dir/footprint.sh"
"$dir/report.sh"
