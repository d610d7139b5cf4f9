"""The Sphinx source parser of hovercraft decks: the file type ``hovercraft`` (files
ending in ``.hovercraft``, or any suffix mapped to it in ``source_suffix``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.parsers import RSTParser

from ..._compat import clear_default_domain
from ...extension.nodes import AUTHOR_MARKUP
from ...extension.notes import notes
from ...extension.slides import is_visible
from ...extension.warnings import report
from ..cutting import FOREIGN, docname_of
from .reader import HovercraftReader

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The file type of hovercraft decks, for ``source_suffix = {".rst": "hovercraft"}``.
FILE_TYPE = "hovercraft"

#: The suffix that is read as a hovercraft deck without any configuration.
SUFFIX = ".hovercraft"


class HovercraftParser(RSTParser):
    """Sphinx source parser for hovercraft decks (file type ``hovercraft``).

    The file is parsed by docutils as reStructuredText and read by
    :class:`~sphinx_impress.importers.hovercraft.reader.HovercraftReader`; each slide
    becomes a ``step`` node with content and its step options, its ``.. note::``
    blocks speaker notes, its headings keep their level in the deck, and every problem
    of the model is a located warning (``impress.field``, ``impress.separator``, and
    those of the ``step`` options).
    """

    supported: ClassVar[tuple[str, ...]] = (FILE_TYPE,)

    def parse(self, inputstring: Any, document: nodes.document) -> None:
        """Parse the reStructuredText as docutils parsed it for hovercraft (no
        default domain: ``.. class::`` is docutils' class directive, never
        ``py:class``), then make slides of it."""
        env = getattr(document.settings, "env", None)
        if env is not None:
            clear_default_domain(env)
        super().parse(inputstring, document)
        docname = docname_of(document)
        text = inputstring if isinstance(inputstring, str) else "\n".join(inputstring)
        reader = HovercraftReader(document, text.splitlines())
        model = reader.read()
        document[FOREIGN] = document[AUTHOR_MARKUP] = FILE_TYPE
        settings = nodes.field_list()
        for key, value in model.front_matter.items():
            if key != "title":
                # a list is written as JSON, as myst-parser writes YAML front matter
                text = value if isinstance(value, str) else json.dumps(value)
                settings += nodes.field(
                    "", nodes.field_name("", key), nodes.field_body("", nodes.paragraph("", text))
                )
        if settings.children:
            document.append(settings)
        hidden = [node for node in reader.cutter.prelude if not isinstance(node, nodes.field_list)]
        document.extend(_hide(hidden))
        cuts = reader.cutter.slides
        for problem in model.problems:
            # a problem without a line points at its slide, else at the document
            fallback = cuts[problem.index].node if problem.index is not None else docname
            report([problem], fallback, docname)
        for cut, slide in zip(cuts, model.slides, strict=True):
            for note in list(cut.node.findall(nodes.note)):
                speaker = notes()
                speaker.source, speaker.line = note.source, note.line
                speaker.extend(note.children)
                note.replace_self(speaker)
            cut.node["impress_options"] = slide.options
            document.append(cut.node)
        for block in document.findall(nodes.literal_block):
            # docutils highlights only the code directive: hovercraft showed a "::"
            # literal block as plain text (Sphinx highlights it in its default language)
            block.setdefault("language", "none")


def _hide(prelude: list[nodes.Node]) -> list[nodes.Node]:
    """What comes before the first slide, other than the deck's fields: hovercraft
    does not show its text, so that is kept as a comment; what shows nothing anyway
    (targets, substitution definitions) is kept as it is."""
    kept = [node for node in prelude if not is_visible(node)]
    text = "\n\n".join(node.astext() for node in prelude if is_visible(node))
    if text.strip():
        kept.append(nodes.comment("", text))
    return kept


def setup_hovercraft(app: Sphinx) -> None:
    """Register the parser and the ``.hovercraft`` suffix."""
    app.add_source_parser(HovercraftParser)
    app.add_source_suffix(SUFFIX, FILE_TYPE)
