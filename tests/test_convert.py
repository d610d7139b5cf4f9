"""``sphinx-impress convert``: an mdpress or hovercraft deck written once as MyST builds
to the same steps (ids, classes) at the same positions as the deck built as it is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SHARED
from helpers import SEED, STEP_AXES, soup, steps

from sphinx_impress.cli import main

ROOTS = Path(__file__).resolve().parent / "roots"


def _steps(path: Path) -> list[tuple[str, list[str], tuple[float, ...]]]:
    return [
        (step.id, step.classes, tuple(step.numbers[axis] for axis in STEP_AXES))
        for step in steps(soup(path))
    ]


def convert_and_build(make_app, tmp_path, deck: Path, fmt: str, capsys):
    """Convert ``deck``, build it and the MyST result side by side in a copy of the
    deck's folder; return (original steps, converted steps, MyST text, stderr)."""
    srcdir = tmp_path / "src"
    shutil.copytree(deck.parent, srcdir, ignore=shutil.ignore_patterns("_build", "conf.py"))
    suffix = ".mdpress" if fmt == "mdpress" else ".hovercraft"
    original = srcdir / f"original{suffix}"
    shutil.copy(deck, original)
    converted = srcdir / "converted.md"
    assert main(["convert", "--from", fmt, str(original), "-o", str(converted)]) == 0
    stderr = capsys.readouterr().err
    (srcdir / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_impress"]\n'
        'root_doc = "original"\n'
        'suppress_warnings = ["toc.not_included"]\n'
        # the folder is copied for the files the deck shows; only the two decks are read
        'include_patterns = ["original.*", "converted.md"]\n'
    )
    app = make_app("impress", srcdir=srcdir)
    app.build()
    app.cleanup()
    return (
        _steps(app.outdir / "original.html"),
        _steps(app.outdir / "converted.html"),
        converted.read_text(encoding="utf-8"),
        stderr,
        app,
    )


@pytest.mark.parametrize(
    ("fmt", "deck"),
    [
        ("mdpress", "test-mdpress/index.mdpress"),
        ("mdpress", "test-mdpress/bad.mdpress"),
        ("mdpress", "test-mdpress/single.mdpress"),
        ("hovercraft", "test-hovercraft/index.hovercraft"),
        ("hovercraft", "test-hovercraft/titled.hovercraft"),
        ("hovercraft", "test-hovercraft/opening.hovercraft"),
        ("hovercraft", "test-hovercraft/bad.hovercraft"),
    ],
)
def test_same_steps_at_same_positions(make_app, tmp_path, capsys, fmt, deck):
    original, converted, _, _, app = convert_and_build(
        make_app, tmp_path, ROOTS / deck, fmt, capsys
    )
    assert original, "the deck has steps"
    assert converted == original
    converted_warnings = [w for w in app.warning.getvalue().splitlines() if "converted.md" in w]
    assert not [w for w in converted_warnings if "ERROR" in w], converted_warnings


def test_mdpress_attributes_spelled_out_and_kept(make_app, tmp_path, capsys):
    _, _converted, text, stderr, app = convert_and_build(
        make_app, tmp_path, ROOTS / "test-mdpress" / "index.mdpress", "mdpress", capsys
    )
    # every axis is written, as an absolute number
    first = text.split("```{step}", 1)[1].split("\n\n", 1)[0]
    assert first.splitlines()[1:] == [
        ":id: opening", ":class: wide dark", ":x: -2000", ":y: -1000", ":z: 0",
        ":scale: 3", ":rotate-x: 0", ":rotate-y: 0", ":rotate-z: 0",
    ]
    # what a step directive cannot take is kept as a comment, and reported
    assert "% mdpress attribute: style='background: #eee'" in text
    assert "style='background: #eee' has no step option" in stderr
    assert "title: A small mdpress deck" in text
    page = soup(app.outdir / "converted.html")
    assert page.title.get_text() == "A small mdpress deck"
    assert [a["href"] for a in page.select("#impress a")] == ["#code", "#opening"]


def test_hovercraft_notes_and_fields(make_app, tmp_path, capsys):
    _original, _converted, text, stderr, app = convert_and_build(
        make_app, tmp_path, ROOTS / "test-hovercraft" / "index.hovercraft", "hovercraft", capsys
    )
    assert ".. notes:: Say something here." in text
    assert "impress_transition_duration: '1500'" in text
    page = soup(app.outdir / "converted.html")
    assert [n.get_text(strip=True) for n in page.select(".notes")] == ["Say something here."]
    assert page.select_one("#impress")["data-transition-duration"] == "1500"
    # the text before the first slide is kept as a comment, not shown
    assert "% This text introduces the deck and is not a slide." in text
    assert "introduces the deck" not in page.select_one("#impress").get_text()
    # a reference to a section title in another slide still leads to its step
    assert [a["href"] for a in page.select("#step-10 a")] == ["#anchor"]
    assert stderr.splitlines() == [
        f"{tmp_path / 'src' / 'original.hovercraft'}: line 8: the text before the first "
        "slide (hovercraft does not show it) is kept as a comment"
    ]


def test_missing_input_is_one_line_and_status_1(tmp_path, capsys):
    status = main(["convert", "--from", "mdpress", str(tmp_path / "nope.md"), "-o",
                   str(tmp_path / "out.md")])
    assert status == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot read" in err


def test_output_never_overwrites_input(tmp_path, capsys):
    deck = tmp_path / "deck.md"
    deck.write_text("# One\n")
    assert main(["convert", "--from", "mdpress", str(deck), "-o", str(deck)]) == 1
    assert deck.read_text() == "# One\n"


def test_output_into_a_folder_not_made_yet(tmp_path, capsys):
    deck = tmp_path / "deck.mdpress"
    deck.write_text("# One\n\n---\n\n# Two\n")
    target = tmp_path / "new" / "folder" / "deck.md"
    assert main(["convert", "--from", "mdpress", str(deck), "-o", str(target)]) == 0
    assert target.read_text().count("{step}") == 2
    assert capsys.readouterr().out.startswith(f"wrote {target}: 2 slides")


def _shared_decks():
    decks = [pytest.param("mdpress", SEED, id="seed")]
    for path in sorted((SHARED / "corpus" / "mdpress-examples").glob("*.md")):
        decks.append(pytest.param("mdpress", path, id=f"mdpress-{path.stem}"))
    for path in sorted((SHARED / "corpus" / "hovercraft").glob("*/*.rst")):
        # include.rst: the converter reads the included deck in, as docutils does
        decks.append(pytest.param("hovercraft", path, id=f"hovercraft-{path.stem}"))
    return decks


#: Corpus decks with no slide as sphinx-impress reads them (hovercraft's test of a
#: style sheet in a folder: its ``---`` is too short for a transition).
NO_SLIDE = ("subdir-css.rst",)


@pytest.mark.parametrize(("fmt", "deck"), _shared_decks())
def test_shared_decks_convert_to_the_same_steps(make_app, tmp_path, capsys, fmt, deck):
    if not deck.is_file():
        pytest.skip(f"{deck} is absent (../shared is not beside the project)")
    if deck.name in NO_SLIDE:
        out = tmp_path / "out.md"
        assert main(["convert", "--from", fmt, str(deck), "-o", str(out)]) == 1
        assert "has no slide as a hovercraft deck" in capsys.readouterr().err
        assert not out.exists()
        return
    original, converted, _, _, app = convert_and_build(make_app, tmp_path, deck, fmt, capsys)
    assert converted == original
    warnings = app.warning.getvalue()
    assert "ERROR" not in warnings and "CRITICAL" not in warnings, warnings


def test_hovercraft_header_and_footer_become_comments(make_app, tmp_path, capsys):
    _, _, text, stderr, app = convert_and_build(
        make_app, tmp_path, ROOTS / "test-hovercraft" / "bad.hovercraft", "hovercraft", capsys
    )
    assert "% .. footer::" in text and "%    Shown on every slide by hovercraft." in text
    assert "line 25: hovercraft's footer (shown on every slide) is not carried over" in stderr
    page = soup(app.outdir / "converted.html")
    assert "Shown on every slide" not in page.get_text()


def _deck(tmp_path, name, text):
    folder = tmp_path / "deck"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


#: Values the build cannot use, as written, and what the build uses: (format, deck,
#: the lines of the notes, the steps' (x, y, scale)).
UNUSABLE = {
    "mdpress-infinite": (
        "mdpress",
        "= data-x='1e400' data-y='1e9' data-scale='0'\n\n# A\n\n---\n= data-x='r5'\n\nB\n",
        ["line 1: invalid step option 'data-x'", "line 1: invalid step option 'data-y'",
         "line 1: invalid step option 'data-scale'", "line 6: x: relative values"],
        [(0, 0, 1), (0, 0, 1)],
    ),
    "hovercraft-infinite": (
        "hovercraft",
        "----\n\n:data-y: 1e400\n\nA\n\n----\n\n:data-x: r9000000\n\nB\n\n----\n\nC\n",
        ["line 3: data-y: '1e400' cannot be used", "line 13: the x comes to 18000000"],
        [(0, 0, 1), (9000000, 0, 1), (10000000, 0, 1)],
    ),
}


@pytest.mark.parametrize("name", sorted(UNUSABLE))
def test_unusable_values_are_written_as_the_deck_builds(make_app, tmp_path, capsys, name):
    fmt, text, notes, expected = UNUSABLE[name]
    suffix = ".mdpress" if fmt == "mdpress" else ".hovercraft"
    deck = _deck(tmp_path, "deck" + suffix, text)
    original, converted, _, stderr, _ = convert_and_build(make_app, tmp_path, deck, fmt, capsys)
    assert converted == original
    numbers = [(n[0], n[1], n[3]) for _, _, n in converted]
    assert numbers == expected
    assert [line.split(": ", 1)[1].split(":", 1)[0] for line in stderr.splitlines()] == [
        note.split(":", 1)[0] for note in notes
    ]
    for line, note in zip(stderr.splitlines(), notes, strict=True):
        assert note in line


def test_input_that_is_not_utf8_is_one_line_and_status_1(tmp_path, capsys):
    deck = _deck(tmp_path, "bad.mdpress", "")
    deck.write_bytes(b"\xff\xfe bad\n")
    out = tmp_path / "out.md"
    assert main(["convert", "--from", "mdpress", str(deck), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not UTF-8 text" in err
    assert not out.exists()


def test_no_slide_in_the_format_says_so(tmp_path, capsys):
    deck = _deck(tmp_path, "talk.mdpress", "# One\n\nText\n\n---\n\n## Two\n")
    out = tmp_path / "out.md"
    assert main(["convert", "--from", "hovercraft", str(deck), "-o", str(out)]) == 1
    assert "has no slide as a hovercraft deck" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(
    ("fmt", "named"),
    # (an empty mdpress or markpress deck is one empty slide, in the build too)
    [("hovercraft", "a hovercraft deck"), ("impressjs", "an impress.js page"),
     ("revealjs", "a sphinx-revealjs deck")],
)
def test_no_slide_names_the_format_as_its_users_do(tmp_path, capsys, fmt, named):
    deck = _deck(tmp_path, "empty.txt", "")
    assert main(["convert", "--from", fmt, str(deck), "-o", str(tmp_path / "out.md")]) == 1
    assert f"has no slide as {named} (is --from right?)" in capsys.readouterr().err


def test_help_names_every_format(capsys):
    from sphinx_impress.cli.convert import CONVERTERS, FORMAT_NAMES

    assert set(FORMAT_NAMES) == set(CONVERTERS)
    with pytest.raises(SystemExit):
        main(["--help"])
    # argparse wraps lines after a hyphen too
    summary = " ".join(capsys.readouterr().out.split()).replace("- ", "-")
    line = summary.split("convert ", 1)[1].split(" pdf ", 1)[0]
    for name in CONVERTERS:
        shown = FORMAT_NAMES[name].split(" ", 1)[1].removesuffix(" deck").removesuffix(" page")
        assert shown in line, (shown, line)


def test_header_and_footer_of_a_titled_deck_become_comments(make_app, tmp_path, capsys):
    deck = _deck(
        tmp_path,
        "titled.hovercraft",
        "=====\nTitle\n=====\n\n----\n\nA\n\n.. header:: in slide\n\n.. footer:: foot\n"
        "\n----\n\nB\n",
    )
    original, converted, text, stderr, app = convert_and_build(
        make_app, tmp_path, deck, "hovercraft", capsys
    )
    assert converted == original
    assert "% .. header:: in slide" in text and "% .. footer:: foot" in text
    assert "line 9: hovercraft's header" in stderr and "line 11: hovercraft's footer" in stderr
    page = soup(app.outdir / "converted.html")
    assert page.title.get_text() == "Title"
    assert "in slide" not in page.get_text() and "foot" not in page.get_text()


def test_mdpress_lines_out_of_place_and_repeated_attributes(make_app, tmp_path, capsys):
    deck = _deck(
        tmp_path,
        "deck.mdpress",
        "= data-x='1000' data-x='2000' id='b' id='c'\n# One\nsome text\n---\n"
        "= data-y='5'\n\n---\n= data-x='3000'\n\nTwo\n",
    )
    original, converted, text, stderr, _ = convert_and_build(
        make_app, tmp_path, deck, "mdpress", capsys
    )
    assert converted == original
    assert [(step_id, numbers[0]) for step_id, _, numbers in converted] == [
        ("b", 1000), ("step-2", 3000)
    ]
    assert "= data-y='5'" in text
    notes = [line.split(": ", 1)[1] for line in stderr.splitlines()]
    assert [note.split(":")[0] for note in notes] == ["line 1", "line 1", "line 4", "line 5"]
    assert "'data-x' is given more than once; the first value ('1000') is used" in notes[0]
    assert "underlines the text above it as a heading" in notes[2]
    assert "written like an mdpress attribute line" in notes[3]
