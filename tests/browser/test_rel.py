"""The rel plugin's options, resolved at build time, put every step where impress.js
itself puts it: each case of tests/fixtures/rel.json is built as a MyST deck with
``-b impress`` and written by hand as an impress.js page with ``data-rel-*``
attributes, and the transforms Chromium computes for the two pages' steps are
compared step by step.

The hand-written pages load the impress.js of the corpus's pages (main after 1.1.0,
whose rel plugin reads every ``data-rel-*`` attribute) when ``../shared`` is there;
without it, the cases that use only what 1.1.0's plugin reads run with the vendored
1.1.0 and the others skip, saying why."""

from __future__ import annotations

import html
import json
import math
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import SHARED

from .conftest import REPO_ROOT, VIEWPORT, build_site
from .support import DOM_MATRIX_KEYS

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

FIXTURE = json.loads((REPO_ROOT / "tests" / "fixtures" / "rel.json").read_text())
CASES = FIXTURE["cases"]
WIDTH, HEIGHT = FIXTURE["width"], FIXTURE["height"]
CORPUS_SCRIPT = SHARED / "corpus" / "impressjs-examples" / "js" / "impress.js"
VENDORED_SCRIPT = (
    REPO_ROOT / "sphinx_impress" / "html" / "themes" / "impress" / "static" / "impressjs"
    / "impress.js"
)

#: Each step's transform as Chromium computes it, and its position attributes.
_STEPS_JS = """
keys => [...document.querySelectorAll('#impress .step')].map(step => {
    const matrix = new DOMMatrix(getComputedStyle(step).transform);
    return {
        id: step.id,
        matrix: Object.fromEntries(keys.map(k => [k, matrix[k]])),
        rel: step.getAttributeNames().filter(name => name.startsWith('data-rel-')),
    };
})
"""


def _script_for(case: dict) -> Path:
    if CORPUS_SCRIPT.is_file():
        return CORPUS_SCRIPT
    if case.get("v110"):
        return VENDORED_SCRIPT
    pytest.skip(
        f"{CORPUS_SCRIPT} is absent (../shared is not there) and this case uses rel "
        "plugin attributes that impress.js 1.1.0 does not read"
    )


def _myst_deck(case: dict) -> str:
    """The case as a MyST deck: one step directive with content per step."""
    lines = ["---", "impress_help: false", "impress_toolbar: false", "---", ""]
    for number, attributes in enumerate(case["steps"]):
        lines.append("```{step}")
        lines.append(f":id: {attributes.get('id', f'step{number}')}")
        for name, value in attributes.items():
            if name != "id":
                lines.append(f":{name}: {value}".rstrip())
        lines += ["", f"Step {number}", "```", ""]
    return "\n".join(lines)


def _handwritten(case: dict, script: Path) -> str:
    """The case as an impress.js page written by hand, its steps as large as ours."""
    steps = []
    for number, attributes in enumerate(case["steps"]):
        attributes = {"id": f"step{number}", **attributes}
        written = " ".join(
            f'{name}="{html.escape(value)}"' if value else name
            for name, value in attributes.items()
        )
        steps.append(f'<div class="step" {written}>Step {number}</div>')
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>"
        f".step {{ box-sizing: border-box; width: {WIDTH}px; height: {HEIGHT}px; }}"
        "</style></head><body>"
        f'<div id="impress" data-width="{WIDTH}" data-height="{HEIGHT}">'
        + "".join(steps)
        + f'</div><script src="{script.as_uri()}"></script>'
        "<script>impress().init();</script></body></html>"
    )


@pytest.fixture(scope="module")
def rel_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every case of the fixture as a document of one project, built with
    ``-W -b impress``."""
    srcdir = tmp_path_factory.mktemp("rel-src")
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\n'
        f"impress_width = {WIDTH}\nimpress_height = {HEIGHT}\n"
        'suppress_warnings = ["myst.header", "toc.not_included"]\n'
    )
    (srcdir / "index.md").write_text("# Cases\n")
    for number, case in enumerate(CASES):
        (srcdir / f"case{number}.md").write_text(_myst_deck(case))
    return build_site(tmp_path_factory, srcdir)


def _steps(browser: Browser, url: str) -> list[dict]:
    page = browser.new_page(viewport=VIEWPORT)
    try:
        page.goto(url)
        page.wait_for_selector("body.impress-enabled", state="attached")
        return page.evaluate(_STEPS_JS, DOM_MATRIX_KEYS)
    finally:
        page.close()


@pytest.mark.parametrize("number", range(len(CASES)), ids=[case["name"] for case in CASES])
def test_each_step_sits_where_impress_js_puts_it(
    browser: Browser, rel_site: Path, tmp_path: Path, number: int
) -> None:
    case = CASES[number]
    script = _script_for(case)
    original = tmp_path / "original.html"
    original.write_text(_handwritten(case, script))
    theirs = _steps(browser, original.as_uri())
    ours = _steps(browser, (rel_site / f"case{number}.html").as_uri())
    assert [step["id"] for step in ours] == [step["id"] for step in theirs]
    for mine, reference in zip(ours, theirs, strict=True):
        assert mine["rel"] == [], f"{mine['id']} carries {mine['rel']} onto the page"
        for key in DOM_MATRIX_KEYS:
            assert math.isclose(
                mine["matrix"][key], reference["matrix"][key], rel_tol=1e-6, abs_tol=1e-3
            ), (mine["id"], key, mine["matrix"][key], reference["matrix"][key])


def test_the_fixture_holds_what_impress_js_computes(browser: Browser, tmp_path: Path) -> None:
    """tests/fixtures/rel.json, which the tests of the pure computation read, holds the
    numbers impress.js leaves in each step's attributes."""
    if not CORPUS_SCRIPT.is_file():
        pytest.skip(f"{CORPUS_SCRIPT} is absent (../shared is not there)")
    read = """names => [...document.querySelectorAll('#impress .step')].map(
        step => names.map(name => Number(step.getAttribute(name))))"""
    names = ["data-x", "data-y", "data-z", "data-rotate-x", "data-rotate-y", "data-rotate-z"]
    for number, case in enumerate(CASES):
        path = tmp_path / f"case{number}.html"
        path.write_text(_handwritten(case, CORPUS_SCRIPT))
        page = browser.new_page(viewport=VIEWPORT)
        try:
            page.goto(path.as_uri())
            page.wait_for_selector("body.impress-enabled", state="attached")
            assert page.evaluate(read, names) == case["expected"], case["name"]
        finally:
            page.close()
