#!/usr/bin/env bash
# Install everything the site needs on a fresh machine; --with-sdks adds the npm packages the SDK
# recordings use, --test adds those and Debian's chromium for the browser tests. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_install() {  # Debian packages, only when something is missing
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv 2>/dev/null || { apt_install python3-venv && python3 -m venv .venv; }
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt

if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--with-sdks" ]; then
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  # lunr.js (index parity), the real TypeScript SDK and tsx, pinned by package-lock.json
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--test" ]; then
  # Debian's chromium for the browser tests (Playwright's own browser download does not work here)
  command -v chromium >/dev/null 2>&1 || apt_install chromium
fi
