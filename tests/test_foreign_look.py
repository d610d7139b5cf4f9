"""Decks of other tools look as they did: their text as their authors wrote it (no smart
quotes, dashes or ellipses in hovercraft, mdpress and markpress decks: none of these
tools made them, while the project's own documents keep Sphinx's smartquotes), and
their size impress.js's own 1024 x 768 px window, which none of their pages changed,
unless the deck sets one."""

from __future__ import annotations

import pytest
from helpers import build_files, root, soup, steps

from sphinx_impress.cli import main

#: Characters that Sphinx's smartquotes (and MyST's smartquotes and replacements)
#: would change.
WRITTEN = "He said \"it's fine\" -- and 'left'... Then --- gone (c) 2016."

DECKS = {
    "hover.hovercraft": f":title: Q\n\n----\n\nOne\n===\n\n{WRITTEN}\n\n----\n\nTwo\n===\n\nx\n",
    "md.mdpress": f"# One\n\n{WRITTEN}\n\n---\n= data-x='1000'\n\n# Two\n\nx\n",
    "mark.markpress": f"# One\n\n{WRITTEN}\n\n------\n\n# Two\n\nx\n",
}

CONF = (
    'extensions = ["myst_parser", "sphinx_impress"]\n'
    # a project whose own MyST documents curl quotes and replace (c)
    'myst_enable_extensions = ["smartquotes", "replacements"]\n'
)


@pytest.fixture
def built(make_app, tmp_path):
    srcdir = tmp_path / "as-written"
    files = dict(DECKS)
    files["index.md"] = f"# Own\n\n{WRITTEN}\n\n```{{toctree}}\nhover\nmd\nmark\n```\n"
    return build_files(make_app, srcdir, files, CONF)


def test_foreign_decks_keep_quotes_and_dashes_as_written(built):
    for docname in ("hover", "md", "mark"):
        page = soup(built.outdir / f"{docname}.html")
        first = steps(page)[0].element
        paragraph = next(p for p in first.find_all("p") if p.get_text().startswith("He said"))
        assert paragraph.get_text() == WRITTEN, docname
    # the project's own documents keep smartquotes
    page = soup(built.outdir / "index.html")
    text = page.get_text()
    assert "“it’s fine”" in text and "–" in text and "©" in text
    assert WRITTEN not in text


def _size(app, docname):
    element = root(soup(app.outdir / f"{docname}.html"))
    return element["data-width"], element["data-height"]


def test_a_foreign_deck_is_as_large_as_impressjs_window_unless_it_says(make_app, tmp_path):
    files = {
        "index.md": "# Own\n\ntext\n\n```{toctree}\nhover\nhover_sized\nmd\nmd_sized\nmark\n```\n",
        "hover.hovercraft": "----\n\nOne\n===\n\n----\n\nTwo\n===\n",
        "hover_sized.hovercraft": ":data-width: 1600\n:data-height: 900\n\n----\n\nOne\n===\n",
        "md.mdpress": "# One\n\n---\n= data-x='1200'\n\n# Two\n",
        "md_sized.mdpress": "---\nimpress_width: 1280\n---\n# One\n\n---\n\n# Two\n",
        "mark.markpress": "# One\n\n------\n\n# Two\n",
    }
    app = build_files(make_app, tmp_path / "src", files, CONF + "impress_width = 1920\n")
    assert _size(app, "hover") == ("1024", "768")
    assert _size(app, "hover_sized") == ("1600", "900")
    assert _size(app, "md") == ("1024", "768")
    assert _size(app, "md_sized") == ("1280", "768")
    assert _size(app, "mark") == ("1024", "768")
    # the project's own decks keep conf.py's size
    assert _size(app, "index") == ("1920", "1080")
    # the theme's slide is as large as the deck
    css = (app.outdir / "md.impress.css").read_text(encoding="utf-8")
    assert "--impress-width: 1024px" in css and "--impress-height: 768px" in css


def test_a_converted_deck_keeps_the_size_of_the_deck_as_it_is(tmp_path, capsys):
    deck = tmp_path / "talk.md"
    deck.write_text("# One\n\n---\n= data-x='1200'\n\n# Two\n", encoding="utf-8")
    out = tmp_path / "talk-myst.md"
    assert main(["convert", "--from", "mdpress", str(deck), "-o", str(out)]) == 0
    front = out.read_text(encoding="utf-8").split("---\n")[1]
    assert "impress_width: 1024\n" in front and "impress_height: 768\n" in front


def test_markpress_gfm_emoji_and_strikethrough(make_app, tmp_path):
    deck = (
        "# One\n\nSupports emojis! :smile::thumbsup: :camel::dash: and :nosuchname:\n\n"
        "Not in a word a:b: or an address http://example.org:8080:x\n\n"
        "~~Struck~~ through, and `:smile: ~~in code~~`\n\n"
        "```\n:tada: ~~fenced~~\n```\n\n------\n\n# Two\n\nx\n"
    )
    app = build_files(make_app, tmp_path / "src", {"index.markpress": deck}, CONF)
    body = steps(soup(app.outdir / "index.html"))[0].element
    paragraphs = body.find_all("p")
    assert paragraphs[0].get_text() == "Supports emojis! \U0001f604\U0001f44d \U0001f42b\U0001f4a8 and :nosuchname:"
    assert paragraphs[1].get_text() == "Not in a word a:b: or an address http://example.org:8080:x"
    struck = paragraphs[2].find("s")
    assert struck is not None and struck.get_text() == "Struck"
    # code is shown as written
    assert paragraphs[2].find("code").get_text() == ":smile: ~~in code~~"
    assert body.find("pre").get_text() == ":tada: ~~fenced~~\n"
    # no warning that the author could not act on (myst-parser's strikethrough warning)
    assert "strikethrough" not in app.warning.getvalue()


def test_mdpress_strikethrough(make_app, tmp_path):
    deck = "# One\n\nIt is ~~gone~~ now, :smile: stays\n\n---\n\n# Two\n"
    app = build_files(make_app, tmp_path / "src", {"index.mdpress": deck}, CONF)
    paragraph = steps(soup(app.outdir / "index.html"))[0].element.find("p")
    assert paragraph.find("s").get_text() == "gone"
    # Redcarpet had no emoji: the shortcode is text
    assert paragraph.get_text() == "It is gone now, :smile: stays"


@pytest.mark.parametrize("setting", ["false", "true", None])
def test_a_deck_says_whether_sphinx_smartquotes_apply(make_app, tmp_path, setting):
    front = "" if setting is None else f"---\nimpress_smartquotes: {setting}\n---\n"
    app = build_files(
        make_app, tmp_path / "src", {"index.md": f"{front}# One\n\n{WRITTEN}\n"},
        'extensions = ["myst_parser", "sphinx_impress"]\n',
    )
    paragraph = steps(soup(app.outdir / "index.html"))[0].element.find("p")
    if setting == "false":
        assert paragraph.get_text() == WRITTEN
    else:
        assert "“it’s fine”" in paragraph.get_text() and "–" in paragraph.get_text()
    assert app.warning.getvalue() == ""


def test_the_converter_leaves_link_reference_definitions_as_written():
    from sphinx_impress.importers.markdown import rewrite_prose, strike_as_html

    lines = ['[r]: https://example.org/~~ref~~ "Title ~~t~~"', "See ~~old~~ [the ref][r]."]
    assert rewrite_prose(lines, set(), strike_as_html) == [
        lines[0], "See <s>old</s> [the ref][r]."
    ]
