"""Only what pyproject.toml cannot say: the wheel carries ``resources/`` as ``app/resources``.

An editable install (``make venv``) reads ``resources/`` in the checkout; an installed wheel or a bundle reads
``app/resources`` (``app.i18n.RESOURCES`` is the one resolved root). Translation sources (.ts) stay out;
the compiled .qm must exist before building (``make translations``; ``make wheel`` does it).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "app" / "resources"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(HERE / "resources", target, ignore=shutil.ignore_patterns("*.ts", "__pycache__"))


setup(cmdclass={"build_py": BuildWithResources})
