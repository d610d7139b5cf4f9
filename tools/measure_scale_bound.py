"""Measure the step scales at which Chromium still draws a step where impress.js puts
it, for ``SCALE_STABLE`` in ``sphinx_impress/core/values.py``.

For each scale ``s`` (each power of ten from 1e-12 to 1e12, and 2 and 5 times those
from 1e-8 to 1e7) it builds one deck with ``sphinx-build -b impress``: a step ``big``
at scale 1 and a step ``tiny`` at scale ``s`` with its neighbour ``next`` 1.25 step
widths (at scale ``s``) beside it. Below scale 1 the small steps sit just right of
``big``, as a deck that zooms into a detail places them; above it ``tiny`` is at the
origin and ``big`` and ``next`` just left and right of it, where that stays within
the ±10,000,000 px that positions may have. Each step is filled with its own colour.
In headless Chromium at 1280 x 720, with transitions off, it goes to ``tiny``, then
to ``big``, and checks each time that the step is active, that its box is centred in
the window within 2 px and as large as impress.js fits it within 1 %, that the pixel
in the middle of the window has the step's colour (the step is drawn), and, at
``tiny``, that ``next``'s box starts where it should within 2 px.

Usage: ``python tools/measure_scale_bound.py``; prints one line per scale and the
widest run of powers of ten around 1 that pass.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

WIDTH, HEIGHT = 1000, 700
VIEWPORT = {"width": 1280, "height": 720}
LIMIT = 1e7
COLOURS = {"big": (0, 160, 0), "tiny": (220, 0, 0), "next": (0, 0, 220)}

DECK = """---
impress_width: {width}
impress_height: {height}
impress_help: false
impress_toolbar: false
impress_progress: false
---
# Big

```{{step}}
:id: big
{big}
```

<div style="position: absolute; inset: 0; background: rgb{big_colour}"></div>

## Tiny

```{{step}}
:id: tiny
:x: {x}
:scale: {scale}
```

<div style="position: absolute; inset: 0; background: rgb{tiny_colour}"></div>

## Next

```{{step}}
:id: next
{next}
```

<div style="position: absolute; inset: 0; background: rgb{next_colour}"></div>
"""

CHECK = """
async ([stepId, neighbourId]) => {
    await new Promise(done => {
        document.addEventListener("impress:stepenter", () => done(), {once: true});
        if (!impress().goto(stepId, 0)) done();
    });
    await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    const step = document.getElementById(stepId);
    const box = step.getBoundingClientRect();
    const result = {
        active: step.classList.contains("active"),
        left: box.left, width: box.width, height: box.height,
        centreX: box.left + box.width / 2, centreY: box.top + box.height / 2,
    };
    if (neighbourId && document.getElementById(neighbourId)) {
        result.neighbourLeft = document.getElementById(neighbourId).getBoundingClientRect().left;
    }
    return result;
}
"""


def centre_pixel(png: bytes) -> tuple[int, int, int]:
    """The colour of a 1 x 1 PNG screenshot (every PNG row filter leaves the first
    pixel of the first row as it is)."""
    chunks, offset = b"", 8
    colour_type = 2
    while offset < len(png):
        length, kind = struct.unpack(">I4s", png[offset:offset + 8])
        data = png[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            colour_type = data[9]
        elif kind == b"IDAT":
            chunks += data
        offset += 12 + length
    raw = zlib.decompress(chunks)
    assert colour_type in (2, 6), colour_type
    return raw[1], raw[2], raw[3]


def scales() -> list[float]:
    """Every power of ten from 1e-12 to 1e12, and 2 and 5 times those from 1e-8 to
    1e7, where the edges lie."""
    found = {10.0**e for e in range(-12, 13)}
    found |= {m * 10.0**e for m in (2, 5) for e in range(-8, 8)}
    return sorted(found)


def build(srcdir: Path, outdir: Path) -> None:
    """Build ``srcdir`` with this Python's Sphinx, warnings allowed."""
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "impress", str(srcdir), str(outdir)]
    subprocess.run(command, check=True, capture_output=True)


def deck_text(scale: float, offset: float = 0.0, origin: bool = False) -> tuple[str, bool]:
    """The deck for ``scale`` and whether it has a ``next`` step within the limits;
    ``offset`` moves the small steps further from the origin (px), ``origin`` puts
    ``tiny`` at the origin also below scale 1."""
    if scale <= 1 and origin:
        x = 0.0
        big, following = f":x: {-(WIDTH / 2 + WIDTH * scale)!r}", 1.25 * WIDTH * scale
    elif scale <= 1:
        x = WIDTH / 2 + WIDTH * scale + offset
        big, following = ":x: 0", x + 1.25 * WIDTH * scale
    else:
        x = 0.0
        left = -(WIDTH * scale / 2 + WIDTH)
        big = f":x: {left!r}" if -left <= LIMIT else ":x: 0\n:y: 3000000"
        following = 1.25 * WIDTH * scale
    has_next = abs(following) <= LIMIT
    next_options = f":x: {following!r}\n:scale: {scale!r}" if has_next else ":skip:\n:y: -3000000"
    text = DECK.format(
        width=WIDTH, height=HEIGHT, x=repr(x), scale=repr(scale), big=big, next=next_options,
        big_colour=COLOURS["big"], tiny_colour=COLOURS["tiny"], next_colour=COLOURS["next"],
    )
    return text, has_next


def check(page, has_next: bool) -> list[str]:
    """What is wrong with the deck in the page (empty: nothing)."""
    fit = min(VIEWPORT["width"] / WIDTH, VIEWPORT["height"] / HEIGHT, 3)
    problems = []
    for step_id, neighbour in (("tiny", "next" if has_next else None), ("big", None)):
        got = page.evaluate(CHECK, [step_id, neighbour])
        if not got["active"]:
            problems.append(f"{step_id} not active")
        if abs(got["centreX"] - VIEWPORT["width"] / 2) > 2 or abs(
            got["centreY"] - VIEWPORT["height"] / 2
        ) > 2:
            problems.append(f"{step_id} centred at ({got['centreX']:.1f}, {got['centreY']:.1f})")
        if abs(got["width"] / (WIDTH * fit) - 1) > 0.01 or abs(
            got["height"] / (HEIGHT * fit) - 1
        ) > 0.01:
            problems.append(f"{step_id} drawn {got['width']:.1f} x {got['height']:.1f}")
        png = page.screenshot(
            clip={"x": VIEWPORT["width"] / 2, "y": VIEWPORT["height"] / 2, "width": 1, "height": 1}
        )
        colour = centre_pixel(png)
        if any(abs(a - b) > 40 for a, b in zip(colour, COLOURS[step_id], strict=True)):
            problems.append(f"{step_id} not drawn: the middle of the window is rgb{colour}")
        if neighbour is not None:
            expected = got["left"] + 1.25 * WIDTH * fit
            if abs(got["neighbourLeft"] - expected) > 2:
                problems.append(
                    f"{neighbour} at {got['neighbourLeft']:.1f}, expected {expected:.1f}"
                )
    return problems


def main() -> int:
    """Measure and print the results."""
    import argparse

    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--offset", type=float, default=0.0,
        help="px by which the steps below scale 1 are moved further from the origin",
    )
    parser.add_argument(
        "--origin", action="store_true", help="put tiny at the origin below scale 1 too"
    )
    parser.add_argument("--scales", type=float, nargs="*", help="these scales instead")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="scale-bound-"))
    try:
        srcdir, outdir = work / "src", work / "out"
        srcdir.mkdir()
        (srcdir / "conf.py").write_text(
            'extensions = ["myst_parser", "sphinx_impress"]\n'
            'suppress_warnings = ["impress.position"]\n'
        )
        decks = {}
        for number, scale in enumerate(args.scales or scales()):
            text, has_next = deck_text(scale, args.offset, args.origin)
            decks[scale] = (f"deck{number}", has_next)
            (srcdir / f"deck{number}.md").write_text(text)
        (srcdir / "index.md").write_text("# Index\n")
        build(srcdir, outdir)
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        passed = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=["--no-sandbox", "--disable-gpu"]
            )
            for scale, (name, has_next) in decks.items():
                page = browser.new_page(viewport=VIEWPORT)
                page.goto((outdir / f"{name}.html").as_uri())
                page.wait_for_function("document.body.classList.contains('impress-enabled')")
                page.add_style_tag(content="* { transition: none !important; }")
                problems = check(page, has_next)
                passed[scale] = not problems
                print(f"{scale:g}\t{'ok' if not problems else '; '.join(problems)}", flush=True)
                page.close()
            browser.close()
        decades = sorted(s for s in passed if f"{s:e}".startswith("1.0"))
        below = [s for s in decades if s <= 1]
        above = [s for s in decades if s >= 1]
        low = next((s for s in reversed(below) if not passed[s]), None)
        high = next((s for s in above if not passed[s]), None)
        if below and above:
            print(
                "every power of ten passes from "
                f"{min(t for t in below if low is None or t > low):g} to "
                f"{max(t for t in above if high is None or t < high):g}"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
