#!/usr/bin/env bash
# Starts Debian's docker-registry on 127.0.0.1:${PORT:-5000} (idempotent), for pull/push and deploy tests.
# With AUTH=htpasswd it starts a second one that requires sign-in, using HTPASSWD_FILE.
set -euo pipefail
PORT=${PORT:-5000}
DATA=${DATA:-/tmp/porthole-registry-$PORT}
if curl -fsS --max-time 2 "http://127.0.0.1:$PORT/v2/" >/dev/null 2>&1 || [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/")" = 401 ]; then
  echo "registry.sh: a registry answers on 127.0.0.1:$PORT"; exit 0
fi
command -v docker-registry >/dev/null || { echo "registry.sh: docker-registry is not installed (scripts/engine.sh installs it)" >&2; exit 1; }
mkdir -p "$DATA"
CONFIG="$DATA/config.yml"
{
  echo "version: 0.1"
  echo "log: { level: error }"
  echo "storage: { filesystem: { rootdirectory: $DATA/data }, delete: { enabled: true } }"
  echo "http: { addr: 127.0.0.1:$PORT }"
  if [ "${AUTH:-}" = htpasswd ]; then
    echo "auth: { htpasswd: { realm: porthole-test, path: ${HTPASSWD_FILE:?HTPASSWD_FILE is required with AUTH=htpasswd} } }"
  fi
} > "$CONFIG"
nohup docker-registry serve "$CONFIG" > "$DATA/registry.log" 2>&1 &
for _ in $(seq 1 40); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/v2/" || true)
  if [ "$code" = 200 ] || [ "$code" = 401 ]; then echo "registry.sh: registry up on 127.0.0.1:$PORT"; exit 0; fi
  sleep 0.25
done
echo "registry.sh: the registry did not start; see $DATA/registry.log" >&2; exit 1
