#!/usr/bin/env bash
# `make install-check`: the wheel installed into a fresh venv outside the checkout works on its own —
# resources (reference data, fonts, translations, instruments) come from the installed package, not from
# this folder. Builds a demo diary and prints a safety plan there.
set -euo pipefail
WHEEL=$(ls -t "$1"/athena-*.whl | head -1)
WORK=${ATHENA_INSTALL_CHECK_DIR:-$(mktemp -d /tmp/athena-install-XXXXXX)}
PYTHON=${PYTHON:-python3}
echo "fresh venv in $WORK"
"$PYTHON" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --upgrade pip
"$WORK/venv/bin/python" -m pip install -q "$WHEEL"
cd "$WORK"  # nowhere near the checkout
export ATHENA_PASSPHRASE="installerad kontroll av athena"
export QT_QPA_PLATFORM=offscreen
"$WORK/venv/bin/python" - <<'PY'
import app.i18n, sys
root = app.i18n.RESOURCES
assert "site-packages" in str(root), root
for rel in ["reference/districts.json", "fonts/DejaVuSans.ttf", "translations/athena_sv.qm",
            "translations/messages_sv.json", "instruments", "safety_plan/sections.json", "schemas"]:
    assert (root / rel).exists(), rel
print("resources from", root)
PY
"$WORK/venv/bin/athena" --data-dir "$WORK/diary" demo --clients 5 --seed 2
CLIENT=$("$WORK/venv/bin/athena" --data-dir "$WORK/diary" clients --json | "$WORK/venv/bin/python" -c \
  'import json,sys; print(json.load(sys.stdin)[0]["id"])')
"$WORK/venv/bin/athena" --data-dir "$WORK/diary" print safety-plan "$CLIENT" -o "$WORK/plan.pdf"
head -c 5 "$WORK/plan.pdf" | grep -q '%PDF-'
echo "install check ok: demo diary and safety plan in $WORK"
