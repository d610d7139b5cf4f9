"""The text Sphinx parsed, kept while a document is read: what is read from the lines
themselves (a MyST heading's written level, a ``step`` directive another extension
owns) comes from it, never from the files on disk, which ``source-read`` and
``include-read`` handlers may have changed on the way in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: The key of ``env.temp_data`` (kept while one document is read) that holds the text
#: Sphinx parsed: the document's, by its path, and that of each file it includes.
PARSED_TEXT = "impress_parsed_text"


def keep_parsed_text(app: Sphinx, docname: str, source: list[str]) -> None:
    """Keep the text of a document as Sphinx parses it, after every ``source-read``
    handler changed it (connected last), for what is read from the lines themselves
    (a MyST heading's written level, a ``step`` directive another extension owns)."""
    _kept(app.env)[str(app.env.doc2path(docname))] = source[0]


def keep_included_text(
    app: Sphinx, relative_path: Path, parent_docname: str, content: list[str]
) -> None:
    """Keep the text of a file an ``include`` directive reads (``include-read``, after
    every other handler)."""
    _kept(app.env)[str(Path(app.srcdir, relative_path))] = content[0]


def parsed_text(env: BuildEnvironment, path: str | None) -> str | None:
    """The text Sphinx parsed from ``path`` (the document being read or a file it
    includes), or ``None`` when it parsed none by that name."""
    if path is None:
        return None
    texts = _kept(env)
    found = texts.get(path)
    if found is None:
        wanted = Path(path).resolve()
        found = next((text for kept, text in texts.items() if Path(kept).resolve() == wanted), None)
    return found


def _kept(env: BuildEnvironment) -> dict[str, str]:
    """The texts kept for the document being read (Sphinx's ``temp_data``, a dict in
    Sphinx 8 and the current document's mapping of extension data in Sphinx 9)."""
    return cast("dict[str, str]", env.temp_data.setdefault(PARSED_TEXT, {}))


def setup_parsed_text(app: Sphinx) -> None:
    """Keep the parsed text: connected after every other handler of ``source-read``
    and ``include-read``, so that the text kept is the text Sphinx parses."""
    app.connect("source-read", keep_parsed_text, priority=10_000)
    app.connect("include-read", keep_included_text, priority=10_000)
