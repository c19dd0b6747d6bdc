"""Stored codes (status, kinds of support, activities, ...) to text shown on screen, through Qt's translator.

Every label is written out as a literal ``translate("Labels", ...)`` call so pyside6-lupdate finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication


def local_time(iso_utc: str) -> str:
    """Stored times are UTC; the worker reads her own clock (the history panel, the sync conflicts)."""
    try:
        at = datetime.fromisoformat(iso_utc)
    except ValueError:
        return iso_utc
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def _table(build: Callable[[], dict[str, str]]) -> Callable[[str], str]:
    def label(code: str) -> str:
        return build().get(code, code)

    return label


status = _table(lambda: {
    "incoming": QCoreApplication.translate("Labels", "Incoming"),
    "current": QCoreApplication.translate("Labels", "Current"),
    "closed": QCoreApplication.translate("Labels", "Closed"),
})

kind = _table(lambda: {
    "practical_support": QCoreApplication.translate("Labels", "Practical support"),
    "support_talk": QCoreApplication.translate("Labels", "Support talk"),
    "civic_information": QCoreApplication.translate("Labels", "Civic information"),
    "court_support": QCoreApplication.translate("Labels", "Court support"),
})

activity = _table(lambda: {
    "": QCoreApplication.translate("Labels", "(no activity)"),
    "meeting": QCoreApplication.translate("Labels", "Meeting"),
    "phone": QCoreApplication.translate("Labels", "Phone call"),
    "police_report": QCoreApplication.translate("Labels", "Police report"),
    "health_care": QCoreApplication.translate("Labels", "Health care"),
    "dentist": QCoreApplication.translate("Labels", "Dentist"),
    "bank": QCoreApplication.translate("Labels", "Bank"),
    "authority_visit": QCoreApplication.translate("Labels", "Visit to an authority"),
    "court": QCoreApplication.translate("Labels", "Court"),
    "housing": QCoreApplication.translate("Labels", "Housing"),
    "other": QCoreApplication.translate("Labels", "Other"),
})

protected = _table(lambda: {
    "none": QCoreApplication.translate("Labels", "None"),
    "confidentiality_marking": QCoreApplication.translate("Labels", "Confidentiality marking"),
    "protected_registration": QCoreApplication.translate("Labels", "Protected registration"),
    "fictitious_identity": QCoreApplication.translate("Labels", "Fictitious identity"),
})

safety = _table(lambda: {
    "safe": QCoreApplication.translate("Labels", "Safe"),
    "unsafe": QCoreApplication.translate("Labels", "Unsafe"),
    "unknown": QCoreApplication.translate("Labels", "Unknown"),
})

trappan = _table(lambda: {
    "not_informed": QCoreApplication.translate("Labels", "Not informed"),
    "informed": QCoreApplication.translate("Labels", "Informed"),
    "linked": QCoreApplication.translate("Labels", "Linked to Trappan"),
    "declined": QCoreApplication.translate("Labels", "Did not happen"),
})

consent = _table(lambda: {
    "yes": QCoreApplication.translate("Labels", "Yes"),
    "no": QCoreApplication.translate("Labels", "No"),
    "unknown": QCoreApplication.translate("Labels", "Unknown"),
})

audit_action = _table(lambda: {
    "insert": QCoreApplication.translate("Labels", "Created"),
    "update": QCoreApplication.translate("Labels", "Changed"),
    "delete": QCoreApplication.translate("Labels", "Deleted"),
    "open": QCoreApplication.translate("Labels", "Opened"),
    "print": QCoreApplication.translate("Labels", "Printed"),
    "export": QCoreApplication.translate("Labels", "Exported"),
    "reveal": QCoreApplication.translate("Labels", "Address shown"),
})

entity = _table(lambda: {
    "clients": QCoreApplication.translate("Labels", "Client"),
    "cases": QCoreApplication.translate("Labels", "Case"),
    "decisions": QCoreApplication.translate("Labels", "Decision"),
    "extensions": QCoreApplication.translate("Labels", "Extension"),
    "diary_entries": QCoreApplication.translate("Labels", "Diary entry"),
    "network_contacts": QCoreApplication.translate("Labels", "Network contact"),
    "children": QCoreApplication.translate("Labels", "Child"),
    "court_appointments": QCoreApplication.translate("Labels", "Court appointment"),
    "safety_plan_versions": QCoreApplication.translate("Labels", "Safety plan"),
    "risk_assessments": QCoreApplication.translate("Labels", "Risk assessment"),
    "incidents": QCoreApplication.translate("Labels", "Incident"),
})


def track(code: str) -> str:
    return {"women": QCoreApplication.translate("Labels", "Women's support"),
            "men": QCoreApplication.translate("Labels", "Men's support")}.get(code, code)


def minutes(n: int) -> str:
    return QCoreApplication.translate("Labels", "%n min", "", n)
