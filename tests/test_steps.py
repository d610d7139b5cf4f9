"""The impress builder on decks written in MyST and in reST: steps, ids, positions,
headings and deck settings, read back from the HTML as numbers."""

from __future__ import annotations

import math

import pytest
from helpers import STEP_AXES, by_id, root, soup, steps, warning_lines

#: What the "steps" and "rst" test roots must both produce, in order:
#: id -> (x, y, z, scale, rotate-x, rotate-y, rotate-z).
EXPECTED = {
    "opening": (-1000, 0, 0, 2, 0, 0, 0),
    "absolute": (1200, -340.5, 10, 1, 15, -20, 45),
    # a subsection of a top-level section is a slide; placed after a rotated step
    "a-heading-inside": (1200 + math.hypot(1920, 1080) / 2 + 480 + 960, -340.5, 10, 1, 0, 0, 0),
    "mixed_case_id": (3000, 0, 0, 1.5, 0, 0, 0),
    # no step directive: to the right of the previous step, clear of its 1.5 scale
    "unplaced": (3000 + 1440 + 480 + 960, 0, 0, 1, 0, 0, 0),
    "part-with-subsections": (0, 2000, 0, 1, 0, 0, 0),
    "sub-one": (2400, 2000, 0, 1, 0, 0, 0),
    "sub-two": (1500, 2000, 0, 1, 0, 0, 0),
    "loose": (5000, 5000, 0, 1, 0, 0, 0),
}


@pytest.mark.parametrize("testroot", ["steps", "rst"])
def test_steps_ids_and_positions(build, testroot):
    app = build(testroot)
    assert app.warning.getvalue() == ""
    page = soup(app.outdir / "index.html")
    found = steps(page)
    assert [step.id for step in found] == list(EXPECTED)
    for step in found:
        numbers = tuple(step.numbers[axis] for axis in STEP_AXES)
        assert numbers == pytest.approx(EXPECTED[step.id], abs=1e-6), step.id
    # steps are direct children of the root, never nested
    assert all(step.element.parent is root(page) for step in found)
    assert not any(step.element.find_parent(class_="step") for step in found)


@pytest.mark.parametrize("testroot", ["steps", "rst"])
def test_step_options(build, testroot):
    app = build(testroot)
    page = soup(app.outdir / "index.html")
    found = by_id(page)
    assert found["opening"].classes == ["step", "intro", "wide"]
    absolute = found["absolute"].attributes
    assert absolute["data-rotate-order"] == "zyx"
    assert float(absolute["data-transition-duration"]) == 2000
    assert float(absolute["data-autoplay"]) == 3
    assert absolute["data-goto-next"] == "mixed_case_id"
    assert found["mixed_case_id"].attributes["data-custom-thing"] == "hello"
    assert found["sub-one"].attributes["data-rotate-order"] == "xyz"
    assert "data-autoplay" not in found["sub-one"].attributes
    # the in-deck link points at the author's id, kept exactly
    links = [a["href"] for a in found["absolute"].element.find_all("a")]
    assert links == ["#opening"]
    assert "without a heading" in found["loose"].element.get_text()


@pytest.mark.parametrize("testroot", ["steps", "rst"])
def test_root_attributes_and_front_matter(build, testroot):
    app = build(testroot)
    page = soup(app.outdir / "index.html")
    element = root(page)
    numbers = {
        name: float(element[name])
        for name in (
            "data-width",
            "data-height",
            "data-max-scale",
            "data-min-scale",
            "data-perspective",
            "data-transition-duration",
        )
    }
    assert numbers == {
        "data-width": 1920,
        "data-height": 1080,
        "data-max-scale": 3,
        "data-min-scale": 0,
        "data-perspective": 2000,  # front matter
        "data-transition-duration": 500,  # front matter
    }
    body = page.body
    assert body["class"] == ["impress-not-supported"]
    scripts = [s["src"].split("?")[0] for s in page.find_all("script")]
    assert scripts == [
        "_static/impressjs/impress.min.js",
        "_static/documentation_options.js",
        "_static/impress-nearby.js",
        "_static/impress-fit.js",
        "_static/impress-init.js",
    ]
    # scripts come after the root, at the end of body
    assert all(s.parent is body for s in page.find_all("script"))
    last_tags = [c for c in body.children if getattr(c, "name", None)]
    assert [t.name for t in last_tags[-6:]] == ["script"] * 5 + ["div"]
    assert last_tags[-1]["id"] == "sphinx-impress-end"
    # every script a page loads is in the output
    assert all((app.outdir / src).is_file() for src in scripts)
    assert page.html["lang"] == "en"


def test_heading_levels(build):
    app = build("steps")
    found = by_id(soup(app.outdir / "index.html"))
    for step in found.values():
        first = step.element.find(["h1", "h2", "h3", "h4", "h5", "h6"])
        if step.id == "loose":
            assert first is None
        else:
            assert first.name == "h1", step.id
    inner = found["a-heading-inside"].element.find("h2")
    assert inner is not None and inner.get_text(strip=True) == "A deeper heading"
    # no permalink signs in a presentation
    assert not found["opening"].element.select("a.headerlink")


def test_same_level_headings_and_lead_content(build):
    app = build("flat")
    lead = steps(soup(app.outdir / "index.html"))
    assert [s.id for s in lead] == ["step-1", "one", "one-point-one", "two"]
    assert "Words before the first heading" in lead[0].element.get_text()
    assert lead[2].element.find("h2").get_text(strip=True) == "Not a slide"
    assert [s.title for s in lead[1:]] == ["One", "One point one", "Two"]
    same = steps(soup(app.outdir / "same-level.html"))
    assert [s.id for s in same] == ["alpha", "beta", "gamma"]
    assert [s.numbers["data-y"] for s in same] == [50, 50, 50]
    xs = [s.numbers["data-x"] for s in same]
    assert xs[0] < xs[1] < xs[2]


def test_entry_point_without_extension_in_conf(build):
    app = build("noext")
    assert app.warning.getvalue() == ""
    found = steps(soup(app.outdir / "index.html"))
    assert [s.id for s in found] == ["plain-rest", "first-slide"]


def test_no_search_index_or_general_index(build):
    app = build("steps")
    for name in ("search.html", "genindex.html", "searchindex.js", "_sources"):
        assert not (app.outdir / name).exists(), name
    assert (app.outdir / "_static" / "impressjs" / "impress.min.js").is_file()
    assert (app.outdir / "_static" / "impressjs" / "LICENSE").is_file()


def test_other_extensions_inside_slides(build):
    app = build("extensions")
    # math is MathML (no MathJax from the network); the remote image is said, at its line
    warnings = warning_lines(app)
    assert len(warnings) == 1
    assert "index.md:28: WARNING: this presentation loads https://" in warnings[0]
    assert "mathjax" not in warnings[0].lower()
    assert warnings[0].endswith("[impress.offline]")
    found = by_id(soup(app.outdir / "index.html"))
    assert found["a-todo"].element.select_one(".admonition-todo") is not None
    # the todolist's copy of the todo, resolved through a fragment document
    assert "Rehearse the talk." in found["all-todos"].element.get_text()
    assert found["math"].element.select_one("math") is not None
    assert found["code"].element.select_one(".highlight-python .k") is not None
    assert "remote.example/logo.png" in warnings[0]
    image = found["image"].element.find("img")
    assert image["src"] == "_images/square.svg"
    assert (app.outdir / "_images" / "square.svg").is_file()



def test_docs_settings_do_not_leak_into_presentations(build):
    app = build("docsconf")
    assert warning_lines(app) == []
    page = soup(app.outdir / "index.html")
    assert page.body["class"] == ["impress-not-supported"]
    styles = [link["href"].split("?")[0] for link in page.find_all("link", rel="stylesheet")]
    assert styles == [
        "_static/pygments.css",
        "_static/impress-theme.css",
        "_static/impress-print.css",
        "_static/deck.css",
        "index.impress.css",
    ]
    scripts = [script["src"].split("?")[0] for script in page.find_all("script")]
    assert scripts == [
        "_static/impressjs/impress.min.js",
        "_static/documentation_options.js",
        "_static/deck.js",
        "_static/impress-nearby.js",
        "_static/impress-fit.js",
        "_static/impress-init.js",
    ]
    docs = build("docsconf", "html")
    assert soup(docs.outdir / "index.html").body["class"] == ["docs-page"]


def test_make_mode(rootdir, tmp_path):
    import shutil
    import subprocess
    import sys

    shutil.copytree(rootdir / "test-noext", tmp_path / "src")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-M", "impress", "src", "out", "-q"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    found = steps(soup(tmp_path / "out" / "impress" / "index.html"))
    assert [s.id for s in found] == ["plain-rest", "first-slide"]


def test_rebuild_into_a_folder_inside_the_sources(rootdir, tmp_path):
    """A talk folder built into its own _build, twice, with no exclude_patterns: the
    output (impress.js's notes among it) is not read back as sources."""
    import shutil
    import subprocess
    import sys

    shutil.copytree(rootdir / "test-steps", tmp_path / "talk")
    command = [sys.executable, "-m", "sphinx", "-b", "impress", "-q", ".", "_build"]
    for _ in range(2):
        result = subprocess.run(command, cwd=tmp_path / "talk", capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
    assert sorted(p.name for p in (tmp_path / "talk" / "_build").glob("*.html")) == ["index.html"]


def test_missing_impress_js_file_is_reported(build):
    app = build("docsconf", confoverrides={"impress_js_files": ["deck.js", "missing.js"]})
    assert warning_lines(app) == [
        "WARNING: impress_js_files: 'missing.js' is in no folder of html_static_path, "
        "so presentation pages would load a file that does not exist [impress.config]"
    ]


def test_headings_inside_step_directives_are_headings_in_presentations(build):
    """A step directive's content holds no sections: its headings are rubrics, written
    in a presentation as the slide's h1 (the first) and h2 (the others)."""
    app = build("rubrics")
    found = by_id(soup(app.outdir / "index.html"))
    assert [(h.name, h.get_text()) for h in found["a"].element.select(".rubric")] == [
        ("h1", "Slide title"), ("h2", "Sub")
    ]
    assert [(h.name, h.get_text()) for h in found["b"].element.select(".rubric")] == [
        ("h2", "Late heading")
    ]
    page = soup(build("rubrics", "html").outdir / "index.html")
    assert [p.name for p in page.select(".rubric")] == ["p", "p", "p"]


def test_impress_step_is_the_step_directive(build):
    # for projects where another extension has a `step` directive (sphinx-design 0.8)
    app = build("alias")
    assert warning_lines(app) == []
    found = by_id(soup(app.outdir / "index.html"))
    assert list(found) == ["opening", "second"]
    assert found["opening"].numbers["data-x"] == 5000
    assert found["opening"].numbers["data-scale"] == 2
    assert found["second"].numbers["data-y"] == 800
    assert found["second"].numbers["data-x"] == 5000  # relative: from the previous step
    found = by_id(soup(app.outdir / "other.html"))
    assert found["rst-opening"].numbers["data-x"] == -3000
    assert [step.numbers["data-rotate-z"] for step in found.values()] == [0, 45]
