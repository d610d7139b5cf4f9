"""Find a document's slides, give each its step options and id, and, for presentation
pages, turn the document into impress.js's root element holding one step per slide."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform

from .config import ImpressConfig, document_overrides
from .directives import check_id, empty_step_options
from .nodes import impress_root, step
from .positions import Layout, PositionError, StepSpec, Value, format_number, resolve
from .warnings_ import ImpressWarnings, warn

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

#: Id of the root element (impress.js's default root id).
ROOT_ID = "impress"

#: Id of the overview step that ``impress_overview`` adds (``overview-2`` if taken).
OVERVIEW_ID = "overview"

#: Class of overview steps: the theme draws them without a card, so that they do not
#: hide the steps they show.
OVERVIEW_CLASS = "impress-overview"


def _is_marker(node: nodes.Node) -> bool:
    return isinstance(node, step) and not node["has_content"]


def _is_visible(node: nodes.Node) -> bool:
    return not isinstance(node, INVISIBLE) and not _is_marker(node)


def _subsections(node: nodes.Element) -> list[nodes.section]:
    return [child for child in node.children if isinstance(child, nodes.section)]


def find_slides(document: nodes.document) -> list[nodes.Element]:
    """The nodes that become steps, in presentation (document) order.

    A document with one top-level section (its title): that section with the content
    before its first subsection, then each subsection and each of their direct
    subsections. A document with several top-level sections (every slide a ``##``):
    each of them and each of their direct subsections. Content before the first section
    is wrapped into a ``step`` of its own. Every ``step`` with content is a slide too.
    Deeper sections stay inside their slide as headings.
    """
    roots = _subsections(document)
    first = document.index(roots[0]) if roots else len(document.children)
    lead = [child for child in document.children[:first] if _is_visible(child)]
    candidates: list[nodes.Element] = []
    if lead:
        wrapper = step(has_content=True, impress_options={}, automatic=True)
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


def _enclosing_slide(node: nodes.Node, slides: list[nodes.Element]) -> nodes.Element:
    chosen = {id(slide) for slide in slides}
    parent = node.parent
    while parent is not None:
        if id(parent) in chosen:
            return parent
        parent = parent.parent
    return slides[0]


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


def _title_text(slide: nodes.Element) -> str:
    if isinstance(slide, nodes.section) and slide.children:
        title = slide[0]
        if isinstance(title, nodes.title):
            return title.astext()
    return ""


class CollectSteps(SphinxTransform):
    """Give every slide of a document its step options and a unique step id.

    Runs before myst-parser's ``ResolveAnchorIds`` (879) and Sphinx's label collection,
    so that ``[see](#containers1)`` finds the author's id. Each ``step`` directive without
    content is merged into its slide (the nearest enclosing slide; at the top of the
    document, the first slide) and removed. Afterwards each slide holds
    ``impress_step = {"id": str, "options": dict}``.

    Warnings: ``impress.step`` (two directives for one slide), ``impress.duplicate_id``.
    """

    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        """Check the front matter's deck settings, collect the slides and set their
        options and ids."""
        document_overrides(_front_matter(self.document, self.env.docname))
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
        options: dict[int, dict[str, Any]] = {}
        for slide in slides:
            if isinstance(slide, step):
                options[id(slide)] = slide["impress_options"]
        for marker in list(self.document.findall(_is_marker)):
            slide = _enclosing_slide(marker, slides)
            if id(slide) in options and isinstance(slide, nodes.section):
                warn(
                    "more than one step directive sets this slide; the later one's "
                    "options win",
                    ImpressWarnings.STEP,
                    marker,
                )
            options[id(slide)] = _merge(options.get(id(slide)), marker["impress_options"])
            marker.parent.remove(marker)
        used: set[str] = set()
        for number, slide in enumerate(slides, start=1):
            slide_options = options.get(id(slide)) or _merge(None, {})
            step_id = self._step_id(slide, slide_options.get("id"), number, used)
            used.add(step_id)
            slide["impress_step"] = {"id": step_id, "options": slide_options}

    def _step_id(
        self, slide: nodes.Element, wanted: str | None, number: int, used: set[str]
    ) -> str:
        if wanted:
            if self._available(wanted, slide, used, author=True):
                return self._claim(slide, wanted)
            warn(
                f"step id {wanted!r} is already used in this document; this step "
                "gets an id from its title",
                ImpressWarnings.DUPLICATE_ID,
                slide,
            )
        base = nodes.make_id(_title_text(slide)) or f"step-{number}"
        if check_id(base):
            base = f"step-{number}"
        candidate, suffix = base, 1
        while not self._available(candidate, slide, used, author=False):
            suffix += 1
            candidate = f"{base}-{suffix}"
        return self._claim(slide, candidate)

    def _available(
        self, step_id: str, slide: nodes.Element, used: set[str], author: bool
    ) -> bool:
        """Whether ``slide`` may take ``step_id``. It may when no other node has it,
        when it only names an external link's target (``<#id>`` in reST, which writes
        no anchor), or, for an id the author gave, when another section has it only
        as the id made from its title; that section then gets another id."""
        if step_id in used:
            return False
        owner = self.document.ids.get(step_id)
        if owner is None or owner is slide:
            return True
        if isinstance(owner, nodes.target) and owner.get("refuri"):
            self._release(owner, step_id)
            return True
        implicit = not self.document.nametypes.get(step_id, False)
        if author and isinstance(owner, nodes.section) and implicit:
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
                self.document.nameids[name] = owner["ids"][0] if owner["ids"] else None

    def _claim(self, slide: nodes.Element, step_id: str) -> str:
        if step_id in slide["ids"]:
            slide["ids"].remove(step_id)
        slide["ids"].insert(0, step_id)
        self.document.ids[step_id] = slide
        return step_id


def _merge(base: dict[str, Any] | None, update: dict[str, Any]) -> dict[str, Any]:
    """Options of ``update`` laid over ``base``: mappings merged, lists joined, other
    values replaced where ``update`` sets them."""
    merged = empty_step_options()
    for source in (base or {}, update):
        for key, value in source.items():
            if isinstance(value, dict):
                merged[key] = {**(merged[key] or {}), **value}
            elif isinstance(value, list):
                merged[key] = merged[key] + value
            elif value is not None:
                merged[key] = value
    return merged


def step_attributes(info: dict[str, Any], axes: dict[str, str]) -> dict[str, str]:
    """The ``data-*`` attributes of one step element: every axis as a number, the
    rotation order, then the optional timing attributes and the author's own ``data-*``.
    """
    options = info["options"]
    attributes = dict(options["data"])
    attributes.update(axes)
    attributes["data-rotate-order"] = options["rotate-order"] or "xyz"
    if options["transition-duration"] is not None:
        attributes["data-transition-duration"] = format_number(options["transition-duration"])
    if options["autoplay"] is not None:
        attributes["data-autoplay"] = format_number(options["autoplay"])
    return attributes


class BuildPresentation(SphinxPostTransform):
    """Turn a document into an impress.js presentation: one ``impress_root`` holding
    one ``step`` per slide, never nested, each with absolute numeric positions.

    Runs for the ``impress`` builder only. Front matter deck settings that are invalid
    give ``impress.config`` warnings; a document with no slide gives ``impress.empty``.
    """

    builders = ("impress",)
    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        """Compute positions and restructure the document."""
        document = self.document
        if not document.get("source"):
            # a fragment (a todolist's content, say) that Sphinx wrapped in an empty
            # document only to resolve its references: not a page, left as it is
            return
        docname = self.env.docname
        metadata = self.env.metadata.get(docname, {})
        deck = ImpressConfig.from_sphinx(self.config).with_overrides(
            document_overrides(((k, v, docname) for k, v in metadata.items()), report=False)
        )
        slides = [
            node for node in document.findall(nodes.Element) if node.get("impress_step")
        ]
        if slides and deck.overview:
            overview = self._overview_step({slide["impress_step"]["id"] for slide in slides})
            slides.insert(0 if deck.overview == "start" else len(slides), overview)
        positions, problems = resolve(
            self._specs(slides, deck), deck.width, deck.height
        )
        for problem in problems:
            warn(problem.message, ImpressWarnings(problem.kind), slides[problem.index])
        chosen = {id(slide) for slide in slides}
        first = next(
            (
                index
                for index, child in enumerate(document.children)
                if any(id(node) in chosen for node in child.findall(nodes.Element))
            ),
            len(document.children),
        )
        for slide in reversed(slides):
            if slide.parent is not None:
                slide.parent.remove(slide)
        leading = document.children[:first]
        trailing = document.children[first:]
        document.clear()
        root = impress_root(ids=[ROOT_ID])
        root["impress_attributes"] = {
            name: format_number(value) for name, value in deck.root_attributes().items()
        }
        root["impress_attributes"]["style"] = (
            f"--impress-width: {format_number(deck.width)}px; "
            f"--impress-height: {format_number(deck.height)}px"
        )
        document.append(root)
        for slide, position in zip(slides, positions, strict=True):
            root.append(self._step(slide, position.data_attributes()))
        if not slides:
            warn("this document has no slide to present", ImpressWarnings.EMPTY, docname)
            root.extend([*leading, *trailing])
            return
        root[0].insert(0, leading)
        _place_trailing(root, trailing)
        _point_links_at_steps(root)

    def _specs(self, slides: list[nodes.Element], deck: ImpressConfig) -> list[StepSpec]:
        """What each slide's options say about its place, for :func:`resolve`.

        Warnings: ``impress.position`` for a ``rel-to`` that names no earlier step and
        for position options on an overview step; ``impress.config`` for a deck layout
        from the front matter that cannot be used.
        """
        try:
            deck_layout = deck.deck_layout()
        except PositionError as error:
            warn(f"impress_layout: {error}; using 'line'", ImpressWarnings.CONFIG, slides[0])
            deck_layout = Layout()
        index_of = {slide["impress_step"]["id"]: n for n, slide in enumerate(slides)}
        chosen = {id(slide) for slide in slides}
        specs = []
        for number, slide in enumerate(slides):
            options = slide["impress_step"]["options"]
            axes = {name: Value(*value) for name, value in options["axes"].items()}
            rel_to = None
            if options.get("rel-to"):
                rel_to = self._rel_to(options["rel-to"], number, slides, index_of, slide)
            scope, layout = None, deck_layout
            parent = slide.parent
            while parent is not None:
                if id(parent) in chosen and parent["impress_step"]["options"].get("layout"):
                    scope = parent["impress_step"]["id"]
                    layout = Layout(**parent["impress_step"]["options"]["layout"])
                    break
                parent = parent.parent
            overview = bool(options.get("overview"))
            if overview and axes:
                warn(
                    "an overview step places itself over the whole deck; its options "
                    f"{', '.join(sorted(axes))} are ignored",
                    ImpressWarnings.POSITION,
                    slide,
                )
                axes = {}
            specs.append(StepSpec(axes, rel_to, scope, layout, overview))
        return specs

    def _rel_to(
        self,
        wanted: str,
        number: int,
        slides: list[nodes.Element],
        index_of: dict[str, int],
        slide: nodes.Element,
    ) -> int | None:
        """The index of the step that ``rel-to`` names, or ``None`` with a warning."""
        target = index_of.get(wanted)
        problem = None
        if target is None or target >= number:
            problem = "names no earlier step of this deck"
        elif slides[target]["impress_step"]["options"].get("overview"):
            problem = "names an overview step, which is placed after all others"
        elif not any(value[1] for value in slide["impress_step"]["options"]["axes"].values()):
            problem = "has no relative value to count from it"
        if problem is None:
            return target
        warn(
            f"rel-to {wanted!r} {problem}; relative values count from the previous step",
            ImpressWarnings.POSITION,
            slide,
        )
        return None

    def _overview_step(self, taken: set[str]) -> step:
        """The step that ``impress_overview`` adds: empty, showing the whole deck."""
        step_id, suffix = OVERVIEW_ID, 1
        while step_id in taken or step_id in self.document.ids:
            suffix += 1
            step_id = f"{OVERVIEW_ID}-{suffix}"
        options = empty_step_options()
        options["overview"] = True
        node = step(has_content=True, ids=[step_id])
        node.source = self.document.get("source")
        node["impress_step"] = {"id": step_id, "options": options}
        return node

    def _step(self, slide: nodes.Element, axes: dict[str, str]) -> nodes.Element:
        info = slide["impress_step"]
        slide["ids"] = [info["id"], *(i for i in slide["ids"] if i != info["id"])]
        overview = [OVERVIEW_CLASS] if info["options"].get("overview") else []
        slide["classes"] = ["step", *overview, *info["options"]["classes"], *slide["classes"]]
        slide["impress_step"] = {**info, "attributes": step_attributes(info, axes)}
        return slide


def _place_trailing(root: impress_root, trailing: list[nodes.Node]) -> None:
    """Put what follows the last slide at document level into steps: each footnote or
    citation into the step that first refers to it (myst-parser collects footnotes at
    the end of the document), everything else into the last step."""
    step_of: dict[str, nodes.Element] = {}
    for step_element in root.children:
        for reference in step_element.findall(
            lambda n: isinstance(n, nodes.footnote_reference | nodes.citation_reference)
        ):
            step_of.setdefault(reference.get("refid", ""), step_element)
    separator = None
    for node in trailing:
        if isinstance(node, nodes.transition) and "footnotes" in node["classes"]:
            separator = node
            continue
        target = root[-1]
        if isinstance(node, nodes.footnote | nodes.citation):
            target = next((step_of[i] for i in node["ids"] if i in step_of), root[-1])
            if separator is not None and not any(
                isinstance(child, nodes.transition) for child in target.children
            ):
                target.append(separator.deepcopy())
        target.append(node)


def _point_links_at_steps(root: impress_root) -> None:
    """Make links to an anchor inside a step (a label, a section's other id) point at
    the step itself, which is what impress.js can navigate to."""
    step_of_id: dict[str, str] = {}
    for step_element in root.children:
        step_id = step_element["ids"][0]
        for node in step_element.findall(nodes.Element):
            for anchor in node.get("ids", ()):
                step_of_id.setdefault(anchor, step_id)
    for reference in root.findall(nodes.reference):
        refid = reference.get("refid")
        if refid in step_of_id:
            reference["refid"] = step_of_id[refid]
        refuri = reference.get("refuri", "")
        if refuri.startswith("#") and refuri[1:] in step_of_id:
            reference["refuri"] = "#" + step_of_id[refuri[1:]]


def setup_transforms(app: Sphinx) -> None:
    """Register the read-time transform and the presentation post-transform."""
    app.add_transform(CollectSteps)
    app.add_post_transform(BuildPresentation)
