#!/usr/bin/env bash
# fuzz.sh — builds the libFuzzer targets (clang 14, ASan + UBSan) into build/fuzz and runs
# one of them, starting from its committed corpus (tests/fuzz/corpus/<target>/); new
# inputs go to build/fuzz/corpus/<target>/, crashes to build/fuzz/crashes/<target>/.
#   scripts/fuzz.sh                      build every target, list them
#   scripts/fuzz.sh push 600             run casehub_fuzz_push for 600 s (default 60)
# Targets: push, json_limits, safe_html, search_query, inbound_email. A crash file, once
# fixed, is copied into tests/fuzz/corpus/<target>/ so the native test command replays it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tree="$root/build/fuzz"
jobs=${CASEHUB_JOBS:-$(nproc)}
command -v clang++-14 >/dev/null || { echo "fuzz.sh: clang++-14 is missing; run scripts/setup.sh" >&2; exit 2; }
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
[ -f "$tree/build.ninja" ] ||
  cmake -S "$root" -B "$tree" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASEHUB_FUZZ=ON \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 "${launcher[@]}" >/dev/null
target=${1:-}
if [ -z "$target" ]; then
  cmake --build "$tree" -j "$jobs"
  ls "$tree"/tests/fuzz/casehub_fuzz_* | xargs -n1 basename
  exit 0
fi
seconds=${2:-60}
cmake --build "$tree" -j "$jobs" --target "casehub_fuzz_$target"
mkdir -p "$tree/corpus/$target" "$tree/crashes/$target"
# -max_len 16 KiB: pushes and emails worth fuzzing are small; larger inputs only slow it.
# -rss_limit_mb: each input must stay within 2 GiB (ASan included).
exec "$tree/tests/fuzz/casehub_fuzz_$target" "$tree/corpus/$target" "$root/tests/fuzz/corpus/$target" \
  -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 \
  -artifact_prefix="$tree/crashes/$target/"
