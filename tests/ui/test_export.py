from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from app.services.clients import export
from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.storage import vault
from app.ui.main_window import export_to_file

from .conftest import PASSPHRASE


def test_streamed_export_is_the_services_json_and_private(tmp_path: Path) -> None:
    store = vault.create(tmp_path / "diary", PASSPHRASE)
    try:
        diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 3, 2))
        demo.generate(diary, clients=3, seed=2)
        out = export_to_file(diary, tmp_path / "all.json", None)
        data = json.loads(out.read_text(encoding="utf-8"))
        assert len(data["clients"]) == 3
        assert out.read_text(encoding="utf-8") == export.to_json(data)
        assert out.stat().st_mode & 0o777 == 0o600
        assert not (tmp_path / "all.json.part").exists()
    finally:
        store.close()


def test_export_over_an_old_world_readable_file_is_private(tmp_path: Path) -> None:
    store = vault.create(tmp_path / "diary", PASSPHRASE)
    try:
        diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 3, 2))
        demo.generate(diary, clients=1, seed=3)
        target = tmp_path / "all.json"
        target.write_text("{}", encoding="utf-8")
        target.chmod(0o644)
        export_to_file(diary, target, None)
        assert target.stat().st_mode & 0o777 == 0o600
        assert len(json.loads(target.read_text(encoding="utf-8"))["clients"]) == 1
        assert sorted(p.name for p in tmp_path.iterdir()) == ["all.json", "diary"]
    finally:
        store.close()
