"""The files a converted deck names, named again from the folder the MyST file is
written to (``sphinx-impress convert -o OTHER_FOLDER/deck.md``).

A deck names its images, included files and downloads relative to its own folder
(Sphinx: relative to the document; a browser: relative to the page). Where the MyST
file goes elsewhere, each relative path that names a file beside the deck is
rewritten relative to the new folder, in what a converted deck holds: Markdown images
and links, MyST and reST directives that take a file (``image``, ``figure``,
``literalinclude``, ``include``, a substitution's ``image``), the ``download`` role, and
the attributes raw HTML loads or links (``src``, ``srcset``, ``href``, ``poster``,
``data``). A path that names nothing there (a page of the project, an anchor, an
address) is left as it is.
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


def relocate(text: str, source: Path, target: Path) -> str:
    """``text`` (MyST, with reST in ``eval-rst`` blocks) with every relative path that
    names a file or folder in ``source`` named from ``target`` instead (see the
    module)."""
    if source.resolve() == target.resolve():
        return text

    def moved(path: str) -> str:
        bracketed = path.startswith("<") and path.endswith(">")
        bare = path[1:-1] if bracketed else path
        name, mark, rest = bare.partition("#")
        name, query, after = name.partition("?")
        try:
            if not name or _FIXED.match(name) or not (source / name).exists():
                return path
        except (OSError, ValueError):  # no file by that name (a NUL, too long)
            return path
        new = Path(os.path.relpath((source / name).resolve(), target.resolve())).as_posix()
        new = new + query + after + mark + rest
        return f"<{new}>" if bracketed else new

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
