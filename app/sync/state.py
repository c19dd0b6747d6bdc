"""The merge state of one record, and the pure rules that merge writes into it.

A *write* is what one change row of one device becomes on the share: a hybrid-logical-clock time (unique per
write), the fields it set, and for each field the versions its author had in front of her (``bases``). A
field keeps every version no write has superseded (its *heads*); the provisional winner is the head with the
greatest HLC. Two heads mean two devices changed the field without seeing each other: both are kept and shown
as "2 versions". The state is a join of sets, so applying writes again or in any order gives the same state.

State layout (JSON)::

    {"f": {field: {"h": [[hlc, value, author], ...] (greatest HLC first), "s": [superseded hlc, ...]}},
     "d": [[hlc, author, [hlc of every head the deleter had seen]], ...],
     "ds": [delete hlc kept by a worker, ...],
     "p": [hlc, author] | null,           # retention purge tombstone
     "k": client_id | null,
     "pd": [hlc of a write that lowered a protected identity without confirmation, ...]}  (optional)

Compact form (how most states are stored and shipped in snapshots; ``compact``/``expand``)::

    {"w": [hlc, author], "v": {field: value, ...}, "k": client_id | null}

means: every field in ``v`` has exactly one head ``[hlc, v[field], author]`` from that one write, nothing is
superseded, no deletion, no purge, nothing held — the state of a record written once (almost every record
after a join or a pull). It stands for exactly that full state: merging, values, conflicts and provenance are
computed on the expanded state, so both forms give the same results.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

State = dict[str, Any]
Write = dict[str, Any]
Version = list[Any]  # [hlc, value, author]

DELETED = "_deleted"
# Diary entries: once signed, the content is what the signer saw; a racing edit is kept as a version only.
SIGNED_TABLE = "diary_entries"
SIGNED_FIELD = "signed_at"
# A change that lowers a client's protected identity never supersedes the protected version by itself: both
# stay (a "2 versions" conflict, the protected one shown) until a worker confirms (``pc`` on the write).
PROTECTED_TABLE = "clients"
PROTECTED_FIELD = "protected_identity"
PROTECTION_RANK = {"none": 0, "confidentiality_marking": 1, "protected_registration": 2, "fictitious_identity": 3}


def _rank(value: object) -> int:
    return PROTECTION_RANK.get(value, 0) if isinstance(value, str) else 0


def lowers_protection(state: State, w: Write) -> bool:
    """Whether ``w`` lowers the protected identity of a version its writer saw (and is not a confirmation)."""
    if w.get("e") != PROTECTED_TABLE or w.get("pc") or PROTECTED_FIELD not in w.get("f", {}):
        return False
    f = state["f"].get(PROTECTED_FIELD)
    if not f:
        return False
    seen = set(w.get("b", {}).get(PROTECTED_FIELD, ()))
    new = _rank(w["f"][PROTECTED_FIELD])
    return any(h[0] in seen and _rank(h[1]) > new for h in f["h"])


def new_state(client_id: str | None = None) -> State:
    return {"f": {}, "d": [], "ds": [], "p": None, "k": client_id}


def _field(state: State, name: str) -> dict[str, Any]:
    f: dict[str, Any] = state["f"].setdefault(name, {"h": [], "s": []})
    return f


def apply_write(state: State, w: Write) -> bool:
    """Merge one write into ``state``. Returns True when anything changed."""
    if state.get("p") is not None:
        if w.get("o") == "p" and w["h"] > state["p"][0]:
            state["p"] = [w["h"], w.get("a", "")]
            return True
        return False
    if w.get("k") and not state.get("k"):
        state["k"] = w["k"]
    op = w.get("o")
    if op == "p":
        state["p"] = [w["h"], w.get("a", "")]
        state["f"] = {}
        state["d"] = []
        state["ds"] = []
        return True
    if op == "d":
        if any(d[0] == w["h"] for d in state["d"]):
            return False
        state["d"].append([w["h"], w.get("a", ""), sorted(w.get("db", []))])
        state["d"].sort(key=lambda d: d[0])
        return True
    changed = False
    bases: dict[str, list[str]] = w.get("b", {})
    fields: dict[str, Any] = state["f"]
    if lowers_protection(state, w):
        # Kept beside what it would have replaced, in every field it writes; shown only once confirmed.
        bases = {name: [b for b in bs if not any(h[0] == b for h in fields.get(name, {}).get("h", []))]
                 for name, bs in bases.items()}
        if w["h"] not in state.get("pd", []):
            state["pd"] = sorted(set(state.get("pd", [])) | {w["h"]})
            changed = True
    hlc, author = w["h"], w.get("a", "")
    for name, value in w.get("f", {}).items():
        f = fields.get(name)
        if f is None:  # the common case (a new record): no versions to compare with
            b = bases.get(name) or ()
            fields[name] = {"h": [] if hlc in b else [[hlc, value, author]], "s": sorted(set(b))}
            changed = True
            continue
        sup = set(f["s"])
        new_sup = sup.union(bases.get(name, ()))
        heads = f["h"]
        known = any(h[0] == w["h"] for h in heads)
        if not known and w["h"] not in new_sup:
            heads.append([w["h"], value, w.get("a", "")])
            changed = True
        if new_sup != sup:
            f["s"] = sorted(new_sup)
            changed = True
        kept = [h for h in heads if h[0] not in new_sup]
        kept.sort(key=lambda h: h[0], reverse=True)
        f["h"] = kept
    kd = set(w.get("kd", ()))
    if kd - set(state["ds"]):
        state["ds"] = sorted(kd.union(state["ds"]))
        changed = True
    return changed


def fresh_state(w: Write) -> State:
    """``apply_write(new_state(w["k"]), w)`` for an update of a record this laptop has no state for yet (the
    common case when joining or pulling new records), without the comparisons an existing state needs."""
    hlc, author = w["h"], w.get("a", "")
    bases: dict[str, list[str]] = w.get("b") or {}
    fields: dict[str, Any] = {}
    for name, value in w.get("f", {}).items():
        b = bases.get(name)
        if b:
            fields[name] = {"h": [] if hlc in b else [[hlc, value, author]], "s": sorted(set(b))}
        else:
            fields[name] = {"h": [[hlc, value, author]], "s": []}
    kd = w.get("kd")
    return {"f": fields, "d": [], "ds": sorted(set(kd)) if kd else [], "p": None, "k": w.get("k")}


def compact(state: State) -> State:
    """The compact form of ``state`` when it is one write's (see the module text), else ``state`` itself."""
    if "w" in state:
        return state
    fields = state.get("f")
    if (not fields or state.get("d") or state.get("ds") or state.get("p") is not None or state.get("pd")
            or len(state) > 6 or ("pd" not in state and len(state) > 5)):
        return state
    first: Version | None = None
    values: dict[str, Any] = {}
    for name, f in fields.items():
        heads = f["h"]
        if len(heads) != 1 or f["s"] or len(f) != 2:
            return state
        h = heads[0]
        if first is None:
            first = h
        elif h[0] != first[0] or h[2] != first[2]:
            return state
        values[name] = h[1]
    assert first is not None
    return {"w": [first[0], first[2]], "v": values, "k": state.get("k")}


def one_write(w: Write) -> State:
    """The compact state of a record whose only write is ``w`` (an update without bases or kept deletions)."""
    return {"w": [w["h"], w.get("a", "")], "v": w["f"], "k": w.get("k")}


def expand(state: State) -> State:
    """The full form of a state (a compact one expanded; a full one as it is)."""
    w = state.get("w")
    if w is None:
        return state
    hlc, author = w[0], w[1]
    return {"f": {name: {"h": [[hlc, value, author]], "s": []} for name, value in state["v"].items()},
            "d": [], "ds": [], "p": None, "k": state.get("k")}


def is_compact(state: State) -> bool:
    return "w" in state


def winner(state: State, name: str) -> Version | None:
    f = state["f"].get(name)
    if not f or not f["h"]:
        return None
    head: Version = f["h"][0]
    return head


def head_hlcs(state: State) -> list[str]:
    return sorted(h[0] for f in state["f"].values() for h in f["h"])


def active_deletes(state: State) -> list[list[Any]]:
    kept = set(state["ds"])
    return [d for d in state["d"] if d[0] not in kept]


def has_conflict(state: State) -> bool:
    return bool(state["d"]) or any(len(f["h"]) > 1 for f in state["f"].values())


def alive(state: State) -> bool:
    if state.get("p") is not None or not state["f"]:
        return False
    deletes = active_deletes(state)
    if not deletes:
        return True
    seen: set[str] = set()
    for d in deletes:
        seen.update(d[2])
    return any(h not in seen for h in head_hlcs(state))


def values(state: State, entity: str) -> dict[str, Any]:
    """The provisional value of every field (greatest HLC; a signed diary entry keeps the signer's view)."""
    held = state.get("pd")
    if held:
        out = {}
        for name, f in state["f"].items():
            if f["h"]:
                shown = next((h for h in f["h"] if h[0] not in held), f["h"][0])
                out[name] = shown[1]
    else:
        out = {name: f["h"][0][1] for name, f in state["f"].items() if f["h"]}
    if entity == SIGNED_TABLE:
        sign = winner(state, SIGNED_FIELD)
        if sign is not None and sign[1] is not None:
            for name, f in state["f"].items():
                for h in f["h"]:
                    if h[0] == sign[0]:
                        out[name] = h[1]
    return out


def hlc_time(hlc: str, timespec: str = "seconds") -> str:
    wall = int(hlc.split("-", 1)[0])
    return datetime.fromtimestamp(wall / 1000, UTC).replace(tzinfo=None).isoformat(timespec=timespec)


def provenance(state: State, entity: str, shown: dict[str, Any] | None = None) -> Version | None:
    """The newest version among those shown (its HLC and author): who last changed the record, and when.
    The same on every laptop, since it is read from the merge state. ``shown``: ``values(state, entity)``."""
    shown = values(state, entity) if shown is None else shown
    best: Version | None = None
    for name, f in state["f"].items():
        for h in f["h"]:
            if name in shown and h[1] == shown[name] and (best is None or h[0] > best[0]):
                best = h
                break
    return best


def valid_state(state: object) -> bool:
    """The shape of a merge state read from a snapshot (values are checked against columns later)."""
    return checked_newest(state) is not None


_COMPACT_KEYS = frozenset(("w", "v", "k"))


def checked_newest(state: object) -> str | None:
    """``valid_state`` and the state's greatest HLC (``""`` when it has none) in one pass; None when the
    state's shape is wrong."""
    if type(state) is not dict:
        return None
    k = state.get("k")
    if k is not None and type(k) is not str:
        return None
    w = state.get("w")
    if w is not None:  # compact form: nothing but w, v, k
        if (type(w) is not list or len(w) != 2 or type(w[0]) is not str or len(w[0]) < 20
                or type(w[1]) is not str or type(state.get("v")) is not dict or not state["v"]
                or not _COMPACT_KEYS.issuperset(state)):
            return None
        newest: str = w[0]
        return newest
    fields = state.get("f", {})
    if type(fields) is not dict:
        return None
    best = ""
    for f in fields.values():
        if type(f) is not dict:
            return None
        heads = f.get("h")
        sup = f.get("s", [])
        if type(heads) is not list or type(sup) is not list:
            return None
        for h in heads:
            if type(h) is not list or len(h) != 3:
                return None
            hlc = h[0]
            if type(hlc) is not str or len(hlc) < 20 or type(h[2]) is not str:
                return None
            if hlc > best:
                best = hlc
        for x in sup:
            if type(x) is not str:
                return None
    deletes = state.get("d", [])
    if type(deletes) is not list:
        return None
    for d in deletes:
        if type(d) is not list or len(d) != 3 or type(d[0]) is not str or type(d[2]) is not list:
            return None
        if d[0] > best:
            best = d[0]
    p = state.get("p")
    if not (p is None or (type(p) is list and len(p) == 2 and type(p[0]) is str)):
        return None
    if type(state.get("ds", [])) is not list:
        return None
    return best


def hlc_device(hlc: str) -> str:
    return hlc.split("-", 2)[2] if hlc.count("-") >= 2 else ""


def _version(h: Version) -> dict[str, Any]:
    return {"hlc": h[0], "value": h[1], "author": h[2], "device": hlc_device(h[0]), "at": hlc_time(h[0])}


def conflicts(state: State, entity: str) -> dict[str, list[dict[str, Any]]]:
    """Fields with more than one kept version (winner first), and ``_deleted`` for a racing deletion."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not alive(state):  # deleted or purged: nothing left to choose between
        return out
    shown = values(state, entity)
    for name, f in state["f"].items():
        if len(f["h"]) > 1:
            heads = sorted(f["h"], key=lambda h: (h[1] != shown.get(name), _neg(h[0])))
            out[name] = [_version(h) for h in heads]
    deletes = active_deletes(state)
    if deletes:
        out[DELETED] = [{"hlc": d[0], "value": None, "author": d[1], "device": hlc_device(d[0]),
                         "at": hlc_time(d[0])} for d in deletes]
    return out


def _neg(hlc: str) -> str:
    # Sort key for "greatest HLC first" inside a tuple whose other part sorts ascending.
    return "".join(chr(0x10FFFF - ord(c)) for c in hlc)


def local_write(state: State, change: dict[str, Any], pending: dict[str, list[str]],
                purge: bool = False) -> Write:
    """The write for one local change row, with the bases its author saw; merged into ``state``."""
    w: Write = {"h": change["hlc"], "a": change["author"], "e": change["entity"], "i": change["entity_id"],
                "c": change["compartment"], "k": change.get("client_id")}
    if (change["op"] != "delete" and not pending and not state["f"] and not state["d"] and not state["ds"]
            and state.get("p") is None and not state.get("pd")):
        # A record's first change (a first push): no versions to be based on, nothing to compare with.
        w["o"], w["f"], w["b"] = "u", dict(change["fields"]), {}
        k = state.get("k") or w.get("k")
        state.update(fresh_state(w))
        state["k"] = k
        return w
    if change["op"] == "delete":
        w["o"] = "p" if purge else "d"
        if not purge:
            w["db"] = head_hlcs(state)
    else:
        w["o"] = "u"
        fields = dict(change["fields"])
        if (change["entity"] == SIGNED_TABLE and fields.get(SIGNED_FIELD) is not None):
            current = values(state, SIGNED_TABLE)
            if current.get(SIGNED_FIELD) is None:
                for name, value in current.items():
                    fields.setdefault(name, value)
        bases: dict[str, list[str]] = {}
        for name in fields:
            top = winner(state, name)
            b = set(pending.get(name, ()))
            if top is not None:
                b.add(top[0])
            b.discard(change["hlc"])  # a change shipped again (a new team) never supersedes itself
            if b:
                bases[name] = sorted(b)
        w["f"] = fields
        w["b"] = bases
        if PROTECTED_FIELD in pending and change["entity"] == PROTECTED_TABLE:
            w["pc"] = True  # a worker chose this protection level in the two-versions dialog
        if DELETED in pending:
            w["kd"] = sorted(pending[DELETED])
    apply_write(state, w)
    return w


def copy_state(other: State) -> State:
    """A fresh state equal to joining ``other`` into an empty one (same heads, superseded sets, deletions)."""
    out = new_state(other.get("k"))
    if other.get("p") is not None:
        out["p"] = list(other["p"])
        return out
    out["f"] = {name: {"h": sorted(([h[0], h[1], h[2]] for h in f["h"] if h[0] not in set(f.get("s", []))),
                                   key=lambda h: h[0], reverse=True),
                       "s": sorted(set(f.get("s", [])))}
                for name, f in other.get("f", {}).items() if f["h"] or f.get("s")}
    out["d"] = sorted(([d[0], d[1], sorted(d[2])] for d in other.get("d", [])), key=lambda d: d[0])
    out["ds"] = sorted(set(other.get("ds", [])))
    if other.get("pd"):
        out["pd"] = sorted(set(other["pd"]))
    return out


def merge_states(into: State, other: State) -> bool:
    """Join a snapshot's state into a local one (the same as applying every write both have seen)."""
    changed = False
    if other.get("p") is not None:
        changed |= apply_write(into, {"h": other["p"][0], "a": other["p"][1], "o": "p"})
    for d in other.get("d", []):
        changed |= apply_write(into, {"h": d[0], "a": d[1], "o": "d", "db": d[2]})
    for name, f in other.get("f", {}).items():
        for h in f["h"]:
            changed |= apply_write(into, {"h": h[0], "a": h[2], "o": "u", "f": {name: h[1]}})
        if f["s"]:
            changed |= _add_sup(into, name, f["s"])
    if other.get("ds"):
        changed |= apply_write(into, {"h": "", "o": "u", "f": {}, "kd": other["ds"]})
    if other.get("k") and not into.get("k"):
        into["k"] = other["k"]
    held = set(other.get("pd", [])) - set(into.get("pd", []))
    if held:
        into["pd"] = sorted(held | set(into.get("pd", [])))
        changed = True
    return changed


def _add_sup(state: State, name: str, sup: Iterable[str]) -> bool:
    if state.get("p") is not None:
        return False
    f = _field(state, name)
    new = set(f["s"]).union(sup)
    if new == set(f["s"]):
        return False
    f["s"] = sorted(new)
    f["h"] = [h for h in f["h"] if h[0] not in new]
    return True
