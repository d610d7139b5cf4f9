"""markpress decks built as they are (file type ``markpress``) and converted to MyST:
``<!--markpress-opt-->`` options, ``<!--slide-attr-->`` places, ``------`` separators,
the split on ``#`` lines with ``autoSplit``, headings at their level, markpress's
layouts (the random ones made deterministic), and a located warning for whatever is
lost. The decks are tests/roots/test-markpress; the rules are markpress's README
(``../shared/corpus/markpress/README-deck.md``)."""

from __future__ import annotations

import pytest
from helpers import STEP_AXES, located_warnings, soup, steps

from sphinx_impress.cli import main
from sphinx_impress.importers.markpress import layout_axes, read_markpress


def _placed(page):
    return [(s.id, {axis: s.numbers[axis] for axis in STEP_AXES}) for s in steps(page)]


def _axes(x=0, y=0, z=0, scale=1, rx=0, ry=0, rz=0):
    return dict(zip(STEP_AXES, (x, y, z, scale, rx, ry, rz), strict=True))


#: index.markpress: each slide's place from its slide-attr comment (impress.js 0.5.3,
#: which markpress's pages ran: an axis not given is 0, the scale 1).
INDEX = [
    ("step-1", _axes(x=100, y=200)),
    # data- left out, quotes too, commas between; rotate is rotate-z
    ("step-2", _axes(x=1000, y=-500, z=30, scale=2, rz=45)),
    ("step-3", _axes(rx=10)),  # x=abc is no number: 0
    ("step-4", _axes()),  # no slide-attr while others have one
]


def test_slide_attributes_place_the_slides(build):
    app = build("markpress")
    page = soup(app.outdir / "index.html")
    assert _placed(page) == INDEX
    # a name impress.js does not read was written as data-<name>
    assert steps(page)[1].attributes["data-mood"] == "calm"
    assert page.title.get_text() == "A markpress deck"


def test_lost_options_and_attributes_warn_where_they_are(build):
    app = build("markpress")
    found = located_warnings(app, "index.markpress")
    assert [(line, kind) for line, kind, _ in found] == [
        (1, "impress.attributes"),  # theme "dark"
        (1, "impress.attributes"),  # unknown option "colour"
        (30, "impress.value"),  # x=abc
        (31, "impress.attributes"),  # a second slide-attr
        (36, "impress.attributes"),  # no slide-attr
    ]
    texts = [text for _, _, text in found]
    assert "theme 'dark' is not carried over" in texts[0]
    assert "'colour'" in texts[1]
    assert "'abc'" in texts[2]
    assert "read the first one only" in texts[3]
    assert "no slide-attr comment" in texts[4]


def test_markpress_markup_is_never_shown_and_headings_keep_their_level(build):
    app = build("markpress")
    page = soup(app.outdir / "index.html")
    for step in steps(page):
        text = step.element.get_text(" ")
        assert "slide-attr" not in text and "markpress-opt" not in text and "------" not in text
    first, second = (s.element for s in steps(page)[:2])
    assert [h.name for h in first.find_all(["h1", "h2"])] == ["h1"]
    assert [h.name for h in second.find_all(["h1", "h2"])] == ["h2"]
    # the # line inside the code block is code
    assert "# a comment, not a heading" in second.find("pre").get_text()


def test_auto_split_cuts_before_h1_lines(build):
    app = build("markpress")
    page = soup(app.outdir / "auto.html")
    # the first slide had only comments (dropped, as markpress dropped it); markpress
    # removed the first separator line only; "#Two" (no space) cut a slide too, and is
    # a paragraph, as in markpress's Markdown reader
    assert [s.title for s in steps(page)] == ["One", "", "Three"]
    assert steps(page)[1].element.get_text(strip=True) == "#Two without a space"
    # the vertical layout: 1400 px down per slide, from the first
    assert [s.numbers["data-y"] for s in steps(page)] == [1400, 2800, 4200]
    found = located_warnings(app, "auto.markpress")
    assert [(line, kind) for line, kind, _ in found] == [(13, "impress.separator")]
    assert "inside a code block" in found[0][2]
    code = steps(page)[0].element.find("pre").get_text()
    assert "# inside code" in code


@pytest.mark.parametrize(
    ("layout", "expected"),
    [
        ("horizontal", [{"x": 2600}, {"x": 5200}, {"x": 7800}]),
        ("vertical", [{"y": 1400}, {"y": 2800}, {"y": 4200}]),
        ("3d-push", [{"z": 6000}, {"z": 12000}, {"z": 18000}]),
        ("3d-pull", [{"z": -6000}, {"z": -12000}, {"z": -18000}]),
    ],
)
def test_markpress_layouts(layout, expected):
    assert layout_axes(layout, 3) == expected


def test_grid_and_random_layouts_are_deterministic():
    grid = layout_axes("grid", 5)
    # three columns, every other row right to left: each slide next to the one before
    assert [(p["x"], p["y"]) for p in grid] == [
        (0, 0), (2600, 0), (5200, 0), (5200, 1400), (2600, 1400)
    ]
    for layout in ("random", "random-7d"):
        first, again = layout_axes(layout, 12), layout_axes(layout, 12)
        assert first == again
        assert all(placed for placed in first)
        for placed in first:
            assert placed.get("scale", 1) >= 1
            assert all(abs(v) < 360 for k, v in placed.items() if k.startswith("rotate"))
            for axis in ("x", "y"):
                assert placed.get(axis, 0) % 2600 == 0 or placed.get(axis, 0) % 1400 == 0
    assert layout_axes("random", 12) != layout_axes("random-7d", 12)


def test_unknown_layout_warns_and_uses_horizontal():
    model = read_markpress('<!--markpress-opt {"layout": "spiral"} markpress-opt-->\n# A\n')
    assert [(p.kind, p.line) for p in model.problems] == [("attributes", 1)]
    assert model.slides[0].options.axes["x"].number == 2600


def test_converted_deck_places_the_same_steps(make_app, rootdir, tmp_path, capsys):
    import shutil

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-markpress", srcdir)
    for name in ("index", "auto"):
        assert main(["convert", "--from", "markpress", str(srcdir / f"{name}.markpress"),
                     "-o", str(srcdir / f"{name}-myst.md")]) == 0
    err = capsys.readouterr().err
    assert "index.markpress: line 36: this slide has no slide-attr comment" in err
    app = make_app("impress", srcdir=srcdir)
    app.build()
    app.cleanup()
    for name in ("index", "auto"):
        original = soup(app.outdir / f"{name}.html")
        converted = soup(app.outdir / f"{name}-myst.html")
        assert _placed(converted) == _placed(original)
        assert [
            [h.name for h in s.element.find_all(["h1", "h2", "h3"])] for s in steps(converted)
        ] == [[h.name for h in s.element.find_all(["h1", "h2", "h3"])] for s in steps(original)]
    assert located_warnings(app, "index-myst.md") == []
