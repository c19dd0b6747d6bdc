"""The bundle's size and start-up time, next to running Athena from the development venv.

    .venv/bin/python bench/bench_bundle.py [--runs 7] [--bundle DIR]       (after `make package`)

Size: the unpacked one-folder bundle (target < 150 MB) and its .tar.xz archive (target < 70 MB).
Start-up: wall time of ``athena gui --startup-check`` (process start → first screen painted → quit),
offscreen, on a folder with a diary, so the screen shown is the unlock screen; target < 1.5 s. The first
run of each is reported apart (cold: nothing of it in the page cache yet, unless it ran just before), then
the median of the rest. The venv run is the baseline; the ratio is bundle / venv.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZE_TARGET_MB = 150
ARCHIVE_TARGET_MB = 70
START_TARGET_S = 1.5


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def start_times(cmd: list[str], env: dict[str, str], runs: int) -> tuple[list[float], list[float]]:
    """Wall time and CPU time (user + system) of each run; on a shared machine the CPU time is the steadier."""
    import resource

    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        r = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
        times.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if r.returncode != 0 or "unlock screen shown" not in r.stdout:
            raise SystemExit(f"{cmd[0]} did not start: {r.stderr[-500:]}")
    return times, cpu


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--bundle", type=Path, help="another built bundle folder (default: dist/athena-<version>)")
    args = ap.parse_args()
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    bundle = args.bundle or ROOT / "dist" / f"athena-{version}"
    exe = bundle / ("athena.exe" if os.name == "nt" else "athena")
    if not exe.exists():
        print("no bundle: run `make package` first")
        return 1
    size = folder_mb(bundle)
    print(f"bundle unpacked: {size:.1f} MB (target < {SIZE_TARGET_MB} MB, {size / SIZE_TARGET_MB:.2f}x)")
    archives = sorted((ROOT / "dist").glob(f"athena-{version}-*.tar.*")) if args.bundle is None else []
    if archives:
        mb = archives[-1].stat().st_size / 1e6
        print(f"archive {archives[-1].name}: {mb:.1f} MB (target < {ARCHIVE_TARGET_MB} MB, "
              f"{mb / ARCHIVE_TARGET_MB:.2f}x)")
    biggest = sorted(((folder_mb(p) if p.is_dir() else p.stat().st_size / 1e6, p.name)
                      for p in (bundle / "_internal").iterdir() if not p.is_symlink()), reverse=True)[:8]
    print("largest parts: " + ", ".join(f"{n} {mb:.0f} MB" for mb, n in biggest))

    with tempfile.TemporaryDirectory(prefix="athena-bench-bundle-") as tmp:
        folder = Path(tmp) / "diary"
        import tests.fast_kdf  # noqa: F401  (a diary to unlock; its key cost does not matter here)
        from app.storage import vault

        vault.create(folder, "bench bundle passphrase 1234").close()
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ATHENA_CONFIG": os.devnull,
               "XDG_CONFIG_HOME": str(Path(tmp) / "xdg")}
        venv_athena = Path(sys.executable).with_name("athena")
        rows = []
        for name, cmd in (("bundle", [str(exe)]), ("venv", [str(venv_athena)])):
            times, cpu = start_times([*cmd, "--data-dir", str(folder), "gui", "--startup-check"], env, args.runs)
            rest = times[1:] or times
            rows.append((name, times[0], statistics.median(rest), statistics.median(cpu[1:] or cpu)))
    print(f"machine load (1 min): {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name, first, median, cpu_s in rows:
        print(f"start to unlock screen, {name}: first {first:.2f} s, median {median:.2f} s wall, "
              f"{cpu_s:.2f} s CPU (target < {START_TARGET_S} s, {median / START_TARGET_S:.2f}x)")
    ratio = rows[0][2] / rows[1][2]
    print(f"bundle / venv start-up: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
