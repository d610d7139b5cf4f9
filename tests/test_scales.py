"""Any positive finite scale is kept exactly as written (tests/roots/test-scales)."""

from __future__ import annotations

from helpers import build_files, by_id, located_warnings, soup, warning_lines


def test_small_and_large_scales_are_written_as_given(build):
    app = build("scales")
    assert warning_lines(app) == []
    found = by_id(soup(app.outdir / "index.html"))
    assert {step_id: step.attributes["data-scale"] for step_id, step in found.items()} == {
        "whole": "1", "detail": "0.0001", "next-detail": "0.0001", "around": "10000",
    }
    assert found["next-detail"].numbers["data-x"] == 600.375


def test_scales_chromium_cannot_draw_are_kept_with_a_warning(make_app, tmp_path):
    deck = (
        "# Deck\n\n## Tiny\n\n```{step}\n:x: 0\n:scale: 1e-9\n```\n\n"
        "## Far\n\n```{step}\n:x: 50000\n:scale: 0.0001\n```\n\n"
        "## Zero\n\n```{step}\n:x: 9000\n:scale: 0\n```\n"
    )
    app = build_files(
        make_app, tmp_path / "src", {"index.md": deck},
        'extensions = ["myst_parser", "sphinx_impress"]\n',
    )
    found = located_warnings(app, "index.md")
    assert [(line, kind) for line, kind, _ in found] == [
        (5, "impress.position"), (12, "impress.position"), (19, "impress.value")
    ]
    assert "outside 0.0000001 to 1000000000000000000" in found[0][2]
    assert "of its own px" in found[1][2]
    steps = by_id(soup(app.outdir / "index.html"))
    assert [steps[name].attributes["data-scale"] for name in ("tiny", "far", "zero")] == [
        "0.000000001", "0.0001", "1"
    ]
