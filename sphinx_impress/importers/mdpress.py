"""Read mdpress decks as they are: a Sphinx source parser for the file type ``mdpress``
(files ending in ``.mdpress``, or any suffix mapped to it in ``source_suffix``).

The format (mdpress's ``bin/mdpress`` and its USAGE.md): optional YAML front matter
(``title``, ``author``); slides separated by lines of three or more ``-`` (also
``- - -``); a line starting with ``=`` directly after a separator (or on the first
line of the deck) holds raw HTML attributes of the slide's step element
(``= data-x='1000' id='intro'``). mdpress's impress.js had no inheritance, so a
coordinate that is not given is 0 and a missing scale 1. The slide bodies are
Markdown, read by myst-parser with the project's MyST settings: a separator inside a
code fence is not a separator, and ``---`` directly under a line of text underlines a
heading, as in every CommonMark reader (mdpress split slides there; a warning says
so). A line written like an attribute line anywhere else is shown as text, as mdpress
showed it, with a warning; of an attribute given twice the first value counts, as in
the browser that showed mdpress's page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
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
    from markdown_it.token import Token
    from sphinx.application import Sphinx

#: The file type of mdpress decks, for ``source_suffix = {".md": "mdpress"}``.
FILE_TYPE = "mdpress"

#: The suffix that is read as an mdpress deck without any configuration.
SUFFIX = ".mdpress"

#: One HTML attribute: a name, then optionally ``=`` and a quoted or bare value (HTML
#: Living Standard, "Attributes"; a bare value has no quotes, ``=``, ``<``, ``>`` or
#: backtick).
_ATTRIBUTE = re.compile(
    r"""\s*(?P<name>[^\s"'<>/=]+)"""
    r"""(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=<>`]+)))?"""
)

#: Attributes of a slide's step element besides ``data-*``.
KNOWN_ATTRIBUTES = ("id", "class", "style")


class AttributeError_(ValueError):
    """An attribute line that is not a list of HTML attributes."""


def parse_attribute_list(text: str) -> list[tuple[str, str]]:
    """Read the HTML attributes of an attribute line (without its ``=``), in order.

    :param text: ``data-x='1000' id="intro" class=wide``.
    :returns: ``(name, value)`` pairs, names in lower case, entities decoded; a name
        given without a value has the value ``""``. A name may come more than once.
    :raises AttributeError_: where the text stops being attributes (a stray quote,
        ``=`` without a name...), naming the text that is left.
    """
    result: list[tuple[str, str]] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _ATTRIBUTE.match(text, position)
        if match is None or match.end() == position:
            raise AttributeError_(f"{text[position:].strip()!r} is not an HTML attribute")
        value = next((v for v in match.group("double", "single", "bare") if v is not None), "")
        end = match.end()
        if end < len(text) and not text[end].isspace():
            raise AttributeError_(f"{text[match.start():].strip()!r} is not an HTML attribute")
        result.append((match["name"].lower(), html.unescape(value)))
        position = end
    return result


def parse_attributes(text: str) -> dict[str, str]:
    """The HTML attributes of an attribute line (without its ``=``) by name (see
    :func:`parse_attribute_list`). Of a name given more than once the first value is
    kept, as browsers keep it (HTML Living Standard, "Attribute name state": a
    duplicate attribute is dropped), so mdpress's step element had that one.

    :raises AttributeError_: for text that is not HTML attributes.
    """
    result: dict[str, str] = {}
    for name, value in parse_attribute_list(text):
        result.setdefault(name, value)
    return result


def repeated_attributes(text: str) -> list[tuple[str, str, str]]:
    """``(name, first value, later value)`` for each attribute of an attribute line
    (without its ``=``) that is given again; ``[]`` for text that is not attributes."""
    try:
        pairs = parse_attribute_list(text)
    except AttributeError_:
        return []
    first: dict[str, str] = {}
    found = []
    for name, value in pairs:
        if name in first:
            found.append((name, first[name], value))
        else:
            first[name] = value
    return found


def looks_like_attributes(line: str) -> bool:
    """Whether ``line`` is written like an attribute line: ``=`` first, then HTML
    attributes, at least one of them a step's (``data-*``, ``id``, ``class``,
    ``style``)."""
    if not line.startswith("="):
        return False
    try:
        pairs = parse_attribute_list(line[1:])
    except AttributeError_:
        return False
    return any(name in KNOWN_ATTRIBUTES or name.startswith("data-") for name, _ in pairs)


#: A line that mdpress read as a slide separator (``bin/mdpress``: three or more
#: ``-``, spaces allowed between them).
MDPRESS_SEPARATOR = re.compile(r"^(?:-\s*){3,}$")


@dataclass
class MdpressSlide:
    """Where one slide of an mdpress deck stands (0-based line numbers).

    ``separator``: the line of the separator that opens it (``None`` for the first
    slide); ``start``: its first line; ``end``: the line after its last;
    ``attributes``: the line of its attribute line, if it has one.
    """

    separator: int | None
    start: int
    end: int
    attributes: int | None = None
    #: Whether anything between the slide's separator (or attribute line) and the next
    #: shows on the slide (comments and targets do not).
    content: bool = False


@dataclass
class MdpressLayout:
    """The slides of an mdpress deck as lines: ``body`` is the first line after the
    front matter; ``front_matter`` the YAML data (``{}`` when there is none)."""

    body: int
    slides: list[MdpressSlide] = field(default_factory=list)
    front_matter: dict[str, Any] = field(default_factory=dict)
    #: Rules of ``*`` or ``_`` at the top level (they stay inside their slide).
    rules: list[int] = field(default_factory=list)
    #: Lines written like an attribute line (:func:`looks_like_attributes`) that do
    #: not stand where one sets a slide: they are shown as text, as mdpress showed them.
    stray_attributes: list[int] = field(default_factory=list)
    #: Lines that mdpress split slides at but that underline the line of text above
    #: them as a heading (CommonMark's setext heading), so they separate nothing.
    underlines: list[int] = field(default_factory=list)

    @property
    def separators(self) -> set[int]:
        """The lines that separate slides."""
        return {slide.separator for slide in self.slides if slide.separator is not None}


def read_layout(
    text: str, md: MarkdownIt | None = None, tokens: Sequence[Token] | None = None
) -> MdpressLayout:
    """Find the slides of an mdpress deck.

    A separator is a thematic break of ``-`` at the top level of the Markdown, as
    ``md`` (myst-parser's parser) reads it, so code fences, indented code and
    ``---`` heading underlines are told apart exactly as in the slide bodies.

    :param tokens: ``md``'s tokens of ``text``, when they are parsed already.
    """
    if tokens is None:
        tokens = (md or markdown_parser()).parse(text)
    body, front_matter = _front_matter(tokens)
    breaks = [
        (token.map[0], token.markup)
        for token in tokens
        if token.type == "hr" and token.level == 0 and token.map
    ]
    separators = [line for line, markup in breaks if set(markup) == {"-"}]
    lines = text.splitlines()
    layout = MdpressLayout(body, front_matter=front_matter)
    layout.slides = _slides(tokens, lines, body, separators)
    layout.rules = [line for line, markup in breaks if set(markup) != {"-"}]
    layout.stray_attributes = _stray_attributes(tokens, lines, layout)
    layout.underlines = _underlines(tokens, lines)
    return layout


def _slides(
    tokens: Sequence[Token], lines: Sequence[str], body: int, separators: Sequence[int]
) -> list[MdpressSlide]:
    """The slides between the separators, each with its attribute line and whether it
    has content."""
    starts = [(None, body), *((line, line + 1) for line in separators)]
    ends = [*separators, len(lines)]
    shown = [
        token.map
        for token in tokens
        if token.level == 0 and token.map and token.nesting >= 0
        and token.type not in _INVISIBLE_TOKENS
    ]
    slides = []
    for (separator, start), end in zip(starts, ends, strict=True):
        slide = MdpressSlide(separator, start, end)
        if start < end and lines[start].startswith("="):
            slide.attributes = start
        first = start + (1 if slide.attributes is not None else 0)
        slide.content = any(a < end and b > first for a, b in shown)
        slides.append(slide)
    return slides


def _front_matter(tokens: Sequence[Token]) -> tuple[int, dict[str, Any]]:
    """The first line after the YAML front matter, and its data (``{}`` when there is
    none or it is not a mapping; myst-parser warns about YAML it cannot read)."""
    import yaml

    if not tokens or tokens[0].type != "front_matter":
        return 0, {}
    body = tokens[0].map[1] if tokens[0].map else 0
    try:
        data = yaml.safe_load(tokens[0].content)
    except yaml.YAMLError:
        data = None
    return body, data if isinstance(data, dict) else {}


def _stray_attributes(
    tokens: Sequence[Token], lines: Sequence[str], layout: MdpressLayout
) -> list[int]:
    """Lines written like an attribute line that set no slide (not code)."""
    code = code_lines(tokens, ("fence", "code_block", "html_block"))
    taken = {slide.attributes for slide in layout.slides}
    return [
        index
        for index in range(layout.body, len(lines))
        if index not in taken and index not in code and looks_like_attributes(lines[index])
    ]


def _underlines(tokens: Sequence[Token], lines: Sequence[str]) -> list[int]:
    """Lines of ``---`` that underline a heading (CommonMark's setext heading)."""
    found = []
    for token in tokens:
        if token.type != "heading_open" or token.markup != "-" or token.level != 0:
            continue
        if token.map and MDPRESS_SEPARATOR.match(lines[token.map[1] - 1].strip()):
            found.append(token.map[1] - 1)
    return found


def read_mdpress(
    text: str, md: MarkdownIt | None = None, tokens: Sequence[Token] | None = None
) -> DeckModel:
    """Understand an mdpress deck once: where its slides are (:func:`read_layout`),
    what each slide's attribute line gives its step, and every problem with its line.

    :param tokens: ``md``'s tokens of ``text``, when they are parsed already.
    :returns: the deck model: front matter ``title`` and ``author`` as written; each
        slide's body lines, attributes as fields and step options (a missing axis 0, a
        missing scale 1), its line that of its separator (the first slide's: its first
        line); the headings, the rules of ``*`` and ``_`` that stay inside their slide,
        and the attribute lines (hidden).
    """
    md = md or markdown_parser()
    if tokens is None:
        tokens = md.parse(text)
    layout = read_layout(text, md, tokens)
    lines = text.splitlines()
    model = DeckModel(front_matter=dict(layout.front_matter))
    window_settings(model.front_matter)
    model.headings = heading_levels(tokens)
    model.rules = [line + 1 for line in layout.rules]
    model.hidden = {slide.attributes + 1 for slide in layout.slides if slide.attributes is not None}
    model.problems.extend(_layout_problems(layout))
    for index, slide in enumerate(layout.slides):
        model.slides.append(_slide(index, slide, lines, model.problems))
    return model


def _layout_problems(layout: MdpressLayout) -> list[Problem]:
    """What the author should hear about the deck's separators and attribute lines."""
    problems = []
    if not layout.separators:
        problems.append(Problem(
            "separator",
            "this mdpress deck has no slide separator (a line of ---): it is built as one slide",
            line=layout.body + 1,
        ))
    problems.extend(
        Problem(
            "separator",
            "this line of - underlines the text above it as a heading (CommonMark), so it "
            "does not separate slides as mdpress did; for a new slide, leave a blank line "
            "above it",
            line=line + 1,
        )
        for line in layout.underlines
    )
    problems.extend(
        Problem(
            "attributes",
            "this line is written like an mdpress attribute line, but only one directly "
            "after a separator (or on the deck's first line) sets a slide's step; it is "
            "shown as text, as mdpress showed it",
            line=line + 1,
        )
        for line in layout.stray_attributes
    )
    return problems


def _slide(
    index: int, slide: MdpressSlide, lines: Sequence[str], problems: list[Problem]
) -> SlideModel:
    """One slide's fields, comments and step options; its problems go to ``problems``."""

    def problem(kind: str, message: str, line: int, index: int | None = None) -> None:
        problems.append(Problem(kind, message, index, line))

    fields: list[Field] = []
    comments: list[str] = []
    if slide.attributes is not None:
        fields = _attribute_fields(
            lines[slide.attributes], slide.attributes + 1, problem, index, comments
        )
    if slide.attributes is None and not slide.content:
        where = slide.separator if slide.separator is not None else slide.start
        problem(
            "separator", "this slide is empty: nothing between its separator and the next",
            where + 1, index,
        )
    attributes = {
        item.name: item.value
        for item in fields
        if item.name in KNOWN_ATTRIBUTES or item.name.startswith("data-")
    }
    style = attributes.pop("style", None)
    options, option_problems = absolute_options(attributes, number=index + 1)
    for found in option_problems:
        problem(found.kind, found.message, slide.start + 1, index)
    if style is not None:
        # written on the step element as it is, like the data-* attributes
        options = replace(options, data={**options.data, "style": style})
    first = slide.start + (2 if slide.attributes is not None else 1)
    opens = slide.separator + 1 if slide.separator is not None else slide.start + 1
    return SlideModel(opens, (first, slide.end), fields, options, comments)


def _attribute_fields(
    line: str, number: int, problem: Callable[..., None], index: int, comments: list[str]
) -> list[Field]:
    """The attributes of an attribute line (line ``number``), the first of a name given
    twice; problems for text that is not HTML attributes, a repeated attribute and an
    attribute a step element does not take; what the step does not take goes to
    ``comments``."""
    try:
        found = parse_attributes(line[1:])
    except AttributeError_ as error:
        problem(
            "attributes",
            f"this attribute line is not HTML attributes: {error}; the slide keeps the "
            "defaults (position 0, scale 1)",
            number,
            index,
        )
        comments.append(f"mdpress attribute line: {line}")
        return []
    for name, first, later in repeated_attributes(line[1:]):
        problem(
            "attributes",
            f"attribute {name!r} is given more than once; the first value ({first!r}) is "
            f"used, as browsers use it, not {later!r}",
            number,
            index,
        )
    for name in found:
        if name not in KNOWN_ATTRIBUTES and not name.startswith("data-"):
            comments.append(f"mdpress attribute: {name}={found[name]!r}")
            problem(
                "attributes",
                f"attribute {name!r} is not one of a step's (data-*, "
                f"{', '.join(KNOWN_ATTRIBUTES)}); it is ignored",
                number,
                index,
            )
    return [Field(name, value, number) for name, value in found.items()]


#: Markdown tokens that show nothing on a slide: MyST comments and targets, front
#: matter, and the separators themselves.
_INVISIBLE_TOKENS = frozenset({"myst_line_comment", "myst_target", "front_matter", "hr"})


def without_lines(tokens: Sequence[Token], lines: set[int]) -> list[Token] | None:
    """``tokens`` without the paragraphs that are exactly one of ``lines`` (1-based):
    the tokens the text with those lines blank gives, or ``None`` where one of the
    lines runs on into the text under it or is read as something else (a heading's
    text), so that only a parse of that text gives them."""
    kept = list(tokens)
    for line in sorted(lines, reverse=True):
        index = next(
            (i for i, token in enumerate(kept) if token.map and token.map[0] == line - 1),
            None,
        )
        if index is None:
            return None
        opening = kept[index]
        if opening.type != "paragraph_open" or opening.map != [line - 1, line]:
            return None
        del kept[index : index + 3]  # paragraph_open, inline, paragraph_close
    return kept


class MdpressParser(MystParser):
    """Sphinx source parser for mdpress decks (file type ``mdpress``).

    The deck is parsed once by myst-parser with the project's MyST settings and read by
    :func:`read_mdpress`; its tokens, without the attribute lines, are rendered and cut
    into one ``step`` node with content per slide, with the step options the model
    gives; a heading keeps its level (``##`` is an ``h2`` on every slide). (Where an
    attribute line runs on into the text under it, the text without it is parsed
    again, as mdpress left it out.) Every problem of the model is a located warning:
    ``impress.attributes``, ``impress.separator`` and those of the ``step`` options.
    """

    # myst-parser declares it on instances, docutils on the class: either way a tuple
    supported = (FILE_TYPE,)  # type: ignore[misc]

    def parse(self, inputstring: str, document: nodes.document) -> None:
        """Parse and read the deck, render its slide bodies, then cut the document into
        slides at the separators."""
        env = getattr(document.settings, "env", None)
        config = getattr(env, "myst_config", None)
        if config is None:
            warn(
                "mdpress decks are Markdown read by myst-parser: add 'myst_parser' to "
                "extensions in conf.py (without it, links to a step's id are not "
                "resolved); using MyST's default settings",
                ImpressWarnings.CONFIG,
                docname_of(document),
            )
            config = MdParserConfig()
        md = markdown_parser(config)
        md_env: dict[str, Any] = {}
        tokens = md.parse(inputstring, md_env)
        model = read_mdpress(inputstring, md, tokens)
        body = without_lines(tokens, model.hidden)
        if body is None:
            lines = inputstring.splitlines()
            for number in model.hidden:
                lines[number - 1] = ""  # keeps every other line where it was
            md_env = {}
            body = md.parse("\n".join(lines) + "\n", md_env)
        render_tokens(md, body, md_env, document)
        add_front_matter(document, {key: model.front_matter[key] for key in WINDOW_KEYS})
        title = model.front_matter.get("title")
        if title and "title" not in document:
            document["title"] = str(title)
        for section in document.findall(nodes.section):
            # the heading keeps its number of # on every slide (HEADING_LEVEL)
            heading = model.headings.get(section.line or 0)
            if heading:
                section[HEADING_LEVEL] = heading.level
        self._cut(document, model)
        document[FOREIGN] = FILE_TYPE

    def _cut(self, document: nodes.document, model: DeckModel) -> None:
        separators = {slide.line for slide in model.slides[1:]}
        cutter = SlideCutter(lambda node: node.line in separators, "start")
        children = list(document.children)
        head = []
        while children and isinstance(children[0], nodes.field_list | nodes.docinfo):
            head.append(children.pop(0))  # the front matter stays the document's
        document.clear()
        cutter.cut(children, document.get("source", ""))
        document.extend(head)
        document.extend(cutter.prelude)
        docname = docname_of(document)
        report(model.problems, docname, docname)
        for index, (slide, cut) in enumerate(zip(model.slides, cutter.slides, strict=True)):
            for rule in list(cut.node.findall(nodes.transition)):
                if not isinstance(rule.parent, nodes.section):
                    # a horizontal rule of * or _ directly in a slide: docutils allows
                    # transitions only in sections, so it is written as HTML's own rule
                    rule.replace_self(nodes.raw("", "<hr />", format="html"))
            # the line after the slide's separator (the first slide: its first line)
            cut.node.line = slide.line + (1 if index else 0)
            cut.node["impress_options"] = slide.options
            document.append(cut.node)


def convert_mdpress(text: str, source: str = "<deck>") -> tuple[MystDeck, list[Problem]]:
    """The MyST deck of an mdpress deck, and the problems its reader found (the
    parser's warnings, worded the same). The slide bodies are Markdown already and
    are kept as written, but for a heading that a step would show at another level,
    which is written as a ``rubric`` with its level; every axis is written as the build
    places it. A ``style``
    attribute, which a MyST step does not take, is kept as a comment, with a note.
    ``~~struck~~`` text is written as ``<s>`` HTML, as the deck built as it is shows it
    (not in code or raw HTML)."""
    model = read_mdpress(text)
    lines = text.splitlines()
    blocks = code_lines(markdown_parser().parse(text), ("fence", "code_block", "html_block"))
    steps = heading_steps(model.headings, model.slides)
    deck = MystDeck(front_matter=as_written(model.front_matter))
    for slide in model.slides:
        comments = list(slide.comments)
        style = slide.options.data.get("style")
        if style is not None:
            line = next(item.line for item in slide.fields if item.name == "style")
            comments.insert(0, f"mdpress attribute: style={style!r}")
            deck.notes.append(Problem(
                "attributes",
                f"the attribute style={style!r} has no step option; kept as a comment",
                line=line,
            ))
        data = {name: value for name, value in slide.options.data.items() if name != "style"}
        first, last = slide.body
        body = rewrite_prose(
            lines[first - 1 : last], {number - first + 1 for number in blocks}, strike_as_html
        )
        for rule in model.rules:
            if first <= rule <= last:
                # a rule of * or _ inside a slide: docutils allows a transition only
                # in a section, so it is written as HTML's own rule
                body[rule - first] = "<hr />"
        levels = {
            number - first: heading.level
            for number, heading in model.headings.items()
            if first <= number <= last
        }
        options = directive_options(replace(slide.options, data=data))
        text = "\n".join(keep_heading_levels(link_headings_to_steps(body, steps), levels))
        deck.slides.append(MystSlide(options, text, comments))
    return deck, model.problems


def setup_mdpress(app: Sphinx) -> None:
    """Register the parser and the ``.mdpress`` suffix."""
    app.add_source_parser(MdpressParser)
    app.add_source_suffix(SUFFIX, FILE_TYPE)
