"""reST in MyST's ``eval-rst`` blocks works as in a reST file: footnotes of every kind
are numbered and linked, substitutions defined in one block are replaced in another,
and ``rst-class`` gives its class (myst-parser parses each block into a document of
its own; sphinx_impress.extension.eval_rst registers what it found with the page)."""

from __future__ import annotations

import pytest
from helpers import build_files, soup

DECK = """\
# Footnotes and substitutions

```{eval-rst}
.. |sub| replace:: *replaced*

.. rst-class:: lead

Symbol [*]_, auto [#]_, named [#nm]_, number [1]_, citation [CIT2002]_ and |sub|.

.. [*] symbol note
.. [#] auto note
.. [#nm] named note
.. [1] number note
.. [CIT2002] a citation
```

## Second

```{eval-rst}
Again |sub| [#]_ [*]_.

.. [#] second auto note
.. [*] second symbol note
```
"""


@pytest.mark.parametrize("builder", ["impress", "html"])
def test_eval_rst_blocks_are_whole_reST(make_app, tmp_path, builder):
    app = build_files(
        make_app, tmp_path / "src", {"index.md": DECK},
        'extensions = ["myst_parser", "sphinx_impress"]\n', builder=builder,
    )
    warnings = app.warning.getvalue()
    assert "ERROR" not in warnings and "WARNING" not in warnings, warnings
    page = soup(app.outdir / "index.html")
    lead = page.select("p.lead")
    assert len(lead) == 1 and "Symbol" in lead[0].get_text()
    # every reference has a number or symbol and leads to a footnote of the page
    references = page.select("a.footnote-reference")
    assert len(references) == 6
    ids = {element["id"] for element in page.find_all(id=True)}
    for reference in references:
        label = reference.get_text(strip=True).strip("[]")
        assert label and label not in ("#", "#nm"), reference
        assert reference["href"].lstrip("#") in ids, reference
    assert sorted(r.get_text(strip=True).strip("[]") for r in references) == sorted(
        ["*", "†", "1", "2", "3", "4"]
    )
    citation = [a for a in page.find_all("a") if a.get_text(strip=True) == "[CIT2002]"]
    assert len(citation) == 1 and citation[0]["href"].lstrip("#") in ids
    # the substitution defined in the first block is replaced in both
    assert [em.get_text() for em in page.find_all("em") if em.get_text() == "replaced"] == [
        "replaced", "replaced"
    ]
    assert "|sub|" not in page.get_text()
