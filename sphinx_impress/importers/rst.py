"""reStructuredText read outside Sphinx, for the readers of reST decks (hovercraft,
sphinx-revealjs) when ``sphinx-impress convert`` runs them: a docutils parse with no
transforms, the ``include`` directives read into the text first, and the reST rules
for section title adornments, which the converters need to find a title's lines.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import frontend, nodes, utils
from docutils.parsers.rst import Parser
from sphinx.util.docutils import docutils_namespace, register_directive

from ..core.problems import Problem

if TYPE_CHECKING:
    from docutils.parsers.rst import Directive


def parse_rst(
    text: str, source: str, extra_directives: Mapping[str, type[Directive]] | None = None
) -> nodes.document:
    """The docutils tree of ``text`` as docutils' own reStructuredText parser makes it
    outside Sphinx: no transforms run, no message is printed, and a directive docutils
    does not know (Sphinx's own, another extension's) becomes an error node, which
    changes no section or field list.

    :param source: the path of the file, for the nodes' ``source`` and for the files
        that ``include`` directives name.
    :param extra_directives: directives by name known during this parse only (the
        names docutils knows otherwise are restored afterwards).
    """
    settings = frontend.get_default_settings(Parser)
    settings.report_level = utils.Reporter.SEVERE_LEVEL + 1
    settings.halt_level = utils.Reporter.SEVERE_LEVEL + 1
    settings.file_insertion_enabled = True
    document = utils.new_document(source, settings)
    if not extra_directives:
        Parser().parse(text, document)
        return document
    # Sphinx's own way to register directives for a while and restore docutils' after
    with docutils_namespace():
        for name, directive in extra_directives.items():
            register_directive(name, directive)
        Parser().parse(text, document)
    return document


#: A directive at the start of a line, with its indentation, name and argument.
DIRECTIVE = re.compile(r"^(?P<indent>\s*)\.\.\s+(?P<name>[\w:-]+)::(?P<argument>.*)$")

#: Directives whose content is literal text (code), not reStructuredText.
LITERAL = frozenset({
    "code-block", "code", "sourcecode", "parsed-literal", "revealjs-code-block", "raw",
    "math", "highlight",
})

def literal_lines(lines: Sequence[str]) -> set[int]:
    """The indexes of lines that are literal text: the content of code directives and
    of literal blocks after ``::``."""
    literal: set[int] = set()
    index = 0
    while index < len(lines):
        text = lines[index]
        match = DIRECTIVE.match(text)
        base = len(text) - len(text.lstrip())
        opens = (match is not None and match["name"] in LITERAL) or (
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


def title_targets(document: nodes.document) -> dict[str, nodes.section]:
    """The sections that a reference by their title names (```Title`_``), by that
    name: implicit targets of one section only (docutils reports a name two sections
    share). ``document`` as docutils parsed it, before any transform."""
    found: dict[str, nodes.section] = {}
    for name, target_id in document.nameids.items():
        target = document.ids.get(target_id or "")
        explicit = document.nametypes.get(name, True)
        if isinstance(target, nodes.section) and not explicit and target["ids"]:
            found[name] = target
    return found


#: What a reference by name may stand in, in the order it is read: an inline literal
#: and a standalone address (never references), a backquoted phrase (a reference when
#: it ends with one ``_``, an embedded address when it holds ``<``), and a reference
#: ``word_`` (not anonymous, ``__``).
TITLE_REFERENCE = re.compile(
    r"(?P<literal>``.+?``)"
    r"|(?P<address>\b[A-Za-z][A-Za-z0-9+.-]*://\S+)"
    r"|`(?P<quoted>[^`]+)`(?P<marks>_{0,2})"
    r"|(?<![\w`])(?P<word>[A-Za-z0-9]+(?:[-._+:][A-Za-z0-9]+)*)_(?![_\w])"
)


def link_title_references(text: str, anchors: Mapping[str, str]) -> str:
    """A line with each reference by name that ``anchors`` knows (a section's title,
    normalized as docutils normalizes names) written as an anonymous link to the
    anchor: a converted deck writes titles as headings inside steps, which are no
    sections and no targets. Inline literals, addresses and embedded addresses are
    left as they are."""

    def link(found: re.Match[str]) -> str:
        if found["word"] is not None:
            written = found["word"]
        elif found["quoted"] is not None and found["marks"] == "_" and "<" not in found["quoted"]:
            written = found["quoted"]
        else:
            return found[0]
        anchor = anchors.get(nodes.fully_normalize_name(written))
        return found[0] if anchor is None else f"`{written} <#{anchor}>`__"

    return TITLE_REFERENCE.sub(link, text) if anchors else text


#: A line that can adorn a section title (reStructuredText specification, "Sections"):
#: one printable 7-bit ASCII character that is neither a letter nor a digit, repeated,
#: trailing whitespace allowed.
ADORNMENT = re.compile(r"^([!-/:-@\[-`{-~])\1*[ \t]*$")


def is_adornment(line: str) -> bool:
    """Whether ``line`` could be a section title's underline or overline."""
    return ADORNMENT.match(line) is not None


def is_overline(lines: Sequence[str], number: int) -> bool:
    """Whether line ``number`` (1-based) of ``lines`` is the overline of a title on
    the next line: an adornment, and the same as the line under that title."""
    if number < 1 or number + 2 > len(lines):
        return False
    over, under = lines[number - 1].rstrip(), lines[number + 1].rstrip()
    return is_adornment(over) and over == under


def title_start(lines: Sequence[str], underline: int) -> int:
    """The first line (1-based) of the section title whose underline is on line
    ``underline`` (the line docutils gives a ``title`` node): its text, or its
    overline."""
    text = underline - 1
    return text - 1 if is_overline(lines, text - 1) else text


#: The first line of an explicit markup block that defines something for the rest of
#: the deck and shows nothing: a substitution definition, a hyperlink target, a role
#: (``role``, ``default-role``), the highlighting language, an include.
DEFINITION = re.compile(
    r"^\.\.\s+(?:\|[^|]+\|\s+[\w-]+::|_[^:]*:|__:|(?:role|default-role|highlight|include)::)"
)


def definition_lines(lines: Sequence[str], first: int, skipped: set[int]) -> set[int]:
    """The lines (1-based) before line ``first`` that belong to definitions
    (:data:`DEFINITION`), but for those in ``skipped``: the block's first line and the
    indented or blank lines after it."""
    found: set[int] = set()
    number = 1
    while number < first:
        text = lines[number - 1]
        if number in skipped or not DEFINITION.match(text):
            number += 1
            continue
        found.add(number)
        number += 1
        while number < first and (not lines[number - 1].strip() or lines[number - 1][:1].isspace()):
            found.add(number)
            number += 1
    return found


#: An ``include`` directive at the start of a line (no options read).
_INCLUDE = re.compile(r"^\.\.\s+include::\s*(?P<path>\S.*)$")

#: An option line of a directive, indented.
_INCLUDE_OPTION = re.compile(r"^[ \t]+:[^:\s][^:]*:(?:\s|$)")

#: How deep includes are read into includes.
INCLUDE_DEPTH = 10


@dataclass
class IncludedLine:
    """A line of a reST deck with its includes read in: its text, the file it comes
    from and its line there."""

    text: str
    source: str
    number: int


def read_with_includes(
    text: str, path: Path, problems: list[Problem], depth: int = 0
) -> list[IncludedLine]:
    """The deck's lines with each ``.. include::`` at the start of a line replaced by
    the lines of the file it names (relative to the including file), recursively (up to
    :data:`INCLUDE_DEPTH` files deep), and a blank line after them where the file
    does not end with one: docutils ends an included file's text there (its include
    directive inserts an end-of-inclusion comment), so that what the next line starts
    (another include's title, a paragraph) is never read as part of the file's last
    construct. A file that cannot be read is a problem (``separator``), and its include
    is kept, as is an include with options (``:literal:``, ``:start-line:``...), whose
    text is not read as the deck's reST."""
    lines: list[IncludedLine] = []
    written = text.splitlines()
    for number, line in enumerate(written, start=1):
        match = _INCLUDE.match(line)
        # an include with options (:literal:, :start-line:, :parser:...) is not the
        # file's reST read in as it is: it stays an include
        options = number < len(written) and _INCLUDE_OPTION.match(written[number])
        if match and depth < INCLUDE_DEPTH and not options:
            target = path.parent / match["path"].strip()
            try:
                included = target.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                problems.append(Problem(
                    "separator",
                    f"cannot read the included file {target}: {error}; the include is "
                    "kept as it is",
                    line=number if depth == 0 else None,
                ))
            else:
                inserted = read_with_includes(included, target, problems, depth + 1)
                lines.extend(inserted)
                if inserted and inserted[-1].text.strip():
                    lines.append(IncludedLine("", str(target), inserted[-1].number + 1))
                continue
        lines.append(IncludedLine(line, str(path), number))
    return lines


def original_line(lines: Sequence[IncludedLine], line: int | None, source: str) -> int | None:
    """The line of the file ``source`` that line ``line`` (1-based) of the text with
    includes read in comes from: its own, or that of the include that brought it."""
    if line is None or not lines:
        return line
    for index in range(min(line, len(lines)) - 1, -1, -1):
        if lines[index].source == source:
            return lines[index].number
    return 1
