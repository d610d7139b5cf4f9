"""Directives for the project's own documentation (``docs/``), not for decks.

``docs/conf.py`` loads this module as an extension. It adds two directives that write
reference tables from the code, so that the documentation cannot fall behind it:

``impress-config-table``
    one row per field of :class:`sphinx_impress.extension.config.ImpressConfig`: the ``conf.py``
    name ``impress_<field>``, the type (metadata ``doc_type``), the default, whether
    front matter can set it (metadata ``per_document``) and the ``help`` text. Each
    name is also registered as a ``confval`` of Sphinx's standard domain, so pages can
    link to it with the ``confval`` role.

``impress-warnings-table``
    one row per member of :class:`sphinx_impress.extension.warnings.ImpressWarnings`: its
    subtype ``impress.<value>`` and the docstring written under the member. Python
    keeps no docstring on an enum member, so the docstrings are read from the source
    of ``warnings_.py`` with :mod:`ast`.

Both build plain docutils tables, so every builder can write them. Text between
double backticks in a help text or docstring becomes an inline literal.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import re
import sys
from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from . import __version__
from .extension.config import PREFIX, ImpressConfig
from .extension.warnings import ImpressWarnings

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.domains.std import StandardDomain
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

#: An inline literal as written in the package's docstrings: text between double
#: backticks.
_LITERAL = re.compile(r"``(.+?)``", re.DOTALL)


def member_docstrings(enum: type[Enum]) -> dict[str, str]:
    """The docstring written under each member of ``enum``, by member name.

    A string literal right after an assignment in a class body (the convention that
    Sphinx's autodoc also reads) is dropped by Python, so it is taken from the source
    of the enum's module. Members without such a string are absent from the result.
    Docstrings are cleaned with :func:`inspect.cleandoc`.
    """
    source = inspect.getsource(sys.modules[enum.__module__])
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == enum.__name__:
            body: Sequence[ast.stmt] = node.body
            break
    else:
        return {}
    docstrings: dict[str, str] = {}
    for statement, following in itertools.pairwise(body):
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target = statement.target
        else:
            continue
        if not isinstance(target, ast.Name):
            continue
        if (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docstrings[target.id] = inspect.cleandoc(following.value.value)
    return docstrings


def inline(text: str) -> list[nodes.Node]:
    """Text nodes for ``text``: each part between double backticks becomes an inline
    literal, and line breaks are folded into spaces."""
    text = " ".join(text.split())
    result: list[nodes.Node] = []
    position = 0
    for match in _LITERAL.finditer(text):
        if match.start() > position:
            result.append(nodes.Text(text[position : match.start()]))
        result.append(nodes.literal(match.group(1), match.group(1)))
        position = match.end()
    if position < len(text):
        result.append(nodes.Text(text[position:]))
    return result


def _cell(*children: nodes.Node) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


def _literal(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def build_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[nodes.entry]],
    widths: Sequence[int],
    classes: Sequence[str],
) -> nodes.table:
    """A docutils table with one header row and the given relative column widths."""
    table = nodes.table(classes=["colwidths-given", *classes], width="100%")
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += nodes.row("", *(_cell(nodes.Text(header)) for header in headers))
    group += head
    body = nodes.tbody()
    for cells in rows:
        body += nodes.row("", *cells)
    group += body
    return table


class ConfigTableDirective(SphinxDirective):
    """``impress-config-table``: the ``impress_*`` configuration values, from the field
    metadata of :class:`~sphinx_impress.extension.config.ImpressConfig`."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        """Return the table; a field without ``help`` or ``doc_type`` gives a warning."""
        self.env.note_dependency(inspect.getfile(ImpressConfig))
        domain = self.env.get_domain("std")
        defaults = ImpressConfig()
        rows = []
        for field in ImpressConfig.values():
            name = PREFIX + field.name
            help_text = field.metadata.get("help", "")
            doc_type = field.metadata.get("doc_type", "")
            if not help_text or not doc_type:
                logger.warning(
                    "configuration value %r has no help text or type to document",
                    name,
                    location=self.get_location(),
                )
            node_id = make_id(self.env, self.state.document, "confval", name)
            title = nodes.paragraph("", "", _literal(name), ids=[node_id])
            self.state.document.note_explicit_target(title)
            cast("StandardDomain", domain).note_object("confval", name, node_id, location=title)
            per_document = "yes" if field.metadata.get("per_document") else "no"
            rows.append(
                [
                    nodes.entry("", title),
                    _cell(nodes.Text(doc_type)),
                    _cell(_literal(repr(getattr(defaults, field.name)))),
                    _cell(nodes.Text(per_document)),
                    _cell(*inline(help_text)),
                ]
            )
        headers = ("conf.py value", "type", "default", "per document", "meaning")
        table = build_table(headers, rows, (28, 12, 8, 10, 42), ["impress-config-table"])
        self.set_source_info(table)
        return [table]


class WarningsTableDirective(SphinxDirective):
    """``impress-warnings-table``: the warning subtypes, from the members of
    :class:`~sphinx_impress.extension.warnings.ImpressWarnings` and their docstrings."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {}

    def run(self) -> list[nodes.Node]:
        """Return the table; a member without a docstring gives a warning."""
        self.env.note_dependency(inspect.getfile(ImpressWarnings))
        docstrings = member_docstrings(ImpressWarnings)
        rows = []
        for member in ImpressWarnings:
            docstring = docstrings.get(member.name)
            if not docstring:
                logger.warning(
                    "ImpressWarnings.%s has no docstring to document",
                    member.name,
                    location=self.get_location(),
                )
            rows.append([_cell(_literal(member.subtype)), _cell(*inline(docstring or ""))])
        table = build_table(("type", "meaning"), rows, (20, 80), ["impress-warnings-table"])
        self.set_source_info(table)
        return [table]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register ``impress-config-table`` and ``impress-warnings-table``.

    The directives keep nothing in the environment of their own: the ``confval``
    entries go to Sphinx's standard domain, which merges parallel reads itself.
    """
    app.add_directive("impress-config-table", ConfigTableDirective)
    app.add_directive("impress-warnings-table", WarningsTableDirective)
    return {
        "version": __version__,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
