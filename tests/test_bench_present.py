"""bench/present.py works without being timed: its hovercraft deck is read as one by
``sphinx-impress present`` and builds to one step per slide, and its report judges the
targets from the figures it is given. Timings are measured by the script, never
asserted here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sphinx_impress.serve.build import LiveBuild
from sphinx_impress.serve.source import looks_like_hovercraft, read_source

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _present_module():
    spec = importlib.util.spec_from_file_location("bench_present", BENCH / "present.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_hovercraft_deck_builds_one_step_per_slide(tmp_path: Path) -> None:
    bench = _present_module()
    deck = tmp_path / "deck.rst"
    deck.write_text(bench.hovercraft_source(12), encoding="utf-8")
    assert looks_like_hovercraft(deck.read_text(encoding="utf-8"))
    source = read_source(deck)
    assert source.file_type == "hovercraft"
    live = LiveBuild(source, tmp_path / "out", tmp_path / "doctrees")
    try:
        report = live.build()
    finally:
        live.close()
    assert report.ok, report.error
    html = (tmp_path / "out" / "deck.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html.parser")
    steps = page.select("#impress .step")
    assert len(steps) == 13  # the title slide and twelve
    assert "Slide 12 says something" in steps[-1].get_text()
    assert page.select("#impress .step .math")  # every tenth slide has math


def test_report_judges_the_targets() -> None:
    bench = _present_module()
    times = {
        "present-myst": [0.3, 0.2],
        "build-myst": [0.5, 0.6],
        "present-hc": [0.3, 0.5],
        "build-hc": [0.7, 0.8],
        "hovercraft": [0.25, 0.4],
    }
    text, data = bench.report(times, "python bench/present.py")
    ratios = data["ratios"]
    assert ratios["present-myst/build-myst"]["best"] == pytest.approx(0.4)
    assert ratios["present-hc/hovercraft"]["best"] == pytest.approx(1.2)
    lines = {line.split(" | ")[0].lstrip("| "): line for line in text.splitlines()}
    assert lines["present / sphinx-build, MyST deck"].endswith("| <= 0.50 | yes |")
    assert lines["present / hovercraft 2.7, hovercraft deck"].endswith("| <= 1.00 | **no** |")
