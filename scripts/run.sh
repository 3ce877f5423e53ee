#!/usr/bin/env bash
# run.sh — sets up, builds native + web, and runs the CaseHub server in the foreground
# with an embedded SQLite database in ./data (created and filled with demo data on the
# first run), serving the web app. Ctrl-C stops it. Flags are passed to the server
# (see `build/native/server/casehub_server --help`), e.g. scripts/run.sh --port 9000.
#   scripts/run.sh --tls   serves HTTPS with a self-signed certificate for localhost, made
#                          once with openssl into <data dir>/tls/ (browsers warn about it;
#                          give a real one with --tls-cert FILE --tls-key FILE instead).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data="${CASEHUB_DATA_DIR:-$root/data}"
args=()
tls=0
for a in "$@"; do
  if [ "$a" = "--tls" ]; then tls=1; else args+=("$a"); fi
done
"$root/scripts/setup.sh"
"$root/scripts/build.sh" native casehub_server
"$root/scripts/build.sh" web casehub_web
if [ "$tls" -eq 1 ]; then
  mkdir -p "$data/tls"
  if [ ! -f "$data/tls/cert.pem" ] || [ ! -f "$data/tls/key.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=localhost" \
      -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
      -keyout "$data/tls/key.pem" -out "$data/tls/cert.pem" 2>/dev/null
    chmod 600 "$data/tls/key.pem"
    echo "run.sh: made a self-signed certificate for localhost in $data/tls/"
  fi
  args+=(--tls-cert "$data/tls/cert.pem" --tls-key "$data/tls/key.pem")
fi
cd "$root"
exec "$root/build/native/server/casehub_server" --data-dir "$data" \
  --web-root "$root/build/web/dist" ${args[@]+"${args[@]}"}
