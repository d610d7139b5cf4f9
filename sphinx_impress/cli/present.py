"""``sphinx-impress present``: build, serve and preview presentations live, and with
``--remote``, present with a phone as remote.

SOURCE is a Sphinx project folder (with ``conf.py``) or one file of slides without any
configuration (:mod:`sphinx_impress.serve.source`). The presentations are built once,
then served on localhost; every change to the sources, their includes and images, the
static files or ``conf.py`` is built again in the same process (only what changed) and
every open page reloads at its step (:mod:`sphinx_impress.serve`); other files in the
folders (a log file, say) are no reason to build. The URLs go to
standard output, one a line; everything else (the build's log, the QR code) to
standard error.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import secrets
import shutil
import signal
import socket
import sys
import tempfile
import threading
import webbrowser
from pathlib import Path
from typing import IO, TYPE_CHECKING, TextIO

from ..errors import ImpressError

if TYPE_CHECKING:
    from ..serve.build import BuildReport, LiveBuild
    from ..serve.server import PresentServer
    from ..serve.source import Source
    from ..serve.watch import Watcher

#: The port served on when ``--port`` is not given.
DEFAULT_PORT = 8000

#: Bytes of randomness in the remote's token (``secrets.token_urlsafe``): 128 bits.
TOKEN_BYTES = 16

#: A documentation address (RFC 5737, TEST-NET-1). The machine's address on its network
#: is found by connecting a UDP socket towards it, which sends nothing.
_PROBE_ADDRESS = ("192.0.2.1", 9)

PROG = "sphinx-impress present"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``SOURCE [--host H] [--port N] [--no-browser] [--remote] [--out DIR] [-v]``."""
    parser.add_argument("source", type=Path, metavar="SOURCE",
                        help="a Sphinx project folder (with conf.py), or one .md, .rst, "
                             ".hovercraft, .mdpress or .markpress file")
    parser.add_argument("--host", metavar="H",
                        help="the address to listen on (default 127.0.0.1; with --remote, "
                             "127.0.0.1 and this machine's network address)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, metavar="N",
                        help=f"the port to listen on (default {DEFAULT_PORT}; 0: any free port)")
    parser.add_argument("--no-browser", action="store_true",
                        help="do not open the presentation in a browser")
    parser.add_argument("--remote", action="store_true",
                        help="also serve a remote for a phone (notes, next step, timer, "
                             "buttons) at an address with a random token, shown as a QR code")
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="write the presentations into DIR (default: a temporary folder, "
                             "removed on exit)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="show Sphinx's progress messages and the traceback of a failed build")


class PresentError(ImpressError):
    """A problem that stops the command before it serves: one line for the user."""


def run(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C (or SIGTERM); 0 then. 1, with one line on standard error,
    when SOURCE is missing or unreadable, the port is taken or the address cannot be
    listened on."""
    from ..serve.source import SourceError, read_source

    try:
        source = read_source(args.source)
        hosts = listen_hosts(args.host, args.remote)
        sockets = bind(hosts, args.port)
    except (SourceError, PresentError) as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    if not sys.stderr.isatty():
        from sphinx.util.console import nocolor

        nocolor()  # Sphinx's warnings without colour codes in a log file
    try:
        return asyncio.run(_serve(args, source, sockets))
    except PresentError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    finally:
        for sock in sockets:
            sock.close()


def listen_hosts(host: str | None, remote: bool) -> list[str]:
    """The addresses to listen on: ``host`` when given, else 127.0.0.1, and with a
    remote also this machine's address on its network (when it has one)."""
    if host:
        return [host]
    hosts = ["127.0.0.1"]
    if remote:
        address = network_address()
        if address is None:
            print(f"{PROG}: this machine has no network address: the remote works only "
                  "from this machine", file=sys.stderr)
        else:
            hosts.append(address)
    return hosts


def network_address() -> str | None:
    """This machine's IPv4 address on the network its default route leads to, found
    by connecting a UDP socket (which sends no packet); ``None`` when there is none."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(_PROBE_ADDRESS)
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def bind(hosts: list[str], port: int) -> list[socket.socket]:
    """Listening sockets on ``port`` at each of ``hosts`` (with port 0, the port the
    first one got, for all).

    :raises PresentError: when the port is taken or an address cannot be listened on.
    """
    sockets: list[socket.socket] = []
    try:
        for host in hosts:
            try:
                family = socket.AF_INET6 if ":" in host else socket.AF_INET
                sockets.append(socket.create_server((host, port), family=family, backlog=128))
            except OSError as error:
                if error.errno == errno.EADDRINUSE:
                    raise PresentError(
                        f"port {port} on {host} is in use (another server?): choose another "
                        "with --port"
                    ) from None
                raise PresentError(
                    f"cannot listen on {host} port {port}: {error.strerror}"
                ) from None
            port = sockets[-1].getsockname()[1]
    except PresentError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def url(host: str, port: int, path: str) -> str:
    """The URL of ``path`` on ``host``:``port``."""
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{path}"


async def _serve(args: argparse.Namespace, source: Source, sockets: list[socket.socket]) -> int:
    from aiohttp import web

    from ..serve.build import LiveBuild
    from ..serve.server import PresentServer
    from ..serve.watch import Watcher

    stack = contextlib.ExitStack()
    if args.out is not None:
        outdir = args.out.resolve()
        doctreedir = outdir / ".doctrees"
    else:
        work = Path(tempfile.mkdtemp(prefix="sphinx-impress-present-"))
        stack.callback(shutil.rmtree, work, ignore_errors=True)
        outdir, doctreedir = work / "out", work / "doctrees"
    status: IO[str] | None = sys.stderr if args.verbose else None
    live = LiveBuild(source, outdir, doctreedir, status=status, warning=sys.stderr,
                     tracebacks=status)
    stack.callback(live.close)
    token = secrets.token_urlsafe(TOKEN_BYTES) if args.remote else None
    server = PresentServer(live, token)
    trees = [] if live.source.one_file else [live.source.srcdir]
    watcher = Watcher(trees, ignored=[outdir, doctreedir], wanted=live.depends_on)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    runner = web.AppRunner(server.app, handle_signals=False, access_log=None)
    try:
        await watcher.start()
        report = await _build(live, set())
        _log_build(report, live)
        await asyncio.to_thread(live.collect_garbage)  # the first build's, before serving
        await watcher.watch_files(_watched(live))
        await runner.setup()
        for sock in sockets:
            await web.SockSite(runner, sock).start()
        _announce(server, sockets, args)
        builder = asyncio.create_task(_rebuild_loop(live, server, watcher))
        await stop.wait()
        builder.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await builder
    finally:
        print(f"{PROG}: stopping", file=sys.stderr, flush=True)
        await watcher.stop()
        await runner.cleanup()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
        stack.close()
    return 0


def _watched(live: LiveBuild) -> set[Path]:
    """What the watcher watches besides the project's folder: the files the build
    depends on, ``conf.py``'s folder, and the one-file talk's folder."""
    files = set(live.depends)
    if live.source.file is not None:
        files.add(live.source.file)
    return files


async def _build(live: LiveBuild, changed: set[Path]) -> BuildReport:
    """Run one build in a thread of its own (the server keeps answering meanwhile; a
    daemon thread, so that Ctrl-C need not wait for a long build to end)."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[BuildReport] = loop.create_future()

    def work() -> None:
        try:
            result = live.build(changed)
        except BaseException as error:  # noqa: BLE001  (handed to the event loop)
            loop.call_soon_threadsafe(_settle, future, None, error)
        else:
            loop.call_soon_threadsafe(_settle, future, result, None)

    threading.Thread(target=work, name="sphinx-impress-build", daemon=True).start()
    return await future


def _settle(future: asyncio.Future[BuildReport], result: BuildReport | None,
            error: BaseException | None) -> None:
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        assert result is not None
        future.set_result(result)


#: Seconds without a change after a build before its garbage is collected: the pages
#: reload meanwhile, and a collection (it holds the interpreter) would slow the server.
IDLE_SECONDS = 2.0


async def _rebuild_loop(live: LiveBuild, server: PresentServer, watcher: Watcher) -> None:
    """Build after each change; tell the pages; collect the build's garbage once idle."""
    garbage = False
    while True:
        try:
            changed = await asyncio.wait_for(
                watcher.next_changes(), None if not garbage else IDLE_SECONDS
            )
        except TimeoutError:
            await asyncio.to_thread(live.collect_garbage)
            garbage = False
            continue
        report = await _build(live, changed)
        garbage = True
        await server.built(report)
        _log_build(report, live)
        await watcher.watch_files(_watched(live))


def _log_build(report: BuildReport, live: LiveBuild) -> None:
    """One line on standard error about a build."""
    if report.error is not None:
        where = f"{report.error.location}: " if report.error.location else ""
        print(f"{PROG}: build failed ({where}{report.error.message}); serving the last good "
              "build" + ("" if live.shows_tracebacks else " (-v shows the traceback)"),
              file=sys.stderr, flush=True)
        return
    warnings = len(report.problems)
    print(
        f"{PROG}: built in {report.seconds:.2f} s: read {len(report.read)}, wrote "
        f"{len(report.written)} ({', '.join(report.written[:5])}"
        f"{', ...' if len(report.written) > 5 else ''})"
        + (f", {warnings} warning{'s' if warnings != 1 else ''}" if warnings else ""),
        file=sys.stderr, flush=True,
    )


def _announce(
    server: PresentServer, sockets: list[socket.socket], args: argparse.Namespace
) -> None:
    """The URLs on standard output, one a line: the presentation at each address, then
    the remote's; the remote's as a QR code on standard error; the browser opened on
    the first."""
    addresses = [sock.getsockname()[:2] for sock in sockets]
    page = server.page_path(server.live.root_doc)
    presentation = [url(host, port, page) for host, port in addresses]
    for line in presentation:
        print(line)
    remote = None
    if server.token is not None:
        host, port = addresses[-1]
        remote = url(host, port, server.remote_path())
        print(remote)
    sys.stdout.flush()
    print(f"{PROG}: presenting {server.live.source.file or server.live.source.srcdir} at "
          f"{presentation[0]} (Ctrl-C stops)", file=sys.stderr)
    if remote is not None:
        _show_remote(remote, sys.stderr)
    sys.stderr.flush()
    if not args.no_browser:
        threading.Thread(target=webbrowser.open, args=(presentation[0],), daemon=True).start()


def _show_remote(address: str, out: TextIO) -> None:
    """The remote's address as a QR code for the phone's camera, and what to do."""
    import segno

    print(f"{PROG}: the remote (keep this address to yourself: it carries the notes and "
          "the controls); scan it with the phone:", file=out)
    segno.make(address, error="l").terminal(out=out, compact=True)
    print(f"  {address}", file=out)
