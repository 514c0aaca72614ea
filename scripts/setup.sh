#!/usr/bin/env bash
# Install everything the site needs on a fresh machine; --with-sdks adds the npm packages the SDK
# recordings use, --test adds those and Debian's chromium for the browser tests. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt

if [ "${1:-}" = "--test" ] || [ "${1:-}" = "--with-sdks" ]; then
  # lunr.js (index parity), the real TypeScript SDK and tsx, pinned by package-lock.json
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--test" ]; then
  # Debian's chromium for the browser tests (Playwright's own browser download does not work here)
  if ! command -v chromium >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  fi
fi
