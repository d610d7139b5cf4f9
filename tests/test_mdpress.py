"""mdpress decks built as they are: slides cut at separators, attribute lines read as
step attributes (a missing coordinate 0, a missing scale 1), Markdown bodies read by
myst-parser, and located warnings for what cannot be read."""

from __future__ import annotations

import shutil

import pytest
from helpers import (
    SEED,
    STEP_AXES,
    build_files,
    by_id,
    located_warnings,
    read_seed,
    root,
    soup,
    steps,
)

#: id -> (x, y, z, scale, rotate-x, rotate-y, rotate-z) of test-mdpress/index.mdpress.
EXPECTED = {
    "opening": (-2000, -1000, 0, 3, 0, 0, 0),
    "code": (1000, 0, -500, 1, 0, 0, 45),
    "underline": (0, 0, 0, 1, 30, -15, 0),
    "step-4": (0, 0, 0, 1, 0, 0, 0),  # no attribute line: everything at its default
    "last": (3000, 2000, 0, 1, 0, 0, 0),
}


def _numbers(step):
    return tuple(step.numbers[axis] for axis in STEP_AXES)


def test_slides_ids_and_positions(build):
    app = build("mdpress")
    # the --- under a line of text, which mdpress split slides at, is reported
    assert [(line, kind) for line, kind, _ in located_warnings(app, "index.mdpress")] == [
        (25, "impress.separator")
    ]
    page = soup(app.outdir / "index.html")
    found = by_id(page)
    assert list(found) == list(EXPECTED)
    for step_id, expected in EXPECTED.items():
        assert _numbers(found[step_id]) == pytest.approx(expected), step_id
    assert page.title.get_text() == "A small mdpress deck"


def test_attributes_classes_and_style_are_kept(build):
    app = build("mdpress")
    page = soup(app.outdir / "index.html")
    found = by_id(page)
    assert found["opening"].classes == ["step", "wide", "dark"]
    assert found["code"].attributes["data-note"] == "kept"
    # the step's style is in the page's generated style sheet, under its id
    assert "style" not in found["code"].element.attrs
    rules = (app.outdir / "index.impress.css").read_text(encoding="utf-8")
    assert "#impress #code {\n    background: #eee !important;\n}" in rules


def test_separators_fences_and_underlines(build):
    page = soup(build("mdpress").outdir / "index.html")
    found = by_id(page)
    # the --- lines inside the code fence stay code
    code = found["code"].element.find("pre").get_text()
    assert code.count("---") == 2
    # --- under a line of text underlines a heading; - - - separates
    # (an underline of - makes an h2, as in every Markdown reader)
    assert found["underline"].element.find("h2").get_text().startswith("A heading made")
    # *** is a rule inside its slide, not a separator
    assert found["step-4"].element.find("hr") is not None
    assert "stars stays" in found["step-4"].element.get_text()


def test_links_move_to_steps(build):
    page = soup(build("mdpress").outdir / "index.html")
    found = by_id(page)
    links = [a["href"] for a in found["underline"].element.select("a")]
    assert links == ["#opening"]
    assert [a["href"] for a in found["opening"].element.select("a")] == ["#code"]


#: (line, subtype, words of the message) for every fault in test-mdpress/bad.mdpress.
BAD = [
    (8, "impress.attributes", "\"data-x='1000 id='broken'\" is not an HTML attribute"),
    (12, "impress.attributes", "attribute 'onclick' is not one of a step's"),
    (15, "impress.separator", "this slide is empty"),
    # the empty slide and the one with the broken attribute line both stand at 0, 0
    (16, "impress.overlap", "this step sits exactly where step 2 sits"),
    (18, "impress.value", "y: relative values and w or h units are not part of this"),
]


def test_bad_input_gives_located_typed_warnings(build):
    app = build("mdpress")
    found = located_warnings(app, "bad.mdpress")
    assert [(line, subtype) for line, subtype, _ in found] == [(line, t) for line, t, _ in BAD]
    for (_, _, text), (_, _, words) in zip(found, BAD, strict=True):
        assert words in text
    assert located_warnings(app, "single.mdpress") == [
        (4, "impress.separator", "this mdpress deck has no slide separator (a line of "
         "---): it is built as one slide"),
    ]
    page = soup(app.outdir / "bad.html")
    # every slide is still built; a bad attribute line leaves the defaults
    assert [step.id for step in steps(page)] == ["fine", "step-2", "extra", "step-4", "relative"]
    assert _numbers(by_id(page)["step-2"])[:4] == (0, 0, 0, 1)
    assert by_id(page)["relative"].numbers["data-x"] == 4000


def test_source_suffix_maps_md_to_mdpress(tmp_path):
    srcdir = tmp_path / "md"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\nsource_suffix = {".md": "mdpress"}\n'
    )
    (srcdir / "index.md").write_text("= data-x='500' id='one'\n# One\n\n---\n= id='two'\n# Two\n")
    from sphinx.testing.util import SphinxTestApp

    test_app = SphinxTestApp("impress", srcdir=srcdir)
    try:
        test_app.build()
    finally:
        test_app.cleanup()
    found = by_id(soup(test_app.outdir / "index.html"))
    assert list(found) == ["one", "two"]
    assert found["one"].numbers["data-x"] == 500
    assert found["two"].numbers["data-x"] == 0


def test_seed_deck(make_app, tmp_path):
    if not SEED.is_file():
        pytest.skip(f"the seed deck is not at {SEED} (../shared is absent)")
    srcdir = tmp_path / "seed"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinx_impress"]\n')
    shutil.copy(SEED, srcdir / "index.mdpress")
    app = make_app("impress", srcdir=srcdir)
    app.build()
    app.cleanup()
    assert "ERROR" not in app.warning.getvalue()
    found = steps(soup(app.outdir / "index.html"))
    expected = read_seed()
    assert len(found) == len(expected) == 34
    for step, slide in zip(found, expected, strict=True):
        assert step.id == slide.id
        assert (step.numbers["data-x"], step.numbers["data-y"], step.numbers["data-scale"]) == (
            slide.x,
            slide.y,
            slide.scale,
        ), slide.id
    links = by_id(soup(app.outdir / "index.html"))["containers2"].element.select("a")
    assert "#containers1" in [a["href"] for a in links]


def test_without_myst_parser_a_warning_and_the_deck(tmp_path):
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_impress"]\n')
    (tmp_path / "index.mdpress").write_text("= data-x='500' id='one'\n# One\n\n---\n# Two\n")
    from sphinx.testing.util import SphinxTestApp

    app = SphinxTestApp("impress", srcdir=tmp_path)
    try:
        app.build()
    finally:
        app.cleanup()
    warnings = app.warning.getvalue()
    assert "add 'myst_parser' to extensions" in warnings and "[impress.config]" in warnings
    found = by_id(soup(app.outdir / "index.html"))
    assert list(found) == ["one", "step-2"]
    assert found["one"].numbers["data-x"] == 500


CONF = 'extensions = ["myst_parser", "sphinx_impress"]\n'


def test_attribute_lines_out_of_place_and_heading_underlines_warn(make_app, tmp_path):
    deck = (
        "# One\n"
        "some text\n"
        "---\n"  # 3: underlines "some text"; mdpress split slides here
        "= data-x='1000' id='two'\n"  # 4: not after a separator
        "## Two\n"
        "\n"
        "---\n"
        "= data-x='2000'\n"
        "= data-y='300'\n"  # 9: a second attribute line
        "\n"
        "## Three\n"
        "text\n"
        "= data-y='500'\n"  # 13: in the middle of a slide
        "more\n"
        "\n"
        "```\n"
        "= data-y='7'\n"  # code: not reported
        "```\n"
        "= is not an attribute line\n"
    )
    app = build_files(make_app, tmp_path / "src", {"index.mdpress": deck}, CONF)
    assert [(line, kind) for line, kind, _ in located_warnings(app, "index.mdpress")] == [
        (3, "impress.separator"),
        (4, "impress.attributes"),
        (9, "impress.attributes"),
        (13, "impress.attributes"),
    ]
    page = soup(app.outdir / "index.html")
    found = steps(page)
    assert [step.numbers["data-x"] for step in found] == [0, 2000]
    assert found[1].numbers["data-y"] == 0
    # nothing is lost: the lines are shown as text
    text = root(page).get_text()  # as written: mdpress made no smart quotes
    for words in ("data-x='1000' id='two'", "data-y='300'", "data-y='500'", "Two"):
        assert words in text


def test_attribute_line_after_a_blank_first_line_is_text(make_app, tmp_path):
    # mdpress took an attribute line only on the file's first line or after a
    # separator, so after a blank first line it showed it as text
    deck = "\n= data-x='100' id='a'\n# A\n\n---\n= data-x='900'\n\nB\n"
    app = build_files(make_app, tmp_path / "src", {"index.mdpress": deck}, CONF)
    assert [(line, kind) for line, kind, _ in located_warnings(app, "index.mdpress")] == [
        (2, "impress.attributes")
    ]
    found = steps(soup(app.outdir / "index.html"))
    assert [(step.id, step.numbers["data-x"]) for step in found] == [("step-1", 0), ("step-2", 900)]
    assert "data-x='100' id='a'" in found[0].element.get_text()


def test_repeated_attributes_take_the_first_value(make_app, tmp_path):
    deck = "= data-x='1000' data-y='500' data-x='2000' id='b' id='c'\n# A\n\n---\n\nB\n"
    app = build_files(make_app, tmp_path / "src", {"index.mdpress": deck}, CONF)
    found = located_warnings(app, "index.mdpress")
    assert [(line, kind) for line, kind, _ in found] == [(1, "impress.attributes")] * 2
    assert "'data-x' is given more than once; the first value ('1000') is used" in found[0][2]
    step = by_id(soup(app.outdir / "index.html"))["b"]
    assert (step.numbers["data-x"], step.numbers["data-y"]) == (1000, 500)


def test_foreign_decks_have_titles_in_a_toctree(make_app, tmp_path):
    # the title: front matter (or a hovercraft :title:), else the first heading
    files = {
        "index.md": "# Decks\n\n```{toctree}\nnamed\nheading\nhover\n```\n",
        "named.mdpress": "---\ntitle: Named deck\n---\n# First heading\n\n---\n\nB\n",
        "heading.mdpress": "= data-x='5'\n## Hello *there*\n\n---\n\nB\n",
        "hover.hovercraft": ":title: Hover deck\n\n----\n\nOne\n===\n\n----\n\nB\n",
    }
    app = build_files(make_app, tmp_path / "src", files, CONF, builder="html")
    assert "toc.no_title" not in app.warning.getvalue()
    page = soup(app.outdir / "index.html")
    # the page body's toctree (alabaster 1.0 with Sphinx 8.0 repeats it in the sidebar)
    body = page.select_one('[role="main"]')
    links = [(a["href"], a.get_text()) for a in body.select(".toctree-l1 > a")]
    assert links == [
        ("named.html", "Named deck"), ("heading.html", "Hello there"), ("hover.html", "Hover deck"),
    ]
    assert soup(app.outdir / "heading.html").title.get_text().startswith("Hello there")


def test_rejected_ids_name_the_id_given_instead(make_app, tmp_path):
    deck = (
        "= id='größe'\n# A\n\n---\n= id='with space' data-x='1'\n\nB\n\n---\n"
        "= id='dup' data-x='2'\n\nC\n\n---\n= id='dup' data-x='3'\n\nD\n"
    )
    app = build_files(make_app, tmp_path / "src", {"index.mdpress": deck}, CONF)
    found = located_warnings(app, "index.mdpress")
    assert [(line, kind) for line, kind, _ in found] == [
        (1, "impress.id"), (5, "impress.id"), (15, "impress.duplicate_id"),
    ]
    assert "gets an id from its place in the deck (step-1)" in found[0][2]
    assert "gets an id from its place in the deck (step-2)" in found[1][2]
    assert "gets the id 'step-4'" in found[2][2]
    assert [s.id for s in steps(soup(app.outdir / "index.html"))] == [
        "step-1", "step-2", "dup", "step-4",
    ]


def test_heading_levels_follow_the_number_of_hashes(make_app, tmp_path):
    # mdpress showed "#" as h1 and "##" as h2 on every slide, whatever the slide
    # starts with; an underlined heading is h1 (=) or h2 (-)
    deck = (
        "# One\n\ntext\n\n---\n\n## Two\n\nmore\n\n### Three\n\n---\n\n"
        "Setext\n======\n\nx\n\n---\n\n= data-x='500'\n\n### Deep first\n"
    )
    app = build_files(
        make_app, tmp_path / "src", {"index.mdpress": deck},
        'extensions = ["myst_parser", "sphinx_impress"]\n',
    )
    page = soup(app.outdir / "index.html")
    assert [
        [(h.name, h.get_text(strip=True)) for h in s.element.find_all(["h1", "h2", "h3"])]
        for s in steps(page)
    ] == [[("h1", "One")], [("h2", "Two"), ("h3", "Three")], [("h1", "Setext")],
          [("h3", "Deep first")]]


def test_the_deck_is_parsed_once(make_app, tmp_path, monkeypatch):
    """myst-parser parses the deck once: the reader and the rendering share its tokens,
    the attribute lines taken out of them. Where an attribute line runs on into the
    text under it, only the text without it gives what mdpress showed (here, indented
    code after the attribute line), so that text is parsed again."""
    from markdown_it import MarkdownIt

    parsed: list[str] = []
    parse = MarkdownIt.parse

    def counting(self, src, env=None):
        parsed.append(src)
        return parse(self, src, env)

    monkeypatch.setattr(MarkdownIt, "parse", counting)
    deck = "= data-x='100' id='a'\n# A\n\n---\n= data-x='900' id='b'\n\nB *text*\n"
    app = build_files(make_app, tmp_path / "one", {"index.mdpress": deck}, CONF)
    assert [source for source in parsed if "B *text*" in source] == [deck]
    found = steps(soup(app.outdir / "index.html"))
    assert [(s.id, s.numbers["data-x"]) for s in found] == [("a", 100), ("b", 900)]
    assert found[1].element.find("em").get_text() == "text"
    assert "data-x" not in root(soup(app.outdir / "index.html")).get_text()

    parsed.clear()
    deck = "# A\n\n---\n= data-x='900' id='b'\n    code = 1\n"
    app = build_files(make_app, tmp_path / "two", {"index.mdpress": deck}, CONF)
    assert len([source for source in parsed if "code = 1" in source]) == 2
    second = by_id(soup(app.outdir / "index.html"))["b"]
    assert second.element.find("pre").get_text().strip() == "code = 1"
    assert "data-x" not in second.element.get_text()
