"""What documents are laid out from: the read models a service hands in (its dataclasses fit these shapes).

The document layer never reads the database: a service gathers these, calls a ``layout_*`` function and gets
the PDF bytes back in a ``PrintResult``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol


class ClientFacts(Protocol):
    """The client as a document may see her (``services.clients.ClientDetail`` has this shape)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def languages(self) -> str: ...
    @property
    def protected_identity(self) -> str: ...
    @property
    def is_protected(self) -> bool: ...
    @property
    def address(self) -> str: ...
    @property
    def personal_number(self) -> str | None: ...


class PlanFacts(Protocol):
    """One saved safety-plan version (``services.safety_plan.plans.PlanVersion`` has this shape)."""

    @property
    def id(self) -> str: ...
    @property
    def version(self) -> int: ...
    @property
    def language(self) -> str: ...
    @property
    def neutral_title(self) -> str: ...
    @property
    def sections(self) -> dict[str, Any]: ...
    @property
    def created_at(self) -> datetime: ...
