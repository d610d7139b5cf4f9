"""``sphinx-impress convert --from revealjs``: a sphinx-revealjs deck becomes a MyST
deck that builds without sphinx-revealjs: sections are slides laid out as reveal.js
lays them out where the deck builds as it is, ``revealjs-break``
starts a slide (under the same title unless ``:notitle:``), notes are speaker notes,
fragments substeps, code blocks plain code blocks, includes read in, and reveal.js's
slide settings kept as comments with a note. The deck is
tests/roots/test-revealjs-convert."""

from __future__ import annotations

import shutil

import pytest
from helpers import located_warnings, soup, steps, warning_lines

from sphinx_impress.cli import main


@pytest.fixture
def converted(make_app, rootdir, tmp_path, capsys):
    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-revealjs-convert", srcdir)
    assert main(["convert", "--from", "revealjs", str(srcdir / "index.rst"),
                 "-o", str(srcdir / "deck.md")]) == 0
    captured = capsys.readouterr()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\n'
        'root_doc = "deck"\n'
        'exclude_patterns = ["index.rst", "parts"]\n'
    )
    app = make_app("impress", srcdir=srcdir)
    app.build()
    app.cleanup()
    return app, soup(app.outdir / "deck.html"), captured, (srcdir / "deck.md").read_text()


def _headings(step):
    return [(h.name, h.get_text(strip=True)) for h in step.element.find_all(["h1", "h2", "h3", "h4"])]


def test_builds_without_sphinx_revealjs(converted):
    app, _, captured, _ = converted
    # one warning, which the deck built as it is gives too: its green background
    # (:data-background-color: #009900) under the theme's text; nothing else
    found = warning_lines(app)
    assert len(found) == 1, found
    assert [(kind, text[:34]) for _, kind, text in located_warnings(app, "deck.md")] == [
        ("impress.contrast", "on the background '#009900', the h")
    ]
    assert "take sphinx_revealjs" in captured.err
    assert "wrote " in captured.out and "6 slides, 1 with speaker notes" in captured.out


def test_sections_and_breaks_are_slides_as_where_the_deck_builds_as_it_is(converted):
    _, page, _, text = converted
    deck = steps(page)
    # every slide's title an h1; a deeper section's heading h2 inside its section's
    # slide, h1 inside a slide a break starts (no section where the deck builds as it is)
    assert [_headings(step) for step in deck] == [
        [("h1", "Deck name")],
        [("h1", "Horizontal one")],
        [("h1", "Vertical one")],
        [("h1", "Vertical one")],  # a break repeats the title
        [("h1", "Deeper heading")],  # :notitle:, and a deeper section stays inside
        [("h1", "Horizontal two")],  # from the included file
    ]
    # the ids the build gives the sections' steps (from their titles), and the
    # slides a break starts by their place
    assert [s.id for s in deck] == [
        "deck-name", "horizontal-one", "vertical-one", "step-4", "step-5", "horizontal-two"
    ]
    # no place is written: the deck's layout places the steps (tests/test_convert_same.py
    # compares them with the deck built as it is)
    assert not [line for line in text.splitlines() if line.startswith((":x:", ":y:"))]
    xs = [s.numbers["data-x"] for s in deck]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)


def test_notes_fragments_and_code(converted):
    _, page, _, text = converted
    deck = steps(page)
    notes = deck[1].element.select(".notes")
    assert [n.get_text(strip=True) for n in notes] == ["Say this, never show it."]
    # never on the slide: the theme hides .notes, and nothing else holds the text
    visible = deck[1].element.__copy__()
    for note in visible.select(".notes"):
        note.extract()
    assert "Say this" not in visible.get_text()
    assert [li.get_text(strip=True) for li in deck[2].element.select("li.substep")] == [
        "First", "Second"
    ]
    code = deck[5].element.find_all("pre")
    assert "first = 1" in code[0].get_text() and code[0].find(class_="linenos") is not None
    # a directive written inside a code sample stays code
    assert ".. revealjs-break::" in code[1].get_text()
    # no sphinx-revealjs directive is left but the one the code sample shows
    directives = [line for line in text.splitlines() if line.lstrip().startswith(".. revealjs-")]
    assert directives == ["   .. revealjs-break::"]
    # the slide option impress.js has a counterpart for is the step's
    assert ':background: "#009900"' in text and "% revealjs-section" not in text


def test_settings_reveal_has_are_noted_where_they_are(converted):
    _, _, captured, _ = converted
    lines = [line.split(": ", 2)[1:] for line in captured.err.splitlines()]
    # a background colour is carried over (the step's background): nothing to say
    assert not any("data-background-color" in message for _, message in lines)
    # what an included file holds is located at the include, and in the file
    assert any(where == "line 42" and message.startswith("part.rst, line 4: revealjs-code-block")
               for where, message in lines)
