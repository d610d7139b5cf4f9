"""The ``sphinx-impress`` command: tools around a deck that are not part of a Sphinx
build. Each subcommand lives in its own module, which provides

- ``add_arguments(parser: argparse.ArgumentParser) -> None``: its arguments, and
- ``run(args: argparse.Namespace) -> int``: the work; returns the exit status.

A subcommand reports a problem the user can fix (a missing file, no browser) as one
line on standard error and a non-zero status, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence

#: subcommand name -> (module under ``sphinx_impress.cli``, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "convert": ("convert", "Write an mdpress or hovercraft deck as a MyST deck."),
    "pdf": ("pdf", "Print a built presentation to PDF, one page per step (headless Chromium)."),
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
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name, (module_name, help_text) in SUBCOMMANDS.items():
        module = importlib.import_module(f"sphinx_impress.cli.{module_name}")
        sub = subparsers.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(sub)
        sub.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``sphinx-impress`` with ``argv`` (default: ``sys.argv[1:]``); returns the
    exit status (0 on success, 2 for a usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    return args._run(args)

