#!/usr/bin/env bash
# Builds what the site needs: the wasm core, the generated data files
# (vocabularies, catalog copy) and the static site in web/dist.
# Usage: scripts/build.sh [--base /sub-path/]
set -euo pipefail
cd "$(dirname "$0")/.."
base="./"
if [[ "${1:-}" == "--base" ]]; then base="$2"; fi

cmake --workflow --preset wasm
for generator in data/vocab/build_vocab.mjs data/catalog/copy_to_js.mjs; do
  [[ -f "$generator" ]] && node "$generator"
done
npx vite build --config web/vite.config.js --base "$base" --logLevel warn
node tools/report_size.mjs web/dist/index.html
