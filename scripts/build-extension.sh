#!/usr/bin/env bash
# Builds the extension's store packages: dist/askfirst-chromium-<version>.zip and
# dist/askfirst-firefox-<version>.zip. The version is the companion's (pyproject.toml),
# so extension and companion always ship as one release. Each package gets the manifest
# its browser reads (Chromium: a service worker; Firefox: background scripts and its
# add-on id), the LICENSE when there is one, and must pass `web-ext lint`.
#   scripts/build-extension.sh [--out-dir DIR]   (default: dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/dist"
while [ $# -gt 0 ]; do
  case "$1" in
    --out-dir) out=$(realpath -m "$2"); shift 2 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

# shellcheck source=scripts/lib.sh
source scripts/lib.sh
ensure_node_modules

version=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' pyproject.toml | head -n1)
[ -n "$version" ] || { echo "no version in pyproject.toml" >&2; exit 1; }
webext="$root/node_modules/.bin/web-ext"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$out"

# The content script the manifest names must be what its module sources build today.
if ! diff -q <(scripts/build-content.sh --stdout) extension/content/bundle.js >/dev/null; then
  echo "extension/content/bundle.js is out of date: run scripts/build-content.sh" >&2
  exit 1
fi

for browser in chromium firefox; do
  dir="$stage/$browser"
  cp -R extension "$dir"
  [ -f LICENSE ] && cp LICENSE "$dir/LICENSE"
  BROWSER=$browser VERSION=$version node --input-type=module -e '
    import { readFileSync, writeFileSync } from "node:fs";
    const file = process.argv[1];
    const m = JSON.parse(readFileSync(file, "utf8"));
    m.version = process.env.VERSION;
    if (process.env.BROWSER === "chromium") {
      delete m.background.scripts;
      delete m.browser_specific_settings;
    } else {
      delete m.background.service_worker;
    }
    writeFileSync(file, JSON.stringify(m, null, 2) + "\n");
  ' "$dir/manifest.json"
  name="askfirst-$browser-$version.zip"
  echo "== $name"
  if [ "$browser" = firefox ]; then
    # Firefox reviews the package it installs: no errors, no warnings.
    report=$("$webext" lint --source-dir "$dir" --output json --no-input || true)
    echo "$report" | node -e '
      const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
      for (const m of [...r.errors, ...r.warnings]) console.error(`  ${m._type} ${m.code} ${m.file || ""}: ${m.message}`);
      console.log(`   web-ext lint: ${r.summary.errors} errors, ${r.summary.warnings} warnings, ${r.summary.notices} notices`);
      process.exit(r.summary.errors || r.summary.warnings ? 1 : 0);
    '
  fi
  "$webext" build --source-dir "$dir" --artifacts-dir "$out" --filename "$name" --overwrite-dest >/dev/null
  echo "   $out/$name"
done
