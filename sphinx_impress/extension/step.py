"""The ``step`` directive (also ``impress-step``): its options, read into a ``step``
node (:func:`~sphinx_impress.core.options.parse_step_options`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.util.docutils import SphinxDirective

from ..core.options import OTHER_OPTIONS, parse_step_options
from ..core.values import AXES
from .nodes import step
from .warnings import report

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx


def _raw(value: Any) -> Any:
    """Keep an option value as written; :func:`parse_step_options` checks it."""
    return value


class StepOptionSpec(dict[str, Callable[[Any], Any]]):
    """The ``step`` directive's ``option_spec``: the known options, and any other name.

    It lists the known options (myst-parser reads an option block only when
    ``option_spec`` is not empty) and accepts every other name too, so that ``data-*``
    options pass through and an unknown option gives a located warning from
    :func:`parse_step_options` instead of docutils dropping the whole directive.
    """

    def __init__(self) -> None:
        super().__init__((name, _raw) for name in (*AXES, *OTHER_OPTIONS))

    def __missing__(self, key: str) -> Callable[[Any], Any]:
        return _raw


class StepDirective(SphinxDirective):
    """``step``: set the impress.js step of the enclosing slide, or, with content, make
    a slide of its own.

    Options (impress.js DOCUMENTATION.md, "Step Element"): ``id``, ``class``, ``x``,
    ``y``, ``z`` (px), ``scale`` (factor > 0), ``rotate`` (= ``rotate-z``),
    ``rotate-x``, ``rotate-y``, ``rotate-z`` (degrees), ``rotate-order`` (a permutation
    of ``xyz``), ``transition-duration`` (ms), ``autoplay`` (seconds); each also with a
    ``data-`` prefix; any other ``data-*`` option is written on the step element as is.
    """

    has_content = True
    required_arguments = 0
    optional_arguments = 0
    final_argument_whitespace = False
    option_spec: ClassVar[dict[str, Any]] = StepOptionSpec()

    def run(self) -> list[nodes.Node]:
        """Return one ``step`` node with its options (and content)."""
        node = step()
        self.set_source_info(node)
        options, problems = parse_step_options(self.options)
        report(problems, node)
        node["impress_options"] = options
        node["has_content"] = bool(self.content)
        if self.content:
            node.extend(self.parse_content_to_nodes(allow_section_headings=False))
        return [node]


#: Another name of the ``step`` directive, for projects where another extension has
#: a ``step`` directive of its own (sphinx-design 0.8 has one): Sphinx warns
#: (``app.add_directive``) and the extension set up later gets the name ``step``.
STEP_ALIAS = "impress-step"


def setup_directives(app: Sphinx) -> None:
    """Register the ``step`` directive, also as :data:`STEP_ALIAS`."""
    app.add_directive("step", StepDirective)
    app.add_directive(STEP_ALIAS, StepDirective)
