"""The benchmark script (bench/run.py) works: its generated decks build with the
``impress`` builder into presentations of the expected number of steps, and its quick
mode reports every row. Timings are never asserted here; the script measures them."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _load(name: str):
    """Import ``bench/<name>.py`` (bench/ is a folder of scripts, not a package)."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_generated_deck_has_every_part() -> None:
    source = _load("decks").deck_source(20)
    assert source.count("\n## Slide ") == 20
    assert source.count("```python") == 20
    assert source.count("```{math}") == 2  # every tenth slide
    assert source.count("- the first point") == 20


def test_hovercraft_form_of_the_deck_has_the_same_slides(tmp_path: Path, make_app) -> None:
    """The hovercraft form of the generated deck (what hovercraft 2.7 is given in the
    start-up comparison) holds the same slides as the MyST form: built as a hovercraft
    deck by sphinx-impress, it has as many steps, each with its heading, list and code."""
    decks = _load("decks")
    source = decks.hovercraft_source(20)
    assert source.count("\n----\n") == 20
    assert source.count(".. code:: python") == 20 and source.count(".. math::") == 2
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_impress"]\nsource_suffix = {".rst": "hovercraft"}\n'
        'suppress_warnings = ["impress.offline"]\n',
        encoding="utf-8",
    )
    (tmp_path / "index.rst").write_text(source, encoding="utf-8")
    app = make_app("impress", srcdir=tmp_path)
    app.build()
    page = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    steps = page.select("#impress > .step")
    assert len(steps) == 21  # as the MyST deck: the title's step, then one per slide
    assert all(step.find("pre") is not None for step in steps[1:])
    assert [step.find("h1").get_text() for step in steps[:3]] == [
        "Benchmark deck", "Slide 1", "Slide 2"
    ]


def test_generated_project_builds_with_one_step_per_slide(tmp_path: Path) -> None:
    decks, run = _load("decks"), _load("run")
    srcdir = decks.write_project(tmp_path / "src", {"talk-a": 12, "talk-b": 3})
    build, outdir = run.fresh_build(tmp_path, srcdir, "impress")
    assert sorted(build.read) == ["index", "talk-a", "talk-b"]
    for name, slides in (("talk-a", 12), ("talk-b", 3)):
        page = BeautifulSoup((outdir / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
        steps = page.select("#impress > .step")
        assert len(steps) == slides + 1  # the title's step, then one per slide
        assert steps[12 if slides == 12 else 1].find("pre") is not None
    page = BeautifulSoup((outdir / "talk-a.html").read_text(encoding="utf-8"), "html.parser")
    assert [s["id"] for s in page.select("#impress > .step") if s.select(".math")] == ["slide-10"]


def test_quick_run_reports_every_row(tmp_path: Path) -> None:
    # a process of its own: Playwright's sync API refuses to start twice in one
    # thread, and the browser tests may have started it in this one
    result = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--json", str(tmp_path / "out.json")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    text = result.stdout
    rows = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["rows"]
    measures = [row["measure"] for row in rows]
    expected = [
        "build, N = 10", "build, N = 50", "impress / dummy at N = 50", "impress / html",
        "impress time(50) / time(10)", "dummy time(50) / time(10)", "full build -j 1",
        ": rebuild / full build", "rebuild with nothing changed / full build",
        "decks read / decks written again", "full build -j 2 / -j 1",
        "assets a presentation loads", "write phase: HTML translator",
        "if sphinx-impress's own code took no time",
    ]
    for part in expected:
        assert sum(part in measure for measure in measures) == 1, part
        assert part in text
    by_name = {row["measure"]: row for row in rows}
    reread = next(row for name, row in by_name.items() if "decks read" in name)
    assert reread["ok"], reread["value"]  # only the edited deck is read and written again
    # timing targets are not judged on small decks built once
    for row in rows:
        if "ratio" in row["data"] and row["target"]:
            assert row["ok"] is None and "not judged" in row["target"], row
    idle = next(row for name, row in by_name.items() if "nothing changed" in name)
    assert idle["data"]["read_or_written"] == [], idle["value"]
    # the phases of one build: Pygments runs inside the translator's walk, which runs
    # inside the write phase, which is part of the whole build
    phases = next(row for name, row in by_name.items() if "write phase" in name)["data"]
    assert 0 < phases["highlight"] < phases["translate"] < phases["write"] < phases["build"]
    assert 0 < phases["presentation"] < phases["post_transforms"]
    weight = next(row for name, row in by_name.items() if "assets" in name)
    assert {Path(name).name for name in weight["data"]["files"]} >= {
        "impress.min.js", "impress-nearby.js", "impress-init.js", "impress-theme.css"
    }
    browser_rows = [m for m in measures if m.startswith(("Chromium", "median frame"))]
    if browser_rows != ["Chromium measurements"]:
        assert len([m for m in browser_rows if m.startswith("Chromium,")]) == 2
        assert any(m.startswith("median frame interval") for m in browser_rows)
    # the start-up comparison with hovercraft 2.7 installs it: not in the quick run
    start = [row for name, row in by_name.items() if name.startswith("start-up against hovercraft")]
    if browser_rows != ["Chromium measurements"]:
        assert [row["value"] for row in start] == [
            "not measured (--quick; --hovercraft measures it)"
        ]
    assert text.count("\n| ") == len(rows) + 2  # header, rule, one line per row
