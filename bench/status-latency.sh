#!/usr/bin/env bash
# Times `rig-bootstrap status --json --root ROOT` on a host root the demo finished: N runs after 3 warm-ups,
# printing the median, p90 and max in ms and the binary's size in MB. Uses hyperfine when it is installed
# (apt-get install -y hyperfine), else a `date +%s%N` loop.
#
#   bench/status-latency.sh                 publishes the linux-x64 single-file binary first
#   RIG_BOOTSTRAP_PUBLISHED_BINARY=PATH bench/status-latency.sh    times that binary instead
#   N=100 bench/status-latency.sh           more runs
#   RUNS_OUT=FILE bench/status-latency.sh   also writes the raw durations in ms, one a line
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
. "$repo/bench/lib.sh"
runs="${N:-30}"
warmups=3
work="$(mktemp -d "${TMPDIR:-/tmp}/rig-bootstrap-bench-XXXXXX")"
trap 'rm -rf "$work"' EXIT

ensure_published_binary "$work"
binary="$RIG_BOOTSTRAP_PUBLISHED_BINARY"

root="$work/root"
"$binary" demo --into "$root" >/dev/null
"$binary" status --json --root "$root" >/dev/null || { echo "status-latency.sh: status on the demo root failed" >&2; exit 70; }

if command -v hyperfine >/dev/null 2>&1; then
  method="$(hyperfine --version)"
  # --shell=none: time the binary, not a shell starting it.
  hyperfine --shell=none --warmup "$warmups" --runs "$runs" --style none --export-json "$work/runs.json" \
    "$(printf '%q status --json --root %q' "$binary" "$root")" >/dev/null
  times_ms() {
    # The "times" array holds one duration in seconds per run.
    tr -d ' \n' < "$work/runs.json" | sed -e 's/.*"times":\[\([^]]*\)\].*/\1/' | tr ',' '\n' | awk '{ printf "%.3f\n", $1 * 1000 }'
  }
else
  method="date +%s%N loop (hyperfine not installed)"
  for _ in $(seq "$warmups"); do "$binary" status --json --root "$root" >/dev/null; done
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$binary" status --json --root "$root" >/dev/null
    end=$(date +%s%N)
    echo $(( end - start )) >> "$work/runs.ns"
  done
  times_ms() { awk '{ printf "%.3f\n", $1 / 1000000 }' "$work/runs.ns"; }
fi

size_bytes=$(wc -c < "$binary")
echo "rig-bootstrap status --json on a completed demo root: $runs runs after $warmups warm-ups ($method)"
times_ms | summarize
awk -v b="$size_bytes" 'BEGIN { printf "  binary  %7.1f MB (%d bytes)\n", b / 1048576, b }'
# RUNS_OUT=FILE keeps the raw durations (ms, one a line), for comparing binaries run by turns.
if [ -n "${RUNS_OUT:-}" ]; then times_ms > "$RUNS_OUT"; fi
