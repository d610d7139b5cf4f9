"""The ``impress`` domain: what the documents of a project share about presentations.

Filled while each document is read (so ``-j`` reads stay right: :meth:`clear_doc`,
:meth:`merge_domaindata`): per document whether it says it is a deck, the deck
settings its front matter gives, and, for decks, which step holds each anchor id.
The presentation post-transform, the builders, "Present" links and links from docs
pages into presentations read it; nothing else keeps cross-document state.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Mapping, Set
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain

from .config import ImpressConfig
from .nodes import anchors_of_steps

if TYPE_CHECKING:
    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment


class ImpressDomain(Domain):
    """Cross-document data of sphinx-impress (no directives or roles of its own).

    ``data["decks"]``: docname to ``True``/``False`` where the document itself says
    whether it is a deck (front matter ``impress_deck``; using the ``step`` directive
    says yes); ``data["settings"]``: docname to the valid front matter deck settings
    (``{"width": 1280.0}``); ``data["anchors"]``: for each deck, every anchor id inside
    a step to that step's id; ``data["read_as_deck"]``: docname to whether it was read
    with the rules of a deck (:func:`~sphinx_impress.extension.slides.reads_as_deck`),
    so that a build with another builder reads it again where that changes;
    ``data["setting_lines"]``: docname to the line of each front matter key
    (``{"impress_deck_css_files": 3}``), where warnings about a setting point.
    """

    name = "impress"
    label = "impress.js presentations"
    data_version = 3
    initial_data: ClassVar[dict[str, Any]] = {
        "decks": {}, "settings": {}, "anchors": {}, "read_as_deck": {}, "setting_lines": {}
    }

    @property
    def _decks(self) -> dict[str, bool]:
        return cast("dict[str, bool]", self.data["decks"])

    @property
    def _settings(self) -> dict[str, dict[str, Any]]:
        return cast("dict[str, dict[str, Any]]", self.data["settings"])

    @property
    def _anchors(self) -> dict[str, dict[str, str]]:
        return cast("dict[str, dict[str, str]]", self.data["anchors"])

    def note_document(
        self, docname: str, deck: bool | None, settings: Mapping[str, Any],
        lines: Mapping[str, int] | None = None,
    ) -> None:
        """Record what a document says about itself while it is read: whether it is a
        deck (``None``: it does not say), its valid front matter settings and the line
        of each front matter key."""
        if deck is not None:
            self._decks[docname] = deck
        if settings:
            self._settings[docname] = dict(settings)
        if lines:
            self._setting_lines[docname] = dict(lines)

    @property
    def _setting_lines(self) -> dict[str, dict[str, int]]:
        return cast("dict[str, dict[str, int]]", self.data.setdefault("setting_lines", {}))

    def setting_location(self, docname: str, key: str) -> tuple[str, int] | str:
        """Where a warning about the front matter setting ``key`` of ``docname``
        points: ``(docname, line)``, or the document when the line is not known."""
        line = self._setting_lines.get(docname, {}).get(key)
        return (docname, line) if line else docname

    def note_reading(self, docname: str, as_deck: bool) -> None:
        """Record whether a document was read with the rules of a deck."""
        self._read_as_deck[docname] = as_deck

    @property
    def _read_as_deck(self) -> dict[str, bool]:
        return cast("dict[str, bool]", self.data.setdefault("read_as_deck", {}))

    def read_differently(self, docnames: Set[str], builder_name: str) -> list[str]:
        """Of ``docnames``, those that a build with the builder ``builder_name`` reads
        with other rules than it was read with: a document that is no deck by itself
        reads as one with the ``impress`` builder only."""
        changed = []
        for docname in sorted(docnames):
            was = self._read_as_deck.get(docname)
            if was is None or self.is_deck(docname):
                continue
            if was != (builder_name == "impress"):
                changed.append(docname)
        return changed

    def clear_doc(self, docname: str) -> None:
        """Forget a document that is read again or removed."""
        for table in (
            self._decks, self._settings, self._anchors, self._read_as_deck,
            self._setting_lines,
        ):
            table.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take over what a parallel reader recorded for ``docnames``."""
        for key in ("decks", "settings", "anchors", "read_as_deck", "setting_lines"):
            for docname, value in otherdata.get(key, {}).items():
                if docname in docnames:
                    self.data.setdefault(key, {})[docname] = value

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Map each anchor id of a deck to the id of the step that holds it (after the
        read transforms gave every slide its step id)."""
        if not self.is_deck(docname):
            return
        found = anchors_of_steps(document)
        if found:
            self._anchors[docname] = found

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """The domain has no roles of its own: nothing to resolve."""
        return None

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """No object of this domain is a target of ``any`` (or MyST's ``#`` links)."""
        return []

    def is_deck(self, docname: str) -> bool:
        """Whether an HTML build presents ``docname``: it says so itself (front matter
        ``impress_deck``, or it uses the ``step`` directive), else it matches a pattern
        of ``impress_decks`` (shell-style, on docnames, e.g. ``"talks/*"``); front
        matter ``impress_deck: false`` wins over both."""
        said = self._decks.get(docname)
        if said is not None:
            return said
        return self.matches_decks_pattern(docname)

    def matches_decks_pattern(self, docname: str) -> bool:
        """Whether ``docname`` matches a pattern of ``impress_decks`` (shell-style)."""
        patterns = self.env.config.impress_decks
        return any(fnmatch.fnmatchcase(docname, pattern) for pattern in patterns)

    def decks(self) -> set[str]:
        """Every document of the project that is a deck."""
        return {docname for docname in self.env.found_docs if self.is_deck(docname)}

    def deck_config(self, docname: str) -> ImpressConfig:
        """The settings of one deck: ``conf.py``'s with its front matter's applied."""
        return ImpressConfig.from_sphinx(self.env.config).with_overrides(
            self._settings.get(docname, {})
        )

    def step_of(self, docname: str, anchor: str) -> str | None:
        """The id of the step of deck ``docname`` that holds the anchor ``anchor``."""
        return self._anchors.get(docname, {}).get(anchor)


def impress_domain(env: BuildEnvironment) -> ImpressDomain:
    """The project's :class:`ImpressDomain`."""
    return cast("ImpressDomain", env.get_domain(ImpressDomain.name))


def outdated_by_builder(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: the documents to read again because this build's builder
    reads them with other rules (a document that is no deck by itself is read as one
    by ``-b impress`` only)."""
    unchanged = env.found_docs - added - changed - removed
    return impress_domain(env).read_differently(unchanged, app.builder.name)


def setup_domain(app: Sphinx) -> None:
    """Register the domain and its check for documents to read again."""
    app.add_domain(ImpressDomain)
    app.connect("env-get-outdated", outdated_by_builder)
