"""Formulas of several rows and the smaller flaws MathML Core shows, measured in
Chromium (tests/roots/test-math-rows): rows are stacked (distinct y), aligned ``=``
signs share an x, separate equations stand one under the other, equation numbers are
Sphinx's alone, fences stretch, column rules are drawn, limits go under ``\\lim`` in
display and beside it inline, ``\\sin x`` has TeX's thin space. Each formula is
measured while its step is presented and in the print view the PDF is made from."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .conftest import REPO_ROOT, _recorded_page, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from .support import DeckPage

pytestmark = pytest.mark.browser

#: Half a pixel: what "the same x" allows for subpixel layout.
SAME = 0.5

#: The geometry of the formula of a step: its rows (``mtr`` of its outermost table),
#: the x of each row's ``=`` signs, its font size as drawn (in screen pixels: impress.js
#: scales the step), the ``.eqno`` numbers beside it and any number written inside it.
_FORMULA_JS = """id => {
    const step = document.getElementById(id);
    const maths = [...step.querySelectorAll('math')];
    const math = maths[0];
    const box = e => { const r = e.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                width: r.width, height: r.height}; };
    const table = math.querySelector('mtable');
    const rows = table ? [...table.children].filter(e => e.localName === 'mtr').map(row => ({
        box: box(row),
        cells: [...row.children].map(box),
        equals: [...row.querySelectorAll('mo')].filter(m => m.textContent === '=')
            .map(m => box(m).left),
    })) : [];
    return {
        maths: maths.length,
        display: math.getAttribute('display'),
        font: parseFloat(getComputedStyle(math).fontSize)
            * step.getBoundingClientRect().width / step.offsetWidth,
        box: box(math),
        rows,
        eqno: [...step.querySelectorAll('.eqno')].map(e => e.textContent),
        inner_numbers: [...math.querySelectorAll('mtext')].map(e => e.textContent)
            .filter(t => /^\\(\\d+\\)$/.test(t)),
        errors: step.querySelectorAll('.impress-math-source, merror').length,
    };
}"""

_SCRIPTS_JS = """id => [...document.getElementById(id).querySelectorAll('munder, msub')]
    .filter(s => s.firstElementChild.localName === 'mo').map(s => {
        const [base, script] = [...s.children].map(e => e.getBoundingClientRect());
        return {tag: s.localName, name: s.firstElementChild.textContent,
                base: {left: base.left, right: base.right, top: base.top, bottom: base.bottom},
                script: {left: script.left, right: script.right, top: script.top,
                         bottom: script.bottom}};
    })"""

_FENCES_JS = """id => {
    const math = document.getElementById(id).querySelector('math');
    const table = math.querySelector('mtable').getBoundingClientRect();
    return {table: table.height, fences: [...math.querySelectorAll('mo')]
        .filter(m => m.textContent === '|').map(m => m.getBoundingClientRect().height)};
}"""

_RULES_JS = """id => {
    const table = document.getElementById(id).querySelector('mtable');
    return [...table.querySelectorAll('mtr')].map(row => [...row.children].map(cell => {
        const style = getComputedStyle(cell);
        const r = cell.getBoundingClientRect();
        return {left: r.left, right: r.right, rule: parseFloat(style.borderRightWidth),
                style: style.borderRightStyle};
    }));
}"""

_GAP_JS = """([id, name]) => {
    const math = document.getElementById(id).querySelector('math');
    const found = [...math.querySelectorAll('mi')].find(m => m.textContent === name);
    let next = found.parentElement.localName === 'mrow' ? found : found.parentElement;
    let after = next.nextElementSibling;
    while (after && after.localName === 'mspace') { after = after.nextElementSibling; }
    return after.getBoundingClientRect().left - next.getBoundingClientRect().right;
}"""


@pytest.fixture(scope="module")
def rows_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-math-rows")


@pytest.fixture(params=["presented", "print"])
def view(request: pytest.FixtureRequest, browser: Browser, rows_site: Path) -> Any:
    """A function that shows one step of a page (``index`` or ``rst``) as the audience
    sees it (presented: entered with impress.js) or as the PDF is printed (``?print``),
    and returns the page."""
    pages = _recorded_page(browser, rows_site)
    deck = next(pages)

    def show(page: str, step: str) -> DeckPage:
        url = (rows_site / f"{page}.html").as_uri()
        if request.param == "print":
            deck.page.goto(url + "?print")
        else:
            deck.page.goto(url)
            deck.page.wait_for_selector("body.impress-enabled", state="attached")
            if deck.active_id() != step:
                deck.goto_step(step, duration=0)
        deck.evaluate("() => document.fonts.ready.then(() => true)")
        return deck

    yield show
    assert deck.page_errors == []
    pages.close()


def _formula(deck: DeckPage, step: str) -> dict[str, Any]:
    formula = deck.evaluate(_FORMULA_JS, step)
    assert formula["errors"] == 0, step
    assert formula["maths"] == 1, step
    assert formula["inner_numbers"] == [], step  # numbers are Sphinx's, beside the formula
    return formula


def _stacked(formula: dict[str, Any], count: int) -> None:
    rows = formula["rows"]
    assert len(rows) == count
    for upper, lower in itertools.pairwise(rows):
        assert lower["box"]["top"] >= upper["box"]["bottom"] - SAME  # one under the other
        assert lower["box"]["top"] > upper["box"]["top"] + formula["font"] / 2


def _aligned(formula: dict[str, Any], signs: int = 1) -> None:
    equals = [row["equals"] for row in formula["rows"]]
    assert all(len(row) == signs for row in equals), equals
    for column in range(signs):
        xs = [row[column] for row in equals]
        assert max(xs) - min(xs) <= SAME, xs


@pytest.mark.parametrize(
    ("page", "step", "rows"),
    [("index", "aligned", 2), ("index", "align", 2), ("rst", "rest-aligned", 2),
     ("rst", "rest-nowrap", 2), ("rst", "rest-numbered", 2)],
)
def test_aligned_rows_are_stacked_with_their_equals_signs_in_line(
    view: Any, page: str, step: str, rows: int
) -> None:
    formula = _formula(view(page, step), step)
    assert formula["display"] == "block"
    _stacked(formula, rows)
    _aligned(formula)


def test_align_has_sphinx_number_alone_and_no_gap_before_the_equals_sign(view: Any) -> None:
    formula = _formula(view("index", "align"), "align")
    assert formula["eqno"] == ["(2)"]  # gather is (1); amsmath numbers the whole block
    first = formula["rows"][0]
    left_side, right_side = first["cells"][0], first["cells"][1]
    # the cells touch; the "=" keeps only its own spacing (a thick space, 5/18 em)
    assert right_side["left"] - left_side["right"] <= SAME
    assert first["equals"][0] - left_side["right"] <= 0.35 * formula["font"]


def test_alignat_aligns_each_pair_of_columns(view: Any) -> None:
    formula = _formula(view("index", "alignat"), "alignat")
    _stacked(formula, 2)
    _aligned(formula, signs=2)


@pytest.mark.parametrize(("page", "step"), [("index", "gather"), ("index", "dollar-rows")])
def test_rows_without_columns_are_stacked(view: Any, page: str, step: str) -> None:
    formula = _formula(view(page, step), step)
    _stacked(formula, 2)
    first, second = (row["cells"][0] for row in formula["rows"])
    if step == "gather":  # centred, as amsmath's gather
        centre = (first["left"] + first["right"]) / 2
        assert abs(centre - (second["left"] + second["right"]) / 2) <= SAME
    else:  # Sphinx wraps $$ rows in split: one right-aligned column
        assert abs(first["right"] - second["right"]) <= SAME


def test_separate_equations_stand_one_under_the_other(view: Any) -> None:
    formula = _formula(view("rst", "rest-parts"), "rest-parts")
    _stacked(formula, 2)


def test_multline_sets_its_first_row_left_and_its_last_row_right(view: Any) -> None:
    formula = _formula(view("index", "multline"), "multline")
    _stacked(formula, 3)
    boxes = [row["cells"][0] for row in formula["rows"]]
    first, middle, last = boxes
    assert first["left"] <= middle["left"] and last["right"] >= middle["right"]


def test_fences_of_a_matrix_stretch(view: Any) -> None:
    fences = view("index", "vmatrix").evaluate(_FENCES_JS, "vmatrix")
    assert len(fences["fences"]) == 2
    assert all(height >= 0.9 * fences["table"] for height in fences["fences"]), fences


def test_an_array_draws_its_column_rule(view: Any) -> None:
    rows = view("index", "array-rule").evaluate(_RULES_JS, "array-rule")
    for cells in rows:
        assert [cell["rule"] > 0 for cell in cells] == [False, True, False]
        assert cells[1]["style"] == "solid"


def test_limits_go_under_in_display_and_beside_inline(view: Any) -> None:
    deck = view("index", "limits")
    scripts = deck.evaluate(_SCRIPTS_JS, "limits")
    assert [s["name"] for s in scripts] == ["lim", "max", "argmax"]
    for script in scripts:
        assert script["script"]["top"] >= script["base"]["bottom"] - 1, script  # under
        middle = (script["script"]["left"] + script["script"]["right"]) / 2
        assert script["base"]["left"] - 1 <= middle <= script["base"]["right"] + 1, script
    if deck.active_id() != "inline-limits" and deck.active_id() is not None:
        deck.goto_step("inline-limits", duration=0)
    inline = deck.evaluate(_SCRIPTS_JS, "inline-limits")
    assert [s["name"] for s in inline] == ["lim"]
    assert inline[0]["script"]["left"] >= inline[0]["base"]["right"] - 1  # beside
    assert inline[0]["script"]["top"] < inline[0]["base"]["bottom"]


def test_a_function_name_has_a_thin_space_before_its_argument(view: Any) -> None:
    deck = view("index", "function")
    font = deck.evaluate(_FORMULA_JS, "function")["font"]
    for name in ("sin", "cos"):
        gap = deck.evaluate(_GAP_JS, ["function", name])
        assert 0.12 * font <= gap <= 0.3 * font, (name, gap, font)
