"""Separators as slide boundaries in MyST and reST decks (sphinx_impress.extension.separators):
what follows a separator is a new step; separators at the start, doubled or at the
end make no empty step, no rule and no docutils message; pages that are not decks keep
docutils' rules."""

from __future__ import annotations

import pytest
from helpers import build_files, located_warnings, soup, steps, warning_lines

CONF = 'extensions = ["myst_parser", "sphinx_impress"]\n'

MYST = """---
title: Separated
---

---

# Talk

Opening words.

## Part

### Subpart

---

A slide without a heading.

---
---

More on its own slide.

```{step}
:x: 5000
:y: 300
```

---

#### Deep heading

Under the deep heading.

## Second

```{notes}
Notes before.

---

After a rule in the notes.
```

---

```{admonition} Boxed
Inside.

---

Still inside.
```

---
"""

REST = """:title: Separated

----

=====
Talk
=====

Opening words.

Part
====

Subpart
-------

----

A slide without a heading.

----

----

More on its own slide.

.. step::
   :x: 5000
   :y: 300

----

Deep heading
~~~~~~~~~~~~

Under the deep heading.

Second
======

.. notes::

   Notes before.

----

.. admonition:: Boxed

   Inside.

   Still inside.

----
"""


def _texts(page):
    return [" ".join(step.element.get_text(" ").split()) for step in steps(page)]


@pytest.mark.parametrize(("name", "text"), [("index.md", MYST), ("index.rst", REST)])
def test_separators_start_slides_and_leave_nothing_empty(make_app, tmp_path, name, text):
    app = build_files(make_app, tmp_path / "src", {name: text}, CONF)
    assert warning_lines(app) == []
    page = soup(app.outdir / "index.html")
    found = steps(page)
    # a heading of level 4, no slide by itself, is the title of the slide a separator
    # opens before it
    assert [s.id for s in found] == [
        "talk", "part", "subpart", "step-4", "step-5", "deep-heading", "second", "step-8"
    ]
    texts = _texts(page)
    assert texts[0] == "Talk Opening words."
    assert texts[3] == "A slide without a heading."
    assert texts[4] == "More on its own slide."
    assert texts[5] == "Deep heading Under the deep heading."
    assert "Boxed Inside. Still inside." in texts[7]
    # the step directive after a separator sets the step it opens
    assert (found[4].numbers["data-x"], found[4].numbers["data-y"]) == (5000, 300)
    # no rule is left between the slides; those inside directive content stay
    rules = {s.id: len(s.element.find_all("hr")) for s in found}
    inner = 1 if name.endswith(".md") else 0  # reST has no transition inside directives
    assert rules == {"talk": 0, "part": 0, "subpart": 0, "step-4": 0, "step-5": 0,
                     "deep-heading": 0, "second": inner, "step-8": inner}
    notes = found[6].element.select_one(".notes")
    assert notes is not None
    assert "Notes before." in notes.get_text()
    assert page.title.get_text() == "Separated"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "index.md",
            "---\nimpress_deck: true\n---\n\n---\n\n---\n\n# Only\n\nText.\n\n---\n\n---\n",
        ),
        ("index.rst", ":impress_deck: true\n\n----\n\nOnly\n====\n\nText.\n\n----\n\n----\n"),
    ],
)
def test_separators_at_the_edges_of_a_deck_give_no_message(make_app, tmp_path, name, text):
    app = build_files(make_app, tmp_path / "src", {name: text}, CONF, builder="html")
    assert warning_lines(app) == []
    page = soup(app.outdir / "index.html")
    assert page.select("hr") == []


def test_a_setext_underline_is_a_heading_with_a_warning(make_app, tmp_path):
    deck = "# Talk\n\nIntro.\nSeparated?\n---\n\nText.\n"
    app = build_files(make_app, tmp_path / "src", {"index.md": deck}, CONF)
    found = located_warnings(app, "index.md")
    assert [(line, kind) for line, kind, _ in found] == [(5, "impress.separator")]
    assert "setext" in found[0][2]
    assert [s.id for s in steps(soup(app.outdir / "index.html"))] == ["talk", "intro-separated"]


def test_the_docs_page_of_a_deck_marks_each_boundary(make_app, tmp_path):
    deck = "---\nimpress_deck: true\n---\n# Talk\n\nFirst.\n\n---\n\nSecond.\n\n---\n\n## Next\n"
    app = build_files(make_app, tmp_path / "src", {"index.md": deck}, CONF, builder="html")
    assert warning_lines(app) == []
    page = soup(app.outdir / "index.html")
    rules = page.select("hr")
    assert [rule.get("class") for rule in rules] == [["impress-slide-break"]]
    anchor = rules[0].find_next_sibling()
    assert anchor.name == "span"
    assert anchor["id"] == "step-2"
    assert anchor.find_next_sibling("p").get_text() == "Second."
    # the presentation written beside the page has the same steps
    presentation = soup(app.outdir / "_impress" / "index.html")
    assert [s.id for s in steps(presentation)] == ["talk", "step-2", "next"]


def test_pages_that_are_not_decks_keep_docutils_rules(make_app, tmp_path):
    page_text = "# Page\n\nFirst.\n\n---\n\nSecond.\n\n---\n\n---\n\nThird.\n"
    app = build_files(make_app, tmp_path / "src", {"index.md": page_text}, CONF, builder="html")
    assert [kind for _, kind, _ in located_warnings(app, "index.md")] == ["docutils"]
    page = soup(app.outdir / "index.html")
    assert len(page.select("hr.docutils")) == 3
    assert page.select("hr.impress-slide-break") == []


def test_a_builder_that_reads_with_other_rules_reads_again(make_app, tmp_path):
    """A document that is no deck by itself is read with the deck's rules by ``-b
    impress`` only; builds that share a doctree folder read it again."""
    srcdir = tmp_path / "src"
    files = {"index.md": "# Page\n\nFirst.\n\n---\n\nSecond.\n"}
    html = build_files(make_app, srcdir, files, CONF, builder="html")
    assert len(soup(html.outdir / "index.html").select("hr.docutils")) == 1
    impress = make_app("impress", srcdir=srcdir)
    impress.build()
    impress.cleanup()
    # read again with the deck's rules: the separator starts a slide
    assert [s.id for s in steps(soup(impress.outdir / "index.html"))] == ["page", "step-2"]
