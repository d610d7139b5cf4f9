"""``sphinx-impress convert`` keeps the presentation: a deck built as it is and the
same deck converted to MyST and built give the same steps — ids, classes, positions,
speaker notes, headings (level and text), inline code and the rest of the text. Small
decks, one per kind of problem, in each format that can have it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import STEP_AXES, soup, steps, warning_lines

from sphinx_impress.cli import main

#: How each format's deck is built as it is: its file type in ``source_suffix``.
FILE_TYPES = {
    "hovercraft": ("hovercraft", ".hovercraft"),
    "mdpress": ("mdpress", ".mdpress"),
    "markpress": ("markpress", ".markpress"),
    "revealjs": ("restructuredtext", ".rst"),
}


def _text(element) -> str:
    return " ".join(element.get_text(" ").replace("¶", " ").split())


def presentation(path: Path) -> list[dict[str, object]]:
    """Each step of a built page: what the audience and the speaker get from it."""
    found = []
    for step in steps(soup(path)):
        element = step.element.__copy__()
        notes = [_text(n) for n in element.select(".notes")]
        for hidden in element.select(".notes, .headerlink"):
            hidden.extract()
        found.append({
            "id": step.id,
            "classes": step.classes,
            "position": tuple(step.numbers[axis] for axis in STEP_AXES),
            "notes": notes,
            "headings": [(h.name, _text(h)) for h in element.find_all(re.compile("^h[1-6]$"))],
            "code": [_text(c) for c in element.find_all("code")],
            "images": [img.get("src") for img in element.find_all("img")],
            # a link to the page itself by its anchor alone (the pages' names differ)
            "links": [(_text(a), a["href"].removeprefix(path.name))
                      for a in element.find_all("a", href=True)],
            "text": _text(element),
        })
    return found


def built_both(make_app, tmp_path, capsys, fmt: str, files: dict[str, str],
               conf: str = "", converted_conf: str | None = None) -> tuple[list, list, str, object]:
    """Write ``files`` (the deck is ``deck``, plus what it uses), convert the deck, and
    build it as it is and converted, each in a project of its own (a label the deck
    defines is defined once in each); return both presentations, the MyST text and
    the app that built the converted deck. ``converted_conf``: the settings of the
    converted deck's project where they differ (as the converter says)."""
    file_type, suffix = FILE_TYPES[fmt]
    srcdir = tmp_path / "deck"
    for name, binary in files.items():
        target = srcdir / (f"deck{suffix}" if name == "deck" else name)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(binary, encoding="utf-8")
    assert main(["convert", "--from", fmt, str(srcdir / f"deck{suffix}"),
                 "-o", str(srcdir / "converted.md")]) == 0
    capsys.readouterr()
    text = (srcdir / "converted.md").read_text(encoding="utf-8")
    converted_dir = tmp_path / "converted"
    shutil.copytree(srcdir, converted_dir)
    (srcdir / "converted.md").unlink()
    (converted_dir / f"deck{suffix}").unlink()
    built = []
    settings = {"deck": conf, "converted": conf if converted_conf is None else converted_conf}
    for folder, root in ((srcdir, "deck"), (converted_dir, "converted")):
        (folder / "conf.py").write_text(
            'extensions = ["myst_parser", "sphinx_impress"]\n'
            f'source_suffix = {{{suffix!r}: {file_type!r}, ".md": "markdown"}}\n'
            f'root_doc = {root!r}\n'
            f'include_patterns = [{root + "*"!r}]\n' + settings[root]
        )
        app = make_app("impress", srcdir=folder)
        app.build()
        app.cleanup()
        built.append((presentation(app.outdir / f"{root}.html"), app))
    return built[0][0], built[1][0], text, built[1][1]


def assert_same(original: list, converted: list, text: str) -> None:
    assert original, "the deck has steps"
    assert len(converted) == len(original), text
    for before, after in zip(original, converted, strict=True):
        assert after == before, text


# C1: a title holding inline code

BACKTICK_TITLES = {
    "hovercraft": """:title: Deck

----

Using ``print``
===============

Sub with ``code``
-----------------

Text.

----

Second
======

More.
""",
    "mdpress": """# Use `print`

## Sub `code` here

Text

---

# Second

## A ``x ` y`` z

More
""",
    "markpress": """# Use `print`

## Sub `code` here

Text

------

# Second

## A ``x ` y`` z

More
""",
    "revealjs": """==============
Deck ``print``
==============

Part ``one``
============

Text one.

Sub ``code``
------------

Text two.

.. revealjs-break::

After break.

Plain *emphasis*
----------------

Last.
""",
}


@pytest.mark.parametrize("fmt", sorted(BACKTICK_TITLES))
def test_titles_with_inline_code_keep_their_slides(make_app, tmp_path, capsys, fmt):
    original, converted, text, _ = built_both(
        make_app, tmp_path, capsys, fmt, {"deck": BACKTICK_TITLES[fmt]}
    )
    assert_same(original, converted, text)
    # the titles' inline code is code on the slides
    assert {"print", "code"} <= {code for step in converted for code in step["code"]}


def test_revealjs_deck_with_includes_notes_breaks_and_settings(make_app, tmp_path, capsys,
                                                                 rootdir):
    folder = rootdir / "test-revealjs-convert"
    files = {"deck": (folder / "index.rst").read_text(encoding="utf-8"),
             "parts/part.rst": (folder / "parts" / "part.rst").read_text(encoding="utf-8")}
    original, converted, text, _ = built_both(make_app, tmp_path, capsys, "revealjs", files)
    assert_same(original, converted, text)
    assert [step["notes"] for step in converted][1] == ["Say this, never show it."]


# C2, C4, C5, C6: includes one after another, substitutions, labels and references to
# titles, notes written as comments (revealjs_notes_from_comments)

REVEALJS_DECK = """====
Deck
====

See :ref:`the second part <second>`, `One`_, Two_ and |name|.

.. |name| replace:: the replaced text

One
===

.. This comment is a note when notes come from comments.

Text *one* with |name|.

.. revealjs-section::
   :data-background-color: #123456
   :data-autoslide: 3000
   :data-transition: zoom

.. revealjs-notes::

   Said on one.

.. include:: parts/a.rst
.. include:: parts/b.rst

.. _second:

Two
===

Back to :ref:`second` and to `Deck`_.

.. include:: parts/sample.txt
   :literal:

..
   A comment on lines of its own,
   with *markup* and `a link <https://example.org>`_.

.. revealjs-break::
   :data-visibility: hidden

Hidden slide.
"""

PARTS = {
    "parts/a.rst": "Part A\n------\n\nText of A.\n\n.. a comment that ends the file",
    "parts/b.rst": "Part B\n------\n\nText of B.\n",
    # included as literal text: not read as the deck's reST
    "parts/sample.txt": "a *literal* line\n",
}


@pytest.mark.parametrize("from_comments", [False, True])
def test_revealjs_deck_keeps_includes_labels_references_and_notes(
    make_app, tmp_path, capsys, from_comments
):
    files = {"deck": REVEALJS_DECK, **PARTS}
    conf = f"revealjs_notes_from_comments = {from_comments}\n"
    # the converter reads the setting from the deck's conf.py
    files["conf.py"] = conf
    # the converted deck says its comments that were notes as notes: the setting goes
    original, converted, text, app = built_both(make_app, tmp_path, capsys, "revealjs",
                                                files, conf, converted_conf="")
    assert_same(original, converted, text)
    assert "ERROR" not in app.warning.getvalue(), app.warning.getvalue()
    assert [step["id"] for step in converted] == [
        "deck", "one", "part-a", "part-b", "two", "step-6"
    ]
    # the included files' titles are slides of their own, not text of the one before
    assert [step["headings"][0] for step in converted[2:4]] == [("h1", "Part A"),
                                                                 ("h1", "Part B")]
    assert "Part B" not in converted[2]["text"]
    assert "a*literal*line" in converted[4]["text"].replace(" ", "")
    # a substitution defined on one slide and used on another
    assert "the replaced text" in converted[0]["text"]
    assert "the replaced text" in converted[1]["text"]
    assert converted[5]["classes"] == ["step", "skip"]
    # notes from comments, as plain text (their markup is not read)
    said = "This comment is a note when notes come from comments. " * from_comments
    assert converted[1]["notes"] == [said + "Said on one."]
    if from_comments:
        assert converted[4]["notes"] == [
            "A comment on lines of its own, with *markup* and `a link "
            "<https://example.org>`_."
        ]
        # the MyST deck says it without the setting
        assert ".. notes::" in text and ".. This comment" not in text


def test_revealjs_links_to_labels_and_titles(make_app, tmp_path, capsys):
    from test_convert_same import built_both as build

    files = {"deck": REVEALJS_DECK, **PARTS}
    _, _, _, app = build(make_app, tmp_path, capsys, "revealjs", files)
    page = soup(app.outdir / "converted.html")
    links = {a.get_text(" ", strip=True): a["href"] for a in page.select("#impress a[href]")}
    ids = {element["id"] for element in page.select("#impress [id]")}
    for text in ("the second part", "One", "Two", "Deck"):
        assert links[text].lstrip("#") in ids, (text, links)


# C3: a field or attribute given twice

REPEATED = {
    "hovercraft": """:title: Deck

----

:data-x: 100
:data-x: 300
:id: first
:class: big

One
===

Text one.

----

:data-y: 500
:data-scale: 2
:id: second
:id: again

Two
===

Text two.

----

:data-rotate: 30
:data-rotate-z: 45
:class: one
:class: two

Three
=====

Text three.
""",
    "mdpress": """= data-x="100" data-x="200" data-y='5' class="a" class="b" id="one" id="two"
# One

Text one.

---
= data-scale="2" data-rotate="10" data-rotate="20"
# Two

Text two.
""",
    "markpress": """<!--slide-attr x=100 x=200 y=5 -->
# One

Text one.

------
<!--slide-attr scale=2 rotate=10 rotate-z=20 -->
# Two

Text two.
""",
}


@pytest.mark.parametrize("fmt", sorted(REPEATED))
def test_fields_given_twice_are_read_once_and_never_shown(make_app, tmp_path, capsys, fmt):
    original, converted, text, _ = built_both(
        make_app, tmp_path, capsys, fmt, {"deck": REPEATED[fmt]}
    )
    assert_same(original, converted, text)
    for step in converted:
        assert not re.search(r"(?:^|\s):?(?:data-[\w-]+|id|class|x|y|scale|rotate)[:=]",
                             step["text"]), step["text"]
    for block in re.findall(r"`{3,}\{step\}\n((?::[^\n]*\n)*)", text):
        names = [line.split(":")[1] for line in block.splitlines()]
        assert len(names) == len(set(names)), names


# C4: substitutions (and the other definitions) the slides use

DEFINITIONS = {
    "revealjs": """.. |name| replace:: the replaced text
.. role:: red
.. default-role:: literal

.. _top:

=====
Title
=====

Uses |name|, :red:`red` and `literal`.

One
===

Again |name|, back to top_.

.. |late| replace:: defined on a slide

Two
===

Then |late|.
""",
    "hovercraft": """:title: Deck

.. |name| replace:: the replaced text
.. role:: red

----

One |name|
==========

Uses |name| and :red:`red`.

.. |late| replace:: defined on a slide

----

Two
===

Then |late|.

.. note:: Say |name|.
""",
}


@pytest.mark.parametrize("fmt", sorted(DEFINITIONS))
def test_substitutions_and_definitions_are_kept(make_app, tmp_path, capsys, fmt):
    original, converted, text, app = built_both(
        make_app, tmp_path, capsys, fmt, {"deck": DEFINITIONS[fmt]}
    )
    assert_same(original, converted, text)
    assert "ERROR" not in app.warning.getvalue(), app.warning.getvalue()
    shown = " ".join(step["text"] + " ".join(step["notes"]) for step in converted)
    assert "|" not in shown and "the replaced text" in shown
    assert "defined on a slide" in converted[-1]["text"]


# C5: labels and references to titles

LINKED = {
    "hovercraft": """:title: Deck

.. _first:

----

:id: one

One
===

See :ref:`third`, Two_, `Three`_, `Sub part`_ and first_.

----

Two
===

Sub part
--------

Text.

----

.. _third:

Three
=====

Back to :ref:`the start <first>` and `Two`_.
""",
    "revealjs": """====
Deck
====

See :ref:`third`, Two_, `Three`_, `Sub part`_ and top_.

.. _top:

One
===

Text.

Two
===

Sub part
--------

Text.

Deeper
^^^^^^

More.

.. _third:

Three
=====

Back to :ref:`the start <top>` and `Deeper`_.
""",
}


@pytest.mark.parametrize("fmt", sorted(LINKED))
def test_labels_and_title_references_link_to_the_same_steps(make_app, tmp_path, capsys, fmt):
    original, converted, text, app = built_both(
        make_app, tmp_path, capsys, fmt, {"deck": LINKED[fmt]}
    )
    assert_same(original, converted, text)
    assert "ERROR" not in app.warning.getvalue(), app.warning.getvalue()
    page = soup(app.outdir / "converted.html")
    ids = {element["id"] for element in page.select("#impress [id]")}
    links = [link for step in converted for link in step["links"]]
    assert len(links) >= 6
    for shown, href in links:
        assert href.startswith("#") and href[1:] in ids, (shown, href)


# C9: the MyST file written to another folder

ELSEWHERE = {
    "hovercraft": ("deck.hovercraft", "hovercraft", """:title: Deck
:css: css/deck.css

----

One
===

.. image:: img/pic.png

.. literalinclude:: code/sample.py

See :download:`the code <code/sample.py>`.
"""),
    "mdpress": ("deck.mdpress", "mdpress", """# One

![A picture](img/pic.png)

[The code](code/sample.py)
"""),
    "impressjs": ("deck.html", None, """<html><head><link rel="stylesheet" href="css/deck.css">
</head><body><div id="impress">
<div id="one" class="step"><h1>One</h1>
<img src="img/pic.png" alt="plain">
<p><img src="img/pic.png" class="framed"></p>
<p>Styled <img src="img/pic.png" srcset="img/pic.png 1x, img/pic.png 2x" style="width: 10px"></p>
</div></div></body></html>
"""),
    "revealjs": ("deck.rst", "restructuredtext", """====
Deck
====

One
===

.. figure:: img/pic.png

   A caption.

.. literalinclude:: code/sample.py
"""),
}


@pytest.mark.parametrize("fmt", sorted(ELSEWHERE))
def test_converted_into_another_folder_still_finds_its_files(make_app, tmp_path, capsys, fmt):
    name, file_type, deck = ELSEWHERE[fmt]
    srcdir = tmp_path / "project"
    old = srcdir / "talks" / "old"
    for path, data in {
        name: deck.encode(), "img/pic.png": b"\x89PNG\r\n\x1a\n",
        "code/sample.py": b"print('hello')\n", "css/deck.css": b".step { color: red }\n",
    }.items():
        (old / path).parent.mkdir(parents=True, exist_ok=True)
        (old / path).write_bytes(data)
    converted = srcdir / "new" / "converted.md"
    converted.parent.mkdir()
    assert main(["convert", "--from", fmt, str(old / name), "-o", str(converted)]) == 0
    capsys.readouterr()
    suffixes = {".md": "markdown"}
    if file_type:
        suffixes[Path(name).suffix] = file_type
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\n'
        f"source_suffix = {suffixes!r}\n"
        'root_doc = "new/converted"\n'
        'include_patterns = ["new/converted.md", "talks/old/deck.*"]\n'
        'suppress_warnings = ["toc.not_included"]\n'
    )
    app = make_app("impress", srcdir=srcdir)
    app.build()
    app.cleanup()
    warnings = app.warning.getvalue()
    assert "not readable" not in warnings and "not found" not in warnings, warnings
    assert "ERROR" not in warnings, warnings
    page = app.outdir / "new" / "converted.html"
    parsed = soup(page)
    loaded = [img["src"] for img in parsed.select("#impress img")]
    loaded += [link["href"] for link in parsed.select("#impress a[href]")
               if "sample" in link["href"]]
    loaded += [link["href"].split("?")[0] for link in parsed.find_all("link", rel="stylesheet")
               if "deck.css" in link["href"]]
    assert loaded, str(parsed)
    for address in loaded:
        assert (page.parent / address).resolve().is_file(), address
    if file_type:
        # as the deck built as it is shows them
        original = presentation(app.outdir / "talks" / "old" / "deck.html")
        assert [len(step["images"]) for step in original] == [
            len(step["images"]) for step in presentation(page)
        ]


EMPTY_BREAKS = """=====
Title
=====

One
===

Text.

.. revealjs-break::

Two
===

.. revealjs-break::

.. revealjs-notes::

   Only notes after this break.

Three
=====

Text three.

.. revealjs-break::
   :data-autoslide: 1000

..
   just a comment

.. _a-target:
"""


@pytest.mark.parametrize("from_comments", [False, True])
def test_revealjs_breaks_before_nothing_start_no_slide(make_app, tmp_path, capsys,
                                                       from_comments):
    conf = f"revealjs_notes_from_comments = {from_comments}\n"
    original, converted, text, _ = built_both(
        make_app, tmp_path, capsys, "revealjs", {"deck": EMPTY_BREAKS, "conf.py": conf},
        conf, converted_conf="",
    )
    assert_same(original, converted, text)
    assert [step["id"] for step in converted] == ["title", "one", "two", "step-4", "three"]
    assert converted[-1]["notes"] == (["just a comment"] if from_comments else [])


MARKDOWN_OPENINGS = {
    "markpress": """<!-- a comment before the title -->
# Title after a comment

Text.

-------------------
a line of text right above a separator
-------------------

# Last

<!-- a comment -->
## Sub after a comment
""",
    "mdpress": """<!-- a comment before the title -->
# Title after a comment

Text.

---

# Last

<!-- a comment -->
## Sub after a comment
""",
}


@pytest.mark.parametrize("fmt", sorted(MARKDOWN_OPENINGS))
def test_markdown_titles_after_comments_and_lines_over_separators(
    make_app, tmp_path, capsys, fmt
):
    original, converted, text, _ = built_both(
        make_app, tmp_path, capsys, fmt, {"deck": MARKDOWN_OPENINGS[fmt]}
    )
    assert_same(original, converted, text)
    assert converted[0]["headings"] == [("h1", "Title after a comment")]
    if fmt == "markpress":
        # markpress cuts at separators before it reads Markdown: no setext heading
        assert converted[1]["headings"] == []
        assert converted[1]["text"] == "a line of text right above a separator"


ANCHOR_LINKS = {
    "mdpress": """# Start

See [the second part](#second-part) and [the deeper one](#deeper-heading).

---

# Second part

## Deeper heading

Text.

```md
A [link in code](#second-part) stays as written.
```
""",
    "markpress": """# Start

See [the second part](#second-part) and [the deeper one](#deeper-heading).

------

# Second part

## Deeper heading

Text.
""",
}


@pytest.mark.parametrize("fmt", sorted(ANCHOR_LINKS))
def test_markdown_links_to_headings_lead_to_their_steps(make_app, tmp_path, capsys, fmt):
    original, converted, text, app = built_both(
        make_app, tmp_path, capsys, fmt, {"deck": ANCHOR_LINKS[fmt]}
    )
    assert_same(original, converted, text)
    ids = {element["id"] for element in soup(app.outdir / "converted.html").select(
        "#impress [id]")}
    links = converted[0]["links"]
    assert [shown for shown, _ in links] == ["the second part", "the deeper one"]
    for _, href in links:
        assert href.startswith("#") and href[1:] in ids, href
    if fmt == "mdpress":
        assert "A [link in code](#second-part) stays as written." in text


# what the old tools showed as written: quotes and dashes, emoji, struck text

AS_WRITTEN = {
    "hovercraft": """:title: Deck

----

Quotes
======

It's "quoted" -- and more...

``"code"``
""",
    "mdpress": """# Quotes

It's "quoted" -- and more... ~~old~~ **~~bold old~~** and ~ single ~

`~~code~~` and <span title="~~x~~">html</span>

```
~~fenced~~
```
""",
    "markpress": """# Quotes :smile:

It's "quoted" -- and more... ~~old~~ :+1: a:smile: :nosuchemoji: [:smile:](#x/:smile:)

`~~code~~ :smile:` and <span title=":smile:">html</span>

```
~~fenced~~ :smile:
```
""",
}


@pytest.mark.parametrize("fmt", sorted(AS_WRITTEN))
def test_text_as_written_stays_so_converted(make_app, tmp_path, capsys, fmt):
    original, converted, text, app = built_both(
        make_app, tmp_path, capsys, fmt, {"deck": AS_WRITTEN[fmt]}
    )
    assert_same(original, converted, text)
    assert "impress_smartquotes: false" in text
    assert "It's \"quoted\" -- and more..." in converted[0]["text"]
    page = soup(app.outdir / "converted.html")
    if fmt != "hovercraft":
        assert [s.get_text() for s in page.select("#impress s")] == ["old", "bold old"][
            : 2 if fmt == "mdpress" else 1
        ]
        assert "~~code~~" in converted[0]["code"][0]
        assert "~~fenced~~" in page.select("#impress pre")[-1].get_text()
        assert page.select_one("#impress span[title]")["title"].startswith(("~~x", ":smile"))
        assert "~ single ~" in converted[0]["text"] or fmt == "markpress"
    if fmt == "markpress":
        assert converted[0]["headings"] == [("h1", "Quotes \N{SMILING FACE WITH OPEN MOUTH AND SMILING EYES}")]
        assert "\N{THUMBS UP SIGN}" in converted[0]["text"]
        assert "a:smile: :nosuchemoji:" in converted[0]["text"]
        assert converted[0]["links"] == [("\N{SMILING FACE WITH OPEN MOUTH AND SMILING EYES}",
                                          "#x/:smile:")]
        assert ":smile:" in converted[0]["code"][0]
        assert "~~fenced~~ :smile:" in page.select("#impress pre")[-1].get_text()
    assert "myst.strikethrough" not in app.warning.getvalue()


FRAGMENTS = """====
Deck
====

Stack
=====

.. container:: r-stack

   .. revealjs-fragments::

      .. image:: a.png

      .. image:: b.png

      Para one
      continues.

      * a
      * b

      * c

      ..
         a comment

      #. x

.. revealjs-fragments::

   .. a comment first

   * only list

End.
"""


def test_revealjs_fragments_reveal_each_element_on_its_own(make_app, tmp_path, capsys):
    original, converted, text, app = built_both(
        make_app, tmp_path, capsys, "revealjs",
        {"deck": FRAGMENTS, "a.png": "", "b.png": ""},
    )
    assert_same(original, converted, text)
    step = soup(app.outdir / "converted.html").select("#impress .step")[1]
    revealed = [
        (element.name, " ".join(element.get_text(" ").split()))
        for element in step.select(".substep")
    ]
    assert revealed == [
        ("div", ""), ("div", ""), ("div", "Para one continues."),
        ("li", "a"), ("li", "b"), ("li", "c"), ("li", "x"), ("li", "only list"),
    ]
    assert [len(div.select("img")) for div in step.select("div.substep")[:2]] == [1, 1]


HOVERCRAFT_STYLED = """:title: Deck
:css: talk.css

----

Styled
======

* ``code`` in a list
* plain item

.. code:: python

   def f():
       return 1
"""


def test_hovercraft_deck_with_style_sheets_keeps_hovercraft_markup(make_app, tmp_path, capsys):
    original, converted, text, app = built_both(
        make_app, tmp_path, capsys, "hovercraft",
        {"deck": HOVERCRAFT_STYLED, "talk.css": "tt { color: red }\n"},
    )
    assert "impress_markup: hovercraft" in text
    assert_same(original, converted, text)
    step = soup(app.outdir / "converted.html").select("#impress .step")[0]
    assert [tt.get_text() for tt in step.select("li > tt")] == ["code"]
    assert step.select("li > p") == []
    assert step.select_one("pre.highlight.code.python") is not None


OTHER_PROJECT = {
    "hovercraft": ("deck.hovercraft", """:title: Deck
:css: css/deck.css

----

One
===

.. image:: img/pic.png

.. raw:: html

   <img src="img/raw.png" alt="raw">
"""),
    "markpress": ("deck.markpress", """# One

![A picture](img/pic.png)

<img src="img/raw.png" alt="raw">
"""),
}


@pytest.mark.parametrize("fmt", sorted(OTHER_PROJECT))
def test_converted_into_another_project_copies_the_files_it_uses(make_app, tmp_path, capsys,
                                                                 fmt):
    name, deck = OTHER_PROJECT[fmt]
    talks = tmp_path / "talks"
    png = b"\x89PNG\r\n\x1a\n"
    for path, data in {
        name: deck.encode(), "img/pic.png": png, "img/raw.png": png + b"raw",
        "css/deck.css": b".step { background: url(../img/bg.png) }\n", "img/bg.png": png + b"bg",
        "img/unused.png": png,
    }.items():
        (talks / path).parent.mkdir(parents=True, exist_ok=True)
        (talks / path).write_bytes(data)
    other = tmp_path / "other"
    (other / "img").mkdir(parents=True)
    (other / "img" / "pic.png").write_bytes(b"someone else's picture")
    assert main(["convert", "--from", fmt, str(talks / name), "-o", str(other / "deck.md")]) == 0
    out, err = capsys.readouterr()
    # the files keep their names: copied beside the MyST file (never over another file)
    copied = ["img/raw.png"] + (["css/deck.css", "img/bg.png"] if fmt == "hovercraft" else [])
    files = "file" if len(copied) == 1 else "files"
    assert f"; copied {len(copied)} {files} it uses into {other}: " in out
    assert sorted(out.strip().rsplit(": ", 1)[1].split(", ")) == sorted(copied)
    for path in copied:
        assert (other / path).read_bytes() == (talks / path).read_bytes(), path
    assert not (other / "img" / "unused.png").exists()
    assert (other / "img" / "pic.png").read_bytes() == b"someone else's picture"
    assert f"{other / 'img' / 'pic.png'} is there already and differs" in err
    text = (other / "deck.md").read_text(encoding="utf-8")
    assert "../" not in text
    (other / "img" / "pic.png").write_bytes(png)
    (other / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\nroot_doc = "deck"\n'
    )
    app = make_app("impress", srcdir=other)
    app.build()
    app.cleanup()
    assert warning_lines(app) == []
    page = soup(app.outdir / "deck.html")
    loaded = [img["src"] for img in page.select("#impress img")]
    loaded += [link["href"].split("?")[0] for link in page.find_all("link", rel="stylesheet")
               if "deck.css" in link["href"]]
    assert len(loaded) == (3 if fmt == "hovercraft" else 2)
    for address in loaded:
        assert (app.outdir / address).is_file(), address
    if fmt == "hovercraft":
        assert (app.outdir / "_static" / "impress-deck-files" / "img" / "bg.png").is_file()
