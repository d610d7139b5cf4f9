"""``sphinx-impress pdf PAGE.html OUT.pdf``: print a built presentation to PDF with a
headless Chromium, one page per step at the deck's size.

The page is opened in its print view (``PAGE.html?print``: impress.js is not started,
the print style sheet lays the steps out one after another, substeps shown, notes and
overview steps left out) and printed by the browser on pages of ``data-width`` x
``data-height`` px, as read from the root element ``#impress``.

Needs Playwright (``pip install "sphinx-impress[pdf]"``) and a Chromium, found as
:mod:`sphinx_impress.cli._browser` says (``--browser``, ``$SPHINX_IMPRESS_BROWSER``,
``chromium`` on ``PATH``, ...).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import BrowserError, PdfError
from ._browser import BROWSER_VARIABLE, PLAYWRIGHT_HINT, start_chromium

#: Upper bound for loading the page and printing it, in ms.
TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class Printed:
    """What a PDF holds: ``pages``, one per step printed, and the number of overview
    steps of the deck, which the print view leaves out (``overviews``)."""

    pages: int
    overviews: int = 0

    def summary(self, out_file: Path | str) -> str:
        """The one line ``sphinx-impress pdf`` prints: ``wrote talk.pdf: 13 pages, one
        per step (the overview step left out)``."""
        pages = f"{self.pages} {'page' if self.pages == 1 else 'pages'}"
        line = f"wrote {out_file}: {pages}, one per step"
        if self.overviews == 1:
            line += " (the overview step left out)"
        elif self.overviews:
            line += f" ({self.overviews} overview steps left out)"
        return line


def write_pdf(page_file: Path, out_file: Path, browser: str | None = None) -> Printed:
    """Print the presentation ``page_file`` (an ``.html`` file written by the
    ``impress`` builder) to ``out_file``; returns how many steps were printed and how
    many overview steps were left out.

    Steps are printed as the audience sees them: the fit script (``impress-fit.js``)
    has shrunk the content of the steps that need it before the page is printed.

    :raises PdfError: when the file is missing or is no presentation, or printing
        fails.
    :raises BrowserError: when Playwright is not installed or no browser starts.
    """
    if page_file.is_dir():
        index = page_file / "index.html"
        hint = f" such as {index}" if index.is_file() else ""
        raise PdfError(f"{page_file} is a folder; name the presentation page to print{hint}")
    if not page_file.is_file():
        raise PdfError(f"{page_file}: no such file")
    if out_file.is_dir():
        raise PdfError(f"{out_file} is a folder; name the PDF file to write")
    if out_file.exists() and out_file.resolve() == page_file.resolve():
        raise PdfError(f"{out_file} is the presentation itself; name another file")
    url = page_file.resolve().as_uri() + "?print"
    try:
        from playwright.sync_api import Error as PlaywrightError
    except ImportError as error:
        raise BrowserError(PLAYWRIGHT_HINT) from error
    try:
        with start_chromium(browser) as (_, chromium):
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
            page.wait_for_function(_FITTED_JS, timeout=TIMEOUT_MS)
            data = page.pdf(
                width=f"{size['width']}px",
                height=f"{size['height']}px",
                print_background=True,
                prefer_css_page_size=True,
            )
    except PlaywrightError as error:
        raise PdfError(f"printing {page_file} failed: {error}") from error
    try:
        out_file.write_bytes(data)
    except OSError as error:
        raise PdfError(f"cannot write {out_file}: {error.strerror or error}") from error
    return Printed(int(size["steps"]), int(size["overviews"]))


#: Whether the fit script is done with the print view (or the page has none: a page
#: built before it, or a deck without fitting).
_FITTED_JS = """() => !window.sphinxImpressFit
    || document.body.classList.contains('impress-fitted')"""


#: The deck's size, the number of steps the print view shows and of overview steps
#: (which it does not), or null for a page without impress.js's root element.
_DECK_JS = """() => {
    const root = document.getElementById('impress');
    if (!root) return null;
    const shown = Array.from(root.querySelectorAll('.step'))
        .filter(step => getComputedStyle(step).display !== 'none');
    return {
        width: Number(root.dataset.width) || 1920,
        height: Number(root.dataset.height) || 1080,
        steps: shown.length,
        overviews: root.querySelectorAll('.step.impress-overview').length,
    };
}"""


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

    :raises ImpressError: for a problem the user can fix (see :func:`write_pdf`).
    """
    print(write_pdf(args.page, args.out, args.browser).summary(args.out))
    return 0
