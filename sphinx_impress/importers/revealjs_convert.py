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
    a ``substep`` for each element of its content (with ``:items:`` for a list: each
    item on its own press), as where the deck builds as it is;
``revealjs-code-block``, ``revealjs-literalinclude``
    ``code-block`` and ``literalinclude`` (``:data-ln-start-from:`` becomes
    ``:lineno-start:``);
``revealjs-section``, ``revealjs-slide``, ``revealjs-vertical``
    reveal.js's settings of a slide, a deck or a column of slides: what the build
    carries over is the step's options, the rest is kept as a comment with a note.

Every ``include`` is read into the deck, so that the MyST file stands alone. The MyST
deck gives the presentation the deck gives built as it is
(:mod:`sphinx_impress.importers.revealjs`): each slide a ``step`` directive with the id
the build gives it (from its section's title, else ``step-N``) and no place (the deck's
layout places the steps, as there), the options the build carries over
(:func:`~sphinx_impress.importers.revealjs.read_slide_options`) as step options, its
title as the slide's heading (``rubric``, level 1; deeper sections a level from 2), its
labels kept with it, references to section titles as links to their steps, comments
as ``notes`` where ``revealjs_notes_from_comments`` is set in the deck's ``conf.py``;
its body stays reStructuredText in an ``eval-rst`` block.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from docutils import nodes

from ..core.options import StepOptions, check_id, is_page_id
from ..core.problems import Problem
from .myst_writer import MystDeck, MystSlide, directive_options, fence, rubric
from .revealjs import read_slide_options
from .rst import (
    DIRECTIVE,
    IncludedLine,
    definition_lines,
    is_overline,
    link_title_references,
    literal_lines,
    parse_rst,
    read_with_includes,
    title_targets,
)

#: An option line of a directive: ``:name: value``.
_OPTION = re.compile(r"^\s*:(?P<name>[^:]+):(?P<value>.*)$")

#: reveal.js's settings that impress.js has no use for.
_SETTINGS = ("revealjs-section", "revealjs-slide", "revealjs-vertical")

#: A label (an explicit hyperlink target naming what follows), at the start of a line.
_LABEL = re.compile(r"^\.\.\s+_(?:[^:`\s][^:]*|`[^`]+`):\s*$")


@dataclass
class _Slide:
    """One slide: its title as written (``None`` without one), the depth of its
    section in the document (1: the document's title), its body lines (indexes into
    the deck's lines), whether the title is plain text (the same in MyST), ``named``:
    the title's text where the slide is its section's own (the build makes the step
    id of it; ``None`` for a slide a ``revealjs-break`` starts), the step options its
    ``revealjs-section`` or ``revealjs-break`` carries over, the reveal.js settings
    kept as comments, the labels (``.. _name:`` lines) that name its section, and the
    section (for the slide that is its own)."""

    title: str | None
    depth: int
    body: list[int]
    plain: bool = True
    named: str | None = None
    options: StepOptions = StepOptions()
    comments: list[str] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)
    section: nodes.section | None = None


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
    deck.front_matter.update(_fields(document))
    converter = _Converter(lines, problems, source)
    converter.notes_from_comments = conf_value(Path(source), "revealjs_notes_from_comments") is True
    converter.levels = {
        (title.line or 1) - 1: len(_sections_around(title))
        for title in document.findall(nodes.title)
        if isinstance(title.parent, nodes.section)
    }
    if len(top) == 1:
        deck.front_matter["title"] = top[0][0].astext()
        converter.section(top[0], 1)
    else:
        for section in top:
            converter.section(section, 2)
    converter.join_empty_breaks()
    step_ids = [
        converter.step_id(slide.named, number)
        for number, slide in enumerate(converter.slides, start=1)
    ]
    converter.title_ids = _title_anchors(document, converter.slides, step_ids)
    for slide, step_id in zip(converter.slides, step_ids, strict=True):
        deck.slides.append(converter.write(slide, step_id))
    if top:
        # the definitions before the title (substitutions, targets, roles), for the
        # whole deck; labels right before the title go with its slide
        labels = {index + 1 for slide in converter.slides for index in slide.labels}
        first = _section_start(lines, top[0]) + 1
        found = definition_lines(plain, first, labels)
        deck.definitions = [plain[number - 1] for number in sorted(found)]
    deck.notes.extend(converter.notes)
    if converter.slides:
        deck.notes.append(_setup_note(converter.notes_from_comments))
    return deck, problems


def _setup_note(notes_from_comments: bool) -> Problem:
    """What to change in ``conf.py`` for the MyST deck."""
    return Problem(
        "config",
        "the MyST deck builds without sphinx-revealjs: take sphinx_revealjs (and its "
        "sphinx_revealjs.ext.* extensions) out of extensions in conf.py, and add "
        "myst_parser and sphinx_impress"
        + (
            "; its comments that were speaker notes are notes, so take "
            "revealjs_notes_from_comments out too (its comments are comments)"
            if notes_from_comments else ""
        ),
        line=1,
    )


def _fields(document: nodes.document) -> dict[str, str]:
    """The document's field list before its title (``:orphan:``...), as front matter."""
    fields = next((c for c in document.children if isinstance(c, nodes.field_list)), None)
    if fields is None:
        return {}
    return {item[0].astext().strip(): item[1].astext().strip()
            for item in fields.findall(nodes.field)}


def _title_anchors(
    document: nodes.document, slides: Sequence[_Slide], step_ids: Sequence[str]
) -> dict[str, str]:
    """The step that shows each section a reference by its title names (the slide of
    the section, or of the nearest section around it that has one), by the name."""
    of_section = {
        id(slide.section): step_id
        for slide, step_id in zip(slides, step_ids, strict=True)
        if slide.section is not None
    }
    anchors: dict[str, str] = {}
    for name, section in title_targets(document).items():
        around = (node for node in _sections_around(section[0]) if id(node) in of_section)
        holder = next(around, None)
        if holder is not None:
            anchors[name] = of_section[id(holder)]
    return anchors


class _Converter:
    def __init__(self, lines: Sequence[IncludedLine], problems: list[Problem], source: str) -> None:
        self.lines = lines
        self.problems = problems
        self.source = source
        self.slides: list[_Slide] = []
        self.notes: list[Problem] = []
        self.literal = literal_lines([line.text for line in lines])
        #: The level of each section title, by the index of its underline.
        self.levels: dict[int, int] = {}
        #: The step ids given so far.
        self.used: set[str] = set()
        #: Whether comments are speaker notes (``revealjs_notes_from_comments``).
        self.notes_from_comments = False
        #: The id of each section by its title's name (an implicit target).
        self.title_ids: dict[str, str] = {}
        #: The lines written before the line of each index: the ``substep`` that
        #: opens each element of a ``revealjs-fragments``.
        self.openers: dict[int, list[str]] = {}

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

    def section(self, section: nodes.section, level: int) -> None:
        """The slides of ``section`` (level 1: the title slide; 2: a horizontal slide;
        3: a vertical one) and of its sections, in the deck's order."""
        title = section[0]
        start = title.line or 1  # the index of the line after the title's underline
        subsections = [c for c in section.children if isinstance(c, nodes.section)]
        end = (_section_start(self.lines, subsections[0]) if subsections and level < 3
               else _section_end(self.lines, section))
        written = self.lines[start - 2].text.strip()
        first = self._new_slide(
            written, _plain_title(title, written), len(_sections_around(title))
        )
        first.named = title.astext()
        first.section = section
        first.labels = self._labels_before(_section_start(self.lines, section))
        self._slides(first, list(range(start, end)))
        if level < 3:
            for sub in subsections:
                self.section(sub, level + 1)

    def _labels_before(self, start: int) -> list[int]:
        """The lines of the labels (``.. _name:``) right before a section's title,
        which name the section: taken out of the slide before, for the section's own."""
        labels: list[int] = []
        index = start - 1
        while index >= 0 and index not in self.literal:
            text = self.lines[index].text
            if _LABEL.match(text):
                labels.insert(0, index)
            elif text.strip():
                break
            index -= 1
        if labels and self.slides[:-1]:
            before = self.slides[-2]
            before.body = [i for i in before.body if i not in labels]
        return labels

    def join_empty_breaks(self) -> None:
        """A ``revealjs-break`` followed by nothing shown before the next section (only
        blank lines, comments, targets, substitution definitions) starts no slide, as
        where the deck builds as it is: what follows it stays on the slide before."""
        kept: list[_Slide] = []
        for slide in self.slides:
            if kept and slide.named is None and not self._shows_something(slide.body):
                kept[-1].body.extend(slide.body)
                continue
            kept.append(slide)
        self.slides = kept

    def _shows_something(self, indexes: list[int]) -> bool:
        """Whether body lines hold something that shows (or speaker notes): a line that
        is not blank and not part of a comment, target or substitution definition."""
        hidden_block = False
        for index in indexes:
            text = self.lines[index].text
            if not text.strip() or (hidden_block and text[:1].isspace()):
                continue
            hidden_block = bool(_COMMENT.match(text) or _INVISIBLE.match(text))
            if not hidden_block:
                return True
        return False

    def _new_slide(self, title: str | None, plain: bool, depth: int) -> _Slide:
        slide = _Slide(title, depth, [], plain)
        self.slides.append(slide)
        return slide

    def _slides(self, current: _Slide, body: list[int]) -> None:
        """The slide of a section, and more where ``revealjs-break`` cuts it."""
        written, plain, depth = current.title, current.plain, current.depth
        skip_until = -1
        for index in body:
            if index < skip_until:
                continue
            match = DIRECTIVE.match(self.lines[index].text)
            if match is None or match["indent"] or index in self.literal:
                current.body.append(index)
                continue
            name = match["name"]
            options, after = _options(self.lines, index + 1)
            if name == "revealjs-break":
                skip_until = after
                notitle = any(option == "notitle" for option, _ in options)
                current = self._new_slide(None if notitle else written, plain, depth)
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
        """The options of ``revealjs-section`` and ``revealjs-break`` that the build
        carries over (:func:`~sphinx_impress.importers.revealjs.read_slide_options`) as
        the slide's step options; the others, and ``revealjs-vertical``'s and
        ``revealjs-slide``'s, as comments with a note."""
        slide_options = name in ("revealjs-section", "revealjs-break")
        for option, value in options:
            slide.comments.append(f"{name} :{option}: {value.strip()}".rstrip())
            if not slide_options:
                continue
            carried, problems = read_slide_options({option: value})
            if problems:
                # in the words of the build's warning
                for problem in problems:
                    self.note(f"{name} {problem.removesuffix('; left out')}; kept as a "
                              "comment", index)
            else:
                slide.comments.pop()
                slide.options = slide.options.merged(carried)
        if not slide_options:
            listed = ", ".join(option for option, _ in options) or "no options"
            self.note(
                f"{name} ({listed}): reveal.js's settings of "
                f"{'a column of slides' if name == 'revealjs-vertical' else 'the whole deck'}"
                ", which impress.js has no counterpart for; kept as a comment",
                index,
            )

    def write(self, slide: _Slide, step_id: str) -> MystSlide:
        """A slide as a ``step`` directive: its id (:meth:`step_id`), the step options
        it carries, its title, its body. No place is written: the deck's layout places
        the steps, as it does where the deck builds as it is."""
        options = directive_options(replace(slide.options, id=step_id), every_axis=False)
        parts: list[str] = []
        # a slide a break starts is no section where the deck builds as it is: the
        # sections inside it count their headings from h1
        body = self._body(slide.body, slide.depth + (slide.named is None))
        labels = "\n".join(self.lines[index].text for index in slide.labels)
        # the title is the step's heading, an h1 as the title of every slide where the
        # deck builds as it is
        if slide.title and (labels or not slide.plain):
            # reST inline markup in the title, or labels that name it: a reST rubric,
            # where they mean the same
            body = f".. rubric:: {slide.title}\n   :heading-level: 1\n\n{body}"
        elif slide.title:
            # a rubric, not a "#" heading: a heading inside a step directive keeps the
            # id made from its title, which is the step's own here
            parts.append(rubric(slide.title, 1))
        if labels:
            body = f"{labels}\n\n{body}"
        if body.strip():
            marks = fence(body)
            parts.append(f"{marks}{{eval-rst}}\n{body.rstrip()}\n{marks}")
        return MystSlide(options, "\n\n".join(parts), slide.comments)

    def step_id(self, named: str | None, number: int) -> str:
        """The id the build gives a slide's step
        (:class:`~sphinx_impress.extension.slides.CollectSteps`): made from its
        section's title, else ``step-<number>``; ``-2``, ``-3``... after one taken."""
        base = nodes.make_id(named or "") or f"step-{number}"
        if check_id(base):
            base = f"step-{number}"
        candidate, suffix = base, 1
        while candidate in self.used or is_page_id(candidate):
            suffix += 1
            candidate = f"{base}-{suffix}"
        self.used.add(candidate)
        return candidate

    def _body(self, indexes: list[int], depth: int) -> str:
        """The body's lines as Sphinx reStructuredText without sphinx-revealjs; a
        section deeper than the slide's (at ``depth``) a rubric of the level its
        heading has inside the slide (2 for the first level under it)."""
        lines: list[str] = []
        skip_until = -1
        for index in indexes:
            if index >= skip_until:
                skip_until = self._rewrite(index, depth, lines)
        return "\n".join(lines).strip("\n")

    def _rewrite(self, index: int, depth: int, lines: list[str]) -> int:
        """Append line ``index`` to ``lines`` as it is written without sphinx-revealjs
        (with the option lines of its directive, the rest of its comment); return the
        index of the next line to read."""
        text = self.lines[index].text
        lines.extend(self.openers.pop(index, ()))
        if index in self.literal:
            lines.append(text)
            return index + 1
        if index + 1 in self.levels:
            # a section deeper than a slide: a heading of its level inside it
            if lines and _RULE.match(lines[-1]):
                lines.pop()  # its overline
            level = min(self.levels[index + 1] - depth + 1, 6)
            lines.extend([f".. rubric:: {text.strip()}", f"   :heading-level: {level}", ""])
            return index + 2
        if self.notes_from_comments and _COMMENT.match(text):
            return self._comment_notes(index, lines)
        match = DIRECTIVE.match(text)
        rewrite = _DIRECTIVE_REWRITES.get(match["name"]) if match else None
        if match is None or rewrite is None:
            lines.append(self._references(text))
            return index + 1
        return rewrite(self, index, match, lines)

    def _references(self, text: str) -> str:
        """A line with each reference to a section by its title linked to the
        section's step (:func:`~sphinx_impress.importers.rst.link_title_references`)."""
        return link_title_references(text, self.title_ids)

    def _comment_notes(self, index: int, lines: list[str]) -> int:
        """A comment as speaker notes (``revealjs_notes_from_comments``): its text as
        one paragraph of plain text, as where the deck builds as it is."""
        text = self.lines[index].text
        indent = text[: len(text) - len(text.lstrip())]
        said = [text.strip()[2:].strip()]
        after = index + 1
        while after < len(self.lines):
            line = self.lines[after].text
            if line.strip() and not line.startswith(indent + " "):
                break
            if not said[0] and not line.strip() and after == index + 1:
                break  # ".." and a blank line: an empty comment
            said.append(line.strip())
            after += 1
        words = " ".join(" ".join(said).split())
        if words:
            escaped = _PUNCTUATION.sub(r"\\\g<0>", words)
            lines.extend([f"{indent}.. notes::", "", f"{indent}   {escaped}", ""])
        return after

    def _notes(self, index: int, match: re.Match[str], lines: list[str]) -> int:
        lines.append(f"{match['indent']}.. notes::{match['argument']}")
        return index + 1

    def _fragments(self, index: int, match: re.Match[str], lines: list[str]) -> int:
        """Each element of the content a ``substep`` of its own (a list's items
        revealed one by one), as where the deck builds as it is."""
        indent = match["indent"]
        options, after = _options(self.lines, index + 1)
        for start, items in _fragment_elements(self.lines, after, len(indent)):
            self.openers[start] = [f"{indent}.. substep::",
                                   *([f"{indent}   :items:"] if items else []), ""]
        for option, value in options:
            self.note(
                f"revealjs-fragments :{option}: {value}: reveal.js's fragment "
                "effect; impress.js reveals substeps as the theme shows them",
                index,
            )
        return after

    def _code(self, index: int, match: re.Match[str], lines: list[str]) -> int:
        """``revealjs-code-block`` and ``revealjs-literalinclude`` as Sphinx's, their
        lines numbered and highlighted as where the deck builds as it is; an option
        given twice (an ``emphasize-lines`` of its own), once."""
        indent, name = match["indent"], match["name"]
        lines.append(f"{indent}.. {name.removeprefix('revealjs-')}::{match['argument']}")
        options, after = _options(self.lines, index + 1)
        written: dict[str, str] = {}
        for option, value in options:
            if option == "data-ln-start-from":
                written.setdefault("lineno-start", value)
                written.setdefault("linenos", "")
            elif option == "data-line-numbers":
                written.setdefault("linenos", "")
                first, *more = value.strip().split("|")
                if re.fullmatch(r"[\d\s,-]+", first):
                    written.setdefault("emphasize-lines", " " + first.strip())
                if more:
                    self.note(
                        f"{name} :data-line-numbers: {value.strip()}: reveal.js highlights "
                        "these lines step by step, impress.js does not; the lines "
                        f"{first.strip()} are highlighted",
                        index,
                    )
            elif option.startswith("data-"):
                self.note(f"{name} :{option}: has no meaning here; left out", index)
            else:
                written.setdefault(option, value)
        lines.extend(f"{indent}   :{option}:{value}" for option, value in written.items())
        return after

    def _inner_settings(self, index: int, match: re.Match[str], lines: list[str]) -> int:
        _, after = _options(self.lines, index + 1)
        self.note(
            f"{match['name']} inside a directive: reveal.js's settings, which impress.js "
            "has no use for; left out",
            index,
        )
        return after


#: How the body rewrites each sphinx-revealjs directive.
_DIRECTIVE_REWRITES: dict[str, Callable[[_Converter, int, re.Match[str], list[str]], int]] = {
    "revealjs-notes": _Converter._notes,
    "revealjs-fragments": _Converter._fragments,
    "revealjs-code-block": _Converter._code,
    "revealjs-literalinclude": _Converter._code,
    **dict.fromkeys(_SETTINGS, _Converter._inner_settings),
}

#: A comment: ``..`` alone or with text that is no directive, target, footnote,
#: citation or substitution definition (reStructuredText specification, "Comments").
_COMMENT = re.compile(r"^\s*\.\.(?:\s*$|\s+(?![_\[|])(?!\S+::)(?![\w:-]+::))")

#: The start of explicit markup that shows nothing: a target or a substitution
#: definition.
_INVISIBLE = re.compile(r"^\s*\.\.\s+(?:_|\|[^|]+\|\s|__\s*:)")

#: ASCII punctuation, which a backslash makes plain text in reStructuredText.
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")

#: The start of a list item in reStructuredText: a bullet, or an enumerator.
_LIST_ITEM = re.compile(
    r"^\s*(?P<bullet>[-*+\u2022\u2023\u2043]|\(?(?:\d+|#|[a-zA-Z])[.)])(?:\s|$)"
)


def _fragment_elements(
    lines: Sequence[IncludedLine], start: int, indent: int
) -> list[tuple[int, bool]]:
    """The first line of each element in the content of a directive at ``indent``
    starting at ``start`` (an element begins at the content's own indent after a blank
    line; the items of one list are one element; a comment or a target stays with the
    element before it, or the next one), and whether it is a list."""
    found: list[tuple[int, bool]] = []
    base: int | None = None
    blank = True
    kind: str | None = None
    hidden_first = False
    for index in range(start, len(lines)):
        text = lines[index].text
        if not text.strip():
            blank = True
            continue
        margin = len(text) - len(text.lstrip())
        if margin <= indent:
            break
        base = margin if base is None else base
        if margin == base and blank:
            item = _LIST_ITEM.match(text)
            new_kind = (item["bullet"] or "#") if item else None
            if new_kind is None or new_kind != kind:
                invisible = bool(_COMMENT.match(text) or _INVISIBLE.match(text))
                if not found:
                    found.append((index, item is not None))
                    hidden_first = invisible
                elif hidden_first and not invisible:
                    found[-1] = (found[-1][0], item is not None)
                    hidden_first = False
                elif not invisible:
                    found.append((index, item is not None))
            kind = new_kind
        blank = False
    return found


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


def conf_value(deck: Path, name: str) -> object:
    """The value a ``conf.py`` beside the deck (or in a folder above it, the nearest)
    gives ``name`` as a literal at its top level, read without running it; ``None``
    where none does."""
    for folder in deck.resolve().parents:
        conf = folder / "conf.py"
        if not conf.is_file():
            continue
        try:
            tree = ast.parse(conf.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
            return None
        found = None
        for statement in tree.body:
            if isinstance(statement, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == name for target in statement.targets
            ):
                try:
                    found = ast.literal_eval(statement.value)
                except ValueError:
                    found = None
        return found
    return None


#: A section title underline (or overline) of reST.
_RULE = re.compile(r"^([=\-`:'\"~^_*+#<>.])\1{2,}\s*$")


#: Characters that are markup in a MyST heading or rubric.
_MARKDOWN_MARKUP = re.compile(r"[\\`*_\[\]<>&!~$|{}#]")


def _plain_title(title: nodes.Node, written: str) -> bool:
    """Whether a section title, as written, is plain text that shows the same in MyST
    (no reST inline markup, nothing Markdown reads as markup)."""
    return title.astext() == written and not _MARKDOWN_MARKUP.search(written)


def _sections_around(title: nodes.Node) -> list[nodes.section]:
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
