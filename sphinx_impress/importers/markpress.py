"""markpress decks, read as they are: a reader (:func:`read_markpress`), the Sphinx
source parser of the file type ``markpress`` (files ending in ``.markpress``, or any
suffix mapped to it in ``source_suffix``) and the MyST writing of ``sphinx-impress
convert --from markpress``, both built on the deck model.

The format (markpress's README, "Markdown format, Custom Layout and Styles" and
"Options"; markpress 1.x, whose pages ran impress.js 0.5.3, where a coordinate not
given is 0 and a scale not given 1):

- deck options in one ``<!--markpress-opt { JSON } markpress-opt-->`` block:
  ``layout``, ``autoSplit``, ``title``, ``theme`` (and options of the command itself:
  ``sanitize``, ``noEmbed``, ``embed``, ``edit``, ``save``, ``verbose``);
- slides cut at lines of six or more ``-`` (nothing else on the line); with
  ``autoSplit``, markpress removed the first such line only and cut before every line
  that starts with one ``#`` and another character (an ``h1``, also ``#Title`` without
  a space), dropping a first slide with nothing but comments;
- a slide's place in an ``<!--slide-attr x=0 y=0 rotate=90 -->`` comment, the
  attributes separated by spaces, or by commas when there is one; ``data-`` before a
  name is left out, quotes around a value too; a name impress.js does not read is
  written as ``data-<name>``. When any slide has one, every slide is placed by its own;
  otherwise by the ``layout`` (``horizontal`` by default).

markpress cut the text before reading the Markdown, so a cut line inside a code block
cut it too; here code stays whole, with a warning. Its ``grid``, ``random`` and
``random-7d`` layouts were random: here they are deterministic (:func:`layout_axes`).
"""

from __future__ import annotations

import itertools
import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docutils import nodes
from myst_parser.config.main import MdParserConfig
from myst_parser.parsers.sphinx_ import MystParser

from ..core.problems import Problem
from ..extension.nodes import HEADING_LEVEL
from ..extension.warnings import ImpressWarnings, report, warn
from .cutting import (
    FOREIGN,
    WINDOW_KEYS,
    SlideCutter,
    absolute_options,
    add_front_matter,
    docname_of,
    window_settings,
)
from .markdown import (
    code_lines,
    heading_levels,
    markdown_parser,
    render_tokens,
    rewrite_prose,
    strike_as_html,
)
from .model import DeckModel, Field, SlideModel
from .myst_writer import (
    MystDeck,
    MystSlide,
    as_written,
    directive_options,
    heading_steps,
    keep_heading_levels,
    link_headings_to_steps,
)

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from sphinx.application import Sphinx

#: The file type of markpress decks, for ``source_suffix = {".md": "markpress"}``.
FILE_TYPE = "markpress"

#: The suffix that is read as a markpress deck without any configuration.
SUFFIX = ".markpress"

#: The options block (markpress's ``embeddedOptionsRegex``).
OPTIONS = re.compile(r"<!--markpress-opt(?P<json>[\s\S]*?)markpress-opt-->")

#: A slide's attribute comment, alone on its line.
SLIDE_ATTR = re.compile(r"^\s*<!--slide-attr\s*(?P<attrs>.*?)\s*-->\s*$")

#: A line that separates slides.
SEPARATOR = re.compile(r"^-{6,}$")

#: A line before which ``autoSplit`` starts a slide.
H1_LINE = re.compile(r"^#[^#]")

#: The layouts markpress generated, and the default.
LAYOUTS = ("horizontal", "vertical", "3d-push", "3d-pull", "grid", "random", "random-7d")
DEFAULT_LAYOUT = "horizontal"

#: How far markpress's layouts move a slide on each axis (px, degrees, factor).
INCREMENTS = {
    "x": 2600, "y": 1400, "z": 2000, "scale": 1,
    "rotate": 60, "rotate-x": 60, "rotate-y": 60, "rotate-z": 60,
}

#: Options of the markpress command that change nothing in a deck.
COMMAND_OPTIONS = ("sanitize", "noEmbed", "embed", "edit", "save", "verbose")

#: What impress.js 0.5.3 read on a step; any other attribute markpress wrote as
#: ``data-<name>`` is passed on as it is.
PLACE_ATTRIBUTES = ("x", "y", "z", "rotate", "rotate-x", "rotate-y", "rotate-z", "scale")


def layout_axes(layout: str, count: int) -> list[dict[str, float]]:
    """Where markpress's ``layout`` puts ``count`` slides: the axes it writes on each
    (the others are impress.js's defaults, 0 and scale 1).

    ``horizontal``: x = 2600 × n (n from 1); ``vertical``: y = 1400 × n; ``3d-push``:
    z = 6000 × n; ``3d-pull``: z = -6000 × n (markpress's own rules). markpress's
    ``grid`` walked the grid in random directions; here the slides go row by row, on
    a grid of ⌈√count⌉ columns 2600 px apart and rows 1400 px apart, every other row
    right to left, so each slide is next to the one before, as in markpress. For
    ``random`` (x, y, z, rotate, scale) and ``random-7d`` (x, y, z, scale and the
    three rotations) each slide moves from the one before by -3 to 3 times the
    increment on one or more of the axes, as markpress did, a rotation staying within
    ±360° and the scale at least 1; the choices come from a fixed sequence (the
    linear congruential generator x → (1103515245 x + 12345) mod 2³¹, from 1) instead
    of chance, so every build places the slides the same way. Only the axes that move
    are written, as markpress wrote them.
    """
    if layout == "grid":
        columns = max(1, math.ceil(math.sqrt(count)))
        placed = []
        for index in range(count):
            row, column = divmod(index, columns)
            if row % 2:
                column = columns - 1 - column
            placed.append({"x": column * 2600.0, "y": row * 1400.0})
        return placed
    if layout in ("random", "random-7d"):
        return _random_walk(layout, count)
    axis, step = {
        "vertical": ("y", 1400),
        "3d-push": ("z", 6000),
        "3d-pull": ("z", -6000),
    }.get(layout, ("x", 2600))
    return [{axis: float(step * (index + 1))} for index in range(count)]


def _random_walk(layout: str, count: int) -> list[dict[str, float]]:
    """markpress's random layouts with a fixed sequence of choices (:func:`layout_axes`)."""
    names = (
        ["x", "y", "z", "scale", "rotate"] if layout == "random"
        else ["x", "y", "z", "scale", "rotate-x", "rotate-y", "rotate-z"]
    )
    state = dict.fromkeys(names, 0.0)
    state["scale"] = 1.0
    seed = 1

    def draw(low: int, high: int) -> int:
        nonlocal seed
        seed = (1103515245 * seed + 12345) % 2**31
        return low + seed % (high - low + 1)

    placed = []
    for _ in range(count):
        left = list(names)
        moved: dict[str, float] = {}
        for _ in range(draw(1, len(names))):
            name = left.pop(draw(0, len(left) - 1))
            value = state[name] + draw(-3, 3) * INCREMENTS[name]
            if name.startswith("rotate"):
                value = math.fmod(value, 360)
            if name == "scale":
                value = max(value, 1)
            state[name] = value
            moved[name] = value
        placed.append({("rotate-z" if k == "rotate" else k): v for k, v in moved.items()})
    return placed


@dataclass
class MarkpressSlide:
    """Where one slide of a markpress deck stands (0-based lines): ``start`` to ``end``
    (the line after its last); ``attributes``: the line of its ``slide-attr`` comment."""

    start: int
    end: int
    attributes: int | None = None


@dataclass
class MarkpressLayout:
    """The slides of a markpress deck as lines, and the lines that are markpress's own
    markup (the options block, attribute comments, separators), which show nothing."""

    slides: list[MarkpressSlide] = field(default_factory=list)
    hidden: set[int] = field(default_factory=set)


def read_markpress(text: str, md: MarkdownIt | None = None) -> DeckModel:
    """Understand a markpress deck once (see the module).

    :returns: the deck model: the title, each slide's body lines (its line: its first),
        attributes as fields and step options, every problem with its line, the
        headings, and markpress's own lines (the options block, ``slide-attr``
        comments, separators), which are hidden.
    """
    md = md or markdown_parser()
    lines = text.splitlines()
    tokens = md.parse(text)
    reader = _Reader(lines, code_lines(tokens))
    reader.read_options(text)
    window_settings(reader.model.front_matter)
    reader.cut()
    # markpress cuts the text into slides before it reads the Markdown: the headings
    # are those of the text without its own lines (a line of text over a separator
    # is no setext heading)
    shown = ["" if number in reader.layout.hidden else line
             for number, line in enumerate(lines)]
    reader.model.headings = heading_levels(md.parse("\n".join(shown) + "\n"))
    reader.place()
    reader.model.hidden = {number + 1 for number in reader.layout.hidden}
    return reader.model


class _Reader:
    def __init__(self, lines: Sequence[str], code: set[int]) -> None:
        self.lines = lines
        self.code = code
        self.model = DeckModel()
        self.layout = MarkpressLayout()
        self.options: dict[str, Any] = {}
        self.options_line = 1

    def problem(self, kind: str, message: str, line: int, index: int | None = None) -> None:
        self.model.problems.append(Problem(kind, message, index, line))

    def read_options(self, text: str) -> None:
        """The options block: its lines are hidden, its options read."""
        found = OPTIONS.search(text)
        if found is None:
            return
        first = text.count("\n", 0, found.start())
        last = text.count("\n", 0, found.end())
        self.layout.hidden.update(range(first, last + 1))
        self.options_line = first + 1
        try:
            options = json.loads(found["json"])
        except ValueError as error:
            self.problem(
                "attributes",
                f"the markpress-opt block is not JSON ({error}); markpress then used its "
                "defaults, and so does this deck",
                first + 1,
            )
            return
        if not isinstance(options, dict):
            return
        self.options = options
        front = self.model.front_matter
        if isinstance(options.get("title"), str) and options["title"].strip():
            front["title"] = options["title"].strip()
        for name, value in options.items():
            if name in ("layout", "autoSplit", "title", *COMMAND_OPTIONS) or (
                name == "theme" and value == "light"
            ):
                # the light theme, markpress's default, is the look of the impress theme
                continue
            if name == "theme":
                self.problem(
                    "attributes",
                    f"markpress's theme {value!r} is not carried over: the deck has the "
                    "impress theme (add a style sheet of your own with "
                    "impress_deck_css_files)",
                    first + 1,
                )
            else:
                self.problem(
                    "attributes", f"unknown markpress option {name!r}; it is ignored",
                    first + 1,
                )

    def cut(self) -> None:
        """The slides' line ranges, cut as markpress cut them."""
        lines = self.lines
        auto = self.options.get("autoSplit") is True
        starts: list[int] = []
        removed_first = False
        for number, line in enumerate(lines):
            if number in self.layout.hidden:
                continue
            separator = SEPARATOR.match(line) is not None
            splits = H1_LINE.match(line) is not None if auto else separator
            if auto and separator and not removed_first:
                # markpress removed the first separator only
                removed_first = True
                self.layout.hidden.add(number)
                continue
            if not splits:
                continue
            if number in self.code:
                self.problem(
                    "separator",
                    "markpress cut a slide at this line, inside a code block; here the "
                    "code block stays whole",
                    number + 1,
                )
                continue
            if separator:
                self.layout.hidden.add(number)
                starts.append(number + 1)
            else:
                starts.append(number)
        bounds = [0, *starts, len(lines)]
        for start, end in itertools.pairwise(bounds):
            self.layout.slides.append(MarkpressSlide(start, end))
        if auto and self.layout.slides and self._shows_nothing(self.layout.slides[0]):
            first = self.layout.slides.pop(0)
            self.layout.hidden.update(range(first.start, first.end))
        for slide in self.layout.slides:
            for number in range(slide.start, slide.end):
                if number in self.code or not SLIDE_ATTR.match(self.lines[number]):
                    continue
                if slide.attributes is None:
                    slide.attributes = number
                else:
                    self.problem(
                        "attributes",
                        "this slide has a slide-attr comment already; markpress read the "
                        "first one only, and so does this deck",
                        number + 1,
                    )
                self.layout.hidden.add(number)

    def _shows_nothing(self, slide: MarkpressSlide) -> bool:
        text = "\n".join(
            line for number, line in enumerate(self.lines[slide.start:slide.end], slide.start)
            if number not in self.layout.hidden
        )
        return not re.sub(r"<!--[\s\S]*?-->", "", text).strip()

    def place(self) -> None:
        """Every slide's fields and step options."""
        slides = self.layout.slides
        custom = any(slide.attributes is not None for slide in slides)
        layout = str(self.options.get("layout", DEFAULT_LAYOUT))
        if layout not in LAYOUTS:
            self.problem(
                "attributes",
                f"unknown markpress layout {layout!r} (known: {', '.join(LAYOUTS)}); "
                f"using {DEFAULT_LAYOUT}",
                self.options_line,
            )
            layout = DEFAULT_LAYOUT
        generated = layout_axes(layout, len(slides))
        for index, slide in enumerate(slides):
            fields: list[Field] = []
            if custom:
                options = self._attributes(index, slide, fields)
            else:
                options = {axis: str(value) for axis, value in generated[index].items()}
            placed, problems = absolute_options(options, number=index + 1)
            line = (slide.attributes if slide.attributes is not None else slide.start) + 1
            for found in problems:
                self.problem(found.kind, found.message, line, index)
            if not self._visible(slide):
                self.problem(
                    "separator", "this slide is empty: nothing between its separators",
                    slide.start + 1, index,
                )
            self.model.slides.append(
                SlideModel(slide.start + 1, (slide.start + 1, slide.end), fields, placed)
            )

    def _visible(self, slide: MarkpressSlide) -> bool:
        return any(
            self.lines[number].strip()
            for number in range(slide.start, slide.end)
            if number not in self.layout.hidden
        )

    def _attributes(self, index: int, slide: MarkpressSlide, fields: list[Field]) -> dict[str, str]:
        """The step options of a slide's ``slide-attr`` comment."""
        if slide.attributes is None:
            self.problem(
                "attributes",
                "this slide has no slide-attr comment, while others have one (markpress "
                "stopped with an error); it stands at 0, 0, 0",
                slide.start + 1,
                index,
            )
            return {}
        number = slide.attributes + 1
        written = SLIDE_ATTR.match(self.lines[slide.attributes])["attrs"]  # type: ignore[index]
        options: dict[str, str] = {}
        parts = re.split(r"\s*,\s*" if "," in written else r"\s+", written.strip())
        for part in parts:
            if not part:
                continue
            name, equals, value = part.partition("=")
            name = name.strip().lower().replace("data-", "")
            value = value.strip()
            if len(value) > 1 and value[0] in "'\"" and value[-1] == value[0]:
                value = value[1:-1]
            if not equals or not name:
                self.problem(
                    "attributes",
                    f"{part!r} in this slide-attr comment is not name=value; it is ignored",
                    number,
                    index,
                )
                continue
            fields.append(Field(name, value, number))
            options[name if name in PLACE_ATTRIBUTES else f"data-{name}"] = value
        return options


class MarkpressParser(MystParser):
    """Sphinx source parser for markpress decks (file type ``markpress``).

    The deck is read by :func:`read_markpress`; its Markdown is rendered by myst-parser
    with the project's MyST settings (markpress's own lines left out) and cut into one
    ``step`` node with content per slide, at the lines where markpress cut it; a
    heading keeps its level (``##`` is an ``h2``). Every problem of the model is a
    located warning (``impress.attributes``, ``impress.separator`` and those of the
    step options).
    """

    supported = (FILE_TYPE,)  # type: ignore[misc]

    def parse(self, inputstring: str, document: nodes.document) -> None:
        """Render the deck with myst-parser, then cut it into slides."""
        env = getattr(document.settings, "env", None)
        config = getattr(env, "myst_config", None)
        if config is None:
            warn(
                "markpress decks are Markdown read by myst-parser: add 'myst_parser' to "
                "extensions in conf.py; using MyST's default settings",
                ImpressWarnings.CONFIG,
                docname_of(document),
            )
            config = MdParserConfig()
        md = markdown_parser(config)
        model = read_markpress(inputstring, md)
        lines = inputstring.splitlines()
        for number in model.hidden:
            lines[number - 1] = ""  # keeps every other line where it was
        # markpress cut the text into slides before reading its Markdown: what is left
        # of it is other Markdown (a separator under a line of text underlined no
        # heading), so it is parsed on its own
        md_env: dict[str, Any] = {}
        render_tokens(md, md.parse("\n".join(lines) + "\n", md_env), md_env, document)
        emojize_text(document)
        add_front_matter(document, {key: model.front_matter[key] for key in WINDOW_KEYS})
        title = model.front_matter.get("title")
        if title and "title" not in document:
            document["title"] = str(title)
        for section in document.findall(nodes.section):
            heading = model.headings.get(section.line or 0)
            if heading:
                section[HEADING_LEVEL] = heading.level
        self._cut(document, model)
        document[FOREIGN] = FILE_TYPE

    def _cut(self, document: nodes.document, model: DeckModel) -> None:
        starts = [slide.line for slide in model.slides[1:]]
        position = 0

        def opens(node: nodes.Node) -> int:
            nonlocal position
            line = getattr(node, "line", None)
            count = 0
            while line and position < len(starts) and starts[position] <= line:
                position += 1
                count += 1
            return count

        cutter = SlideCutter(lambda node: False, "start", opens)
        children = list(document.children)
        head = []
        while children and isinstance(children[0], nodes.field_list | nodes.docinfo):
            head.append(children.pop(0))
        document.clear()
        cutter.cut(children, document.get("source", ""))
        while len(cutter.slides) < len(model.slides):
            cutter.open_empty()
        document.extend(head)
        document.extend(cutter.prelude)
        docname = docname_of(document)
        report(model.problems, docname, docname)
        for slide, cut in zip(model.slides, cutter.slides, strict=True):
            for rule in list(cut.node.findall(nodes.transition)):
                if not isinstance(rule.parent, nodes.section):
                    rule.replace_self(nodes.raw("", "<hr />", format="html"))
            cut.node.line = slide.line
            cut.node["impress_options"] = slide.options
            document.append(cut.node)


#: An emoji shortcode: a name between colons (markdown-it-emoji's names are letters,
#: digits, ``_``, ``+`` and ``-``).
SHORTCODE = re.compile(r":([\w+-]+):")


def emojize(text: str) -> str:
    """``text`` with each emoji shortcode (``:smile:``, ``:+1:``) that names an emoji
    replaced by it, as markpress's markdown-it-emoji did (GitHub's names, from the
    ``emoji`` package's aliases); a shortcode right after a letter or digit (``a:b:``,
    ``http://``) is left alone, as there (markdown-it-emoji replaces one only after the
    start, white space, punctuation or a control character); an unknown name too."""
    import emoji

    def replace(match: re.Match[str]) -> str:
        start = match.start()
        if start > 0 and unicodedata.category(text[start - 1])[0] not in "ZPC":
            return match[0]
        return str(emoji.emojize(match[0], language="alias"))

    return SHORTCODE.sub(replace, text)


def emojize_text(node: nodes.Element) -> None:
    """Replace emoji shortcodes in the text of ``node``, not in code, math, raw HTML
    or comments (:func:`emojize`)."""
    skipped = (nodes.literal, nodes.FixedTextElement, nodes.math)
    for text in list(node.findall(nodes.Text)):
        parent = text.parent
        if parent is None:
            continue
        ancestor: nodes.Node | None = parent
        while ancestor is not None and not isinstance(ancestor, skipped):
            ancestor = ancestor.parent
        if ancestor is not None:
            continue
        value = emojize(str(text))
        if value != str(text):
            parent.replace(text, nodes.Text(value))


def convert_markpress(text: str, source: str = "<deck>") -> tuple[MystDeck, list[Problem]]:
    """The MyST deck of a markpress deck, and the problems its reader found: each slide
    its Markdown, without markpress's own lines, every axis as the deck places it, a
    heading that the step would show at another level written as a ``rubric`` with
    its level; emoji shortcodes are written as the emoji and ``~~struck~~`` text as
    ``<s>`` HTML, as the deck built as it is shows them (not in code or raw HTML)."""
    model = read_markpress(text)
    lines = text.splitlines()
    blocks = code_lines(markdown_parser().parse(text), ("fence", "code_block", "html_block"))
    steps = heading_steps(model.headings, model.slides)
    deck = MystDeck(front_matter=as_written(model.front_matter))
    for slide in model.slides:
        first, last = slide.body
        body = ["" if number in model.hidden else lines[number - 1]
                for number in range(first, last + 1)]
        levels = {number - first: heading.level for number, heading in model.headings.items()
                  if first <= number <= last}
        body = rewrite_prose(
            body,
            {number - first + 1 for number in blocks},
            lambda prose: emojize(strike_as_html(prose)),
        )
        text_lines = keep_heading_levels(link_headings_to_steps(body, steps), levels)
        deck.slides.append(
            MystSlide(directive_options(slide.options), "\n".join(text_lines).strip("\n"))
        )
    return deck, model.problems


def setup_markpress(app: Sphinx) -> None:
    """Register the parser and the ``.markpress`` suffix."""
    app.add_source_parser(MarkpressParser)
    app.add_source_suffix(SUFFIX, FILE_TYPE)
