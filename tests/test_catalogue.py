"""A catalogue of malformed decks, in MyST and reST: for each, the located warning of
the expected type, and the deck still built with everything the author wrote.

Each case is built in a project of its own with the ``impress`` builder. A case lists
the warnings as ``(line, type)`` (line ``None``: the warning is about the whole file),
the ids of the steps the page must have, in order, attribute values some of them must
carry, and text of the source that must still be on the page. Where the fault is one
that docutils or myst-parser reports itself (a YAML syntax error, a transition in the
wrong place), their own warning type is expected, still with file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest
from helpers import soup, steps
from sphinx.util.console import strip_colors

CONF = 'extensions = ["myst_parser", "sphinx_impress"]\n'

#: conf.py lines that give the name ``step`` to another directive, as an extension set up
#: after sphinx-impress does (sphinx-design 0.8 has a ``step`` directive)
OTHER_STEP = """
from docutils.parsers.rst import Directive


class OtherStep(Directive):
    has_content = True
    option_spec = {"title": str}

    def run(self):
        return []


def setup(app):
    app.add_directive("step", OtherStep, override=True)
"""


@dataclass(frozen=True)
class Case:
    """One malformed source and what the build must make of it."""

    name: str
    source: str  # "md" or "rst": the suffix of index.<source>
    text: str
    warnings: list[tuple[int | None, str]]
    ids: list[str]
    keep: tuple[str, ...] = ()
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)
    absent: dict[str, tuple[str, ...]] = field(default_factory=dict)
    classes: dict[str, list[str]] = field(default_factory=dict)
    #: docutils refuses the only step directive (an ERROR), so the document is no deck
    no_deck: bool = False
    #: lines added to conf.py, and the ``(line, type)`` of the warnings located there
    conf: str = ""
    conf_warnings: list[tuple[int | None, str]] = field(default_factory=list)

    @property
    def deck(self) -> bool:
        """Whether an HTML build presents the document: it uses the step directive."""
        uses_step = any(
            name in self.text for name in ("{step}", ".. step::", "{impress-step}")
        )
        imported = '"mdpress"' in self.conf or '"hovercraft"' in self.conf
        return (uses_step or imported or "impress_deck: true" in self.text) and not self.no_deck

    def __str__(self) -> str:
        return self.name


def md_step(*options: str, body: str = "Text.") -> str:
    """A MyST deck: a title slide whose step directive has ``options``."""
    lines = "\n".join(options)
    return f"# Title\n\n```{{step}}\n{lines}\n```\n\n{body}\n"


def rst_step(*options: str, body: str = "Text.") -> str:
    """A reST deck: a title slide whose step directive has ``options``."""
    lines = "\n".join(f"   {option}" for option in options)
    return f"Title\n=====\n\n.. step::\n{lines}\n\n{body}\n"


CASES = [
    # ---- bad numbers -------------------------------------------------------------
    Case("md word for a number", "md", md_step(":x: twelve", ":y: 100"),
         [(3, "impress.value")], ["title"], ("Title", "Text."),
         attributes={"title": {"data-x": "0", "data-y": "100"}}),
    Case("rst scale of zero", "rst", rst_step(":scale: 0"),
         [(4, "impress.value")], ["title"], ("Text.",),
         attributes={"title": {"data-scale": "1"}}),
    Case("md negative scale", "md", md_step(":scale: -2", ":x: 40"),
         [(3, "impress.value")], ["title"], ("Text.",),
         attributes={"title": {"data-scale": "1", "data-x": "40"}}),
    Case("rst negative transition duration", "rst", rst_step(":transition-duration: -5"),
         [(4, "impress.value")], ["title"], ("Text.",),
         absent={"title": ("data-transition-duration",)}),
    Case("md autoplay in words", "md", md_step(":autoplay: soon"),
         [(3, "impress.value")], ["title"], ("Text.",), absent={"title": ("data-autoplay",)}),
    Case("rst rotate-order that is no order", "rst", rst_step(":rotate-order: xxz"),
         [(4, "impress.value")], ["title"], ("Text.",),
         attributes={"title": {"data-rotate-order": "xyz"}}),
    Case("md empty value", "md", md_step(":x:", ":y: 5"),
         [(3, "impress.value")], ["title"], ("Text.",),
         attributes={"title": {"data-x": "0", "data-y": "5"}}),
    Case("md overview that is neither yes nor no", "md", md_step(":overview: maybe"),
         [(3, "impress.value")], ["title"], ("Text.",), classes={"title": ["step"]}),
    # ---- bad units ---------------------------------------------------------------
    Case("md pixels as a unit", "md", md_step(":x: 100px"),
         [(3, "impress.value")], ["title"], ("Text.",), attributes={"title": {"data-x": "0"}}),
    Case("rst unit on a scale", "rst", rst_step(":scale: 2w"),
         [(4, "impress.value")], ["title"], ("Text.",), attributes={"title": {"data-scale": "1"}}),
    Case("md unit on a rotation", "md", md_step(":rotate: 1.5h"),
         [(3, "impress.value")], ["title"], ("Text.",),
         attributes={"title": {"data-rotate-z": "0"}}),
    Case("rst relative without a number", "rst", rst_step(":x: r+", ":y: r"),
         [(4, "impress.value"), (4, "impress.value")], ["title"], ("Text.",)),
    # ---- NaN, infinity and huge numbers ------------------------------------------
    Case("rst nan and inf", "rst", rst_step(":x: nan", ":y: inf", ":z: -Infinity"),
         [(4, "impress.value")] * 3, ["title"], ("Text.",),
         attributes={"title": {"data-x": "0", "data-y": "0", "data-z": "0"}}),
    Case("md YAML nan and inf", "md", md_step(":x: .nan", ":scale: .inf"),
         [(3, "impress.value")] * 2, ["title"], ("Text.",),
         attributes={"title": {"data-x": "0", "data-scale": "1"}}),
    Case("md huge numbers", "md", md_step(":z: 1e308", ":scale: -1e306", ":x: -20000000"),
         [(3, "impress.value")] * 3, ["title"], ("Text.",),
         attributes={"title": {"data-x": "0", "data-z": "0", "data-scale": "1"}}),
    Case("md huge scale kept", "md", md_step(":scale: 1e30"),
         [(3, "impress.position")], ["title"], ("Text.",),
         attributes={"title": {"data-scale": "1" + "0" * 30}}),
    Case("rst four hundred digits", "rst", rst_step(":x: 1" + "0" * 400, ":rotate-x: 1e999"),
         [(4, "impress.value")] * 2, ["title"], ("Text.",),
         attributes={"title": {"data-x": "0", "data-rotate-x": "0"}}),
    Case("md huge front matter number", "md",
         "---\nimpress_width: 1e400\nimpress_height: 500\n---\n# Title\n\nText.\n",
         [(2, "impress.config")], ["title"], ("Text.",)),
    # ---- unknown ids ---------------------------------------------------------------
    Case("md rel-to an unknown step", "md",
         "# Title\n\nText.\n\n## Next\n\n```{step}\n:rel-to: nowhere\n:x: r+100\n```\n\nMore.\n",
         [(7, "impress.position")], ["title", "next"], ("Text.", "More.")),
    Case("rst rel-to a later step", "rst",
         "Title\n=====\n\n.. step::\n   :rel-to: later\n   :x: r+10\n\nText.\n\n"
         "Later\n-----\n\nMore.\n",
         [(4, "impress.position"), (4, "impress.position")], ["title", "later"],
         ("Text.", "More.")),
    Case("rst links to unknown ids", "rst",
         "Title\n=====\n\nA `link <#nowhere>`_ and `another <#/neither>`_.\n",
         [(4, "impress.reference"), (4, "impress.reference")], ["title"],
         ("A link and another.",)),
    # ---- wrong nesting -------------------------------------------------------------
    Case("md step directive inside an admonition", "md",
         "# Title\n\n````{note}\n```{step}\n:x: 70\n```\n\nNote text.\n````\n",
         [], ["title"], ("Note text.",), attributes={"title": {"data-x": "70"}}),
    Case("rst slide inside a list item", "rst",
         "Title\n=====\n\n* item\n\n  .. step::\n     :x: 900\n\n     In the list.\n",
         [], ["title", "step-2"], ("item", "In the list."),
         attributes={"step-2": {"data-x": "900"}}),
    Case("md slide inside a slide", "md",
         "# Title\n\n````{step}\n:x: 1000\n\nOuter text.\n\n```{step}\n:x: 2000\n\n"
         "Inner text.\n```\n````\n",
         [], ["title", "step-2", "step-3"], ("Outer text.", "Inner text."),
         attributes={"step-2": {"data-x": "1000"}, "step-3": {"data-x": "2000"}}),
    Case("md heading inside a slide directive", "md",
         "# Title\n\n```{step}\n:x: 3000\n\n## Inner heading\n\nInner text.\n```\n",
         [], ["title", "step-2"], ("Inner heading", "Inner text.")),
    Case("rst two step directives on one slide", "rst",
         "Title\n=====\n\n.. step::\n   :x: 5\n\n.. step::\n   :y: 7\n\nText.\n",
         [(7, "impress.step")], ["title"], ("Text.",),
         attributes={"title": {"data-x": "5", "data-y": "7"}}),
    Case("rst argument to the step directive", "rst",
         "Title\n=====\n\n.. step:: stray words\n   :x: 1\n\n   Inside.\n",
         [], ["title", "step-2"], ("stray words", "Inside.")),
    Case("rst section title inside a slide directive", "rst",
         "Title\n=====\n\n.. step::\n\n   Inner\n   -----\n\n   Text inside.\n",
         [(7, "docutils")], ["title", "step-2"], ("Text inside.",)),
    Case("md layout options without a layout", "md", md_step(":layout-columns: 3"),
         [(3, "impress.layout")], ["title"], ("Text.",)),
    Case("rst duplicate option", "rst",
         "Title\n=====\n\nText.\n\n.. step::\n   :x: 1\n   :x: 2\n\nMore.\n",
         [(6, "docutils")], ["title"], ("Text.", "More."), no_deck=True),
    # ---- empty slides and documents --------------------------------------------------
    Case("md empty document", "md", "", [(1, "impress.empty")], []),
    Case("rst only a comment", "rst", ".. nothing here\n", [(1, "impress.empty")], []),
    Case("rst only a step directive", "rst", ".. step::\n   :x: 5\n",
         [(1, "impress.empty"), (1, "impress.empty")], []),
    Case("md headings without text", "md", "# Title\n\n## One\n\n## Two\n",
         [], ["title", "one", "two"], ("Title", "One", "Two")),
    Case("md speaker notes before the title", "md",
         "```{notes}\nSay hello first.\n```\n\n# Title\n\nText.\n",
         [], ["title"], ("Text.", "Say hello first.")),
    Case("md slide directive with options only", "md",
         "# Title\n\nText.\n\n```{step}\n:x: 900\n```\n",
         [], ["title"], ("Text.",), attributes={"title": {"data-x": "900"}}),
    # ---- separators at the start or end: no empty slide and no docutils message ----------
    Case("md separator at the start", "md", "---\n\n# Title\n\nText.\n\n## Next\n\nMore.\n",
         [], ["title", "next"], ("Text.", "More.")),
    Case("md separator at the end", "md", "# Title\n\nText.\n\n## Next\n\nMore.\n\n---\n",
         [], ["title", "next"], ("Text.", "More.")),
    Case("md separator right after a heading", "md", "# Title\n\n---\n\nText.\n",
         [], ["title", "step-2"], ("Title", "Text.")),
    Case("rst transition at the start", "rst",
         "----\n\nTitle\n=====\n\nText.\n\nNext\n----\n\nMore.\n",
         [], ["title", "next"], ("Text.", "More.")),
    Case("rst transition at the end", "rst",
         "Title\n=====\n\nText.\n\nNext\n----\n\nMore.\n\n----------\n",
         [], ["title", "next"], ("Text.", "More.")),
    Case("md separators only", "md", "***\n\n---\n", [(1, "impress.empty")], []),
    # ---- unknown options -----------------------------------------------------------------
    Case("md unknown option", "md", md_step(":colour: blue", ":x: 3"),
         [(3, "impress.option")], ["title"], ("Text.",), attributes={"title": {"data-x": "3"}},
         absent={"title": ("colour", "data-colour")}),
    Case("rst data- with no name", "rst", rst_step(":data-: 1", ":data-note: kept"),
         [(4, "impress.option")], ["title"], ("Text.",),
         attributes={"title": {"data-note": "kept"}}),
    Case("rst data-x and x together", "rst", rst_step(":data-x: 3", ":x: 4"),
         [(4, "impress.step")], ["title"], ("Text.",), attributes={"title": {"data-x": "4"}}),
    Case("md rotate and rotate-z together", "md", md_step(":rotate: 10", ":rotate-z: 20"),
         [(3, "impress.step")], ["title"], ("Text.",),
         attributes={"title": {"data-rotate-z": "20"}}),
    Case("md reserved class names", "md", md_step(":class: active future skip mine"),
         [(3, "impress.value")], ["title"], ("Text.",),
         classes={"title": ["step", "skip", "mine"]}),
    Case("md class as a YAML list", "md", md_step(":class: [intro, 'wide']"),
         [], ["title"], ("Text.",), classes={"title": ["step", "intro", "wide"]}),
    Case("md heading with no text", "md", "# Title\n\nText.\n\n##\n\nMore.\n",
         [(5, "impress.empty")], ["title", "step-2"], ("Text.", "More.")),
    Case("md substep holding nothing but notes", "md",
         "# Title\n\nText.\n\n````{substep}\n```{notes}\nSay this.\n```\n````\n",
         [(5, "impress.presenter")], ["title"], ("Text.",)),
    # ---- YAML values of the wrong type -----------------------------------------------------
    Case("md front matter list for a number", "md",
         "---\nimpress_width: [1, 2]\n---\n# Title\n\nText.\n",
         [(2, "impress.config")], ["title"], ("Text.",)),
    Case("md front matter number for a choice", "md",
         "---\nimpress_overview: 5\nimpress_layout_rotate: maybe\n---\n# Title\n\nText.\n",
         [(2, "impress.config"), (3, "impress.config")], ["title"], ("Text.",)),
    Case("md front matter mapping for a layout", "md",
         "---\nimpress_layout: {name: grid}\n---\n# Title\n\nText.\n",
         [(2, "impress.config")], ["title"], ("Text.",)),
    Case("md front matter unknown setting", "md",
         "---\nimpress_colour: red\n---\n# Title\n\nText.\n",
         [(2, "impress.config")], ["title"], ("Text.",)),
    Case("md front matter impress_deck neither yes nor no", "md",
         "---\nimpress_deck: perhaps\n---\n# Title\n\nText.\n",
         [(2, "impress.config")], ["title"], ("Text.",)),
    Case("md front matter YAML syntax error", "md",
         "---\nimpress_width: [1\n---\n# Title\n\nText.\n",
         [(1, "myst.topmatter")], ["title"], ("Text.",)),
    Case("md option block with a list for a number", "md",
         "# Title\n\n```{step}\n---\nx: [1, 2]\noverview: 3\n---\n```\n\nText.\n",
         [(3, "impress.value"), (3, "impress.value")], ["title"], ("Text.",),
         attributes={"title": {"data-x": "0"}}),
    Case("rst field list word for a number", "rst",
         ":impress_width: wide\n:impress_height: 900\n\nTitle\n=====\n\nText.\n",
         [(1, "impress.config")], ["title"], ("Text.",)),
    # ---- non-ASCII and emoji ----------------------------------------------------------------
    Case("md emoji title and id", "md", "# 🎉 Party\n\n```{step}\n:id: 🎉\n```\n\nFête ✨.\n",
         [(3, "impress.id")], ["party"], ("🎉 Party", "Fête ✨.")),
    Case("rst non-ASCII id", "rst", "Café\n====\n\n.. step::\n   :id: café\n\nCrème brûlée.\n",
         [(4, "impress.id")], ["cafe"], ("Café", "Crème brûlée.")),
    Case("md emoji-only titles", "md", "# 🎉\n\nText.\n\n## 🚀\n\nMore.\n",
         [], ["step-1", "step-2"], ("🎉", "🚀", "Text.", "More.")),
    Case("rst non-ASCII class and data value", "rst",
         rst_step(":class: größe", ":data-note: ünïcödé ✓"),
         [], ["title"], ("Text.",), classes={"title": ["step", "größe"]},
         attributes={"title": {"data-note": "ünïcödé ✓"}}),
    # ---- digit-only and duplicate ids -------------------------------------------------------
    Case("md digit-only id", "md", md_step(":id: 2024"),
         [(3, "impress.id")], ["title"], ("Text.",)),
    Case("rst digit-only title", "rst", "2024\n====\n\nText.\n", [], ["step-1"], ("2024",)),
    Case("md duplicate id", "md",
         "# Title\n\n```{step}\n:id: same\n```\n\nOne.\n\n"
         "## Two\n\n```{step}\n:id: same\n```\n\nTwo.\n",
         [(11, "impress.duplicate_id")], ["same", "two"], ("One.", "Two.")),
    Case("md id of a label", "md",
         "(foo)=\n# Title\n\nText.\n\n## Two\n\n```{step}\n:id: foo\n```\n\nMore.\n",
         [(8, "impress.duplicate_id")], ["title", "two"], ("Text.", "More.")),
    Case("rst id that another slide's title makes", "rst",
         "Title\n=====\n\n.. step::\n   :id: two\n\nText.\n\nTwo\n---\n\nMore.\n",
         [], ["two", "two-2"], ("Text.", "More.")),
    Case("rst id that would break out of its attribute", "rst",
         rst_step(':id: "><script>alert(1)</script>'),
         [(4, "impress.id")], ["title"], ("Text.",)),
    # ---- a # inside an option value ------------------------------------------------------------
    Case("md unquoted hash starts a comment", "md", md_step(":class: keep #lost", ":x: 8"),
         [(4, "myst.directive_comments")], ["title"], ("Text.",),
         classes={"title": ["step", "keep"]}, attributes={"title": {"data-x": "8"}}),
    Case("md unquoted hash inside a gradient cuts it", "md",
         md_step(":background: linear-gradient(90deg, #000 0%, #123 100%)", ":x: 8"),
         [(4, "myst.directive_comments"), (3, "impress.value")], ["title"], ("Text.",),
         classes={"title": ["step"]}, attributes={"title": {"data-x": "8"}}),
    Case("md quoted gradient with hashes is kept", "md",
         md_step(':background: "linear-gradient(90deg, #000 0%, #123 100%)"', ":x: 8"),
         [], ["title"], ("Text.",),
         classes={"title": ["step", "impress-step-dark"]}, attributes={"title": {"data-x": "8"}}),
    Case("md quoted hash is kept", "md", md_step(':id: "a#b"', ':data-note: "x # y"'),
         [], ["a#b"], ("Text.",), attributes={"a#b": {"data-note": "x # y"}}),
    Case("rst hash is kept", "rst", rst_step(":data-note: x # y", ":class: c #d"),
         [], ["title"], ("Text.",), classes={"title": ["step", "c", "#d"]},
         attributes={"title": {"data-note": "x # y"}}),
    # ---- layouts and positions ---------------------------------------------------------------
    Case("rst unknown layout", "rst",
         "Title\n=====\n\n.. step::\n   :layout: hexagon\n\nText.\n\nOne\n---\n\nMore.\n",
         [(4, "impress.layout")], ["title", "one"], ("Text.", "More.")),
    Case("md path that is not SVG path data", "md",
         md_step(":layout: path", ":layout-path: M 0 0 Q banana")
         + "\n## One\n\nMore.\n",
         [(3, "impress.layout")], ["title", "one"], ("Text.", "More.")),
    # ---- path data and settings that overflow or take long (issue 15) ---------------
    Case("md path whose numbers overflow", "md",
         md_step(":layout: path", ":layout-path: M 0 0 L 1e308 0 L -1e308 0")
         + "\n## One\n\nMore.\n",
         [(3, "impress.layout")], ["title", "one"], ("Text.", "More.")),
    Case("rst path with a number beyond the floats", "rst",
         rst_step(":layout: path", ":layout-path: M 0 0 L 1e400 0")
         + "\nOne\n---\n\nMore.\n",
         [(4, "impress.layout")], ["title", "one"], ("Text.", "More.")),
    Case("md path of five thousand arcs", "md",
         md_step(":layout: path", ":layout-path: M 0 0 " + " ".join(
             f"A 50 30 0 0 1 {n * 10 + 10} 0" for n in range(5000)))
         + "\n## One\n\nMore.\n\n## Two\n\nEven more.\n",
         [], ["title", "one", "two"], ("Text.", "More.", "Even more.")),
    Case("md front matter path that overflows", "md",
         "---\nimpress_layout: path\nimpress_layout_path: M 0 0 L 1e400 0\n---\n"
         "# Title\n\nText.\n\n## One\n\nMore.\n",
         # the path data, then the path layout left without it
         [(3, "impress.config"), (2, "impress.config")], ["title", "one"], ("Text.", "More.")),
    Case("md front matter smallest scale above the largest", "md",
         "---\nimpress_min_scale: 5\n---\n# Title\n\nText.\n",
         [(2, "impress.config")], ["title"], ("Text.",)),
    Case("rst conf.py path that overflows", "rst", "Title\n=====\n\nText.\n",
         [], ["title"], ("Text.",),
         conf='impress_layout = "path"\nimpress_layout_path = "M 0 0 L 1e308 0 L -1e308 0"\n',
         # the path data, then the path layout left without it
         conf_warnings=[(3, "impress.config"), (2, "impress.config")]),
    Case("md conf.py width beyond the floats", "md", "# Title\n\nText.\n",
         [], ["title"], ("Text.",),
         conf="impress_width = 10**400\n", conf_warnings=[(2, "impress.config")]),
    Case("md conf.py setting assigned twice: the last assignment counts", "md",
         "# Title\n\nText.\n", [], ["title"], ("Text.",),
         conf="impress_width = 1280\n# later\nimpress_width = -1\n",
         conf_warnings=[(4, "impress.config")]),
    Case("md conf.py smallest scale above the largest", "md", "# Title\n\nText.\n",
         [], ["title"], ("Text.",),
         conf="impress_max_scale = 2\nimpress_min_scale = 5\n",
         conf_warnings=[(3, "impress.config")]),
    Case("rst conf.py setting of the wrong type", "rst", "Title\n=====\n\nText.\n",
         [], ["title"], ("Text.",),
         conf='impress_toolbar = "maybe"\n', conf_warnings=[(2, "impress.config")]),
    # ---- math that is not shown as math (issue 15) ------------------------------------
    Case("md $$ lines without dollarmath", "md",
         "# Title\n\nText.\n\n$$\nE = mc^2\n$$\n",
         [(5, "impress.math")], ["title"], ("Text.", "E = mc^2")),
    Case("rst $$ in a paragraph", "rst",
         "Title\n=====\n\nText and\n$$ x^2 $$\n",
         [(5, "impress.math")], ["title"], ("Text and",)),
    Case("md formula that does not parse", "md",
         "# Title\n\nText.\n\n## Formula\n\n$\\frac{1}{$ and $x^2$\n",
         [(7, "impress.math")], ["title", "formula"], ("Text.", "\\frac{1}{"),
         conf='myst_enable_extensions = ["dollarmath"]\n'),
    Case("rst formula with an unknown command", "rst",
         "Title\n=====\n\n.. math::\n\n   \\nosuchcommand{x} + 1\n",
         [(4, "impress.math")], ["title"], ("\\nosuchcommand{x}",)),
    Case("md column separator outside rows", "md",
         "# Title\n\nText.\n\n$$\n{a & b}\n$$\n",
         [(5, "impress.math")], ["title"], ("Text.", "{a & b}"),
         conf='myst_enable_extensions = ["dollarmath"]\n'),
    Case("rst row break inside braces", "rst",
         "Title\n=====\n\n.. math::\n\n   x = {a \\\\ b}\n",
         [(4, "impress.math")], ["title"], ("x = {a \\\\ b}",)),
    Case("rst environment not closed", "rst",
         "Title\n=====\n\n.. math::\n\n   \\begin{aligned} a &= b\n",
         [(4, "impress.math")], ["title"], ("\\begin{aligned} a &= b",)),
    # ---- another extension owns the name step (issue 15) ------------------------------
    Case("md step owned by another extension", "md",
         "# Talk\n\nIntro.\n\n## Second\n\n```{step}\n:x: 100\n```\n\nText.\n",
         [(7, "impress.name_clash"), (8, "myst.directive_option")], ["talk", "second"],
         ("Intro.", "Text."), no_deck=True, conf=OTHER_STEP),
    Case("rst step owned by another extension, impress-step kept", "rst",
         "Title\n=====\n\n.. impress-step::\n   :x: 40\n\nText.\n\n"
         "Next\n----\n\n.. step::\n   :title: a step of the other kind\n\nMore.\n",
         [(12, "impress.name_clash")], ["title", "next"], ("Text.", "More."),
         attributes={"title": {"data-x": "40"}}, conf=OTHER_STEP),
    # ---- what the offline check sees as a browser would (issue 15) -------------------
    Case("md raw HTML base href", "md",
         "# Title\n\nText.\n\n<base href=\"https://host.example/\">\n",
         [(5, "impress.offline")], ["title"], ("Text.",)),
    Case("rst CSS escapes in url()", "rst",
         "Title\n=====\n\nText.\n\n.. raw:: html\n\n"
         "   <div style=\"background: u\\72l(\\68ttps://escaped.example/a.png)\"></div>\n",
         [(6, "impress.offline")], ["title"], ("Text.",)),
    Case("md tab inside a scheme", "md",
         "# Title\n\nText.\n\n<img src=\"ht&Tab;tps://tab.example/a.png\" alt=\"a\">\n",
         [(5, "impress.offline")], ["title"], ("Text.",)),
    Case("md style attribute of an imported deck", "md",
         "= data-x='0'\n# Title\n\nText.\n\n---\n"
         "= data-x='3000' style='background: url(https://bg.example/b.jpg)'\n\nMore.\n",
         [(7, "impress.offline")], ["step-1", "step-2"], ("Text.", "More."),
         conf='source_suffix = {".md": "mdpress"}\n'),
    Case("md grid of no columns", "md",
         md_step(":layout: grid", ":layout-columns: 0") + "\n## One\n\nMore.\n",
         [(3, "impress.layout")], ["title", "one"], ("Text.", "More.")),
    Case("md impress_overview while a slide has the id overview", "md",
         "---\nimpress_overview: end\n---\n# Title\n\nText.\n\n## Overview\n\nMore.\n",
         [(8, "impress.duplicate_id")], ["title", "overview", "overview-2"], ("Text.", "More.")),
    Case("md overview step with a position", "md", md_step(":overview:", ":x: 5"),
         [(3, "impress.position")], ["title"], ("Text.",)),
    Case("md two slides in one place", "md",
         md_step(":x: 5") + "\n## Two\n\n```{step}\n:x: 5\n```\n\nMore.\n",
         [(11, "impress.overlap")], ["title", "two"], ("Text.", "More.")),
]

#: The start of one warning as Sphinx writes it: file, optional line, level.
_RECORD = re.compile(r"^(?P<file>\S+?)(?::(?P<line>\d+))?: (?P<level>WARNING|ERROR|CRITICAL): ")
#: A warning's type, at its end.
_TYPE = re.compile(r"\[(?P<type>[\w.]+)\]\s*$")


def _records(text: str) -> list[str]:
    """The warnings of a build, one string each (docutils' errors span lines)."""
    records: list[str] = []
    for line in strip_colors(text).splitlines():
        if _RECORD.match(line) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line
    return [record for record in records if record.strip()]


def _located(app, filename: str, conf: list | None = None) -> list[tuple[int | None, str]]:
    """``(line, type)`` of each warning; every warning must name ``filename`` (or
    ``conf.py``, whose warnings go to ``conf`` when given) and carry a type."""
    found = []
    for record in _records(app.warning.getvalue()):
        head, kind = _RECORD.match(record), _TYPE.search(record)
        assert head is not None, f"a warning without a location: {record!r}"
        assert kind is not None, f"a warning without a type: {record!r}"
        item = (int(head["line"]) if head["line"] else None, kind["type"])
        if head["file"].rstrip(":").endswith("/conf.py"):
            assert conf is not None, record
            conf.append(item)
            continue
        assert head["file"].endswith("/" + filename), record
        found.append(item)
    return found


def _project(case: Case, tmp_path):
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF + case.conf, encoding="utf-8")
    (srcdir / f"index.{case.source}").write_text(case.text, encoding="utf-8")
    return srcdir


def _key(item: tuple[int | None, str]) -> tuple[int, str]:
    return (item[0] or 0, item[1])


@pytest.mark.parametrize("case", CASES, ids=str)
def test_malformed_input_warns_and_builds(case, make_app, tmp_path):
    srcdir = _project(case, tmp_path)
    app = make_app("impress", srcdir=srcdir)
    app.build()  # an exception here is a crash
    log = app.status.getvalue() + app.warning.getvalue()
    assert "Traceback" not in log and "Exception" not in log
    conf: list[tuple[int | None, str]] = []
    assert sorted(_located(app, f"index.{case.source}", conf), key=_key) == sorted(
        case.warnings, key=_key
    )
    assert sorted(conf, key=_key) == sorted(case.conf_warnings, key=_key)
    page = soup(app.outdir / "index.html")
    found = {step.id: step for step in steps(page)}
    assert list(found) == case.ids
    text = " ".join(page.select_one("#impress").get_text().split())
    for words in case.keep:
        assert words in text
    for step_id, attributes in case.attributes.items():
        assert {name: found[step_id].element.get(name) for name in attributes} == attributes
    for step_id, names in case.absent.items():
        assert not set(names) & set(found[step_id].element.attrs)
    for step_id, classes in case.classes.items():
        assert found[step_id].classes == classes


def test_the_catalogue_covers_both_syntaxes():
    assert len(CASES) >= 40
    assert len({case.name for case in CASES}) == len(CASES)
    sources = [case.source for case in CASES]
    assert sources.count("md") >= 20
    assert sources.count("rst") >= 15


@pytest.mark.parametrize("case", CASES, ids=str)
def test_malformed_input_builds_as_docs_pages(case, make_app, tmp_path):
    """The same sources with ``-b html``, which also presents the decks in _impress/:
    no exception, every warning located and typed, and the author's text on the page."""
    srcdir = _project(case, tmp_path)
    app = make_app("html", srcdir=srcdir)
    app.build()
    log = app.status.getvalue() + app.warning.getvalue()
    assert "Traceback" not in log and "Exception" not in log
    _located(app, f"index.{case.source}", [])
    body = soup(app.outdir / "index.html").select_one('[role="main"]')
    text = " ".join(body.get_text().split())
    for words in case.keep:
        assert words in text
    # a document with a step directive is a deck, which an HTML build presents
    presentation = app.outdir / "_impress" / "index.html"
    if case.deck:
        assert [step.id for step in steps(soup(presentation))] == case.ids
    else:
        assert not presentation.exists()
