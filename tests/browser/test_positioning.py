"""The deck that mixes absolute, relative, rel-to, units, a grid layout and an overview
step: the transforms Chromium computes match the numbers worked out by hand, and the
overview step shows every other step."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pytest
from helpers import MIXED, mixed_overview

from .support import DOM_MATRIX_KEYS, as_dom_matrix, impress_step_matrix

if TYPE_CHECKING:
    from .support import DeckPage

pytestmark = pytest.mark.browser

_GEOMETRY_JS = """
keys => [...document.querySelectorAll('#impress .step')].map(step => {
    const matrix = new DOMMatrix(getComputedStyle(step).transform);
    return {
        id: step.id, width: step.offsetWidth, height: step.offsetHeight,
        matrix: Object.fromEntries(keys.map(k => [k, matrix[k]])),
    };
})
"""


def _expected(step_id: str) -> dict[str, str]:
    if step_id == "everything":
        x, y, scale = mixed_overview()
        rotate_x = rotate_z = 0
    else:
        x, y, scale, rotate_x, rotate_z = MIXED[step_id]
    return {"x": str(x), "y": str(y), "z": "0", "scale": str(scale),
            "rotate-x": str(rotate_x), "rotate-y": "0", "rotate-z": str(rotate_z)}


def test_computed_transforms_match_the_python_numbers(positioning_deck: DeckPage) -> None:
    positioning_deck.open()
    found = positioning_deck.evaluate(_GEOMETRY_JS, DOM_MATRIX_KEYS)
    assert [step["id"] for step in found] == [*MIXED, "everything"]
    for step in found:
        expected = as_dom_matrix(
            impress_step_matrix(_expected(step["id"]), step["width"], step["height"])
        )
        for key in DOM_MATRIX_KEYS:
            assert math.isclose(step["matrix"][key], expected[key], rel_tol=1e-4, abs_tol=1e-2), (
                step["id"], key, step["matrix"][key], expected[key]
            )
    assert positioning_deck.console_errors == [] and positioning_deck.page_errors == []


def test_overview_shows_every_step(positioning_deck: DeckPage) -> None:
    positioning_deck.open()
    positioning_deck.goto_step("everything")
    rects = positioning_deck.evaluate(
        """() => [...document.querySelectorAll('#impress .step:not(.impress-overview)')]
            .map(s => { const r = s.getBoundingClientRect();
                        return [s.id, r.left, r.top, r.right, r.bottom]; })"""
    )
    width, height = positioning_deck.evaluate("() => [innerWidth, innerHeight]")
    assert len(rects) == len(MIXED)
    for step_id, left, top, right, bottom in rects:
        assert left >= 0 and top >= 0 and right <= width and bottom <= height, step_id
    # and it is not far too small: the steps span most of the window's width
    span = max(r[3] for r in rects) - min(r[1] for r in rects)
    assert span > 0.6 * width
