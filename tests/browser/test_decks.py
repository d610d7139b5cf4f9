"""A deck inside an HTML build: its docs page links to a presentation that starts in
Chromium, from the HTML output, with only local files."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .support import DeckPage

pytestmark = pytest.mark.browser


def test_present_link_opens_a_working_presentation(docs_page: DeckPage) -> None:
    page = docs_page.page
    page.goto((docs_page.site / "talk.html").as_uri())
    assert page.evaluate("() => document.body.classList.contains('impress-enabled')") is False
    page.click("p.impress-present a")
    page.wait_for_selector("body.impress-enabled", state="attached")
    assert page.url.split("#")[0].endswith("/_impress/talk.html")
    assert docs_page.active_id() == "opening"
    page.keyboard.press("ArrowRight")
    assert docs_page.wait_active_change("opening") == "second-slide"
    assert docs_page.console_errors == [] and docs_page.page_errors == []
    site = docs_page.site.as_uri()
    assert all(url.startswith(site) for url in docs_page.requests), docs_page.requests
    assert docs_page.failed_requests == []


def test_present_link_opens_at_the_readers_slide(docs_page: DeckPage) -> None:
    page = docs_page.page
    page.goto((docs_page.site / "talk.html").as_uri() + "#second-slide")
    page.click("p.impress-present a")
    page.wait_for_selector("body.impress-enabled", state="attached")
    assert page.url.split("#")[0].endswith("/_impress/talk.html")
    assert docs_page.active_id() == "second-slide"
    assert docs_page.console_errors == [] and docs_page.page_errors == []


def test_doc_links_in_a_presentation_go_to_the_docs_pages(docs_page: DeckPage) -> None:
    page = docs_page.page
    page.goto((docs_page.site / "_impress" / "talk.html").as_uri() + "#/second-slide")
    page.wait_for_selector("body.impress-enabled", state="attached")
    page.click("text=the guide")
    page.wait_for_load_state()
    assert page.url.endswith("/out/guide.html")
    assert page.locator("h1").first.inner_text().startswith("Guide")


def test_ref_from_a_docs_page_opens_the_slide(docs_page: DeckPage) -> None:
    page = docs_page.page
    page.goto((docs_page.site / "guide.html").as_uri())
    page.click("a.impress-slide-link >> nth=0")
    page.wait_for_selector("body.impress-enabled", state="attached")
    assert docs_page.active_id() == "second-slide"
    assert docs_page.console_errors == [] and docs_page.page_errors == []


def test_ref_into_a_deck_in_another_folder_opens_its_slide(docs_page: DeckPage) -> None:
    page = docs_page.page
    page.goto((docs_page.site / "guide.html").as_uri())
    page.click("a.impress-slide-link >> nth=2")
    page.wait_for_selector("body.impress-enabled", state="attached")
    assert page.url.split("#")[0].endswith("/_impress/slides/intro.html")
    assert docs_page.active_id() == "slide"
    assert docs_page.console_errors == [] and docs_page.page_errors == []
