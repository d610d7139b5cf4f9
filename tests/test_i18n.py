"""Translated decks: with ``locale_dirs`` and ``-D language=de`` (as Read the Docs
builds a translation), the presentation and the docs page are translated, notes and
substeps included, and every step keeps the id and position it has in the source
language: ids made from titles come from the untranslated source."""

from __future__ import annotations

import pytest
from helpers import soup, steps, warning_lines

BUILDERS = ["impress", "html"]


def _presentation(app):
    if app.builder.name == "html":
        return soup(app.outdir / "_impress" / "index.html")
    return soup(app.outdir / "index.html")


def _steps(app):
    return {
        step.id: (step.numbers, step.title, step.element.get_text(" ", strip=True))
        for step in steps(_presentation(app))
    }


@pytest.mark.parametrize("buildername", BUILDERS)
def test_translated_deck_keeps_ids_and_positions(build, buildername):
    source = build("i18n", buildername)
    german = build("i18n", buildername, confoverrides={"language": "de"})
    assert warning_lines(source) == []
    assert warning_lines(german) == []
    english, deutsch = _steps(source), _steps(german)
    assert list(english) == list(deutsch) == [
        "container-solutions", "linux-containers", "compare", "roadmap", "spring", "summer",
    ]
    for step_id in english:
        assert english[step_id][0] == deutsch[step_id][0], step_id  # every number
    titles = [deutsch[step_id][1] for step_id in deutsch]
    assert titles == [
        "Container-Lösungen", "Linux-Container", "Docker gegen LXC", "Fahrplan", "Frühling",
        "Sommer",
    ]
    page = _presentation(german)
    assert page.html["lang"] == "de"
    # speaker notes and substeps are translated too
    assert page.select_one(".notes").get_text(strip=True) == "Sag hallo."
    assert page.select_one(".substep").get_text(strip=True) == "Später gezeigt."
    # a link to a step id made from a title still finds its step
    assert [a["href"] for a in page.select("#compare a")] == ["#container-solutions"]


def test_translated_docs_page_presents_the_translation(build):
    german = build("i18n", "html", confoverrides={"language": "de"})
    page = soup(german.outdir / "index.html")
    main = page.select_one('[role="main"]')
    assert main.h1.get_text(strip=True).rstrip("¶#") == "Container-Lösungen"
    assert "Aus cgroups gebaut." in main.get_text()
    assert main.select_one("p.impress-present a")["href"] == "_impress/index.html"
    # the docs page keeps its anchors as Sphinx made them; the step ids sit beside them
    assert main.select_one("#compare") is not None


# ---- the extension's own interface text ----------------------------------------------


def _interface(app):
    """The interface text of a build: the presentation page's linear-view link and
    no-JavaScript note, and, in an HTML build, the docs page's links and notes title."""
    page = _presentation(app)
    found = {
        "linear view": page.select_one("a.impress-linear-link").get_text(strip=True),
        "no javascript": page.select_one(".impress-fallback-message p").get_text(strip=True),
    }
    if app.builder.name == "html":
        docs = soup(app.outdir / "index.html")
        found["links"] = [a.get_text(strip=True) for a in docs.select("p.impress-present a")]
        found["notes"] = docs.select_one(".impress-notes .admonition-title").get_text(strip=True)
    return found


@pytest.mark.parametrize("buildername", BUILDERS)
def test_interface_text_is_in_the_project_language(build, buildername):
    german = _interface(build("i18n", buildername, confoverrides={"language": "de"}))
    # built after the German one in the same process: English again
    english = _interface(build("i18n", buildername))
    assert german["linear view"] == "Lineare Ansicht: die ganze Präsentation als eine Seite"
    assert german["no javascript"].startswith("Diese Präsentation braucht JavaScript")
    assert english["linear view"] == "Linear view: the whole deck as one page"
    assert english["no javascript"].startswith("This presentation needs JavaScript")
    if buildername == "html":
        assert german["links"] == ["Präsentieren", "Karte der Leinwand"]
        assert german["notes"] == "Notizen"
        assert english["links"] == ["Present", "Canvas map"]
        assert english["notes"] == "Notes"


def test_the_catalogs_hold_every_message_and_the_compiled_files_match():
    """sphinx_impress/locale: the template holds exactly the messages the package marks
    with the catalog's ``_``; each language's .po translates every one of them, and its
    .mo is that .po compiled."""
    from pathlib import Path

    from babel.messages.extract import extract_from_dir
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    from sphinx_impress.extension.translations import LOCALE_DIR, MESSAGE_CATALOG

    package = LOCALE_DIR.parent
    marked = {
        message
        for folder in ("extension", "html")
        for _, _, message, _, _ in extract_from_dir(
            package / folder, method_map=[("**.py", "python")], keywords={"_": None}
        )
    }
    assert marked >= {"Present", "Canvas map", "Notes"}
    with (LOCALE_DIR / f"{MESSAGE_CATALOG}.pot").open("rb") as handle:
        template = {message.id for message in read_po(handle) if message.id}
    assert template == marked
    languages = sorted(path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
    assert "de" in languages
    for language in languages:
        folder = Path(LOCALE_DIR, language, "LC_MESSAGES")
        with (folder / f"{MESSAGE_CATALOG}.po").open("rb") as handle:
            catalog = read_po(handle)
        translated = {message.id: message.string for message in catalog if message.id}
        assert set(translated) == template, language
        assert all(translated.values()), language
        with (folder / f"{MESSAGE_CATALOG}.mo").open("rb") as handle:
            compiled = {m.id: m.string for m in read_mo(handle) if m.id}
        assert compiled == translated, (
            f"{language}: run pybabel compile -d sphinx_impress/locale -D {MESSAGE_CATALOG}"
        )
