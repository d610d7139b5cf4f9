"""The example deck, built with the impress builder, running in headless Chromium.

Every number compared here is read from the page as the browser computed it (ids in
document order, ``getComputedStyle(step).transform`` as a DOMMatrix, bounding rects),
never only from the generated markup.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pytest
from helpers import SEED, read_seed

from .support import (
    DOM_MATRIX_KEYS,
    as_dom_matrix,
    impress_step_matrix,
    url_to_path,
)

if TYPE_CHECKING:
    from .support import DeckPage

pytestmark = pytest.mark.browser

SEED_SLIDE_COUNT = 34

FIRST_STEP = "title"
LINK_TARGET = "containers1"
FRAGMENT_TARGET = "containers2"
SCALE_ONE_STEP = "containers2"

#: For every step: its id, data-* attributes, border box and computed transform
#: (string, and the 16 entries of the DOMMatrix built from it).
_STEP_GEOMETRY_JS = """
keys => [...document.querySelectorAll('#impress .step')].map(step => {
    const transform = getComputedStyle(step).transform;
    const matrix = new DOMMatrix(transform === 'none' ? undefined : transform);
    const data = {};
    for (const attribute of step.attributes) {
        if (attribute.name.startsWith('data-')) data[attribute.name.slice(5)] = attribute.value;
    }
    return {
        id: step.id, data, transform,
        width: step.offsetWidth, height: step.offsetHeight,
        matrix: Object.fromEntries(keys.map(k => [k, matrix[k]])),
    };
})
"""

#: Numeric attributes the builder writes on every step and on the root.
STEP_ATTRIBUTES = ("x", "y", "z", "scale", "rotate-x", "rotate-y", "rotate-z")
ROOT_ATTRIBUTES = (
    "width", "height", "max-scale", "min-scale", "perspective", "transition-duration",
)


def _is_number(value: str | None) -> bool:
    try:
        return value is not None and math.isfinite(float(value))
    except ValueError:
        return False


def _close(actual: float, expected: float) -> bool:
    # getComputedStyle serialises matrix entries with 6 significant digits.
    return math.isclose(actual, expected, rel_tol=1e-5, abs_tol=1e-3)


# ---- start-up -----------------------------------------------------------------------


def test_impress_initialises(deck: DeckPage) -> None:
    deck.load()
    deck.page.wait_for_selector("body.impress-enabled", state="attached")
    classes = deck.evaluate("() => [...document.body.classList]")
    assert "impress-enabled" in classes
    assert "impress-not-supported" not in classes, classes
    assert deck.active_id() == FIRST_STEP
    assert not deck.page.is_visible(".impress-fallback-message")
    # Sphinx's DOCUMENTATION_OPTIONS global is there for extensions' scripts to read
    assert deck.evaluate("() => typeof DOCUMENTATION_OPTIONS") == "object"
    assert deck.evaluate("() => DOCUMENTATION_OPTIONS.FILE_SUFFIX") == ".html"


def test_no_console_or_page_errors(deck: DeckPage) -> None:
    deck.open()
    deck.wait_hash(f"#/{FIRST_STEP}")
    # one real transition, so that stepleave/stepenter handlers run too
    second = deck.step_ids()[1]
    deck.goto_step(second)
    assert deck.active_id() == second
    assert deck.console_errors == []
    assert deck.page_errors == []


def test_no_request_leaves_the_output_folder(deck: DeckPage) -> None:
    deck.open()
    deck.page.wait_for_load_state("load")
    assert deck.requests, "no request was recorded"
    assert deck.requests[0] == deck.index_url
    outside = []
    for url in deck.requests:
        path = url_to_path(url)
        if path is None or not path.resolve().is_relative_to(deck.site):
            outside.append(url)
        elif not path.is_file():
            outside.append(f"{url} (no such file)")
    assert outside == [], f"requests outside {deck.site}"
    assert deck.failed_requests == []
    # every resource the page references was requested (so the recording is complete)
    referenced = deck.evaluate(
        """() => [
            ...[...document.querySelectorAll('link[rel~=stylesheet]')].map(e => e.href),
            ...[...document.querySelectorAll('script[src]')].map(e => e.src),
            ...[...document.querySelectorAll('img[src]')].map(e => e.src),
        ]"""
    )
    assert any(url.endswith(".js") or ".js?" in url for url in referenced)
    assert sorted(set(referenced) - set(deck.requests)) == []


# ---- navigation -----------------------------------------------------------------------


def test_arrow_keys_visit_every_step_in_order(deck: DeckPage) -> None:
    deck.open()
    ids = deck.step_ids()
    assert len(ids) >= 2
    assert len(set(ids)) == len(ids), "step ids are not unique"
    assert ids[0] == FIRST_STEP
    deck.wait_hash(f"#/{ids[0]}")
    assert deck.active_id() == ids[0]

    visited = [ids[0]]
    for _ in ids[1:]:
        deck.page.keyboard.press("ArrowRight")
        visited.append(deck.wait_active_change(visited[-1]))
        assert visited[-1] == ids[len(visited) - 1], f"after {visited[:-1]}"
    assert visited == ids
    deck.wait_hash(f"#/{ids[-1]}")  # impress:stepenter of the last step
    assert f"impress-on-{ids[-1]}" in deck.evaluate("() => [...document.body.classList]")

    deck.page.keyboard.press("ArrowLeft")
    assert deck.wait_active_change(ids[-1]) == ids[-2]
    deck.wait_hash(f"#/{ids[-2]}")


@pytest.mark.parametrize("fragment", [f"/{FRAGMENT_TARGET}", FRAGMENT_TARGET])
def test_url_fragment_selects_step(deck: DeckPage, fragment: str) -> None:
    deck.open(fragment)
    assert deck.step_ids()[0] != FRAGMENT_TARGET
    assert deck.active_id() == FRAGMENT_TARGET
    deck.wait_hash(f"#/{FRAGMENT_TARGET}")
    assert deck.active_id() == FRAGMENT_TARGET


def test_in_deck_link_goes_to_its_step(deck: DeckPage) -> None:
    deck.open()
    selector = f'a[href="#{LINK_TARGET}"]'
    source = deck.evaluate(
        "s => { const a = document.querySelector('#impress .step ' + s);"
        " return a ? a.closest('.step').id : null; }",
        selector,
    )
    assert source is not None, f"no {selector} inside a step"
    assert source != LINK_TARGET
    deck.goto_step(source)
    assert deck.active_id() == source
    deck.page.locator(f"#{source} {selector}").first.click()
    assert deck.wait_active_change(source) == LINK_TARGET
    deck.wait_hash(f"#/{LINK_TARGET}")


# ---- geometry -------------------------------------------------------------------------


def test_root_carries_numeric_configuration(deck: DeckPage) -> None:
    deck.open()
    root = deck.evaluate(
        "names => Object.fromEntries(names.map("
        "n => [n, document.getElementById('impress').getAttribute('data-' + n)]))",
        list(ROOT_ATTRIBUTES),
    )
    assert {name: _is_number(value) for name, value in root.items()} == dict.fromkeys(
        ROOT_ATTRIBUTES, True
    ), root


def test_step_transforms_match_their_data_attributes(deck: DeckPage) -> None:
    deck.open()
    steps = deck.evaluate(_STEP_GEOMETRY_JS, DOM_MATRIX_KEYS)
    assert steps, "no steps"
    mismatches = []
    for step in steps:
        missing = [n for n in STEP_ATTRIBUTES if not _is_number(step["data"].get(n))]
        assert missing == [], f"step {step['id']}: data-* not numeric: {missing}"
        assert step["data"].get("rotate-order") in {"xyz", "xzy", "yxz", "yzx", "zxy", "zyx"}
        assert step["transform"] not in ("", "none"), f"step {step['id']} has no transform"
        assert step["width"] > 0 and step["height"] > 0, step
        expected = as_dom_matrix(impress_step_matrix(step["data"], step["width"], step["height"]))
        wrong = {
            key: (step["matrix"][key], round(expected[key], 4))
            for key in DOM_MATRIX_KEYS
            if not _close(step["matrix"][key], expected[key])
        }
        if wrong:
            mismatches.append((step["id"], step["transform"], wrong))
    assert mismatches == []


def test_steps_sit_where_the_seed_deck_put_them(deck: DeckPage) -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed deck {SEED} is absent (../shared is not beside the project)")
    seed = read_seed()
    assert len(seed) == SEED_SLIDE_COUNT

    deck.open()
    steps = deck.evaluate(_STEP_GEOMETRY_JS, DOM_MATRIX_KEYS)
    assert [s["id"] for s in steps] == [slide.id for slide in seed]

    placed = []
    for step in steps:
        m = step["matrix"]
        placed.append((
            step["id"],
            round(m["m41"] + step["width"] / 2, 2),
            round(m["m42"] + step["height"] / 2, 2),
            round(math.hypot(m["m11"], m["m12"], m["m13"]), 4),
        ))
    declared = [(s.id, s.x, s.y, s.scale) for s in seed]
    wrong = [
        (got, want)
        for got, want in zip(placed, declared, strict=True)
        if not (abs(got[1] - want[1]) <= 0.05 and abs(got[2] - want[2]) <= 0.05
                and abs(got[3] - want[3]) <= 1e-4)
    ]
    assert wrong == [], "(step id, x, y, scale) in the browser vs. in the seed"


def _window_scale(deck: DeckPage) -> float:
    """impress.js's computeWindowScale for this viewport and the root's data-*."""
    width, height, max_scale, min_scale, inner_w, inner_h = deck.evaluate(
        "() => { const d = document.getElementById('impress').dataset;"
        " return [+d.width, +d.height, +d.maxScale, +d.minScale, innerWidth, innerHeight]; }"
    )
    scale = min(inner_h / height, inner_w / width)
    if max_scale and scale > max_scale:
        scale = max_scale
    if min_scale and scale < min_scale:
        scale = min_scale
    return scale


@pytest.mark.parametrize("step_id", [FIRST_STEP, SCALE_ONE_STEP])
def test_active_step_is_centred_and_fills_the_window(deck: DeckPage, step_id: str) -> None:
    deck.open()
    scales = {s["id"]: float(s["data"]["scale"]) for s in deck.evaluate(_STEP_GEOMETRY_JS, DOM_MATRIX_KEYS)}
    assert scales[FIRST_STEP] != 1 and scales[SCALE_ONE_STEP] == 1
    # reach the step by a real transition (the page opens on the first step)
    if deck.active_id() == step_id:
        deck.goto_step(SCALE_ONE_STEP if step_id == FIRST_STEP else FIRST_STEP)
    deck.goto_step(step_id)
    assert deck.active_id() == step_id
    rect, size, viewport = deck.evaluate(
        "id => { const s = document.getElementById(id); const r = s.getBoundingClientRect();"
        " return [[r.left, r.top, r.width, r.height], [s.offsetWidth, s.offsetHeight],"
        " [innerWidth, innerHeight]]; }",
        step_id,
    )
    left, top, width, height = rect
    centre = (left + width / 2, top + height / 2)
    assert abs(centre[0] - viewport[0] / 2) <= 2 and abs(centre[1] - viewport[1] / 2) <= 2, (
        f"centre of #{step_id} at {centre}, viewport {viewport}"
    )
    window_scale = _window_scale(deck)
    assert abs(width - size[0] * window_scale) <= 2, (width, size, window_scale)
    assert abs(height - size[1] * window_scale) <= 2, (height, size, window_scale)


def test_step_content_fits_inside_the_step(deck: DeckPage) -> None:
    """Steps clip their content (overflow: hidden), so text that does not fit is lost."""
    deck.open()
    overflowing = deck.evaluate(
        """() => [...document.querySelectorAll('#impress .step')]
            .filter(s => s.scrollHeight > s.clientHeight + 1 || s.scrollWidth > s.clientWidth + 1)
            .map(s => [s.id, s.clientWidth + 'x' + s.clientHeight,
                       'content ' + s.scrollWidth + 'x' + s.scrollHeight])"""
    )
    assert overflowing == []


# ---- without JavaScript ------------------------------------------------------------------


def test_without_javascript_the_text_is_readable_in_order(no_js_deck: DeckPage) -> None:
    page = no_js_deck.page
    no_js_deck.load()
    classes = page.evaluate("() => [...document.body.classList]")
    assert "impress-not-supported" in classes and "impress-enabled" not in classes, classes
    message = page.locator(".impress-fallback-message")
    assert message.is_visible()
    assert "JavaScript" in message.inner_text()

    # a reader scrolls to each step (its content is laid out when it comes near the
    # window: content-visibility)
    steps = page.evaluate(
        """() => [...document.querySelectorAll('#impress .step')].map(s => {
            s.scrollIntoView();
            const r = s.getBoundingClientRect();
            const h = s.querySelector('h1, h2, h3, h4, h5, h6');
            return {id: s.id, top: r.top + scrollY, bottom: r.bottom + scrollY,
                    left: r.left, right: r.right, text: s.innerText.trim(),
                    heading: h ? h.innerText.trim() : null,
                    clipped: s.scrollHeight > s.clientHeight + 1};
        })"""
    )
    assert len(steps) >= 2
    message_bottom = page.evaluate(
        "() => document.querySelector('.impress-fallback-message').getBoundingClientRect().bottom + scrollY"
    )
    viewport_width = page.evaluate("() => innerWidth")
    previous_bottom = message_bottom
    for step in steps:
        assert step["text"], f"step {step['id']} shows no text"
        assert step["top"] >= previous_bottom - 0.5, f"step {step['id']} is out of order"
        assert step["bottom"] > step["top"]
        assert step["left"] >= 0 and step["right"] <= viewport_width, step["id"]
        assert not step["clipped"], f"step {step['id']} clips its text"
        previous_bottom = step["bottom"]
        assert step["heading"], f"step {step['id']} has no heading"
        assert page.locator(f"#{step['id']} :is(h1, h2, h3, h4, h5, h6)").first.is_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    assert no_js_deck.page_errors == [] and no_js_deck.failed_requests == []
