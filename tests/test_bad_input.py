"""Bad input from an author: a located, typed warning for each fault, a safe value for
that step, and the rest of the deck built."""

from __future__ import annotations

from helpers import by_id, located_warnings, soup, steps, warning_lines

#: (line, subtype, words of the message) for every fault in test-bad/index.rst.
EXPECTED_WARNINGS = [
    (1, "impress.config", "impress_width: expected a number, got 'wide'"),
    (3, "impress.config", "unknown deck setting 'impress_colour'"),
    (8, "impress.value", "invalid step option 'x'"),
    (8, "impress.value", "invalid step option 'scale'"),
    (18, "impress.value", "invalid step option 'rotate-order'"),
    (18, "impress.step", "'rotate' and 'rotate-z' both set"),
    (37, "impress.duplicate_id", "step id 'same' is already used"),
    (45, "impress.id", "step id 'has space' cannot be used"),
    (45, "impress.option", "unknown step option 'colour'"),
    (45, "impress.value", "invalid step option 'transition-duration'"),
    (45, "impress.value", "invalid step option 'autoplay'"),
    (56, "impress.id", "step id '\"><script>alert(1)</script>' cannot be used"),
    (66, "impress.id", "step id '2024' cannot be used"),
    (66, "impress.value", "invalid step option 'x': expected a number, r+number"),
    (66, "impress.value", "invalid step option 'y': expected a number, r+number"),
    (79, "impress.step", "more than one step directive sets this slide"),
    # every axis of "Huge" was invalid, so it falls back to the place of "Digits"
    (87, "impress.overlap", "this step sits exactly where step 7 sits"),
    (97, "impress.reference", "the link to '#no-such-step' leads nowhere"),
    (97, "impress.reference", "the link to '#/neither' leads nowhere"),
    (87, "impress.value", "invalid step option 'z': expected a number from -10000000 to"),
    (87, "impress.value", "invalid step option 'scale': a scale must be greater than 0, got -2"),
    (87, "impress.value", "invalid step option 'x': expected a number from -10000000 to"),
]

def _warnings(app):
    found = located_warnings(app, "index.rst")
    assert len(found) == len(warning_lines(app)), "a warning without file, line or type"
    return found


def test_every_fault_is_a_located_typed_warning(build):
    app = build("bad")
    found = _warnings(app)
    assert len(found) == len(EXPECTED_WARNINGS), "\n".join(map(str, found))
    for (line, subtype, words), (got_line, got_type, text) in zip(
        sorted(EXPECTED_WARNINGS), found, strict=True
    ):
        assert (got_line, got_type) == (line, subtype), text
        assert words in text


def test_deck_still_built_with_safe_values(build):
    app = build("bad")
    page = soup(app.outdir / "index.html")
    found = by_id(page)
    assert list(found) == [
        "bad-input",
        "order",
        "same",
        "duplicate-two",
        "spaces",
        "injection",
        "digits",
        "twice",
        "huge",
        "links",
    ]
    bad = found["bad-input"].numbers
    assert (bad["data-x"], bad["data-y"], bad["data-scale"]) == (0, 100, 1)
    order = found["order"]
    assert order.attributes["data-rotate-order"] == "xyz"
    assert order.numbers["data-rotate-z"] == 20
    assert "data-transition-duration" not in found["spaces"].attributes
    assert "data-autoplay" not in found["spaces"].attributes
    digits = found["digits"].numbers
    assert (digits["data-x"], digits["data-y"]) == (0, 0)
    twice = found["twice"].numbers
    assert (twice["data-x"], twice["data-y"]) == (5, 7)
    huge = found["huge"].numbers
    assert (huge["data-x"], huge["data-z"], huge["data-scale"]) == (0, 0, 1)
    links = [a["href"] for a in found["links"].element.find_all("a")]
    assert links == ["#no-such-step", "#/neither", "#order", "#huge"]
    # nothing the author wrote is lost
    text = page.get_text()
    for words in ("Words stay.", "Text of order.", "First with the id.", "Second with the id.",
                  "Text of spaces.", "Text of injection.", "Text of digits.", "Text of twice.",
                  "Text of huge."):
        assert words in text
    # the front matter's valid setting is used, the invalid one falls back
    impress = page.select_one("#impress")
    assert float(impress["data-height"]) == 900
    assert float(impress["data-width"]) == 1920


def test_attribute_values_cannot_inject_markup(build):
    app = build("bad")
    page = soup(app.outdir / "index.html")
    injection = by_id(page)["injection"]
    assert injection.classes == ["step", '"><script>alert(2)</script>', "ok-class"]
    assert injection.attributes["data-note"] == '"><b>bold</b>'
    assert page.select("#impress script") == []
    assert page.select("#impress b") == []
    assert len(steps(page)) == 10


def test_warnings_can_be_suppressed_by_subtype(build):
    app = build(
        "bad",
        confoverrides={
            "suppress_warnings": [
                "impress.value",
                "impress.id",
                "impress.option",
                "impress.step",
                "impress.duplicate_id",
                "impress.overlap",
                "impress.reference",
            ]
        },
    )
    assert [subtype for _, subtype, _ in _warnings(app)] == ["impress.config"] * 2


def test_bad_conf_values_fall_back_to_defaults(build):
    app = build(
        "steps",
        confoverrides={"impress_width": -5, "impress_css_files": [""]},
    )
    text = app.warning.getvalue()
    # values given with -D (confoverrides) are in no line of conf.py: the message says so
    assert "WARNING: impress_width (given with -D): must be greater than 0" in text
    assert "WARNING: impress_css_files (given with -D): must hold non-empty strings" in text
    assert text.count("[impress.config]") == 2
    impress = soup(app.outdir / "index.html").select_one("#impress")
    assert float(impress["data-width"]) == 1920


def test_document_with_only_a_step_directive(build):
    app = build("edge")
    empty = [line for line in warning_lines(app) if "[impress.empty]" in line]
    assert len(empty) == 2
    assert "only-a-step.md:1: WARNING: this step directive has no slide to set" in empty[0]
    assert "only-a-step.md:1: WARNING: this document has no slide to present" in empty[1]
    page = soup(app.outdir / "only-a-step.html")
    assert steps(page) == []
    lead = steps(soup(app.outdir / "lead.html"))
    assert [s.id for s in lead] == ["step-1", "a-slide"]
    assert lead[0].element.get_text(strip=True) == "A paragraph before any heading."


def test_content_before_the_first_section_is_not_wrapped_in_docs_pages(build):
    app = build("edge", "html")
    paragraph = soup(app.outdir / "lead.html").find("p", string="A paragraph before any heading.")
    assert paragraph.parent.name == "div"
    assert "body" in paragraph.parent["class"]
    assert paragraph.find_previous_sibling("span")["id"] == "step-1"


def test_front_matter_path_layout_without_path(build):
    app = build("edge")
    assert any(
        line.endswith(
            "bad-layout.md:3: WARNING: impress_layout: a path layout needs SVG path data; "
            "the conf.py layout is used [impress.config]"
        )
        for line in warning_lines(app)
    )
    found = steps(soup(app.outdir / "bad-layout.html"))
    assert [(s.numbers["data-x"], s.numbers["data-y"]) for s in found] == [(0, 0), (2400, 0)]


def test_a_d_value_sphinx_ignores_leaves_the_blame_on_conf_py(make_app, tmp_path):
    app_src = tmp_path / "src"
    app_src.mkdir()
    (app_src / "index.md").write_text("# Title\n\nText.\n")
    (app_src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\nimpress_width = -5\n'
    )
    app = make_app("impress", srcdir=app_src, confoverrides={"impress_width": "abc"})
    app.build()
    text = app.warning.getvalue()
    assert "invalid number 'abc'" in text  # Sphinx ignores the -D value
    assert f"{app_src / 'conf.py'}:2: WARNING: impress_width in conf.py: must be greater" in text
    assert "given with -D" not in text
