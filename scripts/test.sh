#!/usr/bin/env bash
# Runs every test suite and linter, each one even when an earlier one failed, then prints
# one summary of all of them; exits non-zero if any failed.
#
#   scripts/test.sh                 everything
#   scripts/test.sh -k pairing      arguments go to pytest (the other suites run as usual)
#
# Suites: the extension's unit tests (node --test tests/js/), its Firefox tests
# (tests/firefox/, when present), pytest (companion and the end-to-end tests in Debian's
# Chromium), ruff, mypy and web-ext lint. Safe on a fresh clone: it first installs what
# is missing (a virtualenv in .venv, node_modules, Debian's chromium and firefox-esr).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# shellcheck source=scripts/lib.sh
source scripts/lib.sh

logs=$(mktemp -d "${TMPDIR:-/tmp}/askfirst-test.XXXXXX")
trap 'rm -rf "$logs"' EXIT
names=() results=() closing=()

record() {  # record NAME STATUS CLOSING-LINES
  names+=("$1") results+=("$2") closing+=("$3")
}

# The lines a suite ends with that say how it went, for the summary.
closing_lines() {  # closing_lines KIND LOG
  case $1 in
    pytest) grep -E '^=+ .*(passed|failed|error|skipped|deselected|no tests ran).* =+$' "$2" | tail -n1 ;;
    node) grep -E '^# (tests|pass|fail|cancelled|skipped|todo) ' "$2" | tr '\n' ' ' ;;
    web-ext) grep -E '^(errors|notices|warnings) +[0-9]+' "$2" | tr -s ' ' | tr '\n' ' ' ;;
    *) grep -v '^[[:space:]]*$' "$2" | tail -n1 ;;
  esac
}

suite() {  # suite NAME KIND COMMAND...: run it (output shown as it comes), remember how it went
  local name=$1 kind=$2 log status
  shift 2
  log="$logs/${#names[@]}.log"
  echo
  echo "== $name: $*"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  record "$name" "$([ "$status" = 0 ] && echo passed || echo "FAILED (exit $status)")" "$(closing_lines "$kind" "$log")"
}

not_run() {  # not_run NAME WHY
  echo
  echo "== $1: not run: $2"
  record "$1" "FAILED (not run)" "$2"
}

# --- set-up: each step's failure is reported, and only the suites needing it are skipped
venv_ok=1 node_ok=1
ensure_venv test || venv_ok=0
ensure_node_modules || node_ok=0
browsers=(chromium=/usr/bin/chromium)
browsers+=(firefox-esr=/usr/bin/firefox-esr)
ensure_browsers "${browsers[@]}" || record "browsers" "FAILED" "Debian's chromium / firefox-esr missing (the browser tests skip or fail)"

# --- the suites
if [ $node_ok = 1 ]; then
  suite "extension unit tests" node node --test tests/js/
  if [ -d tests/firefox ]; then
    suite "extension in Firefox" node node --test tests/firefox/
  fi
  suite "web-ext lint" web-ext node_modules/.bin/web-ext lint --source-dir extension --no-input --no-config-discovery
else
  not_run "extension unit tests" "npm ci failed"
  not_run "web-ext lint" "npm ci failed"
fi

if [ $venv_ok = 1 ]; then
  suite "pytest (companion and end-to-end)" pytest "$root/$VENV/bin/python" -m pytest "$@"
  suite "ruff" other "$root/$VENV/bin/python" -m ruff check companion tests scripts
  suite "mypy" other "$root/$VENV/bin/python" -m mypy
else
  not_run "pytest (companion and end-to-end)" "the virtualenv could not be set up"
  not_run "ruff" "the virtualenv could not be set up"
  not_run "mypy" "the virtualenv could not be set up"
fi

# --- one summary
failed=0
echo
echo "== summary"
for i in "${!names[@]}"; do
  printf '%-36s %-18s %s\n' "${names[$i]}" "${results[$i]}" "${closing[$i]}"
  [ "${results[$i]}" = passed ] || failed=1
done
if [ $failed = 0 ]; then echo "== all suites passed"; else echo "== SOME SUITES FAILED"; fi
exit $failed
