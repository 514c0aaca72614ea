#!/usr/bin/env bash
# The suite must pass on a busy machine: keep every core busy with another process, run `make test` N times
# (default 3), and report how many runs passed. `make test-under-load` runs it.
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
cores="$(nproc)"
hogs=()
for _ in $(seq "$cores"); do
  python3 -c "while True: pass" &
  hogs+=($!)
done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT
passed=0
for run in $(seq "$runs"); do
  started=$(date +%s)
  if make test > "build/under-load-run-$run.log" 2>&1; then passed=$((passed + 1)); verdict=passed; else verdict=FAILED; fi
  echo "run $run of $runs: $verdict in $(( $(date +%s) - started )) s with $cores busy-loop processes (log: build/under-load-run-$run.log)"
done
echo "$passed of $runs runs passed under load"
[ "$passed" -eq "$runs" ]
