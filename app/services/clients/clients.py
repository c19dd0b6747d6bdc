"""Clients: create, update, open (logged), list with filters and paging."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import exists, func, literal, or_, select

from app.errors import DomainError, NotFound
from app.models import (
    Case,
    Client,
    Compartment,
    CourtAppointment,
    Decision,
    ProtectedIdentity,
)
from app.services import audit, validation
from app.services.clients.status import client_status_expr, ending_within
from app.services.context import Diary

PROTECTED_LEVELS = {p.value for p in ProtectedIdentity}


@dataclass(frozen=True)
class ClientInput:
    name: str
    personal_number: str | None = None
    protected_identity: str = ProtectedIdentity.NONE.value
    languages: str = "sv"
    interpreter_needed: bool = False
    phone: str = ""
    email: str = ""
    address: str = ""
    postal_code: str = ""
    city: str = ""
    contact_note: str = ""
    worker: str = ""
    interpreter_language: str = ""
    interpreter_independent: bool = False


@dataclass(frozen=True)
class ClientSummary:
    """One row of the client list. Never carries an address."""

    id: str
    name: str
    status: str
    protected_identity: str
    case_number: str = ""
    district: str = ""
    decision_ending_soon: bool = False
    court_soon: bool = False

    @property
    def is_protected(self) -> bool:
        return self.protected_identity != ProtectedIdentity.NONE.value


@dataclass(frozen=True)
class ClientDetail:
    id: str
    name: str
    personal_number: str | None
    protected_identity: str
    languages: str
    interpreter_needed: bool
    phone: str
    email: str
    address: str
    postal_code: str
    city: str
    contact_note: str
    worker: str
    status: str
    created_at: str
    created_by: str
    interpreter_language: str = ""
    interpreter_independent: bool = False

    @property
    def is_protected(self) -> bool:
        return self.protected_identity != ProtectedIdentity.NONE.value


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    offset: int
    limit: int = field(default=100)


def _interpreter_language(data: ClientInput) -> str:
    if not data.interpreter_needed:
        return ""
    code = (data.interpreter_language or "").strip().lower()
    if code and not (2 <= len(code) <= 3 and code.isalpha()):
        raise DomainError("Languages must be language codes such as sv, en, ar.")
    return code


def _validated(data: ClientInput) -> dict[str, object]:
    langs = [lang.strip().lower() for lang in (data.languages or "sv").split(",") if lang.strip()]
    if any(not (2 <= len(lang) <= 3 and lang.isalpha()) for lang in langs):
        raise DomainError("Languages must be language codes such as sv, en, ar.")
    name = validation.required(data.name, "Name")
    return dict(
        name=name,
        name_key=name.casefold(),
        personal_number=validation.personal_number(data.personal_number),
        protected_identity=validation.one_of(data.protected_identity, PROTECTED_LEVELS, "Protected identity"),
        languages=",".join(langs) or "sv",
        interpreter_needed=bool(data.interpreter_needed),
        interpreter_language=_interpreter_language(data),
        interpreter_independent=bool(data.interpreter_needed and data.interpreter_independent),
        phone=validation.optional(data.phone, "Phone", 50),
        email=validation.optional(data.email, "E-mail", 200),
        address=validation.optional(data.address, "Address"),
        postal_code=validation.optional(data.postal_code, "Postal code", 10),
        city=validation.optional(data.city, "City", 100),
        contact_note=validation.optional(data.contact_note, "Contact note", 2000),
        worker=validation.optional(data.worker, "Worker"),
    )


def create_client(diary: Diary, data: ClientInput) -> ClientDetail:
    diary.require_track(Compartment.WOMEN.value)
    values = _validated(data)
    if not values["worker"]:
        values["worker"] = diary.worker.name
    with diary.write() as s:
        client = Client(compartment=Compartment.WOMEN.value, **values)
        s.add(client)
        s.flush()
        client_id = client.id
    return get_client(diary, client_id, log=False)


def update_client(diary: Diary, client_id: str, data: ClientInput) -> ClientDetail:
    values = _validated(data)
    with diary.write() as s:
        client = _load(diary, s, client_id)
        for k, v in values.items():
            if getattr(client, k) != v:
                setattr(client, k, v)
    return get_client(diary, client_id, log=False)


def _load(diary: Diary, s: object, client_id: str) -> Client:
    from sqlalchemy.orm import Session

    assert isinstance(s, Session)
    client = s.get(Client, client_id)
    if client is None:
        raise NotFound("The client was not found.")
    diary.require_track(client.compartment)
    return client


def require_client(diary: Diary, s: object, client_id: str) -> Client:
    """Load a client the worker may see, or raise NotFound / AccessDenied."""
    return _load(diary, s, client_id)


def get_client(diary: Diary, client_id: str, *, log: bool = True) -> ClientDetail:
    """The whole client record. Opening it is logged in the audit trail."""
    today = diary.today()
    with diary.read() as s:
        client = _load(diary, s, client_id)
        status = s.scalar(select(client_status_expr(today)).where(Client.id == client_id)) or "incoming"
        detail = ClientDetail(
            id=client.id, name=client.name, personal_number=client.personal_number,
            protected_identity=client.protected_identity, languages=client.languages,
            interpreter_needed=client.interpreter_needed, phone=client.phone, email=client.email,
            address=client.address, postal_code=client.postal_code, city=client.city,
            contact_note=client.contact_note, worker=client.worker, status=status,
            created_at=client.created_at.isoformat(timespec="minutes"), created_by=client.created_by,
            interpreter_language=client.interpreter_language,
            interpreter_independent=client.interpreter_independent,
        )
    if log:
        audit.log(diary, "open", client_id=client_id, compartment=client.compartment, entity="clients",
                  entity_id=client_id)
    return detail


def _latest_case_number(today: date) -> Any:
    return (select(Case.case_number).where(Case.client_id == Client.id)
            .order_by(Case.created_at.desc()).limit(1).scalar_subquery())


def _latest_district() -> Any:
    return (select(Decision.district).join(Case, Decision.case_id == Case.id)
            .where(Case.client_id == Client.id).order_by(Decision.starts_on.desc()).limit(1)
            .scalar_subquery())


def list_clients(
    diary: Diary,
    *,
    status: str | None = None,
    district: str | None = None,
    mine: bool = False,
    ids: list[str] | None = None,
    offset: int = 0,
    limit: int = 100,
) -> Page[ClientSummary]:
    """The client list, sorted by name, one page at a time."""
    today = diary.today()
    status_col = client_status_expr(today).label("status")
    district_col = _latest_district().label("district")
    ending = exists(select(literal(1)).select_from(Decision).join(Case, Decision.case_id == Case.id)
                    .where(Case.client_id == Client.id, or_(Case.closed_on.is_(None), Case.closed_on > today),
                           ending_within(today, 14)))
    court = exists(select(literal(1)).where(
        CourtAppointment.client_id == Client.id,
        CourtAppointment.starts_at >= today,
        CourtAppointment.starts_at < today + timedelta(days=8)))
    # Filter and page on ids first; the costlier per-row columns are computed for one page only.
    base = select(Client.id).where(Client.compartment.in_(diary.tracks))
    if mine:
        base = base.where(Client.worker == diary.worker.name)
    if ids is not None:
        base = base.where(Client.id.in_(ids))
    if status:
        base = base.where(client_status_expr(today) == status)
    if district:
        base = base.where(_latest_district() == district)
    with diary.read() as s:
        total = s.scalar(select(func.count()).select_from(base.subquery())) or 0
        page_ids = list(s.scalars(base.order_by(Client.name_key, Client.id).offset(offset).limit(limit)))
        q = (select(Client.id, Client.name, status_col, Client.protected_identity,
                    _latest_case_number(today), district_col, ending, court)
             .where(Client.id.in_(page_ids)).order_by(Client.name_key, Client.id))
        items = [ClientSummary(id=r[0], name=r[1], status=r[2], protected_identity=r[3],
                               case_number=r[4] or "", district=r[5] or "",
                               decision_ending_soon=bool(r[6]), court_soon=bool(r[7]))
                 for r in s.execute(q)]
    return Page(items=items, total=total, offset=offset, limit=limit)
