"""The options of one step, as the ``step`` directive, front matter and every importer
give them: read once into a frozen :class:`StepOptions`, each problem reported.

Pure Python with no Sphinx or docutils import. The options follow impress.js's step
element (impress.js DOCUMENTATION.md, "Step Element"; its goto, skip and stop plugins).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import InvalidValue
from .geometry import Position
from .layouts import LAYOUTS, Layout, parse_layout
from .problems import Problem
from .rel import POSITION_MODES, REL_OPTIONS, RESET_MODES, RelOptions
from .values import (
    AXES,
    DEFAULTS,
    Value,
    format_number,
    parse_flag,
    parse_number,
    parse_value,
)

#: Options that set the layout of a section's child steps.
LAYOUT_OPTIONS: tuple[str, ...] = ("layout", "layout-columns", "layout-path", "layout-rotate")

#: Flag options that give the step impress.js's class of the same name: ``skip`` (the
#: skip plugin passes over the step) and ``stop`` (the stop plugin does not move on
#: from it with "next").
FLAG_CLASSES: tuple[str, ...] = ("skip", "stop")

#: Options that name another step of the deck, written as ``data-<option>`` for
#: impress.js's goto plugin; checked once every step has its id.
GOTO_OPTIONS: tuple[str, ...] = ("goto", "goto-next", "goto-prev")

#: Options of how a step's content is shown: ``fit`` (shrink content that is larger
#: than the slide), ``center`` (centre it vertically), ``background`` (a colour, a
#: gradient or a local image file behind it).
LOOK_OPTIONS: tuple[str, ...] = ("fit", "center", "background")

#: Options of the ``step`` directive other than the axes of :data:`AXES`.
OTHER_OPTIONS: tuple[str, ...] = (
    "id",
    "class",
    "rotate",
    "rotate-order",
    "transition-duration",
    "autoplay",
    "rel-to",
    "overview",
    *LOOK_OPTIONS,
    *LAYOUT_OPTIONS,
    *FLAG_CLASSES,
    *GOTO_OPTIONS,
    *REL_OPTIONS,
)

#: Options that may also be spelled with a ``data-`` prefix (``data-x`` is ``x``).
DATA_ALIASED: frozenset[str] = frozenset(AXES) | {
    "rotate",
    "rotate-order",
    "transition-duration",
    "autoplay",
    "rel-to",
    *GOTO_OPTIONS,
    *REL_OPTIONS,
}

#: A ``data-*`` attribute name that passes through to the step element.
DATA_ATTRIBUTE = re.compile(r"^data-[a-z0-9][a-z0-9_.-]*$")

#: Classes that impress.js sets on step elements itself, or reads with another meaning
#: (impress.js DOCUMENTATION.md; src/impress.js, src/plugins/navigation-ui,
#: substep, impressConsole and markdown): an author's step cannot carry them. ``skip``
#: and ``stop`` are not here: authors set them to have a step skipped or stop on it.
RESERVED_CLASSES: frozenset[str] = frozenset(
    {
        "step",
        "active",
        "past",
        "present",
        "future",
        "prev",
        "next",
        "substep",
        "notes",
        "markdown",
    }
)

#: Ids of the presentation page itself, which no step or anchor of a deck may take:
#: impress.js's root element, the containers the theme's template writes for the
#: toolbar and the help box, and the elements impress.js's plugins add to the page
#: (navigation-ui, autoplay, impressConsole's button; src/plugins/*). The toolbar's
#: groups are :data:`PAGE_ID_PATTERN`.
PAGE_IDS: frozenset[str] = frozenset(
    {
        "impress",
        "impress-toolbar",
        "impress-help",
        "impress-navigation-ui-prev",
        "impress-navigation-ui-select",
        "impress-navigation-ui-next",
        "impress-autoplay-playpause",
        "impress-console-button",
    }
)

#: The ids of the toolbar plugin's groups, ``impress-toolbar-group-0`` and on.
PAGE_ID_PATTERN = re.compile(r"impress-toolbar-group-[0-9]+")


def is_page_id(value: str) -> bool:
    """Whether the presentation page itself uses the id ``value`` (:data:`PAGE_IDS`)."""
    return value in PAGE_IDS or PAGE_ID_PATTERN.fullmatch(value) is not None


#: Characters that a browser percent-encodes in a URL fragment (WHATWG URL standard,
#: fragment percent-encode set) besides non-ASCII, and ``%``, which link writers
#: encode: impress.js 1.1.0 looks ids up in ``location.hash`` without decoding, so
#: such ids cannot be navigated to.
_FRAGMENT_ENCODED = set(' "<>`%')


def check_id(value: str) -> str | None:
    """Why impress.js could not navigate to a step with this id, or ``None`` if it can.

    Ids with white space throw in impress.js, digit-only ids are read as a step index
    by its goto plugin, and characters that a browser percent-encodes in the URL
    fragment never match in impress.js 1.1.0, which does not decode ``location.hash``.
    """
    if not value:
        return "it is empty"
    if any(ch.isspace() for ch in value):
        return "it contains white space"
    if value.isdigit():
        return "it is only digits, which impress.js reads as a step number"
    if not value.isascii() or any(ch in _FRAGMENT_ENCODED or ord(ch) < 32 for ch in value):
        return "it has characters that a URL fragment percent-encodes"
    return None


@dataclass(frozen=True)
class StepOptions:
    """What one ``step`` directive (or an importer's slide) says about its step.

    ``id``: the id the author asked for; ``classes``: the step's own classes;
    ``axes``: the axes given, by option name (``x``... ``rotate-z``), as written
    (absolute or relative, px or deck widths); ``rotate_order``: a permutation of
    ``xyz``; ``transition_duration`` in ms; ``autoplay`` in seconds; ``data``: other
    ``data-*`` attributes (and, from mdpress, ``style``) written on the step element as
    they are; ``rel_to``: the id of the step relative values count from; ``overview``:
    the step shows the whole deck; ``layout``: the layout of the steps inside this
    step's section; ``goto``: ``goto``, ``goto-next`` and ``goto-prev`` by option name;
    ``rel``: what the step says to impress.js's rel plugin (``rel-x`` ... ``rel-reset``,
    :mod:`sphinx_impress.core.rel`), resolved into the step's numbers and never written
    on the page; ``fit``: whether content larger than the slide is shrunk to fit
    (``None``: the deck's ``impress_fit``); ``center``: whether content is centred
    vertically (``None``: the deck's ``impress_center``); ``background``: what is drawn
    behind the content, a :class:`Background`. ``None`` means not given. The mappings
    are never changed: a change is a new value (:func:`dataclasses.replace`).
    """

    id: str | None = None
    classes: tuple[str, ...] = ()
    axes: Mapping[str, Value] = field(default_factory=dict)
    rotate_order: str | None = None
    transition_duration: float | None = None
    autoplay: float | None = None
    data: Mapping[str, str] = field(default_factory=dict)
    rel_to: str | None = None
    overview: bool | None = None
    layout: Layout | None = None
    goto: Mapping[str, str] = field(default_factory=dict)
    rel: RelOptions | None = None
    fit: bool | None = None
    center: bool | None = None
    background: Background | None = None

    def merged(self, later: StepOptions) -> StepOptions:
        """These options with ``later``'s laid over them: mappings merged, classes
        joined, other values replaced where ``later`` gives them."""
        return StepOptions(
            id=_later(self.id, later.id),
            classes=self.classes + later.classes,
            axes={**self.axes, **later.axes},
            rotate_order=_later(self.rotate_order, later.rotate_order),
            transition_duration=_later(self.transition_duration, later.transition_duration),
            autoplay=_later(self.autoplay, later.autoplay),
            data={**self.data, **later.data},
            rel_to=_later(self.rel_to, later.rel_to),
            overview=_later(self.overview, later.overview),
            layout=_later(self.layout, later.layout),
            goto={**self.goto, **later.goto},
            rel=_merged_rel(self.rel, later.rel),
            fit=_later(self.fit, later.fit),
            center=_later(self.center, later.center),
            background=_later(self.background, later.background),
        )

    def with_absolute_axes(self, positions: Mapping[str, float] | None = None) -> tuple[
        StepOptions, list[Problem]
    ]:
        """These options with every axis an absolute number, for the formats of other
        tools, which place each step exactly: ``positions`` (absolute numbers by axis,
        computed by the format's own rules) replace what the options say; an axis found
        in neither is 0 (a scale 1). A relative value or a ``w``/``h`` unit, which those
        formats do not have, is reported (kind ``value``) and replaced by the default;
        so are the rel plugin's options, which those formats do not read."""
        problems = []
        if self.rel is not None:
            problems.append(Problem(
                "value",
                "the rel plugin's data-rel-* attributes are not part of this deck format; "
                "they are ignored",
            ))
        axes: dict[str, Value] = {}
        for axis in AXES:
            if positions is not None and axis in positions:
                axes[axis] = Value(float(positions[axis]))
                continue
            value = self.axes.get(axis, Value(DEFAULTS[axis]))
            if value.relative or value.unit:
                problems.append(Problem(
                    "value",
                    f"{axis}: relative values and w or h units are not part of this "
                    f"deck format; using {format_number(DEFAULTS[axis])}",
                ))
                value = Value(DEFAULTS[axis])
            axes[axis] = value
        return replace(self, axes=axes, rel=None), problems


def _class_names(written: Any) -> list[str]:
    """The class names of a ``class`` option: words separated by white space, or a
    list (a YAML list in a MyST option block, ``[a, b]``, which myst-parser may pass on
    as its text)."""
    if isinstance(written, list | tuple):
        return [word for item in written for word in str(item).split()]
    text = str(written).strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1].replace(",", " ")
        return [word.strip("'\"") for word in text.split() if word.strip("'\"")]
    return text.split()


def _later(earlier: Any, later: Any) -> Any:
    return earlier if later is None else later


def _merged_rel(earlier: RelOptions | None, later: RelOptions | None) -> RelOptions | None:
    if earlier is None or later is None:
        return _later(earlier, later)
    return earlier.merged(later)


def parse_step_options(
    options: Mapping[str, Any], fallback_id: str = "an id from its title"
) -> tuple[StepOptions, list[Problem]]:
    """Read the options of one step.

    :param options: option name to value as written (a string, ``None`` for an empty
        value, or an int or float from MyST's YAML).
    :param fallback_id: what a step whose id cannot be used gets instead, for the
        problem's message (a slide of an mdpress or hovercraft deck has no title).
    :returns: the options, and a :class:`~sphinx_impress.core.problems.Problem` for
        each bad value (kinds ``value``, ``id``, ``option``, ``step``, ``layout``): a
        bad axis takes its default (0, scale 1), a class of :data:`RESERVED_CLASSES` is
        left out, any other bad option is left out.
    """
    reader = _OptionReader(fallback_id)
    given: dict[str, str] = {}
    for written, value in options.items():
        name = written.lower()
        if name.startswith("data-") and name[5:] in DATA_ALIASED:
            name = name[5:]
        if name == "rotate":
            name = "rotate-z"
        if name in given:
            reader.report(
                "step",
                f"step options {given[name]!r} and {written!r} both set {name!r}; "
                f"the value of {written!r} is used",
            )
        given[name] = written
        reader.read(name, written, value)
    return reader.result(), reader.problems


class _OptionReader:
    """Reads options one at a time into the fields of a :class:`StepOptions`."""

    def __init__(self, fallback_id: str) -> None:
        self.fallback_id = fallback_id
        self.problems: list[Problem] = []
        self.fields: dict[str, Any] = {}
        self.classes: list[str] = []
        self.axes: dict[str, Value] = {}
        self.data: dict[str, str] = {}
        self.goto: dict[str, str] = {}
        self.rel_move: dict[str, Value] = {}
        self.rel_turn: dict[str, float] = {}
        self.rel_fields: dict[str, str] = {}
        self.layout_written: dict[str, Any] = {}
        self.readers: dict[str, Callable[[str, str, str, Any], None]] = {
            "id": self._id,
            "class": self._class,
            "rotate-order": self._rotate_order,
            "transition-duration": self._duration,
            "autoplay": self._duration,
            "rel-to": self._rel_to,
            "overview": self._overview,
            "fit": self._flag,
            "center": self._flag,
            "background": self._background,
        }

    def report(self, kind: str, message: str) -> None:
        self.problems.append(Problem(kind, message))

    def result(self) -> StepOptions:
        layout = self._layout() if self.layout_written else None
        rel = None
        if self.rel_move or self.rel_turn or self.rel_fields:
            rel = RelOptions(
                self.rel_move,
                self.rel_turn,
                self.rel_fields.get("position"),
                self.rel_fields.get("reset"),
            )
        return StepOptions(
            classes=tuple(self.classes),
            axes=self.axes,
            data=self.data,
            goto=self.goto,
            layout=layout,
            rel=rel,
            **self.fields,
        )

    def read(self, name: str, written: str, value: Any) -> None:
        text = "" if value is None else str(value).strip()
        if name in AXES:
            self._axis(name, written, value)
        elif name in self.readers:
            self.readers[name](name, written, text, value)
        elif name in FLAG_CLASSES:
            if self._read_or_report(lambda: parse_flag(text), written) and name not in self.classes:
                self.classes.append(name)
        elif name in GOTO_OPTIONS:
            self._goto(name, written, text)
        elif name in LAYOUT_OPTIONS:
            self.layout_written[name] = "" if value is None else value
        elif name in REL_OPTIONS:
            self._rel(name, written, text, value)
        elif name.startswith("data-rel-"):
            self.report(
                "option",
                f"unknown step option {written!r}: impress.js's rel plugin reads "
                f"{', '.join('data-' + option for option in REL_OPTIONS)} and data-rel-to; "
                "it is ignored",
            )
        elif DATA_ATTRIBUTE.match(name):
            self.data[name] = text
        else:
            known = ", ".join((*AXES, *OTHER_OPTIONS, "data-*"))
            self.report(
                "option", f"unknown step option {written!r} (known: {known}); it is ignored"
            )

    def _axis(self, name: str, written: str, value: Any) -> None:
        try:
            axis = parse_value(value, name)
        except InvalidValue as error:
            axis = Value(DEFAULTS[name])
            self.report(
                "value",
                f"invalid step option {written!r}: {error}; using {format_number(axis.number)}",
            )
        self.axes[name] = axis

    def _rel(self, name: str, written: str, text: str, value: Any) -> None:
        """One of the rel plugin's options (:data:`~sphinx_impress.core.rel.REL_OPTIONS`)."""
        if name in ("rel-x", "rel-y", "rel-z"):
            move = self._read_or_report(lambda: parse_value(value, name[-1]), written)
            if move is not None and move.relative:
                self.report(
                    "value",
                    f"invalid step option {written!r}: the rel plugin's move is relative "
                    "already; write a number or a number of w or h without r; ignored",
                )
            elif move is not None:
                self.rel_move[name[-1]] = move
        elif name.startswith("rel-rotate-"):
            turn = self._read_or_report(lambda: parse_number(value), written)
            if turn is not None:
                self.rel_turn[name[-1]] = turn
        elif name == "rel-position":
            if text.lower() in POSITION_MODES:
                self.rel_fields["position"] = text.lower()
            else:
                self.report(
                    "value",
                    f"invalid step option {written!r}: expected absolute or relative, got "
                    f"{text!r}; the mode of the step before is kept",
                )
        else:
            mode = "" if value is None or value is True else text.lower()
            if mode not in RESET_MODES:
                self.report(
                    "value",
                    f"invalid step option {written!r}: expected nothing, relative or all, "
                    f"got {text!r}; read as nothing (the moves passed on are reset)",
                )
                mode = ""
            self.rel_fields["reset"] = mode

    def _id(self, name: str, written: str, text: str, value: Any) -> None:
        problem = check_id(text)
        if problem:
            self.report(
                "id",
                f"step id {text!r} cannot be used: {problem}; the step gets {self.fallback_id}",
            )
            return
        self.fields["id"] = text

    def _class(self, name: str, written: str, text: str, value: Any) -> None:
        classes = _class_names(value if isinstance(value, list | tuple) else text)
        reserved = [word for word in classes if word in RESERVED_CLASSES]
        if reserved:
            self.report(
                "value",
                f"invalid step option 'class': {', '.join(map(repr, reserved))} "
                "belongs to impress.js, which sets or reads it itself; left out",
            )
        self.classes.extend(word for word in classes if word not in RESERVED_CLASSES)

    def _rotate_order(self, name: str, written: str, text: str, value: Any) -> None:
        if sorted(text) != ["x", "y", "z"]:
            self.report(
                "value",
                f"invalid step option {written!r}: {text!r} is not an order of the "
                "letters x, y and z; using 'xyz'",
            )
            return
        self.fields["rotate_order"] = text

    def _duration(self, name: str, written: str, text: str, value: Any) -> None:
        number = self._read_or_report(lambda: parse_number(value, 0), written)
        if number is not None:
            self.fields[name.replace("-", "_")] = number

    def _rel_to(self, name: str, written: str, text: str, value: Any) -> None:
        self.fields["rel_to"] = text

    def _overview(self, name: str, written: str, text: str, value: Any) -> None:
        self.fields["overview"] = self._read_or_report(
            lambda: parse_flag(text), written, "the step is not an overview"
        )

    def _flag(self, name: str, written: str, text: str, value: Any) -> None:
        flag = self._read_or_report(lambda: parse_flag(text), written)
        if flag is not None:
            self.fields[name] = flag

    def _background(self, name: str, written: str, text: str, value: Any) -> None:
        background = self._read_or_report(lambda: parse_background(text), written)
        if background is not None:
            self.fields["background"] = background

    def _goto(self, name: str, written: str, text: str) -> None:
        if not text:
            self.report("value", f"step option {written!r} needs the id of a step; it is ignored")
            return
        self.goto[name] = text

    def _read_or_report(
        self, read: Callable[[], Any], written: str, outcome: str = "the option is ignored"
    ) -> Any:
        """``read()``, or ``None`` after a ``value`` problem that names the option as
        ``written`` and says what happens instead (``outcome``)."""
        try:
            return read()
        except InvalidValue as error:
            self.report("value", f"invalid step option {written!r}: {error}; {outcome}")
            return None

    def _layout(self) -> Layout | None:
        written = self.layout_written
        if "layout" not in written:
            self.report(
                "layout",
                f"step options {', '.join(sorted(written))} need a layout option; ignored",
            )
            return None
        try:
            rotate = parse_flag(written.get("layout-rotate"))
        except InvalidValue as error:
            self.report(
                "value",
                f"invalid step option 'layout-rotate': {error}; the steps do not turn",
            )
            rotate = False
        name = str(written["layout"]).strip().lower()
        for option, meant_for in (
            ("layout-columns", ("grid",)),
            ("layout-path", ("path",)),
            ("layout-rotate", ("circle", "spiral", "path")),
        ):
            if option in written and name in LAYOUTS and name not in meant_for:
                self.report(
                    "layout",
                    f"step option {option!r} is for the {' and '.join(meant_for)} layout, "
                    f"not {name!r}; it is ignored",
                )
        try:
            return parse_layout(
                written["layout"], written.get("layout-columns"), written.get("layout-path"), rotate
            )
        except InvalidValue as error:
            self.report(
                "layout",
                f"invalid layout: {error}; the steps inside keep the layout around them",
            )
            return None


@dataclass(frozen=True)
class Background:
    """What the ``background`` step option draws behind a step's content: ``css``, a
    CSS colour or gradient as written (``#1d2330``, ``rgb(20 30 50)``, ``navy``,
    ``linear-gradient(...)``), or ``image``, the path of a local image file, relative
    to the document as an image directive's path is."""

    css: str | None = None
    image: str | None = None


#: CSS Color 4 named colours (CSS Color Module Level 4, section 6.1), with
#: ``transparent`` and ``currentcolor``.
_COLOUR_NAMES = """
aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki
darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro
ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo
ivory khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral
lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon
lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow
lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid
mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise
mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace
olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise
palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red
rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver
skyblue slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato
turquoise violet wheat white whitesmoke yellow yellowgreen transparent currentcolor
"""
NAMED_COLOURS: frozenset[str] = frozenset(_COLOUR_NAMES.split())

#: CSS functions a ``background`` may be written with (CSS Color 4 and 5, CSS Images
#: 3 and 4).
BACKGROUND_FUNCTIONS: frozenset[str] = frozenset({
    "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color",
    "color-mix", "linear-gradient", "radial-gradient", "conic-gradient",
    "repeating-linear-gradient", "repeating-radial-gradient", "repeating-conic-gradient",
})

#: File name endings of the images a ``background`` may name (the formats browsers
#: show in CSS ``background-image``).
BACKGROUND_IMAGES: tuple[str, ...] = (
    ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp", ".ico",
)

_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_FUNCTION = re.compile(r"([a-zA-Z-]+)\((.*)\)", re.DOTALL)


def parse_background(value: str) -> Background:
    """Read a ``background`` step option.

    :returns: a :class:`Background` with ``css`` for a hexadecimal colour, a named
        colour or one of :data:`BACKGROUND_FUNCTIONS` with balanced brackets and no
        ``;``, ``{``, ``}``, ``<``, ``\\`` or quotes; else with ``image`` for a relative
        path ending in one of :data:`BACKGROUND_IMAGES`.
    :raises InvalidValue: for an empty value, an address (``https://``, ``//``:
        a presentation would not present offline), or anything else.
    """
    text = value.strip()
    if not text:
        raise InvalidValue(
            "expected a colour or an image file (in MyST, quote a colour that starts "
            "with #: \"#223344\")"
        )
    if _HEX_COLOUR.fullmatch(text) or text.lower() in NAMED_COLOURS:
        return Background(css=text)
    function = _FUNCTION.fullmatch(text)
    if function and function.group(1).lower() in BACKGROUND_FUNCTIONS:
        inside = function.group(2)
        if _balanced(inside) and not any(char in inside for char in ";{}<\\\"'"):
            return Background(css=text)
        raise InvalidValue(f"{text!r} is not a CSS colour or gradient this option takes")
    if "://" in text or text.startswith("//") or text.lower().startswith("data:"):
        raise InvalidValue(
            f"{text!r} is an address; name a local image file, which the build copies, "
            "so that the presentation works offline"
        )
    if text.lower().endswith(BACKGROUND_IMAGES) and not any(c.isspace() for c in text):
        return Background(image=text)
    if not _balanced(text):
        raise InvalidValue(
            f"{text!r} has a bracket that is not closed (in MyST, quote a value with a # "
            "in it: YAML reads an unquoted ' #' as the start of a comment, so "
            "\"linear-gradient(90deg, #000, #fff)\" needs its quotes)"
        )
    raise InvalidValue(
        f"expected a colour (#223344, rgb(...), a colour name), a gradient or an image "
        f"file ending in {', '.join(BACKGROUND_IMAGES)}, got {text!r}"
    )


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@dataclass(frozen=True)
class StepInfo:
    """What a slide is as a step of its deck: its ``id`` (unique in the document), its
    merged :class:`StepOptions`, the source ``line`` of the step directive that set it
    (else of the slide; ``None`` if unknown), and, once the deck is placed, its absolute
    ``position`` (numbers, formatted only when the page is written)."""

    id: str
    options: StepOptions = StepOptions()
    line: int | None = None
    position: Position | None = None
