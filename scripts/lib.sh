# Shared set-up steps for the scripts in this folder (sourced, not run).

VENV=${ASKFIRST_VENV:-.venv}

# Installing takes 5-20 s, so it runs only when something it depends on changed: the
# package metadata (dependencies, entry points), the extras asked for, or the interpreter.
# The package itself is installed editable, so code edits need no reinstall.
install_stamp() {  # install_stamp [extra]: a fingerprint of what the install depends on
  {
    cat pyproject.toml
    echo "extra=${1:-}"
    "$VENV/bin/python" -c 'import sys; print(sys.version)'
  } | sha256sum | cut -d' ' -f1
}

ensure_venv() {  # ensure_venv [extra]: a virtualenv with askfirst installed (editable)
  local extra=${1:-}
  if [ ! -x "$VENV/bin/python" ]; then
    echo "== creating $VENV"
    python3 -m venv "$VENV" || {
      echo "Could not create a virtualenv: on Debian/Ubuntu, sudo apt-get install python3-venv" >&2
      return 1
    }
  fi
  local stamp_file="$VENV/.askfirst-install${extra:+-$extra}" stamp
  stamp=$(install_stamp "$extra")
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ] && [ -x "$VENV/bin/askfirst" ]; then
    return 0
  fi
  local spec="."
  [ -n "$extra" ] && spec=".[$extra]"
  echo "== installing askfirst${extra:+ with its $extra extras} into $VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -e "$spec" || return 1
  echo "$stamp" >"$stamp_file"
}

ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
    echo "== installing node tools (jsdom, web-ext)"
    npm ci --no-audit --no-fund --loglevel=error || return 1
    touch node_modules
  fi
}

# Debian's browsers for the end-to-end tests (no browser downloads): installs the missing
# ones with apt-get when we are root, or with sudo when it needs no password.
ensure_browsers() {  # ensure_browsers PACKAGE=PATH...
  local missing=() pair
  for pair in "$@"; do
    [ -x "${pair#*=}" ] || missing+=("${pair%%=*}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo=(sudo); else sudo=(none); fi
  fi
  if [ "${sudo[0]:-}" = none ] || ! command -v apt-get >/dev/null; then
    echo "The browser tests need Debian's ${missing[*]}: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
  echo "== installing Debian's ${missing[*]}"
  "${sudo[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# `askfirst` on the user's PATH: a link in ~/.local/bin (on the PATH of most desktop
# Linux and macOS shells) to the one in the virtualenv. Says so when that folder is not
# on the PATH. An existing `askfirst` that is not ours is left alone.
link_askfirst() {
  local bin_dir=${ASKFIRST_BIN_DIR:-$HOME/.local/bin}
  local target link
  target="$(pwd)/$VENV/bin/askfirst"
  link="$bin_dir/askfirst"
  mkdir -p "$bin_dir"
  if [ -e "$link" ] && [ ! -L "$link" ]; then
    echo "== $link exists and is not a link to this checkout; leaving it alone (use $target)"
    return 0
  fi
  if [ "$(readlink "$link" 2>/dev/null)" != "$target" ]; then
    ln -sfn "$target" "$link"
    echo "== linked $link -> $target"
  fi
  case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "== $bin_dir is not on your PATH: add   export PATH=\"$bin_dir:\$PATH\"   to your shell's profile" ;;
  esac
}
