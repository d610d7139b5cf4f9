"""The example served over HTTP with ``Content-Security-Policy: script-src 'self'``:
impress.js still starts, and the browser reports no violation of the policy.

A control page with an inline script, served the same way, shows that the policy is
in force: its script is refused and the refusal is seen.
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

#: The policy of a strict host: scripts only from the page's own origin.
POLICY = "script-src 'self'"

#: Records every ``securitypolicyviolation`` event of the page, from before its first
#: script runs (Playwright's init scripts are not subject to the page's policy).
_RECORD_VIOLATIONS_JS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', event => {
    window.__violations.push(event.violatedDirective + ' ' + (event.blockedURI || 'inline'));
});
"""


class StrictHandler(SimpleHTTPRequestHandler):
    """Serves a folder, with :data:`POLICY` on every response, quietly."""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", POLICY)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def _serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(StrictHandler, directory=str(folder))
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
