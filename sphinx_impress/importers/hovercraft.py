"""Read hovercraft decks as they are: a Sphinx source parser for the file type
``hovercraft`` (files ending in ``.hovercraft``, or any suffix mapped to it in
``source_suffix``), and hovercraft's positioning rules.

The format (hovercraft's docs/presentations.rst, "Hovercraft! specialities"): a
reStructuredText file whose transitions (``----``) separate the slides; the first
slide starts at the first transition or heading, and what comes before it belongs to
the deck: its fields (``:title:``, ``:data-transition-duration:``, ``:css:``...) are
deck settings and its text is not shown. A field list at the top of a slide sets the
slide's step attributes (``:data-x:``, ``:id:``, ``:class:``, ``:hovercraft-path:``);
``.. note::`` is a speaker note.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.parsers import RSTParser

from ..core.values import (
    AXES,
    LIMIT,
    SCALE_RANGE,
    format_number,
    parse_flag,
    parse_number,
)
from ..errors import InvalidValue
from ..extension.notes import notes
from ..extension.warnings import ImpressWarnings, report, warn
from .slides import (
    FOREIGN,
    SlideCutter,
    absolute_options,
    docname_of,
    first_visible,
    is_visible,
)

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
    "css": "add the file to html_static_path and impress_css_files in conf.py",
    "js-header": "add the file to html_static_path and impress_js_files in conf.py",
    "js-body": "add the file to html_static_path and impress_js_files in conf.py",
    "auto-console": "open the presenter console with the P key",
}


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


_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")


class _OutOfRange(ValueError):
    """A number written as one that cannot be used (not finite, or beyond the limits
    of :func:`~sphinx_impress.positions.parse_number`)."""


def _number(text: str, low: float = -LIMIT, high: float = LIMIT) -> float | None:
    """``text`` as a number, ``None`` when it is not written as one.

    :raises _OutOfRange: for a number that is not finite or not in ``[low, high]``,
        the same bounds as a MyST deck's values (:func:`parse_number`).
    """
    text = text.strip()
    if not _NUMBER.match(text):
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
    beyond ±:data:`~sphinx_impress.positions.LIMIT` or (an absolute scale) outside
    :data:`~sphinx_impress.positions.SCALE_RANGE`, leaves that axis as it was, with a
    problem; a computed value beyond those limits is clamped to them, with a problem.
    The slides from one with ``hovercraft-path`` up to the next that gives ``data-x``
    or ``data-y`` are spread along the SVG path, starting where the first of them
    would stand, :data:`DEFAULT_MOVEMENT` px apart along it, x and y cut to whole px,
    each turned (``rotate-z``) along the path; a closed path (ending in ``z``) leaves a
    gap where it closes.
    """
    from svg.path import parse_path

    carried = _carry(slides)
    current = {axis: (1.0 if axis == "scale" else 0.0) for axis in AXES}
    placed: list[dict[str, float]] = []
    by_id: dict[str, dict[str, float]] = {}
    problems: list[PositionProblem] = []
    on_path = [False] * len(carried)

    def written(index: int, name: str) -> str | None:
        """The field that sets ``name`` as the slide writes it (``None``: carried)."""
        if name == "data-rotate-z" and "data-rotate" in slides[index]:
            return "data-rotate"
        return name if name in slides[index] else None

    def unusable(index: int, name: str, value: str, why: str) -> None:
        # reported where it is written, not again on each slide it is carried to
        source = written(index, name)
        if source is not None:
            problems.append(
                PositionProblem(
                    index,
                    source,
                    f"{source}: {value!r} {why}; the slide keeps the "
                    f"{POSITION_FIELDS[name]} it would have",
                )
            )

    def read(index: int, name: str, value: str) -> float | None:
        """The axis's new value, or ``None`` (after a problem) to keep it."""
        axis = POSITION_FIELDS[name]
        try:
            if value.startswith("r") and _number(value[1:]) is not None:
                return current[axis] + _number(value[1:])  # type: ignore[operator]
            absolute = SCALE_RANGE if axis == "scale" else (-LIMIT, LIMIT)
            number = _number(value, *absolute)
            if number is not None:
                return number
            for step_id, position in by_id.items():
                offset = value[len(step_id):]
                if value.startswith(step_id) and offset[:1] in "+-" and offset:
                    if _number(offset) is not None:
                        return position[axis] + _number(offset)  # type: ignore[operator]
        except _OutOfRange as error:
            unusable(index, name, value, f"cannot be used: {error}")
            return None
        unusable(
            index,
            name,
            value,
            "is not a number, r and a number, or an earlier slide's id and a signed number",
        )
        return None

    def apply(index: int) -> None:
        for name, value in carried[index].values.items():
            number = read(index, name, value)
            if number is not None:
                current[POSITION_FIELDS[name]] = number

    def bound(index: int) -> None:
        """Keep computed values within the limits a MyST deck's values have, as
        :func:`~sphinx_impress.positions.resolve` does: clamped, with a problem at the
        field that made them (the slide, when it was carried over)."""
        for name, axis in POSITION_FIELDS.items():
            low, high = SCALE_RANGE if axis == "scale" else (-LIMIT, LIMIT)
            wanted = current[axis]
            if low <= wanted <= high:
                continue
            current[axis] = low if math.isnan(wanted) else min(max(wanted, low), high)
            source = written(index, name)
            if on_path[index] and axis in ("x", "y"):
                source = "hovercraft-path"
            problems.append(
                PositionProblem(
                    index,
                    source,
                    f"the {axis} comes to {format_number(wanted)}, outside "
                    f"{format_number(low)} to {format_number(high)}; using "
                    f"{format_number(current[axis])}",
                )
            )

    def record(index: int) -> None:
        bound(index)
        position = dict(current)
        placed.append(position)
        if carried[index].step_id:
            by_id[carried[index].step_id] = position
        if index + 1 < len(carried):
            apply(index + 1)

    if carried:
        apply(0)
    index = 0
    while index < len(carried):
        path_text = carried[index].path
        if path_text is None:
            record(index)
            index += 1
            continue
        end = index + 1
        while end < len(carried) and carried[end].on_path and carried[end].path is None:
            end += 1
        try:
            path = parse_path(path_text)
            length = path.length()
        except Exception as error:  # svg.path raises several kinds for bad data
            path, length = None, 0.0
            problems.append(
                PositionProblem(index, "hovercraft-path", f"hovercraft-path: {error}")
            )
        if path is not None and not math.isfinite(length):
            path = None
            problems.append(
                PositionProblem(
                    index,
                    "hovercraft-path",
                    f"hovercraft-path: {path_text!r} has numbers too large to place slides "
                    "along it; the slide stands where the path would start",
                )
            )
        count = end - index
        if path is None or length <= 0 or count < 2:
            if path is not None and length > 0:
                problems.append(
                    PositionProblem(
                        index,
                        "hovercraft-path",
                        "hovercraft-path places only this slide (hovercraft needs two "
                        "or more); the slide stands where the path starts",
                    )
                )
            elif path is not None:
                problems.append(
                    PositionProblem(index, "hovercraft-path", "hovercraft-path has no length")
                )
            record(index)
            index += 1
            continue
        closed = path_text.rstrip()[-1] in "zZ"
        stops = count + 1 if closed else count
        scale = stops * DEFAULT_MOVEMENT / length
        origin = path.point(0)
        start = complex(current["x"], current["y"])
        for step in range(count):
            on_path[index + step] = True
            at = step / (stops - 1)
            point = (path.point(at) - origin) * scale + start
            current["x"], current["y"] = _whole(point.real), _whole(point.imag)
            current["rotate-z"] = _path_angle(path, at)
            record(index + step)
        index = end
    return placed, problems


@dataclass
class _Fields:
    """The fields of one field list: name to value, and the line of each."""

    values: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int | None] = field(default_factory=dict)
    #: Fields given more than once: (name, line of the repeat).
    repeated: list[tuple[str, int | None]] = field(default_factory=list)


def _read_fields(field_list: nodes.field_list) -> _Fields:
    """The fields of ``field_list``; a field given again has its values joined with a
    space, as hovercraft 2.7 joined them (``:id: a`` and ``:id: b`` give the id
    ``a b``; two ``:class:`` fields give both classes)."""
    result = _Fields()
    for item in field_list.findall(nodes.field):
        if item.parent is not field_list:
            continue
        name = item[0].astext().strip().lower()
        value = item[1].astext().strip() if len(item) > 1 else ""
        if name in result.values:
            result.repeated.append((name, item.line or field_list.line))
            result.values[name] = f"{result.values[name]} {value}".strip()
            continue
        result.values[name] = value
        result.lines[name] = item.line or field_list.line
    return result


def _warn_repeated(fields: _Fields, docname: str) -> None:
    for name, line in fields.repeated:
        warn(
            f"the field {name!r} is given more than once in this field list; as "
            f"hovercraft did, the values are joined: {fields.values[name]!r}",
            ImpressWarnings.FIELD,
            (docname, line),
        )


def _promote_title(document: nodes.document) -> None:
    """docutils' own rule (``DocTitle``), which hovercraft keeps: a document that is
    a single section has that section's title as its title, not as a slide."""
    index = document.first_child_not_matching_class(nodes.PreBibliographic)
    if index is None or len(document) != index + 1:
        return
    section = document[index]
    if not isinstance(section, nodes.section) or not isinstance(section[0], nodes.title):
        return
    if "title" not in document:
        document["title"] = section[0].astext()
    document.remove(section)
    document.extend(section.children[1:])


class HovercraftParser(RSTParser):
    """Sphinx source parser for hovercraft decks (file type ``hovercraft``).

    The file is parsed by docutils as reStructuredText, then cut into slides at its
    transitions; each slide becomes a ``step`` node with content and every axis given
    (:func:`hovercraft_positions`), its ``.. note::`` blocks speaker notes.

    Warnings: ``impress.field`` for a field in the middle of a slide, an unknown or
    unsupported field and a position that cannot be read; ``impress.separator`` for a
    deck without transitions and an empty slide; those of the ``step`` options.
    """

    supported: tuple[str, ...] = (FILE_TYPE,)

    def parse(self, inputstring: str, document: nodes.document) -> None:
        """Parse the reStructuredText, then make slides of it."""
        super().parse(inputstring, document)
        self.docname = docname_of(document)
        document[FOREIGN] = FILE_TYPE
        _promote_title(document)
        cutter = SlideCutter(lambda node: True, "section")
        children = list(document.children)
        document.clear()
        cutter.cut(children, document.get("source", ""))
        settings = self._deck_settings(cutter.prelude, document)
        if settings.children:
            document.append(settings)
        hidden = [node for node in cutter.prelude if not isinstance(node, nodes.field_list)]
        for decoration in (node for node in hidden if isinstance(node, nodes.decoration)):
            line = next((n.line for n in decoration.findall(nodes.Element) if n.line), None)
            warn(
                "hovercraft's header and footer (shown on every slide) are not carried "
                "over; their content is kept as a comment",
                ImpressWarnings.FIELD,
                (self.docname, line or 1),
            )
        document.extend(_hide(hidden))
        if not any(cut.opener is not None for cut in cutter.slides):
            warn(
                "this hovercraft deck has no transition (a line of ----) between slides",
                ImpressWarnings.SEPARATOR,
                (self.docname, 1),
            )
        slide_fields = []
        for cut in cutter.slides:
            fields = self._slide_fields(cut.node)
            cut.extra["fields"] = fields
            slide_fields.append(fields.values)
            for note in list(cut.node.findall(nodes.note)):
                speaker = notes()
                speaker.source, speaker.line = note.source, note.line
                speaker.extend(note.children)
                note.replace_self(speaker)
        positions, problems = hovercraft_positions(slide_fields)
        for problem in problems:
            cut = cutter.slides[problem.index]
            line = cut.extra["fields"].lines.get(problem.field)
            where = (self.docname, line) if line else cut.node
            warn(problem.message, ImpressWarnings.FIELD, where)
        for number, (cut, axes) in enumerate(
            zip(cutter.slides, positions, strict=True), start=1
        ):
            options = {
                name: value
                for name, value in cut.extra["fields"].values.items()
                if name not in POSITION_FIELDS and name not in SLIDE_FIELDS[:2]
            }
            cut.node["impress_options"], problems = absolute_options(options, axes, number)
            report(problems, cut.node)
            document.append(cut.node)

    def _deck_settings(
        self, prelude: list[nodes.Node], document: nodes.document
    ) -> nodes.field_list:
        """The deck's fields as ``impress_*`` front matter, a field list for the top of
        the document (docutils makes it the docinfo that Sphinx reads settings from)."""
        settings = nodes.field_list()
        for node in prelude:
            if not isinstance(node, nodes.field_list):
                continue
            fields = _read_fields(node)
            _warn_repeated(fields, self.docname)
            for name, value in fields.values.items():
                where = (self.docname, fields.lines[name])
                if name == "title":
                    document.setdefault("title", value)
                elif deck_setting(name, value) or name in DECK_METADATA:
                    key, text = deck_setting(name, value) or (name, value)
                    settings += nodes.field(
                        "",
                        nodes.field_name("", key),
                        nodes.field_body("", nodes.paragraph("", text)),
                    )
                elif name in DECK_IGNORED:
                    continue
                elif name in DECK_UNSUPPORTED or name.startswith(("css-", "js-")):
                    instead = DECK_UNSUPPORTED.get(name, "add the file to conf.py")
                    warn(
                        f"hovercraft deck field {name!r} is not carried over: {instead}",
                        ImpressWarnings.FIELD,
                        where,
                    )
                else:
                    warn(
                        f"unknown hovercraft deck field {name!r} (known: title, "
                        f"{', '.join([*DECK_SETTINGS, 'skip-help', 'slide-numbers', *DECK_METADATA])}"
                        "); it is ignored",
                        ImpressWarnings.FIELD,
                        where,
                    )
        return settings

    def _slide_fields(self, slide: nodes.Element) -> _Fields:
        """Take the field list at the top of a slide; warn about the others."""
        fields = _Fields()
        top = first_visible(slide)
        if isinstance(top, nodes.field_list):
            fields = _read_fields(top)
            _warn_repeated(fields, self.docname)
            slide.remove(top)
            for name in list(fields.values):
                known = name in POSITION_FIELDS or name in SLIDE_FIELDS or name.startswith("data-")
                if not known:
                    warn(
                        f"unknown hovercraft slide field {name!r} (known: "
                        f"{', '.join([*POSITION_FIELDS, *SLIDE_FIELDS])}, data-*); it is "
                        "ignored",
                        ImpressWarnings.FIELD,
                        (self.docname, fields.lines[name]),
                    )
                    del fields.values[name]
        for stray in slide.findall(nodes.field_list):
            warn(
                "a field list in the middle of a slide does not set the slide (only one "
                "at its top does); it is shown as a field list",
                ImpressWarnings.FIELD,
                stray,
            )
        if first_visible(slide) is None and not fields.values:
            warn(
                "this slide is empty: nothing between its transition and the next",
                ImpressWarnings.SEPARATOR,
                slide,
            )
        return fields


def _hide(prelude: list[nodes.Node]) -> list[nodes.Node]:
    """What comes before the first slide, other than the deck's fields: hovercraft
    does not show its text, so that is kept as a comment; what shows nothing anyway
    (targets, substitution definitions) is kept as it is."""
    kept = [node for node in prelude if not is_visible(node)]
    text = "\n\n".join(node.astext() for node in prelude if is_visible(node))
    if text.strip():
        kept.append(nodes.comment("", text))
    return kept


def setup_hovercraft(app: Sphinx) -> None:
    """Register the parser and the ``.hovercraft`` suffix."""
    app.add_source_parser(HovercraftParser)
    app.add_source_suffix(SUFFIX, FILE_TYPE)
