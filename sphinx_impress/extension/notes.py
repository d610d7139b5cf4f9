"""Speaker notes: the ``notes`` directive, shown to the speaker in impress.js's
presenter console (key P) and hidden on the slides.

impress.js reads the first element with class ``notes`` inside the active step
(src/plugins/impressConsole), so a presentation merges every ``notes`` block of a slide
into one, at the end of the step. Other builders show notes as a marked block titled
"Notes", or leave them out when ``impress_html_notes`` is false.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from .nodes import enclosing, in_presentation
from .substeps import substep
from .translations import _
from .warnings import ImpressWarnings, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: impress.js's class for speaker notes (the presenter console reads it).
NOTES_CLASS = "notes"

#: Class of the block that shows notes on pages that are not presentations.
DOCS_NOTES_CLASS = "impress-notes"


class notes(nodes.General, nodes.Element):
    """Speaker notes of the slide the directive stands in."""


class NotesDirective(SphinxDirective):
    """``notes``: speaker notes for the enclosing slide; the content is any body text."""

    has_content = True
    required_arguments = 0
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        """Return one ``notes`` node holding the parsed content."""
        node = notes()
        self.set_source_info(node)
        if not self.content:
            warn(
                "these speaker notes are empty; they are left out",
                ImpressWarnings.PRESENTER,
                node,
            )
            return []
        node.extend(self.parse_content_to_nodes())
        return [node]


def merge_notes(step: nodes.Element) -> None:
    """Move every ``notes`` block of one step into a single one at the step's end."""
    blocks = list(step.findall(notes))
    if not blocks:
        return
    merged = notes(classes=[NOTES_CLASS])
    merged.source, merged.line = blocks[0].source, blocks[0].line
    for block in blocks:
        block.parent.remove(block)
        merged.extend(block.children)
    step.append(merged)


class UnnestPresenterNodes(SphinxTransform):
    """Flatten what impress.js cannot use nested: notes inside notes join the outer
    notes, a substep inside notes leaves its content in the notes, and a substep that
    holds only substeps gives way to them. Each is reported (``impress.presenter``);
    nothing of the content is lost."""

    default_priority = 410

    def apply(self, **kwargs: Any) -> None:
        """Replace every nested node by its children, innermost first."""
        # only what sits inside some notes can be nested: look inside each notes block
        inner = {
            id(node): node
            for block in self.document.findall(notes)
            for node in block.findall(lambda n: isinstance(n, notes | substep), include_self=False)
        }
        nested = [(node, enclosing(node, notes)) for node in inner.values()]
        for node, outer in nested:
            kind = "speaker notes" if isinstance(node, notes) else "a substep"
            warn(
                f"{kind} inside speaker notes (line {outer and outer.line}): the presenter "
                "console shows notes whole, so the content is kept as part of the "
                "outer notes",
                ImpressWarnings.PRESENTER,
                node,
            )
        for node, _outer in reversed(nested):
            cast("nodes.Element", node).replace_self(node.children)
        # a substep whose press would show nothing: its content stays, the press goes
        self._unwrap_substeps_of(
            substep,
            "this substep holds nothing but substeps: its own press would show "
            "nothing; the substeps inside are revealed one by one instead",
        )
        self._unwrap_substeps_of(
            notes,
            "this substep holds nothing but speaker notes, which the presenter "
            "console shows with the slide's: its press would show nothing; the notes "
            "are kept and the press is left out",
        )

    def _unwrap_substeps_of(self, kind: type[nodes.Element], message: str) -> None:
        """Replace every substep whose children are all ``kind`` by its children, with
        an ``impress.presenter`` warning."""
        found = [
            node for node in self.document.findall(substep)
            if node.children and all(isinstance(child, kind) for child in node.children)
        ]
        for node in found:
            warn(message, ImpressWarnings.PRESENTER, node)
        for node in reversed(found):
            node.replace_self(node.children)


class NotesAsBlocks(SphinxPostTransform):
    """On pages that are not presentations, show notes as a block titled "Notes"
    (class ``impress-notes``), or remove them when ``impress_html_notes`` is false.
    Runs after the presentation post-transform (900), and leaves the notes inside a
    presentation's root element alone."""

    default_priority = 950

    def run(self, **kwargs: Any) -> None:
        """Replace or remove every ``notes`` node outside a presentation."""
        for node in list(self.document.findall(notes)):
            if in_presentation(node):
                continue
            if not self.config.impress_html_notes:
                node.parent.remove(node)
                continue
            block = nodes.admonition("", nodes.title("", str(_("Notes"))), *node.children)
            block["classes"] = [DOCS_NOTES_CLASS]
            block.source, block.line = node.source, node.line
            node.replace_self(block)


def html_visit_notes(self: Any, node: notes) -> None:
    """Open impress.js's notes element."""
    self.body.append(self.starttag(node, "div", CLASS=NOTES_CLASS))


def html_depart_notes(self: Any, node: notes) -> None:
    """Close it."""
    self.body.append("</div>\n")


def setup_notes(app: Sphinx) -> None:
    """Register the directive, the node and the post-transform for other builders."""
    app.add_directive("notes", NotesDirective)
    app.add_node(notes, html=(html_visit_notes, html_depart_notes))
    app.add_transform(UnnestPresenterNodes)
    app.add_post_transform(NotesAsBlocks)
