"""The colours a step background draws and the theme's text colours that read on
them (sphinx_impress.core.colours): every CSS colour syntax the ``background`` option
takes, gradients by their stops and what lies between, partly transparent colours,
and the problems that become ``impress.contrast`` warnings. Chromium's own drawing of
the same backgrounds is measured in tests/browser/test_backgrounds.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sphinx_impress.core.colours import (
    AA_CONTRAST,
    DARK,
    LIGHT,
    TEXT_COLOURS,
    UnknownColour,
    colours_of,
    contrast,
    relative_luminance,
    text_colours,
)
from sphinx_impress.core.options import NAMED_COLOURS, parse_background

THEME_CSS = (
    Path(__file__).parents[1]
    / "sphinx_impress" / "html" / "themes" / "impress" / "static" / "impress-theme.css"
)


def test_wcag_luminance_and_contrast():
    assert relative_luminance(0, 0, 0) == 0
    assert relative_luminance(1, 1, 1) == pytest.approx(1)
    assert contrast(1, 0) == pytest.approx(21)
    assert contrast(0.2, 0.2) == 1
    # #767676 on white is the usual example of 4.54:1
    grey = relative_luminance(*(0x76 / 255,) * 3)
    assert contrast(1, grey) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(
    ("css", "rgb"),
    [
        ("navy", (0, 0, 128)),
        ("NAVY", (0, 0, 128)),
        ("#1d3557", (0x1D, 0x35, 0x57)),
        ("#fff", (255, 255, 255)),
        ("rgb(20 30 50)", (20, 30, 50)),
        ("rgb(20, 30, 50)", (20, 30, 50)),
        ("rgba(100%, 0%, 0%, 0.5)", (255, 0, 0)),
        ("hsl(220 50% 20%)", (26, 43, 77)),
        ("hsla(0, 100%, 50%, 1)", (255, 0, 0)),
        ("hwb(0 0% 0%)", (255, 0, 0)),
        ("lab(0% 0 0)", (0, 0, 0)),
        ("lch(100% 0 0)", (255, 255, 255)),
        ("oklab(1 0 0)", (255, 255, 255)),
        ("oklch(0 0 0)", (0, 0, 0)),
        ("color(srgb 1 0 0)", (255, 0, 0)),
        ("color(display-p3 0 1 0)", (0, 255, 0)),  # clipped to sRGB, as Chromium draws it
        ("color-mix(in srgb, black, white)", (128, 128, 128)),
        ("color-mix(in srgb, red 25%, blue)", (64, 0, 191)),
    ],
)
def test_every_colour_syntax_is_read(css, rgb):
    (colour,) = colours_of(css)
    assert tuple(round(channel * 255) for channel in colour[:3]) == rgb


def test_every_named_colour_is_read():
    for name in NAMED_COLOURS - {"currentcolor"}:
        assert len(colours_of(name)) == 1, name


def test_alpha_is_kept():
    assert colours_of("rgba(0, 0, 0, 0.5)")[0][3] == pytest.approx(0.5)
    assert colours_of("transparent")[0][3] == 0
    # percentages that add up to less than 100% make the mix that much transparent
    assert colours_of("color-mix(in oklab, red 30%, blue 30%)")[0][3] == pytest.approx(0.6)


def test_a_gradient_is_sampled_between_its_stops():
    colours = colours_of("linear-gradient(90deg, #000 0%, #fff 100%)")
    luminances = [relative_luminance(*colour[:3]) for colour in colours]
    assert luminances[0] == 0 and luminances[-1] == pytest.approx(1)
    assert luminances == sorted(luminances) and len(set(luminances)) == len(luminances)
    # direction, shape, position, hints and interpolation words are not colours
    colours = colours_of(
        "radial-gradient(circle at center in oklch longer hue, red 10%, 30%, blue 50% 60%)"
    )
    assert colours[0][:3] == (1, 0, 0) and colours[-1][:3] == (0, 0, 1)


@pytest.mark.parametrize(
    "css", ["currentcolor", "linear-gradient(to right)", "color-mix(in nowhere, red, blue)",
            "rgb(1 2)", "conic-gradient(from 0deg, red, currentColor)"],
)
def test_colours_that_cannot_be_known(css):
    with pytest.raises(UnknownColour):
        colours_of(css)


def test_the_text_colours_are_the_theme_s():
    """The colours judged here are the custom properties of impress-theme.css."""
    css = THEME_CSS.read_text(encoding="utf-8")
    blocks = {
        LIGHT: css.split("#impress .step.impress-step-light {", 1)[1].split("}", 1)[0],
        DARK: css.split("#impress .step.impress-step-dark {", 1)[1].split("}", 1)[0],
    }
    names = {"text": "fg", "muted text": "muted", "headings": "accent", "links": "link"}
    for css_class, roles in TEXT_COLOURS.items():
        for role, colour in roles.items():
            found = re.search(rf"--impress-{names[role]}:\s*(#[0-9a-f]+);", blocks[css_class])
            assert found is not None and found.group(1) == colour, (css_class, role)


@pytest.mark.parametrize(
    ("css", "css_class"),
    [
        ("navy", DARK), ("hsl(220 50% 20%)", DARK), ("#1d3557", DARK), ("rgb(20 30 50)", DARK),
        ("hwb(220 5% 75%)", DARK), ("lab(15% 10 -30)", DARK), ("oklch(0.3 0.1 250)", DARK),
        ("color(display-p3 0.1 0.1 0.3)", DARK), ("color-mix(in srgb, navy 80%, black)", DARK),
        ("linear-gradient(navy, #112233)", DARK), ("#f1faee", LIGHT), ("ivory", LIGHT),
        ("lch(97% 5 90)", LIGHT), ("radial-gradient(white, #eef)", LIGHT),
        ("rgba(255, 255, 255, 0.95)", LIGHT),
    ],
)
def test_the_set_that_reads_is_chosen_without_a_problem(css, css_class):
    chosen = text_colours(css, None, set())
    assert chosen.css_class == css_class
    assert chosen.problem is None


def test_a_background_no_set_reads_on_is_a_problem():
    chosen = text_colours("linear-gradient(90deg, #000 0%, #fff 100%)", None, set())
    assert chosen.css_class in (DARK, LIGHT)
    assert chosen.problem is not None
    assert "under the 4.5:1 of WCAG 2.2 AA" in chosen.problem
    assert re.search(r"contrast of 1\.\d\d:1", chosen.problem)
    assert text_colours("red", None, set()).problem is not None
    # the author's class is kept, and judged
    given = text_colours("navy", None, {LIGHT})
    assert given.css_class is None and "impress-step-light (given)" in given.problem
    assert text_colours("navy", None, {DARK}) == text_colours("ivory", None, {LIGHT})


def test_what_cannot_be_known_names_the_classes_unless_one_is_given():
    for css, image in (("currentcolor", None), (None, "images/harbour.jpg")):
        chosen = text_colours(css, image, set())
        assert chosen.css_class is None
        assert DARK in chosen.problem and LIGHT in chosen.problem
        assert text_colours(css, image, {DARK}).problem is None
    # nothing drawn: the theme's own page and text colours
    assert text_colours("transparent", None, set()).problem is None


def test_every_background_the_option_takes_can_be_judged():
    """No value parse_background takes raises anything but UnknownColour."""
    for css in ["hsla(1 2% 3% / 4%)", "color(rec2020 0.1 0.2 0.3)", "lch(50 20 30deg)",
                "repeating-conic-gradient(red 0 10%, navy 10% 20%)", "rgb(none 0 0)"]:
        background = parse_background(css)
        chosen = text_colours(background.css, background.image, set())
        assert chosen.css_class in (DARK, LIGHT)
    assert AA_CONTRAST == 4.5
