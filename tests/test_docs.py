"""The documentation in docs/: builds with -W and nitpicky, its reference tables are
generated from the code and list every setting and warning, and the impress builder
can turn its pages into presentations."""

from __future__ import annotations

import re
import shutil
from enum import Enum
from pathlib import Path

import pytest
from helpers import soup

from sphinx_impress._docs import member_docstrings
from sphinx_impress.core.options import OTHER_OPTIONS
from sphinx_impress.core.values import AXES
from sphinx_impress.extension import warnings as warnings_
from sphinx_impress.extension.config import ImpressConfig
from sphinx_impress.extension.warnings import ImpressWarnings

DOCS = Path(__file__).resolve().parents[1] / "docs"
EXAMPLE = DOCS.parent / "example"

#: The pages of the documentation, by docname.
PAGES = (
    "index",
    "tutorial",
    "authoring",
    "howto-html",
    "howto-present",
    "howto-migrate",
    "reference",
    "performance",
    "example",
    "gallery/index",
    "gallery/container-solutions",
    "gallery/tour",
)


def _build_docs(tmp_path_factory, buildername: str, **kwargs):
    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path_factory.mktemp(f"docs-{buildername}") / "docs"
    shutil.copytree(DOCS, srcdir, ignore=shutil.ignore_patterns("_build"))
    # the gallery includes ../../example/index.md: keep example/ beside docs/
    shutil.copytree(EXAMPLE, srcdir.parent / "example", ignore=shutil.ignore_patterns("_build"))
    app = SphinxTestApp(buildername=buildername, srcdir=srcdir, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture(scope="module")
def docs_html(tmp_path_factory):
    """The html build of docs/, with warnings as errors and nitpicky.

    SphinxTestApp swaps alabaster for the basic theme unless ``html_theme`` is
    overridden; the docs are written for furo, so keep furo.
    """
    app = _build_docs(
        tmp_path_factory,
        "html",
        warningiserror=True,
        confoverrides={"nitpicky": True, "html_theme": "furo"},
    )
    assert app.warning.getvalue() == ""
    assert app.statuscode == 0
    return app.outdir


def _rows(table) -> dict[str, list]:
    """The body rows of a table, keyed by the text of their first cell."""
    rows = {}
    for row in table.select("tbody > tr"):
        cells = row.find_all("td")
        rows[cells[0].get_text(" ", strip=True)] = cells
    return rows


def _words(text: str) -> str:
    return " ".join(text.split())


def _source_docstrings() -> dict[str, str]:
    """Each member's docstring read from warnings_.py with a regular expression, a
    different way from the one of sphinx_impress._docs."""
    source = Path(warnings_.__file__).read_text(encoding="utf-8")
    found = re.findall(r'^    ([A-Z_]+) = "[^"]*"\n    """(.*?)"""', source, re.M | re.S)
    return {name: _words(text.replace("``", "")) for name, text in found}


def test_every_page_is_built(docs_html):
    for page in PAGES:
        assert (docs_html / f"{page}.html").is_file(), page


def test_gallery_presents_both_decks(docs_html):
    """The html build writes the gallery's decks into _impress/: the example deck,
    taken in with {include}, keeps its 34 steps in order, its slide size and its
    images; the tour ends with an overview step."""
    example_ids = re.findall(r"^:id: (\S+)$", (EXAMPLE / "index.md").read_text("utf-8"), re.M)
    assert len(example_ids) == 34

    presentation = soup(docs_html / "_impress" / "gallery" / "container-solutions.html")
    steps = presentation.select("#impress > .step")
    assert [step["id"] for step in steps] == example_ids
    impress = presentation.select_one("#impress")
    assert (impress["data-width"], impress["data-height"]) == ("1000", "700")
    images = presentation.select("#impress img")
    assert len(images) == len(list((EXAMPLE / "images").glob("*.svg")))
    for image in images:
        assert (docs_html / "_impress" / "gallery" / image["src"]).is_file(), image["src"]

    page = soup(docs_html / "gallery" / "container-solutions.html")
    assert page.select_one("h1").get_text(strip=True).rstrip("¶") == "Container Solutions"
    assert page.select_one("p.impress-present a")["href"] == (
        "../_impress/gallery/container-solutions.html"
    )
    for image in page.select("img"):
        assert (docs_html / "gallery" / image["src"]).is_file(), image["src"]

    tour = soup(docs_html / "_impress" / "gallery" / "tour.html")
    tour_steps = tour.select("#impress > .step")
    assert [step["id"] for step in tour_steps] == [
        "tour", "relative", "units", "scale", "tilt", "turn", "order",
        "circle", "code", "picture", "math", "links", "overview",
    ]
    assert tour_steps[10].select(".math")  # the formula is there for MathJax
    assert "impress-overview" in tour_steps[-1]["class"]
    assert tour.select_one("#impress img")["src"] == "../_images/tour-pipeline.svg"
    assert (docs_html / "_impress" / "_images" / "tour-pipeline.svg").is_file()
    assert (docs_html / "_impress" / "gallery" / "tour.layout.svg").is_file()


def test_config_table_lists_every_field(docs_html):
    table = soup(docs_html / "reference.html").select_one("table.impress-config-table")
    assert table is not None
    rows = _rows(table)
    fields = ImpressConfig.values()
    assert len(rows) == len(fields)
    defaults = ImpressConfig()
    for field in fields:
        name = f"impress_{field.name}"
        assert name in rows, name
        kind, default, per_document, meaning = (
            cell.get_text(" ", strip=True) for cell in rows[name][1:]
        )
        assert kind == field.metadata["doc_type"]
        assert default == repr(getattr(defaults, field.name))
        assert per_document == ("yes" if field.metadata["per_document"] else "no")
        assert _words(meaning).startswith(" ".join(field.metadata["help"].split()[:6]))
        # each name is a target that the confval role links to
        assert rows[name][0].select_one(f"#confval-{name}") is not None


def test_warnings_table_lists_every_subtype(docs_html):
    table = soup(docs_html / "reference.html").select_one("table.impress-warnings-table")
    assert table is not None
    rows = _rows(table)
    docstrings = _source_docstrings()
    assert len(rows) == len(ImpressWarnings)
    for member in ImpressWarnings:
        subtype = f"impress.{member.value}"
        assert subtype in rows, subtype
        first_words = " ".join(docstrings[member.name].split()[:6])
        assert first_words, member.name
        assert _words(rows[subtype][1].get_text(" ", strip=True)).startswith(first_words)


def test_step_options_table_lists_every_option(docs_html):
    table = soup(docs_html / "reference.html").select_one("table.impress-step-options")
    assert table is not None
    documented = {
        code.get_text()
        for row in table.select("tbody > tr")
        for code in row.find_all("td")[0].find_all("code")
    }
    assert documented == {*AXES, *OTHER_OPTIONS, "data-*"}


def test_confval_links_resolve(docs_html):
    reference = soup(docs_html / "reference.html")
    links = soup(docs_html / "authoring.html").select('a[href^="reference.html#confval-"]')
    assert links
    for link in links:
        assert reference.select_one(f"#{link['href'].split('#')[1]}") is not None


class _Sample(Enum):
    DOCUMENTED = "documented"
    """The first line
    and the second."""

    BARE = "bare"

    ANNOTATED: str = "annotated"
    """Written with an annotation."""


def test_member_docstrings_reads_the_source():
    assert member_docstrings(_Sample) == {
        "DOCUMENTED": "The first line\nand the second.",
        "ANNOTATED": "Written with an annotation.",
    }
    assert set(member_docstrings(ImpressWarnings)) == {member.name for member in ImpressWarnings}


def test_docs_build_with_the_impress_builder(tmp_path_factory):
    app = _build_docs(tmp_path_factory, "impress")
    assert "Traceback" not in app.warning.getvalue()
    for page in PAGES:
        presentation = soup(app.outdir / f"{page}.html")
        assert len(presentation.select("#impress > .step")) >= 1, page


def test_a_member_without_docstring_is_a_warning(tmp_path, monkeypatch):
    from sphinx.testing.util import SphinxTestApp

    import sphinx_impress._docs

    monkeypatch.setattr(sphinx_impress._docs, "member_docstrings", lambda enum: {})
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_impress", "sphinx_impress._docs"]\n', encoding="utf-8"
    )
    (tmp_path / "index.rst").write_text(
        "Warnings\n========\n\n.. impress-warnings-table::\n\n"
        "Settings\n========\n\n.. impress-config-table::\n",
        encoding="utf-8",
    )
    app = SphinxTestApp(buildername="html", srcdir=tmp_path)
    try:
        app.build()
    finally:
        app.cleanup()
    warnings = app.warning.getvalue()
    for member in ImpressWarnings:
        assert f"ImpressWarnings.{member.name} has no docstring" in warnings
    assert "index.rst:4" in warnings
    page = soup(app.outdir / "index.html")
    assert len(page.select("table.impress-warnings-table tbody tr")) == len(ImpressWarnings)
    assert len(page.select("table.impress-config-table tbody tr")) == len(ImpressConfig.values())


def test_architecture_page_draws_the_flow(docs_html):
    """The contributor page's picture is built by the docs themselves (graphviz), and
    every module its table names exists."""
    page = soup(docs_html / "architecture.html")
    pictures = page.select("img.graphviz, object.graphviz, .graphviz img, .graphviz object")
    assert pictures, "no graphviz picture on the architecture page"
    source = pictures[0].get("src") or pictures[0].get("data")
    drawing = (docs_html / source).read_text(encoding="utf-8")
    for box in ("CollectSteps", "BuildPresentation", "deck model", "ImpressDomain"):
        assert box in drawing, box
    package = Path(__file__).resolve().parents[1] / "sphinx_impress"
    named = {code.get_text() for code in page.select("table code") if code.get_text().endswith(".py")}
    assert named, "the table names no module"
    missing = [name for name in sorted(named) if not (package / name).is_file()]
    assert missing == []
