"""The generated style sheet of a presentation page: what would otherwise be an inline
``<style>`` or a ``style=`` attribute.

A page served with ``Content-Security-Policy: default-src 'self'`` (so also
``style-src 'self'``) applies neither inline ``<style>`` elements nor ``style=``
attributes (CSP Level 3, "style-src"). So the impress builder writes the deck's size,
its printed page size and every ``style=`` that Sphinx's and docutils' HTML writers
would put on an element (an image's ``:width:``, a table's column widths, a figure's
width, a field list's indent, a step's background) into ``<docname>.impress.css``
beside the page, and gives each element a class instead. An author's own raw HTML is
left as written.

The file depends only on the page's content: rules come in the order the page first
needs them, and a class is named by a hash of its declarations, so the same sources
give the same bytes, whatever the order or the process in which pages are written.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

#: The suffix of a page's generated style sheet: ``<docname>`` + this.
SUFFIX = ".impress.css"

#: The prefix of the classes that stand for ``style=`` attributes.
CLASS_PREFIX = "impress-css-"

_IMPORTANT = re.compile(r"!\s*important\s*$", re.IGNORECASE)


def split_declarations(text: str) -> list[str]:
    """The declarations of a ``style=`` attribute's value, each stripped, empty ones
    left out; semicolons inside quotes or brackets (``url("a;b")``) do not split.

    :raises ValueError: for text that would end the rule it is put in (a ``{``,
        ``}`` or ``<`` outside quotes) or has unbalanced quotes or brackets.
    """
    declarations: list[str] = []
    current: list[str] = []
    depth, quote = 0, ""
    escaped = False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif quote:
            if char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
            if depth < 0:
                raise ValueError(f"unbalanced brackets in {text!r}")
        elif char in "{}<":
            raise ValueError(f"{char!r} cannot stand in a declaration: {text!r}")
        elif char == ";" and depth == 0:
            declarations.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    if quote or depth or escaped:
        raise ValueError(f"unbalanced quotes or brackets in {text!r}")
    declarations.append("".join(current).strip())
    return [declaration for declaration in declarations if declaration]


def important(declaration: str) -> str:
    """``declaration`` marked ``!important`` (once): a rule that stands for a
    ``style=`` attribute wins over the theme's rules, as the attribute did."""
    return declaration if _IMPORTANT.search(declaration) else f"{declaration} !important"


def css_string(text: str) -> str:
    """``text`` as a double-quoted CSS string (CSS Syntax 3, "Consume a string
    token"): quotes and backslashes escaped, line breaks and other control characters
    written as hexadecimal escapes."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def css_identifier(text: str) -> str:
    """``text`` as a CSS identifier, for an ``#id`` selector (CSSOM, "serialize an
    identifier"): ASCII letters, digits, ``-``, ``_`` and non-ASCII kept, a digit
    at the start (or after a leading ``-``) written as a hexadecimal escape, any other
    character escaped with a backslash."""
    out = []
    for index, char in enumerate(text):
        code = ord(char)
        if code == 0:
            out.append("\ufffd")
        elif 0x1 <= code <= 0x1F or code == 0x7F or (
            char.isdigit() and char.isascii()
            and (index == 0 or (index == 1 and text[0] == "-"))
        ):
            out.append(f"\\{code:x} ")
        elif index == 0 and char == "-" and len(text) == 1:
            out.append("\\-")
        elif code >= 0x80 or char in "-_" or char.isalnum():
            out.append(char)
        else:
            out.append("\\" + char)
    return "".join(out)


@dataclass
class GeneratedStyles:
    """The rules of one page's generated style sheet, in the order they were added."""

    rules: dict[str, list[str]] = field(default_factory=dict)

    def add_rule(self, selector: str, declarations: list[str]) -> None:
        """Add declarations to the rule for ``selector`` (made on first use)."""
        rule = self.rules.setdefault(selector, [])
        rule.extend(d for d in declarations if d not in rule)

    def add_style(self, selector: str, style: str) -> None:
        """Add the declarations of the ``style=`` value ``style`` to the rule for
        ``selector``, each made ``!important``.

        :raises ValueError: from :func:`split_declarations`.
        """
        self.add_rule(selector, [important(d) for d in split_declarations(style)])

    def class_for(self, style: str) -> str:
        """The class that stands for the ``style=`` value ``style``: named by a hash of
        its declarations, each made ``!important`` (see :func:`important`).

        :raises ValueError: from :func:`split_declarations`.
        """
        declarations = [important(d) for d in split_declarations(style)]
        digest = hashlib.sha256("; ".join(declarations).encode("utf-8")).hexdigest()[:10]
        name = CLASS_PREFIX + digest
        self.add_rule("." + name, declarations)
        return name

    def text(self, title: str) -> str:
        """The style sheet, with a comment naming what it is for (``title``)."""
        comment = title.replace("*/", "* /")
        lines = [f"/* sphinx-impress: the generated styles of {comment} */"]
        for selector, declarations in self.rules.items():
            if selector.startswith("@page"):
                lines.append(f"{selector} {{ {'; '.join(declarations)}; }}")
                continue
            body = "".join(f"\n    {d};" for d in declarations)
            lines.append(f"{selector} {{{body}\n}}")
        return "\n".join(lines) + "\n"
