"""Steps at scale 0.0001 and 10000 (tests/roots/test-scales) are drawn at that scale
where impress.js puts them, and the presentation goes to them and away again: each
step, once active, fills the window as impress.js fits a step, centred, and the pixel
in the middle of the window has that step's colour."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import REPO_ROOT, VIEWPORT, _recorded_page, build_site

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser

    from .support import DeckPage

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1000, 700
COLOURS = {
    "whole": (0, 160, 0),
    "detail": (220, 0, 0),
    "next-detail": (0, 0, 220),
    "around": (200, 160, 0),
}


@pytest.fixture(scope="module")
def scales_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-scales")


@pytest.fixture
def scales_deck(browser: Browser, scales_site: Path) -> Iterator[DeckPage]:
    yield from _recorded_page(browser, scales_site)


def _pixel(png: bytes) -> tuple[int, int, int]:
    """The colour of a 1 x 1 PNG (every PNG row filter leaves the first pixel of the
    first row as it is)."""
    data, offset = b"", 8
    while offset < len(png):
        length, kind = struct.unpack(">I4s", png[offset:offset + 8])
        if kind == b"IDAT":
            data += png[offset + 8:offset + 8 + length]
        offset += 12 + length
    raw = zlib.decompress(data)
    return raw[1], raw[2], raw[3]


def test_tiny_and_huge_steps_are_drawn_in_place_and_navigable(scales_deck: DeckPage) -> None:
    scales_deck.open()
    scales_deck.page.add_style_tag(content="* { transition: none !important; }")
    fit = min(VIEWPORT["width"] / WIDTH, VIEWPORT["height"] / HEIGHT)
    for step_id in ("detail", "next-detail", "around", "whole", "detail"):
        scales_deck.goto_step(step_id, 0)
        assert scales_deck.active_id() == step_id
        box = scales_deck.evaluate(
            "id => { const r = document.getElementById(id).getBoundingClientRect();"
            " return [r.left + r.width / 2, r.top + r.height / 2, r.width, r.height]; }",
            step_id,
        )
        assert box[0] == pytest.approx(VIEWPORT["width"] / 2, abs=1.5), step_id
        assert box[1] == pytest.approx(VIEWPORT["height"] / 2, abs=1.5), step_id
        assert box[2] == pytest.approx(WIDTH * fit, rel=0.005), step_id
        assert box[3] == pytest.approx(HEIGHT * fit, rel=0.005), step_id
        png = scales_deck.page.screenshot(
            clip={"x": VIEWPORT["width"] / 2, "y": VIEWPORT["height"] / 2, "width": 1, "height": 1}
        )
        colour = _pixel(png)
        assert all(abs(a - b) <= 30 for a, b in zip(colour, COLOURS[step_id], strict=True)), (
            step_id, colour
        )
    # the neighbour at the same tiny scale is drawn beside it, 1.25 step widths away
    scales_deck.goto_step("next-detail", 0)
    left = scales_deck.evaluate(
        "() => ['detail', 'next-detail'].map(id =>"
        " document.getElementById(id).getBoundingClientRect().left)"
    )
    assert left[1] - left[0] == pytest.approx(1.25 * WIDTH * fit, abs=1.5)
    assert scales_deck.page_errors == []
