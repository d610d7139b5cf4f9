"""What a presentation page loads from the network, which it cannot load when the
speaker presents offline: the ``impress.offline`` warning."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..extension.nodes import line_location
from ..extension.presentation import BUILDER
from ..extension.warnings import ImpressWarnings, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Attributes whose value the browser loads as the page loads (HTML Living Standard):
#: ``src`` (img, script, iframe, audio, video, source, track, embed, input), ``srcset``
#: (img, source; a list of "URL descriptor" candidates), ``poster`` (video), ``data``
#: (object) and the old ``background`` (body, table, td). ``srcdoc`` (iframe) is a
#: document of its own, read in turn.
LOADED_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background"})

#: Elements whose ``href`` (or SVG's ``xlink:href``) the browser loads: SVG's
#: ``image``, ``use``, ``feImage`` and ``script`` (an ``a`` is followed, not loaded).
#: A ``link``'s ``href`` is loaded when its ``rel`` is one of :data:`LOADING_RELS`.
HREF_LOADED_BY = frozenset({"image", "use", "feimage", "script"})

#: ``rel`` values of a ``link`` that make the browser fetch its ``href`` (HTML Living
#: Standard, "Link types"; ``preconnect`` and ``dns-prefetch`` fetch nothing,
#: ``canonical`` and ``alternate`` only name other pages).
LOADING_RELS = frozenset({
    "stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest", "preload",
    "modulepreload", "prefetch",
})

#: URL schemes that a browser always reads as an address on the network, with or
#: without slashes after the colon (WHATWG URL Standard, "special scheme"; ``file`` is
#: special too, but local).
NETWORK_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp"})

#: A URL scheme (RFC 3986): letters, digits, ``+``, ``-``, ``.``, then a colon.
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")

#: The ``html-page-context`` key under which :mod:`sphinx_impress.html.deck_files`
#: lists what a deck's own style sheets load from the network, as ``(address,
#: "file:line")``.
REMOTE_KEY = "impress_deck_remote"

#: What a browser strips from a URL before reading it (WHATWG URL Standard, "basic URL
#: parser"): C0 controls and spaces at either end, tabs and newlines anywhere.
_EDGES = "".join(map(chr, range(0x21)))
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def is_remote(url: str) -> bool:
    """Whether ``url`` names something on the network, read as a browser reads it
    (WHATWG URL Standard): control characters and spaces at the ends and tabs and
    newlines anywhere are dropped (``ht\ttps://`` is ``https://``); an
    ``http``/``https``/``ws``/``wss``/``ftp`` scheme is the network with or without
    slashes (``https:host``, ``https:\\host``); another scheme with an authority
    (``//``) other than ``file``; or protocol-relative (``//host``, ``\\host``).
    ``data:``, ``mailto:``, ``file://`` and relative paths are not."""
    url = _TAB_OR_NEWLINE.sub("", url.strip(_EDGES))
    if url[:2].replace("\\", "/") == "//":
        return True
    scheme = _SCHEME.match(url)
    if not scheme:
        return False
    name = scheme[1].lower()
    if name in NETWORK_SCHEMES:
        return True
    rest = url[scheme.end():].replace("\\", "/")
    return name != "file" and rest.startswith("//")


#: CSS functions whose string argument the browser loads (CSS Values 4: ``url()`` and
#: ``src()``) and those that hold a list of images (CSS Images 4: ``image-set()``).
_URL_FUNCTIONS = frozenset({"url", "src"})
_IMAGE_SETS = frozenset({"image-set", "-webkit-image-set"})


def css_urls(css: str) -> list[str]:
    """The URLs a piece of CSS (a style sheet, or the declarations of a ``style``
    attribute) makes the browser load, in the order they appear: ``url(…)``,
    ``src("…")``, ``@import "…"`` and the strings of ``image-set()``. Read with
    tinycss2, which tokenizes as CSS Syntax 3 says, so comments are skipped and escapes
    decoded (``u\\72l(\\68ttps://…)`` is ``url(https://…)``); the time grows with the
    text."""
    return [url for url, _ in css_url_lines(css)]


def css_url_lines(css: str) -> list[tuple[str, int]]:
    """:func:`css_urls` with the line of the text (from 1) on which each URL is
    written."""
    import tinycss2

    urls: list[tuple[str, int]] = []
    # an explicit stack of token lists: nesting depth costs no recursion
    stack = [iter(tinycss2.parse_component_value_list(css, skip_comments=True))]
    after_import = False
    while stack:
        token = next(stack[-1], None)
        if token is None:
            stack.pop()
            continue
        kind = token.type
        if kind in ("whitespace", "comment"):
            continue
        if after_import and kind == "string":
            urls.append((token.value, token.source_line))
        after_import = kind == "at-keyword" and token.lower_value == "import"
        if kind == "url":
            urls.append((token.value, token.source_line))
        elif kind == "function":
            arguments = [t for t in token.arguments if t.type not in ("whitespace", "comment")]
            if token.lower_name in _URL_FUNCTIONS:
                urls.extend((t.value, t.source_line) for t in arguments[:1] if t.type == "string")
            elif token.lower_name in _IMAGE_SETS:
                urls.extend((t.value, t.source_line) for t in arguments if t.type == "string")
            stack.append(iter(token.arguments))
        elif kind in ("() block", "[] block", "{} block"):
            stack.append(iter(token.content))
    return [(url, line) for url, line in urls if url.strip()]


#: Elements whose content is not loaded as markup: ``template`` (inert),
#: ``noscript`` (the page has scripts). libxml2 reads ``textarea``, ``title``,
#: ``xmp`` and the like as text already.
_INERT = frozenset({"template", "noscript"})


def _tag_urls(tag: str, attributes: dict[str, str], in_svg: bool) -> list[str]:
    """What one element makes the browser load (see :func:`loaded_urls`)."""
    urls: list[str] = []
    for name, value in attributes.items():
        if not value.strip():
            continue
        if name == "srcset":
            # candidates separated by commas, each a URL then its descriptor
            urls.extend(c.split()[0] for c in value.split(",") if c.split())
        elif name in LOADED_ATTRIBUTES:
            urls.append(value)
        elif name == "srcdoc":
            urls.extend(loaded_urls(value))
        elif name in ("href", "xlink:href") and (
            (in_svg and tag in HREF_LOADED_BY)
            or (tag == "link" and LOADING_RELS & set(attributes.get("rel", "").lower().split()))
            or tag == "base"
        ):
            urls.append(value)
        elif name == "style":
            urls.extend(css_urls(value))
    return urls


def loaded_urls(html: str) -> list[str]:
    """The URLs that the HTML fragment ``html`` makes a browser load, in order: images,
    scripts, frames (and what an ``iframe``'s ``srcdoc`` loads), media and their
    posters, objects, old ``background`` attributes, SVG images and uses, style sheets,
    icons and preloads (``<link href>`` by its ``rel``), CSS ``url()``, ``@import`` and
    ``image-set()`` in ``style`` attributes and elements (:func:`css_urls`), and a
    ``<base href>``, from which the page then loads every relative address, its own
    scripts included.

    Not listed: links the reader follows (``<a href>``), anything in comments and in
    ``template``, ``noscript``, ``textarea`` and ``title``, and an ``<image>`` outside
    SVG (browsers read it as an ``img`` without ``src``). Of an attribute given twice,
    the first counts, as in browsers. The fragment is read by libxml2's HTML parser
    (through lxml, whose wheels bring libxml2 2.14 and its HTML5 tokenizer), which
    decodes character references as a browser does and never raises on odd markup; its
    time grows with the text.
    """
    from lxml import etree

    reader = _LoadReader()
    # a parser target gets the elements one by one, building no tree, so no depth
    # limit of libxml2's tree builder applies
    parser = etree.HTMLParser(target=reader, recover=True, no_network=True, huge_tree=True)
    try:
        parser.feed(html)
        parser.close()
    except etree.LxmlError:  # nothing to read: an empty fragment
        pass
    return reader.urls


class _LoadReader:
    """An lxml parser target that collects what each element loads."""

    def __init__(self) -> None:
        self.urls: list[str] = []
        self.depth_svg = 0
        self.depth_inert = 0
        self.style: list[str] | None = None

    def start(self, tag: str, attrib: Any) -> None:
        if self.depth_inert:
            self.depth_inert += tag in _INERT
            return
        self.depth_svg += tag == "svg"
        attributes = {str(name): str(value) for name, value in attrib.items()}
        self.urls.extend(_tag_urls(tag, attributes, self.depth_svg > 0))
        if tag == "style":
            self.style = []
        self.depth_inert += tag in _INERT

    def end(self, tag: str) -> None:
        if self.depth_inert:
            self.depth_inert -= tag in _INERT
            return
        self.depth_svg -= tag == "svg" and self.depth_svg > 0
        if tag == "style" and self.style is not None:
            self.urls.extend(css_urls("".join(self.style)))
            self.style = None

    def data(self, text: str) -> None:
        if self.style is not None and not self.depth_inert:
            self.style.append(text)

    def comment(self, text: str) -> None:
        """Comments load nothing."""

    def close(self) -> list[str]:
        return self.urls


def static_sheet_loads(sheet: Path) -> list[tuple[str, str]]:
    """What the local style sheet ``sheet`` loads from the network, as ``(address,
    "file:line")``, with what the local style sheets it imports load; each sheet is
    read once for its size and time of change."""
    found: list[tuple[str, str]] = []
    seen: set[Path] = set()
    pending = [sheet]
    while pending:
        current = pending.pop()
        if current in seen or not current.is_file():
            continue
        seen.add(current)
        stat = current.stat()
        for url, line in _sheet_urls(current, stat.st_mtime_ns, stat.st_size):
            if is_remote(url):
                found.append((url, f"{current}:{line}"))
            elif not _SCHEME.match(url) and url.split("?", 1)[0].endswith(".css"):
                pending.append((current.parent / url.split("?", 1)[0]).resolve())
    return found


@functools.lru_cache(maxsize=256)
def _sheet_urls(path: Path, mtime_ns: int, size: int) -> list[tuple[str, int]]:
    """:func:`css_url_lines` of a style sheet file (cached by its time and size)."""
    return css_url_lines(path.read_text(encoding="utf-8", errors="replace"))


def warn_remote_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Warn (``impress.offline``) when a presentation page loads anything that is not
    in the output folder: a script or style sheet with a URL (MathJax's default
    ``mathjax_path`` among them), a remote image, anything remote that raw HTML in
    the page loads (:func:`loaded_urls`), or that a deck's own style sheets load.
    One warning per page names every address the page loads; it points at the first
    element of the page that loads from the network (the page itself when only its
    scripts or style sheets do). What a style sheet of the page loads (``@import``,
    ``url()``) gets a warning of its own at the sheet's file and line: a deck's own
    (``impress_deck_css_files``) and one of ``html_static_path``
    (``impress_css_files``, an extension's), with the local sheets it imports.
    Connected to ``html-page-context`` after the handlers that add per-page assets."""
    if app.builder.name != BUILDER:
        return
    _warn_sheet_loads(app, pagename, context)
    urls = [
        str(getattr(asset, "filename", "") or "")
        for asset in (*context.get("script_files", ()), *context.get("css_files", ()))
    ]
    first: Any = None
    if doctree is not None:
        found, first = _document_loads(doctree, pagename)
        urls.extend(found)
    remote = [url for url in urls if is_remote(url)]
    if remote:
        warn(
            f"this presentation loads {', '.join(sorted(set(remote)))} from the network, "
            "so it will not present offline",
            ImpressWarnings.OFFLINE,
            first or pagename,
        )


def _warn_sheet_loads(app: Sphinx, pagename: str, context: dict[str, Any]) -> None:
    """One warning for each style sheet of the page that loads from the network, at
    the sheet's file and line: a deck's own (found by
    :mod:`~sphinx_impress.html.deck_files`) and the page's sheets of
    ``html_static_path``, with the local sheets they import."""
    loaded_by_sheets = list(context.get(REMOTE_KEY, ()))
    folders = [Path(app.confdir, folder) for folder in app.config.html_static_path]
    for asset in context.get("css_files", ()):
        name = str(getattr(asset, "filename", "") or "").split("?", 1)[0]
        name = name.removeprefix("_static/")
        if not name.endswith(".css") or is_remote(name):
            continue
        source = next((f / name for f in folders if (f / name).is_file()), None)
        if source is not None:
            loaded_by_sheets.extend(static_sheet_loads(source.resolve()))
    by_sheet: dict[str, list[tuple[str, str]]] = {}
    for url, where in loaded_by_sheets:
        by_sheet.setdefault(where.rpartition(":")[0], []).append((url, where))
    for sheet, loaded in by_sheet.items():
        warn(
            f"{os.path.basename(sheet)}, a style sheet of this presentation ({pagename}), "
            f"loads {', '.join(sorted({url for url, _ in loaded}))} from the network, so "
            "the presentation will not present offline",
            ImpressWarnings.OFFLINE,
            loaded[0][1],
        )


def _document_loads(doctree: nodes.document, docname: str) -> tuple[list[str], Any]:
    """What the document's images, raw HTML and steps' own ``style`` attributes (as an
    imported deck gives them) load, and the location of the first node that loads
    from the network (in an included file too), ``None`` when no node does."""
    urls: list[str] = []
    first = None
    for node in doctree.findall(nodes.Element):
        line = node.line
        if isinstance(node, nodes.image):
            found = [node["uri"]]
        elif isinstance(node, nodes.raw) and "html" in node.get("format", "").split():
            found = loaded_urls(node.astext())
        elif (info := node.get("impress_step")) is not None:
            found = css_urls(info.options.data.get("style", ""))
            line = info.line or node.line
        else:
            continue
        if first is None and line and any(is_remote(url) for url in found):
            first = line_location(docname, node, line)
        urls.extend(found)
    return urls, first
