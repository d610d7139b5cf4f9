"""The local files that raw HTML in a presentation loads (an ``<img>`` with a
``style`` or ``srcset`` that ``sphinx-impress convert`` keeps as HTML, an image in a
markpress or mdpress deck's HTML): copied into the output at the same path from the
page as from its document, where the browser loads them from. Sphinx copies the
files of its own image nodes only.

Only files inside the source folder are copied, only into the output folder, never
over a page. A file that is not there, or lies outside the source folder, is an
``impress.file`` warning at the raw HTML, unless the build writes it itself (a page,
what Sphinx writes under ``_static``, ``_images`` or ``_downloads``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from docutils import nodes

from ..extension.presentation import BUILDER
from ..extension.warnings import ImpressWarnings, warn
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
                inside = target.is_relative_to(outdir)
                if inside and _written_by_the_build(target, outdir):
                    continue
                if inside and source.is_file() and source.is_relative_to(srcdir):
                    write_if_changed(target, source.read_bytes())
                    continue
            except (OSError, ValueError):  # no file by that name (a NUL, too long)
                pass
            where = "is outside the source folder, so it is not copied into the output"
            if not _is_file(base, path):
                where = "does not exist (named from the document's folder)"
            warn(
                f"raw HTML loads {url!r}, which {where}: the presentation shows it broken",
                ImpressWarnings.FILE,
                raw,
            )


#: The folders of the output that Sphinx writes itself (static files, images,
#: downloads): raw HTML may load what it puts there.
_BUILD_FOLDERS = ("_static", "_images", "_downloads", "_sources")


def _written_by_the_build(target: Path, outdir: Path) -> bool:
    """Whether the build writes ``target`` itself: a page, or a file in one of
    :data:`_BUILD_FOLDERS`."""
    if target.suffix.lower() == ".html":
        return True
    parts = target.relative_to(outdir).parts
    return bool(parts) and parts[0] in _BUILD_FOLDERS


def _is_file(base: Path, path: str) -> bool:
    try:
        return (base / path).is_file()
    except (OSError, ValueError):
        return False


def setup_raw_files(app: Sphinx) -> None:
    """Connect :func:`copy_raw_files`."""
    app.connect("html-page-context", copy_raw_files, priority=500)
