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
keeps the axes and the rel plugin's attributes it writes (``data-rel-x`` ...
``data-rel-rotate-z``, ``data-rel-position``, ``data-rel-to``, ``data-rel-reset``) as
step options of the same name; what it inherits from the steps before comes from the
rel plugin's rules when the deck is placed (:mod:`sphinx_impress.core.rel`, the one
implementation of them). A step without an id gets ``step-N`` (its place, from 1), as
impress.js names it, so links and goto attributes that name it keep working.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

from bs4 import BeautifulSoup, Tag
from docutils import nodes

from ..core.options import RESERVED_CLASSES, parse_step_options
from ..core.problems import Problem
from ..core.rel import POSITION_MODES
from ..extension.config import PREFIX, ROOT_ATTRIBUTES
from .cutting import absolute_options
from .model import DeckModel, Field, SlideModel
from .myst_writer import MystDeck, MystSlide, as_written, directive_options, fence, rubric

#: The root element's attributes and the deck settings (front matter keys) they set.
ROOT_SETTINGS = {attribute: PREFIX + name for attribute, name in ROOT_ATTRIBUTES.items()}

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
class ImpressjsDeck(DeckModel):
    """The deck model of an impress.js page, with ``contents``, what each slide holds;
    ``styles``, the page's inline style sheets (kept as raw HTML in the first slide);
    and ``rel_from``, the index of the first slide that uses the rel plugin (``None``:
    none does). The slides before it give every axis as an absolute number; from it
    on, each gives the axes and the rel plugin's attributes it writes, and the rel
    plugin's rules (:mod:`sphinx_impress.core.rel`, applied when the deck is placed)
    give it the rest."""

    contents: list[ImpressjsStep] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    rel_from: int | None = None


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


def read_impressjs(text: str, source: str | None = None) -> ImpressjsDeck:
    """Understand a hand-written impress.js page once (see the module).

    :returns: the deck model (title, settings of the root element, the page's style
        sheets and scripts as ``impress_deck_css_files`` and ``impress_deck_js_files``,
        one slide per step with its fields and options, every problem with its line)
        with what each slide holds.
    """
    page = parse_page(text)
    lines = _Lines(text)
    reader = _Reader(page, lines, Path(source).parent if source else None)
    reader.read()
    return reader.model


class _Reader:
    def __init__(self, page: BeautifulSoup, lines: _Lines, folder: Path | None) -> None:
        self.folder = folder
        self.page = page
        self.lines = lines
        self.model = ImpressjsDeck()
        self.line_of: dict[int, int | None] = {}
        #: The coordinates a step that gives none keeps (impress.js 1.x), as written.
        self.coordinates = {"x": "0", "y": "0", "z": "0"}
        #: The rel plugin's position mode after the last step, and after each by id.
        self.mode = "absolute"
        self.modes: dict[str, str] = {}

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
                    self.model.styles.append(_source_text(element))
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
        for index, (element, markdown, clone) in enumerate(pieces):
            line = self.line_of.get(id(element))
            self.model.slides.append(self._slide(index, element, markdown, clone, line))
            self.model.contents.append(ImpressjsStep(element, markdown))

    def _slide(
        self, index: int, element: Tag, markdown: str | None, clone: bool, line: int | None
    ) -> SlideModel:
        """One step's fields, comments and step options."""
        attributes = {name: _joined(value) for name, value in element.attrs.items()}
        fields = [Field(name, value, line or 0) for name, value in attributes.items()]
        comments: list[str] = []
        step_id = attributes.get("id", "")
        options: dict[str, Any] = {
            "id": f"step-{index + 1}" if clone or not step_id else step_id
        }
        classes = self._classes(attributes, markdown is not None, line, index)
        if classes:
            options["class"] = " ".join(classes)
        options.update(self._other_options(attributes, markdown is not None, comments, line, index))
        if self.model.rel_from is None and any(name in attributes for name in REL_ATTRIBUTES):
            self.model.rel_from = index
        options.update(self._placement(attributes))
        if self.model.rel_from is not None:
            parsed, problems = parse_step_options(options, f"step-{index + 1}")
        else:
            parsed, problems = absolute_options(options, number=index + 1)
        for found in problems:
            self.problem(found.kind, found.message, line, index)
        return SlideModel(line or 0, (0, -1), fields, parsed, comments)

    def _classes(
        self, attributes: dict[str, str], markdown: bool, line: int | None, index: int
    ) -> list[str]:
        """The step's own classes: not ``step`` (nor ``markdown`` on a step of the
        markdown extra), nor one of impress.js's own (with a problem)."""
        classes = [
            name for name in attributes.get("class", "").split()
            if name != "step" and not (markdown and name == "markdown")
        ]
        for name in classes:
            if name in RESERVED_CLASSES:
                self.problem(
                    "value",
                    f"the step class {name!r} is impress.js's own; it is left out", line, index,
                )
        return [name for name in classes if name not in RESERVED_CLASSES]

    def _other_options(
        self, attributes: dict[str, str], markdown: bool, comments: list[str],
        line: int | None, index: int,
    ) -> dict[str, str]:
        """The step options of the attributes that do not place the step; an attribute
        with none is kept in ``comments``, with a problem."""
        options: dict[str, str] = {}
        for name, value in attributes.items():
            if name in ("id", "class") or name in PLACE or name in REL_ATTRIBUTES:
                continue
            if name in STEP_OPTIONS:
                options[STEP_OPTIONS[name]] = value
            elif name == "data-markdown-dialect" and markdown:
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
        return options

    def _placement(self, attributes: dict[str, str]) -> dict[str, str]:
        """The step options that place a step: the axes it writes (``data-rotate-z``
        before ``data-rotate``, as impress.js reads them), and the rel plugin's
        attributes as written. Before the first step that uses the rel plugin, a step
        that gives no ``data-x``, ``data-y`` or ``data-z`` keeps the previous step's
        (impress.js 1.x, where the rel plugin is always on and moves nothing then).

        A step with ``data-rel-to`` alone also gets the position mode it takes from the
        step it names, written out: a MyST step's ``rel-to`` without a rel plugin
        option counts relative values from that step, and is no rel plugin step."""
        placed = {
            axis: attributes[name].strip()
            for name, axis in PLACE.items()
            if name in attributes and not (name == "data-rotate" and "data-rotate-z" in attributes)
        }
        target = attributes.get("data-rel-to", "").strip()
        self.mode = self.modes.get(target, self.mode)
        written = attributes.get("data-rel-position", "").strip().lower()
        if written in POSITION_MODES:
            self.mode = written
        if attributes.get("id"):
            self.modes[attributes["id"]] = self.mode
        if self.model.rel_from is not None:
            placed.update((name, attributes[name]) for name in REL_ATTRIBUTES if name in attributes)
            if target and "data-rel-position" not in attributes:
                placed["data-rel-position"] = self.mode
            return placed
        for axis in ("x", "y", "z"):
            self.coordinates[axis] = placed.get(axis, self.coordinates[axis])
            placed[axis] = self.coordinates[axis]
        return placed


def _markdown_slides(text: str) -> list[str]:
    """The slides of a ``.markdown`` step as impress.js's markdown extra cuts them: the
    text without the indentation of its first line that is not blank, split at lines
    of exactly ``-----``."""
    first = re.search(r"^([ \t]*)\S", text, re.MULTILINE)
    if first is not None and first[1]:
        text = re.sub("^" + re.escape(first[1]), "", text, flags=re.MULTILINE)
    return MARKDOWN_SEPARATOR.split(text)


def convert_impressjs(text: str, source: str = "<deck>") -> tuple[MystDeck, list[Problem]]:
    """The MyST deck of a hand-written impress.js page, and the problems its reader
    found: each step a ``step`` directive with its id, classes and place, its content
    as Markdown where it maps (headings, paragraphs, emphasis, code, links, images,
    lists, quotes, notes, substeps) and as raw HTML where it does not. Its text is
    kept as written (``impress_smartquotes: false``) and, where it has style sheets of
    its own, its list items without ``<p>`` (``impress_markup: html``), as its author
    wrote them."""
    model = read_impressjs(text, source)
    deck = MystDeck(front_matter=as_written(model.front_matter))
    if deck.front_matter.get("impress_deck_css_files"):
        # its style sheets were written for its HTML: list items without <p>
        deck.front_matter["impress_markup"] = "html"
    for index, (slide, content) in enumerate(zip(model.slides, model.contents, strict=True)):
        writer = _MarkdownWriter()
        if content.markdown is not None:
            body = content.markdown.rstrip().lstrip("\n")
        else:
            body = writer.blocks(_content_of(content.element))
        if index == 0 and model.styles:
            css = "\n".join(model.styles).strip("\n")
            body = _raw(f"<style>\n{css}\n</style>") + ("\n\n" + body if body else "")
        # a step under the rel plugin keeps only the axes it writes: the plugin gives it
        # the others
        absolute = model.rel_from is None or index < model.rel_from
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
            text = _image_directive(inline) or self._inline_all(inline).strip()
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
        """One block element as Markdown: notes and substeps as their directives, an
        element with attributes as raw HTML, the others as what they map to."""
        classes = _classes(element)
        plain = not {name for name in element.attrs if name != "class"}
        if plain and classes == ["notes"] and element.name == "div":
            return self._directive("notes", list(element.children), keep_empty=False)
        if plain and classes == ["substep"]:
            inner = (list(element.children) if element.name in ("div", "section")
                     else [_bare(element)])
            return self._directive("substep", inner)
        if element.attrs:
            return _raw(str(element))
        if element.name in _HEADINGS:
            return self._heading(element)
        if element.name in ("ul", "ol"):
            return self._list(element) or _raw(str(element))
        writer = self._BLOCKS.get(element.name)
        return writer(self, element) if writer else _raw(str(element))

    @staticmethod
    def _directive(name: str, children: list[Any], keep_empty: bool = True) -> str:
        body = _MarkdownWriter().blocks(children)
        if not keep_empty and not body.strip():
            return ""
        marks = fence(body)
        return f"{marks}{{{name}}}\n{body}\n{marks}"

    def _heading(self, element: Tag) -> str:
        """The step's opening ``h1`` as ``#``, another heading as a ``rubric`` with its
        level; a heading that is no single line of text as raw HTML."""
        text = self._inline_all(list(element.children)).strip()
        level = int(element.name[1])
        if not text or "\n" in text:
            return _raw(str(element))
        if level == 1 and not self.opened:
            return f"# {text}"
        return rubric(text, level)

    def _paragraph(self, element: Tag) -> str:
        children = list(element.children)
        return _image_directive(children) or self._inline_all(children).strip()

    def _quote(self, element: Tag) -> str:
        body = _MarkdownWriter().blocks(list(element.children))
        return "\n".join(f"> {line}".rstrip() for line in body.splitlines())

    def _container(self, element: Tag) -> str:
        return _MarkdownWriter().blocks(list(element.children))

    def _list(self, element: Tag) -> str | None:
        lines = []
        ordered = element.name == "ol"
        for number, item in enumerate(element.find_all("li", recursive=False), start=1):
            if item.attrs or item.find("p", recursive=False):
                # its paragraphs in <p>: the converted deck writes an item's one
                # paragraph without it (impress_markup: html), as the others are
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
        """One inline node as Markdown where it maps without loss, else as raw HTML."""
        name = getattr(node, "name", None)
        if name is None:
            if type(node).__name__ == "Comment":
                return ""
            return _ESCAPE.sub(r"\\\1", re.sub(r"\s+", " ", str(node)))
        attributes = set(node.attrs)
        if name in _INLINE and not attributes:
            inner = self._inline_all(list(node.children)).strip()
            return f"{_INLINE[name]}{inner}{_INLINE[name]}" if inner else ""
        writer = self._INLINES.get(name)
        written = writer(self, node, attributes) if writer else None
        return str(node) if written is None else written

    def _code_span(self, node: Tag, attributes: set[str]) -> str | None:
        if attributes:
            return None
        text = node.get_text()
        ticks = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
        padding = " " if text.startswith("`") or text.endswith("`") else ""
        return f"{ticks}{padding}{text}{padding}{ticks}"

    def _link_of(self, node: Tag, attributes: set[str]) -> str | None:
        if not attributes <= {"href", "title"} or not _LINKABLE.match(str(node.get("href", ""))):
            return None
        inner = self._inline_all(list(node.children)).strip()
        return f"[{inner}]({_link(_joined(node['href']))}{_title(node)})"

    def _image(self, node: Tag, attributes: set[str]) -> str | None:
        if not attributes <= {"src", "alt"} or not node.get("src"):
            return None
        alt = _ESCAPE.sub(r"\\\1", _joined(node.get("alt", "")))
        return f"![{alt}]({_link(_joined(node['src']))})"

    def _line_break(self, node: Tag, attributes: set[str]) -> str | None:
        return None if attributes else "\\\n"

    def _span(self, node: Tag, attributes: set[str]) -> str | None:
        return None if attributes else self._inline_all(list(node.children))

    #: Block elements without attributes, and how each is written.
    _BLOCKS: ClassVar[dict[str, Callable[[_MarkdownWriter, Tag], str]]] = {
        "p": _paragraph,
        "pre": _code,
        "blockquote": _quote,
        **dict.fromkeys(("div", "section", "article", "header", "footer", "main"), _container),
    }

    #: Inline elements and how each is written (``None``: as raw HTML).
    _INLINES: ClassVar[dict[str, Callable[[_MarkdownWriter, Tag, set[str]], str | None]]] = {
        "code": _code_span,
        "a": _link_of,
        "img": _image,
        "br": _line_break,
        "span": _span,
    }


def _bare(element: Tag) -> Tag:
    """A copy of ``element`` without attributes (its class becomes a directive)."""
    copy = element.__copy__()
    copy.attrs = {}
    return copy


#: The attributes of an ``img`` that the ``image`` directive gives it, by its option.
_IMAGE_OPTIONS = {"alt": "alt", "class": "class", "width": "width", "height": "height",
                  "id": "name"}


def _image_directive(children: list[Any]) -> str | None:
    """An image alone (with only white space around it) whose attributes the
    ``image`` directive has (:data:`_IMAGE_OPTIONS`) as that directive, so that
    Sphinx copies its file into the output as it copies every image; ``None`` for
    anything else (a Markdown image, or raw HTML)."""
    shown = [child for child in children if getattr(child, "name", None) or str(child).strip()]
    if len(shown) != 1 or getattr(shown[0], "name", None) != "img":
        return None
    image: Tag = shown[0]
    source = _joined(image.get("src", "")).strip()
    attributes = {name: _joined(value) for name, value in image.attrs.items() if name != "src"}
    if not source or source.startswith("data:") or set(attributes) <= {"alt"}:
        return None
    if not set(attributes) <= set(_IMAGE_OPTIONS):
        return None
    if "id" in attributes and nodes.make_id(attributes["id"]) != attributes["id"]:
        return None  # the id Sphinx would make of it is another: CSS would miss it
    lines = [f"```{{image}} {source}"]
    for name, value in attributes.items():
        if name in ("width", "height") and value.strip().isdigit():
            value = f"{value.strip()}px"
        lines.append(f":{_IMAGE_OPTIONS[name]}: {json.dumps(value, ensure_ascii=False)}"
                     if name == "alt" else f":{_IMAGE_OPTIONS[name]}: {value}")
    return "\n".join([*lines, "```"])


def _title(node: Tag) -> str:
    """A link's ``title`` as Markdown writes it after the target, or ``""``."""
    if not node.has_attr("title"):
        return ""
    title = _joined(node["title"]).replace("\\", "\\\\").replace('"', '\\"')
    return f' "{title}"'


def _link(target: str) -> str:
    """A link target as Markdown reads it back (spaces and parentheses in ``<>``)."""
    return f"<{target}>" if re.search(r"[\s()<>]", target) else target
