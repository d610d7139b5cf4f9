"""The package's structure: the rings import only inward, no module imports itself
through others (imports inside functions included), and the pure core imports neither
Sphinx nor docutils."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "sphinx_impress"

#: What each ring may import from the package, besides itself; a module outside the
#: rings (``__init__``, ``errors``, ``_compat``, ``_docs``) may import any of them.
ALLOWED = {
    "core": {"errors"},
    "extension": {"core", "errors", "_compat"},
    "html": {"core", "extension", "errors", "_compat"},
    "importers": {"core", "extension", "errors", "_compat"},
    "serve": {"core", "extension", "html", "importers", "errors", "_compat"},
    "cli": {"core", "extension", "html", "importers", "serve", "errors", "_compat"},
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The package's modules that ``path`` imports, wherever the import statement
    stands (module level, inside functions, under ``TYPE_CHECKING``)."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            names = [f"{target}.{alias.name}" for alias in node.names]
            found.update(name for name in [target, *names] if name in MODULES)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
    found.discard(module)
    return found


MODULES = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
GRAPH = {name: _imports(path) for name, path in MODULES.items()}


def _ring(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _typing_only(importer: str, imported: str) -> bool:
    """Whether every import of ``imported`` in ``importer`` is under ``TYPE_CHECKING``."""
    tree = ast.parse(MODULES[importer].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            for inner in ast.walk(node):
                setattr(inner, "_typing", True)  # noqa: B010
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom | ast.Import) and not getattr(node, "_typing", False):
            text = ast.unparse(node)
            if imported.rpartition(".")[2] in text:
                return False
    return True


def test_the_graph_is_read():
    assert "sphinx_impress.core.values" in MODULES
    assert "sphinx_impress.core.values" in GRAPH["sphinx_impress.core.geometry"]
    assert "sphinx_impress.extension.config" in GRAPH["sphinx_impress.extension.domain"]


def test_no_import_cycles():
    """Every module's imports, followed through the package, never come back to it."""
    cycles = []
    for start in sorted(GRAPH):
        stack, seen = [(start, (start,))], set()
        while stack:
            module, path = stack.pop()
            for imported in sorted(GRAPH[module]):
                if imported == start:
                    cycles.append(" -> ".join([*path, start]))
                elif imported not in seen:
                    seen.add(imported)
                    stack.append((imported, (*path, imported)))
    assert cycles == []


@pytest.mark.parametrize("ring", sorted(ALLOWED))
def test_rings_import_only_inward(ring):
    wrong = [
        f"{module} imports {imported}"
        for module, imports in sorted(GRAPH.items())
        if _ring(module) == ring
        for imported in sorted(imports)
        if _ring(imported) not in {ring, *ALLOWED[ring]} and _ring(imported)
        if not _typing_only(module, imported)
    ]
    assert wrong == []


def test_core_imports_neither_sphinx_nor_docutils():
    code = (
        "import sys, pkgutil, importlib, sphinx_impress.core as core; "
        "[importlib.import_module(f'sphinx_impress.core.{m.name}') "
        " for m in pkgutil.iter_modules(core.__path__)]; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_public_api_is_importable():
    import sphinx_impress

    for name in sphinx_impress.__all__:
        assert getattr(sphinx_impress, name) is not None, name
    with pytest.raises(AttributeError):
        sphinx_impress.no_such_name  # noqa: B018


#: Libraries whose private names only ``_compat`` may use.
LIBRARIES = ("sphinx", "docutils", "myst_parser")


def _private_uses(path: Path) -> list[str]:
    """Where ``path`` reaches a private name: ``x._name`` on anything but ``self``,
    ``cls`` or a class of the module, ``getattr(x, "_name")``, or a ``_name`` imported from a library (a
    translation function ``_`` / ``__`` of ``sphinx.locale`` is public)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    # the module's own classes may reach their own private names
    own = {"self", "cls"} | {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    found = []
    for node in ast.walk(tree):
        name = None
        if isinstance(node, ast.Attribute) and not (
            isinstance(node.value, ast.Name) and node.value.id in own
        ):
            name = node.attr
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr") and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)
        ):
            name = node.args[1].value
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in LIBRARIES:
            private = [
                alias.name for alias in node.names
                if alias.name.startswith("_") and alias.name.strip("_")
            ]
            modules = [part for part in (node.module or "").split(".") if part.startswith("_")]
            name = (private + modules or [None])[0]
        if name and name.startswith("_") and not name.startswith("__") and name.strip("_"):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {name}")
    return found


def test_private_library_names_are_used_in_compat_alone():
    """Sphinx's, docutils' and MyST's private API changes without notice: every use
    is in ``_compat.py``, with the versions it was checked against."""
    uses = [
        use
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "_compat.py"
        for use in _private_uses(path)
    ]
    assert uses == []
    assert _private_uses(PACKAGE / "_compat.py"), "the check finds nothing at all"
