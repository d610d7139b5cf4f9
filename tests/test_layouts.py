"""Layouts and the positioning options through the real builder: one test root per
layout, and a deck that mixes absolute, relative, rel-to, units, a layout and an
overview step."""

from __future__ import annotations

import itertools
import math

import pytest
from helpers import (
    MIXED,
    by_id,
    located_warnings,
    mixed_overview,
    soup,
    steps,
    warning_lines,
)

#: The steps a layout places in the layout roots, in order.
CELLS = ["one", "two", "three", "four", "five"]


def _xy(step):
    return step.numbers["data-x"], step.numbers["data-y"]


def _layout(build, name):
    app = build(f"layout-{name}")
    assert warning_lines(app) == []
    return by_id(soup(app.outdir / "index.html"))


def _untouched_by_the_layout(found):
    # a step with values keeps them inside the layout; the layout does not leak out
    assert _xy(found["placed"]) == (-5000, -5000)
    assert _xy(found["six"]) == (-5000 + 960 + 480 + 960, -5000)
    assert _xy(found["after"]) == (_xy(found["six"])[0] + 2400, -5000)
    # the section's own step is where its directive put it
    assert _xy(found["part"]) == (0, 2000)


def test_line_is_the_default(build):
    found = _layout(build, "line")
    assert [_xy(found[i]) for i in ("line", "one")] == [(0, 0), (2400, 0)]
    assert [_xy(found[i]) for i in ("two", "three", "four")] == [
        (0, 3000),
        (2400, 3000),
        (4800, 3000),
    ]


def test_grid(build):
    found = _layout(build, "grid")
    pitch_x, pitch_y = 1920 * 1.25, 1080 * 1.25
    start = (2400, 2000)
    for number, name in enumerate(CELLS):
        row, column = divmod(number, 2)
        assert _xy(found[name]) == (start[0] + column * pitch_x, start[1] + row * pitch_y)
    _untouched_by_the_layout(found)


def test_circle(build):
    found = _layout(build, "circle")
    points = [_xy(found[name]) for name in CELLS]
    centre = (sum(p[0] for p in points) / 5, sum(p[1] for p in points) / 5)
    radii = [math.dist(p, centre) for p in points]
    assert max(radii) - min(radii) < 1e-3
    assert points[0] == (2400, 2000)
    # layout-rotate: each step turns by a fifth of a circle
    assert [found[name].numbers["data-rotate-z"] for name in CELLS] == pytest.approx(
        [0, 72, 144, 216, 288], abs=1e-6
    )
    _untouched_by_the_layout(found)


def test_spiral(build):
    found = _layout(build, "spiral")
    points = [_xy(found[name]) for name in CELLS]
    radii = [math.dist(p, points[0]) for p in points[1:]]
    assert radii == sorted(radii) and radii[0] > math.hypot(1920, 1080)
    assert all(found[name].numbers["data-rotate-z"] == 0 for name in CELLS)
    _untouched_by_the_layout(found)


def test_path(build):
    found = _layout(build, "path")
    points = [_xy(found[name]) for name in CELLS]
    assert points[0] == (2400, 2000)
    # the path (an S curve to the lower right) is scaled so that the steps sit one
    # step width and a gap apart along it, and they turn to follow it
    assert all(b[0] > a[0] and b[1] >= a[1] for a, b in itertools.pairwise(points))
    assert found["one"].numbers["data-rotate-z"] == 0
    assert found["three"].numbers["data-rotate-z"] == pytest.approx(45, abs=0.5)
    assert sum(math.dist(a, b) for a, b in itertools.pairwise(points)) >= 4 * 1920 * 1.25 * 0.9
    _untouched_by_the_layout(found)


def test_mixed_positions(build):
    app = build("positioning")
    lines = warning_lines(app)
    assert all("index.md" not in line for line in lines)
    found = by_id(soup(app.outdir / "index.html"))
    assert list(found) == [*MIXED, "everything"]
    for step_id, (x, y, scale, rotate_x, rotate_z) in MIXED.items():
        numbers = found[step_id].numbers
        got = (numbers["data-x"], numbers["data-y"], numbers["data-scale"],
               numbers["data-rotate-x"], numbers["data-rotate-z"])
        assert got == pytest.approx((x, y, scale, rotate_x, rotate_z), abs=1e-6), step_id
    overview = found["everything"]
    assert "impress-overview" in overview.classes
    x, y, scale = mixed_overview()
    assert (overview.numbers["data-x"], overview.numbers["data-y"], overview.numbers["data-scale"]) == pytest.approx((x, y, scale), abs=1e-3)


EXPECTED_BAD = [
    (4, "impress.position", "rel-to 'nowhere' names no earlier step"),
    (4, "impress.position", "relative values on the first step count from 0"),
    (11, "impress.position", "rel-to 'later_step' names no earlier step"),
    (18, "impress.layout", "unknown layout 'hexagon'"),
    (24, "impress.layout", "invalid layout: expected a number from 1"),
    (31, "impress.layout", "the SVG path 'M 0 0 Q nonsense' has 'non', which is not SVG path data"),
    (38, "impress.layout", "step options layout-columns need a layout option"),
    (44, "impress.position", "an overview step places itself over the whole deck"),
    (59, "impress.overlap", "this step sits exactly where step 8 sits"),
]


def test_bad_positions_warn_and_build(build):
    app = build("positioning")
    found = located_warnings(app, "bad.rst")
    assert len(found) == len(EXPECTED_BAD), "\n".join(map(str, found))
    for (line, subtype, words), got in zip(sorted(EXPECTED_BAD), sorted(found), strict=True):
        assert got[:2] == (line, subtype) and words in got[2], got
    bad = steps(soup(app.outdir / "bad.html"))
    assert len(bad) == 9
    # the fallbacks: rel-to falls back to the previous step, an overview is an overview
    by = {s.id: s for s in bad}
    assert by["later"].numbers["data-y"] == 10
    assert "impress-overview" in by["overview"].classes


def test_automatic_overview(build):
    app = build("layout-line", confoverrides={"impress_overview": "end"})
    found = steps(soup(app.outdir / "index.html"))
    assert [s.id for s in found][-1] == "overview"
    assert "impress-overview" in found[-1].classes
    assert found[-1].numbers["data-scale"] > 2
    app = build("layout-line", confoverrides={"impress_overview": "start"})
    assert steps(soup(app.outdir / "index.html"))[0].id == "overview"


def test_deck_layout_from_front_matter_and_bad_config(build):
    app = build("layout-line", confoverrides={"impress_layout": "path", "impress_layout_path": ""})
    assert any("impress_layout (given with -D): a path layout needs SVG path data; using 'line'" in line
               for line in warning_lines(app))
    found = by_id(soup(app.outdir / "index.html"))
    assert _xy(found["one"]) == (2400, 0)
    app = build("layout-line", confoverrides={"impress_layout": "grid", "impress_layout_columns": 1})
    found = by_id(soup(app.outdir / "index.html"))
    assert [_xy(found[i]) for i in ("line", "one")] == [(0, 0), (0, 1350)]


def test_canvas_map_is_written_beside_each_presentation(build):
    import xml.etree.ElementTree as ET

    app = build("positioning")
    ns = {"svg": "http://www.w3.org/2000/svg"}
    for docname in ("index", "bad"):
        page_steps = steps(soup(app.outdir / f"{docname}.html"))
        drawing = ET.parse(app.outdir / f"{docname}.layout.svg").getroot()
        assert drawing.tag == "{http://www.w3.org/2000/svg}svg"
        assert len(drawing.findall(".//svg:polygon", ns)) == len(page_steps)
        # each step's id is on its footprint (labels of crowded steps may be shortened
        # or left out: no two labels overlap)
        titles = [t.text for t in drawing.findall(".//svg:polygon/svg:title", ns)]
        for number, step in enumerate(page_steps, start=1):
            assert titles[number - 1].startswith(f"{number}. {step.id}")
    app = build("positioning", confoverrides={"impress_layout_svg": False})
    assert not list(app.outdir.glob("*.layout.svg"))
    assert (app.outdir / "index.html").is_file()


def test_deck_layout_in_front_matter(build):
    app = build("layout-line")
    assert warning_lines(app) == []
    found = by_id(soup(app.outdir / "front.html"))
    assert [_xy(found[i]) for i in ("front-matter-layout", "a", "b", "c")] == [
        (0, 0),
        (2400, 0),
        (0, 1350),
        (2400, 1350),
    ]


def test_layout_options_that_cannot_apply_are_reported(build):
    app = build("positioning")
    found = located_warnings(app, "unused.md")
    assert [(line, subtype) for line, subtype, _ in sorted(found)] == [
        (20, "impress.layout"),
        (20, "impress.value"),
        (36, "impress.layout"),
    ]
    texts = " | ".join(text for _, _, text in sorted(found))
    assert "'layout-columns' is for the grid layout, not 'circle'" in texts
    assert "invalid step option 'layout-rotate': expected yes or no, got 'maybe'" in texts
    assert "there are none" in texts
    page = by_id(soup(app.outdir / "unused.html"))
    assert "impress-overview" not in page["not-an-overview"].classes
    assert _xy(page["not-an-overview"]) == (5000, 0)
    # the circle is kept, unturned, despite the bad flag
    points = [_xy(page[name]) for name in ("first", "second", "third")]
    centre = (sum(p[0] for p in points) / 3, sum(p[1] for p in points) / 3)
    assert len({round(math.dist(p, centre), 3) for p in points}) == 1
    assert all(page[name].numbers["data-rotate-z"] == 0 for name in ("first", "second", "third"))


# ---- path measurement: bounded work, no overflow --------------------------------


def _arcs(count: int) -> str:
    return "M 0 0 " + " ".join(
        f"A {40 + n % 7} {25 + n % 5} {n % 90} {n % 2} 1 {n * 10 + 10} {(n % 3) * 5}"
        for n in range(count)
    )


@pytest.fixture
def evaluations(monkeypatch):
    """Count every evaluation of a path piece (svg.path's ``point`` and ``length``);
    measuring a whole path exactly (``Path.length``, ``Path.point``) is not allowed."""
    import svg.path.path as svg_path

    counts = {"point": 0, "length": 0}
    classes = [getattr(svg_path, name, None) for name in
               ("Linear", "Line", "Close", "Arc", "CubicBezier", "QuadraticBezier")]
    for cls in filter(None, classes):
        for method in ("point", "length"):
            original = cls.__dict__.get(method)
            if original is None:
                continue

            def counted(self, *args, _original=original, _method=method, **kwargs):
                counts[_method] += 1
                return _original(self, *args, **kwargs)

            monkeypatch.setattr(cls, method, counted)

    def refuse(*args, **kwargs):
        raise AssertionError("the whole path was measured exactly")

    monkeypatch.setattr(svg_path.Path, "length", refuse)
    monkeypatch.setattr(svg_path.Path, "point", refuse)
    return counts


@pytest.mark.parametrize("count", [1, 50, 5000])
def test_path_measurement_does_bounded_work(evaluations, count):
    from sphinx_impress.core.layouts import PATH_SAMPLES, Layout, place_run, sample_path

    sampled = sample_path(_arcs(count))
    bound = PATH_SAMPLES + 2 * count
    assert sampled.evaluations <= bound
    assert evaluations["point"] <= bound
    assert evaluations["length"] == 0  # no exact (recursive) arc length
    assert sampled.length > 0
    positions = place_run(Layout("path", path=_arcs(count), rotate=True), 12, None, 1920, 1080)
    assert len(positions) == 12
    assert all(math.isfinite(p.x) and math.isfinite(p.y) for p in positions)


def test_sampled_length_is_close_to_the_exact_length():
    from svg.path import parse_path

    from sphinx_impress.core.layouts import path_length

    for data in ("M 0 0 A 1 1 0 0 1 2 0", "M 0 0 C 500 -300 1000 300 1500 0", _arcs(20)):
        exact = parse_path(data).length()
        assert path_length(data) == pytest.approx(exact, rel=1e-3)


@pytest.mark.parametrize(
    "data",
    [
        "M 0 0 L 1e308 0 L -1e308 0",
        "M 0 0 L 1e400 0",
        "M 0 0 A 1e308 1e308 0 0 1 1 0",
        "M 0 0 L 20000000 0",
        "M 0 0 A 0 0 0 0 1 5 0 L 1e400 0",
    ],
)
def test_path_numbers_out_of_range_are_refused(data):
    from sphinx_impress.core.layouts import parse_layout
    from sphinx_impress.errors import InvalidValue

    with pytest.raises(InvalidValue, match="beyond"):
        parse_layout("path", None, data)


def test_arc_of_radius_zero_is_measured():
    from sphinx_impress.core.layouts import path_length

    assert path_length("M 0 0 A 0 0 0 0 1 5 0") == pytest.approx(5)
