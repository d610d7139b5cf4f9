"""Presenting in Chromium: toolbar and progress n/N, help, skip/stop/goto/autoplay,
keys switched off, reduced motion, focus and aria-hidden, the linear view, and printing
(one PDF page per step, from the print view and from a running presentation)."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import REPO_ROOT, _recorded_page, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from .support import DeckPage

pytestmark = pytest.mark.browser

_CANVAS_DISPLAY_JS = "() => getComputedStyle(document.querySelector('#impress > div')).display"
_PROGRESS_JS = "() => document.querySelector('.impress-progress').textContent"
_HIDDEN_JS = """() => [...document.querySelectorAll('#impress .step')]
    .filter(s => s.getAttribute('aria-hidden') !== 'true').map(s => s.id)"""


@pytest.fixture(scope="module")
def presenting_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/roots/test-presenting, built once (it warns on purpose)."""
    return build_site(
        tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-presenting", strict=False
    )


@pytest.fixture
def presenting(browser: Browser, presenting_site: Path):
    yield from _recorded_page(browser, presenting_site)


def _no_errors(deck: DeckPage) -> None:
    assert deck.console_errors == [] and deck.page_errors == []


def test_progress_toolbar_and_help(presenting: DeckPage) -> None:
    deck, page = presenting, presenting.page
    deck.open()
    steps = deck.step_ids()
    total = len(steps)
    assert page.evaluate(_PROGRESS_JS) == f"1/{total}"
    # the help box is shown at the start, with the keys of the plugins
    assert page.locator("#impress-help").is_visible()
    assert "Presenter console" in page.locator("#impress-help").inner_text()
    # it takes no click: what is under its middle gets it (a slide of the overview)
    under = page.evaluate(
        "() => { const box = document.getElementById('impress-help').getBoundingClientRect();"
        " const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);"
        " return hit !== null && !hit.closest('#impress-help'); }"
    )
    assert under
    # toolbar: previous, the step menu (without the skip step), next, play/pause
    buttons = page.eval_on_selector_all(
        "#impress-toolbar button, #impress-toolbar select", "els => els.map(e => e.id)"
    )
    assert buttons == [
        "impress-navigation-ui-prev", "impress-navigation-ui-select",
        "impress-navigation-ui-next", "impress-autoplay-playpause",
    ]
    menu = page.eval_on_selector_all("#impress-navigation-ui-select option", "os => os.map(o => o.value)")
    assert menu == [s for s in steps if s != "skipped"]
    # the toolbar's next button skips the skip step; the progress follows
    page.click("#impress-navigation-ui-next")
    assert deck.wait_active_change("presenting") == "stop-here"
    page.wait_for_function(f"() => document.querySelector('.impress-progress').textContent === '3/{total}'")
    width = page.evaluate("() => document.querySelector('.impress-progressbar div').style.width")
    assert float(width.rstrip("%")) == pytest.approx(100 * 3 / total, abs=0.01)  # n/N
    _no_errors(deck)


def test_stop_goto_prev_and_autoplay_goto(presenting: DeckPage) -> None:
    deck, page = presenting, presenting.page
    deck.open("/stop-here")
    assert deck.active_id() == "stop-here"
    # stop: "next" does not move
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(1500)
    assert deck.active_id() == "stop-here"
    # goto-prev: "previous" goes to jump, not to the step before
    page.keyboard.press("ArrowLeft")
    assert deck.wait_active_change("stop-here") == "jump"
    # jump plays by itself after 2 s, and its goto leads back to stop-here
    page.wait_for_function(
        "() => document.querySelector('#impress .step.active').id === 'stop-here'",
        timeout=8000,
    )
    _no_errors(deck)


def test_keys_switched_off_by_front_matter(presenting: DeckPage) -> None:
    deck, page = presenting, presenting.page
    page.goto((deck.site / "quiet.html").as_uri())
    page.wait_for_selector("body.impress-enabled", state="attached")
    assert page.locator("#impress-toolbar, .impress-progress, #impress-help").count() == 0
    page.keyboard.press("b")
    page.wait_for_timeout(300)
    assert page.evaluate(_CANVAS_DISPLAY_JS) == "block"
    # impress_mouse_timeout: false: the plugin still marks the body after 3 s, the
    # cursor stays
    page.mouse.move(200, 200)
    page.wait_for_selector("body.impress-mouse-timeout", state="attached", timeout=6000)
    assert page.evaluate("() => getComputedStyle(document.body).cursor") != "none"
    # on a deck that keeps blackout, B blanks the screen and brings it back
    deck.open()
    page.keyboard.press("b")
    page.wait_for_function(f"() => ({_CANVAS_DISPLAY_JS})() === 'none'")
    page.keyboard.press("b")
    page.wait_for_function(f"() => ({_CANVAS_DISPLAY_JS})() === 'block'")
    assert deck.console_errors == []
    # impress.js 1.1.0's blackout plugin (vendored unmodified) shadows its own `util`
    # and throws after blanking and after restoring: those two errors only
    assert deck.page_errors == ["Cannot read properties of null (reading 'triggerEvent')"] * 2


def test_focus_and_aria_hidden_follow_the_active_step(presenting: DeckPage) -> None:
    deck, page = presenting, presenting.page
    deck.open()
    assert page.evaluate(_HIDDEN_JS) == ["presenting"]
    assert page.evaluate("() => document.activeElement.id") == "presenting"
    page.keyboard.press("ArrowRight")
    deck.wait_active_change("presenting")
    page.wait_for_function("() => document.activeElement.id === 'stop-here'")
    assert page.evaluate(_HIDDEN_JS) == ["stop-here"]
    assert page.locator("html").get_attribute("lang") == "en"
    _no_errors(deck)


def test_reduced_motion_gives_zero_duration_transitions(browser: Browser, presenting_site: Path) -> None:
    for reduced in (True, False):
        options = {"reduced_motion": "reduce" if reduced else "no-preference"}
        for deck in _recorded_page(browser, presenting_site, **options):
            page = deck.page
            deck.open()
            deck.goto_step("jump")  # its own transition-duration is 300 ms
            durations = page.evaluate(
                "() => [document.getElementById('impress'), document.querySelector('#impress > div')]"
                ".map(e => getComputedStyle(e).transitionDuration)"
            )
            assert durations == (["0s", "0s"] if reduced else ["0.3s", "0.3s"])
            _no_errors(deck)


def test_linear_view(presenting: DeckPage) -> None:
    deck, page = presenting, presenting.page
    page.goto(deck.index_url + "?linear")
    assert "impress-linear" in page.evaluate("() => document.body.className")
    assert page.evaluate("() => document.body.classList.contains('impress-enabled')") is False
    assert not page.locator(".impress-fallback-message").is_visible()
    titles = page.locator("#impress .step h1")
    assert all(titles.nth(i).is_visible() for i in range(titles.count()))
    # the page's first element is a link here, shown on the screen when it has the focus
    # (impress.js takes Tab for "next", so screen readers reach it as the first link)
    deck.open()
    first = page.evaluate("() => document.body.firstElementChild.outerHTML")
    assert first.startswith('<a class="impress-linear-link" href="?linear">')
    box = page.locator(".impress-linear-link").bounding_box()
    assert box is not None and box["y"] + box["height"] <= 0  # off screen
    page.focus(".impress-linear-link")
    box = page.locator(".impress-linear-link").bounding_box()
    assert box is not None and box["y"] >= 0
    _no_errors(deck)


# ---- printing -------------------------------------------------------------------------


def _pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    # NFKC: the fonts' ligatures (the "fi" of "Dockerfiles") come out as one character
    return [unicodedata.normalize("NFKC", page.extract_text()) for page in PdfReader(path).pages]


def _pdf_size(path: Path) -> tuple[float, float]:
    from pypdf import PdfReader

    box = PdfReader(path).pages[0].mediabox
    return float(box.width), float(box.height)


def test_pdf_of_the_example_has_one_page_per_step(example_site: Path, chromium_executable: str, tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    html = BeautifulSoup((example_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    titles = [" ".join(step.find("h1").get_text().split()) for step in html.select("#impress .step")]
    out = tmp_path / "example.pdf"
    # the command as a user runs it, in a process of its own (this one already drives
    # a browser through Playwright's sync API)
    command = [
        sys.executable, "-m", "sphinx_impress.cli", "pdf", str(example_site / "index.html"),
        str(out), "--browser", chromium_executable,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() == f"wrote {out}: 34 pages, one per step"
    pages = _pdf_pages(out)
    assert len(pages) == 34
    # page k shows step k: the page's text starts with that step's title
    starts = [" ".join(text.split())[: len(title)] for text, title in zip(pages, titles, strict=False)]
    assert starts == titles
    # 1000 x 700 px at 72/96 points per px
    assert _pdf_size(out) == pytest.approx((750, 525), abs=0.5)


def test_pdf_says_the_overview_is_left_out(
    presenting_site: Path, chromium_executable: str, tmp_path: Path
) -> None:
    out = tmp_path / "presenting.pdf"
    command = [
        sys.executable, "-m", "sphinx_impress.cli", "pdf", str(presenting_site / "index.html"),
        str(out), "--browser", chromium_executable,
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.strip() == (
        f"wrote {out}: 6 pages, one per step (the overview step left out)"
    )
    assert len(_pdf_pages(out)) == 6


def test_printing_a_running_presentation(presenting: DeckPage, tmp_path: Path) -> None:
    deck, page = presenting, presenting.page
    deck.open("/jump")
    out = tmp_path / "running.pdf"
    page.pdf(path=str(out), prefer_css_page_size=True, print_background=True)
    pages = _pdf_pages(out)
    # six steps, the overview left out; substeps shown, notes not printed
    assert len(pages) == 6
    assert [text.splitlines()[0] for text in pages] == [
        "Presenting", "Skipped", "Stop here", "Jump", "Bad targets", "Nested notes"
    ]
    assert "No list here, revealed whole." in pages[5]
    assert "Outer notes." not in "".join(pages)
    assert _pdf_size(out) == pytest.approx((750, 525), abs=0.5)


def test_help_lists_the_keys_the_deck_has(presenting: DeckPage) -> None:
    deck, page = presenting, presenting.page
    rows = "() => [...document.querySelectorAll('#impress-help td strong')].map(e => e.textContent)"
    deck.open()
    assert {"Home / End", "B / .", "F5 / ESC", "P"} <= set(page.evaluate(rows))
    page.goto((deck.site / "rest.html").as_uri())  # impress_fullscreen: no
    page.wait_for_selector("body.impress-enabled", state="attached")
    listed = page.evaluate(rows)
    assert "Home / End" in listed and "F5 / ESC" not in listed
    _no_errors(deck)


def test_home_end_and_a_malformed_address(presenting: DeckPage) -> None:
    deck, page = presenting, presenting.page
    deck.open()
    page.keyboard.press("End")
    assert deck.wait_active_change("presenting") == "overview"
    page.keyboard.press("Home")
    assert deck.wait_active_change("overview") == "presenting"
    # a %-escape that does not decode: the presentation still starts, at the first step
    page.goto(deck.index_url + "#/%E0%A4%A")
    page.wait_for_selector("body.impress-enabled", state="attached")
    assert deck.active_id() == "presenting"
    _no_errors(deck)


def test_print_view_has_slide_numbers_and_survives_blackout(presenting: DeckPage, tmp_path: Path) -> None:
    deck, page = presenting, presenting.page
    page.goto(deck.index_url + "?print")
    numbers = page.locator("#impress .step .impress-slide-number")
    assert [numbers.nth(i).is_visible() for i in range(numbers.count())] == [True] * 6
    # printing while the screen is blanked (B) still prints every step
    deck.open()
    page.keyboard.press("b")
    page.wait_for_function(f"() => ({_CANVAS_DISPLAY_JS})() === 'none'")
    out = tmp_path / "blank.pdf"
    page.pdf(path=str(out), prefer_css_page_size=True)
    pages = _pdf_pages(out)
    assert len(pages) == 6
    assert [" ".join(text.split()).split(" ")[-1] for text in pages] == [str(n) for n in range(1, 7)]


def test_the_help_is_shown_once_per_browser(presenting: DeckPage) -> None:
    deck, page = presenting, presenting.page
    display = "() => getComputedStyle(document.getElementById('impress-help')).display"
    deck.open()
    assert page.evaluate(display) == "block"
    # a reload (a live reload too) and another presentation do not show it again
    page.reload()
    page.wait_for_selector("body.impress-enabled", state="attached")
    assert page.evaluate(display) == "none"
    page.goto((deck.site / "quiet.html").as_uri())
    page.wait_for_selector("body.impress-enabled", state="attached")
    deck.open()
    assert page.evaluate(display) == "none"
    # H still shows it
    page.keyboard.press("h")
    page.wait_for_function(f"() => ({display})() === 'block'")
    _no_errors(deck)


@pytest.mark.parametrize("language", ["de", "en"])
def test_key_help_is_in_the_page_language(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory, language: str
) -> None:
    """The key help's lines, which impress.js's plugins write in English, in the
    project's language (tests/roots/test-i18n)."""
    site = build_site(
        tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-i18n", settings={"language": language}
    )
    rows = "() => [...document.querySelectorAll('#impress-help tr')].map(r => [...r.cells].map(c => c.textContent))"
    for deck in _recorded_page(browser, site):
        deck.open()
        deck.page.wait_for_function("() => document.querySelectorAll('#impress-help tr').length >= 5")
        texts = {command.strip(): text.strip() for command, text in deck.evaluate(rows)}
        expected = {
            "de": {"H": "Diese Hilfe zeigen", "Left & Right": "Voriger & nächster Schritt",
                   "Home / End": "Erster / letzter Schritt", "P": "Referentenansicht",
                   "F5 / ESC": "Vollbild: an / aus"},
            "en": {"H": "Show this help", "Left & Right": "Previous & Next step",
                   "Home / End": "First / last step", "P": "Presenter console",
                   "F5 / ESC": "Fullscreen: Enter / Exit"},
        }[language]
        assert {command: texts.get(command) for command in expected} == expected
        assert deck.page_errors == []
