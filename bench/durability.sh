#!/bin/sh
# Runs the durability bench in headless Chromium against the built server and web app:
# edit -> durable on the device (IndexedDB strict, beside OPFS and the earlier whole-file
# rewrite measured in the same page), bytes per edit, cold start. See bench/RESULTS.md.
#   bench/durability.sh [edits=200] [sizes=1000,100000]
# CASEHUB_SERVER / CASEHUB_WEB_ROOT as for the e2e tests (tests/e2e/server.mjs).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
exec node "$root/tests/e2e/bench_durability.mjs" "$@"
