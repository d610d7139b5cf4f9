"""hovercraft decks built as they are: slides cut at transitions, hovercraft's
positioning rules computed to absolute positions, deck fields as deck settings, notes
as speaker notes, and located warnings for what cannot be used."""

from __future__ import annotations

import shutil

import pytest
from conftest import SHARED
from helpers import build_files, by_id, located_warnings, root, soup, steps

from sphinx_impress.importers.hovercraft import hovercraft_positions

#: Axes in the order of the tuples below.
AXES = ("data-x", "data-y", "data-z", "data-rotate-x", "data-rotate-y", "data-rotate-z", "data-scale")

#: test-hovercraft/index.hovercraft, worked out by hand from hovercraft's rules:
#: (x, y, z, rotate-x, rotate-y, rotate-z, scale).
EXPECTED = {
    "step-1": (0, 0, 0, 0, 0, 0, 1),
    "step-2": (1600, 0, 0, 0, 0, 0, 1),  # nothing placed yet: 1600 px to the right
    "step-3": (2600, 500, 0, 0, 0, 30, 1),  # r1000, r500, data-rotate 30
    "step-4": (3600, 1000, 0, 0, 0, 30, 1),  # relative values again, 30 kept
    "anchor": (10000, 0, 0, 0, 0, 30, 2),
    "step-6": (10500, -1000, 0, 0, 0, 30, 2),  # anchor+500, anchor-1000
    # the path m 0 0 l 1000 0 l 0 1000 (2000 long) over three slides, 1600 px
    # apart: scaled by 2.4 from where the first stands, turned along it
    "step-7": (10500, -1000, 0, 0, 0, 0, 2),
    "step-8": (12900, -1000, 0, 0, 0, 45, 2),
    "step-9": (12900, 1400, 0, 0, 0, 90, 2),
    "step-10": (0, 5000, 0, 45, 0, 90, 2),  # off the path; the path's turn is kept
}


def _numbers(step):
    return tuple(step.numbers[axis] for axis in AXES)


def test_positions_ids_and_classes(build):
    app = build("hovercraft")
    assert located_warnings(app, "index.hovercraft") == []
    page = soup(app.outdir / "index.html")
    found = by_id(page)
    assert list(found) == list(EXPECTED)
    for step_id, expected in EXPECTED.items():
        assert _numbers(found[step_id]) == pytest.approx(expected, abs=1e-6), step_id
    assert found["step-3"].classes == ["step", "wide", "dark"]


def test_deck_fields_title_and_notes(build):
    app = build("hovercraft")
    page = soup(app.outdir / "index.html")
    assert page.title.get_text() == "A small hovercraft deck"
    assert root(page)["data-transition-duration"] == "1500"
    # :skip-help: true leaves the key help out
    assert page.select("#impress-help") == [] and page.select("#impress-toolbar")
    # :slide-numbers: true numbers the slides
    assert [n.get_text(strip=True) for n in page.select(".impress-slide-number")][:3] == ["1", "2", "3"]
    # the text before the first transition is not shown
    assert "introduces the deck" not in root(page).get_text()
    notes = by_id(page)["step-2"].element.select(".notes")
    assert [n.get_text(strip=True) for n in notes] == ["Say something here."]
    # the link to the anchor's label moves to the step
    assert [a["href"] for a in by_id(page)["step-10"].element.select("a")] == ["#anchor"]


def test_where_the_first_slide_starts(build):
    app = build("hovercraft")
    # a document that is one section: its title is the deck's, not a slide
    titled = soup(app.outdir / "titled.html")
    assert titled.title.get_text() == "The deck's title"
    assert [s.title for s in steps(titled)] == ["One", "Two"]
    # a heading before the first transition opens the first slide
    opening = soup(app.outdir / "opening.html")
    assert [s.title for s in steps(opening)] == ["A heading opens the first slide", "Second"]


#: (line, subtype, words of the message) for every fault in bad.hovercraft.
BAD = [
    (2, "impress.field", "unknown hovercraft deck field 'colour'"),
    (7, "impress.field", "unknown hovercraft slide field 'wobble'"),
    (14, "impress.field", "this field list is inside an element of the slide"),
    (16, "impress.overlap", "this step sits exactly where step 1 sits"),
    (16, "impress.separator", "this slide is empty"),
    (20, "impress.field", "data-x: 'abc' is not a number"),
    (25, "impress.field", "hovercraft's footer (shown on every slide) is not carried over"),
]


def test_bad_input_gives_located_typed_warnings(build):
    app = build("hovercraft")
    found = located_warnings(app, "bad.hovercraft")
    assert [(line, subtype) for line, subtype, _ in found] == [(line, t) for line, t, _ in BAD]
    for (_, _, text), (_, _, words) in zip(found, BAD, strict=True):
        assert words in text
    # (impress.empty now has a line, so the located warnings show it too)
    assert located_warnings(app, "single.hovercraft") == [
        (1, "impress.empty", "this document has no slide to present"),
        (1, "impress.separator", "this hovercraft deck has no transition (a line of ----) "
         "between slides"),
    ]
    page = soup(app.outdir / "bad.html")
    assert len(steps(page)) == 3
    # the field list under the heading is not shown (hovercraft never showed fields)
    # and, as in hovercraft 2.7, it does not move the step
    assert steps(page)[0].element.find("dl") is None
    assert "500" not in steps(page)[0].element.get_text()
    assert steps(page)[0].numbers["data-x"] == 0
    assert by_id(page)["step-3"].numbers["data-y"] == 100


def test_positions_square_and_stand_still():
    # a square walked with relative moves, then standing still with r0
    fields = [
        {"data-x": "0", "data-y": "0"},
        {"data-x": "r1000"},
        {"data-y": "r-800", "data-x": "r0"},
        {"data-x": "r-1000", "data-y": "r0"},
        {"data-x": "r0", "data-y": "r0"},
        {},
    ]
    placed, problems = hovercraft_positions(fields)
    assert problems == []
    assert [(p["x"], p["y"]) for p in placed] == [
        (0, 0), (1000, 0), (1000, -800), (0, -800), (0, -800), (0, -800),
    ]


def test_closed_path_leaves_a_gap():
    # a closed square path, 4000 long, over three slides: four stops 1600 px apart
    # (so scaled by 1.6), the fourth left out where the path closes
    placed, problems = hovercraft_positions(
        [{"hovercraft-path": "M 0 0 h 1000 v 1000 h -1000 z"}, {}, {}]
    )
    assert problems == []
    # a third of the way: 1333 along, on the right edge; two thirds: on the bottom
    assert [(p["x"], p["y"]) for p in placed] == [(0, 0), (1600, 533), (533, 1600)]
    assert [p["rotate-z"] for p in placed] == pytest.approx([0, 90, -180])  # leftwards is -180


def test_path_for_one_slide_warns():
    placed, problems = hovercraft_positions(
        [{"data-x": "100"}, {"hovercraft-path": "m 0 0 l 100 0"}, {"data-x": "0", "data-y": "0"}],
        [{"data-x": 3}, {"hovercraft-path": 7}, {"data-x": 11, "data-y": 12}],
    )
    # reported at the field's line, as a warning of kind impress.field
    assert [(p.kind, p.index, p.line) for p in problems] == [("field", 1, 7)]
    assert (placed[1]["x"], placed[1]["y"]) == (100, 0)


#: hovercraft's own test of test_data/positioning.rst (tests/test_position.py,
#: ``PositionTest.test_complete``): (x, y, z, rotate-x, rotate-y, rotate-z, scale).
POSITIONING = [
    (0, 0, 0, 0, 0, 0, 1),
    (1600, 0, 0, 0, 0, 0, 1),
    (3200, 0, 0, 0, 0, 0, 1),
    (5600, 0, 0, 0, 0, 45, 1),
    (5600, 2400, 0, 0, 0, 90, 1),
    (0, 0, 0, 0, 0, 90, 1),
    (0, 0, 0, 0, 0, 90, 1),
    (0, 0, 0, 0, 0, 90, 1),
    (0, 0, 0, 0, 0, 0, 1),
    (2400, 0, 0, 0, 0, 45, 1),
    (2400, 2400, 1000, 180, 0, 90, 1),
    (3000, 1000, 1000, 180, 0, 90, 1),
    (4000, 500, 1000, 180, 0, 90, 1),
    (4800, 200, 1000, 180, 0, 90, 1),
]

#: hovercraft's slide count of each corpus deck: one slide per transition, and one
#: more when a heading comes before the first transition.
CORPUS = {
    "examples/hovercraft.rst": 20,
    "examples/positions.rst": 29,
    "examples/tutorial.rst": 14,
    "test_data/advanced.rst": 5,
    "test_data/class.rst": 1,
    "test_data/comment.rst": 1,
    "test_data/container.rst": 1,
    "test_data/include.rst": 3,
    "test_data/math.rst": 1,
    "test_data/positioning.rst": 14,
    "test_data/presenter-notes.rst": 2,
    "test_data/simple.rst": 2,
    "test_data/slide_class.rst": 1,
    "test_data/table.rst": 1,
}

HOVERCRAFT = SHARED / "corpus" / "hovercraft"


def build_corpus_deck(make_app, tmp_path, name):
    """Build one corpus deck, copied with its folder, as the root document."""
    deck = HOVERCRAFT / name
    if not deck.is_file():
        pytest.skip(f"the hovercraft corpus is not at {HOVERCRAFT} (../shared is absent)")
    srcdir = tmp_path / "deck"
    shutil.copytree(deck.parent, srcdir)
    others = [p.name for p in srcdir.glob("*.rst") if p.name != deck.name]
    (srcdir / "conf.py").write_text(
        'extensions = ["sphinx_impress"]\n'
        'source_suffix = {".rst": "hovercraft"}\n'
        f"root_doc = {deck.stem!r}\n"
        f"exclude_patterns = {others!r}\n"
    )
    app = make_app("impress", srcdir=srcdir)
    app.build()
    app.cleanup()
    return app, soup(app.outdir / f"{deck.stem}.html")


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_corpus_decks(make_app, tmp_path, name):
    app, page = build_corpus_deck(make_app, tmp_path, name)
    assert "ERROR" not in app.warning.getvalue() and "CRITICAL" not in app.warning.getvalue()
    assert len(steps(page)) == CORPUS[name]
    if name == "test_data/positioning.rst":
        for step, expected in zip(steps(page), POSITIONING, strict=True):
            assert _numbers(step) == pytest.approx(expected, abs=1e-6), step.id
        assert [s.id for s in steps(page)][11:13] == ["firstID", "secondID"]
    if name == "test_data/presenter-notes.rst":
        assert all(s.element.select(".notes") for s in steps(page))


#: Decks whose numbers are infinite, beyond the limit, or a scale of 0: (deck, the
#: warnings as (line, words), the steps' (x, y, scale)).
OUT_OF_RANGE = {
    "infinite": (
        "----\n\n:data-y: 1e400\n\nA\n\n----\n\n:data-y: 100\n\nB\n",
        [(3, "data-y: '1e400' cannot be used: expected a finite number")],
        [(0, 0, 1), (0, 100, 1)],  # a field given: no moving right
    ),
    "relative": (
        "----\n\n:data-x: r1e308\n\nA\n\n----\n\n:data-y: 5\n\nB\n\n----\n\n:data-y: 6\n\nC\n",
        [(3, "data-x: 'r1e308' cannot be used")],  # once, not on each slide it is carried to
        [(0, 0, 1), (0, 5, 1), (0, 6, 1)],
    ),
    "by-id": (
        "----\n\n:id: s\n\nA\n\n----\n\n:data-x: s+1e400\n:data-y: 9\n\nB\n",
        [(9, "data-x: 's+1e400' cannot be used")],
        [(0, 0, 1), (0, 9, 1)],
    ),
    "path": (
        "----\n\n:hovercraft-path: M 1e400 0 L 5 5\n\nA\n\n----\n\n:data-y: 7\n\nB\n",
        [(3, "hovercraft-path: 'M 1e400 0 L 5 5' has numbers too large")],
        [(0, 0, 1), (0, 7, 1)],
    ),
    "carried": (
        "----\n\n:data-x: r6000000\n\nA\n\n----\n\nB\n",
        [(7, "the x comes to 12000000, outside -10000000 to 10000000; using 10000000")],
        [(6000000, 0, 1), (10000000, 0, 1)],
    ),
    "scale-0": (
        "----\n\n:data-scale: 0\n:data-x: 5\n\nA\n\n----\n\n:data-y: 3\n\nB\n"
        "\n----\n\n:data-y: 4\n\nC\n",
        [(3, "data-scale: '0' cannot be used: a scale must be greater than 0, got 0")],
        [(5, 0, 1), (5, 3, 1), (5, 4, 1)],
    ),
}


@pytest.mark.parametrize("name", sorted(OUT_OF_RANGE))
def test_numbers_out_of_range_warn_where_written(make_app, tmp_path, name):
    deck, warnings, expected = OUT_OF_RANGE[name]
    app = build_files(
        make_app, tmp_path / "src", {"index.hovercraft": deck}, 'extensions = ["sphinx_impress"]\n'
    )
    found = located_warnings(app, "index.hovercraft")
    assert [(line, kind) for line, kind, _ in found] == [(line, "impress.field") for line, _ in warnings]
    for (_, _, text), (_, words) in zip(found, warnings, strict=True):
        assert words in text
    page = soup(app.outdir / "index.html")
    assert [(s.numbers["data-x"], s.numbers["data-y"], s.numbers["data-scale"])
            for s in steps(page)] == expected


def test_positions_never_leave_the_limits():
    placed, problems = hovercraft_positions(
        [{"data-x": "r-9000000", "data-scale": "r-2"}, {}, {"data-rotate": "1e9"}],
        [{"data-x": 2, "data-scale": 3}, {}, {"data-rotate": 9}],
    )
    # relative values go on being added, and each result is clamped where it falls
    assert [p["x"] for p in placed] == [-9000000, -10000000, -10000000]
    # a scale must stay greater than 0 (any positive scale is kept, sphinx_impress.core.values)
    assert all(p["scale"] > 0 for p in placed)
    assert [p["rotate-z"] for p in placed] == [0, 0, 0]
    # at the line of the field at fault; a value carried over has no line of its own
    assert [(p.index, p.line) for p in problems] == [
        (0, 3), (1, None), (1, None), (2, 9), (2, None), (2, None),
    ]


def test_repeated_fields_are_joined_as_hovercraft_did(make_app, tmp_path):
    # hovercraft 2.7 joins a repeated field's values with a space: id "x y", classes
    # "a b", and a data-x of "100 200" that is no number
    deck = (
        "----\n\n:id: x\n:id: y\n:class: a\n:class: b\n:data-x: 100\n:data-x: 200\n:data-y: 5\n"
        "\nA\n\n----\n\n:data-y: 9\n\nB\n"
    )
    app = build_files(
        make_app, tmp_path / "src", {"index.hovercraft": deck}, 'extensions = ["sphinx_impress"]\n'
    )
    found = located_warnings(app, "index.hovercraft")
    assert [(line, kind) for line, kind, _ in found] == [
        (1, "impress.id"),
        (4, "impress.field"),
        (6, "impress.field"),
        (7, "impress.field"),
        (8, "impress.field"),
    ]
    assert "joined: 'x y'" in found[1][2] and "'100 200' is not a number" in found[3][2]
    first = steps(soup(app.outdir / "index.html"))[0]
    assert first.id == "step-1" and first.classes == ["step", "a", "b"]
    assert (first.numbers["data-x"], first.numbers["data-y"]) == (0, 5)


def test_a_scale_that_comes_to_zero_or_less_is_one():
    placed, problems = hovercraft_positions(
        [{"data-scale": "0.5"}, {"data-scale": "r-0.5"}, {"data-scale": "r-1"}, {}],
        [{"data-scale": 1}, {"data-scale": 2}, {"data-scale": 3}, {}],
    )
    assert [p["scale"] for p in placed] == [0.5, 1.0, 1.0, 1.0]
    # hovercraft carries a relative value to the next slide: r-1 comes to 0 again there
    assert [(p.index, p.line) for p in problems] == [(1, 2), (2, 3), (3, None)]
    assert problems[0].message == (
        "the scale comes to 0: a scale must be greater than 0, got 0; using 1"
    )
    # an absolute scale of 0 is refused where it is written; the slide keeps its scale
    placed, problems = hovercraft_positions(
        [{"data-scale": "2"}, {"data-scale": "0"}], [{"data-scale": 1}, {"data-scale": 5}]
    )
    assert [p["scale"] for p in placed] == [2.0, 2.0]
    assert problems[0].line == 5 and "greater than 0" in problems[0].message


def test_a_path_of_many_elliptical_arcs_is_measured_with_bounded_work(monkeypatch):
    """hovercraft-path is measured to a relative error of a thousandth: the number of
    points svg.path evaluates grows with the number of arcs, not with their precision
    (an exact measure of one elliptical arc took seconds)."""
    from svg.path.path import Arc

    calls = {"point": 0}
    point = Arc.point

    def counted(self, pos):
        calls["point"] += 1
        return point(self, pos)

    monkeypatch.setattr(Arc, "point", counted)
    arcs = 200
    data = "M 0 0 " + " ".join(f"A 50 30 20 0 1 {100 * (i + 1)} {7 * i % 13}" for i in range(arcs))
    placed, problems = hovercraft_positions(
        [{"hovercraft-path": data}, *({} for _ in range(9))]
    )
    assert problems == []
    assert len(placed) == 10 and placed[-1]["x"] > placed[0]["x"]
    assert calls["point"] < 100 * arcs
