"""hovercraft decks read again from their text, for ``sphinx-impress convert``."""

from __future__ import annotations

import re

from docutils import nodes

from .myst import MystDeck, MystSlide, _axis_options, _fence

_ADORNMENT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

_FIELD = re.compile(r"^:(?P<name>[^:\s][^:]*?):(?:\s+(?P<value>.*))?$")

_TITLE_DIRECTIVE = re.compile(r"^\.\.\s+title::\s*(?P<title>.*)$")


def _is_rule(line: str) -> bool:
    text = line.rstrip()
    return len(text) >= 4 and text[0] in _ADORNMENT and set(text) == {text[0]}


def _blank(lines: list[str], index: int) -> bool:
    return index < 0 or index >= len(lines) or not lines[index].strip()


def _transitions(lines: list[str]) -> list[int]:
    """The lines that are reST transitions: a run of four or more of one adornment
    character, alone between blank lines, not indented."""
    return [
        index
        for index, line in enumerate(lines)
        if _is_rule(line) and not line[0].isspace()
        and _blank(lines, index - 1) and _blank(lines, index + 1)
    ]


def _headings(lines: list[str], start: int, end: int) -> list[tuple[int, tuple[str, bool], str]]:
    """``(first line, style, title)`` of each section title in ``lines[start:end]``:
    a line of text underlined (and maybe overlined) by a rule at least as long."""
    found = []
    for index in range(start, end - 1):
        text = lines[index]
        under = lines[index + 1]
        if not text.strip() or text[0].isspace() or _is_rule(text) or not _is_rule(under):
            continue
        if len(under.rstrip()) < len(text.rstrip()):
            continue
        over = index > 0 and lines[index - 1].rstrip() == under.rstrip()
        found.append((index - 1 if over else index, (under[0], over), text.strip()))
    return found


def _take_fields(lines: list[str], start: int, end: int) -> tuple[list[tuple[str, str, int]], int]:
    """The field list at the top of ``lines[start:end]``: ``(name, value, line)``
    each, and the first line after it."""
    fields: list[tuple[str, str, int]] = []
    index = start
    while index < end and not lines[index].strip():
        index += 1
    after = start
    while index < end:
        match = _FIELD.match(lines[index])
        if match is None:
            break
        value = [match["value"] or ""]
        line = index
        index += 1
        while index < end and lines[index][:1].isspace() and lines[index].strip():
            value.append(lines[index].strip())
            index += 1
        fields.append((match["name"].strip().lower(), " ".join(value).strip(), line))
        after = index
        while index < end and not lines[index].strip():
            index += 1
    return fields, (after if fields else start)


def _join_repeated(
    found: list[tuple[str, str, int]], deck: MystDeck
) -> list[tuple[str, str, int]]:
    """The fields of one field list with a field given again joined into the first,
    the values separated by a space, as hovercraft 2.7 joined them; with a note."""
    joined: dict[str, tuple[str, str, int]] = {}
    for name, value, line in found:
        if name in joined:
            first = joined[name]
            joined[name] = (name, f"{first[1]} {value}".strip(), first[2])
            deck.notes.append(
                f"line {line + 1}: the field :{name}: is given more than once; as "
                f"hovercraft did, the values are joined: {joined[name][1]!r}"
            )
        else:
            joined[name] = (name, value, line)
    return list(joined.values())


def convert_hovercraft(text: str) -> MystDeck:
    """The MyST deck of a hovercraft deck (see :mod:`sphinx_impress.hovercraft`), with
    the positions hovercraft computed spelled out."""
    return _convert_hovercraft(text.splitlines(), promote=True)


_DECORATION = re.compile(r"^\.\.\s+(header|footer)::")


def _take_decorations(lines: list[str]) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The deck's lines with each ``header`` and ``footer`` directive blanked out, and
    those directives' lines (with the line each starts on)."""
    kept = list(lines)
    found = []
    index = 0
    while index < len(kept):
        if not _DECORATION.match(kept[index]):
            index += 1
            continue
        end = index + 1
        while end < len(kept) and (not kept[end].strip() or kept[end][:1].isspace()):
            end += 1
        while end > index + 1 and not kept[end - 1].strip():
            end -= 1
        found.append((index, kept[index:end]))
        kept[index:end] = [""] * (end - index)
        index = end
    return kept, found


def _convert_hovercraft(
    lines: list[str],
    promote: bool,
    decorations: list[tuple[int, list[str]]] | None = None,
) -> MystDeck:
    from .hovercraft import (
        DECK_IGNORED,
        DECK_METADATA,
        POSITION_FIELDS,
        SLIDE_FIELDS,
        deck_setting,
        hovercraft_positions,
    )

    deck = MystDeck()
    if decorations is None:
        lines, decorations = _take_decorations(lines)
    for line, block in decorations:
        deck.notes.append(
            f"line {line + 1}: hovercraft's {block[0].split()[1].rstrip(':')} (shown on "
            "every slide) is not carried over; kept as a comment"
        )
    transitions = _transitions(lines)
    prelude_end = transitions[0] if transitions else len(lines)
    starts: list[tuple[int, int]] = []  # (first line of the slide, first line after its opener)
    headings = _headings(lines, 0, prelude_end)
    hidden_end = headings[0][0] if headings else prelude_end
    # the deck's fields: every field list before the first slide
    fields: list[tuple[str, str, int]] = []
    field_lines: set[int] = set()
    index = 0
    while index < hidden_end:
        if _FIELD.match(lines[index]) and _blank(lines, index - 1):
            found, after = _take_fields(lines, index, hidden_end)
            fields.extend(_join_repeated(found, deck))
            field_lines.update(range(index, after))
            index = max(after, index + 1)
        else:
            index += 1
    if headings:
        first, style, title = headings[0]
        before = [
            line for line in lines[:first] if line.strip() and not line.startswith("..")
        ]
        alone = sum(1 for h in _headings(lines, 0, len(lines)) if h[1] == style) == 1
        if promote and not before and alone:
            # docutils makes a document that is one section take that section's title
            # (frontmatter.DocTitle); what follows the title is then at the top
            # (blanked, not removed, so that notes give the lines of the file)
            rest = list(lines)
            rest[first : first + (3 if style[1] else 2)] = [""] * (3 if style[1] else 2)
            promoted = _convert_hovercraft(rest, False, decorations)
            promoted.front_matter.setdefault("title", title)
            return promoted
        starts.append((first, first))
    for name, value, line in fields:
        if name == "title":
            deck.front_matter["title"] = value
        elif deck_setting(name, value) or name in DECK_METADATA:
            key, text = deck_setting(name, value) or (name, value)
            deck.front_matter[key] = text
        elif name not in DECK_IGNORED:
            deck.notes.append(f"line {line + 1}: the deck field :{name}: is not carried over")
            deck.prelude.append(f":{name}: {value}")
    hidden_text = False
    for index in range(hidden_end):
        if index in field_lines:
            continue
        line = lines[index]
        match = _TITLE_DIRECTIVE.match(line)
        if match:
            # the title directive sets it first, before any field or promoted title
            deck.front_matter = {"title": match["title"].strip(), **deck.front_matter}
        elif line.strip():
            if not hidden_text:
                hidden_text = True
                deck.notes.append(
                    f"line {index + 1}: the text before the first slide (hovercraft does "
                    "not show it) is kept as a comment"
                )
            deck.prelude.append(line)
        elif deck.prelude and deck.prelude[-1]:
            deck.prelude.append("")
    while deck.prelude and not deck.prelude[-1]:
        deck.prelude.pop()
    if deck.prelude:
        deck.prelude.insert(0, "Before the first slide (hovercraft does not show it):")
    for _, block in decorations:
        if deck.prelude:
            deck.prelude.append("")
        deck.prelude.extend(["Shown on every slide by hovercraft:", *block])
    starts.extend((index, index + 1) for index in transitions)
    ends = [start for start, _ in starts[1:]] + [len(lines)] if starts else []
    levels: dict[tuple[str, bool], int] = {}
    for _, style, _ in _headings(lines, 0, len(lines)):
        levels.setdefault(style, min(len(levels) + 1, 6))
    targets = _targets(lines)
    for _, _, title in _headings(lines, 0, len(lines)):
        name = " ".join(title.lower().split())
        targets.setdefault(name, "#" + nodes.make_id(title))
    slide_fields: list[dict[str, str]] = []
    bodies: list[tuple[list[tuple[str, str, int]], int, int]] = []
    for (_, body), end in zip(starts, ends, strict=True):
        found, after = _take_fields(lines, body, end)
        found = _join_repeated(found, deck)
        slide_fields.append({name: value for name, value, _ in found})
        bodies.append((found, after, end))
    positions, problems = hovercraft_positions(slide_fields)
    for problem in problems:
        found, _, _ = bodies[problem.index]
        line = next((at for name, _, at in found if name == problem.field), None)
        if line is None:
            line = starts[problem.index][0]
        deck.notes.append(f"line {line + 1}: {problem.message}")
    for (found, after, end), axes in zip(bodies, positions, strict=True):
        options: list[tuple[str, str]] = []
        comments: list[str] = []
        named = {name: value for name, value, _ in found}
        if named.get("id"):
            options.append(("id", named["id"]))
        if named.get("class"):
            options.append(("class", named["class"]))
        options.extend(_axis_options(axes))
        for name, value, line in found:
            if name in POSITION_FIELDS or name in SLIDE_FIELDS:
                continue
            if name.startswith("data-"):
                options.append((name, value))
            else:
                deck.notes.append(
                    f"line {line + 1}: the slide field :{name}: is not carried over"
                )
                comments.append(f"hovercraft field :{name}: {value}")
        body = _rst_body(lines, after, end, levels, targets)
        deck.slides.append(MystSlide(options, body, comments))
    return deck


#: A hyperlink target with a URL: ``.. _name: https://...``.
_TARGET = re.compile(r"^\.\. _(?P<name>`[^`]+`|[^:`_][^:`]*):\s+(?P<uri>\S.*)$")


def _targets(lines: list[str]) -> dict[str, str]:
    """The deck's hyperlink targets with a URL, by name (lower case, white space
    folded, as docutils compares reference names)."""
    found = {}
    for index, line in enumerate(lines):
        match = _TARGET.match(line)
        if match is None:
            continue
        uri = [match["uri"].strip()]
        for following in lines[index + 1 :]:
            if not following[:1].isspace() or not following.strip():
                break
            uri.append(following.strip())
        found[" ".join(match["name"].strip("`").lower().split())] = "".join(uri)
    return found


_REFERENCE = re.compile(r"`(?P<text>[^`<]+)`_(?!_)|(?<![\w`])(?P<word>\w[\w.+-]*?)_(?![\w_])")


def _embed_targets(text: str, targets: dict[str, str]) -> str:
    """Write references to targets that ``text`` does not define as anonymous links
    with the URL embedded (`` `Python <https://python.org>`__``): a slide's
    ``eval-rst`` block is parsed on its own, and a copy of the target would clash with
    the original. ``targets`` maps names to URLs; a section title's name maps to
    ``#`` and its id, which the presentation points at the title's step."""
    defined = {
        " ".join(match["name"].strip("`").lower().split())
        for match in map(_TARGET.match, text.splitlines())
        if match
    }

    def replace(match: re.Match[str]) -> str:
        shown = match["text"] or match["word"]
        name = " ".join(shown.lower().split())
        if name in defined or name not in targets:
            return match.group()
        return f"`{shown} <{targets[name]}>`__"

    return _REFERENCE.sub(replace, text)


def _rst_body(
    lines: list[str],
    start: int,
    end: int,
    levels: dict[tuple[str, bool], int],
    targets: dict[str, str],
) -> str:
    """A slide's reStructuredText as MyST: its section titles as MyST headings, the
    text between them in ``eval-rst`` blocks (each parsed on its own, see
    :func:`_embed_targets`), ``.. note::`` as ``.. notes::``."""
    titles = {first: (style, title) for first, style, title in _headings(lines, start, end)}
    parts: list[str] = []
    chunk: list[str] = []

    def flush() -> None:
        text = "\n".join(
            re.sub(r"^(\s*)\.\. note::", r"\1.. notes::", line) for line in chunk
        ).strip("\n")
        chunk.clear()
        if not text.strip():
            return
        text = _embed_targets(text, targets)
        fence = _fence(text)
        parts.append(f"{fence}{{eval-rst}}\n{text}\n{fence}")

    index = start
    while index < end:
        if index in titles:
            style, title = titles[index]
            flush()
            parts.append("#" * levels.get(style, 1) + " " + title)
            index += 3 if style[1] else 2
            continue
        chunk.append(lines[index])
        index += 1
    flush()
    return "\n\n".join(parts)

