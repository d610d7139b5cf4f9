"""Presenting: the controls' containers and settings, skip/stop/goto/autoplay on steps,
slide numbers, print set-up, the warnings of notes and substeps in the wrong place, and
the ``sphinx-impress pdf`` command's messages (the PDF itself: tests/browser)."""

from __future__ import annotations

import sys

import pytest
from helpers import by_id, located_warnings, root, soup, warning_lines

from sphinx_impress import cli

#: The containers impress.js's toolbar, progress and help plugins look for.
CONTROLS = ["#impress-toolbar", "div.impress-progressbar", "div.impress-progress", "#impress-help"]


@pytest.fixture
def presenting(build):
    return build("presenting")


def test_warnings_are_located_and_typed(presenting):
    found = [(line, kind) for line, kind, _text in located_warnings(presenting, "index.md")]
    assert found == [
        (38, "impress.reference"),  # goto: nowhere
        (38, "impress.value"),  # autoplay: -1
        (51, "impress.presenter"),  # notes inside notes
        (55, "impress.presenter"),  # substep inside notes
        (60, "impress.presenter"),  # substep :items: without a list
    ]
    assert not any("Traceback" in line for line in warning_lines(presenting))


def test_skip_stop_goto_autoplay_become_impress_attributes(presenting):
    found = by_id(soup(presenting.outdir / "index.html"))

    def extra(step_id):
        element = found[step_id].element
        keep = {"data-goto", "data-goto-next", "data-goto-prev", "data-autoplay",
                "data-transition-duration"}
        return element["class"], {k: v for k, v in element.attrs.items() if k in keep}

    assert extra("skipped") == (["step", "skip"], {})
    assert extra("stop-here") == (["step", "stop"], {"data-goto-prev": "jump"})
    assert extra("jump") == (
        ["step"],
        {"data-goto": "stop-here", "data-autoplay": "2", "data-transition-duration": "300"},
    )
    # the unknown goto and the negative autoplay are left out, the valid goto-next kept
    assert extra("bad-targets") == (["step"], {"data-goto-next": "jump"})
    assert "Neither the unknown goto" in found["bad-targets"].element.get_text()


def test_slide_numbers_count_steps_but_not_the_overview(presenting):
    found = soup(presenting.outdir / "index.html")
    numbers = {
        step.get("id"): [n.get_text(strip=True) for n in step.select(".impress-slide-number")]
        for step in found.select("#impress .step")
    }
    assert numbers == {
        "presenting": ["1"], "skipped": ["2"], "stop-here": ["3"], "jump": ["4"],
        "bad-targets": ["5"], "nested-notes": ["6"], "overview": [],
    }


def test_nested_notes_and_substeps_keep_their_content(presenting):
    step = by_id(soup(presenting.outdir / "index.html"))["nested-notes"].element
    notes = step.select(".notes")
    assert len(notes) == 1
    assert [p.get_text() for p in notes[0].find_all("p")] == [
        "Outer notes.", "Inner notes.", "A substep inside notes."
    ]
    assert notes[0].select(".substep") == []
    # :items: without a list: the content is revealed as one substep
    substeps = step.select(".substep")
    assert [s.get_text(strip=True) for s in substeps] == ["No list here, revealed whole."]


def test_controls_come_before_the_scripts(presenting):
    page = soup(presenting.outdir / "index.html")
    body = [child for child in page.body.children if getattr(child, "name", None)]
    names = [
        "#impress" if child.get("id") == "impress" else
        f"#{child['id']}" if child.get("id") else
        f"div.{child['class'][0]}" if child.name == "div" else child.name
        for child in body
    ]
    start = names.index("#impress")
    # the element after the scripts: the page is drawn once it is read
    assert names[start + 1:] == [*CONTROLS, *["script"] * 5, "#sphinx-impress-end"]
    assert [s["src"].split("?")[0] for s in page.body.find_all("script")] == [
        "_static/impressjs/impress.min.js", "_static/documentation_options.js",
        "_static/impress-nearby.js", "_static/impress-fit.js", "_static/impress-init.js",
    ]
    # the presenter console is loaded when it is opened
    assert (presenting.outdir / "_static" / "impress-console.js").is_file()
    expect = page.head.find("link", rel="expect")
    assert expect["href"] == "#sphinx-impress-end" and expect["blocking"] == "render"
    # first in the body: the link to the linear view
    assert body[0].name == "a" and body[0]["href"] == "?linear"


def test_front_matter_switches_the_controls_off(presenting):
    page = soup(presenting.outdir / "quiet.html")
    assert [page.select(selector) for selector in CONTROLS] == [[], [], [], []]
    assert page.select(".impress-slide-number") == []
    attributes = root(page).attrs
    assert attributes["data-autoplay"] == "5"
    assert attributes["data-sphinx-impress-keys-off"] == "blackout fullscreen"
    index_root = root(soup(presenting.outdir / "index.html")).attrs
    assert "data-autoplay" not in index_root
    assert "data-sphinx-impress-keys-off" not in index_root


def test_conf_values_switch_the_controls_off(build):
    app = build(
        "presenting",
        confoverrides={"impress_toolbar": False, "impress_help": False, "impress_blackout": False},
    )
    page = soup(app.outdir / "index.html")
    assert [bool(page.select(selector)) for selector in CONTROLS] == [False, True, True, False]
    assert root(page)["data-sphinx-impress-keys-off"] == "blackout"


def test_print_set_up(presenting):
    page = soup(presenting.outdir / "index.html")
    printing = [
        link for link in page.find_all("link", rel="stylesheet")
        if link["href"].startswith("_static/impress-print.css")
    ]
    assert [link.get("media") for link in printing] == ["print"]
    # the printed page size is in the page's generated style sheet, not in the page
    assert page.head.style is None
    generated = page.find("link", rel="stylesheet", href="index.impress.css")
    assert generated is not None
    rules = (presenting.outdir / "index.impress.css").read_text(encoding="utf-8")
    assert "@page { size: 1000px 700px; margin: 0; }" in rules
    assert (presenting.outdir / "_static" / "impress-print.css").is_file()


def test_bad_control_settings_warn_and_fall_back(build):
    app = build("presenting", confoverrides={"impress_autoplay": -3, "impress_toolbar": 3})
    lines = warning_lines(app)
    assert any("impress_autoplay" in line and "[impress.config]" in line for line in lines)
    assert any("impress_toolbar" in line and "[impress.config]" in line for line in lines)
    page = soup(app.outdir / "index.html")
    assert page.select("#impress-toolbar") and "data-autoplay" not in root(page).attrs


def test_other_builders_keep_every_word(build):
    app = build("presenting", "text")
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    for words in ("Inner notes.", "A substep inside notes.", "No list here, revealed whole.",
                  "This slide is passed over when presenting."):
        assert words in text


# ---- sphinx-impress pdf: messages, not tracebacks ------------------------------------


def test_pdf_of_a_missing_file(tmp_path, capsys):
    status = cli.main(["pdf", str(tmp_path / "nope.html"), str(tmp_path / "out.pdf")])
    assert status == 1
    assert capsys.readouterr().err.strip() == f"sphinx-impress pdf: {tmp_path / 'nope.html'}: no such file"


def test_pdf_of_a_folder_names_the_page_to_give(tmp_path, capsys):
    status = cli.main(["pdf", str(tmp_path), str(tmp_path / "out.pdf")])
    assert status == 1
    assert capsys.readouterr().err.strip() == (
        f"sphinx-impress pdf: {tmp_path} is a folder; name the presentation page to print"
    )
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    assert cli.main(["pdf", str(tmp_path), str(tmp_path / "out.pdf")]) == 1
    assert capsys.readouterr().err.strip().endswith(
        f"name the presentation page to print such as {tmp_path / 'index.html'}"
    )


@pytest.mark.parametrize(
    ("pages", "overviews", "said"),
    [(34, 0, "34 pages, one per step"), (1, 0, "1 page, one per step"),
     (13, 1, "13 pages, one per step (the overview step left out)"),
     (6, 2, "6 pages, one per step (2 overview steps left out)")],
)
def test_pdf_summary_says_what_was_left_out(pages, overviews, said):
    from sphinx_impress.cli.pdf import Printed

    assert Printed(pages, overviews).summary("talk.pdf") == f"wrote talk.pdf: {said}"


def test_pdf_with_a_browser_that_is_not_there(presenting, tmp_path, capsys):
    page = presenting.outdir / "index.html"
    status = cli.main(["pdf", str(page), str(tmp_path / "out.pdf"), "--browser", str(tmp_path / "no-chromium")])
    assert status == 1
    err = capsys.readouterr().err
    assert err.startswith("sphinx-impress pdf: browser ") and "is not an executable file" in err
    assert not (tmp_path / "out.pdf").exists()


def test_pdf_without_playwright(presenting, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # import fails
    status = cli.main(["pdf", str(presenting.outdir / "index.html"), str(tmp_path / "out.pdf")])
    assert status == 1
    assert 'pip install "sphinx-impress[pdf]"' in capsys.readouterr().err


def test_pdf_usage_error_is_argparse_status_2(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["pdf"])
    assert stop.value.code == 2


def test_rest_spelling(presenting):
    page = soup(presenting.outdir / "rest.html")
    found = by_id(page)
    assert found["written-in-rest"].element["class"] == ["step", "stop"]
    assert found["written-in-rest"].element["data-goto"] == "last"
    assert found["last"].element["class"] == ["step"]  # skip: no
    assert found["last"].element["data-goto-prev"] == "written-in-rest"
    assert [p.get_text() for p in found["last"].element.select(".notes p")] == ["Spoken.", "Also spoken."]
    assert page.select("div.impress-progress") == [] and page.select("#impress-toolbar")
    assert [(line, kind) for line, kind, _ in located_warnings(presenting, "rest.rst")] == [
        (24, "impress.presenter")
    ]


def test_empty_hollow_and_self_referring(presenting):
    assert [(line, kind) for line, kind, _ in located_warnings(presenting, "odd.md")] == [
        (3, "impress.reference"),  # goto naming the step itself
        (7, "impress.presenter"),  # empty substep
        (10, "impress.presenter"),  # empty notes
        (13, "impress.presenter"),  # a substep holding only substeps
    ]
    step = by_id(soup(presenting.outdir / "odd.html"))["odd-substeps"].element
    assert "data-goto" not in step.attrs
    assert step.select(".notes") == []
    assert [s.get_text(strip=True) for s in step.select(".substep")] == ["First inner.", "Second inner."]
    assert "Text after." in step.get_text()


def test_mouse_timeout_setting_marks_the_html_element(presenting):
    assert soup(presenting.outdir / "index.html").html["class"] == [
        "impress-theme-light", "impress-hide-idle-mouse"
    ]
    assert soup(presenting.outdir / "quiet.html").html["class"] == ["impress-theme-light"]
