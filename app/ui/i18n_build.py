"""Build the Qt translations: ``python -m app.ui.i18n_build [--update]``.

Without arguments every ``resources/translations/athena_*.ts`` is compiled to ``.qm`` with pyside6-lrelease
(``make translations``; ``make run`` and ``make test`` do it first). ``--update`` re-scans ``app/ui`` with
pyside6-lupdate so new English source strings appear in the ``.ts`` files for translating (Qt Linguist or a
text editor); existing translations are kept.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from app.i18n import RESOURCES

TS_DIR = RESOURCES / "translations"
UI_DIR = Path(__file__).resolve().parent
LANGUAGES = ["sv"]


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (make venv)")
    return found


def update(ts_dir: Path = TS_DIR) -> None:
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    for lang in LANGUAGES:
        ts = ts_dir / f"athena_{lang}.ts"
        subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources,
                        "-ts", str(ts)], check=True)


def release() -> list[Path]:
    out = []
    for ts in sorted(TS_DIR.glob("athena_*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def main(argv: list[str]) -> int:
    if "--update" in argv:
        update()
    for qm in release():
        print(qm.relative_to(RESOURCES.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
