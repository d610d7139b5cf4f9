"""Benchmark the live preview of ``sphinx-impress present`` against a new
``sphinx-build`` process and hovercraft 2.7, on one edit of a 50-slide deck.

    python bench/present.py                      # 7 rounds; hovercraft 2.7 in a throwaway venv
    python bench/present.py --rounds 3 --json out.json
    python bench/present.py --no-hovercraft      # without the hovercraft comparison

Measured, round after round, the tools taking turns on their own copy of the deck:

- present: ``sphinx-impress present`` runs (warm, ``--host 127.0.0.1``), headless
  Chromium shows the deck at slide 25; the time from writing the edited file to the
  edited text in the started presentation (``body.impress-enabled``; the page updates
  the step in place, or reloads), as the page itself records it (``Date.now()``,
  checked on every animation frame);
- sphinx-build: the same edit, then ``python -m sphinx -b impress`` on the previously
  built project, in a new process (an incremental build), from start to exit;
- hovercraft: the same edit, then ``hovercraft deck.rst OUT`` (hovercraft 2.7 writes
  the whole deck every time), in a new process, from start to exit.

A first round warms every tool up and is not counted. Two decks of 50 slides: the
benchmark's MyST deck (bench/decks.py) in a project with ``conf.py``, and the same
content as a hovercraft deck (reStructuredText, ``----`` between slides), which all
three tools build. Each figure is the best (shortest) of the rounds, the median
beside it; the targets (issue 16) are present ≤ 0.5 × the sphinx-build rebuild and ≤
1.0 × hovercraft's regeneration, judged on the best.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "tests"))
sys.path.insert(0, str(REPO_ROOT / "tools"))

from decks import deck_source  # noqa: E402

#: Addresses not on this machine (MathJax's): refused, there is no network here.
_REMOTE = re.compile(r"^https?://(?!127\.0\.0\.1)")

SLIDES = 50
EDITED = 25
TARGET_SPHINX = 0.5
TARGET_HOVERCRAFT = 1.0

#: Records when the text the benchmark waits for (sessionStorage "bench-wanted") is in
#: the started presentation: in every page the browser loads (an init script), and in
#: the page as it is (the page may update in place).
_WATCH_TEXT = """
(() => {
    const look = () => {
        const wanted = sessionStorage.getItem('bench-wanted');
        const root = document.getElementById('impress');
        if (wanted && root && document.body && document.body.classList.contains('impress-enabled')
                && root.textContent.includes(wanted)) {
            sessionStorage.setItem('bench-seen:' + wanted, String(Date.now()));
            return;
        }
        requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
})();
"""


def hovercraft_source(slides: int) -> str:
    """The benchmark deck as a hovercraft deck (``:skip-help:``, a field only
    hovercraft has, makes ``present`` read it as one): a title slide, then ``slides``
    slides (heading, paragraph, list, Python code, math on every tenth), ``----``
    between."""
    parts = [
        ":title: Benchmark deck\n:skip-help: true\n\n----\n\nBenchmark deck\n==============\n\n"
        f"A generated deck of {slides} slides.\n"
    ]
    for number in range(1, slides + 1):
        text = (
            f"----\n\nSlide {number}\n{'=' * len(f'Slide {number}')}\n\n"
            f"Slide {number} says something in *one* paragraph with ``inline code``.\n\n"
            f"- the first point of slide {number}\n"
            f"- the second point, **stressed**\n"
            f"- the third point\n\n"
            f".. code:: python\n\n    def slide_{number}(x):\n        return x * {number} + 1\n"
        )
        if number % 10 == 0:
            text += f"\n.. math::\n\n    e^{{i\\pi}} + {number} = {number - 1}\n"
        parts.append(text)
    return "\n".join(parts)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    for name in ("CI", "FORCE_COLOR"):
        env.pop(name, None)
    return env


def _timed(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=_env(), check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        )
    return seconds


class Deck:
    """One tool's copy of a deck: the file edited each round and what it says now."""

    def __init__(self, path: Path, marker: str) -> None:
        self.path = path
        self.current = marker

    def edit(self, new: str) -> None:
        _edit(self.path, self.current, new)
        self.current = new


def _live_round(page: Any, deck: Deck, new: str) -> float:
    """Write the edit; seconds until the page showed it."""
    page.bring_to_front()
    page.evaluate("w => sessionStorage.setItem('bench-wanted', w)", new)
    page.evaluate(_WATCH_TEXT)
    before = time.time() * 1000
    deck.edit(new)
    page.wait_for_function(
        "w => sessionStorage.getItem('bench-seen:' + w) !== null", arg=new, timeout=60_000
    )
    seen = float(page.evaluate("w => sessionStorage.getItem('bench-seen:' + w)", new))
    return (seen - before) / 1000


def measure(work: Path, rounds: int, hovercraft: Path | None) -> dict[str, list[float]]:
    """Run the rounds; the seconds of each tool's runs."""
    from playwright.sync_api import sync_playwright
    from present_process import PresentProcess

    slide = f"Slide {EDITED} says something"
    # the MyST project: one copy for present, one for sphinx-build
    myst_text = deck_source(SLIDES)
    conf = (
        'extensions = ["myst_parser", "sphinx_impress"]\nsuppress_warnings = ["impress.offline"]\n'
    )
    hc_text = hovercraft_source(SLIDES)
    hc_conf = conf + 'source_suffix = {".rst": "hovercraft"}\nroot_doc = "deck"\n'
    folders = {}
    for name, text, conf_py, filename in (
        ("present-myst", myst_text, conf, "index.md"),
        ("build-myst", myst_text, conf, "index.md"),
        ("present-hc", hc_text, None, "deck.rst"),
        ("build-hc", hc_text, hc_conf, "deck.rst"),
        ("hovercraft", hc_text, None, "deck.rst"),
    ):
        folder = work / name
        folder.mkdir()
        if conf_py:
            (folder / "conf.py").write_text(conf_py, encoding="utf-8")
        (folder / filename).write_text(text, encoding="utf-8")
        folders[name] = folder / filename
    decks = {name: Deck(path, slide) for name, path in folders.items()}
    builds = {}
    for name in ("build-myst", "build-hc"):
        srcdir = folders[name].parent
        out = work / f"{name}-out"
        builds[name] = [
            sys.executable,
            "-m",
            "sphinx",
            "-q",
            "-b",
            "impress",
            "-d",
            str(out / ".doctrees"),
            str(srcdir),
            str(out),
        ]
        _timed(builds[name])  # the full build the incremental ones start from
    hc_command = None
    if hovercraft is not None:
        hc_command = [str(hovercraft), str(folders["hovercraft"]), str(work / "hovercraft-out")]
        _timed(hc_command)
    times: dict[str, list[float]] = {name: [] for name in decks}
    servers = {
        "present-myst": PresentProcess(folders["present-myst"].parent),
        "present-hc": PresentProcess(folders["present-hc"]),
    }
    try:
        with sync_playwright() as playwright:
            chromium = shutil.which("chromium") or "/usr/bin/chromium"
            browser = playwright.chromium.launch(
                executable_path=chromium,
                headless=True,
                args=["--no-sandbox", "--no-first-run", "--disable-background-networking"],
            )
            pages = {}
            for name, server in servers.items():
                # a browser context (a window) each: a page in a background tab gets
                # its animation frames and timers throttled
                context = browser.new_context(viewport={"width": 1280, "height": 720})
                context.route(_REMOTE, lambda route: route.abort())
                context.add_init_script(_WATCH_TEXT)
                page = context.new_page()
                page.goto(server.page_url)
                page.wait_for_selector("body.impress-enabled", state="attached")
                step = "slide-25" if name == "present-myst" else None
                if step is None:
                    step = page.evaluate("() => document.querySelectorAll('#impress .step')[25].id")
                page.evaluate("id => impress().goto(id, 0)", step)
                pages[name] = page
            # round 0 warms every tool up (file caches, the first rebuild of each
            # server) and is not counted
            for number in range(rounds + 1):
                for name in decks:  # the tools take turns
                    new = f"Slide {EDITED} says something new ({name} {number})"
                    if name in pages:
                        seconds = _live_round(pages[name], decks[name], new)
                    else:
                        decks[name].edit(new)
                        command = hc_command if name == "hovercraft" else builds[name]
                        if command is None:
                            continue
                        seconds = _timed(command)
                    if number:
                        times[name].append(seconds)
                    _progress(f"round {number}: {name} {seconds:.3f} s")
                    time.sleep(0.3)  # let the machine settle between tools
            browser.close()
    finally:
        for server in servers.values():
            server.close()
    return {name: runs for name, runs in times.items() if runs}


def report(times: dict[str, list[float]], command: str) -> tuple[str, dict[str, Any]]:
    """The Markdown table of the figures and the targets."""
    best = {name: min(runs) for name, runs in times.items()}
    median = {name: statistics.median(runs) for name, runs in times.items()}
    labels = {
        "present-myst": "present, MyST deck (project with conf.py): file written → text shown",
        "build-myst": "sphinx-build -b impress, new process, incremental, MyST deck",
        "present-hc": "present, hovercraft deck (one file, no conf.py): file written → text shown",
        "build-hc": "sphinx-build -b impress, new process, incremental, hovercraft deck",
        "hovercraft": "hovercraft 2.7, new process, whole deck, hovercraft deck",
    }
    lines = [
        f"Command: `{command}`",
        "",
        "| measure | best s | median s | runs |",
        "| --- | --- | --- | --- |",
    ]
    for name in labels:
        if name in times:
            runs = ", ".join(f"{t:.3f}" for t in times[name])
            lines.append(f"| {labels[name]} | {best[name]:.3f} | {median[name]:.3f} | {runs} |")
    lines += [
        "",
        "| ratio (best / best; median / median) | value | target | met |",
        "| --- | --- | --- | --- |",
    ]
    ratios: dict[str, Any] = {}

    def ratio(label: str, a: str, b: str, target: float | None) -> None:
        if a not in best or b not in best:
            return
        value, by_median = best[a] / best[b], median[a] / median[b]
        ratios[f"{a}/{b}"] = {"best": value, "median": by_median, "target": target}
        met = "" if target is None else ("yes" if value <= target else "**no**")
        shown_target = "" if target is None else f"<= {target:.2f}"
        lines.append(f"| {label} | {value:.2f} ({by_median:.2f}) | {shown_target} | {met} |")

    ratio("present / sphinx-build, MyST deck", "present-myst", "build-myst", TARGET_SPHINX)
    ratio("present / sphinx-build, hovercraft deck", "present-hc", "build-hc", TARGET_SPHINX)
    ratio(
        "present / hovercraft 2.7, hovercraft deck", "present-hc", "hovercraft", TARGET_HOVERCRAFT
    )
    ratio("present (MyST deck) / hovercraft 2.7", "present-myst", "hovercraft", None)
    return "\n".join(lines) + "\n", {
        "best": best,
        "median": median,
        "runs": times,
        "ratios": ratios,
    }


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7, help="rounds (default 7)")
    parser.add_argument("--no-hovercraft", action="store_true", help="leave hovercraft out")
    parser.add_argument(
        "--hovercraft-venv",
        type=Path,
        default=Path(tempfile.gettempdir()) / "sphinx-impress-bench-hovercraft",
        help="where hovercraft 2.7's throwaway environment is (made when missing)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    command = (
        "python bench/present.py"
        + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    )
    hovercraft = None
    if not args.no_hovercraft:
        from hovercraft_venv import hovercraft as setup_hovercraft

        hovercraft = setup_hovercraft(args.hovercraft_venv.resolve())
    with tempfile.TemporaryDirectory(prefix="impress-bench-present-") as folder:
        times = measure(Path(folder), args.rounds, hovercraft)
    text, data = report(times, command)
    print(text)
    if args.json:
        args.json.write_text(json.dumps({"command": command, **data}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
