"""The ``impress_*`` configuration values: declared once, registered, validated, and
overridden per document by front matter."""

from __future__ import annotations

import dataclasses as dc
import fnmatch
import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import SphinxError
from sphinx.util import logging

from ..core.layouts import LAYOUTS, Layout, parse_layout, path_length
from ..core.values import LIMIT, format_number, parse_flag, parse_number
from ..errors import InvalidValue
from .warnings import ImpressWarnings, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: The prefix of every configuration value and front matter key.
PREFIX = "impress_"

#: Front matter keys that are not deck settings: ``impress_deck`` (``true`` or
#: ``false``) says whether an HTML build presents the document
#: (:class:`~sphinx_impress.extension.domain.ImpressDomain`).
DECK_KEY = "impress_deck"


def _positive(value: Any) -> float:
    number = parse_number(value)
    if number <= 0:
        raise InvalidValue(f"must be greater than 0, got {value!r}")
    return number


def _not_negative(value: Any) -> float:
    return parse_number(value, 0)


#: The range of ``impress_max_scale`` (and, from 0, of ``impress_min_scale``): factors
#: by which impress.js fits the presentation to the window.
WINDOW_SCALE_RANGE = (0.001, 1000.0)


def _max_scale(value: Any) -> float:
    return parse_number(value, *WINDOW_SCALE_RANGE)


def _min_scale(value: Any) -> float:
    return parse_number(value, 0, WINDOW_SCALE_RANGE[1])


def _file_list(value: Any) -> list[str]:
    if isinstance(value, str) or not isinstance(value, list | tuple):
        raise TypeError(f"must be a list of file names, got {value!r}")
    if not all(isinstance(item, str) and item for item in value):
        raise TypeError(f"must hold non-empty strings, got {value!r}")
    return list(value)


def _deck_file_list(value: Any) -> list[str]:
    """A list of file entries, also as front matter gives it: a JSON list in a string
    (myst-parser writes YAML lists so), or one entry."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            try:
                value = json.loads(text)
            except ValueError:
                raise TypeError(f"must be a list of file names, got {value!r}") from None
        else:
            value = [text] if text else []
    return _file_list(value)


def _layout_name(value: Any) -> str:
    text = str(value).strip().lower()
    if text not in LAYOUTS:
        raise InvalidValue(f"expected one of {', '.join(LAYOUTS)}, got {value!r}")
    return text


def _columns(value: Any) -> int | None:
    if value is None or str(value).strip().lower() in ("", "none"):
        return None
    number = parse_number(value, 1, LIMIT)
    if number != int(number):
        raise InvalidValue(f"expected a whole number, got {value!r}")
    return int(number)


def _path_data(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected SVG path data as a string, got {value!r}")
    if value.strip():
        path_length(value)
    return value.strip()


def _yes_no(value: Any) -> bool:
    # the words of parse_flag, but a setting must say yes or no: nothing is not a flag
    if value is None or str(value).strip() == "":
        raise InvalidValue(f"expected yes or no, got {value!r}")
    return parse_flag(value)


#: The values of ``impress_math`` (:mod:`sphinx_impress.html.math`).
MATH_CHOICES = ("mathml", "mathjax", "html")


def _math_choice(value: Any) -> str:
    text = str(value).strip().lower()
    if text not in MATH_CHOICES:
        raise InvalidValue(f"expected one of {', '.join(MATH_CHOICES)}, got {value!r}")
    return text


def _overview(value: Any) -> str | None:
    if value is None or str(value).strip().lower() in ("", "none", "no"):
        return None
    text = str(value).strip().lower()
    if text not in ("start", "end"):
        raise InvalidValue(f"expected start, end or None, got {value!r}")
    return text


#: The range of ``impress_fit_min``: below a twentieth, text cannot be read.
FIT_MIN_RANGE = (0.05, 1.0)


def _fit_min(value: Any) -> float:
    return parse_number(value, *FIT_MIN_RANGE)


#: The values of ``impress_theme``.
THEMES = ("light", "dark", "auto")


def _theme(value: Any) -> str:
    text = str(value).strip().lower()
    if text not in THEMES:
        raise InvalidValue(f"expected one of {', '.join(THEMES)}, got {value!r}")
    return text


#: The values of ``impress_markup``: the HTML a deck's own style sheets were written for.
MARKUPS = ("sphinx", "hovercraft", "html")


def _markup(value: Any) -> str:
    text = str(value).strip().lower()
    if text not in MARKUPS:
        raise InvalidValue(f"expected one of {', '.join(MARKUPS)}, got {value!r}")
    return text


#: The numeric attributes impress.js reads from its root element ``<div id="impress">``
#: and the deck setting (:class:`ImpressConfig` field) each comes from, in the order
#: the page writes them; impress.js pages and hovercraft decks set the same settings
#: by the same attribute names.
ROOT_ATTRIBUTES: Mapping[str, str] = {
    "data-width": "width",
    "data-height": "height",
    "data-max-scale": "max_scale",
    "data-min-scale": "min_scale",
    "data-perspective": "perspective",
    "data-transition-duration": "transition_duration",
    "data-autoplay": "autoplay",
}


def _field(
    default: Any,
    validator: Callable[[Any], Any],
    help: str,
    doc_type: str,
    rebuild: str = "html",
    per_document: bool = True,
    types: tuple[type, ...] = (int, float),
) -> Any:
    return dc.field(
        default_factory=lambda: default.copy() if isinstance(default, list) else default,
        metadata={
            "validator": validator,
            "help": help,
            "doc_type": doc_type,
            "rebuild": rebuild,
            "per_document": per_document,
            "types": types,
        },
    )


@dc.dataclass(frozen=True)
class ImpressConfig:
    """The deck settings, each registered as ``impress_<field>`` in ``conf.py``.

    The numeric ones are written on the impress.js root element ``<div id="impress">``
    (impress.js DOCUMENTATION.md, "Root Element") and can be set for one document in its
    front matter (MyST YAML front matter or a reST file-wide field list) under the same
    ``impress_<field>`` name.
    """

    width: float = _field(
        1920,
        _positive,
        "The width of a step and of the target screen, in px (data-width).",
        "number (px)",
        rebuild="env",
    )
    height: float = _field(
        1080,
        _positive,
        "The height of a step and of the target screen, in px (data-height).",
        "number (px)",
        rebuild="env",
    )
    max_scale: float = _field(
        3,
        _max_scale,
        "The largest factor by which the presentation is enlarged to fill a bigger "
        "window (data-max-scale).",
        "number (factor)",
    )
    min_scale: float = _field(
        0,
        _min_scale,
        "The smallest factor by which the presentation is shrunk to fit a smaller "
        "window (data-min-scale).",
        "number (factor)",
    )
    perspective: float = _field(
        1000,
        _not_negative,
        "The CSS perspective of the 3D canvas, in px (data-perspective).",
        "number (px)",
    )
    transition_duration: float = _field(
        1000,
        _not_negative,
        "The time a transition between two steps takes, in ms "
        "(data-transition-duration); a step's own transition-duration wins.",
        "number (ms)",
    )
    layout: str = _field(
        "line",
        _layout_name,
        "How steps without a position are placed: line, grid, circle, spiral or path.",
        "str",
        types=(str,),
    )
    layout_columns: int | None = _field(
        None,
        _columns,
        "The number of columns of a grid layout, 1 or more; None picks about as many "
        "columns as rows.",
        "int or None",
        types=(int, type(None)),
    )
    layout_path: str = _field(
        "",
        _path_data,
        "SVG path data for the path layout (M 0 0 C 500 -300 ...), scaled so that the "
        "steps sit a step width and a gap apart along it.",
        "str",
        types=(str,),
    )
    layout_rotate: bool = _field(
        False,
        _yes_no,
        "Whether steps turn to follow a circle, spiral or path layout.",
        "bool",
        types=(bool,),
    )
    overview: str | None = _field(
        None,
        _overview,
        "Add an overview step that shows the whole deck: 'start', 'end' or None.",
        "start, end or None",
        types=(str, type(None)),
    )
    autoplay: float = _field(
        0,
        _not_negative,
        "Seconds after which every step moves on by itself (the root element's "
        "data-autoplay, impress.js autoplay plugin); 0 waits for the speaker. A step's "
        "own autoplay option wins.",
        "number (seconds)",
    )
    toolbar: bool = _field(
        True,
        _yes_no,
        "Show the impress.js toolbar: previous and next buttons, a menu of the steps, and "
        "a pause button when the deck plays by itself (toolbar and navigation-ui "
        "plugins).",
        "bool",
        types=(bool,),
    )
    progress: bool = _field(
        True,
        _yes_no,
        "Show a progress bar along the bottom and the step number as n/N (impress.js "
        "progress plugin).",
        "bool",
        types=(bool,),
    )
    help: bool = _field(
        True,
        _yes_no,
        "Show the impress.js key help for 7 seconds the first time a browser opens a "
        "presentation (the browser remembers it: not again, not after a live reload, not "
        "in the presenter console's previews); H or ? shows it at any time (help "
        "plugin).",
        "bool",
        types=(bool,),
    )
    fit: bool = _field(
        True,
        _yes_no,
        "Shrink the content of a step that is larger than the slide, as a whole, until "
        "it fits (on screen, in the presenter console and in PDFs); a step's own fit "
        "option wins.",
        "bool",
        types=(bool,),
    )
    fit_min: float = _field(
        0.5,
        _fit_min,
        "The smallest factor by which fitting shrinks a step's content, from 0.05 to 1; "
        "content that would need less is shrunk to it and reported (browser console, "
        "sphinx-impress check).",
        "number (factor)",
    )
    center: bool = _field(
        False,
        _yes_no,
        "Centre the content of every step vertically on the slide (else it starts at the "
        "top); a step's own center option wins.",
        "bool",
        types=(bool,),
    )
    theme: str = _field(
        "light",
        _theme,
        "The look of the presentations: light (dark text on white slides), dark (light "
        "text on dark slides), or auto (the one the reader's system asks for). Code is "
        "highlighted with accessible-pygments' a11y-light or a11y-dark unless "
        "pygments_style says otherwise.",
        "light, dark or auto",
        per_document=False,
        types=(str,),
    )
    slide_numbers: bool = _field(
        False,
        _yes_no,
        "Write its number in a corner of each step (overview steps are not counted); "
        "printed pages show it too.",
        "bool",
        types=(bool,),
    )
    mouse_timeout: bool = _field(
        True,
        _yes_no,
        "Hide the mouse cursor and the toolbar after 3 seconds without mouse movement "
        "(impress.js mouse-timeout plugin); they come back when the mouse moves.",
        "bool",
        types=(bool,),
    )
    blackout: bool = _field(
        True,
        _yes_no,
        "Let the B and . keys blank the screen and bring it back (impress.js blackout "
        "plugin).",
        "bool",
        types=(bool,),
    )
    fullscreen: bool = _field(
        True,
        _yes_no,
        "Let F5 enter full screen and Escape leave it (impress.js fullscreen plugin).",
        "bool",
        types=(bool,),
    )
    layout_svg: bool = _field(
        True,
        _yes_no,
        "Write <docname>.layout.svg beside each presentation: a map of the canvas.",
        "bool",
        per_document=False,
        types=(bool,),
    )
    html_notes: bool = _field(
        True,
        _yes_no,
        "Whether pages that are not presentations (html, text, latex, ...) show speaker "
        "notes, as a block titled Notes; presentations always keep them for the console.",
        "bool",
        per_document=False,
        types=(bool,),
    )
    # _field gives a dataclasses.field whose default_factory copies the list
    css_files: list[str] = _field(
        [],
        _file_list,
        "Style sheets added to presentation pages after the theme's, as paths relative "
        "to a folder of html_static_path (or URLs, which break offline presenting).",
        "list of str",
        per_document=False,
        types=(list, tuple),
    )
    js_files: list[str] = _field(
        [],
        _file_list,
        "Scripts added to presentation pages after impress.js and before the call to "
        "impress().init(), as paths relative to a folder of html_static_path.",
        "list of str",
        per_document=False,
        types=(list, tuple),
    )

    math: str = _field(
        "mathml",
        _math_choice,
        "How presentations show math: mathml writes each formula as MathML when the "
        "page is built (no script, no network); mathjax loads MathJax from "
        "mathjax_path (a CDN by default); html uses what the HTML pages use "
        "(sphinx.ext.imgmath, say). Docs pages keep the choice of Sphinx.",
        "mathml, mathjax or html",
        per_document=False,
        types=(str,),
    )
    math_font: bool = _field(
        True,
        _yes_no,
        "Whether presentation pages with MathML formulas load the STIX Two Math font "
        "shipped with sphinx-impress (SIL OFL 1.1, about 400 KB; pages without math never "
        "load it); without it, the browser's own math font is used.",
        "bool",
        per_document=False,
        types=(bool,),
    )
    deck_css_files: list[str] = _field(
        [],
        _deck_file_list,
        "Style sheets of this deck alone: paths relative to its document, each optionally "
        "followed by a media query (talk.css, or print.css print). The page then has a "
        "bare style under them instead of the theme style sheet, and they are copied into the "
        "output with the local files their url() and @import name. Set in the front "
        "matter of the deck; the :css: fields of a hovercraft deck set it.",
        "list of str",
        types=(list, tuple),
    )
    deck_js_files: list[str] = _field(
        [],
        _deck_file_list,
        "Scripts of this deck alone: paths relative to its document, each optionally "
        "followed by head (run before impress.js) or body (after impress().init(), the "
        "default), copied into the output. Set in the front matter of the deck; the "
        ":js-header: and :js-body: fields of a hovercraft deck set it.",
        "list of str",
        types=(list, tuple),
    )
    smartquotes: bool = _field(
        True,
        _yes_no,
        "Whether smart quotes apply to this deck (Sphinx's smartquotes setting: curled "
        "quotes, -- and --- as dashes, ... as an ellipsis); false keeps the text as "
        "written, as hovercraft, mdpress, markpress and impress.js pages showed it. Decks "
        "of those tools built as they are keep it always; the converter writes false for "
        "them. Set in the front matter of the deck.",
        "bool",
        rebuild="env",
        types=(bool,),
    )
    markup: str = _field(
        "sphinx",
        _markup,
        "The HTML a deck with style sheets of its own (impress_deck_css_files) is written "
        "in, so that their selectors match: sphinx; hovercraft (hovercraft 2.7's: inline "
        "code as <tt>, list items without <p>, code as <pre class=\"highlight code "
        "LANGUAGE\"> with hovercraft's colours), which a hovercraft deck built as it is "
        "always has; or html (as HTML is written by hand and as Markdown's tight lists "
        "are: a list item holding one paragraph alone without <p>). The converter writes "
        "hovercraft for a hovercraft deck with style sheets, html for an impress.js page "
        "with style sheets. Set in the front matter of the deck.",
        "sphinx, hovercraft or html",
        types=(str,),
    )

    @classmethod
    def values(cls) -> list[dc.Field[Any]]:
        """The fields, in declaration order."""
        return list(dc.fields(cls))

    @classmethod
    def from_sphinx(cls, config: Config) -> ImpressConfig:
        """The settings as they stand in a (validated) Sphinx config."""
        return cls(**{field.name: getattr(config, PREFIX + field.name) for field in cls.values()})

    def with_overrides(self, overrides: Mapping[str, Any]) -> ImpressConfig:
        """A copy with the given (already validated) fields replaced."""
        return dc.replace(self, **overrides)

    def deck_layout(self) -> Layout:
        """The deck's layout; a ``path`` layout without path data is a ``line``.

        :raises InvalidValue: for a layout that cannot be used.
        """
        return parse_layout(
            self.layout, self.layout_columns or None, self.layout_path, self.layout_rotate
        )

    def root_attributes(self) -> dict[str, float]:
        """The impress.js root element's numeric attributes, by attribute name
        (:data:`ROOT_ATTRIBUTES`; ``data-autoplay`` only when the deck moves on by
        itself)."""
        return {
            attribute: getattr(self, name)
            for attribute, name in ROOT_ATTRIBUTES.items()
            if name != "autoplay" or self.autoplay
        }

    def disabled_keys(self) -> list[str]:
        """The impress.js plugins whose keys this deck switches off (``blackout``,
        ``fullscreen``): the start-up script stops their key presses before
        impress.js sees them."""
        return [name for name in ("blackout", "fullscreen") if not getattr(self, name)]


def setup_config(app: Sphinx) -> None:
    """Register every field of :class:`ImpressConfig` as an ``impress_*`` config value
    and validate them when the configuration is read."""
    defaults = ImpressConfig()
    for field in ImpressConfig.values():
        app.add_config_value(
            PREFIX + field.name,
            getattr(defaults, field.name),
            field.metadata["rebuild"],
            types=field.metadata["types"],
            description=field.metadata["help"],
        )
    app.add_config_value(
        "impress_decks",
        [],
        "env",
        types=(list, tuple, str, type(None)),
        description="Shell-style patterns of docnames (\"talks/*\") that an HTML build "
        "also writes as presentations, besides documents that use the step directive "
        "or say impress_deck: true in their front matter.",
    )
    app.connect("config-inited", validate_config)
    app.connect("config-inited", check_decks_setting)
    app.connect("env-updated", check_patterns)


def conf_location(app: Sphinx, name: str) -> str | None:
    """Where a warning about the config value ``name`` points: ``conf.py:<line>``, the
    line of ``conf.py`` that last assigns it (the value Sphinx has), or ``None`` when
    no such line is found (a value given with ``-D``, or computed); :func:`set_by`
    then names the source in the message.

    Sphinx prints a location string holding a colon as it is
    (``SphinxLogRecordTranslator`` in ``sphinx/util/logging.py``); a path alone would be
    taken for a docname.
    """
    confdir = getattr(app, "confdir", None)
    if not confdir or _overridden(app, name):
        return None
    path = Path(confdir, "conf.py")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    assignment = re.compile(rf"^{re.escape(name)}\s*(?::[^=\n]*)?[+]?=", re.MULTILINE)
    found = list(assignment.finditer(text))
    if not found:
        return None
    return f"{path}:{text.count(chr(10), 0, found[-1].start()) + 1}"


def set_by(app: Sphinx, name: str) -> str:
    """Where the value ``name`` came from, for a message: `` (given with -D)`` for a
    command-line or ``confoverrides`` value, else `` in conf.py``."""
    if _overridden(app, name):
        return " (given with -D)"
    return " in conf.py"


def _overridden(app: Sphinx, name: str) -> bool:
    """Whether the value of ``name`` is one given with ``-D`` (or ``confoverrides``):
    Sphinx ignores, with a warning of its own, one that it cannot convert
    (``-D impress_width=abc``), and the value then comes from ``conf.py``."""
    overrides = getattr(app.config, "overrides", {})
    if name not in overrides:
        return False
    value = overrides[name]
    if not isinstance(value, str):
        return True
    try:
        app.config.convert_overrides(name, value)
    except (ValueError, SphinxError):
        return False
    return True


def validate_config(app: Sphinx, config: Config) -> None:
    """Check every ``impress_*`` value; a bad one is reported with a warning of subtype
    ``impress.config`` at its line of ``conf.py``, naming the setting, and replaced by
    its default. A smallest scale above the largest gives the same warning, and the
    default smallest scale (0) is used."""
    defaults = ImpressConfig()
    for field in ImpressConfig.values():
        name = PREFIX + field.name
        try:
            value = field.metadata["validator"](getattr(config, name))
        except (InvalidValue, TypeError, OverflowError) as error:
            warn(
                f"{name}{set_by(app, name)}: {error}; using the default "
                f"{getattr(defaults, field.name)!r}",
                ImpressWarnings.CONFIG,
                conf_location(app, name),
            )
            value = getattr(defaults, field.name)
        setattr(config, name, value)
    if config.impress_min_scale > config.impress_max_scale:
        warn(
            f"impress_min_scale{set_by(app, 'impress_min_scale')}: "
            f"{format_number(config.impress_min_scale)} is above impress_max_scale "
            f"{format_number(config.impress_max_scale)}; using the default "
            f"{format_number(defaults.min_scale)}",
            ImpressWarnings.CONFIG,
            conf_location(app, "impress_min_scale"),
        )
        config.impress_min_scale = defaults.min_scale
    try:
        ImpressConfig.from_sphinx(config).deck_layout()
    except InvalidValue as error:
        warn(
            f"impress_layout{set_by(app, 'impress_layout')}: {error}; using 'line'",
            ImpressWarnings.CONFIG,
            conf_location(app, "impress_layout"),
        )
        config.impress_layout = "line"


@dc.dataclass(frozen=True)
class FrontMatter:
    """What a document's front matter says about its deck: ``deck``, whether it is one
    (``impress_deck``; ``None`` when not said), and ``overrides``, the valid deck
    settings by field name (``{"width": 1280.0}``)."""

    deck: bool | None
    overrides: dict[str, Any]


def read_front_matter(
    settings: Iterable[tuple[str, Any, Any]], base: ImpressConfig | None = None
) -> FrontMatter:
    """Read the per-document deck settings from a document's front matter.

    :param settings: ``(key, value, location)`` for each front matter field, where keys
        such as ``impress_width`` are looked for and the location (a node, a docname or
        ``(docname, line)``) is where warnings point.

    An invalid value, or a key with the prefix that names no per-document setting,
    gives a warning of subtype ``impress.config`` and is not used (a setting of the
    whole build that has the value the build has is in effect: no warning); an ``impress_deck``
    that is not yes or no says "not a deck". With ``base`` (the ``conf.py``
    settings), a smallest scale that comes out above the largest is warned about and
    the front matter's value is not used.
    """
    fields = {field.name: field for field in ImpressConfig.values()}
    overrides: dict[str, Any] = {}
    locations: dict[str, Any] = {}
    deck = None
    for key, value, location in settings:
        if not key.startswith(PREFIX):
            continue
        if key == DECK_KEY:
            try:
                deck = parse_flag(value)
            except InvalidValue as error:
                deck = False
                warn(
                    f"{key}: {error}; an HTML build does not present the document",
                    ImpressWarnings.CONFIG,
                    location,
                )
            continue
        field = fields.get(key[len(PREFIX) :])
        settable = ", ".join(
            PREFIX + name for name, f in fields.items() if f.metadata["per_document"]
        )
        if field is None:
            warn(
                f"unknown deck setting {key!r} in the front matter (known: {settable})",
                ImpressWarnings.CONFIG,
                location,
            )
            continue
        if not field.metadata["per_document"]:
            _whole_build_setting(key, value, field, base, settable, location)
            continue
        try:
            overrides[field.name] = field.metadata["validator"](value)
        except (InvalidValue, TypeError, OverflowError) as error:
            warn(f"{key}: {error}; the conf.py value is used", ImpressWarnings.CONFIG, location)
            continue
        locations[field.name] = location
    if base is not None:
        settings_ = base.with_overrides(overrides)
        if settings_.min_scale > settings_.max_scale:
            given = "min_scale" if "min_scale" in overrides else "max_scale"
            warn(
                f"{PREFIX}min_scale {format_number(settings_.min_scale)} is above "
                f"{PREFIX}max_scale {format_number(settings_.max_scale)}; the conf.py "
                f"value of {PREFIX}{given} is used",
                ImpressWarnings.CONFIG,
                locations.get(given),
            )
            del overrides[given]
        layout_keys = [name for name in overrides if name.startswith("layout")]
        if layout_keys:
            try:
                base.with_overrides(overrides).deck_layout()
            except InvalidValue as error:
                warn(
                    f"{PREFIX}layout: {error}; the conf.py layout is used",
                    ImpressWarnings.CONFIG,
                    locations.get(layout_keys[0]),
                )
                for name in layout_keys:
                    del overrides[name]
    return FrontMatter(deck, overrides)


def _whole_build_setting(
    key: str, value: Any, field: dc.Field[Any], base: ImpressConfig | None, settable: str,
    location: Any,
) -> None:
    """A setting of the whole build in one document's front matter: nothing to say
    when the build has that value already (``sphinx-impress present`` takes it from
    the front matter of a one-file talk, which has no ``conf.py``), else a warning
    that it is ``conf.py``'s to set."""
    try:
        given = field.metadata["validator"](value)
    except (InvalidValue, TypeError, OverflowError) as error:
        warn(
            f"{key}: {error}; the value of conf.py (or the default) is used",
            ImpressWarnings.CONFIG,
            location,
        )
        return
    if base is not None and getattr(base, field.name) == given:
        return
    warn(
        f"{key} is a setting of the whole build, not of one deck: set it in conf.py "
        f"(front matter can set {settable})",
        ImpressWarnings.CONFIG,
        location,
    )


def check_decks_setting(app: Sphinx, config: Config) -> None:
    """A single pattern written as a string is taken as a list of one (otherwise each
    of its characters would be a pattern); anything else that is not a list of strings
    is ignored. Each case gives a warning (``impress.config``)."""
    if isinstance(config.impress_decks, str):
        warn(
            f"impress_decks should be a list of patterns; taking {config.impress_decks!r} "
            "as one pattern",
            ImpressWarnings.CONFIG,
            conf_location(app, "impress_decks"),
        )
        config.impress_decks = [config.impress_decks]
    elif not isinstance(config.impress_decks, list | tuple):
        warn(
            f"impress_decks should be a list of patterns, got {config.impress_decks!r}; "
            "ignored",
            ImpressWarnings.CONFIG,
            conf_location(app, "impress_decks"),
        )
        config.impress_decks = []
    patterns = [p for p in config.impress_decks if isinstance(p, str) and p]
    if len(patterns) != len(config.impress_decks):
        warn(
            "impress_decks: entries that are not patterns are ignored: "
            f"{[p for p in config.impress_decks if p not in patterns]!r}",
            ImpressWarnings.CONFIG,
            conf_location(app, "impress_decks"),
        )
    config.impress_decks = patterns


def check_patterns(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn (``impress.config``) about an ``impress_decks`` pattern that matches no
    document."""
    for pattern in app.config.impress_decks:
        if not any(fnmatch.fnmatchcase(docname, pattern) for docname in env.found_docs):
            warn(
                f"impress_decks: the pattern {pattern!r} matches no document",
                ImpressWarnings.CONFIG,
                conf_location(app, "impress_decks"),
            )
