"""The ``step`` directive: its options, read and validated into a ``step`` node."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from sphinx.util.docutils import SphinxDirective

from ..core.layouts import LAYOUTS, parse_layout
from ..core.values import (
    AXES,
    DEFAULTS,
    Value,
    format_number,
    parse_flag,
    parse_number,
    parse_value,
)
from ..errors import InvalidValue
from . import nodes as impress_nodes
from .warnings import ImpressWarnings, warn

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

#: Options that set the layout of a section's child steps.
LAYOUT_OPTIONS: tuple[str, ...] = ("layout", "layout-columns", "layout-path", "layout-rotate")

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
    *LAYOUT_OPTIONS,
    *("skip", "stop"),
    *("goto", "goto-next", "goto-prev"),
)

#: Flag options that give the step impress.js's class of the same name: ``skip`` (the
#: skip plugin passes over the step) and ``stop`` (the stop plugin does not move on
#: from it with "next").
FLAG_CLASSES: tuple[str, ...] = ("skip", "stop")

#: Options that name another step of the deck, written as ``data-<option>`` for
#: impress.js's goto plugin; checked once every step has its id
#: (:func:`sphinx_impress.presentation.check_gotos`).
GOTO_OPTIONS: tuple[str, ...] = ("goto", "goto-next", "goto-prev")

#: Options that may also be spelled with a ``data-`` prefix (``data-x`` is ``x``).
DATA_ALIASED: frozenset[str] = frozenset(AXES) | {
    "rotate",
    "rotate-order",
    "transition-duration",
    "autoplay",
    *GOTO_OPTIONS,
}

#: A ``data-*`` attribute name that passes through to the step element.
DATA_ATTRIBUTE = re.compile(r"^data-[a-z0-9][a-z0-9_.-]*$")

#: Characters that a browser percent-encodes in a URL fragment (WHATWG URL standard,
#: fragment percent-encode set) besides non-ASCII, and ``%``, which link writers
#: encode: impress.js 1.1.0 looks ids up in ``location.hash`` without decoding, so
#: such ids cannot be navigated to.
_FRAGMENT_ENCODED = set(' "<>`%')


#: Classes that impress.js sets on step elements itself, or reads with another meaning
#: (impress.js DOCUMENTATION.md; src/impress.js, src/plugins/navigation-ui,
#: substep, impressConsole and markdown): an author's step cannot carry them. ``skip``
#: and ``stop`` are not here: authors set them to have a step skipped or stop on it.
RESERVED_CLASSES: frozenset[str] = frozenset(
    {"active", "past", "present", "future", "prev", "next", "substep", "notes", "markdown"}
)


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


def empty_step_options() -> dict[str, Any]:
    """The options of a step that sets nothing, in the shape that
    :func:`parse_step_options` returns."""
    return {
        "id": None,
        "classes": [],
        "axes": {},
        "rotate-order": None,
        "transition-duration": None,
        "autoplay": None,
        "data": {},
        "rel-to": None,
        "overview": None,
        "layout": None,
        "goto": {},
    }


def parse_step_options(
    options: Mapping[str, Any], location: Any, fallback_id: str = "an id from its title"
) -> dict[str, Any]:
    """Validate the options of one ``step`` directive.

    :param options: option name to value as written (a string, ``None`` for an empty
        value, or an int or float from MyST's YAML).
    :param location: where to point warnings (a node with source and line).
    :param fallback_id: what a step whose id cannot be used gets instead, for the
        warning (a slide of an mdpress or hovercraft deck has no title).
    :returns: ``{"id": str | None, "classes": [str], "axes": {axis: float},
        "rotate-order": str | None, "transition-duration": float | None (ms),
        "autoplay": float | None (seconds), "data": {"data-name": str}}``.

    Each bad value gives a warning (subtypes ``impress.value``, ``impress.id``,
    ``impress.option``, ``impress.step``): a bad axis takes its default (0, scale 1),
    a class of :data:`RESERVED_CLASSES` is left out, any other bad option is left out.
    """
    result = empty_step_options()
    given: dict[str, str] = {}
    for written, value in options.items():
        name = written.lower()
        if name.startswith("data-") and name[5:] in DATA_ALIASED:
            name = name[5:]
        if name == "rotate":
            name = "rotate-z"
        if name in given:
            warn(
                f"step options {given[name]!r} and {written!r} both set {name!r}; "
                f"the value of {written!r} is used",
                ImpressWarnings.STEP,
                location,
            )
        given[name] = written
        _read_option(name, written, value, result, location, fallback_id)
    written_layout = result.pop("layout-written", None)
    if written_layout is not None:
        result["layout"] = _read_layout(written_layout, location)
    return result


def _read_layout(written: dict[str, Any], location: Any) -> dict[str, Any] | None:
    if "layout" not in written:
        warn(
            f"step options {', '.join(sorted(written))} need a layout option; ignored",
            ImpressWarnings.LAYOUT,
            location,
        )
        return None
    try:
        rotate = parse_flag(written.get("layout-rotate"))
    except InvalidValue as error:
        warn(
            f"invalid step option 'layout-rotate': {error}; the steps do not turn",
            ImpressWarnings.VALUE,
            location,
        )
        rotate = False
    name = str(written["layout"]).strip().lower()
    for option, meant_for in (
        ("layout-columns", ("grid",)),
        ("layout-path", ("path",)),
        ("layout-rotate", ("circle", "spiral", "path")),
    ):
        if option in written and name in LAYOUTS and name not in meant_for:
            warn(
                f"step option {option!r} is for the {' and '.join(meant_for)} layout, "
                f"not {name!r}; it is ignored",
                ImpressWarnings.LAYOUT,
                location,
            )
    try:
        layout = parse_layout(
            written["layout"],
            written.get("layout-columns"),
            written.get("layout-path"),
            rotate,
        )
    except InvalidValue as error:
        warn(
            f"invalid layout: {error}; the steps inside keep the layout around them",
            ImpressWarnings.LAYOUT,
            location,
        )
        return None
    return dataclasses.asdict(layout)


def _read_option(
    name: str,
    written: str,
    value: Any,
    result: dict[str, Any],
    location: Any,
    fallback_id: str = "an id from its title",
) -> None:
    text = "" if value is None else str(value).strip()
    if name in AXES:
        try:
            axis = parse_value(value, name)
        except InvalidValue as error:
            axis = Value(DEFAULTS[name])
            warn(
                f"invalid step option {written!r}: {error}; using "
                f"{format_number(axis.number)}",
                ImpressWarnings.VALUE,
                location,
            )
        result["axes"][name] = axis.as_tuple()
    elif name == "id":
        problem = check_id(text)
        if problem:
            warn(
                f"step id {text!r} cannot be used: {problem}; the step gets "
                f"{fallback_id}",
                ImpressWarnings.ID,
                location,
            )
            return
        result["id"] = text
    elif name == "class":
        classes = text.split()
        reserved = [word for word in classes if word in RESERVED_CLASSES]
        if reserved:
            warn(
                f"invalid step option 'class': {', '.join(map(repr, reserved))} "
                "belongs to impress.js, which sets or reads it itself; left out",
                ImpressWarnings.VALUE,
                location,
            )
        result["classes"].extend(word for word in classes if word not in RESERVED_CLASSES)
    elif name == "rotate-order":
        if sorted(text) != ["x", "y", "z"]:
            warn(
                f"invalid step option {written!r}: {text!r} is not an order of the "
                "letters x, y and z; using 'xyz'",
                ImpressWarnings.VALUE,
                location,
            )
            return
        result["rotate-order"] = text
    elif name in ("transition-duration", "autoplay"):
        number = _read_or_warn(lambda: parse_number(value, 0), written, location)
        if number is not None:
            result[name] = number
    elif name == "rel-to":
        result["rel-to"] = text
    elif name == "overview":
        result["overview"] = _read_or_warn(
            lambda: parse_flag(text), written, location, "the step is not an overview"
        )
    elif name in FLAG_CLASSES:
        if _read_or_warn(lambda: parse_flag(text), written, location):
            if name not in result["classes"]:
                result["classes"].append(name)
    elif name in GOTO_OPTIONS:
        if not text:
            warn(
                f"step option {written!r} needs the id of a step; it is ignored",
                ImpressWarnings.VALUE,
                location,
            )
            return
        result["goto"][name] = text
    elif name in LAYOUT_OPTIONS:
        result.setdefault("layout-written", {})[name] = "" if value is None else value
    elif DATA_ATTRIBUTE.match(name):
        result["data"][name] = text
    else:
        known = ", ".join((*AXES, *OTHER_OPTIONS, "data-*"))
        warn(
            f"unknown step option {written!r} (known: {known}); it is ignored",
            ImpressWarnings.OPTION,
            location,
        )


def _read_or_warn(
    read: Callable[[], Any], written: str, location: Any, outcome: str = "the option is ignored"
) -> Any:
    """``read()``, or ``None`` after an ``impress.value`` warning that names the option
    as ``written`` and says what happens instead (``outcome``) when it raises
    :class:`InvalidValue`."""
    try:
        return read()
    except InvalidValue as error:
        warn(f"invalid step option {written!r}: {error}; {outcome}", ImpressWarnings.VALUE, location)
        return None


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
        """Return one ``step`` node with its validated options (and content)."""
        node = impress_nodes.step()
        self.set_source_info(node)
        node["impress_options"] = parse_step_options(self.options, node)
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
