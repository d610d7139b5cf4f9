"""Turn a read document into an impress.js presentation: positions resolved, one
``impress_root`` holding one step per slide, links pointed at steps. A post-transform,
run for the ``impress`` builder only."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..core.colours import DARK, LIGHT, TextColours, text_colours
from ..core.geometry import Position
from ..core.layouts import Layout
from ..core.options import StepInfo, StepOptions
from ..core.placement import StepSpec, resolve
from ..errors import InvalidValue
from .config import ImpressConfig
from .domain import impress_domain
from .nodes import (
    OVERVIEW_CLASS,
    SLIDE_NUMBER_CLASS,
    anchors_of_steps,
    enclosing,
    impress_root,
    line_location,
    step,
    steps_of,
)
from .notes import merge_notes
from .separators import slide_break
from .slides import INVISIBLE
from .substeps import mark_list_items
from .warnings import ImpressWarnings, report, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The name of the builder that writes presentations (``sphinx-build -b impress``).
BUILDER = "impress"

#: Id of the root element (impress.js's default root id).
ROOT_ID = "impress"

#: Id of the overview step that ``impress_overview`` adds (``overview-2`` if taken).
OVERVIEW_ID = "overview"

def check_gotos(slides: list[nodes.Element], where: Any) -> None:
    """Leave out every ``goto``, ``goto-next`` and ``goto-prev`` of the slides that
    names no step of the same deck (impress.js's goto plugin would silently fall back
    to the next step) or the slide itself, with an ``impress.reference`` warning.
    ``where(slide)`` is the location of a slide's warnings."""
    ids = {slide["impress_step"].id for slide in slides}
    for slide in slides:
        info: StepInfo = slide["impress_step"]
        gotos = dict(info.options.goto)
        for name, target in sorted(info.options.goto.items()):
            if target == info.id:
                problem = "the step itself, so the presentation would not move"
            elif target not in ids:
                problem = f"no step of this deck (steps: {', '.join(sorted(ids))})"
            else:
                continue
            warn(
                f"step option {name!r} names {target!r}, {problem}; the option is ignored",
                ImpressWarnings.REFERENCE,
                where(slide),
            )
            del gotos[name]
        if gotos != info.options.goto:
            slide["impress_step"] = replace(info, options=replace(info.options, goto=gotos))


def headings_from_rubrics(root: impress_root) -> None:
    """Write the headings inside ``step`` directives with content as headings again.

    A ``step`` directive's content may hold no sections, so MyST and reST turn its
    headings into rubrics (mdpress and hovercraft decks converted to MyST are written
    that way). In a presentation a rubric that opens such a slide is its title, an
    ``h1`` like every slide title, and the slide's other rubrics are ``h2``
    (Sphinx writes a rubric with ``heading-level`` as that heading)."""
    for element in root.children:
        if not isinstance(element, step):
            continue
        rubrics = [child for child in element.children if isinstance(child, nodes.rubric)]
        visible = [child for child in element.children if not isinstance(child, INVISIBLE)]
        for rubric in rubrics:
            rubric.setdefault("heading-level", 1 if visible and rubric is visible[0] else 2)


def add_slide_numbers(root: impress_root) -> None:
    """Append its number to every step of ``root`` except overview steps, counting
    from 1, as ``<div class="impress-slide-number">n</div>``."""
    numbered = [
        element for element in steps_of(root) if not element["impress_step"].options.overview
    ]
    for number, element in enumerate(numbered, start=1):
        element.append(
            nodes.container("", nodes.inline("", str(number)), classes=[SLIDE_NUMBER_CLASS])
        )


class BuildPresentation(SphinxPostTransform):
    """Turn a document into an impress.js presentation: one ``impress_root`` holding
    one ``step`` per slide, never nested, each with absolute numeric positions.

    Runs for the ``impress`` builder only (and for the presentations an HTML build
    writes, :mod:`sphinx_impress.html.embedded`). Front matter settings were checked while the
    document was read; here a front matter layout that cannot be used gives an
    ``impress.config`` warning, position problems ``impress.position`` and
    ``impress.overlap``, and a document with no slide ``impress.empty``.
    """

    builders = (BUILDER,)
    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        """Compute positions and restructure the document."""
        document = self.document
        if not document.get("source"):
            # a fragment (a todolist's content, say) that Sphinx wrapped in an empty
            # document only to resolve its references: not a page, left as it is
            return
        docname = self.env.docname
        deck = impress_domain(self.env).deck_config(docname)
        for boundary in list(document.findall(slide_break)):
            boundary.parent.remove(boundary)  # the steps themselves are the boundaries
        slides = [
            node for node in document.findall(nodes.Element) if node.get("impress_step")
        ]
        if slides and deck.overview:
            overview = self._overview_step({slide["impress_step"].id for slide in slides})
            slides.insert(0 if deck.overview == "start" else len(slides), overview)
        positions, problems = resolve(
            self._specs(slides, deck), deck.width, deck.height
        )
        check_gotos(slides, self._where)
        for problem in problems:
            report([problem], self._where(slides[problem.index or 0]))
        chosen = {id(slide) for slide in slides}
        first = next(
            (
                index
                for index, child in enumerate(document.children)
                if any(id(node) in chosen for node in child.findall(nodes.Element))
            ),
            len(document.children),
        )
        detach(slides)
        leading = document.children[:first]
        trailing = document.children[first:]
        document.clear()
        root = impress_root(ids=[ROOT_ID], impress_config=deck)
        document.append(root)
        for slide, position in zip(slides, positions, strict=True):
            root.append(self._step(slide, position, deck))
        if not slides:
            line = next((n.line for n in [*leading, *trailing] if n.line), 1)
            warn("this document has no slide to present", ImpressWarnings.EMPTY, (docname, line))
            root.extend([*leading, *trailing])
            return
        steps_of(root)[0].insert(0, leading)
        _place_trailing(root, trailing)
        _point_links_at_steps(root)
        for element in steps_of(root):
            merge_notes(element)
        mark_list_items(root)
        headings_from_rubrics(root)
        if deck.slide_numbers:
            add_slide_numbers(root)

    def _specs(self, slides: list[nodes.Element], deck: ImpressConfig) -> list[StepSpec]:
        """What each slide's options say about its place, for :func:`resolve`.

        Warnings: ``impress.position`` for a ``rel-to`` that names no earlier step and
        for position options on an overview step; ``impress.config`` for a deck layout
        from the front matter that cannot be used.
        """
        try:
            deck_layout = deck.deck_layout()
        except InvalidValue as error:
            warn(f"impress_layout: {error}; using 'line'", ImpressWarnings.CONFIG, self.env.docname)
            deck_layout = Layout()
        index_of = {slide["impress_step"].id: n for n, slide in enumerate(slides)}
        specs = []
        for number, slide in enumerate(slides):
            options: StepOptions = slide["impress_step"].options
            axes = dict(options.axes)
            rel_to = None
            if options.rel_to:
                rel_to = self._rel_to(options.rel_to, number, slides, index_of, slide)
            scope, layout = None, deck_layout
            laid_out_by = enclosing(slide, _sets_layout)
            if laid_out_by is not None:
                scope = laid_out_by["impress_step"].id
                layout = laid_out_by["impress_step"].options.layout
            overview = bool(options.overview)
            rel = options.rel
            if overview and (axes or rel):
                given = sorted(axes) + (["the rel plugin's"] if rel else [])
                warn(
                    "an overview step places itself over the whole deck; its options "
                    f"{', '.join(given)} are ignored",
                    ImpressWarnings.POSITION,
                    self._where(slide),
                )
                axes, rel = {}, None
            specs.append(
                StepSpec(axes, rel_to, scope, layout, overview, rel, options.rotate_order or "xyz")
            )
        laid_out = {spec.scope for spec in specs if not spec.axes and not spec.overview}
        for slide in slides:
            info = slide["impress_step"]
            if info.options.layout and info.id not in laid_out:
                warn(
                    "this layout places the steps inside its section that give no "
                    "position, and there are none",
                    ImpressWarnings.LAYOUT,
                    self._where(slide),
                )
        return specs

    def _where(self, slide: nodes.Element) -> Any:
        """Where a warning about a slide points: its step directive's line, in the
        file the slide comes from (an included one too)."""
        return line_location(self.env.docname, slide, slide["impress_step"].line)

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
        elif slides[target]["impress_step"].options.overview:
            problem = "names an overview step, which is placed after all others"
        elif not any(
            value.relative for value in slide["impress_step"].options.axes.values()
        ) and slide["impress_step"].options.rel is None:
            problem = "has no relative value or rel plugin option to count from it"
        if problem is None:
            return target
        warn(
            f"rel-to {wanted!r} {problem}; relative values count from the previous step",
            ImpressWarnings.POSITION,
            self._where(slide),
        )
        return None

    def _overview_step(self, taken: set[str]) -> step:
        """The step that ``impress_overview`` adds: empty, showing the whole deck."""
        step_id, suffix = OVERVIEW_ID, 1
        while step_id in taken or step_id in self.document.ids:
            suffix += 1
            step_id = f"{OVERVIEW_ID}-{suffix}"
        if step_id != OVERVIEW_ID:
            holder = self.document.ids.get(OVERVIEW_ID)
            warn(
                f"the id {OVERVIEW_ID!r} is taken in this deck, so the overview step that "
                f"impress_overview adds is {step_id!r} (#/{OVERVIEW_ID} shows what has "
                "the id)",
                ImpressWarnings.DUPLICATE_ID,
                holder if holder is not None and holder.line else self.document.get("source"),
            )
        node = step(has_content=True, ids=[step_id])
        node.source = self.document.get("source")
        node["impress_step"] = StepInfo(step_id, StepOptions(overview=True))
        return node

    def _step(
        self, slide: nodes.Element, position: Position, deck: ImpressConfig
    ) -> nodes.Element:
        info: StepInfo = slide["impress_step"]
        slide["ids"] = [info.id, *(i for i in slide["ids"] if i != info.id)]
        given = set(slide["classes"])
        problem = background_text(info.options, given).problem
        if problem:
            warn(problem, ImpressWarnings.CONTRAST, self._where(slide))
        slide["classes"] = [
            "step", *look_classes(info.options, deck, given), *info.options.classes,
            *slide["classes"],
        ]
        slide["impress_step"] = replace(info, position=position)
        return slide


#: Classes of the steps whose content the fit script (``impress-fit.js``) shrinks when
#: it is larger than the slide though the deck does not (``impress_fit = False``),
#: and of those it leaves alone though the deck fits (the step's ``fit`` option).
FIT_CLASS = "impress-fit"
NO_FIT_CLASS = "impress-no-fit"

#: Class of the steps whose content is centred vertically.
CENTER_CLASS = "impress-center"

#: Classes of a step drawn with the dark theme's colours in any deck, and with the
#: light theme's: a step whose ``background`` is a colour or gradient gets the one
#: that reads on it (:func:`sphinx_impress.core.colours.text_colours`); an author gives
#: one to a step with a picture behind it.
DARK_STEP_CLASS = DARK
LIGHT_STEP_CLASS = LIGHT


def look_classes(
    options: StepOptions, deck: ImpressConfig, given: set[str] | None = None
) -> list[str]:
    """The classes that say how a step's content is shown: :data:`OVERVIEW_CLASS` for
    an overview step (which has no content of its own); else the colours that read on
    its ``background`` (:data:`DARK_STEP_CLASS` or :data:`LIGHT_STEP_CLASS`, unless the
    author gave one, in ``given`` or the step's classes), :data:`FIT_CLASS` or
    :data:`NO_FIT_CLASS` when the step's ``fit`` option says otherwise than the deck's
    ``impress_fit`` (which the root element carries,
    :data:`~sphinx_impress.extension.nodes.FIT_ATTRIBUTE`), and :data:`CENTER_CLASS`
    when the step's ``center`` option, or else the deck's ``impress_center``, says
    so. A step that does as the deck says gets no class."""
    if options.overview:
        return [OVERVIEW_CLASS]
    classes = []
    colours = background_text(options, given or set())
    if colours.css_class:
        classes.append(colours.css_class)
    if options.fit is not None and options.fit != deck.fit:
        classes.append(FIT_CLASS if options.fit else NO_FIT_CLASS)
    if deck.center if options.center is None else options.center:
        classes.append(CENTER_CLASS)
    return classes


def background_text(options: StepOptions, given: set[str]) -> TextColours:
    """The colour set for the text on a step's ``background`` and any problem with it
    (:func:`sphinx_impress.core.colours.text_colours`)."""
    background = options.background
    if background is None or options.overview:
        return TextColours()
    return text_colours(background.css, background.image, given | set(options.classes))


def _sets_layout(element: nodes.Element) -> bool:
    """Whether ``element`` is a slide whose step sets the layout of the steps inside."""
    info = element.get("impress_step")
    return info is not None and info.options.layout is not None


def detach(elements: list[nodes.Element]) -> None:
    """Take ``elements`` out of their parents, keeping the order of what stays.

    One pass over each parent's children: removing a thousand subsections one by one
    from their section would scan its children a thousand times.
    """
    leaving = {id(element) for element in elements}
    parents = {id(e.parent): e.parent for e in elements if e.parent is not None}
    for parent in parents.values():
        parent.children[:] = [child for child in parent.children if id(child) not in leaving]
    for element in elements:
        element.parent = None


def _place_trailing(root: impress_root, trailing: list[nodes.Node]) -> None:
    """Put what follows the last slide at document level into steps: each footnote or
    citation into the step that first refers to it (myst-parser collects footnotes at
    the end of the document), everything else into the last step."""
    step_of: dict[str, nodes.Element] = {}
    steps = steps_of(root)
    if any(isinstance(node, nodes.footnote | nodes.citation) for node in trailing):
        for step_element in steps:
            for reference in step_element.findall(nodes.Element):
                if isinstance(reference, nodes.footnote_reference | nodes.citation_reference):
                    step_of.setdefault(reference.get("refid", ""), step_element)
    separator = None
    for node in trailing:
        if isinstance(node, nodes.transition) and "footnotes" in node["classes"]:
            separator = node
            continue
        target = steps[-1]
        if isinstance(node, nodes.footnote | nodes.citation):
            target = next((step_of[i] for i in node["ids"] if i in step_of), steps[-1])
            if separator is not None and not any(
                isinstance(child, nodes.transition) for child in target.children
            ):
                target.append(separator.deepcopy())
        target.append(node)


def _point_links_at_steps(root: impress_root) -> None:
    """Make links to an anchor inside a step (a label, a section's other id) point at
    the step itself, which is what impress.js can navigate to; warn
    (``impress.reference``) about an in-page link (``#id`` or impress.js's ``#/id``)
    to an id that nothing in the page has."""
    step_of_id = anchors_of_steps(root)
    for reference in list(root.findall(nodes.reference)):
        refid = reference.get("refid")
        if refid in step_of_id:
            reference["refid"] = step_of_id[refid]
        refuri = reference.get("refuri", "")
        if not refuri.startswith("#") or refuri in ("#", "#/"):
            continue
        anchor = refuri[2:] if refuri.startswith("#/") else refuri[1:]
        if anchor in step_of_id:
            reference["refuri"] = "#" + step_of_id[anchor]
        else:
            warn(
                f"the link to {refuri!r} leads nowhere: no step or anchor of this "
                "presentation has that id",
                ImpressWarnings.REFERENCE,
                reference,
            )


def setup_presentation(app: Sphinx) -> None:
    """Register the presentation post-transform."""
    app.add_post_transform(BuildPresentation)
