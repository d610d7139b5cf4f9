"""The doctree nodes of a presentation and their visitors for every builder.

``step`` is what the ``step`` directive leaves in the doctree: a marker that sets its
slide's options (no children) or a slide of its own (with children). In a presentation
page every slide becomes a ``step`` directly inside one ``impress_root``; the HTML
visitors write those as impress.js's step elements and root element. Everywhere else a
``step`` is an ordinary container and positions are dropped.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

from docutils import nodes

from ..core.options import StepInfo
from ..core.values import format_number

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from .config import ImpressConfig

N = TypeVar("N", bound=nodes.Element)

#: CSS class of a ``step`` with content in pages that are not presentations.
CONTAINER_CLASS = "impress-step-content"


class step(nodes.General, nodes.Element):
    """A step of an impress.js presentation.

    Attributes: ``impress_options``, the directive's
    :class:`~sphinx_impress.core.options.StepOptions`; ``has_content``; ``automatic``,
    true for the wrapper the transform puts around content before a document's first
    section (no ``div`` outside presentations). After the read-time transform, every
    slide (a ``section`` or a ``step`` with content) has ``impress_step``, a
    :class:`~sphinx_impress.core.options.StepInfo`, whose position the presentation
    post-transform sets.
    """


class impress_root(nodes.General, nodes.Element):
    """impress.js's root element, ``<div id="impress">``, holding every step of a page.

    Attribute ``impress_config``: the deck's
    :class:`~sphinx_impress.extension.config.ImpressConfig`, written as the element's
    ``data-*`` attributes.
    """


@overload
def enclosing(node: nodes.Node, kind: type[N]) -> N | None: ...
@overload
def enclosing(node: nodes.Node, kind: Callable[[nodes.Element], bool]) -> nodes.Element | None: ...
def enclosing(node: nodes.Node, kind: Any) -> Any:
    """The nearest ancestor of ``node`` that is a ``kind`` node (a node class, or a
    test of an element), or ``None``."""
    test = (lambda element: isinstance(element, kind)) if isinstance(kind, type) else kind
    parent = node.parent
    while parent is not None:
        if test(parent):
            return parent
        parent = parent.parent
    return None


def anchors_of_steps(tree: nodes.Element) -> dict[str, str]:
    """Each anchor id in ``tree``, mapped to the id of the innermost slide that holds
    it (the slide itself for its own ids): what a link to the anchor must lead to in
    the presentation. Anchors outside every slide are left out, and so are the ids of
    targets with an address of their own (``<#id>`` in reST), which write no anchor."""
    found: dict[str, str] = {}
    stack: list[tuple[nodes.Node, str | None]] = [(tree, None)]
    while stack:
        node, holder = stack.pop()
        if not isinstance(node, nodes.Element):
            continue
        info = node.get("impress_step")
        if info is not None:
            holder = info.id
        if holder is not None and not (isinstance(node, nodes.target) and node.get("refuri")):
            anchors: list[str] = node.get("ids", [])
            for anchor in anchors:
                found.setdefault(anchor, holder)
        stack.extend((child, holder) for child in reversed(node.children))
    return found


def steps_of(root: impress_root) -> list[nodes.Element]:
    """The step elements of a presentation's root element, in order (every child of
    the root is one)."""
    return [child for child in root.children if isinstance(child, nodes.Element)]


def in_presentation(node: nodes.Node) -> bool:
    """Whether ``node`` sits inside a presentation's root element."""
    return enclosing(node, impress_root) is not None


def title_text(node: nodes.Element) -> str:
    """The text of the first title inside ``node`` (a section's own title, the title
    of the first section of a ``step`` with content), or ``""``."""
    title = next(iter(node.findall(nodes.title)), None)
    return title.astext() if title is not None else ""


#: Attribute of a ``section`` in a deck read from another tool's format (hovercraft,
#: mdpress, markpress): the level, 1 to 6, of its heading in the whole deck, as the
#: format counts it (hovercraft: docutils' nesting of underline styles; Markdown: the
#: number of ``#``). The presentation writes that heading as ``h1``... by it, whatever
#: the slide it is on starts with.
HEADING_LEVEL = "impress_heading_level"

#: Attribute of a document read from another tool's format: the tool whose HTML the
#: deck's own style sheets were written for (``"hovercraft"``). A presentation of such
#: a deck that loads its own style sheets (``impress_deck_css_files``) is written with
#: that tool's markup where it differs from Sphinx's, so that the author's selectors
#: match (:class:`~sphinx_impress.html.translator.ImpressTranslator`).
AUTHOR_MARKUP = "impress_author_markup"

#: Class of overview steps: the theme draws them without a card, so that they do not
#: hide the steps they show.
OVERVIEW_CLASS = "impress-overview"


def line_location(docname: str, node: nodes.Node, line: int | None) -> Any:
    """Where a warning about ``node`` at ``line`` points: ``(docname, line)``, or
    ``"<file>:<line>"`` when the node comes from another file (an included one:
    docutils gives its nodes that file as ``source``); the node itself when the line
    is not known. Sphinx prints a location string holding a colon as it is."""
    if not line:
        return node
    source = node.source
    document = node.document
    if source and document is not None and source != document.get("source"):
        # docutils names an included file relative to the working folder
        return f"{os.path.abspath(source)}:{line}"
    return (docname, line)


def step_attributes(info: StepInfo) -> dict[str, str]:
    """The attributes of a slide's step element: its id, its classes, every axis of
    its position as a number
    (:meth:`~sphinx_impress.core.geometry.Position.data_attributes`), the rotation
    order, then the optional timing and goto attributes and the author's own ``data-*``."""
    options = info.options
    attributes = dict(options.data)
    if info.position is not None:
        attributes.update(info.position.data_attributes())
    attributes["data-rotate-order"] = options.rotate_order or "xyz"
    if options.transition_duration is not None:
        attributes["data-transition-duration"] = format_number(options.transition_duration)
    if options.autoplay is not None:
        attributes["data-autoplay"] = format_number(options.autoplay)
    for name, target in options.goto.items():
        attributes[f"data-{name}"] = target
    return attributes


def root_attributes(config: ImpressConfig) -> dict[str, str]:
    """The attributes of the root element ``<div id="impress">`` of a deck: impress.js's
    numbers, the keys switched off, whether the fit script shrinks content larger than
    a slide, and the smallest factor by which it may. The deck's size for the theme's style sheet
    (``--impress-width``, ``--impress-height``) is in :func:`root_style`."""
    attributes = {name: format_number(value) for name, value in config.root_attributes().items()}
    if config.disabled_keys():
        attributes[KEYS_OFF_ATTRIBUTE] = " ".join(config.disabled_keys())
    attributes[FIT_ATTRIBUTE] = "yes" if config.fit else "no"
    attributes[FIT_MIN_ATTRIBUTE] = format_number(config.fit_min)
    return attributes


def root_style(config: ImpressConfig) -> list[str]:
    """The CSS declarations of the root element: the custom properties
    ``--impress-width`` and ``--impress-height`` (px) that the theme sizes steps and
    type with."""
    return [
        f"--impress-width: {format_number(config.width)}px",
        f"--impress-height: {format_number(config.height)}px",
    ]


#: Attribute of the root element that lists the plugins whose keys the start-up script
#: (``impress-init.js``) switches off: ``blackout``, ``fullscreen``.
KEYS_OFF_ATTRIBUTE = "data-sphinx-impress-keys-off"

#: Attribute of the root element: whether the fit script (``impress-fit.js``) shrinks
#: the content of the deck's steps that is larger than the slide (``impress_fit``:
#: ``yes`` or ``no``; a step's classes ``impress-fit`` and ``impress-no-fit`` say
#: otherwise for that step).
FIT_ATTRIBUTE = "data-sphinx-impress-fit"

#: Attribute of the root element: the smallest factor by which the fit script
#: (``impress-fit.js``) shrinks a step's content (``impress_fit_min``).
FIT_MIN_ATTRIBUTE = "data-sphinx-impress-fit-min"

#: Class of the element inside each step that holds its content (all but the speaker
#: notes and the slide number): the fit script shrinks it, and a centred step centres
#: it.
BODY_CLASS = "impress-step-body"


class step_background(nodes.image):
    """The image file that a step's ``background`` option names, as a child of its
    slide, so that Sphinx copies it into the output (``_images/``) like any image. A
    presentation draws it as the step's CSS background; every builder's visitor writes
    nothing for it."""


#: Class of the number that ``impress_slide_numbers`` writes into each step.
SLIDE_NUMBER_CLASS = "impress-slide-number"


def html_visit_step(self: HTML5Translator, node: step) -> None:
    """Open a step element (``div.step`` with its ``data-*``) inside the root element,
    with the translator's ``open_step`` where it has one (the impress translator also
    opens the step's body and writes its styles into the page's style sheet); or a
    plain ``div`` container elsewhere."""
    if isinstance(node.parent, impress_root):
        opener = getattr(self, "open_step", None)
        if opener is not None:
            opener(node)
        else:
            attributes = step_attributes(node["impress_step"])
            self.body.append(self.starttag(node, "div", "\n", False, **attributes))
    elif node.get("automatic"):
        # content before a document's first section, wrapped only to be a step: an
        # ordinary page shows it as it was, with the wrapper's ids as anchors
        self.body.extend(f'<span id="{self.attval(i)}"></span>' for i in node["ids"])
    else:
        self.body.append(self.starttag(node, "div", CLASS=CONTAINER_CLASS))


def html_depart_step(self: HTML5Translator, node: step) -> None:
    """Close the ``div`` opened by :func:`html_visit_step`."""
    if isinstance(node.parent, impress_root):
        closer = getattr(self, "close_step", None)
        if closer is not None:
            closer(node)
        else:
            self.body.append("</div>\n")
    elif not node.get("automatic"):
        self.body.append("</div>\n")


def html_visit_impress_root(self: HTML5Translator, node: impress_root) -> None:
    """Open impress.js's root element, ``<div id="impress" data-width=...>``, with the
    translator's ``open_root`` where it has one (the impress translator writes the
    deck's size into the page's style sheet), else with the size in a ``style``."""
    opener = getattr(self, "open_root", None)
    if opener is not None:
        opener(node)
        return
    config = node["impress_config"]
    attributes = root_attributes(config)
    attributes["style"] = "; ".join(root_style(config))
    self.body.append(self.starttag(node, "div", "\n", False, **attributes))


def html_depart_impress_root(self: HTML5Translator, node: impress_root) -> None:
    """Close the root element."""
    self.body.append("</div>\n")


def visit_passthrough(self: Any, node: nodes.Element) -> None:
    """Write nothing for the node itself; its children are written as usual."""


def depart_passthrough(self: Any, node: nodes.Element) -> None:
    """Write nothing for the node itself."""


Visitor = Callable[[Any, Any], None]


def add_node(app: Sphinx, node: type[nodes.Element], html: tuple[Visitor, Visitor]) -> None:
    """Register a node with its HTML visitors under ``html`` (never under the builder's
    own name, which would drop other extensions' HTML visitors for it, see
    ``create_translator`` in ``sphinx/registry.py``), and pass-through visitors for the
    other formats Sphinx writes: the node's children are written as usual."""
    passthrough = (visit_passthrough, depart_passthrough)
    app.add_node(
        node, html=html, latex=passthrough, text=passthrough, man=passthrough, texinfo=passthrough
    )


def visit_skip(self: Any, node: nodes.Element) -> None:
    """Write nothing for the node and its children."""
    raise nodes.SkipNode


def setup_nodes(app: Sphinx) -> None:
    """Register the nodes of steps and of the root element; a step's background image
    is written by no visitor (the impress translator draws it as the step's
    background)."""
    add_node(app, step, (html_visit_step, html_depart_step))
    add_node(app, impress_root, (html_visit_impress_root, html_depart_impress_root))
    skip = (visit_skip, None)
    app.add_node(step_background, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
