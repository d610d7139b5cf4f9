"""Numbers as authors write them: the one grammar of numbers, yes/no flags and axis
values (absolute, relative ``r+1000``, in deck widths and heights ``1.5w``) that step
options, front matter, ``conf.py`` and every importer read, and the one way numbers
are written into pages.

Pure Python with no Sphinx or docutils import. The axes follow impress.js's step
attributes (impress.js DOCUMENTATION.md, "Step Element"): ``data-x``, ``data-y`` and
``data-z`` are the centre of the step on the canvas in px, ``data-scale`` a factor,
``data-rotate-x/y/z`` angles in degrees, applied in ``data-rotate-order``.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InvalidValue

#: The axes of a step's transform, by their option names (without ``data-``).
AXES: tuple[str, ...] = ("x", "y", "z", "scale", "rotate-x", "rotate-y", "rotate-z")

#: The value of an axis that a positioned step does not give.
DEFAULTS: Mapping[str, float] = {axis: (1.0 if axis == "scale" else 0.0) for axis in AXES}

#: The largest size of a number a step or deck setting may have (px, degrees, ms,
#: seconds). Browsers keep CSS transforms in single precision, and a step placed
#: further out cannot be shown; the bound also keeps automatic placement finite.
LIMIT = 1e7

#: The step scales accepted (impress.js's ``data-scale``): every positive finite
#: factor, here as the smallest positive and the largest finite float, for readers
#: that check a closed range. A scale is kept exactly as written; one that Chromium
#: cannot draw reliably (:func:`precision_problem`) is still kept, with a warning.
SCALE_RANGE = (math.ulp(0.0), sys.float_info.max)

#: The step scales at which Chromium draws a step where impress.js puts it, measured
#: with ``tools/measure_scale_bound.py`` (Chromium 156, 1280 x 720 window, steps
#: 1000 x 700 px): a step at the origin is drawn right from scale 2e-8 to 5e18 and
#: not at 1e-8 or 1e19; the range leaves a margin.
SCALE_STABLE = (1e-7, 1e18)

#: How far from the origin a step may be, counted in its own px (its distance divided
#: by its scale), for Chromium to draw it in its place: 2**24, the largest whole
#: number that the single-precision floats Chromium composes transforms in hold
#: exactly. Measured as above: steps at 2.5e7 and 4.1e7 of their own px were drawn
#: right, at 5e7 2 px off, at 1e8 and more up to tens of px off or not at all.
OWN_PX_LIMIT = 2.0**24

#: The largest scale of an overview step: a deck wider than this many steps shows
#: only its middle in the overview.
OVERVIEW_MAX_SCALE = 1000.0


def check_scale(number: float) -> str | None:
    """Why ``number`` cannot be a step's scale (zero, negative, not finite), or
    ``None`` when it can."""
    if not math.isfinite(number):
        return f"a scale must be a finite number, got {format_number(number)}"
    if number <= 0:
        return f"a scale must be greater than 0, got {format_number(number)}"
    return None


def precision_problem(x: float, y: float, z: float, scale: float) -> str | None:
    """Why Chromium may draw a step at this place and scale off its place (a scale
    outside :data:`SCALE_STABLE`, or further from the origin than
    :data:`OWN_PX_LIMIT` of the step's own px), or ``None``."""
    low, high = SCALE_STABLE
    if not low <= scale <= high:
        return (
            f"scale {format_number(scale)} is outside {format_number(low)} to "
            f"{format_number(high)}, where Chromium draws steps reliably; it is kept, "
            "but the step may be drawn off its place or not at all"
        )
    distance = max(abs(x), abs(y), abs(z))
    if distance / scale > OWN_PX_LIMIT:
        return (
            f"at scale {format_number(scale)} this step is {format_number(distance)} px "
            f"from the origin, {distance / scale:.3g} of its own px, beyond the "
            f"{OWN_PX_LIMIT:.3g} that Chromium places exactly; it is kept, but it may be "
            "drawn a few px off its place (move the deck's small steps closer to the origin)"
        )
    return None


#: The one grammar of numbers that authors write, in every format sphinx-impress reads:
#: ASCII digits, an optional sign, point and exponent (``1200``, ``-3.5``, ``+.5``,
#: ``1e3``); not ``1_000``, ``0x10`` or digits of other scripts, which ``float()`` takes.
DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def parse_number(value: object, low: float = -LIMIT, high: float = LIMIT) -> float:
    """Read a finite number, as written in reST (a string) or in MyST (a string, or an
    int or float from YAML).

    :param value: ``"1200"``, ``"-3.5"``, ``" +2 "``, ``1200`` or ``-3.5``.
    :param low: the smallest number allowed; :param high: the largest.
    :returns: the number as a float.
    :raises InvalidValue: for anything else: empty, words, ``nan``, ``inf``, booleans,
        and numbers outside ``[low, high]`` (by default ±:data:`LIMIT`).
    """
    if isinstance(value, bool) or value is None:
        raise InvalidValue(f"expected a number, got {value!r}")
    if isinstance(value, int | float):
        try:
            number = float(value)
        except OverflowError:  # an int beyond the floats (10**400)
            raise InvalidValue(f"expected a number from {format_number(low)} to "
                               f"{format_number(high)}, got {value!r:.40}") from None
    elif isinstance(value, str):
        text = value.strip()
        if text.lower().lstrip("+-") in {"nan", "inf", "infinity"}:
            raise InvalidValue(f"expected a finite number, got {value!r}")
        if not DECIMAL.fullmatch(text):
            # float() would also take "1_000" and digits of other scripts
            raise InvalidValue(f"expected a number, got {value!r}")
        number = float(text)
    else:
        raise InvalidValue(f"expected a number, got {value!r}")
    if not math.isfinite(number):
        raise InvalidValue(f"expected a finite number, got {value!r}")
    if not low <= number <= high:
        raise InvalidValue(
            f"expected a number from {format_number(low)} to {format_number(high)}, "
            f"got {value!r}"
        )
    return number


def format_number(value: float) -> str:
    """Write a number for an HTML attribute: no exponent, no trailing ``.0``, no ``-0``.

    ``3000.0`` -> ``"3000"``, ``-0.0`` -> ``"0"``, ``1.5`` -> ``"1.5"``,
    ``1e-07`` -> ``"0.0000001"``. The result is the shortest decimal that reads back to
    the same float, so writing is deterministic and exact. It never raises: infinities
    and NaN are written as JavaScript spells them (``"Infinity"``, ``"-Infinity"``,
    ``"NaN"``), for messages; the values written into pages are finite.
    """
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "0"
    if value == int(value) and abs(value) < 2**53:
        return str(int(value))
    text = format(Decimal(repr(float(value))), "f")
    return text.removesuffix(".0")


#: Axes that move a step (px); only these take the units ``w`` and ``h``.
TRANSLATIONS: tuple[str, ...] = ("x", "y", "z")

#: An axis value: a :data:`DECIMAL` number, relative with ``r``, in deck widths or
#: heights with ``w`` or ``h``.
_VALUE = re.compile(rf"^(?P<relative>r)?(?P<number>{DECIMAL.pattern})(?P<unit>[wh])?$")


@dataclass(frozen=True)
class Value:
    """One axis as an author wrote it.

    ``number`` in px, degrees or a scale factor; ``relative``: added to the reference
    step's value (the previous step, or the ``rel-to`` step); ``unit``: ``"w"`` or
    ``"h"`` when the number counts deck widths or heights (``1.5w``), else ``""``.
    """

    number: float
    relative: bool = False
    unit: str = ""

    def resolve(self, reference: float, width: float, height: float) -> float:
        """The absolute value, given the reference step's value for this axis."""
        factor = {"w": width, "h": height}.get(self.unit, 1.0)
        number = self.number * factor
        return reference + number if self.relative else number


def parse_value(value: object, axis: str) -> Value:
    """Read one axis: ``1200``, ``-3.5``, ``r+1000``, ``r-500``, ``r1000`` (hovercraft's
    spelling of ``r+1000``), ``1.5w``, ``-2h``, ``r+0.5w``.

    ``r`` makes the value relative: it is added to the reference step's value, so for
    ``scale`` ``r+1`` means one more than the reference step's scale, and for rotations
    a number of degrees more. ``w`` and ``h`` count the deck's width and height and are
    for ``x``, ``y`` and ``z`` only.

    :raises InvalidValue: for anything else, an absolute scale that is not greater
        than 0 (:func:`check_scale`), and other numbers beyond :data:`LIMIT`; an
        absolute scale may be any positive finite factor.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = repr(value)
    elif isinstance(value, str):
        text = value.strip().replace(" ", "")
    else:
        raise InvalidValue(f"expected a number, got {value!r}")
    match = _VALUE.match(text)
    if match is None:
        if axis in TRANSLATIONS:
            kinds = (
                "a number, r+number (relative to the previous step) or a number of w or "
                "h (deck widths or heights)"
            )
        else:
            kinds = "a number or r+number (relative to the previous step)"
        raise InvalidValue(f"expected {kinds}, got {value!r}")
    relative, unit = bool(match["relative"]), match["unit"] or ""
    if unit and axis not in TRANSLATIONS:
        raise InvalidValue(f"{axis} takes no unit, got {value!r}")
    if axis == "scale" and not relative:
        number = parse_number(match["number"], -math.inf, math.inf)
        problem = check_scale(number)
        if problem:
            raise InvalidValue(problem)
    else:
        number = parse_number(match["number"])
    return Value(number, relative, unit)


def parse_flag(value: object) -> bool:
    """Read a yes/no option: ``None`` (not given) is no; an empty value (a flag written
    alone) is yes; also ``yes``/``no``, ``true``/``false``, ``on``/``off``, ``1``/``0``.

    :raises InvalidValue: for anything else.
    """
    if value is None or isinstance(value, bool):
        return bool(value)
    text = str(value).strip().lower()
    if text in ("", "yes", "true", "1", "on"):
        return True
    if text in ("no", "false", "0", "off"):
        return False
    raise InvalidValue(f"expected yes or no, got {value!r}")


