"""HTML output: the ``impress`` builder and its translator, highlighting, the check of
what a page loads from the network, the ``impress`` theme, and the presentations an
``html`` or ``dirhtml`` build writes beside its pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_html(app: Sphinx) -> None:
    """Register the builder, the theme, math in presentations and the presentations of
    HTML builds."""
    from .builder import setup_builder
    from .deck_files import setup_deck_files
    from .embedded import setup_embedded
    from .math import setup_math
    from .raw_files import setup_raw_files
    from .themes import get_theme_path

    setup_builder(app)
    setup_embedded(app)
    setup_math(app)
    setup_deck_files(app)
    setup_raw_files(app)
    app.add_html_theme("impress", get_theme_path())
