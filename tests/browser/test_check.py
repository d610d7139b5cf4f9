"""``sphinx-impress check``: every kind of problem found in Chromium and named with
the source file and line of its step; a clean deck passes; ``--strict`` and ``--json``
for CI; a path that cannot be checked is one line on standard error."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO_ROOT, build_site

pytestmark = pytest.mark.browser

ROOT = REPO_ROOT / "tests" / "roots" / "test-check"


@pytest.fixture(scope="module")
def check_site(tmp_path_factory: pytest.TempPathFactory, chromium_executable: str) -> Path:
    return build_site(tmp_path_factory, ROOT)


def _check(*args: str | Path, browser: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sphinx_impress.cli", "check", *map(str, args), "--browser", browser],
        capture_output=True, text=True, check=False, cwd=REPO_ROOT, timeout=300,
    )


def _directive_line(source: Path, step_id: str) -> int:
    """The line of the step directive that gives ``step_id`` (1-based)."""
    lines = source.read_text(encoding="utf-8").splitlines()
    index = lines.index(f":id: {step_id}")
    while not lines[index].startswith("```{step}"):
        index -= 1
    return index + 1


def test_every_kind_is_found_at_its_step(check_site: Path, chromium_executable: str) -> None:
    result = _check(check_site, "--json", browser=chromium_executable)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    pages = {page["page"]: page for page in report["pages"]}
    assert sorted(pages) == ["index.html", "presenting.html", "problems.html"]
    assert pages["index.html"]["problems"] == []
    assert pages["index.html"]["steps"] == 3
    problems = pages["problems.html"]
    assert problems["source"] == "problems.md"
    assert problems["steps"] == 9
    found = {(p["kind"], p["step"]) for p in problems["problems"]}
    assert found == {
        ("overflow", "crowded"),
        ("overflow", "cut"),
        ("overlap", "right"),
        ("image", "pictures"),
        ("page-error", None),
        ("outside-request", None),
    }
    assert len(problems["problems"]) == 7
    assert report["problems"] == 7 + len(pages["presenting.html"]["problems"])
    source = ROOT / "problems.md"
    for problem in problems["problems"]:
        assert problem["source"] == "problems.md"
        if problem["step"]:
            assert problem["line"] == _directive_line(source, problem["step"]), problem
    by_kind = {(p["kind"], p["step"]): p["message"] for p in problems["problems"]}
    assert "shrunk to 0.5" in by_kind["overflow", "crowded"]
    assert "not fitted" in by_kind["overflow", "cut"]
    assert "'left'" in by_kind["overlap", "right"]
    assert "boom on load" in by_kind["page-error", None]
    assert "https://example.invalid/far-away.png" in by_kind["outside-request", None]
    images = sorted(p["message"] for p in problems["problems"] if p["kind"] == "image")
    assert images[0].startswith("https://example.invalid/far-away.png did not load (refused")
    assert images[1].startswith("nowhere.png did not load")
    # the step placed over another with impress-may-overlap is not reported
    assert not any(p["step"] in ("meant", "meant-too") for p in problems["problems"])


def test_errors_while_presenting_are_found_at_their_step(
    check_site: Path, chromium_executable: str
) -> None:
    """A script that throws only when a step is entered or a substep shown: the check
    presses on as a presenter does, and goes to the step behind a ``stop``."""
    result = _check(check_site / "presenting.html", "--json", "--strict", browser=chromium_executable)
    assert result.returncode == 1, result.stderr
    (page,) = json.loads(result.stdout)["pages"]
    assert page["steps"] == 5
    found = sorted((p["kind"], p["step"], p["message"]) for p in page["problems"])
    assert found == [
        ("page-error", "after-the-stop",
         "boom behind the stop (while presenting: entering the step)"),
        ("page-error", "second",
         "boom on a substep of second (while presenting: showing a substep)"),
        ("page-error", "third",
         "boom on entering third (while presenting: entering the step)"),
    ]
    source = ROOT / "presenting.md"
    for problem in page["problems"]:
        assert problem["source"] == "presenting.md"
        assert problem["line"] == _directive_line(source, problem["step"]), problem


def test_text_report_and_strict(check_site: Path, chromium_executable: str) -> None:
    result = _check(check_site / "problems.html", "--strict", browser=chromium_executable)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    line = _directive_line(ROOT / "problems.md", "crowded")
    assert any(
        re.fullmatch(rf"problems\.md:{line}: step 'crowded': overflow: .*shrunk to 0\.5.*", text)
        for text in lines
    ), lines
    assert lines[-1] == (
        "problems.html: 9 steps, 7 problems (2 overflow, 1 overlap, 1 page-error, "
        "1 outside-request, 2 image), 0 fitted"
    )
    clean = _check(check_site / "index.html", "--strict", browser=chromium_executable)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert clean.stdout.splitlines() == ["index.html: 3 steps, 0 problems, 0 fitted"]


def test_fitted_steps_are_notes(tmp_path_factory: pytest.TempPathFactory, chromium_executable: str) -> None:
    site = build_site(tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-look", strict=False)
    result = _check(site, "--json", browser=chromium_executable)
    page = json.loads(result.stdout)["pages"][0]
    fitted = {note["step"]: note["message"] for note in page["notes"]}
    assert {"long-code", "sixty-paragraphs", "a-wide-table"} <= set(fitted)
    assert all(message.startswith("shrunk to 0.") for message in fitted.values())
    assert {(p["kind"], p["step"]) for p in page["problems"] if p["kind"] == "overflow"} == {
        ("overflow", "too-much-even-for-fitting"), ("overflow", "not-fitted"),
    }


def test_a_page_in_a_subfolder_loads_the_builds_static_files(
    tmp_path_factory: pytest.TempPathFactory, chromium_executable: str
) -> None:
    src = tmp_path_factory.mktemp("nested")
    (src / "conf.py").write_text('extensions = ["myst_parser", "sphinx_impress"]\n')
    (src / "index.md").write_text("# Home\n\n```{toctree}\ntalks/deck\n```\n")
    (src / "talks").mkdir()
    (src / "talks" / "deck.md").write_text("# Deck\n\nOne.\n\n## Two\n\nTwo.\n")
    site = build_site(tmp_path_factory, src)
    result = _check(site / "talks" / "deck.html", "--json", browser=chromium_executable)
    assert result.returncode == 0, result.stderr
    [page] = json.loads(result.stdout)["pages"]
    assert page["page"] == "talks/deck.html"
    assert page["problems"] == []


@pytest.mark.parametrize("where", ["missing", "empty-folder", "not-a-page"])
def test_what_cannot_be_checked_is_one_line(where: str, tmp_path: Path, chromium_executable: str) -> None:
    path = {
        "missing": tmp_path / "nowhere",
        "empty-folder": tmp_path,
        "not-a-page": tmp_path / "notes.txt",
    }[where]
    if where == "not-a-page":
        path.write_text("hello", encoding="utf-8")
    result = _check(path, browser=chromium_executable)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stderr.startswith("sphinx-impress check: ")
    assert "Traceback" not in result.stderr


def test_text_that_does_not_read_on_its_background_is_found(
    tmp_path_factory: pytest.TempPathFactory, chromium_executable: str
) -> None:
    """tests/roots/test-backgrounds: every colour syntax reads (index.html); a gradient
    from black to white, a grey picture and navy with dark text (problems.html) do not,
    measured from the pixels Chromium draws behind each text."""
    site = build_site(tmp_path_factory, REPO_ROOT / "tests" / "roots" / "test-backgrounds", strict=False)
    result = _check(site, "--json", browser=chromium_executable)
    assert result.returncode == 0, result.stderr
    pages = {page["page"]: page for page in json.loads(result.stdout)["pages"]}
    assert pages["index.html"]["problems"] == []
    found = {(p["kind"], p["step"], p["line"]) for p in pages["problems.html"]["problems"]}
    assert found == {
        ("contrast", "black-to-white", 11), ("contrast", "picture", 27),
        ("contrast", "picture-with-a-class", 35), ("contrast", "wrong-class", 44),
    }
    messages = {p["step"]: p["message"] for p in pages["problems.html"]["problems"]}
    ratio = re.search(r"contrast of ([\d.]+):1", messages["wrong-class"])
    assert ratio and float(ratio.group(1)) < 1.1  # dark text on navy
    assert "(at #000080)" in messages["wrong-class"]
    assert "(at #808080)" in messages["picture"]  # the grey picture
