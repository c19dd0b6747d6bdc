"""The report a funder can take: a first page of its own, a chart for every table, empty tables collapsed,
and small counts that cannot be worked out from the totals."""

from __future__ import annotations

import io
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from app.printing import report_tables as rt
from app.printing.report_pdf import report_pdf
from app.services.context import Diary, Worker
from app.services.demo import diary as demo
from app.services.reports import statistics


def test_protect_picks_the_smallest_other_counts() -> None:
    assert rt._protect([10, 3, 0], 13) == {0}  # one hidden cell is the total minus the rest
    assert rt._protect([7, 2, 2, 9], 20) == {0}  # 2 + 2 < 5: both would be narrowed down to 1-3
    assert rt._protect([6, 3, 4, 8], 21) == set()  # two hidden adding up to 7: no one can be told apart
    assert rt._protect([2, 1, 1], 4) == set()  # the total itself is hidden
    assert rt._protect([12, 0, 30], 42) == set()


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=8))
def test_hidden_cells_never_follow_from_the_total(counts: list[int]) -> None:
    total = sum(counts)
    extra = rt._protect(counts, total)
    hidden = {i for i, c in enumerate(counts) if 1 <= c <= 4} | extra
    if total >= rt.THRESHOLD and hidden:
        assert len(hidden) >= 2 and sum(counts[i] for i in hidden) >= rt.THRESHOLD
    assert all(counts[i] > 0 for i in extra)


def _report(tmp_diary: Diary) -> dict[str, object]:
    demo.generate(tmp_diary, clients=40, seed=5)
    return statistics.period_report(tmp_diary, date(2025, 1, 1), date(2025, 12, 31))


def test_suppressed_report_keeps_small_counts_hidden(diary: Diary) -> None:
    d = Diary(diary.store, Worker("Lea Lind"), today_override=date(2025, 12, 31))
    report = _report(d)
    sup = rt.suppress(report)
    women = sup["women"]
    total = report["women"]["current"]["total"]  # type: ignore[index]
    for rows in (women["current"]["by_district"], women["by_referring_unit"]):
        shown = [r["count"] for r in rows]
        hidden = [i for i, c in enumerate(shown) if c in (rt.SMALL, rt.HIDDEN)]
        if hidden and isinstance(total, int) and total >= 5:
            originals = {r["key"]: r["count"] for r in (report["women"]["current"]["by_district"]  # type: ignore[index]
                                                         if rows is women["current"]["by_district"]
                                                         else report["women"]["by_referring_unit"])}  # type: ignore[index]
            assert len(hidden) >= 2
            assert sum(originals[rows[i]["key"]] for i in hidden) >= 5
        assert all(not (isinstance(c, int) and 1 <= c <= 4) for c in shown)


def _pdf_text(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def test_first_page_names_organisation_project_and_title(diary: Diary) -> None:
    d = Diary(diary.store, Worker("Lea Lind"), today_override=date(2025, 12, 31))
    report = rt.with_front(rt.suppress(_report(d)), organisation="Stockholms stad · Kvinnostöd Söder",
                           project="Projekt Trygg väg", title="Slutrapport till Länsstyrelsen 2025",
                           text="Stödet har nått kvinnor i tre stadsdelar.\n\nSiffrorna bygger på dagboken.")
    pages = _pdf_text(report_pdf(report, "sv"))
    first = pages[0]
    for words in ("Stockholms stad", "Projekt Trygg väg", "Slutrapport till Länsstyrelsen 2025",
                  "Stödet har nått kvinnor", "Siffrorna bygger"):
        assert words in first, words
    assert "x:" in first or "< 5" in first  # the suppression is explained


def test_empty_tables_are_one_line(diary: Diary) -> None:
    d = Diary(diary.store, Worker("Lea Lind"), today_override=date(2025, 12, 31))
    report = statistics.period_report(d, date(2025, 1, 1), date(2025, 12, 31))  # an empty diary
    tables = rt.tables(report, "en")
    assert all(rt.is_empty(t) for t in tables)
    text = " ".join(_pdf_text(report_pdf(rt.with_front(report, title="Tom"), "en")))
    assert text.count("nothing to report in the period") == len(tables)
    assert len(PdfReader(io.BytesIO(report_pdf(report, "en"))).pages) == 1


def test_every_table_has_a_chart() -> None:
    report = {"period": {"from": "2025-01-01", "to": "2025-12-31"}, "women": None, "men": None}
    assert rt.tables(report) == []
    d_report = rt.tables({"period": report["period"], "women": _fake_women(), "men": None}, "en")
    assert d_report and all(t.chart for t in d_report)


def _fake_women() -> dict[str, object]:
    kinds = ["practical_support", "support_talk", "civic_information", "court_support"]
    return {
        "current": {"total": 9, "by_district": [{"key": "Älvsjö", "count": 9}]},
        "by_referring_unit": [{"key": "adults", "count": 9}],
        "support_kinds": {"total": [{"key": k, "count": 3} for k in kinds],
                          "by_district": [{"key": "Älvsjö", "counts": {k: 3 for k in kinds}}]},
        "length_of_support": {"cases": 9, "closed_cases": 4, "open_cases": 5, "average_months": 7.6,
                              "median_months": 6.0, "closed_only": {"average_months": 5.0, "median_months": 5.0}},
        "incoming": {"cases": 3}, "closed": {"cases": 4}, "extensions": {"granted": 2, "women": 2},
        "court_support": {"appointments": 1, "women": 1},
        "children": {"informed_about_trappan": 2, "women_informed": 1, "linked_to_trappan": 0, "women_linked": 0},
    }
