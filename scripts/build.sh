#!/usr/bin/env bash
# build.sh — configures and builds one tree: `native` (server, tests, benches) into
# build/native, or `web` (the Emscripten client, wasm tests and benches) into build/web,
# where the app to serve is assembled in build/web/dist. Targets may follow; without
# them everything of that tree is built. Warnings are errors.
#   scripts/build.sh native casehub_server      scripts/build.sh web casehub_web
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:?usage: scripts/build.sh native|web [target...]}
shift
jobs=${CASEHUB_JOBS:-$(nproc)}
targets=()
for t in "$@"; do targets+=(--target "$t"); done
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten tools need it (acorn)
# ccache, when a developer has it, shares compiled objects between trees and worktrees
# (CI has none and builds as before).
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi

case "$tree" in
  native)
    [ -f "$root/build/native/build.ninja" ] ||
      cmake -S "$root" -B "$root/build/native" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASEHUB_WERROR=ON "${launcher[@]}" >/dev/null
    cmake --build "$root/build/native" -j "$jobs" "${targets[@]}" ;;
  web)
    [ -f "$root/build/web/build.ninja" ] ||
      emcmake cmake -S "$root" -B "$root/build/web" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEHUB_WERROR=ON "${launcher[@]}" >/dev/null
    cmake --build "$root/build/web" -j "$jobs" "${targets[@]}" ;;
  *) echo "build.sh: unknown tree '$tree' (native or web)" >&2; exit 2 ;;
esac
