"""Turn what authors wrote about a step's place into absolute numbers.

Pure Python with no Sphinx or docutils import, so that it can be tested alone. The
numbers follow impress.js's step attributes (impress.js DOCUMENTATION.md, "Step
Element"): ``data-x``, ``data-y`` and ``data-z`` are the centre of the step on the
canvas in px, ``data-scale`` a factor, ``data-rotate-x/y/z`` angles in degrees, applied
in ``data-rotate-order``.
"""

from __future__ import annotations

import math
from decimal import Decimal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

#: The axes of a step's transform, by their option names (without ``data-``).
AXES: tuple[str, ...] = ("x", "y", "z", "scale", "rotate-x", "rotate-y", "rotate-z")

#: The value of an axis that a positioned step does not give.
DEFAULTS: Mapping[str, float] = {axis: (1.0 if axis == "scale" else 0.0) for axis in AXES}

#: The largest size of a number a step or deck setting may have (px, degrees, ms,
#: seconds). Browsers keep CSS transforms in single precision, and a step placed
#: further out cannot be shown; the bound also keeps automatic placement finite.
LIMIT = 1e7

#: The smallest and largest step scale (impress.js's ``data-scale``). A step scaled
#: below 1 is drawn small and enlarged by the camera, which blurs it.
SCALE_RANGE = (0.001, 1000.0)

#: Space left between an automatically placed step and the previous one, as a
#: fraction of the deck's width.
AUTO_GAP = 0.25


class PositionError(ValueError):
    """A value that cannot be used as a step coordinate."""


def parse_number(value: object, low: float = -LIMIT, high: float = LIMIT) -> float:
    """Read a finite number, as written in reST (a string) or in MyST (a string, or an
    int or float from YAML).

    :param value: ``"1200"``, ``"-3.5"``, ``" +2 "``, ``1200`` or ``-3.5``.
    :param low: the smallest number allowed; :param high: the largest.
    :returns: the number as a float.
    :raises PositionError: for anything else: empty, words, ``nan``, ``inf``, booleans,
        and numbers outside ``[low, high]`` (by default ±:data:`LIMIT`).
    """
    if isinstance(value, bool) or value is None:
        raise PositionError(f"expected a number, got {value!r}")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        try:
            number = float(text)
        except ValueError:
            raise PositionError(f"expected a number, got {value!r}") from None
        if text.lower().lstrip("+-") in {"nan", "inf", "infinity"}:
            raise PositionError(f"expected a finite number, got {value!r}")
    else:
        raise PositionError(f"expected a number, got {value!r}")
    if not math.isfinite(number):
        raise PositionError(f"expected a finite number, got {value!r}")
    if not low <= number <= high:
        raise PositionError(
            f"expected a number from {format_number(low)} to {format_number(high)}, "
            f"got {value!r}"
        )
    return number


def format_number(value: float) -> str:
    """Write a number for an HTML attribute: no exponent, no trailing ``.0``, no ``-0``.

    ``3000.0`` -> ``"3000"``, ``-0.0`` -> ``"0"``, ``1.5`` -> ``"1.5"``,
    ``1e-07`` -> ``"0.0000001"``. The result is the shortest decimal that reads back to
    the same float, so writing is deterministic and exact.
    """
    if value == 0:
        return "0"
    if value == int(value):
        return str(int(value))
    return format(Decimal(repr(float(value))), "f")


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
    """The place of a step that gives no position: to the right of ``previous``, at the
    same ``y`` and ``z``, scale 1, not rotated, with :data:`AUTO_GAP` times ``width``
    between the two steps' extents, so that the two never overlap.

    :param width: the deck's step width in px; :param height: its height in px. A rotated
        previous step is given the radius of its whole diagonal.
    """
    if previous.is_rotated():
        half_extent = math.hypot(width, height) / 2 * previous.scale
    else:
        half_extent = width / 2 * previous.scale
    x = previous.x + half_extent + AUTO_GAP * width + width / 2
    return Position(x=x, y=previous.y, z=previous.z)


def resolve(steps: Sequence[Mapping[str, float]], width: float, height: float) -> list[Position]:
    """Give every step of a deck an absolute position.

    :param steps: one mapping per step, in presentation order, holding the axes the
        author gave (option names from :data:`AXES`, absolute numbers).
    :param width: the deck's step width in px (``impress_width``).
    :param height: the deck's step height in px (``impress_height``).
    :returns: one :class:`Position` per step.

    The rule: a step that gives at least one axis is placed exactly there, with each
    axis it does not give at 0 (scale 1). A step that gives none is placed by
    :func:`next_to` the previous step; the first step then sits at the origin.
    """
    positions: list[Position] = []
    for axes in steps:
        if axes:
            positions.append(Position.from_axes(axes))
        elif positions:
            positions.append(next_to(positions[-1], width, height))
        else:
            positions.append(Position())
    return positions
