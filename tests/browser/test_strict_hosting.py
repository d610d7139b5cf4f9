"""Presentations served over HTTP (127.0.0.1) with a strict Content-Security-Policy:
``script-src 'self'``, and ``default-src 'self'``, which also refuses inline
``<style>`` and ``style=`` attributes. impress.js starts, the slides have the
configured size, images their widths, the presenter console opens, and the browser
reports no violation of the policy.

Control pages with an inline script and an inline style, served the same way, show
that the policies are in force: they are refused and the refusal is seen.
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING

import pytest

from .conftest import PAGE_TIMEOUT_MS, VIEWPORT

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

#: The policy of a host that allows scripts only from the page's own origin.
POLICY = "script-src 'self'"

#: The policy of a strict host: everything from the page's own origin only (so no
#: inline style either).
STRICT_POLICY = "default-src 'self'"

#: Records every ``securitypolicyviolation`` event of the page, from before its first
#: script runs (Playwright's init scripts are not subject to the page's policy).
_RECORD_VIOLATIONS_JS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', event => {
    window.__violations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline'));
});
"""


class StrictHandler(SimpleHTTPRequestHandler):
    """Serves a folder, with its ``policy`` on every response, quietly."""

    policy = POLICY

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


class StricterHandler(StrictHandler):
    """Serves a folder with :data:`STRICT_POLICY`."""

    policy = STRICT_POLICY


def _serve(folder: Path, handler_class: type[StrictHandler] = StrictHandler) -> Iterator[str]:
    handler = functools.partial(handler_class, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="module")
def strict_example(example_site: Path) -> Iterator[str]:
    """The URL of the built example, served with :data:`POLICY`."""
    yield from _serve(example_site)


@pytest.fixture
def strict_page(browser: Browser):
    """A fresh page that records violations and console messages."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(PAGE_TIMEOUT_MS)
    context.add_init_script(_RECORD_VIOLATIONS_JS)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    # the browser asks for /favicon.ico by itself; a presentation names no icon
    page.on(
        "response",
        lambda response: response.status >= 400
        and not response.url.endswith("/favicon.ico")
        and console.append(f"http {response.status}: {response.url}"),
    )
    try:
        yield page, console
    finally:
        context.close()


def test_policy_is_in_force(strict_page, tmp_path):
    page, console = strict_page
    (tmp_path / "control.html").write_text(
        "<!DOCTYPE html><html><body><p>control</p>"
        "<script>document.body.classList.add('inline-ran');</script></body></html>",
        encoding="utf-8",
    )
    for url in _serve(tmp_path):
        response = page.goto(url + "control.html")
        assert response.headers["content-security-policy"] == POLICY
        page.wait_for_function("() => window.__violations.length > 0")
        assert page.evaluate("() => document.body.classList.contains('inline-ran')") is False
        assert page.evaluate("() => window.__violations") == ["script-src-elem inline"]
    assert any("Content Security Policy" in line for line in console)


def test_example_presents_under_a_strict_policy(strict_page, strict_example):
    page, console = strict_page
    response = page.goto(strict_example + "index.html")
    assert response.headers["content-security-policy"] == POLICY
    page.wait_for_selector("body.impress-enabled", state="attached")
    active = page.evaluate(
        "() => { const a = document.querySelector('#impress .step.active'); "
        "return a ? a.id : null; }"
    )
    assert active == "title"
    assert page.evaluate("() => location.hash") == "#/title"
    # impress.js runs: the next key moves on to the second step
    second = page.evaluate("() => document.querySelectorAll('#impress .step')[1].id")
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "id => document.querySelector('#impress .step.active').id === id", arg=second
    )
    assert page.evaluate("() => window.__violations") == []
    problems = [
        line
        for line in console
        if "Content Security Policy" in line
        or line.startswith(("pageerror", "http"))
        or (line.startswith("error") and "favicon.ico" not in line and "404" not in line)
    ]
    assert problems == []


# ---- default-src 'self': no inline style either ---------------------------------------

from .conftest import REPO_ROOT, build_site  # noqa: E402

#: The steps' computed size, the widths of images with a size, and the step marked by
#: its background, read from the running presentation.
_LOOK_JS = """() => {
    const steps = [...document.querySelectorAll('#impress .step')];
    const size = el => [parseFloat(getComputedStyle(el).width), parseFloat(getComputedStyle(el).height)];
    return {
        sizes: [...new Set(steps.map(step => size(step).join('x')))],
        widths: [...document.querySelectorAll('#impress img')].map(img => getComputedStyle(img).width),
        backgrounds: steps.map(step => getComputedStyle(step).backgroundImage)
            .filter(image => image !== 'none'),
        colours: steps.map(step => getComputedStyle(step).backgroundColor),
        inline: document.querySelectorAll('[style]:not(#impress):not(#impress *)').length,
    };
}"""


def _problems(console: list[str]) -> list[str]:
    return [
        line for line in console
        if "Content Security Policy" in line or line.startswith(("pageerror", "http"))
        # the browser asks for /favicon.ico by itself (its 404 is logged without
        # the address); any other 404 is an "http" line
        or (line.startswith("error") and "favicon.ico" not in line and "404" not in line)
    ]


def test_strict_policy_is_in_force(strict_page, tmp_path):
    page, _ = strict_page
    (tmp_path / "control.html").write_text(
        '<!DOCTYPE html><html><head><style>p { color: red }</style></head><body>'
        '<p style="font-size: 40px">control</p></body></html>',
        encoding="utf-8",
    )
    for url in _serve(tmp_path, StricterHandler):
        response = page.goto(url + "control.html")
        assert response.headers["content-security-policy"] == STRICT_POLICY
        page.wait_for_function("() => window.__violations.length >= 2")
        assert page.evaluate("() => getComputedStyle(document.querySelector('p')).color") != "rgb(255, 0, 0)"
        assert page.evaluate("() => getComputedStyle(document.querySelector('p')).fontSize") != "40px"
        assert sorted(page.evaluate("() => window.__violations")) == [
            "style-src-attr inline", "style-src-elem inline",
        ]


def test_example_presents_under_default_src_self(strict_page, example_site: Path):
    page, console = strict_page
    for url in _serve(example_site, StricterHandler):
        response = page.goto(url + "index.html")
        assert response.headers["content-security-policy"] == STRICT_POLICY
        page.wait_for_selector("body.impress-enabled", state="attached")
        look = page.evaluate(_LOOK_JS)
        # impress_width = 1000, impress_height = 700, from the generated style sheet
        assert look["sizes"] == ["1000x700"]
        # the images with a width keep it (820 px, 800 px, ...), from generated classes
        assert {"820px", "800px", "480px", "460px", "760px"} <= set(look["widths"])
        page.keyboard.press("ArrowRight")
        page.wait_for_function("() => location.hash === '#/chroot'")
        assert page.evaluate("() => window.__violations") == []
        assert _problems(console) == []


@pytest.fixture(scope="module", params=["light", "dark"])
def strict_site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """tests/roots/test-strict (math, images, code, a table, notes, backgrounds),
    built once in each theme."""
    return build_site(
        tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-strict",
        settings={"impress_theme": request.param},
    )


def test_deck_with_math_images_code_and_notes(strict_page, strict_site: Path):
    page, console = strict_page
    popups: list[str] = []
    for url in _serve(strict_site, StricterHandler):
        page.goto(url + "index.html")
        page.wait_for_selector("body.impress-enabled", state="attached")
        # math is MathML written at build time: no script, nothing refused
        assert page.evaluate("() => document.querySelectorAll('#impress math').length") > 0
        look = page.evaluate(_LOOK_JS)
        assert look["sizes"] == ["1280x720"]
        # 420 px (a step's content may be shrunk to fit: the width in its own units)
        assert any(abs(float(width[:-2]) - 420) < 0.5 for width in look["widths"]), look["widths"]
        assert len(look["backgrounds"]) == 1 and "_images/backdrop.png" in look["backgrounds"][0]
        assert "rgb(244, 227, 193)" in look["colours"]
        # the table's column widths, from generated classes
        columns = page.evaluate(
            "() => [...document.querySelectorAll('#impress col')].map(c => getComputedStyle(c).width)"
        )
        assert len(columns) == 2 and columns[0] != columns[1]
        # every step once, then the presenter console, under the same policy
        for step in page.evaluate("() => [...document.querySelectorAll('#impress .step')].map(s => s.id)")[1:]:
            page.evaluate("id => impress().goto(id, 0)", step)
        with page.context.expect_page() as popup:
            page.keyboard.press("p")
        console_page = popup.value
        console_page.on("console", lambda message: popups.append(message.text))
        console_page.wait_for_selector(".impress-console-notes")
        console_page.wait_for_function(
            "() => getComputedStyle(document.body).display === 'grid'"  # its style sheet applies
        )
        page.wait_for_timeout(500)
        assert page.evaluate("() => window.__violations") == []
        assert _problems(console) == []
        assert [text for text in popups if "Content Security Policy" in text] == []
