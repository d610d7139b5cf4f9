"""A hovercraft deck styled by its author is written with hovercraft's markup where the
author's selectors would see Sphinx's differ (hovercraft 2.7's reST.xsl): ``<tt>`` for
inline literals, list items without ``<p>``, code as ``<pre class="highlight code
LANGUAGE">`` with Pygments' short token classes and no ``<div>`` around it, and a
``::`` block as plain text. A hovercraft deck on the theme keeps Sphinx's markup, which
the theme styles; its ``::`` blocks are plain text too, as hovercraft showed them."""

from __future__ import annotations

import pytest
from helpers import located_warnings, soup, steps


@pytest.fixture
def built(build):
    return build("hovercraft-markup")


def _body(page, index):
    return steps(page)[index].element.select_one(".impress-step-body")


def test_inline_literals_are_tt(built):
    first = _body(soup(built.outdir / "index.html"), 0)
    assert [tt.get_text() for tt in first.find_all("tt")] == ["make test", "code"]
    assert first.find("code") is None
    # no attributes and no inner spans, as hovercraft wrote them
    assert all(not tt.attrs and tt.find() is None for tt in first.find_all("tt"))


def test_list_items_hold_their_text_without_paragraphs(built):
    first = _body(soup(built.outdir / "index.html"), 0)
    items = first.find_all("li")
    assert len(items) == 4
    assert not first.select("li p")
    assert items[0].get_text() == "one item with code"
    # the two paragraphs a space apart
    assert " ".join(items[1].get_text().split()) == "an item with two paragraphs"
    assert items[2].find("ul").find("li").get_text() == "a child"
    # the paragraph outside a list keeps its <p>
    assert first.find("p").get_text() == "Run make test first."


def test_code_is_a_pre_with_short_token_classes(built):
    page = soup(built.outdir / "index.html")
    second = _body(page, 1)
    assert not page.select("div.highlight, div[class^=highlight-]")
    blocks = second.find_all("pre")[:3]
    assert [pre["class"] for pre in blocks] == [
        ["highlight", "code", "python"],
        ["highlight", "code", "text"],
        ["highlight", "code", "nosuchlanguage"],
    ]
    python = blocks[0]
    assert python.get_text() == "def add(a, b):\n    return a + b"
    tokens = {(span["class"][0], span.get_text()) for span in python.find_all("span")}
    assert {("k", "def"), ("nf", "add"), ("k", "return"), ("o", "+")} <= tokens
    # text is plain, and so is a language Pygments does not know, with Sphinx's warning
    assert blocks[1].find("span") is None and blocks[1].get_text() == "plain words"
    assert blocks[2].find("span") is None and blocks[2].get_text() == "x = 1"
    assert (38, "misc.highlighting_failure") in [
        (line, kind) for line, kind, _ in located_warnings(built, "index.hovercraft")
    ]


def test_a_literal_block_is_plain_text(built):
    first = _body(soup(built.outdir / "index.html"), 0)
    block = first.find("pre")
    assert block["class"] == ["highlight"]
    assert block.find("span") is None
    assert block.get_text() == "> quoted 1 + 1 is not code"


def test_a_deck_on_the_theme_keeps_sphinx_markup(built):
    page = soup(built.outdir / "plain.html")
    first, second = _body(page, 0), _body(page, 1)
    assert not page.find("tt")
    assert [code.get_text() for code in first.find_all("code")] == ["make test", "code"]
    assert first.select("li > p")
    assert [div["class"][0] for div in second.select("div[class^=highlight-]")] == [
        "highlight-python", "highlight-text", "highlight-nosuchlanguage", "highlight-python"
    ]
    # the :: block is not highlighted as Python: hovercraft showed it as written
    literal = first.select_one("div[class^=highlight-]")
    assert literal["class"][0] == "highlight-none"
    assert not literal.select("pre span.o, pre span.ow")


def _sheets(page):
    return [link["href"].split("?")[0] for link in page.find_all("link", rel="stylesheet")]


def test_code_colours_are_hovercrafts(built):
    styled = _sheets(soup(built.outdir / "index.html"))
    assert "_static/impress-hovercraft-highlight.css" in styled
    assert "_static/pygments.css" not in styled
    # under the author's sheets, which come last and win where they say otherwise
    assert styled.index("_static/impress-hovercraft-highlight.css") < styled.index(
        "_static/impress-deck-files/css/talk.css"
    )
    # hovercraft's highlight.css: keywords #007020 in bold, comments #408090 in italics
    css = (built.outdir / "_static" / "impress-hovercraft-highlight.css").read_text()
    assert ".highlight .k { color: #007020; font-weight: bold }" in css
    assert ".highlight .c { color: #408090; font-style: italic }" in css
    # only token colours, as hovercraft's sheet: no background for the block, no pre rule
    assert all(line.startswith(".highlight .") for line in css.splitlines())
    # the deck on the theme keeps the theme's colours
    assert "_static/pygments.css" in _sheets(soup(built.outdir / "plain.html"))


def test_a_chosen_pygments_style_is_kept(build):
    app = build("hovercraft-markup", confoverrides={"pygments_style": "monokai"})
    styled = _sheets(soup(app.outdir / "index.html"))
    assert "_static/pygments.css" in styled
    assert "_static/impress-hovercraft-highlight.css" not in styled


def test_numbered_lines_as_docutils_numbered_them(built):
    numbered = _body(soup(built.outdir / "index.html"), 1).find_all("pre")[-1]
    assert numbered["class"] == ["highlight", "code", "python"]
    # padded to the width of the last number, as docutils wrote them
    assert [span.get_text() for span in numbered.select("span.ln")] == [" 9 ", "10 "]
    assert numbered.get_text() == " 9 a = 1\n10 b = 2"
