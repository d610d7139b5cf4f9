"""The ``impress`` HTML theme of presentation pages."""

from __future__ import annotations

from pathlib import Path


def get_theme_path() -> Path:
    """The folder of the ``impress`` theme (``theme.toml``, templates, ``static/``)."""
    return Path(__file__).resolve().parent / "impress"
