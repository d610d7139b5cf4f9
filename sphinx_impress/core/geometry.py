"""Where steps are and what they cover: a step's absolute transform, its footprint on
the canvas, the place next to a step, and the overview of a deck.

Pure Python with no Sphinx or docutils import. Geometry follows impress.js
(DOCUMENTATION.md, "Step Element"; src/impress.js): a step is a ``width`` by ``height``
px element centred on ``(x, y, z)``, scaled by ``scale`` and rotated by
``rotate_x/y/z`` degrees, in screen coordinates (y down).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

from .values import AXES, DEFAULTS, OVERVIEW_MAX_SCALE, format_number

#: Space left between an automatically placed step and the previous one, as a
#: fraction of the deck's width.
AUTO_GAP = 0.25

@dataclass(frozen=True)
class Position:
    """A step's absolute transform on the canvas.

    ``x``, ``y``, ``z`` in px (the centre of the step), ``scale`` a factor greater than
    0, the rotations in degrees.
    """

    x: float = 0.0
    y: float = 0.0
    z: float = 0.0
    scale: float = 1.0
    rotate_x: float = 0.0
    rotate_y: float = 0.0
    rotate_z: float = 0.0

    @classmethod
    def from_axes(cls, axes: Mapping[str, float]) -> Position:
        """Build a position from option names (``"rotate-x"``...); a missing axis is 0,
        a missing scale 1."""
        return cls(**{axis.replace("-", "_"): axes.get(axis, DEFAULTS[axis]) for axis in AXES})

    def as_axes(self) -> dict[str, float]:
        """The position by option name, every axis present, in :data:`AXES` order."""
        return {field.name.replace("_", "-"): getattr(self, field.name) for field in fields(self)}

    def data_attributes(self) -> dict[str, str]:
        """The step element's attributes: ``{"data-x": "1200", ..., "data-rotate-z": "0"}``.

        Every axis is written as a number, because with impress.js's rel plugin a missing
        ``data-x`` means "the previous step's value" and an empty ``data-scale`` means 0
        (impress.js src/plugins/rel/rel.js).
        """
        return {f"data-{axis}": format_number(value) for axis, value in self.as_axes().items()}

    def is_rotated(self) -> bool:
        """Whether any rotation is not a multiple of 360 degrees."""
        return any(angle % 360 for angle in (self.rotate_x, self.rotate_y, self.rotate_z))


def next_to(previous: Position, width: float, height: float) -> Position:
    """The place of a step that gives no position in a ``line`` layout: to the right of
    ``previous``, at the same ``y`` and ``z``, scale 1, not rotated, with
    :data:`AUTO_GAP` times ``width`` between the two steps' extents, so that the two
    never overlap.

    :param width: the deck's step width in px; :param height: its height in px. A rotated
        previous step is given the radius of its whole diagonal.
    """
    if previous.is_rotated():
        half_extent = math.hypot(width, height) / 2 * previous.scale
    else:
        half_extent = width / 2 * previous.scale
    x = previous.x + half_extent + AUTO_GAP * width + width / 2
    return Position(x=x, y=previous.y, z=previous.z)


#: The rotation orders impress.js accepts in ``data-rotate-order``.
ORDERS = frozenset({"xyz", "xzy", "yxz", "yzx", "zxy", "zyx"})

Matrix = tuple[tuple[float, float, float], tuple[float, float, float], tuple[float, float, float]]


def _rotation(axis: str, degrees: float) -> Matrix:
    """The matrix of CSS ``rotateX/Y/Z(degrees)`` (CSS Transforms 2, ``rotate3d``), in
    screen coordinates (y down): a positive ``rotateZ`` is clockwise on screen."""
    turns = degrees % 360
    # Exact values on the quarter turns, so that an edge-on step is exactly a line.
    quarter = {0: (0.0, 1.0), 90: (1.0, 0.0), 180: (0.0, -1.0), 270: (-1.0, 0.0)}
    if turns in quarter:
        sin, cos = quarter[int(turns)]
    else:
        sin, cos = math.sin(math.radians(turns)), math.cos(math.radians(turns))
    if axis == "x":
        return ((1.0, 0.0, 0.0), (0.0, cos, -sin), (0.0, sin, cos))
    if axis == "y":
        return ((cos, 0.0, sin), (0.0, 1.0, 0.0), (-sin, 0.0, cos))
    return ((cos, -sin, 0.0), (sin, cos, 0.0), (0.0, 0.0, 1.0))


def _multiply(a: Matrix, b: Matrix) -> Matrix:
    """The product ``a · b`` (``b`` acts first on a column vector)."""
    return tuple(  # type: ignore[return-value]
        tuple(
            a[row][0] * b[0][col] + a[row][1] * b[1][col] + a[row][2] * b[2][col]
            for col in range(3)
        )
        for row in range(3)
    )


def footprint(
    position: Position, width: float, height: float, order: str = "xyz"
) -> tuple[tuple[float, float], ...]:
    """The corners of a step seen from above the canvas, in canvas px.

    :param position: the step's centre (px), scale and rotations (degrees).
    :param width: the deck's step width in px; :param height: its height in px.
    :param order: the step's ``data-rotate-order``; impress.js writes the rotations in
        this order in the CSS transform, so the last one acts first on the corners.
    :returns: four ``(x, y)`` points: the step's top-left, top-right, bottom-right and
        bottom-left corners after scaling and rotation, z dropped.
    :raises ValueError: for an order that is not a permutation of ``"xyz"``.
    """
    if order not in ORDERS:
        raise ValueError(f"rotate order must be one of {sorted(ORDERS)}, got {order!r}")
    angles = {"x": position.rotate_x, "y": position.rotate_y, "z": position.rotate_z}
    matrix: Matrix = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
    for axis in order:
        if angles[axis] % 360:  # a whole turn is the identity: nothing to multiply
            matrix = _multiply(matrix, _rotation(axis, angles[axis]))
    half_w = width / 2 * position.scale
    half_h = height / 2 * position.scale
    corners = ((-half_w, -half_h), (half_w, -half_h), (half_w, half_h), (-half_w, half_h))
    # The corners lie in the element's plane (z = 0), so only two columns matter.
    return tuple(
        (
            position.x + matrix[0][0] * cx + matrix[0][1] * cy,
            position.y + matrix[1][0] * cx + matrix[1][1] * cy,
        )
        for cx, cy in corners
    )


#: Room left around the other steps in an overview, as a fraction of their extent.
OVERVIEW_MARGIN = 0.1


def overview_position(others: Sequence[Position], width: float, height: float) -> Position:
    """An overview step: centred on everything the other steps cover (rotation and
    scale included), scaled so that all of it fits in one step's view with
    :data:`OVERVIEW_MARGIN` to spare, not rotated, at ``z`` 0."""
    if not others:
        return Position()
    points = [corner for position in others for corner in footprint(position, width, height)]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    extent_x, extent_y = max(xs) - min(xs), max(ys) - min(ys)
    scale = max(extent_x / width, extent_y / height) * (1 + OVERVIEW_MARGIN)
    return Position(
        x=(max(xs) + min(xs)) / 2,
        y=(max(ys) + min(ys)) / 2,
        scale=min(max(scale, 1.0), OVERVIEW_MAX_SCALE),
    )

