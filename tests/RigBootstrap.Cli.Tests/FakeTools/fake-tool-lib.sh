# Sourced by every fake macOS tool of the end-to-end tests (not executable on its own).
# A test's directory holds root/ (the host root, --root) and tools/ (these fakes, --tools-dir); a fake keeps its
# state as files beside itself, like launchd keeps its registry in memory, and appends each call to <tool>.log.
here=$(cd "$(dirname "$0")" && pwd)
tool=$(basename "$0")
host_root=$(cd "$here/../root" 2>/dev/null && pwd) || {
  # Never fall back to the real /: a fake that writes under the host root must have one.
  echo "fake $tool: no host root beside $here (expected $here/../root)" >&2
  exit 70
}

# One line per call, the arguments as given, so a test can count side effects.
log_call() {
  printf '%s\n' "$*" >> "$here/$tool.log"
}

# A reboot the tool itself starts (softwareupdate --restart, fdesetup authrestart): the boot harness watches this file.
request_restart() {
  printf '%s\n' "$*" >> "$here/power.requests"
}

# Replaces, in the tab-separated store $1, the row whose leading fields are $2 (tab-joined) with the row $3.
replace_row() {
  prefix="$2	" awk 'index($0, ENVIRON["prefix"]) != 1' "$1" > "$1.$$"
  printf '%s\n' "$3" >> "$1.$$"
  mv "$1.$$" "$1"
}

# The version components of $1 and $2 compared numerically: exit 0 when $1 > $2.
version_above() {
  [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -t. -k1,1n -k2,2n -k3,3n | tail -n1)" = "$1" ]
}

# The developer directories of a Mac: xcode-select's choice (xcode-select.path), else the Command Line Tools once
# installed; empty on a fresh Mac, where `xcode-select -p` fails.
clt_dir=/Library/Developer/CommandLineTools
developer_dir() {
  if [ -s "$here/xcode-select.path" ]; then
    cat "$here/xcode-select.path"
  elif [ -x "$host_root$clt_dir/usr/bin/git" ]; then
    echo "$clt_dir"
  fi
}

# Puts a git and an xcrun into the developer directory $1 (a host path), as the Command Line Tools and Xcode carry
# them: the git runs this machine's real git (git.real, written by the tests) and logs to developer-git.log.
install_developer_git() {
  install_developer_git_into "$host_root$1"
}

# The same into the directory $1 as this machine sees it (xip expands into its working directory).
install_developer_git_into() {
  [ -s "$here/git.real" ] || { echo "fake $tool: no git.real beside $here: the tests must name the real git" >&2; exit 70; }
  mkdir -p "$1/usr/bin"
  printf '#!/bin/sh\nprintf "%%s\\n" "$*" >> "%s/developer-git.log"\nexec "%s" "$@"\n' "$here" "$(cat "$here/git.real")" > "$1/usr/bin/git"
  printf '#!/bin/sh\necho "fake xcrun: not modelled" >&2\nexit 64\n' > "$1/usr/bin/xcrun"
  chmod 0755 "$1/usr/bin/git" "$1/usr/bin/xcrun"
}

# The Mac's architecture for sysctl and softwareupdate: Apple Silicon unless sysctl.arm64 beside the fakes says
# "0" (an Intel Mac) or "missing" (an older Intel release that does not know the key).
arm64_answer() {
  if [ -f "$here/sysctl.arm64" ]; then read -r answer < "$here/sysctl.arm64"; echo "$answer"; else echo 1; fi
}

# The uid of user $1 from id.users beside the fakes (user, uid; tab-separated); empty for an unknown user.
uid_of() {
  awk -F '\t' -v u="$1" '$1 == u { print $2; exit }' "$here/id.users" 2>/dev/null
}

# The uid of the user logged in at the GUI (console.user, written by the boot harness at power-on); empty when the
# login window shows. Its gui/<uid> launchd domain exists only then.
console_uid() {
  console=$(cat "$here/console.user" 2>/dev/null)
  [ -n "$console" ] && uid_of "$console"
}
