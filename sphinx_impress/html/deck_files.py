"""A deck's own style sheets and scripts (``impress_deck_css_files``,
``impress_deck_js_files``; a hovercraft deck's ``:css:``, ``:js-header:`` and
``:js-body:``), loaded by that deck's presentation only.

On ``html-page-context`` for a presentation page, each local file is copied into
``OUT/_static/impress-deck-files/`` at its path in the source folder, together with
the local files that its CSS names in ``url()`` and ``@import`` (so relative addresses
between them keep working), and added to that page alone (a style sheet or script
added to the builder during ``html-page-context`` is for that page: Sphinx puts the
page's list back before the next one). A deck with style sheets of its own keeps its
author's look: the theme's style sheet gives way to ``impress-bare.css`` (the
browser's defaults and what presenting needs), and the deck's sheets come after it.
What the deck's CSS loads from the network goes to the offline check
(:func:`~sphinx_impress.html.offline.warn_remote_assets`).

While a presented document is read, those local files (the ones its CSS names too,
and the ones still missing) are made dependencies of the document
(:func:`note_deck_files`), as Sphinx does for images and included files: an edit of a
deck's style sheet makes an incremental build, and ``sphinx-impress present``, read
the document again and write its page, which copies the file again and links it with
its new checksum (``?v=``), so that the output equals a clean build.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pygments.formatters import HtmlFormatter
from sphinx.pygments_styles import SphinxStyle

from .._compat import forget_file_checksums
from ..extension.domain import impress_domain
from ..extension.nodes import AUTHOR_MARKUP
from ..extension.presentation import BUILDER
from ..extension.warnings import ImpressWarnings, warn
from .files import write_if_changed
from .offline import REMOTE_KEY, css_url_lines, is_remote

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

#: The folder of ``_static`` that holds decks' own files, at their source paths.
DECK_FILES = "impress-deck-files"

#: The style sheet under a deck's own, in place of the theme's (theme static folder).
BARE_CSS = "impress-bare.css"

#: The code colours of hovercraft's page (its ``highlight.css``: the token rules of
#: Sphinx's ``sphinx`` Pygments style, and nothing else: no background), written into
#: ``_static`` for a hovercraft deck styled by its author, in place of the theme's
#: ``pygments.css``, unless ``conf.py`` sets ``pygments_style``.
HOVERCRAFT_HIGHLIGHT_CSS = "impress-hovercraft-highlight.css"

#: The theme's highlighting style sheets (``ImpressBuilder.init_css_files``).
_PYGMENTS_CSS = frozenset({"_static/pygments.css", "_static/pygments_dark.css"})

#: Where a deck's style sheets and scripts come among the page's (Sphinx priorities):
#: style sheets after everything else; ``head`` scripts before impress.js (100),
#: ``body`` scripts after the call to ``impress().init()`` (1000).
CSS_PRIORITY = 850
HEAD_JS_PRIORITY = 50
BODY_JS_PRIORITY = 1001

#: A URL with a scheme (``data:``, ``https:``) or only a fragment: not a file.
_NOT_A_FILE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|#)")


def split_entry(entry: str) -> tuple[str, str]:
    """A deck file entry as ``(path, rest)``: ``talk.css print`` gives ``("talk.css",
    "print")``, ``intro.js head`` gives ``("intro.js", "head")``."""
    path, _, rest = entry.strip().partition(" ")
    return path, rest.strip()


class _Copier:
    """Copies a deck's files into the output (``target``), each once, with what its
    CSS loads. Without a ``target`` it only finds them: the local files it would copy
    (:attr:`copied`) and those missing (:attr:`missing`), without warnings."""

    def __init__(self, srcdir: Path, target: Path | None, docname: str) -> None:
        self.srcdir = srcdir.resolve()
        self.target = target
        self.docname = docname
        self.copied: dict[Path, str] = {}
        self.missing: set[Path] = set()
        #: what the style sheets load from the network: (address, ``file:line``)
        self.remote: list[tuple[str, str]] = []
        #: whether a file in the output was written anew
        self.written = False

    def copy(self, source: Path, named_by: str, where: Any = None) -> str | None:
        """Copy ``source``; its path under :data:`DECK_FILES` (posix), or ``None`` with
        an ``impress.config`` warning when it is missing or outside the source folder.
        ``named_by`` says where the file was named, for the warning, and ``where`` is
        the warning's location (the line of the setting, or of the style sheet that
        names the file; the document by default)."""
        where = where or self.docname
        source = source.resolve()
        if source in self.copied:
            return self.copied[source]
        if not source.is_relative_to(self.srcdir):
            if self.target is not None:
                warn(
                    f"{named_by}: {source} is outside the source folder, so it is not "
                    "copied into the output and the presentation does not load it",
                    ImpressWarnings.CONFIG,
                    where,
                )
            return None
        if not source.is_file():
            if self.target is None:
                self.missing.add(source)
            else:
                warn(
                    f"{named_by}: {source.relative_to(self.srcdir).as_posix()} does not "
                    "exist; the presentation does without it",
                    ImpressWarnings.CONFIG,
                    where,
                )
            return None
        relative = source.relative_to(self.srcdir).as_posix()
        self.copied[source] = relative
        data = source.read_bytes()
        if self.target is not None and write_if_changed(self.target / relative, data):
            self.written = True
        if source.suffix.lower() == ".css":
            self._copy_loaded(source, data.decode("utf-8", errors="replace"), relative)
        return relative

    def _copy_loaded(self, sheet: Path, css: str, name: str) -> None:
        """Copy the local files a style sheet loads; note the remote ones with the
        file and line that load them."""
        for url, line in css_url_lines(css):
            if is_remote(url):
                self.remote.append((url, f"{sheet}:{line}"))
                continue
            if _NOT_A_FILE.match(url):
                continue
            path = url.split("#", 1)[0].split("?", 1)[0]
            if path:
                self.copy(sheet.parent / path, f"{name} (url {url!r})", f"{sheet}:{line}")


def add_deck_files(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Load the deck's own style sheets and scripts on its presentation page (see the
    module). Connected to ``html-page-context`` before the offline check."""
    builder = app.builder
    if builder.name != BUILDER or doctree is None or pagename not in app.env.all_docs:
        return
    domain = impress_domain(app.env)
    deck = domain.deck_config(pagename)
    if not deck.deck_css_files and not deck.deck_js_files:
        return
    base = Path(app.env.doc2path(pagename)).parent
    copier = _Copier(Path(app.env.srcdir), Path(builder.outdir, "_static", DECK_FILES), pagename)
    sheets = []
    for entry in deck.deck_css_files:
        path, media = split_entry(entry)
        name = _local_or_remote(
            copier, base, path, "impress_deck_css_files",
            domain.setting_location(pagename, "impress_deck_css_files"),
        )
        if name is not None:
            sheets.append((name, media))
    if sheets:
        stylesheets = getattr(getattr(builder, "theme", None), "stylesheets", ())
        theme = {posixpath.join("_static", name) for name in stylesheets}
        hovercraft = doctree.get(AUTHOR_MARKUP) == "hovercraft" or deck.markup == "hovercraft"
        if hovercraft and not app.config.pygments_style:
            # the author's sheets were written over hovercraft's code colours
            theme |= _PYGMENTS_CSS
            colours = Path(builder.outdir, "_static", HOVERCRAFT_HIGHLIGHT_CSS)
            write_if_changed(colours, _hovercraft_colours())
            builder.add_css_file(HOVERCRAFT_HIGHLIGHT_CSS, priority=200)  # type: ignore[attr-defined]
        context["css_files"][:] = [
            css for css in context["css_files"] if str(css.filename) not in theme
        ]
        builder.add_css_file(BARE_CSS, priority=200)  # type: ignore[attr-defined]
        for name, media in sheets:
            attributes = {"media": media} if media else {}
            builder.add_css_file(name, priority=CSS_PRIORITY, **attributes)  # type: ignore[attr-defined]
    for entry in deck.deck_js_files:
        path, where = split_entry(entry)
        name = _local_or_remote(
            copier, base, path, "impress_deck_js_files",
            domain.setting_location(pagename, "impress_deck_js_files"),
        )
        if name is not None:
            priority = HEAD_JS_PRIORITY if where == "head" else BODY_JS_PRIORITY
            builder.add_js_file(name, priority=priority)  # type: ignore[attr-defined]
    context[REMOTE_KEY] = copier.remote
    if copier.written:
        # Sphinx keeps each file's checksum for the life of the process: a build in a
        # warm process (present) would link the new copy with the old one's
        forget_file_checksums()


def note_deck_files(app: Sphinx, doctree: nodes.document) -> None:
    """Make the local files of the deck being read (its style sheets and scripts, the
    files their CSS loads, and those not there yet) dependencies of its document, as
    paths relative to the source folder. Connected to ``doctree-read``: the deck's
    front matter is known by then (read transform)."""
    env = app.env
    docname = env.docname
    domain = impress_domain(env)
    if app.builder.name != BUILDER and not domain.is_deck(docname):
        return  # not presented: its page loads no deck files
    deck = domain.deck_config(docname)
    if not deck.deck_css_files and not deck.deck_js_files:
        return
    base = Path(env.doc2path(docname)).parent
    finder = _Copier(Path(env.srcdir), None, docname)
    for entry in [*deck.deck_css_files, *deck.deck_js_files]:
        name = split_entry(entry)[0]
        if not is_remote(name):
            finder.copy(base / name, "")
    for path in sorted({*finder.copied, *finder.missing}):
        env.note_dependency(os.path.relpath(path, finder.srcdir))


@functools.cache
def _hovercraft_colours() -> bytes:
    """The style sheet :data:`HOVERCRAFT_HIGHLIGHT_CSS`: a rule for each token class
    under ``.highlight`` (made once a process: every page of such a deck writes it)."""
    formatter = HtmlFormatter(style=SphinxStyle)
    return "".join(f"{rule}\n" for rule in formatter.get_token_style_defs(".highlight")).encode()


def _local_or_remote(
    copier: _Copier, base: Path, path: str, setting: str, where: Any = None
) -> str | None:
    """The name to load ``path`` by: a URL as it is, a local file copied (its name
    under ``_static``), or ``None`` when it cannot be loaded (warned at ``where``)."""
    if is_remote(path):
        # Sphinx takes an address without "://" for a file of _static: a
        # protocol-relative one is given the scheme a published page has
        return "https:" + path if path.startswith("//") else path
    copied = copier.copy(base / path, setting, where)
    return None if copied is None else f"{DECK_FILES}/{copied}"


def setup_deck_files(app: Sphinx) -> None:
    """Connect :func:`add_deck_files` before the offline check (900), and
    :func:`note_deck_files`."""
    app.connect("html-page-context", add_deck_files, priority=500)
    app.connect("doctree-read", note_deck_files)
