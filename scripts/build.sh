#!/usr/bin/env bash
# build.sh — builds the native tree (server, tests, benches) into build/native and the
# web client (Emscripten) into build/web; the app to serve ends up in build/web/dist.
# Usage: scripts/build.sh [native|web|all] (default all). Warnings are errors.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
what=${1:-all}
jobs=${CASEHUB_JOBS:-$(nproc)}
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten tools need it (acorn)

if [ "$what" = native ] || [ "$what" = all ]; then
  cmake -S "$root" -B "$root/build/native" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASEHUB_WERROR=ON >/dev/null
  cmake --build "$root/build/native" -j "$jobs"
fi
if [ "$what" = web ] || [ "$what" = all ]; then
  if [ ! -f "$root/build/web/build.ninja" ]; then
    emcmake cmake -S "$root" -B "$root/build/web" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEHUB_WERROR=ON >/dev/null
  fi
  cmake --build "$root/build/web" -j "$jobs"
fi
