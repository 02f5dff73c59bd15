# Shared helpers for the Scripts/ (sourced, not run).
# shellcheck shell=bash
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SWIFT=${SWIFT:-swift}
export PATH="/opt/swift/usr/bin:$PATH"

# Extra flags of every release build the scripts make (Scripts/install, bench, bench-extract,
# hot-functions): one section per function in every Swift and C target, dependencies included
# (Package.swift sets it only for incidentd's own modules), so that the release link's order
# (`releaseLink`, Scripts/release-link/hot-functions.txt) moves functions, not whole object files:
# GRDB's, swift-crypto's BoringSSL (one 280 KB section for the SHA-256 the ingest path runs),
# ArgumentParser's and AsyncAlgorithms' code otherwise became resident around the few functions run.
RELEASE_CODE_FLAGS=(-Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the Debian packages the build, the daemon and the tests need (idempotent, quiet).
install_system_packages() {
  local need=()
  for pkg in libsystemd-dev libsqlite3-dev pkg-config systemd sqlite3; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
  done
  if ((${#need[@]})); then
    log "installing Debian packages: ${need[*]}"
    local sudo=""
    [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

# Starts a standalone journald when no journal socket exists (containers, CI, no systemd PID 1).
ensure_journald() {
  if [[ -S /run/systemd/journal/socket ]] && pgrep -x systemd-journal >/dev/null 2>&1; then return 0; fi
  if [[ -S /run/systemd/journal/socket ]] && [[ -d /run/systemd/system ]]; then return 0; fi
  log "starting a standalone systemd-journald"
  mkdir -p /run/systemd/journal
  rm -f /run/systemd/journal/socket /run/systemd/journal/stdout /run/systemd/journal/dev-log
  setsid /lib/systemd/systemd-journald </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 100); do
    [[ -S /run/systemd/journal/socket ]] && return 0
    sleep 0.05
  done
  echo "journald did not start (no /run/systemd/journal/socket)" >&2
  return 1
}
