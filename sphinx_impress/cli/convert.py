"""``sphinx-impress convert``: write a deck of another tool (hovercraft, a hand-written
impress.js page, markpress, mdpress, sphinx-revealjs) once as a MyST deck that builds
to the same steps at the same positions.

Each slide becomes a ``step`` directive with content, its id, classes and other
``data-*`` attributes kept, its position spelled out where the format gives one.
Markdown bodies are kept as written; reStructuredText bodies stay inside an
``eval-rst`` block, their format's directives rewritten. What cannot be carried over
is kept as a MyST comment (``%``) and reported on standard error. Written into
another folder, the deck's files are named from there, or copied there where the new
folder is in another project (:mod:`sphinx_impress.importers.paths`).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from ..errors import ConvertError, UnreadableText, read_utf8
from ..importers.hovercraft import convert_hovercraft
from ..importers.impressjs import convert_impressjs
from ..importers.markpress import convert_markpress
from ..importers.mdpress import convert_mdpress
from ..importers.myst_writer import MystDeck, write_myst
from ..importers.paths import Relocation, relocate
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
    one line on standard output says what was written, and what was copied into the
    MyST file's folder (:func:`_copy_files`).

    :raises ConvertError: when the input cannot be read (missing, not UTF-8), has no
        slide in the format, or the output cannot be written.
    """
    try:
        text = read_utf8(args.input)
    except UnreadableText as error:
        raise ConvertError(f"cannot read {args.input}: {error}") from None
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
    relocation = Relocation(args.input.parent, args.output.parent)
    _relocate_files(deck.front_matter, relocation)
    _relocate_bodies(deck, relocation)
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(write_myst(deck), encoding="utf-8")
    except OSError as error:
        raise ConvertError(f"cannot write {args.output}: {error.strerror}") from None
    copied = _copy_files(relocation, args.input, args.output.parent)
    spoken = sum(1 for slide in deck.slides if _has_notes(slide.body))
    print(
        f"wrote {args.output}: {_count(len(deck.slides), 'slide')}, "
        f"{spoken} with speaker notes, {_count(len(reported), 'warning')}"
        + (f"; copied {_count(len(copied), 'file')} it uses into {args.output.parent}: "
           f"{', '.join(copied)}" if copied else "")
    )
    return 0


#: The front matter settings whose entries are files relative to the deck.
_FILE_SETTINGS = ("impress_deck_css_files", "impress_deck_js_files")

#: An address on the network, not a file.
_REMOTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//")


def _relocate_files(front_matter: dict[str, object], relocation: Relocation) -> None:
    """Name the deck's own files (``impress_deck_css_files``...), named relative to
    the deck, from the folder of the MyST file (:class:`~sphinx_impress.importers.paths.
    Relocation`)."""
    for key in _FILE_SETTINGS:
        entries = front_matter.get(key)
        if not isinstance(entries, list):
            continue
        moved = []
        for entry in entries:
            path, _, rest = str(entry).partition(" ")
            if not _REMOTE.match(path):
                path = relocation.name(path)
            moved.append(f"{path} {rest}".strip())
        front_matter[key] = moved


def _relocate_bodies(deck: MystDeck, relocation: Relocation) -> None:
    """Name the files the slides and the definitions name (images, includes,
    downloads, what raw HTML loads) from the folder of the MyST file
    (:func:`~sphinx_impress.importers.paths.relocate`)."""
    for slide in deck.slides:
        slide.body = relocate(slide.body, relocation)
    if deck.definitions:
        deck.definitions = relocate("\n".join(deck.definitions), relocation).split("\n")


def _copy_files(relocation: Relocation, deck: Path, target: Path) -> list[str]:
    """Copy the files the deck uses that keep their names (:attr:`~sphinx_impress.
    importers.paths.Relocation.copies`), with the local files their CSS loads
    (``url()``, ``@import``), into ``target`` at the same relative paths; return
    their names. A different file already there is not overwritten (said on standard
    error, with what the deck then uses); a file a style sheet loads from outside the
    deck's folder is not copied (said too)."""
    from ..html.offline import css_url_lines

    pending = sorted(relocation.copies.items())
    seen = {name for name, _ in pending}
    copied: list[str] = []
    while pending:
        name, source = pending.pop(0)
        data = source.read_bytes()
        destination = target / name
        if destination.exists():
            if not destination.is_file() or destination.read_bytes() != data:
                print(
                    f"{deck}: {destination} is there already and differs from {source}, "
                    "which the deck uses: not overwritten; the converted deck uses the "
                    "one there",
                    file=sys.stderr,
                )
        else:
            try:
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, destination)
            except OSError as error:
                raise ConvertError(f"cannot write {destination}: {error.strerror}") from None
            copied.append(name)
        if source.suffix.lower() != ".css":
            continue
        for url, line in css_url_lines(data.decode("utf-8", errors="replace")):
            path = url.split("#", 1)[0].split("?", 1)[0]
            if not path or path.startswith("/") or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", path):
                continue
            loaded = (source.parent / path).resolve()
            if not loaded.is_file():
                continue
            if not loaded.is_relative_to(relocation.source):
                print(
                    f"{source}:{line}: loads {url!r}, outside the deck's folder: not copied "
                    f"into {target}",
                    file=sys.stderr,
                )
                continue
            relative = loaded.relative_to(relocation.source).as_posix()
            if relative not in seen:
                seen.add(relative)
                pending.append((relative, loaded))
    return copied


def _has_notes(body: str) -> bool:
    """Whether a slide's MyST body holds speaker notes (the ``notes`` directive, in
    MyST or inside ``eval-rst``)."""
    return ".. notes::" in body or "{notes}" in body


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}" if number == 1 else f"{number} {thing}s"
