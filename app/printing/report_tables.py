"""A period report as tables (for CSV, XLSX, PDF and the screen), and the suppression of small counts.

For publication, counts from 1 to 4 are shown as "< 5" so that no one can be singled out; an average or
median over 1 to 4 cases is left out for the same reason. The period report holds no names at all.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from app import reference
from app.i18n import tr
from app.models import SupportKind

SMALL = "< 5"
Cell = str | int | float | None

KIND_LABELS = {
    SupportKind.PRACTICAL_SUPPORT.value: "Practical support",
    SupportKind.SUPPORT_TALK.value: "Support talks",
    SupportKind.CIVIC_INFORMATION.value: "Civic information",
    SupportKind.COURT_SUPPORT.value: "Court support",
}

MEN_SOURCE_LABELS = {
    "social_services": "Social services",
    "court_order": "Court order",
    "police": "Police",
    "self_referral": "Self-referral",
    "other": "Other",
}


@dataclass
class Table:
    key: str  # stable id: sheet names, chart ids
    title: str
    headers: list[str]
    rows: list[list[Cell]]
    chart: bool = False  # worth a bar chart (first column labels, second column values)
    has_total: bool = False  # the last row is a total (bold in print, left out of charts)
    notes: list[str] = field(default_factory=list)


def _small(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and 1 <= value <= 4:
        return SMALL
    if isinstance(value, dict):
        return {k: _small(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_small(v) for v in value]
    return value


def suppress(report: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``report`` fit for publication: counts 1–4 become "< 5", averages over 1–4 cases go."""
    out = copy.deepcopy(report)
    women = out.get("women")
    if women:
        length = women["length_of_support"]
        if 1 <= length["cases"] <= 4:
            length.update(average_months=None, median_months=None)
        if 1 <= length["closed_cases"] <= 4:
            length["closed_only"] = {"average_months": None, "median_months": None}
    for track in ("women", "men"):
        if out.get(track):
            out[track] = _small(out[track])
    out["suppressed"] = True
    return out


def kind_label(key: str, lang: str | None = None) -> str:
    return tr(KIND_LABELS.get(key, key), lang)


def _label(key: str, lang: str | None) -> str:
    return key or tr("Unknown (no decision)", lang)


def _unit(key: str, lang: str | None) -> str:
    return reference.referring_unit_label(key, lang) if key else tr("Unknown (no decision)", lang)


def _months(value: Any, lang: str | None) -> Cell:
    return tr("not shown", lang) if value is None else value


def tables(report: dict[str, Any], lang: str | None = None) -> list[Table]:
    """The report's tables in the order they are printed."""
    def t(message_en: str) -> str:
        return tr(message_en, lang)

    count, women_h = t("Count"), t("Women")
    out: list[Table] = []
    w = report.get("women")
    if w:
        cur = w["current"]
        out.append(Table("current_by_district", t("Women current in the period, per district"),
                         [t("District"), women_h],
                         [[_label(r["key"], lang), r["count"]] for r in cur["by_district"]]
                         + [[t("Total"), cur["total"]]], chart=True, has_total=True))
        out.append(Table("by_referring_unit", t("Women current in the period, per referring unit"),
                         [t("Referring unit"), women_h],
                         [[_unit(r["key"], lang), r["count"]] for r in w["by_referring_unit"]]
                         + [[t("Total"), cur["total"]]], chart=True, has_total=True))
        kinds = [k.value for k in SupportKind]
        out.append(Table("support_kinds", t("Kinds of support (a woman counts once per kind)"),
                         [t("Kind of support"), women_h],
                         [[kind_label(r["key"], lang), r["count"]] for r in w["support_kinds"]["total"]],
                         chart=True))
        out.append(Table("support_kinds_by_district", t("Kinds of support per district"),
                         [t("District"), *[kind_label(k, lang) for k in kinds]],
                         [[_label(r["key"], lang), *[r["counts"][k] for k in kinds]]
                          for r in w["support_kinds"]["by_district"]]))
        ln = w["length_of_support"]
        out.append(Table("length_of_support", t("Length of support (months)"), [t("Measure"), t("Value")], [
            [t("Cases counted"), ln["cases"]],
            [t("of which closed"), ln["closed_cases"]],
            [t("of which open at the period end"), ln["open_cases"]],
            [t("Average, months"), _months(ln["average_months"], lang)],
            [t("Median, months"), _months(ln["median_months"], lang)],
            [t("Average, closed cases only"), _months(ln["closed_only"]["average_months"], lang)],
            [t("Median, closed cases only"), _months(ln["closed_only"]["median_months"], lang)],
        ], notes=[t("Measured from the first decision's start to the closing date; cases still open at the "
                    "period end are measured to the period end.")]))
        out.append(Table("flow", t("Cases and support in the period"), [t("Measure"), count], [
            [t("Incoming cases (referred in the period)"), w["incoming"]["cases"]],
            [t("Closed cases"), w["closed"]["cases"]],
            [t("Extensions granted"), w["extensions"]["granted"]],
            [t("Women granted an extension"), w["extensions"]["women"]],
            [t("Court-support appointments"), w["court_support"]["appointments"]],
            [t("Women with court support"), w["court_support"]["women"]],
        ]))
        ch = w["children"]
        out.append(Table("children", t("Children and Trappan"), [t("Measure"), count], [
            [t("Children informed about Trappan"), ch["informed_about_trappan"]],
            [t("Women whose children were informed"), ch["women_informed"]],
            [t("Children linked to Trappan"), ch["linked_to_trappan"]],
            [t("Women whose children were linked"), ch["women_linked"]],
        ]))
    m = report.get("men")
    if m:
        out.append(Table("men", t("Men's track"), [t("Measure"), t("Men")], [
            [t("Men in contact"), m["in_contact"]],
            [t("Investigations opened"), m["investigations_opened"]],
            [t("Ordered by a court to attend talks"), m["court_ordered"]],
            [t("Men with at least three talks"), m["at_least_three_talks"]],
            [t("Registered as a case of his own"), m["registered_as_case"]],
            [t("Men referred on"), m["referred_on"]],
            [t("Men not motivated"), m["not_motivated"]],
            [t("Men needing other help"), m["needing_other_help"]],
            [t("Cases closed"), m["closed"]],
        ], chart=True))
        out.append(Table("men_talks", t("Talks with men"), [t("Measure"), count], [
            [t("Talks held"), m["talks_held"]],
            [t("Talks cancelled"), m["talks_cancelled"]],
            [t("Talks missed (no-show)"), m["talks_no_show"]],
            [t("Hours of talks held"), m["talk_hours"]],
        ]))
        out.append(Table("men_by_referral_source", t("Men in contact, per referral source"),
                         [t("Referral source"), t("Men")],
                         [[t(MEN_SOURCE_LABELS.get(r["key"], r["key"])), r["count"]]
                          for r in m["by_referral_source"]] + [[t("Total"), m["in_contact"]]],
                         chart=True, has_total=True))
    return out


def chart_values(table: Table) -> list[tuple[str, float, str]]:
    """(label, bar length, bar label) for a bar chart, total row left out; a suppressed count ("< 5") is an
    empty bar labelled "< 5"."""
    rows = table.rows[:-1] if table.has_total else table.rows
    out = []
    for row in rows:
        value = row[1]
        number = float(value) if isinstance(value, int | float) else 0.0
        out.append((str(row[0]), number, "" if value is None else str(value)))
    return out


def period_heading(report: dict[str, Any], lang: str | None = None) -> str:
    p = report["period"]
    text = tr("Statistics for {start} – {end}", lang).format(start=p["from"], end=p["to"])
    if report.get("suppressed"):
        text += " · " + tr("counts of 1–4 shown as < 5", lang)
    return text
