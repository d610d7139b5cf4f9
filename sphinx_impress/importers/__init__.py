"""Decks written for other tools, read as they are: one module per format, each a
Sphinx source parser for its file type (or, for sphinx-revealjs, a reader of its
directives), and the MyST writer of ``sphinx-impress convert``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_importers(app: Sphinx) -> None:
    """Register the parser and file suffix of each format."""
    from .cutting import setup_foreign
    from .hovercraft import setup_hovercraft
    from .markpress import setup_markpress
    from .mdpress import setup_mdpress
    from .revealjs import setup_revealjs

    setup_mdpress(app)
    setup_hovercraft(app)
    setup_markpress(app)
    setup_foreign(app)
    setup_revealjs(app)
