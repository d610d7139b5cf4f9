"""Readers for built presentation pages, used by the tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

#: The numeric attributes every step element must carry.
STEP_AXES = (
    "data-x",
    "data-y",
    "data-z",
    "data-scale",
    "data-rotate-x",
    "data-rotate-y",
    "data-rotate-z",
)


@dataclass
class Step:
    """One step element of a page, its attributes read back as numbers."""

    id: str
    classes: list[str]
    numbers: dict[str, float]
    attributes: dict[str, str]
    element: Tag

    @property
    def title(self) -> str:
        """The text of the step's first heading, or ''."""
        heading = self.element.find(["h1", "h2", "h3", "h4", "h5", "h6"])
        return heading.get_text(" ", strip=True).rstrip("¶").strip() if heading else ""


def soup(path: Path) -> BeautifulSoup:
    """Parse one HTML file."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def root(page: BeautifulSoup) -> Tag:
    """The impress.js root element of a page; fails unless there is exactly one."""
    roots = page.select("#impress")
    assert len(roots) == 1, f"expected one #impress root, found {len(roots)}"
    return roots[0]


def steps(page: BeautifulSoup) -> list[Step]:
    """The page's step elements, in order, with every coordinate parsed as a float."""
    result = []
    for element in root(page).select(".step"):
        numbers = {name: float(element[name]) for name in STEP_AXES}
        attributes = {k: v for k, v in element.attrs.items() if k.startswith("data-")}
        result.append(Step(element["id"], list(element["class"]), numbers, attributes, element))
    return result


def by_id(page: BeautifulSoup) -> dict[str, Step]:
    """The page's steps keyed by id."""
    return {step.id: step for step in steps(page)}


#: The mdpress deck the example was ported from, beside the project (may be absent).
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "000_5c656a013ccc9d8a.txt"


@dataclass(frozen=True)
class SeedSlide:
    """One slide of the seed deck: its id and position (a missing axis is 0, a missing
    scale 1, as in mdpress's impress.js, which had no inheritance)."""

    id: str
    x: float
    y: float
    scale: float


def read_seed(path: Path = SEED) -> list[SeedSlide]:
    """The slides of the seed deck, from the attribute line (``= data-x='0' id='...'``)
    that starts each slide."""
    import re

    slides = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("= "):
            continue
        attributes = dict(re.findall(r"""([\w-]+)=['"]([^'"]*)['"]""", line))
        slides.append(
            SeedSlide(
                attributes["id"],
                float(attributes.get("data-x", 0)),
                float(attributes.get("data-y", 0)),
                float(attributes.get("data-scale", 1)),
            )
        )
    return slides


def warning_lines(app) -> list[str]:
    """The warnings a test build logged, one a line, without terminal colours."""
    from sphinx.util.console import strip_colors

    return strip_colors(app.warning.getvalue()).strip().splitlines()
