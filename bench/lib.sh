# Shared by the bench scripts (sourced, not run): the binary they time, and how they sum up durations.

# Sets RIG_BOOTSTRAP_PUBLISHED_BINARY (exported, for the tests the scripts run) to the binary to bench: the one it
# names already, or else a fresh linux-x64 single-file publish into WORK_DIR/publish. Exits 66 if it is no executable.
ensure_published_binary() {
  local work_dir="$1" script="${0##*/}"
  if [ -z "${RIG_BOOTSTRAP_PUBLISHED_BINARY:-}" ]; then
    echo "Publishing the linux-x64 single-file binary (set RIG_BOOTSTRAP_PUBLISHED_BINARY to skip this)..." >&2
    DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet publish "$repo/src/RigBootstrap.Cli/RigBootstrap.Cli.csproj" \
      -c Release -r linux-x64 -o "$work_dir/publish" -nologo -clp:ErrorsOnly --disable-build-servers >&2
    RIG_BOOTSTRAP_PUBLISHED_BINARY="$work_dir/publish/rig-bootstrap"
  fi
  export RIG_BOOTSTRAP_PUBLISHED_BINARY
  [ -x "$RIG_BOOTSTRAP_PUBLISHED_BINARY" ] || { echo "$script: $RIG_BOOTSTRAP_PUBLISHED_BINARY is not an executable file" >&2; exit 66; }
}

# Reads one duration in ms per line and prints median, p90 (nearest rank) and max.
summarize() {
  sort -n | awk '
    { t[NR] = $1 }
    END {
      if (NR == 0) { exit 1 }
      median = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      rank = int(0.9 * NR); if (rank < 0.9 * NR) rank++
      printf "  median  %7.1f ms\n  p90     %7.1f ms\n  max     %7.1f ms\n", median, t[rank], t[NR]
    }'
}
