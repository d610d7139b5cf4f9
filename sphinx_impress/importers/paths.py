"""The files a converted deck names, named again from the folder the MyST file is
written to (``sphinx-impress convert -o OTHER_FOLDER/deck.md``).

A deck names its images, included files and downloads relative to its own folder
(Sphinx: relative to the document; a browser: relative to the page). Where the MyST
file goes elsewhere, each relative path that names a file or folder beside the deck
is looked at, in what a converted deck holds: Markdown images and links, MyST and reST
directives that take a file (``image``, ``figure``, ``literalinclude``, ``include``, a
substitution's ``image``), the ``download`` role, the attributes raw HTML loads or
links (``src``, ``srcset``, ``href``, ``poster``, ``data``), and the deck's own style
sheets and scripts. A path that names nothing there (a page of the project, an
anchor, an address) is left as it is.

A path the new folder can name inside its project (the nearest folder above it with
a ``conf.py``, else the new folder itself) is rewritten relative to the new folder,
so that the project builds the deck with the files where they are. A file it cannot
(another project, a folder above it) is copied into the new folder at the same
relative path, so that its name stays (:class:`Relocation` lists them; the converter
copies them); a file outside the deck's own folder is named from the new folder all
the same, and the build warns that it lies outside the source folder.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

#: An address with a scheme (``https:``, ``data:``, ``mailto:``), protocol-relative,
#: absolute (from the project's folder, for Sphinx), or an anchor: never moved.
_FIXED = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")

#: A Markdown image or link target: ``](path)``, ``](<path>)``, ``](path "title")``.
_MARKDOWN_TARGET = re.compile(r"(?P<head>\]\()(?P<path><[^>\n]*>|[^)\s]+)")

#: A MyST or reST directive whose argument is a file.
_DIRECTIVE_FILE = re.compile(
    r"(?m)^(?P<head>\s*(?:(?:`{3,}|~{3,}|:{3,})\{(?:image|figure|literalinclude|include)\}"
    r"|\.\.\s+(?:\|[^|\n]+\|\s+)?(?:image|figure|literalinclude|include)::)[ \t]+)"
    r"(?P<path>\S[^\n]*?)[ \t]*$"
)

#: The ``download`` role: ``:download:`path``` or ``:download:`text <path>```; MyST's
#: ``{download}`` role alike.
_DOWNLOAD = re.compile(r"(?P<head>(?::|\{)download(?::|\})`(?:[^`<]*<)?)(?P<path>[^`>]+)")

#: An HTML attribute that loads or links a file, quoted.
_HTML_ATTRIBUTE = re.compile(
    r"(?P<head>\s(?:src|href|poster|data)\s*=\s*(?P<quote>[\"']))(?P<path>[^\"'<>]*)(?P=quote)",
    re.IGNORECASE,
)

#: A ``srcset`` attribute: candidates ``URL [descriptor]`` separated by commas.
_SRCSET = re.compile(r"(?P<head>\ssrcset\s*=\s*(?P<quote>[\"']))(?P<list>[^\"']*)(?P=quote)",
                     re.IGNORECASE)


#: The suffixes of documents: a link to one is a link to a page, never a file to copy.
_DOCUMENTS = frozenset({".md", ".rst", ".ipynb", ".html", ".htm"})


class Relocation:
    """How the paths of a deck read from folder ``source`` are named from folder
    ``target`` (see the module); :attr:`copies` collects the files to copy, by the
    relative path they keep (posix), with the file each is a copy of."""

    def __init__(self, source: Path, target: Path) -> None:
        self.source = source.resolve()
        self.target = target.resolve()
        self.project = _project_of(self.target)
        self.copies: dict[str, Path] = {}

    def name(self, path: str) -> str:
        """``path`` (relative to ``source``; in ``<>`` too; with a query or anchor)
        named from ``target``."""
        if self.source == self.target:
            return path
        bracketed = path.startswith("<") and path.endswith(">")
        bare = path[1:-1] if bracketed else path
        name, mark, rest = bare.partition("#")
        name, query, after = name.partition("?")
        try:
            if not name or _FIXED.match(name) or not (self.source / name).exists():
                return path
            found = (self.source / name).resolve()
        except (OSError, ValueError):  # no file by that name (a NUL, too long)
            return path
        if self.keeps_name(found):
            self.copies[Path(os.path.relpath(found, self.source)).as_posix()] = found
            return path
        new = Path(os.path.relpath(found, self.target)).as_posix()
        new = new + query + after + mark + rest
        return f"<{new}>" if bracketed else new

    def keeps_name(self, found: Path) -> bool:
        """Whether the file ``found`` is copied to keep its name: it is a file in the
        deck's folder (no document) that the new folder cannot name inside its
        project."""
        return (
            found.is_file()
            and found.suffix.lower() not in _DOCUMENTS
            and found.is_relative_to(self.source)
            and not found.is_relative_to(self.project)
        )


def _project_of(folder: Path) -> Path:
    """The Sphinx project a folder is in: the nearest folder with a ``conf.py`` at or
    above it, else the folder itself."""
    for candidate in (folder, *folder.parents):
        if (candidate / "conf.py").is_file():
            return candidate
    return folder


def relocate(text: str, source: Path | Relocation, target: Path | None = None) -> str:
    """``text`` (MyST, with reST in ``eval-rst`` blocks) with every relative path that
    names a file or folder in ``source`` named from ``target`` instead, or kept for a
    copy (see the module); ``source`` may be a :class:`Relocation`, which then collects
    the copies."""
    relocation = source if isinstance(source, Relocation) else Relocation(source, target or source)
    if relocation.source == relocation.target:
        return text
    moved = relocation.name

    def replace(found: re.Match[str]) -> str:
        return found["head"] + moved(found["path"]) + found[0][found.end("path") - found.start():]

    def srcset(found: re.Match[str]) -> str:
        candidates = []
        for candidate in found["list"].split(","):
            parts = candidate.strip().split(None, 1)
            if parts:
                parts[0] = moved(parts[0])
            candidates.append(" ".join(parts))
        return found["head"] + ", ".join(candidates) + found["quote"]

    for pattern in (_MARKDOWN_TARGET, _DIRECTIVE_FILE, _DOWNLOAD, _HTML_ATTRIBUTE):
        text = pattern.sub(replace, text)
    return _SRCSET.sub(srcset, text)
