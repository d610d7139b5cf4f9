"""The reader of hovercraft decks: it understands a deck once, from its docutils tree
(as parsed, before docutils' transforms) and its source lines, and returns a
:class:`HovercraftDeck`, the deck model with what a hovercraft deck says before its
first slide.

The format (hovercraft's docs/presentations.rst, "Hovercraft! specialities"): a
reStructuredText file whose transitions (``----``) separate the slides; the first
slide starts at the first transition or heading, and what comes before it belongs to
the deck: its fields (``:title:``, ``:data-transition-duration:``, ``:css:``...) are
deck settings and its text is not shown. A field list at the top of a slide sets the
slide's step attributes (``:data-x:``, ``:id:``, ``:class:``, ``:hovercraft-path:``);
``.. note::`` is a speaker note.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from docutils.transforms.misc import ClassAttribute

from ...core.problems import Problem
from ...core.values import parse_flag
from ...errors import InvalidValue
from ...extension.config import PREFIX, ROOT_ATTRIBUTES
from ...extension.nodes import HEADING_LEVEL
from ..cutting import (
    Slide,
    SlideCutter,
    absolute_options,
    first_visible,
    window_settings,
)
from ..model import DeckModel, Field, Heading, SlideModel
from ..rst import definition_lines, title_start
from .positions import POSITION_FIELDS, hovercraft_positions

#: Other slide fields hovercraft reads (``data-rotate`` is ``data-rotate-z``).
SLIDE_FIELDS = ("data-rotate", "hovercraft-path", "id", "class")

#: Deck fields and the ``impress_*`` front matter setting each becomes.
#: (hovercraft's root element has no ``data-autoplay`` field)
DECK_SETTINGS: Mapping[str, str] = {
    attribute: PREFIX + name
    for attribute, name in ROOT_ATTRIBUTES.items()
    if attribute != "data-autoplay"
}

#: Deck fields of hovercraft's own page that a sphinx-impress deck has no use for.
DECK_IGNORED: tuple[str, ...] = ()


def deck_setting(name: str, value: str) -> tuple[str, str] | None:
    """The ``impress_*`` front matter setting (name, value) that the hovercraft deck
    field ``name`` becomes, or ``None`` for a field that is no setting: the fields of
    :data:`DECK_SETTINGS` keep their value, ``:skip-help: true`` (hovercraft's way to
    leave out the key help) becomes ``impress_help: false`` and ``:slide-numbers:``
    becomes ``impress_slide_numbers``. A value that is not yes
    or no is passed on as it is, for the setting's own warning."""
    if name in DECK_SETTINGS:
        return DECK_SETTINGS[name], value
    if name == "skip-help":
        try:
            return "impress_help", "false" if parse_flag(value) else "true"
        except InvalidValue:
            return "impress_help", value
    if name == "slide-numbers":
        return "impress_slide_numbers", value
    return None

#: Deck fields kept as the document's metadata (Sphinx's ``env.metadata``), as the
#: docinfo of any reStructuredText document (``orphan`` and ``tocdepth`` are Sphinx's).
DECK_METADATA = ("author", "description", "keywords", "orphan", "tocdepth")

#: Deck fields hovercraft knows that are not carried over, and what to do instead.
DECK_UNSUPPORTED: Mapping[str, str] = {
    "auto-console": "open the presenter console with the P key",
}

#: hovercraft's deck fields that name the deck's own style sheets and scripts, listed
#: in ``impress_deck_css_files`` and ``impress_deck_js_files``: ``css`` (for every
#: medium; hovercraft wrote screen and projection, which would leave a printed deck
#: without it), ``css-<media>``, ``js-header`` (run before impress.js), ``js-body``
#: (after it). Each may name several files, and may be given more than once.
DECK_FILE_FIELDS = ("css", "js-header", "js-body")


#: An address on the network (a scheme and ``//``, or ``//`` alone), not a file.
_REMOTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//")


def _deck_file_entries(name: str, value: str) -> tuple[str, list[str]] | None:
    """The deck setting and its entries for a style or script field, else ``None``:
    ``:css-print: a.css b.css`` gives ``impress_deck_css_files`` with ``a.css print``
    and ``b.css print``."""
    files = value.split()
    if name == "css":
        return "impress_deck_css_files", files
    if name.startswith("css-") and len(name) > 4:
        return "impress_deck_css_files", [f"{path} {name[4:]}" for path in files]
    if name in ("js-header", "js-body"):
        where = "head" if name == "js-header" else "body"
        return "impress_deck_js_files", [f"{path} {where}" for path in files]
    return None


def _deck_field_carried(name: str, value: str) -> bool:
    """Whether a deck field becomes front matter (or is hovercraft's own, ignored)."""
    carried = name == "title" or bool(deck_setting(name, value))
    carried = carried or _deck_file_entries(name, value) is not None
    return carried or name in DECK_METADATA or name in DECK_IGNORED


def slide_field_known(name: str) -> bool:
    """Whether hovercraft reads the slide field ``name`` (an unknown one is kept as a
    comment by ``convert``)."""
    return name in POSITION_FIELDS or name in SLIDE_FIELDS or name.startswith("data-")


#: The deck fields a reader knows, for the message about an unknown one.
_KNOWN_DECK_FIELDS = ("title", *DECK_SETTINGS, "skip-help", "slide-numbers", *DECK_METADATA)


@dataclass
class Decoration:
    """A ``header`` or ``footer`` directive before the first slide, whose content
    hovercraft showed on every slide: ``kind`` (``header`` or ``footer``), its first
    line and its lines as written."""

    kind: str
    line: int
    lines: list[str]


@dataclass
class HovercraftDeck(DeckModel):
    """The deck model of a hovercraft deck, with what comes before its first slide,
    which is the whole deck's: ``unused_fields``, the deck fields that are not carried
    over (unknown or unsupported), as written; ``prelude_text``, the text hovercraft
    does not show, by line (``""`` between paragraphs); ``definitions``, the reST lines
    that define roles, substitutions and hyperlink targets for every slide; and
    ``decorations``."""

    unused_fields: list[Field] = field(default_factory=list)
    prelude_text: list[tuple[int, str]] = field(default_factory=list)
    definitions: list[str] = field(default_factory=list)
    decorations: list[Decoration] = field(default_factory=list)


def _read_fields(
    field_list: nodes.field_list, repeatable: Sequence[str] = ()
) -> tuple[list[Field], list[Problem]]:
    """The fields of ``field_list``, in order; a field given again has its values
    joined with a space into the first, as hovercraft 2.7 joined them (``:id: a`` and
    ``:id: b`` give the id ``a b``; two ``:class:`` fields give both classes), with a
    problem at the repeat. A field of ``repeatable`` (or whose name starts with one of
    them and ``-``) is meant to be given again: each is kept, with its own line."""
    found: dict[str, Field] = {}
    repeated: list[Field] = []
    problems = []
    for item in field_list.findall(nodes.field):
        if item.parent is not field_list:
            continue
        name = item[0].astext().strip().lower()
        value = item[1].astext().strip() if len(item) > 1 else ""
        line = item.line or field_list.line or 1
        if name in repeatable or name.split("-")[0] in repeatable:
            repeated.append(Field(name, value, line))
            continue
        if name in found:
            first = found[name]
            found[name] = Field(name, f"{first.value} {value}".strip(), first.line)
            problems.append(Problem(
                "field",
                f"the field {name!r} is given more than once in this field list; as "
                f"hovercraft did, the values are joined: {found[name].value!r}",
                line=line,
            ))
            continue
        found[name] = Field(name, value, line)
    return sorted([*found.values(), *repeated], key=lambda item: item.line), problems


def _promote_title(document: nodes.document) -> None:
    """docutils' own rule (``DocTitle``), which hovercraft keeps: a document that is
    a single section has that section's title as its title, not as a slide."""
    index = document.first_child_not_matching_class(nodes.PreBibliographic)  # type: ignore[arg-type]
    if index is None or len(document) != index + 1:
        return
    section = document[index]
    if not isinstance(section, nodes.section) or not isinstance(section[0], nodes.title):
        return
    if "title" not in document:
        document["title"] = section[0].astext()
    document.remove(section)
    document.extend(section.children[1:])


def _apply_class_directives(document: nodes.document) -> None:
    """Give the classes of docutils' ``class`` directive to the elements they are for
    now, before the document is cut into slides, as hovercraft had docutils do before
    it made slides: a ``class`` directive at the end of a slide then names the element
    after it in the document, not the next slide. (The directive with content has
    set its classes on the content already.)"""
    waiting = [
        node for node in document.findall(nodes.pending) if node.transform is ClassAttribute
    ]
    if not waiting:
        return
    for node in waiting:
        ClassAttribute(document, startnode=node).apply()
    # the transformer would apply them again, to nodes no longer in the tree
    transformer = document.transformer
    transformer.transforms = [
        entry for entry in transformer.transforms
        if not any(entry[2] is node for node in waiting)
    ]


def _mark_heading_levels(document: nodes.document) -> None:
    """Give every section its level in the whole deck (:data:`HEADING_LEVEL`): docutils
    nests sections by the order in which the underline styles first appear, so the
    first style is level 1 (``h1``) on every slide, the second level 2, and so on (a
    title promoted to the deck's own is on no slide)."""
    def mark(element: nodes.Element, depth: int) -> None:
        for child in element.children:
            if isinstance(child, nodes.section):
                child[HEADING_LEVEL] = min(depth + 1, 6)
                mark(child, depth + 1)
            elif isinstance(child, nodes.Element):
                mark(child, depth)

    mark(document, 0)



class HovercraftReader:
    """Understand a hovercraft deck from its docutils tree (as parsed, before docutils'
    transforms) and its source lines.

    :meth:`read` cuts the tree into slides (moving its nodes into one ``step`` node per
    slide, :attr:`cutter`, for the source parser) and returns the
    :class:`HovercraftDeck`: the deck's front matter from its fields, each slide's body
    lines, fields and step options (every axis placed by hovercraft's rules,
    :func:`~sphinx_impress.importers.hovercraft.positions.hovercraft_positions`), the
    headings and the lines of field lists, what comes before the first slide, and
    every problem with its line.
    """

    def __init__(self, document: nodes.document, lines: Sequence[str]) -> None:
        self.document = document
        self.lines = lines
        self.cutter = SlideCutter(lambda node: True, "section")
        self.model = HovercraftDeck()

    def problem(self, kind: str, message: str, line: int | None, index: int | None = None) -> None:
        """Record a problem; one about a slide without a line of its own points at the
        line the slide starts on."""
        if line is None and index is not None:
            line = self.cutter.slides[index].node.line
        self.model.problems.append(Problem(kind, message, index, line))

    def read(self) -> HovercraftDeck:
        """Cut the document into slides and read the deck (see the class)."""
        _apply_class_directives(self.document)
        _promote_title(self.document)
        _mark_heading_levels(self.document)
        if self.document.get("title"):
            self.model.front_matter["title"] = self.document["title"]
        children = list(self.document.children)
        self.document.clear()
        self.cutter.cut(children, self.document.get("source", ""))
        for node in self.cutter.prelude:
            if isinstance(node, nodes.field_list):
                self._deck_fields(node)
        # hovercraft's page set no size: the deck's slides (and its own style, if it
        # has one) were made for impress.js's own 1024 x 768 px window
        window_settings(self.model.front_matter)
        self.model.decorations = _decorations(self.cutter.prelude, self.lines)
        for decoration in self.model.decorations:
            self.problem(
                "field",
                f"hovercraft's {decoration.kind} (shown on every slide) is not carried "
                "over; its content is kept as a comment",
                decoration.line,
            )
        if not any(cut.opener is not None for cut in self.cutter.slides):
            self.problem(
                "separator",
                "this hovercraft deck has no transition (a line of ----) between slides",
                1,
            )
        for index, cut in enumerate(self.cutter.slides):
            self.model.slides.append(self._slide(index, cut))
            self._headings(cut)
        self._place()
        self._prelude()
        return self.model

    def _deck_fields(self, field_list: nodes.field_list) -> None:
        """The deck's settings, title and metadata from a field list before the first
        slide; the fields not carried over are kept as written."""
        fields, problems = _read_fields(field_list, repeatable=DECK_FILE_FIELDS)
        self.model.problems.extend(problems)
        self._hide_field_list(fields)
        for item in fields:
            name, value = item.name, item.value
            if not _deck_field_carried(name, value):
                self.model.unused_fields.append(item)
            if name == "title":
                self.model.front_matter.setdefault("title", value)
                self.document.setdefault("title", value)
            elif deck_setting(name, value) or name in DECK_METADATA:
                key, text = deck_setting(name, value) or (name, value)
                self.model.front_matter[key] = text
            elif name in DECK_IGNORED:
                continue
            elif _deck_file_entries(name, value):
                self._deck_files(item)
            elif name in DECK_UNSUPPORTED:
                instead = DECK_UNSUPPORTED[name]
                self.problem(
                    "field", f"hovercraft deck field {name!r} is not carried over: {instead}",
                    item.line,
                )
            else:
                self.problem(
                    "field",
                    f"unknown hovercraft deck field {name!r} (known: "
                    f"{', '.join(_KNOWN_DECK_FIELDS)}); it is ignored",
                    item.line,
                )

    def _hide_field_list(self, fields: Sequence[Field]) -> None:
        """The lines of a field list, which no slide shows."""
        if fields:
            start = min(item.line for item in fields)
            self.model.hidden.update(range(start, _field_list_end(self.lines, fields) + 1))

    def _deck_files(self, item: Field) -> None:
        """The files of a style or script field (:data:`DECK_FILE_FIELDS`), added to
        the deck's setting; a local file that is not there is left out, with a
        problem at the field."""
        key, entries = _deck_file_entries(item.name, item.value) or ("", [])
        folder = Path(self.document.get("source") or ".").parent
        kept = []
        for entry in entries:
            path = entry.split(" ", 1)[0]
            if not _REMOTE.match(path) and not (folder / path).is_file():
                self.problem(
                    "field",
                    f"hovercraft deck field {item.name!r}: {path} does not exist; the "
                    "presentation does without it",
                    item.line,
                )
                continue
            kept.append(entry)
        if kept:
            self.model.front_matter.setdefault(key, []).extend(kept)

    def _slide(self, index: int, cut: Slide) -> SlideModel:
        """A slide's fields and the lines of its body.

        As in hovercraft 2.7 (its ``SlideMaker`` makes every field a slide sets an
        attribute of the element it stands in), a field list directly in the slide,
        at its top or after its text, sets the slide's step; one inside an element of
        the slide (a section under a heading, a list, a note) set that element's
        attribute, which nothing read, so it is reported and ignored. No field list is
        shown."""
        node = cut.node
        if cut.opener is not None and cut.opener.line:
            opens, start = cut.opener.line, cut.opener.line + 1
        else:
            opens = start = title_start(self.lines, node.line or 1)
        top = first_visible(node)
        body_start = start
        found: dict[str, Field] = {}
        for field_list in list(node.findall(nodes.field_list)):
            fields, problems = _read_fields(field_list)
            self._hide_field_list(fields)
            if field_list.parent is node:
                self.model.problems.extend(problems)
                self._join_fields(found, fields)
                if field_list is top:
                    body_start = _field_list_end(self.lines, fields) + 1
            else:
                self.problem(
                    "field",
                    "this field list is inside an element of the slide (a section under "
                    "a heading, a list, a note...), where hovercraft did not read it: it "
                    "does not set the step and is not shown; to set the step, put it "
                    "directly after the slide's ----",
                    min((f.line for f in fields), default=field_list.line),
                    index,
                )
            field_list.parent.remove(field_list)
        fields = list(found.values())
        for item in fields:
            if not slide_field_known(item.name):
                self.problem(
                    "field",
                    f"unknown hovercraft slide field {item.name!r} (known: "
                    f"{', '.join([*POSITION_FIELDS, *SLIDE_FIELDS])}, data-*); it is ignored",
                    item.line,
                )
        if first_visible(node) is None and not fields:
            self.problem(
                "separator",
                "this slide is empty: nothing between its transition and the next",
                node.line,
                index,
            )
        comments = [
            f"hovercraft field :{item.name}: {item.value}"
            for item in fields
            if not slide_field_known(item.name)
        ]
        return SlideModel(opens, (body_start, start), fields, comments=comments)

    def _join_fields(self, found: dict[str, Field], fields: Sequence[Field]) -> None:
        """Add a field list's fields to those the slide gave before: a field given
        again has its values joined with a space, as hovercraft joined them."""
        for item in fields:
            first = found.get(item.name)
            if first is None:
                found[item.name] = item
                continue
            found[item.name] = Field(item.name, f"{first.value} {item.value}".strip(), first.line)
            self.problem(
                "field",
                f"the field {item.name!r} is given again in this slide; as hovercraft "
                f"did, the values are joined: {found[item.name].value!r}",
                item.line,
            )

    def _headings(self, cut: Slide) -> None:
        """The slide's section titles, by the line of their text, each with its level
        in the deck (:data:`HEADING_LEVEL`)."""
        for title in cut.node.findall(nodes.title):
            line = (title.line or 0) - 1
            if isinstance(title.parent, nodes.section) and 0 < line <= len(self.lines):
                text = self.lines[line - 1].strip()
                self.model.headings[line] = Heading(
                    int(title.parent.get(HEADING_LEVEL, 1)), text, _plain_title(title, text)
                )

    def _place(self) -> None:
        """Every slide's step options, its axes placed by hovercraft's rules."""
        slides = self.model.slides
        for number, slide in enumerate(slides):
            following = slides[number + 1].line if number + 1 < len(slides) else None
            end = (following - 1) if following is not None else len(self.lines)
            slide.body = (slide.body[0], end)
        known = [
            [item for item in slide.fields if slide_field_known(item.name)] for slide in slides
        ]
        positions, problems = hovercraft_positions(
            [{item.name: item.value for item in fields} for fields in known],
            [{item.name: item.line for item in slide.fields} for slide in slides],
        )
        for problem in problems:
            self.problem(problem.kind, problem.message, problem.line, problem.index)
        for number, (slide, fields, axes) in enumerate(
            zip(slides, known, positions, strict=True), start=1
        ):
            options = {
                item.name: item.value
                for item in fields
                if item.name not in POSITION_FIELDS and item.name not in SLIDE_FIELDS[:2]
            }
            slide.options, option_problems = absolute_options(options, axes, number)
            for found in option_problems:
                self.problem(found.kind, found.message, None, number - 1)

    def _prelude(self) -> None:
        """What comes before the first slide, besides the deck's fields: the
        definitions every slide may use, and the text hovercraft does not show."""
        first = self.model.slides[0].line if self.model.slides else len(self.lines) + 1
        decorated = {
            number
            for decoration in self.model.decorations
            for number in range(decoration.line, decoration.line + len(decoration.lines))
        }
        # a decoration's lines read as blank lines, a field list's as no lines at all
        lines = ["" if number in decorated else text
                 for number, text in enumerate(self.lines, start=1)]
        definitions = definition_lines(lines, first, self.model.hidden)
        self.model.definitions = [lines[number - 1] for number in sorted(definitions)]
        shown: list[tuple[int, str]] = []
        for number in range(1, first):
            text = lines[number - 1]
            if number in self.model.hidden or number in definitions:
                continue
            if _TITLE_DIRECTIVE.match(text):
                continue
            if text.strip():
                shown.append((number, text))
            elif shown and shown[-1][1]:
                shown.append((number, ""))
        while shown and not shown[-1][1]:
            shown.pop()
        self.model.prelude_text = shown


#: A ``header`` or ``footer`` directive, whose content hovercraft shows on every slide.
_DECORATION = re.compile(r"^\.\.\s+(header|footer)::")


def _decorations(prelude: Sequence[nodes.Node], lines: Sequence[str]) -> list[Decoration]:
    """Each ``header`` and ``footer`` directive: the tree says where their content
    is; the directive opens at the nearest line above it that starts it, and takes
    the indented lines after it."""
    found = []
    for decoration in (node for node in prelude if isinstance(node, nodes.decoration)):
        for part in decoration.children:
            line = next((n.line for n in part.findall(nodes.Element) if n.line), None)
            start = min((line or 1) - 1, len(lines) - 1)
            while start > 0 and not _DECORATION.match(lines[start]):
                start -= 1
            end = start + 1
            while end < len(lines) and (not lines[end].strip() or lines[end][:1].isspace()):
                end += 1
            while end > start + 1 and not lines[end - 1].strip():
                end -= 1
            kind = _DECORATION.match(lines[start])
            name = kind[1] if kind else getattr(part, "tagname", "header")
            found.append(Decoration(name, start + 1, list(lines[start:end])))
    return sorted(found, key=lambda decoration: (decoration.line, decoration.lines))


#: A line that starts a field of a field list (reStructuredText, "Field Lists").
_FIELD_MARKER = re.compile(r"^:(?:[^:\\\s]|\\.)(?:[^:\\]|\\.)*:(?:\s|$)")


def _field_list_end(lines: Sequence[str], fields: Sequence[Field]) -> int:
    """The last line of a field list whose fields the tree gave: from the last
    field's line, its indented continuation lines and the fields after it on the next
    lines (a field given again, which the tree joined into the first)."""
    end = max((item.line for item in fields), default=0)
    while end < len(lines) and lines[end].strip() and (
        lines[end][:1].isspace() or _FIELD_MARKER.match(lines[end])
    ):
        end += 1
    return end


#: docutils' ``title`` directive, which sets the deck's title.
_TITLE_DIRECTIVE = re.compile(r"^\.\.\s+title::")

#: Characters that mean something in a MyST heading or in reST inline markup.
_MARKUP = frozenset("*_`[]<>|\\{}$~")


def _plain_title(title: nodes.title, text: str) -> bool:
    """Whether a section title is plain text, the same in a MyST heading: its source
    ``text`` is what it shows, with no character of :data:`_MARKUP`."""
    return title.astext() == text and not _MARKUP & set(text)


