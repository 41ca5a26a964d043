"""PyInstaller runtime hook, run before the app's code: matplotlib keeps its configuration and
font cache in the user's cache folder, so the cache is built on the first chart only.

PyInstaller's own matplotlib hook (run after this one) points MPLCONFIGDIR at a new temporary
folder on every start, which one-file builds need but costs this one-folder build a font scan
per start. So the folder is chosen here (an MPLCONFIGDIR set by the user wins) and kept in
_SMBPLANNER_MPLCONFIGDIR; installers/entry.py sets it back before anything imports matplotlib.
A font that moved (the app was reinstalled elsewhere) makes matplotlib rebuild the cache.
"""

import os

folder = os.environ.get("MPLCONFIGDIR")
if not folder:
    try:
        import platformdirs

        folder = os.path.join(platformdirs.user_cache_dir("SMB Planner", False), "matplotlib")
        os.makedirs(folder, exist_ok=True)
    except OSError:
        folder = None  # matplotlib uses a temporary folder
if folder:
    os.environ["_SMBPLANNER_MPLCONFIGDIR"] = folder
