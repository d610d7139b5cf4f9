"""Presentations inside an HTML build: a "Present" link on the docs pages of decks,
links from docs pages into presentations, and the presentations themselves, written
into the same output.

So ``sphinx-build -b html`` (and ``dirhtml``), as Read the Docs runs it, publishes the
docs pages and, in ``OUT/_impress/``, a presentation of each deck with its own assets.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from .._compat import application, page_path, second_builder, write_phase
from ..extension.domain import impress_domain
from ..extension.translations import _
from ..extension.warnings import ImpressWarnings, warn
from .builder import THEME, ImpressBuilder, remove_presentation
from .files import write_if_changed

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The folder of an HTML build's output that holds the presentations.
PRESENTATIONS = "_impress"

#: The HTML builders that write presentations beside their pages.
HTML_BUILDERS = ("html", "dirhtml")

#: CSS class of the paragraph that holds the "Present" link on a docs page.
PRESENT_CLASS = "impress-present"


def presentation_suffixes(config: Any) -> tuple[str, str]:
    """The file name suffix of presentations and the suffix of links to them: Sphinx's
    ``html_file_suffix`` and ``html_link_suffix`` (``.html`` when unset), which the
    impress builder uses like the HTML builder."""
    file_suffix = config.html_file_suffix or ".html"
    return file_suffix, config.html_link_suffix or file_suffix


def presentation_uri(builder: Any, from_docname: str, docname: str) -> str:
    """The presentation of ``docname``, relative to the page of ``from_docname``
    (``_impress/talk.html`` from ``talk.html``, ``../_impress/talk.html`` from ``talk/``
    in ``dirhtml``, ``../_impress/talks/kickoff.html`` from ``talks/other.html``)."""
    link_suffix = presentation_suffixes(builder.config)[1]
    return relative_uri(
        builder.get_target_uri(from_docname), f"{PRESENTATIONS}/{docname}{link_suffix}"
    )


class PresentLink(SphinxPostTransform):
    """Put a "Present" link to the presentation at the top of a deck's docs page, under
    its title."""

    builders = HTML_BUILDERS
    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        """Add the link when the document is a deck."""
        if not self.document.get("source"):
            return
        if not impress_domain(self.env).is_deck(self.env.docname):
            return
        link = present_link(docname=self.env.docname)
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is not None and section.children and isinstance(section[0], nodes.title):
            section.insert(1, link)
        else:
            self.document.insert(0, link)


class present_link(nodes.General, nodes.Element):
    """The "Present" link of a deck's docs page; attribute ``docname``. Its address is
    worked out when the page is written, from the builder's page addresses."""


def html_visit_present_link(self: Any, node: present_link) -> None:
    """Write ``<p class="impress-present"><a href="_impress/talk.html">Present</a> ·
    <a href="_impress/talk.layout.svg">Canvas map</a></p>`` (the map with
    ``impress_layout_svg`` only); ``impress-present.js`` adds the reader's anchor to the
    address when Present is followed."""
    uri = presentation_uri(self.builder, node["docname"], node["docname"])
    self.body.append(self.starttag(node, "p", CLASS=PRESENT_CLASS))
    present = self.encode(str(_("Present")))
    self.body.append(f'<a class="reference external" href="{self.attval(uri)}">{present}</a>')
    if self.builder.config.impress_layout_svg:
        link_suffix = presentation_suffixes(self.builder.config)[1]
        canvas = uri[: len(uri) - len(link_suffix)] + ".layout.svg"
        canvas_map = self.encode(str(_("Canvas map")))
        self.body.append(
            f' · <a class="reference external impress-canvas-link" '
            f'href="{self.attval(canvas)}">{canvas_map}</a>'
        )
    raise nodes.SkipChildren


def html_depart_present_link(self: Any, node: present_link) -> None:
    """Close the paragraph."""
    self.body.append("</p>\n")


#: The script of deck pages that opens the presentation at the reader's slide.
PRESENT_JS = "impress-present.js"


def add_present_script(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Load :data:`PRESENT_JS` on the docs pages of decks. The script is copied into
    the output first, so that Sphinx links it with the same checksum (``?v=``) in a
    clean build as in a later one."""
    builder = app.builder
    if (
        isinstance(builder, StandaloneHTMLBuilder)
        and builder.name in HTML_BUILDERS
        and doctree is not None
        and impress_domain(app.env).is_deck(pagename)
    ):
        _copy_present_script(Path(app.outdir))
        builder.add_js_file(PRESENT_JS)


def _copy_present_script(outdir: Path) -> None:
    """Put :data:`PRESENT_JS` into ``OUT/_static`` unless the same bytes are there
    (parallel writers each write their own copy and swap it in)."""
    source = Path(__file__).parent / "static" / PRESENT_JS
    target = outdir / "_static" / PRESENT_JS
    write_if_changed(target, source.read_bytes())


class LinkToSlides(SphinxPostTransform):
    """Make a cross-reference from a docs page to a label in a deck (``{ref}``, or a
    MyST ``[text](#label)`` link) lead into the deck's presentation, at the step that
    holds the label. Runs before Sphinx resolves references (priority 10)."""

    builders = HTML_BUILDERS
    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        """Replace each such reference with a :class:`presentation_reference`."""
        if not self.document.get("source"):
            return
        labels = self.env.get_domain("std").labels  # type: ignore[attr-defined]
        domain = impress_domain(self.env)
        for xref in list(self.document.findall(addnodes.pending_xref)):
            if xref.get("reftype") not in ("ref", "myst"):
                continue
            target = labels.get(xref["reftarget"])
            if target is None:
                continue
            docname, labelid, section_title = target
            if docname == self.env.docname or domain.step_of(docname, labelid) is None:
                continue
            if xref.get("refexplicit"):
                content = xref.children
            else:
                content = [nodes.inline(section_title, section_title, classes=["std", "std-ref"])]
            reference = presentation_reference("", *content, docname=docname, anchor=labelid)
            xref.replace_self(reference)


class presentation_reference(nodes.General, nodes.Inline, nodes.Element):
    """A link from a docs page into a deck's presentation; attributes ``docname`` and
    ``anchor`` (the label's id, which the presentation keeps inside its step, so the link
    stays good when slide titles change; ``impress-init.js`` moves to the step that holds
    it). Its address is worked out when the page is written."""


def html_visit_presentation_reference(self: Any, node: presentation_reference) -> None:
    """Open ``<a href="_impress/talk.html#/step">``."""
    uri = presentation_uri(self.builder, self.builder.current_docname, node["docname"])
    uri = f"{uri}#/{node['anchor']}"
    self.body.append(
        self.starttag(node, "a", "", CLASS="reference internal impress-slide-link", href=uri)
    )


def html_depart_presentation_reference(self: Any, node: presentation_reference) -> None:
    """Close the link."""
    self.body.append("</a>")


class EmbeddedImpressBuilder(ImpressBuilder):
    """The ``impress`` builder as an ``html`` or ``dirhtml`` build runs it, given that
    build's builder: it writes into ``_impress/`` inside the docs build's output, with
    the same environment, and links from a presentation to another document lead to
    that document's docs page."""

    own_build = False

    def dump_inventory(self) -> None:
        """Write no ``objects.inv`` into ``_impress/``: the HTML build writes the
        project's inventory."""

    def __init__(self, docs_builder: StandaloneHTMLBuilder) -> None:
        self.docs_builder = docs_builder
        super().__init__(application(docs_builder), docs_builder.env)

    @property
    def outdir(self) -> Any:
        """``OUT/_impress``, where ``OUT`` is the docs build's output folder."""
        return self._outdir

    @outdir.setter
    def outdir(self, value: str | os.PathLike[str]) -> None:
        # Sphinx's builder takes the application's output folder when it is made
        self._outdir = Path(value, PRESENTATIONS)

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        """The link from one document's presentation to another document's docs page,
        one folder up."""
        if from_ == to:
            return super().get_relative_uri(from_, to, typ)
        docs_page = "../" + self.docs_builder.get_target_uri(to)
        return relative_uri(self.get_target_uri(from_), docs_page)

    def _missing_asset(self, filename: str) -> bool:
        """Copy an asset an extension registered from the docs build's output, unless it
        belongs to the docs pages' theme (furo registers its script as if an
        extension): presentations have a theme of their own."""
        source = Path(self.docs_builder.outdir, filename)
        if not source.is_file() or self._docs_theme_file(filename):
            return False
        target = Path(self.outdir, filename)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        return True

    def _docs_theme_file(self, filename: str) -> bool:
        """Whether ``filename`` (in ``_static``) is a static file of the docs pages'
        theme."""
        theme = getattr(self.docs_builder, "theme", None)
        if theme is None or theme.name == THEME:
            return False
        filename = filename.removeprefix("_static/")  # Sphinx 9 writes the folder in
        return any(
            Path(folder, "static", name).is_file()
            for folder in theme.get_theme_dirs()
            for name in (filename, filename + "_t")
        )


def write_presentations(app: Sphinx, exception: Exception | None) -> None:
    """After an ``html`` or ``dirhtml`` build, write each deck's presentation into
    ``OUT/_impress/`` with an :class:`EmbeddedImpressBuilder`, from the same
    environment: those that are missing or outdated (the impress builder's own test,
    so an edit to one deck writes that deck's presentation again, and a change of
    settings all). For the time of the writing that builder is the one in charge
    (:func:`~sphinx_impress._compat.second_builder`), so that post-transforms and
    page events see the builder that writes.
    """
    builder = app.builder
    if exception is not None or builder.name not in HTML_BUILDERS:
        return
    env = app.env
    decks = impress_domain(env).decks()
    if not decks:
        _remove_presentations(app)
        return
    for docname in sorted(env.found_docs):
        if docname.split("/")[0] == PRESENTATIONS:
            warn(
                f"the page of this document is written into {PRESENTATIONS}/, the folder "
                "of the presentations, where a presentation may replace it or it a "
                f"presentation; move the document out of a folder named {PRESENTATIONS}",
                ImpressWarnings.CONFIG,
                docname,
            )
    _copy_present_script(Path(app.outdir))
    docs_builder = cast("StandaloneHTMLBuilder", builder)
    with second_builder(app, lambda: EmbeddedImpressBuilder(docs_builder)) as impress:
        Path(impress.outdir).mkdir(parents=True, exist_ok=True)
        impress.init()
        # only the decks whose presentation is missing or older than their source
        # (or all, when settings changed): an edit rebuilds that deck's presentation
        _remove_stale(Path(impress.outdir), decks, impress.out_suffix)
        decks = _outdated(impress, decks)
        if not decks:
            return
        with _without_repeated_reference_warnings():
            write_phase(impress, decks, builder.parallel_ok)


#: Warning types of reference resolution, which a presentation repeats for the
#: references its docs page already reported (``ref.*``, myst-parser's ``myst.*``).
REFERENCE_WARNING_TYPES = frozenset({"ref", "myst"})


class _RepeatedReferenceFilter(logging.Filter):
    """Leaves out warnings of reference resolution (:data:`REFERENCE_WARNING_TYPES`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "type", None) not in REFERENCE_WARNING_TYPES


@contextmanager
def _without_repeated_reference_warnings() -> Iterator[None]:
    """Leave out, while the presentations of an HTML build are written, the warnings of
    references that do not resolve: the docs pages of the same documents reported each
    of them already (a deck's presentation resolves its references again)."""
    handlers = logging.getLogger("sphinx").handlers
    quiet = _RepeatedReferenceFilter()
    for handler in handlers:
        handler.addFilter(quiet)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(quiet)


def _outdated(impress: ImpressBuilder, decks: set[str]) -> set[str]:
    """The decks whose presentation is missing, older than the deck's source, than its
    docs page or than a file the deck depends on (an included file, an image), or all
    when settings changed (the impress builder's own test, then the dependencies)."""
    outdated = decks & set(impress.get_outdated_docs())
    docs_builder = getattr(impress, "docs_builder", None)
    for docname in decks - outdated:
        target = Path(impress.outdir, f"{docname}{impress.out_suffix}")
        written = target.stat().st_mtime if target.is_file() else 0.0
        # the deck's docs page was written after its presentation: the document was
        # read again (a setting that changes parsing, impress_width, say, does that
        # without touching the source)
        if docs_builder is not None:
            page = Path(page_path(docs_builder, docname))
            if page.is_file() and page.stat().st_mtime > written:
                outdated.add(docname)
                continue
        for dependency in impress.env.dependencies.get(docname, ()):
            path = Path(impress.srcdir, dependency)
            if path.is_file() and path.stat().st_mtime > written:
                outdated.add(docname)
                break
    return outdated


def _remove_presentations(app: Sphinx) -> None:
    """When a project has no deck (any more), remove what earlier builds wrote for
    decks, as a clean build would not write it: the presentations' folder and the
    docs pages' script. A source folder named ``_impress`` (warned about) keeps its
    pages: then only the presentations and maps are removed."""
    folder = Path(app.outdir, PRESENTATIONS)
    Path(app.outdir, "_static", PRESENT_JS).unlink(missing_ok=True)
    if not folder.is_dir():
        return
    if any(docname.split("/")[0] == PRESENTATIONS for docname in app.env.found_docs):
        _remove_stale(folder, set(), presentation_suffixes(app.config)[0])
    else:
        shutil.rmtree(folder)


def _remove_stale(folder: Path, decks: set[str], suffix: str) -> None:
    """Remove the presentations (pages ending in ``suffix``, with the files beside
    them) of documents that are no longer decks, so that they are not published with
    the docs."""
    for page in sorted(folder.rglob(f"*{suffix}")):
        docname = page.relative_to(folder).as_posix()[: -len(suffix)]
        if docname not in decks:
            remove_presentation(folder, docname, suffix)


def pages_linking_into_decks(app: Sphinx, env: Any) -> list[str]:
    """When the set of decks changed since the last build, every docs page is written
    again: a page that links to a label in a document links into its presentation
    while that document is a deck, and to its page otherwise, and Sphinx would not
    write again a page whose source did not change. Connected to
    ``env-get-updated``; the decks of the last build are kept in the
    :class:`~sphinx_impress.extension.domain.ImpressDomain`."""
    domain = impress_domain(env)
    decks = sorted(domain.decks())
    before = domain.data.get("last_decks")
    domain.data["last_decks"] = decks
    if before is not None and before != decks and app.builder.name in HTML_BUILDERS:
        return sorted(env.found_docs)
    return []


def setup_embedded(app: Sphinx) -> None:
    """Register the "Present" link, the links into presentations and the writing of
    presentations at the end of an HTML build."""
    app.add_node(present_link, html=(html_visit_present_link, html_depart_present_link))
    app.add_node(
        presentation_reference,
        html=(html_visit_presentation_reference, html_depart_presentation_reference),
    )
    app.add_post_transform(PresentLink)
    app.add_post_transform(LinkToSlides)
    app.connect("html-page-context", add_present_script)
    app.connect("build-finished", write_presentations)
    app.connect("env-get-updated", pages_linking_into_decks)
