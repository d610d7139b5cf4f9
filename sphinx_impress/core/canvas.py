"""Draw a presentation's canvas from above, as an SVG document.

Pure Python with no Sphinx or docutils import, so that it can be tested alone. The
drawing is a map for authors: each step's footprint on the canvas, numbered in
presentation order, and the path the camera takes through them, so that a layout can be
looked at instead of read as numbers.

Geometry follows impress.js (DOCUMENTATION.md, "Step Element"; src/impress.js): a step
is a ``width`` by ``height`` px element centred on ``(x, y, z)``, scaled by ``scale``
and rotated by ``rotate_x/y/z`` degrees. Screen coordinates are CSS's: x to the right,
y down, so a positive ``rotate_z`` turns a step clockwise. impress.js writes the step's
transform as ``translate3d(x, y, z) rotateX(rx) rotateY(ry) rotateZ(rz) scale(s)``
(for the default ``data-rotate-order`` ``"xyz"``); as in any CSS transform list the
rightmost function acts on the element's points first, so a corner ``p`` lands on
``t + Rx · Ry · Rz · s·p``. The drawing drops z: it shows the footprint seen from above
the canvas, looking along z, so a step turned 90 degrees about x or y is a thin line.
"""

from __future__ import annotations

import itertools
import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from .geometry import Position, footprint
from .values import format_number

__all__ = ["CanvasStep", "Label", "canvas_svg", "footprint", "place_labels"]

#: The larger side of the drawing, in output px (the svg element's width or height).
PIXELS = 1200

#: The margin around the steps, as a fraction of the larger side of their extent.
MARGIN = 0.05

#: The smaller side of the drawing, at least, as a fraction of the larger: a deck laid
#: out in one long row or column gets room above and below it (or beside it) for the
#: labels that do not fit on the steps, which are kept inside the drawing.
MIN_SIDE = 0.2

#: The smallest and largest type of a step's number and of its id, in output px. Between
#: the two the type is in proportion to the step's size (scale times the smaller of the
#: deck's width and height), so that an overview step does not hide the map and a small
#: step in a large deck keeps a label that can be read.
NUMBER_PX = (16.0, 100.0)
ID_PX = (10.0, 36.0)

#: Colours: footprint fill and outline, path, label text and its halo, background.
STEP_FILL = "#a9c8ee"
STEP_STROKE = "#2c3e50"
PATH_COLOUR = "#c0392b"
LABEL_COLOUR = "#17202a"
HALO_COLOUR = "#ffffff"
BACKGROUND = "#ffffff"

#: The shortest typical step of the path (the median distance between successive
#: centres), in output px, at which each segment gets an arrowhead (an arrowhead is
#: 12.5 px long): below it the arrowheads would run into a band over the steps, so only
#: the last one is drawn, and the path is half as thick.
ARROWS_FROM_PX = 40.0

#: The id of the arrowhead marker (prefixed, so the drawing can sit inside a page).
ARROW_ID = "sphinx-impress-canvas-arrow"

_SVG_NS = "http://www.w3.org/2000/svg"

# Characters that XML 1.0 does not allow in a document, even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class CanvasStep:
    """One step to draw: its id (``<div id>``), its absolute position and its title.

    ``rotate_order`` is the step's ``data-rotate-order``, one of :data:`ORDERS`;
    ``href``, if given, the address of the presentation at this step, which the
    step's footprint links to.
    """

    id: str
    position: Position
    title: str = ""
    rotate_order: str = "xyz"
    href: str = ""


def _number(value: float) -> str:
    """Write a number for the drawing: rounded to two decimals, then as
    :func:`~sphinx_impress.core.values.format_number` writes every number."""
    return format_number(round(value, 2))


def _points(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_number(x)},{_number(y)}" for x, y in points)


def _text(value: str) -> str:
    """Escape text content; characters XML cannot hold become U+FFFD."""
    value = _NOT_XML.sub("\ufffd", value)
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    """Escape a double-quoted attribute value, keeping whitespace characters as written."""
    value = _text(value).replace('"', "&quot;")
    return value.replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")


Attributes = Sequence[tuple[str, str | float]]


def _open(name: str, attributes: Attributes) -> str:
    """A start tag (without its ``>``) with its attributes in the order given; numbers
    are written with :func:`_number`, text is escaped."""
    parts = [name]
    for key, value in attributes:
        text = _number(value) if isinstance(value, int | float) else _attribute(value)
        parts.append(f'{key}="{text}"')
    return "<" + " ".join(parts)


def _start(name: str, attributes: Attributes) -> str:
    """A start tag, for an element whose children follow on their own lines."""
    return _open(name, attributes) + ">"


def _element(name: str, attributes: Attributes, content: str | None = None) -> str:
    """A whole element. ``content`` is already escaped; ``None`` makes it empty."""
    if content is None:
        return _open(name, attributes) + "/>"
    return f"{_open(name, attributes)}>{content}</{name}>"


def _check(value: float, what: str, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    if positive and value <= 0:
        raise ValueError(f"{what} must be greater than 0, got {value!r}")
    return float(value)


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def _plural(count: int) -> str:
    return f"{count} step" if count == 1 else f"{count} steps"


def _empty() -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        _start("svg", [("xmlns", _SVG_NS), ("viewBox", "0 0 240 80"), ("width", 240),
                       ("height", 80)]),
        "  " + _element("title", [], "Canvas of 0 steps"),
        "  " + _element("rect", [("x", 0), ("y", 0), ("width", 240), ("height", 80),
                                 ("fill", BACKGROUND)]),
        "  " + _element(
            "text",
            [("x", 120), ("y", 46), ("font-family", "sans-serif"), ("font-size", 20),
             ("text-anchor", "middle"), ("fill", LABEL_COLOUR)],
            "no steps",
        ),
        "</svg>",
    ]
    return "\n".join(lines) + "\n"


# ---- labels -------------------------------------------------------------------------

#: The height of a line of a label, in em: the glyphs of a sans-serif font (ascent and
#: descent, about 1.17 em for DejaVu Sans) fit in it; the baseline is
#: :data:`BASELINE` em below its top.
LINE_EM = 1.25
BASELINE = 0.97

#: The smallest factor by which a label's type may be shrunk to make room, relative to
#: its size in proportion to the step; and the smallest type, in output px, below which
#: a label is not drawn at all.
SHRINK_TO = 0.5
SMALLEST_PX = 7.0

#: Where a label may go, as (dx, dy) in label widths and heights from the step's centre:
#: the centre, then rings around it.
_OFFSETS = [(0.0, 0.0)] + [
    (dx * ring, dy * ring)
    for ring in (0.6, 1.1, 1.6, 2.2, 3.0)
    for dx, dy in ((0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1))
]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """An upper estimate of the width of ``text`` set in a sans-serif font at ``size``
    (in the same unit), from the widths of DejaVu Sans and Liberation Sans glyphs:
    narrow letters and punctuation about a third of an em, wide letters nearly one em,
    digits and other letters about two thirds (a tenth more in bold)."""
    em = 0.0
    for char in text:
        if char in "iljtfrI.,:;'|!-()[] ":
            em += 0.42
        elif char in "mwMW@%&":
            em += 1.0
        elif char.isupper():
            em += 0.8
        else:
            em += 0.66
    return em * size * (1.1 if bold else 1.0)


@dataclass(frozen=True)
class LabelLine:
    """One line of a label: its text, type size and baseline (canvas px)."""

    text: str
    size: float
    baseline: float
    bold: bool = False


@dataclass(frozen=True)
class Label:
    """A step's label as placed: the centre ``x`` of its lines and the lines (the step's
    number, then its id, whole or shortened, unless there was no room for it), the box
    it takes (``left``, ``top``, ``right``, ``bottom``, canvas px) and, for a label
    moved off its step's footprint, the ``leader`` line that ties it to the step: from the
    centre to the nearest point of the box (``x1``, ``y1``, ``x2``, ``y2``)."""

    x: float
    lines: tuple[LabelLine, ...]
    box: tuple[float, float, float, float]
    leader: tuple[float, float, float, float] | None = None


def _shorten(text: str, size: float, room: float) -> str:
    """``text``, or its start and an ellipsis, as long as fits into ``room``."""
    if text_width(text, size) <= room:
        return text
    for keep in range(len(text) - 1, 0, -1):
        shorter = text[:keep] + "…"
        if text_width(shorter, size) <= room:
            return shorter
    return ""


class _Boxes:
    """Boxes already taken, in a grid of square cells, to find those near a box."""

    def __init__(self, cell: float) -> None:
        self.cell = cell
        self.cells: dict[tuple[int, int], list[tuple[float, float, float, float]]] = {}

    def _keys(self, box: tuple[float, float, float, float]) -> list[tuple[int, int]]:
        left, top, right, bottom = box
        columns = range(math.floor(left / self.cell), math.floor(right / self.cell) + 1)
        rows = range(math.floor(top / self.cell), math.floor(bottom / self.cell) + 1)
        return [(column, row) for column in columns for row in rows]

    def free(self, box: tuple[float, float, float, float]) -> bool:
        left, top, right, bottom = box
        for key in self._keys(box):
            for other in self.cells.get(key, ()):
                if left < other[2] and other[0] < right and top < other[3] and other[1] < bottom:
                    return False
        return True

    def take(self, box: tuple[float, float, float, float]) -> None:
        for key in self._keys(box):
            self.cells.setdefault(key, []).append(box)


#: The box of the drawing (``left``, ``top``, ``right``, ``bottom``, canvas px).
Bounds = tuple[float, float, float, float]


def place_labels(
    steps: Sequence[CanvasStep], width: float, height: float, pixel: float,
    bounds: Bounds | None = None,
) -> list[Label]:
    """Place each step's label so that no two labels overlap, and inside ``bounds``.

    :param pixel: one output px, in canvas px.
    :param bounds: the drawing's ``viewBox`` as left, top, right, bottom: a label is
        moved inside it (the least distance), or tried elsewhere, so that none is cut
        off at the drawing's edge.
    :returns: the labels that could be placed, in presentation order.

    A label is the step's 1-based number, bold, over its id, upright, with type in
    proportion to the step (scale times the smaller of ``width`` and ``height``)
    within :data:`NUMBER_PX` and :data:`ID_PX`. Labels are placed in presentation
    order, each where it first fits without touching a label placed before it: on the
    step's centre if it can, with its id (shortened with an ellipsis to the step's
    width), else with smaller type (down to :data:`SHRINK_TO` times, and
    no smaller than :data:`SMALLEST_PX` output px), else its number alone; only then on
    rings around the centre, trying the same in the same order. A label that fits
    nowhere is left out; the step's footprint still carries its number and id in its
    ``<title>``. A label whose box does not meet its step's footprint gets a
    ``leader``. Boxes are estimated from the glyph
    widths of common sans-serif fonts (:func:`text_width`) with a margin, so that the
    drawn text stays inside them.
    """
    placed: list[Label] = []
    grid = _Boxes(64 * pixel)  # a label spans a few cells: at most the drawing's width
    for number, step in enumerate(steps, start=1):
        label = _place_one(step, number, width, height, pixel, grid, bounds)
        if label is not None:
            grid.take(label.box)
            placed.append(label)
    return placed


def _box(
    step: CanvasStep, dx: float, dy: float, width: float, height: float,
    bounds: Bounds | None = None,
) -> tuple[float, float, float, float] | None:
    """The box of a label of ``width`` by ``height`` moved ``dx`` widths and ``dy``
    heights from the step's centre, then the least distance into ``bounds``; ``None``
    when it is larger than ``bounds``."""
    cx = step.position.x + dx * width
    cy = step.position.y + dy * height
    if bounds is not None:
        left, top, right, bottom = bounds
        if width > right - left or height > bottom - top:
            return None
        cx = _clamp(cx, left + width / 2, right - width / 2)
        cy = _clamp(cy, top + height / 2, bottom - height / 2)
    return (cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def _leader(
    step: CanvasStep, box: tuple[float, float, float, float], width: float, height: float
) -> tuple[float, float, float, float] | None:
    """The line from the step's centre to the nearest point of a label's box, or
    ``None`` when the box meets the step's footprint (its bounds on the canvas)."""
    corners = footprint(step.position, width, height, step.rotate_order)
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    if box[0] <= max(xs) and min(xs) <= box[2] and box[1] <= max(ys) and min(ys) <= box[3]:
        return None
    x, y = step.position.x, step.position.y
    return (x, y, _clamp(x, box[0], box[2]), _clamp(y, box[1], box[3]))


def _place_one(
    step: CanvasStep, number: int, width: float, height: float, pixel: float, grid: _Boxes,
    bounds: Bounds | None = None,
) -> Label | None:
    size = step.position.scale * min(width, height)
    number_size = _clamp(0.3 * size, NUMBER_PX[0] * pixel, NUMBER_PX[1] * pixel)
    id_size = min(0.1 * size, 0.85 * size / (0.6 * max(len(step.id), 1)))
    id_size = _clamp(id_size, ID_PX[0] * pixel, ID_PX[1] * pixel)
    # the width of the step as drawn, and never wider than the drawing
    room = min(0.9 * step.position.scale * width, 0.9 * PIXELS * pixel)
    margin = 1.5 * pixel
    smallest = SMALLEST_PX * pixel
    # what to try, best first: the id (shortened with an ellipsis to the step's width,
    # so that it does not crowd the neighbours), then smaller type; then the number
    # alone. Each is tried on the step before the label moves off it.
    variants: list[tuple[float, float, str]] = []
    for factor in (1.0, 0.8, 0.64, SHRINK_TO):
        ids = id_size * factor
        shown = _shorten(step.id, ids, max(room, 4 * ids))
        if shown and ids >= smallest and number_size * factor >= smallest:
            variants.append((number_size * factor, ids, shown))
    for factor in (1.0, 0.8, 0.64, SHRINK_TO):
        if number_size * factor >= smallest:
            variants.append((number_size * factor, 0.0, ""))
    shapes = []
    for ns, ids, shown in variants:
        label_width = max(text_width(str(number), ns, bold=True),
                          text_width(shown, ids) if shown else 0.0) + 2 * margin
        label_height = LINE_EM * ns + (LINE_EM * ids if shown else 0.0) + 2 * margin
        shapes.append((ns, ids, shown, label_width, label_height))
    smallest_shape = min(shapes, key=lambda shape: shape[3] * shape[4], default=None)
    for dx, dy in _OFFSETS:
        if smallest_shape is not None:
            smallest_box = _box(step, dx, dy, smallest_shape[3], smallest_shape[4], bounds)
            if smallest_box is None or not grid.free(smallest_box):
                continue  # not even the smallest label fits here: try the next place
        for ns, ids, shown, label_width, label_height in shapes:
            box = _box(step, dx, dy, label_width, label_height, bounds)
            if box is not None and grid.free(box):
                cx = (box[0] + box[2]) / 2
                top = box[1] + margin
                lines = [LabelLine(str(number), ns, top + BASELINE * ns, bold=True)]
                if shown:
                    lines.append(LabelLine(shown, ids, top + LINE_EM * ns + BASELINE * ids))
                return Label(cx, tuple(lines), box, _leader(step, box, width, height))
    return None


def canvas_svg(steps: Sequence[CanvasStep], width: float, height: float) -> str:
    """Draw a deck's canvas seen from above, as a standalone SVG document.

    :param steps: the deck's steps in presentation order.
    :param width: the deck's step width in px (``impress_width``).
    :param height: the deck's step height in px (``impress_height``).
    :returns: the document as text (declared UTF-8, ending in a newline). The same
        input always gives the same text.
    :raises ValueError: for a width, height or scale that is not a finite number
        greater than 0, a coordinate or angle that is not finite, or an unknown
        rotation order.

    Each step is drawn as its :func:`footprint`, translucent light fill and dark
    outline, with its 1-based number and its id as a label in the middle (upright; type
    sized in proportion to the step within :data:`NUMBER_PX` and :data:`ID_PX`; moved,
    shortened or shrunk where it would overlap another label, :func:`place_labels`) and
    a ``<title>`` "N. id — title" shown on hover; a step with an ``href`` links there
    (the presentation at that step). Labels lie inside the ``viewBox``; one that had to
    move off its step's footprint is tied to the step's centre by a thin leader line. A
    polyline through the step centres, with an arrowhead at the end of each segment
    (only at the end of the last where the centres are closer than
    :data:`ARROWS_FROM_PX`, typically) and a dot on the first step, shows the order;
    it is drawn over the footprints and under the leaders and labels. Every id and
    title is escaped; the document refers to nothing outside itself.

    The ``viewBox`` (canvas px) holds every footprint with a margin of :data:`MARGIN`
    times the larger of the footprints' extent and one step width, its smaller side
    at least :data:`MIN_SIDE` times its larger (centred); the svg element is
    :data:`PIXELS` px on its larger side, with the ``viewBox``'s aspect ratio. Line
    widths are given in output px converted to canvas px, so they look the same for a
    small and a large deck. Numbers carry at most two decimals.
    """
    width = _check(width, "width", positive=True)
    height = _check(height, "height", positive=True)
    if not steps:
        return _empty()

    shapes: list[tuple[tuple[float, float], ...]] = []
    for step in steps:
        position = step.position
        for name in ("x", "y", "z", "rotate_x", "rotate_y", "rotate_z"):
            _check(getattr(position, name), f"step {step.id!r}: {name}")
        _check(position.scale, f"step {step.id!r}: scale", positive=True)
        shapes.append(footprint(position, width, height, step.rotate_order))

    box_x, box_y, box_w, box_h = _view_box(shapes, width)
    larger = max(box_w, box_h)
    pixel = larger / PIXELS  # one output px, in canvas px

    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        _start("svg", [
            ("xmlns", _SVG_NS),
            ("viewBox", " ".join(_number(v) for v in (box_x, box_y, box_w, box_h))),
            ("width", PIXELS * box_w / larger),
            ("height", PIXELS * box_h / larger),
        ]),
        "  " + _element("title", [], f"Canvas of {_plural(len(steps))}"),
        "  <defs>",
        "    " + _element(
            "marker",
            [("id", ARROW_ID), ("viewBox", "0 0 10 10"), ("refX", 10), ("refY", 5),
             ("markerWidth", 5), ("markerHeight", 5), ("markerUnits", "strokeWidth"),
             ("orient", "auto")],
            _element("path", [("d", "M0,0 L10,5 L0,10 Z"), ("fill", PATH_COLOUR)]),
        ),
        "  </defs>",
        "  " + _element(
            "rect",
            [("x", box_x), ("y", box_y), ("width", box_w), ("height", box_h), ("fill", BACKGROUND)],
        ),
    ]

    # Footprints, in order (a later step is drawn over an earlier one).
    lines.append("  " + _start(
        "g",
        [("class", "steps"), ("fill", STEP_FILL), ("fill-opacity", 0.35), ("stroke", STEP_STROKE),
         ("stroke-width", 2 * pixel), ("stroke-linejoin", "round")],
    ))
    for number, (step, shape) in enumerate(zip(steps, shapes, strict=True), start=1):
        hover = f"{number}. {step.id}" + (f" — {step.title}" if step.title else "")
        title = _element("title", [], _text(hover))
        polygon = _element("polygon", [("points", _points(shape))], title)
        if step.href:
            polygon = _element("a", [("href", step.href)], polygon)
        lines.append("    " + polygon)
    lines.append("  </g>")

    lines.extend(_route(steps, pixel))

    lines.extend(_labels(steps, width, height, pixel, (box_x, box_y, box_w, box_h)))
    lines.append("</svg>")
    return "\n".join(lines) + "\n"


def _view_box(
    shapes: list[tuple[tuple[float, float], ...]], width: float
) -> tuple[float, float, float, float]:
    """The ``viewBox`` ``(x, y, width, height)`` of the map (see :func:`canvas_svg`)."""
    xs = [x for shape in shapes for x, _ in shape]
    ys = [y for shape in shapes for _, y in shape]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    margin = MARGIN * max(right - left, bottom - top, width)
    box_x, box_y = left - margin, top - margin
    box_w, box_h = right - left + 2 * margin, bottom - top + 2 * margin
    larger = max(box_w, box_h)
    # room for labels beside a long row or column of steps (MIN_SIDE)
    if box_w < MIN_SIDE * larger:
        box_x -= (MIN_SIDE * larger - box_w) / 2
        box_w = MIN_SIDE * larger
    if box_h < MIN_SIDE * larger:
        box_y -= (MIN_SIDE * larger - box_h) / 2
        box_h = MIN_SIDE * larger
    return box_x, box_y, box_w, box_h


def _route(steps: Sequence[CanvasStep], pixel: float) -> list[str]:
    """The lines of the group that draws the order of the steps (see
    :func:`canvas_svg`)."""
    lines: list[str] = []
    # The path through the deck: an arrowhead on each segment where the steps are far
    # enough apart, else on the last one only (ARROWS_FROM_PX).
    centres = [(step.position.x, step.position.y) for step in steps]
    apart = [math.dist(a, b) / pixel for a, b in itertools.pairwise(centres)]
    spaced = not apart or statistics.median(apart) >= ARROWS_FROM_PX
    lines.append("  " + _start(
        "g",
        [("class", "path"), ("fill", "none"), ("stroke", PATH_COLOUR),
         ("stroke-width", (2.5 if spaced else 1.25) * pixel),
         ("stroke-linejoin", "round"), ("stroke-linecap", "round"), ("pointer-events", "none")],
    ))
    if len(centres) > 1:
        arrow = f"url(#{ARROW_ID})"
        lines.append("    " + _element(
            "polyline",
            [("points", _points(centres)), *([("marker-mid", arrow)] if spaced else []),
             ("marker-end", arrow)],
        ))
    lines.append("    " + _element(
        "circle",
        [("cx", centres[0][0]), ("cy", centres[0][1]), ("r", 7 * pixel), ("fill", PATH_COLOUR),
         ("stroke", HALO_COLOUR), ("stroke-width", 2 * pixel)],
    ))
    lines.append("  </g>")
    return lines


def _labels(
    steps: Sequence[CanvasStep], width: float, height: float, pixel: float,
    box: tuple[float, float, float, float],
) -> list[str]:
    """The lines of the groups that draw the leaders and the labels (see
    :func:`canvas_svg`)."""
    box_x, box_y, box_w, box_h = box
    lines: list[str] = []
    # Labels: upright, in proportion to the step, with a halo to stay legible over
    # lines; placed so that no two overlap, inside the drawing (place_labels); a label
    # moved off its step is tied to the step's centre by a thin leader line.
    labels = place_labels(steps, width, height, pixel, (box_x, box_y, box_x + box_w, box_y + box_h))
    leaders = [label.leader for label in labels if label.leader is not None]
    if leaders:
        lines.append("  " + _start(
            "g",
            [("class", "leaders"), ("stroke", LABEL_COLOUR), ("stroke-width", pixel),
             ("stroke-opacity", 0.6), ("pointer-events", "none")],
        ))
        for x1, y1, x2, y2 in leaders:
            lines.append("    " + _element(
                "line", [("x1", x1), ("y1", y1), ("x2", x2), ("y2", y2)]
            ))
        lines.append("  </g>")
    lines.append("  " + _start(
        "g",
        [("class", "labels"), ("font-family", "sans-serif"), ("text-anchor", "middle"),
         ("fill", LABEL_COLOUR), ("stroke", HALO_COLOUR), ("stroke-linejoin", "round"),
         ("paint-order", "stroke"), ("pointer-events", "none")],
    ))
    for label in labels:
        for line in label.lines:
            lines.append("    " + _element(
                "text",
                [("x", label.x), ("y", line.baseline), ("font-size", line.size),
                 *([("font-weight", "bold")] if line.bold else []),
                 ("stroke-width", (0.12 if line.bold else 0.15) * line.size)],
                _text(line.text),
            ))
    lines.append("  </g>")
    return lines
