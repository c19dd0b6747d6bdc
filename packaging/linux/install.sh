#!/bin/sh
# Install the unpacked bundle machine-wide (run as root from the unpacked folder):
#   sudo ./install.sh            -> /opt/athena, menu entry, icon
#   sudo ./install.sh --remove   -> removes them again (diaries in the users' folders are never touched)
# IT settings: /etc/xdg/Athena/athena.toml (see docs/deployment.md).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-/opt/athena}
APPS=/usr/share/applications
ICONS=/usr/share/icons/hicolor/256x256/apps
if [ "${1:-}" = "--remove" ]; then
  rm -rf "$PREFIX" "$APPS/athena.desktop" "$ICONS/athena.png"
  exit 0
fi
rm -rf "$PREFIX.new"
mkdir -p "$PREFIX.new"
cp -a "$HERE/." "$PREFIX.new/"
rm -rf "$PREFIX"
mv "$PREFIX.new" "$PREFIX"
sed "s|/opt/athena|$PREFIX|" "$HERE/athena.desktop" > "$APPS/athena.desktop"
mkdir -p "$ICONS"
cp "$HERE/athena.png" "$ICONS/athena.png"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$APPS" || true
echo "Athena installed in $PREFIX"
