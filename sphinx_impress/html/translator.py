"""The HTML translator of presentation pages: a slide section inside impress.js's root
element is written as the step element itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.writers.html5 import HTML5Translator

from ..extension.nodes import HEADING_LEVEL, impress_root, step_attributes
from .math import MATHML_RENDERER, html_visit_displaymath, html_visit_math

if TYPE_CHECKING:
    from docutils import nodes


class ImpressTranslator(HTML5Translator):
    """Writes a section that is a step as ``<div class="step" id=... data-x=...>``.

    Every slide is a child of the root element, so every slide title is an ``h1`` and
    headings inside a slide start at ``h2``, whatever the section's depth in the source;
    a section that says its level in its deck (:data:`HEADING_LEVEL`, decks of other
    tools) gets a heading of that level.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: ``section_level`` outside each section with a level of its own.
        self._outer_levels: list[int] = []

    def visit_section(self, node: nodes.section) -> None:
        """Open a step element for a slide, or a ``section`` for a heading inside one."""
        if isinstance(node.parent, impress_root):
            self.section_level += 1
            attributes = step_attributes(node["impress_step"])
            self.body.append(self.starttag(node, "div", "\n", False, **attributes))
            return
        level = node.get(HEADING_LEVEL)
        if level:
            self._outer_levels.append(self.section_level)
            self.section_level = int(level) - 1
        super().visit_section(node)

    def depart_section(self, node: nodes.section) -> None:
        """Close what :meth:`visit_section` opened."""
        if isinstance(node.parent, impress_root):
            self.section_level -= 1
            self.body.append("</div>\n")
            return
        super().depart_section(node)
        if node.get(HEADING_LEVEL):
            self.section_level = self._outer_levels.pop()

    def visit_math(self, node: nodes.math, math_env: str = "") -> None:
        """A formula as MathML (``impress_math = "mathml"``,
        :mod:`sphinx_impress.html.math`), else as the chosen renderer writes it."""
        if self.builder.math_renderer_name == MATHML_RENDERER:
            html_visit_math(self, node)
        super().visit_math(node, math_env)

    def visit_math_block(self, node: nodes.math_block, math_env: str = "") -> None:
        """A displayed formula as MathML, else as the chosen renderer writes it."""
        if self.builder.math_renderer_name == MATHML_RENDERER:
            html_visit_displaymath(self, node)
        super().visit_math_block(node, math_env)
