"""The errors of sphinx-impress, under one base class, and :func:`read_utf8`, the one
way its commands read an author's file (with the reason it cannot, in words).

Inside a Sphinx build, an :class:`InvalidValue` found in an author's input becomes a
located warning and the rest of the deck is built; the command line prints any
:class:`ImpressError` as one line on standard error and exits with a non-zero status.
"""

from __future__ import annotations

from pathlib import Path


class ImpressError(Exception):
    """The base of every error sphinx-impress raises on purpose."""


class InvalidValue(ImpressError, ValueError):
    """A value that cannot be used as written: a number, flag, position, layout, path
    or setting (a :class:`ValueError`, so code that reads values may catch either)."""


class PdfError(ImpressError):
    """A presentation that cannot be printed: no Playwright, no browser, not a
    presentation, a file that cannot be written."""


class BrowserError(ImpressError):
    """No headless Chromium to use: Playwright is not installed, or the browser named
    (or found) does not start."""


class CheckError(ImpressError):
    """A presentation that cannot be checked: no such file or folder, no presentation
    in it, or a page that does not load."""


class ConvertError(ImpressError):
    """A deck that cannot be converted: unreadable input, no slide in the format, an
    output that cannot be written."""


class UnreadableText(ImpressError):
    """A file that cannot be read as UTF-8 text; the message says why, in words."""


def read_utf8(path: Path) -> str:
    """The text of ``path``, read as UTF-8.

    :raises UnreadableText: when it cannot be read (the system's reason) or is not
        UTF-8 (the first byte that is not, and its offset).
    """
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise UnreadableText(str(error.strerror)) from None
    except UnicodeDecodeError as error:
        raise UnreadableText(
            f"it is not UTF-8 text (byte 0x{error.object[error.start]:02x} at offset "
            f"{error.start})"
        ) from None
