#!/usr/bin/env bash
# Runs every test: format check, native unit tests (plain and with
# ASan+UBSan), the wasm module under Node, the CLI, and the site in
# headless Chromium. CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_OPTIONS="${NODE_OPTIONS:-} --no-warnings"

section() { printf '\n==== %s (%s) ====\n' "$*" "$(date +%T)"; }

section "dependencies"
scripts/install-deps.sh

section "format"
scripts/check-format.sh

section "native build + unit tests"
cmake --workflow --preset native

section "unit tests under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake --workflow --preset asan

section "wasm module, data files and site"
scripts/build.sh

section "real-text corpus for the differential tests (from Debian packages)"
python3 data/corpus/build_corpus.py >/dev/null

section "wasm module under Node, and the CLI"
LLMCALC_CLI="$PWD/build/native/cli/llmcalc" node --test --test-concurrency=1 tests/node/ tests/cli/

section "site in headless Chromium"
node --test --test-concurrency=1 tests/browser/

section "site built for a sub-path (/llmcalc/, as GitHub Pages serves it)"
scripts/build.sh --site-only --base /llmcalc/ --out dist-subpath
LLMCALC_SITE_DIR=web/dist-subpath LLMCALC_SITE_BASE=/llmcalc/ \
  node --test --test-concurrency=1 tests/browser/offline.test.mjs tests/browser/break_even.test.mjs

section "all tests passed"
