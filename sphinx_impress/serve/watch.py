"""The file watcher of ``sphinx-impress present``, on watchfiles (the Rust ``notify``
library: inotify, FSEvents, ReadDirectoryChangesW; polling only where none works).

A project's source folder is watched with its subfolders; the folders of files it
depends on outside it (an included file, an image, a style sheet of
``html_static_path`` elsewhere) are watched without theirs, and so is the folder of a
one-file talk, which may hold anything. Of the changes there, the watcher passes on
only those of the files the build depends on (``wanted``: a log file written into the
folder, say, is no reason to build). Which files changed is all the watcher says:
Sphinx decides what to read and write again. watchfiles' own log messages (one per
change, at level ``INFO``) are kept out of the output.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from watchfiles import Change, DefaultFilter, awatch

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

#: How long (ms) the watcher waits for more changes once it has seen one: an editor's
#: save is a few writes in a row, which become one rebuild.
QUIET_MS = 20

#: How long (s) to wait at most for a new watch to be in place (the watcher says so
#: by its first timeout, after 0.2 s).
READY_SECONDS = 5.0


#: The logger watchfiles tells each change to (at level ``INFO``), which would show
#: wherever a library has set up the root logger.
WATCHFILES_LOGGER = "watchfiles"


class _Filter(DefaultFilter):
    """watchfiles' default filter (version control folders, editor swap and backup
    files, ``__pycache__``), plus hidden files and folders and the ``ignored`` folders
    (the output and doctrees when they are inside a watched folder), and then only the
    files ``wanted`` takes (absolute paths)."""

    def __init__(self, ignored: Iterable[Path], wanted: Callable[[Path], bool]) -> None:
        super().__init__(ignore_paths=[str(path) for path in ignored])
        self._wanted = wanted

    def __call__(self, change: Change, path: str) -> bool:
        return (
            super().__call__(change, path)
            and not Path(path).name.startswith(".")
            and self._wanted(Path(path))
        )


class Watcher:
    """Watches ``tree`` folders with their subfolders (none for a one-file talk) and
    a set of further folders without theirs (:meth:`watch_files`); :meth:`next_changes`
    gives the files that changed that ``wanted`` takes (all when not given), as
    absolute paths."""

    def __init__(
        self,
        trees: Iterable[Path],
        ignored: Iterable[Path] = (),
        wanted: Callable[[Path], bool] | None = None,
    ) -> None:
        logging.getLogger(WATCHFILES_LOGGER).setLevel(logging.WARNING)
        self.trees = [tree.resolve() for tree in trees]
        self._filter = _Filter([path.resolve() for path in ignored], wanted or _everything)
        self._queue: asyncio.Queue[set[Path]] = asyncio.Queue()
        self._folders: frozenset[Path] = frozenset()
        self._tasks: list[asyncio.Task[None]] = []
        self._folders_task: asyncio.Task[None] | None = None
        self._folders_stop: asyncio.Event | None = None
        self._ready: list[asyncio.Event] = []

    async def start(self) -> None:
        """Start watching the trees; returns once the watch is in place."""
        for tree in self.trees:
            ready = asyncio.Event()
            self._tasks.append(asyncio.create_task(self._watch([tree], True, None, ready)))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ready.wait(), READY_SECONDS)

    async def watch_files(self, files: Iterable[Path]) -> None:
        """Watch the folders of ``files`` too (those outside the trees), from now on
        instead of the folders given before; returns once the watch is in place."""
        folders = frozenset(
            path.parent for path in files
            if not any(path.is_relative_to(tree) for tree in self.trees)
            and path.parent.is_dir()
        )
        if folders == self._folders:
            return
        self._folders = folders
        if self._folders_stop is not None:
            self._folders_stop.set()
        if not folders:
            self._folders_task = self._folders_stop = None
            return
        self._folders_stop = asyncio.Event()
        ready = asyncio.Event()
        self._folders_task = asyncio.create_task(
            self._watch(sorted(folders), False, self._folders_stop, ready)
        )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(ready.wait(), READY_SECONDS)

    async def next_changes(self) -> set[Path]:
        """The files changed since the last call; waits for one change, then takes every
        change queued by then."""
        changed = set(await self._queue.get())
        while not self._queue.empty():
            changed |= self._queue.get_nowait()
        return changed

    def pending(self) -> bool:
        """Whether changes are waiting."""
        return not self._queue.empty()

    async def stop(self) -> None:
        """Stop watching."""
        if self._folders_stop is not None:
            self._folders_stop.set()
        tasks = [*self._tasks, *([self._folders_task] if self._folders_task else [])]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _watch(
        self, paths: list[Path], recursive: bool, stop: asyncio.Event | None, ready: asyncio.Event
    ) -> None:
        watcher = awatch(
            *paths, watch_filter=self._filter, step=QUIET_MS, debounce=400,
            recursive=recursive, stop_event=stop, yield_on_timeout=True, rust_timeout=200,
        )
        try:
            async for changes in watcher:
                ready.set()  # the first (empty) timeout says the watch is in place
                found = {Path(path) for _, path in changes}
                if found:
                    self._queue.put_nowait(found)
        except (OSError, RuntimeError) as error:  # a folder that went away, say
            ready.set()
            print(f"sphinx-impress present: no longer watching {', '.join(map(str, paths))}: "
                  f"{error}", file=sys.stderr, flush=True)


def _everything(path: Path) -> bool:
    return True
