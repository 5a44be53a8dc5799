#!/usr/bin/env bash
# Makes sure a Docker Engine answers on /var/run/docker.sock, and that the tools the
# test suites need are present. Installs Debian packages only when running as root with apt.
set -euo pipefail

SOCK=${PORTHOLE_TEST_SOCKET:-/var/run/docker.sock}
NEED_PKGS=()
command -v dockerd >/dev/null 2>&1 || NEED_PKGS+=(docker.io)
[ -x /bin/busybox ] && /bin/busybox --list 2>/dev/null | grep -qx httpd || NEED_PKGS+=(busybox-static)
command -v chromium >/dev/null 2>&1 || NEED_PKGS+=(chromium)
command -v docker-registry >/dev/null 2>&1 || NEED_PKGS+=(docker-registry)
# Second-wave rigs: compose projects, Podman's Docker-compatible API, a measured VM (QEMU + a distribution
# kernel), remote engines over SSH and TLS, pseudo-terminals for the terminal bench.
command -v docker-compose >/dev/null 2>&1 || NEED_PKGS+=(docker-compose)
command -v podman >/dev/null 2>&1 || NEED_PKGS+=(podman)
command -v qemu-system-x86_64 >/dev/null 2>&1 || NEED_PKGS+=(qemu-system-x86)
ls /boot/vmlinuz-*cloud-amd64 >/dev/null 2>&1 || NEED_PKGS+=(linux-image-cloud-amd64)
command -v sshd >/dev/null 2>&1 || [ -x /usr/sbin/sshd ] || NEED_PKGS+=(openssh-server)
command -v openssl >/dev/null 2>&1 || NEED_PKGS+=(openssl)
command -v script >/dev/null 2>&1 || NEED_PKGS+=(bsdutils)
command -v ip >/dev/null 2>&1 || NEED_PKGS+=(iproute2)
command -v cpio >/dev/null 2>&1 || NEED_PKGS+=(cpio)
# The shell's tray-host probe asks the session bus (gdbus) whether a tray host runs.
command -v gdbus >/dev/null 2>&1 || NEED_PKGS+=(libglib2.0-bin)
command -v dbus-daemon >/dev/null 2>&1 || NEED_PKGS+=(dbus-daemon)

ping_engine() { curl -fsS --max-time 2 --unix-socket "$SOCK" http://localhost/_ping >/dev/null 2>&1; }

if [ ${#NEED_PKGS[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "engine.sh: installing ${NEED_PKGS[*]}"
    apt-get update -qq
    # INITRD=No: the kernel is booted with our own initramfs, so Debian's (minutes to generate) is not needed.
    INITRD=No DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${NEED_PKGS[@]}" >/dev/null
  else
    echo "engine.sh: missing ${NEED_PKGS[*]} and cannot install them (not root with apt)" >&2
  fi
fi

# This kernel refuses Podman's default rlimits; containers.conf sets ones it accepts.
if command -v podman >/dev/null 2>&1 && ! grep -q '^default_ulimits' /etc/containers/containers.conf 2>/dev/null; then
  mkdir -p /etc/containers
  if grep -q '^\[containers\]' /etc/containers/containers.conf 2>/dev/null; then
    sed -i '/^\[containers\]/a default_ulimits = ["nofile=1024:1024","nproc=1024:1024"]' /etc/containers/containers.conf
  else
    printf '[containers]\ndefault_ulimits = ["nofile=1024:1024","nproc=1024:1024"]\n' >> /etc/containers/containers.conf
  fi
fi

if ! ping_engine; then
  if [ "$(id -u)" = 0 ] && command -v dockerd >/dev/null; then
    echo "engine.sh: starting dockerd"
    mkdir -p /var/log
    nohup dockerd --host "unix://$SOCK" >/var/log/porthole-dockerd.log 2>&1 &
    for _ in $(seq 1 60); do ping_engine && break; sleep 0.5; done
  fi
fi

if ping_engine; then
  echo "engine.sh: engine answers on $SOCK ($(curl -fsS --unix-socket "$SOCK" http://localhost/version | sed -E 's/.*"Version":"([^"]+)".*/\1/'))"
else
  echo "engine.sh: no engine answers on $SOCK; see /var/log/porthole-dockerd.log" >&2
  exit 1
fi
