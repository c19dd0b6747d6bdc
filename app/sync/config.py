"""What a sync round may do (``SyncConfig``) and what it reports (``SyncSummary``), with the exit codes of
`athena sync` (docs/sync.md, "Exit codes").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

# `athena sync` exit codes (docs/sync.md, "Exit codes").
EXIT_OK, EXIT_PROBLEMS, EXIT_UNREACHABLE, EXIT_REMOVED, EXIT_CLOCK = 0, 1, 4, 5, 6


@dataclass
class SyncConfig:
    max_future_ms: int = 24 * 3_600_000  # changes stamped further ahead are held back / not stamped
    segment_max_writes: int = 5000
    snapshot_every: int = 50  # own segments between snapshots
    max_segments_per_round: int = 5000
    transaction_writes: int = 2000  # at most this many writes applied or sent per write transaction
    transaction_ms: int = 60  # each step sized to last about this long (a waiting write waits ≤ one step)
    transaction_max_ms: int = 3000  # a transaction of many steps commits after this long anyway


@dataclass
class SyncSummary:
    ok: bool = True
    pushed: int = 0
    pulled: int = 0
    conflicts: int = 0
    waiting: int = 0
    held: int = 0
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    last_sync: datetime | None = None
    bytes_written: int = 0
    removed: bool = False  # this laptop was removed from a team
    unreachable: bool = False  # the share (or the team's folder) was not there; nothing changed
    clock_ahead_hours: int = 0  # this laptop's clock is ahead of the share's: its changes are kept back
    refused: int = 0  # received changes refused by validation
    repaired: int = 0  # own files uploaded again or moved aside
    stopped: bool = False  # asked to stop (the diary locked) before the end; the next round goes on

    @property
    def exit_code(self) -> int:
        if self.removed:
            return EXIT_REMOVED
        if self.unreachable:
            return EXIT_UNREACHABLE
        if self.clock_ahead_hours:
            return EXIT_CLOCK
        return EXIT_OK if self.ok else EXIT_PROBLEMS
