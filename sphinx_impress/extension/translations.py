"""The extension's own interface text, translated with Sphinx's i18n: the "Present"
and "Canvas map" links of a deck's docs page, the title of notes shown on docs pages,
and the presentation page's link to its linear view and its note for browsers without
JavaScript. The messages are in the catalog :data:`MESSAGE_CATALOG` under
``sphinx_impress/locale/<language>/LC_MESSAGES/`` (Sphinx, "Internationalize your
extension"); a page is written in the project's ``language``, and English where the
catalog has no translation."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.locale import get_translation

from .._compat import forget_message_catalog

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The name of the message catalog (``sphinx_impress.mo``).
MESSAGE_CATALOG = "sphinx_impress"

#: The folder of the catalogs, one folder per language.
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"

#: Mark a message of the interface, translated when it is written.
_ = get_translation(MESSAGE_CATALOG)


def setup_translations(app: Sphinx) -> None:
    """Load the catalog for the project's ``language``."""
    forget_message_catalog(MESSAGE_CATALOG)
    app.add_message_catalog(MESSAGE_CATALOG, str(LOCALE_DIR))
