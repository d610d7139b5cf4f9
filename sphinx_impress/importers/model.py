"""The deck model: what a reader of another tool's format found in a deck, once, for
both consumers — the Sphinx source parser that builds the deck as it is, and
``sphinx-impress convert``, which writes it as MyST. A converter needs nothing of its
format but the model (or the format's documented extension of it, such as
:class:`~sphinx_impress.importers.hovercraft.reader.HovercraftDeck`) and the deck's
text.

Pure data with no Sphinx or docutils import. Lines are 1-based, as editors and
warnings show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..core.options import StepOptions
from ..core.problems import Problem


@dataclass(frozen=True)
class Field:
    """One field (hovercraft) or attribute (mdpress) as written: its name in lower
    case, its value, and the line it is on."""

    name: str
    value: str
    line: int


@dataclass(frozen=True)
class Heading:
    """A heading of a slide: its ``level`` in the deck (1 shows as an ``h1`` on every
    slide), its ``text`` as written, and whether that text is ``plain`` (it shows the
    same as a MyST heading: no inline markup)."""

    level: int
    text: str = ""
    plain: bool = True


@dataclass
class SlideModel:
    """One slide of a deck.

    ``line``: where the slide opens (its separator, else its first line);
    ``body``: the lines of its content, from the first after its separator, attribute
    line or field list to the last before the next slide (``(first, last)``,
    inclusive; ``first > last`` for a slide with no content); ``fields``: what the slide
    says about its step, as written; ``options``: the step options it gets, as the
    format's own rules place it; ``comments``: what the slide writes that its step
    does not take, for the converter to keep as comments; ``heading``: a heading the
    slide shows above its body that its body lines do not hold (a title repeated on a
    slide of its own), else ``None``.
    """

    line: int
    body: tuple[int, int]
    fields: list[Field] = field(default_factory=list)
    options: StepOptions = StepOptions()
    comments: list[str] = field(default_factory=list)
    heading: Heading | None = None


@dataclass
class DeckModel:
    """A deck as its reader understood it.

    ``front_matter``: the deck's title and settings as MyST front matter keys
    (``title``, ``impress_transition_duration``, metadata such as ``author``);
    ``slides``; ``problems``: everything the author should hear about, each with its
    kind (a warning subtype) and, where known, its line and slide index;
    ``headings``: each heading inside the slides by the line of its text (its first
    line); ``rules``: the lines of horizontal rules that stay inside their slide (no
    separators); ``hidden``: the lines of the format's own markup inside the slides
    (attribute lines, field lists, separators, options blocks), which show nothing.
    """

    front_matter: dict[str, Any] = field(default_factory=dict)
    slides: list[SlideModel] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    headings: dict[int, Heading] = field(default_factory=dict)
    rules: list[int] = field(default_factory=list)
    hidden: set[int] = field(default_factory=set)
