"""The presenter console (key P) of a presentation opened from disk: notes, clock,
timer, the current and next previews, keys, and no page error anywhere (impress.js
1.1.0's own console threw from file:// pages; impress-console.js takes its place)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import REPO_ROOT, _recorded_page, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Frame, Page

    from .support import DeckPage

pytestmark = pytest.mark.browser

_PREVIEW_JS = """() => {
    const active = document.querySelector('#impress .step.active');
    return {
        step: active ? active.id : null,
        substeps: active ? active.querySelectorAll('.substep-visible').length : 0,
        preview: document.body.classList.contains('impress-preview'),
        help: getComputedStyle(document.getElementById('impress-help')).display,
        controls: [...document.querySelectorAll('.impress-control')]
            .filter(el => getComputedStyle(el).display !== 'none').length,
    };
}"""


@pytest.fixture(scope="module")
def notes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-notes")


def _open_console(deck: DeckPage) -> Page:
    with deck.page.context.expect_page() as popup:
        deck.page.keyboard.press("p")
    console = popup.value
    console.wait_for_selector(".impress-console-notes")
    return console


def _frames(console: Page) -> tuple[Frame, Frame]:
    frames = []
    for selector in (".impress-console-current iframe", ".impress-console-next iframe"):
        frame = console.locator(selector).element_handle().content_frame()
        assert frame is not None, selector
        frames.append(frame)
    return frames[0], frames[1]


def _shows(frame: Frame, step: str, substeps: int) -> None:
    frame.wait_for_function(
        """([step, substeps]) => {
            const a = document.querySelector('#impress .step.active');
            return a && a.id === step
                && a.querySelectorAll('.substep-visible').length === substeps;
        }""",
        arg=[step, substeps],
    )


def test_the_console_works_from_disk(browser: Browser, notes_site: Path) -> None:
    errors: list[str] = []
    for deck in _recorded_page(browser, notes_site):
        deck.page.context.on("page", lambda page: page.on("pageerror", lambda e: errors.append(str(e))))
        deck.open()
        assert deck.page.url.startswith("file://")
        first, second = deck.step_ids()[:2]
        console = _open_console(deck)
        # the notes of the current step, the step number, the clock
        notes = console.locator(".impress-console-notes")
        assert notes.inner_text().strip() == "Greet the room."
        assert console.locator(".impress-console-position").inner_text() == f"1 / {len(deck.step_ids())}"
        console.wait_for_function(
            "() => /^\\d\\d:\\d\\d:\\d\\d$/.test(document.querySelector('.impress-console-clock').textContent)"
        )
        # the timer runs, and R starts it again
        console.wait_for_function(
            "() => document.querySelector('.impress-console-timer').textContent !== '00:00'",
            timeout=5000,
        )
        console.keyboard.press("r")
        assert console.locator(".impress-console-timer").inner_text() == "00:00"
        # the previews: now the first step, next the second; as the audience sees them,
        # without controls and without the help box
        current, following = _frames(console)
        _shows(current, first, 0)
        _shows(following, second, 0)
        for frame in (current, following):
            state = frame.evaluate(_PREVIEW_JS)
            assert state["preview"] and state["help"] == "none" and state["controls"] == 0
        # a key in the console moves the presentation; notes and previews follow
        console.keyboard.press("ArrowRight")
        assert deck.wait_active_change(first) == second
        console.wait_for_function(
            "() => document.querySelector('.impress-console-notes').textContent"
            ".includes('Second note of the second slide.')"
        )
        assert "First note of the second slide." in notes.inner_text()
        _shows(current, second, 0)
        _shows(following, "reveal", 0)
        # one window: impress.js's own console did not open as well
        assert len(deck.page.context.pages) == 2
        assert deck.console_errors == [] and deck.page_errors == []
        assert errors == []


def test_the_next_preview_shows_the_next_substep(browser: Browser, notes_site: Path) -> None:
    for deck in _recorded_page(browser, notes_site):
        deck.open("/reveal")
        console = _open_console(deck)
        current, following = _frames(console)
        _shows(current, "reveal", 0)
        _shows(following, "reveal", 1)
        assert console.locator(".impress-console-next figcaption").inner_text() == "Next: substep 1"
        deck.page.keyboard.press("ArrowRight")  # the presentation's own key
        deck.page.wait_for_function(
            "() => document.querySelectorAll('.step.active .substep-visible').length === 1"
        )
        _shows(current, "reveal", 1)
        _shows(following, "reveal", 2)
        console.locator(".impress-console-buttons button", has_text="Next").click()
        deck.page.wait_for_function(
            "() => document.querySelectorAll('.step.active .substep-visible').length === 2"
        )
        _shows(current, "reveal", 2)
        assert deck.console_errors == [] and deck.page_errors == []


def test_p_again_brings_the_same_console_back(browser: Browser, notes_site: Path) -> None:
    for deck in _recorded_page(browser, notes_site):
        deck.open()
        console = _open_console(deck)
        deck.page.bring_to_front()
        deck.page.keyboard.press("p")
        deck.page.wait_for_timeout(300)
        assert [page for page in deck.page.context.pages if page is not deck.page] == [console]
        assert deck.page_errors == []
