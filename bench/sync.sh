#!/bin/sh
# Runs the sync benchmark natively (with SQLite persistence and the raw SQLite reference)
# and, when built, in wasm under node (in-memory apply/pull only).
#   bench/sync.sh [native_binary] [wasm_js] [mutations]
# Defaults: build/native/bench/casehub_bench_sync and build/web/bench/casehub_bench_sync_wasm.js
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
native=${1:-$root/build/native/bench/casehub_bench_sync}
wasm=${2:-$root/build/web/bench/casehub_bench_sync_wasm.js}
n=${3:-10000}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
echo "== native"
if [ -x "$native" ]; then "$native" "$n"; else echo "missing native bench: $native" >&2; fi
echo "== wasm (node)"
if [ -f "$wasm" ]; then node --no-experimental-fetch "$wasm" "$n"; else echo "missing wasm bench: $wasm" >&2; fi
