"""What a presentation page loads from the network, which it cannot load when the
speaker presents offline: the ``impress.offline`` warning."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .warnings_ import ImpressWarnings, warn

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
_CSS_IMPORT = re.compile(r"""@import\s+(['"])([^'"]*)\1""", re.IGNORECASE)
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
    return bool(scheme) and scheme[1].lower() != "file" and url[scheme.end():].startswith("//")


def css_urls(css: str) -> list[str]:
    """The URLs a piece of CSS makes the browser load, in order of kind: ``url()``,
    ``@import "…"``, then the quoted images of ``image-set()``. Comments are skipped."""
    css = _CSS_COMMENT.sub(" ", css)
    urls = [quoted or bare for _, quoted, bare in _CSS_URL.findall(css)]
    urls += [url for _, url in _CSS_IMPORT.findall(css)]
    for candidates in _CSS_IMAGE_SET.findall(css):
        urls += [url for _, url in _QUOTED.findall(candidates)]
    return [url for url in urls if url.strip()]


class _LoadedURLs(HTMLParser):
    """Collects the URLs an HTML fragment makes the browser load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        first: dict[str, str] = {}
        for name, value in attrs:  # a repeated attribute: browsers keep the first
            first.setdefault(name, value or "")
        for name, value in first.items():
            if not value.strip():
                continue
            if name in LOADED_ATTRIBUTES:
                candidates = value.split(",") if name == "srcset" else [value]
                self.urls.extend(c.split()[0] for c in candidates if c.split())
            elif name == "srcdoc":
                self.urls.extend(loaded_urls(value))
            elif name in ("href", "xlink:href") and (
                tag in HREF_LOADED_BY
                or (tag == "link" and LOADING_RELS & set(first.get("rel", "").lower().split()))
            ):
                self.urls.append(value)
            elif name == "style":
                self.urls.extend(css_urls(value))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls.extend(css_urls(data))


def loaded_urls(html: str) -> list[str]:
    """The URLs that the HTML fragment ``html`` makes a browser load, in order: images,
    scripts, frames (and what an ``iframe``'s ``srcdoc`` loads), media and their
    posters, objects, old ``background`` attributes, SVG images and uses, style sheets,
    icons and preloads (``<link href>`` by its ``rel``), and CSS ``url()``,
    ``@import`` and ``image-set()`` in ``style`` attributes and elements. Links the
    reader follows (``<a href>``) are not loaded and not listed; of an attribute given
    twice, the first counts, as in browsers. Never raises: Python's HTML parser reads
    broken markup as far as it can. CSS escapes inside URLs are not decoded."""
    parser = _LoadedURLs()
    parser.feed(html)
    parser.close()
    return parser.urls


def warn_remote_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Warn (``impress.offline``) when a presentation page loads anything that is not
    in the output folder: a script or style sheet with a URL (MathJax's default
    ``mathjax_path`` among them), a remote image, or anything remote that raw HTML in
    the page loads (:func:`loaded_urls`). One warning per page, naming every address.
    Connected to ``html-page-context`` after the handlers that add per-page assets."""
    from .builder import ImpressBuilder  # the builder module uses is_remote

    if not isinstance(app.builder, ImpressBuilder):
        return
    remote = [
        str(asset.filename)
        for asset in (*context.get("script_files", ()), *context.get("css_files", ()))
        if is_remote(str(getattr(asset, "filename", "") or ""))
    ]
    if doctree is not None:
        for node in doctree.findall(lambda n: isinstance(n, nodes.image | nodes.raw)):
            if isinstance(node, nodes.image):
                remote.extend(filter(is_remote, [node["uri"]]))
            elif "html" in node.get("format", "").split():
                remote.extend(filter(is_remote, loaded_urls(node.astext())))
    if remote:
        warn(
            f"this presentation loads {', '.join(sorted(set(remote)))} from the network, "
            "so it will not present offline",
            ImpressWarnings.OFFLINE,
            pagename,
        )
