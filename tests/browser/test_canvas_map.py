"""The canvas map in Chromium: the labels' drawn text never overlaps, whatever the
fonts, and each step of the map links to the presentation at that step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from sphinx_impress.core.canvas import CanvasStep, canvas_svg
from sphinx_impress.core.geometry import Position

from .conftest import _recorded_page

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

#: The drawn box of every label's text, in the drawing's units.
_BOXES_JS = """() => [...document.querySelectorAll('g.labels text')].map(t => {
    const b = t.getBBox();
    return [b.x, b.y, b.x + b.width, b.y + b.height, t.textContent];
})"""


def _overlapping(boxes: list[list]) -> list[tuple[str, str]]:
    pairs = []
    for index, a in enumerate(boxes):
        for b in boxes[index + 1:]:
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                pairs.append((a[4], b[4]))
    return pairs


@pytest.mark.parametrize("spacing", [150, 400, 1200])
def test_drawn_labels_do_not_overlap(browser: Browser, tmp_path: Path, spacing: int) -> None:
    steps = [
        CanvasStep(f"{'Wide-Step' if n % 3 else 'mmm'}-{n}", Position(x=(n % 8) * spacing, y=(n // 8) * spacing,
                                                                      scale=1 + (n % 4) / 2))
        for n in range(40)
    ]
    (tmp_path / "map.svg").write_text(canvas_svg(steps, 1000, 600), encoding="utf-8")
    for deck in _recorded_page(browser, tmp_path):
        deck.page.goto((tmp_path / "map.svg").as_uri())
        boxes = deck.evaluate(_BOXES_JS)
        assert len(boxes) >= 40  # every number at least
        assert _overlapping(boxes) == []


def test_each_step_links_to_the_presentation(browser: Browser, example_site: Path) -> None:
    for deck in _recorded_page(browser, example_site):
        deck.page.goto((example_site / "index.layout.svg").as_uri())
        links = deck.evaluate("() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))")
        assert len(links) == 34
        assert links[0] == "index.html#/title"
        assert _overlapping(deck.evaluate(_BOXES_JS)) == []
        # following a step's link opens the presentation at that step
        polygon = deck.page.locator("a[href='index.html#/docker1'] polygon")
        box = polygon.bounding_box()
        assert box is not None
        deck.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        deck.page.wait_for_selector("body.impress-enabled", state="attached")
        assert deck.active_id() == "docker1"


@pytest.mark.parametrize("layout", ["line", "grid"])
def test_drawn_labels_lie_inside_the_drawing(browser: Browser, tmp_path: Path, layout: str) -> None:
    """A thousand steps in a row or a grid: every label Chromium draws lies inside the
    viewBox (none cut off at the edge), and none overlaps another."""
    steps = [
        CanvasStep(f"slide-{i}", Position(x=i * 2112) if layout == "line"
                   else Position(x=(i % 32) * 2112, y=(i // 32) * 1188))
        for i in range(1000)
    ]
    (tmp_path / "map.svg").write_text(canvas_svg(steps, 1920, 1080), encoding="utf-8")
    for deck in _recorded_page(browser, tmp_path):
        deck.page.goto((tmp_path / "map.svg").as_uri())
        x, y, w, h = deck.evaluate(
            "() => { const b = document.documentElement.viewBox.baseVal; "
            "return [b.x, b.y, b.width, b.height]; }"
        )
        boxes = deck.evaluate(_BOXES_JS)
        assert len(boxes) > 250
        outside = [box for box in boxes
                   if box[0] < x or box[1] < y or box[2] > x + w or box[3] > y + h]
        assert outside == []
        assert _overlapping(boxes) == []
