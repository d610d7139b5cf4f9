"""The ``impress`` builder: one impress.js presentation page per source document."""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.locale import __
from sphinx.util import logging

from .._compat import (
    application,
    clear_assets,
    drop_assets,
    extension_registry,
    forget_file_checksums,
    page_assets,
    refresh_static_files,
)
from ..core.canvas import CanvasStep, canvas_svg
from ..extension.config import conf_location
from ..extension.domain import impress_domain
from ..extension.nodes import impress_root, title_text
from ..extension.presentation import BUILDER
from ..extension.translations import _
from ..extension.warnings import ImpressWarnings, warn
from .compact import compact_theme_files
from .files import write_if_changed
from .highlighting import ReusingPygmentsBridge
from .math import presentation_renderer, register_renderer
from .offline import is_remote, warn_remote_assets
from .stylesheet import SUFFIX as STYLE_SUFFIX
from .stylesheet import GeneratedStyles
from .translator import STYLES_KEY, ImpressTranslator

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: The theme that presentation pages use.
THEME = "impress"

#: The template of a presentation page. It is not called ``page.html``, so that a docs
#: project's own ``_templates/page.html`` does not replace it.
PAGE_TEMPLATE = "impress-page.html"

#: impress.js as shipped in the theme's static folder (minified, unmodified).
IMPRESS_JS = "impressjs/impress.min.js"

#: Sphinx's ``DOCUMENTATION_OPTIONS`` global (the basic theme's template: version,
#: language, file suffixes), which extensions' scripts read, sphinx-copybutton's among
#: them; loaded as Sphinx's HTML pages load it. Sphinx's other page scripts
#: (``doctools.js``, which takes the arrow keys for page navigation, and the search
#: helpers) are not loaded.
DOCUMENTATION_OPTIONS_JS = "documentation_options.js"

#: The print style sheet: one page per step. Loaded with ``media="print"``; the start-up
#: script applies it to the screen too when the page is opened with ``?print``.
PRINT_CSS = "impress-print.css"

#: The script that calls ``impress().init()``: a file, not inline code, so that pages
#: served with ``Content-Security-Policy: script-src 'self'`` still present.
INIT_JS = "impress-init.js"

#: The name, in ``_static``, of a file holding the code of a script that an extension
#: gave as inline code (``body=``; MathJax's configuration, say); named by a hash of the
#: code, so that the same code gives the same file in every build.
INLINE_JS = "impress-inline-{digest}.js"

#: The script that leaves the steps far from the view out of rendering in a big deck
#: (it listens for ``impress:init``, so it comes before :data:`INIT_JS`).
NEARBY_JS = "impress-nearby.js"

#: The script that shrinks a step's content to fit the slide (``impress_fit``), in
#: the presentation, the presenter console's previews and the print view.
FIT_JS = "impress-fit.js"

#: The presenter console (key P) that takes the place of impress.js 1.1.0's, which
#: throws in presentations opened from disk; :data:`INIT_JS` loads it when P is first
#: pressed. Its window's style sheet is ``impress-console.css``.
CONSOLE_JS = "impress-console.js"


def help_texts() -> dict[str, str]:
    """The key help's lines (what impress.js's plugins and ``impress-init.js`` send
    with ``impress:help:add``, ``&amp;`` read as ``&``) and their translations, for
    those that have one; ``impress-init.js`` puts them in the help box."""
    english = {
        "Show this help": _("Show this help"),
        "Previous & Next step": _("Previous & Next step"),
        "First / last step": _("First / last step"),
        "Blank the screen / show it again": _("Blank the screen / show it again"),
        "Presenter console": _("Presenter console"),
        "Fullscreen: Enter / Exit": _("Fullscreen: Enter / Exit"),
    }
    translated = {text: str(translation) for text, translation in english.items()}
    return {text: translation for text, translation in translated.items() if translation != text}


def interface_text() -> dict[str, Any]:
    """The text a presentation page shows besides the deck, translated
    (:mod:`sphinx_impress.extension.translations`): ``linear_view``, the link to the
    deck as one page, ``no_javascript``, the note shown where impress.js cannot
    run, and ``help``, the key help's lines (:func:`help_texts`)."""
    return {
        "linear_view": str(_("Linear view: the whole deck as one page")),
        "no_javascript": str(_(
            "This presentation needs JavaScript and a browser that supports CSS 3D "
            "transforms. Below is its text, one slide after another."
        )),
        "help": help_texts(),
    }


class ImpressBuilder(StandaloneHTMLBuilder):
    """Writes ``OUT/<docname>.html`` for each document, as an impress.js presentation.

    Built on Sphinx's standalone HTML builder, so images, static files, highlighting,
    math and other extensions' nodes work inside slides. Differences: the ``impress``
    theme, no search page or index, no general or domain indices, no copied sources, no
    permalink signs on headings, and the page's scripts are impress.js, the scripts of
    extensions and ``impress_js_files``, then the call to ``impress().init()``.
    """

    name = BUILDER
    epilog = __("The presentations are in %(outdir)s.")
    search = False
    copysource = False
    add_permalinks = False
    default_translator_class = ImpressTranslator
    #: Whether this builder is the build's own builder (``-b impress``), not one that
    #: an HTML build runs to write its presentations.
    own_build: ClassVar[bool] = True

    @property
    def math_renderer_name(self) -> str | None:
        """The math renderer of presentation pages, by ``impress_math``: MathML written
        at build time by default (:mod:`sphinx_impress.html.math`)."""
        return presentation_renderer(self)

    def init(self) -> None:
        """Set up as Sphinx's HTML builder does, with the MathML renderer known to
        Sphinx's registry when this is the build's own builder (Sphinx checks it), and
        with no file checksum left from an earlier build in the same process (the
        style sheets it writes may have changed: another theme, another size)."""
        if self.own_build and self.config.impress_math == "mathml":
            register_renderer(extension_registry(self))
        forget_file_checksums()
        super().init()

    def get_theme_config(self) -> tuple[str, dict[str, str | int | bool]]:
        """Use the ``impress`` theme, whatever ``html_theme`` says."""
        return THEME, {}

    def init_highlighter(self) -> None:
        """The highlighter of code blocks, keeping one Pygments formatter per set of
        options (:class:`~sphinx_impress.highlighting.ReusingPygmentsBridge`).

        Its style is ``pygments_style`` if ``conf.py`` sets it, else the theme's
        style for ``impress_theme``: its light style (accessible-pygments' a11y-light)
        for ``light``, its dark style (a11y-dark) for ``dark``, and for ``auto`` the
        light one plus the dark one in ``pygments_dark.css``, which applies when the
        reader's system asks for dark colours (as Sphinx's HTML builder does).
        """
        light = (self.theme.pygments_style_default if self.theme else None) or "sphinx"
        dark = (self.theme.pygments_style_dark if self.theme else None) or light
        chosen = self.config.pygments_style
        theme = self.config.impress_theme
        style = chosen or (dark if theme == "dark" else light)
        self.highlighter = ReusingPygmentsBridge("html", style)
        self.dark_highlighter = (
            ReusingPygmentsBridge("html", dark) if theme == "auto" and not chosen else None
        )

    def init_css_files(self) -> None:
        """Highlighting, the theme's style sheets (``html_style`` is for docs pages and
        is not used), the print style sheet, extensions' style sheets, then
        ``impress_css_files``."""
        clear_assets(self, "css")
        self.add_css_file("pygments.css", priority=200)
        if self.dark_highlighter is not None:
            self.add_css_file(
                "pygments_dark.css", priority=200, media="(prefers-color-scheme: dark)"
            )
        # the theme's own style sheets, whatever html_style says for the docs pages
        for filename in self.theme.stylesheets if self.theme else ():
            self.add_css_file(filename, priority=200)
        self.add_css_file(PRINT_CSS, priority=200, media="print")
        for filename, attributes in extension_registry(self).css_files:
            self.add_css_file(filename, **attributes)
        for filename in self.config.impress_css_files:
            self._check_static_file("impress_css_files", filename)
            self.add_css_file(filename, priority=800)

    def init_js_files(self) -> None:
        """impress.js, Sphinx's ``documentation_options.js``, extensions' scripts,
        ``impress_js_files``, the scripts that draw only the steps near the view in a
        big deck and fit content to the slide, then the init script (which loads the
        presenter console, :data:`CONSOLE_JS`, when it is opened).

        Sphinx's other page helpers (``doctools.js`` and the like) are left out: a deck
        has no search and no sidebar, and the arrow keys belong to impress.js.
        """
        clear_assets(self, "js")
        self.add_js_file(IMPRESS_JS, priority=100)
        # the DOCUMENTATION_OPTIONS global (basic theme), which extensions' scripts read
        self.add_js_file(DOCUMENTATION_OPTIONS_JS, priority=200)
        for filename, attributes in extension_registry(self).js_files:
            self.add_js_file(filename or "", **attributes)
        for filename in self.config.impress_js_files:
            self._check_static_file("impress_js_files", filename)
            self.add_js_file(filename, priority=800)
        self.add_js_file(NEARBY_JS, priority=999)
        self.add_js_file(FIT_JS, priority=999)
        self.add_js_file(INIT_JS, priority=1000)

    def add_js_file(self, filename: str, **kwargs: Any) -> None:
        """Add a script to the pages; a script given as inline code (``body=``, as
        ``sphinx.ext.mathjax`` gives its configuration) is written to a file in
        ``_static`` (:data:`INLINE_JS`) and loaded from there, so that a presentation
        has no inline script and presents under ``Content-Security-Policy: script-src
        'self'``."""
        body = kwargs.get("body")
        if not filename and body:
            del kwargs["body"]
            filename = self._write_inline_script(body)
        super().add_js_file(filename, **kwargs)

    def _write_inline_script(self, code: str) -> str:
        """Write ``code`` to its file in ``OUT/_static``; its name there."""
        data = code.encode("utf-8")
        name = INLINE_JS.format(digest=hashlib.sha256(data).hexdigest()[:16])
        target = Path(self.outdir, "_static", name)
        write_if_changed(target, data)
        return name

    def copy_assets(self) -> None:
        """Copy the static files (the theme's own compacted,
        :mod:`~sphinx_impress.html.compact`), then make sure every local style sheet
        and script a page will load is in the output: one that is not (an extension registered it
        for another builder's output, say) is left out of the pages rather than loaded
        from nowhere (:meth:`_missing_asset` may find it first)."""
        refresh_static_files(self)
        super().copy_assets()
        outdir = Path(self.outdir)
        compact_theme_files(outdir / "_static")
        missing = set()
        for asset in page_assets(self):
            filename = str(getattr(asset, "filename", "") or "")
            if not filename or is_remote(filename) or (outdir / filename).is_file():
                continue
            if not self._missing_asset(filename):
                missing.add(filename)
                logger.info(__("left out of presentations, not in the output: %s"), filename)
        drop_assets(self, missing)

    def _missing_asset(self, filename: str) -> bool:
        """Bring a page asset that is not in the output into it; whether it could."""
        return False

    def get_doc_context(self, docname: str, body: str, metatags: str) -> dict[str, Any]:
        """The template context of a document's page.

        The keys of Sphinx's page context (Sphinx, "Templating": ``title``, ``body``,
        ``metatags``, ``meta``, ``toc``, ``parents``, ``prev``, ``next``, ...) that a
        presentation uses, and empty values for those it has no use for: a deck has
        no local table of contents, no sidebar and no links to neighbouring documents
        (rendering the local table of contents, one entry a slide, cost a tenth of a
        thousand-slide deck's write time). Plus ``impress``: the deck's settings
        (:class:`~sphinx_impress.extension.config.ImpressConfig`, ``conf.py`` and front matter),
        from which the template writes the plugins' containers (toolbar, progress,
        help) and the printed page size; ``impress_text``, the page's own text in the
        project's ``language`` (:func:`interface_text`).
        """
        title_node = self.env.longtitles.get(docname)
        metadata = self.env.metadata.get(docname, {})
        return {
            "title": self.render_partial(title_node)["title"] if title_node else "",
            "body": body,
            "metatags": metatags,
            "meta": metadata,
            "toc": "",
            "display_toc": False,
            "parents": [],
            "prev": None,
            "next": None,
            "rellinks": self.globalcontext["rellinks"][:],
            "sourcename": "",
            "page_source_suffix": str(self.env.doc2path(docname, False))[len(docname):],
            "impress": impress_domain(self.env).deck_config(docname),
            "impress_css": posixpath.basename(docname) + STYLE_SUFFIX,
            "impress_text": interface_text(),
        }

    def handle_page(
        self, pagename: str, addctx: dict[str, Any], templatename: str = "page.html",
        *args: Any, **kwargs: Any,
    ) -> None:
        """Render document pages with :data:`PAGE_TEMPLATE` instead of ``page.html``."""
        if templatename == "page.html":
            templatename = PAGE_TEMPLATE
        super().handle_page(pagename, addctx, templatename, *args, **kwargs)

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        """Write the presentation page and, beside it, its generated style sheet
        (``<docname>.impress.css``, :mod:`~sphinx_impress.html.stylesheet`), the
        source of each step (``<docname>.steps.json``, for ``sphinx-impress check``)
        and, with ``impress_layout_svg``, the map of its canvas
        (``<docname>.layout.svg``)."""
        super().write_doc(docname, doctree)
        styles = doctree.get(STYLES_KEY) or GeneratedStyles()
        _write_text(Path(self.outdir, docname + STYLE_SUFFIX), styles.text(f"{docname}.html"))
        root = next(iter(doctree.findall(impress_root)), None)
        if root is None:
            return
        elements = [element for element in root.children if isinstance(element, nodes.Element)]
        _write_text(
            Path(self.outdir, docname + SOURCES_SUFFIX),
            step_sources(elements, docname, Path(self.srcdir), self.env.doc2path(docname)),
        )
        if not self.config.impress_layout_svg:
            # written by an earlier build
            Path(self.outdir, f"{docname}.layout.svg").unlink(missing_ok=True)
            return
        page = posixpath.basename(docname) + self.link_suffix
        steps = [
            CanvasStep(
                id=info.id,
                position=info.position,
                title=title_text(element),
                rotate_order=info.options.rotate_order or "xyz",
                href=f"{page}#/{info.id}",
            )
            for element in elements
            if (info := element.get("impress_step")) is not None and info.position is not None
        ]
        config = root["impress_config"]
        _write_text(
            Path(self.outdir, f"{docname}.layout.svg"),
            canvas_svg(steps, config.width, config.height),
        )

    def _check_static_file(self, setting: str, filename: str) -> None:
        """Warn (``impress.config``) when a local file named in ``setting`` is in no
        folder of ``html_static_path``: the page would ask for a file that is not there.
        URLs are left to :func:`~sphinx_impress.html.offline.warn_remote_assets`."""
        if is_remote(filename):
            return
        for folder in self.config.html_static_path:
            if (Path(self.confdir) / folder / filename).is_file():
                return
        warn(
            f"{setting}: {filename!r} is in no folder of html_static_path, so "
            "presentation pages would load a file that does not exist",
            ImpressWarnings.CONFIG,
            conf_location(application(self), setting),
        )

    def gen_indices(self) -> None:
        """Write no general index and no domain indices: a deck is not a manual."""

    def gen_additional_pages(self) -> None:
        """Write no search page and no ``html_additional_pages``."""


def note_removed_documents(
    app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Remove the presentations (and canvas maps) of documents that are gone from an
    ``impress`` build's output, as a clean build would not have them (an HTML build
    removes those in ``_impress/`` by itself). Connected to ``env-get-outdated``."""
    builder = app.builder
    if isinstance(builder, ImpressBuilder) and builder.own_build:
        for docname in sorted(removed):
            remove_presentation(Path(builder.outdir), docname, builder.out_suffix)
    return []


def remove_presentation(folder: Path, docname: str, suffix: str) -> None:
    """Remove the presentation of ``docname`` from ``folder`` with every file written
    beside it: the page (``suffix``), its generated style sheet, its step sources and
    its canvas map."""
    for ending in (suffix, STYLE_SUFFIX, SOURCES_SUFFIX, ".layout.svg"):
        Path(folder, docname + ending).unlink(missing_ok=True)


#: The suffix of the file beside each presentation that says where each step comes
#: from: ``<docname>`` + this.
SOURCES_SUFFIX = ".steps.json"


def step_sources(
    elements: list[nodes.Element], docname: str, srcdir: Path, document: Path
) -> str:
    """The step source map of a presentation, as JSON text: for each step in
    presentation order its ``id``, the ``source`` file it was written in (relative to
    the project folder, ``/``-separated: no absolute path is published) and its
    ``line`` (that of its step directive, else of its heading; ``null`` if unknown).
    ``sphinx-impress check`` reads it to name the source of each problem it finds.
    """
    steps = []
    for element in elements:
        info = element.get("impress_step")
        if info is None:
            continue
        source = Path(element.source) if element.source else document
        steps.append({
            "id": info.id,
            "source": _relative(source, srcdir),
            "line": info.line or element.line,
        })
    head = json.dumps({"document": docname, "source": _relative(document, srcdir)})
    lines = ",\n".join(json.dumps(step, ensure_ascii=False) for step in steps)
    return f'{head[:-1]}, "steps": [\n{lines}\n]}}\n'


def _relative(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` with ``/`` separators (``..`` where it lies
    outside); a path that cannot be made relative (another drive) is its name."""
    try:
        return Path(os.path.relpath(path, folder)).as_posix()
    except ValueError:
        return path.name


def _write_text(target: Path, text: str) -> None:
    """Write ``text`` to ``target`` (UTF-8), making its folder first."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


def setup_builder(app: Sphinx) -> None:
    """Register the builder after Sphinx's HTML builder (as ``dirhtml`` does), and the
    check of what its pages load from the network."""
    app.setup_extension("sphinx.builders.html")
    app.add_builder(ImpressBuilder)
    app.connect("html-page-context", warn_remote_assets, priority=900)
    app.connect("env-get-outdated", note_removed_documents)
