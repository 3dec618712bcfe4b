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
# skip the build.
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
binary="$scratch/release/FuzzCalc"

mkdir -p fuzz-corpus/inputs fuzz-corpus/artifacts
seed_dirs=(Fuzz/seeds)
[[ -d examples ]] && seed_dirs+=(examples)

jobs="${FUZZ_JOBS:-1}"
parallel=()
if (( jobs > 1 )); then parallel=(-jobs="$jobs" -workers="$jobs"); fi

exec "$binary" \
    -rss_limit_mb=4096 \
    -timeout=10 \
    -max_total_time="$seconds" \
    -print_final_stats=1 \
    -artifact_prefix=fuzz-corpus/artifacts/ \
    "${parallel[@]}" \
    "$@" \
    fuzz-corpus/inputs "${seed_dirs[@]}"
