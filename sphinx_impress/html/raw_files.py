"""The local files that raw HTML in a presentation loads (an ``<img>`` with a
``style`` or ``srcset`` that ``sphinx-impress convert`` keeps as HTML, an image in a
markpress or mdpress deck's HTML): copied into the output at the same path from the
page as from its document, where the browser loads them from. Sphinx copies the
files of its own image nodes only.

Only files inside the source folder are copied, only into the output folder, never
over a page; an address that names no file there (a page of the project written by
Sphinx, a missing file) is left to ``sphinx-impress check``, which reports what a
presentation fails to load.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from docutils import nodes

from ..extension.presentation import BUILDER
from .deck_files import _NOT_A_FILE
from .files import write_if_changed
from .offline import is_remote, loaded_urls

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def copy_raw_files(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Copy what the page's raw HTML loads (see the module); ``html-page-context``."""
    if app.builder.name != BUILDER or doctree is None or pagename not in app.env.all_docs:
        return
    srcdir = Path(app.env.srcdir).resolve()
    outdir = Path(app.builder.outdir).resolve()
    base = Path(app.env.doc2path(pagename)).parent.resolve()
    page_folder = (outdir / pagename).parent
    for raw in doctree.findall(nodes.raw):
        if "html" not in str(raw.get("format", "")).split():
            continue
        for url in loaded_urls(raw.astext()):
            if is_remote(url) or _NOT_A_FILE.match(url):
                continue
            path = unquote(url.split("#", 1)[0].split("?", 1)[0])
            if not path or path.startswith("/"):
                continue
            try:
                source = (base / path).resolve()
                target = (page_folder / path).resolve()
                if (
                    source.is_file() and source.is_relative_to(srcdir)
                    and target.is_relative_to(outdir) and target.suffix.lower() != ".html"
                ):
                    write_if_changed(target, source.read_bytes())
            except (OSError, ValueError):  # no file by that name (a NUL, too long)
                continue


def setup_raw_files(app: Sphinx) -> None:
    """Connect :func:`copy_raw_files`."""
    app.connect("html-page-context", copy_raw_files, priority=500)
