#!/usr/bin/env bash
# Starts Debian's Chromium with the Ask First extension loaded, in a throw-away profile,
# on the extension's "try it" page. Start the companion first (askfirst serve) and pair
# from the options page (askfirst pair prints the code).
set -euo pipefail
cd "$(dirname "$0")/.."
ext="$(pwd)/extension"
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "Chromium not found at $chromium: sudo apt-get install chromium (or set CHROMIUM=...)" >&2
  exit 1
fi
profile=$(mktemp -d "${TMPDIR:-/tmp}/askfirst-chromium.XXXXXX")
trap 'rm -rf "$profile"' EXIT
echo "Loading $ext into a fresh Chromium profile ($profile)."
echo "Open the extension's options (puzzle icon > Ask First > Options) to pair, then try a LinkedIn message."
"$chromium" --user-data-dir="$profile" --no-first-run --no-default-browser-check \
  --disable-extensions-except="$ext" --load-extension="$ext" \
  "https://www.linkedin.com/messaging/" "$@"
