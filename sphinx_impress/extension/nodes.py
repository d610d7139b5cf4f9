"""The doctree nodes of a presentation and their visitors for every builder.

``step`` is what the ``step`` directive leaves in the doctree: a marker that sets its
slide's options (no children) or a slide of its own (with children). In a presentation
page every slide becomes a ``step`` directly inside one ``impress_root``; the HTML
visitors write those as impress.js's step elements and root element. Everywhere else a
``step`` is an ordinary container and positions are dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

N = TypeVar("N", bound=nodes.Node)

#: CSS class of a ``step`` with content in pages that are not presentations.
CONTAINER_CLASS = "impress-step-content"


class step(nodes.General, nodes.Element):
    """A step of an impress.js presentation.

    Attributes: ``impress_options``, the directive's validated options (see
    :func:`sphinx_impress.directives.parse_step_options`); ``automatic``, true for the
    wrapper the transform puts around content before a document's first section (no
    ``div`` outside presentations); after the read-time transform,
    on every slide (a ``section`` or a ``step`` with content), ``impress_step``: the
    step's ``id``, ``classes`` and final ``data-*`` attributes as strings.
    """


class impress_root(nodes.General, nodes.Element):
    """impress.js's root element, ``<div id="impress">``, holding every step of a page.

    Attribute ``impress_attributes``: its ``data-*`` attributes as strings.
    """


def enclosing(node: nodes.Node, kind: type[N]) -> N | None:
    """The nearest ancestor of ``node`` that is a ``kind`` node, or ``None``."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kind):
            return parent
        parent = parent.parent
    return None


def in_presentation(node: nodes.Node) -> bool:
    """Whether ``node`` sits inside a presentation's root element."""
    return enclosing(node, impress_root) is not None


def html_visit_step(self: HTML5Translator, node: step) -> None:
    """Open a step element (``div.step`` with its ``data-*``) inside the root element,
    or a plain ``div`` container elsewhere."""
    if isinstance(node.parent, impress_root):
        info = node["impress_step"]
        self.body.append(self.starttag(node, "div", **info["attributes"]))
    elif node.get("automatic"):
        # content before a document's first section, wrapped only to be a step: an
        # ordinary page shows it as it was, with the wrapper's ids as anchors
        self.body.extend(f'<span id="{self.attval(i)}"></span>' for i in node["ids"])
    else:
        self.body.append(self.starttag(node, "div", CLASS=CONTAINER_CLASS))


def html_depart_step(self: HTML5Translator, node: step) -> None:
    """Close the ``div`` opened by :func:`html_visit_step`."""
    if isinstance(node.parent, impress_root) or not node.get("automatic"):
        self.body.append("</div>\n")


def html_visit_impress_root(self: HTML5Translator, node: impress_root) -> None:
    """Open impress.js's root element, ``<div id="impress" data-width=...>``."""
    self.body.append(self.starttag(node, "div", **node["impress_attributes"]))


def html_depart_impress_root(self: HTML5Translator, node: impress_root) -> None:
    """Close the root element."""
    self.body.append("</div>\n")


def visit_passthrough(self: Any, node: nodes.Element) -> None:
    """Write nothing for the node itself; its children are written as usual."""


def depart_passthrough(self: Any, node: nodes.Element) -> None:
    """Write nothing for the node itself."""


def setup_nodes(app: Sphinx) -> None:
    """Register the nodes: HTML visitors under ``html`` (never under the builder's own
    name, which would drop other extensions' HTML visitors for it, see
    ``create_translator`` in ``sphinx/registry.py``), pass-through for the rest."""
    passthrough = (visit_passthrough, depart_passthrough)
    others = {fmt: passthrough for fmt in ("latex", "text", "man", "texinfo")}
    app.add_node(step, html=(html_visit_step, html_depart_step), **others)
    app.add_node(
        impress_root, html=(html_visit_impress_root, html_depart_impress_root), **others
    )
