"""hovercraft's positioning rules (docs/presentations.rst "Relative positioning",
"Automatic positioning", "SVG Paths"; hovercraft/position.py): where each slide of a
hovercraft deck stands, as absolute numbers, from the fields it writes."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...core.problems import Problem
from ...core.values import AXES, DECIMAL, LIMIT, check_scale, format_number, parse_number
from ...errors import InvalidValue

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
    lines: Sequence[Mapping[str, int]] | None = None,
) -> tuple[list[dict[str, float]], list[Problem]]:
    """The absolute place of every slide of a hovercraft deck, as hovercraft computed
    it (docs/presentations.rst "Relative positioning", "Automatic positioning", "SVG
    Paths"; hovercraft/position.py).

    :param slides: each slide's fields as written: the keys of
        :data:`POSITION_FIELDS`, ``data-rotate``, ``hovercraft-path`` and ``id``.
    :param lines: per slide, the line of each of its fields by name, for the problems.
    :returns: per slide the seven axes by option name (``x``... in px, rotations in
        degrees, ``scale`` a factor), and the problems (kind ``field``, with the slide's
        index, and the line of the field at fault where the slide writes it: a relative
        value carried over from an earlier slide has none).

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
    placer = _Placer(slides, lines)
    placer.place()
    return placer.placed, placer.problems


class _Placer:
    """Places the slides of one deck for :func:`hovercraft_positions`: the current
    place moves from slide to slide as hovercraft moved it."""

    def __init__(
        self, slides: Sequence[Mapping[str, str]], lines: Sequence[Mapping[str, int]] | None
    ) -> None:
        self.slides = slides
        self.lines = lines
        self.carried = _carry(slides)
        self.current = {axis: (1.0 if axis == "scale" else 0.0) for axis in AXES}
        self.placed: list[dict[str, float]] = []
        self.by_id: dict[str, dict[str, float]] = {}
        self.problems: list[Problem] = []
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
            self.problem(
                index,
                source,
                f"{source}: {value!r} {why}; the slide keeps the "
                f"{POSITION_FIELDS[name]} it would have",
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
            self.problem(index, source, message)

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

    def problem(self, index: int, name: str | None, message: str) -> None:
        """A problem about slide ``index``, at the line of its field ``name`` (none:
        the slide does not write the value at fault)."""
        line = self.lines[index].get(name) if self.lines and name else None
        self.problems.append(Problem("field", message, index, line))

    def path_problem(self, index: int, message: str) -> None:
        self.problem(index, "hovercraft-path", message)

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


