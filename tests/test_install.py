"""The package as a new user gets it: the command's version, the distribution's
metadata, and a wheel built from this checkout installed into a fresh virtual
environment, where it builds the example."""

from __future__ import annotations

import email.parser
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from helpers import soup, steps

import sphinx_impress
from sphinx_impress import cli

ROOT = Path(__file__).resolve().parents[1]


def test_version_option(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["--version"])
    assert stop.value.code == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"sphinx-impress {sphinx_impress.__version__} (Sphinx ")
    assert "\n" not in line


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """An sdist and a wheel made from this checkout by ``python -m build``."""
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: the build backend (flit_core) comes with the test extra's build
    # tool's environment; the sdist is made from a copy so that the checkout's own
    # build output (.venv, _build) is not read
    source = out / "source"
    shutil.copytree(
        ROOT, source,
        ignore=shutil.ignore_patterns(".venv*", "_build", ".git", "__pycache__", "*.egg-info"),
    )
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(source)],
        check=True, capture_output=True, text=True,
    )
    return out


def _metadata(wheel: Path):
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(archive.read(name).decode("utf-8"))


@pytest.mark.slow
def test_wheel_and_sdist_pass_twine_check(dist):
    pytest.importorskip("twine")
    files = sorted(dist.glob("sphinx_impress-*"))
    assert {f.suffix for f in files} == {".whl", ".gz"}, files
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, files)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 2, result.stdout


@pytest.mark.slow
def test_wheel_metadata(dist):
    wheel = next(dist.glob("*.whl"))
    meta = _metadata(wheel)
    assert meta["Name"] == "sphinx-impress"
    assert meta["Version"] == sphinx_impress.__version__
    summary = meta["Summary"]
    assert summary.endswith("."), summary  # whole, not cut mid-sentence
    assert "MyST" in summary
    assert "reStructuredText" in summary
    assert meta["License-Expression"] == "MIT"
    assert {"LICENSE"} <= {Path(f).name for f in meta.get_all("License-File")}
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL"))
    assert {"Documentation", "Source", "Issues"} <= set(urls)
    classifiers = meta.get_all("Classifier")
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "Framework :: Sphinx :: 8" in classifiers
    assert "Framework :: Sphinx :: 9" in classifiers
    requires = meta.get_all("Requires-Dist")
    assert any(r.startswith("sphinx") and ">=8" in r for r in requires)
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "sphinx_impress/html/themes/impress/static/impressjs/impress.min.js" in names
    assert any(n.startswith("sphinx_impress/html/static/fonts/") for n in names)
    # the interface text's catalogs (sphinx_impress.extension.translations)
    assert "sphinx_impress/locale/de/LC_MESSAGES/sphinx_impress.mo" in names


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv_and_builds_the_example(dist, tmp_path):
    """The README's install line for a built wheel, as on a fresh machine: the wheel and
    its dependencies from the package index, then the example built with ``-W``."""
    wheel = next(dist.glob("*.whl"))
    env = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env)
    python = env / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         f"{wheel}", "myst-parser"],
        capture_output=True, text=True,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    version = subprocess.run(
        [str(env / "bin" / "sphinx-impress"), "--version"], capture_output=True, text=True
    )
    assert version.stdout.startswith(f"sphinx-impress {sphinx_impress.__version__}")
    out = tmp_path / "out"
    built = subprocess.run(
        [str(env / "bin" / "sphinx-build"), "-W", "-q", "-b", "impress",
         str(ROOT / "example"), str(out), "-d", str(tmp_path / "doctrees")],
        capture_output=True, text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert len(steps(soup(out / "index.html"))) == 34
    # the installed copy is the one that ran, not this checkout
    where = subprocess.run(
        [str(python), "-c", "import sphinx_impress; print(sphinx_impress.__file__)"],
        capture_output=True, text=True, cwd=tmp_path,
    )
    assert str(env) in where.stdout


def test_every_lower_bound_is_the_oldest_release_ci_tests():
    """Each dependency's lower bound in pyproject.toml is the release that
    ``make test-oldest`` (CI) installs from .ci/oldest.txt, and the other way round."""
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bounds = {}
    for requirement in project["dependencies"]:
        name, low = re.match(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][^,\s]*)", requirement).groups()
        bounds[name.lower()] = low
    pins = {}
    for line in (ROOT / ".ci" / "oldest.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    assert pins == bounds
