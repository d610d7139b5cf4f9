"""Build the example, the docs and every deck of ``../shared/corpus`` with ``-b impress``
and ``-b html`` into one folder, or compare two such folders byte for byte.

For a refactoring that must not change behaviour: snapshot before, snapshot after,
compare::

    python tools/snapshot_builds.py build /tmp/before
    ... change the code ...
    python tools/snapshot_builds.py build /tmp/after
    python tools/snapshot_builds.py compare /tmp/before /tmp/after

Each corpus deck is built as its own file type (hovercraft decks as ``hovercraft``,
mdpress decks as ``mdpress``, markpress decks as ``markpress``, reStructuredText as reST) in a
project of its own, made in a fixed folder (``--work``) so that paths in warnings are
the same from one snapshot to the next. What each build printed on standard error is
kept beside its output as ``warnings.txt``. Sphinx's ``.doctrees`` and ``.buildinfo``
are not compared.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
BUILDERS = ("impress", "html")


@dataclass(frozen=True)
class Project:
    """One Sphinx project to build: its name in the snapshot, the folder to copy, the
    ``conf.py`` to write into the copy (``None``: keep the folder's own) and the
    files to leave out."""

    name: str
    source: Path
    conf: str | None = None
    exclude: tuple[str, ...] = ()


def _conf(
    extensions: list[str], suffixes: dict[str, str], root_doc: str, exclude: list[str]
) -> str:
    return (
        f"extensions = {extensions!r}\n"
        f"source_suffix = {suffixes!r}\n"
        f"root_doc = {root_doc!r}\n"
        f"exclude_patterns = {[*exclude, '_build']!r}\n"
        "html_static_path = []\n"
    )


def _decks(folder: Path, pattern: str) -> list[Path]:
    return sorted(path for path in folder.glob(pattern) if path.is_file())


def projects() -> Iterator[Project]:
    """The projects of a snapshot, in a fixed order."""
    yield Project("example", ROOT / "example")
    yield Project("docs", ROOT / "docs")
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}: only the example and the docs", file=sys.stderr)
        return
    kinds = [
        ("hovercraft/examples", "*.rst", {".rst": "hovercraft"}, ["sphinx_impress"]),
        ("hovercraft/test_data", "*.rst", {".rst": "hovercraft"}, ["sphinx_impress"]),
        ("ralphbean-presentations", "**/*.rst", {".rst": "hovercraft"}, ["sphinx_impress"]),
        ("mdpress-examples", "[!U]*.md", {".md": "mdpress"}, ["myst_parser", "sphinx_impress"]),
        ("markpress", "**/[!L]*.md", {".md": "markpress"}, ["myst_parser", "sphinx_impress"]),
        ("sphinxjp-impressjs", "*.rst", {".rst": "restructuredtext"}, ["sphinx_impress"]),
    ]
    for folder, pattern, suffixes, extensions in kinds:
        base = CORPUS / folder
        decks = _decks(base, pattern)
        others = [deck.relative_to(base).as_posix() for deck in decks]
        for deck in decks:
            relative = deck.relative_to(base).as_posix()
            docname = relative.rsplit(".", 1)[0]
            exclude = [other for other in others if other != relative]
            if folder == "hovercraft/test_data" and docname == "include":
                exclude = [o for o in exclude if o != "simple.rst"]
            yield Project(
                f"{folder.replace('/', '-')}-{docname.replace('/', '-')}",
                base,
                _conf(extensions, suffixes, docname, exclude),
            )
    demo = CORPUS / "sphinx-revealjs-demo" / "demo"
    yield Project(
        "sphinx-revealjs-demo",
        demo,
        _conf(
            ["sphinx.ext.mathjax", "sphinx.ext.todo", "sphinx_impress"],
            {".rst": "restructuredtext"},
            "index",
            ["_sections"],
        ),
    )


def _build_one(project: Project, builder: str, work: Path, out: Path) -> str:
    src = work / project.name
    target = out / project.name / builder
    doctrees = work / "_doctrees" / project.name / builder
    shutil.rmtree(target, ignore_errors=True)
    shutil.rmtree(doctrees, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-E", "-b", builder, "-d", str(doctrees),
         str(src), str(target)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "SOURCE_DATE_EPOCH": "0"},
    )
    target.mkdir(parents=True, exist_ok=True)
    (target / "warnings.txt").write_text(
        result.stderr + f"exit status {result.returncode}\n", encoding="utf-8"
    )
    return f"{project.name} {builder}: exit {result.returncode}"


def build(out: Path, work: Path, jobs: int) -> None:
    """Write a snapshot into ``out``."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    # prepare each copy once, before builds of the two builders share it
    prepared = list(projects())
    for project in prepared:
        src = work / project.name
        shutil.copytree(project.source, src, ignore=shutil.ignore_patterns("_build"))
        if project.conf is not None:
            (src / "conf.py").write_text(project.conf, encoding="utf-8")
    tasks = [(p, b) for p in prepared for b in BUILDERS]
    with ThreadPoolExecutor(jobs) as pool:
        for line in pool.map(lambda task: _build_one(task[0], task[1], work, out), tasks):
            print(line)


def _files(folder: Path) -> set[str]:
    skip = {".doctrees", ".buildinfo"}
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not skip & set(path.relative_to(folder).parts)
    }


def compare(before: Path, after: Path) -> int:
    """Print every file that differs, is new or is gone; 1 if any does."""
    old, new = _files(before), _files(after)
    differ = sorted(
        name for name in old & new if not filecmp.cmp(before / name, after / name, shallow=False)
    )
    for name in sorted(old - new):
        print(f"gone:    {name}")
    for name in sorted(new - old):
        print(f"new:     {name}")
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(old & new) - len(differ)} of {len(old | new)} files are the same bytes")
    return 1 if differ or old != new else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="write a snapshot")
    make.add_argument("out", type=Path)
    make.add_argument("--work", type=Path, default=Path("/tmp/sphinx-impress-snapshot-src"))
    make.add_argument("-j", "--jobs", type=int, default=2)
    check = commands.add_parser("compare", help="compare two snapshots")
    check.add_argument("before", type=Path)
    check.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "build":
        build(args.out, args.work, args.jobs)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
