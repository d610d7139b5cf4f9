"""The deck model: what a reader of another tool's format found in a deck, once, for
both consumers — the Sphinx source parser that builds the deck as it is, and
``sphinx-impress convert``, which writes it as MyST.

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


@dataclass
class SlideModel:
    """One slide of a deck.

    ``line``: where the slide opens (its separator, else its first line);
    ``body``: the lines of its content, from the first after its separator, attribute
    line or field list to the last before the next slide (``(first, last)``,
    inclusive; ``first > last`` for a slide with no content); ``fields``: what the slide
    says about its step, as written; ``options``: the step options it gets, every axis
    an absolute number, as the format's own rules place it; ``comments``: what the
    slide writes that its step does not take, for the converter to keep as comments.
    """

    line: int
    body: tuple[int, int]
    fields: list[Field] = field(default_factory=list)
    options: StepOptions = StepOptions()
    comments: list[str] = field(default_factory=list)
    skipped: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class DeckModel:
    """A deck as its reader understood it.

    ``front_matter``: the deck's title and settings as MyST front matter keys
    (``title``, ``impress_transition_duration``, metadata such as ``author``);
    ``slides``; ``problems``: everything the author should hear about, each with its
    kind (a warning subtype) and, where known, its line and slide index.
    """

    front_matter: dict[str, Any] = field(default_factory=dict)
    slides: list[SlideModel] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
