"""Take the screenshots the docs and README show: the example deck in the light and the
dark theme, its overview, and the presenter console.

    python tools/screenshots.py                 # writes docs/_static/screenshots/*.png

Builds ``example/`` with ``-b impress`` (once with ``impress_theme = "dark"``, once with
an overview step at the end) into a temporary folder and photographs it in headless
Chromium (the system's ``chromium``, or ``--browser``) at 1024 x 576. Run it again after
a change to the theme and commit the pictures.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "_static" / "screenshots"
VIEWPORT = {"width": 1024, "height": 576}

#: What each picture shows: the settings of the build, the step, the file.
SHOTS = [
    ({"impress_theme": "light"}, "docker4", "theme-light.png"),
    ({"impress_theme": "dark"}, "docker4", "theme-dark.png"),
    ({"impress_theme": "light", "impress_overview": "end"}, "overview", "overview.png"),
]

#: The key help is shown once per browser: this browser has seen it.
_SEEN_HELP = "localStorage.setItem('sphinx-impress:help-shown', '1');"


def build(settings: dict[str, str], folder: Path) -> Path:
    """Build the example with ``settings`` into ``folder``; the presentation page."""
    command = [
        sys.executable, "-m", "sphinx", "-q", "-b", "impress",
        *[f"-D{name}={value}" for name, value in settings.items()],
        "-d", str(folder / "doctrees"), str(ROOT / "example"), str(folder / "out"),
    ]
    subprocess.run(command, check=True, cwd=ROOT)
    return folder / "out" / "index.html"


def main(argv: list[str] | None = None) -> int:
    """Build, photograph, write the pictures."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from sphinx_impress.cli._browser import CHROMIUM_ARGS, find_browser

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--browser", help="the Chromium to use")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=find_browser(args.browser), args=list(CHROMIUM_ARGS)
        )
        for number, (settings, step, name) in enumerate(SHOTS):
            page_file = build(settings, Path(temporary) / str(number))
            context = browser.new_context(viewport=VIEWPORT, reduced_motion="reduce")
            context.add_init_script(_SEEN_HELP)
            page = context.new_page()
            # the overview is entered from a slide, which it then outlines
            first = "docker4" if step == "overview" else step
            page.goto(f"{page_file.as_uri()}#/{first}")
            page.wait_for_selector("body.impress-enabled", state="attached")
            if step != first:
                page.evaluate("id => impress().goto(id)", step)
            page.wait_for_timeout(800)  # fonts, fitting
            page.screenshot(path=str(OUT / name))
            if name == "theme-light.png":
                with context.expect_page() as popup:
                    page.keyboard.press("p")
                console = popup.value
                console.set_viewport_size(VIEWPORT)
                console.wait_for_selector(".impress-console-notes")
                console.wait_for_timeout(1500)
                console.screenshot(path=str(OUT / "console.png"))
            context.close()
            print(f"wrote {OUT / name}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
