"""Run hovercraft 2.7 from a throwaway environment, to compare a presentation of the
same deck side by side (bench/run.py, "start-up against hovercraft").

    python bench/hovercraft_env.py DECK.rst OUTDIR   # install into a temporary folder, build

hovercraft 2.7 (2019) installs from the package index with its dependencies (docutils,
lxml, svg.path, watchdog, pygments), but reads its own version with
``pkg_resources.require("hovercraft")``, which fails on current setuptools (it also
checks the dependencies' metadata, which are spelled differently now). In the throwaway
environment that one line is replaced by the version, and a setuptools that still
ships ``pkg_resources`` is installed for hovercraft's ``resource_string``. Nothing of
hovercraft is kept in this repository.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

#: What is installed into the throwaway environment.
REQUIREMENTS = ("hovercraft==2.7", "setuptools<81")

#: The line of hovercraft 2.7's ``__init__.py`` that current setuptools cannot run,
#: and what it becomes.
VERSION_LINE = '__version__ = pkg_resources.require("hovercraft")[0].version'
VERSION_FIX = '__version__ = "2.7"'


class HovercraftError(RuntimeError):
    """hovercraft 2.7 could not be installed or did not build the deck."""


def install(folder: Path) -> Path:
    """Make a virtual environment in ``folder`` with hovercraft 2.7; its ``hovercraft``
    command.

    :raises HovercraftError: when pip fails or the version line is not found.
    """
    venv.EnvBuilder(with_pip=True, clear=True).create(folder)
    python = folder / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    result = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            *REQUIREMENTS,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise HovercraftError(
            f"pip could not install {' '.join(REQUIREMENTS)}:\n{result.stderr[-2000:]}"
        )
    # isolated (-I): the package installed there, not a module of the current folder
    found = subprocess.run(
        [
            str(python),
            "-I",
            "-c",
            "import importlib.util as u; print(u.find_spec('hovercraft').origin)",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=folder,
    )
    init = Path(found.stdout.strip())
    if folder.resolve() not in init.resolve().parents:
        raise HovercraftError(f"found {init}, not the hovercraft installed in {folder}")
    text = init.read_text(encoding="utf-8")
    if VERSION_LINE not in text:
        raise HovercraftError(f"{init} has no line {VERSION_LINE!r} to replace")
    init.write_text(text.replace(VERSION_LINE, VERSION_FIX), encoding="utf-8")
    return python.with_name("hovercraft")


def build(hovercraft: Path, source: Path, outdir: Path) -> float:
    """Build the hovercraft deck ``source`` into ``outdir``; the seconds it took.

    :raises HovercraftError: when hovercraft fails or writes no ``index.html``.
    """
    import time

    start = time.perf_counter()
    result = subprocess.run(
        [str(hovercraft), str(source), str(outdir)], capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0 or not (outdir / "index.html").is_file():
        raise HovercraftError(f"hovercraft failed on {source}:\n{result.stderr[-2000:]}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    """Command line: install into a temporary folder and build one deck."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("deck", type=Path, help="a hovercraft deck (.rst)")
    parser.add_argument("outdir", type=Path, help="where to write the presentation")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hovercraft-") as folder:
        try:
            seconds = build(install(Path(folder) / "env"), args.deck, args.outdir)
        except HovercraftError as error:
            print(f"hovercraft_env.py: {error}", file=sys.stderr)
            return 1
    print(f"wrote {args.outdir / 'index.html'} in {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
