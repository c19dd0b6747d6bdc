"""The machine-wide settings the municipality's IT sets once per laptop (``athena.toml``), read at start.

Where: ``ATHENA_CONFIG`` (a file path) if set, else ``C:\\ProgramData\\Athena\\athena.toml`` on Windows and
``/etc/xdg/Athena/athena.toml`` or ``/etc/athena/athena.toml`` on Linux. Every key is optional; see
``docs/deployment.md`` for the file with every key. The file holds no client data and no secrets. A broken
file never stops Athena: its problem is reported (``MachineConfig.problems``) and the defaults are used.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

ENV = "ATHENA_CONFIG"
FILE_NAME = "athena.toml"


@dataclass(frozen=True)
class ConfigPhone:
    id: str
    number: str
    label: dict[str, str]
    neutral: dict[str, str]
    verified: str
    district: str = ""  # empty: national (printed for every client)


@dataclass(frozen=True)
class MachineConfig:
    path: Path | None = None
    districts: tuple[str, ...] = ()  # empty: the list shipped in resources/reference/districts.json
    share: str = ""  # the district share's location, offered when a diary has none of its own
    idle_lock_minutes: int | None = None  # the default; a worker may choose a shorter time, never longer
    phone_numbers: tuple[ConfigPhone, ...] = ()  # replace shipped numbers with the same id, add the others
    backup_folder: Path | None = None  # a second backup folder (e.g. a home drive); ~ and %VARS% expanded
    backup_interval_hours: float = 24.0  # a backup at unlock when the newest one is older than this
    backup_keep_daily: int = 7
    backup_keep_weekly: int = 4
    problems: tuple[str, ...] = field(default=())


def candidate_paths() -> list[Path]:
    if os.environ.get(ENV):
        return [Path(os.environ[ENV])]
    if sys.platform == "win32":
        return [Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Athena" / FILE_NAME]
    return [Path("/etc/xdg/Athena") / FILE_NAME, Path("/etc/athena") / FILE_NAME]


@cache
def machine_config() -> MachineConfig:
    for path in candidate_paths():
        if path.is_file():
            return load(path)
    return MachineConfig()


def reload() -> MachineConfig:
    machine_config.cache_clear()
    return machine_config()


def load(path: Path) -> MachineConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        return MachineConfig(path=path, problems=(f"{path}: cannot be read ({type(exc).__name__})",))
    except tomllib.TOMLDecodeError as exc:
        return MachineConfig(path=path, problems=(f"{path}: {exc}",))
    problems: list[str] = []
    kw: dict[str, Any] = {}

    def get(section: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
        value = section.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, kind):
            problems.append(f"{path}: {where}{key} has the wrong type; ignored")
            return None
        return value

    districts = get(data, "districts", list, "")
    if districts is not None:
        if all(isinstance(d, str) and d.strip() for d in districts):
            kw["districts"] = tuple(d.strip() for d in districts)
        else:
            problems.append(f"{path}: districts must be a list of names; ignored")
    share = get(data, "share", str, "")
    if share:
        kw["share"] = share.strip()
    idle = get(data, "idle_lock_minutes", int, "")
    if idle is not None:
        if 1 <= idle <= 120:
            kw["idle_lock_minutes"] = idle
        else:
            problems.append(f"{path}: idle_lock_minutes must be 1–120; ignored")
    phones: list[ConfigPhone] = []
    for i, row in enumerate(data.get("phone_numbers", []) if isinstance(data.get("phone_numbers"), list) else []):
        try:
            phones.append(ConfigPhone(id=str(row["id"]), number=str(row["number"]),
                                      label=_texts(row["label"]), neutral=_texts(row.get("neutral", {})),
                                      verified=str(row["verified"]), district=str(row.get("district", ""))))
        except (KeyError, TypeError, ValueError):
            problems.append(f"{path}: phone_numbers[{i}] needs id, number, label and verified; ignored")
    kw["phone_numbers"] = tuple(phones)
    backup = data.get("backup", {})
    if isinstance(backup, dict):
        folder = get(backup, "folder", str, "backup.")
        if folder:
            kw["backup_folder"] = expand_path(folder)
        hours = get(backup, "interval_hours", (int, float), "backup.")
        if hours is not None and hours > 0:
            kw["backup_interval_hours"] = float(hours)
        for key, attr in (("keep_daily", "backup_keep_daily"), ("keep_weekly", "backup_keep_weekly")):
            n = get(backup, key, int, "backup.")
            if n is not None and 0 <= n <= 365:
                kw[attr] = n
    return MachineConfig(path=path, problems=tuple(problems), **kw)


def expand_path(text: str) -> Path:
    """``~``, ``$VAR`` and ``%VAR%`` (on every platform, so one file serves Windows and Linux)."""
    text = re.sub(r"%([A-Za-z_][A-Za-z0-9_]*)%", lambda m: os.environ.get(m[1], m[0]), text)
    return Path(os.path.expandvars(os.path.expanduser(text)))


def _texts(value: Any) -> dict[str, str]:
    if isinstance(value, str):
        return {"sv": value}
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    raise TypeError("texts")
