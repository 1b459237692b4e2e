#!/bin/sh
# Runs one libFuzzer target for a bounded time on a scratch copy of its seed
# corpus (the tree is never written). A crash fails the test and prints
# where the input was saved: copy it into tests/fuzz/regressions/TARGET/.
# Usage: run-fuzzer.sh FUZZER SEED_DIR SECONDS
set -eu
fuzzer=$1 seeds=$2 seconds=$3
work=$(mktemp -d)
cp -r "$seeds"/. "$work/corpus/" 2>/dev/null || mkdir -p "$work/corpus"
mkdir -p "$work/artifacts"
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/artifacts/" "$work/corpus" 2>"$work/log" || status=$?
grep -E '^(stat::|#[0-9]+ *DONE)|cov:' "$work/log" | tail -n 8
if [ "$status" -ne 0 ]; then
  tail -n 40 "$work/log"
  echo "run-fuzzer: $(basename "$fuzzer") found a crash; the input is in $work/artifacts/" >&2
  exit 1
fi
rm -rf "$work"
