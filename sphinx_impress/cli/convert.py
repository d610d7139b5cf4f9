"""``sphinx-impress convert``: write a deck of another tool (hovercraft, a hand-written
impress.js page, markpress, mdpress, sphinx-revealjs) once as a MyST deck that builds
to the same steps at the same positions.

Each slide becomes a ``step`` directive with content, its id, classes and other
``data-*`` attributes kept, its position spelled out where the format gives one.
Markdown bodies are kept as written; reStructuredText bodies stay inside an
``eval-rst`` block, their format's directives rewritten. What cannot be carried over
is kept as a MyST comment (``%``) and reported on standard error.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from ..errors import ConvertError
from ..importers.hovercraft import convert_hovercraft
from ..importers.impressjs import convert_impressjs
from ..importers.markpress import convert_markpress
from ..importers.mdpress import convert_mdpress
from ..importers.myst_writer import MystDeck, write_myst
from ..importers.paths import relocate
from ..importers.revealjs_convert import convert_revealjs

#: The formats ``--from`` takes, and the function that converts each: deck text and
#: its path in, the MyST deck and the reader's problems out.
CONVERTERS = {
    "mdpress": convert_mdpress,
    "hovercraft": convert_hovercraft,
    "impressjs": convert_impressjs,
    "markpress": convert_markpress,
    "revealjs": convert_revealjs,
}

#: What a deck of each format is called in messages.
FORMAT_NAMES = {
    "mdpress": "an mdpress deck",
    "hovercraft": "a hovercraft deck",
    "impressjs": "an impress.js page",
    "markpress": "a markpress deck",
    "revealjs": "a sphinx-revealjs deck",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--from FORMAT IN -o OUT``."""
    parser.add_argument("--from", dest="source_format", choices=sorted(CONVERTERS), required=True,
                        help="the format of the deck to convert")
    parser.add_argument("input", type=Path, metavar="IN", help="the deck to convert")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT",
                        help="the MyST file to write (.md)")


def run(args: argparse.Namespace) -> int:
    """Convert ``args.input`` and write ``args.output``: each problem the deck's reader
    found (worded as the build warns about it) and each note on what the MyST file
    keeps as a comment goes to standard error, in line order, as ``IN: line N: ...``;
    one line on standard output says what was written.

    :raises ConvertError: when the input cannot be read (missing, not UTF-8), has no
        slide in the format, or the output cannot be written.
    """
    try:
        text = args.input.read_text(encoding="utf-8")
    except OSError as error:
        raise ConvertError(f"cannot read {args.input}: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise ConvertError(
            f"cannot read {args.input}: it is not UTF-8 text "
            f"(byte 0x{error.object[error.start]:02x} at offset {error.start})"
        ) from None
    if args.output.resolve() == args.input.resolve():
        raise ConvertError("the output would overwrite the input")
    deck, problems = CONVERTERS[args.source_format](text, str(args.input))
    reported = sorted([*problems, *deck.notes], key=lambda problem: problem.line or 0)
    for problem in reported:
        where = f"line {problem.line}: " if problem.line else ""
        print(f"{args.input}: {where}{problem.message}", file=sys.stderr)
    if not deck.slides:
        raise ConvertError(
            f"{args.input} has no slide as {FORMAT_NAMES[args.source_format]} "
            "(is --from right?); "
            "nothing written"
        )
    _relocate_files(deck.front_matter, args.input.parent, args.output.parent)
    _relocate_bodies(deck, args.input.parent, args.output.parent)
    try:
        args.output.write_text(write_myst(deck), encoding="utf-8")
    except OSError as error:
        raise ConvertError(f"cannot write {args.output}: {error.strerror}") from None
    spoken = sum(1 for slide in deck.slides if _has_notes(slide.body))
    print(
        f"wrote {args.output}: {_count(len(deck.slides), 'slide')}, "
        f"{spoken} with speaker notes, {_count(len(reported), 'warning')}"
    )
    return 0


#: The front matter settings whose entries are files relative to the deck.
_FILE_SETTINGS = ("impress_deck_css_files", "impress_deck_js_files")

#: An address on the network, not a file.
_REMOTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//")


def _relocate_files(front_matter: dict[str, object], source: Path, target: Path) -> None:
    """Make the deck's own files (``impress_deck_css_files``...), named relative to
    the deck read from folder ``source``, relative to the MyST file written into
    folder ``target``."""
    for key in _FILE_SETTINGS:
        entries = front_matter.get(key)
        if not isinstance(entries, list):
            continue
        moved = []
        for entry in entries:
            path, _, rest = str(entry).partition(" ")
            if not _REMOTE.match(path):
                path = Path(os.path.relpath(source.resolve() / path, target.resolve())).as_posix()
            moved.append(f"{path} {rest}".strip())
        front_matter[key] = moved


def _relocate_bodies(deck: MystDeck, source: Path, target: Path) -> None:
    """Name the files the slides and the definitions name (images, includes,
    downloads, what raw HTML loads) from folder ``target`` instead of ``source``
    (:func:`~sphinx_impress.importers.paths.relocate`)."""
    for slide in deck.slides:
        slide.body = relocate(slide.body, source, target)
    if deck.definitions:
        deck.definitions = relocate("\n".join(deck.definitions), source, target).split("\n")


def _has_notes(body: str) -> bool:
    """Whether a slide's MyST body holds speaker notes (the ``notes`` directive, in
    MyST or inside ``eval-rst``)."""
    return ".. notes::" in body or "{notes}" in body


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"
