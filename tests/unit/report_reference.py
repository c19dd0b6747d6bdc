"""The period report as it was before the per-year summary of kinds of support (a DISTINCT over every entry
of the period), kept unchanged as the reference the report is compared with in test_report_reference.py."""
# ruff: noqa
# mypy: ignore-errors
"""Statistics for any period: the figures the team reports to its funders, counted by SQL aggregates.

Definitions (documented for the users in docs/reports.md):

* A decision's **support period** runs from its start to its effective end (the latest extension, or the
  granted period's end), cut short by the closing of its case. A case closed on a day was still current on
  that day.
* A woman is **current in the period** when one of her decisions' support periods overlaps [start, end].
* A woman's **district and referring unit** in a period are those of her latest decision starting on or
  before the period's end, so every woman counts exactly once and the rows add up to the total.
* **Kinds of support** come from diary entries dated in the period (the trigger-kept ``diary_entry_kinds``
  table); a woman counts once per kind.
* **Length of support** is counted per case that is current in the period: from its first decision's start
  to its closing, or to the period's end when the case is still open at the period's end.
* **Men's track**: a man is in contact in the period when his first contact, the opening of an investigation
  or a talk he attended falls in it. "At least three talks" counts the talks he attended up to the period's
  end. Court-ordered, not motivated, needing other help, his referral source and his status are the values
  valid at the period's end (``status_history``); investigations opened, registrations, onward referrals,
  closings and talks are counted by their dates in the period.
* **History**: every status and classification above (a man's status, referral source, motivation and need of
  other help; a decision's district and referring unit) is read as it was at the period's end, so a report for
  a closed period does not change when today's data changes.

Only the worker's own tracks are counted: a worker without the men's track gets no men's figures.
"""


import statistics as pystats
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from app import reference
from app.errors import DomainError
from app.models import Compartment, SupportKind
from app.services import history
from app.services.context import Diary
from app.storage.changefeed import DiarySession

REPORT_FORMAT = "athena.report/1"
LENGTH_BASIS = "first decision start to closing; to the period end for cases open at the period end"
UNKNOWN = ""  # district / unit key for a woman without any decision yet

# Decisions of the women's track with their effective end, cut short by the case's closing, and each woman's
# latest decision starting on or before the period's end (her district and unit). Both are computed once per
# report into temporary tables of the reading connection (temp_store is MEMORY: nothing reaches the disk) and
# dropped at the end.
_EFF = f"""
CREATE TEMP TABLE athena_stat_eff AS
  SELECT d.id AS decision_id, d.case_id AS case_id, c.client_id AS client_id,
         {history.value_sql("decisions", "district", "d.id", "d.district")} AS district,
         {history.value_sql("decisions", "referring_unit", "d.id", "d.referring_unit")} AS referring_unit,
         d.starts_on AS starts_on, d.decided_on AS decided_on,
         c.closed_on AS closed_on,
         MIN(COALESCE(x.last_end, d.ends_on), COALESCE(c.closed_on, '9999-12-31')) AS end_on
  FROM decisions d JOIN cases c ON c.id = d.case_id
  LEFT JOIN (SELECT decision_id, MAX(new_ends_on) AS last_end FROM extensions GROUP BY decision_id) x
         ON x.decision_id = d.id
  WHERE d.compartment = 'women'"""
_HOME = """
CREATE TEMP TABLE athena_stat_home AS
  SELECT client_id, district, referring_unit FROM (
    SELECT client_id, district, referring_unit,
           ROW_NUMBER() OVER (PARTITION BY client_id
                              ORDER BY starts_on DESC, decided_on DESC, decision_id DESC) AS rn
    FROM athena_stat_eff WHERE starts_on <= :to) WHERE rn = 1"""
_TEMP = ("athena_stat_eff", "athena_stat_home")
_CURRENT = ("current AS (SELECT DISTINCT client_id FROM athena_stat_eff "
            "WHERE starts_on <= :to AND end_on >= :from)")
# Who had which kind of support in the period (index ix_diary_entry_kinds_period covers it).
_PAIRS = """
pairs AS (SELECT DISTINCT client_id, kind FROM diary_entry_kinds WHERE event_on >= :from AND event_on <= :to)"""


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise DomainError("The period must end after it starts.")

    @property
    def params(self) -> dict[str, str]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(),
                "to_next": (self.end + timedelta(days=1)).isoformat()}


def _with(*ctes: str) -> str:
    return "WITH " + ",".join(ctes) + "\n"


def _rows(s: DiarySession, sql: str, params: dict[str, str]) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in s.execute(text(sql), params)]


def _one(s: DiarySession, sql: str, params: dict[str, str]) -> tuple[Any, ...]:
    row = s.execute(text(sql), params).one()
    return tuple(row)


def _count_rows(pairs: list[tuple[Any, ...]], keys: list[str], label: Any) -> list[dict[str, Any]]:
    """Rows in reference order (every known key, zero when absent), then unknown keys as found."""
    counts = {str(k or UNKNOWN): int(n) for k, n in pairs}
    ordered = keys + sorted(k for k in counts if k not in keys)
    return [{"key": k, "label": label(k), "count": counts.get(k, 0)} for k in ordered]


def _unit_label(code: str) -> str:
    return reference.referring_unit_label(code) if code else UNKNOWN


def _women(s: DiarySession, p: dict[str, str]) -> dict[str, Any]:
    _drop_temp(s)
    try:
        s.execute(text(_EFF), p)
        s.execute(text("CREATE INDEX temp.athena_stat_eff_case ON athena_stat_eff(case_id)"))
        s.execute(text(_HOME), p)
        s.execute(text("CREATE UNIQUE INDEX temp.athena_stat_home_client ON athena_stat_home(client_id)"))
        return _women_figures(s, p)
    finally:
        _drop_temp(s)


def _drop_temp(s: DiarySession) -> None:
    for name in _TEMP:
        s.execute(text(f"DROP TABLE IF EXISTS temp.{name}"))


def _women_figures(s: DiarySession, p: dict[str, str]) -> dict[str, Any]:
    districts = reference.districts()
    units = [u.code for u in reference.referring_units()]
    kinds = [k.value for k in SupportKind]
    # Every current woman has a latest decision, hence one district and one unit: one pass gives all three.
    current = _rows(s, _with(_CURRENT) + """
        SELECT h.district, h.referring_unit, COUNT(*) FROM current cu
        JOIN athena_stat_home h ON h.client_id = cu.client_id
        GROUP BY 1, 2""", p)
    current_total = sum(int(n) for _, _, n in current)
    by_district = [(d, sum(int(n) for dd, _, n in current if dd == d)) for d in {d for d, _, _ in current}]
    by_unit = [(u, sum(int(n) for _, uu, n in current if uu == u)) for u in {u for _, u, _ in current}]
    # A woman counts once per kind: DISTINCT over (woman, kind) of her entries in the period, read from the
    # covering index alone, then placed in her district. Every woman has one district (or none, ""), so the
    # totals are the sums over the districts.
    kind_pairs = _rows(s, _with(_PAIRS) + """
        SELECT COALESCE(h.district, ''), p.kind, COUNT(*)
        FROM pairs p LEFT JOIN athena_stat_home h ON h.client_id = p.client_id
        -- the women's track only; a short exclusion list instead of a client lookup per (woman, kind)
        WHERE p.client_id NOT IN (SELECT id FROM clients WHERE compartment <> 'women')
        GROUP BY 1, 2""", p)
    kind_total = [(k, sum(int(n) for _, kk, n in kind_pairs if kk == k)) for k in kinds]
    kind_districts = districts + sorted({str(d) for d, _, _ in kind_pairs if d not in districts})
    kinds_by_district = [
        {"key": d, "label": d, "counts": {k: sum(int(n) for dd, kk, n in kind_pairs if dd == d and kk == k)
                                          for k in kinds}}
        for d in kind_districts]
    lengths = _rows(s, """
        SELECT julianday(CASE WHEN c.closed_on IS NOT NULL AND c.closed_on <= :to THEN c.closed_on ELSE :to END)
               - julianday(MIN(e.starts_on)),
               c.closed_on IS NOT NULL AND c.closed_on <= :to
        FROM athena_stat_eff e JOIN cases c ON c.id = e.case_id
        WHERE e.case_id IN (SELECT case_id FROM athena_stat_eff WHERE starts_on <= :to AND end_on >= :from)
        GROUP BY e.case_id""", p)
    incoming = _one(s, """
        SELECT COUNT(*), COUNT(DISTINCT client_id) FROM cases
        WHERE compartment = 'women' AND referred_on >= :from AND referred_on <= :to""", p)
    closed = _one(s, """
        SELECT COUNT(*), COUNT(DISTINCT client_id) FROM cases
        WHERE compartment = 'women' AND closed_on >= :from AND closed_on <= :to""", p)
    extensions = _one(s, """
        SELECT COUNT(*), COUNT(DISTINCT c.client_id) FROM extensions x
        JOIN decisions d ON d.id = x.decision_id JOIN cases c ON c.id = d.case_id
        WHERE x.compartment = 'women' AND x.granted_on >= :from AND x.granted_on <= :to""", p)
    court = _one(s, """
        SELECT COUNT(*), COUNT(DISTINCT client_id) FROM court_appointments
        WHERE compartment = 'women' AND starts_at >= :from AND starts_at < :to_next""", p)
    children = _one(s, """
        SELECT COALESCE(SUM(trappan_informed_on >= :from AND trappan_informed_on <= :to), 0),
               COUNT(DISTINCT CASE WHEN trappan_informed_on >= :from AND trappan_informed_on <= :to
                                   THEN client_id END),
               COALESCE(SUM(trappan_linked_on >= :from AND trappan_linked_on <= :to), 0),
               COUNT(DISTINCT CASE WHEN trappan_linked_on >= :from AND trappan_linked_on <= :to
                                   THEN client_id END)
        FROM children WHERE compartment = 'women'""", p)
    return {
        "current": {"total": int(current_total),
                    "by_district": _count_rows(by_district, districts, lambda k: k)},
        "by_referring_unit": _count_rows(by_unit, units, _unit_label),
        "support_kinds": {"total": _count_rows(kind_total, kinds, lambda k: k),
                          "by_district": kinds_by_district},
        "length_of_support": _length(lengths),
        "incoming": {"cases": int(incoming[0]), "women": int(incoming[1])},
        "closed": {"cases": int(closed[0]), "women": int(closed[1])},
        "extensions": {"granted": int(extensions[0]), "women": int(extensions[1])},
        "court_support": {"appointments": int(court[0]), "women": int(court[1])},
        "children": {"informed_about_trappan": int(children[0]), "women_informed": int(children[1]),
                     "linked_to_trappan": int(children[2]), "women_linked": int(children[3])},
    }


def _months(days: list[float]) -> tuple[float | None, float | None]:
    if not days:
        return None, None
    per_month = 365.25 / 12
    return round(pystats.fmean(days) / per_month, 1), round(pystats.median(days) / per_month, 1)


def _length(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    days = [float(d) for d, _ in rows]
    closed_days = [float(d) for d, closed in rows if closed]
    avg, med = _months(days)
    cavg, cmed = _months(closed_days)
    return {"basis": LENGTH_BASIS, "cases": len(days), "closed_cases": len(closed_days),
            "open_cases": len(days) - len(closed_days), "average_months": avg, "median_months": med,
            "closed_only": {"average_months": cavg, "median_months": cmed}}


def _men_at(field: str) -> str:
    return history.value_sql("men_clients", field, "m.id", f"m.{field}")


_MEN_CONTACT = f"""
contact AS (
  SELECT m.id AS id,
         {_men_at("status")} AS status,
         {_men_at("referral_source")} AS referral_source,
         {_men_at("motivation")} AS motivation,
         {history.value_sql("men_clients", "needs_other_help", "m.id",
                            "CASE WHEN m.needs_other_help THEN 'yes' ELSE 'no' END")} AS other_help,
         (SELECT COUNT(*) FROM men_talks t WHERE t.men_client_id = m.id AND t.attendance = 'attended'
                 AND t.held_on <= :to) AS talks
  FROM men_clients m
  WHERE m.compartment = 'men' AND (
        (m.first_contact_on >= :from AND m.first_contact_on <= :to)
     OR (m.investigation_opened_on >= :from AND m.investigation_opened_on <= :to)
     OR EXISTS (SELECT 1 FROM men_talks t WHERE t.men_client_id = m.id AND t.attendance = 'attended'
                AND t.held_on >= :from AND t.held_on <= :to)))"""
MEN_SOURCES = ("social_services", "court_order", "police", "self_referral", "other")
MEN_STATUSES = ("contact", "registered", "referred_on", "not_motivated", "closed")


def _men(s: DiarySession, p: dict[str, str]) -> dict[str, Any]:
    row = _one(s, _with(_MEN_CONTACT) + """
        SELECT COUNT(*), COALESCE(SUM(talks >= 3), 0), COALESCE(SUM(referral_source = 'court_order'), 0),
               COALESCE(SUM(motivation = 'not_motivated'), 0), COALESCE(SUM(other_help = 'yes'), 0)
        FROM contact""", p)
    sources = _rows(s, _with(_MEN_CONTACT) + "SELECT referral_source, COUNT(*) FROM contact GROUP BY 1", p)
    statuses = _rows(s, _with(_MEN_CONTACT) + "SELECT status, COUNT(*) FROM contact GROUP BY 1", p)
    dated = _one(s, """
        SELECT COALESCE(SUM(investigation_opened_on >= :from AND investigation_opened_on <= :to), 0),
               COALESCE(SUM(registered_on >= :from AND registered_on <= :to), 0),
               COALESCE(SUM(referred_onward_on >= :from AND referred_onward_on <= :to), 0),
               COALESCE(SUM(closed_on >= :from AND closed_on <= :to), 0)
        FROM men_clients WHERE compartment = 'men'""", p)
    talks = _one(s, """
        SELECT COALESCE(SUM(attendance = 'attended'), 0), COALESCE(SUM(attendance = 'cancelled'), 0),
               COALESCE(SUM(attendance = 'no_show'), 0),
               COALESCE(SUM(CASE WHEN attendance = 'attended' THEN duration_minutes END), 0)
        FROM men_talks WHERE compartment = 'men' AND held_on >= :from AND held_on <= :to""", p)
    return {"in_contact": int(row[0]), "investigations_opened": int(dated[0]), "court_ordered": int(row[2]),
            "talks_held": int(talks[0]), "talks_cancelled": int(talks[1]), "talks_no_show": int(talks[2]),
            "talk_hours": round(int(talks[3]) / 60, 1),
            "at_least_three_talks": int(row[1]), "registered_as_case": int(dated[1]),
            "referred_on": int(dated[2]), "not_motivated": int(row[3]), "needing_other_help": int(row[4]),
            "closed": int(dated[3]),
            "by_referral_source": _count_rows(sources, list(MEN_SOURCES), lambda k: k),
            "by_status": _count_rows(statuses, list(MEN_STATUSES), lambda k: k)}


def period_report(diary: Diary, start: date, end: date) -> dict[str, Any]:
    """Every figure for [start, end] (both days included), as the JSON structure in docs/reports.md."""
    period = Period(start, end)
    p = period.params
    with diary.read() as s:
        women = _women(s, p) if Compartment.WOMEN.value in diary.tracks else None
        men = _men(s, p) if Compartment.MEN.value in diary.tracks else None
    return {"format": REPORT_FORMAT, "period": {"from": p["from"], "to": p["to"]},
            "generated_on": diary.today().isoformat(), "suppressed": False, "women": women, "men": men}


PERIOD_KINDS = ("week", "month", "year")


def period_containing(kind: str, day: date) -> tuple[date, date]:
    """The calendar week (Monday–Sunday), month or year that holds ``day``."""
    if kind == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if kind == "month":
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return first, following - timedelta(days=1)
    if kind == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    raise DomainError("Unknown kind of period.")


def shift_period(kind: str, start: date, steps: int) -> tuple[date, date]:
    """The period ``steps`` weeks, months or years before (negative) or after the one starting ``start``."""
    if kind == "week":
        return period_containing(kind, start + timedelta(weeks=steps))
    if kind == "month":
        y, m = divmod(start.month - 1 + steps, 12)
        return period_containing(kind, date(start.year + y, m + 1, 1))
    return period_containing(kind, date(start.year + steps, 1, 1))
