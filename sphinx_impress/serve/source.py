"""What ``sphinx-impress present SOURCE`` builds: a Sphinx project (a folder with
``conf.py``), or one file of slides with no configuration at all.

A one-file talk is built from the folder it is in, with that file as the only
document (``root_doc`` and ``include_patterns``), so that its images and included files
are found where it names them, and with settings a talk needs: myst-parser with its
math syntax (``dollarmath``, ``amsmath``) and sphinx-impress. The file type comes from
the suffix, and for ``.md`` and ``.rst`` from the text: a markpress deck (its
``markpress-opt`` block or ``slide-attr`` comments), an mdpress deck (attribute lines
after its ``---`` separators) or a hovercraft deck (fields before its first ``----``
transition) is read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ImpressError
from ..extension.step import STEP_USE


class SourceError(ImpressError):
    """A SOURCE that cannot be presented: missing, unreadable, a folder without
    ``conf.py``, a file of a type that is not slides."""


#: File types (Sphinx source parsers) of one-file talks, by suffix.
SUFFIX_TYPES = {
    ".md": "markdown",
    ".rst": "restructuredtext",
    ".hovercraft": "hovercraft",
    ".mdpress": "mdpress",
    ".markpress": "markpress",
}

#: The extensions a one-file talk is built with.
ONE_FILE_EXTENSIONS = ["myst_parser", "sphinx_impress"]

#: myst-parser's syntax extensions for math: ``$...$``, ``$$...$$`` and LaTeX's
#: ``\begin{align}`` environments (myst-parser docs, "Math shortcuts").
ONE_FILE_MYST_EXTENSIONS = ["dollarmath", "amsmath"]

#: A reStructuredText transition: four or more ``-`` alone on a line (hovercraft's slide
#: separator; docutils takes any punctuation run of four or more).
_TRANSITION = re.compile(r"^-{4,}\s*$")

#: A section title's underline or overline: one punctuation character, repeated.
_ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1{2,}\s*$")

#: A field at the start of a line (``:title: ...``, ``:data-x: r1600``).
_FIELD = re.compile(r"^:[A-Za-z][\w.-]*:(\s|$)")



@dataclass(frozen=True)
class Source:
    """What to build: ``srcdir`` and ``confdir`` as for :class:`sphinx.application.Sphinx`
    (``confdir`` is ``None`` for a one-file talk, which has no ``conf.py``), the
    settings given in place of a ``conf.py`` (``confoverrides``), and, for a one-file
    talk, the ``file`` and its ``file_type``."""

    srcdir: Path
    confdir: Path | None
    confoverrides: dict[str, Any] = field(default_factory=dict)
    file: Path | None = None
    file_type: str | None = None

    @property
    def one_file(self) -> bool:
        """Whether this is a one-file talk."""
        return self.file is not None

    @property
    def config_files(self) -> frozenset[Path]:
        """The files whose change needs a fresh Sphinx application: ``conf.py`` and
        ``docutils.conf`` (both read once, when the application starts)."""
        if self.confdir is None:
            return frozenset()
        return frozenset({self.confdir / "conf.py", self.confdir / "docutils.conf"})


def read_source(path: Path) -> Source:
    """The :class:`Source` for ``path``, a project folder or a file of slides.

    :raises SourceError: when ``path`` is missing, is a folder without ``conf.py``, is
        a file whose suffix is not one of :data:`SUFFIX_TYPES`, or cannot be read as
        UTF-8 text.
    """
    if not path.exists():
        raise SourceError(f"{path}: no such file or folder")
    path = path.resolve()
    if path.is_dir():
        if not (path / "conf.py").is_file():
            raise SourceError(
                f"{path}: this folder has no conf.py; give a Sphinx project folder or "
                "one file of slides (.md, .rst, .hovercraft, .mdpress, .markpress)"
            )
        return Source(srcdir=path, confdir=path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIX_TYPES:
        raise SourceError(
            f"{path}: not a file of slides; give a .md, .rst, .hovercraft, .mdpress or "
            ".markpress file, or a Sphinx project folder"
        )
    text = read_text(path)
    file_type = SUFFIX_TYPES[suffix]
    if file_type == "restructuredtext" and looks_like_hovercraft(text):
        file_type = "hovercraft"
    elif file_type == "markdown" and looks_like_markpress(text):
        file_type = "markpress"
    elif file_type == "markdown" and looks_like_mdpress(text):
        file_type = "mdpress"
    return Source(
        srcdir=path.parent,
        confdir=None,
        confoverrides=one_file_settings(path, file_type),
        file=path,
        file_type=file_type,
    )


def read_text(path: Path) -> str:
    """The text of ``path``.

    :raises SourceError: when it cannot be read or is not UTF-8.
    """
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise SourceError(f"{path}: cannot read it: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise SourceError(
            f"{path}: cannot read it: it is not UTF-8 text (byte 0x{error.object[error.start]:02x} "
            f"at offset {error.start})"
        ) from None


def one_file_settings(path: Path, file_type: str) -> dict[str, Any]:
    """The settings a one-file talk is built with, in place of a ``conf.py``.

    The folder of ``path`` is the source folder and ``path`` its only document: the
    root document, the one name ``include_patterns`` lets in. Its subfolders (present
    when the talk starts) are in ``exclude_patterns``, so that Sphinx, which looks for
    documents in every folder not excluded, does not walk them: the talk may sit in a
    big folder. Images and included files in them are still found.
    """
    folder = path.parent
    subfolders = sorted(entry.name for entry in folder.iterdir() if _is_dir(entry))
    return {
        "extensions": list(ONE_FILE_EXTENSIONS),
        "myst_enable_extensions": list(ONE_FILE_MYST_EXTENSIONS),
        "root_doc": path.stem,
        "include_patterns": [_glob_literal(path.name)],
        "exclude_patterns": [_glob_literal(name) for name in subfolders],
        "source_suffix": {path.suffix: file_type},
    }


def looks_like_hovercraft(text: str) -> bool:
    """Whether reStructuredText ``text`` is a hovercraft deck: it has a transition
    (``----``, with a blank line or the file's edge on both sides), and before the first
    one there is a field at the start of a line (hovercraft's deck fields,
    ``:title:``, ``:data-transition-duration:``, ...) or nothing but blank lines,
    comments and directives, or right after it comes a section title. Plain
    reStructuredText allows neither a transition first in a document nor one just
    before a section title."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if not _TRANSITION.match(line):
            continue
        before_blank = index == 0 or not lines[index - 1].strip()
        after_blank = index + 1 == len(lines) or not lines[index + 1].strip()
        if not (before_blank and after_blank):
            continue  # a section title's underline or overline
        head = lines[:index]
        if any(_FIELD.match(entry) for entry in head) or _title_follows(lines, index + 1):
            return True
        return all(not entry.strip() or entry.startswith((" ", "\t", "..")) for entry in head)
    return False


def _title_follows(lines: list[str], start: int) -> bool:
    """Whether the first text from ``lines[start]`` on is a section title (underlined,
    or over- and underlined): a transition just before a title ends a section, which
    plain reStructuredText does not allow, and a hovercraft slide does."""
    index = start
    while index < len(lines) and not lines[index].strip():
        index += 1
    rest = lines[index:index + 3]
    if len(rest) >= 2 and _ADORNMENT.match(rest[0]) and len(rest) == 3 and rest[1].strip():
        return rest[2].strip() == rest[0].strip()
    return (
        len(rest) >= 2 and not rest[0][:1].isspace() and bool(_ADORNMENT.match(rest[1]))
        and len(rest[1].rstrip()) >= len(rest[0].rstrip())
    )


def looks_like_mdpress(text: str) -> bool:
    """Whether Markdown ``text`` is an mdpress deck: no ``step`` directive of a MyST
    deck, and at least one slide opened by an attribute line (``= data-x="1000"``)
    after its ``---`` separator, as :func:`~sphinx_impress.importers.mdpress.read_layout`
    finds them."""
    if any(use["myst"] for use in STEP_USE.finditer(text)):
        return False
    from ..importers.mdpress import read_layout

    layout = read_layout(text)
    return any(slide.attributes is not None for slide in layout.slides[1:])


def looks_like_markpress(text: str) -> bool:
    """Whether Markdown ``text`` is a markpress deck: no ``step`` directive of a MyST
    deck, and markpress's own markup: its options block (``<!--markpress-opt {...}
    markpress-opt-->``) or a slide's attribute comment (``<!--slide-attr x=0 -->``)
    alone on a line, as :mod:`~sphinx_impress.importers.markpress` reads them, outside
    code (a MyST page may show them in a code block). A markpress deck with neither
    (slides cut at ``------`` lines only) is read as MyST, whose transitions also
    separate slides."""
    if any(use["myst"] for use in STEP_USE.finditer(text)):
        return False
    from ..importers.markdown import code_lines, markdown_parser
    from ..importers.markpress import OPTIONS, SLIDE_ATTR

    code = code_lines(markdown_parser().parse(text))
    options = OPTIONS.search(text)
    if options is not None and text.count("\n", 0, options.start()) not in code:
        return True
    return any(
        SLIDE_ATTR.match(line)
        for number, line in enumerate(text.splitlines())
        if number not in code
    )


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _glob_literal(name: str) -> str:
    """``name`` as a Sphinx glob pattern matching only itself."""
    return re.sub(r"([*?\[\]])", r"[\1]", name)
