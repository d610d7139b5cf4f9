"""sphinx-impress: write positioned impress.js presentations with Sphinx, in MyST or
reStructuredText, and build them with ``sphinx-build -b impress``."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the config values, nodes, ``step`` directive, transforms, theme and
    the ``impress`` builder.

    Loaded by ``extensions = ["sphinx_impress"]``, or by ``sphinx-build -b impress``
    through the ``sphinx.builders`` entry point.
    """
    from .builder import setup_builder
    from .decks import setup_decks
    from .config import setup_config
    from .directives import setup_directives
    from .nodes import setup_nodes
    from .foreign import setup_foreign
    from .hovercraft import setup_hovercraft
    from .mdpress import setup_mdpress
    from .notes import setup_notes
    from .substeps import setup_substeps
    from .presentation import setup_presentation
    from .themes import get_theme_path
    from .transforms import setup_transforms

    setup_config(app)
    setup_nodes(app)
    setup_directives(app)
    setup_notes(app)
    setup_substeps(app)
    setup_transforms(app)
    setup_presentation(app)
    setup_builder(app)
    setup_decks(app)
    setup_mdpress(app)
    setup_hovercraft(app)
    setup_foreign(app)
    app.add_html_theme("impress", get_theme_path())
    return {
        "version": __version__,
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
