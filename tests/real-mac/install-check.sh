#!/usr/bin/env bash
# A real install under the real launchd, no reboot: `install` a config of command steps, wait until the workflow
# is Completed, then check that the daemon removed itself (plist, binary, launchd job) as the handoff promises.
# Runs only on a Mac, as root (a hosted macOS runner has passwordless sudo). Never run on a fleet host: it
# installs and removes a LaunchDaemon of its own label.
#
#   sudo tests/real-mac/install-check.sh artifacts/publish/osx-arm64/rig-bootstrap
set -euo pipefail

binary="${1:?usage: install-check.sh PATH-TO-PUBLISHED-BINARY}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
label="com.rig.bootstrap.realmac"
plist="/Library/LaunchDaemons/$label.plist"
installed="/usr/local/libexec/rig-bootstrap/rig-bootstrap"

[ "$(uname -s)" = "Darwin" ] || { echo "install-check.sh: this check needs macOS and its launchd" >&2; exit 69; }
[ "$(id -u)" -eq 0 ] || { echo "install-check.sh: run it as root (sudo)" >&2; exit 77; }
if launchctl print "system/$label" >/dev/null 2>&1; then
  echo "install-check.sh: $label is already loaded; boot it out first (launchctl bootout system/$label)" >&2
  exit 75
fi

rm -f /var/tmp/rig-bootstrap-realmac.stamp
"$binary" install --config "$here/command-steps.json"

# status --wait returns 0 at Completed, 1 at Halted, 75 at the timeout (docs/exit-codes.md).
set +e
"$binary" status --wait --timeout 00:05:00
waited=$?
set -e
"$binary" status --history || true
[ "$waited" -eq 0 ] || { echo "install-check.sh: status --wait exited $waited, not 0 (Completed)" >&2; exit 1; }

# The handoff's cleanup: Completed is persisted, the plist and binary are gone, and the job booted itself out.
for _ in $(seq 1 60); do
  launchctl print "system/$label" >/dev/null 2>&1 || break
  sleep 1
done
if launchctl print "system/$label" >/dev/null 2>&1; then
  echo "install-check.sh: $label is still loaded a minute after Completed" >&2; exit 1
fi
[ ! -e "$plist" ] || { echo "install-check.sh: $plist was not removed" >&2; exit 1; }
[ ! -e "$installed" ] || { echo "install-check.sh: $installed was not removed" >&2; exit 1; }
# status exits 0 only for Completed (docs/exit-codes.md), read from the state file the cleanup left.
"$binary" status >/dev/null || { echo "install-check.sh: status no longer says Completed" >&2; exit 1; }
echo "install-check.sh: Completed under the real launchd; plist, binary and job are gone"
