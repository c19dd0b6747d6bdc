"""A record new to this laptop gets its row straight from its one write's shipped fields (``FreshRows``): the
same stored values, column by column, as the general path of ``apply.materialise`` (tested).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from sqlalchemy import Table
from sqlalchemy.orm import Session

from app.models.base import utcnow
from app.sync import state as st
from app.sync.values import (
    PROVENANCE,
    bound,
    converters,
    hlc_datetime,
    processors,
    required,
    shipped_to_stored,
    template,
)


class FreshRows:
    """The parameters of a new record's row straight from its one write's shipped fields: the same values as
    ``convert`` + provenance + ``apply._insert_all`` would store (the template's defaults, each column's conversion
    and bind processor), without a dict per row. Writes setting the same fields (nearly all of a batch) share
    a plan (``_FreshPlan``): their values taken in one call, converted only where a column needs it."""

    def __init__(self, session: Session, table: Table) -> None:
        self.table = table
        self.procs = processors(session, table)
        self.conv = converters(table)
        self.cols = [c.key for c in table.c]
        now = utcnow()
        base = {**template(table), "created_at": now, "updated_at": now, "created_by": "", "updated_by": "",
                "device_id": ""}
        # What raw_insert stores: every value through its column's processor, None too (JSON: 'null').
        self.base = {c: bound(self.procs[c], base[c]) for c in self.cols}
        self.at_proc = self.procs["updated_at"]
        self.required = [k for k in required(table) if k not in PROVENANCE]
        self.plans: dict[tuple[str, ...], _FreshPlan] = {}
        self.times: dict[str, Any] = {}  # an HLC's milliseconds -> its stored time

    def _plan(self, names: tuple[str, ...]) -> _FreshPlan:
        shipped = [n for n in names if n in self.conv and n not in PROVENANCE]  # ``id`` is not in conv
        taken = set(shipped)
        rest = [c for c in self.cols if c not in taken and c != "id" and c not in PROVENANCE]
        cols = [*shipped, *rest, "id", "updated_by", "device_id", "updated_at"]
        sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
            self.table.name, ", ".join(f'"{c}"' for c in cols), ", ".join("?" for _ in cols))
        convs = {j: (fn, bound(self.procs[c], None)) for j, c in enumerate(shipped)
                 if (fn := shipped_to_stored(self.conv[c], self.procs[c])) is not None}
        complete = all(k in taken for k in self.required)
        need = {k for k in self.required if k in taken}
        return _FreshPlan(sql, _row_builder(shipped, convs, need, tuple(self.base[c] for c in rest)), complete)

    def __call__(self, rid: str, w: st.Write) -> tuple[str, tuple[Any, ...]] | None:
        fields = w["f"]
        names = tuple(fields)
        plan = self.plans.get(names)
        if plan is None:
            if len(self.plans) > 64:  # shapes come from received data: kept few
                self.plans.clear()
            plan = self.plans[names] = self._plan(names)
        if not plan.complete:
            return None
        h = w["h"]
        ms = h[:h.find("-")]
        at = self.times.get(ms)
        if at is None:  # the writes of one batch share few milliseconds: each one's stored text made once
            if len(self.times) > 4096:
                self.times.clear()
            at = hlc_datetime(h)
            at = self.times[ms] = at if self.at_proc is None else self.at_proc(at)
        row = plan.build(fields, (rid, str(w.get("a", ""))[:200], st.hlc_device(h)[:36], at))
        return None if row is None else (plan.sql, row)


class _FreshPlan(NamedTuple):
    sql: str  # the shipped columns, then the others (defaults), then id and the provenance
    # (fields, (id, updated_by, device_id, updated_at)) -> the row's parameters, or None: a required value is None
    build: Callable[[dict[str, Any], tuple[Any, ...]], tuple[Any, ...] | None]
    complete: bool  # every required column is shipped


def _row_builder(shipped: list[str], convs: dict[int, tuple[Callable[[Any], Any], Any]], need: set[str],
                 rest: tuple[Any, ...]) -> Callable[[dict[str, Any], tuple[Any, ...]], tuple[Any, ...] | None]:
    """One function for one shape of write: the shipped values in order (None if a required one is None),
    each converted where its column needs it (``convs``: place -> (conversion, what None becomes)), then the
    other columns' defaults (``rest``) and the given tail. Written out as code once per shape, as
    ``dataclasses`` writes its methods: a row then costs one call. The names are the table's own columns."""
    ns: dict[str, Any] = {"REST": rest}
    body = ["def build(f, tail):"]
    out: list[str] = []
    for j, name in enumerate(shipped):
        body.append(f"    v{j} = f[{name!r}]")
        if name in need:
            body.append(f"    if v{j} is None: return None")
        if j in convs:
            ns[f"c{j}"], ns[f"n{j}"] = convs[j]
            out.append(f"(n{j} if v{j} is None else c{j}(v{j}))")
        else:
            out.append(f"v{j}")
    body.append(f"    return ({''.join(o + ', ' for o in out)}) + REST + tail")
    exec("\n".join(body), ns)  # generated from the table's column names, not from received data
    built: Callable[[dict[str, Any], tuple[Any, ...]], tuple[Any, ...] | None] = ns["build"]
    return built
