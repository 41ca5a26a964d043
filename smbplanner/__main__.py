import sys

from smbplanner.cli import main

sys.exit(main())
