"""The ``impress.offline`` warning: a presentation that loads anything from the
network, raw HTML included, says so; links, local files and other builders do not."""

from __future__ import annotations

from helpers import build_files, located_warnings, soup, warning_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_impress.html.offline import css_urls, is_remote, loaded_urls


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
    # each at the first element that loads from the network
    assert sorted(warnings) == ["index.md:3", "talk.rst:4"]
    warnings = {where.split(":")[0]: message for where, message in warnings.items()}
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


def test_loaded_urls_reads_svg_css_and_old_attributes():
    html = (
        '<svg><image href="https://svg.example/a.png"/><use xlink:href="//svg.example/b.svg#i"/>'
        '<a href="https://svg.example/followed">x</a></svg>'
        '<style>/* url(https://comment.example/no.png) */ @import "https://import.example/s.css";'
        "p { background: image-set('https://set.example/1x.png' 1x, \"two.png\" 2x) }</style>"
        '<table background="https://table.example/t.png"><tr><td>x</td></tr></table>'
        '<iframe srcdoc="&lt;img src=&quot;https://srcdoc.example/i.png&quot;&gt;"></iframe>'
        '<img src="https://first.example/1.png" src="https://second.example/2.png">'
    )
    assert loaded_urls(html) == [
        "https://svg.example/a.png", "//svg.example/b.svg#i", "https://import.example/s.css",
        "https://set.example/1x.png", "two.png", "https://table.example/t.png",
        "https://srcdoc.example/i.png", "https://first.example/1.png",
    ]


def test_links_that_load_nothing_are_not_listed():
    html = "".join(
        f'<link rel="{rel}" href="https://{rel}.example/">'
        for rel in ("canonical", "alternate", "preconnect", "dns-prefetch", "stylesheet", "shortcut icon")
    )
    assert loaded_urls(html) == ["https://stylesheet.example/", "https://shortcut icon.example/"]


def test_file_urls_are_not_the_network():
    assert not is_remote("file:///etc/x.png")
    assert not is_remote("FILE://host/share/x.png")
    assert is_remote("ftp://files.example/x.png")


def test_remote_assets_of_extensions_are_kept_and_named(build):
    app = build("remote-assets")
    page = soup(app.outdir / "index.html")
    assert "//cdn.example/ext.css" in [link["href"] for link in page.find_all("link")]
    assert "https://cdn.example/ext.js" in [script["src"] for script in page.find_all("script")]
    assert _offline(app) == {
        "index.md": "this presentation loads //cdn.example/ext.css, https://cdn.example/ext.js "
        "from the network, so it will not present offline [impress.offline]"
    }


def test_inert_content_and_odd_markup_load_nothing():
    html = (
        '<template><img src="https://template.example/no.png"></template>'
        '<noscript><img src="https://noscript.example/no.png"></noscript>'
        '<textarea><img src="https://textarea.example/no.png"></textarea>'
        '<title><img src="https://title.example/no.png"></title>'
        '<!-- <img src="https://comment.example/no.png"> -->'
        '<image href="https://not-svg.example/no.png">'
        "<![foo[ odd ]]>"
        '<img alt="a > b" src="https://quoted.example/yes.png">'
        '<style>@import"https://import.example/yes.css";</style>'
    )
    assert loaded_urls(html) == [
        "https://quoted.example/yes.png", "https://import.example/yes.css"
    ]


# ---- read as a browser reads it (issue 15) -----------------------------------------


def test_base_href_makes_every_relative_address_remote():
    html = '<base href="https://host.example/"><img src="local.png">'
    assert loaded_urls(html) == ["https://host.example/", "local.png"]
    assert loaded_urls('<base href="_static/">') == ["_static/"]  # local: not remote
    assert not is_remote("_static/")


def test_css_escapes_are_decoded():
    html = (
        r'<div style="background: u\72l(\68ttps://escaped.example/a.png)"></div>'
        r"<style>p { background: url('\000068ttps://escaped.example/b.png') }"
        r'@\69mport "https://escaped.example/c.css";</style>'
    )
    assert [url for url in loaded_urls(html) if is_remote(url)] == [
        "https://escaped.example/a.png", "https://escaped.example/b.png",
        "https://escaped.example/c.css",
    ]


def test_character_references_and_control_characters_in_schemes():
    html = (
        '<img src="h&Tab;ttps://tab.example/a.png">'
        '<img src="&#x68;ttps://ref.example/b.png">'
        '<img src="\x01 https:\\\\backslash.example/c.png">'
        '<img src="https:no-slashes.example/d.png">'
    )
    urls = loaded_urls(html)
    assert len(urls) == 4
    assert all(is_remote(url) for url in urls), urls
    for url in ("ht\ttps://x.example/", "ht\ntps://x.example/", "\\\\host/share/x.png",
                "/\\host/x.png", "HTTPS:x.example", " \x00//x.example"):
        assert is_remote(url), repr(url)
    for url in ("c:/pictures/x.png", "file:\\\\host\\x.png", "data:,https://x", "about:blank"):
        assert not is_remote(url), repr(url)


def test_deep_and_odd_markup_is_read_without_recursion():
    html = "<div>" * 5000 + '<img src="https://deep.example/x.png">' + "</div>" * 5000
    assert loaded_urls(html) == ["https://deep.example/x.png"]
    css = "(" * 100_000 + "url(https://deep.example/y.png)"
    assert css_urls(css) == ["https://deep.example/y.png"]
    assert loaded_urls("<![CDATA[ <img src=https://cdata.example/x> ]]>") == []
    assert loaded_urls("") == []
    assert loaded_urls("<") == []


def test_remote_loads_of_static_style_sheets_are_located_at_their_line(make_app, tmp_path):
    """A style sheet of html_static_path that the presentations load (impress_css_files)
    and the local sheets it imports: what they load from the network is warned at the
    sheet's file and line; an image beside them is no warning."""
    from helpers import build_files

    static = tmp_path / "src" / "_static"
    static.mkdir(parents=True)
    (static / "look.css").write_text(
        '@import "fonts.css";\nh1 { background: url(paper.png); }\n', encoding="utf-8"
    )
    (static / "fonts.css").write_text(
        "/* web fonts */\n@import url(https://fonts.example.org/css?family=A);\n",
        encoding="utf-8",
    )
    (static / "paper.png").write_bytes(b"")
    app = build_files(
        make_app,
        tmp_path / "src",
        {"index.md": "# Talk\n\n## One\n\ntext\n"},
        'extensions = ["myst_parser", "sphinx_impress"]\nhtml_static_path = ["_static"]\n'
        'impress_css_files = ["look.css"]\n',
    )
    offline = [line for line in warning_lines(app) if "impress.offline" in line]
    assert len(offline) == 1
    assert offline[0].startswith(f"{static / 'fonts.css'}:2: WARNING: fonts.css, a style sheet")
    assert "https://fonts.example.org/css?family=A" in offline[0] and "(index)" in offline[0]


def test_warnings_about_included_slides_point_into_the_included_file(make_app, tmp_path):
    from helpers import build_files

    files = {
        "index.rst": "Deck\n====\n\nIntro.\n\n.. include:: parts/part.txt\n",
        "parts/part.txt": (
            "Green\n-----\n\n.. step::\n   :background: #009900\n\nText on green.\n\n"
            "More\n----\n\n.. image:: https://example.org/x.png\n"
        ),
    }
    (tmp_path / "src" / "parts").mkdir(parents=True)
    app = build_files(make_app, tmp_path / "src", files, 'extensions = ["sphinx_impress"]\n')
    part = app.srcdir / "parts" / "part.txt"
    located = sorted(
        (line.split(": WARNING")[0], line.rsplit("[", 1)[-1]) for line in warning_lines(app)
    )
    # docutils 0.20 gives the image directive the line after its own
    assert located in (
        [(f"{part}:12", "impress.offline]"), (f"{part}:4", "impress.contrast]")],
        [(f"{part}:13", "impress.offline]"), (f"{part}:4", "impress.contrast]")],
    )


def test_raw_html_files_that_cannot_be_loaded_are_located(make_app, tmp_path):
    srcdir = tmp_path / "project"
    (srcdir / "img").mkdir(parents=True)
    (srcdir / "img" / "here.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "talks").mkdir()
    (tmp_path / "talks" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    app = build_files(make_app, srcdir, {"index.md": (
        "# Deck\n\n"
        '<img src="img/here.png"> <img src="_static/theme.png">\n\n'
        "## Two\n\n"
        '<img src="../talks/logo.png">\n\n'
        '<span style="background: url(gone.png)">x</span>\n'
    )}, 'extensions = ["myst_parser", "sphinx_impress"]\n')
    assert (app.outdir / "img" / "here.png").is_file()
    found = [(line, kind, text.split(", which ")[1][:22])
             for line, kind, text in located_warnings(app, "index.md")]
    assert found == [
        (7, "impress.file", "is outside the source "),
        (9, "impress.file", "does not exist (named "),
    ]
    assert len(warning_lines(app)) == 2
