"""Code highlighting in presentations: the same HTML as Sphinx's own HTML builder for
every formatter option, with one Pygments formatter per set of options."""

from __future__ import annotations

import pytest
from helpers import soup
from sphinx.highlighting import PygmentsBridge

from sphinx_impress.html.highlighting import ReusingPygmentsBridge


def _highlighted(page) -> list[str]:
    return [str(block) for block in page.select("div.highlight")]


def test_presentation_highlights_as_the_html_builder(build):
    html = build("highlight", "html")
    impress = build("highlight", "impress")
    assert isinstance(impress.builder.highlighter, ReusingPygmentsBridge)
    expected = _highlighted(soup(html.outdir / "index.html"))
    got = _highlighted(soup(impress.outdir / "index.html"))
    assert len(expected) == 8
    assert got == expected
    # line numbers, emphasised lines and the block that did not lex are really there
    assert "hll" in got[4] and "hll" in got[5]
    assert 'class="linenos"' in got[2] and ">7<" in got[2]
    # the lexing failure is reported as Sphinx reports it, once per build
    for app in (html, impress):
        assert app.warning.getvalue().count("Lexing literal_block") == 1


@pytest.mark.parametrize(
    "options",
    [
        {},
        {"linenos": True},
        {"linenos": "inline", "linenostart": 7},
        {"hl_lines": [2]},
        {"hl_lines": [1, 3], "linenos": True},
    ],
    ids=["none", "linenos", "inline-start", "hl-one", "hl-two"],
)
def test_bridge_output_is_sphinx_bridge_output(options):
    source = "import math\nprint(math.pi)\nx = [1, 2, 3]\n"
    reusing = ReusingPygmentsBridge("html", "friendly")
    plain = PygmentsBridge("html", "friendly")
    expected = plain.highlight_block(source, "python", **options)
    assert reusing.highlight_block(source, "python", **options) == expected
    # a second block with the same options reuses the formatter and gives the same text
    assert reusing.highlight_block(source, "python", **options) == expected
    assert reusing.get_formatter(**options) is reusing.get_formatter(**options)


def test_bridge_keeps_a_formatter_per_set_of_options():
    bridge = ReusingPygmentsBridge("html", "friendly")
    plain = bridge.get_formatter()
    assert bridge.get_formatter(hl_lines=[2]) is not plain
    assert bridge.get_formatter(hl_lines=[2]) is bridge.get_formatter(hl_lines=[2])
    assert bridge.get_formatter(hl_lines=[3]) is not bridge.get_formatter(hl_lines=[2])
    # an option that cannot be a key gets a formatter of its own each time
    assert bridge.get_formatter(filename={"a": 1}) is not bridge.get_formatter(filename={"a": 1})


def test_like_keeps_the_style_of_the_bridge_it_copies():
    original = PygmentsBridge("html", "monokai")
    copy = ReusingPygmentsBridge.like(original)
    assert copy.get_stylesheet() == original.get_stylesheet()
    assert copy.formatter is original.formatter
