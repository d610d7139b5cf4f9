"""Hand-written impress.js presentations (HTML), read once into a deck model for
``sphinx-impress convert --from impressjs``.

The format (impress.js DOCUMENTATION.md): a page whose root element ``#impress`` holds
step elements (class ``step``) with their place in ``data-x``, ``data-y``, ``data-z``,
``data-rotate`` (``-x``/``-y``/``-z``), ``data-scale`` and ``data-rotate-order``; the
deck's settings on the root (``data-transition-duration``, ``data-width``...); speaker
notes in a ``div.notes``; substeps marked with class ``substep``; ``.markdown`` steps
whose text is Markdown, split into several steps at lines of ``-----`` (the markdown
extra of impress.js). The page is read with html5lib, which builds the tree as a
browser does.

Where each step stands follows impress.js 1.x, whose rel plugin is always on
(src/plugins/rel/rel.js): a step without ``data-x``, ``data-y`` or ``data-z`` keeps
the previous step's value on that axis; rotations are 0 and the scale 1 when not
given. A deck that uses none of the rel plugin's ``data-rel-*`` attributes is written
with every axis as an absolute number. From the first step that uses one on, each step
keeps the axes it writes and carries the rel plugin's attributes as step options of
the same name, the values it inherits from the step before written out
(``data-rel-x`` ... ``data-rel-rotate-z``, ``data-rel-position``), so that resolving
them step by step gives what the rel plugin computes. A step without an id gets
``step-N`` (its place, from 1), as impress.js names it, so links and goto attributes
that name it keep working.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup, Tag

from ..core.options import RESERVED_CLASSES, parse_step_options
from ..core.problems import Problem
from .cutting import absolute_options
from .model import DeckModel, Field, SlideModel
from .myst_writer import MystDeck, MystSlide, directive_options, fence

#: The root element's attributes and the deck settings (front matter keys) they set.
ROOT_SETTINGS = {
    "data-transition-duration": "impress_transition_duration",
    "data-perspective": "impress_perspective",
    "data-width": "impress_width",
    "data-height": "impress_height",
    "data-max-scale": "impress_max_scale",
    "data-min-scale": "impress_min_scale",
    "data-autoplay": "impress_autoplay",
}

#: A step's attributes that place it, and the step option each becomes.
PLACE = {
    "data-x": "x", "data-y": "y", "data-z": "z",
    "data-rotate-x": "rotate-x", "data-rotate-y": "rotate-y", "data-rotate-z": "rotate-z",
    "data-rotate": "rotate-z", "data-scale": "scale",
}

#: The rel plugin's offsets (inherited from the step before when not given).
REL_OFFSETS = (
    "data-rel-x", "data-rel-y", "data-rel-z",
    "data-rel-rotate-x", "data-rel-rotate-y", "data-rel-rotate-z",
)

#: Every attribute of the rel plugin (impress.js src/plugins/rel/README.md).
REL_ATTRIBUTES = (*REL_OFFSETS, "data-rel-to", "data-rel-position", "data-rel-reset")

#: Other step attributes and the step option each becomes.
STEP_OPTIONS = {
    "data-rotate-order": "rotate-order",
    "data-transition-duration": "transition-duration",
    "data-autoplay": "autoplay",
    "data-goto": "goto",
    "data-goto-next": "goto-next",
    "data-goto-prev": "goto-prev",
}

#: The markdown extra's slide separator inside a ``.markdown`` step.
MARKDOWN_SEPARATOR = re.compile(r"^-----$", re.MULTILINE)

#: A script that is impress.js itself (the converted deck loads the vendored one).
_IMPRESS_SCRIPT = re.compile(r"(?:^|/)impress(?:\.min)?\.js(?:[?#].*)?$")

#: An address on the network (a scheme and ``//``, or ``//`` alone), not a file.
_REMOTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//")

#: A link target that a MyST link can carry: an address with a scheme, or a fragment
#: (a step or an anchor of the deck).
_LINKABLE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|#)")

#: An inline script that only starts the presentation.
_INIT_SCRIPT = re.compile(r"^\s*impress\(\s*\)\s*\.init\(\s*\)\s*;?\s*$")


@dataclass
class ImpressjsStep:
    """One step to write: ``element`` (its HTML content) or ``markdown`` (the text of
    one slide of a ``.markdown`` step)."""

    element: Tag
    markdown: str | None = None


@dataclass
class ImpressjsLayout:
    """What the converter writes besides the model: each slide's content, and inline
    style sheets of the page (kept as raw HTML in the first slide)."""

    steps: list[ImpressjsStep] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)


class _StartTags(HTMLParser):
    """Every start tag of a page with its line, for the lines of elements that the
    browser-grade parser (which keeps none) found."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[tuple[str, str], ...], int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple((k, v or "") for k, v in attrs), self.getpos()[0]))

    handle_startendtag = handle_starttag


class _Lines:
    """The line of each element of the tree, found by its tag and attributes among the
    page's start tags, in order."""

    def __init__(self, text: str) -> None:
        reader = _StartTags()
        try:
            reader.feed(text)
            reader.close()
        except (AssertionError, ValueError):  # what Python's parser raises on odd markup
            pass
        self.tags = reader.tags
        self.position = 0

    def of(self, element: Tag) -> int | None:
        wanted = (element.name, tuple((k, _joined(v)) for k, v in element.attrs.items()))
        for index in range(self.position, len(self.tags)):
            tag, attrs, line = self.tags[index]
            if (tag, attrs) == wanted:
                self.position = index + 1
                return line
        return None


def _classes(element: Any) -> list[str]:
    """The classes of an element (none for text)."""
    value = element.get("class") if isinstance(element, Tag) else None
    return [str(name) for name in value] if isinstance(value, list) else str(value or "").split()


def _source_text(element: Tag) -> str:
    """The text inside a ``script`` or ``style`` element (which BeautifulSoup's
    ``get_text`` leaves out)."""
    return "".join(str(child) for child in element.contents)


def _joined(value: Any) -> str:
    """An attribute value as written (BeautifulSoup splits ``class`` into a list)."""
    return " ".join(value) if isinstance(value, list) else str(value)


def parse_page(text: str) -> BeautifulSoup:
    """The page's tree as a browser builds it (html5lib)."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(text, "html5lib")


def read_impressjs(text: str, source: str | None = None) -> tuple[DeckModel, ImpressjsLayout]:
    """Understand a hand-written impress.js page once (see the module).

    :returns: the deck model (title, settings of the root element, the page's style
        sheets and scripts as ``impress_deck_css_files`` and ``impress_deck_js_files``,
        one slide per step with its fields and options, every problem with its line)
        and what each slide holds.
    """
    page = parse_page(text)
    lines = _Lines(text)
    reader = _Reader(page, lines, Path(source).parent if source else None)
    reader.read()
    return reader.model, reader.layout


class _Reader:
    def __init__(self, page: BeautifulSoup, lines: _Lines, folder: Path | None) -> None:
        self.folder = folder
        self.page = page
        self.lines = lines
        self.model = DeckModel()
        self.layout = ImpressjsLayout()
        self.line_of: dict[int, int | None] = {}

    def problem(self, kind: str, message: str, line: int | None, index: int | None = None) -> None:
        self.model.problems.append(Problem(kind, message, index, line))

    def read(self) -> None:
        for element in self.page.find_all(True):
            self.line_of[id(element)] = self.lines.of(element)
        front = self.model.front_matter
        title = self.page.find("title")
        if title is not None and title.get_text(strip=True):
            front["title"] = " ".join(title.get_text().split())
        for meta in self.page.find_all("meta", attrs={"name": ("author", "description")}):
            if meta.get("content"):
                front[str(meta["name"])] = str(meta["content"])
        root = self.page.find(id="impress")
        if root is None:
            self.problem("html", "this page has no impress.js root element "
                         '(<div id="impress">): there is no step to convert', 1)
            return
        self._root_settings(root)
        self._assets(root)
        self._steps(root)

    def _root_settings(self, root: Tag) -> None:
        for name, value in root.attrs.items():
            setting = ROOT_SETTINGS.get(name)
            if setting is not None:
                self.model.front_matter[setting] = _joined(value)
            elif name.startswith("data-"):
                self.problem(
                    "html",
                    f"the root element's attribute {name!r} has no deck setting; it is "
                    "not carried over",
                    self.line_of.get(id(root)),
                )

    def _assets(self, root: Tag) -> None:
        """The page's style sheets and scripts; inline ones are noted."""
        css: list[str] = []
        js: list[str] = []
        seen_impress = False
        for element in self.page.find_all(["link", "style", "script"]):
            line = self.line_of.get(id(element))
            if element.name == "link":
                rel = _joined(element.get("rel", "")).lower().split()
                if "stylesheet" in rel and element.get("href"):
                    media = _joined(element.get("media", "")).replace(" ", "")
                    if self._exists(_joined(element["href"]), line):
                        css.append(f"{element['href']} {media}".strip())
            elif element.name == "style":
                if element.find_parent(class_="step") is None:
                    self.layout.styles.append(_source_text(element))
                    self.problem(
                        "html",
                        "this inline style sheet is kept as raw HTML at the start of the "
                        "first slide",
                        line,
                    )
            elif element.get("src"):
                source = _joined(element["src"])
                if _IMPRESS_SCRIPT.search(source):
                    seen_impress = True
                    continue
                if self._exists(source, line):
                    js.append(f"{source} {'body' if seen_impress else 'head'}")
            elif element.find_parent(class_="step") is None:
                code = _source_text(element)
                if code.strip() and not _INIT_SCRIPT.match(code):
                    self.problem(
                        "html",
                        "an inline script outside the steps is not carried over: put it "
                        "in a file and list it in impress_deck_js_files",
                        line,
                    )
        if css:
            self.model.front_matter["impress_deck_css_files"] = css
        if js:
            self.model.front_matter["impress_deck_js_files"] = js

    def _exists(self, address: str, line: int | None) -> bool:
        """Whether a style sheet or script the page loads is there (an address on the
        network counts as there; the offline check names it when the deck is built);
        a problem when it is not."""
        if self.folder is None or _REMOTE.match(address):
            return True
        path = address.split("#", 1)[0].split("?", 1)[0]
        if (self.folder / path).is_file():
            return True
        self.problem(
            "html", f"{path} does not exist (the page loads it); it is left out", line
        )
        return False

    def _steps(self, root: Tag) -> None:
        elements = root.select(".step")
        for child in root.children:
            name = getattr(child, "name", None)
            if (
                isinstance(child, Tag) and name not in ("script", "style")
                and "step" not in _classes(child) and not child.select(".step")
            ):
                self.problem(
                    "html",
                    f"this <{name}> inside the root element is no step; it is not "
                    "carried over",
                    self.line_of.get(id(child)),
                )
        pieces: list[tuple[Tag, str | None, bool]] = []
        for element in elements:
            if "markdown" in _classes(element):
                slides = _markdown_slides(element.get_text())
                for number, piece in enumerate(slides):
                    pieces.append((element, piece, number > 0))
            else:
                pieces.append((element, None, False))
        chain = _RelChain()
        for index, (element, markdown, clone) in enumerate(pieces):
            line = self.line_of.get(id(element))
            slide = self._slide(index, element, markdown, clone, chain, line)
            self.model.slides.append(slide)
            self.layout.steps.append(ImpressjsStep(element, markdown))

    def _slide(
        self, index: int, element: Tag, markdown: str | None, clone: bool, chain: _RelChain,
        line: int | None,
    ) -> SlideModel:
        attributes = {name: _joined(value) for name, value in element.attrs.items()}
        fields = [Field(name, value, line or 0) for name, value in attributes.items()]
        comments: list[str] = []
        options: dict[str, Any] = {}
        step_id = attributes.get("id", "")
        if clone or not step_id:
            step_id = f"step-{index + 1}"
        options["id"] = step_id
        classes = [
            name for name in attributes.get("class", "").split()
            if name != "step" and not (markdown is not None and name == "markdown")
        ]
        kept = [name for name in classes if name not in RESERVED_CLASSES]
        for name in classes:
            if name not in kept:
                self.problem(
                    "value",
                    f"the step class {name!r} is impress.js's own; it is left out", line, index,
                )
        if kept:
            options["class"] = " ".join(kept)
        for name, value in attributes.items():
            if name in ("id", "class") or name in PLACE or name in REL_ATTRIBUTES:
                continue
            if name in STEP_OPTIONS:
                options[STEP_OPTIONS[name]] = value
            elif name == "data-markdown-dialect" and markdown is not None:
                continue
            elif name.startswith("data-"):
                options[name] = value
            else:
                comments.append(f"impress.js step attribute: {name}={value!r}")
                self.problem(
                    "html",
                    f"the step attribute {name!r} has no step option; it is kept as a "
                    "comment",
                    line,
                    index,
                )
        options.update(chain.place(attributes))
        if chain.started:
            parsed, problems = parse_step_options(options, f"step-{index + 1}")
        else:
            parsed, problems = absolute_options(options, number=index + 1)
        for found in problems:
            self.problem(found.kind, found.message, line, index)
        slide = SlideModel(line or 0, (0, -1), fields, parsed, comments)
        return slide


def _markdown_slides(text: str) -> list[str]:
    """The slides of a ``.markdown`` step as impress.js's markdown extra cuts them: the
    text without the indentation of its first line that is not blank, split at lines
    of exactly ``-----``."""
    first = re.search(r"^([ \t]*)\S", text, re.MULTILINE)
    if first is not None and first[1]:
        text = re.sub("^" + re.escape(first[1]), "", text, flags=re.MULTILINE)
    return MARKDOWN_SEPARATOR.split(text)


class _RelChain:
    """Where steps stand under impress.js's rel plugin, as step options.

    Before any step uses a ``data-rel-*`` attribute, :meth:`place` gives the absolute
    axes (x, y, z carried over from the step before when not given; rotations 0, scale
    1). From the first that uses one (:attr:`started`), it gives the axes a step writes
    and the rel plugin's values in effect on it, inherited ones written out."""

    def __init__(self) -> None:
        self.started = False
        self.current = {"x": "0", "y": "0", "z": "0"}
        self.relative = dict.fromkeys(REL_OFFSETS, "0")
        self.position = "absolute"
        self.by_id: dict[str, tuple[dict[str, str], str]] = {}

    def place(self, attributes: dict[str, str]) -> dict[str, str]:
        if not self.started and any(name in attributes for name in REL_ATTRIBUTES):
            self.started = True
        if not self.started:
            return self._absolute(attributes)
        return self._relative(attributes)

    def _absolute(self, attributes: dict[str, str]) -> dict[str, str]:
        placed: dict[str, str] = {}
        for name in ("data-x", "data-y", "data-z"):
            axis = PLACE[name]
            if name in attributes:
                self.current[axis] = attributes[name].strip()
            placed[axis] = self.current[axis]
        for name, axis in PLACE.items():
            if name in attributes and axis not in ("x", "y", "z"):
                placed[axis] = attributes[name].strip()
        if "data-rotate" in attributes and "data-rotate-z" in attributes:
            # impress.js reads data-rotate-z first
            placed["rotate-z"] = attributes["data-rotate-z"].strip()
        self._remember(attributes)
        return placed

    def _relative(self, attributes: dict[str, str]) -> dict[str, str]:
        target = attributes.get("data-rel-to")
        if target and target in self.by_id:
            # the rel plugin takes the named step's offsets and mode (its own, or zeros
            # when it is not in relative mode)
            relative, position = self.by_id[target]
            self.position = position
            if position == "relative":
                self.relative = dict(relative)
            else:
                self.relative = dict.fromkeys(REL_OFFSETS, "0")
        if "data-rel-reset" in attributes:
            self.relative = dict.fromkeys(REL_OFFSETS, "0")
        self.position = attributes.get("data-rel-position", self.position)
        for name in REL_OFFSETS:
            if name in attributes:
                self.relative[name] = attributes[name].strip()
        # an absolute value on an axis stops the offset on it, for this step and after
        for axis, rel in (("data-x", "data-rel-x"), ("data-y", "data-rel-y"),
                          ("data-z", "data-rel-z")):
            if axis in attributes:
                self.relative[rel] = "0"
        for axis in ("x", "y", "z"):
            rel = f"data-rel-rotate-{axis}"
            if f"data-rotate-{axis}" in attributes or attributes.get("data-rel-reset") == "all":
                self.relative[rel] = "0"
        if "data-rotate" in attributes:
            self.relative["data-rel-rotate-z"] = "0"
        placed: dict[str, str] = {}
        for name, axis in PLACE.items():
            if name in attributes and not (name == "data-rotate" and "data-rotate-z" in attributes):
                placed[axis] = attributes[name].strip()
        placed.update(self.relative)
        placed["data-rel-position"] = self.position
        for name in ("data-rel-to", "data-rel-reset"):
            if name in attributes:
                placed[name] = attributes[name]
        self._remember(attributes)
        return placed

    def _remember(self, attributes: dict[str, str]) -> None:
        if attributes.get("id"):
            self.by_id[attributes["id"]] = (dict(self.relative), self.position)


def convert_impressjs(text: str, source: str = "<deck>") -> tuple[MystDeck, list[Problem]]:
    """The MyST deck of a hand-written impress.js page, and the problems its reader
    found: each step a ``step`` directive with its id, classes and place, its content
    as Markdown where it maps (headings, paragraphs, emphasis, code, links, images,
    lists, quotes, notes, substeps) and as raw HTML where it does not."""
    model, layout = read_impressjs(text, source)
    deck = MystDeck(front_matter=dict(model.front_matter))
    for index, (slide, content) in enumerate(zip(model.slides, layout.steps, strict=True)):
        writer = _MarkdownWriter()
        if content.markdown is not None:
            body = content.markdown.rstrip().lstrip("\n")
        else:
            body = writer.blocks(_content_of(content.element))
        if index == 0 and layout.styles:
            css = "\n".join(layout.styles).strip("\n")
            body = _raw(f"<style>\n{css}\n</style>") + ("\n\n" + body if body else "")
        # a step under the rel plugin keeps only the axes it writes: the plugin gives it
        # the others
        absolute = slide.options.rel is None and slide.options.rel_to is None
        deck.slides.append(
            MystSlide(directive_options(slide.options, every_axis=absolute), body, slide.comments)
        )
    return deck, model.problems


def _content_of(element: Tag) -> list[Any]:
    """The children of a step, without the steps nested in it (impress.js makes those
    steps of their own)."""
    return [
        child for child in element.children
        if "step" not in _classes(child)
    ]


def _raw(html: str) -> str:
    marks = fence(html)
    return f"{marks}{{raw}} html\n{html}\n{marks}"


#: Characters that start Markdown inline markup, escaped in text.
_ESCAPE = re.compile(r"([\\`*_\[\]<>|~$])")

#: Block elements whose content is written as Markdown blocks of their own.
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

#: Elements written as Markdown inline markup when they have no attributes.
_INLINE = {"strong": "**", "b": "**", "em": "*", "i": "*"}


class _MarkdownWriter:
    """Writes HTML content as MyST Markdown where it maps, raw HTML where it does not.

    A step's first heading, when it is an ``h1`` and nothing comes before it, is a
    Markdown ``#`` heading (a step's title); any other heading is a ``rubric``
    directive with its ``heading-level``, so that each keeps its level."""

    def __init__(self) -> None:
        self.opened = False

    def blocks(self, children: list[Any]) -> str:
        parts: list[str] = []
        inline: list[Any] = []

        def flush() -> None:
            text = self._inline_all(inline).strip()
            inline.clear()
            if text:
                parts.append(text)
                self.opened = True

        for child in children:
            name = getattr(child, "name", None)
            if name is None:
                if type(child).__name__ == "Comment":
                    continue
                inline.append(child)
                continue
            if name in _INLINE or name in ("a", "code", "span", "img", "br", "kbd", "sup", "sub"):
                inline.append(child)
                continue
            flush()
            block = self.block(child)
            if block:
                parts.append(block)
                self.opened = True
        flush()
        return "\n\n".join(parts)

    def block(self, element: Tag) -> str:
        name = element.name
        classes = _classes(element)
        others = {k for k in element.attrs if k != "class"}
        if name == "div" and classes == ["notes"] and not others:
            body = _MarkdownWriter().blocks(list(element.children))
            if not body.strip():
                return ""
            marks = fence(body)
            return f"{marks}{{notes}}\n{body}\n{marks}"
        if classes == ["substep"] and not others:
            inner = list(element.children) if name in ("div", "section") else [_bare(element)]
            body = _MarkdownWriter().blocks(inner)
            marks = fence(body)
            return f"{marks}{{substep}}\n{body}\n{marks}"
        if element.attrs:
            return _raw(str(element))
        if name in _HEADINGS:
            text = self._inline_all(list(element.children)).strip()
            level = int(name[1])
            if not text or "\n" in text:
                return _raw(str(element))
            if level == 1 and not self.opened:
                return f"# {text}"
            return f"```{{rubric}} {text}\n:heading-level: {level}\n```"
        if name == "p":
            return self._inline_all(list(element.children)).strip()
        if name in ("ul", "ol"):
            return self._list(element) or _raw(str(element))
        if name == "pre":
            return self._code(element)
        if name == "blockquote":
            body = _MarkdownWriter().blocks(list(element.children))
            return "\n".join(f"> {line}".rstrip() for line in body.splitlines())
        if name in ("div", "section", "article", "header", "footer", "main"):
            return _MarkdownWriter().blocks(list(element.children))
        return _raw(str(element))

    def _list(self, element: Tag) -> str | None:
        lines = []
        ordered = element.name == "ol"
        for number, item in enumerate(element.find_all("li", recursive=False), start=1):
            if item.attrs:
                return None
            marker = f"{number}. " if ordered else "- "
            body = _MarkdownWriter().blocks(list(item.children))
            indent = " " * len(marker)
            item_lines = body.splitlines() or [""]
            lines.append(marker + item_lines[0])
            lines.extend(indent + line if line else "" for line in item_lines[1:])
        return "\n".join(lines)

    def _code(self, element: Tag) -> str:
        code = element.find("code", recursive=False)
        language = ""
        for candidate in (code, element):
            for name in _classes(candidate):
                if name.startswith(("language-", "lang-")):
                    language = name.split("-", 1)[1]
        text = element.get_text().strip("\n")
        marks = fence(text)
        return f"{marks}{language}\n{text}\n{marks}"

    def _inline_all(self, children: list[Any]) -> str:
        return "".join(self._inline(child) for child in children)

    def _inline(self, node: Any) -> str:
        name = getattr(node, "name", None)
        if name is None:
            if type(node).__name__ == "Comment":
                return ""
            text = re.sub(r"\s+", " ", str(node))
            return _ESCAPE.sub(r"\\\1", text)
        attributes = set(node.attrs)
        if name in _INLINE and not attributes:
            inner = self._inline_all(list(node.children)).strip()
            return f"{_INLINE[name]}{inner}{_INLINE[name]}" if inner else ""
        if name == "code" and not attributes:
            text = node.get_text()
            ticks = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
            padding = " " if text.startswith("`") or text.endswith("`") else ""
            return f"{ticks}{padding}{text}{padding}{ticks}"
        if (
            name == "a" and attributes <= {"href", "title"}
            and _LINKABLE.match(str(node.get("href", "")))
        ):
            inner = self._inline_all(list(node.children)).strip()
            return f"[{inner}]({_link(node['href'])})"
        if name == "img" and attributes <= {"src", "alt", "title"} and node.get("src"):
            alt = _ESCAPE.sub(r"\\\1", node.get("alt", ""))
            return f"![{alt}]({_link(node['src'])})"
        if name == "br" and not attributes:
            return "\\\n"
        if name == "span" and not attributes:
            return self._inline_all(list(node.children))
        return str(node)


def _bare(element: Tag) -> Tag:
    """A copy of ``element`` without attributes (its class becomes a directive)."""
    copy = element.__copy__()
    copy.attrs = {}
    return copy


def _link(target: str) -> str:
    """A link target as Markdown reads it back (spaces and parentheses in ``<>``)."""
    return f"<{target}>" if re.search(r"[\s()<>]", target) else target
