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


#: Each slide of the overview: its box on screen, its width on the canvas, the colour
#: and spread of the first box shadow (the card's edge) and the card's colour.
_CARDS_JS = """() => [...document.querySelectorAll('#impress .step')]
    .filter(s => !s.classList.contains('impress-overview'))
    .map(s => {
        const r = s.getBoundingClientRect();
        const style = getComputedStyle(s);
        return {id: s.id, box: {x: r.left, y: r.top, width: r.width, height: r.height},
                width: s.offsetWidth, shadow: style.boxShadow, card: style.backgroundColor,
                turned: ['data-rotate', 'data-rotate-x', 'data-rotate-y', 'data-rotate-z']
                    .some(name => parseFloat(s.getAttribute(name) || '0') !== 0)};
    })"""


def _luminance(rgb: tuple[int, ...] | list[int]) -> float:
    def linear(channel: float) -> float:
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _ratio(first: tuple[int, ...] | list[int], second: tuple[int, ...] | list[int]) -> float:
    a, b = _luminance(first), _luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


@pytest.fixture(scope="module", params=["light", "dark"])
def themed_overview_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(
        tmp_path_factory, EXAMPLE_DIR,
        settings={"impress_overview": "end", "impress_theme": request.param},
    )


def test_overview_cards_stand_out_from_the_page(browser: Browser, themed_overview_site: Path) -> None:
    """Each card of the overview has an edge of at least 3:1 (WCAG 2.2, 1.4.11) with
    every pixel of the page behind it and with the card, at least a pixel wide."""
    import io
    import re

    from PIL import Image

    for deck in _recorded_page(browser, themed_overview_site, reduced_motion="reduce"):
        deck.open()
        deck.goto_step("overview", duration=0)
        deck.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
        cards = deck.evaluate(_CARDS_JS)
        deck.page.add_style_tag(content="body * { visibility: hidden !important; }")  # the page
        deck.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page = Image.open(io.BytesIO(deck.page.screenshot())).convert("RGB")
        measured = 0
        for card in cards:
            numbers = [float(n) for n in re.findall(r"-?[\d.]+", card["shadow"].split("px, ")[0])]
            edge, spread = [round(n) for n in numbers[:3]], numbers[-1]
            fill = [round(float(n)) for n in re.findall(r"[\d.]+", card["card"])[:3]]
            box = card["box"]
            left, top = max(0, int(box["x"])), max(0, int(box["y"]))
            right = min(page.width, int(box["x"] + box["width"]) + 1)
            bottom = min(page.height, int(box["y"] + box["height"]) + 1)
            if right - left < 2 or bottom - top < 2:
                continue  # outside the window
            region = page.crop((left, top, right, bottom))
            behind = {rgb for _, rgb in region.getcolors(maxcolors=region.width * region.height)}
            assert min(_ratio(edge, rgb) for rgb in behind) >= 3, (card["id"], edge)
            assert _ratio(edge, fill) >= 3, (card["id"], edge, fill)
            if not card["turned"]:
                assert spread * box["width"] / card["width"] >= 1, card
            measured += 1
        assert measured == 34
        assert deck.page_errors == []
