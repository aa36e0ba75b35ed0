#!/usr/bin/env bash
# Builds what the site needs: the wasm core, the generated data files
# (vocabularies, catalog copy) and the static site in web/dist.
# Usage: scripts/build.sh [--base /sub-path/] [--out DIR] [--site-only]
set -euo pipefail
cd "$(dirname "$0")/.."
base="./"
out="dist"
site_only=""
while (($#)); do
  case "$1" in
    --base) base="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --site-only) site_only=1; shift ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# The wasm build also writes the data files next to the module: the
# vocabularies (checked by sha256) and the price catalog.
if [[ -z "$site_only" ]]; then
  cmake --workflow --preset wasm
fi
# --outDir is relative to the Vite root (web/).
npx vite build --config web/vite.config.js --base "$base" --outDir "$out" --logLevel warn
echo "site: web/$out (base $base)"
# The widget loader is what every reader of a post with a widget downloads.
node tools/report_size.mjs "web/$out/index.html" "web/$out/widgets/llmcalc-widgets.js"
