"""Presentations inside an HTML build: which documents are decks, a "Present" link on
their docs pages, and their impress.js presentations written into the same output.

So ``sphinx-build -b html`` (and ``dirhtml``), as Read the Docs runs it, publishes the
docs pages and, in ``OUT/_impress/``, a presentation of each deck with its own assets.
"""

from __future__ import annotations

import fnmatch
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri
from sphinx.util.parallel import SerialTasks

from ..core.values import parse_flag
from ..errors import InvalidValue
from ..extension.config import DECK_KEY
from ..extension.warnings import ImpressWarnings, warn
from .builder import ImpressBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

#: The folder of an HTML build's output that holds the presentations.
PRESENTATIONS = "_impress"

#: The HTML builders that write presentations beside their pages.
HTML_BUILDERS = ("html", "dirhtml")

#: CSS class of the paragraph that holds the "Present" link on a docs page.
PRESENT_CLASS = "impress-present"


def is_deck(env: BuildEnvironment, config: Config, docname: str) -> bool:
    """Whether ``docname`` is presented: its front matter says ``impress_deck: true``
    (or it uses the ``step`` directive), or it matches a pattern of ``impress_decks``
    (shell-style, on docnames, e.g. ``"talks/*"``); ``impress_deck: false`` in front
    matter wins over both."""
    value = env.metadata.get(docname, {}).get(DECK_KEY)
    if value is not None:
        try:
            return parse_flag(value)
        except InvalidValue:
            return False
    return any(fnmatch.fnmatchcase(docname, pattern) for pattern in config.impress_decks)


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
        if not self.document.get("source") or not is_deck(self.env, self.config, self.env.docname):
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
    self.body.append(f'<a class="reference external" href="{self.attval(uri)}">Present</a>')
    if self.builder.config.impress_layout_svg:
        link_suffix = presentation_suffixes(self.builder.config)[1]
        canvas = uri[: len(uri) - len(link_suffix)] + ".layout.svg"
        self.body.append(
            f' · <a class="reference external impress-canvas-link" '
            f'href="{self.attval(canvas)}">Canvas map</a>'
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
    """Load :data:`PRESENT_JS` on the docs pages of decks."""
    if app.builder.name in HTML_BUILDERS and doctree is not None:
        if is_deck(app.env, app.config, pagename):
            app.builder.add_js_file(PRESENT_JS)


def check_decks_setting(app: Sphinx, config: Config) -> None:
    """A single pattern written as a string is taken as a list of one (otherwise each
    of its characters would be a pattern); anything else that is not a list of strings
    is ignored. Each case gives a warning (``impress.config``)."""
    if isinstance(config.impress_decks, str):
        warn(
            f"impress_decks should be a list of patterns; taking {config.impress_decks!r} "
            "as one pattern",
            ImpressWarnings.CONFIG,
        )
        config.impress_decks = [config.impress_decks]
    elif not isinstance(config.impress_decks, list | tuple):
        warn(
            f"impress_decks should be a list of patterns, got {config.impress_decks!r}; "
            "ignored",
            ImpressWarnings.CONFIG,
        )
        config.impress_decks = []
    patterns = [p for p in config.impress_decks if isinstance(p, str) and p]
    if len(patterns) != len(config.impress_decks):
        warn(
            "impress_decks: entries that are not patterns are ignored: "
            f"{[p for p in config.impress_decks if p not in patterns]!r}",
            ImpressWarnings.CONFIG,
        )
    config.impress_decks = patterns


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
        steps: dict[str, dict[str, str]] = {}
        for xref in list(self.document.findall(addnodes.pending_xref)):
            if xref.get("reftype") not in ("ref", "myst"):
                continue
            target = labels.get(xref["reftarget"])
            if target is None:
                continue
            docname, labelid, section_title = target
            if docname == self.env.docname or not is_deck(self.env, self.config, docname):
                continue
            if docname not in steps:
                steps[docname] = _steps_of_anchors(self.env.get_doctree(docname))
            if labelid not in steps[docname]:
                continue
            if xref.get("refexplicit"):
                content = xref.children
            else:
                content = [nodes.inline(section_title, section_title, classes=["std", "std-ref"])]
            reference = presentation_reference("", *content, docname=docname, anchor=labelid)
            xref.replace_self(reference)


def _steps_of_anchors(doctree: nodes.document) -> dict[str, str]:
    """Each anchor id of a deck's doctree, mapped to the id of the step that holds it."""
    found: dict[str, str] = {}
    for node in doctree.findall(nodes.Element):
        holder = node
        while holder is not None and not holder.get("impress_step"):
            holder = holder.parent
        if holder is None:
            continue
        for anchor in node.get("ids", ()):
            found.setdefault(anchor, holder["impress_step"]["id"])
    return found


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


def check_patterns(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn (``impress.config``) about an ``impress_decks`` pattern that matches no
    document."""
    for pattern in app.config.impress_decks:
        if not any(fnmatch.fnmatchcase(docname, pattern) for docname in env.found_docs):
            warn(
                f"impress_decks: the pattern {pattern!r} matches no document",
                ImpressWarnings.CONFIG,
            )


def write_presentations(app: Sphinx, exception: Exception | None) -> None:
    """After an ``html`` or ``dirhtml`` build, write each deck's presentation into
    ``OUT/_impress/`` with the ``impress`` builder, from the same environment: those
    that are missing or outdated (the impress builder's own test, so an edit to one
    deck writes that deck's presentation again, and a change of settings all).

    For the time of the writing the impress builder stands in for the HTML builder
    (``app.builder``, ``app.outdir``, and the environment's builder class from Sphinx 9
    on), so that it writes into its own folder and post-transforms and page events see
    the builder that writes.
    """
    builder = app.builder
    if exception is not None or builder.name not in HTML_BUILDERS:
        return
    env = app.env
    decks = {docname for docname in env.found_docs if is_deck(env, app.config, docname)}
    if not decks:
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
    static = Path(app.outdir, "_static")
    static.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).parent / "static" / PRESENT_JS, static / PRESENT_JS)
    outdir = app.outdir
    builder_class = env.__dict__.get("_builder_cls")
    try:
        # the builder takes its output folders from the application when it is made
        app.outdir = Path(outdir, PRESENTATIONS)
        app.outdir.mkdir(parents=True, exist_ok=True)
        impress = ImpressBuilder(app, env)
        impress.docs_builder = builder
        app.builder = impress
        if builder_class is not None:
            env._builder_cls = ImpressBuilder
        impress.init()
        # only the decks whose presentation is missing or older than their source
        # (or all, when settings changed): an edit rebuilds that deck's presentation
        _remove_stale(Path(app.outdir), decks, impress.out_suffix)
        decks = _outdated(impress, decks)
        if not decks:
            return
        impress.parallel_ok = False
        impress.finish_tasks = SerialTasks()
        impress.prepare_writing(decks)
        impress.copy_assets()
        for docname in sorted(decks):
            try:
                impress.write_documents({docname})
            except Exception as error:  # noqa: BLE001 - one deck must not stop the rest
                warn(
                    f"the presentation of this deck could not be written ({error!r}); "
                    "its Present link leads nowhere",
                    ImpressWarnings.REFERENCE,
                    docname,
                )
        impress.finish()
        impress.finish_tasks.join()
    finally:
        app.outdir = outdir
        app.builder = builder
        if builder_class is not None:
            env._builder_cls = builder_class


def _outdated(impress: ImpressBuilder, decks: set[str]) -> set[str]:
    """The decks whose presentation is missing, older than the deck's source or than a
    file the deck depends on (an included file, an image), or all when settings
    changed (the impress builder's own test, then the dependencies)."""
    outdated = decks & set(impress.get_outdated_docs())
    for docname in decks - outdated:
        target = Path(impress.outdir, f"{docname}{impress.out_suffix}")
        written = target.stat().st_mtime if target.is_file() else 0.0
        for dependency in impress.env.dependencies.get(docname, ()):
            path = Path(impress.srcdir, dependency)
            if path.is_file() and path.stat().st_mtime > written:
                outdated.add(docname)
                break
    return outdated


def _remove_stale(folder: Path, decks: set[str], suffix: str) -> None:
    """Remove the presentations (pages ending in ``suffix``, and canvas maps) of
    documents that are no longer decks, so that they are not published with the docs."""
    for page in sorted(folder.rglob(f"*{suffix}")):
        docname = page.relative_to(folder).as_posix()[: -len(suffix)]
        if docname not in decks:
            page.unlink()
            Path(f"{folder / docname}.layout.svg").unlink(missing_ok=True)


def setup_decks(app: Sphinx) -> None:
    """Register ``impress_decks``, the link and the writing of presentations."""
    app.add_config_value(
        "impress_decks",
        [],
        "env",
        types=(list, tuple, str, type(None)),
        description="Shell-style patterns of docnames (\"talks/*\") that an HTML build "
        "also writes as presentations, besides documents that use the step directive "
        "or say impress_deck: true in their front matter.",
    )
    app.add_node(present_link, html=(html_visit_present_link, html_depart_present_link))
    app.add_node(
        presentation_reference,
        html=(html_visit_presentation_reference, html_depart_presentation_reference),
    )
    app.add_post_transform(PresentLink)
    app.add_post_transform(LinkToSlides)
    app.connect("config-inited", check_decks_setting)
    app.connect("env-updated", check_patterns)
    app.connect("html-page-context", add_present_script)
    app.connect("build-finished", write_presentations)
