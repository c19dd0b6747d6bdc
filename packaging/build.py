"""`make package`: the PyInstaller one-folder bundle, then the platform's extras and an archive.

dist/athena-<version>/            the bundle (run ./athena, or ./athena gui)
dist/athena-<version>-linux-<arch>.tar.xz   on Linux: the bundle + athena.desktop + athena.png + install.sh
On Linux, Qt's ICU data library is cut down to the locales and tables Qt reads for Athena (icu_trim.py).
On Windows the bundle is what packaging/windows/athena.iss packs into an installer (see that file).
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"


def version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def render_icon(svg: Path, png: Path, size: int = 256) -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    image.save(str(png))
    del app


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    ver = version()
    bundle = DIST / f"athena-{ver}"
    t0 = time.perf_counter()
    shutil.rmtree(bundle, ignore_errors=True)
    if sys.platform == "win32":  # the program's and the installer's icon (Qt writes .ico itself)
        (ROOT / "build").mkdir(exist_ok=True)
        render_icon(ROOT / "packaging" / "athena.svg", ROOT / "build" / "athena.ico")
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "packaging" / "athena.spec")], check=True, cwd=ROOT)
    for link in [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]:
        link.unlink()  # pointed at a library left out on purpose (see athena.spec)
    if sys.platform.startswith("linux"):
        sys.path.insert(0, str(ROOT / "packaging"))
        import icu_trim

        for lib in (bundle / "_internal" / "PySide6" / "Qt" / "lib").glob("libicudata.so.*"):
            before, after = icu_trim.trim(lib)
            print(f"ICU data: {before / 1e6:.0f} MB -> {after / 1e6:.0f} MB")
    icon = DIST / "athena.png"
    render_icon(ROOT / "packaging" / "athena.svg", icon)
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB unpacked, built in "
          f"{time.perf_counter() - t0:.0f} s)")
    if sys.platform.startswith("linux"):
        for f in (ROOT / "packaging" / "linux" / "athena.desktop", ROOT / "packaging" / "linux" / "install.sh",
                  icon):
            shutil.copy2(f, bundle / f.name)
        for old in DIST.glob(f"athena-{ver}-linux-*.tar.*"):
            old.unlink()
        # xz: a fifth smaller than gzip on these libraries; GNU tar unpacks it on every current distribution.
        archive = DIST / f"athena-{ver}-linux-{platform.machine()}.tar.xz"
        with tarfile.open(archive, "w:xz", preset=9) as tar:
            tar.add(bundle, arcname=bundle.name)
        print(f"archive: {archive} ({archive.stat().st_size / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
