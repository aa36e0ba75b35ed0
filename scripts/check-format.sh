#!/usr/bin/env bash
# Fails when a C++ file differs from the committed .clang-format style.
# Fix with: scripts/check-format.sh --fix
set -euo pipefail
cd "$(dirname "$0")/.."
# Generated files (they say so in their first lines) keep their generator's layout.
mapfile -t files < <(find src cli wasm tests bench \( -name '*.cpp' -o -name '*.h' \) 2>/dev/null | sort |
  while read -r f; do head -n 5 "$f" | grep -qiE 'generated (by|file)' || echo "$f"; done)
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${files[@]}"
else
  clang-format --dry-run --Werror "${files[@]}"
  echo "format: ${#files[@]} C++ files follow .clang-format"
fi
