#!/usr/bin/env bash
# Makes sure a compose is installed for the compose tests and bench B13: the `docker compose` plugin if the
# docker CLI has it, else Debian's standalone docker-compose (1.29.2), installed with apt when running as root.
set -euo pipefail
if docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker-compose
else
  echo "compose.sh: install the Compose plugin or docker-compose (Debian: apt-get install docker-compose)" >&2
  exit 1
fi
