"""Generate benchmark decks: N slides of MyST, each with a heading, a paragraph, a list
and a code block, and a displayed equation on every tenth slide."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

#: ``conf.py`` of a generated project. MathJax is Sphinx's default math renderer; it
#: loads from the network, which is fine for a benchmark, so ``impress.offline`` is
#: silenced. The presentations' canvas maps are written, as by default.
CONF_PY = """\
extensions = ["myst_parser", "sphinx_impress"]
exclude_patterns = ["_build"]
suppress_warnings = ["impress.offline"]
"""


def deck_source(slides: int, title: str = "Benchmark deck") -> str:
    """The MyST source of one deck of ``slides`` slides (``## Slide n``, n from 1) under
    a ``#`` title; the title's step is the deck's first step, so the presentation has
    ``slides + 1`` steps."""
    parts = [f"# {title}\n\nA generated deck of {slides} slides.\n"]
    for number in range(1, slides + 1):
        parts.append(
            f"## Slide {number}\n\n"
            f"Slide {number} says something in *one* paragraph with `inline code`.\n\n"
            f"- the first point of slide {number}\n"
            f"- the second point, **stressed**\n"
            f"- the third point\n\n"
            f"```python\ndef slide_{number}(x):\n    return x * {number} + 1\n```\n"
        )
        if number % 10 == 0:
            parts.append(f"\n```{{math}}\ne^{{i\\pi}} + {number} = {number - 1}\n```\n")
    return "\n".join(parts)


def hovercraft_source(slides: int, title: str = "Benchmark deck") -> str:
    """The deck of :func:`deck_source` as hovercraft writes decks: reStructuredText with
    a transition (``----``) between slides, each slide's heading, paragraph, list, code
    block and (every tenth) displayed equation as in the MyST deck. The title slide
    comes first, so hovercraft presents ``slides + 1`` steps, as sphinx-impress does
    with the MyST deck (hovercraft places each slide 1600 px to the right of the
    previous one)."""

    def heading(text: str) -> str:
        return f"{text}\n{'=' * len(text)}\n"

    parts = [f"{heading(title)}\nA generated deck of {slides} slides.\n"]
    for number in range(1, slides + 1):
        slide = (
            f"{heading(f'Slide {number}')}\n"
            f"Slide {number} says something in *one* paragraph with ``inline code``.\n\n"
            f"- the first point of slide {number}\n"
            f"- the second point, **stressed**\n"
            f"- the third point\n\n"
            f".. code:: python\n\n    def slide_{number}(x):\n        return x * {number} + 1\n"
        )
        if number % 10 == 0:
            slide += f"\n.. math::\n\n    e^{{i\\pi}} + {number} = {number - 1}\n"
        parts.append(slide)
    return "\n----\n\n".join(parts)


def write_project(folder: Path, decks: dict[str, int]) -> Path:
    """Write a Sphinx project into ``folder``: ``conf.py`` and one ``<name>.md`` per
    item of ``decks`` (docname -> number of slides). Without an ``index`` deck, an
    ``index.md`` lists the decks in a toctree, as a conference's project would. Returns
    ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "conf.py").write_text(CONF_PY, encoding="utf-8")
    if "index" not in decks:
        entries = "".join(f"{name}\n" for name in decks)
        (folder / "index.md").write_text(
            f"# Talks\n\nThe talks of a generated conference.\n\n```{{toctree}}\n{entries}```\n",
            encoding="utf-8",
        )
    for name, slides in decks.items():
        (folder / f"{name}.md").write_text(
            deck_source(slides, f"Benchmark deck {name}"), encoding="utf-8"
        )
    return folder
