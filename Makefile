# Athena — two commands: `make run` and `make test`.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DATA   ?= $(CURDIR)/.demo-diary
# The tracks of a new demo diary: `make run DATA=.demo-men DEMO_TRACKS=men` opens a men's-support diary.
DEMO_TRACKS ?= women
# Qt translations: .ts sources are committed (athena_<lang>.ts and its feature catalogues athena_<lang>.*.ts),
# one .qm per language is built here (and ignored by git).
TS     := $(wildcard resources/translations/athena_*.ts)
QM     := resources/translations/athena_sv.qm
export QT_QPA_PLATFORM ?= $(if $(DISPLAY)$(WAYLAND_DISPLAY),,offscreen)

.PHONY: run test lint layers typecheck deps venv translations demo bench clean wheel install-check package \
        package-test

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	$(PY) -m app.ui.i18n_build
	@touch $(STAMP)

venv: $(STAMP)

# Debian packages the tests need (Qt's xcb/EGL libraries, poppler, samba). Skipped when present or not root.
deps:
	@bash packaging/debian-deps.sh

translations: $(STAMP)
	$(PY) -m app.ui.i18n_build

$(QM): $(TS) $(STAMP)
	$(PY) -m app.ui.i18n_build

demo: $(STAMP)
	@test -f $(DATA)/diary.db || ATHENA_PASSPHRASE=demo-diary-passphrase $(VENV)/bin/athena --data-dir $(DATA) demo --clients 200 --seed 1 $(foreach t,$(DEMO_TRACKS),--track $(t))

run: deps $(STAMP) $(QM) demo
	$(VENV)/bin/athena --data-dir $(DATA) gui

# The layer rules (pyproject.toml [tool.importlinter]): ui | commands -> services -> printing | sync -> storage
# -> models; PySide6 only in app/ui; printing never reads the database; no import cycles inside a package.
layers: $(STAMP)
	$(VENV)/bin/lint-imports --cache-dir $(VENV)/.import_linter_cache

test: deps $(STAMP) $(QM)
	$(VENV)/bin/ruff check app tests bench
	$(VENV)/bin/lint-imports --cache-dir $(VENV)/.import_linter_cache
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

bench: $(STAMP)
	$(PY) bench/run_all.py

# The wheel carries resources/ as app/resources (setup.py); install-check installs it into a fresh venv outside
# the checkout and runs `athena demo` and `athena print safety-plan` there (needs the package index; ~2 min).
wheel: $(STAMP) translations
	rm -rf build/lib build/bdist.* dist/athena-*.whl
	$(PY) -m pip wheel -q --no-deps -w dist .

install-check: wheel
	bash packaging/check_install.sh dist

# The PyInstaller one-folder bundle and its archive in dist/ (packaging/build.py; needs the packaging extra).
package: $(STAMP) translations
	@bash packaging/debian-deps.sh gcc binutils xz-utils
	$(PY) -m pip install -q -e '.[packaging]'
	$(PY) packaging/build.py

# Starts the built bundle offscreen with an empty font configuration and saves screenshots (not in make test).
package-test: package
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest -m bundle tests/bundle -q

clean:
	rm -rf $(VENV) .demo-diary .pytest_cache .mypy_cache .ruff_cache .import_linter_cache build dist
