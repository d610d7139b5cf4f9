"""Which steps of a deck cover one another on screen where the author did not mean it.

Pure Python with no Sphinx or docutils import. ``sphinx-impress check`` reports these
pairs (kind ``overlap``).

Two steps overlap by accident when all of these hold:

- neither is an overview step, and neither carries :data:`MAY_OVERLAP` (the author's
  opt-out for a step placed over another on purpose);
- their scales differ by less than :data:`SCALE_RATIO` times: a step much smaller than
  another and placed on it is a detail inside it, on purpose (impress.js's demo puts
  small steps on big ones);
- their centres lie less than :data:`DEPTH` times the larger step's height apart in
  depth (``z``): steps far apart in depth are seen one at a time;
- their footprints on the canvas (:func:`~sphinx_impress.core.geometry.footprint`, as
  the canvas map draws them) share more than :data:`SHARE` of the smaller footprint's
  area.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .geometry import Position, footprint

#: The class by which an author says a step lies over another on purpose.
MAY_OVERLAP = "impress-may-overlap"

#: Steps whose scales differ by this factor or more are not compared.
SCALE_RATIO = 1.5

#: Steps further apart in depth than this many times the larger step's height are not
#: compared.
DEPTH = 0.5

#: The smallest part of the smaller footprint that the two must share.
SHARE = 0.05

Point = tuple[float, float]


@dataclass(frozen=True)
class PlacedStep:
    """A step as the check reads it from the page: its id, position, rotation order,
    and whether it is exempt (an overview step, or one with :data:`MAY_OVERLAP`)."""

    id: str
    position: Position
    rotate_order: str = "xyz"
    exempt: bool = False


@dataclass(frozen=True)
class Overlap:
    """Two steps (indexes ``first`` < ``second`` in presentation order) and the part of
    the smaller footprint they share (0 to 1)."""

    first: int
    second: int
    share: float


def area(polygon: Sequence[Point]) -> float:
    """The area of a simple polygon (shoelace formula), 0 for fewer than 3 corners."""
    if len(polygon) < 3:
        return 0.0
    total = 0.0
    for (x1, y1), (x2, y2) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        total += x1 * y2 - x2 * y1
    return abs(total) / 2


def _orient(polygon: Sequence[Point]) -> list[Point]:
    """The corners counter-clockwise in a y-up sense (positive shoelace sum)."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        total += x1 * y2 - x2 * y1
    return list(polygon) if total >= 0 else list(reversed(polygon))


def clip(subject: Sequence[Point], convex: Sequence[Point]) -> list[Point]:
    """The part of polygon ``subject`` inside the convex polygon ``convex``
    (Sutherland–Hodgman clipping)."""
    output = list(subject)
    edges = _orient(convex)
    for index, a in enumerate(edges):
        b = edges[(index + 1) % len(edges)]
        if not output:
            break
        points, output = output, []

        def inside(p: Point, a: Point = a, b: Point = b) -> bool:
            return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0

        def crossing(p: Point, q: Point, a: Point = a, b: Point = b) -> Point:
            dx, dy = q[0] - p[0], q[1] - p[1]
            ex, ey = b[0] - a[0], b[1] - a[1]
            denominator = ex * dy - ey * dx
            if denominator == 0:
                return q
            t = (ex * (a[1] - p[1]) - ey * (a[0] - p[0])) / denominator
            return (p[0] + t * dx, p[1] + t * dy)

        for index_p, p in enumerate(points):
            q = points[(index_p + 1) % len(points)]
            if inside(q):
                if not inside(p):
                    output.append(crossing(p, q))
                output.append(q)
            elif inside(p):
                output.append(crossing(p, q))
    return output


def overlaps(steps: Sequence[PlacedStep], width: float, height: float) -> list[Overlap]:
    """The pairs of ``steps`` that overlap by accident (see the module's description),
    in presentation order.

    :param width: the deck's step width in px; :param height: its step height.
    """
    shapes = [footprint(step.position, width, height, step.rotate_order) for step in steps]
    boxes = [
        (min(x for x, _ in shape), min(y for _, y in shape),
         max(x for x, _ in shape), max(y for _, y in shape))
        for shape in shapes
    ]
    areas = [area(shape) for shape in shapes]
    order = sorted(range(len(steps)), key=lambda index: boxes[index][0])
    found = []
    for position, i in enumerate(order):
        if steps[i].exempt or areas[i] <= 0:
            continue
        for j in order[position + 1:]:
            if boxes[j][0] >= boxes[i][2]:
                break
            if steps[j].exempt or areas[j] <= 0:
                continue
            if boxes[j][1] >= boxes[i][3] or boxes[i][1] >= boxes[j][3]:
                continue
            a, b = steps[i].position, steps[j].position
            if max(a.scale, b.scale) >= SCALE_RATIO * min(a.scale, b.scale):
                continue
            if abs(a.z - b.z) >= DEPTH * height * max(a.scale, b.scale):
                continue
            share = area(clip(shapes[i], shapes[j])) / min(areas[i], areas[j])
            if share > SHARE:
                found.append(Overlap(min(i, j), max(i, j), min(share, 1.0)))
    return sorted(found, key=lambda overlap: (overlap.first, overlap.second))
