"""What a step's ``background`` does to the legibility of its text: the colours a CSS
colour or gradient draws, their contrast with the theme's text colours (WCAG 2.2,
"contrast ratio" and "relative luminance"), and which colour set of the theme reads
on them (the step classes ``impress-step-dark`` and ``impress-step-light``).

Colours are read by `ColorAide <https://pypi.org/project/coloraide/>`_ (every CSS
Color 4 syntax: names, ``#hex``, ``rgb()``, ``hsl()``, ``hwb()``, ``lab()``,
``lch()``, ``oklab()``, ``oklch()``, ``color()``), gamut-mapped to sRGB as a screen
shows them; ``color-mix()`` is mixed as CSS Color 5 says and a gradient is read with
tinycss2, its stops and the colours between them sampled in the space the gradient
interpolates in (CSS Images 4: ``in <space>``, else sRGB when every stop is a legacy
colour and Oklab otherwise). A colour that is partly transparent is judged over black
and over white, the two extremes of what may show through it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

#: The contrast ratio WCAG 2.2 AA asks of body text (success criterion 1.4.3), which
#: the theme promises for text, headings, links and muted text.
AA_CONTRAST = 4.5

#: The class of a step drawn with the dark theme's colours (light text), and of one
#: drawn with the light theme's (dark text).
DARK = "impress-step-dark"
LIGHT = "impress-step-light"

#: The text colours of each colour set of ``impress-theme.css`` (its custom properties
#: ``--impress-fg``, ``--impress-muted``, ``--impress-accent`` for headings and
#: ``--impress-link``), by the class that gives a step that set.
TEXT_COLOURS: dict[str, dict[str, str]] = {
    DARK: {"text": "#e6e9ef", "muted text": "#aab2c2", "headings": "#8ab8ff",
           "links": "#8ab8ff"},
    LIGHT: {"text": "#1d2330", "muted text": "#525b6e", "headings": "#1f5fbf",
            "links": "#1a56b0"},
}

#: CSS functions that write a colour in the legacy sRGB syntax (CSS Color 4, 12.1),
#: besides names and ``#hex``: gradients of such colours only interpolate in sRGB.
_LEGACY_FUNCTIONS = frozenset({"rgb", "rgba", "hsl", "hsla", "hwb"})

#: Gradient functions (CSS Images 3 and 4).
GRADIENTS = frozenset({
    "linear-gradient", "radial-gradient", "conic-gradient", "repeating-linear-gradient",
    "repeating-radial-gradient", "repeating-conic-gradient",
})

#: Colours sampled between two stops of a gradient, besides the stops.
_BETWEEN = 7

_SPACES_CSS = (
    "srgb", "srgb-linear", "display-p3", "a98-rgb", "prophoto-rgb", "rec2020", "lab",
    "oklab", "xyz", "xyz-d50", "xyz-d65", "hsl", "hwb", "lch", "oklch",
)

#: Colour spaces of CSS's ``in <space>`` (CSS Color 4 and 5), as ColorAide names them.
_SPACES = {
    "srgb": "srgb", "srgb-linear": "srgb-linear", "display-p3": "display-p3",
    "a98-rgb": "a98-rgb", "prophoto-rgb": "prophoto-rgb", "rec2020": "rec2020",
    "lab": "lab", "oklab": "oklab", "xyz": "xyz-d65", "xyz-d50": "xyz-d50",
    "xyz-d65": "xyz-d65", "hsl": "hsl", "hwb": "hwb", "lch": "lch", "oklch": "oklch",
}

#: Words of a gradient's direction, shape, position and interpolation: no colours.
_GRADIENT_WORDS = frozenset({
    "to", "at", "in", "from", "left", "right", "top", "bottom", "center", "circle",
    "ellipse", "closest-side", "closest-corner", "farthest-side", "farthest-corner",
    "shorter", "longer", "increasing", "decreasing", "hue", *_SPACES_CSS,
})

_HUE_METHODS = frozenset({"shorter", "longer", "increasing", "decreasing"})

#: sRGB red, green, blue and alpha, each from 0 to 1.
RGBA = tuple[float, float, float, float]


class UnknownColour(ValueError):
    """A colour whose value cannot be known when the page is built (``currentcolor``,
    a syntax not read here)."""


def relative_luminance(red: float, green: float, blue: float) -> float:
    """The relative luminance of an sRGB colour with channels from 0 to 1 (WCAG 2.2,
    "relative luminance"): 0 for black, 1 for white."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: float, second: float) -> float:
    """The contrast ratio of two relative luminances (WCAG 2.2, "contrast ratio"),
    from 1 to 21."""
    lighter, darker = max(first, second), min(first, second)
    return (lighter + 0.05) / (darker + 0.05)


def colours_of(css: str) -> list[RGBA]:
    """The sRGB colours a CSS colour or gradient draws: one for a colour; for a
    gradient its stops and colours sampled between them.

    :raises UnknownColour: for a value whose colours cannot be known.
    """
    import tinycss2

    value = tinycss2.parse_one_component_value(css.strip())
    if getattr(value, "type", "") == "function" and value.lower_name in GRADIENTS:
        return _gradient(value)
    colour = _colour(value)
    return [_rgba(colour)]


def _colour(token: Any) -> Any:
    """The ColorAide colour a tinycss2 component writes."""
    from coloraide import Color

    if getattr(token, "type", "") == "function" and token.lower_name == "color-mix":
        return _mix(token.arguments)
    text = token.serialize() if hasattr(token, "serialize") else str(token)
    if text.strip().lower() == "currentcolor":
        raise UnknownColour("currentcolor is the text colour, which the theme sets")
    try:
        return Color(text)
    except ValueError:
        raise UnknownColour(f"{text!r} is not a colour that can be read here") from None


def _rgba(colour: Any) -> RGBA:
    """A ColorAide colour in sRGB, clipped to its gamut as Chromium draws it."""
    srgb = colour.convert("srgb").clip()
    red, green, blue = (min(max(channel, 0.0), 1.0) for channel in srgb.coords(nans=False))
    return red, green, blue, colour.alpha(nans=False)


def _groups(arguments: Sequence[Any]) -> list[list[Any]]:
    """A function's arguments cut at its top-level commas, whitespace and comments
    left out."""
    groups: list[list[Any]] = [[]]
    for token in arguments:
        if token.type == "literal" and token.value == ",":
            groups.append([])
        elif token.type not in ("whitespace", "comment"):
            groups[-1].append(token)
    return groups


def _interpolation(group: list[Any]) -> tuple[str | None, str | None]:
    """The space and hue method of ``in <space> [<method> hue]`` in a gradient's or
    ``color-mix()``'s first argument; ``(None, None)`` without one."""
    words = [token.lower_value for token in group if token.type == "ident"]
    if "in" not in words:
        return None, None
    rest = words[words.index("in") + 1:]
    if not rest or rest[0] not in _SPACES:
        raise UnknownColour(f"the colour space {' '.join(rest) or '(none)'!r} is not read here")
    method = rest[1] if len(rest) > 2 and rest[1] in _HUE_METHODS and rest[2] == "hue" else None
    return _SPACES[rest[0]], method


def _mix(arguments: Sequence[Any]) -> Any:
    """``color-mix(in <space>, <colour> <p>?, <colour> <p>?)`` as CSS Color 5 mixes:
    missing percentages complete each other to 100%, others are scaled to add up to
    100%, and a sum under 100% makes the mix that much transparent."""
    groups = _groups(arguments)
    if len(groups) != 3:
        raise UnknownColour("color-mix() takes a colour space and two colours")
    space, hue = _interpolation(groups[0])
    if space is None:
        raise UnknownColour("color-mix() names no colour space")
    colours, shares = [], []
    for group in groups[1:]:
        percentages = [t.value for t in group if t.type == "percentage"]
        others = [t for t in group if t.type != "percentage"]
        if len(others) != 1 or len(percentages) > 1:
            raise UnknownColour("a colour of color-mix() is not one colour and a percentage")
        colours.append(_colour(others[0]))
        shares.append(percentages[0] / 100 if percentages else None)
    given_first, given_second = shares
    if given_first is None and given_second is None:
        first = second = 0.5
    elif given_first is None:
        second = given_second or 0.0
        first = 1 - second
    elif given_second is None:
        first = given_first
        second = 1 - first
    else:
        first, second = given_first, given_second
    total = first + second
    if total <= 0:
        raise UnknownColour("the percentages of color-mix() add up to 0")
    mixed = colours[0].mix(
        colours[1], second / total, space=space, hue=hue or "shorter", premultiplied=True
    )
    if total < 1:
        mixed.set("alpha", mixed.alpha(nans=False) * total)
    return mixed


def _legacy(token: Any) -> bool:
    """Whether a colour is written in the legacy sRGB syntax (a name, ``#hex``,
    ``rgb()``, ``hsl()``, ``hwb()``)."""
    if token.type in ("ident", "hash"):
        return True
    return token.type == "function" and token.lower_name in _LEGACY_FUNCTIONS


def _gradient(function: Any) -> list[RGBA]:
    """The stops of a gradient and colours between each two, in the gradient's
    interpolation space."""
    from coloraide import Color

    stops: list[Any] = []
    legacy = True
    space, hue = None, None
    for index, group in enumerate(_groups(function.arguments)):
        if index == 0:
            space, hue = _interpolation(group)
        candidates = [t for t in group if t.type in ("ident", "hash", "function")]
        found = None
        for token in candidates:
            if token.type == "ident" and token.lower_value in _GRADIENT_WORDS:
                continue
            found = token
            break
        if found is None:
            continue  # a direction, shape or colour hint
        stops.append(_colour(found))
        legacy = legacy and _legacy(found)
    if not stops:
        raise UnknownColour("the gradient has no colour stop")
    space = space or ("srgb" if legacy else "oklab")
    samples = [_rgba(stops[0])]
    for before, after in itertools.pairwise(stops):
        between = Color.interpolate(
            [before, after], space=space, hue=hue or "shorter", premultiplied=True
        )
        samples.extend(_rgba(between(step / (_BETWEEN + 1))) for step in range(1, _BETWEEN + 1))
        samples.append(_rgba(after))
    return samples


@dataclass(frozen=True)
class Legibility:
    """How the text of a colour set reads on a background: the class that gives the
    set, the lowest contrast ratio of its body text with any colour the background
    draws (``text``), and the lowest of any of its text colours (``worst``), with that
    text colour's role and the background colour of that lowest ratio."""

    css_class: str
    text: float
    worst: float
    role: str
    against: RGBA

    @property
    def enough(self) -> bool:
        """Whether every text colour reaches :data:`AA_CONTRAST`."""
        return self.worst >= AA_CONTRAST - 1e-9


def legibility(colours: list[RGBA], css_class: str) -> Legibility:
    """How the text of the colour set of ``css_class`` reads on ``colours``; a colour
    that is partly transparent counts over black and over white."""
    from coloraide import Color

    opaque: list[RGBA] = []
    for red, green, blue, alpha in colours:
        if alpha >= 1:
            opaque.append((red, green, blue, 1.0))
            continue
        for behind in (0.0, 1.0):
            opaque.append((
                red * alpha + behind * (1 - alpha), green * alpha + behind * (1 - alpha),
                blue * alpha + behind * (1 - alpha), 1.0,
            ))
    ratios = []
    for role, text in TEXT_COLOURS[css_class].items():
        text_luminance = relative_luminance(*Color(text).convert("srgb").coords())
        for colour in opaque:
            ratios.append((contrast(text_luminance, relative_luminance(*colour[:3])), role, colour))
    worst = min(ratios, key=lambda ratio: ratio[0])
    body = min(ratio for ratio, role, _ in ratios if role == "text")
    return Legibility(css_class, body, *worst)


def best_text(colours: list[RGBA]) -> Legibility | None:
    """The colour set whose body text reads best on ``colours`` (the higher lowest
    contrast); ``None`` when every colour is fully transparent (the page behind shows, with the
    theme's own colours)."""
    if all(colour[3] <= 0 for colour in colours):
        return None
    sets = (legibility(colours, DARK), legibility(colours, LIGHT))
    return max(sets, key=lambda found: found.text)


def css_rgb(colour: RGBA) -> str:
    """A colour as ``#rrggbb`` (for messages)."""
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in colour[:3])


#: What to do by hand when the text colours cannot be chosen.
_BY_HAND = (
    f"give the step the class {DARK} (light text, for a dark background) or {LIGHT} "
    "(dark text, for a light one)"
)


@dataclass(frozen=True)
class TextColours:
    """The colour set chosen for a step's text on its background: ``css_class`` to
    add (``None``: none), and ``problem``, why the text may not read (a warning)."""

    css_class: str | None = None
    problem: str | None = None


def text_colours(css: str | None, image: str | None, given: set[str]) -> TextColours:
    """The theme's colour set for the text of a step whose ``background`` option is
    the colour or gradient ``css`` or the picture ``image``, the classes ``given`` by
    the author aside: the set whose body text reads best, with a problem when a text
    colour of the chosen set stays under :data:`AA_CONTRAST` somewhere on the
    background, or when what the background draws cannot be known (a picture, a
    ``currentcolor``) and the author gave no class."""
    chosen = given & {DARK, LIGHT}
    if css is None:
        if image is None or chosen:
            return TextColours()
        return TextColours(
            problem=f"the text colours for the picture {image!r} cannot be worked out: "
            + _BY_HAND
        )
    try:
        colours = colours_of(css)
    except UnknownColour as error:
        if chosen:
            return TextColours()
        return TextColours(
            problem=f"the text colours for the background {css!r} cannot be worked out "
            f"({error}): " + _BY_HAND
        )
    if len(chosen) == 1:
        found = legibility(colours, next(iter(chosen)))
        add = None
        if found.enough:
            return TextColours()
    else:
        best = best_text(colours)
        if best is None:  # fully transparent: the theme's page and text colours
            return TextColours()
        found = best
        add = best.css_class
    if found.enough:
        return TextColours(add)
    where = "" if len(colours) == 1 else f" at {css_rgb(found.against)}"
    whose = f"{found.css_class} (given)" if add is None else f"{found.css_class}, which reads best,"
    return TextColours(
        add,
        f"on the background {css!r}{where}, the {found.role} of {whose} has a contrast "
        f"of {found.worst:.2f}:1, under the {AA_CONTRAST}:1 of WCAG 2.2 AA: choose a "
        "darker or lighter background, or colours of your own for the step",
    )
