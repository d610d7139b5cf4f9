"""How steps look, as written in the pages: the step options fit, center and
background, the deck settings impress_fit, impress_fit_min, impress_center and
impress_theme, the generated style sheet that replaces every style attribute, and the
step source map beside each presentation."""

from __future__ import annotations

import json
import re

import pytest
from helpers import by_id, root, soup, steps, warning_lines

from sphinx_impress.core.options import Background, parse_background, parse_step_options
from sphinx_impress.errors import InvalidValue
from sphinx_impress.html.stylesheet import (
    GeneratedStyles,
    css_identifier,
    css_string,
    split_declarations,
)

# ---- the pure parts --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("#1d3557", Background(css="#1d3557")),
        ("  navy ", Background(css="navy")),
        ("rgb(20 30 50 / 50%)", Background(css="rgb(20 30 50 / 50%)")),
        ("linear-gradient(90deg, red, blue)", Background(css="linear-gradient(90deg, red, blue)")),
        ("images/backdrop.png", Background(image="images/backdrop.png")),
        ("/shared/photo.JPG", Background(image="/shared/photo.JPG")),
    ],
)
def test_background_values(written, expected):
    assert parse_background(written) == expected


@pytest.mark.parametrize(
    "written",
    ["", "   ", "blu", "https://example.org/x.png", "//cdn/x.png", "data:image/png;base64,AA",
     "rgb(1; 2; 3)", "url(x.png)", "rgb(1, 2, 3", "a file.png", 'rgb("1")'],
)
def test_bad_background_values(written):
    with pytest.raises(InvalidValue):
        parse_background(written)


def test_a_background_cut_at_a_myst_comment_says_to_quote_it():
    with pytest.raises(InvalidValue, match=r"not closed \(in MyST, quote a value with a #"):
        parse_background("linear-gradient(90deg,")


def test_look_options_are_read_and_merged():
    options, problems = parse_step_options({"fit": "no", "center": None, "background": "teal"})
    assert problems == []
    assert (options.fit, options.center, options.background) == (False, True, Background(css="teal"))
    later, _ = parse_step_options({"background": "img/a.png"})
    merged = options.merged(later)
    assert merged.fit is False and merged.background == Background(image="img/a.png")
    _, problems = parse_step_options({"fit": "sometimes"})
    assert [problem.kind for problem in problems] == ["value"]


def test_style_declarations_are_split_and_checked():
    assert split_declarations('width: 4em; background: url("a;b.png") ; ') == [
        "width: 4em", 'background: url("a;b.png")',
    ]
    for bad in ("color: red } body { color: blue", "width: 4em; <script>", "a: (b"):
        with pytest.raises(ValueError):
            split_declarations(bad)


def test_generated_classes_are_named_by_their_declarations():
    styles = GeneratedStyles()
    first = styles.class_for("width: 460px;")
    assert first == styles.class_for(" width: 460px ")
    assert first != styles.class_for("width: 461px")
    assert re.fullmatch(r"impress-css-[0-9a-f]{10}", first)
    text = styles.text("index.html")
    assert f".{first} {{\n    width: 460px !important;\n}}" in text


def test_css_escapes():
    assert css_identifier("intro") == "intro"
    assert css_identifier("2nd") == "\\32 nd"
    assert css_identifier("a.b:c") == "a\\.b\\:c"
    assert css_string('a"b\\c\nd') == '"a\\"b\\\\c\\a d"'


# ---- builds ------------------------------------------------------------------------------


def _generated(app, docname="index"):
    return (app.outdir / f"{docname}.impress.css").read_text(encoding="utf-8")


def test_no_style_attribute_and_no_inline_style(build):
    app = build("strict")
    page = soup(app.outdir / "index.html")
    assert page.select("[style]") == []
    assert page.find("style") is None
    links = [link["href"] for link in page.find_all("link", rel="stylesheet")]
    assert links[-1] == "index.impress.css"
    rules = _generated(app)
    assert "#impress {\n    --impress-width: 1280px;\n    --impress-height: 720px;\n}" in rules
    assert "@page { size: 1280px 720px; margin: 0; }" in rules
    # the image's width, the figure's, the table's columns: classes with rules
    image = page.select_one("#images img[alt^='layers']")
    (name,) = [c for c in image["class"] if c.startswith("impress-css-")]
    assert f".{name} {{\n    width: 420px !important;\n}}" in rules
    columns = page.select("#a-table col")
    assert all(any(c.startswith("impress-css-") for c in col["class"]) for col in columns)


def test_look_classes_and_backgrounds(build):
    app = build("look")
    found = by_id(soup(app.outdir / "index.html"))
    assert found["long-code"].classes == ["step"]  # fitted as the deck says: no class
    assert found["not-fitted"].classes == ["step", "impress-no-fit"]
    assert found["short-and-centred"].classes == [
        "step", "impress-step-dark", "impress-center",
    ]
    assert found["on-a-picture"].classes == ["step", "impress-step-dark"]
    attributes = root(soup(app.outdir / "index.html")).attrs
    assert attributes["data-sphinx-impress-fit"] == "yes"
    assert attributes["data-sphinx-impress-fit-min"] == "0.1"
    rules = _generated(app)
    assert "#impress #short-and-centred {\n    background: #1d3557 !important;\n}" in rules
    assert 'background-image: url("_images/backdrop.png") !important;' in rules
    assert (app.outdir / "_images" / "backdrop.png").is_file()
    # the background image is not an <img> of the step
    assert found["on-a-picture"].element.find("img") is None
    # the body holds the content; the notes stay outside it, last
    step = found["on-a-picture"].element
    children = step.find_all(recursive=False)
    assert [c.get("class") for c in children] == [["impress-step-body"], ["notes"]]


def test_deck_settings(build):
    app = build("look", confoverrides={"impress_fit": False, "impress_center": True})
    found = by_id(soup(app.outdir / "index.html"))
    assert found["long-code"].classes == ["step", "impress-center"]
    assert found["not-fitted"].classes == ["step", "impress-center"]  # fit: no as the deck
    assert root(soup(app.outdir / "index.html"))["data-sphinx-impress-fit"] == "no"


def test_bad_look_values_warn_at_their_line(build, tmp_path, make_app):
    from helpers import build_files, located_warnings

    app = build_files(
        make_app, tmp_path / "bad",
        {"index.md": "# Deck\n\n## One\n\n```{step}\n:background: https://x.org/a.png\n:fit: maybe\n```\n\nText.\n"},
        'extensions = ["myst_parser", "sphinx_impress"]\nimpress_fit_min = 2\nimpress_theme = "pink"\n',
    )
    lines = warning_lines(app)
    assert any("impress_fit_min" in line and "[impress.config]" in line for line in lines)
    assert any("impress_theme" in line and "[impress.config]" in line for line in lines)
    located = located_warnings(app, "index.md")
    assert [(line, kind) for line, kind, _ in located] == [(5, "impress.value"), (5, "impress.value")]
    assert "address" in located[0][2] or "address" in located[1][2]
    assert root(soup(app.outdir / "index.html"))["data-sphinx-impress-fit-min"] == "0.5"
    assert "impress-theme-light" in soup(app.outdir / "index.html").html["class"]


def test_background_in_rest_and_other_builders(build):
    app = build("look", "html")
    page = soup(app.outdir / "index.html")
    # a docs page shows no background image and keeps its content
    assert not [img for img in page.find_all("img") if "backdrop" in img.get("src", "")]
    assert "A step with a background image." in page.get_text()
    text = build("look", "text")
    assert "A step with a background image." in (text.outdir / "index.txt").read_text(encoding="utf-8")


def test_step_source_map(build):
    app = build("look")
    data = json.loads((app.outdir / "index.steps.json").read_text(encoding="utf-8"))
    assert data["document"] == "index" and data["source"] == "index.md"
    ids = [step["id"] for step in data["steps"]]
    assert ids == [s.id for s in by_id(soup(app.outdir / "index.html")).values()]
    source = (app.srcdir / "index.md").read_text(encoding="utf-8").splitlines()
    for step in data["steps"]:
        assert step["source"] == "index.md"
        assert source[step["line"] - 1].startswith(("#", "```{step}")), step


@pytest.mark.parametrize(
    ("theme", "light", "dark_file"),
    [("light", True, False), ("dark", False, False), ("auto", True, True)],
)
def test_theme_and_code_styles(build, theme, light, dark_file):
    app = build("look", confoverrides={"impress_theme": theme})
    page = soup(app.outdir / "index.html")
    assert f"impress-theme-{theme}" in page.html["class"]
    pygments = (app.outdir / "_static" / "pygments.css").read_text(encoding="utf-8")
    # a11y-light's background is #f2f2f2, a11y-dark's #2b2b2b
    assert ("#f2f2f2" in pygments) == light and ("#2b2b2b" in pygments) != light
    dark_links = page.find_all("link", href=re.compile("pygments_dark.css"))
    assert bool(dark_links) == dark_file
    if dark_file:
        assert dark_links[0]["media"] == "(prefers-color-scheme: dark)"
        assert "#2b2b2b" in (app.outdir / "_static" / "pygments_dark.css").read_text(encoding="utf-8")


def test_pygments_style_in_conf_wins(build):
    app = build("look", confoverrides={"impress_theme": "dark", "pygments_style": "friendly"})
    assert "#f0f0f0" in (app.outdir / "_static" / "pygments.css").read_text(encoding="utf-8")


# ---- the theme's files as pages load them ----------------------------------------------


def test_theme_files_are_written_compacted(build):
    from sphinx_impress.html.compact import THEME_FILES, compact_css, compact_js
    from sphinx_impress.html.themes import get_theme_path

    app = build("look")
    static = get_theme_path() / "static"
    for name in THEME_FILES:
        source = (static / name).read_text(encoding="utf-8")
        written = (app.outdir / "_static" / name).read_text(encoding="utf-8")
        compact = compact_js if name.endswith(".js") else compact_css
        assert written == compact(source)
        assert compact(written) == written  # nothing more to take away
        assert "/*" not in written and len(written) < len(source)
        # the code is kept: its brackets, semicolons and words, in order
        bare = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
        bare = "\n".join(line for line in bare.splitlines() if not line.strip().startswith("//"))
        assert re.findall(r"[{};()]|\w+", written) == re.findall(r"[{};()]|\w+", bare)


def test_compacting_keeps_code_around_comments():
    text = "a();\n    /* one\n       two */ b();\n  // gone\n\n  c(); // kept\n"
    from sphinx_impress.html.compact import compact_css, compact_js

    assert compact_js(text) == "a();\nb();\nc(); // kept\n"
    assert compact_css("p {\n  /* x */\n  color: red; /* y */\n}\n") == "p {\ncolor: red;\n}\n"


def test_backgrounds_in_every_colour_syntax_get_the_colours_that_read(build):
    app = build("backgrounds")
    problems = [line for line in warning_lines(app) if "problems.md" in line]
    others = [line for line in warning_lines(app) if "problems.md" not in line]
    assert others == []
    found = {step.id: step for step in steps(soup(app.outdir / "index.html"))}
    dark = {"named", "hsl", "hex", "rgb", "hwb", "lab", "oklch", "display-p3", "mix",
            "dark-gradient"}
    light = {"lch", "light-hex", "ivory", "light-gradient"}
    for step_id, step in found.items():
        expected = ("impress-step-dark" if step_id in dark
                    else "impress-step-light" if step_id in light else None)
        assert [c for c in step.classes if c.startswith("impress-step-")] == (
            [expected] if expected else []
        ), step_id
    # what text cannot read on, or what cannot be known, is a located warning
    located = [(int(line.split(":")[1]), line.rsplit("[", 1)[1]) for line in problems]
    assert located == [(11, "impress.contrast]"), (19, "impress.contrast]"),
                       (27, "impress.contrast]"), (44, "impress.contrast]")]
    assert "1.09:1" in problems[0] and "impress-step-dark or impress-step-light" not in problems[0]
    for line in problems[1:3]:
        assert "impress-step-dark (light text" in line and "impress-step-light (dark text" in line
    assert "impress-step-light (given)" in problems[3]
    picture = {step.id: step for step in steps(soup(app.outdir / "problems.html"))}
    assert picture["picture-with-a-class"].classes == ["step", "impress-step-light"]
