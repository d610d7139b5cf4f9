"""``sphinx-impress check PATH``: load each built presentation in headless Chromium, as
its audience would, and report what is wrong with it, step by step, with the source
file and line of each step.

PATH is a presentation (``.html`` written by the ``impress`` builder) or a folder,
searched for every presentation in it (the pages that have a ``<docname>.steps.json``
beside them, which the builder writes; an ``html`` build keeps its presentations in
``_impress/``). Each page is opened from disk in a 1280 x 720 window; requests that
leave the output folder are recorded and refused, so the check runs offline. Found:

``overflow``
    a step whose content is larger than the slide: shrunk to ``impress_fit_min`` and
    still too large, or, on a step that is not fitted (``impress_fit = False``, ``:fit:
    no``), cut off at the slide's edge. Steps that fitting shrank are listed as notes,
    with the factor used.
``overlap``
    two steps that cover one another on screen where the author did not mean it (the
    rule is :mod:`sphinx_impress.core.overlap`'s; the class ``impress-may-overlap`` on
    a step says it is meant).
``page-error``
    an exception the page's scripts threw, or an error they logged, while the page
    loads or while it is presented: the check presses the right arrow key as a presenter
    does, through every substep and step, until the deck comes back to its first step,
    then goes to each step that was not entered (one behind a ``stop``, or left out of
    the way ``goto`` leads), so that an error a script throws on ``impress:stepenter``,
    ``impress:stepleave`` or ``impress:substep:enter`` is reported at the step it
    concerns. Steps are entered without the transition's wait (the events are the same).
``contrast``
    text on a step with a background of its own (a ``background`` option, a class
    ``impress-step-dark`` or ``impress-step-light``) whose contrast with the pixels
    drawn behind it is under WCAG 2.2 AA's 4.5:1 (3:1 for large text: 24 px, or 18.67
    px bold, on screen): measured in the window, each such step entered, its text made
    transparent to photograph what lies behind it. This finds what the build cannot
    know, such as dark text on a dark picture.
``outside-request``
    something the page loads from outside its output folder: the network, or a file
    elsewhere on disk.
``image``
    an image that did not load.

Sources and lines come from ``<docname>.steps.json``. The report is one line per
finding (``index.md:12: step 'intro': overflow: ...``); ``--json`` writes it as JSON;
``--strict`` exits with status 1 when anything was found. A presentation that cannot
be checked (no such file, no presentation in a folder, no browser) is reported on one
line of standard error with status 1.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from ..core.geometry import Position
from ..core.overlap import MAY_OVERLAP, PlacedStep, overlaps
from ..errors import BrowserError, CheckError, ImpressError
from ._browser import BROWSER_VARIABLE, PLAYWRIGHT_HINT, start_chromium

#: The suffix of the step source map the builder writes beside each presentation.
SOURCES_SUFFIX = ".steps.json"

#: The window the pages are opened in (px).
VIEWPORT = {"width": 1280, "height": 720}

#: Upper bound for loading a page, and for impress.js to start, in ms.
TIMEOUT_MS = 60_000

#: The kinds of problem, in the order the report explains them.
KINDS = ("overflow", "overlap", "page-error", "contrast", "outside-request", "image")

#: The contrast text must have with what is behind it (WCAG 2.2, success criterion
#: 1.4.3): normal text, and large text (at least 24 px, or 18.67 px bold).
AA_CONTRAST = (4.5, 3.0)

_NETWORK = re.compile(r"^(?:https?|wss?|ftp)://", re.IGNORECASE)


@dataclass
class Finding:
    """One thing found in a page: its ``kind`` (one of :data:`KINDS`, or ``fitted``
    for a note), the ``step`` it concerns (``None`` for the page as a whole), the
    ``source`` file and ``line`` of that step (else of the page's document), and a
    ``message``."""

    kind: str
    message: str
    step: str | None = None
    source: str | None = None
    line: int | None = None

    def text(self) -> str:
        """The finding as one line of the report."""
        where = self.source or "?"
        if self.line:
            where += f":{self.line}"
        step = f" step {self.step!r}:" if self.step else ""
        return f"{where}:{step} {self.kind}: {self.message}"


@dataclass
class PageReport:
    """What was found in one presentation: its ``page`` (relative to the checked
    folder), the ``source`` of its document, how many ``steps`` it has, the
    ``problems`` and the ``notes`` (steps that fitting shrank)."""

    page: str
    source: str | None
    steps: int = 0
    problems: list[Finding] = field(default_factory=list)
    notes: list[Finding] = field(default_factory=list)


def find_presentations(path: Path) -> tuple[Path, list[Path]]:
    """The folder the pages belong to and the presentations to check under ``path``.

    :raises CheckError: when ``path`` does not exist, is a file that is not ``.html``,
        or is a folder without presentations.
    """
    if not path.exists():
        raise CheckError(f"{path}: no such file or folder")
    if path.is_file():
        if path.suffix.lower() not in (".html", ".htm"):
            raise CheckError(f"{path} is not an .html page; name a presentation or a folder")
        return _output_folder(path.resolve()), [path.resolve()]
    pages = sorted(
        page.resolve()
        for sources in path.rglob(f"*{SOURCES_SUFFIX}")
        if (page := sources.with_name(sources.name[: -len(SOURCES_SUFFIX)] + ".html")).is_file()
    )
    if not pages:
        raise CheckError(
            f"{path} holds no presentation (no page with a {SOURCES_SUFFIX} beside it: "
            "build with sphinx-build -b impress, or name the page)"
        )
    return path.resolve(), pages


def _output_folder(page: Path) -> Path:
    """The output folder of a build that ``page`` is in: the nearest folder above it
    with Sphinx's ``.buildinfo`` (or else a ``_static`` folder), so that a page in a
    subfolder may load the build's ``_static`` files; the page's folder when there is
    none."""
    for folder in page.parents:
        if (folder / ".buildinfo").is_file():
            return folder
    for folder in page.parents:
        if (folder / "_static").is_dir():
            return folder
    return page.parent


def read_sources(page: Path) -> tuple[str | None, dict[str, tuple[str, int | None]]]:
    """The document's source file and each step's ``(source, line)`` from the step
    source map beside ``page``; nothing when it is missing or unreadable."""
    sidecar = page.with_name(page.stem + SOURCES_SUFFIX)
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
        steps = {
            str(entry["id"]): (str(entry["source"]), entry.get("line"))
            for entry in data.get("steps", [])
        }
        return str(data.get("source")) if data.get("source") else None, steps
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None, {}


def _local_path(url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    return Path(url2pathname(unquote(parts.path)))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
    except ValueError:
        return False
    return True


#: What the check reads from a running presentation: the deck's size, each step's
#: numbers and classes, each step's fit (impress-fit.js), and the images that did not
#: load with the step they are in.
_READ_JS = """() => {
    const root = document.getElementById('impress');
    if (!root) return null;
    const number = (el, name, fallback) => {
        const value = parseFloat(el.getAttribute(name));
        return isFinite(value) ? value : fallback;
    };
    const steps = [...root.querySelectorAll('.step')].map(step => ({
        id: step.id,
        classes: [...step.classList],
        x: number(step, 'data-x', 0), y: number(step, 'data-y', 0), z: number(step, 'data-z', 0),
        scale: number(step, 'data-scale', 1),
        rotate_x: number(step, 'data-rotate-x', 0), rotate_y: number(step, 'data-rotate-y', 0),
        rotate_z: number(step, 'data-rotate-z', number(step, 'data-rotate', 0)),
        rotate_order: step.getAttribute('data-rotate-order') || 'xyz',
    }));
    const fits = window.sphinxImpressFit ? window.sphinxImpressFit.all() : [];
    const images = [...document.images]
        .filter(img => img.complete && img.naturalWidth === 0 && img.getAttribute('src'))
        .map(img => {
            const step = img.closest('#impress .step');
            return {src: img.currentSrc || img.src, step: step ? step.id : null};
        });
    return {
        width: number(root, 'data-width', 1920), height: number(root, 'data-height', 1080),
        steps, fits, images,
    };
}"""


#: What the check sets up in a running presentation to present it: a count of the steps
#: entered and substeps shown (impress.js's ``impress:stepenter`` and the substep
#: plugin's ``impress:substep:enter``), and a preStepLeave plugin, run after impress.js's
#: own (weight 100), that makes each move take no time.
_PRESENT_JS = """() => {
    const seen = {moves: 0, substeps: 0};
    window.sphinxImpressCheck = seen;
    document.addEventListener('impress:stepenter', () => { seen.moves += 1; });
    document.addEventListener('impress:substep:enter', () => {
        seen.moves += 1;
        seen.substeps += 1;
    });
    if (window.impress && window.impress.addPreStepLeavePlugin) {
        window.impress.addPreStepLeavePlugin(event => {
            event.detail.transitionDuration = 0;
        }, 100);
    }
    const active = document.querySelector('#impress .step.active');
    return {
        active: active ? active.id : null,
        steps: [...document.querySelectorAll('#impress .step')]
            .filter(step => !step.classList.contains('skip')).map(step => step.id),
        substeps: document.querySelectorAll('#impress .substep').length,
    };
}"""

#: The state of the presentation after a move: the number of moves so far, of
#: substeps shown, and the active step.
_STATE_JS = """() => {
    const active = document.querySelector('#impress .step.active');
    const seen = window.sphinxImpressCheck || {moves: 0, substeps: 0};
    return {moves: seen.moves, substeps: seen.substeps, active: active ? active.id : null};
}"""

#: How long a key press may take to enter a step or show a substep, in ms; a press
#: that does nothing in that time (a ``stop`` step, a script that took the key) ends
#: the presenting by keys.
MOVE_TIMEOUT_MS = 3_000


class _Recorder:
    """What a page does while it loads and runs: errors, requests out of its folder,
    requests that failed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.failed: list[tuple[str, str]] = []

    def attach(self, page: Any) -> None:
        page.on("pageerror", lambda error: self.errors.append(str(error).strip().splitlines()[0]))
        page.on("console", self._console)
        page.on("request", self._request)
        page.on("requestfailed", self._failed)

    def _console(self, message: Any) -> None:
        text = message.text.strip()
        if message.type == "error" and not text.startswith("Failed to load resource"):
            self.errors.append(text.splitlines()[0] if text else "an error without text")

    def _request(self, request: Any) -> None:
        url = request.url
        path = _local_path(url)
        outside = _NETWORK.match(url) is not None or (
            path is not None and not _inside(path, self.folder)
        )
        if outside and url not in self.outside:
            self.outside.append(url)

    def _failed(self, request: Any) -> None:
        if request.resource_type == "image":
            self.failed.append((request.url, request.failure or "failed"))


def check_page(browser: Any, page_file: Path, folder: Path) -> PageReport:
    """Load one presentation and report what is wrong with it.

    :raises CheckError: when the page is not an impress.js presentation.
    """
    from playwright.sync_api import Error as PlaywrightError

    document_source, sources = read_sources(page_file)
    report = PageReport(page_file.relative_to(folder).as_posix(), document_source)

    def finding(kind: str, message: str, step: str | None = None) -> Finding:
        source, line = (document_source, None)
        if step is not None:
            source, line = sources.get(step, (document_source, None))
        return Finding(kind, message, step, source or report.page, line)

    def shown(url: str) -> str:
        """A file of the output folder by its path there, anything else as it is."""
        path = _local_path(url)
        if path is not None and _inside(path, folder):
            return path.resolve().relative_to(folder).as_posix()
        return url

    recorder = _Recorder(folder)
    context = browser.new_context(viewport=VIEWPORT)
    try:
        context.set_default_timeout(TIMEOUT_MS)
        context.route(_NETWORK, lambda route: route.abort())
        page = context.new_page()
        recorder.attach(page)
        try:
            page.goto(page_file.as_uri(), wait_until="load", timeout=TIMEOUT_MS)
        except PlaywrightError as error:
            raise CheckError(f"{page_file}: the page did not load: {error}") from error
        if not page.evaluate("() => !!document.getElementById('impress')"):
            raise CheckError(f"{page_file} is not an impress.js presentation")
        try:
            page.wait_for_selector("body.impress-enabled", state="attached", timeout=TIMEOUT_MS)
        except PlaywrightError:
            report.problems.append(finding("page-error", "impress.js did not start"))
        page.evaluate("() => document.fonts.ready.then(() => true)")
        found = page.evaluate(_READ_JS)
        at_load = len(recorder.errors)
        started = page.evaluate("() => document.body.classList.contains('impress-enabled')")
        presented = _present(page, recorder) if started else []
        contrasts = _measure_contrasts(page) if started else {}
    finally:
        context.close()
    report.steps = len(found["steps"])
    _report_fits(report, found["fits"], finding)
    _report_overlaps(report, found, finding)
    for message in recorder.errors[:at_load]:
        report.problems.append(finding("page-error", message))
    for index, step, what in presented:
        report.problems.append(finding(
            "page-error", f"{recorder.errors[index]} (while presenting: {what})", step
        ))
    for step_id, low in contrasts.items():
        worst = min(low, key=lambda text: text["ratio"] / text["needed"])
        others = f"; {len(low) - 1} more text under it on this step" if len(low) > 1 else ""
        report.problems.append(finding(
            "contrast",
            f"{worst['what']} {worst['text']!r} has a contrast of {worst['ratio']:.2f}:1 "
            f"with the background behind it (at {worst['against']}), under the "
            f"{worst['needed']:g}:1 of WCAG 2.2 AA{others}",
            step_id,
        ))
    for url in recorder.outside:
        report.problems.append(
            finding("outside-request", f"loads {url}, outside the output folder")
        )
    failed = {
        url: "refused: outside the output folder" if url in recorder.outside else reason
        for url, reason in recorder.failed
    }
    in_steps = set()
    for image in found["images"]:
        reason = failed.get(image["src"], "not an image it can show")
        in_steps.add(image["src"])
        report.problems.append(
            finding("image", f"{shown(image['src'])} did not load ({reason})", image["step"])
        )
    for url, reason in failed.items():
        if url not in in_steps:
            report.problems.append(finding("image", f"{shown(url)} did not load ({reason})"))
    return report


def _present(page: Any, recorder: _Recorder) -> list[tuple[int, str | None, str]]:
    """Present a started deck as a presenter does and say which errors came when:
    press the right arrow key until the deck is back at its first step, or a press does
    nothing, then go to each step not entered yet that the skip plugin does not pass
    over. Each error is given as its index in ``recorder.errors``, the step entered or
    whose substep was shown (the active step), and what happened."""
    from playwright.sync_api import Error as PlaywrightError

    start = page.evaluate(_PRESENT_JS)
    first = start["active"]
    entered = {first}
    blamed: list[tuple[int, str | None, str]] = []

    def note(before: int, state: dict[str, Any], what: str) -> None:
        new = range(before, len(recorder.errors))
        blamed.extend((index, state["active"], what) for index in new)

    state = page.evaluate(_STATE_JS)
    presses = 0
    limit = 3 * (len(start["steps"]) + start["substeps"]) + 10
    while presses < limit:
        presses += 1
        before, errors = state, len(recorder.errors)
        page.keyboard.press("ArrowRight")
        try:
            page.wait_for_function(
                "count => (window.sphinxImpressCheck || {moves: count}).moves > count",
                arg=before["moves"], timeout=MOVE_TIMEOUT_MS,
            )
        except PlaywrightError:
            note(errors, page.evaluate(_STATE_JS), "pressing the right arrow key")
            break
        state = page.evaluate(_STATE_JS)
        substep = state["substeps"] > before["substeps"]
        note(errors, state, "showing a substep" if substep else "entering the step")
        if state["active"] is None or (not substep and state["active"] == first):
            break  # back at the start: every step on the way was entered
        entered.add(state["active"])
    for step_id in start["steps"]:
        if step_id in entered:
            continue
        entered.add(step_id)
        before, errors = page.evaluate(_STATE_JS), len(recorder.errors)
        page.evaluate("id => impress().goto(id)", step_id)
        with contextlib.suppress(PlaywrightError):  # a step impress.js would not enter
            page.wait_for_function(
                "count => window.sphinxImpressCheck.moves > count",
                arg=before["moves"], timeout=MOVE_TIMEOUT_MS,
            )
        note(errors, page.evaluate(_STATE_JS), "entering the step")
    return blamed


#: The steps that have a background of their own (their ids), which the contrast
#: check measures.
_BACKGROUND_STEPS_JS = """() => [...document.querySelectorAll('#impress .step')]
    .filter(step => !step.classList.contains('impress-overview') && (
        step.classList.contains('impress-step-dark')
        || step.classList.contains('impress-step-light')
        || getComputedStyle(step).backgroundImage !== 'none'))
    .map(step => step.id)"""

#: The visible text of the active step (its notes aside): each text's role, its first
#: words, its computed colour, whether it is large (WCAG: 24 px, or 18.67 px bold, on screen)
#: and its box in the window.
_STEP_TEXTS_JS = """() => {
    const step = document.querySelector('#impress .step.active');
    if (!step) return [];
    const zoom = step.getBoundingClientRect().width / (step.offsetWidth || 1);
    const found = [];
    const walker = document.createTreeWalker(step, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || el.closest('.notes')) continue;
        const style = getComputedStyle(el);
        if (style.visibility !== 'visible' || style.display === 'none') continue;
        const size = parseFloat(style.fontSize) * zoom;
        const bold = parseInt(style.fontWeight, 10) >= 700;
        const what = el.closest('a') ? 'link' : el.closest('h1, h2, h3, h4, h5, h6')
            ? 'heading' : 'text';
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
            if (r.width < 2 || r.height < 2) continue;
            found.push({what, text: node.textContent.trim().slice(0, 40),
                        colour: style.color, large: size >= 24 || (bold && size >= 18.66),
                        box: [r.left, r.top, r.right, r.bottom]});
        }
    }
    return found;
}"""

#: Text, controls and the key help made transparent: what is left is what lies
#: behind the text.
_HIDE_TEXT_CSS = """
* { color: transparent !important; text-shadow: none !important;
    text-decoration-color: transparent !important; }
.impress-control, #impress-help { visibility: hidden !important; }
"""

#: The lowest contrast of each text with the pixels of a screenshot (a PNG, base64)
#: inside its box; only the texts under what they need.
_LOW_CONTRAST_JS = """async ({png, texts, needed}) => {
    const blob = await (await fetch('data:image/png;base64,' + png)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const linear = c => {
        c /= 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ([r, g, b]) =>
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    // a computed colour in any CSS syntax, as the sRGB bytes the browser paints
    const probe = new OffscreenCanvas(1, 1).getContext('2d');
    const painted = css => {
        probe.clearRect(0, 0, 1, 1);
        probe.fillStyle = css;
        probe.fillRect(0, 0, 1, 1);
        return probe.getImageData(0, 0, 1, 1).data;
    };
    const low = [];
    for (const text of texts) {
        const colour = painted(text.colour);
        if (colour[3] < 255) continue;  // translucent text: mixed with what is behind
        const left = Math.max(0, Math.floor(text.box[0]));
        const top = Math.max(0, Math.floor(text.box[1]));
        const right = Math.min(bitmap.width, Math.ceil(text.box[2]));
        const bottom = Math.min(bitmap.height, Math.ceil(text.box[3]));
        if (right - left < 2 || bottom - top < 2) continue;
        const data = context.getImageData(left, top, right - left, bottom - top).data;
        const own = luminance(colour);
        let worst = Infinity, against = null;
        for (let i = 0; i < data.length; i += 4) {
            const behind = luminance([data[i], data[i + 1], data[i + 2]]);
            const ratio = (Math.max(own, behind) + 0.05) / (Math.min(own, behind) + 0.05);
            if (ratio < worst) { worst = ratio; against = [data[i], data[i + 1], data[i + 2]]; }
        }
        const need = text.large ? needed[1] : needed[0];
        if (worst < need) {
            low.push({what: text.what, text: text.text, ratio: worst, needed: need,
                      against: '#' + against.map(c => c.toString(16).padStart(2, '0')).join('')});
        }
    }
    return low;
}"""


#: Wait until the page has drawn twice: a style change is on the screen.
_TWO_FRAMES_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def _measure_contrasts(page: Any) -> dict[str, list[dict[str, Any]]]:
    """Go to each step with a background of its own and measure its text against
    the pixels behind it; the texts under :data:`AA_CONTRAST`, by step."""
    import base64

    from playwright.sync_api import Error as PlaywrightError

    found: dict[str, list[dict[str, Any]]] = {}
    for step_id in page.evaluate(_BACKGROUND_STEPS_JS):
        try:
            page.evaluate("id => impress().goto(id, 0)", step_id)
            page.wait_for_function(
                "id => { const a = document.querySelector('#impress .step.active');"
                " return a && a.id === id; }", arg=step_id, timeout=MOVE_TIMEOUT_MS,
            )
            page.evaluate(
                "() => Promise.all(document.getAnimations().map(a => a.finished))"
            )
            page.evaluate(_TWO_FRAMES_JS)
            texts = page.evaluate(_STEP_TEXTS_JS)
            if not texts:
                continue
            style = page.add_style_tag(content=_HIDE_TEXT_CSS)
            page.evaluate(_TWO_FRAMES_JS)
            png = base64.b64encode(page.screenshot()).decode("ascii")
            style.evaluate("el => el.remove()")
            low = page.evaluate(
                _LOW_CONTRAST_JS, {"png": png, "texts": texts, "needed": list(AA_CONTRAST)}
            )
        except PlaywrightError:
            continue  # a step impress.js does not go to: nothing shown to measure
        if low:
            found[step_id] = low
    return found


def _report_fits(report: PageReport, fits: list[dict[str, Any]], finding: Any) -> None:
    for fit in fits:
        if fit["overflow"] and fit["fit"]:
            report.problems.append(finding(
                "overflow",
                f"the content is larger than the slide even shrunk to {fit['factor']:g} "
                f"(impress_fit_min); it would need {fit['needed']:g}",
                fit["id"],
            ))
        elif fit["overflow"]:
            report.problems.append(finding(
                "overflow",
                f"the content is larger than the slide and is cut off (not fitted; it "
                f"would need shrinking to {fit['needed']:g})",
                fit["id"],
            ))
        elif fit["factor"] < 1:
            report.notes.append(finding("fitted", f"shrunk to {fit['factor']:g} to fit", fit["id"]))


def _report_overlaps(report: PageReport, found: dict[str, Any], finding: Any) -> None:
    placed = [
        PlacedStep(
            step["id"],
            Position(
                x=step["x"], y=step["y"], z=step["z"], scale=max(step["scale"], 1e-3),
                rotate_x=step["rotate_x"], rotate_y=step["rotate_y"], rotate_z=step["rotate_z"],
            ),
            step["rotate_order"] if sorted(step["rotate_order"]) == ["x", "y", "z"] else "xyz",
            exempt="impress-overview" in step["classes"] or MAY_OVERLAP in step["classes"],
        )
        for step in found["steps"]
    ]
    for overlap in overlaps(placed, found["width"], found["height"]):
        first, second = placed[overlap.first], placed[overlap.second]
        report.problems.append(finding(
            "overlap",
            f"covers step {first.id!r} on screen ({overlap.share:.0%} of the smaller one); "
            f"move one, or give the step the class {MAY_OVERLAP} if it is meant",
            second.id,
        ))


def check(path: Path, browser: str | None = None) -> list[PageReport]:
    """Check every presentation under ``path``; one report per page, in page order.

    :raises CheckError: when ``path`` holds no presentation or a page cannot be
        checked.
    :raises BrowserError: when Playwright is missing or no browser starts.
    """
    folder, pages = find_presentations(path)
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as error:
        raise BrowserError(PLAYWRIGHT_HINT) from error
    with start_chromium(browser) as (_, chromium):
        return [check_page(chromium, page, folder) for page in pages]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``sphinx-impress check``."""
    parser.add_argument(
        "path", type=Path, metavar="PATH",
        help="a built presentation (.html) or a folder of them (a build's output folder)",
    )
    parser.add_argument(
        "--strict", action="store_true",
        help="exit with status 1 when anything is found (for a talk's CI)",
    )
    parser.add_argument("--json", action="store_true", help="write the report as JSON")
    parser.add_argument(
        "--browser", metavar="PATH",
        help=f"the Chromium to use (default: ${BROWSER_VARIABLE}, then chromium on PATH)",
    )


def run(args: Any) -> int:
    """Check, print the report; the exit status says whether ``--strict`` failed."""
    try:
        reports = check(args.path, args.browser)
    except ImpressError as error:
        print(f"sphinx-impress check: {error}", file=sys.stderr)
        return 1
    problems = sum(len(report.problems) for report in reports)
    if args.json:
        print(json.dumps(
            {"problems": problems, "pages": [asdict(report) for report in reports]}, indent=2
        ))
    else:
        for report in reports:
            for item in sorted(report.problems + report.notes, key=_order):
                print(item.text())
            counts = {kind: sum(p.kind == kind for p in report.problems) for kind in KINDS}
            detail = ", ".join(f"{n} {kind}" for kind, n in counts.items() if n)
            print(
                f"{report.page}: {report.steps} {'step' if report.steps == 1 else 'steps'}, "
                f"{len(report.problems)} {'problem' if len(report.problems) == 1 else 'problems'}"
                + (f" ({detail})" if detail else "")
                + f", {len(report.notes)} fitted"
            )
    return 1 if args.strict and problems else 0


def _order(item: Finding) -> tuple[str, int, str]:
    return (item.source or "", item.line or 0, item.kind)
