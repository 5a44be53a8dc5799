#!/bin/sh
# Runs a command in the caller's private mount namespace (unshare -m) where /run is a fresh tmpfs: the
# Docker socket and Podman's API socket are hidden, while Podman's own runtime state (/run/containers,
# /run/libpod …) is bound back so a Podman started here shares the host's storage without "rebooting" it.
# usage: unshare -m --propagation private hidden-engines.sh SAVE_DIR command...
set -e
save=$1
shift
mkdir -p "$save"
mount --bind /run "$save"
mount -t tmpfs tmpfs /run
for d in containers libpod crun runc netns lock user; do
  if [ -d "$save/$d" ]; then
    mkdir -p "/run/$d"
    mount --bind "$save/$d" "/run/$d"
  fi
done
exec "$@"
