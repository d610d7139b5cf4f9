"""Shared fixtures: Sphinx's own test fixtures, the test roots, and HTML readers."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

pytest_plugins = ["sphinx.testing.fixtures"]

collect_ignore = ["roots"]

#: The read-only material beside the project (seed deck, corpus); absent in some
#: checkouts, and tests that need it skip with a visible reason.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """The folder of the test roots, for ``@pytest.mark.sphinx(testroot=...)``."""
    return Path(__file__).resolve().parent / "roots"


@pytest.fixture
def build(make_app, rootdir, tmp_path):
    """Build a fresh copy of a test root: ``build("steps", "html", parallel=2)``.

    Each call copies ``tests/roots/test-<name>`` into its own folder, so builds never
    share doctrees, and returns the finished ``SphinxTestApp``.
    """
    counter = itertools.count()

    def _build(testroot: str, buildername: str = "impress", **kwargs):
        srcdir = tmp_path / f"{testroot}-{next(counter)}"
        shutil.copytree(rootdir / f"test-{testroot}", srcdir)
        app = make_app(buildername, srcdir=srcdir, **kwargs)
        app.build()
        # restore docutils' global registries now, so that a second build in the same
        # test does not warn that nodes and directives are registered already
        app.cleanup()
        return app

    return _build
