"""Every deck of ``../shared/corpus`` (real decks by other people) built as its own file
type, and converted to MyST with ``sphinx-impress convert`` and built again: no
traceback, no error, nothing of the format's own markup (directive names, fields,
``slide-attr`` comments) in the text of any step, and every step where the original
tool puts it:

- hovercraft decks: hovercraft 2.7's own numbers, ids and style sheets,
  ``tests/fixtures/hovercraft_corpus.json`` (written by ``tools/hovercraft_fixtures.py``);
- mdpress decks: their attribute lines (a missing axis 0, a missing scale 1);
- markpress decks: their ``slide-attr`` comments, else markpress's layout rules;
- impress.js pages: converted first; where impress.js itself puts each step is
  compared in Chromium (tests/browser/test_impressjs_examples.py);
- the sphinx-revealjs demo: converted (built without sphinx-revealjs), and built as it
  is with sphinx-impress's compatible directives.

The sphinxjp-impressjs decks are out of scope (issue 13). Each folder is one Sphinx
project (its decks and their conversions side by side), built once per session.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SHARED
from helpers import STEP_AXES, soup, steps
from test_convert_same import presentation

from sphinx_impress.importers.markpress import PLACE_ATTRIBUTES, layout_axes

CORPUS = SHARED / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "hovercraft_corpus.json"

#: The extensions of the demo's conf.py that are not used: they are not installed
#: here or need the network (sphinx-revealjs's demo, "Extensions"). Two of its
#: slides use what two of them bring, a :pypi: role and an oembed directive; the
#: project gives those plain stand-ins, so that only what this project does is judged.
DROPPED_REVEALJS_EXTENSIONS = (
    "atsphinx.mini18n", "oembedpy.adapters.sphinx", "rst_package_refs.sphinx",
    "sphinxcontrib.budoux", "sphinxcontrib.gtagjs", "sphinxext.opengraph",
    "sphinx_revealjs", "sphinx_revealjs.ext.footnotes", "sphinx_revealjs.ext.oembed",
    "sphinx_revealjs.ext.sass", "sphinx_revealjs.ext.screenshot",
)

_STAND_INS = '''
from docutils import nodes
from docutils.parsers.rst import Directive


def _pypi(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [nodes.reference(rawtext, text, refuri="https://pypi.org/project/" + text)], []


class _Oembed(Directive):
    required_arguments = 1
    final_argument_whitespace = True

    def run(self):
        url = self.arguments[0]
        return [nodes.paragraph("", "", nodes.reference(url, url, refuri=url))]


def setup(app):
    app.add_role("pypi", _pypi)
    app.add_directive("oembed", _Oembed)
'''


@dataclass(frozen=True)
class Folder:
    """A folder of the corpus: its decks (a glob), their file type, and how each is
    converted (``--from``)."""

    path: str
    pattern: str
    file_type: str
    convert: str


FOLDERS = {
    "hovercraft-examples": Folder("hovercraft/examples", "*.rst", "hovercraft", "hovercraft"),
    "hovercraft-test_data": Folder("hovercraft/test_data", "*.rst", "hovercraft", "hovercraft"),
    "ralphbean": Folder("ralphbean-presentations", "**/*.rst", "hovercraft", "hovercraft"),
    "mdpress": Folder("mdpress-examples", "[!U]*.md", "mdpress", "mdpress"),
    "markpress": Folder("markpress", "**/[!L]*.md", "markpress", "markpress"),
    "impressjs": Folder("impressjs-examples", "**/index.html", "", "impressjs"),
    "revealjs": Folder("sphinx-revealjs-demo/demo", "index.rst", "", "revealjs"),
}

#: The suffix of the converted decks (read as MyST).
CONVERTED = ".myst"


@dataclass
class Built:
    """A folder built: its decks (source path relative to the folder, docname), the
    output folder, what the build printed, and each conversion's standard error."""

    decks: list[tuple[str, str]]
    outdir: Path
    stderr: str
    converted: dict[str, str]

    def page(self, docname: str):
        return soup(self.outdir / f"{docname}.html")


_BUILDS: dict[str, Built] = {}


def _build(name: str, tmp_path_factory: pytest.TempPathFactory) -> Built:
    if name in _BUILDS:
        return _BUILDS[name]
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus is not at {CORPUS} (../shared is absent)")
    folder = FOLDERS[name]
    base = tmp_path_factory.mktemp(f"corpus-{name}")
    srcdir = base / "src"
    shutil.copytree(CORPUS / folder.path, srcdir, ignore=shutil.ignore_patterns("_build"))
    decks = sorted(
        p.relative_to(srcdir).as_posix() for p in srcdir.glob(folder.pattern) if p.is_file()
    )
    converted: dict[str, str] = {}
    for deck in decks:
        stem = deck.rsplit(".", 1)[0]
        result = subprocess.run(
            [sys.executable, "-m", "sphinx_impress.cli", "convert", "--from", folder.convert,
             str(srcdir / deck), "-o", str(srcdir / f"{stem}.converted{CONVERTED}")],
            capture_output=True, text=True, check=False,
        )
        converted[deck] = result.stderr
        # a deck the format has no slide in (hovercraft's subdir-css test) converts to
        # nothing, and says so
        assert result.returncode == 0 or "has no slide" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr, result.stderr
    suffixes = {CONVERTED: "markdown"}
    if folder.file_type:
        suffixes[Path(decks[0]).suffix] = folder.file_type
    confdir = base / "conf"
    confdir.mkdir()
    (confdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx.ext.mathjax", "sphinx.ext.todo", '
        '"sphinx_impress"]\n'
        f"source_suffix = {suffixes!r}\n"
        'root_doc = "index"\n'
        'suppress_warnings = ["toc.not_included"]\n'
        'exclude_patterns = ["_build", "_sections", "_locales"]\n'
        + (_STAND_INS if name == "revealjs" else ""),
        encoding="utf-8",
    )
    if name == "revealjs":
        # converted only here: the deck as it is has a test of its own (below)
        (srcdir / "index.rst").rename(srcdir / "index.rst.txt")
    if not (srcdir / "index.rst").exists() and not (srcdir / "index.md").exists():
        (srcdir / f"index{CONVERTED}").touch(exist_ok=True)
    outdir = base / "out"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "impress", "-c", str(confdir),
         "-d", str(base / "doctrees"), str(srcdir), str(outdir)],
        capture_output=True, text=True, check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode == 0, result.stderr[-3000:]
    docnames = [(deck, deck.rsplit(".", 1)[0]) for deck in decks]
    _BUILDS[name] = Built(docnames, outdir, result.stderr, converted)
    return _BUILDS[name]


#: Text that is a format's own markup, which no step may show: the directives a deck's
#: format gives a meaning (hovercraft's class and note, sphinx-revealjs's, this
#: project's), a Python-domain object made of ``.. class::`` ("class substep"), a field
#: of hovercraft's, markpress's comments. (Prose that writes a directive, as
#: hovercraft's tutorial does with ``.. image::``, is the author's.)
_MARKUP = re.compile(
    r"\.\.\s+(?:class|rst-class|note|notes|step|substep|revealjs-[\w-]+)::"
    r"|\bclass\s+substep\b"
    r"|(?:^|\s):(?:data-[\w-]+|id|class|hovercraft-path|css[\w,-]*|js-\w+"
    r"|skip-help|slide-numbers|title):\s|slide-attr|markpress-opt"
)


def _visible_text(element) -> str:
    """A step's text without code (code samples may show any markup; a hovercraft
    deck styled by its author writes inline code as ``<tt>``) and notes."""
    copy = element.__copy__()
    for hidden in copy.select("pre, code, tt, .notes, .highlight"):
        hidden.extract()
    return copy.get_text(" ")


def _errors(stderr: str, docname: str) -> list[str]:
    return [
        line for line in stderr.splitlines()
        if ("ERROR" in line or "CRITICAL" in line) and f"/{docname}." in line
    ]


def _positions(page) -> list[tuple[str, tuple[float, ...]]]:
    return [(s.id, tuple(s.numbers[axis] for axis in STEP_AXES)) for s in steps(page)]


def _assert_same_presentation(built: Built, docname: str) -> None:
    """The deck built as it is and converted give the same steps: ids, classes,
    places, notes, headings, code, images, links and text."""
    original = presentation(built.outdir / f"{docname}.html")
    converted = presentation(built.outdir / f"{docname}.converted.html")
    assert len(converted) == len(original)
    for before, after in zip(original, converted, strict=True):
        assert after == before


def _cases():
    cases = []
    for name, folder in FOLDERS.items():
        base = CORPUS / folder.path
        decks = sorted(
            p.relative_to(base).as_posix() for p in base.glob(folder.pattern) if p.is_file()
        ) if base.is_dir() else [folder.pattern]
        cases.extend(pytest.param(name, deck, id=f"{name}-{deck}") for deck in decks)
    return cases


@pytest.mark.parametrize(("name", "deck"), _cases())
def test_deck_and_its_conversion_build_cleanly(name, deck, tmp_path_factory):
    built = _build(name, tmp_path_factory)
    folder = FOLDERS[name]
    docname = deck.rsplit(".", 1)[0]
    targets = [f"{docname}.converted"]
    if folder.file_type:
        targets.insert(0, docname)
    for target in targets:
        page_file = built.outdir / f"{target}.html"
        if not page_file.exists():
            # converting found no slide (and said so); building found none either
            assert "has no slide" in built.converted[deck]
            continue
        assert _errors(built.stderr, target) == []
        page = built.page(target)
        for step in steps(page):
            shown = _MARKUP.findall(_visible_text(step.element))
            assert shown == [], (target, step.id, shown)


def _hovercraft_cases():
    if not FIXTURES.is_file():
        return []
    fixtures = json.loads(FIXTURES.read_text(encoding="utf-8"))
    cases = []
    for key in sorted(k for k in fixtures if not k.startswith("_")):
        name = next(n for n, f in FOLDERS.items() if key.startswith(f.path + "/"))
        cases.append(pytest.param(name, key, fixtures[key], id=key))
    return cases


@pytest.mark.parametrize(("name", "key", "expected"), _hovercraft_cases())
def test_hovercraft_decks_place_steps_as_hovercraft_27(name, key, expected, tmp_path_factory):
    built = _build(name, tmp_path_factory)
    docname = key[len(FOLDERS[name].path) + 1:].rsplit(".", 1)[0]
    if not expected["steps"]:
        # hovercraft made no slide of it; neither does this build (it warns)
        assert not (built.outdir / f"{docname}.html").exists() or not steps(built.page(docname))
        return
    page = built.page(docname)
    found = steps(page)
    assert len(found) == len(expected["steps"])
    for step, wanted in zip(found, expected["steps"], strict=True):
        for axis, number in wanted["position"].items():
            assert step.numbers[f"data-{axis}"] == pytest.approx(number, abs=1e-6), (
                step.id, axis
            )
        if wanted["id"]:
            assert step.id == wanted["id"]
        assert [c for c in step.classes if c != "step"] == wanted["classes"]
    # the deck's own style sheets load, as on hovercraft's page (when they are there)
    sheets = [
        link["href"].split("?")[0] for link in page.find_all("link", rel="stylesheet")
        if "impress-deck-files" in link["href"]
    ]
    missing = set(expected.get("missing", ()))
    wanted_sheets = [s["href"] for s in expected["css"] if s["href"] not in missing]
    folder = Path(docname).parent.as_posix()
    prefix = "" if folder == "." else folder + "/"
    assert [href.split("impress-deck-files/", 1)[1] for href in sheets] == [
        prefix + href for href in wanted_sheets
    ]
    # the converted deck gives the same presentation: ids, places, notes, text
    _assert_same_presentation(built, docname)


@pytest.mark.parametrize("deck", ["helloworld.md", "demo.md", "code.md"])
def test_mdpress_decks_follow_their_attribute_lines(deck, tmp_path_factory):
    built = _build("mdpress", tmp_path_factory)
    path = CORPUS / "mdpress-examples" / deck
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    docname = deck.rsplit(".", 1)[0]
    page = built.page(docname)
    text = path.read_text(encoding="utf-8")
    attributes = re.findall(r"(?m)^=\s*(.*)$", text)
    # every attribute line's numbers, in order, on the steps that have one
    numbers = [
        {name: float(value) for name, value in re.findall(r"data-([\w-]+)='([-\d.]+)'", line)}
        for line in attributes
    ]
    placed = [s.numbers for s in steps(page)]
    matched = 0
    for wanted in numbers:
        for step in placed:
            if all(step.get(f"data-{k}") == v for k, v in wanted.items()):
                matched += 1
                break
    assert matched == len(numbers)
    _assert_same_presentation(built, docname)


def _markpress_cases():
    base = CORPUS / "markpress"
    if not base.is_dir():
        return [pytest.param("README-deck.md", id="markpress")]
    return [
        pytest.param(p.relative_to(base).as_posix(), id=p.relative_to(base).as_posix())
        for p in sorted(base.glob("**/[!L]*.md"))
    ]


def _markpress_slide_count(text: str) -> int:
    """How many slides markpress's README says a deck has: one more than its lines of
    six or more -; with autoSplit, one per line that starts with one # (the first
    separator line removed), less a first slide of nothing but comments. Lines in
    code fences do not count."""
    lines, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    if '"autoSplit": true' not in text:
        return 1 + sum(1 for line in lines if re.fullmatch(r"-{6,}", line))
    starts = [i for i, line in enumerate(lines) if re.match(r"#[^#]", line)]
    before = "\n".join(lines[: starts[0]] if starts else lines)
    before = re.sub(r"-{6,}", "", re.sub(r"<!--[\s\S]*?-->", "", before), count=1)
    return len(starts) + (1 if before.strip() else 0)


@pytest.mark.parametrize("deck", _markpress_cases())
def test_markpress_decks_follow_their_documented_rules(deck, tmp_path_factory):
    built = _build("markpress", tmp_path_factory)
    text = (CORPUS / "markpress" / deck).read_text(encoding="utf-8")
    docname = deck.rsplit(".", 1)[0]
    page = built.page(docname)
    found = steps(page)
    assert len(found) == _markpress_slide_count(text)
    attrs = re.findall(r"(?m)^\s*<!--slide-attr\s*(.*?)\s*-->\s*$", text)
    if attrs:
        # README: every slide at its slide-attr numbers, impress.js 0.5.3's defaults
        written = [
            {k.replace("data-", ""): float(v.strip("'\"")) for k, v in
             (part.split("=", 1) for part in re.split(r"\s*,\s*|\s+", line.strip()) if "=" in part)}
            for line in attrs
        ]
        for step, wanted in zip(found, written, strict=False):
            for axis, number in wanted.items():
                if axis not in PLACE_ATTRIBUTES:
                    # impress.js 0.5.3 read no such attribute: markpress wrote it as
                    # data-<name>, and so does this build
                    assert float(step.attributes[f"data-{axis}"]) == number
                    continue
                key = "data-rotate-z" if axis == "rotate" else f"data-{axis}"
                assert step.numbers[key] == number, (step.id, axis)
    else:
        options = json.loads(re.search(r"markpress-opt([\s\S]*?)markpress-opt", text)[1]) if (
            "markpress-opt" in text) else {}
        for step, wanted in zip(found, layout_axes(options.get("layout", "horizontal"),
                                                   len(found)), strict=True):
            for axis, number in wanted.items():
                assert step.numbers[f"data-{axis}"] == number, (step.id, axis)
    _assert_same_presentation(built, docname)


def test_revealjs_demo_builds_as_it_is(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"the corpus is not at {CORPUS} (../shared is absent)")
    if importlib.util.find_spec("sphinx_revealjs") is None:
        pytest.skip("sphinx-revealjs is not installed (the test extra installs it)")
    base = tmp_path_factory.mktemp("revealjs-as-is")
    srcdir = base / "src"
    shutil.copytree(CORPUS / "sphinx-revealjs-demo" / "demo", srcdir)
    confdir = base / "conf"
    confdir.mkdir()
    (confdir / "conf.py").write_text(
        'extensions = ["sphinx_revealjs", "sphinx.ext.mathjax", "sphinx.ext.todo", '
        '"sphinx_impress"]\nexclude_patterns = ["_build", "_sections"]\n'
        # the demo's own conf.py sets it: its comments are speaker notes
        "revealjs_notes_from_comments = True\n" + _STAND_INS
    )
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "impress", "-c", str(confdir), str(srcdir),
         str(base / "out")], capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0 and "ERROR" not in result.stderr, result.stderr[-2000:]
    for step in steps(soup(base / "out" / "index.html")):
        assert _MARKUP.findall(_visible_text(step.element)) == []
    # the converted deck (built without sphinx-revealjs) gives the same presentation:
    # ids, places, notes, headings, text
    converted = _build("revealjs", tmp_path_factory)
    assert presentation(converted.outdir / "index.converted.html") == presentation(
        base / "out" / "index.html"
    )
