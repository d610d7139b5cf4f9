"""The HTML translator of presentation pages: a slide section inside impress.js's root
element is written as the step element itself, with its content in a body element,
and every ``style=`` attribute becomes a rule of the page's generated style sheet."""

from __future__ import annotations

import posixpath
import urllib.parse
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging
from sphinx.writers.html5 import HTML5Translator

from ..core.values import format_number
from ..extension.domain import impress_domain
from ..extension.nodes import (
    AUTHOR_MARKUP,
    BODY_CLASS,
    HEADING_LEVEL,
    SLIDE_NUMBER_CLASS,
    impress_root,
    root_attributes,
    root_style,
    step_attributes,
    step_background,
)
from ..extension.notes import notes
from ..extension.warnings import ImpressWarnings, warn
from .math import MATHML_RENDERER, html_visit_displaymath, html_visit_math
from .stylesheet import GeneratedStyles, css_identifier, css_string

if TYPE_CHECKING:
    from ..core.options import StepInfo

logger = logging.getLogger(__name__)

#: The attribute of the document being written that holds its generated styles.
STYLES_KEY = "impress_styles"

#: What :attr:`ImpressTranslator.body_end` holds once a step's body is closed.
_CLOSED = object()


def outside_body(node: nodes.Node) -> bool:
    """Whether a child of a step stays outside its body element: the speaker notes,
    the slide number and the background image."""
    if isinstance(node, notes | step_background):
        return True
    return isinstance(node, nodes.container) and SLIDE_NUMBER_CLASS in node["classes"]


class ImpressTranslator(HTML5Translator):
    """Writes a section that is a step as ``<div class="step" id=... data-x=...>``,
    its content inside ``<div class="impress-step-body">`` (speaker notes and the slide
    number after it).

    Every slide is a child of the root element, so every slide title is an ``h1`` and
    headings inside a slide start at ``h2``, whatever the section's depth in the source;
    a section that says its level in its deck (:data:`HEADING_LEVEL`, decks of other
    tools) gets a heading of that level.

    ``impress_styles`` collects the page's generated style sheet
    (:class:`~sphinx_impress.html.stylesheet.GeneratedStyles`): the deck's size, and
    each ``style`` that Sphinx's or docutils' writer gives an element (an image's width,
    a table's column widths) becomes a class whose rule holds the declarations, so
    that the page presents under ``Content-Security-Policy: default-src 'self'``; a
    step's own styles (its background) go under the step's id.

    A hovercraft deck that loads style sheets of its own (:data:`AUTHOR_MARKUP`,
    ``impress_deck_css_files``) is written with hovercraft's markup where its
    selectors would see Sphinx's differ (hovercraft 2.7's ``reST.xsl``): inline
    literals as ``<tt>``, the paragraphs of a list item without ``<p>``, and code as
    ``<pre class="highlight code LANGUAGE">`` holding docutils' short token classes
    (``<span class="k">``), with no ``<div>`` around it. A deck that says
    ``impress_markup: html`` (an impress.js page converted) writes a list item's one
    paragraph without ``<p>``, as its author did.
    """

    def __init__(self, document: nodes.document, builder: Any) -> None:
        super().__init__(document, builder)
        self.impress_styles = GeneratedStyles()
        # the builder writes them out after the page (the document is not kept)
        document[STYLES_KEY] = self.impress_styles
        #: the child of the open step before which its body closes (``None``: at the
        #: end of the step; :data:`_CLOSED`: already closed)
        self.body_end: object = _CLOSED
        #: ``section_level`` outside each section with a level of its own.
        self._outer_levels: list[int] = []
        #: whether the deck is written with hovercraft's markup (see the class)
        markup = _author_markup(document, builder)
        self.hovercraft_markup = markup == "hovercraft"
        #: whether a list item's paragraph is written without ``<p>``
        self.bare_list_items = markup in ("hovercraft", "html")

    def starttag(
        self, node: nodes.Element, tagname: str, suffix: str = "\n", empty: bool = False,
        **attributes: Any,
    ) -> str:
        """Sphinx's start tag, with a ``style`` attribute replaced by a class of the
        generated style sheet. A ``style`` that cannot stand in a style sheet (it holds
        braces) is left out with an ``impress.value`` warning."""
        style = attributes.pop("style", None)
        if style:
            try:
                name = self.impress_styles.class_for(str(style))
            except ValueError as error:
                warn(f"a style left out of the presentation: {error}", ImpressWarnings.VALUE, node)
            else:
                # after the node's own classes (impress.js's "step" stays first)
                key = next((k for k in attributes if k.lower() == "class"), "class")
                attributes[key] = f"{attributes.get(key, '')} {name}".strip()
        return str(super().starttag(node, tagname, suffix, empty, **attributes))

    # ---- the root element and the steps ----------------------------------------------

    def open_root(self, node: impress_root) -> None:
        """Open impress.js's root element; the deck's size (``--impress-width``,
        ``--impress-height``) and the printed page's go into the style sheet."""
        config = node["impress_config"]
        self.impress_styles.add_rule(f"#{css_identifier(node['ids'][0])}", root_style(config))
        self.impress_styles.add_rule(
            "@page",
            [f"size: {format_number(config.width)}px {format_number(config.height)}px",
             "margin: 0"],
        )
        self.body.append(self.starttag(node, "div", "\n", False, **root_attributes(config)))

    def open_step(self, node: nodes.Element) -> None:
        """Write the start of a step element and of its body: ``<div class="step" ...>``
        then ``<div class="impress-step-body">``; the step's own styles (its
        ``background``, a ``style`` an mdpress deck gave it) go into the style sheet
        under its id. Note where the body ends: before the first child from which on
        every child stays outside it (:func:`outside_body`)."""
        info: StepInfo = node["impress_step"]
        attributes = step_attributes(info)
        styles = [attributes.pop("style", ""), self._background(node, info)]
        selector = f"#impress #{css_identifier(info.id)}"
        for style in filter(None, styles):
            try:
                self.impress_styles.add_style(selector, style)
            except ValueError as error:
                warn(
                    f"the style of step {info.id!r} is left out of the presentation: {error}",
                    ImpressWarnings.VALUE,
                    node,
                )
        self.body.append(self.starttag(node, "div", "\n", False, **attributes))
        self.body.append(f'<div class="{BODY_CLASS}">\n')
        end = len(node.children)
        while end > 0 and outside_body(node.children[end - 1]):
            end -= 1
        self.body_end = node.children[end] if end < len(node.children) else None

    def close_step(self, node: nodes.Element) -> None:
        """Write the end of a step element (and of its body, if still open)."""
        if self.body_end is not _CLOSED:
            self.body.append("</div>\n")
        self.body_end = _CLOSED
        self.body.append("</div>\n")

    def _background(self, node: nodes.Element, info: StepInfo) -> str:
        """The declarations that draw the step's ``background`` option: a CSS colour or
        gradient as written, or its image file (the :class:`step_background` child)
        covering the step, at the address Sphinx's HTML translator gives an ``<img>``
        (the ``_images`` folder, relative to the page, which is beside the style
        sheet); ``""`` without one."""
        background = info.options.background
        if background is None:
            return ""
        if background.css is not None:
            return f"background: {background.css}"
        images = [child for child in node.children if isinstance(child, step_background)]
        chosen = next(
            (image for image in reversed(images) if image.get("impress_path") == background.image),
            None,
        )
        if chosen is None:
            return ""
        uri = chosen["uri"]
        if uri in self.builder.images:
            uri = posixpath.join(self.builder.imgpath, urllib.parse.quote(self.builder.images[uri]))
        return (
            f"background-image: url({css_string(uri)}); background-size: cover; "
            "background-position: center; background-repeat: no-repeat"
        )

    def dispatch_visit(self, node: nodes.Node) -> None:
        """Close the open step's body before the first child that stays outside it."""
        if node is self.body_end:
            self.body.append("</div>\n")
            self.body_end = _CLOSED
        super().dispatch_visit(node)

    def visit_section(self, node: nodes.section) -> None:
        """Open a step element for a slide, or a ``section`` for a heading inside one."""
        if isinstance(node.parent, impress_root):
            self.section_level += 1
            self.open_step(node)
            return
        level = node.get(HEADING_LEVEL)
        if level:
            self._outer_levels.append(self.section_level)
            self.section_level = int(level) - 1
        super().visit_section(node)

    def depart_section(self, node: nodes.section) -> None:
        """Close what :meth:`visit_section` opened."""
        if isinstance(node.parent, impress_root):
            self.section_level -= 1
            self.close_step(node)
            return
        super().depart_section(node)
        if node.get(HEADING_LEVEL):
            self.section_level = self._outer_levels.pop()

    # ---- hovercraft's markup, for a deck styled by its author (see the class) ---------

    def visit_literal(self, node: nodes.Element) -> None:
        """An inline literal: ``<tt>`` in a hovercraft deck styled by its author."""
        if not self.hovercraft_markup:
            return super().visit_literal(node)
        self.body.append("<tt>" + self.encode(node.astext()) + "</tt>")
        raise nodes.SkipNode

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        """A paragraph; in a list item of a hovercraft deck styled by its author, its
        content alone (a space apart from the one before); in a deck in hand-written
        HTML's markup (``impress_markup: html``) too, where it is the item's only
        paragraph (``<li>text<ul>...</ul></li>``)."""
        if self._bare(node):
            if node.parent.index(node) > 0:
                self.body.append("\n")
            return
        super().visit_paragraph(node)

    def depart_paragraph(self, node: nodes.paragraph) -> None:
        """Close what :meth:`visit_paragraph` opened."""
        if self._bare(node):
            return
        super().depart_paragraph(node)

    def _bare(self, node: nodes.paragraph) -> bool:
        """Whether a paragraph is written without ``<p>`` (see :meth:`visit_paragraph`)."""
        parent = node.parent
        if not self.bare_list_items or not isinstance(parent, nodes.list_item):
            return False
        if self.hovercraft_markup:
            return True
        return [child for child in parent.children if isinstance(child, nodes.paragraph)] == [node]

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        """A code block; in a hovercraft deck styled by its author, as docutils'
        ``code`` directive wrote it for hovercraft: ``<pre class="highlight code
        LANGUAGE">`` with a ``<span>`` of Pygments' short token class for each token
        (docutils' code analyzer), and with ``:number-lines:`` a ``<span class="ln">``
        before each line; a block with no language (``::``) is plain text in ``<pre
        class="highlight">``."""
        if not self.hovercraft_markup or node.rawsource != node.astext():
            return super().visit_literal_block(node)
        from docutils.utils.code_analyzer import Lexer, LexerError, NumberLines

        language = node.get("language", "none")
        plain = language in ("none", "default", "")
        classes = ["highlight", *([] if plain else ["code", language])]
        code = node.astext()
        try:
            tokens = list(Lexer(code, "" if plain else language, "short"))
        except LexerError:
            # as Sphinx's highlighter says it of any page; the code is shown plain
            logger.warning(
                "Pygments lexer name %r is not known", language,
                type="misc", subtype="highlighting_failure", location=node,
            )
            tokens = [([], code)]
        if node.get("linenos"):
            # docutils' number-lines: a <span class="ln"> before each line
            arguments: dict[str, Any] = node.get("highlight_args") or {}
            start = int(arguments.get("linenostart", 1))
            tokens = list(NumberLines(tokens, start, start + len(code.splitlines())))
        # the node's own classes and ids come with it, as in hovercraft
        self.body.append(self.starttag(node, "pre", "", CLASS=" ".join(classes)))
        for token_classes, value in tokens:
            text = self.encode(value)
            if token_classes:
                self.body.append(f'<span class="{" ".join(token_classes)}">{text}</span>')
            else:
                self.body.append(text)
        self.body.append("</pre>\n")
        raise nodes.SkipNode

    def visit_math(self, node: nodes.math, math_env: str = "") -> None:
        """A formula as MathML (``impress_math = "mathml"``,
        :mod:`sphinx_impress.html.math`), else as the chosen renderer writes it."""
        if self.builder.math_renderer_name == MATHML_RENDERER:
            html_visit_math(self, node)
        super().visit_math(node, math_env)

    def visit_math_block(self, node: nodes.math_block, math_env: str = "") -> None:
        """A displayed formula as MathML, else as the chosen renderer writes it."""
        if self.builder.math_renderer_name == MATHML_RENDERER:
            html_visit_displaymath(self, node)
        super().visit_math_block(node, math_env)


def _author_markup(document: nodes.document, builder: Any) -> str:
    """The markup the page being written is in (``impress_markup``) where it is a deck
    with style sheets of its own (``impress_deck_css_files``): ``hovercraft`` for a
    hovercraft deck, else what its ``impress_markup`` says (a converted one);
    ``sphinx`` for any other page and outside a build of pages."""
    docname = getattr(builder, "current_docname", None)
    env = getattr(builder, "env", None)
    if docname is None or env is None:
        return "sphinx"
    deck = impress_domain(env).deck_config(docname)
    if not deck.deck_css_files:
        return "sphinx"
    return "hovercraft" if document.get(AUTHOR_MARKUP) == "hovercraft" else deck.markup
