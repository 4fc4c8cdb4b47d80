# Shared set-up steps for the scripts in this folder (sourced, not run).

VENV=${ASKFIRST_VENV:-.venv}

ensure_venv() {  # ensure_venv [extra]: a virtualenv with askfirst installed (editable)
  local extra=${1:-}
  if [ ! -x "$VENV/bin/python" ]; then
    echo "== creating $VENV"
    python3 -m venv "$VENV"
  fi
  local spec="."
  [ -n "$extra" ] && spec=".[$extra]"
  echo "== installing askfirst ${extra:+with $extra extras}"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$spec"
}

ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    echo "== installing node tools (jsdom, web-ext)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

ensure_chromium() {  # Debian's Chromium for the end-to-end tests; no browser downloads
  if [ -x /usr/bin/chromium ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Debian's chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "The end-to-end tests need Debian's Chromium at /usr/bin/chromium:" >&2
    echo "  sudo apt-get install chromium" >&2
    exit 1
  fi
}
