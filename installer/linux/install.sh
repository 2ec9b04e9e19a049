#!/bin/sh
# Install the xmart bundle for this user (or, with PREFIX=/usr/local as root, for everyone):
# the program folder in $PREFIX/lib/xmart, the command $PREFIX/bin/xmart, and the desktop entry,
# icons and AppStream metadata under $PREFIX/share, so xmart appears in the desktop's menu.
# Run it from the unpacked bundle: ./install.sh   (uninstall: ./install.sh --uninstall)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$PREFIX/lib/xmart" "$PREFIX/bin/xmart" "$PREFIX/share/applications/xmart.desktop" \
         "$PREFIX/share/metainfo/xmart.metainfo.xml"
  find "$PREFIX/share/icons/hicolor" -name 'xmart.png' -delete 2>/dev/null || true
  rm -f "$PREFIX/share/icons/hicolor/scalable/apps/xmart.svg"
  echo "xmart removed from $PREFIX"
  exit 0
fi
mkdir -p "$PREFIX/lib" "$PREFIX/bin"
rm -rf "$PREFIX/lib/xmart"
mkdir -p "$PREFIX/lib/xmart"
cp -R "$HERE/xmart" "$HERE/_internal" "$PREFIX/lib/xmart/"
ln -sf "$PREFIX/lib/xmart/xmart" "$PREFIX/bin/xmart"
cp -R "$HERE/share" "$PREFIX/"
sed -i "s|^Exec=xmart |Exec=$PREFIX/bin/xmart |; s|^TryExec=xmart$|TryExec=$PREFIX/bin/xmart|" \
  "$PREFIX/share/applications/xmart.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
echo "xmart installed in $PREFIX (command: $PREFIX/bin/xmart; menu: Office › xmart)"
