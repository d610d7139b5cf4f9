"""Verify or update the vendored copy of impress.js.

sphinx-impress ships three files from the npm package ``impress.js``,
unmodified, in ``sphinx_impress/html/themes/impress/static/impressjs/``:
``impress.js``, ``impress.min.js`` and ``LICENSE``.  Next to them,
``PROVENANCE.json`` records the package version, the registry's integrity
string (``sha512-<base64>``) and sha1 ``shasum`` for the package tarball, and
the sha256 of every shipped file.

This script downloads the tarball with the ordinary npm client
(``npm pack impress.js@<version> --json``, in a temporary directory), checks
it against the recorded integrity, takes the three files out of it and then:

``--check`` (the default)
    compares them, and the provenance record that would describe them, with
    what is shipped.  Exits 0 if everything matches, 1 if anything differs.

``--write``
    replaces the shipped files and rewrites ``PROVENANCE.json``.  When
    ``--version`` names a version other than the recorded one, the expected
    integrity and shasum are first obtained with
    ``npm view impress.js@<version> dist.integrity dist.shasum --json``.

Usage, from the repository root (needs ``npm`` on PATH and registry access)::

    python tools/update_impressjs.py --check
    python tools/update_impressjs.py --write --version 1.1.0

Exit status: 0 success, 1 differences found by ``--check``, 2 error (npm
missing or failing, integrity mismatch, malformed PROVENANCE.json, ...).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "impress.js"

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_VENDOR_DIR = (
    REPO_ROOT / "sphinx_impress" / "html" / "themes" / "impress" / "static" / "impressjs"
)
PROVENANCE_NAME = "PROVENANCE.json"

# Shipped file name -> member path inside the npm tarball.
FILES = {
    "impress.js": "package/js/impress.js",
    "impress.min.js": "package/js/impress.min.js",
    "LICENSE": "package/LICENSE",
}


class UpdateError(Exception):
    """An expected failure, reported as a one-paragraph message (no traceback)."""


# --------------------------------------------------------------------------- npm


def run_npm(args: list[str], cwd: Path) -> str:
    """Run ``npm <args>`` in *cwd* and return its standard output."""
    command = ["npm", *args]
    shown = " ".join(command)
    try:
        proc = subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise UpdateError(
            "npm was not found on PATH. Install Node.js (which provides npm) "
            "and run this script again."
        ) from None
    except OSError as exc:
        raise UpdateError(f"could not run `{shown}`: {exc}") from None
    if proc.returncode != 0:
        raise UpdateError(
            f"`{shown}` failed with exit status {proc.returncode}: "
            f"{npm_error_summary(proc.stdout, proc.stderr)}"
        )
    return proc.stdout


def npm_error_summary(stdout: str, stderr: str) -> str:
    """Best short explanation of an npm failure (``--json`` puts it on stdout)."""
    try:
        error = json.loads(stdout)["error"]
        return f"{error['code']}: {error['summary']}"
    except (ValueError, KeyError, TypeError):
        pass
    lines = [line for line in stderr.splitlines() if line.strip()]
    return "\n".join(lines[-10:]) or "(npm printed no error message)"


def parse_json(text: str, what: str) -> object:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise UpdateError(f"could not parse the JSON output of {what}: {exc}") from None


def registry_digests(version: str, workdir: Path) -> tuple[str, str]:
    """Return the registry's (integrity, shasum) for ``impress.js@<version>``."""
    spec = f"{PACKAGE}@{version}"
    out = run_npm(["view", spec, "dist.integrity", "dist.shasum", "--json"], workdir)
    if not out.strip():
        raise UpdateError(f"npm knows no version matching {spec}")
    data = parse_json(out, f"`npm view {spec}`")
    if not isinstance(data, dict):
        raise UpdateError(
            f"`npm view {spec}` matched several versions; give one exact version"
        )
    integrity = data.get("dist.integrity")
    shasum = data.get("dist.shasum")
    if not isinstance(integrity, str) or not isinstance(shasum, str):
        raise UpdateError(f"`npm view {spec}` reported no dist.integrity/dist.shasum")
    return integrity, shasum


def pack(version: str, workdir: Path) -> Path:
    """Download the tarball of ``impress.js@<version>`` into *workdir*."""
    spec = f"{PACKAGE}@{version}"
    data = parse_json(run_npm(["pack", spec, "--json"], workdir), f"`npm pack {spec}`")
    try:
        (info,) = data
        filename, packed_version = info["filename"], info["version"]
    except (TypeError, ValueError, KeyError):
        raise UpdateError(f"unexpected output from `npm pack {spec} --json`") from None
    if packed_version != version:
        raise UpdateError(
            f"`npm pack {spec}` produced version {packed_version}; "
            "give one exact version"
        )
    tarball = workdir / Path(filename).name
    if not tarball.is_file():
        raise UpdateError(f"`npm pack {spec}` did not leave {tarball.name} behind")
    return tarball


# ---------------------------------------------------------------- integrity


def sri_sha512(data: bytes) -> str:
    """Subresource-integrity string (``sha512-<base64>``) for *data*."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode("ascii")


def check_integrity_form(integrity: str) -> None:
    prefix = "sha512-"
    if not integrity.startswith(prefix):
        raise UpdateError(f"integrity {integrity!r} is not of the form sha512-<base64>")
    try:
        digest = base64.b64decode(integrity[len(prefix):], validate=True)
    except ValueError:
        raise UpdateError(f"integrity {integrity!r} is not valid base64") from None
    if len(digest) != hashlib.sha512().digest_size:
        raise UpdateError(f"integrity {integrity!r} does not hold a sha512 digest")


def verify_tarball(data: bytes, integrity: str, shasum: str) -> None:
    check_integrity_form(integrity)
    actual = sri_sha512(data)
    if actual != integrity:
        raise UpdateError(
            f"the downloaded tarball does not match the expected integrity\n"
            f"  expected: {integrity}\n  actual:   {actual}"
        )
    actual_sha1 = hashlib.sha1(data).hexdigest()
    if actual_sha1 != shasum:
        raise UpdateError(
            f"the downloaded tarball does not match the expected shasum\n"
            f"  expected: {shasum}\n  actual:   {actual_sha1}"
        )


def extract(tarball: Path) -> dict[str, bytes]:
    """Read the vendored files out of *tarball* (nothing is written to disk)."""
    contents: dict[str, bytes] = {}
    try:
        with tarfile.open(tarball, "r:gz") as archive:
            for name, member_path in FILES.items():
                try:
                    member = archive.getmember(member_path)
                except KeyError:
                    raise UpdateError(f"{member_path} is missing from the tarball") from None
                handle = archive.extractfile(member) if member.isfile() else None
                if handle is None:
                    raise UpdateError(f"{member_path} in the tarball is not a regular file")
                with handle:
                    contents[name] = handle.read()
    except (tarfile.TarError, OSError) as exc:
        raise UpdateError(f"could not read {tarball.name}: {exc}") from None
    return contents


# --------------------------------------------------------------- provenance


def load_provenance(path: Path) -> dict | None:
    """The recorded provenance, or None if there is no PROVENANCE.json yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UpdateError(f"could not read {path}: {exc}") from None
    record = parse_json(text, str(path))
    if not isinstance(record, dict) or not all(
        isinstance(record.get(key), str) for key in ("version", "integrity", "shasum")
    ):
        raise UpdateError(
            f"{path} must be an object with string fields version, integrity and shasum"
        )
    return record


def render_provenance(
    version: str, integrity: str, shasum: str, contents: dict[str, bytes]
) -> str:
    record = {
        "package": PACKAGE,
        "version": version,
        "integrity": integrity,
        "shasum": shasum,
        "files": {
            name: {
                "from": FILES[name],
                "sha256": hashlib.sha256(contents[name]).hexdigest(),
            }
            for name in FILES
        },
    }
    return json.dumps(record, indent=2) + "\n"


# --------------------------------------------------------------------- main


def wanted_state(version: str | None, record: dict | None) -> dict[str, bytes]:
    """Download, verify and return every file the vendor directory should hold."""
    if version is None:
        if record is None:
            raise UpdateError(
                f"there is no {PROVENANCE_NAME} yet; pass --version to choose one"
            )
        version = record["version"]
    with tempfile.TemporaryDirectory(prefix="impressjs-") as tmp:
        workdir = Path(tmp)
        if record is not None and record["version"] == version:
            integrity, shasum = record["integrity"], record["shasum"]
        else:
            integrity, shasum = registry_digests(version, workdir)
        tarball = pack(version, workdir)
        verify_tarball(tarball.read_bytes(), integrity, shasum)
        contents = extract(tarball)
    provenance = render_provenance(version, integrity, shasum, contents)
    return {**contents, PROVENANCE_NAME: provenance.encode("utf-8")}


def check(vendor_dir: Path, wanted: dict[str, bytes]) -> int:
    problems = []
    for name, data in wanted.items():
        path = vendor_dir / name
        try:
            shipped = path.read_bytes()
        except FileNotFoundError:
            problems.append(f"{name}: missing")
            continue
        if shipped != data:
            problems.append(f"{name}: differs from what the npm package provides")
    if problems:
        print(f"impress.js vendor check FAILED in {vendor_dir}:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        print(
            "Run `python tools/update_impressjs.py --write` to restore the files.",
            file=sys.stderr,
        )
        return 1
    print(f"OK: {', '.join(wanted)} match the npm package {PACKAGE}.")
    return 0


def write(vendor_dir: Path, wanted: dict[str, bytes]) -> int:
    try:
        vendor_dir.mkdir(parents=True, exist_ok=True)
        for name, data in wanted.items():
            (vendor_dir / name).write_bytes(data)
    except OSError as exc:
        raise UpdateError(f"could not write to {vendor_dir}: {exc}") from None
    print(f"Wrote {', '.join(wanted)} to {vendor_dir}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Verify (default) or update the vendored impress.js files "
        "against the npm package."
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        dest="write",
        action="store_false",
        help="compare the shipped files with the npm package (default)",
    )
    mode.add_argument(
        "--write",
        dest="write",
        action="store_true",
        help="replace the shipped files and rewrite PROVENANCE.json",
    )
    parser.set_defaults(write=False)
    parser.add_argument(
        "--version",
        help="exact impress.js version to fetch (default: the one in PROVENANCE.json)",
    )
    parser.add_argument(
        "--vendor-dir",
        type=Path,
        default=DEFAULT_VENDOR_DIR,
        help="directory holding the vendored files (default: %(default)s)",
    )
    args = parser.parse_args(argv)

    try:
        record = load_provenance(args.vendor_dir / PROVENANCE_NAME)
        wanted = wanted_state(args.version, record)
        return write(args.vendor_dir, wanted) if args.write else check(
            args.vendor_dir, wanted
        )
    except UpdateError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
