"""Build the Qt translations: ``python -m app.ui.i18n_build [--update] [--fold]``.

Without arguments every language's catalogue — ``resources/translations/athena_<lang>.ts`` plus any feature
catalogue ``athena_<lang>.<feature>.ts`` beside it — is compiled into one ``athena_<lang>.qm`` with
pyside6-lrelease (``make translations``; ``make run`` and ``make test`` do it first). ``--update`` re-scans
``app/ui`` with pyside6-lupdate so new English source strings appear in ``athena_<lang>.ts`` for translating
(Qt Linguist or a text editor); existing translations, in either file, are kept. ``--fold`` moves the
feature catalogues' translations into the main catalogue and removes them.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
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


def catalogues(lang: str, ts_dir: Path = TS_DIR) -> list[Path]:
    """The main catalogue of ``lang`` first, then its feature catalogues in name order."""
    return [ts_dir / f"athena_{lang}.ts", *sorted(ts_dir.glob(f"athena_{lang}.*.ts"))]


def _finished(message: ET.Element) -> bool:
    translation = message.find("translation")
    return translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete")


def fold(lang: str, ts_dir: Path = TS_DIR, remove: bool = True) -> Path:
    """Merge every feature catalogue of ``lang`` into the main one (a finished translation wins)."""
    main_path, *features = catalogues(lang, ts_dir)
    tree = ET.parse(main_path)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for path in features:
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name")
            target = contexts.get(name)
            if target is None:
                target = ET.SubElement(root, "context")
                ET.SubElement(target, "name").text = name
                contexts[name] = target
            existing = {m.findtext("source"): m for m in target.iter("message")}
            for message in context.iter("message"):
                old = existing.get(message.findtext("source"))
                if old is None:
                    target.append(message)
                elif _finished(message) and not _finished(old):
                    target.remove(old)
                    target.append(message)
    ET.indent(tree, space="    ")
    with main_path.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    if remove:
        for path in features:
            path.unlink()
    return main_path


def update(ts_dir: Path = TS_DIR) -> None:
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py"))
    for lang in LANGUAGES:
        ts = ts_dir / f"athena_{lang}.ts"
        subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *sources,
                        "-ts", str(ts)], check=True)


def release() -> list[Path]:
    out = []
    for lang in LANGUAGES:
        qm = TS_DIR / f"athena_{lang}.qm"
        subprocess.run([_tool("pyside6-lrelease"), "-silent", *map(str, catalogues(lang)), "-qm", str(qm)],
                       check=True)
        out.append(qm)
    return out


def main(argv: list[str]) -> int:
    if "--fold" in argv:
        for lang in LANGUAGES:
            fold(lang)
    if "--update" in argv:
        update()
    for qm in release():
        print(qm.relative_to(RESOURCES.parent))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
