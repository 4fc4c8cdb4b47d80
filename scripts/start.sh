#!/usr/bin/env bash
# Sets up Ask First's companion (a virtualenv in .venv) and starts it on 127.0.0.1.
# Safe to run again: it only installs what is missing. Arguments go to `askfirst serve`,
# e.g. scripts/start.sh --port 8740
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/lib.sh
source scripts/lib.sh
ensure_venv

cat <<EOT

== Ask First is installed. Next:
   1. Load the extension: open chrome://extensions (Chromium/Chrome), switch on
      "Developer mode", click "Load unpacked" and choose the folder
        $(pwd)/extension
      (Firefox: about:debugging#/runtime/this-firefox -> "Load Temporary Add-on…"
       -> extension/manifest.json)
   2. Pair it: in another terminal run   $(pwd)/.venv/bin/askfirst pair
      and type the code into the extension's options page ("Pairing code" -> Pair).
   3. Try it: open the extension's "Try it" page, or write a message on LinkedIn.

EOT
exec .venv/bin/askfirst serve "$@"
