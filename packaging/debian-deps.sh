#!/usr/bin/env bash
# Installs the Debian packages Athena's tests and GUI need on a fresh Debian/Ubuntu machine.
# Does nothing when they are already there; needs root (or sudo) otherwise.
set -u
pkgs=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 poppler-utils fonts-dejavu-core
      xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-cursor0
      libxcb-shape0 libxcb-randr0 libxkbcommon-x11-0 xdotool x11-apps samba)
# `debian-deps.sh PKG ...` installs those instead (e.g. what `make package` needs).
[ $# -gt 0 ] && pkgs=("$@")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
command -v apt-get >/dev/null || { echo "apt-get not found; install: ${missing[*]}" >&2; exit 0; }
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing Debian packages: ${missing[*]}"
$SUDO apt-get update -qq || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
