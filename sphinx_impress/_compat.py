"""Every use of private Sphinx and myst-parser API, in one place.

sphinx-impress declares Sphinx 8.0 through 9.x and myst-parser 4.x; each function says
which versions need what. Nothing else in the package touches a private name of
either project.
"""

from __future__ import annotations

from collections.abc import Iterator, Set
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment
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


@contextmanager
def builder_in_charge(app: Sphinx, builder: Builder) -> Iterator[None]:
    """Let ``builder`` write with the application's environment for the time of the
    ``with`` block, as if it were the build's own builder.

    Post-transforms ask the environment which builder writes (``env._builder_cls``,
    Sphinx 9) or the application (``app.builder``, Sphinx 8); reference resolution
    and extensions' page hooks (``sphinx.ext.mathjax``, ``sphinx.ext.todo``) ask the
    application in every version. Both are restored afterwards, also after an error.
    """
    env = builder.env
    previous_builder = app.builder
    previous_class = env.__dict__.get("_builder_cls")
    app.builder = builder
    if previous_class is not None:
        env._builder_cls = type(builder)
    try:
        yield
    finally:
        app.builder = previous_builder
        if previous_class is not None:
            env._builder_cls = previous_class


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


def builder_name(env: BuildEnvironment) -> str:
    """The name of the builder of the running build, while documents are read: the
    environment's ``_builder_cls`` (set by ``Sphinx._post_init_env`` since Sphinx
    7.3), else ``env.app.builder`` (before it)."""
    builder_cls = env.__dict__.get("_builder_cls")
    if builder_cls is not None:
        return str(builder_cls.name)
    return str(env.app.builder.name)
