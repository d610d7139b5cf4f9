"""The HTTP and WebSocket server of ``sphinx-impress present``, on aiohttp.

It serves the output folder as built, with two changes to each presentation page it
sends (:mod:`.pages`): the live script (``/_present/live.js``) is added, and with a
remote, speaker notes are left out for anyone without the remote's token. Pages keep a
WebSocket open (``/_present/ws``), over which the server tells them to reload after a
build that changed them and what the last build reported (the overlay), and, with a
remote, where the presenter is.

With a remote (a random ``token``), everything under ``/_present/remote`` needs the
token (``?token=``) and answers 403 without it: the remote page, its script and style,
its WebSocket, the deck with its notes, and the control endpoint. The presenter is
wherever a *leading* page or the remote last went: a page leads when it is opened on
the machine that runs the server (the laptop at the projector) or with the token;
every other page follows. The remote's "next" and "previous" are carried out by the
leading pages with impress.js's own ``next()``/``prev()`` (so substeps, ``skip`` and
``goto`` work as with the keyboard), or, when no page leads, by the server in the
order of the steps.
"""

from __future__ import annotations

import contextlib
import html
import ipaddress
import json
import mimetypes
import secrets
import weakref
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from aiohttp import WSMsgType, web

from .pages import Step, inject, page_title, read_steps, strip_notes

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Awaitable, Callable

    from .build import BuildReport, LiveBuild

#: Where the server's own files are (the live script, the remote page).
STATIC = resources.files("sphinx_impress.serve") / "static"

#: URL prefix of the server's own endpoints; the output folder has no such folder
#: (Sphinx's output folders are ``_static``, ``_images``, ``_downloads``, ...).
PREFIX = "/_present"
REMOTE = f"{PREFIX}/remote"

#: Output files whose change no page needs to reload for.
_NOT_SHOWN = (".layout.svg", "objects.inv", ".buildinfo")

#: Headers of everything the server sends: always ask again (a rebuilt file must not be
#: taken from the cache), and send no address with the token on to other sites.
_HEADERS = {"Cache-Control": "no-cache", "Referrer-Policy": "no-referrer"}


@dataclass
class Position:
    """Where the presenter is: the document, the step's id, the substeps shown."""

    doc: str
    step: str
    substep: int = 0

    def as_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "step": self.step, "substep": self.substep}


@dataclass(eq=False)
class PageClient:
    """A presentation page's WebSocket: its document and whether it leads."""

    socket: web.WebSocketResponse
    leads: bool
    doc: str | None = None


@dataclass
class _DeckCache:
    """Steps read from a built page, by path, with the file's size and mtime."""

    entries: dict[str, tuple[tuple[int, int], list[Step], str]] = field(default_factory=dict)


class PresentServer:
    """The server of one :class:`~sphinx_impress.serve.build.LiveBuild`; ``token``
    (``None`` without a remote) guards the remote's endpoints."""

    def __init__(self, live: LiveBuild, token: str | None = None) -> None:
        self.live = live
        self.token = token
        self.pages: set[PageClient] = set()
        self.remotes: weakref.WeakSet[web.WebSocketResponse] = weakref.WeakSet()
        self.position: Position | None = None
        self._decks = _DeckCache()
        self.app = web.Application(middlewares=[self._guard])
        self.app.router.add_get("/", self._root)
        self.app.router.add_get(f"{PREFIX}/live.js", self._own_file("live.js"))
        self.app.router.add_get(f"{PREFIX}/live.css", self._own_file("live.css"))
        self.app.router.add_get(f"{PREFIX}/ws", self._page_socket)
        self.app.router.add_get(f"{REMOTE}/", self._remote_page)
        self.app.router.add_get(REMOTE, self._remote_slash)
        self.app.router.add_get(f"{REMOTE}/remote.js", self._own_file("remote.js"))
        self.app.router.add_get(f"{REMOTE}/remote.css", self._own_file("remote.css"))
        self.app.router.add_get(f"{REMOTE}/ws", self._remote_socket)
        self.app.router.add_get(f"{REMOTE}/deck", self._deck)
        self.app.router.add_post(f"{REMOTE}/control", self._control)
        self.app.router.add_get("/{tail:.*}", self._file)
        self.app.on_shutdown.append(self._close_sockets)

    # ---- addresses ------------------------------------------------------------------

    def page_path(self, docname: str) -> str:
        """The URL path of a document's presentation."""
        return "/" + quote(f"{docname}.html")

    def remote_path(self) -> str:
        """The URL path of the remote, with its token."""
        assert self.token is not None
        return f"{REMOTE}/?token={self.token}"

    # ---- access ---------------------------------------------------------------------

    def _token_ok(self, request: web.Request) -> bool:
        given = request.query.get("token", "")
        return self.token is not None and secrets.compare_digest(given, self.token)

    @web.middleware
    async def _guard(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """403 for the remote's endpoints without the token (404 without a remote);
        the server's headers on every answer."""
        if request.path == REMOTE or request.path.startswith(f"{REMOTE}/"):
            if self.token is None:
                raise web.HTTPNotFound(text="no remote: start with --remote\n")
            if not self._token_ok(request):
                raise web.HTTPForbidden(text="the remote needs its token\n", headers=_HEADERS)
        response = await handler(request)
        if not response.prepared:
            response.headers.update(_HEADERS)
        return response

    def _leads(self, request: web.Request) -> bool:
        """Whether a page opened by ``request`` leads: it has the token, or comes from
        the machine the server runs on (a loopback address, or the address it reached
        the server at)."""
        if self._token_ok(request):
            return True
        peer = request.remote or ""
        try:
            if ipaddress.ip_address(peer).is_loopback:
                return True
        except ValueError:
            return False
        transport = request.transport
        local: Any = transport.get_extra_info("sockname") if transport is not None else None
        return bool(local) and str(local[0]) == peer

    # ---- files ----------------------------------------------------------------------

    def _own_file(self, name: str) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        resource = STATIC / name
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"

        async def handler(request: web.Request) -> web.StreamResponse:
            return web.Response(body=resource.read_bytes(), content_type=content_type)

        return handler

    async def _root(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(self.page_path(self.live.root_doc))

    def _docname(self, relative: str) -> str | None:
        return relative[: -len(".html")] if relative.endswith(".html") else None

    async def _file(self, request: web.Request) -> web.StreamResponse:
        """A file of the output folder; a presentation page with the live script (and,
        with a remote, without notes for a request without the token)."""
        relative = request.match_info["tail"]  # decoded by aiohttp
        parts = [part for part in relative.split("/") if part]
        if any(part.startswith(".") for part in parts):
            raise web.HTTPNotFound()
        outdir = Path(self.live.outdir).resolve()
        target = outdir.joinpath(*parts).resolve() if parts else outdir
        if not target.is_relative_to(outdir):
            raise web.HTTPNotFound()
        if target.is_dir():
            index = target / "index.html"
            if index.is_file():
                raise web.HTTPFound("/" + quote("/".join([*parts, "index.html"])))
            raise web.HTTPNotFound()
        if target.suffix != ".html":
            if not target.is_file():
                raise web.HTTPNotFound()
            return web.FileResponse(target)
        try:
            text = target.read_text(encoding="utf-8")
            status = 200
        except OSError:
            text = _placeholder(relative)
            status = 404
        if self.token is not None and not self._token_ok(request):
            text = strip_notes(text)
        text = inject(text, self._live_tags())
        return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")

    def _live_tags(self) -> str:
        remote = "1" if self.token is not None else "0"
        return (
            f'<link rel="stylesheet" href="{PREFIX}/live.css">\n'
            f'<script src="{PREFIX}/live.js" data-remote="{remote}"></script>\n'
        )

    # ---- pages ----------------------------------------------------------------------

    async def _page_socket(self, request: web.Request) -> web.StreamResponse:
        socket = web.WebSocketResponse(heartbeat=15)
        await socket.prepare(request)
        client = PageClient(socket, leads=self.token is not None and self._leads(request))
        self.pages.add(client)
        try:
            async for data in _json_objects(socket):
                await self._from_page(client, data)
        finally:
            self.pages.discard(client)
            await self._tell_remotes()
        return socket

    async def _from_page(self, client: PageClient, data: dict[str, Any]) -> None:
        kind = data.get("type")
        if kind == "hello":
            path = str(data.get("page") or "")
            client.doc = self._docname(unquote(path).lstrip("/"))
            await _send(client.socket, {
                "type": "hello", "leads": client.leads, "remote": self.token is not None,
            })
            await _send(client.socket, self._status(client.doc))
            if self.position is not None and self.position.doc == client.doc:
                await _send(client.socket, {"type": "goto", **self.position.as_json()})
            await self._tell_remotes()
        elif kind == "at" and client.leads and client.doc is not None:
            step = data.get("step")
            substep = data.get("substep", 0)
            if isinstance(step, str) and isinstance(substep, int):
                await self.move(Position(client.doc, step, substep), source=client)

    def _status(self, docname: str | None) -> dict[str, Any]:
        return {
            "type": "status",
            "ok": self.live.error is None,
            "problems": [problem.as_json() for problem in self.live.problems_of(docname)],
        }

    async def move(self, position: Position, source: PageClient | None = None) -> None:
        """Make ``position`` the presenter's; tell the other pages of that document and
        the remotes."""
        if position == self.position:
            return
        self.steps(position.doc)  # known before a rebuild: where the step was (built)
        deck_changed = self.position is None or self.position.doc != position.doc
        self.position = position
        message = {"type": "goto", **position.as_json()}
        for client in list(self.pages):
            if client is not source and client.doc == position.doc:
                await _send(client.socket, message)
        await self._tell_remotes(deck=deck_changed)

    async def command(self, action: str, step: str | None = None) -> None:
        """The remote's ``next``, ``prev`` or ``goto`` (to ``step``)."""
        doc = self._presented_doc()
        if action == "goto":
            if step and any(s.id == step for s in self.steps(doc)):
                await self.move(Position(doc, step, 0))
            return
        leaders = [client for client in self.pages if client.leads and client.doc == doc]
        if leaders:
            for client in leaders:
                await _send(client.socket, {"type": "command", "action": action})
            return
        steps = self.steps(doc)
        if not steps:
            return
        current = self.position.step if self.position else steps[0].id
        target = following(steps, current, action == "next") if self.position else current
        await self.move(Position(doc, target, 0))

    # ---- the remote -----------------------------------------------------------------

    async def _remote_page(self, request: web.Request) -> web.StreamResponse:
        assert self.token is not None
        token = html.escape(quote(self.token, safe=""))
        text = (STATIC / "remote.html").read_text(encoding="utf-8").replace("{token}", token)
        return web.Response(text=text, content_type="text/html", charset="utf-8")

    async def _remote_slash(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(self.remote_path())

    async def _remote_socket(self, request: web.Request) -> web.StreamResponse:
        socket = web.WebSocketResponse(heartbeat=15)
        await socket.prepare(request)
        self.remotes.add(socket)
        await _send(socket, self._remote_state(deck=True))
        async for data in _json_objects(socket):
            if data.get("type") in ("next", "prev", "goto"):
                await self.command(str(data["type"]), data.get("step"))
        self.remotes.discard(socket)
        return socket

    def _presented_doc(self) -> str:
        """The document the presenter is in (the root document before any move)."""
        return self.position.doc if self.position else self.live.root_doc

    def _remote_state(self, deck: bool = False) -> dict[str, Any]:
        doc = self._presented_doc()
        return {
            "type": "state",
            "doc": doc,
            "position": self.position.as_json() if self.position else None,
            "leading": sum(1 for c in self.pages if c.leads and c.doc == doc),
            "following": sum(1 for c in self.pages if not c.leads and c.doc == doc),
            "deck": deck,
            "ok": self.live.error is None,
        }

    async def _tell_remotes(self, deck: bool = False) -> None:
        message = self._remote_state(deck)
        for socket in list(self.remotes):
            await _send(socket, message)

    async def _deck(self, request: web.Request) -> web.StreamResponse:
        """The steps of a deck with their notes, as JSON (``?doc=``; default: where
        the presenter is)."""
        doc = request.query.get("doc") or self._presented_doc()
        steps = self.steps(doc)
        title = self._decks.entries.get(doc, ((0, 0), [], ""))[2]
        return web.json_response({
            "doc": doc, "url": self.page_path(doc), "title": title,
            "steps": [step.as_json() for step in steps],
        })

    async def _control(self, request: web.Request) -> web.StreamResponse:
        """``POST {"action": "next" | "prev" | "goto", "step": ID}``: move the presenter;
        404 for a ``goto`` to a step the deck presented does not have."""
        try:
            data = await request.json()
        except ValueError:
            raise web.HTTPBadRequest(text="a JSON object is expected\n") from None
        action = data.get("action") if isinstance(data, dict) else None
        if action not in ("next", "prev", "goto"):
            raise web.HTTPBadRequest(text="action: next, prev or goto\n")
        step = data.get("step")
        if action == "goto" and not any(
            s.id == step for s in self.steps(self._presented_doc())
        ):
            raise web.HTTPNotFound(text=f"goto: no step {step!r} in the deck presented\n")
        await self.command(action, step)
        return web.json_response(self._remote_state())

    def steps(self, doc: str) -> list[Step]:
        """The steps of ``doc``'s built presentation (none when it is not built)."""
        path = Path(self.live.outdir, f"{doc}.html")
        try:
            stat = path.stat()
        except OSError:
            return []
        key = (stat.st_size, stat.st_mtime_ns)
        cached = self._decks.entries.get(doc)
        if cached is not None and cached[0] == key:
            return cached[1]
        text = path.read_text(encoding="utf-8")
        steps = read_steps(text)
        self._decks.entries[doc] = (key, steps, page_title(text))
        return steps

    # ---- after a build --------------------------------------------------------------

    async def built(self, report: BuildReport) -> None:
        """Tell the pages what ``report`` means for them: reload when an asset changed
        (a style sheet, a script, an image), update when only their own page did (the
        page replaces the content of the steps that changed, or reloads), and the
        problems they show."""
        shown = [name for name in report.changed if not name.endswith(_NOT_SHOWN)]
        assets = any(not name.endswith(".html") for name in shown)
        pages = {name[: -len(".html")] for name in shown if name.endswith(".html")}
        for client in list(self.pages):
            if assets:
                await _send(client.socket, {"type": "reload"})
            elif client.doc in pages:
                await _send(client.socket, self._status(client.doc))
                await _send(client.socket, {"type": "update"})
            else:
                await _send(client.socket, self._status(client.doc))
        if self.position is not None and self.position.doc in pages:
            self.position = self._same_place(self.position)
        await self._tell_remotes(deck=assets or bool(pages))

    def _same_place(self, position: Position) -> Position | None:
        """``position`` in its deck as just rebuilt: the same step, or when it is gone
        (its title, so its id, changed), the step at the same index (the last one when
        the deck got shorter); ``None`` when the deck has no step left."""
        cached = self._decks.entries.get(position.doc)
        before = [step.id for step in cached[1]] if cached is not None else []
        now = [step.id for step in self.steps(position.doc)]
        if position.step in now:
            return position
        if not now:
            return None
        index = before.index(position.step) if position.step in before else 0
        return Position(position.doc, now[min(index, len(now) - 1)], 0)

    async def _close_sockets(self, app: web.Application) -> None:
        for client in list(self.pages):
            await client.socket.close()
        for socket in list(self.remotes):
            await socket.close()


def following(steps: list[Step], current: str, forward: bool) -> str:
    """The step impress.js goes to from ``current`` with next (``forward``) or
    previous, by the goto plugin's attributes (``data-goto-next``/``-prev``, then
    ``data-goto`` for next), else the neighbouring step that is not ``skip``, the first
    after the last and the last before the first (impress.js's order)."""
    ids = [step.id for step in steps]
    if current not in ids:
        return ids[0]
    index = ids.index(current)
    step = steps[index]
    jump = (step.goto_next or step.goto) if forward else step.goto_prev
    if jump and jump in ids:
        return jump
    for offset in range(1, len(steps) + 1):
        candidate = steps[(index + (offset if forward else -offset)) % len(steps)]
        if not candidate.skip:
            return candidate.id
    return current


async def _send(socket: web.WebSocketResponse, message: dict[str, Any]) -> None:
    """Send ``message`` as JSON; a socket that went away is left to its handler."""
    if socket.closed:
        return
    with contextlib.suppress(ConnectionError, RuntimeError):
        await socket.send_json(message)


async def _json_objects(socket: web.WebSocketResponse) -> AsyncIterator[dict[str, Any]]:
    """The JSON objects a page or a remote sends on ``socket``; other messages (binary,
    not JSON, not an object) are passed over."""
    async for message in socket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            data = json.loads(message.data)
        except ValueError:
            continue
        if isinstance(data, dict):
            yield data


def _placeholder(relative: str) -> str:
    """A page for an address that has no presentation (yet): it shows the overlay, and
    reloads when a build writes the page."""
    name = html.escape(relative)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>No presentation at {name}</title></head>\n<body class=\"impress-live-missing\">"
        f"<p>No presentation at <code>{name}</code> yet: it appears here as soon as a build "
        "writes it.</p>\n</body></html>\n"
    )
