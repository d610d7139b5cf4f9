"""``sphinx-impress convert --from impressjs``: a hand-written impress.js page becomes
a MyST deck with every step's id, classes and place as impress.js gives them, its
notes and substeps, Markdown where the HTML maps and raw HTML where it does not.
The page is tests/roots/test-impressjs/deck.html; where impress.js itself puts the
steps of its own demo and examples is checked in Chromium
(tests/browser/test_impressjs_examples.py)."""

from __future__ import annotations

import shutil

import pytest
from helpers import STEP_AXES, build_files, located_warnings, soup, steps

from sphinx_impress.cli import main
from sphinx_impress.importers.impressjs import convert_impressjs, read_impressjs
from sphinx_impress.importers.myst_writer import directive_options, write_myst

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
    # list items as the author wrote them (the deck has style sheets of its own):
    # without <p> where the page had none, with it where it had
    assert "impress_markup: html" in text
    assert [li.find("p") is None for li in first.select("ul > li")] == [True, True]
    assert [p.get_text() for p in first.select("ol > li > p")] == ["para one", "para two"]
    # text as written, as the browser showed the page
    assert "impress_smartquotes: false" in text
    assert "It's \"quoted\" -- as written..." in first.get_text()
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


def test_rel_plugin_attributes_are_kept_and_placed_as_the_plugin_places_them(
    make_app, tmp_path
):
    page = """<div id="impress">
      <div id="a" class="step" data-x="100" data-y="50">A</div>
      <div id="b" class="step" data-rel-x="1000" data-rel-position="relative">B</div>
      <div id="c" class="step" data-rotate-y="90">C</div>
      <div id="d" class="step" data-y="0" data-rel-reset data-rel-z="5">D</div>
      <div id="e" class="step" data-rel-to="a">E</div>
      <div id="f" class="step">F</div>
    </div>"""
    model = read_impressjs(page)
    options = [slide.options for slide in model.slides]
    # before the first rel attribute: every axis absolute
    assert model.rel_from == 1
    assert {a: v.number for a, v in options[0].axes.items()} == {
        "x": 100, "y": 50, "z": 0, "rotate-x": 0, "rotate-y": 0, "rotate-z": 0, "scale": 1
    }
    # from it on, what each step writes, as it writes it: what it inherits comes from
    # the rel plugin's rules when the deck is placed (sphinx_impress.core.rel)
    written = [
        {k: v for k, v in directive_options(o, every_axis=False) if k != "id"}
        for o in options[1:]
    ]
    assert written == [
        {"data-rel-x": "1000", "data-rel-position": "relative"},
        {"rotate-y": "90"},
        {"y": "0", "data-rel-z": "5", "data-rel-reset": ""},
        # rel-to alone: the mode it takes from the step it names, so that the step is
        # the rel plugin's (a MyST rel-to alone counts relative values only)
        {"rel-to": "a", "data-rel-position": "absolute"},
        {},
    ]
    deck = convert_impressjs(page)[0]
    app = build_files(
        make_app, tmp_path / "src", {"index.md": write_myst(deck)},
        'extensions = ["myst_parser", "sphinx_impress"]\n',
    )
    placed = [
        (s.id, s.numbers["data-x"], s.numbers["data-y"], s.numbers["data-z"],
         s.numbers["data-rotate-y"])
        for s in steps(soup(app.outdir / "index.html"))
    ]
    # where impress.js's rel plugin puts them: b moves on from a; c inherits b's move
    # (relative mode, in b's frame); d resets the moves and moves 5 along z in c's
    # frame, turned 90 degrees about y, with y given; e counts from a, which is in
    # absolute mode, so none of a's moves or rotation; f goes on from e, moving nothing
    assert placed == [
        ("a", 100, 50, 0, 0), ("b", 1100, 50, 0, 0), ("c", 2100, 50, 0, 90),
        ("d", 2105, 0, 0, 90), ("e", 100, 50, 0, 0), ("f", 100, 50, 0, 0),
    ]


def test_page_without_root_converts_nothing(tmp_path, capsys):
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>No deck here.</p></body></html>")
    assert main(["convert", "--from", "impressjs", str(page), "-o", str(tmp_path / "out.md")]) == 1
    err = capsys.readouterr().err
    assert "line 1: this page has no impress.js root element" in err
    assert not (tmp_path / "out.md").exists()



def test_link_titles_are_kept(make_app, tmp_path):
    page = """<div id="impress"><div id="a" class="step">
      <p><a href="https://example.org" title='Say "hi"'>site</a></p>
    </div></div>"""
    deck = convert_impressjs(page)[0]
    app = build_files(
        make_app, tmp_path / "src", {"index.md": write_myst(deck)},
        'extensions = ["myst_parser", "sphinx_impress"]\n',
    )
    step = steps(soup(app.outdir / "index.html"))[0].element
    assert step.find("a", href="https://example.org")["title"] == 'Say "hi"'


def test_images_with_attributes_are_image_directives_whose_files_are_copied(make_app, tmp_path):
    page = """<div id="impress">
      <div id="a" class="step">
        <img id="pie-image" class="bg" src="images/pie.png">
        <p><img src="images/cone.png" alt="A cone" class="right" width="300"></p>
        <img src="images/styled.png" style="position: absolute" title="kept as HTML">
      </div></div>"""
    deck = convert_impressjs(page)[0]
    srcdir = tmp_path / "src"
    (srcdir / "images").mkdir(parents=True)
    for name in ("pie", "cone", "styled"):
        (srcdir / "images" / f"{name}.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    app = build_files(
        make_app, srcdir, {"index.md": write_myst(deck)},
        'extensions = ["myst_parser", "sphinx_impress"]\n',
    )
    step = steps(soup(app.outdir / "index.html"))[0].element
    images = step.find_all("img")
    assert len(images) == 3
    pie, cone = images[0], images[1]
    assert (pie["id"], pie["class"]) == ("pie-image", ["bg"])
    assert cone["alt"] == "A cone" and "right" in cone["class"]
    for image in images:
        # Sphinx copied the file to where the page loads it from (the styled image,
        # raw HTML, by the impress builder)
        assert (app.outdir / image["src"]).is_file(), image["src"]
