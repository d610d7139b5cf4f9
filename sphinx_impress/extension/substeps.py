"""Substeps: content a slide reveals one press at a time.

impress.js's substep plugin (src/plugins/substep) shows, on each press of "next", the
next element with class ``substep`` of the active step before it moves on. The
``substep`` directive wraps its content into one such element, or, with ``:items:``,
makes each item of the lists inside it a substep of its own. Every other builder shows
all of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from .nodes import add_node, impress_root, in_presentation
from .warnings import ImpressWarnings, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The lists whose items ``:items:`` reveals one by one.
LISTS = (nodes.bullet_list, nodes.enumerated_list)

#: impress.js's class for content revealed one press at a time.
SUBSTEP_CLASS = "substep"


class substep(nodes.General, nodes.Element):
    """Content revealed one press at a time; attribute ``items``: each list item inside
    is a substep instead of the whole."""


class SubstepDirective(SphinxDirective):
    """``substep``: reveal the content on the next press; ``:items:`` (a flag) reveals
    the items of the lists inside one by one."""

    has_content = True
    required_arguments = 0
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {"items": directives.flag}

    def run(self) -> list[nodes.Node]:
        """Return one ``substep`` node holding the parsed content."""
        node = substep(items="items" in self.options)
        self.set_source_info(node)
        if not self.content:
            warn(
                "this substep is empty: it would take a press that shows nothing; "
                "it is left out",
                ImpressWarnings.PRESENTER,
                node,
            )
            return []
        node.extend(self.parse_content_to_nodes())
        if node["items"] and not any(isinstance(child, LISTS) for child in node.children):
            warn(
                "substep :items: reveals the items of a list directly inside it, and "
                "there is none; the content is revealed as one substep",
                ImpressWarnings.PRESENTER,
                node,
            )
            node["items"] = False
        return [node]


def mark_list_items(root: impress_root) -> None:
    """In a presentation, give impress.js's class ``substep`` to every item of the
    lists directly inside an ``:items:`` substep, and to every item of a list that has
    the class itself (``.. class:: substep`` or ``{rst-class} substep`` before it) and
    of the lists inside its items, instead of to that list: hovercraft gave the class
    to the items, never to the list (its ``parse.py``), so that they are revealed one
    press at a time, nested ones too."""
    for node in root.findall(substep):
        if node.get("items"):
            for child in node.children:
                if isinstance(child, LISTS):
                    _mark_items(child, nested=False)
    for element in list(root.findall(nodes.Element)):
        if isinstance(element, LISTS) and SUBSTEP_CLASS in element["classes"]:
            element["classes"].remove(SUBSTEP_CLASS)
            _mark_items(element, nested=True)


def _mark_items(listing: nodes.Element, nested: bool) -> None:
    """Give the items of ``listing`` (and with ``nested``, of the lists inside them)
    the class ``substep``, once."""
    for item in listing.children:
        if not isinstance(item, nodes.list_item):
            continue
        if SUBSTEP_CLASS not in item["classes"]:
            item["classes"].append(SUBSTEP_CLASS)
        if nested:
            for inner in item.children:
                if isinstance(inner, LISTS):
                    _mark_items(inner, nested=True)


def html_visit_substep(self: Any, node: substep) -> None:
    """Open the element: ``div.substep`` in a presentation (unless its list items are
    the substeps), a plain ``div`` elsewhere."""
    whole = in_presentation(node) and not node.get("items")
    self.body.append(
        self.starttag(node, "div", CLASS=SUBSTEP_CLASS if whole else "impress-substeps")
    )


def html_depart_substep(self: Any, node: substep) -> None:
    """Close it."""
    self.body.append("</div>\n")


def setup_substeps(app: Sphinx) -> None:
    """Register the directive and the node."""
    app.add_directive("substep", SubstepDirective)
    add_node(app, substep, (html_visit_substep, html_depart_substep))
