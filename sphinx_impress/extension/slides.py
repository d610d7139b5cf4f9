"""Find a document's slides and give each its step options and a unique step id,
while the document is read (for every builder)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from .._compat import builder_name
from ..core.options import StepInfo, StepOptions, check_id, is_page_id
from .config import ImpressConfig, read_front_matter
from .domain import impress_domain
from .nodes import enclosing, step, step_background, title_text
from .notes import notes
from .parsed_text import parsed_text, setup_parsed_text
from .separators import slide_break, split_at_separators
from .warnings import ImpressWarnings, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

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


def _markers(document: nodes.document) -> list[step]:
    """The ``step`` directives without content of a document, in order."""
    return [node for node in document.findall(step) if not node["has_content"]]


def is_visible(node: nodes.Node) -> bool:
    """Whether ``node`` shows anything on a slide: neither one of :data:`INVISIBLE`
    nor a ``step`` directive without content (which only sets its slide's options)."""
    return not isinstance(node, INVISIBLE) and not _is_marker(node)


def _makes_no_slide(node: nodes.Node) -> bool:
    """A separator (reST ``----``, MyST ``---``), a slide boundary or speaker notes:
    content made only of these shows nothing on a slide of its own."""
    return isinstance(node, nodes.transition | slide_break | notes)


def _subsections(node: nodes.Element) -> list[nodes.section]:
    return [child for child in node.children if isinstance(child, nodes.section)]


#: The heading levels that are slides: ``#``, ``##`` and ``###`` in MyST, the first
#: three underline styles in reST. Deeper headings stay inside their slide.
SLIDE_LEVELS = 3

#: The section attribute that holds its heading level (:func:`assign_levels`).
LEVEL_ATTRIBUTE = "impress_level"


def outline_level(section: nodes.Element) -> int:
    """The level of ``section`` in its document's outline: 1 for a top-level section,
    2 for one of its subsections, and so on."""
    level, parent = 0, section
    while parent is not None:
        if isinstance(parent, nodes.section):
            level += 1
        parent = parent.parent
    return level


def is_slide_section(node: nodes.Element) -> bool:
    """Whether a section is a slide: its heading is of level 1 to :data:`SLIDE_LEVELS`
    (:func:`assign_levels`; the outline level where none was assigned), or a separator
    made it a slide of its own; never one inside a ``step`` with content (that step
    is the slide)."""
    if not isinstance(node, nodes.section) or enclosing(node, step) is not None:
        return False
    level = node.get(LEVEL_ATTRIBUTE) or outline_level(node)
    return level <= SLIDE_LEVELS or bool(node.get("impress_boundary"))


def find_slides(document: nodes.document) -> list[nodes.Element]:
    """The nodes that become steps, in presentation (document) order.

    One rule, whatever the number of top-level headings: every section whose heading
    is of level 1 to :data:`SLIDE_LEVELS` is a slide (:func:`is_slide_section`; a
    section holds what comes before its first subsection), and so is a deeper section
    that a separator made a slide (:mod:`sphinx_impress.extension.separators`).
    Content before the first section or step with content is wrapped into a ``step``
    of its own, unless it is only separators (transitions) and speaker notes, which
    then belong to the first slide (if any). Every ``step`` with content is a slide
    too.
    """
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
    lead = [child for child in document.children[:first] if is_visible(child)]
    if all(_makes_no_slide(child) for child in lead):
        lead = []
    if lead:
        wrapper = step(has_content=True, impress_options=StepOptions(), automatic=True)
        wrapper.source, wrapper.line = lead[0].source, lead[0].line
        document.insert(document.index(lead[0]), wrapper)
        for child in lead:
            document.remove(child)
            wrapper.append(child)
    return [
        node
        for node in document.findall(nodes.Element)
        if is_slide_section(node) or (isinstance(node, step) and node["has_content"])
    ]


#: The event emitted for each document while it is read, before its slides are
#: found: ``(app, document, in_deck)``, where ``in_deck`` says whether it is read
#: with the rules of a deck (:func:`reads_as_deck`). A handler may put transitions
#: (slide boundaries in a deck), ``step`` directives without content (the options of
#: the slide they stand in), ``notes`` and ``substep`` nodes into the document.
READ_EVENT = "impress-read-document"

#: The document attribute that holds a deck's front matter ``title``.
TITLE_ATTRIBUTE = "impress_title"


def reads_as_deck(env: BuildEnvironment, docname: str, said: bool | None) -> bool:
    """Whether a document is read with the rules of a deck (separators are slide
    boundaries, and so on): it is built with ``-b impress``, or it is a deck
    (:meth:`~sphinx_impress.extension.domain.ImpressDomain.is_deck`: ``said`` is what
    it says itself, front matter ``impress_deck`` or the ``step`` directive, else a
    pattern of ``impress_decks`` decides)."""
    if builder_name(env) == "impress":
        return True
    if said is not None:
        return said
    return impress_domain(env).matches_decks_pattern(docname)


def _filetype(env: BuildEnvironment, docname: str) -> str:
    """The file type Sphinx reads the document as (``markdown``,
    ``restructuredtext``, ``hovercraft``...), from its suffix."""
    path = str(env.doc2path(docname))
    for suffix, filetype in env.config.source_suffix.items():
        if path.endswith(suffix):
            return str(filetype)
    return ""


#: A MyST ATX heading line (CommonMark 4.2) and a setext underline (4.3).
_ATX = re.compile(r" {0,3}(#{1,6})(?:[ \t]|$)")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*$")


def _written_level(lines: list[str], line: int) -> tuple[int, int | None] | None:
    """The level a MyST heading starting on ``line`` (1-based) is written at (the
    number of ``#``, or 1 and 2 for ``===`` and ``---`` underlines), and the line of
    its underline when that is three or more ``-`` (which also looks like a
    separator); ``None`` when the line is not a heading's."""
    if not 0 < line <= len(lines):
        return None
    match = _ATX.match(lines[line - 1])
    if match:
        return len(match[1]), None
    for number, text in enumerate(lines[line:], start=line + 1):
        if not text.strip():
            return None
        underline = _SETEXT.match(text)
        if underline:
            mark = underline[1]
            dashes = mark[0] == "-" and len(mark) >= 3
            return (1 if mark[0] == "=" else 2), (number if dashes else None)
    return None


def assign_levels(document: nodes.document, filetype: str, docname: str, deck: bool) -> None:
    """Give every section of a MyST or reST document its heading level
    (:data:`LEVEL_ATTRIBUTE`), which decides whether it is a slide
    (:func:`is_slide_section`), and in a deck (``deck``) warn where the deck reads a
    heading differently from how it looks.

    In MyST the level is the number of ``#`` (1 and 2 for ``===`` and ``---``
    underlines), read from the source, else one more than the enclosing section's. In
    reST it is the section's level in the outline (the order in which underline styles
    first appear); a document with several top-level sections has no title, and its
    top-level sections count as level 2, as every ``##`` of a MyST deck without a ``#``.

    Warnings: ``impress.heading`` for a MyST heading after a skipped level (``##``
    then ``####``: myst-parser nests it directly, and it is a slide or not by its own
    level) and for a reST section of the third outline level in a deck without a title
    (it stays inside its slide); ``impress.separator`` for a MyST heading underlined with
    ``---`` (a setext heading, CommonMark 4.3: no separator).
    """
    sections = [
        section for section in document.findall(nodes.section) if enclosing(section, step) is None
    ]
    if filetype == "markdown":
        _assign_written_levels(document, sections, docname, deck)
        return
    untitled = len([child for child in document.children if isinstance(child, nodes.section)]) > 1
    for section in sections:
        section[LEVEL_ATTRIBUTE] = outline_level(section) + (1 if untitled else 0)
        if deck and untitled and outline_level(section) == SLIDE_LEVELS:
            warn(
                "this deck has more than one top-level section and so no title: its "
                "top-level sections count as level 2 (like ## in MyST), and this "
                f"section, of the third level of the outline, as level {SLIDE_LEVELS + 1}: "
                "it stays inside its slide as a heading (give the deck one title above "
                "all sections to make it a slide)",
                ImpressWarnings.HEADING,
                section,
            )


def _assign_written_levels(
    document: nodes.document, sections: list[nodes.section], docname: str, deck: bool
) -> None:
    env = document.settings.env
    sources: dict[str, list[str] | None] = {}
    for section in sections:
        source = section.source or document.get("source")
        if source not in sources:
            text = parsed_text(env, source)
            sources[source] = text.splitlines() if text is not None else None
        lines = sources[source]
        found = _written_level(lines, section.line or 0) if lines else None
        parent = enclosing(section, nodes.section)
        parent_level = parent.get(LEVEL_ATTRIBUTE, 0) if parent is not None else 0
        if found is None:
            section[LEVEL_ATTRIBUTE] = parent_level + 1
            continue
        level, underline = found
        section[LEVEL_ATTRIBUTE] = level
        where = section if section.line else docname
        if deck and underline:
            warn(
                "this line of --- underlines the text above it as a heading (a setext "
                "heading, as CommonMark reads it), so it separates no slides; put an "
                "empty line above it to make it a separator",
                ImpressWarnings.SEPARATOR,
                (docname, underline) if source == document.get("source") else where,
            )
        if deck and parent is not None and level > parent_level + 1:
            title = title_text(parent)
            reading = (
                f"a slide (level {level}), after the slide {title!r}"
                if level <= SLIDE_LEVELS
                else f"a heading inside the slide that holds {title!r}, not a slide "
                f"(slides are levels 1 to {SLIDE_LEVELS})"
            )
            warn(
                f"this heading of level {level} ({'#' * level}) comes right under one "
                f"of level {parent_level} ({title!r}), a level is skipped; it is {reading}",
                ImpressWarnings.HEADING,
                where,
            )


def _take_step_class_off(document: nodes.document) -> None:
    """Remove the class ``step`` from every element of a deck (``:class: step`` on
    an admonition): impress.js would take the element for a step inside a step."""
    for node in document.findall(nodes.Element):
        if "step" in node.get("classes", ()):
            node["classes"] = [name for name in node["classes"] if name != "step"]
            warn(
                "the class 'step' belongs to impress.js, which would take this "
                "element for a step inside a step; left out (to make a slide, use "
                "the step directive)",
                ImpressWarnings.VALUE,
                node,
            )


def note_title(app: Sphinx, doctree: nodes.document) -> None:
    """Make a deck's front matter ``title`` its title in a toctree too (its
    ``<title>`` follows from the document's ``title``, as Sphinx's title collector
    reads it). Runs after that collector (``doctree-read``, priority 600)."""
    title = doctree.get(TITLE_ATTRIBUTE)
    if title:
        give_title(app.env, app.env.docname, title)


def give_title(env: BuildEnvironment, docname: str, title: str, long: bool = True) -> None:
    """Make ``title`` the title of ``docname`` for Sphinx: in ``<title>``, in the
    links to it and as its entry in a toctree, which names a document by the first
    entry of its table of contents (the document's own, no anchor): that entry says
    ``title``, and a document whose table of contents is empty (its headings are all
    inside steps, as a converted deck's are) gets one. ``long``: the long title too.
    For ``doctree-read`` handlers after Sphinx's collectors (priority 500)."""
    env.titles[docname] = nodes.title("", title)
    if long:
        env.longtitles[docname] = nodes.title("", title)
    toc = env.tocs.get(docname)
    if toc is not None and toc.children:
        for reference in toc.findall(nodes.reference):
            if not reference.get("anchorname"):
                reference.children[:] = [nodes.Text(title)]
                break
        return
    reference = nodes.reference(
        "", "", nodes.Text(title), internal=True, refuri=docname, anchorname=""
    )
    env.tocs[docname] = nodes.bullet_list(
        "", nodes.list_item("", addnodes.compact_paragraph("", "", reference))
    )


def _front_matter(
    document: nodes.document, docname: str
) -> list[tuple[str, str, tuple[str, int]]]:
    """``(key, value, (docname, line))`` for each field of the document's front
    matter: the docinfo of a reST file-wide field list, or the field list myst-parser
    makes of YAML front matter, whose fields carry no line: each is found in the YAML
    as Sphinx parsed it (the line of ``key:``), else the front matter's first line."""
    for child in document.children:
        if isinstance(child, nodes.docinfo | nodes.field_list):
            lines = _yaml_key_lines(document)
            return [
                (key, field[1].astext(), (docname, field.line or lines.get(key, 1)))
                for field in child.findall(nodes.field)
                if field.parent is child and (key := field[0].astext())
            ]
        if is_visible(child):
            break
    return []


#: A top-level key of YAML front matter: ``key:`` at the start of a line.
_YAML_KEY = re.compile(r"^([^\s#:][^:]*?)\s*:(?:\s|$)")


def _yaml_key_lines(document: nodes.document) -> dict[str, int]:
    """The line of each top-level key of the YAML front matter (``---`` to ``---`` at
    the top) of the text Sphinx parsed for ``document``, by key."""
    text = parsed_text(document.settings.env, document.get("source")) or ""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}
    found: dict[str, int] = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            break
        match = _YAML_KEY.match(line)
        if match:
            found.setdefault(match[1].strip().strip("'\""), number)
    return found


#: Attribute of a section that holds its title as written in the source, before
#: Sphinx's ``Locale`` transform translates it.
SOURCE_TITLE = "impress_source_title"


class KeepSourceTitles(SphinxTransform):
    """Keep each section's title as written in the source (:data:`SOURCE_TITLE`)
    before Sphinx translates it (``Locale``, priority 20, with ``language`` and
    ``locale_dirs``), so that a translated deck has the step ids of the source: its
    links, ``#/id`` addresses and ``rel-to``/``goto`` options stay good."""

    default_priority = 15

    def apply(self, **kwargs: Any) -> None:
        """Record the titles."""
        for section in self.document.findall(nodes.section):
            if section.children and isinstance(section[0], nodes.title):
                section[SOURCE_TITLE] = section[0].astext()


class CollectSteps(SphinxTransform):
    """Give every slide of a document its step options and a unique step id.

    Runs before myst-parser's ``ResolveAnchorIds`` (879) and Sphinx's label collection,
    so that ``[see](#containers1)`` finds the author's id, and before docutils checks
    transitions (830). It gives each section its heading level (:func:`assign_levels`).
    In a MyST or reST deck (:func:`reads_as_deck`) it reads separators as slide
    boundaries (:func:`~sphinx_impress.extension.separators.split_at_separators`),
    makes the front matter's ``title`` the page title and takes the class ``step`` off
    elements that are no slides. Each ``step``
    directive without content is merged into its slide (the nearest enclosing slide;
    at the top of the document, the first slide) and removed. Afterwards each
    slide holds ``impress_step``, a :class:`~sphinx_impress.core.options.StepInfo`
    whose line is that of its step directive (else of the slide), for warnings written
    later. What the front matter says about the deck goes to the
    :class:`~sphinx_impress.extension.domain.ImpressDomain`.

    Warnings: ``impress.step`` (two directives for one slide), ``impress.duplicate_id``
    (an id taken, or one the presentation page uses itself), ``impress.heading``,
    ``impress.separator``, ``impress.value`` (the class ``step`` on an element).
    """

    default_priority = 400

    def apply(self, **kwargs: Any) -> None:
        """Check the front matter's deck settings, collect the slides and set their
        options and ids."""
        docname = self.env.docname
        fields = _front_matter(self.document, docname)
        front_matter = read_front_matter(fields, ImpressConfig.from_sphinx(self.env.config))
        deck = front_matter.deck
        if deck is None and any(self.document.findall(step)):
            deck = True  # a document that uses the step directive is a deck
        domain = impress_domain(self.env)
        key_lines = {key: where[1] for key, _, where in fields}
        domain.note_document(docname, deck, front_matter.overrides, key_lines)
        in_deck = reads_as_deck(self.env, docname, deck)
        domain.note_reading(docname, in_deck)
        filetype = _filetype(self.env, docname)
        # extensions (sphinx_impress.importers.revealjs) turn their own markup into
        # slide boundaries, notes and step options here, before those are read
        self.env.events.emit(READ_EVENT, self.document, in_deck)
        if filetype in ("markdown", "restructuredtext"):
            assign_levels(self.document, filetype, docname, in_deck)
        if in_deck and filetype in ("markdown", "restructuredtext"):
            split_at_separators(self.document, is_slide_section, is_visible)
            _take_step_class_off(self.document)
            title = next((value for key, value, _ in fields if key == "title"), "")
            if title.strip():
                # the page's <title> (Sphinx's longtitle); the toctree entry follows
                # in note_title
                self.document["title"] = self.document[TITLE_ATTRIBUTE] = title.strip()
        slides = find_slides(self.document)
        if not slides:
            for marker in _markers(self.document):
                warn(
                    "this step directive has no slide to set: the document has no "
                    "title, section or other content",
                    ImpressWarnings.EMPTY,
                    marker,
                )
                marker.parent.remove(marker)
            return
        options, lines = self._merge_markers(slides)
        used: set[str] = set()
        for number, slide in enumerate(slides, start=1):
            if (
                isinstance(slide, nodes.section)
                and slide.children
                and isinstance(slide[0], nodes.title)
                and not slide[0].astext().strip()
            ):
                warn(
                    "this heading has no text: its slide is built without a title",
                    ImpressWarnings.EMPTY,
                    slide,
                )
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
        if in_deck:
            self._free_page_ids(used)

    def _merge_markers(
        self, slides: list[nodes.Element]
    ) -> tuple[dict[int, StepOptions], dict[int, int | None]]:
        """Each slide's options (by ``id()`` of the slide) and the line of the step
        directive that set them: a ``step`` with content's own, then those of each
        ``step`` without content inside it (or, above the first slide, before it)."""
        options: dict[int, StepOptions] = {}
        lines: dict[int, int | None] = {}
        set_by_directive: set[int] = set()
        for slide in slides:
            if isinstance(slide, step):
                options[id(slide)] = slide["impress_options"]
                lines[id(slide)] = slide.line
                if slide["impress_options"] != StepOptions():
                    set_by_directive.add(id(slide))
        chosen = {id(slide) for slide in slides}
        for marker in _markers(self.document):
            slide = enclosing(marker, lambda node: id(node) in chosen) or slides[0]
            if id(slide) in set_by_directive:
                warn(
                    "more than one step directive sets this slide; the later one's "
                    "options win",
                    ImpressWarnings.STEP,
                    marker,
                )
            set_by_directive.add(id(slide))
            options[id(slide)] = options.get(id(slide), StepOptions()).merged(
                marker["impress_options"]
            )
            lines[id(slide)] = marker.line
            marker.parent.remove(marker)
        return options, lines

    def _free_page_ids(self, step_ids: set[str]) -> None:
        """Give every other id of a deck that the presentation page itself uses
        (:func:`~sphinx_impress.core.options.is_page_id`: a label ``(impress-help)=``,
        the id of a heading "Impress") another one, with a warning where the author
        chose it (a label or ``:name:``)."""
        for node in list(self.document.findall(nodes.Element)):
            ids: list[str] = node.get("ids", [])
            for old in [i for i in ids if is_page_id(i)]:
                new, suffix = old, 1
                while new in self.document.ids or new in step_ids:
                    suffix += 1
                    new = f"{old}-{suffix}"
                node["ids"][node["ids"].index(old)] = new
                del self.document.ids[old]
                self.document.ids[new] = node
                explicit = False
                for name, labelid in list(self.document.nameids.items()):
                    if labelid == old:
                        self.document.nameids[name] = new
                        explicit = explicit or bool(self.document.nametypes.get(name))
                for reference in self.document.findall(nodes.Element):
                    if reference.get("refid") == old:
                        reference["refid"] = new
                if explicit:
                    warn(
                        f"the id {old!r} is one the presentation page uses itself; "
                        f"it is {new!r} here",
                        ImpressWarnings.DUPLICATE_ID,
                        node,
                    )

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
        title = ""
        if isinstance(slide, nodes.section):
            # the title as written, not as translated: every language has the same ids
            title = slide.get(SOURCE_TITLE) or title_text(slide)
        base = nodes.make_id(title) or f"step-{number}"
        if check_id(base):
            base = f"step-{number}"
        candidate, suffix = base, 1
        while not self._available(candidate, slide, used, author=False):
            suffix += 1
            candidate = f"{base}-{suffix}"
        if wanted:
            why = (
                "is one the presentation page uses itself"
                if is_page_id(wanted)
                else "is already used in this document"
            )
            warn(
                f"step id {wanted!r} {why}; this step gets the id {candidate!r} (from "
                "its title, else its place)",
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
        if step_id in used or is_page_id(step_id):
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
                # docutils keeps None for a name whose target has no id
                self.document.nameids[name] = owner["ids"][0] if owner["ids"] else None  # type: ignore[assignment]

    def _claim(self, slide: nodes.Element, step_id: str) -> str:
        # appended, so that a docs page keeps its anchors as they were; a presentation
        # puts the step id first (sphinx_impress.extension.presentation)
        if step_id not in slide["ids"]:
            slide["ids"].append(step_id)
        self.document.ids[step_id] = slide
        return step_id


def setup_transforms(app: Sphinx) -> None:
    """Register the read-time transforms, their event and the deck title's handler."""
    app.add_transform(KeepSourceTitles)
    app.add_event(READ_EVENT)
    app.add_transform(CollectSteps)
    app.connect("doctree-read", note_title, priority=600)
    setup_parsed_text(app)
