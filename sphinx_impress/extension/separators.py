"""Separators as slide boundaries: in a deck, a transition (``---`` in MyST, a line of
``----`` in reST) starts a new slide, as Markdown slide tools (Marp, Slidev, mdpress,
reveal.js) read it.

:func:`split_at_separators` runs while a deck is read, before docutils checks
transitions (``docutils.transforms.misc.Transitions``, priority 830), so that the
separators it uses up leave no transition behind: a separator at the start of the
deck or of a slide, a doubled one, or one at the end of a slide (before the next
heading, or at the end of the deck) makes no empty slide, no rule and no docutils
message. A separator inside a directive's content (notes, a ``step``'s content, an
admonition) is no boundary: it stays a horizontal rule, with no docutils message
either (:class:`content_rule`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from docutils import nodes

from ..core.options import StepOptions
from .nodes import depart_passthrough, step, visit_passthrough
from .notes import notes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Class of the rule that marks a slide boundary on a deck's page in other builds.
BREAK_CLASS = "impress-slide-break"


class slide_break(nodes.General, nodes.Element):
    """Where a separator started a slide without a heading. A presentation leaves it
    out; a deck's page in an HTML build shows it as ``<hr class="impress-slide-break">``
    (the rule the author wrote, as a marked boundary); other builders show nothing."""


def html_visit_slide_break(self: Any, node: slide_break) -> None:
    """Write the boundary as a marked horizontal rule."""
    self.body.append(self.emptytag(node, "hr", CLASS=BREAK_CLASS))


def html_depart_slide_break(self: Any, node: slide_break) -> None:
    """Nothing to close."""


class content_rule(nodes.General, nodes.Element):
    """A separator inside a directive's content in a deck (speaker notes, a ``step``'s
    content, an admonition): a horizontal rule there and no slide boundary, written as
    each builder writes a transition. docutils allows transitions only between the
    body elements of a document or section, and would warn about it."""


def visit_content_rule(self: Any, node: content_rule) -> None:
    """Write the rule as the translator writes a transition."""
    self.visit_transition(node)


def depart_content_rule(self: Any, node: content_rule) -> None:
    """Close it as the translator closes a transition."""
    self.depart_transition(node)


def _is_separator(node: nodes.Node) -> bool:
    """A transition that may be a slide boundary: one standing between the body
    elements of the document or of a section (not myst-parser's rule above the
    footnotes)."""
    return (
        isinstance(node, nodes.transition)
        and "footnotes" not in node["classes"]
        and isinstance(node.parent, nodes.document | nodes.section)
    )


def split_at_separators(
    document: nodes.document,
    is_slide: Callable[[nodes.Element], bool],
    shows: Callable[[nodes.Node], bool],
) -> None:
    """Make each separator of a deck a slide boundary.

    :param is_slide: whether a section is a slide of its own (a section that is not
        stays inside its slide as a heading).
    :param shows: whether a node shows something on a slide (not a target, comment,
        ``step`` directive without content and the like).

    The content after a separator, up to the next separator or the next section that
    is a slide, becomes a slide of its own: a ``step`` with content (``automatic``,
    titled by its heading when it opens with one), or, when it is a single section
    that is no slide of its own, that section (marked ``impress_boundary``); the
    separator becomes a :class:`slide_break`. A separator inside a directive's content
    becomes a :class:`content_rule`. A separator with nothing shown before it
    at the top of the document (front matter is not shown), right after another, or
    with nothing shown after it before the next slide, is removed. A section's title
    is shown, speaker notes are not.
    """
    transitions = list(document.findall(nodes.transition))
    for inner in transitions:
        if not isinstance(inner.parent, nodes.document | nodes.section):
            rule = content_rule(classes=inner["classes"])
            rule.source, rule.line = inner.source, inner.line
            inner.replace_self(rule)
    for separator in [node for node in transitions if _is_separator(node)]:
        _lift(separator, is_slide)
        parent = separator.parent
        if not isinstance(parent, nodes.document | nodes.section):
            # lifted out of a heading into the content of a slide made by a separator
            rule = content_rule(classes=separator["classes"])
            rule.source, rule.line = separator.source, separator.line
            separator.replace_self(rule)
            continue
        index = parent.index(separator)
        before = _shown_before(parent, index, shows)
        run = _run_after(parent, index, is_slide)
        shown = [node for node in run if shows(node) and not isinstance(node, notes)]
        only_slides = all(isinstance(node, step) and node["has_content"] for node in shown)
        if not before or not shown or only_slides:
            following = parent.children[index + 1] if index + 1 < len(parent) else None
            receiver = following if isinstance(following, nodes.Element) else parent
            _hand_over_anchors(separator, receiver, document)
            parent.remove(separator)
            continue
        boundary = slide_break()
        boundary.source, boundary.line = separator.source, separator.line
        if len(shown) == 1 and isinstance(shown[0], nodes.section) and shown[0] is run[0]:
            shown[0]["impress_boundary"] = True
            _hand_over_anchors(separator, shown[0], document)
            parent.replace(separator, boundary)
            continue
        wrapper = step(
            has_content=True, impress_options=StepOptions(), automatic=True, boundary=True
        )
        wrapper.source, wrapper.line = separator.source, separator.line
        _hand_over_anchors(separator, wrapper, document)
        for node in run:
            parent.remove(node)
        wrapper.extend(run)
        parent.replace(separator, boundary)
        parent.insert(parent.index(boundary) + 1, wrapper)


def _hand_over_anchors(
    separator: nodes.transition, receiver: nodes.Element, document: nodes.document
) -> None:
    """Give the ids and names of a separator (a label written right before it: docutils
    puts the label on the next element, the separator) to what replaces it: the slide
    it starts, else the element after it, so that links to the label lead there."""
    for anchor in separator["ids"]:
        if anchor not in receiver["ids"]:
            receiver["ids"].append(anchor)
        document.ids[anchor] = receiver
    for name in separator["names"]:
        if name not in receiver["names"]:
            receiver["names"].append(name)
    separator["ids"], separator["names"] = [], []


def _lift(separator: nodes.transition, is_slide: Callable[[nodes.Element], bool]) -> None:
    """Move a separator that ends a section which is not a slide (a heading inside a
    slide) up behind that section, as often as needed: what follows it in the
    document follows it there."""
    parent = separator.parent
    while (
        isinstance(parent, nodes.section)
        and not is_slide(parent)
        and parent.index(separator) == len(parent) - 1
        and parent.parent is not None
    ):
        parent.remove(separator)
        grandparent = parent.parent
        grandparent.insert(grandparent.index(parent) + 1, separator)
        parent = grandparent


def _shown_before(parent: nodes.Element, index: int, shows: Callable[[nodes.Node], bool]) -> bool:
    """Whether something is shown between the last boundary (or the start of the
    section or document) and the separator at ``index``: a section's title is, speaker
    notes are not."""
    for node in reversed(parent.children[:index]):
        if isinstance(node, nodes.transition | slide_break):
            return False
        if isinstance(node, nodes.title) or (shows(node) and not isinstance(node, notes)):
            return True
    return False


def _run_after(
    parent: nodes.Element, index: int, is_slide: Callable[[nodes.Element], bool]
) -> list[nodes.Node]:
    """What follows the separator at ``index`` up to the next separator or the next
    section that is a slide."""
    run = []
    for node in parent.children[index + 1 :]:
        if _is_separator(node) or isinstance(node, slide_break):
            break
        if isinstance(node, nodes.section) and is_slide(node):
            break
        run.append(node)
    return run


def setup_separators(app: Sphinx) -> None:
    """Register the boundary node (a marked rule in HTML, nothing elsewhere) and the
    rule inside content (a transition's rule in every builder)."""
    passthrough = (visit_passthrough, depart_passthrough)
    rule = (visit_content_rule, depart_content_rule)
    app.add_node(content_rule, html=rule, latex=rule, text=rule, man=rule, texinfo=rule)
    app.add_node(
        slide_break,
        html=(html_visit_slide_break, html_depart_slide_break),
        latex=passthrough,
        text=passthrough,
        man=passthrough,
        texinfo=passthrough,
    )
