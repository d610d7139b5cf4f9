"""impress.js's own demo and examples (../shared/corpus/impressjs-examples), converted
with ``sphinx-impress convert --from impressjs`` and built with ``-b impress``: every
step sits where impress.js itself puts it on the original page.

Both pages are loaded in Chromium; for each step of the original, the transform
impress.js gave the step element (without its ``translate(-50%, -50%)``, which
depends on the step's size and so on each page's style sheets) is compared with the
one of the step of the same id on our page, as 4x4 matrices; the examples that use the
rel plugin's ``data-rel-*`` attributes are written with those attributes as step
options, which the build resolves as the rel plugin does. The original markdown example loads impress.js's markdown extra
engine from an ``extras/`` folder the corpus does not have; a stand-in engine that
returns the text lets its ``.markdown`` steps be cut into slides as the author meant.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .conftest import REPO_ROOT, VIEWPORT

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

EXAMPLES = REPO_ROOT.parent / "shared" / "corpus" / "impressjs-examples"

#: The pages, and whether each uses the rel plugin's data-rel-* attributes.
PAGES = {
    "index.html": False,
    "examples/3D-rotations/index.html": False,
    "examples/cube/index.html": False,
    "examples/2D-navigation/index.html": True,
    "examples/3D-positions/index.html": True,
    "examples/classic-slides/index.html": True,
    "examples/markdown/index.html": True,
}

#: Each step's transform as a matrix, ``null`` where impress.js set none.
_MATRICES_JS = r"""
() => [...document.querySelectorAll('#impress .step')].map(step => {
    const written = (step.style.transform || '').replace(/translate\(-50%,\s*-50%\)/, '');
    return [step.id, written ? Array.from(new DOMMatrix(written).toFloat64Array()) : null];
})
"""

#: impress.js's markdown extra uses ``window.marked`` when there is one.
_MARKDOWN_STAND_IN = "window.marked = {parse: function (text) { return text; }};"


@pytest.fixture(scope="session")
def converted_examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples' folder copied, each page converted beside itself (``.md``) and the
    lot built once with ``-b impress``; the output folder."""
    if not EXAMPLES.is_dir():
        pytest.skip(f"impress.js's examples are not at {EXAMPLES} (../shared is absent)")
    base = tmp_path_factory.mktemp("impressjs-examples")
    srcdir = base / "src"
    shutil.copytree(EXAMPLES, srcdir)
    for page in PAGES:
        result = subprocess.run(
            [sys.executable, "-m", "sphinx_impress.cli", "convert", "--from", "impressjs",
             str(srcdir / page), "-o", str(srcdir / page).replace(".html", ".md")],
            capture_output=True, text=True, check=False,
        )
        assert result.returncode == 0, result.stderr
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\n'
        'suppress_warnings = ["toc.not_included"]\n'
        'include_patterns = ["index.md", "examples/*/index.md"]\n'
    )
    outdir = base / "out"
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "impress", "-d", str(base / "doctrees"),
         str(srcdir), str(outdir)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "ERROR" not in result.stderr, result.stderr
    return outdir


def _matrices(browser: Browser, url: str, init_script: str | None = None) -> list[Any]:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        if init_script:
            page.add_init_script(init_script)
        page.goto(url)
        page.wait_for_function("document.body.classList.contains('impress-enabled')")
        return page.evaluate(_MATRICES_JS)
    finally:
        context.close()


@pytest.mark.parametrize("name", list(PAGES))
def test_every_step_sits_where_impressjs_puts_it(browser, converted_examples, name):
    original = _matrices(browser, (EXAMPLES / name).as_uri(), _MARKDOWN_STAND_IN)
    ours = dict(_matrices(browser, (converted_examples / name).as_uri()))
    assert original, f"impress.js placed no step on {name}"
    misplaced = []
    for step_id, matrix in original:
        mine = ours.get(step_id)
        if mine is None or matrix is None:
            misplaced.append((step_id, "missing"))
            continue
        size = max(1.0, *(abs(value) for value in matrix))
        if max(abs(a - b) for a, b in zip(matrix, mine, strict=True)) > 1e-6 * size:
            misplaced.append((step_id, matrix[12:15], mine[12:15]))
    assert misplaced == [], f"{len(misplaced)} of {len(original)} steps: {misplaced}"
    # the converted deck has the same steps, no more
    assert sorted(ours) == sorted(step_id for step_id, _ in original)
