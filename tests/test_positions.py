"""The positions module alone: numbers in, absolute numbers out."""

from __future__ import annotations

import math

import pytest

from sphinx_impress.positions import (
    Position,
    PositionError,
    format_number,
    next_to,
    parse_number,
    resolve,
)


@pytest.mark.parametrize(
    ("written", "number"),
    [("1200", 1200), ("-3.5", -3.5), (" +2 ", 2), (7, 7), (-0.25, -0.25), ("1e3", 1000)],
)
def test_parse_number(written, number):
    assert parse_number(written) == number


@pytest.mark.parametrize(
    "written", ["", "twelve", "nan", "-inf", "Infinity", None, True, "1e999", [1], "12px"]
)
def test_parse_number_rejects(written):
    with pytest.raises(PositionError):
        parse_number(written)


@pytest.mark.parametrize(
    ("number", "text"),
    [(3000.0, "3000"), (-0.0, "0"), (1.5, "1.5"), (1e-7, "0.0000001"), (-2.5e-8, "-0.000000025"),
     (1e20, "100000000000000000000"), (0.1, "0.1"), (-340.5, "-340.5")],
)
def test_format_number(number, text):
    assert format_number(number) == text
    assert float(text) == number


def test_missing_axes_are_zero_and_scale_one():
    assert resolve([{"x": 5}], 1920, 1080) == [Position(x=5)]
    assert resolve([{"rotate-y": 30, "scale": 2}], 1920, 1080) == [
        Position(rotate_y=30, scale=2)
    ]


def test_unplaced_steps_go_next_to_the_previous_one():
    placed = resolve([{}, {}, {"x": 0, "y": 1000, "scale": 2}, {}], 1000, 700)
    assert placed[0] == Position()
    assert placed[1] == Position(x=500 + 250 + 500)
    assert placed[3] == Position(x=1000 + 250 + 500, y=1000)


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


def test_positions_module_does_not_import_sphinx():
    import subprocess
    import sys

    code = (
        "import sys, sphinx_impress.positions; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
