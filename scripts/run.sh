#!/usr/bin/env bash
# run.sh — sets up, builds native + web, and runs the CaseHub server in the foreground
# with an embedded SQLite database in ./data (created and filled with demo data on the
# first run), serving the web app. Ctrl-C stops it. Flags are passed to the server
# (see `build/native/server/casehub_server --help`), e.g. scripts/run.sh --port 9000.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/setup.sh"
"$root/scripts/build.sh" native casehub_server
"$root/scripts/build.sh" web casehub_web
cd "$root"
exec "$root/build/native/server/casehub_server" --data-dir "${CASEHUB_DATA_DIR:-$root/data}" \
  --web-root "$root/build/web/dist" "$@"
