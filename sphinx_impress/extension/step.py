"""The ``step`` directive (also ``impress-step``): its options, read into a ``step``
node (:func:`~sphinx_impress.core.options.parse_step_options`); and the warning when
another extension owns the name ``step``."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.transforms import SphinxTransform
from sphinx.util.docutils import SphinxDirective

from .._compat import builder_name, registered_directive
from ..core.options import OTHER_OPTIONS, parse_step_options
from ..core.values import AXES
from .domain import impress_domain
from .nodes import step
from .parsed_text import parsed_text
from .warnings import ImpressWarnings, report, warn

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


#: A ``step`` (or ``impress-step``) directive as written in MyST (a fence of backticks,
#: tildes or colons) or in reST, with the option lines that follow it; group ``name``
#: is the directive's name.
STEP_USE = re.compile(
    r"^[ \t]*(?:(?:`{3,}|~{3,}|:{3,})[ \t]*\{(?P<myst>(?:impress-)?step)\}"
    r"|\.\.[ \t]+(?P<rst>(?:impress-)?step)[ \t]*::)[^\n]*\n"
    r"(?P<options>(?:[ \t]*:[^\n]*\n)*)",
    re.MULTILINE,
)

#: Options that only sphinx-impress's ``step`` has (all but ``id`` and ``class``, with or
#: without ``data-``): a ``step`` with one of them was meant as a slide.
_OWN_OPTIONS = re.compile(
    r"^[ \t]*:(?:data-)?(?:"
    + "|".join(
        re.escape(name)
        for name in sorted({*AXES, *OTHER_OPTIONS} - {"id", "class"}, key=len, reverse=True)
    )
    + r"):",
    re.MULTILINE,
)


class StepNameClash(SphinxTransform):
    """Warn (``impress.name_clash``) at the first ``step`` directive of a document when
    another extension owns the name ``step``, so the directive is not a slide: in a
    presentation (every document of an ``impress`` build), in a deck, or where the
    directive has options only sphinx-impress's ``step`` takes. The warning names
    ``impress-step``, which always is sphinx-impress's."""

    default_priority = 401  # after CollectSteps, which says which documents are decks

    def apply(self, **kwargs: Any) -> None:
        """Look for ``step`` directives in the source when ``step`` is not ours."""
        owner = registered_directive("step")
        if owner is None or issubclass(owner, StepDirective):
            return
        text = parsed_text(self.env, self.document.get("source")) or ""
        docname = self.env.docname
        presented = builder_name(self.env) == "impress" or impress_domain(self.env).is_deck(
            docname
        )
        for use in STEP_USE.finditer(text):
            if (use["myst"] or use["rst"]) != "step":
                continue  # impress-step is always sphinx-impress's
            if presented or _OWN_OPTIONS.search(use["options"]):
                line = text.count("\n", 0, use.start()) + 1
                warn(
                    f"this step directive is {owner.__module__}.{owner.__name__}, not a "
                    "slide: another extension took the name 'step' (the one set up "
                    f"later gets it); write {STEP_ALIAS} for sphinx-impress's step",
                    ImpressWarnings.NAME_CLASH,
                    (docname, line),
                )
                return


def setup_directives(app: Sphinx) -> None:
    """Register the ``step`` directive, also as :data:`STEP_ALIAS`, and the check that
    warns when another extension owns ``step``."""
    app.add_directive("step", StepDirective)
    app.add_directive(STEP_ALIAS, StepDirective)
    app.add_transform(StepNameClash)
