"""Readers for built presentation pages, used by the tests."""

from __future__ import annotations

import math
import re
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

_ATTRIBUTE = re.compile(r"""([A-Za-z_][\w-]*)\s*=\s*(?:'([^']*)'|"([^"]*)")""")


@dataclass
class SeedSlide:
    """One slide of an mdpress deck: its id and position (a missing axis is 0, a
    missing scale 1, as in mdpress's impress.js, which had no inheritance)."""

    id: str
    x: float
    y: float
    scale: float
    attributes: dict[str, str]


def parse_mdpress(text: str) -> list[SeedSlide]:
    """The slides of an mdpress deck: an optional front matter between ``---`` lines,
    then slides separated by ``---`` lines (outside code fences), each opening with an
    attribute line ``= data-x='..' id='..'``. Missing x/y are 0, a missing scale 1."""
    lines = text.splitlines()
    if lines and lines[0].strip() == "---":  # front matter
        close = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        lines = lines[close + 1:]
    chunks: list[list[str]] = [[]]
    fence = None
    for line in lines:
        stripped = line.strip()
        if fence is None and stripped == "---":
            chunks.append([])
            continue
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = marker if fence is None else (None if marker == fence else fence)
        chunks[-1].append(line)
    slides = []
    for number, chunk in enumerate(chunks, 1):
        body = [line for line in chunk if line.strip()]
        if not body:
            continue
        head = body[0].strip()
        if not head.startswith("="):
            raise ValueError(f"slide {number} has no attribute line: {head!r}")
        attributes = {m[1]: (m[2] if m[2] is not None else m[3]) for m in _ATTRIBUTE.finditer(head)}
        slides.append(SeedSlide(
            id=attributes["id"],
            x=float(attributes.get("data-x", 0)),
            y=float(attributes.get("data-y", 0)),
            scale=float(attributes.get("data-scale", 1)),
            attributes=attributes,
        ))
    return slides


def read_seed(path: Path = SEED) -> list[SeedSlide]:
    """The slides of the seed deck."""
    return parse_mdpress(path.read_text(encoding="utf-8"))


def warning_lines(app) -> list[str]:
    """The warnings a test build logged, one a line, without terminal colours."""
    from sphinx.util.console import strip_colors

    return strip_colors(app.warning.getvalue()).strip().splitlines()


#: The mixed deck of test-positioning (1000 x 700): id -> x, y, scale, rotate-x, rotate-z
MIXED = {
    "start-here": (0, 0, 2, 0, 0),
    "next_one": (2500, 0, 1, 0, 30),  # r+2500, r+30; scale is not inherited
    "units": (1500, 1400, 1, 20, 0),  # 1.5w, 2h
    "back-to-the-start": (0, -1500, 3, 0, 0),  # rel-to start-here: r-1500, r+1
    "laid-out": (6000, 0, 1, 0, 0),
    "cell-one": (7250, 0, 1, 0, 0),
    "cell-two": (8500, 0, 1, 0, 0),
    "cell-three": (7250, 875, 1, 0, 0),
}


def mixed_overview() -> tuple[float, float, float]:
    """The overview step of test-positioning (x, y, scale), worked out by hand from
    the other steps' footprints."""
    left = -1500  # back-to-the-start: scale 3, 3000 wide at x 0
    right = 8500 + 500
    top = -1500 - 1050  # back-to-the-start: scale 3, 2100 high at y -1500
    # units: rotated 20 degrees about x, so it spans 700 * cos(20) in y
    bottom = max(1400 + 350 * math.cos(math.radians(20)), 875 + 350)
    scale = max((right - left) / 1000, (bottom - top) / 700) * 1.1
    return ((left + right) / 2, (top + bottom) / 2, scale)


#: A warning as Sphinx prints it with a location and a type.
#: A located warning as Sphinx prints it; docutils' own messages count at the ERROR
#: level too (docutils before 0.21 reports some problems, adjacent transitions among
#: them, as errors where later releases warn).
LOCATED_WARNING = re.compile(
    r"^(?P<file>\S+?):(?P<line>\d+): (?:WARNING|ERROR): (?P<text>.*) \[(?P<type>[\w.]+)\]$"
)


def located_warnings(app, filename: str) -> list[tuple[int, str, str]]:
    """``(line, type, text)`` of each warning that points at a line of ``filename``,
    sorted."""
    found = []
    for line in warning_lines(app):
        match = LOCATED_WARNING.match(line)
        if match and match["file"].endswith("/" + filename):
            found.append((int(match["line"]), match["type"], match["text"]))
    return sorted(found)


def build_files(make_app, srcdir: Path, files: dict[str, str], conf: str, builder="impress"):
    """Write ``files`` (name to text) and ``conf.py`` into ``srcdir``, build, and return
    the finished app."""
    srcdir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (srcdir / name).write_text(text, encoding="utf-8")
    (srcdir / "conf.py").write_text(conf, encoding="utf-8")
    app = make_app(builder, srcdir=srcdir)
    app.build()
    app.cleanup()
    return app
