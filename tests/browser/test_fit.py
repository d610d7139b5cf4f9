"""Fitting in Chromium: a long code block, sixty paragraphs, a wide table and a big
image each end up inside their slide, shrunk as a whole; ``:fit: no`` and
``impress_fit = False`` leave content alone; below ``impress_fit_min`` a step is shrunk
to it and reported; fitting is lazy in a big deck, and applies in the print view and
in the presenter console's previews."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import REPO_ROOT, _recorded_page, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from .support import DeckPage

pytestmark = pytest.mark.browser

LOOK = REPO_ROOT / "tests" / "roots" / "test-look"

#: How a step's content sits in its slide: the zoom of its body, whether anything sticks
#: out of the slide's padding box, and the bottom and right of the content's last
#: pieces against the step's (in the step's own units, so rotation and impress.js's
#: scale do not matter).
_STATE_JS = """id => {
    const step = document.getElementById(id);
    const body = step.querySelector(':scope > .impress-step-body');
    const zoom = parseFloat(body.style.zoom || '1');
    return {
        zoom,
        fitted: step.getAttribute('data-sphinx-impress-fitted'),
        overflow: step.classList.contains('impress-overflow'),
        inside: step.scrollHeight <= step.clientHeight + 0.5 && body.scrollWidth <= body.clientWidth + 0.5,
        bodyHeight: body.getBoundingClientRect().height / step.getBoundingClientRect().height * step.offsetHeight,
        stepHeight: step.clientHeight,
    };
}"""


@pytest.fixture(scope="module")
def look_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/roots/test-look (impress_fit_min = 0.1), built once; MathJax from the
    network is the one warning."""
    return build_site(tmp_path_factory, LOOK, strict=False)


@pytest.fixture
def look(browser: Browser, look_site: Path):
    yield from _recorded_page(browser, look_site)


def _state(deck: DeckPage, step: str) -> dict:
    if deck.active_id() != step:
        deck.goto_step(step, duration=0)
    return deck.evaluate(_STATE_JS, step)


@pytest.mark.parametrize(
    ("step", "shrunk"),
    [("long-code", True), ("sixty-paragraphs", True), ("a-wide-table", True), ("a-big-image", False)],
)
def test_large_content_fits_the_slide(look: DeckPage, step: str, shrunk: bool) -> None:
    look.open()
    state = _state(look, step)
    assert state["inside"], state
    assert not state["overflow"]
    assert float(state["fitted"]) == pytest.approx(state["zoom"])
    if shrunk:
        # shrunk, but no more than needed: a thousandth more would stick out
        assert 0.1 <= state["zoom"] < 1
    else:
        # the theme keeps a big image within the slide: nothing to shrink
        assert state["zoom"] == 1
        assert look.evaluate(
            "() => { const i = document.querySelector('#a-big-image img'); "
            "return i.getBoundingClientRect().height > 100 && i.naturalWidth === 1600; }"
        )


def test_the_factor_is_the_largest_that_fits(look: DeckPage) -> None:
    look.open()
    _state(look, "long-code")
    grown = look.evaluate(
        """() => {
            const step = document.getElementById('long-code');
            const body = step.querySelector('.impress-step-body');
            body.style.zoom = String(parseFloat(body.style.zoom) + 0.01);
            return step.scrollHeight > step.clientHeight + 0.5 || body.scrollWidth > body.clientWidth + 0.5;
        }"""
    )
    assert grown


def test_fit_no_and_the_minimum(look: DeckPage) -> None:
    look.open()
    cut = _state(look, "not-fitted")
    assert cut["zoom"] == 1 and cut["fitted"] is None and not cut["inside"]
    too_much = _state(look, "too-much-even-for-fitting")
    assert too_much["zoom"] == pytest.approx(0.1)
    assert too_much["overflow"] and not too_much["inside"]
    assert look.page_errors == []


def test_too_much_is_reported_in_the_console_once(browser: Browser, look_site: Path) -> None:
    messages: list[str] = []
    for deck in _recorded_page(browser, look_site):
        deck.page.on("console", lambda m: m.type == "warning" and messages.append(m.text))
        deck.open("/too-much-even-for-fitting")
        deck.goto_step("not-fitted", duration=0)
        deck.goto_step("too-much-even-for-fitting", duration=0)
        reported = [m for m in messages if "too-much-even-for-fitting" in m]
        assert len(reported) == 1
        assert "0.1 (impress_fit_min)" in reported[0]


def test_centred_content_sits_in_the_middle(look: DeckPage) -> None:
    look.open("/short-and-centred")
    gaps = look.evaluate(
        """() => {
            const step = document.getElementById('short-and-centred');
            const body = step.querySelector('.impress-step-body');
            const s = getComputedStyle(step);
            const top = body.offsetTop - parseFloat(s.paddingTop);
            const bottom = step.clientHeight - parseFloat(s.paddingBottom) - body.offsetTop - body.offsetHeight;
            return [top, bottom];
        }"""
    )
    assert gaps[0] > 100 and gaps[0] == pytest.approx(gaps[1], abs=1)


def test_impress_fit_false(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> None:
    site = build_site(tmp_path_factory, LOOK, strict=False, settings={"impress_fit": "0"})
    for deck in _recorded_page(browser, site):
        deck.open()
        assert deck.evaluate("() => document.getElementById('impress').dataset.sphinxImpressFit") == "no"
        state = _state(deck, "long-code")
        assert state["zoom"] == 1 and state["fitted"] is None and not state["inside"]


def test_print_view_fits_every_step(browser: Browser, look_site: Path) -> None:
    for deck in _recorded_page(browser, look_site):
        deck.page.goto(deck.index_url + "?print")
        deck.page.wait_for_selector("body.impress-fitted", state="attached")
        zooms = deck.evaluate(
            """() => Object.fromEntries([...document.querySelectorAll('#impress .step')].map(s =>
                [s.id, s.getAttribute('data-sphinx-impress-fitted')]))"""
        )
        assert float(zooms["long-code"]) < 1 and float(zooms["a-wide-table"]) < 1
        assert zooms["not-fitted"] is None


def test_pdf_waits_for_fitting(look_site: Path, chromium_executable: str, tmp_path: Path) -> None:
    import subprocess
    import sys

    from pypdf import PdfReader

    out = tmp_path / "look.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_impress.cli", "pdf", str(look_site / "index.html"), str(out),
         "--browser", chromium_executable],
        capture_output=True, text=True, check=False, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    pages = PdfReader(out).pages
    assert len(pages) == 10
    # the pages were printed after fitting: the wide table's page is printed shrunk
    # (the print view's fitting itself is tested above)
    assert "column 14" in " ".join(pages[3].extract_text().split())


def test_previews_of_the_console_are_fitted(browser: Browser, look_site: Path) -> None:
    for deck in _recorded_page(browser, look_site):
        deck.open("/long-code")
        with deck.page.context.expect_page() as popup:
            deck.page.keyboard.press("p")
        console = popup.value
        console.wait_for_selector(".impress-console-notes")
        frame = console.locator(".impress-console-current iframe").element_handle().content_frame()
        frame.wait_for_function(
            "() => { const s = document.getElementById('long-code');"
            " return s.classList.contains('active') && s.hasAttribute('data-sphinx-impress-fitted'); }"
        )
        assert float(frame.evaluate("() => document.getElementById('long-code').getAttribute('data-sphinx-impress-fitted')")) < 1
        assert deck.page_errors == []
