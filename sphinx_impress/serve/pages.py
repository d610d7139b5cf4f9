"""What the present server changes in a presentation page it serves, and what it reads
from one.

The built files are never changed: the server adds its script to the copy it sends
(:func:`inject`) and, when a remote is in use, leaves the speaker notes out of the
copy sent to anyone without the remote's token (:func:`strip_notes`). The remote reads
each step's id, title and notes from the built page (:func:`read_steps`).

Pages are read with the standard library's HTML parser, which reports where each tag
starts, so that the page is cut at exactly those places and otherwise sent byte for
byte as built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: impress.js's class for speaker notes, and for steps.
NOTES_CLASS = "notes"
STEP_CLASS = "step"
#: Heading tags, whose text is a step's title.
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
#: The start-up script of the theme, before which the live script goes.
_INIT_SCRIPT = re.compile(
    r"<script\b[^>]*\bsrc=\"[^\"]*impress-init\.js[^\"]*\"[^>]*>", re.IGNORECASE
)
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


def inject(html: str, tags: str) -> str:
    """``html`` with ``tags`` inserted before the theme's start-up script (so the live
    script sees impress.js start), else before ``</body>``, else at the end."""
    for pattern in (_INIT_SCRIPT, _BODY_END):
        match = pattern.search(html)
        if match is not None:
            return html[: match.start()] + tags + html[match.start():]
    return html + tags


@dataclass
class Step:
    """One step of a built presentation: its ``id``, the text of its first heading
    (``title``), its notes as HTML (``notes``, empty without), whether it has the class
    ``skip``, and its ``goto`` attributes (``data-goto``, ``data-goto-next``,
    ``data-goto-prev``; empty when absent)."""

    id: str
    title: str = ""
    notes: str = ""
    skip: bool = False
    goto: str = ""
    goto_next: str = ""
    goto_prev: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id, "title": self.title, "notes": self.notes, "skip": self.skip,
            "goto": self.goto, "gotoNext": self.goto_next, "gotoPrev": self.goto_prev,
        }


@dataclass
class _Open:
    """An element being followed: its tag, how deep elements of that tag are nested
    inside it, and where it starts (offset of ``<``) and where its content starts."""

    tag: str
    start: int
    content: int
    depth: int = 1


@dataclass
class _Scan:
    """Where the notes elements are (start and end offsets), and the steps."""

    notes: list[tuple[int, int]] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)


class _Reader(HTMLParser):
    """Finds the notes elements and the steps of a page, with their offsets."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self._line_starts = [0]
        for match in re.finditer("\n", text):
            self._line_starts.append(match.end())
        self.scan = _Scan()
        self._notes: _Open | None = None
        self._step: _Open | None = None
        self._heading: list[str] | None = None
        self._heading_tag = ""

    def _where(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._where()
        end = start + len(self.get_starttag_text() or "")
        for current in (self._notes, self._step):
            if current is not None and current.tag == tag:
                current.depth += 1
        classes = set()
        values = {}
        for name, value in attrs:
            values[name] = value or ""
            if name == "class" and value:
                classes.update(value.split())
        if self._notes is None and NOTES_CLASS in classes:
            self._notes = _Open(tag, start, end)
        if self._step is None and STEP_CLASS in classes and values.get("id"):
            self._step = _Open(tag, start, end)
            self.scan.steps.append(Step(
                id=values["id"],
                skip="skip" in classes,
                goto=values.get("data-goto", ""),
                goto_next=values.get("data-goto-next", ""),
                goto_prev=values.get("data-goto-prev", ""),
            ))
        if (
            tag in _HEADINGS and self._step is not None and self._notes is None
            and not self.scan.steps[-1].title and self._heading is None
        ):
            self._heading, self._heading_tag = [], tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # a self-closed element opens nothing

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)

    def handle_endtag(self, tag: str) -> None:
        start = self._where()
        close = self.text.find(">", start)
        end = len(self.text) if close < 0 else close + 1
        if self._heading is not None and tag == self._heading_tag:
            self.scan.steps[-1].title = " ".join("".join(self._heading).split())
            self._heading = None
        notes = self._notes
        if notes is not None and notes.tag == tag:
            notes.depth -= 1
            if notes.depth == 0:
                self.scan.notes.append((notes.start, end))
                if self._step is not None:
                    step = self.scan.steps[-1]
                    step.notes += self.text[notes.content:start]
                self._notes = None
        step_open = self._step
        if step_open is not None and step_open.tag == tag:
            step_open.depth -= 1
            if step_open.depth == 0:
                self._step = None


def _scan(html: str) -> _Scan:
    reader = _Reader(html)
    reader.feed(html)
    reader.close()
    return reader.scan


def strip_notes(html: str) -> str:
    """``html`` without its speaker notes: every element with the class ``notes``
    (impress.js's, which the presenter console reads), its content included."""
    pieces = []
    last = 0
    for start, end in _scan(html).notes:
        if start < last:
            continue  # inside notes already cut
        pieces.append(html[last:start])
        last = end
    pieces.append(html[last:])
    return "".join(pieces)


def read_steps(html: str) -> list[Step]:
    """The steps of a presentation page, in document order, with their notes."""
    return _scan(html).steps


def page_title(html: str) -> str:
    """The text of the page's ``<title>``."""
    match = re.search(r"<title>(.*?)</title>", html, re.DOTALL | re.IGNORECASE)
    if match is None:
        return ""
    from html import unescape

    return " ".join(unescape(re.sub(r"<[^>]+>", "", match[1])).split())
