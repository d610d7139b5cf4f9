"""The ``impress.offline`` warning: a presentation that loads anything from the
network, raw HTML included, says so; links, local files and other builders do not."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from helpers import warning_lines
from sphinx_impress.offline import is_remote, loaded_urls


def _offline(app) -> dict[str, str]:
    """The impress.offline warnings by page: docname -> message."""
    found = {}
    for line in warning_lines(app):
        if line.endswith("[impress.offline]"):
            where, _, message = line.partition(": WARNING: ")
            found[where.rsplit("/", 1)[-1]] = message
    return found


def test_raw_html_that_loads_from_the_network_is_named(build):
    app = build("offline")
    warnings = _offline(app)
    assert sorted(warnings) == ["index.md", "talk.rst"]
    assert warnings["index.md"].startswith(
        "this presentation loads https://remote.example/backdrop.jpg, "
        "https://remote.example/photo.jpg from the network"
    )
    assert "//cdn.example/poster.jpg" in warnings["talk.rst"]
    assert "https://fonts.example/font.css" in warnings["talk.rst"]
    for page in warnings.values():
        # links are followed, not loaded; local files and raw LaTeX are not loaded
        for absent in ("example.org", "local.png", "clip.mp4", "latex.example"):
            assert absent not in page


def test_html_builder_does_not_warn(build):
    app = build("offline", "html")
    assert _offline(app) == {}


def test_loaded_urls_lists_what_a_browser_loads():
    html = (
        '<img src="https://a.example/x.png" srcset="https://a.example/1.png 1x, b.png 2x">'
        '<a href="https://not.loaded/">x</a><link rel="icon" href="//cdn.example/i.ico">'
        "<div style=\"background: url('https://bg.example/i.jpg')\"></div>"
        "<style>body { background: url(https://style.example/y.png) }</style>"
        '<video poster=https://poster.example/v.jpg><source src="local.mp4"></video>'
        '<object data="https://object.example/o.svg"></object>'
        '<script src="https://script.example/s.js"></script><img src="">'
    )
    assert loaded_urls(html) == [
        "https://a.example/x.png", "https://a.example/1.png", "b.png",
        "//cdn.example/i.ico", "https://bg.example/i.jpg", "https://style.example/y.png",
        "https://poster.example/v.jpg", "local.mp4", "https://object.example/o.svg",
        "https://script.example/s.js",
    ]
    assert [url for url in loaded_urls(html) if is_remote(url)] == [
        url for url in loaded_urls(html) if url not in ("b.png", "local.mp4")
    ]


def test_is_remote():
    for url in ("https://x.example/a", "http://x", "//cdn.example/a.js", " https://x "):
        assert is_remote(url), url
    for url in ("a.png", "_static/a.js", "data:image/png;base64,AAAA", "mailto:a@b", "#top"):
        assert not is_remote(url), url


@settings(max_examples=200, derandomize=True)
@given(st.text())
def test_loaded_urls_never_raises(text):
    assert all(isinstance(url, str) for url in loaded_urls(text))
