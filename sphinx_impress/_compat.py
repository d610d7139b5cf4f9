"""Every use of private Sphinx and myst-parser API, in one place.

sphinx-impress declares Sphinx 8.0 through 9.x and myst-parser 5.2 on; each function
says which versions need what. Nothing else in the package touches a private name of
Sphinx, myst-parser or docutils.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Set
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from sphinx.util.parallel import SerialTasks

B = TypeVar("B", bound="Builder")

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.registry import SphinxComponentRegistry


def extension_registry(builder: Builder) -> SphinxComponentRegistry:
    """The registry of extensions' style sheets and scripts: the builder's
    ``_registry`` from Sphinx 9 on (``Builder.app`` is deprecated there),
    ``builder.app.registry`` in Sphinx 8."""
    registry = getattr(builder, "_registry", None)
    return registry if registry is not None else builder.app.registry


#: The HTML builder's lists of page assets (Sphinx 8.0 to 9.x): the style sheets and
#: scripts of every page, and, since Sphinx 7.2, copies kept for pages that add their
#: own (``_orig_*``).
_ASSET_LISTS = ("_css_files", "_js_files", "_orig_css_files", "_orig_js_files")


def clear_assets(builder: StandaloneHTMLBuilder, kind: str) -> None:
    """Empty the builder's list of style sheets (``kind="css"``) or scripts
    (``"js"``), before ``init_css_files``/``init_js_files`` add their own."""
    setattr(builder, f"_{kind}_files", [])


def page_assets(builder: StandaloneHTMLBuilder) -> list[Any]:
    """Every style sheet and script the builder's pages load (Sphinx's
    ``_CascadingStyleSheet`` and ``_JavaScript``, each with a ``filename``)."""
    return [*builder._css_files, *builder._js_files]


def drop_assets(builder: StandaloneHTMLBuilder, filenames: Set[str]) -> None:
    """Leave the assets named ``filenames`` out of every page the builder writes."""
    for name in _ASSET_LISTS:
        assets = getattr(builder, name, None)
        if assets is not None:
            assets[:] = [a for a in assets if str(getattr(a, "filename", "")) not in filenames]


def restore_page_assets(builder: Builder) -> None:
    """Put back the style sheets and scripts of every page as the HTML builder backed
    them up when it prepared to write (``_orig_css_files``, ``_orig_js_files``, Sphinx
    7.2 to 9.x). Sphinx puts them back before each page, so that what an
    ``html-page-context`` handler adds or removes is for that page alone, but not after
    the last page: a second build of the same application (the live preview) would
    back up that page's own assets as every page's."""
    for kind in ("css", "js"):
        backup = getattr(builder, f"_orig_{kind}_files", None)
        assets = getattr(builder, f"_{kind}_files", None)
        if backup is not None and assets is not None:
            assets[:] = backup


@contextmanager
def second_builder(app: Sphinx, make: Callable[[], B]) -> Iterator[B]:
    """Make a builder of another kind for the application's environment (``make()``)
    and let it write for the time of the ``with`` block as if it were the build's own.

    Post-transforms ask the environment which builder writes (``env._builder_cls``,
    Sphinx 9) or the application (``app.builder``, Sphinx 8); reference resolution
    and extensions' page hooks (``sphinx.ext.mathjax``, ``sphinx.ext.todo``) ask the
    application in every version. A builder adds its name and format to ``app.tags``
    when it is made (``Builder.__init__``, Sphinx 8.0 to 9.x). All of these are
    restored afterwards, also after an error.
    """
    tags = set(app.tags)
    builder = make()
    env = builder.env
    previous_builder = app.builder
    previous_class = env.__dict__.get("_builder_cls")
    app.builder = builder
    if previous_class is not None:
        env._builder_cls = type(builder)
    try:
        yield builder
    finally:
        app.builder = previous_builder
        if previous_class is not None:
            env._builder_cls = previous_class
        for tag in set(app.tags) - tags:
            app.tags.remove(tag)


def write_phase(builder: Builder, docnames: Set[str], parallel_ok: bool) -> None:
    """Run the writing phase of a build with ``builder`` for ``docnames``, as
    ``Builder.build`` runs it after reading (Sphinx 8.0 to 9.x): prepare the pages,
    copy the assets, write the pages (in parallel where ``parallel_ok``), finish, and
    wait for the finishing tasks."""
    builder.parallel_ok = parallel_ok
    builder.finish_tasks = SerialTasks()
    builder.prepare_writing(docnames)
    builder.copy_assets()
    write_documents(builder, docnames)
    builder.finish()
    builder.finish_tasks.join()


def write_documents(builder: Builder, docnames: Set[str]) -> None:
    """Write the pages of ``docnames`` with ``builder`` (in parallel where the builder
    may): ``Builder.write_documents`` from Sphinx 8.1 on; Sphinx 8.0 has only the
    private serial and parallel writers."""
    if hasattr(builder, "write_documents"):
        builder.write_documents(docnames)
    elif builder.parallel_ok:
        builder._write_parallel(sorted(docnames), nproc=builder.app.parallel - 1)
    else:
        builder._write_serial(sorted(docnames))


def open_every_heading_level(renderer: Any, document: nodes.document) -> None:
    """Let a myst-parser renderer (4.x, ``_level_to_section``) open a slide with a
    heading of any level: each level counts as opened at the top of the document, so
    that a slide's first ``##`` is not reported as a jump from the document's level."""
    renderer._level_to_section = dict.fromkeys(range(7), document)


def application(builder: Builder) -> Sphinx:
    """The application a builder belongs to: ``builder._app`` from Sphinx 9 on (where
    ``Builder.app`` is deprecated), ``builder.app`` in Sphinx 8."""
    app = getattr(builder, "_app", None)
    return app if app is not None else builder.app


def registered_directive(name: str) -> type | None:
    """The directive class registered under ``name`` with docutils, where Sphinx's
    ``app.add_directive`` puts it (``docutils.parsers.rst.directives._directives``, the
    table ``sphinx.util.docutils.is_directive_registered`` reads); ``None`` if none."""
    from docutils.parsers.rst import directives

    found = directives._directives.get(name)  # type: ignore[attr-defined]
    return found if isinstance(found, type) else None


def builder_name(env: Any) -> str:
    """The name of the builder the environment is read for, from a transform: the
    builder class the environment keeps (``env._builder_cls``, Sphinx 9, where
    ``SphinxTransform.app`` is deprecated), else the application's builder (Sphinx 8)."""
    cls = env.__dict__.get("_builder_cls")
    if cls is not None:
        return str(cls.name)
    return str(env.app.builder.name)


def page_path(builder: Any, docname: str) -> str:
    """The file an HTML builder writes the page of ``docname`` to:
    ``get_output_path`` from Sphinx 8.1 on (``get_outfilename`` before, deprecated)."""
    method = getattr(builder, "get_output_path", None) or builder.get_outfilename
    return str(method(docname))


def clear_default_domain(env: Any) -> None:
    """Read the rest of the current document with no default domain, so that a
    directive or role without a domain prefix is the standard domain's or docutils'
    own (``.. class::`` is docutils' class directive, not ``py:class``): Sphinx 8.2 on
    keeps it in ``env.current_document.default_domain``, 8.0 and 8.1 in
    ``env.temp_data["default_domain"]``. Sphinx sets it again for the next document."""
    current = getattr(env, "current_document", None)
    if current is not None and hasattr(current, "default_domain"):
        current.default_domain = None
    else:
        env.temp_data["default_domain"] = None


def forget_file_checksums() -> None:
    """Forget the checksums (``?v=``) Sphinx keeps of the files it links, by path, for
    the life of the process (``sphinx.builders.html._assets._file_checksum_inner``, a
    cached function since Sphinx 7.1): a second build in the same process (the live
    preview of ``sphinx-impress present``, tests) would link a style sheet it has
    written again with the checksum of its earlier content."""
    from sphinx.builders.html import _assets

    inner = getattr(_assets, "_file_checksum_inner", None)
    if inner is not None and hasattr(inner, "cache_clear"):
        inner.cache_clear()


def refresh_static_files(builder: StandaloneHTMLBuilder) -> None:
    """Let Sphinx 8.0 copy changed static files again: its HTML builders copy a file of
    ``html_static_path`` only when the output has none (``copyfile`` without ``force``,
    which warns ``misc.copy_overwrite`` and keeps the old one; Sphinx 8.1 overwrites).
    Before it copies, every output copy that differs from its source is removed."""
    import filecmp

    import sphinx

    if sphinx.version_info >= (8, 1):
        return
    static = Path(builder.outdir, "_static")
    for entry in builder.config.html_static_path:
        folder = Path(builder.confdir, entry)
        sources = [folder] if folder.is_file() else sorted(folder.rglob("*"))
        for source in sources:
            if not source.is_file():
                continue
            name = source.name if source == folder else source.relative_to(folder)
            target = static / name
            if target.is_file() and not filecmp.cmp(source, target, shallow=False):
                target.unlink()


def copy_changed_static_files(builder: StandaloneHTMLBuilder, changed: Iterable[Path]) -> None:
    """Copy the static files again after a build in which only they changed: Sphinx
    8.0 ends a build with no document to write before it copies any asset (8.1 copies
    them in every build). For the live preview, which rebuilds on every change."""
    import sphinx

    if sphinx.version_info >= (8, 1):
        return
    folders = [Path(builder.confdir, entry).resolve() for entry in builder.config.html_static_path]
    if any(folder in path.resolve().parents or folder == path.resolve() for path in changed
           for folder in folders):
        refresh_static_files(builder)
        builder.copy_assets()


def forget_message_catalog(catalog: str) -> None:
    """Drop the translations Sphinx keeps for the message catalog ``catalog``
    (``sphinx.locale.translators``, all Sphinx 8.0 to 9.x), so that
    ``app.add_message_catalog`` loads it for this application's ``language``: Sphinx
    merges a catalog into the one loaded before, so a second build in one process (the
    live preview, tests) would keep the first build's language."""
    from sphinx import locale

    locale.translators.pop(("general", catalog), None)
