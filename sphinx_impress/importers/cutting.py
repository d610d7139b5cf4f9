"""What the parsers of other tools' deck formats (hovercraft, mdpress, markpress) share:
cutting a parsed document into slides at its transitions, and making each slide the ``step``
node with content that the ``step`` directive would make, so that every later stage
(ids, positions, warnings, the builders) treats it like any other slide."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from ..core.options import StepOptions, parse_step_options
from ..core.problems import Problem
from ..extension.domain import impress_domain
from ..extension.nodes import step, title_text
from ..extension.slides import give_title, is_visible

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The document attribute that marks a document read by one of these parsers (its
#: value: the file type).
FOREIGN = "impress_foreign"

#: The window impress.js scales a page to when its root element sets none (px: the
#: defaults of ``data-width`` and ``data-height`` in impress.js 1.1.0). hovercraft's,
#: mdpress's and markpress's pages set none, so their authors placed slides for it:
#: hovercraft moves 1600 px by default, its page's steps 800 px wide; mdpress's steps
#: are 1060 px wide and its decks move 1000-1200 px; markpress moves 2600 px across and
#: 1400 px down. A deck of these tools is that size unless it says otherwise, so its
#: slides lie apart as they did (the theme's slide is as large as the deck).
IMPRESSJS_WINDOW = (1024, 768)

#: The deck settings that hold its size.
WINDOW_KEYS = ("impress_width", "impress_height")


def window_settings(front_matter: dict[str, Any]) -> None:
    """Set a deck's size to :data:`IMPRESSJS_WINDOW` in its front matter, unless the
    deck sets it (hovercraft's ``:data-width:``, ``impress_width`` in mdpress's front
    matter)."""
    for key, size in zip(WINDOW_KEYS, IMPRESSJS_WINDOW, strict=True):
        front_matter.setdefault(key, size)


def add_front_matter(document: nodes.document, settings: Mapping[str, Any]) -> None:
    """Add ``settings`` that the document's front matter (its leading field list or
    docinfo, as myst-parser renders YAML front matter) does not have yet, making one
    at the start of the document if it has none."""
    front: nodes.Element | None = None
    for child in document.children:
        if isinstance(child, nodes.field_list | nodes.docinfo):
            front = child
            break
        if is_visible(child):
            break
    if front is None:
        front = nodes.field_list()
        document.insert(0, front)
    present = {field[0].astext() for field in front.children if isinstance(field, nodes.field)}
    for key, value in settings.items():
        if key not in present:
            front.append(nodes.field(
                "", nodes.field_name("", key), nodes.field_body("", nodes.paragraph("", str(value)))
            ))


@dataclass
class Slide:
    """One slide cut out of a document: its ``step`` node (content already moved in)
    and the transition that opened it (``None`` for a slide that no transition
    opened)."""

    node: step
    opener: nodes.transition | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class SlideCutter:
    """Cut a document's body into slides at transitions, wherever they stand.

    reStructuredText and Markdown both put a transition inside the section before it,
    so a slide may start in the middle of a section: the section (title and all) stays
    with the slide it started in, and what follows the transition in it moves, without
    the section around it, into the new slide (hovercraft's rule, ``SlideMaker`` in
    hovercraft/parse.py, which the Markdown decks follow too).

    :param is_separator: whether a transition separates slides (others stay in their
        slide as horizontal rules).
    :param first_slide: ``"start"`` to open the first slide at the top of the body
        (mdpress), ``"section"`` to open it at the first transition or section, what
        comes before it staying outside every slide (hovercraft).
    :param opens: for a format that cuts its text into slides before it is rendered
        (markpress), how many slides start before a node (its line is at or past the
        next of them): each opens a new slide, empty but for the last.
    """

    def __init__(
        self,
        is_separator: Callable[[nodes.transition], bool],
        first_slide: str,
        opens: Callable[[nodes.Node], int] | None = None,
    ) -> None:
        self.is_separator = is_separator
        self.first_slide = first_slide
        self.opens = opens
        self.slides: list[Slide] = []
        self.prelude: list[nodes.Node] = []
        self.source = ""

    def cut(self, children: list[nodes.Node], source: str) -> None:
        """Distribute ``children`` (a document's, detached) into :attr:`prelude` and
        :attr:`slides`."""
        self.source = source
        if self.first_slide == "start":
            self._open(None, children[0] if children else None)
        self._walk(children, None)

    def open_empty(self) -> step:
        """Open one more slide, with nothing in it (a format whose last slides are
        empty)."""
        return self._open(None, None)

    def _open(self, opener: nodes.transition | None, at: nodes.Node | None) -> step:
        node = step(has_content=True, impress_options=StepOptions())
        node.source = self.source
        node.line = getattr(at, "line", None) or (opener.line if opener else None)
        self.slides.append(Slide(node, opener))
        return node

    def _walk(self, children: list[nodes.Node], into: nodes.Element | None) -> bool:
        """Put ``children`` into ``into`` (``None``: the top of the current slide, or the
        prelude before the first one); returns whether a new slide started inside."""
        started = False
        for child in list(children):
            for _ in range(self.opens(child) if self.opens else 0):
                into = self._open(None, child)
                started = True
            if isinstance(child, nodes.transition) and self.is_separator(child):
                into = self._open(child, child)
                started = True
                continue
            if isinstance(child, nodes.section):
                if not self.slides:
                    self._open(None, child)
                copy = child.copy()
                self._target(into).append(copy)
                if self._walk(child.children, copy):
                    into = self.slides[-1].node
                    started = True
                continue
            self._target(into).append(child)
        return started

    def _target(self, into: nodes.Element | None) -> Any:
        if into is not None:
            return into
        if self.slides:
            return self.slides[-1].node
        return self.prelude


def docname_of(document: nodes.document) -> str:
    """The docname of the document being parsed (Sphinx's ``env.docname``), or its
    source path when it is parsed outside Sphinx; for warnings' locations."""
    env = getattr(document.settings, "env", None)
    return env.docname if env is not None else document.get("source", "")


def first_visible(node: nodes.Element) -> nodes.Node | None:
    """The first child of ``node`` that shows anything."""
    return next((child for child in node.children if is_visible(child)), None)


def absolute_options(
    options: Mapping[str, Any],
    positions: Mapping[str, float] | None = None,
    number: int = 0,
) -> tuple[StepOptions, list[Problem]]:
    """Step options with every axis given as an absolute number, so that the step is
    placed exactly (:meth:`~sphinx_impress.core.options.StepOptions.with_absolute_axes`).

    :param options: option name to value as written (``data-x``, ``id``, ``class``...).
    :param positions: absolute numbers by axis name (``x``, ``rotate-z``...) computed by
        the format's own rules; they replace what ``options`` says about those axes.
    :param number: the slide's place in the deck (from 1), for the problem about an id
        that cannot be used: the step gets ``step-<number>`` instead.
    :returns: the options, and the problems of
        :func:`~sphinx_impress.core.options.parse_step_options` and of the axes.
    """
    parsed, problems = parse_step_options(
        options, f"an id from its place in the deck (step-{number})"
    )
    placed, more = parsed.with_absolute_axes(positions)
    return placed, [*problems, *more]


def deck_title(document: nodes.document) -> str:
    """The title of a deck read by these parsers: its own (mdpress front matter
    ``title``, hovercraft's ``:title:``, ``.. title::`` or promoted title), else the
    text of its first heading; ``""`` when it has neither."""
    if document.get("title"):
        return str(document["title"])
    for section in document.findall(nodes.section):
        if section.children and isinstance(section[0], nodes.title):
            return title_text(section)
    return ""


def note_title(app: Sphinx, doctree: nodes.document) -> None:
    """Give a deck read by these parsers a title and a table of contents entry, as a
    document with a section at the top has: its slides are steps, with their
    headings inside, so Sphinx's collectors (which look for a top-level section)
    find none, and a toctree would list the deck without a link (``toc.no_title``).
    Connected to ``doctree-read`` after Sphinx's title and toctree collectors."""
    if not doctree.get(FOREIGN):
        return
    title = deck_title(doctree)
    if title:
        give_title(app.env, app.env.docname, title, long=not doctree.get("title"))


class TextAsWritten(SphinxTransform):
    """Keep the text of a deck read by these parsers, or of one whose front matter
    says ``impress_smartquotes: false`` (a converted one), as its author wrote it: no smart
    quotes, dashes or ellipses (Sphinx's ``smartquotes``, on by default, turns
    ``"a"`` into “a” and ``--`` into an en dash). hovercraft, mdpress and markpress
    did not: docutils' ``smart_quotes`` setting is off by default (hovercraft publishes
    with docutils' defaults), mdpress renders with Redcarpet's plain HTML renderer (no
    SmartyPants), markpress with markdown-it without its ``typographer`` option. Runs
    before Sphinx's ``SphinxSmartQuotes`` (priority 750), which reads the document's
    ``smart_quotes`` setting."""

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        """Switch smart quotes off for this document if it is such a deck, or a deck
        whose front matter says ``impress_smartquotes: false`` (read by
        :class:`~sphinx_impress.extension.slides.CollectSteps`, priority 400)."""
        if self.document.get(FOREIGN) or not (
            impress_domain(self.env).deck_config(self.env.docname).smartquotes
        ):
            self.document.settings.smart_quotes = False


def setup_foreign(app: Sphinx) -> None:
    """Connect :func:`note_title` (after Sphinx's collectors, priority 500); add
    :class:`TextAsWritten`."""
    app.connect("doctree-read", note_title, priority=600)
    app.add_transform(TextAsWritten)
