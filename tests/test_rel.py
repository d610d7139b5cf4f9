"""impress.js's rel plugin computed in Python (sphinx_impress.core.rel), against the
numbers impress.js itself computes (tests/fixtures/rel.json, written in Chromium by
tools/rel_fixture.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import build_files, by_id, located_warnings, soup, warning_lines

from sphinx_impress.core.options import parse_step_options
from sphinx_impress.core.placement import StepSpec, resolve
from sphinx_impress.core.rel import RelAttributes, RelState, place
from sphinx_impress.core.values import parse_value

FIXTURE = json.loads((Path(__file__).parent / "fixtures" / "rel.json").read_text())
CASES = FIXTURE["cases"]
WIDTH, HEIGHT = FIXTURE["width"], FIXTURE["height"]


def _attributes(step: dict) -> RelAttributes:
    """What a step element of the fixture says to the plugin, units multiplied out."""

    def length(text: str, axis: str) -> float:
        return parse_value(text, axis).resolve(0.0, WIDTH, HEIGHT)

    return RelAttributes(
        place={a: length(step[f"data-{a}"], a) for a in "xyz" if f"data-{a}" in step},
        rotate={a: float(step[f"data-rotate-{a}"]) for a in "xyz" if f"data-rotate-{a}" in step},
        order=step.get("data-rotate-order"),
        move={a: length(step[f"data-rel-{a}"], a) for a in "xyz" if f"data-rel-{a}" in step},
        turn={
            a: float(step[f"data-rel-rotate-{a}"]) for a in "xyz" if f"data-rel-rotate-{a}" in step
        },
        position=step.get("data-rel-position"),
        reset=step.get("data-rel-reset"),
    )


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_the_plugin_alone(case):
    states: dict[str, RelState] = {}
    previous = None
    got = []
    for number, step in enumerate(case["steps"]):
        reference = states.get(step["data-rel-to"]) if "data-rel-to" in step else None
        previous = place(_attributes(step), previous, reference)
        states[step.get("id", f"step{number}")] = previous
        got.append([previous.x, previous.y, previous.z, *(
            previous.rotate.angle(axis) for axis in "xyz"
        )])
    assert got == [pytest.approx(row, rel=1e-9, abs=1e-9) for row in case["expected"]]


def _specs(case: dict) -> list[StepSpec]:
    """The fixture's steps as a deck's step options would give them."""
    index_of = {step["id"]: n for n, step in enumerate(case["steps"]) if "id" in step}
    specs = []
    for step in case["steps"]:
        options, problems = parse_step_options(
            {name: value for name, value in step.items() if name != "id"}
        )
        assert problems == []
        rel_to = index_of.get(options.rel_to) if options.rel_to else None
        specs.append(
            StepSpec(
                options.axes, rel_to, rel=options.rel, rotate_order=options.rotate_order or "xyz"
            )
        )
    return specs


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_resolve_places_steps_as_impress_js_does(case):
    positions, problems = resolve(_specs(case), WIDTH, HEIGHT)
    got = [
        [p.x, p.y, p.z, p.rotate_x, p.rotate_y, p.rotate_z] for p in positions
    ]
    assert got == [pytest.approx(row, rel=1e-9, abs=1e-6) for row in case["expected"]]
    assert [p.kind for p in problems if p.kind != "overlap"] == []


def test_the_rel_options_are_read_and_never_passed_through():
    options, problems = parse_step_options(
        {
            "data-rel-x": "1.5w",
            "rel-y": "-200",
            "data-rel-rotate-z": "30",
            "data-rel-position": "Relative",
            "data-rel-reset": None,
            "data-rel-to": "intro",
        }
    )
    assert problems == []
    assert options.data == {}
    assert options.rel_to == "intro"
    assert options.rel is not None
    assert options.rel.move["x"].resolve(0, 1000, 700) == 1500
    assert options.rel.move["y"].number == -200
    assert options.rel.turn == {"z": 30}
    assert (options.rel.position, options.rel.reset) == ("relative", "")


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ({"data-rel-x": "r+100"}, "value"),
        ({"data-rel-x": "far"}, "value"),
        ({"data-rel-rotate-y": "1w"}, "value"),
        ({"data-rel-position": "sideways"}, "value"),
        ({"data-rel-reset": "some"}, "value"),
        ({"data-rel-rotate-order": "zyx"}, "option"),
    ],
)
def test_bad_rel_options_are_reported_and_left_out(written, kind):
    options, problems = parse_step_options(written)
    assert [p.kind for p in problems] == [kind]
    assert options.data == {}
    if kind == "option" or "rel-reset" not in next(iter(written)):
        assert options.rel is None or not (options.rel.move or options.rel.turn)


def test_a_chain_goes_on_through_absolute_steps_and_ends_at_a_relative_value():
    specs = _specs(
        {"steps": [
            {"data-x": "0", "data-y": "0", "data-z": "0"},
            {"data-rel-y": "900"},
            {},
            {"data-x": "500"},  # y and z from the plugin: moved on from the step before
            {"x": "r+100"},  # sphinx-impress's relative value: y and z of the step before
            {},  # laid out: next to the step before
        ]}
    )
    positions, _ = resolve(specs, WIDTH, HEIGHT)
    assert [(p.x, p.y) for p in positions] == [
        (0, 0), (0, 900), (0, 1800), (500, 2700), (600, 2700), (1850, 2700)
    ]


RING_MYST = """# Ring

```{step}
:x: 0
:y: 0
:z: 0
:data-rel-position: relative
```

## Next around

```{step}
:data-rel-x: 854
:data-rel-z: -354
:data-rel-rotate-y: 45
```

## And the next

## Back to the ring

```{step}
:data-rel-to: ring
:data-rel-reset:
:data-rel-y: 1.5h
```
"""

RING_REST = """====
Ring
====

.. step::
   :x: 0
   :y: 0
   :z: 0
   :data-rel-position: relative

Next around
===========

.. step::
   :data-rel-x: 854
   :data-rel-z: -354
   :data-rel-rotate-y: 45

And the next
============

Back to the ring
================

.. step::
   :data-rel-to: ring
   :data-rel-reset:
   :data-rel-y: 1.5h
"""


@pytest.mark.parametrize(("name", "text"), [("index.md", RING_MYST), ("index.rst", RING_REST)])
def test_the_documented_ring_example(make_app, tmp_path, name, text):
    app = build_files(
        make_app, tmp_path / "src", {name: text},
        'extensions = ["myst_parser", "sphinx_impress"]\n',
    )
    assert warning_lines(app) == []
    page = soup(app.outdir / "index.html")
    found = by_id(page)
    numbers = {
        step_id: tuple(step.numbers[f"data-{axis}"] for axis in ("x", "y", "z", "rotate-y"))
        for step_id, step in found.items()
    }
    assert numbers == {
        "ring": (0, 0, 0, 0),
        "next-around": (854, 0, -354, 45),
        # as much again, in the frame of "Next around" (turned 45 degrees about y):
        # (854, 0, -354) turned is (353.55, 0, -854.19), to hundredths as impress.js
        # rounds (-854.18 from its quaternion arithmetic); the turns add up to 90
        "and-the-next": (1207.55, 0, -1208.18, 90),
        "back-to-the-ring": (0, 1620, 0, 0),
    }
    assert not page.select("[data-rel-x], [data-rel-y], [data-rel-to], [data-rel-reset]")


def test_bad_rel_options_in_a_deck_are_located_warnings(make_app, tmp_path):
    deck = "# Deck\n\n## One\n\n```{step}\n:data-rel-x: r+5\n:data-rel-spin: 3\n```\n"
    app = build_files(
        make_app, tmp_path / "src", {"index.md": deck},
        'extensions = ["myst_parser", "sphinx_impress"]\n',
    )
    assert [(line, kind) for line, kind, _ in located_warnings(app, "index.md")] == [
        (5, "impress.option"), (5, "impress.value")
    ]
    step = by_id(soup(app.outdir / "index.html"))["one"]
    assert not [name for name in step.attributes if name.startswith("data-rel-")]
