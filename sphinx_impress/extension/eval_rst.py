"""reST inside MyST's ``eval-rst`` blocks, made whole, in every MyST document (the
decks ``sphinx-impress convert`` writes keep each slide's reStructuredText in such
blocks, and any page may use them): myst-parser (4.x, 5.x) parses such a block into a
document of its own and then moves its nodes into the page. What the reStructuredText
parser registered with that other document — footnotes and their references
(auto-numbered ``[#]_``, ``[#name]_``, symbols ``[*]_``, numbers ``[1]_``), citations,
substitution definitions, ids and names, hyperlink reference names, and the pending
transforms of directives such as ``class`` (``rst-class``) — is then unknown to the
page's document: references stay unresolved, ``|name|`` is undefined, and an
auto-numbered footnote without a number stops the HTML writer.

:class:`AdoptEvalRst` registers those nodes with the page's document before docutils'
transforms that use them (classes, substitutions, footnotes, references) run, as if
the reStructuredText had been parsed into the page itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def adopt_nested_parses(document: nodes.document) -> None:
    """Register with ``document`` every node in its tree that a nested parse
    registered with another document (see the module); nodes it knows already are
    left alone. An id that another node of ``document`` has already is replaced by a
    new one (the nested document counted its ids from the start)."""
    waiting = {id(entry[2]) for entry in document.transformer.transforms if entry[2] is not None}
    groups: list[list[Any]] = [
        document.autofootnotes, document.symbol_footnotes, document.footnotes,
        document.autofootnote_refs, document.symbol_footnote_refs, document.citations,
        *document.footnote_refs.values(), *document.citation_refs.values(),
        *document.refnames.values(),
    ]
    known = {id(node) for group in groups for node in group}
    for node in document.findall(nodes.Element):
        if isinstance(node, nodes.document):
            continue
        _adopt_ids(document, node)
        if isinstance(node, nodes.pending):
            if id(node) not in waiting:
                document.note_pending(node)
            continue
        if isinstance(node, nodes.substitution_definition):
            for name in node["names"]:
                if nodes.fully_normalize_name(name) not in document.substitution_names:
                    document.note_substitution_def(node, name)
            continue
        if id(node) in known:
            continue
        _adopt_notes(document, node)


#: Nodes that a nested parse gives ids of its own counting (``id1``...), which may be
#: another node's in the page: such an id is replaced. Any other node keeps its ids.
_COUNTED = (
    nodes.footnote, nodes.footnote_reference, nodes.citation, nodes.citation_reference,
    nodes.target, nodes.substitution_definition,
)


def _adopt_ids(document: nodes.document, node: nodes.Element) -> None:
    """Register the ids and names of ``node``; replace an id another node has (for
    the nodes of :data:`_COUNTED`)."""
    taken = [i for i in node["ids"] if document.ids.get(i, node) is not node]
    if taken and isinstance(node, _COUNTED):
        node["ids"] = [i for i in node["ids"] if i not in taken]
        if not node["ids"]:
            document.set_id(node)
    for identifier in node["ids"]:
        document.ids.setdefault(identifier, node)
    if node["ids"] and not isinstance(node, nodes.substitution_definition):
        for name in node["names"]:
            if name not in document.nameids:
                explicit = isinstance(node, nodes.target | nodes.footnote | nodes.citation)
                document.set_name_id_map(node, node["ids"][0], explicit=explicit)


def _adopt_notes(document: nodes.document, node: nodes.Element) -> None:
    """Note footnotes, citations and references as the reST parser notes them."""
    auto = node.get("auto")
    if isinstance(node, nodes.footnote):
        if auto == "*":
            document.symbol_footnotes.append(node)
        elif auto:
            document.autofootnotes.append(node)
        else:
            document.footnotes.append(node)
    elif isinstance(node, nodes.footnote_reference):
        if auto == "*":
            document.symbol_footnote_refs.append(node)
            return
        if auto:
            document.autofootnote_refs.append(node)
        if node.get("refname"):
            document.footnote_refs.setdefault(node["refname"], []).append(node)
            document.note_refname(node)
    elif isinstance(node, nodes.citation):
        document.citations.append(node)
    elif isinstance(node, nodes.citation_reference):
        document.citation_refs.setdefault(node["refname"], []).append(node)
        document.note_refname(node)
    elif node.get("refname"):
        if isinstance(node, nodes.target):
            document.indirect_targets.append(node)
        document.note_refname(node)


class AdoptEvalRst(SphinxTransform):
    """Register what ``eval-rst`` blocks parsed with the page's document
    (:func:`adopt_nested_parses`), before docutils' class (210), substitution (220)
    and footnote (620) transforms. Documents whose nodes are all registered (every
    reST document) are left as they are."""

    default_priority = 200

    def apply(self, **kwargs: Any) -> None:
        """Adopt the nested parses of the document."""
        adopt_nested_parses(self.document)


def setup_eval_rst(app: Sphinx) -> None:
    """Register the transform."""
    app.add_transform(AdoptEvalRst)
