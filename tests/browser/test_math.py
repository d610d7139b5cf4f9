"""Math in Chromium, offline: a deck of 30 formulas of many kinds (fractions, roots,
sums, integrals, matrices, aligned equations, cases, inline math in a list) is drawn
as MathML, in the shipped math font, with no request outside the output folder, on
screen and in the PDF that ``sphinx-impress pdf`` writes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from .conftest import REPO_ROOT, _recorded_page, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

#: Formulas in tests/roots/test-math (inline and displayed; the directive with two
#: equations is one formula of two rows).
FORMULAS = 29

#: TeX that would be on the page if a formula were shown as text.
RAW_TEX = re.compile(r"\\[A-Za-z]+|\$\$|\\begin|\^\{")

_FORMULAS_JS = """() => Array.from(document.querySelectorAll('#impress math')).map(m => {
    const box = m.getBoundingClientRect();
    return {
        display: m.getAttribute('display'),
        width: box.width,
        height: box.height,
        font: getComputedStyle(m).fontFamily,
        errors: m.querySelectorAll('merror').length,
    };
})"""

#: Each fraction's numerator sits above its denominator: drawn as math, not as text.
_FRACTIONS_JS = """() => Array.from(document.querySelectorAll('#impress mfrac')).map(f => {
    const [top, bottom] = f.children;
    return top.getBoundingClientRect().bottom <= bottom.getBoundingClientRect().top + 1;
})"""


@pytest.fixture(scope="module")
def math_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-math")


def test_every_formula_is_drawn_as_math_offline(browser: Browser, math_site: Path) -> None:
    for deck in _recorded_page(browser, math_site):
        deck.open("?print")  # every step laid out one after another
        deck.evaluate("() => document.fonts.ready.then(() => true)")
        formulas = deck.evaluate(_FORMULAS_JS)
        assert len(formulas) == FORMULAS
        assert sum(f["display"] == "block" for f in formulas) == 20  # and 9 inline
        for number, formula in enumerate(formulas):
            assert formula["width"] > 5, (number, formula)
            assert formula["height"] > 5, (number, formula)
            assert formula["errors"] == 0, number
            assert formula["font"].startswith('"STIX Two Math"'), formula["font"]
        fractions = deck.evaluate(_FRACTIONS_JS)
        assert len(fractions) >= 12
        assert all(fractions)
        assert deck.evaluate("() => document.fonts.check('20px \"STIX Two Math\"')")
        text = deck.evaluate("() => document.getElementById('impress').innerText")
        assert RAW_TEX.search(text) is None, RAW_TEX.search(text)
        assert deck.page.locator(".impress-math-source").count() == 0
        # offline: everything the page loaded is in the output folder
        assert deck.requests
        assert all(url.startswith("file://") for url in deck.requests)
        font = "/_static/fonts/STIXTwoMath-Regular.woff2"
        assert any(url.endswith(font) for url in deck.requests)
        assert deck.failed_requests == []
        assert deck.page_errors == []


def test_formulas_are_math_in_the_pdf(
    math_site: Path, tmp_path: Path, chromium_executable: str
) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "math.pdf"
    # the command as a user runs it (in its own process: this one drives a browser)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_impress.cli", "pdf", str(math_site / "index.html"),
         str(pdf), "--browser", chromium_executable],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {pdf}: 6 pages, one per step"
    reader = PdfReader(pdf)
    assert len(reader.pages) == 6
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert RAW_TEX.search(text) is None, RAW_TEX.search(text)
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("STIXTwoMath" in name for name in fonts), fonts
    # the operators are glyphs of the math font, not letters
    for symbol in ("∑", "∫", "∏"):
        assert symbol in text, symbol
