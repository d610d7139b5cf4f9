"""Benchmark sphinx-impress: build times against Sphinx's own builders, incremental and
parallel rebuilds, the weight of a presentation's assets, and how smoothly Chromium
presents a big deck.

    python bench/run.py                     # the full run (about 6 to 10 minutes)
    python bench/run.py --quick             # a smoke test with small decks (under a minute)
    python bench/run.py --json out.json     # also write every figure as JSON
    python bench/run.py --no-browser        # leave out the Chromium measurements

Every build runs ``python -m sphinx`` in a fresh process, with fresh output and doctree
folders in a temporary directory, and imports the sphinx_impress of this checkout
(its folder goes first on ``PYTHONPATH``). Each figure is the best (the shortest) of
``--repeat`` runs (3 by default): on a shared machine the shortest run is the one least
disturbed by other work. The report is a Markdown table on standard output, each row
with its target and whether it is met. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

from decks import hovercraft_source, write_project

REPO_ROOT = Path(__file__).resolve().parents[1]
#: The script that times the phases of a build (bench/phases.py).
PHASES = Path(__file__).resolve().parent / "phases.py"

#: Slide counts of the single-deck build comparison.
FULL_SIZES = (100, 1000, 5000)
QUICK_SIZES = (10, 50)
#: The multi-deck project: decks x slides per deck.
FULL_PROJECT = (20, 50)
QUICK_PROJECT = (4, 5)
#: Steps of the two decks presented in Chromium (the title makes one step).
FULL_BROWSER_STEPS = (20, 1000)
QUICK_BROWSER_STEPS = (5, 40)

#: Targets of issue 7.
TARGET_IMPRESS_OVER_DUMMY = 1.10  # at N = 1000
TARGET_LINEAR = 5.5  # time(5000) / time(1000)
TARGET_INCREMENTAL = 0.15  # edit one deck of 20 / full build
TARGET_WEIGHT = 80 * 1024  # bytes
TARGET_FRAMES = 1.5  # median frame interval, big deck / small deck
TARGET_PATH_ARCS = 1.0  # s, placing steps along a path of 5000 arcs (issue 15)
TARGET_START = 0.5  # load to impress:init of a 1000-step deck / hovercraft 2.7's (issue 14)

#: Steps of the deck whose start-up is compared with hovercraft's, and the page loads
#: of each (the two take turns).
FULL_START = (1000, 15)
QUICK_START = (40, 2)

_READING = re.compile(r"^reading sources\.\.\. \[\s*\d+%\] (\S+)", re.MULTILINE)
_WRITING = re.compile(r"^writing output\.\.\. \[\s*\d+%\] (\S+)", re.MULTILINE)


@dataclass
class Row:
    """One line of the report: what was measured, the figure, its target."""

    measure: str
    value: str
    target: str = ""
    ok: bool | None = None
    data: dict[str, Any] = field(default_factory=dict)


# ---- builds ---------------------------------------------------------------------------


@dataclass
class Build:
    """One ``sphinx-build`` run: wall time and CPU time (user + system) of its process,
    in seconds, and the docnames it read and wrote."""

    seconds: float
    cpu: float
    read: list[str]
    written: list[str]


def sphinx_build(
    srcdir: Path,
    outdir: Path,
    doctreedir: Path,
    builder: str,
    jobs: int = 1,
    phases: Path | None = None,
) -> Build:
    """Run ``python -m sphinx -b <builder>`` in a fresh process; its wall time (s) and
    the documents it read and wrote, from its progress lines. With ``phases``, the
    build runs under ``bench/phases.py``, which writes the seconds of its phases to
    that JSON file.

    :raises RuntimeError: when the build fails.
    """
    env = dict(os.environ)
    # Sphinx writes its progress as one self-overwriting line when CI or FORCE_COLOR is
    # set; without them each document gets a line of its own, which is what is read
    for name in ("CI", "FORCE_COLOR"):
        env.pop(name, None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    runner = ["-m", "sphinx"] if phases is None else [str(PHASES), "--json", str(phases), "--"]
    command = [
        sys.executable,
        *runner,
        "-N",
        "-b",
        builder,
        "-j",
        str(jobs),
        "-d",
        str(doctreedir),
        str(srcdir),
        str(outdir),
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return Build(seconds, cpu, _READING.findall(result.stdout), _WRITING.findall(result.stdout))


def fresh_build(
    work: Path, srcdir: Path, builder: str, jobs: int = 1, phases: Path | None = None
) -> tuple[Build, Path]:
    """A build into new output and doctree folders; the build and its output folder."""
    target = Path(tempfile.mkdtemp(prefix=f"{builder}-", dir=work))
    outdir = target / "out"
    return sphinx_build(srcdir, outdir, target / "doctrees", builder, jobs, phases), outdir


def measure_phases(work: Path, srcdir: Path, repeat: int) -> dict[str, float]:
    """Seconds of each phase of an ``impress`` build of ``srcdir``
    (``bench/phases.py``), from the run whose whole build was shortest."""
    runs = []
    for attempt in range(repeat):
        seconds = work / f"phases-{attempt}.json"
        _, outdir = fresh_build(work, srcdir, "impress", phases=seconds)
        shutil.rmtree(outdir.parent)
        runs.append(json.loads(seconds.read_text(encoding="utf-8")))
    return min(runs, key=lambda phases: phases["build"])


def measure_builds(work: Path, sizes: tuple[int, ...], repeat: int) -> list[Row]:
    """Best wall and CPU time of ``dummy``, ``impress`` and ``html`` on one deck of
    each size. Targets are judged on wall time; CPU time (user + system of the build
    process) is shown beside it, being less disturbed by other work on the machine."""
    wall: dict[int, dict[str, float]] = {}
    cpu: dict[int, dict[str, float]] = {}
    for slides in sizes:
        srcdir = write_project(work / f"deck-{slides}", {"index": slides})
        wall[slides], cpu[slides] = {}, {}
        runs: dict[str, list[Build]] = {"dummy": [], "impress": [], "html": []}
        # the builders take turns, so that a slow spell of the machine falls on all
        for _ in range(repeat):
            for builder, builds in runs.items():
                build, outdir = fresh_build(work, srcdir, builder)
                builds.append(build)
                shutil.rmtree(outdir.parent)
        for builder, builds in runs.items():
            wall[slides][builder] = min(b.seconds for b in builds)
            cpu[slides][builder] = min(b.cpu for b in builds)
            _progress(
                f"{builder} N={slides}: wall {_fmt_runs([b.seconds for b in builds])}, "
                f"CPU {_fmt_runs([b.cpu for b in builds])}"
            )
    rows = []
    for slides in sizes:
        rows.append(
            Row(
                f"build, N = {slides}: impress / dummy / html, wall (CPU) s",
                " / ".join(
                    f"{wall[slides][b]:.2f} ({cpu[slides][b]:.2f})"
                    for b in ("impress", "dummy", "html")
                ),
                data={"slides": slides, "wall": wall[slides], "cpu": cpu[slides]},
            )
        )

    def ratio_row(label: str, a: tuple[int, str], b: tuple[int, str], target: float | None) -> Row:
        by_wall = wall[a[0]][a[1]] / wall[b[0]][b[1]]
        by_cpu = cpu[a[0]][a[1]] / cpu[b[0]][b[1]]
        return Row(
            label,
            f"{by_wall:.2f} (CPU {by_cpu:.2f})",
            f"<= {target:.2f}" if target else "",
            None if target is None else by_wall <= target,
            {"ratio": by_wall, "cpu_ratio": by_cpu},
        )

    middle = 1000 if 1000 in sizes else sizes[-1]
    rows.append(
        ratio_row(
            f"impress / dummy at N = {middle}",
            (middle, "impress"),
            (middle, "dummy"),
            TARGET_IMPRESS_OVER_DUMMY,
        )
    )
    rows.append(
        ratio_row(f"impress / html at N = {middle}", (middle, "impress"), (middle, "html"), None)
    )
    phases = measure_phases(work, work / f"deck-{middle}", repeat)
    _progress(f"impress N={middle} phases: {json.dumps(phases, sort_keys=True)}")
    own = phases.get("presentation", 0.0) + phases.get("canvas", 0.0)
    rows.append(
        Row(
            f"impress at N = {middle}, write phase: HTML translator (Pygments in it) / "
            "sphinx-impress's post-transform and canvas map / page template, s",
            f"{phases.get('translate', 0.0):.2f} ({phases.get('highlight', 0.0):.2f})"
            f" / {own:.2f} / "
            f"{phases.get('page', 0.0):.2f}",
            data=phases,
        )
    )
    floor = (wall[middle]["dummy"] + phases.get("translate", 0.0)) / wall[middle]["dummy"]
    rows.append(
        Row(
            f"floor of impress / dummy, N = {middle}, if sphinx-impress's own code took no "
            "time: (dummy + this build's HTML translator) / dummy",
            f"{floor:.2f}",
            data={"ratio": floor},
        )
    )
    if len(sizes) >= 2:
        small, big = (1000, 5000) if {1000, 5000} <= set(sizes) else sizes[-2:]
        # the 5.5 for five times the slides, scaled to other size pairs
        target = TARGET_LINEAR * (big / small) / 5
        rows.append(
            ratio_row(
                f"impress time({big}) / time({small})", (big, "impress"), (small, "impress"), target
            )
        )
        rows.append(
            ratio_row(f"dummy time({big}) / time({small})", (big, "dummy"), (small, "dummy"), None)
        )
    return rows


def measure_project(work: Path, decks: int, slides: int, repeat: int) -> list[Row]:
    """Full, incremental (one deck edited) and ``-j 2`` builds of a project of
    ``decks`` decks; the documents each incremental build read and wrote."""
    names = [f"deck{n:02d}" for n in range(1, decks + 1)]
    edited = names[len(names) // 2]
    srcdir = write_project(work / f"project-{decks}", dict.fromkeys(names, slides))
    full, incremental, parallel, full_cpu, incremental_cpu, idle = [], [], [], [], [], []
    read: set[str] = set()
    written: set[str] = set()
    idle_work: set[str] = set()  # documents a build with nothing changed read or wrote
    for attempt in range(repeat):
        build, outdir = fresh_build(work, srcdir, "impress")
        full.append(build.seconds)
        full_cpu.append(build.cpu)
        source = srcdir / f"{edited}.md"
        text = source.read_text(encoding="utf-8")
        source.write_text(
            text.replace("says something", f"says something new ({attempt})", 1), encoding="utf-8"
        )
        again = sphinx_build(srcdir, outdir, outdir.parent / "doctrees", "impress")
        source.write_text(text, encoding="utf-8")
        incremental.append(again.seconds)
        incremental_cpu.append(again.cpu)
        # the edit was taken back, so the next build reads that deck once more; the one
        # after it has nothing to read or write: the floor of any rebuild (start-up,
        # loading the environment, finishing)
        sphinx_build(srcdir, outdir, outdir.parent / "doctrees", "impress")
        nothing = sphinx_build(srcdir, outdir, outdir.parent / "doctrees", "impress")
        idle.append(nothing.seconds)
        idle_work.update(nothing.read + nothing.written)
        read.update(again.read)
        written.update(again.written)
        shutil.rmtree(outdir.parent)
        build, outdir = fresh_build(work, srcdir, "impress", jobs=2)
        parallel.append(build.seconds)
        shutil.rmtree(outdir.parent)
    _progress(
        f"project: full {_fmt_runs(full)}, incremental {_fmt_runs(incremental)}, "
        f"nothing changed {_fmt_runs(idle)}, -j 2 {_fmt_runs(parallel)}"
    )
    ratio = min(incremental) / min(full)
    cpu_ratio = min(incremental_cpu) / min(full_cpu)
    decks_read = sorted(read & set(names))
    decks_written = sorted(written & set(names))
    only_edited = decks_read == [edited] and decks_written == [edited]
    others = sorted((read | written) - set(names))
    return [
        Row(
            f"{decks} decks x {slides} slides: full build -j 1 (s)",
            f"{min(full):.2f}",
            data={"runs": full},
        ),
        Row(
            f"edit {edited}: rebuild / full build",
            f"{ratio:.2f} ({min(incremental):.2f} s; by CPU time {cpu_ratio:.2f})",
            f"<= {TARGET_INCREMENTAL:.2f}",
            ratio <= TARGET_INCREMENTAL,
            {"ratio": ratio, "cpu_ratio": cpu_ratio, "runs": incremental},
        ),
        Row(
            "rebuild with nothing changed / full build (the floor of any rebuild)",
            f"{min(idle) / min(full):.2f} ({min(idle):.2f} s"
            + (f"; it read or wrote {', '.join(sorted(idle_work))}" if idle_work else "")
            + ")",
            data={
                "ratio": min(idle) / min(full),
                "runs": idle,
                "read_or_written": sorted(idle_work),
            },
        ),
        Row(
            f"edit {edited}: decks read / decks written again",
            f"{', '.join(decks_read) or 'none'} / {', '.join(decks_written) or 'none'}"
            + (f" (also written: {', '.join(others)}, whose toctree lists it)" if others else ""),
            f"only {edited}",
            only_edited,
            {"read": sorted(read), "written": sorted(written)},
        ),
        Row(
            "full build -j 2 / -j 1",
            f"{min(parallel) / min(full):.2f} ({min(parallel):.2f} s)",
            data={"ratio": min(parallel) / min(full), "runs": parallel},
        ),
    ]


# ---- weight ---------------------------------------------------------------------------


def measure_weight(work: Path) -> list[Row]:
    """Bytes of the local style sheets and scripts a presentation page loads."""
    from bs4 import BeautifulSoup

    srcdir = write_project(work / "weight", {"index": 3})
    _, outdir = fresh_build(work, srcdir, "impress")
    soup = BeautifulSoup((outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
    files = [tag["src"] for tag in soup.find_all("script", src=True)]
    files += [tag["href"] for tag in soup.find_all("link", rel="stylesheet")]
    sizes = {}
    for name in files:
        name = name.split("?", 1)[0]
        if "://" in name:
            continue
        sizes[name] = (outdir / name).stat().st_size
    total = sum(sizes.values())
    detail = ", ".join(f"{Path(n).name} {s}" for n, s in sizes.items())
    return [
        Row(
            "assets a presentation loads (bytes)",
            f"{total} ({detail})",
            f"<= {TARGET_WEIGHT}",
            total <= TARGET_WEIGHT,
            {"total": total, "files": sizes},
        )
    ]


# ---- path layouts -----------------------------------------------------------------------


def measure_paths(repeat: int) -> list[Row]:
    """Seconds to place 20 steps along SVG path data of 50 and of 5000 arcs (best of
    ``repeat``); measurement does bounded work (sphinx_impress.core.layouts)."""
    from sphinx_impress.core.layouts import Layout, place_run

    rows = []
    for count in (50, 5000):
        data = "M 0 0 " + " ".join(
            f"A {40 + n % 7} {25 + n % 5} {n % 90} {n % 2} 1 {n * 10 + 10} {(n % 3) * 5}"
            for n in range(count)
        )
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            place_run(Layout("path", path=data, rotate=True), 20, None, 1920, 1080)
            runs.append(time.perf_counter() - start)
        best = min(runs)
        target = f"< {TARGET_PATH_ARCS:.1f} s" if count == 5000 else ""
        rows.append(
            Row(
                f"path layout of {count} arcs, 20 steps (s)",
                f"{best:.3f} ({_fmt_runs(runs)})",
                target,
                best < TARGET_PATH_ARCS if count == 5000 else None,
                {"seconds": best},
            )
        )
    return rows


# ---- the browser ----------------------------------------------------------------------

#: Records when impress.js fires impress:init, before any script of the page runs.
_INIT_RECORDER = """
document.addEventListener('impress:init', () => { window.__benchInit = performance.now(); }, true);
"""

#: Goes to ``target`` and collects requestAnimationFrame timestamps (ms) from the call
#: until impress:stepenter for it, and for 100 ms more.
_TRANSITION_JS = """
target => new Promise(resolve => {
    const stamps = [];
    let done = false;
    const tick = now => { stamps.push(now); if (!done) requestAnimationFrame(tick); };
    const onEnter = event => {
        if (event.target.id !== target) return;
        document.removeEventListener('impress:stepenter', onEnter);
        setTimeout(() => { done = true; resolve(stamps); }, 100);
    };
    document.addEventListener('impress:stepenter', onEnter);
    requestAnimationFrame(now => {
        stamps.push(now); impress().goto(target); requestAnimationFrame(tick);
    });
})
"""


def _chromium() -> str | None:
    return shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )


def present(page: Any, url: str, repeat: int) -> dict[str, Any]:
    """Load ``url``; the time (ms) from navigation to impress:init, and the frame
    intervals (ms) of ``repeat`` transitions between two neighbouring steps in the
    middle of the deck (forward, back, forward ...)."""
    page.goto(url)
    page.wait_for_function("() => window.__benchInit !== undefined")
    init_ms = page.evaluate("() => window.__benchInit")
    ids = page.evaluate("() => [...document.querySelectorAll('#impress .step')].map(s => s.id)")
    middle = len(ids) // 2
    page.evaluate(
        "id => new Promise(r => { document.addEventListener('impress:stepenter', r, {once: true});"
        " impress().goto(id, 0); })",
        ids[middle - 1],
    )
    intervals: list[float] = []
    for attempt in range(repeat):
        target = ids[middle] if attempt % 2 == 0 else ids[middle - 1]
        stamps = page.evaluate(_TRANSITION_JS, target)
        intervals.extend(b - a for a, b in itertools.pairwise(stamps))
    return {"steps": len(ids), "init_ms": init_ms, "intervals": intervals}


def measure_browser(work: Path, step_counts: tuple[int, ...], repeat: int) -> list[Row]:
    """Load time and frame intervals in headless Chromium for decks of ``step_counts``
    steps, each loaded ``repeat`` times in a fresh page (best load time, median frame
    interval over all transitions)."""
    chromium = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        chromium = None
    if chromium is None:
        return [Row("Chromium measurements", "skipped: no Playwright or no Chromium")]
    sites = {}
    for steps in step_counts:
        srcdir = write_project(work / f"browser-{steps}", {"index": steps - 1})
        sites[steps] = fresh_build(work, srcdir, "impress")[1]
    results: dict[int, dict[str, Any]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=["--no-sandbox", "--no-first-run", "--disable-background-networking"],
        )
        for steps, outdir in sites.items():
            inits, intervals = [], []
            for _ in range(repeat):
                context = browser.new_context(viewport={"width": 1280, "height": 720})
                context.route(re.compile(r"^https?://"), lambda route: route.abort())
                context.add_init_script(_INIT_RECORDER)
                page = context.new_page()
                found = present(page, (outdir / "index.html").as_uri(), 3)
                assert found["steps"] == steps, (found["steps"], steps)
                inits.append(found["init_ms"])
                intervals.extend(found["intervals"])
                context.close()
            results[steps] = {
                "init_ms": min(inits),
                "median_frame_ms": statistics.median(intervals),
                "p95_frame_ms": sorted(intervals)[int(0.95 * (len(intervals) - 1))],
                "frames": len(intervals),
            }
            _progress(f"chromium {steps} steps: {results[steps]}")
        browser.close()
    rows = []
    for steps, found in results.items():
        rows.append(
            Row(
                f"Chromium, {steps} steps: load to impress:init / median / "
                "95th percentile frame interval (ms)",
                f"{found['init_ms']:.0f} / {found['median_frame_ms']:.1f}"
                f" / {found['p95_frame_ms']:.1f}",
                data=found,
            )
        )
    small, big = step_counts[0], step_counts[-1]
    ratio = results[big]["median_frame_ms"] / results[small]["median_frame_ms"]
    rows.append(
        Row(
            f"median frame interval, {big} steps / {small} steps",
            f"{ratio:.2f}",
            f"<= {TARGET_FRAMES:.2f}",
            ratio <= TARGET_FRAMES,
            {"ratio": ratio},
        )
    )
    return rows


# ---- start-up against hovercraft 2.7 ----------------------------------------------------

#: Records, before any script of the page runs, when impress.js fires impress:init and
#: when the first frame after it starts (ms from the start of navigation).
_START_RECORDER = """
document.addEventListener('impress:init', () => {
    window.__benchInit = performance.now();
    requestAnimationFrame(() => { window.__benchFrame = performance.now(); });
}, true);
"""


def _load_times(browser: Any, url: str) -> tuple[float, float]:
    """One load of ``url`` in a fresh 1280 x 720 context with every request to the
    network refused: (navigation start to impress:init, to the first frame after it),
    in ms."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    try:
        context.route(re.compile(r"^(https?|wss?)://"), lambda route: route.abort())
        context.add_init_script(_START_RECORDER)
        page = context.new_page()
        page.goto(url)
        page.wait_for_function("() => window.__benchFrame !== undefined", timeout=60_000)
        return page.evaluate("() => [window.__benchInit, window.__benchFrame]")
    finally:
        context.close()


def measure_start(work: Path, steps: int, runs: int) -> list[Row]:
    """Start-up of the same generated deck of ``steps`` steps as sphinx-impress and as
    hovercraft 2.7 (from a throwaway environment, bench/hovercraft_env.py) present it, in
    headless Chromium: ``runs`` loads of each, taking turns (the order swapped every
    run), every request to the network refused on both sides; medians of the time from
    the start of navigation to ``impress:init`` and to the first frame after it."""
    import hovercraft_env as hovercraft

    chromium = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        chromium = None
    if chromium is None:
        return [Row("start-up against hovercraft 2.7", "skipped: no Playwright or no Chromium")]
    ours = fresh_build(
        work, write_project(work / f"start-{steps}", {"index": steps - 1}), "impress"
    )[1]
    source = work / f"start-{steps}.rst"
    source.write_text(hovercraft_source(steps - 1), encoding="utf-8")
    try:
        command = hovercraft.install(work / "hovercraft-env")
        theirs = work / f"start-{steps}-hovercraft"
        hovercraft.build(command, source, theirs)
    except hovercraft.HovercraftError as error:
        _progress(str(error))
        return [Row("start-up against hovercraft 2.7", f"skipped: {str(error).splitlines()[0]}")]
    pages = {
        "sphinx-impress": (ours / "index.html").as_uri(),
        "hovercraft 2.7": (theirs / "index.html").as_uri(),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in pages}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            headless=True,
            args=["--no-sandbox", "--no-first-run", "--disable-background-networking"],
        )
        for run in range(runs):
            order = list(pages) if run % 2 == 0 else list(reversed(pages))
            for name in order:
                times[name].append(_load_times(browser, pages[name]))
        browser.close()
    medians = {
        name: (statistics.median(t[0] for t in found), statistics.median(t[1] for t in found))
        for name, found in times.items()
    }
    for name, found in times.items():
        _progress(f"start-up {name}: init {_fmt_runs([t[0] for t in found])} ms")
    ratio = medians["sphinx-impress"][0] / medians["hovercraft 2.7"][0]
    frame_ratio = medians["sphinx-impress"][1] / medians["hovercraft 2.7"][1]
    return [
        Row(
            f"start-up, {steps} steps, median of {runs} loads each: navigation start to "
            "impress:init / to the first frame after it, sphinx-impress vs hovercraft 2.7 (ms)",
            " vs ".join(f"{init:.0f} / {frame:.0f}" for init, frame in medians.values()),
            data={"medians": medians, "runs": times},
        ),
        Row(
            f"start-up, {steps} steps: load to impress:init, sphinx-impress / hovercraft 2.7",
            f"{ratio:.2f} (to the first frame: {frame_ratio:.2f})",
            f"<= {TARGET_START:.2f}",
            ratio <= TARGET_START,
            {"ratio": ratio, "frame_ratio": frame_ratio},
        ),
    ]


# ---- the report -----------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    versions = {}
    for name in ("sphinx", "docutils", "myst_parser", "pygments"):
        try:
            versions[name] = __import__(name).__version__
        except (ImportError, AttributeError):
            versions[name] = "?"
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average": load,
        **versions,
    }


def report(rows: list[Row], info: dict[str, Any], command: str) -> str:
    """The Markdown report: the machine, the command, then a table of the rows."""
    load = info["load_average"]
    lines = [
        f"Command: `{command}`",
        "",
        f"Machine: {info['platform']}, {info['cpus']} CPUs, Python {info['python']}, "
        f"Sphinx {info['sphinx']}, docutils {info['docutils']}, myst-parser {info['myst_parser']}"
        + (
            f"; load average at the end {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}"
            if load
            else ""
        ),
        "",
        "| measure | value | target | met |",
        "| --- | --- | --- | --- |",
    ]
    for row in rows:
        met = "" if row.ok is None else ("yes" if row.ok else "**no**")
        lines.append(f"| {row.measure} | {row.value} | {row.target} | {met} |")
    return "\n".join(lines) + "\n"


def run(
    quick: bool = False,
    repeat: int | None = None,
    browser: bool = True,
    work: Path | None = None,
    hovercraft: bool | None = None,
    start_only: bool = False,
) -> list[Row]:
    """Every measurement; ``quick`` uses small decks and one run each. The start-up
    comparison with hovercraft 2.7 installs it from the package index: it runs unless
    ``hovercraft`` is false, and with ``quick`` only if ``hovercraft`` is true."""
    repeat = repeat or (1 if quick else 3)
    if start_only:
        with tempfile.TemporaryDirectory(prefix="impress-bench-", dir=work) as folder:
            return measure_start(Path(folder), *(QUICK_START if quick else FULL_START))
    with tempfile.TemporaryDirectory(prefix="impress-bench-", dir=work) as folder:
        base = Path(folder)
        rows = measure_builds(base, QUICK_SIZES if quick else FULL_SIZES, repeat)
        rows += measure_project(base, *(QUICK_PROJECT if quick else FULL_PROJECT), repeat)
        rows += measure_weight(base)
        rows += measure_paths(repeat)
        if browser:
            rows += measure_browser(
                base, QUICK_BROWSER_STEPS if quick else FULL_BROWSER_STEPS, repeat
            )
            if hovercraft or (hovercraft is None and not quick):
                rows += measure_start(base, *(QUICK_START if quick else FULL_START))
            else:
                rows.append(
                    Row(
                        "start-up against hovercraft 2.7",
                        "not measured ("
                        + ("--quick" if hovercraft is None else "--no-hovercraft")
                        + "; --hovercraft measures it)",
                    )
                )
    if quick:
        # the timing targets are for the full sizes and several runs: small decks built
        # once say nothing about them (the weight and what a rebuild reads still count)
        for row in rows:
            if row.ok is not None and "ratio" in row.data:
                row.ok = None
                row.target += " (not judged with --quick)"
    return rows


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _fmt_runs(runs: list[float]) -> str:
    return ", ".join(f"{r:.2f}" for r in runs)


def main(argv: list[str] | None = None) -> int:
    """Command line: run, print the Markdown report, optionally write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small decks, one run each")
    parser.add_argument("--repeat", type=int, help="runs per figure (default 3, 1 with --quick)")
    parser.add_argument(
        "--no-browser", action="store_true", help="leave out the Chromium measurements"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument(
        "--hovercraft",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="compare start-up with hovercraft 2.7, installed into a throwaway environment "
        "(default: in the full run, not with --quick)",
    )
    parser.add_argument(
        "--start-only",
        action="store_true",
        help="only the start-up comparison with hovercraft 2.7",
    )
    args = parser.parse_args(argv)
    command = (
        "python bench/run.py"
        + (" " + " ".join(argv if argv is not None else sys.argv[1:])).rstrip()
    )
    start = time.perf_counter()
    rows = run(
        args.quick,
        args.repeat,
        not args.no_browser,
        hovercraft=args.hovercraft,
        start_only=args.start_only,
    )
    info = machine()
    info["seconds"] = round(time.perf_counter() - start, 1)
    text = report(rows, info, command)
    print(text)
    if args.json:
        args.json.write_text(
            json.dumps(
                {"command": command, "machine": info, "rows": [asdict(r) for r in rows]}, indent=2
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
