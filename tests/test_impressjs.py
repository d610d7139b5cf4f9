"""``sphinx-impress convert --from impressjs``: a hand-written impress.js page becomes
a MyST deck with every step's id, classes and place as impress.js gives them, its
notes and substeps, Markdown where the HTML maps and raw HTML where it does not.
The page is tests/roots/test-impressjs/deck.html; where impress.js itself puts the
steps of its own demo and examples is checked in Chromium
(tests/browser/test_impressjs_examples.py)."""

from __future__ import annotations

import shutil

import pytest
from helpers import STEP_AXES, located_warnings, soup, steps

from sphinx_impress.cli import main
from sphinx_impress.importers.impressjs import read_impressjs
from sphinx_impress.importers.myst_writer import directive_options

#: Each step's id, classes and (x, y, z, scale, rotate-x, rotate-y, rotate-z) as
#: impress.js 1.x places it: a missing x, y or z is the previous step's (its rel
#: plugin), a missing rotation 0 and scale 1, data-rotate-z before data-rotate.
EXPECTED = [
    ("start", ["step", "slide"], (-1000, -1500, 100, 1, 0, 0, 0)),
    ("step-2", ["step"], (500, -1500, 100, 2, 0, 0, 30)),
    ("step-3", ["step"], (500, 300, 100, 1, 10, 0, 45)),
    ("md", ["step"], (0, 2000, 100, 1, 0, 0, 0)),
    # the markdown extra's second slide: the same attributes, no id (impress.js then
    # names it by its place)
    ("step-5", ["step"], (0, 2000, 100, 1, 0, 0, 0)),
]


@pytest.fixture
def converted(make_app, rootdir, tmp_path, capsys):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-impressjs", srcdir)
    assert main(["convert", "--from", "impressjs", str(srcdir / "deck.html"),
                 "-o", str(srcdir / "index.md")]) == 0
    captured = capsys.readouterr()
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinx_impress"]\n')
    app = make_app("impress", srcdir=srcdir)
    app.build()
    app.cleanup()
    return app, soup(app.outdir / "index.html"), captured, (srcdir / "index.md").read_text()


def test_steps_keep_ids_classes_and_places(converted):
    app, page, _, _ = converted
    # impress.js puts the markdown extra's slides on one spot when the step is placed
    # absolutely; the build says so, and nothing else
    assert [(kind, text[:40]) for _, kind, text in located_warnings(app, "index.md")] == [
        ("impress.overlap", "this step sits exactly where step 4 sits")
    ]
    assert app.warning.getvalue().count("WARNING") == 1
    found = [
        (s.id, s.classes, tuple(s.numbers[axis] for axis in STEP_AXES)) for s in steps(page)
    ]
    assert found == EXPECTED
    root = page.select_one("#impress")
    assert (root["data-transition-duration"], root["data-width"], root["data-height"]) == (
        "700", "1200", "800"
    )
    assert page.title.get_text() == "A hand-written deck"


def test_content_is_markdown_where_it_maps_and_html_where_not(converted):
    _, page, _, text = converted
    first, second, third, md, md2 = (s.element for s in steps(page))
    # the step's h1 is its title, with its inline markup; other headings keep their level
    assert first.find("h1").find("em").get_text() == "start"
    assert second.find("h2").get_text(strip=True) == "Second, unnamed"
    assert first.find("strong").get_text() == "bold"
    assert first.find("a", href="https://example.org") is not None
    # a link to a step by the id impress.js gave it
    assert first.find("a", string="to step two")["href"] == "#step-2"
    assert [li.get_text(" ", strip=True) for li in first.select("ul > li")] == [
        "one", "two to step two"
    ]
    assert first.select_one(".notes").get_text(strip=True) == "Say hello."
    assert second.select_one(".substep").get_text(strip=True) == "Revealed later."
    styled = second.find("p", style="color: red")
    assert styled is not None and styled.get_text() == "Styled text stays HTML."
    assert third.find("q").get_text() == "A quotation"
    assert md.find("h1").get_text(strip=True) == "Markdown one"
    assert md2.find("h1").get_text(strip=True) == "Markdown two"
    assert "-----" not in md.get_text()
    # written as Markdown, not as HTML
    assert "# The *start*" in text and "Some **bold** text, `code`" in text


def test_style_sheets_are_listed_for_the_deck(converted):
    _, page, _, text = converted
    assert "impress_deck_css_files:\n- css/deck.css\n" in text
    hrefs = [link["href"].split("?")[0] for link in page.find_all("link", rel="stylesheet")]
    # the deck's sheet comes after the page style, before the page's generated sheet
    assert hrefs[-2:] == ["_static/impress-deck-files/css/deck.css", "index.impress.css"]


def test_what_cannot_be_carried_over_is_reported_where_it_is(converted):
    _, _, captured, text = converted
    reported = [line.split(": ", 2)[1:] for line in captured.err.splitlines()]
    assert reported == [
        ["line 8", "css/gone.css does not exist (the page loads it); it is left out"],
        ["line 11", "the root element's attribute 'data-wobble' has no deck setting; it is "
         "not carried over"],
        ["line 29", "the step class 'active' is impress.js's own; it is left out"],
        ["line 29", "the step attribute 'title' has no step option; it is kept as a comment"],
        ["line 41", "this <p> inside the root element is no step; it is not carried over"],
    ]
    assert "% impress.js step attribute: title='third'" in text
    assert "wrote " in captured.out and "5 slides, 1 with speaker notes, 5 warnings" in captured.out


def test_rel_plugin_attributes_are_written_with_what_they_inherit():
    page = """<div id="impress">
      <div id="a" class="step" data-x="100" data-y="50"></div>
      <div id="b" class="step" data-rel-x="1000" data-rel-position="relative"></div>
      <div id="c" class="step" data-rotate-y="90"></div>
      <div id="d" class="step" data-y="0" data-rel-reset data-rel-z="5"></div>
      <div id="e" class="step" data-rel-to="a"></div>
    </div>"""
    model, _ = read_impressjs(page)
    options = [slide.options for slide in model.slides]
    # before the first rel attribute: every axis absolute
    assert {a: v.number for a, v in options[0].axes.items()} == {
        "x": 100, "y": 50, "z": 0, "rotate-x": 0, "rotate-y": 0, "rotate-z": 0, "scale": 1
    }
    # what the converter writes for each step: the rel plugin's options as step options
    rel = [
        {k.replace("rel-to", "data-rel-to"): v for k, v in directive_options(o, every_axis=False)
         if k.startswith("data-rel-") or k == "rel-to"}
        for o in options[1:]
    ]
    zero = dict.fromkeys(("data-rel-y", "data-rel-z", "data-rel-rotate-x",
                          "data-rel-rotate-y", "data-rel-rotate-z"), "0")
    assert rel[0] == {"data-rel-x": "1000", **zero, "data-rel-position": "relative"}
    # inherited by the next step, the rotation it writes stops the rotation offset
    assert rel[1] == {"data-rel-x": "1000", **zero, "data-rel-position": "relative"}
    assert {a: v.number for a, v in options[2].axes.items()} == {"rotate-y": 90}
    # reset, then its own offset; an absolute y stops the y offset
    assert rel[2]["data-rel-x"] == "0" and rel[2]["data-rel-z"] == "5"
    assert rel[2]["data-rel-reset"] == ""
    # rel-to a step in absolute mode: its offsets are zeros and its mode is taken
    assert rel[3]["data-rel-to"] == "a" and rel[3]["data-rel-x"] == "0"
    assert rel[3]["data-rel-position"] == "absolute"
    assert not options[3].axes or set(options[3].axes) == {"y"}


def test_page_without_root_converts_nothing(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>No deck here.</p></body></html>")
    assert main(["convert", "--from", "impressjs", str(page), "-o", str(tmp_path / "out.md")]) == 1
    err = capsys.readouterr().err
    assert "line 1: this page has no impress.js root element" in err
    assert not (tmp_path / "out.md").exists()

