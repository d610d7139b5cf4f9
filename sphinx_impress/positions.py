"""Turn what authors wrote about a step's place into absolute numbers.

Values (absolute, relative ``r+1000``, in deck widths and heights ``1.5w``), the rule
for what is not given, layouts for steps without a position, overview steps and the
check for steps on top of each other. Pure Python with no Sphinx or docutils import,
so that it can be tested alone. The
numbers follow impress.js's step attributes (impress.js DOCUMENTATION.md, "Step
Element"): ``data-x``, ``data-y`` and ``data-z`` are the centre of the step on the
canvas in px, ``data-scale`` a factor, ``data-rotate-x/y/z`` angles in degrees, applied
in ``data-rotate-order``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from decimal import Decimal

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


#: A number as the documentation describes it: ASCII digits, an optional sign, point
#: and exponent (``1200``, ``-3.5``, ``+.5``, ``1e3``).
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


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
        if text.lower().lstrip("+-") in {"nan", "inf", "infinity"}:
            raise PositionError(f"expected a finite number, got {value!r}")
        if not _DECIMAL.fullmatch(text):
            # float() would also take "1_000" and digits of other scripts
            raise PositionError(f"expected a number, got {value!r}")
        number = float(text)
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
    the same float, so writing is deterministic and exact. It never raises: infinities
    and NaN are written as JavaScript spells them (``"Infinity"``, ``"-Infinity"``,
    ``"NaN"``), for messages; the values written into pages are finite.
    """
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    if value == int(value) and abs(value) < 2**53:
        return str(int(value))
    text = format(Decimal(repr(float(value))), "f")
    return text.removesuffix(".0")


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


#: Axes that move a step (px); only these take the units ``w`` and ``h``.
TRANSLATIONS: tuple[str, ...] = ("x", "y", "z")

_VALUE = re.compile(
    r"^(?P<relative>r)?(?P<number>[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)"
    r"(?P<unit>[wh])?$"
)


@dataclass(frozen=True)
class Value:
    """One axis as an author wrote it.

    ``number`` in px, degrees or a scale factor; ``relative``: added to the reference
    step's value (the previous step, or the ``rel-to`` step); ``unit``: ``"w"`` or
    ``"h"`` when the number counts deck widths or heights (``1.5w``), else ``""``.
    """

    number: float
    relative: bool = False
    unit: str = ""

    def resolve(self, reference: float, width: float, height: float) -> float:
        """The absolute value, given the reference step's value for this axis."""
        factor = {"w": width, "h": height}.get(self.unit, 1.0)
        number = self.number * factor
        return reference + number if self.relative else number

    def as_tuple(self) -> tuple[float, bool, str]:
        """A plain form for storing in a doctree."""
        return (self.number, self.relative, self.unit)


def parse_value(value: object, axis: str) -> Value:
    """Read one axis: ``1200``, ``-3.5``, ``r+1000``, ``r-500``, ``r1000`` (hovercraft's
    spelling of ``r+1000``), ``1.5w``, ``-2h``, ``r+0.5w``.

    ``r`` makes the value relative: it is added to the reference step's value, so for
    ``scale`` ``r+1`` means one more than the reference step's scale, and for rotations
    a number of degrees more. ``w`` and ``h`` count the deck's width and height and are
    for ``x``, ``y`` and ``z`` only.

    :raises PositionError: for anything else, an absolute scale outside
        :data:`SCALE_RANGE`, and numbers beyond :data:`LIMIT`.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = repr(value)
    elif isinstance(value, str):
        text = value.strip().replace(" ", "")
    else:
        raise PositionError(f"expected a number, got {value!r}")
    match = _VALUE.match(text)
    if match is None:
        if axis in TRANSLATIONS:
            kinds = (
                "a number, r+number (relative to the previous step) or a number of w or "
                "h (deck widths or heights)"
            )
        else:
            kinds = "a number or r+number (relative to the previous step)"
        raise PositionError(f"expected {kinds}, got {value!r}")
    relative, unit = bool(match["relative"]), match["unit"] or ""
    if unit and axis not in TRANSLATIONS:
        raise PositionError(f"{axis} takes no unit, got {value!r}")
    if axis == "scale" and not relative:
        number = parse_number(match["number"], *SCALE_RANGE)
    else:
        number = parse_number(match["number"])
    return Value(number, relative, unit)


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
    :raises PositionError: for an unknown name, a grid with fewer than one column,
        path data that does not parse or has no length, or a ``path`` layout without
        path data.
    """
    text = str(name or "").strip().lower()
    if text not in LAYOUTS:
        raise PositionError(f"unknown layout {name!r} (known: {', '.join(LAYOUTS)})")
    count = 0
    if columns not in (None, ""):
        number = parse_number(columns, 1, LIMIT)
        if number != int(number):
            raise PositionError(f"a grid needs a whole number of columns, got {columns!r}")
        count = int(number)
    data = str(path or "").strip()
    if text == "path":
        if not data:
            raise PositionError("a path layout needs SVG path data")
        if path_length(data) <= 0:
            raise PositionError(f"the SVG path {data!r} has no length")
    return Layout(text, count, data, parse_flag(rotate))


def parse_flag(value: object) -> bool:
    """Read a yes/no option: ``None`` (not given) is no; an empty value (a flag written
    alone) is yes; also ``yes``/``no``, ``true``/``false``, ``on``/``off``, ``1``/``0``.

    :raises PositionError: for anything else.
    """
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("", "yes", "true", "1", "on"):
        return True
    if text in ("no", "false", "0", "off"):
        return False
    raise PositionError(f"expected yes or no, got {value!r}")


#: Text that cannot be part of SVG path data (SVG 2, "Path data": command letters,
#: numbers, signs, points, exponents, commas and white space).
_NOT_PATH_DATA = re.compile(r"[^MmZzLlHhVvCcSsQqTtAaEe0-9+\-.,\s]+")


def path_length(data: str) -> float:
    """The length of SVG path data, in its own units.

    :raises PositionError: when the data does not parse.
    """
    from svg.path import parse_path
    from svg.path.parser import InvalidPathError

    # svg.path stops quietly at text it does not know, so anything but path commands
    # and numbers is refused here, before any of the path could be lost
    stray = _NOT_PATH_DATA.search(data)
    if stray:
        raise PositionError(
            f"the SVG path {data!r} has {stray.group()!r}, which is not SVG path data"
        )
    try:
        return float(parse_path(data).length())
    except (InvalidPathError, ValueError, IndexError, TypeError, AssertionError) as error:
        # svg.path checks some malformed data (a path that opens with Z) with assert
        reason = str(error) or "it does not start with a move (M)"
        raise PositionError(f"the SVG path {data!r} does not parse: {reason}") from None


@dataclass(frozen=True)
class StepSpec:
    """What the author said about one step's place.

    ``axes``: the axes given, by option name; ``rel_to``: the index of an earlier step
    that relative values count from (``None``: the previous step); ``scope``: the group
    of steps that share ``layout`` (a section, or ``None`` for the deck); ``layout``:
    the layout for the step if it gives no axis; ``overview``: the step shows the whole
    deck.
    """

    axes: Mapping[str, Value] = field(default_factory=dict)
    rel_to: int | None = None
    scope: Hashable = None
    layout: Layout = Layout()
    overview: bool = False


@dataclass(frozen=True)
class Problem:
    """Something about a deck's positions that the author should hear about.

    ``index``: the step; ``kind``: ``"position"`` (a relative value with nothing to
    count from, a scale that falls out of range) or ``"overlap"`` (the step sits exactly
    where an earlier one sits); ``message``: for the author.
    """

    index: int
    kind: str
    message: str


def resolve(
    specs: Sequence[StepSpec], width: float, height: float
) -> tuple[list[Position], list[Problem]]:
    """Give every step of a deck an absolute position.

    :param specs: one :class:`StepSpec` per step, in presentation order.
    :param width: the deck's step width in px (``impress_width``).
    :param height: the deck's step height in px (``impress_height``).
    :returns: one :class:`Position` per step, and the problems found.

    The rule for what is not given:

    - A step with only absolute values is placed exactly there; an axis it does not
      give is 0 (scale 1).
    - A step with a relative value counts from its reference step (the previous step,
      or its ``rel-to`` step): relative values are added to the reference's, ``x``,
      ``y`` and ``z`` that it does not give are the reference's, and rotations and
      scale that it does not give are 0 and 1 (they are not inherited).
    - Consecutive steps that give nothing are placed by their layout, starting next to
      the previous step (:mod:`sphinx_impress.layouts`).
    - An overview step is placed last, over all the others
      (:func:`overview_position`).
    """
    from .layouts import place_run

    positions: list[Position | None] = [None] * len(specs)
    problems: list[Problem] = []
    previous: Position | None = None
    last_run: list[Position] = []
    index = 0
    while index < len(specs):
        spec = specs[index]
        if spec.overview:
            index += 1
            continue
        if spec.axes:
            reference = previous
            if spec.rel_to is not None and positions[spec.rel_to] is not None:
                reference = positions[spec.rel_to]
            positions[index] = _place(spec, index, reference, width, height, problems)
            previous = positions[index]
            last_run = []
            index += 1
            continue
        run = [index]
        following = index + 1
        while following < len(specs) and not specs[following].axes:
            if not specs[following].overview:
                if (specs[following].scope, specs[following].layout) != (
                    spec.scope,
                    spec.layout,
                ):
                    break
                run.append(following)
            following += 1
        for member, position in zip(
            run,
            place_run(spec.layout, len(run), previous, width, height, last_run),
            strict=True,
        ):
            positions[member] = position
        last_run = [positions[member] for member in run]
        previous = positions[run[-1]]
        index = run[-1] + 1
    others = [position for position in positions if position is not None]
    for number, spec in enumerate(specs):
        if spec.overview:
            positions[number] = overview_position(others, width, height)
            if others and positions[number].scale >= SCALE_RANGE[1]:
                problems.append(
                    Problem(
                        number,
                        "position",
                        f"the deck is too large for an overview: showing all of it needs "
                        f"a scale above {format_number(SCALE_RANGE[1])}, so this overview "
                        "shows only its middle",
                    )
                )
    placed = [_rounded(position or Position()) for position in positions]
    problems.extend(_overlaps(placed, specs))
    return placed, problems


#: Decimal places kept of every computed number: a millionth of a px or degree, so
#: that trigonometry leaves no noise such as 1.2e-13 in the output.
PRECISION = 6


def _rounded(position: Position) -> Position:
    return Position.from_axes(
        {axis: round(value, PRECISION) + 0.0 for axis, value in position.as_axes().items()}
    )


def _place(
    spec: StepSpec,
    index: int,
    reference: Position | None,
    width: float,
    height: float,
    problems: list[Problem],
) -> Position:
    relative = any(value.relative for value in spec.axes.values())
    if relative and reference is None:
        problems.append(
            Problem(index, "position", "relative values on the first step count from 0")
        )
    base = (reference or Position()).as_axes()
    axes: dict[str, float] = {}
    for axis in AXES:
        value = spec.axes.get(axis)
        if value is not None:
            axes[axis] = value.resolve(base[axis], width, height)
        elif relative and axis in TRANSLATIONS:
            axes[axis] = base[axis]
    for axis in AXES:
        if axis != "scale" and abs(axes.get(axis, 0.0)) > LIMIT:
            wanted = axes[axis]
            axes[axis] = math.copysign(LIMIT, wanted)
            problems.append(
                Problem(
                    index,
                    "position",
                    f"{axis} comes to {format_number(wanted)}, beyond the limit; using "
                    f"{format_number(axes[axis])}",
                )
            )
    scale = axes.get("scale", 1.0)
    low, high = SCALE_RANGE
    if not low <= scale <= high:
        axes["scale"] = min(max(scale, low), high)
        problems.append(
            Problem(
                index,
                "position",
                f"the relative scale comes to {format_number(scale)}; using "
                f"{format_number(axes['scale'])}",
            )
        )
    return Position.from_axes(axes)


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
        tuple(a[row][0] * b[0][col] + a[row][1] * b[1][col] + a[row][2] * b[2][col] for col in range(3))
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
        scale=min(max(scale, 1.0), SCALE_RANGE[1]),
    )


def _overlaps(positions: Sequence[Position], specs: Sequence[StepSpec]) -> list[Problem]:
    seen: dict[Position, int] = {}
    problems = []
    for index, position in enumerate(positions):
        if specs[index].overview:
            continue  # overview steps place themselves, all at the same place
        earlier = seen.setdefault(position, index)
        if earlier != index:
            problems.append(
                Problem(
                    index,
                    "overlap",
                    f"this step sits exactly where step {earlier + 1} sits "
                    "(same position, scale and rotation)",
                )
            )
    return problems
