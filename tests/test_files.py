"""The one way the package writes a file of the output."""

from __future__ import annotations

from sphinx_impress.html.files import write_if_changed


def test_a_file_is_written_only_when_its_bytes_change(tmp_path):
    target = tmp_path / "_static" / "deck" / "a.css"
    assert write_if_changed(target, b"a {}") is True
    first = target.stat().st_mtime_ns
    assert write_if_changed(target, b"a {}") is False
    assert target.stat().st_mtime_ns == first
    assert write_if_changed(target, b"b {}") is True
    assert target.read_bytes() == b"b {}"
    assert sorted(path.name for path in target.parent.iterdir()) == ["a.css"]  # no .tmp left
