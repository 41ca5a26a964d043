#!/bin/sh
# Linux: pack dist/smbplanner (the PyInstaller folder) with the desktop integration into
# dist/smbplanner-VERSION-linux-ARCH.tar.gz. Users unpack it and run ./install.sh (per user,
# into ~/.local; no root) or run ./smbplanner/smbplanner in place.
set -eu
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' smbplanner/__init__.py)
name="smbplanner-$version-linux-$(uname -m)"
stage="build/tarball/$name"
rm -rf "build/tarball"
mkdir -p "$stage/share/applications" "$stage/share/metainfo" "$stage/share/mime/packages" \
         "$stage/share/icons"
cp -a dist/smbplanner "$stage/smbplanner"
cp -a installers/icons/hicolor "$stage/share/icons/hicolor"
cp installers/linux/org.smbplanner.SMBPlanner.desktop "$stage/share/applications/"
cp installers/linux/org.smbplanner.SMBPlanner.metainfo.xml "$stage/share/metainfo/"
cp installers/linux/org.smbplanner.SMBPlanner.mime.xml \
   "$stage/share/mime/packages/org.smbplanner.SMBPlanner.xml"
cp installers/linux/install.sh installers/linux/uninstall.sh LICENSE "$stage/"
tar -C build/tarball -czf "dist/$name.tar.gz" "$name"
echo "Wrote dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1))"
