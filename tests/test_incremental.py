"""No stale output: a build after a change (without ``-E``) gives the same output as a
clean build of the same final sources, for the ``impress`` builder and for an ``html``
build with the presentations it writes into ``_impress/``.

Each case builds a small project, changes it, builds it again in place, then builds a
copy of the changed sources from scratch, and compares the two outputs byte for byte.
For the ``html`` builder the comparison covers the presentations (``_impress/``, which
sphinx-impress owns, whole), sphinx-impress's static files, and what sphinx-impress
writes into the docs pages the clean build has: the "Present" links, links into
presentations and the script that follows them. The rest of a docs page is Sphinx's,
which does not write every page again when only the global table of contents in its
sidebar changed, and leaves the pages of removed documents in place.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_impress.extension.config import ImpressConfig

CONF = """\
extensions = ["myst_parser", "sphinx_impress"]
myst_enable_extensions = ["dollarmath"]
exclude_patterns = ["_build", "part.md"]
html_static_path = ["_static"]
"""

FILES = {
    "index.md": "# Home\n\n```{toctree}\ntalk\nother\nguide\n```\n",
    "talk.md": (
        "# Talk\n\n```{step}\n:x: 0\n```\n\nOpening.\n\n(intro)=\n## Intro\n\n"
        "![a square](square.svg)\n\n```{include} part.md\n```\n\n## Close\n\n"
        "Bye, see [the intro](#intro).\n"
    ),
    "part.md": "Included text, first version.\n",
    "other.md": "# Other deck\n\n```{step}\n:y: 100\n```\n\nOne.\n\n## Two\n\nTwo.\n",
    "guide.md": "# Guide\n\nA page that links to {ref}`intro`.\n",
    "square.svg": (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10" fill="red"/></svg>\n'
    ),
    "_static/extra.css": "p { color: black; }\n",
    "_static/extra.js": "// nothing\n",
    "deck.css": "h1 { color: navy; }\n",
    "deck.js": "// a deck's own script\n",
}


def _edit(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(src: Path) -> None:
        path = src / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    return change


def _write(name: str, text: str) -> Callable[[Path], None]:
    def change(src: Path) -> None:
        (src / name).write_text(text, encoding="utf-8")

    return change


def _remove(name: str) -> Callable[[Path], None]:
    def change(src: Path) -> None:
        (src / name).unlink()

    return change


def _all(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(src: Path) -> None:
        for each in changes:
            each(src)

    return change


def _conf(line: str) -> Callable[[Path], None]:
    def change(src: Path) -> None:
        with (src / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write(line + "\n")

    return change


#: A value other than the default for every impress_* setting.
OTHER_VALUES = {
    "width": "1280",
    "height": "720",
    "max_scale": "2",
    "min_scale": "0.5",
    "perspective": "500",
    "transition_duration": "300",
    "layout": '"grid"',
    "layout_columns": "1",
    "layout_path": '"M 0 0 L 100 0"\nimpress_layout = "path"',
    "layout_rotate": "True\nimpress_layout = \"circle\"",
    "overview": '"end"',
    "autoplay": "5",
    "toolbar": "False",
    "progress": "False",
    "help": "False",
    "slide_numbers": "True",
    "mouse_timeout": "False",
    "blackout": "False",
    "fullscreen": "False",
    "layout_svg": "False",
    "html_notes": "False",
    "css_files": '["extra.css"]',
    "fit": "False",
    "fit_min": "0.3",
    "theme": '"dark"',
    "center": "True",
    "deck_css_files": '["deck.css"]',
    "deck_js_files": '["deck.js"]',
    "js_files": '["extra.js"]',
    "math": '"mathjax"\nmathjax_path = "mathjax/tex-mml-chtml.js"',
    "math_font": "False",
    "smartquotes": "False",
    "markup": '"html"\nimpress_deck_css_files = ["deck.css"]',
}

CHANGES: dict[str, Callable[[Path], None]] = {
    "edit a deck": _edit("talk.md", "Opening.", "Opening, edited."),
    "edit a step option": _edit("other.md", ":y: 100", ":y: 300"),
    "add a deck": _all(
        _write("new.md", "# New deck\n\n```{step}\n:x: 5\n```\n\nNew.\n"),
        _edit("index.md", "guide\n", "guide\nnew\n"),
    ),
    "remove a deck": _all(_remove("other.md"), _edit("index.md", "other\n", "")),
    "rename a deck": _all(
        lambda src: (src / "other.md").rename(src / "renamed.md"),
        _edit("index.md", "other\n", "renamed\n"),
    ),
    "add a label": _all(
        _edit("other.md", "## Two", "(two)=\n## Two"),
        _edit("guide.md", "{ref}`intro`", "{ref}`intro` and {ref}`two`"),
    ),
    "remove a label": _all(
        _edit("talk.md", "(intro)=\n", ""),
        _edit("talk.md", "[the intro](#intro)", "the intro"),
        _edit("guide.md", "{ref}`intro`", "the talk"),
    ),
    "rename a label": _all(
        _edit("talk.md", "(intro)=", "(start)="),
        _edit("talk.md", "(#intro)", "(#start)"),
        _edit("guide.md", "{ref}`intro`", "{ref}`start`"),
    ),
    "a deck stops being a deck": _edit("other.md", "```{step}\n:y: 100\n```\n", ""),
    "the last deck stops being a deck": _all(
        _edit("other.md", "```{step}\n:y: 100\n```\n", ""),
        _edit("talk.md", "```{step}\n:x: 0\n```\n", ""),
    ),
    "a page becomes a deck": _write(
        "guide.md", "---\nimpress_deck: true\n---\n# Guide\n\nNow a deck.\n"
    ),
    "an image changes": _write(
        "square.svg",
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10" fill="blue"/></svg>\n',
    ),
    "an included file changes": _write("part.md", "Included text, second version.\n"),
    "math comes into a deck": _edit("other.md", "One.", "One: $x^2$.\n\n$$\n\\frac{a}{b}\n$$"),
    "a front matter setting": _write(
        "other.md",
        "---\nimpress_width: 1000\n---\n# Other deck\n\n```{step}\n:y: 100\n```\n\nOne.\n",
    ),
    "impress_decks pattern": _all(
        _edit("talk.md", "```{step}\n:x: 0\n```\n", ""), _conf('impress_decks = ["talk"]')
    ),
    **{
        f"setting impress_{name}": _conf(f"impress_{name} = {value}")
        for name, value in OTHER_VALUES.items()
    },
}


def test_every_setting_is_changed():
    assert set(OTHER_VALUES) == {field.name for field in dataclasses.fields(ImpressConfig)}
    assert len(CHANGES) >= 14 + len(OTHER_VALUES)


def _project(folder: Path) -> Path:
    for name, text in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "conf.py").write_text(CONF, encoding="utf-8")
    return folder


def _impress_part(page: bytes) -> bytes:
    """What sphinx-impress writes into a docs page: its Present links, links into
    presentations and the scripts of its own."""
    soup = BeautifulSoup(page, "html.parser")
    found = soup.select("p.impress-present, a.impress-slide-link, script[src*='impress']")
    return "\n".join(str(element) for element in found).encode()


def _output(outdir: Path, buildername: str, pages: set[str] | None = None) -> dict[str, bytes]:
    files = {}
    for path in sorted(outdir.rglob("*")):
        name = path.relative_to(outdir).as_posix()
        if not path.is_file() or path.name.startswith(".buildinfo"):  # Sphinx's own record
            continue
        if buildername == "html" and not name.startswith(("_impress/", "_static/impress")):
            if pages is not None and name not in pages:
                continue  # a page Sphinx left from a removed document
            if name.endswith(".html"):
                files[name] = _impress_part(path.read_bytes())
            continue
        files[name] = path.read_bytes()
    return files


def _build(make_app, srcdir: Path, buildername: str):
    app = make_app(buildername, srcdir=srcdir, freshenv=False)
    app.build()
    app.cleanup()
    return app


#: Settings also compared with the html builder (each setting is compared with impress).
HTML_SETTINGS = {"width", "layout_svg", "math", "css_files", "html_notes"}

CASES = [(change, "impress") for change in CHANGES] + [
    (change, "html")
    for change in CHANGES
    if not change.startswith("setting") or change.removeprefix("setting impress_") in HTML_SETTINGS
]


@pytest.mark.parametrize(("change", "buildername"), CASES, ids=lambda value: str(value))
def test_incremental_build_equals_clean_build(make_app, tmp_path, change, buildername):
    src = _project(tmp_path / "incremental")
    _build(make_app, src, buildername)
    CHANGES[change](src)
    incremental = _build(make_app, src, buildername)
    clean_src = tmp_path / "clean"
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean = _build(make_app, clean_src, buildername)
    expected = _output(clean.outdir, buildername)
    found = _output(incremental.outdir, buildername, set(expected))
    assert sorted(found) == sorted(expected)
    differing = [name for name in expected if found[name] != expected[name]]
    assert differing == [], f"files that differ from a clean build: {differing}"


#: A deck with style sheets and a script of its own, and a hovercraft deck with its
#: ``:css:``: the files of each, what the CSS loads (``@import``, ``url()``) included.
DECK_FILES = {
    "styled.md": (
        "---\nimpress_deck: true\nimpress_deck_css_files: [\"styles/deck.css\"]\n"
        "impress_deck_js_files: [\"styles/deck.js\"]\n---\n# Styled\n\nOne.\n\n## Two\n\nTwo.\n"
    ),
    "styles/deck.css": '@import "more.css";\nh1 { color: navy; background: url(bg.svg); }\n',
    "styles/more.css": "p { color: teal; }\n",
    "styles/bg.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n',
    "styles/deck.js": "// first version\n",
    "flight.hovercraft": ":title: Flight\n:css: hc.css\n\n----\n\nUp\n==\n\n----\n\nDown\n====\n",
    "hc.css": "h1 { color: olive; }\n",
}

DECK_FILE_EDITS = {
    "styles/deck.css": ("navy", "maroon"),
    "styles/more.css": ("teal", "purple"),
    "styles/bg.svg": ('height="1"', 'height="2"'),
    "styles/deck.js": ("first", "second"),
    "hc.css": ("olive", "black"),
}


@pytest.mark.parametrize("buildername", ["impress", "html"])
@pytest.mark.parametrize("edited", sorted(DECK_FILE_EDITS))
def test_a_decks_own_files_are_dependencies(make_app, tmp_path, edited, buildername):
    """An edit of a deck's own style sheet or script (or of what its CSS loads) reads
    the deck again: the output equals a clean build, with the new copy and its new
    ``?v=`` checksum."""
    src = _project(tmp_path / "incremental")
    for name, text in DECK_FILES.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _edit("index.md", "guide\n", "guide\nstyled\nflight\n")(src)
    first = _build(make_app, src, buildername)
    docname = "flight" if edited == "hc.css" else "styled"
    old, new = DECK_FILE_EDITS[edited]
    _edit(edited, old, new)(src)
    incremental = _build(make_app, src, buildername)
    assert docname in incremental.env.all_docs
    assert incremental.env.all_docs[docname] > first.env.all_docs[docname]  # read again
    clean_src = tmp_path / "clean"
    shutil.copytree(src, clean_src, ignore=shutil.ignore_patterns("_build"))
    clean = _build(make_app, clean_src, buildername)
    expected = _output(clean.outdir, buildername)
    found = _output(incremental.outdir, buildername, set(expected))
    assert sorted(found) == sorted(expected)
    differing = [name for name in expected if found[name] != expected[name]]
    assert differing == [], f"files that differ from a clean build: {differing}"
    copies = [name for name in found if name.endswith("impress-deck-files/" + edited)]
    assert len(copies) == 1
    assert new.encode() in found[copies[0]]
