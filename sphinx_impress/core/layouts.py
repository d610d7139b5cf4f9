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


#: numbers, signs, points, exponents, commas and white space).
_NOT_PATH_DATA = re.compile(r"[^MmZzLlHhVvCcSsQqTtAaEe0-9+\-.,\s]+")


def path_length(data: str) -> float:
    """The length of SVG path data, in its own units.

    :raises InvalidValue: when the data does not parse.
    """
    from svg.path import parse_path
    from svg.path.parser import InvalidPathError

    # svg.path stops quietly at text it does not know, so anything but path commands
    # and numbers is refused here, before any of the path could be lost
    stray = _NOT_PATH_DATA.search(data)
    if stray:
        raise InvalidValue(
            f"the SVG path {data!r} has {stray.group()!r}, which is not SVG path data"
        )
    try:
        return float(parse_path(data).length())
    except (InvalidPathError, ValueError, IndexError, TypeError, AssertionError) as error:
        # svg.path checks some malformed data (a path that opens with Z) with assert
        reason = str(error) or "it does not start with a move (M)"
        raise InvalidValue(f"the SVG path {data!r} does not parse: {reason}") from None

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


#: Points sampled along a path to measure its length piece by piece.
PATH_SAMPLES = 2000


def _path(
    layout: Layout, count: int, start: Position, width: float, height: float
) -> list[Position]:
    from svg.path import parse_path

    path = parse_path(layout.path)
    # svg.path measures positions by each segment's own parameter, which bunches
    # points on a curve; sample the path and walk it by length instead
    samples = [path.point(n / PATH_SAMPLES) for n in range(PATH_SAMPLES + 1)]
    lengths = [0.0]
    for a, b in itertools.pairwise(samples):
        lengths.append(lengths[-1] + abs(b - a))
    pitch = width * (1 + AUTO_GAP)
    # a closed path (one that ends where it starts) has as many gaps as steps
    closed = abs(samples[-1] - samples[0]) <= 1e-9 * lengths[-1]
    gaps = count if closed else count - 1
    factor = gaps * pitch / lengths[-1] if gaps else 1.0
    positions = []
    for number in range(count):
        wanted = lengths[-1] * number / gaps if gaps else 0.0
        n = min(bisect.bisect_left(lengths, wanted), PATH_SAMPLES)
        if n > 0 and lengths[n] > lengths[n - 1]:
            part = (wanted - lengths[n - 1]) / (lengths[n] - lengths[n - 1])
            point = samples[n - 1] + (samples[n] - samples[n - 1]) * part
            fraction = (n - 1 + part) / PATH_SAMPLES
        else:
            point, fraction = samples[n], n / PATH_SAMPLES
        tangent = path.tangent(fraction)
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
