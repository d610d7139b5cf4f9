"""Code blocks in Chromium: a highlighted block shows its Pygments style's background,
so the code of a dark ``pygments_style`` stays readable on the light slide."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import REPO_ROOT, _recorded_page, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

_COLOURS_JS = """() => {
    const box = document.querySelector('#impress .step div.highlight');
    const name = box.querySelector('pre .nf');
    return [getComputedStyle(box).backgroundColor,
            getComputedStyle(box.querySelector('pre')).backgroundColor,
            getComputedStyle(name).color];
}"""


@pytest.fixture(scope="module")
def dark_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-dark-code")


def test_a_dark_style_keeps_its_background(browser: Browser, dark_site: Path) -> None:
    for deck in _recorded_page(browser, dark_site):
        deck.open()
        box, pre, name = deck.evaluate(_COLOURS_JS)
        # monokai: background #272822, function names #A6E22E
        assert box == "rgb(39, 40, 34)"
        assert pre == "rgba(0, 0, 0, 0)"  # the block's own box shows through
        assert name == "rgb(166, 226, 46)"
        # line numbers stay out of what the reader selects and copies
        assert deck.evaluate("() => getComputedStyle(document.querySelector('.linenos')).userSelect") == "none"
        assert deck.page_errors == []
