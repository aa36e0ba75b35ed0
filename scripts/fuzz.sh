#!/usr/bin/env bash
# Builds the fuzz preset and runs libFuzzer targets (tests/fuzz/), one after
# another, each for N seconds (default 60) on a scratch copy of its seed
# corpus, so new corpus files never land in the repository.
#   scripts/fuzz.sh [--seconds N] [target...]     (default: every target)
# Exit 1 on any finding (crash, hang, leak, sanitizer report, failed check);
# the input that caused it is kept in build/fuzz/findings/<target>/ and its
# path printed. Replay one with: build/fuzz/tests/fuzz/<target> <file>.
# CMAKE_BUILD_PARALLEL_LEVEL sets the build's jobs (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

all_targets=(tokenizer_roundtrip vocab_loader dataset_analyzer catalog_loader cli_args)
seconds=60
targets=()
while (($#)); do
  case "$1" in
    --seconds)
      seconds="${2:?--seconds needs a number}"
      shift 2
      ;;
    --seconds=*)
      seconds="${1#*=}"
      shift
      ;;
    -h | --help)
      sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      [[ " ${all_targets[*]} " == *" $1 "* ]] || {
        echo "fuzz: unknown target '$1' (known: ${all_targets[*]})" >&2
        exit 2
      }
      targets+=("$1")
      shift
      ;;
  esac
done
[[ "$seconds" =~ ^[1-9][0-9]*$ ]] || {
  echo "fuzz: --seconds takes a whole number above 0, not '$seconds'" >&2
  exit 2
}
((${#targets[@]})) || targets=("${all_targets[@]}")

# Debian's clang only recommends the package holding libFuzzer.
runtime_dir=$(/usr/bin/clang++ --print-runtime-dir 2>/dev/null || true)
if ! compgen -G "$runtime_dir/libclang_rt.fuzzer-*.a" >/dev/null; then
  echo "fuzz: libFuzzer not found: apt-get install clang libclang-rt-14-dev" >&2
  exit 1
fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${CMAKE_BUILD_PARALLEL_LEVEL:-2}"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/llmcalc-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
bin="$root/build/fuzz/tests/fuzz"
failed=0
for target in "${targets[@]}"; do
  corpus="$scratch/$target/corpus"
  findings="$root/build/fuzz/findings/$target"
  log="$root/build/fuzz/logs/$target.log"
  mkdir -p "$corpus" "$findings" "$(dirname "$log")"
  cp "tests/fuzz/corpus/$target/"* "$corpus/"
  dict=()
  [[ -f "tests/fuzz/$target.dict" ]] && dict=("-dict=$root/tests/fuzz/$target.dict")
  echo "==== $target: ${seconds} s (log: build/fuzz/logs/$target.log)"
  # Absolute paths throughout: cli_args changes into a sandbox folder of its
  # own (below TMPDIR, which is the scratch folder removed on exit).
  # A unit runs in milliseconds; the 30 s timeout still catches a hang, but
  # not a stall of the machine: twice on a loaded 2-core VM an ASan
  # free() sat in munmap/madvise for 10-14 s, and both inputs replay in 3 ms.
  status=0
  TMPDIR="$scratch/$target" "$bin/$target" "$corpus" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1 || status=$?
  # The last coverage line ("#N DONE cov: … ft: …") and the final stats.
  grep -E '^#[0-9]+' "$log" | tail -n 1 || true
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" || true
  if ((status != 0)); then
    failed=1
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
    echo "fuzz: FINDING in $target (exit $status): ${artifact:-no input saved}; see $log" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz check failed|terminate called|.*runtime error)' "$log" |
      head -n 5 >&2 || true
  fi
done
exit "$failed"
