"""A Sphinx application kept warm between builds, as ``sphinx-impress present`` runs it.

The first build reads every document; each later one is Sphinx's own incremental
build (``Sphinx.build()``: it reads the documents whose source or dependencies changed
and writes the pages that are out of date), so the output is what ``sphinx-build``
would write after the same edits, without starting Python, importing Sphinx and the
extensions and loading the environment again. A change to ``conf.py`` starts a fresh
application, which compares the configuration with the one the environment was
built with, as a new ``sphinx-build`` would. A build that raises leaves the output
folder as it was written so far and the next build starts a fresh application.

Each build's warnings and errors are kept per document (the document a warning's
location is in, else the one being read or written when it was logged), so that a
page can show the problems of its own deck: a document's list is replaced when it is
read or written again.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import gc
import hashlib
import io
import os
import re
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, cast

from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.errors import SphinxError
from sphinx.project import EXCLUDE_PATHS
from sphinx.util.docutils import docutils_namespace, patch_docutils
from sphinx.util.matching import compile_matchers

from .._compat import copy_changed_static_files, restore_page_assets
from ..extension.presentation import BUILDER
from .source import SourceError, read_source

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from .source import Source

#: A warning as Sphinx writes it to its warning stream (``sphinx.util.logging``:
#: ``SphinxWarningLogRecord``): an optional location, the level, the message.
_WARNING = re.compile(
    r"^(?:(?P<location>.*?): )?(?P<level>WARNING|ERROR|CRITICAL): (?P<message>.*)$", re.DOTALL
)
#: A location's line number.
_LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+)$")
#: Terminal colour codes.
_ESCAPES = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


@dataclass(frozen=True)
class Problem:
    """A warning or error of a build: ``level`` (``WARNING``, ``ERROR``,
    ``CRITICAL``), ``message``, the ``location`` as the author reads it
    (``talk.md:12``, relative to the source folder when inside it; empty when the
    problem has none), and the ``docname`` it belongs to (``None``: the whole build)."""

    level: str
    message: str
    location: str = ""
    docname: str | None = None

    def as_json(self) -> dict[str, str]:
        """The problem for a page's overlay."""
        return {"level": self.level, "message": self.message, "location": self.location}


@dataclass
class BuildReport:
    """What one build did: whether it finished (``ok``), the documents it ``read``
    and ``written``, the files of the output folder whose content changed
    (``changed``, paths relative to it, ``/`` separated), its ``problems``, its
    ``error`` (when it did not finish) and its wall time in ``seconds``."""

    ok: bool
    read: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    error: Problem | None = None
    seconds: float = 0.0
    fresh: bool = False


#: The suffixes of documents before a configuration has been read (a ``conf.py`` that
#: failed at the start): Sphinx's default, MyST's and those of one-file talks.
DEFAULT_SUFFIXES = (".rst", ".md", ".txt", ".hovercraft", ".mdpress")


@dataclass(frozen=True)
class DocumentFiles:
    """Which files of a project's source folder ``srcdir`` are documents, or would be
    when created: the ``suffixes`` of ``source_suffix``, in ``include_patterns`` and not
    in ``exclude_patterns``, ``templates_path`` and Sphinx's own excluded paths, as
    Sphinx finds documents (``sphinx.project.Project.discover``). A one-file talk
    (``only``) has that file alone."""

    srcdir: Path
    suffixes: tuple[str, ...] = DEFAULT_SUFFIXES
    include: tuple[str, ...] = ("**",)
    exclude: tuple[str, ...] = tuple(EXCLUDE_PATHS)
    only: Path | None = None

    @classmethod
    def of(cls, app: Sphinx, only: Path | None = None) -> DocumentFiles:
        """The rules of ``app``'s configuration."""
        config = app.config
        exclude = [*config.exclude_patterns, *config.templates_path, *EXCLUDE_PATHS]
        return cls(
            Path(app.srcdir).resolve(),
            tuple(config.source_suffix),
            tuple(config.include_patterns),
            tuple(os.fspath(pattern) for pattern in exclude),
            only,
        )

    def holds(self, path: Path) -> bool:
        """Whether ``path`` (absolute) is, or would be, a document."""
        if self.only is not None:
            return path == self.only
        try:
            relative = path.relative_to(self.srcdir)
        except ValueError:
            return False
        if not path.name.endswith(self.suffixes):
            return False
        name = relative.as_posix()
        if not any(match(name) for match in _matchers(self.include)):
            return False
        excluded = _matchers(self.exclude)
        # Sphinx leaves out an excluded file, and the files of an excluded folder
        parts = relative.parts
        prefixes = ["/".join(parts[: end]) for end in range(1, len(parts) + 1)]
        return not any(match(prefix) for prefix in prefixes for match in excluded)


@functools.lru_cache(maxsize=16)
def _matchers(patterns: tuple[str, ...]) -> list[Callable[[str], re.Match[str] | None]]:
    return compile_matchers(patterns)


class _WarningTap(io.TextIOBase):
    """Sphinx's warning stream: each ``write`` (one log record, as Sphinx's stream
    handler writes a record at once) is echoed and handed to ``collect``."""

    def __init__(self, echo: IO[str] | None, collect: Callable[[str], None]) -> None:
        super().__init__()
        self._echo = echo
        self._collect = collect

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self._echo is not None:
            self._echo.write(text)
        if text.strip():
            self._collect(text)
        return len(text)

    def flush(self) -> None:
        if self._echo is not None:
            self._echo.flush()


class LiveBuild:
    """The warm application of ``source``, writing presentations into ``outdir``
    (doctrees into ``doctreedir``). ``status`` receives Sphinx's progress messages,
    ``warning`` its warnings and ``tracebacks`` the traceback of a build that failed
    (``None``: not shown)."""

    def __init__(
        self,
        source: Source,
        outdir: Path,
        doctreedir: Path,
        status: IO[str] | None = None,
        warning: IO[str] | None = None,
        tracebacks: IO[str] | None = None,
    ) -> None:
        self.source = source
        self.outdir = outdir
        self.doctreedir = doctreedir
        self._status = status
        self._warning = warning
        self._tracebacks = tracebacks
        self.app: Sphinx | None = None
        self._stack = contextlib.ExitStack()
        #: problems by docname (``None``: problems of the whole build)
        self.problems: dict[str | None, list[Problem]] = {}
        self.error: Problem | None = None
        self._collected: list[Problem] = []
        self._read: list[str] = []
        self._written: list[str] = []
        #: output files: path -> (size, mtime_ns, sha256) as last seen
        self._files: dict[str, tuple[int, int, str]] = {}
        self.builds = 0
        #: what the last build that got going depended on (kept while builds fail)
        self._depends: frozenset[Path] = frozenset()
        self._documents = DocumentFiles(
            Path(source.srcdir).resolve(),
            only=None if source.file is None else Path(source.file).resolve(),
        )

    # ---- the application ------------------------------------------------------------

    def _start(self) -> Sphinx:
        """A fresh application, inside its own docutils namespace (docutils keeps
        directives and roles in module globals, which a second application in the same
        process would otherwise find taken)."""
        self.close()
        stack = contextlib.ExitStack()
        try:
            stack.enter_context(patch_docutils(self.source.confdir or self.source.srcdir))
            stack.enter_context(docutils_namespace())
            app = Sphinx(
                self.source.srcdir,
                self.source.confdir,
                self.outdir,
                self.doctreedir,
                BUILDER,
                # a copy all through: Sphinx adds to the lists and dicts it is given
                # (extensions' source suffixes go into source_suffix)
                confoverrides=copy.deepcopy(self.source.confoverrides),
                status=self._status,
                warning=cast("IO[str]", _WarningTap(self._warning, self._collect)),
                freshenv=False,
                warningiserror=False,
                parallel=0,
            )
        except BaseException:
            stack.close()
            raise
        app.connect("env-before-read-docs", self._note_read)
        app.connect("html-page-context", self._note_written)
        self._stack = stack
        self.app = app
        return app

    def close(self) -> None:
        """Let the application go and give docutils its registries back."""
        self.app = None
        self._stack.close()

    @property
    def root_doc(self) -> str:
        """The document to open first (``root_doc``)."""
        if self.app is not None:
            return str(self.app.config.root_doc)
        return str(self.source.confoverrides.get("root_doc", "index"))

    def docnames(self) -> list[str]:
        """The documents of the project, as last read."""
        if self.app is None:
            return []
        return sorted(self.app.env.found_docs)

    def watched_files(self) -> set[Path]:
        """The files the last build read: documents, the files Sphinx records as their
        dependencies (included files, images, a deck's own style sheets and scripts,
        message catalogs), the files in the folders of ``html_static_path``,
        ``html_extra_path`` and ``templates_path``, and the ``.po`` files of
        ``locale_dirs`` (as absolute paths)."""
        if self.app is None:
            return set()
        env = self.app.env
        srcdir = Path(self.source.srcdir)
        found: set[Path] = set()
        confdir = Path(self.app.confdir)
        config = self.app.config
        for setting in ("html_static_path", "html_extra_path", "templates_path"):
            for entry in getattr(config, setting, None) or ():
                folder = (confdir / os.fspath(entry)).resolve()
                if folder.is_file():
                    found.add(folder)
                    continue
                for parent, _dirs, files in os.walk(folder):
                    found.update(Path(parent, name) for name in files)
        if config.language:
            for entry in config.locale_dirs or ():
                for parent, _dirs, files in os.walk((srcdir / os.fspath(entry)).resolve()):
                    found.update(Path(parent, name) for name in files if name.endswith(".po"))
        for names in env.dependencies.values():
            found.update((srcdir / os.fspath(name)).resolve() for name in names)
        for name in env.images:
            found.add((srcdir / os.fspath(name)).resolve())
        for docname in env.found_docs:
            found.add(Path(env.doc2path(docname)).resolve())
        return found

    @property
    def shows_tracebacks(self) -> bool:
        """Whether the traceback of a failed build is shown."""
        return self._tracebacks is not None

    @property
    def depends(self) -> frozenset[Path]:
        """:meth:`watched_files` as the last build that got going left them."""
        return self._depends

    def depends_on(self, path: Path) -> bool:
        """Whether the output depends on ``path`` (absolute): a document, or a file that
        would be one when created (Sphinx then finds it), a file the last build read
        (:meth:`watched_files`; the last one that got going, while builds fail),
        ``conf.py`` and ``docutils.conf``. Nothing else in the folder (a log file, say)
        calls for a build."""
        return (
            path in self.source.config_files
            or path in self._depends
            or self._documents.holds(path)
        )

    def config_changed(self, paths: Iterable[Path]) -> bool:
        """Whether ``paths`` holds a file read when the application starts: ``conf.py``,
        or a one-file talk whose type or settings of the whole build (front matter
        ``impress_theme``, ...) changed with it (then :attr:`source` is the new one)."""
        paths = set(paths)
        if any(path in self.source.config_files for path in paths):
            return True
        talk = self.source.file
        if talk is None or Path(talk).resolve() not in {Path(p).resolve() for p in paths}:
            return False
        try:
            source = read_source(Path(talk))
        except SourceError:
            return False  # gone or unreadable: the build says so
        if source == self.source:
            return False
        self.source = source
        return True

    # ---- a build --------------------------------------------------------------------

    def build(self, changed: Iterable[Path] = ()) -> BuildReport:
        """Build what changed (everything the first time, or after ``conf.py``
        changed or a build failed); never raises for a fault of the sources."""
        start = time.perf_counter()
        self._collected, self._read, self._written = [], [], []
        changed = set(changed)
        configured = self.config_changed(changed)  # first: it may take a new source
        fresh = self.app is None or configured
        error: Problem | None = None
        enabled = gc.isenabled()
        # a build makes many cyclic doctree objects that live until it ends: collecting
        # them in the middle of the next build would cost it more than the build itself
        gc.disable()
        try:
            app = self._start() if fresh else self.app
            assert app is not None
            self._documents = DocumentFiles.of(app, self._documents.only)
            if not fresh:
                # what the last page of the last build added for itself (its deck's
                # style sheets, the math style sheet) is no asset of every page
                restore_page_assets(app.builder)
            app.build()
            if not fresh and isinstance(app.builder, StandaloneHTMLBuilder):
                copy_changed_static_files(app.builder, changed)
        except Exception as exc:  # noqa: BLE001  (any fault is shown in the page)
            error = self._error_problem(exc)
            if self._tracebacks is not None:
                self._tracebacks.write("".join(traceback.format_exception(exc)))
            self.close()
        finally:
            if enabled:
                gc.enable()
        if self.app is not None:
            self._depends = frozenset(self.watched_files())
        self.builds += 1
        report = BuildReport(
            ok=error is None,
            read=sorted(set(self._read)),
            written=sorted(set(self._written)),
            changed=self._changed_files(),
            problems=list(self._collected),
            error=error,
            seconds=time.perf_counter() - start,
            fresh=fresh,
        )
        self._file_problems(report)
        return report

    def problems_of(self, docname: str | None) -> list[Problem]:
        """The problems a page of ``docname`` shows: the build's error, the problems
        of the whole build, then those of the document."""
        found = [self.error] if self.error is not None else []
        found += self.problems.get(None, [])
        if docname is not None:
            found += self.problems.get(docname, [])
        return found

    def collect_garbage(self) -> None:
        """Collect the cyclic garbage of the last build (call it when idle)."""
        gc.collect()

    # ---- bookkeeping ----------------------------------------------------------------

    def _note_read(self, app: Sphinx, env: Any, docnames: list[str]) -> None:
        self._read.extend(docnames)

    def _note_written(
        self, app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
    ) -> None:
        self._written.append(pagename)

    def _collect(self, text: str) -> None:
        text = _ESCAPES.sub("", text).rstrip("\n")
        match = _WARNING.match(text)
        if match is None:
            self._collected.append(Problem("WARNING", text, "", self._current_doc()))
            return
        location = match["location"] or ""
        path, line = location, ""
        if (found := _LINE.match(location)) is not None:
            path, line = found["path"], found["line"]
        docname = self._doc_of(path) if path else None
        if docname is None:
            docname = self._current_doc()
        shown = self._shown_path(path) + (f":{line}" if line else "")
        self._collected.append(Problem(match["level"], match["message"], shown, docname))

    def _doc_of(self, path: str) -> str | None:
        if self.app is None:
            return None
        try:
            return self.app.env.path2doc(path)
        except (ValueError, OSError):
            return None

    def _current_doc(self) -> str | None:
        if self.app is None:
            return None
        try:
            return self.app.env.docname or None
        except (AttributeError, KeyError):
            return None

    def _shown_path(self, path: str) -> str:
        """``path`` relative to the source folder when inside it."""
        try:
            return Path(path).resolve().relative_to(self.source.srcdir).as_posix()
        except (ValueError, OSError):
            return path

    def _error_problem(self, exc: BaseException) -> Problem:
        """The build's error as the page and the log show it: the error's own words on
        one line, where it happened when that is known (a ``conf.py`` error names it, a
        document's the document being read or written)."""
        docname = self._current_doc()
        # one line: Sphinx's messages may end with a line break (a conf.py error does)
        text = " ".join(line.strip() for line in str(exc).splitlines() if line.strip())
        if isinstance(exc, SphinxError):
            message = f"{exc.category}: {text}"
        else:
            message = f"{type(exc).__name__}: {text}"
        location = ""
        if docname and self.app is not None:
            location = self._shown_path(str(self.app.env.doc2path(docname)))
        elif self.app is None and self.source.confdir is not None:
            location = "conf.py"
        return Problem("ERROR", message, location, None)

    def _file_problems(self, report: BuildReport) -> None:
        """File the report's problems by document, replacing those of the documents
        this build read or wrote."""
        self.error = report.error
        if report.error is not None:
            # the documents' own problems stay as the last finished build left them
            self.problems[None] = list(report.problems)
            return
        touched = set(report.read) | set(report.written)
        if report.fresh:
            self.problems = {}
        self.problems[None] = []
        for docname in touched:
            self.problems[docname] = []
        for problem in report.problems:
            key = problem.docname if problem.docname in touched else None
            self.problems.setdefault(key, []).append(problem)

    def _changed_files(self) -> list[str]:
        """Files of the output folder whose content is new since the last look (the
        doctrees and other hidden folders left out)."""
        seen: dict[str, tuple[int, int, str]] = {}
        changed = []
        root = str(self.outdir)
        for folder, dirs, files in os.walk(root):
            dirs[:] = [name for name in dirs if not name.startswith(".")]
            for name in files:
                if name.startswith("."):
                    continue
                full = os.path.join(folder, name)
                relative = os.path.relpath(full, root).replace(os.sep, "/")
                try:
                    stat = os.stat(full)
                except OSError:
                    continue
                before = self._files.get(relative)
                if before is not None and before[:2] == (stat.st_size, stat.st_mtime_ns):
                    seen[relative] = before
                    continue
                digest = _digest(full)
                seen[relative] = (stat.st_size, stat.st_mtime_ns, digest)
                if before is None or before[2] != digest:
                    changed.append(relative)
        changed.extend(name for name in self._files if name not in seen)
        self._files = seen
        return sorted(changed)


def _digest(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return ""
