"""Write ``tests/fixtures/hovercraft_corpus.json``: what hovercraft 2.7 itself makes of
every hovercraft deck of ``../shared/corpus``, for the corpus test to compare with.

hovercraft is installed from the package index into a throwaway virtual environment
(nothing of it is kept or committed). hovercraft 2.7 reads its own version with
``pkg_resources.require("hovercraft")``, which fails on current setuptools (it cannot
find the ``svg.path`` distribution under that spelling); in the throwaway copy that one
line is replaced by the version written out. Each deck is then rendered by the
``hovercraft`` command into a temporary folder, and its ``index.html`` read back:

- per step: its ``id`` (``null`` when hovercraft wrote none), its classes other than
  ``step`` and hovercraft's ``step-level-N``, the seven numbers of its place, and its
  headings as ``[level, text]``;
- per step also each element inside it with a class (outside code): ``[tag, classes]``;
- the deck's style sheets (href and media) and scripts (src) other than hovercraft's
  own, and the files hovercraft copied beside the page.

A deck hovercraft cannot render is recorded with the last line of its error. Run from
the project folder with the project's environment (BeautifulSoup reads the pages)::

    .venv/bin/python tools/hovercraft_fixtures.py
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
OUTPUT = ROOT / "tests" / "fixtures" / "hovercraft_corpus.json"

#: The hovercraft release whose behaviour the fixtures record.
VERSION = "2.7"

#: The folders of the corpus that hold hovercraft decks, and the pattern of their decks.
DECKS = (
    ("hovercraft/examples", "*.rst"),
    ("hovercraft/test_data", "*.rst"),
    ("ralphbean-presentations", "**/*.rst"),
)

#: The numbers of a step as hovercraft writes them.
AXES = ("data-x", "data-y", "data-z", "data-rotate-x", "data-rotate-y", "data-rotate-z",
        "data-scale")

#: hovercraft's own files in every page it writes (its template's css and js).
OWN_FILES = frozenset({
    "css/hovercraft.css", "css/highlight.css", "js/impress.js", "js/gotoSlide.js",
    "js/hovercraft.js",
})


def install(folder: Path) -> Path:
    """A virtual environment in ``folder`` with hovercraft :data:`VERSION`; the path of
    its ``hovercraft`` command."""
    venv.create(folder, with_pip=True)
    python = folder / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", f"hovercraft=={VERSION}"], check=True
    )
    found = subprocess.run(
        [str(python), "-c", "import hovercraft, os; print(os.path.dirname(hovercraft.__file__))"],
        capture_output=True, text=True, check=False,
    )
    package = Path(found.stdout.strip()) if found.returncode == 0 else None
    if package is None:
        # the import itself fails on the version line: find the package by its files
        package = next(folder.glob("lib/python*/site-packages/hovercraft"))
    init = package / "__init__.py"
    text = init.read_text(encoding="utf-8")
    line = '__version__ = pkg_resources.require("hovercraft")[0].version'
    if line in text:
        init.write_text(text.replace(line, f'__version__ = "{VERSION}"'), encoding="utf-8")
    return folder / "bin" / "hovercraft"


def read_page(folder: Path) -> dict[str, object]:
    """What hovercraft wrote into ``folder``: steps, style sheets, scripts, files."""
    page = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    steps = []
    for element in page.select("#impress .step"):
        classes = [
            name for name in element.get("class", [])
            if name != "step" and not name.startswith("step-level-")
        ]
        steps.append({
            "id": element.get("id"),
            "classes": classes,
            "position": {axis[5:]: float(element[axis]) for axis in AXES if element.has_attr(axis)},
            "headings": [
                [int(heading.name[1]), heading.get_text(" ", strip=True)]
                for heading in element.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
            ],
            "classed": [
                [inner.name, inner["class"]]
                for inner in element.find_all(class_=True)
                if inner.find_parent("pre") is None and "highlight" not in inner["class"]
            ],
        })
    sheets = [
        {"href": link["href"], "media": link.get("media", "")}
        for link in page.find_all("link", rel="stylesheet")
        if link["href"] not in OWN_FILES
    ]
    scripts = [
        {"src": script["src"], "in": "head" if script.find_parent("head") else "body"}
        for script in page.find_all("script", src=True)
        if script["src"] not in OWN_FILES
    ]
    files = sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and path.name != "index.html"
        and path.relative_to(folder).as_posix() not in OWN_FILES
    )
    return {"steps": steps, "css": sheets, "js": scripts, "files": files}


#: hovercraft's error for a file a deck names that is not there.
_MISSING = re.compile(r"FileNotFoundError: .*No such file or directory: '(?P<path>[^']+)'")


def render(hovercraft: Path, deck: Path, out: Path, scratch: Path) -> dict[str, object]:
    """hovercraft's rendering of ``deck``, or the last line of its error.

    hovercraft stops at a style sheet or script that a deck names and that is not
    there; such a deck is rendered again from a copy of its folder (``scratch``) with an
    empty file standing in for each missing one, so that its places are still known;
    ``"missing"`` lists them."""
    missing: list[str] = []
    source = deck
    for _ in range(5):
        result = subprocess.run(
            [str(hovercraft), str(source), str(out)], capture_output=True, text=True,
            check=False, cwd=source.parent,
        )
        if result.returncode == 0 and (out / "index.html").is_file():
            page = read_page(out)
            if missing:
                page["missing"] = missing
            return page
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        found = _MISSING.search(lines[-1]) if lines else None
        if found is None:
            break
        if source == deck:
            shutil.copytree(deck.parent, scratch)
            source = scratch / deck.name
        wanted = Path(found["path"])
        relative = wanted.relative_to(deck.parent) if wanted.is_relative_to(deck.parent) else None
        if relative is None:
            relative = wanted.relative_to(scratch)
        missing.append(relative.as_posix())
        (scratch / relative).parent.mkdir(parents=True, exist_ok=True)
        (scratch / relative).write_text("", encoding="utf-8")
    return {"error": lines[-1] if lines else f"exit status {result.returncode}"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 1
    fixtures: dict[str, object] = {
        "_comment": (
            f"What hovercraft {VERSION} renders for each hovercraft deck of ../shared/corpus "
            "(written by tools/hovercraft_fixtures.py; do not edit): per step its id, "
            "classes, position and headings [level, text]; the deck's own style sheets "
            "and scripts; the files copied beside the page."
        ),
    }
    with tempfile.TemporaryDirectory() as temporary:
        hovercraft = install(Path(temporary) / "venv")
        for folder, pattern in DECKS:
            for deck in sorted((CORPUS / folder).glob(pattern)):
                name = deck.relative_to(CORPUS).as_posix()
                out = Path(temporary) / "out" / name
                scratch = Path(temporary) / "scratch" / name
                fixtures[name] = render(hovercraft, deck, out, scratch)
                print(name, "error" if "error" in fixtures[name] else "ok")  # type: ignore[operator]
    args.output.write_text(json.dumps(fixtures, indent=1, ensure_ascii=False) + "\n",
                           encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
