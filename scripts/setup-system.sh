#!/usr/bin/env bash
# System packages the tests need on Debian/Ubuntu: Qt's libraries (even offscreen), poppler-utils
# (PDF to PNG), xvfb (screenshots), and for the desktop bundle binutils, desktop-file-utils, appstream. As root it installs what is missing with apt-get; otherwise it
# prints the one apt-get line to run. Printing (CUPS) is set up by scripts/setup-cups.sh.
set -euo pipefail

PACKAGES=(libegl1 libgl1 libfontconfig1 libxkbcommon-x11-0 libdbus-1-3 libglib2.0-0 poppler-utils
          xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
          libxcb-randr0 libxcb-shape0 libxcb-xkb1
          binutils desktop-file-utils appstream)  # the bundle: PyInstaller's objdump, the .desktop and AppStream checks

command -v dpkg-query >/dev/null 2>&1 || { echo "setup-system: not a Debian system; install Qt's libraries yourself"; exit 0; }
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-system: missing system packages; run: sudo apt-get install -y ${missing[*]}"
  exit 0
fi
echo "setup-system: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
