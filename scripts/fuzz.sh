#!/usr/bin/env bash
# Builds the libFuzzer target FuzzCalc (lexer + parser + evaluator) with
# AddressSanitizer and runs it. See docs/fuzzing.md.
#
#   scripts/fuzz.sh [SECONDS] [extra libFuzzer flags…]     default 300 s
#
# Corpus: fuzz-corpus/inputs/ (fuzz-corpus/ is git-ignored; new inputs are
# written there), seeded from Fuzz/seeds/ (committed) and examples/.
# Findings (crash-*, timeout-*, oom-*, leak-*) land in fuzz-corpus/artifacts/;
# reproduce one with
#   .build-fuzz/release/FuzzCalc fuzz-corpus/artifacts/crash-…
# Environment: FUZZ_JOBS (parallel workers, default 1), FUZZ_NO_BUILD=1 to
# skip the build, FUZZ_LEAKS=0 to stop treating memory leaks as findings
# (both libFuzzer's per-input check and AddressSanitizer's check at exit).
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:-300}"
shift || true

scratch=.build-fuzz
if [[ "${FUZZ_NO_BUILD:-0}" != 1 ]]; then
    swift build -c release --product FuzzCalc \
        --sanitize=fuzzer --sanitize=address \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
        --scratch-path "$scratch"
fi
root="$(pwd)"
binary="$root/$scratch/release/FuzzCalc"

mkdir -p fuzz-corpus/inputs fuzz-corpus/artifacts
seed_dirs=("$root/Fuzz/seeds")
[[ -d examples ]] && seed_dirs+=("$root/examples")

jobs="${FUZZ_JOBS:-1}"
parallel=()
if (( jobs > 1 )); then parallel=(-jobs="$jobs" -workers="$jobs"); fi

leaks=()
if [[ "${FUZZ_LEAKS:-1}" == 0 ]]; then
    leaks=(-detect_leaks=0)
    export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
fi

# Run inside fuzz-corpus/ (git-ignored): with FUZZ_JOBS, libFuzzer writes
# fuzz-N.log files to the working directory.
cd fuzz-corpus
exec "$binary" \
    -rss_limit_mb=4096 \
    -timeout=10 \
    -max_total_time="$seconds" \
    -print_final_stats=1 \
    -artifact_prefix=artifacts/ \
    -dict="$root/Fuzz/calc.dict" \
    "${parallel[@]}" \
    "${leaks[@]}" \
    "$@" \
    inputs "${seed_dirs[@]}"
