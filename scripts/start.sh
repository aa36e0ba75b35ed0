#!/usr/bin/env bash
# Sets up a fresh Debian machine, builds everything and serves the site on
# 127.0.0.1. Safe to run again: installs are skipped when present.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --workflow --preset native   # the CLI: build/native/cli/llmcalc
scripts/build.sh
port="${PORT:-4173}"
echo
echo "llmcalc is running at http://127.0.0.1:${port}/  (Ctrl+C stops it)"
exec node tools/serve.mjs web/dist "$port"
