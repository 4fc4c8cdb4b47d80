#!/usr/bin/env bash
# Runs every test: the companion (pytest), the extension's unit tests (node --test),
# and the end-to-end tests that load the real extension into headless Chromium.
# Safe to run on a fresh clone: it installs what it needs first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# shellcheck source=scripts/lib.sh
source scripts/lib.sh
ensure_venv test
ensure_node_modules
ensure_chromium

echo "== extension unit tests (node --test)"
node --test tests/js/

echo "== companion and end-to-end tests (pytest)"
"$root/.venv/bin/python" -m pytest "$@"
