"""The positions module alone: numbers in, absolute numbers out."""

from __future__ import annotations

import itertools
import json
import math
from pathlib import Path

import pytest

from sphinx_impress.core.geometry import Position, footprint, next_to
from sphinx_impress.core.layouts import Layout, parse_layout
from sphinx_impress.core.placement import StepSpec, resolve
from sphinx_impress.core.values import Value, format_number, parse_number, parse_value
from sphinx_impress.errors import InvalidValue


@pytest.mark.parametrize(
    ("written", "number"),
    [("1200", 1200), ("-3.5", -3.5), (" +2 ", 2), (7, 7), (-0.25, -0.25), ("1e3", 1000)],
)
def test_parse_number(written, number):
    assert parse_number(written) == number


@pytest.mark.parametrize(
    "written",
    ["", "twelve", "nan", "-inf", "Infinity", None, True, "1e999", [1], "12px",
     "١٢٣", "５", "1_000", "0x10", "1 000"],
)
def test_parse_number_rejects(written):
    with pytest.raises(InvalidValue):
        parse_number(written)


@pytest.mark.parametrize(
    ("number", "text"),
    [(3000.0, "3000"), (-0.0, "0"), (1.5, "1.5"), (1e-7, "0.0000001"), (-2.5e-8, "-0.000000025"),
     (1e20, "100000000000000000000"), (0.1, "0.1"), (-340.5, "-340.5")],
)
def test_format_number(number, text):
    assert format_number(number) == text
    assert float(text) == number


CASES = json.loads((Path(__file__).parent / "fixtures" / "positions.json").read_text())["cases"]


def _spec(step: dict) -> StepSpec:
    return StepSpec(
        axes={axis: parse_value(text, axis) for axis, text in step.get("axes", {}).items()},
        rel_to=step.get("rel_to"),
        scope=step.get("scope"),
        layout=Layout(**step.get("layout", {})),
        overview=step.get("overview", False),
    )


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_resolve_table(case):
    positions, problems = resolve(
        [_spec(step) for step in case["steps"]], case.get("width", 1000), case.get("height", 700)
    )
    got = [list(position.as_axes().values()) for position in positions]
    assert got == [pytest.approx(row, abs=1e-9) for row in case["expected"]]
    assert [[p.index, p.kind] for p in problems] == case.get("problems", [])


def test_a_relative_scale_below_zero_names_the_scale_it_came_to():
    specs = [
        StepSpec(axes={"scale": parse_value("2", "scale")}),
        StepSpec(axes={"scale": parse_value("r-5", "scale")}),
    ]
    positions, problems = resolve(specs, 1000, 700)
    assert positions[1].scale == 1
    assert [(p.index, p.kind) for p in problems] == [(1, "position")]
    assert problems[0].message.startswith("the relative scale comes to -3: ")
    assert problems[0].message.endswith("; using 1")


def test_an_overview_of_a_deck_too_large_to_show_warns():
    specs = [
        StepSpec(axes={"x": parse_value("-1e7", "x")}),
        StepSpec(axes={"x": parse_value("1e7", "x")}),
        StepSpec(overview=True),
    ]
    positions, problems = resolve(specs, 1000, 700)
    assert positions[2].scale == 1000
    assert [(p.index, p.kind) for p in problems] == [(2, "position")]
    assert "too large for an overview" in problems[0].message


def _distance(a: Position, b: Position) -> float:
    return math.hypot(a.x - b.x, a.y - b.y)


@pytest.mark.parametrize("count", [3, 8, 30])
def test_circle_layout_is_round_and_clear(count):
    width, height = 1000, 700
    layout = Layout("circle")
    positions, problems = resolve([StepSpec(layout=layout)] * count, width, height)
    assert problems == []
    centre_x = sum(p.x for p in positions) / count
    centre_y = sum(p.y for p in positions) / count
    radii = [math.hypot(p.x - centre_x, p.y - centre_y) for p in positions]
    assert max(radii) - min(radii) < 1e-6
    assert (positions[0].x, positions[0].y) == (0, 0)
    diagonal = math.hypot(width, height)
    for a, b in zip(positions, positions[1:] + positions[:1], strict=False):
        assert _distance(a, b) >= diagonal


def test_spiral_layout_winds_outwards_without_overlap():
    width, height = 1000, 700
    spiral = Layout("spiral", rotate=True)
    positions, problems = resolve([StepSpec(layout=spiral)] * 25, width, height)
    assert problems == []
    centre = positions[0]
    radii = [_distance(p, centre) for p in positions[1:]]
    assert radii == sorted(radii)
    diagonal = math.hypot(width, height)
    for index, a in enumerate(positions):
        for b in positions[index + 1 :]:
            assert _distance(a, b) >= diagonal * 0.99
    assert any(p.rotate_z for p in positions[1:])


def test_layouts_never_overlap_the_previous_step():
    previous = StepSpec(axes={"x": Value(0), "scale": Value(3)})
    for name in ("line", "grid", "circle", "spiral"):
        positions, problems = resolve([previous, StepSpec(layout=Layout(name))], 1000, 700)
        assert problems == [], name
        assert positions[1].x - 500 > 1500, name


@pytest.mark.parametrize(
    ("written", "axis", "value"),
    [
        ("1200", "x", Value(1200)),
        ("r+1000", "x", Value(1000, True)),
        ("r1000", "y", Value(1000, True)),
        ("r-500", "z", Value(-500, True)),
        ("1.5w", "x", Value(1.5, False, "w")),
        ("-2h", "y", Value(-2, False, "h")),
        ("r+0.5w", "x", Value(0.5, True, "w")),
        ("r-3", "scale", Value(-3, True)),
        (2.5, "scale", Value(2.5)),
        (" 45 ", "rotate-z", Value(45)),
    ],
)
def test_parse_value(written, axis, value):
    assert parse_value(written, axis) == value


@pytest.mark.parametrize(
    ("written", "axis"),
    [
        ("twelve", "x"),
        ("12px", "x"),
        ("1.5w", "scale"),
        ("2h", "rotate-z"),
        ("0", "scale"),
        ("-0.5", "scale"),
        ("nan", "scale"),
        ("inf", "scale"),
        ("1e999", "scale"),
        (0, "scale"),
        ("rr1", "x"),
        ("nan", "x"),
        ("r+", "x"),
        (True, "x"),
        ("1e9", "x"),
    ],
)
def test_parse_value_rejects(written, axis):
    with pytest.raises(InvalidValue):
        parse_value(written, axis)


@pytest.mark.parametrize("written", ["0.0001", "10000", "1e-9", "2000", "5e300", 0.0001, 10000])
def test_any_positive_finite_scale_is_read_exactly(written):
    value = parse_value(written, "scale")
    assert value == Value(float(written))
    assert float(format_number(value.number)) == float(written)


@pytest.mark.parametrize(
    ("arguments", "layout"),
    [
        (("grid", "3"), Layout("grid", 3)),
        (("GRID",), Layout("grid")),
        (("circle", None, None, ""), Layout("circle", rotate=True)),
        (("path", None, "M 0 0 L 10 10", "no"), Layout("path", path="M 0 0 L 10 10")),
    ],
)
def test_parse_layout(arguments, layout):
    assert parse_layout(*arguments) == layout


@pytest.mark.parametrize(
    "arguments",
    [
        ("hexagon",),
        ("grid", "0"),
        ("grid", "2.5"),
        ("path",),
        ("path", None, "M 0 0 Q nonsense"),
        ("path", None, "M 0 0 L 0 1000 oops L 1000 1000"),
        ("path", None, "M0,0#L100,0"),
        ("path", None, "M 3 3"),
        ("path", None, "Z M 0 0 L 10 0"),  # svg.path asserts on a path opening with Z
        ("path", None, "ZAEM28"),
        ("line", None, None, "perhaps"),
    ],
)
def test_parse_layout_rejects(arguments):
    with pytest.raises(InvalidValue):
        parse_layout(*arguments)


def test_next_to_never_overlaps_a_rotated_step():
    previous = Position(x=100, rotate_z=45, scale=3)
    placed = next_to(previous, 1000, 700)
    diagonal = math.hypot(1000, 700) / 2 * 3
    assert placed.x - 500 > previous.x + diagonal


def test_data_attributes_are_all_numbers():
    attributes = Position(x=1.5, rotate_z=-90).data_attributes()
    assert attributes == {
        "data-x": "1.5",
        "data-y": "0",
        "data-z": "0",
        "data-scale": "1",
        "data-rotate-x": "0",
        "data-rotate-y": "0",
        "data-rotate-z": "-90",
    }


@pytest.mark.parametrize("name", ["circle", "spiral", "path"])
def test_turning_layouts_never_spin_a_whole_turn(name):
    layout = Layout(name, path="M 0 0 A 1 1 0 1 1 0 2 A 1 1 0 1 1 0 0", rotate=True)
    positions, _ = resolve([StepSpec(layout=layout)] * 12, 1000, 700)
    angles = [p.rotate_z for p in positions]
    assert -180 < angles[0] <= 180
    assert all(abs(b - a) < 180 for a, b in itertools.pairwise(angles))
    assert len({round(a % 360, 3) for a in angles}) > 3  # they do turn


@pytest.mark.parametrize("name", ["circle", "spiral", "path"])
def test_the_step_after_a_run_is_clear_of_the_whole_run(name):
    width, height = 1000, 700
    layout = Layout(name, path="M 0 0 L 1 0 L 1 1 L 0 1 Z")
    specs = [StepSpec(scope="run", layout=layout)] * 6 + [StepSpec()]
    positions, problems = resolve(specs, width, height)
    assert problems == []
    after = positions[-1]
    left_edge = after.x - width / 2
    for member in positions[:-1]:
        assert left_edge > max(x for x, _ in footprint(member, width, height))


def test_a_closed_path_does_not_put_its_last_step_on_its_first():
    square = Layout("path", path="M 0 0 L 1 0 L 1 1 L 0 1 Z")
    positions, problems = resolve([StepSpec(layout=square)] * 4, 1000, 700)
    assert problems == []
    assert len({(p.x, p.y) for p in positions}) == 4


def test_format_number_never_raises():
    # messages name the number a computation came to, whatever it is
    assert format_number(math.inf) == "Infinity"
    assert format_number(-math.inf) == "-Infinity"
    assert format_number(math.nan) == "NaN"
    assert format_number(1e300) == "1" + "0" * 300
