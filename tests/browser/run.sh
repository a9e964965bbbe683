#!/usr/bin/env bash
# Real-browser checks of the example sites; see tests/browser/README.md.
# Needs: Debian's chromium (/usr/bin/chromium), Java 17+, Node 20 with npm, cargo.
set -euo pipefail
cd "$(dirname "$0")"
# Exact versions from package-lock.json; --ignore-scripts: nothing is downloaded at install time.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund
fi
exec node browser.js "$@"
