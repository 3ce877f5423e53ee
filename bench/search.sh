#!/usr/bin/env bash
# search.sh — the knowledge search benchmark (issue 8): CaseHub's engine built natively and
# to wasm (run under node), beside SQLite FTS5, on the same 50k-article corpus and queries.
# Builds what is missing, runs both, prints one table. Not part of the test suite.
#   bench/search.sh [--articles N] [--queries Q] [--seed S]
# Build directories: NATIVE_BUILD (default build/bench) and WEB_BUILD (default build/bench-web).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
native=${NATIVE_BUILD:-"$root/build/bench"}
web=${WEB_BUILD:-"$root/build/bench-web"}
corpus="$root/build/corpus/articles.jsonl"
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}

"$root/scripts/make_corpus.sh" "$corpus"

[ -f "$native/build.ninja" ] || cmake -S "$root" -B "$native" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$native" --target casehub_bench_search -j2 >/dev/null
[ -f "$web/build.ninja" ] || emcmake cmake -S "$root" -B "$web" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$web" --target casehub_bench_search_wasm -j2 >/dev/null

out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "== native: $native/bench/casehub_bench_search $corpus $*"
"$native/bench/casehub_bench_search" "$corpus" "$@" | tee -a "$out"
echo
echo "== wasm: node --no-experimental-fetch $web/bench/casehub_bench_search_wasm.js $corpus $*"
node --no-experimental-fetch "$web/bench/casehub_bench_search_wasm.js" "$corpus" "$@" | tee -a "$out"
echo
echo "== side by side ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
grep -m2 -E '^\|( build|-)' "$out"
grep -E '^\| (native|wasm) ' "$out" | sort -s -t'|' -k3,3
