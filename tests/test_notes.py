"""Speaker notes: one notes element per slide in a presentation, a marked block (or
nothing) elsewhere."""

from __future__ import annotations

import pytest
from helpers import by_id, soup, warning_lines


def test_presentation_keeps_one_notes_element_per_slide(build):
    app = build("notes")
    assert warning_lines(app) == []
    found = by_id(soup(app.outdir / "index.html"))
    notes = {
        step_id: [[p.get_text() for p in n.find_all("p")] for n in step.element.select(".notes")]
        for step_id, step in found.items()
    }
    assert notes == {
        "notes-deck": [["Greet the room."]],
        "second": [["First note of the second slide.", "Second note of the second slide."]],
        "reveal": [],
    }
    second = found["second"].element
    assert second.find_all(recursive=False)[-1]["class"] == ["notes"]
    assert "More visible words." in second.get_text()
    other = by_id(soup(app.outdir / "other.html"))
    assert [n.get_text(strip=True) for n in other["notes-in-rest"].element.select(".notes")] == [
        "Spoken text."
    ]


@pytest.mark.parametrize("show", [True, False])
def test_docs_pages_show_notes_as_a_block_or_not(build, show):
    app = build("notes", "html", confoverrides={"impress_html_notes": show})
    assert warning_lines(app) == []
    page = soup(app.outdir / "index.html")
    blocks = page.select("div.impress-notes")
    assert page.select(".notes") == []
    if show:
        assert [b.select_one(".admonition-title").get_text() for b in blocks] == ["Notes"] * 3
        assert "Greet the room." in blocks[0].get_text()
    else:
        assert blocks == []
        assert "Greet the room." not in page.get_text()
    assert "Visible words of the first slide." in page.get_text()


def test_text_builder_marks_notes(build):
    app = build("notes", "text")
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "Notes" in text and "Greet the room." in text


def test_substeps_in_a_presentation_and_elsewhere(build):
    app = build("notes")
    reveal = by_id(soup(app.outdir / "index.html"))["reveal"].element
    substeps = reveal.select(".substep")
    assert [s.name for s in substeps] == ["div", "li", "li"]
    assert [s.get_text(" ", strip=True) for s in substeps] == [
        "Shown on the first press.",
        "First item",
        "Second item",
    ]
    docs = build("notes", "html")
    page = soup(docs.outdir / "index.html")
    assert page.select(".substep") == []
    assert "Shown on the first press." in page.get_text() and "Second item" in page.get_text()
