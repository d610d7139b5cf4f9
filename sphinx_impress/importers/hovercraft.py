"""hovercraft decks, read as they are: a reader that understands a hovercraft deck
once (:class:`HovercraftReader`, docutils tree and source lines in, a
:class:`~sphinx_impress.importers.model.DeckModel` out), the Sphinx source parser of
the file type ``hovercraft`` (files ending in ``.hovercraft``, or any suffix mapped to
it in ``source_suffix``) and the MyST writing of ``sphinx-impress convert``, both built
on that model, and hovercraft's positioning rules.

The format (hovercraft's docs/presentations.rst, "Hovercraft! specialities"): a
reStructuredText file whose transitions (``----``) separate the slides; the first
slide starts at the first transition or heading, and what comes before it belongs to
the deck: its fields (``:title:``, ``:data-transition-duration:``, ``:css:``...) are
deck settings and its text is not shown. A field list at the top of a slide sets the
slide's step attributes (``:data-x:``, ``:id:``, ``:class:``, ``:hovercraft-path:``);
``.. note::`` is a speaker note.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.transforms.misc import ClassAttribute
from sphinx.parsers import RSTParser

from .._compat import clear_default_domain
from ..core.problems import Problem
from ..core.values import (
    AXES,
    DECIMAL,
    LIMIT,
    check_scale,
    format_number,
    parse_flag,
    parse_number,
)
from ..errors import InvalidValue
from ..extension.nodes import HEADING_LEVEL
from ..extension.notes import notes
from ..extension.slides import is_visible
from ..extension.warnings import ImpressWarnings, warn
from .cutting import (
    FOREIGN,
    Slide,
    SlideCutter,
    absolute_options,
    docname_of,
    first_visible,
)
from .model import DeckModel, Field, SlideModel
from .myst_writer import MystDeck, MystSlide, directive_options, fence
from .rst import is_overline, original_line, parse_rst, read_with_includes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The file type of hovercraft decks, for ``source_suffix = {".rst": "hovercraft"}``.
FILE_TYPE = "hovercraft"

#: The suffix that is read as a hovercraft deck without any configuration.
SUFFIX = ".hovercraft"

#: hovercraft's step fields that place a slide, and the axis each sets.
POSITION_FIELDS: Mapping[str, str] = {
    "data-x": "x",
    "data-y": "y",
    "data-z": "z",
    "data-rotate-x": "rotate-x",
    "data-rotate-y": "rotate-y",
    "data-rotate-z": "rotate-z",
    "data-scale": "scale",
}

#: Other slide fields hovercraft reads (``data-rotate`` is ``data-rotate-z``).
SLIDE_FIELDS = ("data-rotate", "hovercraft-path", "id", "class")

#: The relative error to which a ``hovercraft-path`` is measured (svg.path measures arcs
#: by subdividing them until the error is below it).
PATH_ERROR = 1e-3

#: How far a slide moves to the right when no slide so far gave a position (px);
#: hovercraft's ``DEFAULT_MOVEMENT``, also the distance between slides on a path.
DEFAULT_MOVEMENT = 1600

#: Deck fields and the ``impress_*`` front matter setting each becomes.
DECK_SETTINGS: Mapping[str, str] = {
    "data-transition-duration": "impress_transition_duration",
    "data-perspective": "impress_perspective",
    "data-width": "impress_width",
    "data-height": "impress_height",
    "data-max-scale": "impress_max_scale",
    "data-min-scale": "impress_min_scale",
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

#: The window impress.js scales a page to when the root element sets none (px), which
#: hovercraft's pages did not: a deck with its own style sheets keeps it.
IMPRESSJS_WINDOW = (1024, 768)

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
@dataclass
class PositionProblem:
    """A positioning field that could not be used: ``index`` of the slide, the
    ``field`` (its name as written; ``None`` when the slide does not write the value
    at fault, such as a relative value carried over), ``message`` for the author."""

    index: int
    field: str | None
    message: str


@dataclass
class _Carried:
    """A slide's positioning fields after hovercraft's carry-over rules."""

    values: dict[str, str]
    path: str | None
    on_path: bool
    step_id: str | None


def _carry(slides: Sequence[Mapping[str, str]]) -> list[_Carried]:
    """Apply hovercraft's rules for fields that are left out (docs "Automatic
    positioning"; hovercraft/position.py ``gather_positions``): a relative value
    (``r...``) is used again on the next slide, an absolute one is not (the next slide
    stays where it is on that axis); until some slide gives a position, each moves
    :data:`DEFAULT_MOVEMENT` px to the right; the first slide's scale is 1. A slide
    stays on a ``hovercraft-path`` until it gives ``data-x`` or ``data-y``."""
    carried = dict.fromkeys(POSITION_FIELDS, "r0")
    moving_by_default = True
    on_path = False
    result = []
    for number, fields in enumerate(slides):
        for name in POSITION_FIELDS:
            value = fields.get(name)
            if value is not None:
                carried[name] = value.strip()
                moving_by_default = False
            elif not carried[name].startswith("r"):
                carried[name] = "r0"
        if number == 0 and carried["data-scale"] == "r0":
            carried["data-scale"] = "1"
        if moving_by_default and number:
            carried["data-x"] = f"r{DEFAULT_MOVEMENT}"
        if fields.get("data-rotate") is not None:
            carried["data-rotate-z"] = fields["data-rotate"].strip()
        path = (fields.get("hovercraft-path") or "").strip() or None
        if path:
            moving_by_default = False
            on_path = True
        elif "data-x" in fields or "data-y" in fields:
            on_path = False
        result.append(_Carried(dict(carried), path, on_path, fields.get("id")))
    return result


class _OutOfRange(ValueError):
    """A number written as one that cannot be used (not finite, or beyond the limits
    of :func:`~sphinx_impress.core.values.parse_number`)."""


def _field_number(text: str, low: float = -LIMIT, high: float = LIMIT) -> float | None:
    """``text`` as a number, ``None`` when it is not written as one.

    :raises _OutOfRange: for a number that is not finite or not in ``[low, high]``,
        the same bounds as a MyST deck's values (:func:`parse_number`).
    """
    text = text.strip()
    if not DECIMAL.fullmatch(text):
        return None
    try:
        return parse_number(text, low, high)
    except InvalidValue as error:
        raise _OutOfRange(str(error)) from None


def _whole(number: float) -> float:
    """``number`` cut to a whole number as hovercraft does (``int``); a number that is
    not finite is kept, for :func:`hovercraft_positions` to bound."""
    return float(int(number)) if math.isfinite(number) else number


def _path_angle(path: Any, at: float) -> float:
    """The direction of ``path`` at ``at`` (0 to 1) in degrees, measured over a
    fiftieth of the path around it, as hovercraft turns slides along a path (angles
    under 0.1 degrees count as 0)."""
    start, end = at - 0.01, at + 0.01
    if start < 0:
        start, end = 0.0, end + 0.01
    elif end > 1:
        start, end = start - 0.01, 1.0
    delta = path.point(end) - path.point(start)
    angle = math.degrees(math.asin(delta.imag / abs(delta)))
    if delta.real < 0:
        angle = -180 - angle
    return 0.0 if abs(angle) < 0.1 else angle


def hovercraft_positions(
    slides: Sequence[Mapping[str, str]],
) -> tuple[list[dict[str, float]], list[PositionProblem]]:
    """The absolute place of every slide of a hovercraft deck, as hovercraft computed
    it (docs/presentations.rst "Relative positioning", "Automatic positioning", "SVG
    Paths"; hovercraft/position.py).

    :param slides: each slide's fields as written: the keys of
        :data:`POSITION_FIELDS`, ``data-rotate``, ``hovercraft-path`` and ``id``.
    :returns: per slide the seven axes by option name (``x``... in px, rotations in
        degrees, ``scale`` a factor), and the values that could not be read.

    A value is a number (absolute), ``r`` and a number (added to the previous
    slide's), or an earlier slide's id and a signed number (``intro+1000``: added to
    that slide's value). A value that is none of these, or a number that is not finite,
    beyond ±:data:`~sphinx_impress.core.values.LIMIT` or (an absolute scale) 0 or less,
    leaves that axis as it was, with a problem; a computed coordinate beyond those
    limits is clamped to them, and a computed scale of 0 or less is 1, with a problem.
    The slides from one with ``hovercraft-path`` up to the next that gives ``data-x``
    or ``data-y`` are spread along the SVG path, starting where the first of them
    would stand, :data:`DEFAULT_MOVEMENT` px apart along it, x and y cut to whole px,
    each turned (``rotate-z``) along the path; a closed path (ending in ``z``) leaves a
    gap where it closes.
    """
    placer = _Placer(slides)
    placer.place()
    return placer.placed, placer.problems


class _Placer:
    """Places the slides of one deck for :func:`hovercraft_positions`: the current
    place moves from slide to slide as hovercraft moved it."""

    def __init__(self, slides: Sequence[Mapping[str, str]]) -> None:
        self.slides = slides
        self.carried = _carry(slides)
        self.current = {axis: (1.0 if axis == "scale" else 0.0) for axis in AXES}
        self.placed: list[dict[str, float]] = []
        self.by_id: dict[str, dict[str, float]] = {}
        self.problems: list[PositionProblem] = []
        self.on_path = [False] * len(self.carried)

    def place(self) -> None:
        """Place every slide, one at a time or a run along a path."""
        if self.carried:
            self.apply(0)
        index = 0
        while index < len(self.carried):
            if self.carried[index].path is None:
                self.record(index)
                index += 1
            else:
                index = self.along_path(index)

    def written(self, index: int, name: str) -> str | None:
        """The field that sets ``name`` as the slide writes it (``None``: carried)."""
        if name == "data-rotate-z" and "data-rotate" in self.slides[index]:
            return "data-rotate"
        return name if name in self.slides[index] else None

    def unusable(self, index: int, name: str, value: str, why: str) -> None:
        """A value that cannot be read, reported where it is written, not again on
        each slide it is carried to."""
        source = self.written(index, name)
        if source is not None:
            self.problems.append(
                PositionProblem(
                    index,
                    source,
                    f"{source}: {value!r} {why}; the slide keeps the "
                    f"{POSITION_FIELDS[name]} it would have",
                )
            )

    def read(self, index: int, name: str, value: str) -> float | None:
        """The axis's new value, or ``None`` (after a problem) to keep it."""
        axis = POSITION_FIELDS[name]
        try:
            number = self._value(axis, value)
        except _OutOfRange as error:
            self.unusable(index, name, value, f"cannot be used: {error}")
            return None
        if number is None:
            self.unusable(
                index,
                name,
                value,
                "is not a number, r and a number, or an earlier slide's id and a signed "
                "number",
            )
        return number

    def _value(self, axis: str, value: str) -> float | None:
        """An absolute number, ``r`` and a number, or an earlier slide's id and a
        signed number; ``None`` for anything else.

        :raises _OutOfRange: for a number that cannot be used.
        """
        relative = _field_number(value[1:]) if value.startswith("r") else None
        if relative is not None:
            return self.current[axis] + relative
        if axis == "scale":
            number = _field_number(value, -math.inf, math.inf)
            problem = check_scale(number) if number is not None else None
            if problem is not None:
                raise _OutOfRange(problem)
        else:
            number = _field_number(value)
        if number is not None:
            return number
        for step_id, position in self.by_id.items():
            offset = value[len(step_id):]
            if value.startswith(step_id) and offset[:1] in "+-" and offset:
                moved = _field_number(offset)
                if moved is not None:
                    return position[axis] + moved
        return None

    def apply(self, index: int) -> None:
        """Take the slide's (carried) values into the current place."""
        for name, value in self.carried[index].values.items():
            number = self.read(index, name, value)
            if number is not None:
                self.current[POSITION_FIELDS[name]] = number

    def bound(self, index: int) -> None:
        """Keep computed values within the limits a MyST deck's values have, as
        :func:`~sphinx_impress.core.placement.resolve` does: clamped, with a problem
        at the field that made them (the slide, when it was carried over)."""
        for name, axis in POSITION_FIELDS.items():
            wanted = self.current[axis]
            source = self.written(index, name)
            if axis == "scale":
                problem = check_scale(wanted)
                if problem is None:
                    continue
                # as a MyST deck's relative scale that comes to 0 or less
                self.current[axis] = 1.0
                message = f"the scale comes to {format_number(wanted)}: {problem}; using 1"
            else:
                if -LIMIT <= wanted <= LIMIT:
                    continue
                self.current[axis] = 0.0 if math.isnan(wanted) else min(max(wanted, -LIMIT), LIMIT)
                if self.on_path[index] and axis in ("x", "y"):
                    source = "hovercraft-path"
                message = (
                    f"the {axis} comes to {format_number(wanted)}, outside "
                    f"{format_number(-LIMIT)} to {format_number(LIMIT)}; using "
                    f"{format_number(self.current[axis])}"
                )
            self.problems.append(PositionProblem(index, source, message))

    def record(self, index: int) -> None:
        """The slide stands at the current place; the next slide's values apply."""
        self.bound(index)
        position = dict(self.current)
        self.placed.append(position)
        step_id = self.carried[index].step_id
        if step_id:
            self.by_id[step_id] = position
        if index + 1 < len(self.carried):
            self.apply(index + 1)

    def path_problem(self, index: int, message: str) -> None:
        self.problems.append(PositionProblem(index, "hovercraft-path", message))

    def along_path(self, index: int) -> int:
        """Place the slides from ``index`` (which gives ``hovercraft-path``) to the next
        that gives ``data-x`` or ``data-y`` along the path; the index after them."""
        from svg.path import parse_path

        path_text = self.carried[index].path or ""
        end = index + 1
        carried = self.carried
        while end < len(carried) and carried[end].on_path and carried[end].path is None:
            end += 1
        try:
            path = parse_path(path_text)
            # measured to a thousandth: hovercraft's exact arc lengths took seconds an
            # elliptical arc, and the slides' places are cut to whole px anyway
            length = path.length(error=PATH_ERROR, min_depth=1)
        except (ValueError, IndexError, TypeError, AssertionError) as error:
            # svg.path raises these for bad data (InvalidPathError is a ValueError)
            path, length = None, 0.0
            self.path_problem(index, f"hovercraft-path: {error}")
        if path is not None and not math.isfinite(length):
            path = None
            self.path_problem(
                index,
                f"hovercraft-path: {path_text!r} has numbers too large to place slides "
                "along it; the slide stands where the path would start",
            )
        count = end - index
        if path is None or length <= 0 or count < 2:
            if path is not None and length > 0:
                self.path_problem(
                    index,
                    "hovercraft-path places only this slide (hovercraft needs two or "
                    "more); the slide stands where the path starts",
                )
            elif path is not None:
                self.path_problem(index, "hovercraft-path has no length")
            self.record(index)
            return index + 1
        closed = path_text.rstrip()[-1] in "zZ"
        stops = count + 1 if closed else count
        scale = stops * DEFAULT_MOVEMENT / length
        origin = path.point(0)
        start = complex(self.current["x"], self.current["y"])
        for step in range(count):
            self.on_path[index + step] = True
            at = step / (stops - 1)
            point = (path.point(at) - origin) * scale + start
            self.current["x"], self.current["y"] = _whole(point.real), _whole(point.imag)
            self.current["rotate-z"] = _path_angle(path, at)
            self.record(index + step)
        return end


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


#: The deck fields a reader knows, for the message about an unknown one.
_KNOWN_DECK_FIELDS = ("title", *DECK_SETTINGS, "skip-help", "slide-numbers", *DECK_METADATA)


class HovercraftReader:
    """Understand a hovercraft deck from its docutils tree (as parsed, before docutils'
    transforms) and its source lines.

    :meth:`read` cuts the tree into slides (moving its nodes into one ``step`` node per
    slide, :attr:`cutter`) and returns the :class:`DeckModel`: the deck's front matter
    from its fields, each slide's body lines, fields and step options (every axis
    placed by hovercraft's rules, :func:`hovercraft_positions`), and every problem with
    its line.
    """

    def __init__(self, document: nodes.document, lines: Sequence[str]) -> None:
        self.document = document
        self.lines = lines
        self.cutter = SlideCutter(lambda node: True, "section")
        self.model = DeckModel()
        #: ``(first line, its lines)`` of each ``header`` and ``footer`` directive.
        self.decorations: list[tuple[int, list[str]]] = []

    def problem(self, kind: str, message: str, line: int | None, index: int | None = None) -> None:
        """Record a problem; one about a slide without a line of its own points at the
        line the slide starts on."""
        if line is None and index is not None:
            line = self.cutter.slides[index].node.line
        self.model.problems.append(Problem(kind, message, index, line))

    def read(self) -> DeckModel:
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
        front = self.model.front_matter
        if front.get("impress_deck_css_files"):
            # the deck's style was made for hovercraft's page, which set no size:
            # impress.js's own 1024 x 768 px window
            front.setdefault("impress_width", str(IMPRESSJS_WINDOW[0]))
            front.setdefault("impress_height", str(IMPRESSJS_WINDOW[1]))
        self.decorations = _decorations(self.cutter.prelude, self.lines)
        for line, block in self.decorations:
            kind = _DECORATION.match(block[0])[1]  # type: ignore[index]
            self.problem(
                "field",
                f"hovercraft's {kind} (shown on every slide) is not carried over; its "
                "content is kept as a comment",
                line,
            )
        if not any(cut.opener is not None for cut in self.cutter.slides):
            self.problem(
                "separator",
                "this hovercraft deck has no transition (a line of ----) between slides",
                1,
            )
        for index, cut in enumerate(self.cutter.slides):
            self.model.slides.append(self._slide(index, cut))
        self._place()
        return self.model

    def _deck_fields(self, field_list: nodes.field_list) -> None:
        """The deck's settings, title and metadata from a field list before the first
        slide."""
        fields, problems = _read_fields(field_list, repeatable=DECK_FILE_FIELDS)
        self.model.problems.extend(problems)
        for item in fields:
            name, value = item.name, item.value
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
            opens = start = _heading_start(self.lines, node.line or 1)
        top = first_visible(node)
        body_start = start
        found: dict[str, Field] = {}
        skipped: list[tuple[int, int]] = []
        for field_list in list(node.findall(nodes.field_list)):
            fields, problems = _read_fields(field_list)
            if fields:
                skipped.append((min(f.line for f in fields), _field_list_end(self.lines, fields)))
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
            if not _slide_field_known(item.name):
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
        slide = SlideModel(opens, (body_start, start), fields)
        slide.skipped = [lines for lines in skipped if lines[0] >= body_start]
        return slide

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

    def _place(self) -> None:
        """Every slide's step options, its axes placed by hovercraft's rules."""
        slides = self.model.slides
        for number, slide in enumerate(slides):
            following = slides[number + 1].line if number + 1 < len(slides) else None
            end = (following - 1) if following is not None else len(self.lines)
            slide.body = (slide.body[0], end)
        known = [
            [item for item in slide.fields if _slide_field_known(item.name)] for slide in slides
        ]
        positions, problems = hovercraft_positions(
            [{item.name: item.value for item in fields} for fields in known]
        )
        for problem in problems:
            line = next(
                (i.line for i in slides[problem.index].fields if i.name == problem.field), None
            )
            self.problem("field", problem.message, line, problem.index)
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


def _heading_start(lines: Sequence[str], underline: int) -> int:
    """The first line of the section title whose rule is on line ``underline`` (the
    line docutils gives a title): its text, or its overline."""
    text = underline - 1
    return text - 1 if is_overline(lines, text - 1) else text


#: A ``header`` or ``footer`` directive, whose content hovercraft shows on every slide.
_DECORATION = re.compile(r"^\.\.\s+(header|footer)::")


def _decorations(
    prelude: Sequence[nodes.Node], lines: Sequence[str]
) -> list[tuple[int, list[str]]]:
    """``(first line, its lines)`` of each ``header`` and ``footer`` directive: the
    tree says where their content is; the directive opens at the nearest line above
    it that starts it, and takes the indented lines after it."""
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
            found.append((start + 1, list(lines[start:end])))
    return sorted(found)


def _field_list_end(lines: Sequence[str], fields: Sequence[Field]) -> int:
    """The last line of a field list whose fields the tree gave (the last field's
    line, then its indented continuation lines)."""
    end = max((item.line for item in fields), default=0)
    while end < len(lines) and lines[end][:1].isspace() and lines[end].strip():
        end += 1
    return end


class HovercraftParser(RSTParser):
    """Sphinx source parser for hovercraft decks (file type ``hovercraft``).

    The file is parsed by docutils as reStructuredText and read by
    :class:`HovercraftReader`; each slide becomes a ``step`` node with content and its
    step options, its ``.. note::`` blocks speaker notes, its headings keep their level
    in the deck, and every problem of the model is a located warning
    (``impress.field``, ``impress.separator``, and those of the ``step`` options).
    """

    supported: ClassVar[tuple[str, ...]] = (FILE_TYPE,)

    def parse(self, inputstring: Any, document: nodes.document) -> None:
        """Parse the reStructuredText as docutils parsed it for hovercraft (no
        default domain: ``.. class::`` is docutils' class directive, never
        ``py:class``), then make slides of it."""
        env = getattr(document.settings, "env", None)
        if env is not None:
            clear_default_domain(env)
        super().parse(inputstring, document)
        docname = docname_of(document)
        text = inputstring if isinstance(inputstring, str) else "\n".join(inputstring)
        reader = HovercraftReader(document, text.splitlines())
        model = reader.read()
        document[FOREIGN] = FILE_TYPE
        settings = nodes.field_list()
        for key, value in model.front_matter.items():
            if key != "title":
                # a list is written as JSON, as myst-parser writes YAML front matter
                text = value if isinstance(value, str) else json.dumps(value)
                settings += nodes.field(
                    "", nodes.field_name("", key), nodes.field_body("", nodes.paragraph("", text))
                )
        if settings.children:
            document.append(settings)
        hidden = [node for node in reader.cutter.prelude if not isinstance(node, nodes.field_list)]
        document.extend(_hide(hidden))
        cuts = reader.cutter.slides
        for problem in model.problems:
            fallback = cuts[problem.index].node if problem.index is not None else docname
            where = (docname, problem.line) if problem.line else fallback
            warn(problem.message, ImpressWarnings(problem.kind), where)
        for cut, slide in zip(cuts, model.slides, strict=True):
            for note in list(cut.node.findall(nodes.note)):
                speaker = notes()
                speaker.source, speaker.line = note.source, note.line
                speaker.extend(note.children)
                note.replace_self(speaker)
            cut.node["impress_options"] = slide.options
            document.append(cut.node)


def _hide(prelude: list[nodes.Node]) -> list[nodes.Node]:
    """What comes before the first slide, other than the deck's fields: hovercraft
    does not show its text, so that is kept as a comment; what shows nothing anyway
    (targets, substitution definitions) is kept as it is."""
    kept = [node for node in prelude if not is_visible(node)]
    text = "\n\n".join(node.astext() for node in prelude if is_visible(node))
    if text.strip():
        kept.append(nodes.comment("", text))
    return kept


#: docutils' ``title`` directive, which sets the deck's title.
_TITLE_DIRECTIVE = re.compile(r"^\.\.\s+title::")

#: A reference to a named target: `` `text`_ `` or ``word_``.
_REFERENCE = re.compile(r"`(?P<text>[^`<]+)`_(?!_)|(?<![\w`])(?P<word>\w[\w.+-]*?)_(?![\w_])")


def convert_hovercraft(text: str, source: str = "<deck>") -> tuple[MystDeck, list[Problem]]:
    """The MyST deck of a hovercraft deck, every slide placed as hovercraft placed it,
    and the problems its reader found (the parser's warnings, worded the same). The
    files its ``include`` directives name are read into it first, as docutils reads
    them, so that their slides are slides; a problem in one points at its include."""
    found: list[Problem] = []
    included = read_with_includes(text, Path(source), found)
    lines = [line.text for line in included]
    text = "\n".join(lines) + "\n"
    document = parse_rst(text, source)
    reader = HovercraftReader(document, lines)
    model = reader.read()
    writer = _MystWriter(lines, _targets(document))
    deck = MystDeck(front_matter=dict(model.front_matter))
    for line, block in reader.decorations:
        writer.blank(line, len(block))
    deck.prelude, notes = writer.prelude(model, reader.cutter.prelude, reader.decorations)
    deck.definitions = [_as_sphinx_rst(line) for line in writer.definitions]
    deck.notes.extend(notes)
    for cut, slide in zip(reader.cutter.slides, model.slides, strict=True):
        deck.slides.append(writer.slide(cut, slide))
    if any(line.source != source for line in included):
        deck.notes = [
            replace(note, line=original_line(included, note.line, source)) for note in deck.notes
        ]
        found.extend(
            replace(problem, line=original_line(included, problem.line, source))
            for problem in model.problems
        )
        return deck, found
    return deck, [*found, *model.problems]


def _targets(document: nodes.document) -> dict[str, str]:
    """The deck's hyperlink targets with a URL, and its section titles (``#`` and the
    section's id), by reference name."""
    found: dict[str, str] = {}
    name: str
    for target in document.findall(nodes.target):
        for name in target.get("names", ()):
            if target.get("refuri"):
                found[name] = target["refuri"]
    for section in document.findall(nodes.section):
        for name in section.get("names", ()):
            found.setdefault(name, "#" + section["ids"][0])
    return found


class _MystWriter:
    """Writes the parts of a hovercraft deck as MyST: headings as MyST headings of
    their level in the deck, the text between them in ``eval-rst`` blocks (each parsed
    on its own, so references to targets elsewhere embed their URL), ``.. note::`` as
    ``.. notes::``."""

    def __init__(self, lines: Sequence[str], targets: dict[str, str]) -> None:
        self.lines = list(lines)
        self.targets = targets
        #: The reST definitions before the first slide (roles, substitutions, targets),
        #: as written; :meth:`prelude` finds them.
        self.definitions: list[str] = []

    def blank(self, line: int, count: int) -> None:
        """Leave ``count`` lines from ``line`` out of every slide and the prelude."""
        self.lines[line - 1 : line - 1 + count] = [""] * count

    def prelude(
        self,
        model: DeckModel,
        prelude: Sequence[nodes.Node],
        decorations: Sequence[tuple[int, list[str]]],
    ) -> tuple[list[str], list[Problem]]:
        """The comment lines before the first slide: deck fields that are not carried
        over, the text hovercraft does not show, and the header and footer hovercraft
        showed on every slide; and the note that says the text is kept."""
        first = model.slides[0].line if model.slides else len(self.lines) + 1
        skipped: set[int] = set()
        kept: list[str] = []
        for node in prelude:
            if isinstance(node, nodes.field_list):
                fields, _ = _read_fields(node, repeatable=DECK_FILE_FIELDS)
                kept.extend(
                    f":{item.name}: {item.value}"
                    for item in fields
                    if not _deck_field_carried(item.name, item.value)
                )
                if fields:
                    start = min(item.line for item in fields)
                    skipped.update(range(start, _field_list_end(self.lines, fields) + 1))
        hidden: list[str] = []
        notes: list[Problem] = []
        definitions = _definition_lines(self.lines, first, skipped)
        self.definitions = [self.lines[number - 1] for number in sorted(definitions)]
        for number in range(1, first):
            text = self.lines[number - 1]
            if number in skipped or number in definitions or _TITLE_DIRECTIVE.match(text):
                continue
            if text.strip():
                if not notes:
                    notes.append(Problem(
                        "field",
                        "the text before the first slide (hovercraft does not show it) is "
                        "kept as a comment",
                        line=number,
                    ))
                hidden.append(text)
            elif hidden and hidden[-1]:
                hidden.append("")
        while hidden and not hidden[-1]:
            hidden.pop()
        if hidden:
            kept.extend(["Before the first slide (hovercraft does not show it):", *hidden])
        for _, block in decorations:
            if kept:
                kept.append("")
            kept.extend(["Shown on every slide by hovercraft:", *block])
        return kept, notes

    def slide(self, cut: Slide, slide: SlideModel) -> MystSlide:
        """One slide: its step options, its body as MyST, and its fields that have no
        step option, as comments."""
        comments = [
            f"hovercraft field :{item.name}: {item.value}"
            for item in slide.fields
            if not _slide_field_known(item.name)
        ]
        titles = {
            title.line - 1: title
            for title in cut.node.findall(nodes.title)
            if title.line and isinstance(title.parent, nodes.section)
        }
        for first, last in slide.skipped:
            self.blank(first, last - first + 1)
        body = self._body(*slide.body, titles)
        return MystSlide(directive_options(slide.options), body, comments)

    def _body(self, first: int, last: int, titles: dict[int, nodes.title]) -> str:
        """Lines ``first`` to ``last`` as MyST; ``titles`` are the section titles by
        the line of their text.

        A title keeps its level in the deck (:data:`HEADING_LEVEL`): the slide's
        first title, of level 1, is a MyST heading (``#``), which a step's content
        shows as an ``h1``; another title of plain text is a ``rubric`` directive with
        its ``heading-level``; a title with reST inline markup (roles, substitutions,
        literals, references) is a ``rubric`` inside the ``eval-rst`` block, where its
        markup means what it meant."""
        parts: list[str] = []
        chunk: list[str] = []

        def flush() -> None:
            text = "\n".join(_as_sphinx_rst(line) for line in chunk).strip("\n")
            chunk.clear()
            if text.strip():
                text = self._embed_targets(text)
                marks = fence(text)
                parts.append(f"{marks}{{eval-rst}}\n{text}\n{marks}")

        number = first
        while number <= last:
            if number + 1 in titles and is_overline(self.lines, number):
                number += 1
                continue
            title = titles.get(number)
            if title is None:
                chunk.append(self.lines[number - 1])
                number += 1
                continue
            text = self.lines[number - 1].strip()
            level = int(title.parent.get(HEADING_LEVEL, 1))
            opening = not parts and not any(line.strip() for line in chunk)
            if not _plain_title(title, text):
                chunk.extend(["", f".. rubric:: {text}", f"   :heading-level: {level}", ""])
            elif level == 1 and opening:
                parts.append(f"# {text}")
            else:
                flush()
                parts.append(f"```{{rubric}} {text}\n:heading-level: {level}\n```")
            number += 2  # the title and the rule under it
        flush()
        return "\n\n".join(parts)

    def _embed_targets(self, text: str) -> str:
        """Write references to targets that ``text`` does not define as anonymous links
        with the URL embedded (`` `Python <https://python.org>`__``): a slide's
        ``eval-rst`` block is parsed on its own, and a copy of the target would clash
        with the original. A section title's name maps to ``#`` and its id, which the
        presentation points at the title's step."""
        defined = {
            " ".join(match["name"].strip("`").lower().split())
            for match in map(_TARGET_LINE.match, text.splitlines())
            if match
        }

        def replace(match: re.Match[str]) -> str:
            shown = match["text"] or match["word"]
            name = " ".join(shown.lower().split())
            if name in defined or name not in self.targets:
                return match.group()
            return f"`{shown} <{self.targets[name]}>`__"

        return _REFERENCE.sub(replace, text)


#: Characters that mean something in a MyST heading or in reST inline markup.
_MARKUP = frozenset("*_`[]<>|\\{}$~")


def _plain_title(title: nodes.title, text: str) -> bool:
    """Whether a section title is plain text, the same in a MyST heading: its source
    ``text`` is what it shows, with no character of :data:`_MARKUP`."""
    return title.astext() == text and not _MARKUP & set(text)


#: The first line of an explicit markup block that defines something for the rest of
#: the deck and shows nothing: a substitution definition, a hyperlink target, a role
#: (``role``, ``default-role``), the highlighting language, an include.
_DEFINITION = re.compile(
    r"^\.\.\s+(?:\|[^|]+\|\s+[\w-]+::|_[^:]*:|__:|(?:role|default-role|highlight|include)::)"
)


def _definition_lines(lines: Sequence[str], first: int, skipped: set[int]) -> set[int]:
    """The lines before line ``first`` that belong to definitions (:data:`_DEFINITION`):
    the block's first line and the indented or blank lines after it."""
    found: set[int] = set()
    number = 1
    while number < first:
        text = lines[number - 1]
        if number in skipped or not _DEFINITION.match(text):
            number += 1
            continue
        found.add(number)
        number += 1
        while number < first and (not lines[number - 1].strip() or lines[number - 1][:1].isspace()):
            found.add(number)
            number += 1
    return found


#: Directives of a hovercraft deck that are named otherwise in Sphinx's reST: a note
#: is a speaker note (``notes``), docutils' ``class`` is ``rst-class`` (``class`` is
#: the Python domain's in a Sphinx document).
_RENAMED_DIRECTIVES = {"note": "notes", "class": "rst-class"}

_DIRECTIVE_NAME = re.compile(r"^(\s*\.\.\s+)(note|class)(\s*::)")


def _as_sphinx_rst(line: str) -> str:
    """A line of a hovercraft slide as it means the same in an ``eval-rst`` block."""
    return _DIRECTIVE_NAME.sub(
        lambda match: match[1] + _RENAMED_DIRECTIVES[match[2]] + match[3], line
    )


#: A hyperlink target line: ``.. _name: https://...``.
_TARGET_LINE = re.compile(r"^\s*\.\. _(?P<name>`[^`]+`|[^:`_][^:`]*):")


def _deck_field_carried(name: str, value: str) -> bool:
    """Whether a deck field becomes front matter (or is hovercraft's own, ignored)."""
    carried = name == "title" or bool(deck_setting(name, value))
    carried = carried or _deck_file_entries(name, value) is not None
    return carried or name in DECK_METADATA or name in DECK_IGNORED


def _slide_field_known(name: str) -> bool:
    return name in POSITION_FIELDS or name in SLIDE_FIELDS or name.startswith("data-")


def setup_hovercraft(app: Sphinx) -> None:
    """Register the parser and the ``.hovercraft`` suffix."""
    app.add_source_parser(HovercraftParser)
    app.add_source_suffix(SUFFIX, FILE_TYPE)
