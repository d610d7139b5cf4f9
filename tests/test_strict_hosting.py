"""Presentations carry no inline script code, so that a host that sends
``Content-Security-Policy: script-src 'self'`` can serve them (the browser check is
tests/browser/test_strict_hosting.py)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import soup, steps

MATH_DECK = """\
# Maths

```{math}
e^{i\\pi} + 1 = 0
```

## Inline

The area is $\\pi r^2$.
"""

MATHJAX_CONFIG = {"tex": {"inlineMath": [["$", "$"]]}}


def _inline_code(outdir: Path) -> list[str]:
    """Every piece of script code written in a page of ``outdir`` rather than loaded:
    script elements with content, ``on*`` event attributes and ``javascript:`` links."""
    found = []
    for path in sorted(outdir.rglob("*.html")):
        page = soup(path)
        for script in page.find_all("script"):
            if script.get_text().strip() or not script.get("src"):
                found.append(f"{path.name}: <script> {script.get_text()[:60]!r}")
        for tag in page.find_all(True):
            for name, value in tag.attrs.items():
                if name.lower().startswith("on"):
                    found.append(f"{path.name}: {tag.name} {name}")
                if name in ("href", "src") and str(value).strip().lower().startswith("javascript:"):
                    found.append(f"{path.name}: {tag.name} {name}={value}")
    return found


def _local_scripts(path: Path) -> list[Path]:
    """The local files a page loads as scripts, resolved beside the page."""
    return [
        path.parent / script["src"].split("?")[0]
        for script in soup(path).find_all("script", src=True)
        if "://" not in script["src"]
    ]


def test_presentations_have_no_inline_script(build):
    app = build("multi")
    assert _inline_code(app.outdir) == []
    scripts = _local_scripts(app.outdir / "index.html")
    assert [p.name for p in scripts] == [
        "impress.min.js", "documentation_options.js", "impress-nearby.js", "impress-fit.js",
        "impress-init.js",
    ]
    assert all(p.is_file() for p in scripts)


def test_presentations_of_an_html_build_have_no_inline_script(build):
    app = build("docsdecks", "html")
    presentations = app.outdir / "_impress"
    assert sorted(p.name for p in presentations.glob("*.html")) == ["frontdeck.html", "talk.html"]
    assert _inline_code(presentations) == []


def test_mathjax_configuration_is_loaded_from_a_file(make_app, tmp_path):
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\n'
        'myst_enable_extensions = ["dollarmath"]\n'
        'impress_math = "mathjax"\n'  # MathJax, not MathML written at build time
        f"mathjax3_config = {MATHJAX_CONFIG!r}\n",
        encoding="utf-8",
    )
    (srcdir / "index.md").write_text(MATH_DECK, encoding="utf-8")
    app = make_app("impress", srcdir=srcdir)
    app.build()
    # MathJax itself comes from its default address (impress.offline says so)
    assert "[impress.offline]" in app.warning.getvalue()
    page = app.outdir / "index.html"
    assert [s.id for s in steps(soup(page))] == ["maths", "inline"]
    assert _inline_code(app.outdir) == []
    scripts = _local_scripts(page)
    assert next(p.name for p in scripts) == "impress.min.js"
    assert [p.name for p in scripts][-1] == "impress-init.js"
    (config,) = [p for p in scripts if p.name.startswith("impress-inline-")]
    code = config.read_text(encoding="utf-8")
    assert code.startswith("window.MathJax = ")
    # myst-parser adds its own options to the configuration
    assert json.loads(code.removeprefix("window.MathJax = "))["tex"] == MATHJAX_CONFIG["tex"]
    # the configuration comes before MathJax, as Sphinx orders it
    sources = [s["src"] for s in soup(page).find_all("script", src=True)]
    mathjax = next(i for i, src in enumerate(sources) if "mathjax" in src)
    assert sources.index(next(s for s in sources if "impress-inline-" in s)) < mathjax
