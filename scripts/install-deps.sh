#!/usr/bin/env bash
# Installs everything llmcalc needs on a Debian 12 machine: the toolchain and
# browser from Debian's packages, the front end from package-lock.json.
# Idempotent and quick when already installed: apt runs only for missing
# packages, npm only when the lock file changed.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  cmake ninja-build g++ clang clang-format libgtest-dev nlohmann-json3-dev
  libclang-rt-dev            # libFuzzer, for scripts/fuzz.sh (clang only recommends it)
  emscripten                 # Debian's 3.1.6: the wasm toolchain
  chromium chromium-driver   # browser tests (playwright-core drives it)
  unicode-data               # UCD source of the tokenizer's Unicode tables
  brotli gettext man-db groff-base
)
# Packages whose text makes the real-text test corpus (data/corpus/).
if [[ -f data/corpus/packages.txt ]]; then
  while read -r pkg; do
    [[ -n "$pkg" && "$pkg" != \#* ]] && APT_PACKAGES+=("$pkg")
  done < data/corpus/packages.txt
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Node: Vite 8 needs 20.19 or newer (Debian's own nodejs is 18).
node_version=$(node -p 'process.versions.node' 2>/dev/null || echo 0)
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' 2>/dev/null; then
  echo "install-deps: Node.js >= 20.19 is required (found $node_version)" >&2
  exit 1
fi

# npm ci only when package-lock.json is newer than the last install.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "install-deps: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
