#!/bin/sh
# macOS: put dist/SMB Planner.app (from `make bundle`, PyInstaller's BUNDLE in the spec) into
# a compressed disk image with a link to /Applications: dist/SMBPlanner-VERSION-macos.dmg.
# Unsigned: to sign and notarise, run `codesign --deep --options runtime -s "Developer ID
# Application: ..." "dist/SMB Planner.app"` before this script and `xcrun notarytool` after.
set -eu
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' smbplanner/__init__.py)
app="dist/SMB Planner.app"
dmg="dist/SMBPlanner-$version-macos-$(uname -m).dmg"
test -d "$app" || { echo "make_dmg: $app is missing; run make bundle first" >&2; exit 2; }
"$app/Contents/MacOS/smbplanner" --self-test
stage="build/dmg"
rm -rf "$stage" "$dmg"
mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "SMB Planner $version" -srcfolder "$stage" -fs HFS+ -format UDZO \
    -ov "$dmg"
echo "Wrote $dmg"
