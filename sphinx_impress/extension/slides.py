"""Find a document's slides and give each its step options and a unique step id,
while the document is read (for every builder)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from ..core.options import StepInfo, StepOptions, check_id
from .config import read_front_matter
from .domain import impress_domain
from .nodes import enclosing, step, step_background, title_text
from .notes import notes
from .warnings import ImpressWarnings, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Nodes that show nothing, so content made only of them makes no slide.
INVISIBLE = (
    nodes.target,
    nodes.comment,
    nodes.substitution_definition,
    nodes.docinfo,
    nodes.meta,
    nodes.pending,
    nodes.system_message,
    addnodes.highlightlang,
    addnodes.index,
)


def _is_marker(node: nodes.Node) -> bool:
    return isinstance(node, step) and not node["has_content"]


def _is_visible(node: nodes.Node) -> bool:
    return not isinstance(node, INVISIBLE) and not _is_marker(node)


def _makes_no_slide(node: nodes.Node) -> bool:
    """A separator (reST ``----``, MyST ``---``) or speaker notes: content made only of
    these shows nothing on a slide of its own."""
    return isinstance(node, nodes.transition | notes)


def _subsections(node: nodes.Element) -> list[nodes.section]:
    return [child for child in node.children if isinstance(child, nodes.section)]


def find_slides(document: nodes.document) -> list[nodes.Element]:
    """The nodes that become steps, in presentation (document) order.

    A document with one top-level section (its title): that section with the content
    before its first subsection, then each subsection and each of their direct
    subsections. A document with several top-level sections (every slide a ``##``):
    each of them and each of their direct subsections. Content before the first section
    or step with content is wrapped into a ``step`` of its own, unless it is only
    separators (transitions) and speaker notes, which then belong to the first slide
    (if any). Every ``step`` with content is a slide too. Deeper sections stay inside
    their slide as headings.
    """
    roots = _subsections(document)
    # the lead is what comes before the first slide: a section, or a step with content
    first = next(
        (
            index
            for index, child in enumerate(document.children)
            if isinstance(child, nodes.section)
            or (isinstance(child, step) and child["has_content"])
        ),
        len(document.children),
    )
    lead = [child for child in document.children[:first] if _is_visible(child)]
    if all(_makes_no_slide(child) for child in lead):
        lead = []
    candidates: list[nodes.Element] = []
    if lead:
        wrapper = step(has_content=True, impress_options=StepOptions(), automatic=True)
        wrapper.source, wrapper.line = lead[0].source, lead[0].line
        document.insert(document.index(lead[0]), wrapper)
        for child in lead:
            document.remove(child)
            wrapper.append(child)
        candidates.append(wrapper)
    parts = roots
    if len(roots) == 1 and not lead:
        candidates.append(roots[0])
        parts = _subsections(roots[0])
    for part in parts:
        candidates.append(part)
        candidates.extend(_subsections(part))
    candidates.extend(node for node in document.findall(step) if node["has_content"])
    chosen = {id(node) for node in candidates}
    return [node for node in document.findall(nodes.Element) if id(node) in chosen]


def _front_matter(
    document: nodes.document, docname: str
) -> list[tuple[str, str, tuple[str, int]]]:
    """``(key, value, (docname, line))`` for each field of the document's front
    matter: the docinfo of a reST file-wide field list, or the field list myst-parser
    makes of YAML front matter (whose fields carry no line: the front matter's first
    line is given)."""
    for child in document.children:
        if isinstance(child, nodes.docinfo | nodes.field_list):
            return [
                (field[0].astext(), field[1].astext(), (docname, field.line or 1))
                for field in child.findall(nodes.field)
                if field.parent is child
            ]
        if _is_visible(child):
            break
    return []


class CollectSteps(SphinxTransform):
    """Give every slide of a document its step options and a unique step id.

    Runs before myst-parser's ``ResolveAnchorIds`` (879) and Sphinx's label collection,
    so that ``[see](#containers1)`` finds the author's id. Each ``step`` directive without
    content is merged into its slide (the nearest enclosing slide; at the top of the
    document, the first slide) and removed. Afterwards each slide holds
    ``impress_step``, a :class:`~sphinx_impress.core.options.StepInfo` whose line is
    that of its step directive (else of the slide), for warnings written later. What
    the front matter says about the deck goes to the
    :class:`~sphinx_impress.extension.domain.ImpressDomain`.

    Warnings: ``impress.step`` (two directives for one slide), ``impress.duplicate_id``.
    """

    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        """Check the front matter's deck settings, collect the slides and set their
        options and ids."""
        front_matter = read_front_matter(_front_matter(self.document, self.env.docname))
        deck = front_matter.deck
        if deck is None and any(self.document.findall(step)):
            deck = True  # a document that uses the step directive is a deck
        impress_domain(self.env).note_document(self.env.docname, deck, front_matter.overrides)
        slides = find_slides(self.document)
        if not slides:
            for marker in list(self.document.findall(_is_marker)):
                warn(
                    "this step directive has no slide to set: the document has no "
                    "title, section or other content",
                    ImpressWarnings.EMPTY,
                    marker,
                )
                marker.parent.remove(marker)
            return
        options: dict[int, StepOptions] = {}
        lines: dict[int, int | None] = {}
        for slide in slides:
            if isinstance(slide, step):
                options[id(slide)] = slide["impress_options"]
                lines[id(slide)] = slide.line
        chosen = {id(slide) for slide in slides}
        for marker in list(self.document.findall(_is_marker)):
            slide = enclosing(marker, lambda node: id(node) in chosen) or slides[0]
            if id(slide) in options and isinstance(slide, nodes.section):
                warn(
                    "more than one step directive sets this slide; the later one's "
                    "options win",
                    ImpressWarnings.STEP,
                    marker,
                )
            options[id(slide)] = options.get(id(slide), StepOptions()).merged(
                cast("step", marker)["impress_options"]
            )
            lines[id(slide)] = marker.line
            marker.parent.remove(marker)
        used: set[str] = set()
        for number, slide in enumerate(slides, start=1):
            slide_options = options.get(id(slide), StepOptions())
            line = lines.get(id(slide)) or slide.line
            step_id = self._step_id(slide, slide_options.id, number, used, line)
            used.add(step_id)
            slide["impress_step"] = StepInfo(step_id, slide_options, line)
            background = slide_options.background
            if background is not None and background.image is not None:
                # an image node, so that Sphinx copies the file like any image
                image = step_background(uri=background.image, impress_path=background.image)
                image.source, image.line = slide.source, line
                slide.append(image)

    def _step_id(
        self,
        slide: nodes.Element,
        wanted: str | None,
        number: int,
        used: set[str],
        line: int | None,
    ) -> str:
        """The slide's step id: ``wanted`` if it is free, else one made from the title,
        or ``step-<number>`` for a slide without one (a warning at ``line``, that of the
        step directive that asked for the id, naming the id given instead)."""
        if wanted and self._available(wanted, slide, used, author=True):
            return self._claim(slide, wanted)
        title = title_text(slide) if isinstance(slide, nodes.section) else ""
        base = nodes.make_id(title) or f"step-{number}"
        if check_id(base):
            base = f"step-{number}"
        candidate, suffix = base, 1
        while not self._available(candidate, slide, used, author=False):
            suffix += 1
            candidate = f"{base}-{suffix}"
        if wanted:
            warn(
                f"step id {wanted!r} is already used in this document; this step "
                f"gets the id {candidate!r} (from its title, else its place)",
                ImpressWarnings.DUPLICATE_ID,
                (self.env.docname, line) if line else slide,
            )
        return self._claim(slide, candidate)

    def _available(
        self, step_id: str, slide: nodes.Element, used: set[str], author: bool
    ) -> bool:
        """Whether ``slide`` may take ``step_id``. It may when no other node has it,
        when it only names an external link's target (``<#id>`` in reST, which writes
        no anchor), or, for an id the author gave, when another section (or the
        rubric a heading inside a ``step`` directive becomes) has it only as the id
        made from its title; that one then gets another id."""
        if step_id in used:
            return False
        owner = self.document.ids.get(step_id)
        if owner is None or owner is slide:
            return True
        if isinstance(owner, nodes.target) and owner.get("refuri"):
            self._release(owner, step_id)
            return True
        implicit = not self.document.nametypes.get(step_id, False)
        if author and isinstance(owner, nodes.section | nodes.rubric) and implicit:
            self._release(owner, step_id)
            return True
        return False

    def _release(self, owner: nodes.Element, step_id: str) -> None:
        owner["ids"].remove(step_id)
        del self.document.ids[step_id]
        if not owner["ids"] and not isinstance(owner, nodes.target):
            self.document.set_id(owner)
        for name, labelid in list(self.document.nameids.items()):
            if labelid == step_id and name in owner["names"]:
                # docutils itself keeps None for a name that leads to no id
                self.document.nameids[name] = owner["ids"][0] if owner["ids"] else None  # type: ignore[assignment]

    def _claim(self, slide: nodes.Element, step_id: str) -> str:
        # appended, so that a docs page keeps its anchors as they were; a presentation
        # puts the step id first (sphinx_impress.presentation)
        if step_id not in slide["ids"]:
            slide["ids"].append(step_id)
        self.document.ids[step_id] = slide
        return step_id


def setup_transforms(app: Sphinx) -> None:
    """Register the read-time transform."""
    app.add_transform(CollectSteps)
