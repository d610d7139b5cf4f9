"""Same sources, same bytes: two builds, and -j 2 against -j 1."""

from __future__ import annotations

from pathlib import Path


def _files(outdir: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.parts
    }


def test_two_builds_give_the_same_bytes(build):
    first = _files(build("multi").outdir)
    second = _files(build("multi").outdir)
    assert len(first) > 8
    assert first == second


def test_parallel_build_gives_the_same_bytes(build):
    serial = build("multi", parallel=1)
    parallel = build("multi", parallel=2)
    assert serial.warning.getvalue() == parallel.warning.getvalue() == ""
    assert parallel.parallel == 2
    assert _files(serial.outdir) == _files(parallel.outdir)
