"""The warning subtypes that sphinx-impress logs, as an enum with one docstring each."""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Any

from sphinx.util import logging

from ..core.problems import Problem

logger = logging.getLogger("sphinx_impress")


class ImpressWarnings(Enum):
    """Subtypes of the ``impress`` warning type.

    Every warning is logged with ``type="impress"`` and one of these subtypes, so
    ``suppress_warnings = ["impress.value"]`` silences one kind and ``-W`` turns them
    all into errors (see ``suppress_warnings`` in the Sphinx configuration docs).
    """

    VALUE = "value"
    """An option or setting whose value cannot be used: not a finite number, a scale of
    0 or less, a ``rotate-order`` that is not a permutation of ``xyz``, a negative
    duration, a yes/no option (``overview``, ``layout-rotate``) with another word. The
    step keeps the default for that attribute. Also a step ``class`` that impress.js
    sets or reads itself (``active``, ``past``, ``present``, ``future``, ``prev``,
    ``next``, ``substep``, ``notes``, ``markdown``): that class is left out. Also a
    value of the rel plugin's options that the plugin does not read: ``rel-x`` with
    ``r``, a ``rel-position`` other than ``absolute`` or ``relative``, a ``rel-reset``
    other than empty, ``relative`` or ``all`` (the option is left out; a bad
    ``rel-reset`` resets the moves). And in a deck, the class ``step`` on an element
    that is no slide (``:class: step`` on an admonition), which impress.js would take
    for a step inside a step: the class is left out. Also a step ``background`` that is
    no colour, gradient or local image file (an address is refused: the presentation
    would not work offline), and a ``style`` (an mdpress slide's) that cannot stand in
    the page's style sheet: they are left out."""

    OPTION = "option"
    """An option the ``step`` directive does not know; it is ignored (a ``data-*``
    option is never unknown: it passes through to the step element, except a
    ``data-rel-*`` that impress.js's rel plugin does not read, which is ignored
    too)."""

    ID = "id"
    """A step id that impress.js cannot navigate to: empty, with white space, digits
    only (read as a step index by the goto plugin) or with characters that a URL
    fragment percent-encodes (non-ASCII, ``"<>`` and backtick, which impress.js 1.1.0
    does not decode). The step gets an id made from its title instead (a slide of an
    mdpress or hovercraft deck, which has no title, ``step-`` and its place)."""

    DUPLICATE_ID = "duplicate_id"
    """A step id that is already used in the same document, or that the presentation
    page uses itself (``impress``, ``impress-toolbar``, ``impress-help`` and the ids of
    impress.js's plugins); the later step gets an id made from its title instead
    (``step-`` and its place when it has none); the warning names it. Also a label or
    ``:name:`` in a deck that is one of the page's own ids: it gets another id. Also the
    overview step of ``impress_overview`` when the id ``overview`` is taken: it is
    ``overview-2``."""

    STEP = "step"
    """A ``step`` directive that conflicts with another: two directives setting the
    same slide (also two above the first heading, or one without content setting a
    ``step`` with content), or ``rotate`` given together with ``rotate-z``. The options
    are combined and the later value wins."""

    CONFIG = "config"
    """A ``conf.py`` value or a per-document front matter setting of the wrong type or
    out of range, an ``impress_*`` front matter key that names no deck setting (a
    setting of the whole build with another value than the build's among them), or a
    file of ``impress_css_files`` or ``impress_js_files`` that is in no folder of
    ``html_static_path``; an ``impress_decks`` pattern that matches no document, or
    patterns given as one string; an ``impress_deck`` front matter value that is not yes
    or no; in an HTML build with decks, a document in a source folder named
    ``_impress``, whose page would share the folder of the presentations. A bad
    ``conf.py`` value falls back to its default, a bad front matter setting to the
    ``conf.py`` value, and an unknown key is ignored."""

    POSITION = "position"
    """A position that cannot be worked out as written: a relative value on the first
    step (it counts from 0); a ``rel-to`` that names no earlier step of the deck, names
    an overview step, or stands on a step without relative values (the previous step
    is used); a relative scale that comes to 0 or less (the step gets scale 1); a
    coordinate or angle that comes out beyond ±10,000,000 (it is clamped); position
    options on an overview step (the overview places itself); or a deck too large for
    an overview (it would need a scale above 1000: the overview shows the deck's middle
    at scale 1000). Also a step that Chromium may draw off its place, measured with
    ``tools/measure_scale_bound.py``: a scale below 1e-7 or above 1e18, or a place
    further from the origin than 2**24 of the step's own px (its distance divided by
    its scale); the step is kept as written."""

    LAYOUT = "layout"
    """A layout that cannot be used: an unknown name, a grid with fewer than one
    column, SVG path data that does not parse or has no length, or ``layout-*`` options
    without ``layout`` (the steps keep the enclosing, or the deck's, layout); a
    ``layout-*`` option for another layout (``layout-columns`` on a circle: ignored); or
    a layout on a section with no step inside it to place."""

    OVERLAP = "overlap"
    """Two steps at exactly the same position, scale and rotation: the later one would
    hide the earlier. Both are built as written."""

    REFERENCE = "reference"
    """An in-page link of a presentation (``#id``, or impress.js's ``#/id``) to an id
    that no step or anchor of the page has (the link is kept); a ``goto``,
    ``goto-next`` or ``goto-prev`` step option that names no step of the deck, or the
    step itself (the option is left out); or a presentation
    that could not be written beside an HTML build (its "Present" link then leads
    nowhere)."""

    PRESENTER = "presenter"
    """Speaker notes or substeps where impress.js cannot use them: a ``notes`` block
    inside another one (its content joins the outer notes), a ``substep`` inside notes
    (the presenter console shows notes whole: its content stays in the notes), a
    ``substep`` that holds nothing but substeps (they are revealed one by one, without
    an empty press first) or nothing but speaker notes (they are kept, the press is
    left out), a ``substep`` with ``:items:`` and no list directly inside
    (its content is revealed as one substep), or an empty ``notes`` or ``substep``
    (left out). Every slide holds all content of a deck (text before the first heading
    is a slide of its own), so notes and substeps always have a slide."""

    OFFLINE = "offline"
    """A presentation page that loads something from the network (MathJax from its
    default address, a remote image, style sheet or script, or what raw HTML on a
    slide loads: ``src``, ``srcset``, ``poster``, ``data``, ``background``, what an
    ``iframe``'s ``srcdoc`` loads, SVG ``image``/``use`` ``href``, ``<link href>``
    with a ``rel`` that loads, CSS ``url()``, ``@import`` and ``image-set()``, with an
    ``https://`` or ``//`` address; links are not loads), so it will not present
    offline. One warning per page names every address it loads; what a style sheet
    loads (a deck's own, or one of ``html_static_path``) is a warning of its own at
    that sheet's file and line. The page is written as it is."""

    FILE = "file"
    """A local file that raw HTML on a slide loads (``<img src>``, ``srcset``, a
    ``<video>``'s ``poster``, CSS ``url()`` in a ``style`` attribute...) that is not
    there, named from the document's folder, or that lies outside the source folder, so
    that it is not copied into the output: the browser shows it broken. The page is
    written as it is."""

    EMPTY = "empty"
    """A document built as a presentation that has no slide at all, or a ``step``
    directive in a document with no title, section or other content to set; the
    directive's options cannot apply to anything. Also a heading with no text (``##``
    alone): its slide is built, without a title."""

    ATTRIBUTES = "attributes"
    """An attribute line of an mdpress deck that is not a list of HTML attributes, such
    as ``= data-x='1000 id='intro'`` (the slide keeps position 0 and scale 1), an
    attribute on it that a step element does not take (``data-*``, ``id``, ``class``
    and ``style`` are taken, another, such as ``onclick``, is ignored), or one given
    twice (the first value is used, as browsers use it); also a line written like an
    attribute line that does not stand directly after a separator or on the deck's
    first line, such as a second one or one in the middle of a slide (it is shown as
    text, as mdpress showed it). In a markpress deck: a ``slide-attr`` comment with
    something that is not ``name=value`` (ignored), a second one in a slide (markpress
    read the first), a slide without one while others have one (it stands at 0),
    a ``markpress-opt`` block that is not JSON, an unknown option, an unknown layout
    (horizontal is used) or a theme other than light (the impress theme is used)."""

    SEPARATOR = "separator"
    """A deck written for another tool (mdpress, hovercraft) that cannot be cut into
    slides as written: an mdpress deck without a separator line (it is built as one
    slide), a hovercraft deck without a transition, or an empty slide, with nothing
    between its separator and the next (it is built as an empty step); or, in an
    mdpress deck, a line of ``---`` directly under a line of text, which mdpress split
    slides at but which underlines that text as a heading (as in every CommonMark
    reader), so it separates nothing; in a markpress deck, a line where markpress cut a
    slide inside a code block (the code stays whole), or an empty slide. In a MyST
    deck, likewise, a line of three or more ``-`` directly under a line of text: it
    underlines that text as a heading (a setext heading), so it is no slide
    separator."""

    HEADING = "heading"
    """A heading of a MyST deck that is read at another level of the outline than it
    is written at, counting from the deck's highest heading: after a skipped level
    (``##`` then ``####``) or before any heading of a higher level, myst-parser nests
    it higher, and the slide rule (the first three levels are slides) reads it there.
    The warning says at which level it is read and whether it is a slide; the deck is
    built as read."""

    FIELD = "field"
    """A hovercraft field that cannot be used: a field list inside an element of a
    slide (a section under a heading, a list, a note), where hovercraft 2.7 did not
    read it (it is not shown and sets nothing; one directly in the slide sets the step,
    wherever it stands), a field that hovercraft does not know or that sphinx-impress
    cannot carry over (ignored), a positioning value
    that is not a number, ``r`` and a number, or an id and a number, or whose number is
    not finite, beyond ±10,000,000 or (an absolute scale) 0 or less (the
    slide keeps the value it would have), a position that comes out beyond those
    limits (it is clamped), a ``hovercraft-path`` that cannot place slides, a field
    given twice in a slide (the values are joined with a space, as hovercraft
    joined them: two ``:class:`` fields give both classes), or a
    ``header`` or ``footer`` directive, whose content hovercraft showed on every slide
    (kept as a comment)."""

    CONTRAST = "contrast"
    """Text that may not read on a step's ``background``: a colour or gradient on
    which a text colour of the theme's set that reads best (or of the class
    ``impress-step-dark`` or ``impress-step-light`` the author gave) has a contrast
    under 4.5:1 somewhere (WCAG 2.2 AA), or a background whose colours cannot be
    known when the page is built (a picture, ``currentcolor``) on a step that has
    neither class. The step is drawn as written; the warning names the classes to
    set by hand."""

    MATH = "math"
    """Math that a presentation cannot show as math: a formula that cannot be
    converted to MathML (TeX that does not parse, a command the converter does not
    know, an environment not closed) or would not be drawn as written (an ``&`` or
    ``\\\\`` outside any environment of rows); the formula's TeX is shown as code. Or
    a ``$$`` line on a slide that no extension turned into math (MyST needs
    ``dollarmath`` in ``myst_enable_extensions``; reST has the ``math`` directive and
    role)."""

    NAME_CLASH = "name_clash"
    """A ``step`` directive in a document while another extension owns the name
    ``step`` (sphinx-design 0.8 has a ``step`` directive; the extension set up later
    gets the name): the directive is the other extension's, so it sets no slide.
    Write ``impress-step``, sphinx-impress's other name for it. One warning per
    document, at its first such directive."""

    HTML = "html"
    """Something of a hand-written impress.js page that ``sphinx-impress convert --from
    impressjs`` cannot carry over as it is: a step attribute that is no step option
    (``style``, ``title``: kept as a comment), an attribute of the root element that is
    no deck setting, an inline script outside the steps, an element inside the root
    element that is not a step (left out), an inline style sheet (kept as raw HTML at
    the start of the first slide), a style sheet or script that is not there, or a page
    without an impress.js root element."""

    REVEALJS = "revealjs"
    """A sphinx-revealjs directive or option that impress.js has no counterpart for:
    ``revealjs-vertical`` and ``revealjs-slide`` (reveal.js options of a column of
    slides and of the deck), a slide option of ``revealjs-section`` or
    ``revealjs-break`` other than ``data-background-color``, ``data-background-gradient``,
    ``data-autoslide``, ``data-visibility="hidden"`` and ``notitle`` (transitions,
    auto-animation, background images and videos, other plugins' ``data-*``), a
    fragment's ``:custom-effect:``, or a ``data-line-numbers`` that highlights lines
    step by step (the first lines are highlighted). Each is left out; the rest of the
    slide is built."""

    @property
    def subtype(self) -> str:
        """The subtype as written in ``suppress_warnings``: ``impress.<value>``."""
        return f"impress.{self.value}"


def warn(message: str, subtype: ImpressWarnings, location: Any = None) -> None:
    """Log a Sphinx warning of type ``impress`` and the given subtype.

    :param location: a node, a docname, or ``(docname, line)``: Sphinx prints it as
        ``file:line`` (``SphinxLoggerAdapter.warning`` in ``sphinx/util/logging.py``).
    """
    logger.warning(message, type="impress", subtype=subtype.value, location=location)


def report(problems: Iterable[Problem], location: Any = None, docname: str | None = None) -> None:
    """Log each problem the pure core or an importer found as a warning of its kind
    (:attr:`Problem.kind <sphinx_impress.core.problems.Problem>` is the subtype).

    :param location: where a problem without a line points (a node, a docname or
        ``(docname, line)``).
    :param docname: with it, a problem that knows its line points at ``(docname, line)``.
    """
    for problem in problems:
        where = (docname, problem.line) if docname and problem.line else location
        warn(problem.message, ImpressWarnings(problem.kind), where)
