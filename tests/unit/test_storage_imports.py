"""The storage modules import each other in one direction only, at the top of the file (no cycle hidden by
imports inside functions): layout ← keyfile ← backups ← migrate/recovery ← vault."""

from __future__ import annotations

import ast
from pathlib import Path

import app.storage

STORAGE = Path(app.storage.__file__).parent
ORDER = ["private_files", "layout", "engine", "hlc", "keyfile", "backups", "changefeed", "migrate", "recovery", "vault"]


def _storage_imports(tree: ast.AST) -> list[tuple[str, bool]]:
    found: list[tuple[str, bool]] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "app.storage":
                names = [a.name for a in node.names]
            elif node.module.startswith("app.storage."):
                names = [node.module.split(".")[2]]
        elif isinstance(node, ast.Import):
            names = [a.name.split(".")[2] for a in node.names if a.name.startswith("app.storage.")]
        top = node in getattr(tree, "body", [])
        found.extend((n, top) for n in names)
    return found


def test_storage_modules_import_downwards_only_and_at_top_level() -> None:
    for name in ORDER:
        tree = ast.parse((STORAGE / f"{name}.py").read_text(encoding="utf-8"))
        for target, top in _storage_imports(tree):
            if target not in ORDER:
                continue
            assert top, f"{name}.py imports {target} inside a function"
            assert ORDER.index(target) < ORDER.index(name), f"{name}.py imports {target} (upwards)"
