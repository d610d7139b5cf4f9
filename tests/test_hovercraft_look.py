"""hovercraft decks look as their authors wrote them: ``.. class::`` is docutils' class
directive (``substep`` makes substeps), headings keep their level in the whole deck,
and field lists are never shown (those directly in a slide set its step, as in
hovercraft 2.7). The deck is tests/roots/test-hovercraft-look/index.hovercraft; the
positions below are what hovercraft 2.7 itself wrote for it."""

from __future__ import annotations

import pytest
from helpers import located_warnings, soup, steps

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
        (35, "impress.field"),  # :colour: is no field hovercraft knows
        (48, "impress.field"),  # :data-rotate: under a heading: hovercraft did not read it
        (55, "impress.overlap"),  # hovercraft put the last two slides on one spot
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
    assert len(steps(page)[0].element.select("p.pair")) == 2
    placed = [
        (s.numbers["data-x"], s.numbers["data-y"], s.numbers["data-rotate-z"]) for s in steps(page)
    ]
    assert placed == HOVERCRAFT_27
