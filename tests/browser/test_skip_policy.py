"""Without Playwright or Chromium the browser tests skip with a visible reason, but
fail when the environment variable ``CI`` is set (non-empty).

Each case runs one browser test in a child pytest in which the dependency is hidden.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parents[2]
TARGET = "tests/browser/test_example.py::test_impress_initialises"

#: Python run in the child before pytest, to hide one dependency, and the reason the
#: skip (or failure) must give.
HIDE = {
    # a None entry in sys.modules makes "import playwright.sync_api" raise ImportError
    "playwright": (
        "sys.modules['playwright'] = None",
        "Playwright for Python is not importable",
    ),
    # neither 'chromium' on PATH nor an executable /usr/bin/chromium
    "chromium": (
        "import os, shutil; shutil.which = lambda *a, **k: None; real_access = os.access; "
        "os.access = lambda p, *a, **k: str(p) != '/usr/bin/chromium' and real_access(p, *a, **k)",
        "no Chromium",
    ),
}


def _run_child(hidden: str, ci: str | None) -> tuple[int, str]:
    prelude, _ = HIDE[hidden]
    code = (
        f"import sys; {prelude}; import pytest; "
        f"sys.exit(pytest.main(['-p', 'no:cacheprovider', '-q', '-rsE', {TARGET!r}]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env,
        capture_output=True, text=True, timeout=120, check=False,
    )
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("hidden", "ci"),
    [("playwright", None), ("playwright", ""), ("chromium", None)],
    ids=["playwright-CI-unset", "playwright-CI-empty", "chromium-CI-unset"],
)
def test_skips_with_the_reason(hidden: str, ci: str | None) -> None:
    returncode, output = _run_child(hidden, ci)
    assert returncode == 0, output
    assert "1 skipped" in output, output
    assert "SKIPPED" in output and HIDE[hidden][1] in output, output


@pytest.mark.parametrize("hidden", sorted(HIDE))
def test_fails_when_ci_is_set(hidden: str) -> None:
    returncode, output = _run_child(hidden, "1")
    assert returncode == 1, output
    assert "1 error" in output and "skipped" not in output, output
    assert HIDE[hidden][1] in output and "CI is set" in output, output
