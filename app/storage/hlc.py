"""Hybrid logical clock: timestamps that sort causally across devices whose clocks disagree.

A timestamp is ``WWWWWWWWWWWWW-CCCCC-device``: wall milliseconds (13 digits), a counter, and the device id,
so string order is the total order the sync applies changes in.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

MAX_COUNTER = 99_999


@dataclass(frozen=True, order=True)
class Timestamp:
    wall_ms: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}-{self.device}"

    @classmethod
    def parse(cls, s: str) -> Timestamp:
        wall, counter, device = s.split("-", 2)
        if len(wall) != 13 or len(counter) != 5:
            raise ValueError("bad HLC timestamp")
        return cls(int(wall), int(counter), device)


def now_ms() -> int:
    return int(time.time() * 1000)


def tick(last: Timestamp | None, device: str, wall_ms: int | None = None) -> Timestamp:
    """The next local timestamp after ``last``."""
    wall = now_ms() if wall_ms is None else wall_ms
    if last is None or wall > last.wall_ms:
        return Timestamp(wall, 0, device)
    if last.counter >= MAX_COUNTER:
        return Timestamp(last.wall_ms + 1, 0, device)
    return Timestamp(last.wall_ms, last.counter + 1, device)


def receive(last: Timestamp | None, remote: Timestamp, device: str, wall_ms: int | None = None) -> Timestamp:
    """The local clock after seeing a remote timestamp (the caller bounds how far ahead ``remote`` may be)."""
    wall = now_ms() if wall_ms is None else wall_ms
    last_wall = last.wall_ms if last else 0
    last_counter = last.counter if last else 0
    new_wall = max(wall, last_wall, remote.wall_ms)
    if new_wall == last_wall == remote.wall_ms:
        counter = max(last_counter, remote.counter) + 1
    elif new_wall == last_wall:
        counter = last_counter + 1
    elif new_wall == remote.wall_ms:
        counter = remote.counter + 1
    else:
        counter = 0
    if counter > MAX_COUNTER:
        return Timestamp(new_wall + 1, 0, device)
    return Timestamp(new_wall, counter, device)
