"""An overview step in Chromium: every slide drawn fully (no longer faded), a click on
a slide goes to it, and the slide the speaker came from is marked; away from the
overview the other slides are faded again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import EXAMPLE_DIR, _recorded_page, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

_OPACITIES_JS = """() => Object.fromEntries([...document.querySelectorAll('#impress .step')]
    .filter(s => !s.classList.contains('impress-overview'))
    .map(s => [s.id, parseFloat(getComputedStyle(s).opacity)]))"""


@pytest.fixture(scope="module")
def overview_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory, EXAMPLE_DIR, settings={"impress_overview": "end"})


def test_overview_shows_every_slide_and_marks_where_the_speaker_was(
    browser: Browser, overview_site: Path
) -> None:
    for deck in _recorded_page(browser, overview_site, reduced_motion="reduce"):
        deck.open("/docker1")
        faded = deck.evaluate(_OPACITIES_JS)
        assert faded["docker1"] == 1 and faded["title"] == pytest.approx(0.3)
        deck.goto_step("overview")
        assert deck.evaluate("() => document.body.classList.contains('impress-overview-shown')")
        shown = deck.evaluate(_OPACITIES_JS)
        assert len(shown) == 34 and set(shown.values()) == {1.0}
        marked = deck.evaluate(
            "() => [...document.querySelectorAll('.impress-came-from')].map(s => s.id)"
        )
        assert marked == ["docker1"]
        outline = deck.evaluate(
            "() => getComputedStyle(document.getElementById('docker1')).boxShadow"
        )
        assert outline.startswith("rgb(194, 65, 12)")  # the theme's "came from" colour
        # a click on a slide goes to it
        box = deck.page.locator("#containers1").bounding_box()
        assert box is not None and box["width"] > 10
        deck.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        assert deck.wait_active_change("overview") == "containers1"
        deck.page.wait_for_function(
            "() => !document.body.classList.contains('impress-overview-shown')"
        )
        assert deck.evaluate("() => document.querySelectorAll('.impress-came-from').length") == 0
        assert deck.evaluate(_OPACITIES_JS)["title"] == pytest.approx(0.3)
        assert deck.page_errors == []
