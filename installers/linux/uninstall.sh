#!/bin/sh
# Remove what install.sh put in place. Your plans and backups are left where they are.
set -eu
prefix="${PREFIX:-$HOME/.local}"
share="${XDG_DATA_HOME:-$prefix/share}"
id=org.smbplanner.SMBPlanner
rm -rf "$prefix/lib/smbplanner"
rm -f "$prefix/bin/smbplanner" "$share/applications/$id.desktop" "$share/metainfo/$id.metainfo.xml" \
      "$share/mime/packages/$id.xml"
find "$share/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
echo "SMB Planner is uninstalled (plans and backups are kept)."
