#!/usr/bin/env bash
# Build the xmart desktop bundle with PyInstaller (installer/xmart.spec), in one command:
#   bash scripts/build-bundle.sh
# Makes dist/xmart/, a one-folder application that starts without Python on the machine: the program
# `xmart` (command line and desktop client), Python, Qt with its plugins, the migrations, fonts and
# icons. On Linux the folder also gets share/ (the .desktop file, the icon in the freedesktop sizes,
# AppStream metadata) and install.sh, and is packed as dist/xmart-VERSION-linux-ARCH.tar.gz.
# xmart and PyInstaller are installed (not editable) in build/bundle-venv, apart from .venv.
# Prints the bundle's size and the build time at the end (recorded in installer/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

PY=${PYTHON:-python3}
VENV=build/bundle-venv
BIN=$VENV/bin
[ -d "$VENV/Scripts" ] && BIN=$VENV/Scripts   # Windows (Git Bash)
if [ ! -x "$BIN/python" ] && [ ! -x "$BIN/python.exe" ]; then
  "$PY" -m venv "$VENV"
  [ -d "$VENV/Scripts" ] && BIN=$VENV/Scripts
  "$BIN/python" -m pip install -q --upgrade pip
fi
"$BIN/python" -m pip install -q --force-reinstall --no-deps .   # this checkout, as a wheel would install it
"$BIN/python" -m pip install -q '.[bundle]'                       # its dependencies and PyInstaller

"$BIN/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller installer/xmart.spec

BUNDLE=dist/xmart
VERSION=$("$BUNDLE/xmart" --version | awk '{print $2}')
if [ "$(uname -s)" = "Linux" ]; then
  SHARE=$BUNDLE/share
  rm -rf "$SHARE"
  install -Dm644 installer/linux/xmart.desktop "$SHARE/applications/xmart.desktop"
  sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$(date -u +%Y-%m-%d)/" installer/linux/xmart.metainfo.xml \
    | install -Dm644 /dev/stdin "$SHARE/metainfo/xmart.metainfo.xml"
  for png in resources/icons/hicolor/*/apps/xmart.png; do
    size=$(basename "$(dirname "$(dirname "$png")")")
    install -Dm644 "$png" "$SHARE/icons/hicolor/$size/apps/xmart.png"
  done
  install -Dm644 resources/icons/xmart.svg "$SHARE/icons/hicolor/scalable/apps/xmart.svg"
  install -m755 installer/linux/install.sh "$BUNDLE/install.sh"
  install -m644 LICENSE "$BUNDLE/LICENSE"
  ARCHIVE=dist/xmart-$VERSION-linux-$(uname -m).tar.gz
  tar -C dist -czf "$ARCHIVE" xmart
  echo "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1)), archive: $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1))"
else
  echo "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1))"
fi
echo "built in $(( $(date +%s) - start )) s"
