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
    from .extension import setup_extension
    from .html import setup_html
    from .importers import setup_importers

    setup_extension(app)
    setup_html(app)
    setup_importers(app)
    return {
        "version": __version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
