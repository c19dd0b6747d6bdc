"""A record new to this laptop gets its row straight from its one write's shipped fields (``FreshRows``): the
same stored values, column by column, as the general path of ``apply.materialise`` (tested).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import repeat
from typing import Any, NamedTuple

from sqlalchemy import Table
from sqlalchemy.orm import Session

from app.models.base import utcnow
from app.sync import state as st
from app.sync.values import (
    PROVENANCE,
    bound,
    converters,
    getter,
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

    @classmethod
    def of(cls, session: Session, table: Table) -> FreshRows:
        """The one of this session (a round's write transaction) for ``table``: its plans are made once for
        all the steps of the transaction."""
        made: dict[str, FreshRows] = session.info.setdefault(_SESSION_KEY, {})
        found = made.get(table.name)
        if found is None or found.table is not table:
            found = made[table.name] = cls(session, table)
        return found

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
        need = [j for j, n in enumerate(shipped) if n in self.required]
        base = tuple(self.base[c] for c in rest)
        return _FreshPlan(sql, _row_builder(shipped, convs, set(shipped[j] for j in need), base), complete,
                          getter(shipped) if shipped else None, convs, need, base)

    def _plan_for(self, names: tuple[str, ...]) -> _FreshPlan:
        plan = self.plans.get(names)
        if plan is None:
            if len(self.plans) > 64:  # shapes come from received data: kept few
                self.plans.clear()
            plan = self.plans[names] = self._plan(names)
        return plan

    def _tail(self, rid: str, w: st.Write) -> tuple[Any, ...]:
        """The row's id and provenance: (id, updated_by, device_id, updated_at)."""
        h = w["h"]
        ms = h[:h.find("-")]
        at = self.times.get(ms)
        if at is None:  # the writes of one batch share few milliseconds: each one's stored text made once
            if len(self.times) > 4096:
                self.times.clear()
            at = hlc_datetime(h)
            at = self.times[ms] = at if self.at_proc is None else self.at_proc(at)
        return rid, str(w.get("a", ""))[:200], st.hlc_device(h)[:36], at

    def __call__(self, rid: str, w: st.Write) -> tuple[str, tuple[Any, ...]] | None:
        fields = w["f"]
        plan = self._plan_for(tuple(fields))
        if not plan.complete:
            return None
        row = plan.build(fields, self._tail(rid, w))
        return None if row is None else (plan.sql, row)

    def many(self, items: list[tuple[str, st.Write]]) -> list[tuple[str, list[tuple[Any, ...]], list[int]]]:
        """The rows of many new records, each from its one write: per insert statement its rows and the places
        (in ``items``) of the records they are for; a record whose write lacks a required value gets none. The
        same rows as ``__call__`` one by one (tested), made column by column: the writes of one shape have
        their shipped values taken in one pass, each converted column in one pass, and the rows zipped."""
        shapes: dict[tuple[str, ...], list[int]] = {}
        for n, (_rid, w) in enumerate(items):
            shapes.setdefault(tuple(w["f"]), []).append(n)
        out: list[tuple[str, list[tuple[Any, ...]], list[int]]] = []
        for names, places in shapes.items():
            plan = self._plan_for(names)
            if not plan.complete:
                continue
            group = [items[n] for n in places]
            tails = [self._tail(rid, w) for rid, w in group]
            cols: list[Any] = (list(zip(*map(plan.take, (w["f"] for _rid, w in group)), strict=True))
                               if plan.take is not None else [])
            if any(None in cols[j] for j in plan.need):  # a required value missing: those records row by row
                made = [(n, plan.build(w["f"], tail)) for n, (_rid, w), tail in zip(places, group, tails, strict=True)]
                rows = [(n, row) for n, row in made if row is not None]
                out.append((plan.sql, [row for _n, row in rows], [n for n, _row in rows]))
                continue
            for j, (fn, none) in plan.convs.items():
                col = cols[j]
                cols[j] = list(map(fn, col)) if None not in col else [none if v is None else fn(v) for v in col]
            provenance = zip(*tails, strict=True)  # ids, authors, devices, times
            rows = list(zip(*cols, *map(repeat, plan.rest), *provenance, strict=False))  # (the defaults repeat)
            out.append((plan.sql, rows, places))
        return out


_SESSION_KEY = "athena.sync.fresh_rows"


class _FreshPlan(NamedTuple):
    sql: str  # the shipped columns, then the others (defaults), then id and the provenance
    # (fields, (id, updated_by, device_id, updated_at)) -> the row's parameters, or None: a required value is None
    build: Callable[[dict[str, Any], tuple[Any, ...]], tuple[Any, ...] | None]
    complete: bool  # every required column is shipped
    take: Callable[[dict[str, Any]], tuple[Any, ...]] | None  # the shipped values, in order (None: none shipped)
    convs: dict[int, tuple[Callable[[Any], Any], Any]]  # place -> (conversion, what None becomes)
    need: list[int]  # the places of the required shipped columns
    rest: tuple[Any, ...]  # the other columns' stored defaults


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
