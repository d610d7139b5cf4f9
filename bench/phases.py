"""Where the time of one Sphinx build goes: run ``sphinx-build`` in this process with
clocks around its phases, and print the seconds (wall time) spent in each.

    python bench/phases.py [--json OUT.json] -- -b impress SRCDIR OUTDIR -d DOCTREES

Everything after ``--`` is passed to ``sphinx-build``. The phases, each measured
around one Sphinx or sphinx-impress function (a phase inside another is included in
it too):

- ``read``: ``Builder.read``, parsing and the transforms of every outdated document;
- ``write``: ``Builder.write``, which holds the rest:
  - ``post_transforms``: ``BuildEnvironment.apply_post_transforms`` (every builder,
    ``dummy`` too), of which ``presentation``: sphinx-impress's ``BuildPresentation``;
  - ``translate``: the HTML translator's walk over a page's doctree (Sphinx's
    ``HTML5Translator`` and sphinx-impress's subclass), of which ``highlight``:
    Pygments, through ``PygmentsBridge.highlight_block``;
  - ``page``: ``StandaloneHTMLBuilder.handle_page``: the template, the
    ``html-page-context`` handlers and writing the file;
  - ``canvas``: sphinx-impress's canvas map (``<docname>.layout.svg``);
- ``build``: ``sphinx.cmd.build.main`` as a whole, from Sphinx's start-up on (the
  imports of this script come before it).

Used by ``bench/run.py`` to show how much of a presentation build is Sphinx's HTML
writer and Pygments, which the ``html`` builder pays as well, and how much is
sphinx-impress's own code.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from docutils import nodes  # noqa: E402
from sphinx.builders import Builder  # noqa: E402
from sphinx.builders.html import StandaloneHTMLBuilder  # noqa: E402
from sphinx.cmd.build import main as sphinx_main  # noqa: E402
from sphinx.environment import BuildEnvironment  # noqa: E402
from sphinx.highlighting import PygmentsBridge  # noqa: E402
from sphinx.writers.html5 import HTML5Translator  # noqa: E402

from sphinx_impress.extension.presentation import BuildPresentation  # noqa: E402
from sphinx_impress.html import builder as impress_builder  # noqa: E402

#: Seconds spent in each phase, by name.
SECONDS: Counter[str] = Counter()


def _clocked(function: Callable[..., Any], phase: str) -> Callable[..., Any]:
    """``function``, adding the wall time of each call to ``SECONDS[phase]``."""

    @functools.wraps(function)
    def clocked(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SECONDS[phase] += time.perf_counter() - start

    return clocked


def install_clocks() -> None:
    """Wrap the functions named in the module's docstring with clocks."""
    for owner, name, phase in (
        (Builder, "read", "read"),
        (Builder, "write", "write"),
        (BuildEnvironment, "apply_post_transforms", "post_transforms"),
        (BuildPresentation, "run", "presentation"),
        (PygmentsBridge, "highlight_block", "highlight"),
        (StandaloneHTMLBuilder, "handle_page", "page"),
    ):
        setattr(owner, name, _clocked(getattr(owner, name), phase))
    # a page's walk starts at its document node (the children are other classes);
    # only walks of an HTML translator count, not those of Sphinx's other visitors
    walk = nodes.document.walkabout
    clocked_walk = _clocked(walk, "translate")

    def walkabout(self: nodes.document, visitor: nodes.NodeVisitor) -> bool:
        return (clocked_walk if isinstance(visitor, HTML5Translator) else walk)(self, visitor)

    nodes.document.walkabout = walkabout  # type: ignore[method-assign]
    impress_builder.canvas_svg = _clocked(impress_builder.canvas_svg, "canvas")


def main(argv: list[str] | None = None) -> int:
    """Run one build with clocks; print ``phase seconds`` lines, and write them as JSON
    with ``--json``. Returns sphinx-build's exit status."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", type=Path, help="also write the seconds as JSON to this file")
    parser.add_argument(
        "sphinx_args", nargs=argparse.REMAINDER, help="arguments of sphinx-build, after --"
    )
    options = parser.parse_args(argv)
    sphinx_args = (
        options.sphinx_args[1:] if options.sphinx_args[:1] == ["--"] else options.sphinx_args
    )
    install_clocks()
    status = _clocked(sphinx_main, "build")(sphinx_args)
    for phase, seconds in SECONDS.most_common():
        print(f"{phase:16} {seconds:8.3f}")
    if options.json:
        options.json.write_text(
            json.dumps(dict(SECONDS), indent=2, sort_keys=True) + "\n", encoding="utf-8"
        )
    return status


if __name__ == "__main__":
    sys.exit(main())
