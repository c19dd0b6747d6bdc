"""The bundle's entry point: ``athena ARGS`` like the installed command; with no arguments (a double click
or the desktop menu) it starts the desktop app."""

import sys

from app.cli import main

if __name__ == "__main__":
    if len(sys.argv) == 1:
        sys.argv.append("gui")
    raise SystemExit(main())
