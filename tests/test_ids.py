"""Step ids against the other ids of a document, and links that must land on steps."""

from __future__ import annotations

from helpers import by_id, soup, warning_lines


def test_author_id_wins_over_a_title_id(build):
    app = build("ids")
    found = by_id(soup(app.outdir / "index.html"))
    assert list(found) == ["demo", "demo-2", "second-slide"]
    assert found["demo-2"].title == "Demo"


def test_links_to_labels_land_on_their_step(build):
    app = build("ids")
    page = soup(app.outdir / "index.html")
    first = by_id(page)["demo"].element
    paragraph = first.find("p")
    links = [
        a["href"] for a in paragraph.find_all("a") if "footnote-reference" not in a["class"]
    ]
    assert links == ["#demo", "#second-slide", "#second-slide"]
    other = by_id(soup(app.outdir / "other.html"))
    assert list(other) == ["start", "second", "last"]
    hrefs = [a["href"] for a in other["start"].element.find_all("a")]
    assert hrefs == ["#start", "#second", "#last"]


def test_footnotes_stay_on_the_slide_that_cites_them(build):
    app = build("ids")
    found = by_id(soup(app.outdir / "index.html"))
    notes = {
        step_id: [n.get_text(" ", strip=True) for n in step.element.select("aside.footnote")]
        for step_id, step in found.items()
    }
    assert notes == {
        "demo": ["[ 1 ] The note of the first slide."],
        "demo-2": [],
        "second-slide": ["[ 2 ] The note of the second slide."],
    }
    # the title is still the first thing on the first slide
    assert found["demo"].element.find(True).name in ("span", "h1")
    assert found["demo"].element.find("h1").get_text(strip=True) == "Deck"


def test_myst_front_matter_warning_names_file_line_and_setting(build):
    app = build("ids")
    lines = warning_lines(app)
    assert len(lines) == 1
    assert lines[0].endswith(
        "index.md:2: WARNING: impress_width: expected a number, got '[1, 2]'; "
        "the conf.py value is used [impress.config]"
    )
