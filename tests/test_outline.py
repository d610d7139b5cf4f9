"""Which sections are slides (one rule: heading levels 1 to 3), the page title from
the front matter, and ids or classes that would clash with the presentation page."""

from __future__ import annotations

import docutils
import pytest
from helpers import build_files, located_warnings, soup, steps, warning_lines

CONF = 'extensions = ["myst_parser", "sphinx_impress"]\nsuppress_warnings = ["myst.header"]\n'

ONE_TITLE = "# Talk\n\nHello.\n\n## Part\n\n### Detail\n\n#### Inside\n\nText.\n"


def _ids(app, name="index.html"):
    return [s.id for s in steps(soup(app.outdir / name))]


def test_a_second_title_changes_nothing_before_it(make_app, tmp_path):
    second = ONE_TITLE + "\n# Second part\n\n## More\n\n### Its detail\n\n#### Also inside\n"
    one = build_files(make_app, tmp_path / "one", {"index.md": ONE_TITLE}, CONF)
    two = build_files(make_app, tmp_path / "two", {"index.md": second}, CONF)
    assert _ids(one) == ["talk", "part", "detail"]
    assert _ids(two) == ["talk", "part", "detail", "second-part", "more", "its-detail"]
    assert warning_lines(two) == []


def test_content_before_the_title_changes_nothing_either(make_app, tmp_path):
    app = build_files(make_app, tmp_path / "src", {"index.md": "Lead.\n\n" + ONE_TITLE}, CONF)
    assert _ids(app) == ["step-1", "talk", "part", "detail"]


def test_a_deck_without_a_title_reads_its_headings_as_written(make_app, tmp_path):
    deck = "## One\n\n### One point one\n\n#### Inside\n\n## Two\n"
    app = build_files(make_app, tmp_path / "src", {"index.md": deck}, CONF)
    assert _ids(app) == ["one", "one-point-one", "two"]
    assert warning_lines(app) == []


def test_a_skipped_level_is_read_by_its_own_level_with_a_warning(make_app, tmp_path):
    deck = "# Talk\n\n### Skipped to three\n\n## Part\n\n#### Skipped to four\n\nText.\n"
    app = build_files(make_app, tmp_path / "src", {"index.md": deck}, CONF)
    assert _ids(app) == ["talk", "skipped-to-three", "part"]
    found = located_warnings(app, "index.md")
    assert [(line, kind) for line, kind, _ in found] == [
        (3, "impress.heading"), (7, "impress.heading")
    ]
    assert "it is a slide" in found[0][2]
    assert "not a slide" in found[1][2]


def test_rest_levels_and_a_deck_without_a_title(make_app, tmp_path):
    titled = "=====\nTalk\n=====\n\nPart\n====\n\nDetail\n------\n\nInside\n~~~~~~\n\nText.\n"
    untitled = "One\n===\n\nSub\n---\n\nDeeper\n~~~~~~\n\nText.\n\nTwo\n===\n"
    a = build_files(make_app, tmp_path / "a", {"index.rst": titled}, CONF)
    b = build_files(make_app, tmp_path / "b", {"index.rst": untitled}, CONF)
    assert _ids(a) == ["talk", "part", "detail"]
    assert _ids(b) == ["one", "sub", "two"]
    found = located_warnings(b, "index.rst")
    assert [(line, kind) for line, kind, _ in found] == [(8, "impress.heading")]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("index.md", "---\ntitle: The talk, in full\n---\n# Talk\n\nHello.\n"),
        ("index.rst", ":title: The talk, in full\n\n====\nTalk\n====\n\nHello.\n"),
    ],
)
def test_the_front_matter_title_is_the_page_title(make_app, tmp_path, name, text):
    files = {name: text, "other.md": "# Other\n\n```{toctree}\nindex\n```\n"}
    conf = CONF + 'root_doc = "other"\n'
    app = build_files(make_app, tmp_path / "src", files, conf)
    page = soup(app.outdir / "index.html")
    assert page.title.get_text() == "The talk, in full"
    assert page.select_one("#talk h1").get_text() == "Talk"  # the heading stays on the slide
    assert app.env.titles["index"].astext() == "The talk, in full"
    # a docs page of a deck too
    conf += 'impress_decks = ["index"]\n'
    html = build_files(make_app, tmp_path / "html", files, conf, builder="html")
    assert soup(html.outdir / "index.html").title.get_text().startswith("The talk, in full")
    # and its entry in a toctree
    entry = soup(html.outdir / "other.html").select_one("div.toctree-wrapper a")
    assert (entry["href"], entry.get_text()) == ("index.html", "The talk, in full")


def test_a_title_alone_is_the_title_of_a_deck_without_headings(make_app, tmp_path):
    text = "---\ntitle: No headings\n---\n\nJust words.\n\n---\n\nMore words.\n"
    app = build_files(make_app, tmp_path / "src", {"index.md": text}, CONF)
    assert soup(app.outdir / "index.html").title.get_text() == "No headings"
    assert _ids(app) == ["step-1", "step-2"]


def test_ids_of_the_page_itself_are_renamed(make_app, tmp_path):
    deck = (
        "# Impress\n\nThe title makes the id impress.\n\n"
        "## Help\n\n```{step}\n:id: impress-help\n```\n\n"
        "(impress-toolbar)=\n### Toolbar\n\nSee [the toolbar](#impress-toolbar).\n\n"
        "#### impress-navigation-ui-next\n\nA heading with such an id.\n"
    )
    app = build_files(make_app, tmp_path / "src", {"index.md": deck}, CONF)
    found = located_warnings(app, "index.md")
    assert [(line, kind) for line, kind, _ in found] == [
        (7, "impress.duplicate_id"), (12, "impress.duplicate_id")
    ]
    assert "the presentation page uses itself" in found[0][2]
    page = soup(app.outdir / "index.html")
    assert _ids(app) == ["impress-2", "help", "toolbar"]
    for page_id in ("impress", "impress-help", "impress-toolbar", "impress-navigation-ui-next"):
        assert len(page.find_all(id=page_id)) <= 1, page_id
        element = page.find(id=page_id)
        assert element is None or not element.find_parent(id="impress"), page_id
    assert page.select_one("#impress").find_parent(id="impress") is None
    link = page.find("a", string="the toolbar")
    assert link["href"] == "#toolbar"


def test_two_step_directives_for_one_slide_always_warn(make_app, tmp_path):
    lead = "```{step}\n:x: 100\n```\n\n```{step}\n:y: 200\n```\n\nLead.\n\n# Talk\n"
    content = "```{step}\n:x: 100\n```\n\n```{step}\n:y: 200\n\nA slide.\n```\n\n# Talk\n"
    for name, text in (("lead", lead), ("content", content)):
        app = build_files(make_app, tmp_path / name, {"index.md": text}, CONF)
        assert [(line, kind) for line, kind, _ in located_warnings(app, "index.md")] == [
            (5 if name == "lead" else 1, "impress.step")
        ], name
        first = steps(soup(app.outdir / "index.html"))[0]
        assert (first.numbers["data-x"], first.numbers["data-y"]) == (100, 200)


def test_the_step_class_on_an_element_is_left_out(make_app, tmp_path):
    deck = "# Talk\n\n```{admonition} Careful\n:class: step\n\nInside.\n```\n"
    app = build_files(make_app, tmp_path / "src", {"index.md": deck}, CONF)
    # the admonition's line as docutils gives it: its first line from docutils 0.21
    # on, the line of its content before
    line = 3 if docutils.__version_info__ >= (0, 21) else 6
    assert [(found, kind) for found, kind, _ in located_warnings(app, "index.md")] == [
        (line, "impress.value")
    ]
    page = soup(app.outdir / "index.html")
    assert page.select("#impress .step .step") == []
    assert page.select_one("#talk .admonition") is not None


def test_levels_are_read_from_the_text_sphinx_parsed(make_app, tmp_path):
    """A ``source-read`` handler that changes the text (two lines more at the top) moves
    the headings: their levels are read from the text Sphinx parsed, not from the file."""
    conf = CONF + (
        "def setup(app):\n"
        "    def prepend(app, docname, source):\n"
        "        source[0] = '% added\\n\\n' + source[0]\n"
        "    app.connect('source-read', prepend)\n"
    )
    deck = "# T\n\n## S\n\ntext\n\n#### D\n\n## S2\n"
    app = build_files(make_app, tmp_path / "src", {"index.md": deck}, conf)
    assert [s.id for s in steps(soup(app.outdir / "index.html"))] == ["t", "s", "s2"]
    assert [kind for _, kind, _ in located_warnings(app, "index.md")] == ["impress.heading"]


def test_a_title_names_a_deck_whose_headings_are_all_inside_steps(make_app, tmp_path):
    deck = "---\ntitle: My talk\n---\n\n```{step}\n# Hello\n\nText\n```\n"
    files = {"deck.md": deck, "index.md": "# Home\n\n```{toctree}\ndeck\n```\n"}
    conf = CONF + 'impress_decks = ["deck"]\n'
    app = build_files(make_app, tmp_path / "src", files, conf, builder="html")
    assert "toc.no_title" not in app.warning.getvalue()
    entry = soup(app.outdir / "index.html").select_one("div.toctree-wrapper a")
    assert (entry["href"], entry.get_text()) == ("deck.html", "My talk")
