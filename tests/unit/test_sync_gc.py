"""A round pauses the cycle collector and leaves no full collection due after it; the desktop's own policy
(its long-lived objects frozen from unlock to lock, ``app/ui/access/unlock.py``) is kept."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path
from typing import Any

import pytest

from app.sync import batches, merge
from app.sync.config import SyncConfig
from tests.unit.sync_helpers import synced_team


def _team(tmp_path: Path):  # type: ignore[no-untyped-def]
    share, (a, b) = synced_team(tmp_path)
    for k in range(30):
        a.add_client(f"Klient {k}")
    assert a.sync(share).ok
    return share, b


def test_a_round_leaves_the_collector_as_it_found_it_with_nothing_due(tmp_path: Path) -> None:
    share, b = _team(tmp_path)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert b.sync(share).pulled == 30
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # nothing left frozen by the round
    assert gc.get_count()[1:] == (0, 0)  # it collected once at its end: no older generation is due


def test_objects_the_process_froze_stay_frozen(tmp_path: Path) -> None:
    share, b = _team(tmp_path)
    gc.freeze()
    gc.disable()
    try:
        frozen = gc.get_freeze_count()
        assert b.sync(share).pulled == 30
        assert not gc.isenabled()  # the desktop switched it off (opening): still off
        # Still frozen (less those that the round's own work freed: a frozen object can still be deallocated).
        assert gc.get_freeze_count() > 0.9 * frozen
    finally:
        gc.unfreeze()
        gc.enable()


def test_garbage_made_during_a_long_round_is_collected_between_its_steps(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pause holds for every thread of the program: in a long round, the garbage made meanwhile (here a
    reference cycle made while the round applies) is collected between two steps, not all at once at its end
    (a collection holds every thread: the desktop's reads waited over 100 ms for the one at the end of a
    31,000-change join)."""
    share, b = _team(tmp_path)
    monkeypatch.setattr(batches, "COLLECT_EVERY_S", 0.0)
    made: list[weakref.ref[object]] = []
    alive_at_next_step: list[bool] = []
    apply_remote = merge.apply_remote

    class Node:
        me: object = None

    def spy(*args: Any, **kwargs: Any) -> None:
        if made:
            alive_at_next_step.append(made[0]() is not None)
        else:
            node = Node()
            node.me = node  # a cycle: only the collector frees it
            made.append(weakref.ref(node))
            del node
        apply_remote(*args, **kwargs)

    monkeypatch.setattr(merge, "apply_remote", spy)
    assert b.sync(share, SyncConfig(transaction_writes=10)).pulled == 30
    assert alive_at_next_step and alive_at_next_step[0] is False
    assert gc.isenabled() and gc.get_freeze_count() == 0
