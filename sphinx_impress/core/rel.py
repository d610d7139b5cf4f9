"""impress.js's rel plugin, computed at build time: where a step with ``data-rel-x``,
``data-rel-y``, ``data-rel-z``, ``data-rel-to``, ``data-rel-rotate-x/y/z``,
``data-rel-position`` and ``data-rel-reset`` ends up, as absolute numbers.

Pure Python with no Sphinx or docutils import. The rules, and every rounding, follow
the rel plugin and the rotation helpers of impress.js after 1.1.0
(src/plugins/rel/rel.js and README.md, src/lib/rotation.js; the vendored 1.1.0 knows
only ``data-rel-x/-y/-z`` and ``data-rel-to``, which it computes the same way):

- The plugin goes through the steps in order, starting from the origin, with no
  rotation and the relative position mode ``absolute``.
- ``data-rel-x/-y/-z`` move the step from the previous one (px, or deck widths and
  heights: ``1.5w``); ``data-rel-rotate-x/-y/-z`` turn it further (degrees). Both are
  passed on: a step that does not give them moves (and turns) as much again. A step
  that gives an absolute ``data-x`` (and so on) sets that axis, and passes on no move
  along it.
- ``data-rel-position="relative"`` (passed on too) counts the move and the turn in
  the previous step's own, rotated, frame, rounded to hundredths as the plugin does.
- ``data-rel-reset`` passes on no move or turn from before; ``data-rel-reset="all"``
  also drops the previous step's rotation.
- ``data-rel-to`` counts from the named earlier step instead of the previous one: its
  place only, unless that step's position mode is ``relative``, which also takes its
  rotation and the move and turn it passes on.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from .values import Value

#: The modes of ``data-rel-position``.
POSITION_MODES: tuple[str, ...] = ("absolute", "relative")

#: The values of ``data-rel-reset``: empty or ``relative`` (the moves and turns passed
#: on), ``all`` (also the previous step's rotation).
RESET_MODES: tuple[str, ...] = ("", "relative", "all")

#: The rel plugin's attributes, by step option name without ``data-``.
REL_OPTIONS: tuple[str, ...] = (
    "rel-x",
    "rel-y",
    "rel-z",
    "rel-rotate-x",
    "rel-rotate-y",
    "rel-rotate-z",
    "rel-position",
    "rel-reset",
)



@dataclass(frozen=True)
class RelOptions:
    """What a step's options say to the rel plugin, as written: ``move`` by axis letter
    (``data-rel-x/-y/-z``: px, or deck widths and heights), ``turn`` by axis letter
    (``data-rel-rotate-x/-y/-z``, degrees), ``position`` (``data-rel-position``, one of
    :data:`POSITION_MODES`) and ``reset`` (``data-rel-reset``, one of
    :data:`RESET_MODES`); ``None``: not given."""

    move: Mapping[str, Value] = field(default_factory=dict)
    turn: Mapping[str, float] = field(default_factory=dict)
    position: str | None = None
    reset: str | None = None

    def merged(self, later: RelOptions) -> RelOptions:
        """These options with ``later``'s laid over them."""
        return RelOptions(
            move={**self.move, **later.move},
            turn={**self.turn, **later.turn},
            position=self.position if later.position is None else later.position,
            reset=self.reset if later.reset is None else later.reset,
        )


Vector = tuple[float, float, float]
Quaternion = tuple[float, float, float, float]


@dataclass(frozen=True)
class Rotation:
    """Angles in degrees about x, y and z, applied in ``order`` (``data-rotate-order``)."""

    x: float = 0.0
    y: float = 0.0
    z: float = 0.0
    order: str = "xyz"

    def angle(self, axis: str) -> float:
        """The angle about ``axis`` (``"x"``, ``"y"`` or ``"z"``)."""
        return float(getattr(self, axis))


@dataclass(frozen=True)
class RelState:
    """What the rel plugin knows of a step once it has placed it: its centre (px), its
    rotation, and what it passes on to the next step: the position mode and the
    relative move (px) and turn (degrees)."""

    x: float = 0.0
    y: float = 0.0
    z: float = 0.0
    rotate: Rotation = Rotation()
    position: str = "absolute"
    move: Vector = (0.0, 0.0, 0.0)
    turn: Rotation = Rotation()


#: Where the plugin starts: the state before the first step.
START = RelState()


@dataclass(frozen=True)
class RelAttributes:
    """What one step's element says to the rel plugin; ``None``: the attribute is not
    there.

    ``place``: ``data-x/-y/-z`` by axis letter (px); ``rotate``: ``data-rotate-x/-y/-z``
    by axis letter (degrees); ``order``: ``data-rotate-order``; ``move``:
    ``data-rel-x/-y/-z`` by axis letter (px, units already multiplied out); ``turn``:
    ``data-rel-rotate-x/-y/-z`` by axis letter (degrees); ``position``:
    ``data-rel-position``; ``reset``: ``data-rel-reset`` (``""`` when given empty).
    """

    place: Mapping[str, float] = field(default_factory=dict)
    rotate: Mapping[str, float] = field(default_factory=dict)
    order: str | None = None
    move: Mapping[str, float] = field(default_factory=dict)
    turn: Mapping[str, float] = field(default_factory=dict)
    position: str | None = None
    reset: str | None = None


def place(
    attributes: RelAttributes, previous: RelState | None, reference: RelState | None = None
) -> RelState:
    """The state of one step, as the rel plugin computes it.

    :param attributes: what the step's element says.
    :param previous: the state of the step before it (``None`` for the first step).
    :param reference: the state of the earlier step ``data-rel-to`` names, or ``None``
        when the step has no ``data-rel-to`` (or it names no earlier step, which the
        plugin ignores).
    """
    before = previous or START
    if reference is not None:
        if reference.position != "relative":
            before = RelState(reference.x, reference.y, reference.z)
        else:
            before = RelState(
                reference.x,
                reference.y,
                reference.z,
                replace(reference.rotate, order=before.rotate.order),
                "relative",
                reference.move,
                replace(reference.turn, order="xyz"),
            )
    inherit_rotation = True
    if attributes.reset is not None:
        before = replace(before, move=(0.0, 0.0, 0.0), turn=Rotation())
        inherit_rotation = attributes.reset != "all"
    order = attributes.order or "xyz"
    start = [attributes.place.get(axis, before.x if axis == "x" else before.y if axis == "y"
                                  else before.z) for axis in "xyz"]
    rotate = _rotation([attributes.rotate.get(axis, 0.0) for axis in "xyz"], order)
    mode = attributes.position or before.position
    move = [attributes.move.get(axis, before.move["xyz".index(axis)]) for axis in "xyz"]
    turn = [attributes.turn.get(axis, before.turn.angle(axis)) for axis in "xyz"]
    if mode == "relative" and inherit_rotation:
        moved, combined = _translate_relative(
            (move[0], move[1], move[2]), _rotation(turn, order), before.rotate
        )
        offset = list(moved)
        extra = [combined.angle(axis) - rotate.angle(axis) for axis in "xyz"]
    else:
        offset, extra = list(move), list(turn)
    for index, axis in enumerate("xyz"):
        if axis in attributes.place:
            offset[index] = move[index] = 0.0
        if axis in attributes.rotate or not inherit_rotation:
            extra[index] = turn[index] = 0.0
    final = [value + delta for value, delta in zip(start, offset, strict=True)]
    angles = [rotate.angle(axis) + delta for axis, delta in zip("xyz", extra, strict=True)]
    return RelState(
        final[0],
        final[1],
        final[2],
        rotate=_rotation(angles, order),
        position=mode,
        move=(move[0], move[1], move[2]),
        turn=_rotation(turn, order),
    )


def _rotation(angles: list[float], order: str) -> Rotation:
    return Rotation(angles[0], angles[1], angles[2], order)


# ---- impress.js's rotation helpers (src/lib/rotation.js), with their rounding ------


def _js_round(number: float) -> float:
    """JavaScript's ``Math.round``: the nearest integer, halves up."""
    if not math.isfinite(number):
        return number
    floor = math.floor(number)
    return float(floor + 1 if number - floor >= 0.5 else floor)


def _round(number: float) -> float:
    """impress.js's ``roundNumber``: to hundredths."""
    return _js_round((number + 2.220446049250313e-16) * 100) / 100


def _length(vector: Vector) -> float:
    return math.sqrt(vector[0] * vector[0] + vector[1] * vector[1] + vector[2] * vector[2])


def _dot(a: Vector, b: Vector) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _cross(a: Vector, b: Vector) -> Vector:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _is_zero(vector: Vector) -> bool:
    return not any(_round(value) for value in vector)


Basis = dict[str, Vector]

#: The world's unit vectors, by axis.
WORLD: Basis = {"x": (1.0, 0.0, 0.0), "y": (0.0, 1.0, 0.0), "z": (0.0, 0.0, 1.0)}


def _quaternion(axis: Vector, degrees: float = 0.0) -> Quaternion:
    real, factor = 0.0, 1.0
    if degrees and not math.isnan(degrees):
        radians = degrees * math.pi / 180
        real = math.cos(radians / 2)
        factor = math.sin(radians / 2) / _length(axis)
    return (real, axis[0] * factor, axis[1] * factor, axis[2] * factor)


def _multiply(a: Quaternion, b: Quaternion) -> Quaternion:
    return (
        a[0] * b[0] - a[1] * b[1] - a[2] * b[2] - a[3] * b[3],
        a[1] * b[0] + a[0] * b[1] - a[3] * b[2] + a[2] * b[3],
        a[2] * b[0] + a[3] * b[1] + a[0] * b[2] - a[1] * b[3],
        a[3] * b[0] - a[2] * b[1] + a[1] * b[2] + a[0] * b[3],
    )


def _rotate_vector(vector: Vector, rotation: Quaternion) -> Vector:
    conjugate = (rotation[0], -rotation[1], -rotation[2], -rotation[3])
    result = _multiply(_multiply(rotation, _quaternion(vector)), conjugate)
    return (_round(result[1]), _round(result[2]), _round(result[3]))


def _rotation_quaternion(basis: Basis, order: str, angles: Mapping[str, float]) -> Quaternion:
    """The quaternion of a rotation given in ``basis``: each angle (degrees, by axis;
    a missing one is 0) about the basis as the angles before it in ``order`` have
    turned it, as CSS applies rotations."""
    result: Quaternion = (1.0, 0.0, 0.0, 0.0)
    for index, axis in enumerate(order):
        degrees = angles.get(axis)
        if not degrees or abs(degrees) < 0.0001:
            continue
        frame = basis
        if index > 0:
            frame = {name: _rotate_vector(vector, result) for name, vector in basis.items()}
        result = _multiply(_quaternion(frame[axis], degrees), result)
    return result


def _angles(rotation: Rotation) -> dict[str, float]:
    return {axis: rotation.angle(axis) for axis in "xyz"}


def _rotate_basis(basis: Basis, order: str, angles: Mapping[str, float]) -> Basis:
    quaternion = _rotation_quaternion(basis, order, angles)
    return {name: _rotate_vector(vector, quaternion) for name, vector in basis.items()}


def _angle_between(axis: Vector, first: Vector, second: Vector) -> float:
    length_first, length_second = _length(first), _length(second)
    if not length_first or not length_second:
        return 0.0
    cosine = _dot(first, second) / length_first / length_second
    angle = math.acos(cosine) * 180 / math.pi if -1 <= cosine <= 1 else math.nan
    return angle if _dot(_cross(first, second), axis) > 0 else -angle


def _angle_to_plane(axis: Vector, in_plane: Vector, vector: Vector) -> float:
    normal = _cross(axis, in_plane)
    if _is_zero(normal):
        return 0.0
    return 90 - _angle_between(axis, vector, normal)


def _ordered_rotation(basis: Basis, order: str) -> Rotation:
    first, second, third = order[0], order[1], order[2]
    third_angle = _angle_to_plane(basis[third], WORLD[first], basis[first])
    undone = _rotate_basis(basis, order[::-1], {third: -third_angle})
    second_angle = _angle_between(undone[second], WORLD[first], undone[first])
    first_angle = _angle_between(WORLD[first], WORLD[second], undone[second])
    angles = {first: _round(first_angle), second: _round(second_angle), third: _round(third_angle)}
    return _rotation([angles[axis] for axis in "xyz"], order)


def _nearest_angle(base: float, degrees: float) -> float:
    while degrees > base + 180:
        degrees -= 360
    while degrees < base - 180:
        degrees += 360
    return degrees


def _combine(rotations: list[Rotation]) -> Rotation:
    """One rotation with the effect of ``rotations`` one after the other, the one of the
    six orders closest to the first rotation."""
    basis = WORLD
    for rotation in rotations:
        basis = _rotate_basis(basis, rotation.order, _angles(rotation))
    base = rotations[0]
    best: Rotation | None = None
    best_score = math.nan
    for index, order in enumerate(("xyz", "xzy", "yxz", "yzx", "zxy", "zyx")):
        found = _ordered_rotation(basis, order)
        candidate = _rotation(
            [_nearest_angle(base.angle(a), found.angle(a)) for a in "xyz"], order
        )
        score = sum(abs(candidate.angle(a) - base.angle(a)) for a in "xyz")
        if not index or score < best_score:
            best, best_score = candidate, score
    assert best is not None
    return best


def _translate_relative(
    move: Vector, turn: Rotation, previous: Rotation
) -> tuple[Vector, Rotation]:
    """The move and turn of a step in ``data-rel-position="relative"`` mode, counted in
    the frame of the previous step's rotation: the move turned with it (rounded to
    hundredths of a px), and the rotation of both turns together."""
    moved = _rotate_vector(move, _rotation_quaternion(WORLD, previous.order, _angles(previous)))
    return moved, _combine([previous, turn])
