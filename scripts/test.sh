#!/usr/bin/env bash
# test.sh — sets up, builds, and runs every test: Catch2 through CTest (native, and the
# core tests compiled to wasm under node), then the end-to-end tests in headless Chromium.
# Exit code 0 only when all pass. Artifacts (screenshots) land in tests/e2e/artifacts/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh" native casehub_server casehub_tests
"$root/scripts/build.sh" web casehub_web casehub_tests_wasm
jobs=${CASEHUB_JOBS:-$(nproc)}

status=0
echo "== native tests (ctest) =="
ctest --test-dir "$root/build/native" --output-on-failure -j "$jobs" --timeout 300 || status=1
echo "== core tests in wasm under node (ctest) =="
ctest --test-dir "$root/build/web" --output-on-failure --timeout 600 || status=1
echo "== end-to-end tests (headless Chromium) =="
CASEHUB_SERVER="$root/build/native/server/casehub_server" CASEHUB_WEB_ROOT="$root/build/web/dist" \
  node "$root/tests/e2e/run.mjs" || status=1
exit $status
