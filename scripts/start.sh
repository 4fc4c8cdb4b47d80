#!/usr/bin/env bash
# Sets up Ask First's companion (a virtualenv in .venv, the `askfirst` command linked into
# ~/.local/bin) and starts it on 127.0.0.1. Installs only when the package's metadata or
# dependencies changed since the last time. Arguments go to `askfirst serve`:
#
#   scripts/start.sh                  port 8731 (or $ASKFIRST_PORT)
#   scripts/start.sh --port 8740      another port; set the extension's "Companion port" to match
#   scripts/start.sh --data-dir DIR   another data folder
#   scripts/start.sh --help           what `askfirst serve` accepts
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=scripts/lib.sh
source scripts/lib.sh
ensure_venv
link_askfirst

port=${ASKFIRST_PORT:-8731}
args=("$@")
for i in "${!args[@]}"; do
  case ${args[$i]} in
    -h | --help) exec "$VENV/bin/askfirst" serve --help ;;
    --port) port=${args[$((i + 1))]:-} ;;
    --port=*) port=${args[$i]#--port=} ;;
  esac
done

# Is the port free? If not, say who has it: our companion already running, or another program.
set +e
"$VENV/bin/python" - "$port" <<'EOF'
import json, socket, sys, urllib.request
port = int(sys.argv[1])
try:
    with socket.socket() as s:
        s.bind(("127.0.0.1", port))
    sys.exit(0)
except OSError:
    pass
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/health", timeout=2) as r:
        ours = r.headers.get("Server") == "askfirst" and json.load(r).get("status") == "ok"
except Exception:
    ours = False
if ours:
    print(f"Ask First is already running on http://127.0.0.1:{port}/api/v1 (nothing to do).")
    print("To pair the extension: askfirst pair")
    sys.exit(3)
print(f"Port {port} on 127.0.0.1 is taken by another program, so the companion cannot start there.", file=sys.stderr)
print(f"Pick another port:   scripts/start.sh --port {port + 9}", file=sys.stderr)
print("and type the same number into the extension's options, field \"Companion port\".", file=sys.stderr)
sys.exit(1)
EOF
status=$?
set -e
case $status in
  0) ;;
  3) exit 0 ;;
  *) exit "$status" ;;
esac

cat <<EOT

== Ask First is installed; \`askfirst\` is the command (also $(pwd)/$VENV/bin/askfirst). Next:
   1. Load the extension: open chrome://extensions (Chromium/Chrome), switch on
      "Developer mode", click "Load unpacked" and choose the folder
        $(pwd)/extension
      (Firefox: about:debugging#/runtime/this-firefox -> "Load Temporary Add-on…"
       -> extension/manifest.json)
   2. Pair it: in another terminal run   askfirst pair
      then open the extension's options (Chromium: the puzzle-piece icon in the toolbar ->
      the ⋮ next to Ask First -> Options), type the code into "Pairing code", press Pair.
   3. Try it: open the extension's "Try it" page, or write a message on LinkedIn.
   Port $port in use later? Start with --port N and set "Companion port" in the options to N.
   To start the companion with your computer instead: askfirst service install

EOT
exec "$VENV/bin/askfirst" serve "$@"
