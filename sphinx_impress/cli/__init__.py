"""The ``sphinx-impress`` command: tools around a deck that are not part of a Sphinx
build. Each subcommand lives in its own module, which provides

- ``add_arguments(parser: argparse.ArgumentParser) -> None``: its arguments, and
- ``run(args: argparse.Namespace) -> int``: the work; returns the exit status.

A subcommand says what it did in one line on standard output when it succeeds. It
reports a problem the user can fix (a missing file, no browser) by raising an
:class:`~sphinx_impress.errors.ImpressError`: :func:`main` prints it as one line on
standard error and exits with status 1, never with a traceback. ``sphinx-impress
--version`` prints the package's version, with Sphinx's and Python's.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
from collections.abc import Sequence

import sphinx

from .. import __version__
from ..errors import ImpressError

#: subcommand name -> (module under ``sphinx_impress.cli``, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "convert": (
        "convert",
        "Write a hovercraft, impress.js, markpress, mdpress or sphinx-revealjs deck as a "
        "MyST deck.",
    ),
    "pdf": ("pdf", "Print a built presentation to PDF, one page per step (headless Chromium)."),
    "present": (
        "present",
        "Build, serve and preview presentations live; with --remote, a phone as remote.",
    ),
    "check": (
        "check",
        "Load built presentations in headless Chromium and report, per step, overflow, "
        "overlaps, page errors, requests outside the output folder and missing images.",
    ),
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``sphinx-impress`` with one subparser per entry of
    :data:`SUBCOMMANDS` (their modules are imported here)."""
    parser = argparse.ArgumentParser(
        prog="sphinx-impress",
        description="Tools for sphinx-impress presentations.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__} (Sphinx {sphinx.__display_version__}, "
        f"Python {platform.python_version()})",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        module = importlib.import_module(f"sphinx_impress.cli.{module_name}")
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sub)
        sub.set_defaults(run_command=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sphinx-impress`` with ``argv`` (default: ``sys.argv[1:]``); returns the
    exit status: 0 on success, 2 for a usage error, 1 when the command raised an
    :class:`~sphinx_impress.errors.ImpressError`, which is printed as one line on
    standard error (``sphinx-impress COMMAND: message``)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run_command(args))
    except ImpressError as error:
        print(f"sphinx-impress {args.command}: {error}", file=sys.stderr)
        return 1

