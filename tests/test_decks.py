"""Decks inside an HTML build: the docs pages stay pages, deck pages link to their
presentation, and the presentations are written into OUT/_impress with their assets."""

from __future__ import annotations

import shutil

import pytest
from docutils import nodes
from helpers import by_id, soup, steps, warning_lines

DECKS = ["frontdeck", "slides/intro", "talk"]


def _present_links(page):
    return [a["href"] for a in page.select("p.impress-present a:not(.impress-canvas-link)")]


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_html_build_writes_presentations_of_decks_only(build, buildername):
    app = build("docsdecks", buildername)
    assert [line.split("maybe.md:")[-1] for line in warning_lines(app)] == [
        "3: WARNING: impress_deck: expected yes or no, got 'maybe'; an HTML build does "
        "not present the document [impress.config]"
    ]
    presentations = app.outdir / "_impress"
    written = sorted(
        str(path.relative_to(presentations).with_suffix(""))
        for path in presentations.rglob("*.html")
    )
    assert written == DECKS
    for docname in DECKS:
        assert len(steps(soup(presentations / f"{docname}.html"))) == 2, docname
    assert (presentations / "_static" / "impressjs" / "impress.min.js").is_file()
    assert (presentations / "_images" / "square.svg").is_file()
    talk = by_id(soup(presentations / "talk.html"))
    assert talk["second-slide"].element.find("img")["src"] == "_images/square.svg"
    links = [a["href"] for a in talk["second-slide"].element.find_all("a")]
    guide = "../guide/" if buildername == "dirhtml" else "../guide.html"
    intro = "../slides/intro/" if buildername == "dirhtml" else "../slides/intro.html"
    assert links == ["#opening", guide, intro]


def test_deck_pages_link_to_their_presentation(build):
    app = build("docsdecks", "html")
    links = {
        docname: _present_links(soup(app.outdir / f"{docname}.html"))
        for docname in ("index", "guide", "optout", *DECKS)
    }
    assert links == {
        "index": [],
        "guide": [],
        "optout": [],
        "frontdeck": ["_impress/frontdeck.html"],
        "slides/intro": ["../_impress/slides/intro.html"],
        "talk": ["_impress/talk.html"],
    }
    # the docs page of a deck is an ordinary page: no root element, no step classes
    talk = soup(app.outdir / "talk.html")
    assert talk.select("#impress, .step") == []
    # its anchors are those of an ordinary page: the section keeps the id of its title,
    # and the step id the author gave is an extra anchor in it
    section = talk.select_one("section#a-talk")
    assert section.h1.get_text(strip=True).startswith("A talk")
    assert section.select_one("span#opening") is not None
    # the link sits under the title
    assert talk.select_one("section#a-talk > h1 + p.impress-present") is not None


def test_dirhtml_links_climb_out_of_the_page_folder(build):
    app = build("docsdecks", "dirhtml")
    page = soup(app.outdir / "talk" / "index.html")
    assert _present_links(page) == ["../_impress/talk.html"]
    assert (app.outdir / "talk" / "../_impress/talk.html").resolve().is_file()


def test_pattern_matching_nothing_warns(build):
    app = build("docsdecks", "html", confoverrides={"impress_decks": ["slides/*", "nothing/*"]})
    assert warning_lines(app)[-1] == (
        "WARNING: impress_decks: the pattern 'nothing/*' matches no document [impress.config]"
    )  # given with -D: no line of conf.py


def test_impress_builder_still_presents_every_document(build):
    app = build("docsdecks")
    assert sorted(p.name for p in app.outdir.glob("*.html")) == [
        "frontdeck.html", "guide.html", "index.html", "maybe.html", "optout.html", "talk.html"
    ]
    assert not (app.outdir / "_impress").exists()
    assert _present_links(soup(app.outdir / "talk.html")) == []


def test_one_pattern_written_as_a_string(build):
    app = build("decksstring", "html")
    assert [line for line in warning_lines(app) if "impress" in line] == [
        f"{app.srcdir / 'conf.py'}:2: WARNING: impress_decks should be a list of patterns; "
        "taking 'slides/*' as one pattern [impress.config]"
    ]
    assert sorted(p.name for p in (app.outdir / "_impress").rglob("*.html")) == ["intro.html"]


def test_an_edit_writes_only_that_decks_presentation_again(rootdir, tmp_path):
    import os
    import shutil

    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-docsdecks", srcdir)
    presentations = srcdir / "_build" / "html" / "_impress"

    def build():
        app = SphinxTestApp("html", srcdir=srcdir)
        try:
            app.build()
        finally:
            app.cleanup()
        return {p.name: p.stat().st_mtime_ns for p in presentations.rglob("*.html")}

    first = build()
    assert sorted(first) == ["frontdeck.html", "intro.html", "talk.html"]
    later = 3 * 10**18  # in the future: newer than any source, and any rewrite shows
    for path in presentations.rglob("*.html"):
        os.utime(path, ns=(later, later))
    assert set(build().values()) == {later}
    talk = srcdir / "talk.md"
    talk.write_text(talk.read_text() + "\nOne more line.\n")
    os.utime(talk, ns=(later + 10**9, later + 10**9))
    third = build()
    assert third["talk.html"] != later
    assert (third["frontdeck.html"], third["intro.html"]) == (later, later)
    assert "One more line." in (presentations / "talk.html").read_text()


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_refs_from_docs_pages_lead_into_the_presentation(build, buildername):
    app = build("docsdecks", buildername)
    page = "guide/index.html" if buildername == "dirhtml" else "guide.html"
    links = soup(app.outdir / page).select("a.impress-slide-link")
    prefix = "../_impress" if buildername == "dirhtml" else "_impress"
    assert [(a["href"], a.get_text()) for a in links] == [
        (f"{prefix}/talk.html#/talk-second", "Second slide"),
        (f"{prefix}/talk.html#/talk-second", "the same slide"),
        (f"{prefix}/slides/intro.html#/intro-slide", "Slide"),
    ]
    for a in links:  # each address leads to a file that has that anchor
        target = (app.outdir / page).parent / a["href"].split("#")[0]
        anchor = a["href"].split("#/")[1]
        assert soup(target).find(id=anchor) is not None, a["href"]
    # inside the deck's own pages a ref stays a ref to the section
    assert soup(app.outdir / ("talk/index.html" if buildername == "dirhtml" else "talk.html")).select(
        "a.impress-slide-link"
    ) == []


def test_a_deck_that_cannot_be_written_fails_the_build(build, monkeypatch):
    """Writing a presentation fails as writing any page fails: the error stops the
    build with Sphinx's own report (it is not a warning that leaves a dead link)."""
    from sphinx.errors import ExtensionError

    from sphinx_impress.html.builder import ImpressBuilder

    write_doc = ImpressBuilder.write_doc

    def failing(self, docname, doctree):
        if docname == "talk":
            raise OSError(28, "No space left on device")
        write_doc(self, docname, doctree)

    monkeypatch.setattr(ImpressBuilder, "write_doc", failing)
    with pytest.raises(ExtensionError, match="No space left on device"):
        build("docsdecks", "html")


def test_deck_pages_link_to_the_canvas_map(build):
    app = build("docsdecks", "html")
    link = soup(app.outdir / "slides" / "intro.html").select_one("a.impress-canvas-link")
    assert link["href"] == "../_impress/slides/intro.layout.svg"
    assert (app.outdir / "slides" / link["href"]).resolve().is_file()
    app = build("docsdecks", "html", confoverrides={"impress_layout_svg": False})
    assert soup(app.outdir / "talk.html").select("a.impress-canvas-link") == []


@pytest.mark.parametrize("buildername", ["html", "impress"])
def test_every_asset_a_presentation_loads_is_there_with_a_docs_theme(build, buildername):
    """furo registers its own style sheet and script for every HTML builder: they are
    left out of presentations, never loaded from nowhere."""
    app = build("docsdecks", buildername, confoverrides={"html_theme": "furo"})
    folder = app.outdir / "_impress" if buildername == "html" else app.outdir
    page = soup(folder / "talk.html")
    assets = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assets += [script["src"] for script in page.find_all("script")]
    assert assets
    for asset in assets:
        assert (folder / asset.split("?")[0]).is_file(), asset


def test_included_files_and_removed_decks(rootdir, tmp_path):
    import os
    import shutil

    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path / "src"
    shutil.copytree(rootdir / "test-docsdecks", srcdir)
    (srcdir / "_part.md").write_text("Included words.\n")
    (srcdir / "talk.md").write_text(
        (srcdir / "talk.md").read_text() + "\n```{include} _part.md\n```\n"
    )
    (srcdir / "conf.py").write_text(
        (srcdir / "conf.py").read_text() + 'exclude_patterns = ["_build", "_part.md"]\n'
    )
    presentations = srcdir / "_build" / "html" / "_impress"

    def build(**overrides):
        app = SphinxTestApp("html", srcdir=srcdir, confoverrides=overrides)
        try:
            app.build()
        finally:
            app.cleanup()

    build()
    assert "Included words." in (presentations / "talk.html").read_text()
    later = 3 * 10**18
    os.utime(presentations / "talk.html", ns=(later, later))
    (srcdir / "_part.md").write_text("Changed words.\n")
    os.utime(srcdir / "_part.md", ns=(later + 10**9, later + 10**9))
    build()
    assert "Changed words." in (presentations / "talk.html").read_text()
    # a deck that is no longer one: its presentation and map are removed
    assert (presentations / "slides" / "intro.html").is_file()
    build(impress_decks=[])
    assert not (presentations / "slides" / "intro.html").exists()
    assert not (presentations / "slides" / "intro.layout.svg").exists()
    assert (presentations / "talk.html").is_file()


def test_impress_decks_entries_that_are_not_patterns(build):
    app = build("docsdecks", "html", confoverrides={"impress_decks": ["slides/*", 3, None]})
    assert any(
        "impress_decks: entries that are not patterns are ignored: [3, None]" in line
        for line in warning_lines(app)
    )
    assert (app.outdir / "_impress" / "slides" / "intro.html").is_file()


def test_html_file_suffix_is_used_for_presentations_and_links(build):
    app = build("docsdecks", "html", confoverrides={"html_file_suffix": ".htm"})
    talk = soup(app.outdir / "talk.htm")
    assert _present_links(talk) == ["_impress/talk.htm"]
    assert (app.outdir / "_impress" / "talk.htm").is_file()
    assert not (app.outdir / "_impress" / "talk.html").exists()
    assert talk.select_one("a.impress-canvas-link")["href"] == "_impress/talk.layout.svg"
    for a in soup(app.outdir / "guide.htm").select("a.impress-slide-link"):
        assert a["href"].split("#")[0] in ("_impress/talk.htm", "_impress/slides/intro.htm")
        assert (app.outdir / a["href"].split("#")[0]).is_file()


def test_presentations_leave_out_the_docs_theme(build):
    app = build("docsdecks", "html", confoverrides={"html_theme": "furo"})
    page = soup(app.outdir / "_impress" / "talk.html")
    loaded = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    loaded += [script["src"] for script in page.find_all("script")]
    assert not any("furo" in asset for asset in loaded), loaded
    # the docs pages keep their theme
    assert any("furo" in s.get("src", "") for s in soup(app.outdir / "talk.html").find_all("script"))


def test_a_source_folder_named_like_the_presentations_warns(rootdir, tmp_path, make_app):
    srcdir = tmp_path / "docsdecks"
    shutil.copytree(rootdir / "test-docsdecks", srcdir)
    (srcdir / "_impress").mkdir()
    (srcdir / "_impress" / "talk.md").write_text("---\norphan: true\n---\n# Clash\n\nText.\n", encoding="utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    lines = [line for line in warning_lines(app) if "move the document" in line]
    assert len(lines) == 1 and "_impress/talk" in lines[0] and lines[0].endswith("[impress.config]")


def test_the_domain_maps_an_anchor_to_the_innermost_step(build):
    """A label inside a slide that is itself inside a slide leads to the inner step."""
    from sphinx_impress.extension.domain import impress_domain

    app = build("docsdecks", "html")
    domain = impress_domain(app.env)
    for docname in sorted(domain.decks()):
        doctree = app.env.get_doctree(docname)
        for section in doctree.findall(nodes.Element):
            if section.get("impress_step") is None:
                continue
            info = section["impress_step"]
            assert domain.step_of(docname, info.id) == info.id


def test_a_missing_reference_in_a_deck_is_reported_once(make_app, tmp_path):
    """The presentation of a deck resolves its references again: what its docs page
    reported is not reported a second time."""
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinx_impress"]\n')
    (srcdir / "index.md").write_text(
        "---\nimpress_deck: true\n---\n# Talk\n\nSee {ref}`missing-label` and [x](#nope).\n"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    app.cleanup()
    lines = [line for line in app.warning.getvalue().splitlines() if "WARNING" in line]
    assert len(lines) == len(set(lines)) == 2, lines
    assert (app.outdir / "_impress" / "index.html").is_file()
    assert "builder_impress" not in app.tags and "impress" not in app.tags
