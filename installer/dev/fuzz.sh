#!/usr/bin/env bash
# Mutation fuzzing under AddressSanitizer + UndefinedBehaviorSanitizer (docs/import.md,
# "Robustness"): configures the `asan` preset in its own build folder, builds tenure_core and the
# fuzz harness only (not the app: the whole app under ASan is too slow for CI), and runs it.
#
#   installer/dev/fuzz.sh                      # the fixed seed, 3000 mutations per target
#   TENURE_FUZZ_SEED=7 TENURE_FUZZ_ITERATIONS=20000 installer/dev/fuzz.sh   # a longer, other search
#
# Inputs that crash or fail a check land in tests/data/fuzz/<target>/regressions/ and are
# replayed first on every run: commit them with the fix.
set -euo pipefail
cd "$(dirname "$0")/../.."

build=${TENURE_FUZZ_BUILD_DIR:-build/fuzz-asan}
jobs=${JOBS:-2}
launcher=()
if command -v ccache >/dev/null 2>&1 && [ -z "${CCACHE_DISABLE:-}" ]; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

start=$(date +%s)
cmake --preset asan -B "$build" -DTENURE_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" --target TestFuzz -j "$jobs"
built=$(date +%s)
echo "fuzz: built tenure_core and TestFuzz under ASan + UBSan in $((built - start)) s"

export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
status=0
"$build/bin/TestFuzz" "$@" || status=$?
echo "fuzz: ran in $(($(date +%s) - built)) s (total $(($(date +%s) - start)) s), exit $status"
if [ "$status" -ne 0 ]; then
    echo "fuzz: the failing input is in tests/data/fuzz/<target>/regressions/ (git status shows it)" >&2
fi
exit "$status"
