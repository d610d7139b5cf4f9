"""What the pure core reports about an author's input, for the Sphinx extension to
log as a located warning and for ``sphinx-impress convert`` to print."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """Something about a deck that its author should hear about.

    ``kind``: the warning subtype without its ``impress.`` prefix (``"value"``,
    ``"position"``, ``"overlap"``, ...; see
    :class:`sphinx_impress.extension.warnings.ImpressWarnings`); ``message``: for the
    author; ``index``: the step or slide it is about (0-based), where that is how it is
    found; ``line``: the 1-based line of the source, where that is known.
    """

    kind: str
    message: str
    index: int | None = None
    line: int | None = None
