"""Integrity checks for the vendored impress.js files (no network needed).

The files in ``sphinx_impress/html/themes/impress/static/impressjs/`` must be the
unmodified files of the npm package impress.js 1.1.0, as recorded in
``PROVENANCE.json`` (written by ``tools/update_impressjs.py``).
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

VENDOR_DIR = (
    Path(__file__).resolve().parent.parent
    / "sphinx_impress"
    / "html"
    / "themes"
    / "impress"
    / "static"
    / "impressjs"
)
EXPECTED_FILES = {
    "impress.js": "package/js/impress.js",
    "impress.min.js": "package/js/impress.min.js",
    "LICENSE": "package/LICENSE",
}
# The opening of the MIT licence grant and its warranty disclaimer.
MIT_GRANT = (
    "Permission is hereby granted, free of charge, to any person obtaining a copy\n"
    "of this software and associated documentation files (the \"Software\"), to deal\n"
    "in the Software without restriction"
)
MIT_DISCLAIMER = 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND'


def load_provenance() -> dict:
    return json.loads((VENDOR_DIR / "PROVENANCE.json").read_text(encoding="utf-8"))


def test_provenance_describes_impress_js_1_1_0() -> None:
    record = load_provenance()
    assert record["package"] == "impress.js"
    assert record["version"] == "1.1.0"
    assert {name: entry["from"] for name, entry in record["files"].items()} == (
        EXPECTED_FILES
    )


def test_integrity_is_an_sri_sha512() -> None:
    record = load_provenance()
    integrity = record["integrity"]
    assert integrity.startswith("sha512-")
    digest = base64.b64decode(integrity[len("sha512-"):], validate=True)
    assert len(digest) == 64
    shasum = record["shasum"]
    assert len(shasum) == 40
    assert set(shasum) <= set("0123456789abcdef")


@pytest.mark.parametrize("name", sorted(EXPECTED_FILES))
def test_shipped_file_matches_recorded_sha256(name: str) -> None:
    recorded = load_provenance()["files"][name]["sha256"]
    actual = hashlib.sha256((VENDOR_DIR / name).read_bytes()).hexdigest()
    assert actual == recorded, f"{name} was modified; see tools/update_impressjs.py"


def test_impress_js_header_names_version_1_1_0() -> None:
    text = (VENDOR_DIR / "impress.js").read_text(encoding="utf-8")
    assert "*  version: 1.1.0\n" in text


def test_minified_build_keeps_licence_banner() -> None:
    # impress.min.js 1.1.0 carries no version string, only the licence banner.
    text = (VENDOR_DIR / "impress.min.js").read_text(encoding="utf-8")
    assert text.startswith("/*! Licensed under MIT License - ")


def test_license_is_mit() -> None:
    text = (VENDOR_DIR / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("The MIT License (MIT)\n")
    assert MIT_GRANT in text
    assert MIT_DISCLAIMER in text


# ---- the math font (issue 15) ---------------------------------------------------------

FONT_DIR = VENDOR_DIR.parents[3] / "static" / "fonts"


def test_math_font_matches_its_provenance() -> None:
    provenance = json.loads((FONT_DIR / "PROVENANCE.json").read_text(encoding="utf-8"))
    assert provenance["package"] == "@fontsource/stix-two-math"
    assert provenance["licence"] == "SIL Open Font License 1.1"
    assert set(provenance["files"]) == {"STIXTwoMath-Regular.woff2", "LICENSE-STIXTwoMath.txt"}
    for name, record in provenance["files"].items():
        data = (FONT_DIR / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == record["sha256"], name


def test_math_font_licence_is_the_ofl() -> None:
    text = (FONT_DIR / "LICENSE-STIXTwoMath.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "The STIX Fonts Project Authors" in text
    # a WOFF2 file (its MATH table was checked with fontTools when it was added)
    data = (FONT_DIR / "STIXTwoMath-Regular.woff2").read_bytes()
    assert data[:4] == b"wOF2"
