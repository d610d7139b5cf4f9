"""Math in presentations: MathML written at build time by default (no script, no
network), the math font only on pages with math, MathJax as an option, and docs pages
that keep Sphinx's choice."""

from __future__ import annotations

import re

import pytest
from helpers import soup, warning_lines

from sphinx_impress.html.math import MathError, tex_to_mathml


def _assets(page):
    return (
        [link["href"].split("?")[0] for link in page.select("link[rel=stylesheet]")],
        [script["src"].split("?")[0] for script in page.select("script[src]")],
    )


def test_presentations_write_mathml_and_load_the_font_only_with_math(build):
    app = build("math")
    assert warning_lines(app) == []
    page = soup(app.outdir / "index.html")
    assert len(page.select("#impress math")) == 29  # two equations in one directive: one formula
    assert all(m.get("xmlns") == "http://www.w3.org/1998/Math/MathML" for m in page.select("math"))
    css, scripts = _assets(page)
    assert "_static/impress-math.css" in css
    assert "_static/impress-math-font.css" in css
    assert not any("mathjax" in s.lower() for s in scripts)
    assert (app.outdir / "_static" / "fonts" / "STIXTwoMath-Regular.woff2").is_file()
    assert (app.outdir / "_static" / "fonts" / "LICENSE-STIXTwoMath.txt").is_file()
    # displayed formulas keep Sphinx's equation numbers and label ids
    euler = page.select_one("#equation-euler")
    assert euler is not None
    assert euler.select_one(".eqno").get_text() == "(2)"  # the align block is (1)


def test_pages_without_math_load_no_math_assets(build):
    app = build("steps")
    css, scripts = _assets(soup(app.outdir / "index.html"))
    assert not any("math" in name for name in css + scripts)
    assert not (app.outdir / "_static" / "fonts").exists()


def test_without_the_font(build):
    app = build("math", confoverrides={"impress_math_font": False})
    css, _ = _assets(soup(app.outdir / "index.html"))
    assert "_static/impress-math.css" in css
    assert "_static/impress-math-font.css" not in css
    assert not (app.outdir / "_static" / "fonts").exists()


def test_mathjax_stays_available(build):
    app = build("math", confoverrides={"impress_math": "mathjax"})
    page = soup(app.outdir / "index.html")
    assert page.select("#impress math") == []
    _, scripts = _assets(page)
    assert any("mathjax" in s for s in scripts)
    assert any(line.endswith("[impress.offline]") for line in warning_lines(app))


def test_docs_pages_keep_sphinx_choice(build):
    app = build("math", "html", confoverrides={"impress_decks": ["index"]})
    docs = soup(app.outdir / "index.html")
    assert docs.select("math") == []  # Sphinx's MathJax on docs pages
    assert any("mathjax" in s for s in _assets(docs)[1])
    presentation = soup(app.outdir / "_impress" / "index.html")
    assert len(presentation.select("#impress math")) == 29


@pytest.mark.parametrize(
    ("tex", "reason"),
    [("\\frac{", "not TeX that can be converted"), ("\\nosuch{x}", "\\nosuch"), ("  ", "empty")],
)
def test_tex_that_cannot_be_converted(tex, reason):
    with pytest.raises(MathError, match=reason.replace("\\", "\\\\")):
        tex_to_mathml(tex, display=True)


def test_labels_and_tags_are_left_to_sphinx():
    assert "label" not in tex_to_mathml("x \\label{eq:one} = 1", display=True)


def _math(tex, display=True):
    from bs4 import BeautifulSoup

    return BeautifulSoup(tex_to_mathml(tex, display=display), "html.parser").math


@pytest.mark.parametrize(
    ("tex", "rows", "columns"),
    [
        ("\\begin{aligned} a &= b + c \\\\ d &= e f \\end{aligned}", 2, 2),
        ("a &= b + c \\\\ d &= e + f", 2, 2),  # Sphinx's math directive, MyST's $$
        ("\\begin{gather} a = b \\\\ c = d \\end{gather}", 2, 1),
        ("a = b \\\\ c = d", 2, 1),
        ("\\begin{align} f(x) &= (x+1)^2 \\\\ &= x^2+2x+1 \\end{align}", 2, 2),
        ("\\begin{eqnarray} y &=& a x + b \\\\ y' &=& a \\end{eqnarray}", 2, 2),
        ("\\begin{multline} a + b \\\\ + c \\\\ + d \\end{multline}", 3, 1),
        ("\\begin{alignat}{2} x &= 1 & y &= 2 \\\\ u &= 3 & v &= 4 \\end{alignat}", 2, 4),
        ("\\begin{equation}\\begin{split} a &= b \\\\[2pt] &= c \\end{split}\\end{equation}",
         2, 2),
        ("\\begin{gathered} a \\\\ b \\end{gathered} = \\begin{aligned}[t] c \\end{aligned}",
         2, 1),
    ],
)
def test_rows_become_a_table(tex, rows, columns):
    math = _math(tex)
    table = math.find("mtable")
    assert len(table.find_all("mtr", recursive=False)) == rows
    assert max(len(row.find_all("mtd", recursive=False))
               for row in table.find_all("mtr", recursive=False)) == columns
    # nothing MathML Core would draw wrong: a literal &, a line break, a number
    assert not [mi for mi in math.find_all("mi") if mi.get_text() == "&"]
    assert not math.find_all("mspace", attrs={"linebreak": True})
    assert not [t for t in math.find_all("mtext") if t.get_text().startswith("(")]
    assert "2pt" not in math.get_text()


def test_aligned_tables_are_classed_for_their_spacing():
    assert _math("a &= b \\\\ c &= d").find("mtable")["class"] == ["impress-math-align"]
    assert _math("\\begin{matrix} a & b \\end{matrix}").find("mtable").get("class") is None


def test_separate_equations_are_rows_of_one_formula():
    from sphinx_impress.html.mathml import stack

    assert stack(["E = mc^2"]) == "E = mc^2"
    tex = stack(["E = mc^2", "a &= b \\\\ &= c"])
    table = _math(tex).find("mtable")
    first, second = table.find_all("mtr", recursive=False)
    assert first.get_text() == "E=mc2"
    assert second.find("mtable") is not None  # a part of several rows keeps its own


def test_column_rules_become_classes():
    table = _math("\\begin{array}{cc|c} 1 & 2 & 3 \\\\ \\hline 4 & 5 & 6 \\end{array}").mtable
    first, second = table.find_all("mtr")
    assert [cell.get("class") for cell in first.find_all("mtd")] == [
        ["impress-math-rule-below"],
        ["impress-math-rule-right", "impress-math-rule-below"],
        ["impress-math-rule-below"],
    ]
    assert [cell.get("class") for cell in second.find_all("mtd")] == [
        None, ["impress-math-rule-right"], None,
    ]


@pytest.mark.parametrize("tex", ["\\lim_{x\\to0} f", "\\max_x f", "\\operatorname*{argmax}_x f"])
def test_limits_go_under_the_operator(tex):
    under = _math(tex).find("munder")
    assert under is not None
    assert under.mo["movablelimits"] == "true"


def test_a_named_operator_keeps_its_subscript_beside():
    # \operatorname without a star sets limits beside it in TeX too
    assert _math("\\operatorname{argmax}_x f").find("msub") is not None


@pytest.mark.parametrize(
    ("tex", "spaces"),
    [("\\sin x", 1), ("\\sin^2 x", 1), ("\\sin(x)", 0), ("\\log n + \\cos y", 2), ("\\sin", 0)],
)
def test_a_function_name_is_followed_by_a_thin_space(tex, spaces):
    assert len(_math(tex).find_all("mspace", attrs={"width": "0.1667em"})) == spaces


def test_matrices_between_fences_have_stretchy_fences():
    fences = _math("\\begin{vmatrix} a & b \\\\ c & d \\end{vmatrix}").find_all("mo")
    assert [(mo.get_text(), mo.get("stretchy")) for mo in fences] == [("|", "true"), ("|", "true")]


def test_text_is_escaped_once():
    from sphinx_impress.html.mathml import convert

    mathml = convert("\\text{<b>} < x", display=False)
    assert "&lt;b&gt;" in mathml
    assert "<b>" not in mathml
    assert "&#x" not in mathml  # characters, not references


@pytest.mark.parametrize(
    ("tex", "reason"),
    [
        ("{a & b}", "column separator &"),
        ("x = {a \\\\ b}", "row break"),
        ("\\begin{aligned} a &= b", "\\begin{aligned} is not closed"),
        ("a \\end{cases}", "\\end{cases} closes no"),
    ],
)
def test_what_would_be_drawn_wrong_is_refused(tex, reason):
    with pytest.raises(MathError, match=re.escape(reason)):
        tex_to_mathml(tex, display=True)


def test_rows_build_without_warnings_and_numbers_are_sphinx_alone(build):
    app = build("math-rows")
    assert warning_lines(app) == []
    page = soup(app.outdir / "index.html")
    align = page.select_one("#align")
    assert [eqno.get_text() for eqno in align.select(".eqno")] == ["(2)"]
    for math in page.select("#impress math") + soup(app.outdir / "rst.html").select("math"):
        assert not [t for t in math.find_all("mtext") if t.get_text().startswith("(")]
        assert math.find_all("mspace", attrs={"linebreak": True}) == []
