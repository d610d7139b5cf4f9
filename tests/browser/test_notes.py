"""Speaker notes are not on the slide and reach the presenter console."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import REPO_ROOT, _recorded_page, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def notes_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-notes")


def test_notes_are_hidden_and_reach_the_console(browser: Browser, notes_site: Path) -> None:
    for deck in _recorded_page(browser, notes_site):
        page = deck.page
        deck.open()
        assert page.locator(".step.active .notes").count() == 1
        assert not page.locator(".step.active .notes").is_visible()
        assert page.locator(".step.active h1").is_visible()
        with page.context.expect_page() as popup:
            page.keyboard.press("p")
        console = popup.value
        console.wait_for_function(
            "() => document.querySelector('.impress-console-notes').textContent"
            ".includes('Greet the room.')"
        )
        assert deck.console_errors == [] and deck.page_errors == []


def test_the_right_arrow_reveals_substeps_before_moving_on(
    browser: Browser, notes_site: Path
) -> None:
    for deck in _recorded_page(browser, notes_site):
        page = deck.page
        deck.open("/reveal")
        assert deck.active_id() == "reveal"
        opacity = "() => [...document.querySelectorAll('.step.active .substep')].map(e => e.classList.contains('substep-visible'))"
        assert page.evaluate(opacity) == [False, False, False]
        hidden = "() => getComputedStyle(document.querySelector('.step.active .substep')).opacity"
        assert page.evaluate(hidden) == "0"
        for shown in ([True, False, False], [True, True, False], [True, True, True]):
            page.keyboard.press("ArrowRight")
            page.wait_for_function(
                "n => document.querySelectorAll('.step.active .substep-visible').length === n",
                arg=sum(shown),
            )
            assert deck.active_id() == "reveal"
            assert page.evaluate(opacity) == shown
        page.keyboard.press("ArrowRight")
        assert deck.wait_active_change("reveal") != "reveal"
        assert deck.console_errors == [] and deck.page_errors == []
