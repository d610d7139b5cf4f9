"""The Sphinx extension: configuration, nodes, directives, the read transform that
finds slides, the presentation post-transform, the domain that holds what documents
share, the features (speaker notes, substeps), each with its own ``setup_*``, and the
repair of reST in MyST's ``eval-rst`` blocks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_extension(app: Sphinx) -> None:
    """Register every part of the extension that does not depend on an output format."""
    from .config import setup_config
    from .domain import setup_domain
    from .eval_rst import setup_eval_rst
    from .nodes import setup_nodes
    from .notes import setup_notes
    from .presentation import setup_presentation
    from .separators import setup_separators
    from .slides import setup_transforms
    from .step import setup_directives
    from .substeps import setup_substeps
    from .translations import setup_translations

    setup_translations(app)
    setup_config(app)
    setup_domain(app)
    setup_nodes(app)
    setup_directives(app)
    setup_notes(app)
    setup_substeps(app)
    setup_separators(app)
    setup_transforms(app)
    setup_presentation(app)
    setup_eval_rst(app)
