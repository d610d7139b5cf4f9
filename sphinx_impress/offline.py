"""What a presentation page loads from the network, which it cannot load when the
speaker presents offline: the ``impress.offline`` warning."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from docutils import nodes

from .builder import ImpressBuilder
from .warnings_ import ImpressWarnings, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Attributes whose value the browser loads as the page loads (HTML Living Standard):
#: ``src`` (img, script, iframe, audio, video, source, track, embed, input), ``srcset``
#: (img, source; a list of "URL descriptor" candidates), ``poster`` (video) and
#: ``data`` (object). A link element's ``href`` is loaded too, an anchor's is not.
LOADED_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data"})

#: A CSS ``url(...)``, in a ``style`` attribute or a ``<style>`` element.
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.IGNORECASE)


def is_remote(url: str) -> bool:
    """Whether ``url`` names something on the network: it has a scheme with an
    authority (``https://``...) or is protocol-relative (``//host/...``)."""
    url = url.strip()
    return "://" in url or url.startswith("//")


class _LoadedURLs(HTMLParser):
    """Collects the URLs an HTML fragment makes the browser load."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if not value:
                continue
            if name in LOADED_ATTRIBUTES:
                candidates = value.split(",") if name == "srcset" else [value]
                self.urls.extend(c.split()[0] for c in candidates if c.split())
            elif name == "href" and tag == "link":
                self.urls.append(value)
            elif name == "style":
                self.urls.extend(match[1] for match in _CSS_URL.findall(value))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls.extend(match[1] for match in _CSS_URL.findall(data))


def loaded_urls(html: str) -> list[str]:
    """The URLs that the HTML fragment ``html`` makes a browser load, in order: images,
    scripts, frames, media and their posters, objects, style sheets and icons
    (``<link href>``), and CSS ``url()`` in ``style`` attributes and elements. Links
    the reader follows (``<a href>``) are not loaded and not listed. Never raises:
    Python's HTML parser reads broken markup as a browser would, as far as it can."""
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
