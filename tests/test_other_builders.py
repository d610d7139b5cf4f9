"""The same decks with Sphinx's other builders: no warnings, slides as ordinary
sections, content steps as containers, positions dropped."""

from __future__ import annotations

import pytest
from helpers import soup


@pytest.mark.parametrize("buildername", ["html", "dirhtml", "singlehtml"])
@pytest.mark.parametrize("testroot", ["steps", "rst"])
def test_html_builders_show_plain_sections(build, buildername, testroot):
    app = build(testroot, buildername)
    assert app.warning.getvalue() == ""
    page = soup(app.outdir / "index.html")
    assert page.select("#impress") == []
    assert page.select(".step") == []
    assert not any(
        name.startswith("data-") and name != "data-content_root"
        for tag in page.find_all(True)
        for name in tag.attrs
    )
    # the author's ids are kept, so links still work in the docs page
    opening = page.find(id="opening").find_parent("section")
    assert opening.h1.get_text(strip=True).startswith("Deck title")
    data_prefix = page.find(id="mixed_case_id").find_parent("section")
    assert data_prefix.find(["h1", "h2"]).get_text(strip=True).startswith("Data prefix")
    content = page.select_one("div.impress-step-content#loose")
    assert "without a heading" in content.get_text()
    assert page.select_one('a[href="#opening"]') is not None
    assert "impress.min.js" not in str(page)


@pytest.mark.parametrize("testroot", ["steps", "rst"])
def test_text_builder(build, testroot):
    app = build(testroot, "text")
    assert app.warning.getvalue() == ""
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    for words in ("Deck title", "Absolute", "A deeper heading", "Sub two",
                  "A slide without a heading."):
        assert words in text
    assert "data-x" not in text and "1200" not in text


@pytest.mark.parametrize("buildername", ["latex", "man", "texinfo"])
def test_latex_and_other_builders(build, buildername):
    app = build("rst", buildername)
    assert app.warning.getvalue() == ""
    output = "".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in app.outdir.iterdir()
        if path.suffix in {".tex", ".1", ".texi"}
    )
    assert "A slide without a heading." in output
    assert "Sub two" in output


def test_html_with_todo_extension(build):
    app = build("extensions", "html")
    assert app.warning.getvalue() == ""
    assert soup(app.outdir / "index.html").select_one(".admonition-todo") is not None
