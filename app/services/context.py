"""The opened diary as the services see it: the store plus who is working in it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date

from sqlalchemy import select

from app.errors import AccessDenied
from app.models import Compartment, Setting
from app.storage.changefeed import DiarySession, DriverWrite, Identity
from app.storage.vault import Store


@dataclass(frozen=True)
class Worker:
    name: str
    title: str = ""
    tracks: frozenset[str] = field(default_factory=lambda: frozenset({Compartment.WOMEN.value}))


@dataclass
class Diary:
    """What every service takes first: an unlocked store and the worker using it."""

    store: Store
    worker: Worker
    today_override: date | None = None  # tests and demos pin "today"

    @property
    def identity(self) -> Identity:
        return Identity(author=self.worker.name, device_id=self.store.device_id)

    def today(self) -> date:
        return self.today_override or date.today()

    @contextmanager
    def write(self) -> Iterator[DiarySession]:
        with self.store.write(self.identity) as s:
            yield s

    @contextmanager
    def write_cursor(self) -> Iterator[DriverWrite]:
        """A write on the driver's own cursor, no session (see ``Store.write_cursor``)."""
        with self.store.write_cursor(self.identity) as w:
            yield w

    @contextmanager
    def read(self) -> Iterator[DiarySession]:
        with self.store.read(self.identity) as s:
            yield s

    def require_track(self, compartment: str) -> None:
        if compartment not in self.worker.tracks:
            raise AccessDenied("This record belongs to another track and cannot be opened here.")

    @property
    def tracks(self) -> list[str]:
        return sorted(self.worker.tracks)

    def for_track(self, compartment: str) -> Diary:
        """The same diary seen from one of the worker's tracks only: every service then lists, opens and
        counts that track alone (a worker with both tracks switches explicitly between the two)."""
        self.require_track(compartment)
        return replace(self, worker=replace(self.worker, tracks=frozenset({compartment})))


def load_worker(store: Store) -> Worker:
    with store.read(Identity("", store.device_id)) as s:
        rows = {k: v for k, v in s.execute(select(Setting.key, Setting.value).where(Setting.key.like("worker.%")))}
    tracks = frozenset(t for t in rows.get("worker.tracks", "women").split(",") if t)
    return Worker(name=rows.get("worker.name", ""), title=rows.get("worker.title", ""), tracks=tracks)


def save_worker(store: Store, worker: Worker) -> None:
    with store.write(Identity(worker.name, store.device_id)) as s:
        for key, value in (("worker.name", worker.name), ("worker.title", worker.title),
                           ("worker.tracks", ",".join(sorted(worker.tracks)))):
            row = s.get(Setting, key)
            if row is None:
                s.add(Setting(key=key, value=value))
            else:
                row.value = value


def open_diary(store: Store) -> Diary:
    return Diary(store=store, worker=load_worker(store))
