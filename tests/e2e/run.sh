#!/usr/bin/env bash
# Browser end-to-end tests: node tests/e2e/run.mjs [filter]. Builds nothing; see run.mjs
# for CASEHUB_SERVER / CASEHUB_WEB_ROOT / CASEHUB_CHROMIUM.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec node tests/e2e/run.mjs "$@"
