"""sphinx-impress: write positioned impress.js presentations with Sphinx, in MyST or
reStructuredText, and build them with ``sphinx-build -b impress``.

The package is laid out in rings, each importing only those inside it (see the
contributor docs, "Architecture"): ``core`` (pure values, geometry, placement,
layouts, the canvas map), ``extension`` (the Sphinx extension: nodes, directives,
transforms, the domain), ``html`` (the builders, the theme, presentations inside an
HTML build), ``importers`` (other tools' deck formats) and ``cli`` (the
``sphinx-impress`` command). The names below are its public API; they are imported
when first used, so ``import sphinx_impress`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: The public API: each name and the module that defines it.
_PUBLIC = {
    # errors
    "ImpressError": "errors",
    "InvalidValue": "errors",
    "PdfError": "errors",
    "ConvertError": "errors",
    # the pure core
    "Position": "core.geometry",
    "StepOptions": "core.options",
    "StepInfo": "core.options",
    "parse_step_options": "core.options",
    "Problem": "core.problems",
    "resolve": "core.placement",
    "StepSpec": "core.placement",
    "Layout": "core.layouts",
    "canvas_svg": "core.canvas",
    "CanvasStep": "core.canvas",
    # the Sphinx extension
    "ImpressConfig": "extension.config",
    "ImpressDomain": "extension.domain",
    "ImpressWarnings": "extension.warnings",
    "step": "extension.nodes",
    "impress_root": "extension.nodes",
    "notes": "extension.notes",
    "substep": "extension.substeps",
    # output
    "ImpressBuilder": "html.builder",
    # other tools' decks
    "DeckModel": "importers.model",
    "convert_hovercraft": "importers.hovercraft",
    "convert_mdpress": "importers.mdpress",
}

__all__ = ["__version__", "setup", *_PUBLIC]


def __getattr__(name: str) -> Any:
    """Import a name of the public API from its module when it is first used."""
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'sphinx_impress' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the config values, nodes, directives, transforms, domain, theme, the
    ``impress`` builder and the parsers of other tools' deck formats.

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
        # 2: step options and step information on nodes are frozen dataclasses, the
        # impress domain holds what documents share, sections keep their source title
        # 3: decks of other tools say their size and (hovercraft) the markup their
        # style sheets were written for; hovercraft's "::" blocks are plain text
        "env_version": 3,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
