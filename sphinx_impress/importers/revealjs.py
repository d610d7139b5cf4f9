"""sphinx-revealjs decks built with ``-b impress``: its directives read as what they
mean in a presentation of impress.js, with or without sphinx-revealjs installed.

sphinx-revealjs (https://github.com/attakei/sphinx-revealjs) marks up a reST or MyST
deck with ``revealjs-break`` (a new slide in the middle of a section, titled like the
section unless ``:notitle:``), ``revealjs-section`` (attributes of the section's
slide), ``revealjs-vertical`` and ``revealjs-slide`` (attributes of a column of
slides, and of the whole deck), ``revealjs-notes`` (speaker notes),
``revealjs-fragments`` (content shown one piece per press) and
``revealjs-code-block`` / ``revealjs-literalinclude`` (``:data-line-numbers:`` to
number and highlight lines). While a document is read
(:data:`~sphinx_impress.extension.slides.READ_EVENT`), :func:`read_revealjs` turns
them into what sphinx-impress has: in a deck, a ``revealjs-break`` is a separator (a
slide boundary), a ``revealjs-section``'s options set its slide's step where impress.js
has a counterpart (:func:`read_slide_options`) and give an ``impress.revealjs`` warning where
it has none; everywhere, notes are ``notes`` and fragments ``substep`` s.

When ``sphinx_revealjs`` is listed in ``extensions``, its directives stay registered
and their nodes are read (by their node names, so that nothing of sphinx-revealjs is
imported); when it is not, :func:`setup_revealjs` registers directives of the same
names and options, so that the deck builds without it. The list decides, not the
order: sphinx-impress never registers them when ``sphinx_revealjs`` is listed, before
or after it, so that no directive replaces another.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.directives.code import CodeBlock, LiteralInclude
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..core.options import StepOptions, parse_background
from ..core.values import parse_number
from ..errors import InvalidValue
from ..extension.nodes import depart_passthrough, in_presentation, step, visit_passthrough
from ..extension.notes import notes
from ..extension.slides import READ_EVENT
from ..extension.substeps import LISTS, substep
from ..extension.warnings import ImpressWarnings, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The module name of sphinx-revealjs in ``extensions``.
EXTENSION = "sphinx_revealjs"

#: Class of the copy of a section's title that a ``revealjs-break`` without
#: ``:notitle:`` puts at the top of the slide it starts; only presentations show it.
REPEATED_TITLE_CLASS = "impress-repeated-title"

#: Options that sphinx-revealjs's nodes carry besides docutils' own attributes.
_BASIC = frozenset({"ids", "classes", "names", "dupnames", "backrefs", "source", "line"})

#: sphinx-revealjs's node names (``revealjs_break``...) and the directives that make
#: them.
_NODES = {
    "revealjs_break": "revealjs-break",
    "revealjs_section": "revealjs-section",
    "revealjs_vertical": "revealjs-vertical",
    "revealjs_slide": "revealjs-slide",
    "revealjs_notes": "revealjs-notes",
    "revealjs_fragments": "revealjs-fragments",
}


class revealjs_directive(nodes.General, nodes.Element):
    """What one of the compatible directives (registered when sphinx-revealjs is not
    listed) leaves for :func:`read_revealjs`: attributes ``directive`` (its name) and
    ``revealjs_options`` (the options as written)."""


class _AnyOptions(dict[str, Any]):
    """An ``option_spec`` that takes every option as written (reveal.js plugins read
    any ``data-*`` attribute); :func:`read_slide_options` checks them."""

    def __missing__(self, key: str) -> Any:
        return directives.unchanged


class RevealjsMarker(SphinxDirective):
    """``revealjs-break``, ``revealjs-section``, ``revealjs-vertical`` and
    ``revealjs-slide`` without sphinx-revealjs: a placeholder with the options."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = _AnyOptions(notitle=directives.flag)

    def run(self) -> list[nodes.Node]:
        """Return the placeholder."""
        node = revealjs_directive(directive=self.name, revealjs_options=dict(self.options))
        self.set_source_info(node)
        return [node]


class RevealjsNotes(SphinxDirective):
    """``revealjs-notes`` without sphinx-revealjs: speaker notes (``notes``)."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "class": directives.class_option,
        "name": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        """Return one ``notes`` node holding the parsed content."""
        node = notes()
        self.set_source_info(node)
        node.extend(self.parse_content_to_nodes())
        return [node]


class RevealjsFragments(SphinxDirective):
    """``revealjs-fragments`` without sphinx-revealjs: each element of the content is
    revealed on a press of its own, each item of a list too (``substep``)."""

    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"custom-effect": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        """Return one ``substep`` per element of the content."""
        parsed = self.parse_content_to_nodes()
        where = nodes.Element()
        self.set_source_info(where)
        if "custom-effect" in self.options:
            warn(
                f"revealjs-fragments :custom-effect: {self.options['custom-effect']!r} has no "
                "counterpart in impress.js, whose substeps appear; left out",
                ImpressWarnings.REVEALJS,
                where,
            )
        return _substeps(parsed, where)


def _line_numbers_option(value: str | None) -> str:
    return directives.unchanged(value) or ""


#: The options sphinx-revealjs adds to its code directives.
_CODE_OPTIONS: dict[str, Any] = {
    "data-line-numbers": _line_numbers_option,
    "data-id": directives.unchanged,
    "data-ln-start-from": directives.unchanged,
}


class RevealjsCodeBlock(CodeBlock):
    """``revealjs-code-block`` without sphinx-revealjs: ``code-block`` with reveal.js's
    ``data-line-numbers``, ``data-id`` and ``data-ln-start-from``."""

    option_spec: ClassVar[dict[str, Any]] = {**CodeBlock.option_spec, **_CODE_OPTIONS}

    def run(self) -> list[nodes.Node]:
        """Return the code block, its reveal.js options kept for :func:`read_revealjs`."""
        return _keep_code_options(super().run(), self.options)


class RevealjsLiteralInclude(LiteralInclude):
    """``revealjs-literalinclude`` without sphinx-revealjs: ``literalinclude`` with the
    options of :class:`RevealjsCodeBlock`."""

    option_spec: ClassVar[dict[str, Any]] = {**LiteralInclude.option_spec, **_CODE_OPTIONS}

    def run(self) -> list[nodes.Node]:
        """Return the included code, its reveal.js options kept."""
        return _keep_code_options(super().run(), self.options)


#: The reveal.js options of a code block, kept on the ``literal_block`` as
#: sphinx-revealjs keeps them.
CODE_OPTIONS = ("data-line-numbers", "data-id", "data-ln-start-from")


def _keep_code_options(result: list[nodes.Node], options: Mapping[str, Any]) -> list[nodes.Node]:
    for node in result:
        for block in node.findall(nodes.literal_block):
            for name in CODE_OPTIONS:
                if name in options:
                    block[name] = options[name]
    return result


# ---- reading the markup -------------------------------------------------------------


def _name(node: nodes.Element) -> str | None:
    """The sphinx-revealjs directive a node comes from, or ``None``."""
    if isinstance(node, revealjs_directive):
        return str(node["directive"])
    module = type(node).__module__
    if module.startswith(EXTENSION + ".") or module == EXTENSION:
        return _NODES.get(node.tagname)
    return None


def _options(node: nodes.Element) -> dict[str, Any]:
    if isinstance(node, revealjs_directive):
        return dict(node["revealjs_options"])
    return {key: value for key, value in node.attributes.items() if key not in _BASIC}


def _text(value: Any) -> str:
    """An option value as written (sphinx-revealjs keeps a flag as an object)."""
    return value.strip() if isinstance(value, str) else ""


#: reveal.js slide options and why impress.js has nothing like them.
_NO_COUNTERPART = {
    "data-transition": "impress.js moves the camera from step to step; set the time "
    "with transition-duration",
    "data-transition-speed": "set the time with transition-duration (ms)",
    "data-background-transition": "impress.js has no slide backgrounds to fade",
    "data-background-image": "a background image is not carried over; put the image "
    "on the slide",
    "data-background-video": "a background video is not carried over",
    "data-background-iframe": "a background page is not carried over",
    "data-background-interactive": "a background page is not carried over",
    "data-background-size": "goes with a background image, which is not carried over",
    "data-background-position": "goes with a background image, which is not carried over",
    "data-background-repeat": "goes with a background image, which is not carried over",
    "data-background-opacity": "goes with a background image, which is not carried over",
    "data-background-video-loop": "goes with a background video, which is not carried over",
    "data-background-video-muted": "goes with a background video, which is not carried over",
    "data-state": "impress.js marks the active step with the class active instead",
}


def read_slide_options(options: Mapping[str, Any]) -> tuple[StepOptions, list[str]]:
    """The step options that reveal.js slide options (``revealjs-section``,
    ``revealjs-break``) come to, and a message for each option without a counterpart.

    Carried over: ``data-background-color`` and ``data-background-gradient`` (the
    step's ``background``, the later of the two when both are given),
    ``data-autoslide`` (ms: the step's
    ``autoplay``, seconds) and ``data-visibility="hidden"`` (the step is skipped, class
    ``skip``). ``notitle`` is read by :func:`read_revealjs`. Every other option,
    auto-animation and other ``data-*`` of reveal.js plugins included, has none.
    """
    classes: list[str] = []
    problems: list[str] = []
    autoplay = None
    background = None
    for name, value in options.items():
        text = _text(value)
        if name == "notitle":
            continue
        if name in ("data-background-color", "data-background-gradient") and text:
            try:
                background = parse_background(text)
            except InvalidValue as error:
                problems.append(f"{name}: {error}; left out")
        elif name == "data-autoslide":
            try:
                autoplay = parse_number(text, 0) / 1000
            except InvalidValue as error:
                problems.append(f"{name}: {error}; left out")
        elif name == "data-visibility" and text == "hidden":
            classes.append("skip")
        else:
            why = _NO_COUNTERPART.get(name) or (
                "reveal.js auto-animates between slides; impress.js moves between steps"
                if name.startswith("data-auto-animate")
                else "impress.js has no counterpart"
            )
            problems.append(f"{name}: {why}; left out")
    return (
        StepOptions(classes=tuple(classes), autoplay=autoplay, background=background),
        problems,
    )


def _substeps(children: list[nodes.Node], where: Any) -> list[nodes.Node]:
    """Each element revealed on a press of its own: a list's items one by one."""
    found: list[nodes.Node] = []
    for child in children:
        _without_fragment_classes(child)
        if isinstance(child, nodes.Sequential):
            for item in child.children:
                _without_fragment_classes(item)
        if isinstance(child, LISTS):
            wrapper = substep(items=True)
        elif isinstance(child, nodes.Element) and not isinstance(child, nodes.Invisible):
            wrapper = substep(items=False)
        else:
            found.append(child)
            continue
        if isinstance(where, nodes.Node):
            wrapper.source, wrapper.line = where.source, where.line
        wrapper.append(child)
        found.append(wrapper)
    return found


def _without_fragment_classes(node: nodes.Node) -> None:
    """Take off the classes sphinx-revealjs's ``revealjs-fragments`` gives an element
    (or a list's item): ``fragment``, and ``custom`` with the effect after it (its
    ``:custom-effect:``, left out with a warning: reveal.js's style sheets and the
    author's ``.fragment.EFFECT`` rules give it, impress.js's substeps have none)."""
    if not isinstance(node, nodes.Element):
        return
    classes = node["classes"]
    if "custom" in classes:
        at = classes.index("custom")
        del classes[at : at + 2]
    if "fragment" in classes:
        classes.remove("fragment")


def _locate(node: nodes.Element) -> None:
    """Give a node of sphinx-revealjs, whose directives set no line, the place of the
    element before it (else of its section's title), for warnings."""
    if node.line:
        return
    parent = node.parent
    before = parent.children[: parent.index(node)] if parent is not None else []
    for neighbour in [*reversed(before), parent]:
        if isinstance(neighbour, nodes.Element) and neighbour.line:
            node.source, node.line = neighbour.source, neighbour.line
            return


def read_revealjs(app: Sphinx, document: nodes.document, in_deck: bool) -> None:
    """Turn sphinx-revealjs's markup in ``document`` into sphinx-impress's
    (:data:`~sphinx_impress.extension.slides.READ_EVENT`).

    In a deck: a ``revealjs-break`` followed by content is a separator, with a copy of
    its section's title (unless ``:notitle:``) and its options as a ``step``; a
    ``revealjs-section`` sets its slide's step; ``revealjs-vertical`` and
    ``revealjs-slide`` give a warning. Outside decks they are dropped, as
    sphinx-revealjs's HTML builders drop them. Everywhere ``revealjs-notes`` are
    ``notes`` and ``revealjs-fragments`` ``substep`` s, a code block's
    ``:data-line-numbers:`` numbers it and highlights those lines (``:data-ln-start-from:``
    numbers it from that number), and in a deck with
    ``revealjs_notes_from_comments`` the comments are speaker notes.

    Warnings (``impress.revealjs``): each option without a counterpart
    (:func:`read_slide_options`), ``revealjs-vertical`` and ``revealjs-slide``, a custom
    fragment effect, and step-by-step line highlights.
    """
    for node in list(document.findall(nodes.Element)):
        name = _name(node)
        if name is None or node.parent is None:
            continue
        _locate(node)
        if name in _READ_EVERYWHERE:
            _READ_EVERYWHERE[name](node, in_deck)
        elif not in_deck:
            node.parent.remove(node)
        elif name == "revealjs-break":
            _read_break(node)
        elif name == "revealjs-section":
            _read_section(node)
        else:
            _read_deck_settings(node, name)
    for code in document.findall(nodes.literal_block):
        if "data-line-numbers" in code.attributes or "data-ln-start-from" in code.attributes:
            _number_lines(code, in_deck)
    if in_deck and getattr(app.config, "revealjs_notes_from_comments", False):
        for comment in list(document.findall(nodes.comment)):
            said = notes()
            said.source, said.line = comment.source, comment.line
            said.append(nodes.paragraph("", comment.astext()))
            comment.replace_self(said)


def _read_notes(node: nodes.Element, in_deck: bool) -> None:
    block = notes()
    block.source, block.line = node.source, node.line
    block.extend(child for child in node.children if not isinstance(child, nodes.title))
    node.replace_self(block)


def _read_fragments(node: nodes.Element, in_deck: bool) -> None:
    custom = any("custom" in c.get("classes", ()) for c in node.findall(nodes.Element))
    if in_deck and custom:
        warn(
            "revealjs-fragments :custom-effect: has no counterpart in impress.js, "
            "whose substeps appear; left out",
            ImpressWarnings.REVEALJS,
            node,
        )
    node.replace_self(_substeps(list(node.children), node))


#: The directives read in every document (decks and pages), and how.
_READ_EVERYWHERE = {"revealjs-notes": _read_notes, "revealjs-fragments": _read_fragments}


def _read_deck_settings(node: nodes.Element, name: str) -> None:
    """``revealjs-vertical`` and ``revealjs-slide`` in a deck: a warning, nothing else."""
    given = ", ".join(sorted(_options(node))) or "no options"
    warn(
        f"{name} sets reveal.js options ({given}) for "
        f"{'a column of slides' if name == 'revealjs-vertical' else 'the whole deck'}, "
        "which impress.js has no counterpart for; left out (set the steps' options, "
        "or the deck's impress_* settings)",
        ImpressWarnings.REVEALJS,
        node,
    )
    node.parent.remove(node)


def _marker(options: StepOptions, where: nodes.Element) -> step:
    marker = step(has_content=False, impress_options=options)
    marker.source, marker.line = where.source, where.line
    return marker


def _report(problems: list[str], name: str, where: nodes.Element) -> None:
    for problem in problems:
        warn(f"{name} {problem}", ImpressWarnings.REVEALJS, where)


def _read_section(node: nodes.Element) -> None:
    options, problems = read_slide_options(_options(node))
    _report(problems, "revealjs-section", node)
    if options == StepOptions():
        node.parent.remove(node)
    else:
        node.replace_self(_marker(options, node))


def _read_break(node: nodes.Element) -> None:
    """A separator, with its options and the section's title, where content follows
    before the next section; nothing where none does."""
    raw = _options(node)
    options, problems = read_slide_options(raw)
    _report(problems, "revealjs-break", node)
    parent = node.parent
    content = []
    for child in parent.children[parent.index(node) + 1 :]:
        if isinstance(child, nodes.section):
            break
        marker = isinstance(child, step) and not child["has_content"]
        markup = isinstance(child, nodes.Element) and _name(child) not in (
            None, "revealjs-notes", "revealjs-fragments"
        )
        if not marker and not markup and not isinstance(child, nodes.Invisible):
            content.append(child)
    if not content:
        parent.remove(node)
        return
    separator = nodes.transition()
    separator.source, separator.line = node.source, node.line
    replacement: list[nodes.Node] = [separator]
    if options != StepOptions():
        replacement.append(_marker(options, node))
    title = next(iter(parent.children), None) if isinstance(parent, nodes.section) else None
    if isinstance(title, nodes.title) and "notitle" not in raw:
        heading = nodes.rubric("", "", *[c.deepcopy() for c in title.children])
        heading["classes"].append(REPEATED_TITLE_CLASS)
        heading.source, heading.line = node.source, node.line
        replacement.append(heading)
    node.replace_self(replacement)


_STEPS = re.compile(r"\s*\|\s*")


def _number_lines(block: nodes.literal_block, in_deck: bool) -> None:
    """reveal.js's ``data-line-numbers``: numbered lines, the ones it lists highlighted
    (the first set of lines where it highlights step by step, ``1|2-3``);
    ``data-ln-start-from``: numbered lines from that number (sphinx-revealjs numbers
    the lines then, with or without ``data-line-numbers``)."""
    value = _text(block.get("data-line-numbers"))
    block["linenos"] = True
    start = _text(block.get("data-ln-start-from"))
    if start.isdigit():
        numbered: dict[str, Any] = block.setdefault("highlight_args", {})
        numbered["linenostart"] = int(start)
    if not value:
        return
    first, *more = _STEPS.split(value)
    if more and in_deck:
        warn(
            f"data-line-numbers {value!r} highlights lines step by step, which impress.js "
            f"does not; the lines {first!r} are highlighted",
            ImpressWarnings.REVEALJS,
            block,
        )
    lines: list[int] = []
    for part in first.split(","):
        start, _, end = part.strip().partition("-")
        try:
            low = int(start)
            high = int(end) if end else low
        except ValueError:
            continue
        lines.extend(range(low, high + 1))
    if lines:
        arguments: dict[str, Any] = block.setdefault("highlight_args", {})
        arguments["hl_lines"] = lines


class DropRepeatedTitles(SphinxPostTransform):
    """Outside presentations, leave out the copies of section titles that
    ``revealjs-break`` put at the top of the slides it starts (a docs page shows the
    section once, as sphinx-revealjs's HTML builder does)."""

    default_priority = 950

    def run(self, **kwargs: Any) -> None:
        """Remove every repeated title outside a presentation's root element."""
        for rubric in list(self.document.findall(nodes.rubric)):
            if REPEATED_TITLE_CLASS in rubric["classes"] and not in_presentation(rubric):
                rubric.parent.remove(rubric)


#: The compatible directives, by name, registered when sphinx-revealjs is not listed.
DIRECTIVES: dict[str, type[SphinxDirective]] = {
    "revealjs-break": RevealjsMarker,
    "revealjs-section": RevealjsMarker,
    "revealjs-vertical": RevealjsMarker,
    "revealjs-slide": RevealjsMarker,
    "revealjs-notes": RevealjsNotes,
    "revealjs-fragments": RevealjsFragments,
    "revealjs-code-block": RevealjsCodeBlock,
    "revealjs-literalinclude": RevealjsLiteralInclude,
}


def setup_revealjs(app: Sphinx) -> None:
    """Read sphinx-revealjs's markup in every document; without ``sphinx_revealjs`` in
    ``extensions``, also register directives of the same names and its
    ``revealjs_notes_from_comments`` config value."""
    app.connect(READ_EVENT, read_revealjs)
    app.add_post_transform(DropRepeatedTitles)
    if EXTENSION in app.config.extensions:
        return
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, directive)
    app.add_config_value(
        "revealjs_notes_from_comments",
        False,
        "env",
        types=(bool,),
        description="As in sphinx-revealjs: in a deck, reST comments are speaker notes.",
    )
    passthrough = (visit_passthrough, depart_passthrough)
    app.add_node(
        revealjs_directive,
        html=passthrough,
        latex=passthrough,
        text=passthrough,
        man=passthrough,
        texinfo=passthrough,
    )

