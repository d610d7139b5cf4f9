"""``sphinx-impress convert --from revealjs``: a sphinx-revealjs deck (reStructuredText)
written as a MyST deck that builds without sphinx-revealjs installed.

A sphinx-revealjs deck is a reST document whose sections are slides (sphinx-revealjs's
docs, "Basic usage"): the document's title section is the title slide, each section
under it a horizontal slide, each section under those a vertical slide; deeper
sections stay inside their slide. Its directives (``revealjs-*``) are rewritten:

``revealjs-break``
    a new slide with the rest of the section, under the section's title again unless
    ``:notitle:`` is given;
``revealjs-notes``
    ``notes`` (speaker notes, never on the slide);
``revealjs-fragments``
    ``substep`` (with ``:items:`` when it holds a list: each item on its own press);
``revealjs-code-block``, ``revealjs-literalinclude``
    ``code-block`` and ``literalinclude`` (``:data-ln-start-from:`` becomes
    ``:lineno-start:``);
``revealjs-section``, ``revealjs-slide``, ``revealjs-vertical``
    reveal.js's settings of a slide, a deck or a column of slides (backgrounds,
    transitions, auto-animate): impress.js has none of them, so each is kept as a
    comment with a note.

Every ``include`` is read into the deck, so that the MyST file stands alone. Each
slide is a ``step`` directive placed as reveal.js lays slides out: the horizontal
slides side by side (1.2 deck widths apart), each vertical slide below the one before
(1.2 deck heights apart). Its title keeps its level (``#`` for the title slide,
``rubric`` directives for the others); its body stays reStructuredText in an
``eval-rst`` block.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes

from ..core.problems import Problem
from .myst_writer import MystDeck, MystSlide, fence
from .rst import IncludedLine, is_overline, parse_rst, read_with_includes

#: A directive at the start of a line, with its indentation, name and argument.
_DIRECTIVE = re.compile(r"^(?P<indent>\s*)\.\.\s+(?P<name>[\w:-]+)::(?P<argument>.*)$")

#: An option line of a directive: ``:name: value``.
_OPTION = re.compile(r"^\s*:(?P<name>[^:]+):(?P<value>.*)$")

#: Directives whose content is literal text (code), not reStructuredText.
_LITERAL = frozenset({
    "code-block", "code", "sourcecode", "parsed-literal", "revealjs-code-block", "raw",
    "math", "highlight",
})

#: reveal.js's settings that impress.js has no use for.
_SETTINGS = ("revealjs-section", "revealjs-slide", "revealjs-vertical")

#: How far apart slides are: horizontal ones by deck widths, vertical by heights.
SPACING = 1.2


@dataclass
class _Slide:
    """One slide: its title (``None`` without one), its level, its body lines
    (indexes into the deck's lines) and its place in reveal.js's grid."""

    title: str | None
    level: int
    body: list[int]
    column: int
    row: int
    options: list[tuple[str, str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)


def convert_revealjs(text: str, source: str = "<deck>") -> tuple[MystDeck, list[Problem]]:
    """The MyST deck of a sphinx-revealjs deck (see the module), and the notes on what
    it keeps differently, each with its line in the deck (the line of the include, for
    what an included file holds)."""
    problems: list[Problem] = []
    lines = read_with_includes(text, Path(source), problems)
    plain = [line.text for line in lines]
    document = parse_rst("\n".join(plain), source)
    deck = MystDeck()
    top = [child for child in document.children if isinstance(child, nodes.section)]
    fields = next((c for c in document.children if isinstance(c, nodes.field_list)), None)
    if fields is not None:
        for item in fields.findall(nodes.field):
            deck.front_matter[item[0].astext().strip()] = item[1].astext().strip()
    converter = _Converter(lines, problems, source)
    converter.levels = {
        (title.line or 1) - 1: len(_sections_around(title))
        for title in document.findall(nodes.title)
        if isinstance(title.parent, nodes.section)
    }
    if len(top) == 1:
        deck.front_matter["title"] = top[0][0].astext()
        converter.section(top[0], 1, 0)
    else:
        for column, section in enumerate(top):
            converter.section(section, 2, column)
    for slide in converter.slides:
        deck.slides.append(converter.write(slide))
    deck.notes.extend(converter.notes)
    if converter.slides:
        deck.notes.append(Problem(
            "config",
            "the MyST deck builds without sphinx-revealjs: take sphinx_revealjs (and its "
            "sphinx_revealjs.ext.* extensions) out of extensions in conf.py, and add "
            "myst_parser and sphinx_impress",
            line=1,
        ))
    return deck, problems


class _Converter:
    def __init__(self, lines: Sequence[IncludedLine], problems: list[Problem], source: str) -> None:
        self.lines = lines
        self.problems = problems
        self.source = source
        self.slides: list[_Slide] = []
        self.notes: list[Problem] = []
        self.literal = _literal_lines([line.text for line in lines])
        #: The level of each section title, by the index of its underline.
        self.levels: dict[int, int] = {}

    def line_of(self, index: int) -> int:
        """The line in the deck read by the user (an include's line for its lines)."""
        line = self.lines[index]
        if line.source == self.source:
            return line.number
        for before in range(index, -1, -1):
            if self.lines[before].source == self.source:
                return self.lines[before].number
        return 1

    def note(self, message: str, index: int) -> None:
        line = self.lines[index]
        where = ""
        if line.source != self.source:
            where = f"{Path(line.source).name}, line {line.number}: "
        self.notes.append(Problem("step", where + message, line=self.line_of(index)))

    def section(self, section: nodes.section, level: int, column: int) -> int:
        """The slides of ``section`` (level 1: the title slide; 2: a horizontal slide;
        3: a vertical one) and of its sections, in column ``column`` (the title slide
        and each horizontal slide start one); the next column."""
        title = section[0]
        start = title.line or 1  # the index of the line after the title's underline
        subsections = [c for c in section.children if isinstance(c, nodes.section)]
        end = (_section_start(self.lines, subsections[0]) if subsections and level < 3
               else _section_end(self.lines, section))
        self._slides(self.lines[start - 2].text.strip(), level, list(range(start, end)), column)
        if level == 1:
            next_column = column + 1
            for sub in subsections:
                next_column = self.section(sub, 2, next_column)
            return next_column
        if level == 2:
            for sub in subsections:
                self.section(sub, 3, column)
        return column + 1

    def _new_slide(self, title: str | None, level: int, column: int) -> _Slide:
        """A slide below the last one of its column (the first at its top)."""
        row = sum(1 for slide in self.slides if slide.column == column)
        slide = _Slide(title, level, [], column, row)
        self.slides.append(slide)
        return slide

    def _slides(self, written: str, level: int, body: list[int], column: int) -> None:
        """One slide, or more where ``revealjs-break`` cuts it (each below the one
        before, as reveal.js stacks them)."""
        current = self._new_slide(written, level, column)
        skip_until = -1
        for index in body:
            if index < skip_until:
                continue
            match = _DIRECTIVE.match(self.lines[index].text)
            if match is None or match["indent"] or index in self.literal:
                current.body.append(index)
                continue
            name = match["name"]
            options, after = _options(self.lines, index + 1)
            if name == "revealjs-break":
                skip_until = after
                notitle = any(option == "notitle" for option, _ in options)
                current = self._new_slide(None if notitle else written, level, column)
                self._settings(current, [o for o in options if o[0] != "notitle"], index, name)
                continue
            if name in _SETTINGS:
                skip_until = after
                self._settings(current, options, index, name)
                continue
            current.body.append(index)

    def _settings(
        self, slide: _Slide, options: list[tuple[str, str]], index: int, name: str
    ) -> None:
        for option, value in options:
            slide.comments.append(f"{name} :{option}: {value.strip()}".rstrip())
        if options or name != "revealjs-break":
            listed = ", ".join(option for option, _ in options) or "no options"
            self.note(
                f"{name} ({listed}): reveal.js's settings of a slide, which impress.js "
                "has no use for; kept as a comment",
                index,
            )

    def write(self, slide: _Slide) -> MystSlide:
        """A slide as a ``step`` directive: its place, its title, its body."""
        options = [
            ("x", f"{_number(slide.column * SPACING)}w"),
            ("y", f"{_number(slide.row * SPACING)}h"),
        ]
        parts: list[str] = []
        if slide.title:
            if slide.level == 1:
                parts.append(f"# {slide.title}")
            else:
                parts.append(f"```{{rubric}} {slide.title}\n:heading-level: {slide.level}\n```")
        body = self._body(slide.body)
        if body.strip():
            marks = fence(body)
            parts.append(f"{marks}{{eval-rst}}\n{body}\n{marks}")
        return MystSlide(options, "\n\n".join(parts), slide.comments)

    def _body(self, indexes: list[int]) -> str:
        """The body's lines as Sphinx reStructuredText without sphinx-revealjs."""
        lines: list[str] = []
        skip_until = -1
        for index in indexes:
            if index < skip_until:
                continue
            text = self.lines[index].text
            if index + 1 in self.levels and index not in self.literal:
                # a section deeper than a slide: a heading of its level inside it
                if lines and _RULE.match(lines[-1]):
                    lines.pop()  # its overline
                level = self.levels[index + 1]
                lines.extend(
                    [f".. rubric:: {text.strip()}", f"   :heading-level: {min(level, 6)}", ""]
                )
                skip_until = index + 2
                continue
            match = _DIRECTIVE.match(text)
            if match is None or index in self.literal:
                lines.append(text)
                continue
            indent, name = match["indent"], match["name"]
            if name == "revealjs-notes":
                lines.append(f"{indent}.. notes::{match['argument']}")
            elif name == "revealjs-fragments":
                options, after = _options(self.lines, index + 1)
                lines.append(f"{indent}.. substep::")
                content = [self.lines[i].text for i in range(after, len(self.lines))
                           if self.lines[i].text.strip()]
                if content and re.match(r"^\s*(?:[-*+]|\d+\.|#\.)\s", content[0]):
                    lines.append(f"{indent}   :items:")
                for option, value in options:
                    self.note(
                        f"revealjs-fragments :{option}: {value}: reveal.js's fragment "
                        "effect; impress.js reveals substeps as the theme shows them",
                        index,
                    )
                skip_until = after
            elif name in ("revealjs-code-block", "revealjs-literalinclude"):
                plain = name.removeprefix("revealjs-")
                lines.append(f"{indent}.. {plain}::{match['argument']}")
                options, after = _options(self.lines, index + 1)
                written: list[str] = []
                for option, value in options:
                    if option == "data-ln-start-from":
                        written.append(f"{indent}   :lineno-start:{value}")
                        written.append(f"{indent}   :linenos:")
                    elif option == "data-line-numbers":
                        written.append(f"{indent}   :linenos:")
                        self.note(
                            f"{name} :data-line-numbers: {value.strip()}: reveal.js "
                            "highlights these lines step by step; the code shows line "
                            "numbers",
                            index,
                        )
                    elif option.startswith("data-"):
                        self.note(f"{name} :{option}: has no meaning here; left out", index)
                    else:
                        written.append(f"{indent}   :{option}:{value}")
                lines.extend(dict.fromkeys(written))  # each option once
                skip_until = after
            elif name in _SETTINGS:
                options, after = _options(self.lines, index + 1)
                self.note(
                    f"{name} inside a directive: reveal.js's settings, which impress.js "
                    "has no use for; left out",
                    index,
                )
                skip_until = after
            else:
                lines.append(text)
        return "\n".join(lines).strip("\n")


def _number(value: float) -> str:
    return f"{value:g}"


def _options(lines: Sequence[IncludedLine], start: int) -> tuple[list[tuple[str, str]], int]:
    """The option lines of a directive from line ``start``: ``(name, value)`` pairs and
    the index after them."""
    options = []
    index = start
    while index < len(lines):
        match = _OPTION.match(lines[index].text)
        if match is None or not lines[index].text[:1].isspace():
            break
        options.append((match["name"].strip(), match["value"]))
        index += 1
    return options, index


def _literal_lines(lines: Sequence[str]) -> set[int]:
    """The indexes of lines that are literal text: the content of code directives and
    of literal blocks after ``::``."""
    literal: set[int] = set()
    index = 0
    while index < len(lines):
        text = lines[index]
        match = _DIRECTIVE.match(text)
        base = len(text) - len(text.lstrip())
        opens = (match is not None and match["name"] in _LITERAL) or (
            (match is None and text.rstrip().endswith("::") and text.strip() != "::") or
            text.strip() == "::"
        )
        index += 1
        if not opens:
            continue
        while index < len(lines):
            line = lines[index]
            if line.strip() and len(line) - len(line.lstrip()) <= base:
                break
            literal.add(index)
            index += 1
    return literal


#: A section title underline (or overline) of reST.
_RULE = re.compile(r"^([=\-`:'\"~^_*+#<>.])\1{2,}\s*$")


def _sections_around(title: nodes.title) -> list[nodes.section]:
    """The sections that hold a title, its own first."""
    found = []
    node: nodes.Node | None = title.parent
    while node is not None:
        if isinstance(node, nodes.section):
            found.append(node)
        node = node.parent
    return found


def _section_start(lines: Sequence[IncludedLine], section: nodes.section) -> int:
    """The index of the first line of a section's title (its overline, if any)."""
    title_line = (section[0].line or 2) - 2  # 0-based index of the title text
    texts = [line.text for line in lines]
    return title_line - 1 if is_overline(texts, title_line) else title_line


def _section_end(lines: Sequence[IncludedLine], section: nodes.section) -> int:
    """The index after a section's last line: where the next section at its level or
    above starts, else the end of the deck."""
    node: nodes.Node | None = section
    while node is not None and not isinstance(node, nodes.document):
        parent = node.parent
        if parent is None:
            break
        siblings = parent.children
        position = siblings.index(node)
        for sibling in siblings[position + 1:]:
            if isinstance(sibling, nodes.section):
                return _section_start(lines, sibling)
        node = parent
    return len(lines)
