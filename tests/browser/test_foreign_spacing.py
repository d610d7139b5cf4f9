"""Decks of other tools without style sheets of their own are presented with the theme's
slide at impress.js's own 1024 x 768 px window, the size their tools presented in, so
that slides placed with the tools' spacing (hovercraft's 1600 px moves, the seed deck's
1200 px columns and 1000 px rows, markpress's 2600 px) do not cover one another. Built
from real decks of ../shared, measured in Chromium from the steps' boxes on screen."""

from __future__ import annotations

import shutil
from itertools import combinations
from typing import TYPE_CHECKING

import pytest
from conftest import SHARED

from .conftest import PAGE_TIMEOUT_MS, VIEWPORT, build_site

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

CORPUS = SHARED / "corpus"

#: (deck file, file type, name in the project): decks without style sheets of their own.
DECKS = [
    (SHARED / "seed" / "000_5c656a013ccc9d8a.txt", "mdpress", "seed.mdpress"),
    (CORPUS / "mdpress-examples" / "demo.md", "mdpress", "demo.mdpress"),
    (CORPUS / "hovercraft" / "test_data" / "simple.rst", "hovercraft", "simple.hovercraft"),
    (CORPUS / "hovercraft" / "test_data" / "presenter-notes.rst", "hovercraft",
     "notes.hovercraft"),
    (CORPUS / "markpress" / "README-deck.md", "markpress", "readme.markpress"),
]

#: The part of the smaller of two boxes that they may share.
SHARE = 0.05

#: Every step's box on screen, scale, depth and whether it faces the viewer (no turn
#: about x or y), as Chromium lays them out.
_BOXES_JS = """
() => [...document.querySelectorAll('#impress .step')].map(step => {
    const box = step.getBoundingClientRect();
    const flat = !Number(step.dataset.rotateX || 0) && !Number(step.dataset.rotateY || 0);
    return {id: step.id, scale: Number(step.dataset.scale || 1), flat,
            z: Number(step.dataset.z || 0),
            left: box.left, top: box.top, right: box.right, bottom: box.bottom};
})
"""


@pytest.fixture(scope="module")
def foreign_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpus is not there ({SHARED})")
    srcdir = tmp_path_factory.mktemp("foreign-decks")
    for source, _, name in DECKS:
        shutil.copy(source, srcdir / name)
    (srcdir / "images").mkdir()
    names = "\n".join(name.split(".")[0] for _, _, name in DECKS)
    (srcdir / "index.md").write_text(f"# Decks\n\n```{{toctree}}\n{names}\n```\n", encoding="utf-8")
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\n', encoding="utf-8"
    )
    # the decks warn about what their tools did differently (remote images and the like)
    return build_site(tmp_path_factory, srcdir, strict=False)


def _overlaps(boxes: list[dict]) -> list[tuple[str, str, float]]:
    """Pairs of steps that face the viewer at one depth whose boxes share more than
    :data:`SHARE` of the smaller (steps turned in 3D, or far apart in depth, are seen
    one at a time)."""
    found = []
    flat = [box for box in boxes if box["flat"]]
    for a, b in combinations(flat, 2):
        if a["z"] != b["z"]:
            continue
        if max(a["scale"], b["scale"]) / min(a["scale"], b["scale"]) >= 1.5:
            continue  # a small step on a large one is a detail inside it, on purpose
        width = min(a["right"], b["right"]) - max(a["left"], b["left"])
        height = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
        if width <= 0 or height <= 0:
            continue
        smaller = min(
            (box["right"] - box["left"]) * (box["bottom"] - box["top"]) for box in (a, b)
        )
        if width * height > SHARE * smaller:
            found.append((a["id"], b["id"], round(width * height / smaller, 2)))
    return found


@pytest.mark.parametrize("name", [name for _, _, name in DECKS])
def test_slides_of_a_foreign_deck_do_not_cover_one_another(
    browser: Browser, foreign_site: Path, name: str
) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    context.route("http*://**", lambda route: route.abort())  # remote images: offline
    try:
        page = context.new_page()
        page.goto((foreign_site / f"{name.split('.')[0]}.html").as_uri())
        page.wait_for_selector("body.impress-enabled", state="attached")
        root = page.evaluate(
            "() => [document.getElementById('impress').dataset.width,"
            " document.getElementById('impress').dataset.height]"
        )
        boxes = page.evaluate(_BOXES_JS)
    finally:
        context.close()
    assert root == ["1024", "768"]
    assert len(boxes) >= 2
    # a slide is as large as the deck's window: its box has the window's proportions
    # (a quarter turn swaps them)
    for box in boxes:
        if not box["flat"]:
            continue
        sides = sorted([box["right"] - box["left"], box["bottom"] - box["top"]])
        assert sides[1] / sides[0] == pytest.approx(1024 / 768, rel=0.01), box["id"]
    assert _overlaps(boxes) == []
