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
