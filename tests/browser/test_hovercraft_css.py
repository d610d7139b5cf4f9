"""Real hovercraft talks with their authors' style sheets look as in hovercraft: the
selectors they wrote for hovercraft's HTML (``tt``, ``li``, ``pre.highlight span.o``)
apply in Chromium as they did there. Built from ../shared's decks as they are."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

import pytest
from conftest import SHARED

from .conftest import PAGE_TIMEOUT_MS, VIEWPORT, build_site

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

CORPUS = SHARED / "corpus"


@pytest.fixture(scope="module")
def talks_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not there ({CORPUS})")
    srcdir = tmp_path_factory.mktemp("hovercraft-talks")
    ralphbean = CORPUS / "ralphbean-presentations"
    shutil.copy(ralphbean / "ansible.rst", srcdir / "ansible.hovercraft")
    shutil.copytree(ralphbean / "css", srcdir / "css")
    examples = CORPUS / "hovercraft" / "examples"
    shutil.copy(examples / "hovercraft.rst", srcdir / "demo.hovercraft")
    shutil.copy(examples / "hovercraft.css", srcdir / "hovercraft.css")
    shutil.copytree(examples / "images", srcdir / "images")
    (srcdir / "index.md").write_text("# Talks\n\n```{toctree}\nansible\ndemo\n```\n", encoding="utf-8")
    (srcdir / "conf.py").write_text('extensions = ["myst_parser", "sphinx_impress"]\n', encoding="utf-8")
    # the talks load fonts and images from the network (impress.offline) and the like
    return build_site(tmp_path_factory, srcdir, strict=False)


def _open(browser: Browser, site: Path, name: str) -> tuple[Page, object]:
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    context.route("http*://**", lambda route: route.abort())  # fonts, images: offline
    page = context.new_page()
    page.goto((site / f"{name}.html").as_uri())
    page.wait_for_selector("body.impress-enabled", state="attached")
    return page, context


#: The computed colour of each element a selector finds.
_COLOURS_JS = "selector => [...document.querySelectorAll(selector)].map(e => getComputedStyle(e).color)"


def test_the_authors_code_styles_apply(browser: Browser, talks_site: Path) -> None:
    page, context = _open(browser, talks_site, "ansible")
    try:
        inline = page.evaluate(_COLOURS_JS, "#impress tt")
        python = "#impress pre.highlight.code.python"
        operators = page.evaluate(_COLOURS_JS, f"{python} span.o")
        names = page.evaluate(_COLOURS_JS, f"{python} span.n")
        keywords = page.evaluate(_COLOURS_JS, f"{python} span.kn, {python} span.k")
        quotes = page.evaluate(_COLOURS_JS, "#impress pre.highlight:not(.code) span")
        backgrounds = page.evaluate(
            "() => [...document.querySelectorAll('#impress pre')]"
            ".map(e => getComputedStyle(e).backgroundColor)"
        )
    finally:
        context.close()
    # style-ansible.css: tt { color: #ff5850 }
    assert len(inline) >= 10 and set(inline) == {"rgb(255, 88, 80)"}
    # pre.highlight span.o { color: #ff5850 } outranks the code colours
    assert operators and set(operators) == {"rgb(255, 88, 80)"}
    # pre.highlight span { color: rgb(102, 102, 102) } colours what hovercraft's
    # highlight.css leaves alone (names), and keywords keep its #007020
    assert names and set(names) == {"rgb(102, 102, 102)"}
    assert keywords and set(keywords) == {"rgb(0, 112, 32)"}
    # the "::" quotations are plain text, as hovercraft showed them: nothing to colour
    assert quotes == []
    # hovercraft's code colours gave a block no background, and neither does the author
    assert backgrounds and set(backgrounds) == {"rgba(0, 0, 0, 0)"}


def test_list_items_are_sized_once(browser: Browser, talks_site: Path) -> None:
    page, context = _open(browser, talks_site, "demo")
    try:
        sizes = page.evaluate(
            """() => [...document.querySelectorAll('#impress li')].map(li => [
                parseFloat(getComputedStyle(li).fontSize),
                parseFloat(getComputedStyle(li.parentElement).fontSize),
                li.querySelector('p') !== null])"""
        )
    finally:
        context.close()
    assert len(sizes) >= 5
    # hovercraft.css: li { font-size: 125% } and p { font-size: 125% }; hovercraft wrote
    # the text of an item straight into the <li>, so it is 1.25 times the list's size
    for item, parent, has_paragraph in sizes:
        assert not has_paragraph
        assert item == pytest.approx(parent * 1.25, rel=0.01)
