"""Fixtures for the browser tests: the example deck built once, and headless Chromium.

Playwright's own browser download is not used: the tests drive the system Chromium
(``chromium`` on PATH, else ``/usr/bin/chromium``). When Playwright or Chromium is
missing the tests skip with the reason, unless the environment variable ``CI`` is set
(non-empty): then they fail, so that a CI run cannot pass without running them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from sphinx_impress.cli._browser import CHROMIUM_ARGS as PDF_CHROMIUM_ARGS

from .support import DeckPage

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_DIR = REPO_ROOT / "example"

#: Chromium runs as root in a container without network access: no sandbox, no GPU,
#: and none of the background traffic to Google's servers; the switches the
#: ``sphinx-impress pdf`` command launches it with.
CHROMIUM_ARGS = list(PDF_CHROMIUM_ARGS)
VIEWPORT = {"width": 1280, "height": 720}
#: Upper bound (ms) for any single wait in a page; impress.js transitions take 1 s.
PAGE_TIMEOUT_MS = 15_000


def find_chromium() -> str | None:
    """``chromium`` on PATH, else /usr/bin/chromium if it is there, else None."""
    found = shutil.which("chromium")
    if found:
        return found
    fallback = Path("/usr/bin/chromium")
    if fallback.is_file() and os.access(fallback, os.X_OK):
        return str(fallback)
    return None


@pytest.fixture(scope="session")
def chromium_executable() -> str:
    """The system Chromium's path, once Playwright is known to be importable.

    The one place that decides between skipping and failing: without Playwright or
    Chromium the browser tests skip with the reason (shown by ``-ra``), but when the
    environment variable ``CI`` is set (non-empty) they fail instead.
    """
    problems = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        problems.append(f"Playwright for Python is not importable ({exc})")
    chromium = find_chromium()
    if chromium is None:
        problems.append("no Chromium: 'chromium' is not on PATH and /usr/bin/chromium is absent")
    if problems:
        reason = "browser tests need Playwright and Chromium: " + "; ".join(problems)
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI is set, so this fails instead of skipping)", pytrace=False)
        pytest.skip(reason)
    assert chromium is not None
    return chromium


@pytest.fixture(scope="session")
def browser(chromium_executable: str) -> Iterator[Browser]:
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


def build_site(
    tmp_path_factory: pytest.TempPathFactory,
    srcdir: Path,
    strict: bool = True,
    buildername: str = "impress",
    settings: dict[str, str] | None = None,
) -> Path:
    """Build ``srcdir`` with ``python -m sphinx -b <buildername>`` (``-W`` when
    ``strict``; each of ``settings`` as ``-D name=value``) into a temporary folder,
    doctrees kept outside it; the output folder."""
    base = tmp_path_factory.mktemp(f"{srcdir.name}-build")
    outdir = base / "out"
    doctrees = base / "doctrees"  # kept out of the output folder
    warnings = ["-W", "--keep-going"] if strict else []
    command = [
        sys.executable, "-m", "sphinx", *warnings, "-b", buildername,
        *[f"-D{name}={value}" for name, value in (settings or {}).items()],
        "-d", str(doctrees), str(srcdir), str(outdir),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT, check=False)
    if result.returncode != 0:
        pytest.fail(
            f"building {srcdir} failed (exit {result.returncode}):\n"
            f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}",
            pytrace=False,
        )
    assert (outdir / "index.html").is_file(), f"the build wrote no {outdir / 'index.html'}"
    return outdir.resolve()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``example/`` built once with ``python -m sphinx -W -b impress``; the output folder."""
    return build_site(tmp_path_factory, EXAMPLE_DIR)


@pytest.fixture(scope="session")
def positioning_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test root mixing every way of placing a step (tests/roots/test-positioning),
    built once; its bad.rst warns on purpose, so warnings are not errors here."""
    return build_site(tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-positioning", strict=False)


@pytest.fixture(scope="session")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A docs project with decks (tests/roots/test-docsdecks) built with ``-b html``;
    its maybe.md warns on purpose (tests/test_decks.py checks the warnings)."""
    return build_site(
        tmp_path_factory,
        REPO_ROOT / "tests" / "roots" / "test-docsdecks",
        strict=False,
        buildername="html",
    )


@pytest.fixture
def docs_page(browser: Browser, docs_site: Path) -> Iterator[DeckPage]:
    """A fresh page on the docs project (not loaded yet)."""
    yield from _recorded_page(browser, docs_site)


@pytest.fixture
def positioning_deck(browser: Browser, positioning_site: Path) -> Iterator[DeckPage]:
    """A fresh page on the positioning deck (not loaded yet)."""
    yield from _recorded_page(browser, positioning_site)


def _recorded_page(browser: Browser, site: Path, **context_options: Any) -> Iterator[DeckPage]:
    context = browser.new_context(viewport=VIEWPORT, **context_options)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    try:
        deck = DeckPage(page=context.new_page(), site=site)
        deck.attach_recorders()  # before any navigation
        yield deck
    finally:
        context.close()


@pytest.fixture
def deck(browser: Browser, example_site: Path) -> Iterator[DeckPage]:
    """A fresh 1280x720 page on the built example (not loaded yet: ``deck.open()``)
    whose console errors, page errors and requests are recorded from the start."""
    yield from _recorded_page(browser, example_site)


@pytest.fixture
def no_js_deck(browser: Browser, example_site: Path) -> Iterator[DeckPage]:
    """Like ``deck``, in a browser context with JavaScript disabled."""
    yield from _recorded_page(browser, example_site, java_script_enabled=False)
