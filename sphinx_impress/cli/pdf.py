"""``sphinx-impress pdf PAGE.html OUT.pdf``: print a built presentation to PDF with a
headless Chromium, one page per step at the deck's size.

The page is opened in its print view (``PAGE.html?print``: impress.js is not started,
the print style sheet lays the steps out one after another, substeps shown, notes and
overview steps left out) and printed by the browser on pages of ``data-width`` x
``data-height`` px, as read from the root element ``#impress``.

Needs Playwright (``pip install "sphinx-impress[pdf]"``) and a Chromium: the one given
with ``--browser``, else ``$SPHINX_IMPRESS_BROWSER``, else ``chromium``,
``chromium-browser``, ``google-chrome`` or ``google-chrome-stable`` on ``PATH``, else
Playwright's own download (``playwright install chromium``).
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path
from typing import Any

from ..errors import PdfError

#: Browser commands looked for on PATH, in this order.
BROWSER_COMMANDS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

#: Environment variable naming the browser executable.
BROWSER_VARIABLE = "SPHINX_IMPRESS_BROWSER"

#: Switches for a headless Chromium that may run as root in a container, with no GPU
#: and without background traffic (the browser tests use the same).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

#: Upper bound for loading the page and printing it, in ms.
TIMEOUT_MS = 120_000


def find_browser(given: str | None = None) -> str | None:
    """The Chromium executable to use: ``given``, else ``$SPHINX_IMPRESS_BROWSER``,
    else the first of :data:`BROWSER_COMMANDS` on PATH; ``None`` lets Playwright use
    its own download.

    :raises PdfError: when ``given`` or the variable names no executable file.
    """
    wanted = given or os.environ.get(BROWSER_VARIABLE)
    if wanted:
        found = shutil.which(wanted)
        if found is None:
            raise PdfError(f"browser {wanted!r} is not an executable file")
        return found
    for command in BROWSER_COMMANDS:
        found = shutil.which(command)
        if found:
            return found
    return None


def write_pdf(page_file: Path, out_file: Path, browser: str | None = None) -> int:
    """Print the presentation ``page_file`` (an ``.html`` file written by the
    ``impress`` builder) to ``out_file``; returns the number of steps printed.

    :raises PdfError: when Playwright is not installed, no browser can be started, the
        file is missing or is no presentation, or printing fails.
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise PdfError(
            'Playwright is not installed: pip install "sphinx-impress[pdf]"'
        ) from error
    if not page_file.is_file():
        raise PdfError(f"{page_file}: no such file")
    if out_file.is_dir():
        raise PdfError(f"{out_file} is a folder; name the PDF file to write")
    if out_file.exists() and out_file.resolve() == page_file.resolve():
        raise PdfError(f"{out_file} is the presentation itself; name another file")
    executable = find_browser(browser)
    url = page_file.resolve().as_uri() + "?print"
    try:
        with sync_playwright() as playwright:
            try:
                chromium = playwright.chromium.launch(
                    executable_path=executable, args=list(CHROMIUM_ARGS)
                )
            except PlaywrightError as error:
                raise PdfError(_no_browser(executable, error)) from error
            try:
                page = chromium.new_page()
                page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
                page.emulate_media(media="print")
                size = page.evaluate(_DECK_JS)
                if size is None:
                    raise PdfError(f"{page_file} is not an impress.js presentation")
                if not size["steps"]:
                    raise PdfError(
                        f"{page_file} has no step to print (overview steps are not printed)"
                    )
                page.evaluate("() => document.fonts.ready.then(() => true)")
                data = page.pdf(
                    width=f"{size['width']}px",
                    height=f"{size['height']}px",
                    print_background=True,
                    prefer_css_page_size=True,
                )
            finally:
                chromium.close()
    except PlaywrightError as error:
        raise PdfError(f"printing {page_file} failed: {error}") from error
    try:
        out_file.write_bytes(data)
    except OSError as error:
        raise PdfError(f"cannot write {out_file}: {error.strerror or error}") from error
    return int(size["steps"])


#: The deck's size and the number of steps the print view shows, or null for a page
#: without impress.js's root element.
_DECK_JS = """() => {
    const root = document.getElementById('impress');
    if (!root) return null;
    const shown = Array.from(root.querySelectorAll('.step'))
        .filter(step => getComputedStyle(step).display !== 'none');
    return {
        width: Number(root.dataset.width) || 1920,
        height: Number(root.dataset.height) || 1080,
        steps: shown.length,
    };
}"""


def _no_browser(executable: str | None, error: Exception) -> str:
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    where = executable or "Playwright's own Chromium"
    return (
        f"cannot start a browser ({where}): {first_line}\n"
        f"Install Chromium (Debian: apt-get install chromium), or name one with "
        f"--browser or ${BROWSER_VARIABLE}."
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``sphinx-impress pdf``."""
    parser.add_argument("page", type=Path, metavar="PAGE.html", help="a built presentation")
    parser.add_argument("out", type=Path, metavar="OUT.pdf", help="the PDF to write")
    parser.add_argument(
        "--browser",
        metavar="PATH",
        help=f"the Chromium to use (default: ${BROWSER_VARIABLE}, then chromium on PATH)",
    )


def run(args: Any) -> int:
    """Write the PDF and say so in one line.

    :raises PdfError: for a problem the user can fix (see :func:`write_pdf`).
    """
    steps = write_pdf(args.page, args.out, args.browser)
    print(f"wrote {args.out}: {steps} {'page' if steps == 1 else 'pages'}, one per step")
    return 0
