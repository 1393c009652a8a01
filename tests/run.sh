#!/usr/bin/env bash
# Installs what the tests need (apt-get or brew), builds, publishes the single-file binaries (linux-x64 for the
# end-to-end tests; osx-arm64 and osx-x64 for the Mach-O signature checks), runs every test project, and prints the
# totals on one line: "N passed, N failed, N skipped".
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

need_tools() {
  for tool in age age-keygen plistutil sqlite3 systemd-analyze git; do
    command -v "$tool" >/dev/null 2>&1 || return 0
  done
  return 1
}

if need_tools; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing test tools with apt-get: age libplist-utils sqlite3 systemd git"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends age libplist-utils sqlite3 systemd git >/dev/null
  elif command -v brew >/dev/null 2>&1; then
    echo "Installing test tools with brew: age libplist sqlite"
    brew install age libplist sqlite
  else
    echo "tests/run.sh: neither apt-get nor brew is available; install age, plistutil, sqlite3 and systemd-analyze" >&2
    exit 69
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$repo/artifacts/test-results"
publish_root="$repo/artifacts/publish"
rm -rf "$results"
mkdir -p "$results" "$publish_root"

# Publishes one runtime with publish.ps1's settings (single-file, self-contained, trimmed) into
# artifacts/publish/<rid>, keeping the full output in artifacts/publish/<rid>.log. Any trim or AOT analysis
# warning (IL2xxx, IL3xxx) from any assembly fails the run by name. TrimmerSingleWarn=false makes the trimmer name each
# warning in a package instead of folding them into one IL2104, and no project may suppress a trim warning
# (RigBootstrap.Architecture.Tests checks every csproj and props file for a NoWarn of IL2xxx/IL3xxx).
publish_runtime() {
  local rid="$1" dir="$publish_root/$1" log="$publish_root/$1.log" start=$SECONDS status=0
  rm -rf "$dir"
  dotnet publish src/RigBootstrap.Cli/RigBootstrap.Cli.csproj -c Release -r "$rid" -o "$dir" -nologo \
    -p:PublishSingleFile=true -p:SelfContained=true -p:PublishTrimmed=true -p:TrimmerSingleWarn=false >"$log" 2>&1 || status=$?
  local trim
  trim=$(grep -oE 'IL[23][0-9]{3}: [^[]*' "$log" | sort -u || true)
  if [ -n "$trim" ]; then
    echo "tests/run.sh: the $rid publish has trim warnings (none is allowed):" >&2
    echo "$trim" | sed 's/^/  /' >&2
    echo "  full output: $log" >&2
    exit 1
  fi
  if [ "$status" -ne 0 ]; then
    grep -E ': (error|warning) ' "$log" | sort -u >&2 || tail -n 20 "$log" >&2
    echo "tests/run.sh: dotnet publish -r $rid failed (exit $status); full output: $log" >&2
    exit 1
  fi
  echo "Published $rid in $((SECONDS - start)) s: $(wc -c <"$dir/rig-bootstrap" | tr -d ' ') bytes, no trim warning"
}

dotnet build Bootstrap.sln -c Release -nologo -clp:ErrorsOnly
# The style is checked, not hoped for (docs/style.md 25): .editorconfig decides, and a drift fails the run.
dotnet format Bootstrap.sln --verify-no-changes --no-restore
# The end-to-end tests run the published binary, the way a fleet host would.
publish_runtime linux-x64
export RIG_BOOTSTRAP_PUBLISHED_BINARY="$publish_root/linux-x64/rig-bootstrap"
# The macOS binaries cannot run here; RigBootstrap.Publish.Tests reads each one's Mach-O header and code signature.
publish_runtime osx-arm64
publish_runtime osx-x64
export RIG_BOOTSTRAP_PUBLISHED_OSX_ARM64="$publish_root/osx-arm64/rig-bootstrap"
export RIG_BOOTSTRAP_PUBLISHED_OSX_X64="$publish_root/osx-x64/rig-bootstrap"

set +e
# No test carries an xUnit Timeout (undefined under parallel collections in xUnit 2; TestHygieneTests forbids it):
# each wait is bounded inside its test, and a test still running after 30 minutes (the longest crash sweep takes
# about 13 on a loaded machine) is killed here and reported by name instead of holding the run until CI's limit.
dotnet test Bootstrap.sln -c Release --no-build -nologo --blame-hang-timeout 30m --blame-hang-dump-type none \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results"
test_exit=$?
set -e

passed=0; failed=0; skipped=0; total=0
shopt -s nullglob
for trx in "$results"/*.trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  t=$(get total); e=$(get executed); p=$(get passed); f=$(get failed); er=$(get error)
  total=$((total + t)); passed=$((passed + p)); failed=$((failed + f + er)); skipped=$((skipped + t - e))
done

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$test_exit" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$total" -eq 0 ]; then
  [ "$total" -eq 0 ] && echo "tests/run.sh: no test ran" >&2
  exit 1
fi
