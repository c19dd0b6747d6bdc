"""The built bundle (`make package`) runs on its own: offscreen, with fontconfig pointed at an empty
configuration (no system fonts at all), it makes a demo diary, shows its screens and renders Swedish and Arabic
text with the font it carries. Run with `make package-test`; skipped when no bundle has been built."""

from __future__ import annotations

import json
import os
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
BUNDLE = ROOT / "dist" / f"athena-{VERSION}"
EXE = BUNDLE / ("athena.exe" if os.name == "nt" else "athena")

pytestmark = [pytest.mark.bundle, pytest.mark.skipif(not EXE.exists(), reason="no bundle: run make package")]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    fc = tmp_path_factory.mktemp("fontconfig")
    (fc / "fonts.conf").write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                                   "<fontconfig><cachedir>" + str(fc / "cache") + "</cachedir></fontconfig>\n",
                                   encoding="utf-8")
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")}
    return {**keep, "QT_QPA_PLATFORM": "offscreen", "FONTCONFIG_FILE": str(fc / "fonts.conf"),
            "ATHENA_PASSPHRASE": "paketets egen kontroll av dagboken", "ATHENA_CONFIG": os.devnull,
            "XDG_CONFIG_HOME": str(tmp_path_factory.mktemp("xdg")), "PYTHONPATH": ""}


def _run(env: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600)


def test_bundle_version_is_the_projects(env: dict[str, str], tmp_path: Path) -> None:
    r = _run(env, "--version", cwd=tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == f"athena {VERSION}"


def test_bundle_makes_a_demo_diary_and_shows_it_with_its_own_font(env: dict[str, str], tmp_path: Path) -> None:
    diary = tmp_path / "diary"
    r = _run(env, "--data-dir", str(diary), "demo", "--clients", "12", "--seed", "4", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = _run(env, "--data-dir", str(diary), "integrity", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    # Swedish and Arabic text with no system font: every character drawn by the bundled family.
    check = tmp_path / "display.png"
    r = _run(env, "display-check", str(check), cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "sv: DejaVu Sans" in r.stdout and "ar: DejaVu Sans" in r.stdout and "missing" not in r.stdout
    shots = ROOT / "dist" / "bundle-screens"
    r = _run(env, "--data-dir", str(diary), "screenshots", str(shots), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    saved = [Path(line) for line in r.stdout.split() if line.endswith(".png")]
    assert len(saved) >= 5 and all(p.stat().st_size > 5_000 for p in saved)
    (shots / "display-check.png").write_bytes(check.read_bytes())
    # A printed document (reportlab with the bundled font; the bundle leaves out reportlab's own Type 1 fonts).
    r = _run(env, "--data-dir", str(diary), "clients", "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    client = json.loads(r.stdout)[0]["id"]
    pdf = tmp_path / "plan.pdf"
    r = _run(env, "--data-dir", str(diary), "print", "safety-plan", str(client), "--full", "-o", str(pdf),
             cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert pdf.read_bytes().startswith(b"%PDF-") and b"DejaVu" in pdf.read_bytes()


def test_bundle_starts_to_the_unlock_screen(env: dict[str, str], tmp_path: Path) -> None:
    r = _run(env, "--data-dir", str(tmp_path / "none"), "gui", "--startup-check", cwd=tmp_path)
    assert r.returncode == 0 and "create screen shown" in r.stdout, r.stderr


ICU_PROBE = """
from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QStringDecoder, QTimeZone
app = QCoreApplication([])
words = ["ört", "zebra", "ål", "äpple", "Åsa", "apa", "Ödla", "عربي", "أحمد", "باب"]
for name in ("sv_SE", "en_US", "ar_SA"):
    print(name, sorted(words, key=QCollator(QLocale(name)).sortKey))
print(QLocale("sv_SE").toUpper("straße ål"), QLocale("tr_TR").toUpper("istanbul"))
for enc in ("windows-1252", "windows-1256", "ISO-8859-15", "ISO-8859-6", "IBM850"):
    print(enc, QStringDecoder(enc).isValid())
tz = QTimeZone(b"Europe/Stockholm")
for name in ("sv_SE", "en_US", "ar"):
    print(name, tz.displayName(QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale(name)))
"""


@pytest.mark.skipif(not (BUNDLE / "_internal" / "PySide6" / "Qt" / "lib").is_dir() or os.name == "nt",
                    reason="the ICU data is trimmed on Linux only")
def test_bundles_trimmed_icu_data_answers_as_the_full_one_for_swedish_english_arabic(tmp_path: Path) -> None:
    # The development venv's Qt, once with its own ICU and once with the bundle's (found first through
    # LD_LIBRARY_PATH: Qt's libraries look in their own folder only through RUNPATH, which comes after it).
    import sys

    lib = BUNDLE / "_internal" / "PySide6" / "Qt" / "lib"
    base = {"PATH": os.environ.get("PATH", ""), "QT_QPA_PLATFORM": "offscreen", "LD_DEBUG": "libs"}
    full = subprocess.run([sys.executable, "-c", ICU_PROBE], env=base, capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    trimmed = subprocess.run([sys.executable, "-c", ICU_PROBE], env={**base, "LD_LIBRARY_PATH": str(lib)},
                             capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert full.returncode == 0 and trimmed.returncode == 0, full.stderr[-2000:] + trimmed.stderr[-2000:]
    assert f"init: {lib}/libicudata" in trimmed.stderr and f"init: {lib}" not in full.stderr
    assert all(p.stat().st_size < 8_000_000 for p in lib.glob("libicudata.so.*"))  # was ~32 MB
    assert trimmed.stdout == full.stdout
    assert "sv_SE ['apa', 'zebra', 'ål', 'Åsa', 'äpple', 'Ödla', 'ört'," in full.stdout  # Swedish order
    assert "centraleuropeisk normaltid" in full.stdout and "False" not in full.stdout
