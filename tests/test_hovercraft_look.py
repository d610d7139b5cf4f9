"""hovercraft decks look as their authors wrote them: ``.. class::`` is docutils' class
directive (``substep`` makes substeps), headings keep their level in the whole deck,
and field lists are never shown (those directly in a slide set its step, as in
hovercraft 2.7). The deck is tests/roots/test-hovercraft-look/index.hovercraft; the
positions below are what hovercraft 2.7 itself wrote for it."""

from __future__ import annotations

import pytest
from helpers import located_warnings, soup, steps, warning_lines

from sphinx_impress.cli import main

#: (x, y, rotate-z) of each step, as hovercraft 2.7 placed them.
HOVERCRAFT_27 = [(0, 0, 0), (1600, 0, 0), (3000, 0, 0), (3000, 800, 0), (3000, 800, 0)]

#: The headings of each step as (tag, text): ``====`` is h1 and ``----`` h2 on every
#: slide, ``~~~~`` h3.
HEADINGS = [
    [("h1", "The deck")],
    [("h2", "A second-level title")],
    [],
    [("h2", "Third"), ("h3", "Deeper")],
    [("h1", "Back at the top")],
]


def _headings(step):
    return [
        (heading.name, heading.get_text(" ", strip=True))
        for heading in step.element.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    ]


@pytest.fixture
def look(build):
    app = build("hovercraft-look")
    return app, soup(app.outdir / "index.html")


def test_class_directive_is_docutils_class(look):
    app, page = look
    first = steps(page)[0].element
    assert [p.get_text(strip=True) for p in first.select("p.lead")] == [
        "An opening paragraph with a class."
    ]
    # impress.js's substep plugin reveals elements of class substep
    assert [p.get_text(strip=True) for p in first.select("p.substep")] == [
        "Revealed on the next press."
    ]
    assert len(first.select("p.pair")) == 2
    # a list's substep class goes to its items (nested ones too), as hovercraft gave
    # it: one press each
    assert [li.find(string=True).strip() for li in first.select("li.substep")] == [
        "one", "two", "two-nested", "three", "four"
    ]
    assert not first.select("ul.substep, ol.substep")
    # never a Python object: no description, no "class" signature, no domain entry
    assert not page.select("dl.py, dt.sig")
    assert "class substep" not in first.get_text(" ")
    assert app.env.domains["py"].objects == {}


def test_heading_levels_follow_the_underlines_of_the_deck(look):
    _, page = look
    assert [_headings(step) for step in steps(page)] == HEADINGS


def test_field_lists_are_never_shown(look):
    app, page = look
    for step in steps(page):
        text = step.element.get_text(" ")
        assert step.element.find("dl") is None
        for written in ("data-x", "data-rotate", "colour", "3000", "moved"):
            assert written not in text, (step.id, written)
    found = located_warnings(app, "index.hovercraft")
    assert [(line, kind) for line, kind, _ in found] == [
        (47, "impress.field"),  # :colour: is no field hovercraft knows
        (60, "impress.field"),  # :data-rotate: under a heading: hovercraft did not read it
        (67, "impress.overlap"),  # hovercraft put the last two slides on one spot
    ]
    assert "unknown hovercraft slide field 'colour'" in found[0][2]
    assert "inside an element of the slide" in found[1][2]


def test_fields_directly_in_a_slide_place_it_as_hovercraft_did(look):
    _, page = look
    placed = [
        (s.numbers["data-x"], s.numbers["data-y"], s.numbers["data-rotate-z"]) for s in steps(page)
    ]
    assert placed == HOVERCRAFT_27
    assert steps(page)[2].id == "moved"


def test_converted_deck_keeps_classes_and_heading_levels(make_app, rootdir, tmp_path, capsys):
    deck = rootdir / "test-hovercraft-look" / "index.hovercraft"
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    assert main(["convert", "--from", "hovercraft", str(deck), "-o", str(srcdir / "index.md")]) == 0
    text = (srcdir / "index.md").read_text(encoding="utf-8")
    # in Sphinx's reST, docutils' class directive is rst-class
    assert ".. rst-class:: substep" in text and ".. class::" not in text
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinx_impress"]\n')
    app = make_app("impress", srcdir=srcdir)
    app.build()
    app.cleanup()
    page = soup(app.outdir / "index.html")
    assert "ERROR" not in app.warning.getvalue()
    assert [_headings(step) for step in steps(page)] == HEADINGS
    assert len(steps(page)[0].element.select("p.substep")) == 1
    assert [li.find(string=True).strip() for li in steps(page)[0].element.select("li.substep")] == [
        "one", "two", "two-nested", "three", "four"
    ]
    assert len(steps(page)[0].element.select("p.pair")) == 2
    placed = [
        (s.numbers["data-x"], s.numbers["data-y"], s.numbers["data-rotate-z"]) for s in steps(page)
    ]
    assert placed == HOVERCRAFT_27


def _loaded(page):
    """The page's style sheets as (href without query, media) and scripts' src, in
    page order; the page's own generated style sheet (``<docname>.impress.css``, the
    former ``style`` attributes) always comes last and is left out of the list."""
    sheets = [
        (link["href"].split("?")[0], link.get("media")) for link in page.find_all("link", rel="stylesheet")
    ]
    assert sheets[-1][0].endswith(".impress.css"), sheets
    sheets = sheets[:-1]
    scripts = [script["src"].split("?")[0] for script in page.find_all("script", src=True)]
    return sheets, scripts


def test_deck_style_sheets_and_scripts_load_for_that_deck_only(look):
    app, index = look
    page = soup(app.outdir / "styled.html")
    sheets, scripts = _loaded(page)
    files = "_static/impress-deck-files/"
    # the deck's sheets come last, over a bare page style instead of the theme's card
    assert ("_static/impress-theme.css", None) not in sheets
    assert sheets[-3:] == [
        ("_static/impress-bare.css", None),
        (files + "css/talk.css", None),
        (files + "css/print.css", "print"),
    ]
    # :js-header: runs before impress.js, :js-body: after impress().init()
    assert scripts[0] == files + "js/early.js"
    assert scripts[-1] == files + "js/late.js"
    assert scripts.index("_static/impress-init.js") == len(scripts) - 2
    # copied with what the style sheet imports and points at, at their source paths
    for name in ("css/talk.css", "css/parts/base.css", "css/print.css", "images/paper.png",
                 "js/early.js", "js/late.js"):
        assert (app.outdir / "_static" / "impress-deck-files" / name).is_file(), name
    # the other deck of the project keeps the theme
    other_sheets, other_scripts = _loaded(index)
    assert ("_static/impress-theme.css", None) in other_sheets
    assert not any("impress-deck-files" in name for name, _ in other_sheets)
    assert not any("impress-deck-files" in name for name in other_scripts)
    # hovercraft's page set no size: impress.js's own 1024 x 768 window
    assert page.select_one("#impress")["data-width"] == "1024"
    assert page.select_one("#impress")["data-height"] == "768"


def test_missing_deck_file_and_remote_address_are_named(look):
    app, _ = look
    found = located_warnings(app, "styled.hovercraft")
    assert [(line, kind) for line, kind, _ in found] == [(4, "impress.field")]
    assert "missing.css does not exist" in found[0][2]
    offline = [line for line in warning_lines(app) if "impress.offline" in line]
    assert len(offline) == 1 and "https://example.org/banner.png" in offline[0]
    # located at the style sheet's own line that loads it, and naming the presentation
    assert offline[0].startswith(f"{app.srcdir / 'css' / 'talk.css'}:4: WARNING: ")
    assert "(styled)" in offline[0]


def test_remote_loads_of_deck_style_sheets_are_located_at_their_line(make_app, tmp_path):
    """Each style sheet that loads from the network (an ``@import`` of a web font, a
    ``url()``, also in a sheet the deck's sheet imports) is named at its file and line;
    the page's own remote loads keep their one warning at the page."""
    srcdir = tmp_path / "src"
    (srcdir / "css").mkdir(parents=True)
    (srcdir / "css" / "look.css").write_text(
        '/* fonts */\n@import "parts.css";\n\n@import url(http://fonts.example.org/css?family=A);\n'
        "h1 { color: black; }\n",
        encoding="utf-8",
    )
    (srcdir / "css" / "parts.css").write_text(
        "p {\n  background:\n    url('https://example.org/paper.png');\n}\n", encoding="utf-8"
    )
    (srcdir / "index.hovercraft").write_text(
        ":css: css/look.css\n\n----\n\nOne\n===\n\n.. image:: https://example.org/one.png\n",
        encoding="utf-8",
    )
    (srcdir / "conf.py").write_text('extensions = ["sphinx_impress"]\n', encoding="utf-8")
    app = make_app("impress", srcdir=srcdir)
    app.build()
    app.cleanup()
    offline = sorted(line for line in warning_lines(app) if "impress.offline" in line)
    assert [line.split(": WARNING")[0] for line in offline] == sorted([
        f"{srcdir / 'css' / 'look.css'}:4",
        f"{srcdir / 'css' / 'parts.css'}:3",
        f"{srcdir / 'index.hovercraft'}:8",
    ])
    by_place = {line.split(": WARNING")[0]: line for line in offline}
    assert "http://fonts.example.org/css?family=A" in by_place[f"{srcdir / 'css' / 'look.css'}:4"]
    assert "https://example.org/paper.png" in by_place[f"{srcdir / 'css' / 'parts.css'}:3"]
    page = by_place[f"{srcdir / 'index.hovercraft'}:8"]
    assert "https://example.org/one.png" in page and "fonts.example.org" not in page


def test_converted_deck_keeps_its_style_sheets_and_scripts(make_app, rootdir, tmp_path, capsys):
    import shutil

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-hovercraft-look", srcdir)
    talks = srcdir / "talks"
    talks.mkdir()
    out = talks / "converted.md"
    assert main(["convert", "--from", "hovercraft", str(srcdir / "styled.hovercraft"),
                 "-o", str(out)]) == 0
    assert "missing.css does not exist" in capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    # named from where the MyST file is
    assert "- ../css/talk.css\n" in text and "- ../js/early.js head\n" in text
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\n'
        'suppress_warnings = ["toc.not_included"]\n'
    )
    app = make_app("impress", srcdir=srcdir)
    app.build()
    app.cleanup()
    original = _loaded(soup(app.outdir / "styled.html"))
    converted = _loaded(soup(app.outdir / "talks" / "converted.html"))
    # the same files, from a page one folder down; hovercraft's code colours too, as
    # the converted deck is written in hovercraft's markup (impress_markup: hovercraft)
    assert "impress_markup: hovercraft\n" in text
    assert ("_static/impress-hovercraft-highlight.css", None) in original[0]
    assert [(href.replace("../", ""), media) for href, media in converted[0]] == original[0]
    assert [src.replace("../", "") for src in converted[1]] == original[1]


def test_front_matter_deck_files_that_cannot_be_loaded_warn(make_app, tmp_path):
    from helpers import build_files

    (tmp_path / "outside.css").write_text("h1 { color: red; }\n")
    deck = (
        "---\nimpress_deck_css_files: [../outside.css, gone.css, ok.css]\n---\n\n"
        "# One\n\ntext\n"
    )
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "ok.css").write_text("@import 'nowhere.css';\n")
    app = build_files(
        make_app, tmp_path / "src", {"index.md": deck},
        'extensions = ["myst_parser", "sphinx_impress"]\n',
    )
    warnings = [line for line in app.warning.getvalue().splitlines() if "WARNING" in line]
    assert len(warnings) == 3, warnings
    assert "outside.css is outside the source folder" in warnings[0]
    assert "gone.css does not exist" in warnings[1]
    assert "nowhere.css does not exist" in warnings[2] and "ok.css (url 'nowhere.css')" in warnings[2]
    assert all("[impress.config]" in line for line in warnings)
    # at the line of the front matter key, and at the style sheet's line that names it
    assert [line.split(": WARNING")[0].rsplit("/", 1)[-1] for line in warnings] == [
        "index.md:2", "index.md:2", "ok.css:1"
    ]
    sheets, _ = _loaded(soup(app.outdir / "index.html"))
    assert sheets[-2:] == [("_static/impress-bare.css", None),
                           ("_static/impress-deck-files/ok.css", None)]


HEADER_DECK = """\
:title: Definitions in the header

.. role:: red
.. role:: raw-html(raw)
   :format: html
.. |br| raw:: html

   <br />

.. |project| replace:: *sphinx-impress*

----

A :red:`red` title |br| on two lines
====================================

Text with |project|, :raw-html:`<kbd>K</kbd>`, a symbol note [*]_, an automatic one
[#]_, a named one [#named]_ and a numbered one [1]_.

.. [*] The symbol note.
.. [#] The automatic note.
.. [#named] The named note.
.. [1] The numbered note.

----

Second
======

Another automatic note [#]_.

.. [#] On the second slide.
"""


def test_converted_deck_keeps_header_definitions_title_markup_and_footnotes(
    make_app, tmp_path, capsys
):
    from helpers import build_files

    (tmp_path / "src").mkdir()
    deck = tmp_path / "src" / "deck.hovercraft"
    deck.write_text(HEADER_DECK, encoding="utf-8")
    assert main(["convert", "--from", "hovercraft", str(deck),
                 "-o", str(tmp_path / "src" / "index.md")]) == 0
    app = build_files(make_app, tmp_path / "src", {},
                      'extensions = ["myst_parser", "sphinx_impress"]\n'
                      'suppress_warnings = ["toc.not_included"]\n')
    warnings = app.warning.getvalue()
    assert "ERROR" not in warnings and "index.md" not in warnings, warnings
    for name in ("index", "deck"):
        page = soup(app.outdir / f"{name}.html")
        first = steps(page)[0].element
        title = first.find("h1")
        # the role, the raw substitution and the text of the title as in the original
        assert title.find("span", class_="red").get_text() == "red"
        assert title.find("br") is not None and "|br|" not in title.get_text()
        assert first.find("em").get_text() == "sphinx-impress"
        assert first.find("kbd").get_text() == "K"
        labels = sorted(
            a.get_text(strip=True).strip("[]") for a in page.select("a.footnote-reference")
        )
        assert labels == sorted(["*", "1", "2", "3", "4"]), (name, labels)
        ids = {element["id"] for element in page.find_all(id=True)}
        assert all(a["href"].lstrip("#") in ids for a in page.select("a.footnote-reference"))
