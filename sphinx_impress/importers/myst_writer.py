"""Write a deck as MyST: the output of ``sphinx-impress convert``.

Each slide becomes a ``step`` directive with content, its position spelled out in
absolute numbers (all seven axes), its id, classes and other ``data-*`` attributes
kept. What cannot be carried over is kept as a MyST comment (``%``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from docutils.nodes import make_id

from ..core.options import StepOptions
from ..core.problems import Problem
from ..core.rel import RelOptions
from ..core.values import AXES, DEFAULTS, format_number
from .model import Heading, SlideModel


@dataclass
class MystSlide:
    """One slide to write: step ``options`` as ``(name, value)`` pairs, its ``body``
    (MyST), and ``comments`` for what cannot be written as MyST."""

    options: list[tuple[str, str]]
    body: str
    comments: list[str] = field(default_factory=list)


@dataclass
class MystDeck:
    """A deck to write: ``front_matter`` (YAML keys), ``definitions`` (reST lines that
    define roles, substitutions and targets for the whole deck, written in an
    ``eval-rst`` block before the first slide), ``prelude`` lines written as comments
    before the first slide, the slides, and ``notes`` for the user about what the MyST
    file holds differently (kept as comments), each with its line in the original."""

    front_matter: dict[str, object] = field(default_factory=dict)
    definitions: list[str] = field(default_factory=list)
    prelude: list[str] = field(default_factory=list)
    slides: list[MystSlide] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)


#: The front matter of a deck converted from a tool that showed its text as written
#: (hovercraft, mdpress, markpress, impress.js): no smart quotes, dashes or ellipses,
#: as the deck built as it is (:class:`~sphinx_impress.importers.cutting.TextAsWritten`).
TEXT_AS_WRITTEN = {"impress_smartquotes": False}


def as_written(front_matter: Mapping[str, object]) -> dict[str, object]:
    """``front_matter`` with :data:`TEXT_AS_WRITTEN` (unless it says otherwise)."""
    return {**front_matter, **{k: v for k, v in TEXT_AS_WRITTEN.items() if k not in front_matter}}


_PLAIN_VALUE = re.compile(r"^[A-Za-z0-9_.+-][A-Za-z0-9_.+\- ]*$")


def _option_value(value: str) -> str:
    """An option value as MyST reads it back unchanged: plain when it is, else a
    double-quoted YAML string (an unquoted ``#`` would start a comment)."""
    if _PLAIN_VALUE.match(value) and value == value.strip():
        return value
    return json.dumps(value, ensure_ascii=False)


def fence(body: str, least: int = 3) -> str:
    runs = [len(run) for run in re.findall(r"`{3,}", body)]
    return "`" * max([least, *(run + 1 for run in runs)])


def rubric(text: str, level: int) -> str:
    """A heading of ``level`` inside a step as a ``rubric`` directive with its
    ``heading-level``, ``text`` its argument (MyST inline markup). Fenced with tildes
    when the text holds a backtick: a backtick fence's info string cannot hold one
    (CommonMark, "Fenced code blocks"), so inline code would end the directive."""
    if "`" in text:
        marks = "~" * max([3, *(len(run) + 1 for run in re.findall(r"~{3,}", text))])
    else:
        marks = "```"
    return f"{marks}{{rubric}} {text}\n:heading-level: {level}\n{marks}"


def write_myst(deck: MystDeck) -> str:
    """The MyST text of ``deck``."""
    import yaml

    parts: list[str] = []
    if deck.front_matter:
        dumped = yaml.safe_dump(deck.front_matter, sort_keys=False, allow_unicode=True)
        parts.append(f"---\n{dumped}---\n")
    title = deck.front_matter.get("title")
    if title:
        # front matter is metadata; the document's title (the page's <title>) is set
        # by docutils' title directive, as the deck's own title set it
        parts.append(f"```{{title}} {' '.join(str(title).split())}\n```\n")
    parts.extend(_definitions(deck.definitions))
    if deck.prelude:
        parts.append("\n".join(f"% {line}".rstrip() for line in deck.prelude) + "\n")
    for slide in deck.slides:
        marks = fence(slide.body)
        lines = [f"{marks}{{step}}"]
        lines.extend(f":{name}: {_option_value(value)}" for name, value in slide.options)
        lines.append("")
        lines.extend(f"% {comment}" for comment in slide.comments)
        if slide.body.strip():
            lines.append(slide.body.strip("\n"))
        elif not slide.comments:
            # a step directive without content sets its section; with any content
            # (a comment too) it is a slide of its own
            lines.append("% an empty slide")
        lines.append(marks)
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


#: docutils' ``default-role`` directive at the start of a line, and the role it names.
_DEFAULT_ROLE = re.compile(r"^\.\.\s+default-role::\s*(?P<role>\S*)\s*$")


def _definitions(lines: list[str]) -> list[str]:
    """The deck's definitions as ``eval-rst`` blocks, each ``default-role`` a MyST
    directive between them where it stands: the default role an ``eval-rst`` block
    sets ends with the block, the one a MyST directive sets holds for the rest of the
    document, as it does in a reST deck."""
    parts: list[str] = []
    chunk: list[str] = []

    def flush() -> None:
        text = "\n".join(chunk).strip("\n")
        chunk.clear()
        if text:
            marks = fence(text)
            parts.append(f"{marks}{{eval-rst}}\n{text}\n{marks}\n")

    for line in lines:
        role = _DEFAULT_ROLE.match(line)
        if role is None:
            chunk.append(line)
            continue
        flush()
        parts.append(f"```{{default-role}} {role['role']}\n```\n".replace(" \n", "\n"))
    flush()
    return parts


def directive_options(options: StepOptions, every_axis: bool = True) -> list[tuple[str, str]]:
    """The ``step`` directive options that give a step exactly ``options``: id and
    classes, every axis (absolute numbers: :data:`~sphinx_impress.core.values.DEFAULTS`
    for one not given; with ``every_axis`` false only those given, as written), the
    timing, goto, overview and look options, ``rel-to`` and the rel plugin's options,
    then the other ``data-*`` attributes."""
    pairs: list[tuple[str, str]] = []
    if options.id:
        pairs.append(("id", options.id))
    if options.classes:
        pairs.append(("class", " ".join(options.classes)))
    pairs.extend(_axis_options(options, every_axis))
    if options.rotate_order:
        pairs.append(("rotate-order", options.rotate_order))
    for name, number in (
        ("transition-duration", options.transition_duration),
        ("autoplay", options.autoplay),
    ):
        if number is not None:
            pairs.append((name, format_number(number)))
    pairs.extend(options.goto.items())
    if options.overview:
        pairs.append(("overview", "yes"))
    pairs.extend(_look_options(options))
    if options.rel_to:
        pairs.append(("rel-to", options.rel_to))
    pairs.extend(_rel_options(options.rel))
    pairs.extend(options.data.items())
    return pairs


def _axis_options(options: StepOptions, every_axis: bool) -> list[tuple[str, str]]:
    """The axes of a step (see :func:`directive_options`)."""
    pairs: list[tuple[str, str]] = []
    for axis in AXES:
        value = options.axes.get(axis)
        if value is None and not every_axis:
            continue
        if value is not None and not every_axis:
            sign = "r+" if value.relative and value.number >= 0 else "r" if value.relative else ""
            pairs.append((axis, f"{sign}{format_number(value.number)}{value.unit}"))
            continue
        pairs.append((axis, format_number(value.number if value else DEFAULTS[axis])))
    return pairs


def _look_options(options: StepOptions) -> list[tuple[str, str]]:
    """``fit``, ``center`` and ``background`` where a step gives them."""
    pairs = [
        (name, "yes" if flag else "no")
        for name, flag in (("fit", options.fit), ("center", options.center))
        if flag is not None
    ]
    if options.background is not None:
        pairs.append(("background", options.background.css or options.background.image or ""))
    return pairs


def _rel_options(rel: RelOptions | None) -> list[tuple[str, str]]:
    """The rel plugin's options of a step as written (``data-rel-x`` ...)."""
    if rel is None:
        return []
    pairs = [
        (f"data-rel-{axis}", f"{format_number(value.number)}{value.unit}")
        for axis, value in rel.move.items()
    ]
    pairs.extend(
        (f"data-rel-rotate-{axis}", format_number(degrees)) for axis, degrees in rel.turn.items()
    )
    if rel.position is not None:
        pairs.append(("data-rel-position", rel.position))
    if rel.reset is not None:
        pairs.append(("data-rel-reset", rel.reset))
    return pairs


#: An ATX heading line: its text after the ``#`` marks (and without closing ones).
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")


def keep_heading_levels(lines: list[str], levels: dict[int, int]) -> list[str]:
    """Markdown lines of one slide whose headings keep their level inside a ``step``
    directive, where a heading is a rubric that the presentation shows as an ``h1``
    when it opens the step and an ``h2`` otherwise: each heading other than a ``#``
    with nothing before it becomes a ``rubric`` directive with its ``heading-level``.

    :param levels: the level of each heading by its line (0-based, in ``lines``),
        as myst-parser's tokens give it; code is never touched.
    """
    result = list(lines)
    for number in sorted(levels, reverse=True):
        level = levels[number]
        line = result[number]
        atx = _ATX.match(line)
        # a "#" heading opens the step where nothing comes before it; after an HTML
        # comment (raw HTML in the step) it would not: it is a rubric of level 1
        if level == 1 and not any(earlier.strip() for earlier in result[:number]):
            continue
        if atx is not None:
            text, rule = (atx["text"] or "").strip(), 0
        elif number + 1 < len(result):
            text, rule = line.strip(), 1
        else:
            continue
        result[number : number + 1 + rule] = rubric(text, level).split("\n")
    return result


def heading_steps(headings: Mapping[int, Heading], slides: Sequence[SlideModel]) -> dict[str, str]:
    """The step that shows each heading of a Markdown deck, by the heading's anchor
    (the id its section has where the deck builds as it is, made from its text): the
    slide's id, else ``step-N`` (its place), as the build names it. The first heading
    of a text keeps it."""
    anchors: dict[str, str] = {}
    for line, heading in sorted(headings.items()):
        anchor = make_id(heading.text)
        if not anchor or anchor in anchors:
            continue
        step_id = step_of_line(slides, line)
        if step_id is not None:
            anchors[anchor] = step_id
    return anchors


def step_of_line(slides: Sequence[SlideModel], line: int) -> str | None:
    """The step id of the slide whose body (or separator) holds ``line`` (1-based):
    its own id, else ``step-N`` by its place; ``None`` when no slide holds it."""
    for number, slide in enumerate(slides, start=1):
        first, last = slide.body
        if first <= line <= last or slide.line == line:
            return slide.options.id or f"step-{number}"
    return None


#: A Markdown link to an anchor of the same page: ``](#name)`` (``](<#name>)``). (Raw
#: HTML's links are the author's HTML, left as written where the deck builds as it is.)
_ANCHOR_LINK = re.compile(r"(?P<head>\]\(<?#)(?P<anchor>[^)>\s]+)")

#: A line that opens or closes a fenced code block.
_FENCE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})")


def link_headings_to_steps(lines: list[str], steps: Mapping[str, str]) -> list[str]:
    """Markdown lines whose links to a heading's anchor lead to the step that shows
    it (:func:`heading_steps`), as where the deck builds as it is, the heading's
    section being its slide or inside it: in a step directive a heading is a rubric,
    whose anchor the presentation does not know. Code is never touched."""
    result = []
    fenced = False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            line = _ANCHOR_LINK.sub(
                lambda found: found["head"] + steps.get(found["anchor"], found["anchor"]), line
            )
        result.append(line)
    return result
