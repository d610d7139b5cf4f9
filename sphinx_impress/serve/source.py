"""What ``sphinx-impress present SOURCE`` builds: a Sphinx project (a folder with
``conf.py``), or one file of slides with no configuration at all.

A one-file talk is built from the folder it is in, with that file as the only
document (``root_doc`` and ``include_patterns``), so that its images and included files
are found where it names them, and with settings a talk needs: myst-parser with its
math syntax (``dollarmath``, ``amsmath``) and sphinx-impress. Having no ``conf.py``,
its front matter may also set a few settings of the whole build
(:data:`ONE_FILE_BUILD_SETTINGS`: ``impress_theme``, ...). The file type comes from
the suffix, and for ``.md`` and ``.rst`` from the text, only where it clearly is another
tool's deck: a markpress deck (its ``markpress-opt`` block or ``slide-attr``
comments), an mdpress deck (attribute lines after its ``---`` separators, no MyST
``step``), a hovercraft deck (fields only hovercraft reads, no reST ``step``). A
sphinx-impress deck never is one: what it builds in ``present`` is what
``sphinx-build -b impress`` builds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ImpressError, InvalidValue, UnreadableText, read_utf8
from ..extension.config import PREFIX, ImpressConfig
from ..extension.step import STEP_USE
from ..importers.hovercraft import (
    DECK_FILE_FIELDS,
    DECK_IGNORED,
    DECK_SETTINGS,
    DECK_UNSUPPORTED,
    SLIDE_FIELDS,
)


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

#: Settings of the whole build (no per-document setting) that the front matter of a
#: one-file talk may set, as it has no ``conf.py``: the ones that make sense without
#: one (``impress_css_files`` and ``impress_js_files`` name files of
#: ``html_static_path``; a talk has ``impress_deck_css_files`` instead).
ONE_FILE_BUILD_SETTINGS = ("theme", "math", "math_font", "layout_svg")

#: A reStructuredText transition: four or more ``-`` alone on a line (hovercraft's slide
#: separator; docutils takes any punctuation run of four or more).
_TRANSITION = re.compile(r"^-{4,}\s*$")

#: A field at the start of a line (``:title: ...``, ``:data-x: r1600``).
_FIELD = re.compile(r"^:(?P<name>[A-Za-z][\w.-]*):(\s|$)")

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
        confoverrides={
            **one_file_settings(path, file_type),
            **build_settings(front_matter(text, file_type)),
        },
        file=path,
        file_type=file_type,
    )


def read_text(path: Path) -> str:
    """The text of ``path``.

    :raises SourceError: when it cannot be read or is not UTF-8.
    """
    try:
        return read_utf8(path)
    except UnreadableText as error:
        raise SourceError(f"{path}: cannot read it: {error}") from None


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


def front_matter(text: str, file_type: str) -> dict[str, Any]:
    """The front matter of a MyST (YAML between ``---`` lines at the start) or reST
    (a field list at the top, after blank lines and comments only) one-file talk, by
    key; empty for other types and when there is none or it cannot be read (the build
    then says why)."""
    lines = text.splitlines()
    if file_type == "markdown":
        if not lines or lines[0].rstrip() != "---":
            return {}
        end = next((n for n, line in enumerate(lines[1:], 1) if line.rstrip() == "---"), None)
        if end is None:
            return {}
        import yaml

        try:
            data = yaml.safe_load("\n".join(lines[1:end]))
        except yaml.YAMLError:
            return {}
        return {str(key): value for key, value in data.items()} if isinstance(data, dict) else {}
    if file_type != "restructuredtext":
        return {}
    found: dict[str, Any] = {}
    index = 0
    while index < len(lines) and (
        not lines[index].strip() or lines[index].startswith(("..", " ", "\t"))
    ):
        index += 1
    while index < len(lines) and (match := _FIELD.match(lines[index])) is not None:
        value = [lines[index][match.end():].strip()]
        index += 1
        while index < len(lines) and lines[index][:1].isspace() and lines[index].strip():
            value.append(lines[index].strip())
            index += 1
        found[match["name"]] = " ".join(part for part in value if part)
    return found


def build_settings(fields: dict[str, Any]) -> dict[str, Any]:
    """The settings of the whole build of :data:`ONE_FILE_BUILD_SETTINGS` that the
    front matter ``fields`` give valid values (``impress_theme: dark``), as Sphinx
    settings; an invalid value is left out (the build warns where it is written)."""
    fields_by_name = {field.name: field for field in ImpressConfig.values()}
    settings: dict[str, Any] = {}
    for name in ONE_FILE_BUILD_SETTINGS:
        key = PREFIX + name
        if key not in fields:
            continue
        try:
            settings[key] = fields_by_name[name].metadata["validator"](fields[key])
        except (InvalidValue, TypeError, ValueError, OverflowError):
            continue
    return settings


def looks_like_hovercraft(text: str) -> bool:
    """Whether reStructuredText ``text`` is clearly a hovercraft deck: it uses no
    ``step`` directive of sphinx-impress, and it has fields only hovercraft reads, at
    the top level where hovercraft reads them (:func:`hovercraft_fields`). A
    transition first in the file or before a section title is no sign: a
    sphinx-impress reST deck has those too (separators), and ``impress_*`` fields
    are sphinx-impress's own front matter."""
    if any(use["rst"] for use in STEP_USE.finditer(text)):
        return False
    return bool(hovercraft_fields(text))


def hovercraft_fields(text: str) -> list[str]:
    """The fields of hovercraft's own in ``text``: in a field list at the top of the
    file (after blank lines, comments and directives only, before the first transition:
    ``----`` with a blank line or the file's edge on both sides), the deck fields only
    hovercraft has (:func:`is_hovercraft_field`: ``:css:``,
    ``:data-transition-duration:``, ``:skip-help:``, ...; not ``:title:`` or
    ``:author:``, which any reST document may have), and in a field list that opens a
    slide (right after a transition), hovercraft's slide fields (``:data-x:``,
    ``:hovercraft-path:``, ``:class:``, ...)."""
    lines = text.splitlines()
    found: list[str] = []
    at_top = True  # only blank lines, comments and directives so far
    after_transition = False  # only blank lines since the last transition
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
            continue
        if _is_transition(lines, index):
            at_top, after_transition = False, True
            index += 1
            continue
        if _FIELD.match(line):
            names = []
            while index < len(lines) and lines[index].strip() and (
                _FIELD.match(lines[index]) or lines[index][:1].isspace()
            ):
                if (name := _field_name(lines[index])) is not None:
                    names.append(name)
                index += 1
            if at_top:
                found += [name for name in names if is_hovercraft_field(name, deck=True)]
            elif after_transition:
                found += [name for name in names if is_hovercraft_field(name, deck=False)]
            at_top = after_transition = False
            continue
        if not line.startswith(("..", " ", "\t")):
            at_top = False
        after_transition = False
        index += 1
    return found


def is_hovercraft_field(name: str, deck: bool) -> bool:
    """Whether the field ``name`` is one only hovercraft reads: a deck field
    (``deck``) or a slide field of :mod:`sphinx_impress.importers.hovercraft`'s lists,
    other than the ones any reST document may have (``title``, ``author``, ...) and
    sphinx-impress's own front matter (``impress_*``)."""
    name = name.lower()
    if name.startswith(PREFIX):
        return False
    if name.startswith("data-") or name == "hovercraft-path":
        return True
    if not deck:
        return name in SLIDE_FIELDS
    return (
        name in DECK_SETTINGS or name in DECK_FILE_FIELDS or name in DECK_UNSUPPORTED
        or name in DECK_IGNORED or name in ("skip-help", "slide-numbers")
        or (name.startswith("css-") and len(name) > 4)
    )


def _is_transition(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` is a transition: ``----`` or longer with a blank line
    or the file's edge on both sides (else it is a section title's adornment)."""
    if not _TRANSITION.match(lines[index]):
        return False
    before_blank = index == 0 or not lines[index - 1].strip()
    after_blank = index + 1 == len(lines) or not lines[index + 1].strip()
    return before_blank and after_blank


def _field_name(line: str) -> str | None:
    match = _FIELD.match(line)
    return None if match is None else match["name"]


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
