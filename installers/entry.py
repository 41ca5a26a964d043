"""The bundle's entry point (PyInstaller needs a script): the same as the ``smbplanner``
command, which starts the desktop app without a subcommand."""

import os
import sys

# The matplotlib folder chosen by rthook_mplconfig.py (see there), before matplotlib loads.
if os.environ.get("_SMBPLANNER_MPLCONFIGDIR"):
    os.environ["MPLCONFIGDIR"] = os.environ.pop("_SMBPLANNER_MPLCONFIGDIR")

from smbplanner.cli import main

if __name__ == "__main__":
    sys.exit(main())
