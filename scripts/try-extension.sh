#!/usr/bin/env bash
# Starts Debian's Chromium with the Ask First extension loaded, in a throw-away profile,
# on the extension's "Try it" page (no LinkedIn login needed). Arguments go to Chromium.
#
#   scripts/try-extension.sh            the Try it page
#   CHROMIUM=/path/to/chrome scripts/try-extension.sh
#
# Start the companion first (scripts/start.sh, or askfirst serve) and pair from the
# extension's options page with the code `askfirst pair` prints: the Try it page links there.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi
ext="$(pwd)/extension"
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "Chromium not found at $chromium: sudo apt-get install chromium (or set CHROMIUM=...)" >&2
  exit 1
fi
# Chromium names an unpacked extension after its folder: the first 32 hex digits of the
# SHA-256 of the absolute path, each digit 0-f written as a letter a-p.
id=$(printf '%s' "$ext" | sha256sum | cut -c1-32 | tr '0-9a-f' 'a-p')
page="chrome-extension://$id/try/try.html"
profile=$(mktemp -d "${TMPDIR:-/tmp}/askfirst-chromium.XXXXXX")
trap 'rm -rf "$profile"' EXIT
echo "Loading $ext into a fresh Chromium profile ($profile), on $page"
echo "To pair: the puzzle-piece icon in the toolbar -> the ⋮ next to Ask First -> Options (or the link on the Try it page)."
"$chromium" --user-data-dir="$profile" --no-first-run --no-default-browser-check \
  --disable-extensions-except="$ext" --load-extension="$ext" "$page" "$@"
