"""``sphinx-impress convert``: write an mdpress or hovercraft deck once as a MyST deck
that builds to the same steps at the same positions.

Each slide becomes a ``step`` directive with content, its position spelled out in
absolute numbers (all seven axes), its id, classes and other ``data-*`` attributes
kept. mdpress bodies are Markdown already and are kept as written; hovercraft bodies
stay reStructuredText inside an ``eval-rst`` block, with ``.. note::`` turned into
``.. notes::``. What cannot be carried over is kept as a MyST comment (``%``) and
reported on standard error.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..importers._hovercraft_text import convert_hovercraft
from ..importers.mdpress import convert_mdpress
from ..importers.myst import write_myst

#: The formats ``--from`` takes, and the function that converts each.
CONVERTERS = {"mdpress": convert_mdpress, "hovercraft": convert_hovercraft}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--from FORMAT IN -o OUT``."""
    parser.add_argument("--from", dest="source_format", choices=sorted(CONVERTERS), required=True,
                        help="the format of the deck to convert")
    parser.add_argument("input", type=Path, metavar="IN", help="the deck to convert")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                        help="the MyST file to write (.md)")


def run(args: argparse.Namespace) -> int:
    """Convert ``args.input`` and write ``args.output``; report notes on standard
    error. Returns 0, or 1 when the input cannot be read (missing, not UTF-8), has no
    slide in the format, or the output cannot be written."""
    try:
        text = args.input.read_text(encoding="utf-8")
    except OSError as error:
        print(f"sphinx-impress convert: cannot read {args.input}: {error.strerror}",
              file=sys.stderr)
        return 1
    except UnicodeDecodeError as error:
        print(f"sphinx-impress convert: cannot read {args.input}: it is not UTF-8 text "
              f"(byte 0x{error.object[error.start]:02x} at offset {error.start})",
              file=sys.stderr)
        return 1
    if args.output.resolve() == args.input.resolve():
        print("sphinx-impress convert: the output would overwrite the input", file=sys.stderr)
        return 1
    deck = CONVERTERS[args.source_format](text)
    if not deck.slides:
        for note in deck.notes:
            print(f"{args.input}: {note}", file=sys.stderr)
        print(f"sphinx-impress convert: {args.input} has no slide as a {args.source_format} "
              "deck (is --from right?); nothing written", file=sys.stderr)
        return 1
    try:
        args.output.write_text(write_myst(deck), encoding="utf-8")
    except OSError as error:
        print(f"sphinx-impress convert: cannot write {args.output}: {error.strerror}",
              file=sys.stderr)
        return 1
    for note in sorted(deck.notes, key=_note_line):
        print(f"{args.input}: {note}", file=sys.stderr)
    return 0


def _note_line(note: str) -> int:
    """The line a note is about (``line 12: ...``), for reporting notes in file order."""
    match = re.match(r"line (\d+):", note)
    return int(match[1]) if match else 0
