"""Risk assessments at scale: instrument loading, live scoring, the due list and a client's time series.

Run: .venv/bin/python bench/bench_risk.py [clients]   (prints numbers; not a test)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("ATHENA_TEST_FAST_KDF", "1")

from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.services.demo import risk as risk_demo
from app.services.risk import assessments as risk
from app.services.risk import timeline as tl
from app.services.risk.instruments import load_catalogue
from app.services.risk.scoring import compute_result
from app.storage import vault
from app.storage.keyfile import KdfParams


def timed(label: str, fn, repeat: int = 1) -> object:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    out = None
    for _ in range(repeat):
        out = fn()
    ms = (time.perf_counter() - t) * 1000 / repeat
    print(f"{label:<48} {ms:9.2f} ms")
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    timed("load both instruments (cold, schema checked)", load_catalogue, 5)
    inst = load_catalogue().get("athena-partner-violence")
    assert inst is not None
    answers = {"items": {i.id: {"value": "yes" if i.answer == "yes_no_unknown" else 2} for i in inst.items}}
    timed("compute_result, 13-item checklist", lambda: compute_result(inst, answers), 2000)
    with tempfile.TemporaryDirectory() as tmp:
        store = vault.create(Path(tmp) / "d", "bench passphrase 123", KdfParams.fast_for_tests())
        diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 11, 23))
        timed(f"demo diary, {n} clients", lambda: demo.generate(diary, clients=n, seed=1))
        counts = timed("risk demo (incidents + assessments)", lambda: risk_demo.generate(diary, seed=1))
        print(f"  {counts}")
        due = timed("assessments_due (all current clients)", lambda: tl.assessments_due(diary), 5)
        print(f"  due: {len(due)}")  # type: ignore[arg-type]
        cid = next(a.client_id for a in tl.assessments_due(diary) if a.last_assessed_on)
        timed("time_series (one client, 12 months)", lambda: tl.time_series(diary, cid), 20)
        timed("list_for_client", lambda: risk.list_for_client(diary, cid), 20)
        a = risk.start(diary, cid, inst.id, copy_previous=True)
        timed("answer_item (write + live result)", lambda: risk.answer_item(diary, a.id, "weapons", "yes"), 20)
        store.close()


if __name__ == "__main__":
    main()
