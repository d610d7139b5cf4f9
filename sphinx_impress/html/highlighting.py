"""Code highlighting for presentation pages: Sphinx's Pygments bridge, with one HTML
formatter for each set of formatter options instead of a new one for every code block."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.highlighting import PygmentsBridge

if TYPE_CHECKING:
    from collections.abc import Hashable

    from pygments.formatter import Formatter


class ReusingPygmentsBridge(PygmentsBridge):
    """A :class:`sphinx.highlighting.PygmentsBridge` that keeps its formatters.

    Sphinx makes a new Pygments formatter for each code block, and a new
    ``HtmlFormatter`` builds the whole style sheet of its style (Pygments,
    ``HtmlFormatter.__init__``): at a thousand code blocks that was about a fifth of a
    presentation's write time. A formatter keeps nothing of the code it formatted
    (its only state is the options and caches of CSS classes by token type), so one
    formatter serves every block with the same options; the output is the same bytes.
    Options that cannot be a dictionary key (none of Sphinx's own) get a new formatter,
    as before.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._formatters: dict[Hashable, Formatter[str]] = {}

    @classmethod
    def like(cls, bridge: PygmentsBridge) -> ReusingPygmentsBridge:
        """A reusing bridge with the destination, style and formatter options of
        ``bridge`` (the one Sphinx's HTML builder chose from ``pygments_style`` and the
        theme)."""
        reusing = cls(bridge.dest, "none", bridge.latex_engine)
        reusing.formatter = bridge.formatter
        reusing.formatter_args = dict(bridge.formatter_args)
        return reusing

    def get_formatter(self, **kwargs: Any) -> Formatter[str]:
        """The formatter for these options (``linenos``, ``hl_lines``, ``linenostart``
        and the like, as Sphinx's translators pass them), made on first use."""
        try:
            key = _options_key(kwargs)
            hash(key)
        except TypeError:
            return super().get_formatter(**kwargs)
        formatter = self._formatters.get(key)
        if formatter is None:
            formatter = self._formatters[key] = super().get_formatter(**kwargs)
        return formatter


def _options_key(options: dict[str, Any]) -> Hashable:
    """A hashable key for formatter options; lists (``hl_lines``) become tuples."""
    return tuple(
        (name, tuple(value) if isinstance(value, list) else value)
        for name, value in sorted(options.items(), key=lambda item: item[0])
    )
