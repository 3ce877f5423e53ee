#!/bin/sh
# Runs the queue benchmark natively and in wasm (node) and prints both side by side
# with the wasm/native ratio (SQLite reference rows are native only).
#   bench/queue.sh [native_binary] [wasm_js] [item_count] [runs] [ops]
# Defaults: build/native/bench/casehub_bench_queue and build/web/bench/casehub_bench_queue_wasm.js
# A path ending in .txt is taken as that side's recorded output instead of being run.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
native=${1:-$root/build/native/bench/casehub_bench_queue}
wasm=${2:-$root/build/web/bench/casehub_bench_queue_wasm.js}
items=${3:-100000}
runs=${4:-9}
ops=${5:-2000}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

case $native in
  *.txt) cp "$native" "$tmp/native" ;;
  *) if [ -x "$native" ]; then "$native" "$items" "$runs" "$ops" > "$tmp/native"; else echo "missing native bench: $native" >&2; : > "$tmp/native"; fi ;;
esac
case $wasm in
  *.txt) cp "$wasm" "$tmp/wasm" ;;
  *) if [ -f "$wasm" ]; then node --no-experimental-fetch "$wasm" "$items" "$runs" "$ops" > "$tmp/wasm"; else echo "missing wasm bench: $wasm" >&2; : > "$tmp/wasm"; fi ;;
esac

echo "native: $(grep '^# store' "$tmp/native" || true)"
echo "wasm:   $(grep '^# store' "$tmp/wasm" || true)"
printf "%-30s %12s %12s %8s %10s\n" measure native_cpu_ms wasm_cpu_ms ratio matches
awk 'FNR==NR { if ($0 !~ /^#/) { n[$1]=$2; m[$1]=$3; order[++k]=$1 } next }
     $0 !~ /^#/ { w[$1]=$2; if (!($1 in n)) { order[++k]=$1; m[$1]=$3 } }
     END { for (i=1;i<=k;i++) { q=order[i];
             r = (q in n && q in w && n[q] > 0) ? sprintf("%.2fx", w[q]/n[q]) : "-";
             printf "%-30s %12s %12s %8s %10s\n", q, (q in n ? n[q] : "-"), (q in w ? w[q] : "-"), r, m[q] } }' \
    "$tmp/native" "$tmp/wasm"
