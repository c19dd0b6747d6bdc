"""How long a safety plan PDF takes, next to LibreOffice turning an equivalent Word template into PDF.

    .venv/bin/python bench/bench_printing.py [--runs 30] [--soffice-runs 5]

Athena: the median of ``render_safety_plan`` (database read + layout + PDF in memory), target < 150 ms.
LibreOffice: ``soffice --headless --convert-to pdf`` on a .docx with the same text, the route a worker with a
Word template takes today (the .docx is written by hand as a minimal OOXML zip; python-docx is not needed).
Skipped with a clear line when soffice is not installed. Synthetic data only.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.printing.safety_plan import PlanPrintOptions
from app.reference import plan_sections
from app.services.clients import cases, clients, records
from app.services.context import Diary, Worker
from app.services.safety_plan import plans as safety_plans
from app.services.safety_plan.printout import render_safety_plan
from app.storage import vault
from app.storage.keyfile import KdfParams

SECTIONS = {
    "warning_signs": "Han blir tyst, kontrollerar telefonen och frågar var jag har varit.",
    "where_to_go": "Till Märta i Fruängen. Buss 161 eller taxi. Ut genom källardörren om hallen är blockerad.",
    "code_word": "Blå paraply – Märta ringer 112 och kommer hit.",
    "what_to_take": "Pass, ID-kort, bankkort, kontanter, nycklar, telefon och laddare, mediciner, "
                    "hyreskontraktet, barnens pass och gosedjur. Väskan står hos Märta.",
    "children": "Skolan vet att bara jag och mormor får hämta. Barnen går till grannen om något händer.",
    "everyday_safety": "Byt väg till jobbet, olika tider. Kollegan Åke vet och tar emot samtal.",
    "digital_safety": "Platsdelning av. Nytt lösenord till e-post och BankID. E-recept till ny adress.",
    "court_day": "Vi möts vid entrén mot stationen. Eget väntrum är bokat.",
    "important_numbers": "Vårdcentralen 08-123 00 00. Skolan 08-555 12 34.",
}


def make_diary(folder: Path) -> tuple[Diary, str]:
    store = vault.create(folder, "bench-passphrase-åäö-1234", KdfParams.fast_for_tests())
    diary = Diary(store, Worker("Anna Andersson", "Kvinnostödjare"), today_override=date(2026, 11, 20))
    c = clients.create_client(diary, clients.ClientInput(name="Åsa Öberg"))
    case = cases.open_case(diary, c.id, referred_on="2026-09-01")
    cases.add_decision(diary, case.id, cases.DecisionInput(referring_unit="children_family", district="Älvsjö",
                                                           decided_on="2026-09-05", starts_on="2026-09-05"))
    ids = [records.add(diary, "network", c.id, {"name": n, "relation": r, "safety": "safe", "how_to_reach": p})["id"]
           for n, r, p in (("Märta Ågren", "syster", "070-123 45 67"), ("Östen Lind", "granne", "08-765 43 21"))]
    sections = {**SECTIONS, "people_to_call": safety_plans.people_value(diary, c.id, ids, "Ring Märta först.")}
    safety_plans.save_version(diary, c.id, sections, neutral_title="Min vecka")
    return diary, c.id


def time_athena(diary: Diary, client_id: str, runs: int, opts: PlanPrintOptions) -> list[float]:
    render_safety_plan(diary, client_id, opts)  # fonts registered, caches warm
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        render_safety_plan(diary, client_id, opts)
        out.append((time.perf_counter() - t) * 1000)
    return out


def _p(text: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def write_docx(path: Path) -> None:
    """A plain Word document with the same headings and text as the printed plan."""
    sv = plan_sections.language("sv")
    body = [_p("Säkerhetsplan", "Title"), _p("Namn: Åsa Öberg")]
    for d in plan_sections.sections():
        body.append(_p(sv.heading(d.id, discreet=False), "Heading1"))
        if d.id == "people_to_call":
            body += [_p("Märta Ågren (syster) 070-123 45 67"), _p("Östen Lind (granne) 08-765 43 21")]
        if d.id == "important_numbers":
            body += [_p(f"{label}  {num}") for label, num in (
                ("Nödnummer", "112"), ("Polisen", "114 14"), ("Vårdguiden", "1177"),
                ("Kvinnofridslinjen", "020-50 50 50"), ("Socialjouren", "08-508 40 000"))]
        if d.id in SECTIONS:
            body.append(_p(SECTIONS[d.id]))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                + "".join(body) + "</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
                   '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
                   'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
                   'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)


def time_soffice(folder: Path, runs: int) -> tuple[float, list[float]] | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    docx = folder / "plan.docx"
    write_docx(docx)
    profile = (folder / "lo-profile").as_uri()
    cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
           str(folder / "out"), str(docx)]
    times = []
    for _ in range(runs + 1):  # the first run also creates the LibreOffice profile
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
        times.append((time.perf_counter() - t) * 1000)
    if not (folder / "out" / "plan.pdf").exists():
        raise SystemExit("soffice produced no PDF")
    return times[0], times[1:]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--soffice-runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        diary, client_id = make_diary(folder / "diary")
        try:
            results = {}
            t0 = time.perf_counter()
            render_safety_plan(diary, client_id, PlanPrintOptions())
            print(f"athena safety plan PDF, first call (loads and registers the fonts): "
                  f"{(time.perf_counter() - t0) * 1000:.0f} ms")
            for label, opts in (("discreet A4", PlanPrintOptions()),
                                ("discreet card", PlanPrintOptions(fmt="card")),
                                ("full A4", PlanPrintOptions(discreet=False))):
                t = time_athena(diary, client_id, args.runs, opts)
                results[label] = statistics.median(t)
                print(f"athena safety plan PDF, {label:13}: median {results[label]:6.1f} ms "
                      f"(min {min(t):.1f}, max {max(t):.1f}, n={len(t)})  target < 150 ms: "
                      f"{'ok' if results[label] < 150 else 'MISSED'}")
        finally:
            diary.store.close()
        lo = time_soffice(folder, args.soffice_runs)
        if lo is None:
            print("libreoffice: soffice not installed - comparison skipped "
                  "(apt-get install -y --no-install-recommends libreoffice-writer)")
            return
        first, warm = lo
        med = statistics.median(warm)
        print(f"libreoffice docx -> pdf (soffice --headless --convert-to pdf): first run {first:.0f} ms, "
              f"median {med:.0f} ms (n={len(warm)})")
        print(f"ratio: LibreOffice takes {med / results['full A4']:.0f}x as long as Athena's full A4 plan "
              f"({med / results['discreet A4']:.0f}x the discreet A4 plan)")


if __name__ == "__main__":
    main()
