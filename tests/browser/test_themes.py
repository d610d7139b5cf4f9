"""The light and the dark theme in Chromium: text, headings, links, code tokens and
console output all have a contrast of at least 4.5:1 with what is behind them (WCAG
2.2 AA, 1.4.3), computed from the colours the browser uses; ``auto`` follows the
reader's system; a step with a dark background colour gets light text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import EXAMPLE_DIR, REPO_ROOT, _recorded_page, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

#: WCAG 2.2 AA for normal text.
AA = 4.5

#: Every visible piece of text of the active step's body and slide number, with its
#: kind and its contrast: the text's computed colour against the first opaque
#: background behind it (semi-transparent ones composited on the way up).
_CONTRAST_JS = """() => {
    const rgba = text => {
        const m = text.match(/rgba?\\(([^)]+)\\)/);
        if (!m) return null;
        const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top, bottom) => {
        const a = top[3] + bottom[3] * (1 - top[3]);
        return [0, 1, 2].map(i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a).concat([a]);
    };
    const background = el => {
        const layers = [];
        for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
            const style = getComputedStyle(node);
            if (style.backgroundImage !== 'none' && !node.classList.contains('step')) return null;
            const colour = rgba(style.backgroundColor);
            if (colour && colour[3] > 0) {
                layers.push(colour);
                if (colour[3] >= 1) break;
            }
        }
        let result = [255, 255, 255, 1];
        for (let i = layers.length - 1; i >= 0; i--) result = over(layers[i], result);
        return result;
    };
    const luminance = c => {
        const f = v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const kind = el => {
        if (el.closest('.highlight .go')) return 'console output';
        if (el.closest('.highlight .gp')) return 'console prompt';
        if (el.closest('.highlight')) return 'code';
        if (el.closest('a')) return 'link';
        if (el.closest('h1, h2, h3, h4, h5, h6')) return 'heading';
        return 'text';
    };
    const step = document.querySelector('#impress .step.active');
    const walker = document.createTreeWalker(step, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || el.closest('.notes')) continue;
        const style = getComputedStyle(el);
        if (style.visibility !== 'visible' || !el.getClientRects().length) continue;
        const back = background(el);
        if (!back) continue;
        let colour = rgba(style.color);
        if (colour[3] < 1) colour = over(colour, back);
        const [a, b] = [luminance(colour), luminance(back)].sort((x, y) => y - x);
        found.push({kind: kind(el), ratio: (a + 0.05) / (b + 0.05), text: node.textContent.trim().slice(0, 40),
                    colour: style.color, background: back.map(Math.round).join(',')});
    }
    return found;
}"""


def _contrasts(browser: Browser, site: Path, page_name: str = "index.html", **context) -> list[dict]:
    found = []
    for deck in _recorded_page(browser, site, **context):
        deck.page.goto((site / page_name).as_uri())
        deck.page.wait_for_selector("body.impress-enabled", state="attached")
        for step in deck.step_ids():
            if deck.active_id() != step:
                deck.goto_step(step, duration=0)
            found += [dict(item, step=step) for item in deck.evaluate(_CONTRAST_JS)]
        assert deck.page_errors == []
        # offline: nothing but files of the output folder (MathJax's address aside)
        outside = [url for url in deck.requests if not url.startswith(site.as_uri())]
        assert [url for url in outside if "mathjax" not in url] == []
    return found


def _assert_readable(found: list[dict], kinds: set[str]) -> None:
    assert {item["kind"] for item in found} >= kinds
    low = [item for item in found if item["ratio"] < AA]
    assert low == [], low[:5]


@pytest.fixture(scope="module", params=["light", "dark"])
def theme(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def example_in_theme(tmp_path_factory: pytest.TempPathFactory, theme: str) -> Path:
    return build_site(tmp_path_factory, EXAMPLE_DIR, settings={"impress_theme": theme})


@pytest.fixture(scope="module")
def code_in_theme(tmp_path_factory: pytest.TempPathFactory, theme: str) -> Path:
    return build_site(
        tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-strict", settings={"impress_theme": theme}
    )


def test_example_text_links_headings_and_console_output(browser: Browser, example_in_theme: Path, theme: str) -> None:
    found = _contrasts(browser, example_in_theme)
    _assert_readable(found, {"text", "heading", "link", "console output", "console prompt"})
    html_class = (example_in_theme / "index.html").read_text(encoding="utf-8").split("<html", 1)[1].split(">", 1)[0]
    assert f"impress-theme-{theme}" in html_class


def test_code_tokens_and_coloured_steps(browser: Browser, code_in_theme: Path) -> None:
    found = _contrasts(browser, code_in_theme)
    _assert_readable(found, {"text", "heading", "code"})
    # the step on a light colour is read with the light set, in either theme
    coloured = [item for item in found if item["step"] == "a-colour"]
    assert coloured and all(item["background"] == "244,227,193,1" for item in coloured)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_auto_follows_the_system(browser: Browser, tmp_path_factory: pytest.TempPathFactory, scheme: str) -> None:
    site = build_site(tmp_path_factory, EXAMPLE_DIR, settings={"impress_theme": "auto"})
    for deck in _recorded_page(browser, site, color_scheme=scheme):
        deck.open()
        colour = deck.evaluate("() => getComputedStyle(document.querySelector('#impress .step')).backgroundColor")
        assert colour == ("rgb(255, 255, 255)" if scheme == "light" else "rgb(22, 27, 38)")
        code = deck.evaluate(
            "() => getComputedStyle(document.querySelector('#impress .highlight')).backgroundColor"
        )
        # a11y-light's or a11y-dark's background (pygments_dark.css for a dark system)
        assert code == ("rgb(242, 242, 242)" if scheme == "light" else "rgb(43, 43, 43)")
