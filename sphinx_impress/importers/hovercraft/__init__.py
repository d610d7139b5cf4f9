"""hovercraft decks, read as they are: the reader that understands a deck once
(:mod:`.reader`, a docutils tree and source lines in, a
:class:`~sphinx_impress.importers.hovercraft.reader.HovercraftDeck` out), hovercraft's
positioning rules (:mod:`.positions`), and the two consumers of the model: the Sphinx
source parser of the file type ``hovercraft`` (:mod:`.parser`) and the MyST writing of
``sphinx-impress convert`` (:mod:`.convert`).

The names below are importable from this package as before it was split.
"""

from __future__ import annotations

from ..cutting import IMPRESSJS_WINDOW
from .convert import convert_hovercraft
from .parser import FILE_TYPE, SUFFIX, HovercraftParser, setup_hovercraft
from .positions import DEFAULT_MOVEMENT, PATH_ERROR, POSITION_FIELDS, hovercraft_positions
from .reader import (
    DECK_FILE_FIELDS,
    DECK_IGNORED,
    DECK_METADATA,
    DECK_SETTINGS,
    DECK_UNSUPPORTED,
    SLIDE_FIELDS,
    Decoration,
    HovercraftDeck,
    HovercraftReader,
    deck_setting,
)

__all__ = [
    "DECK_FILE_FIELDS",
    "DECK_IGNORED",
    "DECK_METADATA",
    "DECK_SETTINGS",
    "DECK_UNSUPPORTED",
    "DEFAULT_MOVEMENT",
    "FILE_TYPE",
    "IMPRESSJS_WINDOW",
    "PATH_ERROR",
    "POSITION_FIELDS",
    "SLIDE_FIELDS",
    "SUFFIX",
    "Decoration",
    "HovercraftDeck",
    "HovercraftParser",
    "HovercraftReader",
    "convert_hovercraft",
    "deck_setting",
    "hovercraft_positions",
    "setup_hovercraft",
]
