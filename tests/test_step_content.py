"""Decks made only of ``step`` directives with content, as ``sphinx-impress convert``
writes them: no extra empty step before the first, and an author's id wins over the
id that a heading inside the step (a rubric) would take."""

from __future__ import annotations

from helpers import by_id, soup
from sphinx.testing.util import SphinxTestApp

DECK = """\
```{step}
:id: intro
:x: 0

# Intro

Text.
```

```{step}
:id: next
:x: 2000

## Next
```
"""


def test_steps_with_content_only(tmp_path):
    (tmp_path / "conf.py").write_text('extensions = ["myst_parser", "sphinx_impress"]\n')
    (tmp_path / "index.md").write_text(DECK)
    app = SphinxTestApp("impress", srcdir=tmp_path)
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    found = by_id(soup(app.outdir / "index.html"))
    # the author's ids, not ids made from the titles ("step-1") or numbered ("intro-2")
    assert list(found) == ["intro", "next"]
    assert found["next"].numbers["data-x"] == 2000
    assert found["intro"].element.select_one(".rubric").get_text(strip=True) == "Intro"
