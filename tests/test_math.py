"""Math in presentations: MathML written at build time by default (no script, no
network), the math font only on pages with math, MathJax as an option, and docs pages
that keep Sphinx's choice."""

from __future__ import annotations

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
    assert len(page.select("#impress math")) == 30
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
    assert len(presentation.select("#impress math")) == 30


@pytest.mark.parametrize(
    ("tex", "reason"),
    [("\\frac{", "not TeX that can be converted"), ("\\nosuch{x}", "\\nosuch"), ("  ", "empty")],
)
def test_tex_that_cannot_be_converted(tex, reason):
    with pytest.raises(MathError, match=reason.replace("\\", "\\\\")):
        tex_to_mathml(tex, display=True)


def test_labels_and_tags_are_left_to_sphinx():
    assert "label" not in tex_to_mathml("x \\label{eq:one} = 1", display=True)
