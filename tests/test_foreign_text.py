"""Decks of other tools keep their text as their authors wrote it: no smart quotes,
dashes or ellipses in hovercraft, mdpress and markpress decks (none of these tools made
them), while the project's own MyST and reST documents keep Sphinx's smartquotes."""

from __future__ import annotations

import pytest
from helpers import build_files, soup, steps

#: Characters that Sphinx's smartquotes (and MyST's smartquotes and replacements)
#: would change.
WRITTEN = "He said \"it's fine\" -- and 'left'... Then --- gone (c) 2016."

DECKS = {
    "hover.hovercraft": f":title: Q\n\n----\n\nOne\n===\n\n{WRITTEN}\n\n----\n\nTwo\n===\n\nx\n",
    "md.mdpress": f"# One\n\n{WRITTEN}\n\n---\n= data-x='1000'\n\n# Two\n\nx\n",
    "mark.markpress": f"# One\n\n{WRITTEN}\n\n------\n\n# Two\n\nx\n",
}

CONF = (
    'extensions = ["myst_parser", "sphinx_impress"]\n'
    # a project whose own MyST documents curl quotes and replace (c)
    'myst_enable_extensions = ["smartquotes", "replacements"]\n'
)


@pytest.fixture
def built(make_app, tmp_path):
    srcdir = tmp_path / "as-written"
    files = dict(DECKS)
    files["index.md"] = f"# Own\n\n{WRITTEN}\n\n```{{toctree}}\nhover\nmd\nmark\n```\n"
    return build_files(make_app, srcdir, files, CONF)


def test_foreign_decks_keep_quotes_and_dashes_as_written(built):
    for docname in ("hover", "md", "mark"):
        page = soup(built.outdir / f"{docname}.html")
        first = steps(page)[0].element
        paragraph = next(p for p in first.find_all("p") if p.get_text().startswith("He said"))
        assert paragraph.get_text() == WRITTEN, docname
    # the project's own documents keep smartquotes
    page = soup(built.outdir / "index.html")
    text = page.get_text()
    assert "“it’s fine”" in text and "–" in text and "©" in text
    assert WRITTEN not in text
