"""The one headless Chromium of the ``sphinx-impress`` commands: where to find it, the
switches it is started with, and starting it with Playwright.

``sphinx-impress pdf`` and ``sphinx-impress check`` both use it, and the browser tests
start Chromium with the same switches. The executable is the one given with
``--browser``, else ``$SPHINX_IMPRESS_BROWSER``, else ``chromium``,
``chromium-browser``, ``google-chrome`` or ``google-chrome-stable`` on ``PATH``, else
Playwright's own download (``playwright install chromium``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from typing import TYPE_CHECKING, Any

from ..errors import BrowserError

if TYPE_CHECKING:
    from collections.abc import Iterator

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

#: What to install when Playwright is missing.
PLAYWRIGHT_HINT = 'Playwright is not installed: pip install "sphinx-impress[pdf]"'


def find_browser(given: str | None = None) -> str | None:
    """The Chromium executable to use: ``given``, else ``$SPHINX_IMPRESS_BROWSER``,
    else the first of :data:`BROWSER_COMMANDS` on PATH; ``None`` lets Playwright use
    its own download.

    :raises BrowserError: when ``given`` or the variable names no executable file.
    """
    wanted = given or os.environ.get(BROWSER_VARIABLE)
    if wanted:
        found = shutil.which(wanted)
        if found is None:
            raise BrowserError(f"browser {wanted!r} is not an executable file")
        return found
    for command in BROWSER_COMMANDS:
        found = shutil.which(command)
        if found:
            return found
    return None


@contextlib.contextmanager
def start_chromium(given: str | None = None) -> Iterator[tuple[Any, Any]]:
    """A context giving ``(playwright, browser)``: a headless Chromium (found with
    :func:`find_browser`) started with :data:`CHROMIUM_ARGS`, closed on leaving.

    :raises BrowserError: when Playwright is not installed or no browser starts.
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise BrowserError(PLAYWRIGHT_HINT) from error
    executable = find_browser(given)
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=executable, args=list(CHROMIUM_ARGS)
            )
        except PlaywrightError as error:
            raise BrowserError(no_browser(executable, error)) from error
        try:
            yield playwright, browser
        finally:
            browser.close()


def no_browser(executable: str | None, error: Exception) -> str:
    """The message for a browser that does not start: its first line, and what to do."""
    first_line = str(error).strip().splitlines()[0] if str(error).strip() else ""
    where = executable or "Playwright's own Chromium"
    return (
        f"cannot start a browser ({where}): {first_line}; install Chromium (Debian: "
        f"apt-get install chromium), or name one with --browser or ${BROWSER_VARIABLE}"
    )
