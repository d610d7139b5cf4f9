"""What the readers of Markdown decks (mdpress, markpress) share: myst-parser's
Markdown parser for a file of slides, what its tokens say about headings and code, and
rendering tokens parsed once into a Sphinx document."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from docutils import nodes
from myst_parser.config.main import MdParserConfig
from myst_parser.mdit_to_docutils.sphinx_ import SphinxRenderer
from myst_parser.parsers.mdit import create_md_parser

from .._compat import open_every_heading_level
from .model import Heading

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token
    from markdown_it.tree import SyntaxTreeNode


class SlideRenderer(SphinxRenderer):
    """myst-parser's Sphinx renderer, for a file of slides: a slide may open with a
    heading of any level (mdpress decks use ``##``), so the first heading of a level
    is not reported as a jump from the document's level; ``~~struck~~`` text is struck
    through (``<s>``), as mdpress (Redcarpet's ``strikethrough``) and markpress
    (markdown-it) showed it."""

    def setup_render(self, options: dict[str, Any], env: Any) -> None:
        """Set up as myst-parser does, with every heading level open at the top."""
        super().setup_render(options, env)
        open_every_heading_level(self, self.document)

    def render_s(self, token: SyntaxTreeNode) -> None:
        """Struck-through text, between ``<s>`` and ``</s>`` in HTML output (other
        outputs show the text without the line). myst-parser does the same, with a
        warning on every use that the author of such a deck cannot act on."""
        self.current_node.append(nodes.raw("", "<s>", format="html"))
        self.render_children(token)
        self.current_node.append(nodes.raw("", "</s>", format="html"))


#: myst-parser's syntax extensions that change the characters an author wrote (curled
#: quotes, ``--`` as a dash, ``(c)`` as ©), which mdpress (Redcarpet without
#: SmartyPants) and markpress (markdown-it without ``typographer``) did not do: left
#: out for their decks even where the project's MyST documents use them.
TYPOGRAPHY = frozenset({"smartquotes", "replacements"})


def markdown_parser(config: MdParserConfig | None = None) -> MarkdownIt:
    """myst-parser's Markdown parser with ``config`` (default: MyST's defaults) less
    :data:`TYPOGRAPHY`, with ``~~strikethrough~~`` (both tools had it), rendering with
    :class:`SlideRenderer`."""
    config = config or MdParserConfig()
    if TYPOGRAPHY & set(config.enable_extensions):
        config = dataclasses.replace(
            config, enable_extensions={e for e in config.enable_extensions if e not in TYPOGRAPHY}
        )
    md = create_md_parser(config, SlideRenderer)
    md.enable("strikethrough")
    return md


def render_tokens(
    md: MarkdownIt, tokens: Sequence[Token], env: dict[str, Any], document: nodes.document
) -> None:
    """Render ``tokens`` (from ``md.parse(text, env)``, with the same ``env``) into
    ``document``, as myst-parser's ``MystParser.parse`` renders the text it parses."""
    md.options["document"] = document
    md.renderer.render(list(tokens), md.options, env)


def heading_levels(tokens: Sequence[Token]) -> dict[int, Heading]:
    """The level and text (as written) of each heading at the top level of the
    Markdown (the number of ``#``, or 1 and 2 for ``=`` and ``-`` underlines), by its
    first line (1-based)."""
    return {
        token.map[0] + 1: Heading(int(token.tag[1]), _inline_text(tokens, index))
        for index, token in enumerate(tokens)
        if token.type == "heading_open" and token.level == 0 and token.map
    }


def _inline_text(tokens: Sequence[Token], index: int) -> str:
    """The text of the inline token after ``tokens[index]``, or ``""``."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following.content if following is not None and following.type == "inline" else ""


def code_lines(tokens: Sequence[Token], kinds: Sequence[str] = ("fence", "code_block")) -> set[int]:
    """The lines (0-based) of the blocks of ``kinds`` (code, by default)."""
    return {
        line
        for token in tokens
        if token.type in kinds and token.map
        for line in range(*token.map)
    }


#: What a rewrite of a Markdown line's prose leaves alone: an inline code span (a run
#: of backticks to the next run as long, CommonMark "Code spans"), an HTML tag or
#: comment, an autolink, a link's or image's target (``](address)``).
_NOT_PROSE = re.compile(
    r"(?P<ticks>`+)(?:.*?[^`])??(?P=ticks)(?!`)|<[^>\n]*>|\]\((?:<[^>\n]*>|[^)\s]*)"
)

#: A link reference definition (CommonMark: ``[label]: address "title"``, indented by
#: three spaces at most).
_LINK_DEFINITION = re.compile(r"^ {0,3}\[(?:[^\]\\]|\\.)+\]:")

#: GFM's ``~~struck~~`` text (markdown-it's ``strikethrough``: two tildes each side,
#: the text neither starting nor ending with white space).
_STRUCK = re.compile(r"(?<!~)~~(?=[^\s~])(?P<text>.*?[^\s~])~~(?!~)")


def strike_as_html(text: str) -> str:
    """``text`` with each ``~~struck~~`` run written as the inline HTML ``<s>struck</s>``,
    as the deck built as it is shows it (:meth:`SlideRenderer.render_s`): MyST's own
    ``strikethrough`` extension warns on every use."""
    return _STRUCK.sub(r"<s>\g<text></s>", text)


def rewrite_prose(
    lines: Sequence[str], skipped: set[int], rewrite: Callable[[str], str]
) -> list[str]:
    """Markdown ``lines`` with ``rewrite`` applied to their prose: not to the lines in
    ``skipped`` (0-based: code and HTML blocks, :func:`code_lines`), nor to link
    reference definitions (an address and its title), inline code, HTML tags or
    autolinks."""
    result = []
    for number, line in enumerate(lines):
        if number in skipped or _LINK_DEFINITION.match(line):
            result.append(line)
            continue
        pieces: list[str] = []
        end = 0
        for kept in _NOT_PROSE.finditer(line):
            pieces.extend((rewrite(line[end : kept.start()]), kept[0]))
            end = kept.end()
        pieces.append(rewrite(line[end:]))
        result.append("".join(pieces))
    return result
