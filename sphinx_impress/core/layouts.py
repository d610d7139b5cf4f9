"""Layouts: where consecutive steps that give no position go.

Pure Python with no Sphinx or docutils import. Every layout starts next to the step
before the run (:func:`sphinx_impress.core.geometry.next_to`), or at the origin for the
first steps of a deck, and keeps a step width and :data:`~sphinx_impress.core.geometry.AUTO_GAP`
between neighbours so that no two steps of a run overlap.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidValue
from .geometry import AUTO_GAP, Position, footprint, next_to
from .values import LIMIT, parse_flag, parse_number


@dataclass(frozen=True)
class Layout:
    """How steps without a position are placed.

    ``name``: ``line`` (each to the right of the previous step), ``grid`` (rows of
    ``columns`` steps; 0 picks about as many columns as rows), ``circle``, ``spiral``
    or ``path`` (along the SVG path data ``path``, scaled so that the steps sit a step
    width and a gap apart). ``rotate``: steps turn to follow a circle, spiral or path.
    """

    name: str = "line"
    columns: int = 0
    path: str = ""
    rotate: bool = False


#: The layouts :class:`Layout` knows.
LAYOUTS: tuple[str, ...] = ("line", "grid", "circle", "spiral", "path")


def parse_layout(
    name: object, columns: object = None, path: object = None, rotate: object = None
) -> Layout:
    """Check a layout as written in a directive, front matter or ``conf.py``.

    :param name: one of :data:`LAYOUTS`.
    :param columns: for ``grid``, a whole number of 1 or more (``None`` or empty:
        about as many columns as rows).
    :param path: for ``path``, SVG path data (``M 0 0 C 500 -300 ...``), read with the
        ``svg.path`` library.
    :param rotate: ``True``/``False``, ``"yes"``, ``"no"``, ``""`` (a flag written
        alone: yes) or ``None`` (not given: no).
    :raises InvalidValue: for an unknown name, a grid with fewer than one column,
        path data that does not parse or has no length, or a ``path`` layout without
        path data.
    """
    text = str(name or "").strip().lower()
    if text not in LAYOUTS:
        raise InvalidValue(f"unknown layout {name!r} (known: {', '.join(LAYOUTS)})")
    count = 0
    if columns not in (None, ""):
        number = parse_number(columns, 1, LIMIT)
        if number != int(number):
            raise InvalidValue(f"a grid needs a whole number of columns, got {columns!r}")
        count = int(number)
    data = str(path or "").strip()
    if text == "path":
        if not data:
            raise InvalidValue("a path layout needs SVG path data")
        if path_length(data) <= 0:
            raise InvalidValue(f"the SVG path {data!r} has no length")
    return Layout(text, count, data, parse_flag(rotate))
#: Anything but SVG path data: path commands (and ``E`` of an exponent), digits,
#: signs, points, commas and white space.
_NOT_PATH_DATA = re.compile(r"[^MmZzLlHhVvCcSsQqTtAaEe0-9+\-.,\s]+")

#: The most points at which a path's pieces are evaluated to measure it and place steps
#: on it, besides the two ends of each piece: the work is bounded by this and by the
#: number of pieces (``svg.path`` measures arcs exactly, by recursive subdivision,
#: which took minutes for a few thousand arcs).
PATH_SAMPLES = 2000


@dataclass(frozen=True)
class SampledPath:
    """SVG path data measured at a bounded number of points.

    ``points``: points along the path, in order, each piece from its start to its end;
    ``lengths``: the length travelled to each point (a jump between subpaths, a move,
    adds nothing); ``tangents``: the direction of the path at each point;
    ``evaluations``: how many times a piece was evaluated (the work done).
    """

    points: tuple[complex, ...]
    lengths: tuple[float, ...]
    tangents: tuple[complex, ...]
    evaluations: int

    @property
    def length(self) -> float:
        """The length of the path, in its own units (a polyline through the points)."""
        return self.lengths[-1] if self.lengths else 0.0

    @property
    def closed(self) -> bool:
        """Whether the path ends where it starts."""
        return abs(self.points[-1] - self.points[0]) <= 1e-9 * max(self.length, 1e-300)


def _rough_length(segment: object) -> float:
    """An estimate of a piece's length from its defining points, without measuring it
    (the control polygon of a curve, the half circle of an arc's radii)."""
    names = ("start", "control", "control1", "control2", "end")
    points = [p for name in names if isinstance(p := getattr(segment, name, None), complex)]
    polygon = sum(abs(b - a) for a, b in itertools.pairwise(points))
    radius = getattr(segment, "radius", None)
    if isinstance(radius, complex):
        polygon = max(polygon, math.pi * max(abs(radius.real), abs(radius.imag)))
    return polygon


def _check_numbers(data: str, segment: object) -> None:
    for name in ("start", "control", "control1", "control2", "end", "radius"):
        value = getattr(segment, name, None)
        if not isinstance(value, complex):
            continue
        if not all(math.isfinite(v) and abs(v) <= LIMIT for v in (value.real, value.imag)):
            raise InvalidValue(
                f"the SVG path {data!r} has a number beyond ±{LIMIT:,.0f}, which cannot "
                "be measured"
            )


def sample_path(data: str, samples: int = PATH_SAMPLES) -> SampledPath:
    """Measure SVG path data at about ``samples`` points, shared out among its pieces
    by a rough estimate of their lengths, plus both ends of each piece: the work grows
    with the number of pieces and ``samples``, never with the shape of a piece.

    :raises InvalidValue: when the data does not parse, has a number that is not
        finite or beyond ±:data:`~sphinx_impress.core.values.LIMIT`, or has no length.
    """
    from svg.path import Move, parse_path
    from svg.path.parser import InvalidPathError

    # svg.path stops quietly at text it does not know, so anything but path commands
    # and numbers is refused here, before any of the path could be lost
    stray = _NOT_PATH_DATA.search(data)
    if stray:
        raise InvalidValue(
            f"the SVG path {data!r} has {stray.group()!r}, which is not SVG path data"
        )
    try:
        pieces = [segment for segment in parse_path(data) if not isinstance(segment, Move)]
    except (InvalidPathError, ValueError, IndexError, TypeError, AssertionError,
            OverflowError, ZeroDivisionError) as error:
        # svg.path checks some malformed data (a path that opens with Z) with assert
        reason = str(error) or "it does not start with a move (M)"
        raise InvalidValue(f"the SVG path {data!r} does not parse: {reason}") from None
    for segment in pieces:
        _check_numbers(data, segment)
    try:
        sampled = _sample(pieces, samples)
    except (ArithmeticError, ValueError, TypeError, AttributeError) as error:
        # svg.path before 6.3 keeps a path that opens with Z, whose pieces then have
        # no start point
        raise InvalidValue(f"the SVG path {data!r} cannot be measured: {error}") from None
    if not sampled.points or not math.isfinite(sampled.length) or sampled.length <= 0:
        raise InvalidValue(f"the SVG path {data!r} has no length")
    return sampled


def _sample(pieces: list[Any], samples: int) -> SampledPath:
    rough = [_rough_length(segment) for segment in pieces]
    total = sum(rough)
    points: list[complex] = []
    lengths: list[float] = []
    tangents: list[complex] = []
    evaluations = 0
    for segment, estimate in zip(pieces, rough, strict=True):
        inner = int(samples * estimate / total) if total > 0 else 0
        for n in range(inner + 2):
            t = n / (inner + 1)
            point = segment.point(t)
            evaluations += 1
            if points and n > 0:
                lengths.append(lengths[-1] + abs(point - points[-1]))
            else:
                lengths.append(lengths[-1] if lengths else 0.0)
            points.append(point)
            tangents.append(_direction(segment, t, point, points))
    return SampledPath(tuple(points), tuple(lengths), tuple(tangents), evaluations)


def _direction(segment: Any, t: float, point: complex, points: list[complex]) -> complex:
    """The path's direction at ``t`` of a piece: its tangent where it has one, else
    the way from the point before."""
    try:
        tangent = complex(segment.tangent(t))
    except (ArithmeticError, ValueError, TypeError, AttributeError):
        # svg.path's arcs of radius 0 (straight lines in SVG) have no angle
        tangent = 0j
    if tangent == 0 or not math.isfinite(abs(tangent)):
        tangent = point - points[-2] if len(points) > 1 else 0j
    return tangent


def path_length(data: str) -> float:
    """The length of SVG path data, in its own units, measured at a bounded number of
    points (:func:`sample_path`).

    :raises InvalidValue: when the data does not parse or cannot be measured.
    """
    return sample_path(data).length


def place_run(
    layout: Layout,
    count: int,
    previous: Position | None,
    width: float,
    height: float,
    previous_run: Sequence[Position] = (),
) -> list[Position]:
    """Positions for ``count`` consecutive steps laid out by ``layout``.

    :param previous: the step placed before the run, or ``None`` at the deck's start.
    :param width: the deck's step width in px; :param height: its height in px.
    :param previous_run: the steps of the run that ended just before this one, if it
        was laid out too: this run starts to the right of all of them, not only of the
        last (which may sit inside a circle or a spiral).
    """
    if count == 0:
        return []
    start = next_to(previous, width, height) if previous is not None else Position()
    if previous_run:
        right = max(max(x for x, _ in footprint(p, width, height)) for p in previous_run)
        start = Position(
            x=max(start.x, right + AUTO_GAP * width + width / 2), y=start.y, z=start.z
        )
    place: Callable[..., list[Position]] = {
        "line": _line,
        "grid": _grid,
        "circle": _circle,
        "spiral": _spiral,
        "path": _path,
    }[layout.name]
    return _unwound(place(layout, count, start, width, height))


def _line(
    layout: Layout, count: int, start: Position, width: float, height: float
) -> list[Position]:
    positions = [start]
    while len(positions) < count:
        positions.append(next_to(positions[-1], width, height))
    return positions


def _grid(
    layout: Layout, count: int, start: Position, width: float, height: float
) -> list[Position]:
    columns = layout.columns or math.ceil(math.sqrt(count))
    pitch_x, pitch_y = width * (1 + AUTO_GAP), height * (1 + AUTO_GAP)
    return [
        Position(
            x=start.x + (number % columns) * pitch_x,
            y=start.y + (number // columns) * pitch_y,
            z=start.z,
        )
        for number in range(count)
    ]


def _turned(x: float, y: float, z: float, angle: float, rotate: bool) -> Position:
    return Position(x=x, y=y, z=z, rotate_z=math.degrees(angle) if rotate else 0.0)


def _unwound(positions: list[Position]) -> list[Position]:
    """The same steps with each rotation replaced by the whole-turn equivalent nearest
    the previous step's (the first nearest 0), so that impress.js, which turns the view
    by the difference of the numbers, never spins a whole turn between two steps."""
    result: list[Position] = []
    previous = 0.0
    for position in positions:
        angle = previous + (position.rotate_z - previous + 180) % 360 - 180
        result.append(dataclasses.replace(position, rotate_z=angle))
        previous = angle
    return result


def _circle(
    layout: Layout, count: int, start: Position, width: float, height: float
) -> list[Position]:
    # neighbours a step diagonal and a gap apart along the circle, so that no two
    # steps overlap whatever the turn; the first step at the circle's left
    pitch = math.hypot(width, height) * (1 + AUTO_GAP)
    radius = max(count * pitch / (2 * math.pi), pitch)
    centre_x = start.x + radius
    positions = []
    for number in range(count):
        angle = math.pi + 2 * math.pi * number / count
        positions.append(
            _turned(
                centre_x + radius * math.cos(angle),
                start.y + radius * math.sin(angle),
                start.z,
                angle - math.pi,
                layout.rotate,
            )
        )
    return positions


def _spiral(
    layout: Layout, count: int, start: Position, width: float, height: float
) -> list[Position]:
    # an Archimedean spiral (radius = growth * angle) around the first step, whose
    # turns are a step diagonal and a gap apart, with a step diagonal and a gap
    # between neighbours along it
    pitch = math.hypot(width, height) * (1 + AUTO_GAP)
    growth = pitch / (2 * math.pi)
    positions = [start]
    angle = 2 * math.pi
    while len(positions) < count:
        radius = growth * angle
        positions.append(
            _turned(
                start.x + radius * math.cos(angle),
                start.y + radius * math.sin(angle),
                start.z,
                angle + math.pi / 2,
                layout.rotate,
            )
        )
        angle += pitch / radius
    return positions


def _path(
    layout: Layout, count: int, start: Position, width: float, height: float
) -> list[Position]:
    path = sample_path(layout.path)
    samples, lengths = path.points, path.lengths
    pitch = width * (1 + AUTO_GAP)
    # a closed path (one that ends where it starts) has as many gaps as steps
    gaps = count if path.closed else count - 1
    factor = gaps * pitch / path.length if gaps else 1.0
    last = len(samples) - 1
    positions = []
    for number in range(count):
        wanted = path.length * number / gaps if gaps else 0.0
        n = min(bisect.bisect_left(lengths, wanted), last)
        if n > 0 and lengths[n] > lengths[n - 1]:
            part = (wanted - lengths[n - 1]) / (lengths[n] - lengths[n - 1])
            point = samples[n - 1] + (samples[n] - samples[n - 1]) * part
            tangent = path.tangents[n - 1] + (path.tangents[n] - path.tangents[n - 1]) * part
        else:
            point, tangent = samples[n], path.tangents[n]
        offset = point - samples[0]
        positions.append(
            _turned(
                start.x + offset.real * factor,
                start.y + offset.imag * factor,
                start.z,
                math.atan2(tangent.imag, tangent.real),
                layout.rotate,
            )
        )
    return positions
