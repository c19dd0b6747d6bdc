"""The compact merge state (one write's state, ``{"w", "v", "k"}``) stands for exactly its full state: merging
into either form, storing and reading it back give the same heads, values, conflicts and provenance."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as strat

from app.sync import container, crypto, snapshot
from app.sync import state as st
from app.sync.errors import Rejected

HLCS = [f"{1790000000000 + n:013d}-00000-dev{n % 3}-0000-0000-0000-000000000000" for n in range(12)]
FIELDS = ["name", "phone", "protected_identity", "signed_at"]


def _write(n: int, fields: dict[str, Any], bases: dict[str, list[str]], op: str, entity: str) -> st.Write:
    w: st.Write = {"h": HLCS[n], "a": f"author{n % 2}", "e": entity, "i": "r1", "c": "women", "k": "k1",
                   "o": op}
    if op == "u":
        w["f"], w["b"] = fields, bases
    elif op == "d":
        w["db"] = sorted({b for bs in bases.values() for b in bs})
    return w


writes = strat.lists(strat.tuples(
    strat.integers(0, len(HLCS) - 1),
    strat.dictionaries(strat.sampled_from(FIELDS),
                       strat.sampled_from(["a", "b", None, "none", "protected_registration", 3])),
    strat.dictionaries(strat.sampled_from(FIELDS), strat.lists(strat.sampled_from(HLCS), max_size=2)),
    strat.sampled_from(["u", "u", "u", "d", "p"])), min_size=1, max_size=6)


def _stored(s: st.State) -> st.State:
    """What the diary holds and gives back: the compact form where there is one, through JSON."""
    loaded: st.State = json.loads(json.dumps(st.compact(s)))
    return st.expand(loaded)


def _view(s: st.State, entity: str) -> tuple[Any, ...]:
    return (s, st.values(s, entity), st.conflicts(s, entity), st.provenance(s, entity), st.alive(s))


@settings(max_examples=300, deadline=None)
@given(writes, strat.sampled_from(["clients", "diary_entries"]))
def test_compact_and_expanded_states_merge_identically(seq: list[Any], entity: str) -> None:
    full = st.new_state("k1")
    through = st.new_state("k1")
    for n, fields, bases, op in seq:
        w = _write(n, fields, bases, op, entity)
        st.apply_write(full, w)
        st.apply_write(through, w)
        through = _stored(through)  # stored and read back after every write
        assert _view(through, entity) == _view(full, entity)
        small = st.compact(full)
        if st.is_compact(small):
            assert st.expand(small) == full
            assert st.checked_newest(small) == max(h[0] for f in full["f"].values() for h in f["h"])


@settings(max_examples=200, deadline=None)
@given(strat.dictionaries(strat.sampled_from(FIELDS), strat.sampled_from(["a", None, 7]), min_size=1),
       strat.integers(0, len(HLCS) - 1))
def test_a_first_write_gives_the_same_state_compact_or_not(fields: dict[str, Any], n: int) -> None:
    w = _write(n, fields, {}, "u", "clients")
    fresh = st.new_state("k1")
    st.apply_write(fresh, w)
    assert st.expand(st.one_write(w)) == fresh == st.fresh_state(w)
    assert st.compact(fresh) == st.one_write(w)
    # merging a snapshot's compact state into a local one is merging its full state
    mine, other = st.new_state("k1"), st.new_state("k1")
    st.apply_write(mine, _write((n + 1) % len(HLCS), {"phone": "x"}, {}, "u", "clients"))
    st.apply_write(other, _write((n + 1) % len(HLCS), {"phone": "x"}, {}, "u", "clients"))
    st.merge_states(mine, st.expand(st.one_write(w)))
    st.merge_states(other, fresh)
    assert mine == other


def test_states_that_are_not_one_write_stay_full() -> None:
    s = st.new_state("k1")
    st.apply_write(s, _write(1, {"name": "a"}, {}, "u", "clients"))
    st.apply_write(s, _write(2, {"phone": "b"}, {}, "u", "clients"))  # two writes: two hlcs
    assert not st.is_compact(st.compact(s))
    c = st.new_state("k1")
    st.apply_write(c, _write(1, {"name": "a"}, {}, "u", "clients"))
    st.apply_write(c, _write(2, {"name": "b"}, {}, "u", "clients"))  # a conflict: two heads
    assert not st.is_compact(st.compact(c))
    d = st.new_state("k1")
    st.apply_write(d, _write(1, {"name": "a"}, {}, "u", "clients"))
    st.apply_write(d, _write(2, {}, {"x": [HLCS[1]]}, "d", "clients"))
    assert not st.is_compact(st.compact(d))
    assert not st.is_compact(st.compact({"f": {}, "d": [], "ds": [], "p": ["0", ""], "k": None}))


def test_a_malformed_compact_state_is_refused() -> None:
    good = {"w": [HLCS[0], "a"], "v": {"name": "x"}, "k": "k1"}
    assert st.checked_newest(good) == HLCS[0]
    for bad in ({**good, "f": {}}, {**good, "v": {}}, {**good, "v": []}, {**good, "w": [HLCS[0]]},
                {**good, "w": ["short", "a"]}, {**good, "w": [HLCS[0], 3]}, {**good, "k": 5},
                {**good, "d": []}):
        assert st.checked_newest(bad) is None
        assert not st.valid_state(bad)


def _snapshot(payload: object) -> bytes:
    header = {"team": TEAM, "member": MEMBER, "seq": 1, "epoch": 1, "deps": {"m2": 3}, "part": 1, "parts": 1}
    return container.encode("snapshot", header, payload, KEY, SIGN)


KEY = bytes(range(32))
SIGN, VERIFY = crypto.new_signing_keys()
TEAM, MEMBER = "cd" * 16, "fedcba9876543210"
FULL = {"f": {"name": {"h": [[HLCS[3], "Anna", "a"]], "s": []}, "phone": {"h": [[HLCS[3], "070", "a"]], "s": []}},
        "d": [], "ds": [], "p": None, "k": None}


def test_snapshots_of_earlier_protocol_2_code_are_read() -> None:
    """``{"states": [...]}`` with full states, as written before the compact form: read as before."""
    deps, states = snapshot.open_snapshot(_snapshot({"states": [["clients", "c1", FULL]]}), TEAM, MEMBER, 1,
                                          {1: KEY}, VERIFY)
    assert deps == {"m2": 3} and states == [["clients", "c1", FULL]]


def test_a_snapshot_with_compact_states_is_read_and_checked() -> None:
    small = st.compact(FULL)
    assert small == {"w": [HLCS[3], "a"], "v": {"name": "Anna", "phone": "070"}, "k": None}
    _, states = snapshot.open_snapshot(_snapshot({"rows": [["clients", "c1", small], ["clients", "c2", FULL]]}),
                                       TEAM, MEMBER, 1, {1: KEY}, VERIFY)
    assert [st.expand(s) for _, _, s in states] == [FULL, FULL]
    for bad in ({**small, "f": {}}, {**small, "v": {}}, {"w": [HLCS[3], "a"], "v": "x"}, {**small, "w": 5}):
        try:
            snapshot.open_snapshot(_snapshot({"rows": [["clients", "c1", bad]]}), TEAM, MEMBER, 1, {1: KEY},
                                   VERIFY)
        except Rejected as exc:
            assert exc.message_en == "A file on the share has damaged content."
        else:
            raise AssertionError(f"accepted {bad}")


def test_a_compact_state_stamped_in_the_future_is_refused() -> None:
    small = {"w": [f"{4_000_000_000_000:013d}-00000-dev0-0000-0000-0000-000000000000", "a"], "v": {"name": "x"},
             "k": None}
    try:
        snapshot.open_snapshot(_snapshot({"rows": [["clients", "c1", small]]}), TEAM, MEMBER, 1, {1: KEY},
                               VERIFY, not_after_ms=1_800_000_000_000)
    except Rejected as exc:
        assert "stamped in the future" in exc.message_en
    else:
        raise AssertionError("a future compact state was accepted")
