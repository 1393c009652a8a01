#!/usr/bin/env bash
# Times the per-boot start of `rig-bootstrap run`: from the moment the process is started to the moment the first step
# is dispatched (its persisted move to Running, read from the journal), on a simulated Linux host with the fake
# systemctl of the end-to-end tests. N runs after 3 warm-ups; prints the median, p90 and max in ms.
#
#   bench/boot-start.sh                     publishes the linux-x64 single-file binary first
#   RIG_BOOTSTRAP_PUBLISHED_BINARY=PATH bench/boot-start.sh    times that binary instead
#   N=50 bench/boot-start.sh                more runs
#   RUNS_OUT=FILE bench/boot-start.sh       also writes the raw durations in ms, one a line
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
. "$repo/bench/lib.sh"
runs="${N:-30}"
warmups=3
work="$(mktemp -d "${TMPDIR:-/tmp}/rig-bootstrap-boot-XXXXXX")"
trap 'rm -rf "$work"' EXIT

command -v jq >/dev/null 2>&1 || { echo "boot-start.sh: jq reads the journal; apt-get install jq (or brew install jq)" >&2; exit 69; }
ensure_published_binary "$work"
binary="$RIG_BOOTSTRAP_PUBLISHED_BINARY"

# One command step that needs a reboot, with reboot.mode manual: the run dispatches the step, applies it, parks it for
# the reboot and exits 0 waiting for a person. Nothing else runs, so every iteration ends by itself.
template="$work/template"
mkdir -p "$template/root/proc/sys/kernel/random" "$template/tools"
cp "$repo"/tests/RigBootstrap.Cli.Tests/FakeTools/* "$template/tools/"
chmod 755 "$template"/tools/*
cat /proc/sys/kernel/random/uuid > "$template/root/proc/sys/kernel/random/boot_id"
cat > "$work/config.json" <<'JSON'
{
  "platform": "linux",
  "agent": { "user": "rig", "home": "/home/rig" },
  "reboot": { "mode": "manual" },
  "commands": [
    { "id": "bench-step", "requiresReboot": true, "run": ["/bin/true"], "check": ["/bin/false"] }
  ],
  "steps": { "handoff": { "agentLabel": "ai.invotek.rig-deploy", "stableFor": "00:00:01" } }
}
JSON
"$binary" install --config "$work/config.json" --root "$template/root" --tools-dir "$template/tools" >/dev/null

# Prints the ms from process start to the first step dispatched, for one fresh copy of the installed host.
one_run() {
  local dir="$work/run"
  rm -rf "$dir"
  cp -a "$template" "$dir"
  # t0 is taken by the shell that then becomes rig-bootstrap (exec), so it is the process start to within a fork.
  sh -c 'date +%s%N > "$1"; shift; exec "$@"' sh "$dir/t0" \
    "$binary" run --root "$dir/root" --tools-dir "$dir/tools" >/dev/null 2>"$dir/stderr" \
    || { echo "boot-start.sh: run exited $?: $(cat "$dir/stderr")" >&2; exit 70; }
  local journal
  journal="$(find "$dir/root" -name 'journal.jsonl' | head -n 1)"
  local dispatched
  dispatched="$(jq -r 'select(.step != null and .to == "Running") | .time' "$journal" | head -n 1)"
  [ -n "$dispatched" ] || { echo "boot-start.sh: no step was dispatched (journal $journal)" >&2; exit 70; }
  awk -v a="$(cat "$dir/t0")" -v b="$(date -d "$dispatched" +%s%N)" 'BEGIN { printf "%.3f\n", (b - a) / 1000000 }'
}

for _ in $(seq "$warmups"); do one_run >/dev/null; done
for _ in $(seq "$runs"); do one_run; done > "$work/runs.ms"
echo "rig-bootstrap run, process start to first step dispatched (journal): $runs runs after $warmups warm-ups"
summarize < "$work/runs.ms"
if [ -n "${RUNS_OUT:-}" ]; then cp "$work/runs.ms" "$RUNS_OUT"; fi
