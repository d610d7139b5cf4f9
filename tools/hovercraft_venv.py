"""Set up hovercraft 2.7 in a throwaway virtual environment, for the benchmark's
comparison (bench/present.py); nothing of hovercraft is kept in this repository.

    python tools/hovercraft_venv.py DIR      # prints the path of DIR/bin/hovercraft

hovercraft 2.7 (2021) installs from the package index as it is, but on current
setuptools it stops at start-up: ``hovercraft/__init__.py`` asks ``pkg_resources``
for its own version, which fails to resolve its ``svg.path`` requirement. That one
line is replaced by the version, in the throwaway environment only.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import venv
from pathlib import Path

VERSION = "2.7"

#: The line of hovercraft/__init__.py that asks pkg_resources for the version.
_VERSION_LINE = re.compile(
    r'^__version__ = pkg_resources\.require\("hovercraft"\)\[0\]\.version$', re.MULTILINE
)


def hovercraft(folder: Path) -> Path:
    """The ``hovercraft`` command of a virtual environment in ``folder`` holding
    hovercraft 2.7, made (and patched) when it is not there yet."""
    command = folder / "bin" / "hovercraft"
    python = folder / "bin" / "python"
    if not command.is_file():
        venv.create(folder, with_pip=True, clear=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", f"hovercraft=={VERSION}"],
            check=True,
        )
    found = subprocess.run(
        [str(python), "-c", "import importlib.util as u; print(u.find_spec('hovercraft').origin)"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    init = Path(found)
    text = init.read_text(encoding="utf-8")
    if _VERSION_LINE.search(text):
        init.write_text(_VERSION_LINE.sub(f'__version__ = "{VERSION}"', text), encoding="utf-8")
    return command


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="where the virtual environment goes")
    args = parser.parse_args(argv)
    print(hovercraft(args.folder.resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
