"""Text on step backgrounds, measured from the pixels Chromium draws: on a step whose
``background`` is written in any CSS colour syntax or as a gradient, the body text,
headings, links, muted captions, the slide number and the n/N counter over it all
have a contrast of at least 4.5:1 (WCAG 2.2 AA, 1.4.3) with every pixel of the
background behind them, in the light and the dark theme (tests/roots/test-backgrounds).

Each text's colour is the browser's computed colour; the background behind it is
photographed with all text made transparent, so gradients count pixel by pixel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .conftest import REPO_ROOT, _recorded_page, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

AA = 4.5

#: Every visible text of the active step (its notes aside) and the n/N counter: a
#: description, its computed colour and the box of its text (in viewport pixels).
_TEXTS_JS = """() => {
    const step = document.querySelector('#impress .step.active');
    const found = [];
    const kind = el => el.closest('.impress-progress') ? 'counter'
        : el.closest('.impress-slide-number') ? 'slide number'
        : el.closest('a') ? 'link' : el.closest('h1, h2, h3, h4, h5, h6') ? 'heading'
        : el.closest('figcaption') ? 'caption' : 'text';
    const add = (el, node) => {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
            if (r.width < 2 || r.height < 2) continue;
            found.push({what: kind(el) + ': ' + node.textContent.trim().slice(0, 30),
                        colour: getComputedStyle(el).color,
                        box: {x: r.left, y: r.top, width: r.width, height: r.height}});
        }
    };
    const walker = document.createTreeWalker(step, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || el.closest('.notes')) continue;
        const style = getComputedStyle(el);
        if (style.visibility !== 'visible' || style.display === 'none') continue;
        add(el, node);
    }
    const counter = document.querySelector('.impress-progress');
    if (counter && counter.firstChild) add(counter, counter.firstChild);
    return found;
}"""

_HIDE_TEXT_CSS = """
* { color: transparent !important; text-shadow: none !important;
    text-decoration-color: transparent !important; caret-color: transparent !important; }
"""


def _luminance(rgb: tuple[int, int, int] | list[int]) -> float:
    def linear(channel: float) -> float:
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _rgb(css: str) -> list[int]:
    inside = css[css.index("(") + 1 : css.index(")")].replace(",", " ").replace("/", " ")
    values = [float(v) for v in inside.split()]
    assert len(values) == 3 or values[3] == 1, css  # opaque text colours
    return [round(v) for v in values[:3]]


def _ratio(first: float, second: float) -> float:
    return (max(first, second) + 0.05) / (min(first, second) + 0.05)


@pytest.fixture(scope="module", params=["light", "dark"])
def backgrounds_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    # problems.md warns on purpose (tests/test_look.py checks those warnings)
    return build_site(
        tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-backgrounds", strict=False,
        settings={"impress_theme": request.param},
    )


def _measure(deck: Any) -> list[dict[str, Any]]:
    """The lowest contrast of each text of the active step with the pixels behind it."""
    import io

    from PIL import Image  # the test extra; imported here so the suite collects without it

    # the step's fade and any other transition finished: pixels are final
    deck.evaluate("() => Promise.all(document.getAnimations().map(a => a.finished))")
    texts = deck.evaluate(_TEXTS_JS)
    style = deck.page.add_style_tag(content=_HIDE_TEXT_CSS)
    deck.page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    viewport = deck.page.viewport_size
    results = []
    for text in texts:
        box = text["box"]
        clip = {
            "x": max(0, box["x"]), "y": max(0, box["y"]),
            "width": min(box["width"], viewport["width"] - max(0, box["x"])),
            "height": min(box["height"], viewport["height"] - max(0, box["y"])),
        }
        if clip["width"] < 2 or clip["height"] < 2:
            continue  # outside the window
        shot = Image.open(io.BytesIO(deck.page.screenshot(clip=clip))).convert("RGB")
        behind = {rgb for _, rgb in shot.getcolors(maxcolors=shot.width * shot.height)}
        colour = _luminance(_rgb(text["colour"]))
        worst = min(_ratio(colour, _luminance(rgb)) for rgb in behind)
        results.append({"what": text["what"], "ratio": worst, "colour": text["colour"]})
    style.evaluate("el => el.remove()")
    return results


def test_text_reads_on_every_background(browser: Browser, backgrounds_site: Path) -> None:
    low = []
    measured = set()
    for deck in _recorded_page(browser, backgrounds_site):
        deck.open()
        for step in deck.step_ids():
            if deck.active_id() != step:
                deck.goto_step(step, duration=0)
            for result in _measure(deck):
                measured.add(result["what"].split(":")[0])
                if result["ratio"] < AA:
                    low.append((step, result))
        assert deck.page_errors == []
    assert measured == {"counter", "slide number", "caption", "link", "heading", "text"}
    assert low == [], low[:6]


_CONTROLS_JS = """() => {
    const box = selector => {
        const el = document.querySelector(selector);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                shown: getComputedStyle(el).display !== 'none' && r.width > 0};
    };
    return {toolbar: box('#impress-toolbar'), counter: box('.impress-progress'),
            number: box('#impress .step.active .impress-slide-number')};
}"""


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1024, 768), (800, 600), (640, 480)])
def test_the_toolbar_covers_neither_the_counter_nor_the_slide_number(
    browser: Browser, backgrounds_site: Path, size: tuple[int, int]
) -> None:
    for deck in _recorded_page(browser, backgrounds_site):
        deck.page.set_viewport_size({"width": size[0], "height": size[1]})
        deck.open()
        deck.goto_step("named", duration=0)
        deck.page.mouse.move(size[0] / 2, size[1] / 2)  # the toolbar shows
        boxes = deck.evaluate(_CONTROLS_JS)
        assert all(box and box["shown"] for box in boxes.values()), boxes
        for first, second in (("toolbar", "counter"), ("toolbar", "number"), ("counter", "number")):
            a, b = boxes[first], boxes[second]
            apart = (a["right"] <= b["left"] or b["right"] <= a["left"]
                     or a["bottom"] <= b["top"] or b["bottom"] <= a["top"])
            assert apart, (first, second, boxes)
