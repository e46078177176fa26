#!/usr/bin/env bash
# Puts the latest results (bench/results/*.md, written by the benchmark scripts) into
# docs/benchmarks.md (or BENCH_DOC), between the "results:begin" and "results:end" markers.
source "$(dirname "$0")/lib.sh"
doc="${BENCH_DOC:-$ROOT/docs/benchmarks.md}"
tmp="$(mktemp)"
{
  sed '/<!-- results:begin -->/q' "$doc"
  echo
  for name in query footprint seed budget import-export; do
    if [ -f "$RESULTS/$name.md" ]; then cat "$RESULTS/$name.md"; echo; fi
  done
  sed -n '/<!-- results:end -->/,$p' "$doc"
} >"$tmp"
mv "$tmp" "$doc"
log "updated $doc"
