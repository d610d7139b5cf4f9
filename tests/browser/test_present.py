"""``sphinx-impress present`` in headless Chromium: pages reload at their step after an
edit, show the build's problems over the last good build, follow the remote, lead it
from the keyboard, and reconnect after the server went away. The server runs as a
separate process on 127.0.0.1 only; no timing is asserted."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from present_process import PresentProcess, write_deck

from .conftest import PAGE_TIMEOUT_MS, VIEWPORT

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = pytest.mark.browser

_ACTIVE = (
    "() => { const a = document.querySelector('#impress .step.active'); return a ? a.id : null; }"
)


@pytest.fixture
def present() -> Iterator:
    started: list[PresentProcess] = []

    def start(source: Path, *extra: str, **kwargs) -> PresentProcess:
        process = PresentProcess(source, *extra, **kwargs)
        started.append(process)
        return process

    yield start
    for process in started:
        process.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    # MathJax and anything else from the network: refused (no network here)
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
    try:
        yield context
    finally:
        context.close()


def _open(context: BrowserContext, url: str) -> Page:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_selector("body.impress-enabled", state="attached")
    page.wait_for_function(
        "() => window.impress && document.querySelector('#impress .step.active')"
    )
    page.errors = errors  # type: ignore[attr-defined]
    return page


def _goto(page: Page, step: str) -> None:
    page.evaluate("id => impress().goto(id, 0)", step)
    page.wait_for_function("id => location.hash === '#/' + id", arg=step)


def _text(page: Page, text: str) -> None:
    page.wait_for_function(
        "t => document.getElementById('impress').textContent.includes(t)", arg=text
    )


def test_an_edit_shows_at_the_step_the_page_is_at(tmp_path: Path, present, context) -> None:
    talk = tmp_path / "talk.md"
    (tmp_path / "dot.svg").write_text(_SVG.format(colour="red"), encoding="utf-8")
    text = write_deck(talk, 5).replace("Text of slide 4.", "Text of slide 4.\n\n![dot](dot.svg)")
    text = text.replace(
        "Text of slide 3.",
        "Text of slide 3.\n\n```{substep}\nFirst.\n```\n\n```{substep}\nSecond.\n```",
    )
    talk.write_text(text, encoding="utf-8")
    run = present(talk)
    page = _open(context, run.page_url)
    _goto(page, "slide-3")
    page.keyboard.press("ArrowRight")  # the first substep
    page.wait_for_selector("#slide-3 .substep-visible")
    page.evaluate("() => { window.__before = true; }")
    # slide text only: the step's content is replaced in place, substeps kept
    text = text.replace("Text of slide 3.", "Slide three, live.")
    talk.write_text(text, encoding="utf-8")
    _text(page, "Slide three, live.")
    assert page.evaluate("() => window.__before === true")
    assert page.evaluate(_ACTIVE) == "slide-3"
    assert page.evaluate("() => document.querySelectorAll('#slide-3 .substep-visible').length") == 1
    # the steps themselves change (a new slide): the page reloads, at its step
    text = text.replace("## Slide 5", "## Slide 4b\n\nA new slide.\n\n## Slide 5")
    talk.write_text(text, encoding="utf-8")
    _text(page, "A new slide.")
    assert page.evaluate("() => window.__before === undefined")
    page.wait_for_selector("body.impress-enabled", state="attached")
    page.wait_for_function("() => document.querySelector('#impress .step.active')")
    assert page.evaluate(_ACTIVE) == "slide-3"
    assert page.url.endswith("#/slide-3")
    # the substeps come back once impress.js has entered the step
    page.wait_for_function(
        "() => document.querySelectorAll('#slide-3 .substep-visible').length === 1"
    )
    # an image changes: the page reloads and shows the new one
    page.evaluate("() => { window.__before = true; }")
    (tmp_path / "dot.svg").write_text(_SVG.format(colour="blue"), encoding="utf-8")
    page.wait_for_function("() => window.__before === undefined")
    page.wait_for_selector("body.impress-enabled", state="attached")
    assert page.evaluate(_ACTIVE) == "slide-3"
    source = page.get_attribute("#slide-4 img", "src")
    assert "blue" in page.evaluate("src => fetch(src).then(r => r.text())", source)
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_renamed_step_keeps_the_place_in_the_deck(tmp_path: Path, present, context) -> None:
    """The review's case: the title of the step shown changes, so does its id; the page
    reloads at the same place (index), not at the first step, and so do the pages
    that follow the presenter."""
    talk = tmp_path / "talk.md"
    text = write_deck(talk, 5)
    run = present(talk, "--remote")
    page = _open(context, run.page_url)
    audience = _open(context, run.page_url)
    _goto(page, "slide-3")
    audience.wait_for_function(f"() => ({_ACTIVE})() === 'slide-3'")
    page.evaluate("() => { window.__before = true; }")
    talk.write_text(text.replace("## Slide 3\n", "## Picture\n"), encoding="utf-8")
    page.wait_for_function("() => window.__before === undefined")
    page.wait_for_selector("body.impress-enabled", state="attached")
    page.wait_for_function(f"() => ({_ACTIVE})() === 'picture'")
    page.wait_for_function("() => location.hash === '#/picture'")
    audience.wait_for_function(f"() => ({_ACTIVE})() === 'picture'")
    # the last step renamed, and one step fewer: the last step
    _goto(page, "slide-5")
    text = text.replace("## Slide 3\n", "## Picture\n").replace("## Slide 5\n", "## End\n")
    text = text.replace("## Slide 4\n\nText of slide 4.\n", "")
    page.evaluate("() => { window.__before = true; }")
    talk.write_text(text, encoding="utf-8")
    page.wait_for_function("() => window.__before === undefined")
    page.wait_for_selector("body.impress-enabled", state="attached")
    page.wait_for_function(f"() => ({_ACTIVE})() === 'end'")
    assert page.errors == []  # type: ignore[attr-defined]


_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8">'
    '<rect width="8" height="8" fill="{colour}"/></svg>'
)


def test_an_edit_elsewhere_leaves_the_page_alone(tmp_path: Path, present, context) -> None:
    srcdir = tmp_path / "project"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\n', encoding="utf-8"
    )
    write_deck(srcdir / "index.md", 3)
    other = srcdir / "other.md"
    other_text = write_deck(other, 2)
    run = present(srcdir)
    page = _open(context, run.page_url)
    page.evaluate("() => { window.__before = true; }")
    count = run.builds()
    other.write_text(other_text + "\nMore text.\n", encoding="utf-8")
    report = run.wait_build(count)
    assert "wrote 1 (other)" in report
    page.wait_for_timeout(500)  # a reload would have come with the build's message
    assert page.evaluate("() => window.__before === true")


def test_problems_show_over_the_last_good_build(tmp_path: Path, present, context) -> None:
    srcdir = tmp_path / "project"
    srcdir.mkdir()
    conf = srcdir / "conf.py"
    conf.write_text('extensions = ["myst_parser", "sphinx_impress"]\n', encoding="utf-8")
    talk = srcdir / "index.md"
    good = write_deck(talk, 3)
    run = present(srcdir)
    page = _open(context, run.page_url)
    assert page.query_selector(".impress-live-problems") is None
    # a warning: the page is rebuilt and shows it with its location
    bad = good.replace(
        "## Slide 2\n", "## Slide 2\n\n```{step}\n:x: 100\n:rotate-order: xxq\n```\n"
    )
    talk.write_text(bad, encoding="utf-8")
    # the step's attributes changed, so the page reloads: wait for the new page
    page.wait_for_function(
        "() => document.body.classList.contains('impress-enabled')"
        " && document.getElementById('slide-2').getAttribute('data-x') === '100'"
        " && document.querySelector('.impress-live-problems')"
    )
    line = bad.splitlines().index("```{step}") + 1
    location = page.inner_text(".impress-live-location")
    assert re.fullmatch(r"index\.md:(\d+)", location)
    assert line <= int(location.split(":")[1]) <= line + 3
    assert "rotate-order" in page.inner_text(".impress-live-problems")
    assert "WARNING" in page.inner_text(".impress-live-problems")
    # a build that fails (conf.py): the last good build stays, the error is shown
    _goto(page, "slide-2")
    conf.write_text('extensions = ["myst_parser", "sphinx_impress"\n', encoding="utf-8")
    page.wait_for_selector(".impress-live-failed")
    failed = page.inner_text(".impress-live-problems")
    assert "The build failed" in failed
    assert "conf.py" in failed
    assert page.evaluate(_ACTIVE) == "slide-2"
    assert page.query_selector("#slide-3") is not None
    # a reload while it is broken still shows the last good presentation and the error
    page.reload()
    page.wait_for_selector(".impress-live-failed")
    assert page.query_selector("#slide-3") is not None
    # fixed: the problems go away
    conf.write_text('extensions = ["myst_parser", "sphinx_impress"]\n', encoding="utf-8")
    talk.write_text(good, encoding="utf-8")
    page.wait_for_function("() => !document.querySelector('.impress-live-problems')")
    _text(page, "Text of slide 2.")


def test_the_remote_drives_the_projector_and_the_audience(tmp_path: Path, present, context) -> None:
    talk = tmp_path / "talk.md"
    write_deck(talk, 4)
    run = present(talk, "--remote")
    projector = _open(context, run.page_url)
    audience = _open(context, run.page_url)
    # pages served without the token carry no notes
    assert projector.evaluate("() => document.querySelectorAll('.notes').length") == 0
    remote = context.new_page()
    remote.set_viewport_size({"width": 390, "height": 844})  # a phone
    remote.goto(run.remote_url)
    remote.wait_for_function(
        "() => document.getElementById('impress-remote-count').textContent === '1 / 5'"
    )
    assert remote.inner_text("#impress-remote-title") == "The deck"
    # the pages' connections may come after the remote's first message: wait for them
    remote.wait_for_function(
        "() => document.getElementById('impress-remote-link').textContent"
        " === 'projector connected'"
    )
    # next on the remote: both pages move; the remote shows the step's notes
    remote.click("#impress-remote-next")
    for page in (projector, audience):
        page.wait_for_function(f"() => ({_ACTIVE})() === 'slide-1'")
    remote.wait_for_function(
        "() => document.getElementById('impress-remote-notes').textContent"
        ".includes('Speaker notes of slide 1.')"
    )
    assert remote.inner_text("#impress-remote-count") == "2 / 5"
    assert remote.inner_text("#impress-remote-next-title") == "Slide 2"
    frame = remote.frame_locator("#impress-remote-preview")
    frame.locator("#slide-2.active").wait_for(state="attached")
    # the keyboard on the projector moves the remote and the audience
    projector.keyboard.press("ArrowRight")
    remote.wait_for_function(
        "() => document.getElementById('impress-remote-count').textContent === '3 / 5'"
    )
    audience.wait_for_function(f"() => ({_ACTIVE})() === 'slide-2'")
    assert "Speaker notes of slide 2." in remote.inner_text("#impress-remote-notes")
    frame.locator("#slide-3.active").wait_for(state="attached")
    # the keyboard on the remote, and previous
    remote.keyboard.press("ArrowLeft")
    projector.wait_for_function(f"() => ({_ACTIVE})() === 'slide-1'")
    audience.wait_for_function(f"() => ({_ACTIVE})() === 'slide-1'")
    # a swipe to the left is next
    remote.evaluate("""() => {
        const at = (x) => [
            new Touch({identifier: 1, target: document.body, clientX: x, clientY: 400})];
        document.dispatchEvent(
            new TouchEvent('touchstart', {changedTouches: at(300), touches: at(300)}));
        document.dispatchEvent(new TouchEvent('touchend', {changedTouches: at(100), touches: []}));
    }""")
    projector.wait_for_function(f"() => ({_ACTIVE})() === 'slide-2'")
    # an audience page opened later starts where the presenter is
    late = _open(context, run.page_url)
    late.wait_for_function(f"() => ({_ACTIVE})() === 'slide-2'")
    for page in (projector, audience, late):
        assert page.errors == []  # type: ignore[attr-defined]


def test_pages_present_alone_and_reconnect(
    tmp_path: Path, present, context, browser: Browser
) -> None:
    talk = tmp_path / "talk.md"
    text = write_deck(talk, 4)
    run = present(talk, "--remote")
    port = run.base.rsplit(":", 1)[1]
    projector = _open(context, run.page_url)
    phone = browser.new_context(viewport={"width": 390, "height": 844})
    phone.set_default_timeout(PAGE_TIMEOUT_MS)
    remote = phone.new_page()
    # the remote's WebSocket passes through the browser's router, which can drop it
    sockets = []

    def through(socket) -> None:
        socket.connect_to_server()
        sockets.append(socket)

    remote.route_web_socket(re.compile(r"/_present/remote/ws"), through)
    remote.goto(run.remote_url)
    remote.wait_for_function(
        "() => document.getElementById('impress-remote-count').textContent === '1 / 5'"
    )
    # the phone's connection drops: the remote says so, reconnects and works again
    projector.keyboard.press("ArrowRight")  # meanwhile the projector goes on
    sockets[-1].close()
    projector.wait_for_function(f"() => ({_ACTIVE})() === 'slide-1'")
    remote.wait_for_function(
        "() => document.getElementById('impress-remote-count').textContent === '2 / 5'"
    )
    assert len(sockets) >= 2  # a new connection
    remote.click("#impress-remote-prev")
    projector.wait_for_function(f"() => ({_ACTIVE})() === 'the-deck'")
    # the server goes away: the projector presents on its own, the remote says so
    assert run.interrupt() == 0
    remote.wait_for_function(
        "() => document.getElementById('impress-remote-link').textContent"
        ".includes('connection lost')"
    )
    projector.keyboard.press("ArrowRight")
    projector.wait_for_function(f"() => ({_ACTIVE})() === 'slide-1'")
    phone.close()
    # back on the same port: both reconnect; an edit reloads the projector at its step
    again = present(talk, "--remote", port=int(port))
    remote_again = context.new_page()
    remote_again.goto(again.remote_url)  # a new token: the old remote is refused
    remote_again.wait_for_function(
        "() => document.getElementById('impress-remote-link').textContent === 'projector connected'"
    )
    talk.write_text(text.replace("Text of slide 1.", "Slide one, again."), encoding="utf-8")
    _text(projector, "Slide one, again.")
    projector.wait_for_function(f"() => ({_ACTIVE})() === 'slide-1'")
    remote_again.click("#impress-remote-next")
    projector.wait_for_function(f"() => ({_ACTIVE})() === 'slide-2'")


def test_the_presenter_console_comes_back_after_a_reload(tmp_path: Path, present, context) -> None:
    talk = tmp_path / "talk.md"
    text = write_deck(talk, 3)
    run = present(talk)
    page = _open(context, run.page_url)
    _goto(page, "slide-2")
    with context.expect_page() as console_info:
        page.keyboard.press("p")
    console = console_info.value
    console.wait_for_function(
        "() => document.querySelector('.impress-console-notes') && document.querySelector("
        "'.impress-console-notes').textContent.includes('Speaker notes of slide 2.')"
    )
    with context.expect_page() as again_info:
        talk.write_text(
            text.replace("Speaker notes of slide 2.", "Notes, edited."), encoding="utf-8"
        )
    reopened = again_info.value
    reopened.wait_for_function(
        "() => document.querySelector('.impress-console-notes') && document.querySelector("
        "'.impress-console-notes').textContent.includes('Notes, edited.')"
    )
    assert page.evaluate(_ACTIVE) == "slide-2"
