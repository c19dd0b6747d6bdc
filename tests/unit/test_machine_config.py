"""The machine-wide IT settings (athena.toml): read at start, every key optional, a broken file never stops
Athena."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import app.reference as reference
from app import config
from app.reference import phone_numbers

EXAMPLE = Path(__file__).resolve().parents[2] / "packaging" / "athena.example.toml"


@pytest.fixture
def use(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[object]:
    def write(text: str) -> config.MachineConfig:
        path = tmp_path / "athena.toml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv("ATHENA_CONFIG", str(path))
        return config.reload()

    yield write
    monkeypatch.setenv("ATHENA_CONFIG", os.devnull)
    config.reload()


def test_no_file_means_the_defaults() -> None:
    cfg = config.machine_config()
    assert cfg.path is None and cfg.districts == () and cfg.backup_folder is None
    assert cfg.backup_keep_daily == 7 and cfg.backup_keep_weekly == 4 and cfg.backup_interval_hours == 24


def test_the_documented_example_file_is_read_whole(use, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("USERNAME", "anna")
    cfg = use(EXAMPLE.read_text(encoding="utf-8"))
    assert cfg.problems == ()
    assert cfg.districts == ("Hägersten-Liljeholmen", "Skärholmen", "Älvsjö")
    assert cfg.share.startswith("smb://")
    assert cfg.idle_lock_minutes == 5
    assert cfg.backup_folder is not None and "anna" in str(cfg.backup_folder)
    assert cfg.backup_keep_daily == 7 and cfg.backup_keep_weekly == 4
    assert reference.districts() == list(cfg.districts)
    ids = [p.id for p in phone_numbers.numbers_for("Älvsjö", "sv")]
    assert "social_emergency_alvsjo" in ids


def test_it_phone_numbers_replace_shipped_ones_with_the_same_id(use) -> None:  # type: ignore[no-untyped-def]
    shipped = phone_numbers.numbers_for("Skärholmen", "sv")
    first = shipped[0]
    use(f'[[phone_numbers]]\nid = "{first.id}"\nnumber = "08-123 45 67"\nlabel = {{sv = "Ny etikett"}}\n'
        'verified = 2026-11-30\n')
    numbers = phone_numbers.numbers_for("Skärholmen", "sv")
    assert numbers[0].number == "08-123 45 67" and numbers[0].label == "Ny etikett"
    assert len(numbers) == len(shipped)


def test_a_broken_file_is_reported_and_the_defaults_are_used(use) -> None:  # type: ignore[no-untyped-def]
    cfg = use("districts = [\n")
    assert cfg.problems and "athena.toml" in cfg.problems[0]
    assert cfg.districts == ()
    cfg = use('idle_lock_minutes = 500\ndistricts = "Älvsjö"\n[backup]\nkeep_daily = "many"\n')
    assert cfg.idle_lock_minutes is None and cfg.districts == () and cfg.backup_keep_daily == 7
    assert len(cfg.problems) == 3
