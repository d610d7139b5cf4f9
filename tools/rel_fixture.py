"""Write tests/fixtures/rel.json: cases of impress.js's rel plugin with the numbers
impress.js itself computes for them.

Each case is a list of steps, each the ``data-*`` attributes of a hand-written step
element. The script puts every case on a page of its own with the impress.js that the
corpus's pages load (``../shared/corpus/impressjs-examples/js/impress.js``: main after
1.1.0, whose rel plugin reads every ``data-rel-*`` attribute), runs ``impress().init()``
in headless Chromium and records each step's ``data-x``, ``data-y``, ``data-z``,
``data-rotate-x``, ``data-rotate-y`` and ``data-rotate-z`` as the plugin leaves them.
Cases marked ``"v110": true`` use only what impress.js 1.1.0's rel plugin reads
(``data-rel-x/-y/-z`` in px and ``data-rel-to``); the browser tests also run those
with the vendored 1.1.0.

Usage: ``python tools/rel_fixture.py`` (run again when a case is added).
"""

from __future__ import annotations

import html
import json
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT.parent / "shared" / "corpus" / "impressjs-examples" / "js" / "impress.js"
FIXTURE = ROOT / "tests" / "fixtures" / "rel.json"
WIDTH, HEIGHT = 1000, 700

CASES: list[dict] = [
    {
        "name": "a move is passed on to the steps that give nothing",
        "v110": True,
        "steps": [
            {"data-x": "0", "data-y": "0", "data-z": "0"},
            {"data-rel-x": "1200"},
            {},
            {},
        ],
    },
    {
        "name": "an absolute value sets its axis and passes no move along it",
        "v110": True,
        "steps": [
            {"data-x": "100", "data-y": "50", "data-z": "0"},
            {"data-rel-x": "1000", "data-rel-y": "500"},
            {"data-x": "-300"},
            {},
        ],
    },
    {
        "name": "moves in deck widths and heights",
        "steps": [
            {"data-x": "0", "data-y": "0", "data-z": "0"},
            {"data-rel-x": "1.5w", "data-rel-y": "-0.5h"},
            {"data-rel-z": "2w"},
        ],
    },
    {
        "name": "rel-to counts from a named earlier step",
        "v110": True,
        "steps": [
            {"id": "title", "data-x": "0", "data-y": "300", "data-z": "0"},
            {"data-x": "5000", "data-y": "0", "data-z": "0"},
            {"data-rel-to": "title", "data-rel-x": "-1000", "data-rel-y": "750"},
            {},
        ],
    },
    {
        "name": "absolute mode: a move is not turned with the previous step",
        "steps": [
            {"data-x": "0", "data-y": "0", "data-z": "0", "data-rotate-z": "90"},
            {"data-rel-x": "1000", "data-rotate-z": "90"},
        ],
    },
    {
        "name": "relative mode: the move is turned with the previous step",
        "steps": [
            {"data-rel-position": "relative", "data-x": "0", "data-y": "0", "data-z": "0",
             "data-rotate-z": "90"},
            {"data-rel-x": "1000"},
            {},
        ],
    },
    {
        "name": "relative mode: a ring of steps each turned 45 degrees about y",
        "steps": [
            {"data-rel-position": "relative", "data-rel-reset": "all", "data-x": "0",
             "data-y": "0", "data-z": "0", "data-rotate-y": "10"},
            {"data-rel-rotate-y": "45", "data-rel-z": "-354", "data-rel-x": "854"},
            {}, {}, {}, {}, {}, {},
        ],
    },
    {
        "name": "relative mode: turns about x and z with another rotation order",
        "steps": [
            {"data-rel-position": "relative", "data-x": "200", "data-y": "-100",
             "data-z": "50", "data-rotate-x": "30", "data-rotate-z": "20"},
            {"data-rel-x": "900", "data-rel-rotate-x": "90", "data-rotate-order": "zyx"},
            {"data-rel-y": "600", "data-rel-rotate-z": "30"},
            {},
        ],
    },
    {
        "name": "rel-reset passes on no move; rel-reset=all also drops the rotation",
        "steps": [
            {"data-rel-position": "relative", "data-x": "0", "data-y": "0", "data-z": "0",
             "data-rotate-y": "30"},
            {"data-rel-x": "1000", "data-rel-rotate-y": "20"},
            {"data-rel-reset": "", "data-rel-z": "-200"},
            {"data-rel-reset": "all", "data-rel-x": "500"},
            {},
        ],
    },
    {
        "name": "rel-to a step in relative mode takes its rotation and its moves",
        "steps": [
            {"id": "hub", "data-rel-position": "relative", "data-x": "0", "data-y": "0",
             "data-z": "0", "data-rotate-z": "45"},
            {"data-rel-x": "800", "data-rel-rotate-z": "45"},
            {"data-rel-x": "800"},
            {"data-rel-to": "hub", "data-rel-y": "600"},
            {},
        ],
    },
    {
        "name": "rel-to a step in absolute mode takes only its place",
        "steps": [
            {"id": "plain", "data-x": "100", "data-y": "200", "data-z": "300",
             "data-rotate-x": "10"},
            {"data-rel-position": "relative", "data-rel-x": "500", "data-rel-rotate-y": "90"},
            {"data-rel-to": "plain", "data-rel-y": "400"},
            {},
        ],
    },
    {
        "name": "absolute mode: a turn is added and passed on",
        "steps": [
            {"data-x": "0", "data-y": "0", "data-z": "0"},
            {"data-rel-x": "1100", "data-rel-rotate-z": "15"},
            {"data-rotate-z": "5"},
            {},
        ],
    },
    {
        "name": "relative mode: a cube of six faces",
        "steps": [
            {"data-rel-position": "relative", "data-x": "0", "data-y": "0", "data-z": "0"},
            {"data-rel-reset": "", "data-rel-x": "500", "data-rel-z": "-500",
             "data-rel-rotate-y": "90"},
            {},
            {},
            {"data-rel-reset": "", "data-rel-x": "500", "data-rel-z": "-500",
             "data-rel-rotate-x": "90"},
            {"data-rel-reset": "", "data-rel-y": "1000", "data-rel-rotate-x": "180"},
        ],
    },
]

#: The attributes of the numbers the plugin leaves on each step.
RESULT_ATTRIBUTES = (
    "data-x", "data-y", "data-z", "data-rotate-x", "data-rotate-y", "data-rotate-z"
)


def page(case: dict, script: Path) -> str:
    """A hand-written impress.js page of one case."""
    steps = []
    for number, attributes in enumerate(case["steps"]):
        attributes = {"id": f"step{number}", **attributes}
        written = " ".join(
            f'{name}="{html.escape(value)}"' if value else name
            for name, value in attributes.items()
        )
        steps.append(f'<div class="step" {written}>{number}</div>')
    return (
        "<!doctype html><html><head><meta charset='utf-8'></head><body>"
        f'<div id="impress" data-width="{WIDTH}" data-height="{HEIGHT}">'
        + "".join(steps)
        + f'</div><script src="{script.as_uri()}"></script>'
        "<script>impress().init();</script></body></html>"
    )


READ = """attributes => [...document.querySelectorAll('#impress .step')].map(
    step => attributes.map(name => Number(step.getAttribute(name))))"""


def impress_numbers(browser, case: dict, script: Path, folder: Path) -> list[list[float]]:
    """What impress.js ``script`` computes for ``case``: per step the numbers of
    :data:`RESULT_ATTRIBUTES`."""
    path = folder / "case.html"
    path.write_text(page(case, script))
    tab = browser.new_page()
    try:
        tab.goto(path.as_uri())
        tab.wait_for_function("document.body.classList.contains('impress-enabled')")
        return tab.evaluate(READ, list(RESULT_ATTRIBUTES))
    finally:
        tab.close()


def main() -> int:
    """Compute every case with impress.js in Chromium and write the fixture."""
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="rel-fixture-"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"],
            )
            cases = []
            for case in CASES:
                expected = impress_numbers(browser, case, SCRIPT, folder)
                cases.append({**case, "expected": expected})
            browser.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    document = {
        "_comment": (
            "Cases of impress.js's rel plugin, written by tools/rel_fixture.py: each step's "
            "data-* attributes as written on a hand-written page, and per step the numbers "
            "impress.js (the corpus's js/impress.js, main after 1.1.0) leaves in data-x, "
            "data-y, data-z, data-rotate-x, data-rotate-y, data-rotate-z. Deck size "
            f"{WIDTH} x {HEIGHT} px. v110: only what impress.js 1.1.0's rel plugin reads."
        ),
        "width": WIDTH,
        "height": HEIGHT,
        "cases": cases,
    }
    FIXTURE.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {FIXTURE}: {len(cases)} cases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
