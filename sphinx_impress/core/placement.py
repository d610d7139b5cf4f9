"""Give every step of a deck an absolute position: the rule for what is not given,
layouts for runs of steps without a position, overview steps, and the check for steps
on top of each other.

Pure Python with no Sphinx or docutils import.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

from .geometry import Position, overview_position
from .layouts import Layout, place_run
from .problems import Problem
from .values import AXES, LIMIT, SCALE_RANGE, TRANSLATIONS, Value, format_number


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
      the previous step (:mod:`sphinx_impress.core.layouts`).
    - An overview step is placed last, over all the others
      (:func:`overview_position`).
    """
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
        last_run = [spot for member in run if (spot := positions[member]) is not None]
        previous = last_run[-1]
        index = run[-1] + 1
    others = [position for position in positions if position is not None]
    for number, spec in enumerate(specs):
        if spec.overview:
            overview = positions[number] = overview_position(others, width, height)
            if others and overview.scale >= SCALE_RANGE[1]:
                problems.append(
                    Problem(
                        "position",
                        f"the deck is too large for an overview: showing all of it needs "
                        f"a scale above {format_number(SCALE_RANGE[1])}, so this overview "
                        "shows only its middle",
                        number,
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
            Problem("position", "relative values on the first step count from 0", index)
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
                    "position",
                    f"{axis} comes to {format_number(wanted)}, beyond the limit; using "
                    f"{format_number(axes[axis])}",
                    index,
                )
            )
    scale = axes.get("scale", 1.0)
    low, high = SCALE_RANGE
    if not low <= scale <= high:
        axes["scale"] = min(max(scale, low), high)
        problems.append(
            Problem(
                "position",
                f"the relative scale comes to {format_number(scale)}; using "
                f"{format_number(axes['scale'])}",
                index,
            )
        )
    return Position.from_axes(axes)


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
                    "overlap",
                    f"this step sits exactly where step {earlier + 1} sits "
                    "(same position, scale and rotation)",
                    index,
                )
            )
    return problems
