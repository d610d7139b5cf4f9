"""The example deck: builds with -W and keeps every slide of the seed deck where the
seed put it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import SEED, read_seed, soup, steps

EXAMPLE = Path(__file__).resolve().parents[1] / "example"


@pytest.fixture(scope="module")
def example_page(tmp_path_factory):
    from sphinx.testing.util import SphinxTestApp

    srcdir = tmp_path_factory.mktemp("example") / "src"
    shutil.copytree(EXAMPLE, srcdir, ignore=shutil.ignore_patterns("_build"))
    app = SphinxTestApp("impress", srcdir=srcdir, warningiserror=True)
    try:
        app.build()
        assert app.warning.getvalue() == ""
        return soup(app.outdir / "index.html"), app.outdir
    finally:
        app.cleanup()


def test_example_has_34_positioned_steps(example_page):
    page, _outdir = example_page
    found = steps(page)
    assert len(found) == 34
    assert len({step.id for step in found}) == 34
    assert all(step.title for step in found)
    impress = page.select_one("#impress")
    assert (float(impress["data-width"]), float(impress["data-height"])) == (1000, 700)


def test_example_loads_only_local_files(example_page):
    page, outdir = example_page
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
        for element in page.find_all(tag):
            if "expect" in element.get("rel", []):
                continue  # names an element of the page: rendering waits for it
            target = element[attribute].split("?")[0]
            assert "://" not in target, target
            assert (outdir / target).is_file(), target


def test_example_matches_the_seed(example_page):
    if not SEED.is_file():
        pytest.skip(f"the seed deck is not at {SEED} (../shared is absent)")
    page, _ = example_page
    found = steps(page)
    seed = read_seed()
    assert len(seed) == 34
    assert [step.id for step in found] == [slide.id for slide in seed]
    for step, slide in zip(found, seed, strict=True):
        got = (step.numbers["data-x"], step.numbers["data-y"], step.numbers["data-scale"])
        assert got == (slide.x, slide.y, slide.scale), slide.id
        assert (step.numbers["data-z"], step.numbers["data-rotate-z"]) == (0, 0)


def test_example_in_deck_links_point_at_steps(example_page):
    page, _ = example_page
    ids = {step.id for step in steps(page)}
    links = [a["href"][1:] for a in page.select('#impress a[href^="#"]')]
    assert links, "the example keeps its in-deck links"
    assert set(links) <= ids


def test_docs_show_the_current_canvas_map(example_page):
    """docs/_static/example.layout.svg is a copy of the example's map: rebuild it with
    ``make example`` and copy ``example/_build/impress/index.layout.svg`` when this
    fails."""
    _, outdir = example_page
    shipped = EXAMPLE.parent / "docs" / "_static" / "example.layout.svg"
    assert (outdir / "index.layout.svg").read_bytes() == shipped.read_bytes()
