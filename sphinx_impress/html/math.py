"""Math in presentations, offline: ``math`` and ``math_block`` nodes (the ``math`` role
and directive, MyST's ``$…$`` and ``$$…$$`` with ``dollarmath``) are written as MathML
when the page is written, which browsers draw natively (MathML Core), so a presentation
needs no script and no network for its formulas, and presents under
``Content-Security-Policy: default-src 'self'``. The TeX is converted with
`latex2mathml <https://pypi.org/project/latex2mathml/>`_; pages with math load the
STIX Two Math font (``static/fonts/``, SIL OFL 1.1) through ``impress-math.css``.

``impress_math`` chooses: ``"mathml"`` (the default), ``"mathjax"`` (Sphinx's
``sphinx.ext.mathjax``, which loads MathJax from ``mathjax_path``, a CDN by default), or
``"html"`` (whatever the project's HTML pages use, ``sphinx.ext.imgmath`` say). Docs
pages of an HTML build always keep Sphinx's choice.

Also: the ``impress.math`` warning for a formula that cannot be converted, and for
``$$`` lines in a presentation that no extension turned into math.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.math import get_node_equation_number

from .._compat import extension_registry
from ..extension.presentation import BUILDER
from ..extension.warnings import ImpressWarnings, warn
from .files import write_if_changed
from .mathml import MathError, convert, stack

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

#: The name under which presentations' MathML renderer is known to Sphinx's registry
#: of HTML math renderers (``app.add_html_math_renderer``).
MATHML_RENDERER = "impress_mathml"

#: The style sheet of displayed formulas; pages with math load it.
MATH_CSS = "impress-math.css"

#: The style sheet that sets MathML in the math font (``impress_math_font``).
MATH_FONT_CSS = "impress-math-font.css"

#: The math font and its licence, in ``_static/fonts/``.
FONT_FILES = ("STIXTwoMath-Regular.woff2", "LICENSE-STIXTwoMath.txt")

#: CSS class of the element around each converted formula.
MATH_CLASS = "impress-math"

#: CSS class of a formula that could not be converted: its TeX, shown as code.
MATH_ERROR_CLASS = "impress-math-source"

_STATIC = Path(__file__).parent / "static"

#: Commands that name or number an equation; Sphinx keeps labels and numbers on the
#: node, and MathML has no use for them.
_LABEL = re.compile(r"\\(?:label|tag\*?|nonumber|notag)(?:\{[^{}]*\})?")


def tex_to_mathml(tex: str, display: bool) -> str:
    """The MathML ``<math>`` element of a formula written in TeX (see
    :mod:`sphinx_impress.html.mathml`), without its labels and tags: Sphinx numbers
    equations.

    :param display: a displayed formula (``display="block"``), else inline.
    :raises MathError: when the formula is empty, the converter refuses the TeX, or
        what it makes would not be drawn as written.
    """
    source = _LABEL.sub("", tex).strip()
    if not source:
        raise MathError("the formula is empty")
    return convert(source, display)


def _display_tex(node: nodes.math_block) -> str:
    """The TeX of a displayed formula as one formula. With ``nowrap`` it is taken as
    written; else its parts separated by blank lines are equations set one under the
    other, and a part of several rows is aligned, as Sphinx sets them
    (``sphinx.ext.mathjax``, ``wrap_displaymath``)."""
    text = node.get("latex") or node.astext()
    if node.get("nowrap"):
        return text
    parts = [part.strip() for part in text.split("\n\n") if part.strip()]
    return stack(parts) if parts else text


def html_visit_math(self: HTML5Translator, node: nodes.math) -> None:
    """Write an inline formula as ``<math class="impress-math">``."""
    try:
        mathml = tex_to_mathml(node.astext(), display=False)
    except MathError as error:
        _refuse(self, node, error, "code")
    else:
        self.body.append(mathml.replace("<math ", f'<math class="{MATH_CLASS}" ', 1))
    raise nodes.SkipNode


def html_visit_displaymath(self: HTML5Translator, node: nodes.math_block) -> None:
    """Write a displayed formula as ``<div class="math impress-math">`` holding the
    equation number (``<span class="eqno">``, as Sphinx writes it) and the MathML of
    its equations."""
    self.body.append(self.starttag(node, "div", CLASS=f"math notranslate {MATH_CLASS}"))
    if node.get("number"):
        number = get_node_equation_number(self, node)
        self.body.append(f'<span class="eqno">({html.escape(str(number))})</span>')
    try:
        self.body.append(tex_to_mathml(_display_tex(node), display=True))
    except MathError as error:
        _refuse(self, node, error, "pre")
    self.body.append("</div>\n")
    raise nodes.SkipNode


def _refuse(self: HTML5Translator, node: nodes.Element, error: MathError, tag: str) -> None:
    """Warn (``impress.math``) and show the formula's TeX as code."""
    warn(
        f"this formula is shown as TeX, not as math: {error}",
        ImpressWarnings.MATH,
        node,
    )
    self.body.append(
        f'<{tag} class="{MATH_ERROR_CLASS}">{html.escape(node.astext())}</{tag}>'
    )


def presentation_renderer(builder: Any) -> str | None:
    """The HTML math renderer of presentation pages by ``impress_math``: this module's
    for ``mathml``, ``mathjax`` for ``mathjax``; for ``html``, what Sphinx's HTML
    builder would choose (``html_math_renderer``, or the one extension that adds a
    renderer, ``sphinx.ext.imgmath`` say)."""
    choice = builder.config.impress_math
    if choice == "mathml":
        return MATHML_RENDERER
    if choice == "mathjax":
        return "mathjax"
    # Sphinx's own choice (StandaloneHTMLBuilder.math_renderer_name), this module's
    # renderer left out
    chosen = builder.config.html_math_renderer
    if chosen:
        return str(chosen)
    renderers = [
        name for name in extension_registry(builder).html_inline_math_renderers
        if name != MATHML_RENDERER
    ]
    if len(renderers) == 2 and "mathjax" in renderers:
        renderers.remove("mathjax")
    return renderers[0] if len(renderers) == 1 else None


def register_renderer(registry: Any) -> None:
    """Make the MathML renderer known to Sphinx's registry (Sphinx checks, when an
    ``impress`` build starts, that the builder's renderer is registered). Registered
    only for such a build: with a second renderer registered, Sphinx's HTML builder
    would pick it for docs pages."""
    if MATHML_RENDERER not in registry.html_inline_math_renderers:
        registry.add_html_math_renderer(
            MATHML_RENDERER, (html_visit_math, None), (html_visit_displaymath, None)
        )


def add_math_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """On a presentation page with MathML formulas, load :data:`MATH_CSS` and, with
    ``impress_math_font``, :data:`MATH_FONT_CSS` (which loads the font), and copy them
    into the output the first time."""
    builder = app.builder
    if builder.name != BUILDER or not isinstance(builder, StandaloneHTMLBuilder):
        return
    if doctree is None:
        return
    if presentation_renderer(builder) != MATHML_RENDERER:
        return
    if not any(doctree.findall(lambda n: isinstance(n, nodes.math | nodes.math_block))):
        return
    static = Path(builder.outdir, "_static")
    _copy(_STATIC / MATH_CSS, static / MATH_CSS)
    builder.add_css_file(MATH_CSS, priority=500)
    if builder.config.impress_math_font:
        _copy(_STATIC / MATH_FONT_CSS, static / MATH_FONT_CSS)
        for name in FONT_FILES:
            _copy(_STATIC / "fonts" / name, static / "fonts" / name)
        builder.add_css_file(MATH_FONT_CSS, priority=500)


def _copy(source: Path, target: Path) -> None:
    """Copy a file unless the same bytes are there."""
    write_if_changed(target, source.read_bytes())


#: Literal text, code and raw markup, where ``$$`` is what the author wrote.
_VERBATIM = (nodes.literal, nodes.literal_block, nodes.raw, nodes.comment, nodes.math,
             nodes.math_block, nodes.doctest_block)

#: A line that opens or closes a ``$$`` formula.
_DOLLARS = re.compile(r"^[ \t]*\$\$", re.MULTILINE)


class DollarMathLeftAsText(SphinxPostTransform):
    """Warn (``impress.math``) at a ``$$`` line that is still text in a presentation:
    MyST turns ``$$…$$`` into math only with its ``dollarmath`` extension
    (``myst_enable_extensions = ["dollarmath"]``), and reStructuredText never does
    (the ``math`` directive and role do). One warning per paragraph, at its first such
    line."""

    builders = ("impress",)
    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        """Look at every paragraph's text outside code and raw markup."""
        seen: set[int] = set()
        for text in self.document.findall(nodes.Text):
            parent = text.parent
            if parent is None or id(parent) in seen:
                continue
            if any(isinstance(n, _VERBATIM) for n in _ancestors(parent)):
                continue
            found = _DOLLARS.search(str(text))
            if found is None:
                continue
            seen.add(id(parent))
            block = next((n for n in _ancestors(parent) if n.line), None)
            where: Any = parent
            if block is not None and block.line:
                before = _text_before(block, text) + str(text)[: found.start()]
                where = (self.env.docname, block.line + before.count("\n"))
            warn(
                "this $$ is shown as text: no extension turned it into math (in MyST, "
                'add "dollarmath" to myst_enable_extensions; in reST, use the math '
                "directive)",
                ImpressWarnings.MATH,
                where,
            )


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    current: nodes.Node | None = node
    while current is not None:
        found.append(current)
        current = current.parent
    return found


def _text_before(block: nodes.Node, text: nodes.Text) -> str:
    """The text of ``block`` before ``text`` (to count lines)."""
    parts = []
    for node in block.findall(nodes.Text):
        if node is text:
            break
        parts.append(str(node))
    return "".join(parts)


def setup_math(app: Sphinx) -> None:
    """Connect the math assets of presentation pages and the ``$$`` check."""
    app.add_post_transform(DollarMathLeftAsText)
    app.connect("html-page-context", add_math_assets)
