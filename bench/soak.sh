#!/usr/bin/env bash
# The soak: the Mac workflow through the published binary, again and again, until the power has been cut at least
# RIG_BOOTSTRAP_SOAK_CUTS times (default 1000) at points drawn from RIG_BOOTSTRAP_SOAK_SEED (MacSoakTests, SoakRun);
# then writes its figures into the soak section of docs/reliability.md (bench/reliability.sh keeps that section).
#
#   bench/soak.sh                                                    1000 cuts, the default seed; publishes first
#   RIG_BOOTSTRAP_SOAK_SEED=7 RIG_BOOTSTRAP_SOAK_CUTS=2000 bench/soak.sh
#   RIG_BOOTSTRAP_SOAK_SEED=S RIG_BOOTSTRAP_SOAK_RUN=N bench/soak.sh  replays run N of seed S alone (what a failure prints);
#                                                                    docs/reliability.md is left as it is
#   RIG_BOOTSTRAP_SOAK_SECONDS=2700 bench/soak.sh                    starts no run after 45 minutes (the figures say so)
#   RIG_BOOTSTRAP_PUBLISHED_BINARY=PATH bench/soak.sh                uses that binary instead of publishing
#
# Progress (one line a run: the running totals) goes to stderr while it runs.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
. "$repo/bench/lib.sh"
cd "$repo"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export RIG_BOOTSTRAP_SOAK_SEED="${RIG_BOOTSTRAP_SOAK_SEED:-20261203}"
export RIG_BOOTSTRAP_SOAK_CUTS="${RIG_BOOTSTRAP_SOAK_CUTS:-1000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/rig-bootstrap-soak-XXXXXX")"
tail_pid=""
cleanup() { [ -z "$tail_pid" ] || kill "$tail_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

command -v plistutil >/dev/null 2>&1 || { echo "soak.sh: plistutil is missing; apt-get install libplist-utils (tests/run.sh does)" >&2; exit 69; }
ensure_published_binary "$work"

dotnet build tests/RigBootstrap.Cli.Tests -c Release -nologo -clp:ErrorsOnly >&2
export RIG_BOOTSTRAP_SOAK_PROGRESS="$work/progress"
: >"$RIG_BOOTSTRAP_SOAK_PROGRESS"
tail -n +1 -f "$RIG_BOOTSTRAP_SOAK_PROGRESS" >&2 &
tail_pid=$!
log="$work/test.log"
started=$(date +%s)
set +e
dotnet test tests/RigBootstrap.Cli.Tests -c Release --no-build -nologo --filter "FullyQualifiedName~.Reliability.MacSoakTests" \
  --logger "console;verbosity=detailed" >"$log" 2>&1
test_exit=$?
set -e
seconds=$(( $(date +%s) - started ))

line=$(grep -oE 'RELIABILITY mac-soak .*' "$log" | head -n1 | sed 's/^RELIABILITY mac-soak //' || true)
if [ -z "$line" ]; then
  echo "soak.sh: the soak printed no figures (exit $test_exit)" >&2
  tail -n 60 "$log" >&2
  exit 1
fi
field() { echo "$line" | grep -oE "(^| )$1=[^ ]*" | head -n1 | cut -d= -f2; }
echo "soak: $line (wall $seconds s)" >&2

if [ -z "${RIG_BOOTSTRAP_SOAK_RUN:-}" ]; then
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
  section="$work/section.md"
  {
    echo "<!-- soak:begin (written by bench/soak.sh; bench/reliability.sh keeps it) -->"
    echo "## The soak: $(field cuts) power cuts"
    echo
    echo "\`bench/soak.sh\` runs \`MacSoakTests\` (tests/RigBootstrap.Cli.Tests/Reliability): the Mac workflow of mac-fresh-host (every"
    echo "built-in step, the os-upgrade mode drawn per run, the archive copied to \`/Users/Shared\`, the default budgets) through the"
    echo "published binary, run after run, each run's power cuts drawn from the seed and the run's index alone (\`SoakRun\`): four"
    echo "runs in five cut the power right after persistence points counted across the run's starts and boots (up to 24 a run,"
    echo "1 to 5 points apart; the daemon SIGKILLs itself at the point and every other process dies with it at the next harness"
    echo "tick), the fifth at 1 to 6 moments after the first power-on. A cut at a point replays exactly, a cut at a moment at the"
    echo "same times. Cuts in a row can spend a budget, and the workflow then halts as designed: boots in a row before any step"
    echo "finishes are a reboot loop (docs/invariants.md I5), a step whose run died in it 3 times has spent its attempts; the"
    echo "soak's operator then runs the \`rig-bootstrap retry STEP\` that \`status\` names (any other halt fails the run). Every"
    echo "run must end Completed with the plist and binary gone and each side effect once, counted in the fake tools' own logs;"
    echo "a cut at a moment may catch an idempotent one (a clone, a keychain item set with -U) in its middle, and it is redone"
    echo "and counted. A failing run prints its cuts and \`RIG_BOOTSTRAP_SOAK_SEED=S RIG_BOOTSTRAP_SOAK_RUN=N bench/soak.sh\`,"
    echo "which replays it alone. \`tests/run.sh\` runs the same test as a short seeded sample (4 cuts or more: one run)."
    echo
    echo "| what | number |"
    echo "|---|---|"
    echo "| seed | $(field seed) |"
    limit_note=""
    [ "$(field stopped-by-limit)" = "yes" ] && limit_note="; stopped by the time limit of $(field limit) s before reaching it"
    echo "| power cuts made (asked for: $(field target)$limit_note) | $(field cuts) |"
    echo "| at a persistence point / at a moment | $(field point-cuts) / $(field moment-cuts) |"
    echo "| runs / converged / failed | $(field runs) / $(field converged) / $(field failed) |"
    echo "| boots / reboots (power cuts included) | $(field boots) / $(field reboots) |"
    echo "| side effects repeated (must be 0) | $(field repeated) |"
    echo "| idempotent side effects redone after a cut at a moment | $(field redone) |"
    echo "| \`retry\` after a halt on a budget (the reboot loop of docs/invariants.md I5, or a step's 3 attempts all died) | $(field retries) |"
    echo "| wall time on this machine ($(nproc 2>/dev/null || echo "?") cores, shared) | $(field seconds) s |"
    echo "| commit, date | $commit, $(date -u +%Y-%m-%d) |"
    echo "<!-- soak:end -->"
  } >"$section"
  doc=docs/reliability.md
  if grep -q '^<!-- soak:begin' "$doc"; then
    awk -v section="$section" '
      /^<!-- soak:begin/ { while ((getline l < section) > 0) print l; skip = 1; next }
      /^<!-- soak:end/ { skip = 0; next }
      !skip { print }' "$doc" >"$work/doc.md"
    cat "$work/doc.md" >"$doc"
  else
    { echo; cat "$section"; } >>"$doc"
  fi
  echo "wrote the soak section of $doc" >&2
fi

[ "$test_exit" -eq 0 ] || { echo "soak.sh: the soak failed; each failing run and its replay command:" >&2; grep -E 'replay: |run [0-9]+ \(' "$log" >&2 || tail -n 80 "$log" >&2; exit 1; }
