"""Helpers for the browser tests: a recorded page on the deck, CSS matrix arithmetic
mirroring impress.js 1.1.0, and a reader for the mdpress seed deck."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

if TYPE_CHECKING:
    from playwright.sync_api import Page

# ---- the page ---------------------------------------------------------------------

_ACTIVE_ID_JS = (
    "() => { const a = document.querySelector('#impress .step.active');"
    " return a ? a.id : null; }"
)
_ACTIVE_CHANGED_JS = (
    "previous => { const a = document.querySelector('#impress .step.active');"
    " return a !== null && a.id !== previous; }"
)
# impress().goto(id) and resolve once impress.js fires impress:stepenter for that step
# (that is, after the transition), plus two frames so that layout is final. impress.js
# fires no stepenter for the step already entered, so that is refused, and the wait is
# bounded (page.evaluate itself has no timeout).
_GOTO_AND_WAIT_JS = """
([id, duration, timeout]) => new Promise((resolve, reject) => {
    const root = document.getElementById('impress');
    const step = document.getElementById(id);
    if (step && step.classList.contains('active')) {
        reject(new Error('step ' + id + ' is already active: no stepenter would come'));
        return;
    }
    let timer = null;
    const onEnter = event => {
        if (event.target.id === id) {
            root.removeEventListener('impress:stepenter', onEnter);
            clearTimeout(timer);
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(true)));
        }
    };
    root.addEventListener('impress:stepenter', onEnter);
    timer = setTimeout(() => {
        root.removeEventListener('impress:stepenter', onEnter);
        reject(new Error('no impress:stepenter for ' + id + ' within ' + timeout + ' ms'));
    }, timeout);
    const api = impress();
    const target = duration === null ? api.goto(id) : api.goto(id, duration);
    if (!target) {
        root.removeEventListener('impress:stepenter', onEnter);
        clearTimeout(timer);
        reject(new Error('impress().goto(' + JSON.stringify(id) + ') refused'));
    }
})
"""
#: Upper bound (ms) for one goto_step; impress.js transitions take 1 s (+ 0.5 s delay).
GOTO_TIMEOUT_MS = 10_000


def url_to_path(url: str) -> Path | None:
    """The local path of a ``file://`` URL (query and fragment dropped), else None."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    return Path(url2pathname(unquote(parts.path)))


@dataclass(repr=False)
class DeckPage:
    """A Playwright page on the built example, with everything it logged recorded
    (listeners are attached before the first navigation)."""

    page: Page
    site: Path
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return f"<DeckPage {self.page.url}>"

    def attach_recorders(self) -> None:
        def on_console(message: Any) -> None:
            if message.type == "error":
                where = message.location or {}
                self.console_errors.append(
                    f"{message.text} ({where.get('url', '?')}:{where.get('lineNumber', '?')})"
                )

        self.page.on("console", on_console)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on(
            "requestfailed",
            lambda request: self.failed_requests.append(f"{request.url}: {request.failure}"),
        )

    @property
    def index_url(self) -> str:
        return (self.site / "index.html").as_uri()

    def load(self, fragment: str = "") -> None:
        """Load index.html (with ``#fragment``) without waiting for impress.js."""
        self.page.goto(self.index_url + (f"#{fragment}" if fragment else ""))

    def open(self, fragment: str = "") -> None:
        """Load index.html (with ``#fragment``) and wait until impress.js has started."""
        self.load(fragment)
        self.page.wait_for_selector("body.impress-enabled", state="attached")

    def evaluate(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def active_id(self) -> str | None:
        return self.page.evaluate(_ACTIVE_ID_JS)

    def step_ids(self) -> list[str]:
        """The ids of ``#impress .step`` in document order."""
        return self.page.evaluate(
            "() => [...document.querySelectorAll('#impress .step')].map(s => s.id)"
        )

    def wait_active_change(self, previous: str | None) -> str:
        """Wait until the active step is no longer ``previous``; return the new one."""
        self.page.wait_for_function(_ACTIVE_CHANGED_JS, arg=previous, polling="raf")
        active = self.active_id()
        assert active is not None
        return active

    def wait_hash(self, expected: str) -> None:
        self.page.wait_for_function("h => location.hash === h", arg=expected)

    def goto_step(self, step_id: str, duration: int | None = None) -> None:
        """``impress().goto(step_id[, duration])``; return after its stepenter event."""
        self.page.evaluate(_GOTO_AND_WAIT_JS, [step_id, duration, GOTO_TIMEOUT_MS])


# ---- CSS transforms, as impress.js 1.1.0 builds them --------------------------------

Matrix = list[list[float]]  # 4x4, row-major, acting on column vectors (CSS convention)

#: DOMMatrix entry names; mRC is row R, column C of the *transposed* matrix, so
#: m41/m42/m43 hold the translation.
DOM_MATRIX_KEYS = [f"m{r}{c}" for r in range(1, 5) for c in range(1, 5)]


def identity() -> Matrix:
    return [[1.0 if r == c else 0.0 for c in range(4)] for r in range(4)]


def multiply(a: Matrix, b: Matrix) -> Matrix:
    return [[sum(a[r][k] * b[k][c] for k in range(4)) for c in range(4)] for r in range(4)]


def translation(x: float, y: float, z: float = 0.0) -> Matrix:
    m = identity()
    m[0][3], m[1][3], m[2][3] = x, y, z
    return m


def scaling(s: float) -> Matrix:
    """CSS ``scale(s)``: the 2D ``scale(s, s)``; z is left alone (m33 stays 1)."""
    m = identity()
    m[0][0] = m[1][1] = s
    return m


def rotation(axis: str, degrees: float) -> Matrix:
    """CSS ``rotateX/Y/Z(deg)`` (CSS Transforms 2, rotate3d with a unit axis)."""
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    m = identity()
    if axis == "x":
        m[1][1], m[1][2], m[2][1], m[2][2] = c, -s, s, c
    elif axis == "y":
        m[0][0], m[0][2], m[2][0], m[2][2] = c, s, -s, c
    elif axis == "z":
        m[0][0], m[0][1], m[1][0], m[1][1] = c, -s, s, c
    else:
        raise ValueError(axis)
    return m


def impress_number(value: str | None, fallback: float = 0.0) -> float:
    """impress.js's ``toNumber``: the number in ``value``, else ``fallback || 0``."""
    if value is None:
        return fallback or 0.0
    try:
        return float(value) if value.strip() else 0.0  # Number("") is 0
    except ValueError:
        return fallback or 0.0


def impress_rotate_order(value: str | None) -> str:
    """impress.js's ``validateOrder``: x, y, z each at most once, default ``xyz``."""
    order = ""
    for char in value or "":
        if char in "xyz" and char not in order:
            order += char
    return order or "xyz"


def impress_step_matrix(data: dict[str, str | None], width: float, height: float) -> Matrix:
    """The matrix of impress.js 1.1.0's step transform (``initStep``)::

        translate(-50%,-50%) translate3d(x,y,z) rotateA(..) rotateB(..) rotateC(..) scale(s)

    for a step with the given ``data-*`` attributes (keys without ``data-``) and border
    box; the rotations follow ``data-rotate-order``.
    """
    angles = {
        "x": impress_number(data.get("rotate-x")),
        "y": impress_number(data.get("rotate-y")),
        "z": impress_number(data.get("rotate-z") or data.get("rotate")),
    }
    m = multiply(translation(-width / 2, -height / 2), translation(
        impress_number(data.get("x")), impress_number(data.get("y")), impress_number(data.get("z"))
    ))
    for axis in impress_rotate_order(data.get("rotate-order")):
        m = multiply(m, rotation(axis, angles[axis]))
    return multiply(m, scaling(impress_number(data.get("scale"), 1.0)))


def as_dom_matrix(m: Matrix) -> dict[str, float]:
    """The DOMMatrix entries (m11..m44) of a row-major column-vector matrix."""
    return {f"m{c + 1}{r + 1}": m[r][c] for r in range(4) for c in range(4)}
