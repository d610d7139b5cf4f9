"""``sphinx-impress convert --from hovercraft``: a hovercraft deck written as a MyST
deck, from its :class:`~sphinx_impress.importers.hovercraft.reader.HovercraftDeck` and
its lines. Each slide is a ``step`` placed as hovercraft placed it; its headings keep
their level; the rest of its body stays reStructuredText in ``eval-rst`` blocks, with
``.. note::`` as ``.. notes::``."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from docutils import nodes

from ...core.problems import Problem
from ..model import Heading, SlideModel
from ..myst_writer import (
    MystDeck,
    MystSlide,
    as_written,
    directive_options,
    fence,
    rubric,
    step_of_line,
)
from ..rst import (
    is_overline,
    link_title_references,
    literal_lines,
    original_line,
    parse_rst,
    read_with_includes,
    title_targets,
)
from .reader import HovercraftDeck, HovercraftReader


def convert_hovercraft(text: str, source: str = "<deck>") -> tuple[MystDeck, list[Problem]]:
    """The MyST deck of a hovercraft deck, every slide placed as hovercraft placed it,
    and the problems its reader found (the parser's warnings, worded the same). The
    files its ``include`` directives name are read into it first, as docutils reads
    them, so that their slides are slides; a problem in one points at its include.
    Its text is kept as written (``impress_smartquotes: false``) and, where it has style
    sheets of its own, written in hovercraft's HTML (``impress_markup: hovercraft``), as
    the deck built as it is."""
    found: list[Problem] = []
    included = read_with_includes(text, Path(source), found)
    lines = [line.text for line in included]
    document = parse_rst("\n".join(lines) + "\n", source)
    targets = title_targets(document)
    model = HovercraftReader(document, lines).read()
    deck = MystDeck(front_matter=as_written(model.front_matter))
    if deck.front_matter.get("impress_deck_css_files"):
        # its style sheets were written for hovercraft's HTML, which the deck built as
        # it is gets
        deck.front_matter["impress_markup"] = "hovercraft"
    deck.prelude, deck.notes = _prelude(model)
    deck.definitions = [as_sphinx_rst(line) for line in model.definitions]
    shown = ["" if number in model.hidden else line for number, line in enumerate(lines, 1)]
    literal = {index + 1 for index in literal_lines(lines)}
    anchors = _title_anchors(targets, model.slides)
    for number, line in enumerate(shown, start=1):
        if number not in literal:
            shown[number - 1] = link_title_references(line, anchors)
    for slide in model.slides:
        deck.slides.append(_slide(slide, shown, model.headings))
    if any(line.source != source for line in included):
        deck.notes = [
            replace(note, line=original_line(included, note.line, source)) for note in deck.notes
        ]
        found.extend(
            replace(problem, line=original_line(included, problem.line, source))
            for problem in model.problems
        )
        return deck, found
    return deck, [*found, *model.problems]


def _title_anchors(
    targets: Mapping[str, nodes.section], slides: Sequence[SlideModel]
) -> dict[str, str]:
    """The step each section that a reference by its title names is on, by the name:
    the slide's id, else ``step-N`` (its place), as the build names it."""
    anchors: dict[str, str] = {}
    for name, section in targets.items():
        line = (section[0].line or 1) - 1  # the title's text, above its underline
        step_id = step_of_line(slides, line)
        if step_id is not None:
            anchors[name] = step_id
    return anchors


def _prelude(model: HovercraftDeck) -> tuple[list[str], list[Problem]]:
    """The comment lines before the first slide: deck fields that are not carried
    over, the text hovercraft does not show, and the header and footer hovercraft
    showed on every slide; and the note that says the text is kept."""
    kept = [f":{item.name}: {item.value}" for item in model.unused_fields]
    notes: list[Problem] = []
    if model.prelude_text:
        notes.append(Problem(
            "field",
            "the text before the first slide (hovercraft does not show it) is kept as a "
            "comment",
            line=model.prelude_text[0][0],
        ))
        kept.extend([
            "Before the first slide (hovercraft does not show it):",
            *(text for _, text in model.prelude_text),
        ])
    for decoration in model.decorations:
        if kept:
            kept.append("")
        kept.extend(["Shown on every slide by hovercraft:", *decoration.lines])
    return kept, notes


def _slide(slide: SlideModel, lines: Sequence[str], headings: Mapping[int, Heading]) -> MystSlide:
    """One slide: its step options, its body as MyST, and its fields that have no
    step option, as comments."""
    return MystSlide(
        directive_options(slide.options), _body(lines, *slide.body, headings), slide.comments
    )


def _body(lines: Sequence[str], first: int, last: int, headings: Mapping[int, Heading]) -> str:
    """Lines ``first`` to ``last`` as MyST.

    A title keeps its level in the deck: the slide's first title, of level 1, is a
    MyST heading (``#``), which a step's content shows as an ``h1``; another title of
    plain text is a ``rubric`` directive with its ``heading-level``; a title with reST
    inline markup (roles, substitutions, literals, references) is a ``rubric`` inside
    the ``eval-rst`` block, where its markup means what it meant."""
    parts: list[str] = []
    chunk: list[str] = []

    def flush() -> None:
        text = "\n".join(as_sphinx_rst(line) for line in chunk).strip("\n")
        chunk.clear()
        if text.strip():
            marks = fence(text)
            parts.append(f"{marks}{{eval-rst}}\n{text}\n{marks}")

    number = first
    while number <= last:
        if number + 1 in headings and is_overline(lines, number):
            number += 1
            continue
        heading = headings.get(number)
        if heading is None:
            chunk.append(lines[number - 1])
            number += 1
            continue
        opening = not parts and not any(line.strip() for line in chunk)
        if not heading.plain:
            chunk.extend([
                "", f".. rubric:: {heading.text}", f"   :heading-level: {heading.level}", ""
            ])
        elif heading.level == 1 and opening:
            parts.append(f"# {heading.text}")
        else:
            flush()
            parts.append(rubric(heading.text, heading.level))
        number += 2  # the title and the rule under it
    flush()
    return "\n\n".join(parts)


#: Directives of a hovercraft deck that are named otherwise in Sphinx's reST: a note
#: is a speaker note (``notes``), docutils' ``class`` is ``rst-class`` (``class`` is
#: the Python domain's in a Sphinx document).
_RENAMED_DIRECTIVES = {"note": "notes", "class": "rst-class"}

_DIRECTIVE_NAME = re.compile(r"^(\s*\.\.\s+)(note|class)(\s*::)")


def as_sphinx_rst(line: str) -> str:
    """A line of a hovercraft slide as it means the same in an ``eval-rst`` block."""
    return _DIRECTIVE_NAME.sub(
        lambda match: match[1] + _RENAMED_DIRECTIVES[match[2]] + match[3], line
    )
