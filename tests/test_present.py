"""``sphinx-impress present`` without a browser: what SOURCE is, the warm rebuild
(only what changed is read and written, the output equals a clean build), the problems
a page shows, the pages the server sends (live script, notes only with the token), the
remote's access rules, and the command's exits. Every server binds 127.0.0.1."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from present_process import PresentProcess, write_deck

from sphinx_impress.cli.present import bind
from sphinx_impress.serve.build import LiveBuild
from sphinx_impress.serve.pages import inject, read_steps, strip_notes
from sphinx_impress.serve.server import following
from sphinx_impress.serve.source import (
    Source,
    SourceError,
    looks_like_hovercraft,
    looks_like_markpress,
    looks_like_mdpress,
    read_source,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CONF_PY = 'extensions = ["myst_parser", "sphinx_impress"]\nexclude_patterns = ["_build"]\n'


# ---- SOURCE -------------------------------------------------------------------------


def test_a_folder_with_conf_py_is_a_project(tmp_path: Path) -> None:
    (tmp_path / "conf.py").write_text(CONF_PY, encoding="utf-8")
    source = read_source(tmp_path)
    assert source.srcdir == tmp_path.resolve()
    assert source.confdir == tmp_path.resolve()
    assert not source.one_file
    assert source.confoverrides == {}


@pytest.mark.parametrize(
    ("name", "text", "file_type"),
    [
        ("talk.md", "# Talk\n\n## One\n\ntext\n", "markdown"),
        ("talk.rst", "Talk\n====\n\nOne\n---\n\ntext\n", "restructuredtext"),
        ("talk.hovercraft", "----\n\nOne\n===\n", "hovercraft"),
        ("talk.mdpress", "# One\n\n---\n\n# Two\n", "mdpress"),
        # fields before the first transition: a hovercraft deck
        (
            "deck.rst",
            ":title: Deck\n:data-transition-duration: 500\n\n----\n\nOne\n===\n",
            "hovercraft",
        ),
        # a slide field of hovercraft's after a transition
        ("deck.rst", "----\n\n:data-x: 1000\n\nOne\n===\n", "hovercraft"),
        # transitions alone are a sphinx-impress deck's separators too
        ("deck.rst", "----\n\nOne\n===\n\n----\n\nTwo\n===\n", "restructuredtext"),
        ("deck.rst", ":title: Deck\n\n----\n\nOne\n===\n", "restructuredtext"),
        # impress_* front matter is sphinx-impress's, never hovercraft's
        ("deck.rst", ":impress_width: 1280\n\n----\n\nOne\n===\n", "restructuredtext"),
        # a step directive makes it a sphinx-impress deck, whatever its fields
        (
            "deck.rst",
            ":css: deck.css\n\n----\n\nOne\n===\n\n.. step::\n   :x: 100\n",
            "restructuredtext",
        ),
        # attribute lines after the separators: an mdpress deck
        ("deck.md", "# Hello\n\n---\n= data-x='1000'\n\n# Hi\n", "mdpress"),
        # a MyST deck with step directives stays MyST
        ("deck.md", "# Hello\n\n```{step}\n:x: 0\n```\n\n---\n= data-x='1000'\n", "markdown"),
        ("talk.markpress", "# One\n\n------\n\n# Two\n", "markpress"),
        # markpress's slide attributes or options block: a markpress deck
        ("deck.md", "<!--slide-attr x=0 y=100 -->\n# One\n\n------\n\n# Two\n", "markpress"),
        ("deck.md", '<!--markpress-opt\n{"layout": "vertical"}\nmarkpress-opt-->\n# One\n', "markpress"),
        # the comment inside a paragraph is no slide attribute, nor are markpress's
        # comments shown in code
        ("deck.md", "Write <!--slide-attr x=0 --> first.\n", "markdown"),
        ("deck.md", "# Tip\n\n```md\n<!--slide-attr x=0 -->\n<!--markpress-opt\n{}\n"
         "markpress-opt-->\n```\n", "markdown"),
    ],
)
def test_one_file_type(tmp_path: Path, name: str, text: str, file_type: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (tmp_path / "images").mkdir()
    source = read_source(path)
    assert source.one_file
    assert source.file_type == file_type
    assert source.confdir is None
    settings = source.confoverrides
    assert settings["root_doc"] == path.stem
    assert settings["include_patterns"] == [name]
    assert settings["exclude_patterns"] == ["images"]
    assert settings["source_suffix"] == {path.suffix: file_type}
    assert settings["extensions"] == ["myst_parser", "sphinx_impress"]
    assert settings["myst_enable_extensions"] == ["dollarmath", "amsmath"]


def test_where_hovercraft_fields_count() -> None:
    # slide fields only open a slide: right after a transition, not under a title
    assert not looks_like_hovercraft("Title\n=====\n\n:data-x: 5\n\n----\n\nMore\n")
    assert looks_like_hovercraft(".. title:: Deck\n\n:css: deck.css\n\n----\n\nOne\n===\n")
    # a section title's underline or overline is no transition
    assert not looks_like_hovercraft("Title\n-----\n\n:data-x: 5\n\n-----\nOver\n-----\n")
    # field bodies go on over indented lines; the next field is still read
    assert looks_like_hovercraft(":author: A\n   and B\n:skip-help: true\n\n----\n\nOne\n")
    assert not looks_like_hovercraft("Just text.\n")
    assert not looks_like_hovercraft(
        ":css: a.css\n\n----\n\nOne\n===\n\n.. impress-step::\n   :x: 1\n"
    )


def test_corpus_decks_are_recognised() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpus is not there ({SHARED})")
    # hovercraft's own examples and talks all have fields only hovercraft reads; its
    # test data without any field is plain reStructuredText too (name it .hovercraft)
    fieldless = {
        "class.rst", "comment.rst", "container.rst", "include.rst", "math.rst",
        "presenter-notes.rst", "simple.rst", "table.rst",
    }
    recognised = []
    for deck in sorted((SHARED / "corpus").rglob("*.rst")):
        text = deck.read_text(encoding="utf-8", errors="replace")
        hovercraft = "hovercraft" in deck.parts or "ralphbean-presentations" in deck.parts
        if hovercraft and deck.parent.name == "test_data" and deck.name in fieldless:
            hovercraft = False
        assert looks_like_hovercraft(text) == hovercraft, deck
        if hovercraft:
            recognised.append(deck.name)
    assert len(recognised) == 12
    helloworld = SHARED / "corpus" / "mdpress-examples" / "helloworld.md"
    assert looks_like_mdpress(helloworld.read_text(encoding="utf-8"))
    readme = SHARED / "corpus" / "mdpress-examples" / "USAGE.upstream.md"
    assert not looks_like_mdpress(readme.read_text(encoding="utf-8"))
    for deck in sorted((SHARED / "corpus").rglob("*.md")):
        text = deck.read_text(encoding="utf-8", errors="replace")
        markpress = "markpress" in deck.parts and deck.name != "LICENSE.md"
        # markpress decks with neither options nor slide-attr comments are MyST decks
        # cut at their ------ lines
        if markpress and deck.parent.name == "fixtures" and deck.stem in {
            "one-slide", "three-slides", "empty-first-slide", "input",
        }:
            continue
        assert looks_like_markpress(text) == markpress, deck


def test_a_markpress_talk_presents_as_its_own_file_type(tmp_path: Path, live_build) -> None:
    if not SHARED.is_dir():
        pytest.skip(f"the shared corpus is not there ({SHARED})")
    folder = tmp_path / "talk"
    folder.mkdir()
    deck = SHARED / "corpus" / "markpress" / "vertical.md"
    talk = folder / "vertical.md"
    talk.write_text(deck.read_text(encoding="utf-8"), encoding="utf-8")
    source = read_source(talk)
    assert source.file_type == "markpress"
    live = live_build(folder, tmp_path / "out", source)
    report = live.build()
    assert report.ok, report.error
    page = BeautifulSoup((tmp_path / "out" / "vertical.html").read_text(encoding="utf-8"), "html.parser")
    found = page.select("#impress .step")
    # markpress's vertical layout: one slide per "# " heading, each 1400 px below the
    # one before (the first too: markpress moves before it places)
    headings = [h for h in deck.read_text(encoding="utf-8").splitlines() if h.startswith("# ")]
    assert len(found) == len(headings)
    assert [float(step.get("data-y", 0)) for step in found] == [1400.0 * (n + 1) for n in range(len(found))]
    # markpress's own markup is never shown
    assert "slide-attr" not in page.get_text() and "markpress-opt" not in page.get_text()


#: The review's two sphinx-impress reST decks that ``present`` once read as hovercraft
#: decks: a separator and a step directive; front matter settings and separators.
REST_DECKS = {
    "separator-and-step": (
        "=====\nTitle\n=====\n\nIntro.\n\n----\n\nPart two\n========\n\n.. step::\n"
        "   :x: 100\n\nText of part two.\n\nPart three\n==========\n\nText three.\n"
    ),
    "front-matter": (
        ":impress_width: 1280\n:impress_transition_duration: 600\n\n=======\nMy talk\n"
        "=======\n\nOpening words.\n\n----\n\nA slide without a heading.\n\n----\n\n"
        "More words, on a third slide.\n\nSecond part\n===========\n\nIts text.\n"
    ),
}


def _presentation(html: bytes | str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """The root element's ``data-*`` attributes and each step's id and text."""
    page = BeautifulSoup(html, "html.parser")
    root = page.select_one("#impress")
    assert root is not None
    data = {name: str(value) for name, value in root.attrs.items() if name.startswith("data-")}
    steps = [
        (str(step["id"]), " ".join(step.get_text(" ").split()))
        for step in page.select("#impress .step")
    ]
    return data, steps


@pytest.mark.parametrize("name", sorted(REST_DECKS))
def test_one_file_rest_deck_builds_as_sphinx_build_does(
    tmp_path: Path, live_build, name: str
) -> None:
    text = REST_DECKS[name]
    project = tmp_path / "project"
    project.mkdir()
    (project / "conf.py").write_text(CONF_PY, encoding="utf-8")
    (project / "index.rst").write_text(text, encoding="utf-8")
    clean = _clean_build(project, tmp_path / "clean")
    one = tmp_path / "one"
    one.mkdir()
    talk = one / "index.rst"
    talk.write_text(text, encoding="utf-8")
    source = read_source(talk)
    assert source.file_type == "restructuredtext"
    live = live_build(one, tmp_path / "live" / "out", source)
    report = live.build()
    assert report.ok, report.error
    assert report.problems == []
    built = (tmp_path / "live" / "out" / "index.html").read_text(encoding="utf-8")
    assert _presentation(built) == _presentation(clean["index.html"])
    data, steps = _presentation(built)
    if name == "front-matter":
        assert (data["data-width"], data["data-transition-duration"]) == ("1280", "600")
        assert len(steps) == 4
    else:
        assert [text for _, text in steps] == [
            "Title Intro.", "Part two Text of part two.", "Part three Text three.",
        ]


@pytest.mark.parametrize(
    ("name", "text", "settings"),
    [
        (
            "talk.md",
            "---\nimpress_theme: dark\nimpress_math_font: false\nimpress_width: 1280\n---\n# T\n",
            {"impress_theme": "dark", "impress_math_font": False},
        ),
        (
            "talk.rst",
            ".. a comment\n\n:impress_theme: auto\n:impress_layout_svg: no\n:title: T\n\nT\n=\n",
            {"impress_theme": "auto", "impress_layout_svg": False},
        ),
        # an invalid value is left to the build's warning; no front matter, nothing
        ("talk.md", "---\nimpress_theme: purple\n---\n# T\n", {}),
        ("talk.md", "# T\n\nimpress_theme: dark\n", {}),
        ("talk.rst", "T\n=\n\n:impress_theme: dark\n", {}),
        # css_files name files of html_static_path, which a one-file talk has not
        ("talk.md", '---\nimpress_css_files: ["a.css"]\n---\n# T\n', {}),
    ],
)
def test_a_one_file_talks_front_matter_sets_the_build(
    tmp_path: Path, name: str, text: str, settings: dict
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    overrides = read_source(path).confoverrides
    assert {key: value for key, value in overrides.items() if key.startswith("impress_")} == (
        settings
    )


def test_a_one_file_talk_chooses_its_theme(tmp_path: Path, live_build) -> None:
    talk = tmp_path / "talk" / "talk.md"
    talk.parent.mkdir()
    body = write_deck(talk, 2)
    talk.write_text("---\nimpress_theme: dark\n---\n" + body, encoding="utf-8")
    out = tmp_path / "out" / "out"
    live = live_build(talk.parent, out, read_source(talk))
    report = live.build()
    assert report.ok, report.error
    assert report.problems == []  # the front matter's theme is no unknown setting

    def theme() -> list[str]:
        page = BeautifulSoup((out / "talk.html").read_text(encoding="utf-8"), "html.parser")
        return [name for name in page.html["class"] if name.startswith("impress-theme-")]

    assert theme() == ["impress-theme-dark"]
    # a new theme in the front matter: a fresh application, every page in it
    talk.write_text("---\nimpress_theme: light\n---\n" + body, encoding="utf-8")
    report = live.build({talk.resolve()})
    assert report.ok and report.fresh
    assert report.problems == []
    assert theme() == ["impress-theme-light"]
    # another edit of the talk alone: no fresh application
    talk.write_text("---\nimpress_theme: light\n---\n" + body + "\nMore.\n", encoding="utf-8")
    report = live.build({talk.resolve()})
    assert report.ok and not report.fresh
    assert report.read == ["talk"]


def test_a_theme_in_a_projects_front_matter_is_conf_pys(tmp_path: Path, live_build) -> None:
    srcdir = _project(tmp_path / "src", {"talk": 1})
    talk = srcdir / "talk.md"
    talk.write_text("---\nimpress_theme: dark\n---\n" + talk.read_text(encoding="utf-8"))
    live = live_build(srcdir, tmp_path / "out")
    report = live.build()
    assert [(problem.location, problem.message) for problem in report.problems] == [
        (
            "talk.md:2",  # the line of the key in the front matter
            "impress_theme is a setting of the whole build, not of one deck: set it in "
            f"conf.py (front matter can set {_per_document()}) [impress.config]",
        )
    ]
    # the value conf.py gives is in effect: nothing to say
    (srcdir / "conf.py").write_text(CONF_PY + 'impress_theme = "dark"\n', encoding="utf-8")
    report = live.build({(srcdir / "conf.py").resolve()})
    assert report.ok and report.problems == []


def _per_document() -> str:
    from sphinx_impress.extension.config import ImpressConfig

    return ", ".join(
        f"impress_{field.name}"
        for field in ImpressConfig.values()
        if field.metadata["per_document"]
    )


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda p: p / "missing.md", "no such file or folder"),
        (lambda p: p, "has no conf.py"),
        (lambda p: _write(p / "notes.txt", b"text"), "not a file of slides"),
        (lambda p: _write(p / "talk.md", b"# caf\xe9\n"), "not UTF-8 text"),
    ],
)
def test_bad_source(tmp_path: Path, setup, expected: str) -> None:
    with pytest.raises(SourceError, match=expected):
        read_source(setup(tmp_path))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# ---- the warm rebuild ---------------------------------------------------------------


def _project(folder: Path, decks: dict[str, int]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.py").write_text(CONF_PY, encoding="utf-8")
    toctree = "".join(f"{name}\n" for name in decks)
    (folder / "index.md").write_text(f"# Talks\n\n```{{toctree}}\n{toctree}```\n", encoding="utf-8")
    for name, slides in decks.items():
        write_deck(folder / f"{name}.md", slides)
    return folder


def _tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` but hidden ones (the doctrees), by relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    }


def _clean_build(srcdir: Path, outdir: Path) -> dict[str, bytes]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-b",
            "impress",
            "-d",
            str(outdir / ".doctrees"),
            str(srcdir),
            str(outdir),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return _tree(outdir)


@pytest.fixture
def live_build():
    builds: list[LiveBuild] = []

    def make(srcdir: Path, outdir: Path, source: Source | None = None) -> LiveBuild:
        live = LiveBuild(source or read_source(srcdir), outdir, outdir.parent / "doctrees")
        builds.append(live)
        return live

    yield make
    for live in builds:
        live.close()


def test_rebuild_reads_and_writes_only_the_edited_deck(tmp_path: Path, live_build) -> None:
    names = [f"deck{n:02d}" for n in range(1, 21)]
    srcdir = _project(tmp_path / "src", dict.fromkeys(names, 3))
    live = live_build(srcdir, tmp_path / "out")
    first = live.build()
    assert first.ok, first.error
    assert set(first.read) == {"index", *names}
    edited = srcdir / "deck07.md"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("Text of slide 1", "New text"), encoding="utf-8"
    )
    report = live.build({edited})
    assert report.ok
    assert report.read == ["deck07"]
    # Sphinx also writes the page whose toctree lists the edited document
    assert set(report.written) - {"index"} == {"deck07"}
    assert "deck07.html" in report.changed
    assert not [
        name
        for name in report.changed
        if name.startswith("deck") and name != "deck07.html" and not name.startswith("deck07.")
    ]
    nothing = live.build()
    assert (nothing.read, nothing.written, nothing.changed) == ([], [], [])


def test_rebuilt_output_equals_a_clean_build(tmp_path: Path, live_build) -> None:
    srcdir = _project(tmp_path / "src", {"talk": 4, "other": 2})
    (srcdir / "part.md").write_text("Included text, first version.\n", encoding="utf-8")
    talk = srcdir / "talk.md"
    talk.write_text(
        talk.read_text(encoding="utf-8") + "\n## Included\n\n```{include} part.md\n```\n",
        encoding="utf-8",
    )
    (srcdir / "conf.py").write_text(CONF_PY + 'exclude_patterns += ["part.md"]\n', encoding="utf-8")
    live = live_build(srcdir, tmp_path / "live" / "out")
    assert live.build().ok
    # edit a slide, an included file, then a setting in conf.py
    talk.write_text(
        talk.read_text(encoding="utf-8").replace("Text of slide 3", "Slide three, edited"),
        encoding="utf-8",
    )
    assert live.build({talk}).ok
    (srcdir / "part.md").write_text("Included text, second version.\n", encoding="utf-8")
    report = live.build({srcdir / "part.md"})
    assert report.read == ["talk"]
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + "impress_slide_numbers = True\n", encoding="utf-8"
    )
    report = live.build({conf})
    assert report.ok
    assert report.fresh
    built = _tree(tmp_path / "live" / "out")
    clean = _clean_build(srcdir, tmp_path / "clean" / "out")
    assert sorted(built) == sorted(clean)
    differing = [name for name in clean if built[name] != clean[name]]
    assert differing == []
    page = BeautifulSoup(built["talk.html"], "html.parser")
    assert "Slide three, edited" in page.get_text()
    assert "second version" in page.get_text()


def test_a_decks_own_style_sheet_is_built_again(tmp_path: Path, live_build) -> None:
    srcdir = _project(tmp_path / "src", {"talk": 2})
    talk = srcdir / "talk.md"
    # the last page written has its own style sheets (its deck's, the math one): none
    # of them may go to other pages in the next build
    talk.write_text(
        '---\nimpress_deck_css_files: ["styles/deck.css"]\n---\n'
        + talk.read_text(encoding="utf-8") + "\nAnd {math}`x^2`.\n",
        encoding="utf-8",
    )
    sheet = srcdir / "styles" / "deck.css"
    sheet.parent.mkdir()
    sheet.write_text("h1 { color: navy; }\n", encoding="utf-8")
    live = live_build(srcdir, tmp_path / "live" / "out")
    assert live.build().ok
    assert sheet.resolve() in live.depends
    assert live.depends_on(sheet.resolve())
    sheet.write_text("h1 { color: maroon; }\n", encoding="utf-8")
    report = live.build({sheet.resolve()})
    assert report.ok
    assert report.read == ["talk"]
    assert "_static/impress-deck-files/styles/deck.css" in report.changed
    built = _tree(tmp_path / "live" / "out")
    clean = _clean_build(srcdir, tmp_path / "clean" / "out")
    assert [name for name in clean if built.get(name) != clean[name]] == []


def test_one_file_talk_builds_without_writing_into_its_folder(tmp_path: Path, live_build) -> None:
    folder = tmp_path / "talk"
    folder.mkdir()
    (folder / "img").mkdir()
    (folder / "img" / "dot.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8"
    )
    (folder / "other.md").write_text("# Not part of the talk\n", encoding="utf-8")
    talk = folder / "talk.md"
    talk.write_text(
        "# A talk\n\n## Math\n\n$$e^{i\\pi} = -1$$\n\n![a dot](img/dot.svg)\n\n"
        "```{notes}\nSay it slowly.\n```\n",
        encoding="utf-8",
    )
    before = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    live = live_build(folder, tmp_path / "out" / "out", read_source(talk))
    report = live.build()
    assert report.ok, report.error
    assert report.read == ["talk"]  # other.md is not read
    out = tmp_path / "out" / "out"
    assert (out / "talk.html").is_file()
    assert not (out / "other.html").exists()
    assert (out / "_images" / "dot.svg").is_file()
    page = BeautifulSoup((out / "talk.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("#impress .step .math")  # dollarmath is on
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*")} == before
    assert live.watched_files() >= {talk.resolve(), (folder / "img" / "dot.svg").resolve()}


def test_static_files_outside_the_project_are_watched(tmp_path: Path, live_build) -> None:
    srcdir = _project(tmp_path / "src", {"talk": 1})
    static = tmp_path / "theme" / "css"
    static.mkdir(parents=True)
    (static / "extra.css").write_text("h2 { color: red; }\n", encoding="utf-8")
    conf = srcdir / "conf.py"
    conf.write_text(
        CONF_PY + 'html_static_path = ["../theme"]\nimpress_css_files = ["css/extra.css"]\n',
        encoding="utf-8",
    )
    live = live_build(srcdir, tmp_path / "out")
    assert live.build().ok
    assert (static / "extra.css").resolve() in live.watched_files()
    (static / "extra.css").write_text("h2 { color: blue; }\n", encoding="utf-8")
    report = live.build({static / "extra.css"})
    assert report.changed == ["_static/css/extra.css"]
    assert report.read == []


def test_problems_are_filed_by_document(tmp_path: Path, live_build) -> None:
    srcdir = _project(tmp_path / "src", {"talk": 2, "other": 2})
    talk = srcdir / "talk.md"
    good = talk.read_text(encoding="utf-8")
    bad = good.replace("## Slide 2\n", "## Slide 2\n\n```{step}\n:x: 5000\n:scale: -3\n```\n")
    talk.write_text(bad, encoding="utf-8")
    live = live_build(srcdir, tmp_path / "out")
    report = live.build()
    assert report.ok
    problems = live.problems_of("talk")
    assert len(problems) == 1
    line = bad.splitlines().index("```{step}") + 1
    assert problems[0].location in {f"talk.md:{n}" for n in range(line, line + 4)}
    assert "scale" in problems[0].message
    assert "[impress.value]" in problems[0].message
    assert live.problems_of("other") == []
    # an edit of another document keeps this document's problem
    other = srcdir / "other.md"
    other.write_text(other.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    live.build({other})
    assert len(live.problems_of("talk")) == 1
    talk.write_text(good, encoding="utf-8")
    live.build({talk})
    assert live.problems_of("talk") == []


def test_a_failed_build_keeps_the_last_good_output(tmp_path: Path, live_build) -> None:
    srcdir = _project(tmp_path / "src", {"talk": 2})
    out = tmp_path / "out"
    live = live_build(srcdir, out)
    assert live.build().ok
    good = (out / "talk.html").read_bytes()
    conf = srcdir / "conf.py"
    conf.write_text(CONF_PY + "impress_width = (\n", encoding="utf-8")
    report = live.build({conf})
    assert not report.ok
    assert report.error is not None
    assert report.error.location == "conf.py"
    assert "conf.py" in report.error.message or "syntax" in report.error.message.lower()
    assert live.problems_of("talk")[0].level == "ERROR"
    assert (out / "talk.html").read_bytes() == good
    # another edit while conf.py is broken: still the error, still the last good page
    talk = srcdir / "talk.md"
    talk.write_text(
        talk.read_text(encoding="utf-8").replace("Text of slide 1", "Changed"), encoding="utf-8"
    )
    assert not live.build({talk}).ok
    assert (out / "talk.html").read_bytes() == good
    conf.write_text(CONF_PY, encoding="utf-8")
    report = live.build({conf})
    assert report.ok
    assert live.problems_of("talk") == []
    assert "Changed" in (out / "talk.html").read_text(encoding="utf-8")


def test_only_files_the_build_depends_on_call_for_a_build(tmp_path: Path, live_build) -> None:
    srcdir = _project(tmp_path / "src", {"talk": 1})
    (srcdir / "img").mkdir()
    (srcdir / "img" / "dot.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>\n")
    (srcdir / "part.md").write_text("Included.\n", encoding="utf-8")
    talk = srcdir / "talk.md"
    talk.write_text(
        talk.read_text(encoding="utf-8") + "\n![dot](img/dot.svg)\n\n```{include} part.md\n```\n",
        encoding="utf-8",
    )
    (srcdir / "conf.py").write_text(
        CONF_PY + 'exclude_patterns += ["drafts", "part.md"]\ntemplates_path = ["_templates"]\n',
        encoding="utf-8",
    )
    live = live_build(srcdir, tmp_path / "out")
    assert live.build().ok
    root = srcdir.resolve()
    for name in (
        "talk.md", "index.md", "part.md", "img/dot.svg", "conf.py",
        "new.md",  # a document to be: Sphinx finds it
        "sub/new.rst",
    ):
        assert live.depends_on(root / name), name
    for name in (
        "present.log", "x.txt", "notes.odt", "img/other.svg",
        "drafts/idea.md",  # an excluded folder
        "_templates/page.md",  # templates are no documents (and not used here)
    ):
        assert not live.depends_on(root / name), name
    assert not live.depends_on(tmp_path / "elsewhere.md")
    # while builds fail, what the last build read still counts
    conf = srcdir / "conf.py"
    conf.write_text("extensions = [\n", encoding="utf-8")
    assert not live.build({conf.resolve()}).ok
    assert live.depends_on(root / "part.md")
    assert live.depends_on(root / "img" / "dot.svg")
    assert not live.depends_on(root / "present.log")


def test_a_one_file_talk_depends_on_its_file_not_its_folder(tmp_path: Path, live_build) -> None:
    talk = tmp_path / "talk" / "talk.md"
    talk.parent.mkdir()
    write_deck(talk, 2)
    live = live_build(talk.parent, tmp_path / "out" / "out", read_source(talk))
    assert live.build().ok
    assert live.depends_on(talk.resolve())
    assert not live.depends_on(talk.parent.resolve() / "other.md")
    assert not live.depends_on(talk.parent.resolve() / "present.log")


# ---- pages ---------------------------------------------------------------------------

PAGE = """<html><head><title>T</title></head><body>
<div id="impress">
<div class="step" id="one" data-goto-next="three"><h1>One<a class="headerlink">x</a></h1>
<p>shown</p><div class="notes"><p>secret <b>one</b></p>
<div class="admonition"><p>deep</p></div></div></div>
<div class="step skip" id="two"><h2>Two</h2><div class="notes" id="n2"><p>secret two</p></div></div>
<div class="step" id="three"><h2>Three &amp; more</h2><img src="a.png"><p>last</p></div>
</div>
<script src="_static/impress-init.js?v=1"></script>
</body></html>"""


def test_strip_notes_leaves_everything_else() -> None:
    stripped = strip_notes(PAGE)
    assert "secret" not in stripped
    assert "deep" not in stripped
    page = BeautifulSoup(stripped, "html.parser")
    assert page.select(".notes") == []
    assert [s["id"] for s in page.select(".step")] == ["one", "two", "three"]
    assert page.select_one("#one p").get_text() == "shown"
    original = BeautifulSoup(PAGE, "html.parser")
    for note in original.select(".notes"):
        note.decompose()
    assert str(page) == str(original)


def test_read_steps() -> None:
    steps = read_steps(PAGE)
    assert [s.id for s in steps] == ["one", "two", "three"]
    assert [s.title for s in steps] == ["Onex", "Two", "Three & more"]
    assert "secret <b>one</b>" in steps[0].notes
    assert "deep" in steps[0].notes
    assert steps[1].skip
    assert not steps[0].skip
    assert steps[0].goto_next == "three"
    assert steps[2].notes == ""


def test_inject_goes_before_the_init_script() -> None:
    page = inject(PAGE, "<script src=/live.js></script>")
    assert page.index("/live.js") < page.index("impress-init.js")
    assert inject("<p>x</p></body>", "<i>") == "<p>x</p><i></body>"


def test_following_steps() -> None:
    steps = read_steps(PAGE)
    assert following(steps, "one", True) == "three"  # data-goto-next
    assert following(steps, "three", True) == "one"  # after the last, the first
    assert following(steps, "three", False) == "one"  # two is skipped
    assert following(steps, "missing", True) == "one"


class _Transport:
    """A connection's two ends, as a mocked request's transport reports them."""

    def __init__(self, peer: str, local: str) -> None:
        self.ends = {"peername": (peer, 50000), "sockname": (local, 8000)}

    def get_extra_info(self, name: str, default=None):
        return self.ends.get(name, default)


@pytest.mark.parametrize(
    ("peer", "local", "query", "leads"),
    [
        ("127.0.0.1", "127.0.0.1", "", True),  # the laptop, on the loopback address
        ("::1", "::1", "", True),
        ("192.0.2.10", "192.0.2.10", "", True),  # the laptop, at its own network address
        ("192.0.2.20", "192.0.2.10", "", False),  # another device: the audience
        ("192.0.2.20", "192.0.2.10", "?token=secret", True),  # another device with the token
        ("192.0.2.20", "192.0.2.10", "?token=wrong", False),
    ],
)
def test_which_pages_lead(tmp_path: Path, peer: str, local: str, query: str, leads: bool) -> None:
    from aiohttp.test_utils import make_mocked_request

    from sphinx_impress.serve.server import PresentServer

    talk = tmp_path / "talk.md"
    write_deck(talk, 1)
    live = LiveBuild(read_source(talk), tmp_path / "out", tmp_path / "doctrees")
    server = PresentServer(live, token="secret")
    request = make_mocked_request("GET", f"/_present/ws{query}", transport=_Transport(peer, local))
    assert server._leads(request) is leads  # addresses of a mocked request: no traffic


def _run_alone(coroutine):
    """Run ``coroutine`` in a thread of its own: a session's Playwright browser (the
    browser tests) keeps an event loop running in the main thread."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_the_presenter_stays_at_the_same_place_when_the_step_is_renamed(tmp_path: Path) -> None:

    from sphinx_impress.serve.server import Position, PresentServer

    talk = tmp_path / "talk.md"
    text = write_deck(talk, 4)
    live = LiveBuild(read_source(talk), tmp_path / "out", tmp_path / "doctrees")
    try:
        assert live.build().ok
        server = PresentServer(live, token="secret")

        async def rename(old: str, new: str, at: str) -> Position | None:
            await server.move(Position("talk", at, 1))
            talk.write_text(talk.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
            await server.built(live.build({talk.resolve()}))
            return server.position

        assert _run_alone(rename("## Slide 1\n", "## Slide one\n", "slide-2")) == Position(
            "talk", "slide-2", 1
        )  # another step renamed: the same step, its substeps too
        assert _run_alone(rename("## Slide 2\n", "## Image\n", "slide-2")) == Position(
            "talk", "image", 0
        )
        # the last step gone: the new last one
        gone = "## Slide 4\n\nText of slide 4.\n"
        assert gone in text
        assert _run_alone(rename(gone, "", "slide-4")) == Position("talk", "slide-3", 0)
    finally:
        live.close()


# ---- the command ---------------------------------------------------------------------


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@pytest.fixture
def present():
    started: list[PresentProcess] = []

    def start(source: Path, *extra: str, **kwargs) -> PresentProcess:
        process = PresentProcess(source, *extra, **kwargs)
        started.append(process)
        return process

    yield start
    for process in started:
        process.close()


def test_remote_needs_the_token_and_only_it_gets_notes(tmp_path: Path, present) -> None:
    talk = tmp_path / "talk.md"
    write_deck(talk, 3)
    run = present(talk, "--remote")
    page_url, remote_url = run.urls
    token = re.search(r"token=([\w-]+)", remote_url)[1]
    assert "token" not in page_url
    assert token not in page_url
    assert len(token) >= 20
    # the projector's page: no notes, the live script
    status, text = _get(page_url)
    assert status == 200
    page = BeautifulSoup(text, "html.parser")
    assert page.select(".notes") == []
    assert "Speaker notes" not in text
    assert page.select_one('script[src="/_present/live.js"]')
    assert [s["id"] for s in page.select("#impress .step")][:2] == ["the-deck", "slide-1"]
    # with the token, the notes are there
    status, text = _get(f"{page_url}?token={token}")
    assert len(BeautifulSoup(text, "html.parser").select(".notes")) == 3
    # every remote endpoint: 403 without the token or with a wrong one
    for path in (
        "/_present/remote/",
        "/_present/remote/remote.js",
        "/_present/remote/remote.css",
        "/_present/remote/deck",
        "/_present/remote/ws",
        "/_present/remote/control",
    ):
        for query in ("", "?token=", f"?token={token[:-1]}x"):
            assert _get(run.base + path + query)[0] == 403, path + query
    request = urllib.request.Request(
        run.base + "/_present/remote/control", data=b'{"action":"next"}', method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=20)
    assert refused.value.code == 403
    # with it: the remote page and the deck with its notes
    status, text = _get(remote_url)
    assert status == 200
    assert "remote.js?token=" in text
    status, text = _get(f"{run.base}/_present/remote/deck?token={token}")
    deck = json.loads(text)
    assert deck["doc"] == "talk"
    assert [s["id"] for s in deck["steps"]] == ["the-deck", "slide-1", "slide-2", "slide-3"]
    assert "Speaker notes of slide 2." in deck["steps"][2]["notes"]
    # the control endpoint moves the presenter (no page open: the server goes in step order)
    request = urllib.request.Request(
        f"{run.base}/_present/remote/control?token={token}",
        data=b'{"action":"next"}',
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=20) as response:
        state = json.loads(response.read())
    assert state["position"]["step"] == "the-deck"
    with urllib.request.urlopen(request, timeout=20) as response:
        state = json.loads(response.read())
    assert state["position"]["step"] == "slide-1"
    # a goto to a step the deck does not have moves nothing and says so
    request = urllib.request.Request(
        f"{run.base}/_present/remote/control?token={token}",
        data=b'{"action":"goto","step":"nosuch"}',
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=20)
    assert refused.value.code == 404
    # the QR code on standard error encodes the remote's address
    import segno

    expected = _terminal_qr(segno.make(remote_url, error="l"))
    assert expected in "\n".join(run.stderr)


def _terminal_qr(code) -> str:
    import io

    out = io.StringIO()
    code.terminal(out=out, compact=True)
    return out.getvalue().rstrip("\n")


def test_without_remote_there_is_no_remote(tmp_path: Path, present) -> None:
    talk = tmp_path / "talk.md"
    write_deck(talk, 2)
    run = present(talk)
    assert len(run.urls) == 1
    assert _get(run.base + "/_present/remote/?token=x")[0] == 404
    _, text = _get(run.page_url)
    assert "Speaker notes of slide 1." in text  # notes stay for the presenter console
    assert _get(run.base + "/")[0] == 200  # redirected to the root document
    assert _get(run.base + "/.doctrees/environment.pickle")[0] == 404
    assert _get(run.base + "/../../etc/passwd")[0] == 404


def test_ctrl_c_stops_cleanly_and_nothing_is_written_into_source(tmp_path: Path, present) -> None:
    folder = _project(tmp_path / "src", {"talk": 2})
    before = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    temp = tmp_path / "tmp"
    temp.mkdir()
    run = present(folder, env={"TMPDIR": str(temp)})
    assert _get(run.page_url)[0] == 200
    assert [p.name for p in temp.iterdir() if p.name.startswith("sphinx-impress-present-")]
    edited = folder / "talk.md"
    count = run.builds()
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    run.wait_build(count)
    before[Path("talk.md")] = edited.read_bytes()
    assert run.interrupt() == 0
    assert "Traceback" not in "\n".join(run.stderr)
    assert not [p for p in temp.iterdir() if p.name.startswith("sphinx-impress-present-")]
    after = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize("verbose", [False, True])
def test_a_broken_conf_py_is_one_line(tmp_path: Path, present, verbose: bool) -> None:
    """Without -v, a failed build is one line (no traceback); with -v the traceback
    comes too."""
    srcdir = _project(tmp_path / "src", {"talk": 1})
    run = present(srcdir, *(["-v"] if verbose else []))
    before = run.builds()
    start = len(run.stderr)
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("extensions = [\n")
    line = run.wait_build(before)
    assert re.search(r": build failed \(conf\.py: .*line \d+\)\); serving the last good build", line)
    assert run.interrupt() == 0
    after = run.stderr[start:]
    failed = next(index for index, text in enumerate(after) if text == line)
    assert not after[failed + 1].startswith(")")  # the message ends on its own line
    tracebacks = [text for text in after if text.startswith("Traceback (most recent call last)")]
    assert bool(tracebacks) is verbose
    assert line.endswith("(-v shows the traceback)") is not verbose


def _lines_of(path: Path, pattern: str) -> list[str]:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return [line for line in text.splitlines() if re.search(pattern, line)]


def _wait_lines(path: Path, pattern: str, count: int, timeout: float = 60.0) -> list[str]:
    deadline = time.monotonic() + timeout
    while len(found := _lines_of(path, pattern)) < count:
        assert time.monotonic() < deadline, path.read_text(encoding="utf-8")
        time.sleep(0.1)
    return found


def test_a_log_in_the_talks_folder_calls_for_no_build(tmp_path: Path) -> None:
    """The review's case: standard error into a file beside the talk, then a file that
    is no part of the talk changed; only the talk's edit is built, and watchfiles says
    nothing."""
    folder = tmp_path / "talk"
    folder.mkdir()
    talk = folder / "talk.md"
    write_deck(talk, 2)
    log = folder / "present.log"
    built = r": (built in|build failed)"
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "sphinx_impress.cli", "present", str(talk),
                "--no-browser", "--host", "127.0.0.1", "--port", "0",
            ],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            cwd=folder,
        )
        try:
            _wait_lines(log, r"\(Ctrl-C stops\)", 1)
            (folder / "x.txt").write_text("unrelated\n", encoding="utf-8")
            talk.write_text(talk.read_text(encoding="utf-8").replace("slide 1", "one"))
            _wait_lines(log, built, 2)
            # each build wrote a line into the log, in the watched folder: no build follows
            time.sleep(2.0)
            (folder / "x.txt").write_text("changed again\n", encoding="utf-8")
            time.sleep(1.0)
        finally:
            process.send_signal(signal.SIGINT)
            assert process.wait(30) == 0
    assert len(_lines_of(log, built)) == 2, log.read_text(encoding="utf-8")
    assert _lines_of(log, "watchfiles") == []
    assert _lines_of(log, r"change(s)? detected") == []


def test_out_folder(tmp_path: Path, present) -> None:
    talk = tmp_path / "talk.md"
    write_deck(talk, 2)
    out = tmp_path / "built"
    run = present(talk, "--out", str(out))
    assert (out / "talk.html").is_file()
    assert run.interrupt() == 0
    assert (out / "talk.html").is_file()  # a named folder is kept


def _command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_impress.cli",
            "present",
            *args,
            "--no-browser",
            "--host",
            "127.0.0.1",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "nothing-here.md", "no such file or folder"),
        (lambda p: _write(p / "talk.md", b"\xff\xfe"), "not UTF-8 text"),
        (lambda p: p, "has no conf.py"),
    ],
)
def test_bad_source_is_one_line_and_status_1(tmp_path: Path, make, message: str) -> None:
    result = _command(str(make(tmp_path)), "--port", "0")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("sphinx-impress present: ")
    assert message in lines[0]
    assert result.stdout == ""


def test_port_in_use_is_one_line_and_status_1(tmp_path: Path) -> None:
    talk = tmp_path / "talk.md"
    write_deck(talk, 1)
    (taken,) = bind(["127.0.0.1"], 0)
    try:
        port = taken.getsockname()[1]
        result = _command(str(talk), "--port", str(port))
    finally:
        taken.close()
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"sphinx-impress present: port {port} on 127.0.0.1 is in use (another "
        "server?): choose another with --port"
    ]


def test_sigterm_stops_too(tmp_path: Path, present) -> None:
    talk = tmp_path / "talk.md"
    write_deck(talk, 1)
    run = present(talk)
    run.process.send_signal(signal.SIGTERM)
    assert run.process.wait(30) == 0


def test_bind_gives_every_address_one_port() -> None:
    sockets = (
        bind(["127.0.0.1", "127.0.0.2"], 0) if _can_bind("127.0.0.2") else bind(["127.0.0.1"], 0)
    )
    try:
        assert len({s.getsockname()[1] for s in sockets}) == 1
    finally:
        for s in sockets:
            s.close()


def _can_bind(host: str) -> bool:
    try:
        with socket.create_server((host, 0)):
            return True
    except OSError:
        return False


def test_help_lists_every_option() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sphinx_impress.cli", "present", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    for option in ("--host", "--port", "--no-browser", "--remote", "--out", "--verbose"):
        assert option in result.stdout
    assert "SOURCE" in result.stdout
