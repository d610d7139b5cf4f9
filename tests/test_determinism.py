"""Same sources, same bytes: two builds, and -j 2 against -j 1, for the impress builder
and for an HTML build with the presentations it writes into ``_impress/``."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import warning_lines

#: (test root, builder, presentations the output must hold): a deck project built as
#: presentations, and a docs project whose HTML build presents its decks in _impress/.
BUILDS = [
    ("multi", "impress", ["index.html", "deck1.html", "deck1.layout.svg"]),
    (
        "docsdecks",
        "html",
        ["_impress/talk.html", "_impress/slides/intro.html", "_impress/talk.layout.svg"],
    ),
    # generated style sheets (sizes, image widths, backgrounds) and step source maps
    ("look", "impress", ["index.impress.css", "index.steps.json", "_images/backdrop.png"]),
]


def _files(outdir: Path) -> dict[str, bytes]:
    """Every file of a build's output by path (doctrees are not output)."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.parts
    }


def _same_bytes(first: dict[str, bytes], second: dict[str, bytes]) -> None:
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == [], f"files that differ between the builds: {differing}"


@pytest.mark.parametrize(("testroot", "buildername", "expected"), BUILDS)
def test_two_builds_give_the_same_bytes(build, testroot, buildername, expected):
    first_app = build(testroot, buildername)
    first = _files(first_app.outdir)
    second = _files(build(testroot, buildername).outdir)
    assert len(first) > 8
    assert set(expected) <= set(first)
    # the output names no folder of the build (paths of the temporary projects differ)
    assert not any(str(first_app.srcdir).encode() in data for data in first.values())
    _same_bytes(first, second)


@pytest.mark.parametrize(("testroot", "buildername", "expected"), BUILDS)
def test_parallel_build_gives_the_same_bytes(build, testroot, buildername, expected):
    serial = build(testroot, buildername, parallel=1)
    parallel = build(testroot, buildername, parallel=2)
    assert parallel.parallel == 2
    assert sorted(warning_lines(serial)) == sorted(
        line.replace(str(parallel.srcdir), str(serial.srcdir)) for line in warning_lines(parallel)
    )
    files = _files(serial.outdir)
    assert set(expected) <= set(files)
    _same_bytes(files, _files(parallel.outdir))
