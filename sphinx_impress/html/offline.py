"""What a presentation page loads from the network, which it cannot load when the
speaker presents offline: the ``impress.offline`` warning."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from docutils import nodes

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

#: CSS: a comment; ``url("…")`` or ``url(…)``; ``@import "…"``; an ``image-set(…)``
#: and the quoted strings in it. Written so that each match attempt is short: no
#: input makes them backtrack over more than a token.
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)  # unclosed: to the end (CSS Syntax)
_CSS_URL = re.compile(r"""url\(\s*(?:(['"])([^'"]*)\1|([^'"()\s]+))\s*\)""", re.IGNORECASE)
_CSS_IMPORT = re.compile(r"""@import\s*(['"])([^'"]*)\1""", re.IGNORECASE)
_CSS_IMAGE_SET = re.compile(r"image-set\(([^()]*)\)", re.IGNORECASE)
_QUOTED = re.compile(r"""(['"])([^'"]*)\1""")

#: A URL scheme (RFC 3986): letters, digits, ``+``, ``-``, ``.``, then a colon.
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def is_remote(url: str) -> bool:
    """Whether ``url`` names something on the network: a scheme with an authority
    other than ``file`` (``https://``, ``ftp://``...), or protocol-relative
    (``//host/...``). ``data:``, ``mailto:``, ``file://`` and relative paths are not."""
    url = url.strip()
    if url.startswith("//"):
        return True
    scheme = _SCHEME.match(url)
    if scheme is None:
        return False
    return scheme[1].lower() != "file" and url[scheme.end():].startswith("//")


def css_urls(css: str) -> list[str]:
    """The URLs a piece of CSS makes the browser load, in order of kind: ``url()``,
    ``@import "…"``, then the quoted images of ``image-set()``. Comments are skipped."""
    css = _CSS_COMMENT.sub(" ", css)
    urls = [quoted or bare for _, quoted, bare in _CSS_URL.findall(css)]
    urls += [url for _, url in _CSS_IMPORT.findall(css)]
    for candidates in _CSS_IMAGE_SET.findall(css):
        urls += [url for _, url in _QUOTED.findall(candidates)]
    return [url for url in urls if url.strip()]


#: A start tag: ``<`` and a letter, then anything up to ``>`` outside quotes. It never
#: crosses an unquoted ``<``, so finding every tag takes time in proportion to the text.
_START_TAG = re.compile(r"""<([a-zA-Z][^\s/>"'<]*)(?:[^<>"']|"[^"]*"|'[^']*')*>""")

#: Comments, whose content a browser does not load (unclosed: to the end).
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)

#: Elements whose content is text or inert, not loaded as markup: ``template``,
#: ``noscript`` (the page has scripts), ``textarea``, ``title``; and ``style``, whose
#: content is CSS (read by :func:`css_urls`).
_INERT = frozenset({"template", "noscript", "textarea", "title", "style"})


class _TagReader(HTMLParser):
    """Reads one start tag: its name and attributes, character references decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag = ""
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tag, self.attrs = tag, attrs

    handle_startendtag = handle_starttag


def _read_tag(text: str) -> tuple[str, dict[str, str]]:
    """The name and the attributes of the start tag ``text``; of an attribute given
    twice, the first (as browsers keep it)."""
    reader = _TagReader()
    try:
        reader.feed(text)
        reader.close()
    except (AssertionError, ValueError):  # what Python's parser raises on odd markup
        return "", {}
    first: dict[str, str] = {}
    for name, value in reader.attrs:
        first.setdefault(name, value or "")
    return reader.tag, first


def _tag_urls(tag: str, attributes: dict[str, str], in_svg: bool) -> list[str]:
    """What one element makes the browser load (see :func:`loaded_urls`)."""
    urls: list[str] = []
    for name, value in attributes.items():
        if not value.strip():
            continue
        if name in LOADED_ATTRIBUTES:
            candidates = value.split(",") if name == "srcset" else [value]
            urls.extend(c.split()[0] for c in candidates if c.split())
        elif name == "srcdoc":
            urls.extend(loaded_urls(value))
        elif name in ("href", "xlink:href") and (
            (in_svg and tag in HREF_LOADED_BY)
            or (tag == "link" and LOADING_RELS & set(attributes.get("rel", "").lower().split()))
        ):
            urls.append(value)
        elif name == "style":
            urls.extend(css_urls(value))
    return urls


def loaded_urls(html: str) -> list[str]:
    """The URLs that the HTML fragment ``html`` makes a browser load, in order: images,
    scripts, frames (and what an ``iframe``'s ``srcdoc`` loads), media and their
    posters, objects, old ``background`` attributes, SVG images and uses, style sheets,
    icons and preloads (``<link href>`` by its ``rel``), and CSS ``url()``,
    ``@import`` and ``image-set()`` in ``style`` attributes and elements.

    Not listed: links the reader follows (``<a href>``), anything in comments and in
    ``template``, ``noscript``, ``textarea`` and ``title``, and an ``<image>`` outside
    SVG (browsers read it as an ``img`` without ``src``). Of an attribute given twice,
    the first counts, as in browsers. Each start tag is found by a pattern and read by
    Python's HTML parser, so the time grows in proportion to the text and odd markup
    (``<![``, unclosed tags) is skipped, never raised. CSS escapes inside URLs are not
    decoded, and a tag left open at the very end is not read.
    """
    html = _HTML_COMMENT.sub(" ", html)
    lowered = html.lower()
    urls: list[str] = []
    depth_svg = 0
    position = 0
    while (match := _START_TAG.search(html, position)) is not None:
        # the svg elements closed since the last tag
        depth_svg = max(0, depth_svg - lowered.count("</svg", position, match.start()))
        position = match.end()
        tag, attributes = _read_tag(match[0])
        if not tag:
            continue
        if tag == "svg" and not match[0].endswith("/>"):
            depth_svg += 1
        urls.extend(_tag_urls(tag, attributes, depth_svg > 0 or tag == "svg"))
        if tag in _INERT:
            closing = lowered.find(f"</{tag}", position)
            content_end = len(html) if closing < 0 else closing
            if tag == "style":
                urls.extend(css_urls(html[position:content_end]))
            position = content_end
    return urls


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
    One warning per page, naming every address. Connected to ``html-page-context``
    after the handlers that add per-page assets."""
    if app.builder.name != BUILDER:
        return
    urls = [
        str(getattr(asset, "filename", "") or "")
        for asset in (*context.get("script_files", ()), *context.get("css_files", ()))
    ]
    # what a deck's own style sheets load (sphinx_impress.html.deck_files)
    urls.extend(context.get("impress_deck_remote", ()))
    if doctree is not None:
        for image in doctree.findall(nodes.image):
            urls.append(image["uri"])
        for raw in doctree.findall(nodes.raw):
            if "html" in raw.get("format", "").split():
                urls.extend(loaded_urls(raw.astext()))
    remote = [url for url in urls if is_remote(url)]
    if remote:
        warn(
            f"this presentation loads {', '.join(sorted(set(remote)))} from the network, "
            "so it will not present offline",
            ImpressWarnings.OFFLINE,
            pagename,
        )
