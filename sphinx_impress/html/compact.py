"""The theme's own scripts and style sheets as presentations load them: without the
comments and the indentation that explain them in the package.

A presentation page loads impress.js and the theme's files on every start; the bytes
count (``bench/run.py`` weighs them against 80 KB). The builder writes the theme's
files into ``_static`` compacted by :func:`compact_js` and :func:`compact_css`, which
rely on how these files are written (comments on lines of their own, no comment
markers in strings) and are applied to nothing else. The files in the package keep
their comments; the same file always gives the same bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

#: The theme's files that are written compacted (in ``_static``).
THEME_FILES = (
    "impress-init.js",
    "impress-nearby.js",
    "impress-fit.js",
    "impress-console.js",
    "impress-theme.css",
    "impress-print.css",
    "impress-console.css",
)

_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def compact_js(text: str) -> str:
    """``text`` without block comments that start a line, lines that are only a
    ``//`` comment, indentation and empty lines."""
    out = []
    in_comment = False
    for line in text.splitlines():
        stripped = line.strip()
        if in_comment:
            if "*/" in stripped:
                in_comment = False
                rest = stripped.split("*/", 1)[1].strip()
                if rest:
                    out.append(rest)
            continue
        if stripped.startswith("/*"):
            if "*/" in stripped:
                rest = stripped.split("*/", 1)[1].strip()
                if rest:
                    out.append(rest)
            else:
                in_comment = True
            continue
        if not stripped or stripped.startswith("//"):
            continue
        out.append(stripped)
    return "\n".join(out) + "\n"


def compact_css(text: str) -> str:
    """``text`` without comments, indentation and empty lines."""
    lines = (line.strip() for line in _BLOCK_COMMENT.sub("", text).splitlines())
    return "\n".join(line for line in lines if line) + "\n"


def compact_theme_files(static: Path) -> None:
    """Rewrite the theme's files of :data:`THEME_FILES` in the ``static`` folder of a
    build compacted, those that are there."""
    for name in THEME_FILES:
        path = static / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        compact = compact_js(text) if name.endswith(".js") else compact_css(text)
        if compact != text:
            path.write_text(compact, encoding="utf-8")
