#!/usr/bin/env bash
# Runs every benchmark with its defaults and updates docs/benchmarks.md (about 25 minutes on 2 cores).
set -euo pipefail
dir="$(dirname "$0")"
"$dir/budget.sh"
"$dir/seed.sh"
"$dir/query.sh"
"$dir/footprint.sh"
"$dir/import-export.sh"
"$dir/report.sh"
