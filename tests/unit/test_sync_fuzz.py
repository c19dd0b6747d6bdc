"""The parsers of everything read from the share, fed arbitrary bytes: a Rejected error, never a crash."""

from __future__ import annotations

import contextlib
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from app.storage.keyfile import KdfParams
from app.sync import container, crypto, files, snapshot, team
from app.sync.errors import Rejected

KEY = bytes(range(32))
KEYS = {1: KEY}
SIGN, VERIFY = crypto.new_signing_keys()
TEAM, MEMBER = "ab" * 16, "0123456789abcdef"
SEGMENT = container.encode("segment", {"team": TEAM, "member": MEMBER, "seq": 1, "epoch": 1, "deps": {}},
                           [{"h": "1700000000000-00000-dev", "e": "clients", "i": "x", "o": "u", "c": "women",
                             "f": {"name": "n"}, "b": {"name": []}}], KEY, SIGN)
SNAPSHOT = container.encode("snapshot", {"team": TEAM, "member": MEMBER, "seq": 1, "epoch": 1, "deps": {},
                                         "part": 1, "parts": 1},
                            {"states": [["clients", "x", {"f": {}, "d": [], "ds": [], "p": None}]]}, KEY, SIGN)
FUZZ = settings(max_examples=300, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])


def _parse_all(data: bytes) -> None:
    for fn in (lambda: files.open_segment(data, TEAM, MEMBER, 1, KEYS, VERIFY),
               lambda: snapshot.open_snapshot(data, TEAM, MEMBER, 1, KEYS, VERIFY),
               lambda: files.decode_key_file(data)):
        with contextlib.suppress(Rejected):
            fn()


@FUZZ
@given(hs.binary(max_size=4096))
def test_random_bytes_never_crash_the_parsers(data: bytes) -> None:
    _parse_all(data)
    _parse_all(SEGMENT[:60] + data)


@FUZZ
@given(hs.lists(hs.tuples(hs.integers(0, 10_000), hs.integers(0, 255)), min_size=1, max_size=8),
       hs.integers(0, 2000))
def test_mutated_real_files_are_rejected_not_crashing(edits: list[tuple[int, int]], cut: int) -> None:
    for original in (SEGMENT, SNAPSHOT):
        data = bytearray(original)
        for pos, val in edits:
            data[pos % len(data)] = val
        mutated = bytes(data[: max(0, len(data) - cut)])
        if mutated == original:
            continue
        with pytest.raises(Rejected):
            if original is SEGMENT:
                files.open_segment(mutated, TEAM, MEMBER, 1, KEYS, VERIFY)
            else:
                snapshot.open_snapshot(mutated, TEAM, MEMBER, 1, KEYS, VERIFY)


def test_good_files_parse() -> None:
    header, writes = files.open_segment(SEGMENT, TEAM, MEMBER, 1, KEYS, VERIFY)
    assert header["seq"] == 1 and writes[0]["f"] == {"name": "n"}
    deps, states = snapshot.open_snapshot(SNAPSHOT, TEAM, MEMBER, 1, KEYS, VERIFY)
    assert deps == {} and states[0][1] == "x"


def test_a_file_signed_by_another_member_is_rejected() -> None:
    other_sign, other_verify = crypto.new_signing_keys()
    forged = container.encode("segment", {"team": TEAM, "member": MEMBER, "seq": 1, "epoch": 1, "deps": {}},
                              [], KEY, other_sign)  # a team member with the key, writing under MEMBER's name
    with pytest.raises(Rejected, match="not signed by the member"):
        files.open_segment(forged, TEAM, MEMBER, 1, KEYS, VERIFY)
    files.open_segment(forged, TEAM, MEMBER, 1, KEYS, other_verify)  # fine under its real writer's key
    with pytest.raises(Rejected, match="does not know"):
        files.open_segment(SEGMENT, TEAM, MEMBER, 1, KEYS, None)


def test_protocol_1_files_are_refused_with_a_clear_message() -> None:
    old = SEGMENT[:10] + b"\x01" + SEGMENT[11:]
    with pytest.raises(Rejected, match="older Athena"):
        files.open_segment(old, TEAM, MEMBER, 1, KEYS, VERIFY)


def test_decompression_is_bounded() -> None:
    bomb = zlib.compress(b"\0" * 20_000_000, 9)
    assert len(bomb) < 50_000
    with pytest.raises(Rejected):
        container.inflate(bomb, limit=1_000_000)
    assert container.inflate(zlib.compress(b"ok"), limit=10) == b"ok"


def test_sealed_payload_that_is_a_bomb_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(container, "MAX_PLAIN", 100_000)
    big = container.encode("segment", {"team": TEAM, "member": MEMBER, "seq": 1, "epoch": 1, "deps": {}},
                           ["x" * 1_000_000], KEY, SIGN)
    with pytest.raises(Rejected):
        files.open_segment(big, TEAM, MEMBER, 1, KEYS, VERIFY)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(hs.binary(max_size=600))
def test_invitation_parser_rejects_garbage(data: bytes) -> None:
    with pytest.raises(Rejected):
        team.read_invite(data, "AAAA-BBBB")


def test_invitation_with_absurd_kdf_cost_is_refused() -> None:
    import json
    import struct
    header = json.dumps({"kdf": "argon2id", "salt": "AAAAAAAAAAAAAAAAAAAAAA==", "time_cost": 1,
                         "memory_kib": 64 * 1024 * 1024, "parallelism": 1}).encode()
    data = struct.pack(">10sBI", b"ATHENA-INV", 1, len(header)) + header + b"\0" * 40
    with pytest.raises(Rejected):
        team.read_invite(data, "code")
    assert KdfParams.fast_for_tests().memory_kib < 64 * 1024


def test_only_complete_snapshots_are_used() -> None:
    one, two = files.snap_name(3, 1, 2), files.snap_name(3, 2, 2)
    assert files.snapshots([one]) == {}
    assert files.snapshots([two, one, "p-0000000003.snp"]) == {3: [one, two]}


@settings(max_examples=200, deadline=None, derandomize=True)
@given(hs.lists(hs.tuples(hs.sampled_from(["a", "b"]), hs.integers(1, 9), hs.integers(0, 3),
                          hs.lists(hs.integers(1, 9), max_size=3), hs.sampled_from(["u", "d"])), max_size=12))
def test_copying_a_snapshot_state_equals_joining_it(ops: list[tuple[str, int, int, list[int], str]]) -> None:
    from app.sync import state as st
    src = st.new_state("k1")
    for field, t, value, bases, op in ops:
        h = f"{1700000000000 + t:013d}-00000-dev"
        b = [f"{1700000000000 + x:013d}-00000-dev" for x in bases]
        if op == "u":
            st.apply_write(src, {"h": h, "o": "u", "f": {field: value}, "b": {field: b}})
        else:
            st.apply_write(src, {"h": h, "o": "d", "db": b})
    joined = st.new_state("k1")
    st.merge_states(joined, src)
    assert st.copy_state(src) == joined


def _reference_write_ok(w: object) -> bool:
    """``files.validate_write`` as it was written first, all in one expression: the reference for the
    quicker one."""
    def hlcs(v: object) -> bool:
        return isinstance(v, list) and all(isinstance(h, str) and files.HLC_RE.match(h) is not None for h in v)

    return bool(isinstance(w, dict) and isinstance(w.get("h"), str) and files.HLC_RE.match(w["h"]) is not None
                and isinstance(w.get("e"), str) and isinstance(w.get("i"), str) and 0 < len(w["i"]) <= 36
                and w.get("o") in ("u", "d", "p") and isinstance(w.get("c"), str)
                and isinstance(w.get("a", ""), str) and (w.get("k") is None or isinstance(w.get("k"), str))
                and isinstance(w.get("f", {}), dict) and isinstance(w.get("b", {}), dict)
                and all(hlcs(b) for b in w.get("b", {}).values()) and hlcs(w.get("db", []))
                and hlcs(w.get("kd", [])) and isinstance(w.get("pc", False), bool))


_HLC = "1700000000000-00000-dev"
_values = hs.one_of(hs.none(), hs.booleans(), hs.integers(), hs.text(max_size=40), hs.sampled_from(
    ["u", "d", "p", "x", _HLC, "1700000000000-1-dev", "bad-hlc", "clients", "women", "0" * 36, "0" * 37, ""]),
    hs.lists(hs.sampled_from([_HLC, "no", 3]), max_size=3), hs.dictionaries(
        hs.sampled_from(["name", "city"]), hs.one_of(hs.lists(hs.sampled_from([_HLC, "no"]), max_size=2),
                                                  hs.text(max_size=3)), max_size=2))
_writes = hs.one_of(
    hs.dictionaries(hs.sampled_from(["h", "e", "i", "o", "c", "a", "k", "f", "b", "db", "kd", "pc", "zz"]),
                    _values, max_size=13),
    hs.fixed_dictionaries({"h": hs.just(_HLC), "e": hs.just("clients"), "i": hs.just("x"),
                           "o": hs.sampled_from(["u", "d", "p"]), "c": hs.just("women")},
                          optional={"a": _values, "k": _values, "f": _values, "b": _values, "db": _values,
                                    "kd": _values, "pc": _values}),
    _values)


@FUZZ
@given(_writes)
def test_validate_write_accepts_exactly_what_the_reference_accepts(w: object) -> None:
    want = _reference_write_ok(w)
    try:
        files.validate_write(w)
        got = True
    except Rejected:
        got = False
    assert got == want, w
