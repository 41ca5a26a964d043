#!/bin/sh
# Install SMB Planner for this user (no root): the program in ~/.local/lib/smbplanner, the
# `smbplanner` command in ~/.local/bin, a menu entry, icons and the .smbplan file type.
# Run from the unpacked tarball. ./uninstall.sh removes it all again.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix="${PREFIX:-$HOME/.local}"
share="${XDG_DATA_HOME:-$prefix/share}"
rm -rf "$prefix/lib/smbplanner"
mkdir -p "$prefix/lib" "$prefix/bin" "$share"
cp -a "$here/smbplanner" "$prefix/lib/smbplanner"
ln -sf "$prefix/lib/smbplanner/smbplanner" "$prefix/bin/smbplanner"
cp -a "$here/share/." "$share/"
sed -i "s|^Exec=smbplanner|Exec=$prefix/bin/smbplanner|" \
    "$share/applications/org.smbplanner.SMBPlanner.desktop"
command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons" || true
echo "SMB Planner is installed: run 'smbplanner' or find it in your applications menu."
