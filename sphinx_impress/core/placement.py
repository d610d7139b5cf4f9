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
from .rel import RelAttributes, RelOptions, RelState, Rotation
from .rel import place as rel_place
from .values import (
    DEFAULTS,
    LIMIT,
    OVERVIEW_MAX_SCALE,
    TRANSLATIONS,
    Value,
    check_scale,
    format_number,
    precision_problem,
)


@dataclass(frozen=True)
class StepSpec:
    """What the author said about one step's place.

    ``axes``: the axes given, by option name; ``rel_to``: the index of an earlier step
    that relative values count from (``None``: the previous step); ``scope``: the group
    of steps that share ``layout`` (a section, or ``None`` for the deck); ``layout``:
    the layout for the step if it gives no axis; ``overview``: the step shows the whole
    deck; ``rel``: what the step says to impress.js's rel plugin (``data-rel-*``), or
    ``None``; ``rotate_order``: its ``data-rotate-order``.
    """

    axes: Mapping[str, Value] = field(default_factory=dict)
    rel_to: int | None = None
    scope: Hashable = None
    layout: Layout = field(default_factory=Layout)
    overview: bool = False
    rel: RelOptions | None = None
    rotate_order: str = "xyz"

    def gives_position(self) -> bool:
        """Whether the step says where it goes (an axis or a rel plugin option)."""
        return bool(self.axes) or self.rel is not None


@dataclass
class _Placer:
    """The state of :func:`resolve` as it goes through the deck in order."""

    specs: Sequence[StepSpec]
    width: float
    height: float
    positions: list[Position | None]
    states: list[RelState | None]
    problems: list[Problem] = field(default_factory=list)
    previous: Position | None = None
    chain: RelState | None = None
    chain_scope: Hashable = None
    chain_active: bool = False
    last_run: list[Position] = field(default_factory=list)

    def record(self, index: int, position: Position, state: RelState) -> None:
        self.positions[index] = position
        self.states[index] = state
        self.previous, self.chain = position, state

    def reference(self, spec: StepSpec) -> tuple[Position | None, RelState | None]:
        """The position relative values count from, and the rel plugin's state of the
        step ``data-rel-to`` names (``None``: none named)."""
        if spec.rel_to is not None and self.positions[spec.rel_to] is not None:
            return self.positions[spec.rel_to], self.states[spec.rel_to]
        return self.previous, None

    def state_of(self, position: Position, order: str) -> RelState:
        """What the rel plugin knows of a step whose page gives every axis as a number:
        its place and rotation, no move or turn to pass on, the position mode passed
        on from before."""
        return RelState(
            position.x,
            position.y,
            position.z,
            Rotation(position.rotate_x, position.rotate_y, position.rotate_z, order),
            self.chain.position if self.chain else "absolute",
            turn=Rotation(order=order),
        )


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
    - A step with impress.js rel plugin options (``rel-x`` ... ``rel-reset``) is
      placed as that plugin places it (:mod:`sphinx_impress.core.rel`), its other
      values read as the numbers they come to. So are the steps after it, as long as
      they give no relative value: one that gives only absolute values takes the axes
      it does not give from the plugin (the previous step's, moved on), and those that
      give nothing, in the same layout scope, go on moving as the plugin moves them.
    - Other consecutive steps that give nothing are placed by their layout, starting
      next to the previous step (:mod:`sphinx_impress.core.layouts`).
    - An overview step is placed last, over all the others
      (:func:`overview_position`).

    A coordinate that comes out beyond ±:data:`LIMIT` is clamped, a relative scale
    that comes to 0 or less is 1, and a step that Chromium may draw off its place
    (:func:`~sphinx_impress.core.values.precision_problem`) is kept; each is a problem.
    """
    placer = _Placer(specs, width, height, [None] * len(specs), [None] * len(specs))
    index = 0
    while index < len(specs):
        spec = specs[index]
        if spec.overview:
            index += 1
            continue
        if spec.gives_position():
            reference, reference_state = placer.reference(spec)
            relative = any(value.relative for value in spec.axes.values())
            if spec.rel is None and (relative or not placer.chain_active):
                position = _place(spec, index, reference, placer)
                placer.chain_active = False
                placer.record(index, position, placer.state_of(position, spec.rotate_order))
            else:
                _place_rel(spec, index, reference, reference_state, placer)
                placer.chain_active, placer.chain_scope = True, spec.scope
            placer.last_run = []
            index += 1
            continue
        if placer.chain_active and spec.scope == placer.chain_scope:
            # the rel plugin passes on the move of the step before
            state = rel_place(RelAttributes(order=spec.rotate_order), placer.chain)
            position = _bounded(_position_of(state, 1.0), index, placer.problems)
            placer.record(index, position, state)
            index += 1
            continue
        index = _place_run(index, placer)
    others = [position for position in placer.positions if position is not None]
    for number, spec in enumerate(specs):
        if spec.overview:
            overview = overview_position(others, width, height)
            placer.positions[number] = overview
            if others and overview.scale >= OVERVIEW_MAX_SCALE:
                placer.problems.append(
                    Problem(
                        "position",
                        index=number,
                        message=(
                            "the deck is too large for an overview: showing all of it needs "
                            f"a scale above {format_number(OVERVIEW_MAX_SCALE)}, so this "
                            "overview shows only its middle"
                        ),
                    )
                )
    placed = [
        _rounded(position or Position(), spec.overview)
        for position, spec in zip(placer.positions, specs, strict=True)
    ]
    for number, position in enumerate(placed):
        caution = precision_problem(position.x, position.y, position.z, position.scale)
        if caution and not specs[number].overview:
            placer.problems.append(Problem("position", index=number, message=caution))
    placer.problems.extend(_overlaps(placed, specs))
    return placed, placer.problems


def _place_run(index: int, placer: _Placer) -> int:
    """Place the run of steps that give nothing from ``index`` on by their layout;
    the index after the run."""
    specs = placer.specs
    spec = specs[index]
    run = [index]
    following = index + 1
    while following < len(specs) and not specs[following].gives_position():
        if not specs[following].overview:
            if (specs[following].scope, specs[following].layout) != (spec.scope, spec.layout):
                break
            run.append(following)
        following += 1
    placed = place_run(
        spec.layout, len(run), placer.previous, placer.width, placer.height, placer.last_run
    )
    for member, position in zip(run, placed, strict=True):
        position = _bounded(position, member, placer.problems)
        placer.record(member, position, placer.state_of(position, specs[member].rotate_order))
    placer.last_run = [placer.positions[member] or Position() for member in run]
    placer.chain_active = False
    return run[-1] + 1


#: Decimal places kept of every computed number: a millionth of a px or degree, so
#: that trigonometry leaves no noise such as 1.2e-13 in the output. A step drawn at a
#: scale below 1 keeps a millionth of its own px (scale 0.0001: ten decimal places),
#: and an overview's fitted scale six decimal places.
PRECISION = 6

#: Significant digits kept of a step's scale: a scale as written reads back exactly,
#: and sums of relative scales lose their binary noise (0.2 + 0.1 is 0.3).
SCALE_DIGITS = 15


def _rounded(position: Position, overview: bool) -> Position:
    if overview:
        scale = round(position.scale, PRECISION)
    else:
        scale = float(f"{position.scale:.{SCALE_DIGITS}g}")
    places = PRECISION + max(0, math.ceil(-math.log10(scale)))
    axes = {
        axis: round(value, places if axis in TRANSLATIONS else PRECISION) + 0.0
        for axis, value in position.as_axes().items()
    }
    return Position.from_axes({**axes, "scale": scale})


def _given(
    spec: StepSpec, index: int, reference: Position | None, placer: _Placer
) -> dict[str, float]:
    """The axes the step gives, as numbers: relative ones added to the reference's."""
    relative = any(value.relative for value in spec.axes.values())
    if relative and reference is None:
        placer.problems.append(
            Problem("position", "relative values on the first step count from 0", index)
        )
    base = (reference or Position()).as_axes()
    return {
        axis: value.resolve(base[axis], placer.width, placer.height)
        for axis, value in spec.axes.items()
    }


def _place(
    spec: StepSpec, index: int, reference: Position | None, placer: _Placer
) -> Position:
    axes = _given(spec, index, reference, placer)
    if any(value.relative for value in spec.axes.values()):
        base = (reference or Position()).as_axes()
        for axis in TRANSLATIONS:
            axes.setdefault(axis, base[axis])
    axes["scale"] = _scale(axes.get("scale", 1.0), index, placer.problems)
    return _bounded(Position.from_axes(axes), index, placer.problems)


def _place_rel(
    spec: StepSpec,
    index: int,
    reference: Position | None,
    reference_state: RelState | None,
    placer: _Placer,
) -> None:
    """Place a step with rel plugin options, or one in a chain of such steps, as the
    plugin places it."""
    rel = spec.rel or RelOptions()
    given = _given(spec, index, reference, placer)
    attributes = RelAttributes(
        place={axis: given[axis] for axis in TRANSLATIONS if axis in given},
        rotate={axis[-1]: given[axis] for axis in ROTATIONS if axis in given},
        order=spec.rotate_order,
        move={
            axis: value.resolve(0.0, placer.width, placer.height)
            for axis, value in rel.move.items()
        },
        turn=rel.turn,
        position=rel.position,
        reset=rel.reset,
    )
    state = rel_place(attributes, placer.chain, reference_state)
    scale = _scale(given.get("scale", 1.0), index, placer.problems)
    position = _bounded(_position_of(state, scale), index, placer.problems)
    placer.record(index, position, state)


#: The rotation axes, by option name.
ROTATIONS: tuple[str, ...] = ("rotate-x", "rotate-y", "rotate-z")


def _position_of(state: RelState, scale: float) -> Position:
    return Position(
        state.x, state.y, state.z, scale, state.rotate.x, state.rotate.y, state.rotate.z
    )


def _scale(scale: float, index: int, problems: list[Problem]) -> float:
    """A computed scale, or 1 when it comes to 0 or less (only a relative scale can:
    an absolute one is checked when read)."""
    problem = check_scale(scale)
    if problem is None:
        return scale
    problems.append(
        Problem(
            "position",
            f"the relative scale comes to {format_number(scale)}: {problem}; using 1",
            index,
        )
    )
    return DEFAULTS["scale"]


def _bounded(position: Position, index: int, problems: list[Problem]) -> Position:
    """The position with every coordinate and angle within ±:data:`LIMIT` (one that is
    not a number, which impress.js reads as 0, is 0), each change a problem."""
    axes = position.as_axes()
    for axis, wanted in axes.items():
        if axis == "scale" or abs(wanted) <= LIMIT:
            continue
        axes[axis] = 0.0 if math.isnan(wanted) else math.copysign(LIMIT, wanted)
        problems.append(
            Problem(
                "position",
                f"{axis} comes to {format_number(wanted)}, beyond the limit; using "
                f"{format_number(axes[axis])}",
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
                Problem("overlap", index=index, message=
                    f"this step sits exactly where step {earlier + 1} sits "
                    "(same position, scale and rotation)",
                )
            )
    return problems
