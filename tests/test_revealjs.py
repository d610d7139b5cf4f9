"""sphinx-revealjs decks built with -b impress (sphinx_impress.importers.revealjs):
breaks are slide boundaries, notes are speaker notes, fragments are substeps, slide
options are carried over or warned about, with sphinx_revealjs listed and without."""

from __future__ import annotations

import importlib.util
import re
import shutil

import pytest
from conftest import SHARED
from helpers import build_files, located_warnings, soup, steps, warning_lines

HAS_REVEALJS = importlib.util.find_spec("sphinx_revealjs") is not None

DECK = """\
=====
Talk
=====

Opening.

Part
====

.. revealjs-section::
   :data-background-color: #112233
   :data-transition: zoom

First half.

.. revealjs-break::
   :data-autoslide: 2500

Second half, under the same title.

.. revealjs-notes::

   Say this, never show it.

.. revealjs-break::
   :notitle:
   :data-visibility: hidden

A slide without the title.

Pieces
======

.. revealjs-fragments::

   * one
   * two

   A paragraph after the list.

.. revealjs-code-block:: python
   :data-line-numbers: 2|1

   a = 1
   b = 2

.. revealjs-vertical::
   :data-background-color: red

.. revealjs-break::

.. revealjs-slide::
   :theme: black
"""

MYST = """\
# Talk

Opening.

## Part

```{revealjs-section}
:data-background-color: "#112233"
:data-transition: zoom
```

First half.

```{revealjs-break}
:data-autoslide: 2500
```

Second half, under the same title.

```{revealjs-notes}
Say this, never show it.
```

```{revealjs-break}
:notitle:
:data-visibility: hidden
```

A slide without the title.

## Pieces

````{revealjs-fragments}
* one
* two

A paragraph after the list.
````

```{revealjs-code-block} python
:data-line-numbers: 2|1

a = 1
b = 2
```

```{revealjs-vertical}
:data-background-color: red
```

```{revealjs-break}
```

```{revealjs-slide}
:theme: black
```
"""


def _conf(listed: bool) -> str:
    extensions = ["myst_parser", *(["sphinx_revealjs"] if listed else []), "sphinx_impress"]
    return f"extensions = {extensions!r}\nsuppress_warnings = ['myst.header']\n"


MODES = [
    pytest.param(False, id="without sphinx_revealjs"),
    pytest.param(
        True,
        id="with sphinx_revealjs listed",
        marks=pytest.mark.skipif(not HAS_REVEALJS, reason="sphinx-revealjs is not installed"),
    ),
]


def _text(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.mark.parametrize("listed", MODES)
@pytest.mark.parametrize(("name", "text"), [("index.rst", DECK), ("index.md", MYST)])
def test_revealjs_markup_in_a_presentation(make_app, tmp_path, listed, name, text):
    app = build_files(make_app, tmp_path / "src", {name: text}, _conf(listed))
    page = soup(app.outdir / "index.html")
    found = steps(page)
    assert [s.id for s in found] == ["talk", "part", "step-3", "step-4", "pieces"]
    texts = [_text(s.element) for s in found]
    # a break starts a step with the section's title, or without it (:notitle:)
    assert texts[2].startswith("Part Second half, under the same title.")
    assert found[2].element.find("h1").get_text() == "Part"
    assert texts[3] == "A slide without the title."
    # notes are for the presenter console only
    notes = found[2].element.select_one(".notes")
    assert _text(notes) == "Say this, never show it."
    assert all("Say this" not in _text(s.element).replace(_text(notes), "") for s in found)
    # options with a counterpart
    # the background goes into the page's generated style sheet, under the step's id
    rules = (app.outdir / "index.impress.css").read_text(encoding="utf-8")
    assert "#impress #part {\n    background: #112233 !important;\n}" in rules
    assert not found[1].element.get("style")
    assert found[2].attributes["data-autoplay"] == "2.5"
    assert "skip" in found[3].classes
    # fragments are substeps: the list's items one by one, the paragraph as a whole
    pieces = found[4].element
    assert [_text(item) for item in pieces.select("li.substep")] == ["one", "two"]
    assert [_text(part) for part in pieces.select("div.substep")] == [
        "A paragraph after the list."
    ]
    assert page.select(".fragment") == []
    # step-by-step line highlights: numbered lines, the first set highlighted
    code = pieces.select_one(".highlight")
    assert code.select(".linenos")
    assert _text(code.select_one(".hll")).endswith("b = 2")
    assert "a = 1" not in _text(code.select_one(".hll"))
    # an empty break at the end of a section starts nothing
    assert len(found) == 5
    located = located_warnings(app, name)
    kinds = sorted({kind for _, kind, _ in located})
    assert kinds == ["impress.revealjs"]
    messages = " ".join(message for _, _, message in located)
    for words in (
        "data-transition",
        "revealjs-vertical sets reveal.js options (data-background-color)",
        "revealjs-slide sets reveal.js options (theme)",
        "step by step",
    ):
        assert words in messages
    assert len(located) == len(warning_lines(app))


@pytest.mark.parametrize("listed", MODES)
def test_pages_that_are_not_decks_drop_the_markers(make_app, tmp_path, listed):
    app = build_files(make_app, tmp_path / "src", {"index.rst": DECK}, _conf(listed), "html")
    assert warning_lines(app) == []
    page = soup(app.outdir / "index.html")
    body = page.select_one("div.body") or page
    assert "Second half" in _text(body)
    assert len(body.find_all("h1")) == 1  # the title, not repeated
    notes = body.select_one(".impress-notes")
    assert notes is not None
    assert "Say this" in _text(notes)


DEMO = SHARED / "corpus" / "sphinx-revealjs-demo" / "demo"

#: The demo's conf.py reduced to the extensions that install and work offline here.
#: Left out: atsphinx.mini18n, oembedpy.adapters.sphinx (fetches oEmbed data from the
#: network), rst_package_refs.sphinx, sphinxcontrib.budoux, sphinxcontrib.gtagjs,
#: sphinxext.opengraph and sphinx_revealjs.ext.footnotes, .oembed, .sass (a Sass
#: compiler), .screenshot (a browser).
DEMO_CONF = """\
project = "sphinx-revealjs"
author = "Kazuya Takei"
extensions = {extensions!r}
source_suffix = ".rst"
master_doc = "index"
language = "en"
locale_dirs = ["_locales"]
exclude_patterns = [".venv", "_build", "Thumbs.db", ".DS_Store", "_sections"]
revealjs_notes_from_comments = True
todo_include_todos = True
"""

#: The errors the demo gives because of what the reduced conf.py leaves out: the
#: ``pypi`` role of rst_package_refs and the ``oembed`` directive of oembedpy.
DROPPED = ('Unknown interpreted text role "pypi"', 'Unknown directive type "oembed"')


@pytest.mark.skipif(not DEMO.is_dir(), reason=f"{DEMO} is absent (../shared is not there)")
@pytest.mark.parametrize("listed", MODES)
def test_the_sphinx_revealjs_demo_builds_as_a_presentation(make_app, tmp_path, listed):
    srcdir = tmp_path / "demo"
    shutil.copytree(DEMO, srcdir)
    extensions = ["sphinx.ext.mathjax", "sphinx.ext.todo"]
    extensions += ["sphinx_revealjs"] if listed else []
    (srcdir / "conf.py").write_text(DEMO_CONF.format(extensions=[*extensions, "sphinx_impress"]))
    app = make_app("impress", srcdir=srcdir)
    app.build()
    app.cleanup()
    log = app.status.getvalue() + app.warning.getvalue()
    assert "Traceback" not in log
    errors = [line for line in warning_lines(app) if "ERROR" in line]
    assert all(any(dropped in line for dropped in DROPPED) for line in errors), errors
    page = soup(app.outdir / "index.html")
    found = steps(page)
    assert len(found) > 40
    notes = page.select("#impress .notes")
    assert notes, "the demo's notes (and its comments) are speaker notes"
    noted = [_text(block) for block in notes]
    for step in found:
        shown = _text(step.element)
        for block in step.element.select(".notes"):
            shown = shown.replace(_text(block), "")
        assert not any(text in shown for text in noted), step.id
    assert "In this section, showing message from notes." in noted
    assert page.select(".fragment") == []
    assert len(page.select("#impress .substep")) >= 6
    # the breaks of "Fragments" are steps of their own, titled like the section
    titled = [
        s for s in found if s.element.find("h1") and _text(s.element.find("h1")) == "Fragments"
    ]
    assert len(titled) >= 4
    # no directive is shown as text, outside the demo's code examples
    for step in found:
        for code in step.element.select("pre"):
            code.decompose()
        assert not re.search(r"\.\. revealjs-|:notitle:", _text(step.element)), step.id


CUSTOM_EFFECT = """====
Talk
====

Effects
=======

.. revealjs-fragments::
   :custom-effect: blur

   * one
   * two

   A paragraph.
"""


@pytest.mark.parametrize("listed", MODES)
def test_a_custom_fragment_effect_is_left_out_as_the_warning_says(make_app, tmp_path, listed):
    app = build_files(make_app, tmp_path / "src", {"index.rst": CUSTOM_EFFECT}, _conf(listed))
    page = soup(app.outdir / "index.html")
    effects = steps(page)[1].element
    assert [_text(item) for item in effects.select(".substep")] == ["one", "two", "A paragraph."]
    # no class of reveal.js's effect on anything: the substeps appear as the theme shows them
    for name in ("blur", "custom", "fragment"):
        assert page.select(f".{name}") == [], name
    located = located_warnings(app, "index.rst")
    assert [(kind, "custom-effect" in text and "left out" in text) for _, kind, text in located] == [
        ("impress.revealjs", True)
    ]
    assert len(located) == len(warning_lines(app))
