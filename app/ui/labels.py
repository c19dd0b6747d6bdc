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
    "reveal": QCoreApplication.translate("Labels", "Protected details shown"),
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


# Every stored field by its name on screen (the history tab, the two-versions dialog): never a raw column name.
field = _table(lambda: {
    "action": QCoreApplication.translate("Fields", "Action"),
    "active": QCoreApplication.translate("Fields", "Active"),
    "actor": QCoreApplication.translate("Fields", "Done by"),
    "at": QCoreApplication.translate("Fields", "Time"),
    "count": QCoreApplication.translate("Fields", "Number"),
    "detail": QCoreApplication.translate("Fields", "Details"),
    "hash": QCoreApplication.translate("Fields", "Checksum"),
    "head": QCoreApplication.translate("Fields", "Latest checksum"),
    "kind": QCoreApplication.translate("Fields", "Kind"),
    "label": QCoreApplication.translate("Fields", "Name"),
    "local_at": QCoreApplication.translate("Fields", "Local time"),
    "marked_on": QCoreApplication.translate("Fields", "Marked on"),
    "n": QCoreApplication.translate("Fields", "Sequence number"),
    "origin_device": QCoreApplication.translate("Fields", "Device of origin"),
    "position": QCoreApplication.translate("Fields", "Position"),
    "prev_hash": QCoreApplication.translate("Fields", "Previous checksum"),
    "reason": QCoreApplication.translate("Fields", "Reason"),
    "sealed_at": QCoreApplication.translate("Fields", "Sealed at"),
    "accompanied_by": QCoreApplication.translate("Fields", "Accompanied by"),
    "activity": QCoreApplication.translate("Fields", "Activity"),
    "address": QCoreApplication.translate("Fields", "Address"),
    "answers": QCoreApplication.translate("Fields", "Answers"),
    "assessed_on": QCoreApplication.translate("Fields", "Assessment date"),
    "assessor": QCoreApplication.translate("Fields", "Assessed by"),
    "author_name": QCoreApplication.translate("Fields", "Written by"),
    "author_title": QCoreApplication.translate("Fields", "Title of the writer"),
    "birth_year": QCoreApplication.translate("Fields", "Birth year"),
    "case_id": QCoreApplication.translate("Fields", "Case"),
    "case_number": QCoreApplication.translate("Fields", "Case number"),
    "case_officer": QCoreApplication.translate("Fields", "Case officer"),
    "city": QCoreApplication.translate("Fields", "City"),
    "client_estimate": QCoreApplication.translate("Fields", "Her own estimate"),
    "client_id": QCoreApplication.translate("Fields", "Client"),
    "closed_on": QCoreApplication.translate("Fields", "Closed on"),
    "closing_reason": QCoreApplication.translate("Fields", "Closing reason"),
    "code": QCoreApplication.translate("Fields", "Code"),
    "compartment": QCoreApplication.translate("Fields", "Track"),
    "completed_at": QCoreApplication.translate("Fields", "Completed"),
    "contact_note": QCoreApplication.translate("Fields", "How to contact"),
    "corrects_id": QCoreApplication.translate("Fields", "Corrects entry"),
    "counsel": QCoreApplication.translate("Fields", "Counsel for the injured party"),
    "court": QCoreApplication.translate("Fields", "Court"),
    "created_at": QCoreApplication.translate("Fields", "Created"),
    "created_by": QCoreApplication.translate("Fields", "Created by"),
    "decided_on": QCoreApplication.translate("Fields", "Decision date"),
    "decision_id": QCoreApplication.translate("Fields", "Decision"),
    "device_id": QCoreApplication.translate("Fields", "Laptop"),
    "district": QCoreApplication.translate("Fields", "District"),
    "duration_minutes": QCoreApplication.translate("Fields", "Duration"),
    "email": QCoreApplication.translate("Fields", "E-mail"),
    "ends_on": QCoreApplication.translate("Fields", "End of period"),
    "event_on": QCoreApplication.translate("Fields", "Date"),
    "first_contact_on": QCoreApplication.translate("Fields", "First contact"),
    "granted_on": QCoreApplication.translate("Fields", "Granted on"),
    "guardian_consent": QCoreApplication.translate("Fields", "Guardian consent"),
    "held_on": QCoreApplication.translate("Fields", "Held on"),
    "how_to_reach": QCoreApplication.translate("Fields", "How to reach"),
    "id": QCoreApplication.translate("Fields", "Id"),
    "instrument_id": QCoreApplication.translate("Fields", "Instrument"),
    "instrument_version": QCoreApplication.translate("Fields", "Instrument version"),
    "interpreter_independent": QCoreApplication.translate("Fields",
                                                          "Interpreter not a relative, not from her community"),
    "interpreter_language": QCoreApplication.translate("Fields", "Interpreter's language"),
    "interpreter_needed": QCoreApplication.translate("Fields", "Interpreter needed"),
    "intervention": QCoreApplication.translate("Fields", "Intervention"),
    "kinds": QCoreApplication.translate("Fields", "Kinds of support"),
    "language": QCoreApplication.translate("Fields", "Language"),
    "languages": QCoreApplication.translate("Fields", "Languages"),
    "legal_basis": QCoreApplication.translate("Fields", "Legal basis"),
    "meeting_point": QCoreApplication.translate("Fields", "Where we meet"),
    "men_client_id": QCoreApplication.translate("Fields", "Client"),
    "months": QCoreApplication.translate("Fields", "Months"),
    "name": QCoreApplication.translate("Fields", "Name"),
    "name_key": QCoreApplication.translate("Fields", "Name (for search)"),
    "neutral_title": QCoreApplication.translate("Fields", "Printed title"),
    "new_ends_on": QCoreApplication.translate("Fields", "New end date"),
    "note": QCoreApplication.translate("Fields", "Note"),
    "number": QCoreApplication.translate("Fields", "Number"),
    "occurred_on": QCoreApplication.translate("Fields", "Date of the incident"),
    "outcome": QCoreApplication.translate("Fields", "Outcome"),
    "personal_number": QCoreApplication.translate("Fields", "Personal identity number"),
    "phone": QCoreApplication.translate("Fields", "Phone"),
    "place": QCoreApplication.translate("Fields", "Room"),
    "postal_code": QCoreApplication.translate("Fields", "Postal code"),
    "prosecutor": QCoreApplication.translate("Fields", "Prosecutor"),
    "protected_identity": QCoreApplication.translate("Fields", "Protected identity"),
    "referred_by": QCoreApplication.translate("Fields", "Referred by"),
    "referred_on": QCoreApplication.translate("Fields", "Referred on"),
    "referred_on_to": QCoreApplication.translate("Fields", "Referred on to"),
    "referring_unit": QCoreApplication.translate("Fields", "Referring unit"),
    "relation": QCoreApplication.translate("Fields", "Relation"),
    "result": QCoreApplication.translate("Fields", "Result"),
    "risk_assessment_id": QCoreApplication.translate("Fields", "After risk assessment"),
    "safe_entry_exit": QCoreApplication.translate("Fields", "Safe entry and exit"),
    "safety": QCoreApplication.translate("Fields", "Safe for her?"),
    "sections": QCoreApplication.translate("Fields", "Sections"),
    "separate_waiting_room": QCoreApplication.translate("Fields", "Separate waiting room"),
    "severity": QCoreApplication.translate("Fields", "Severity"),
    "signed_at": QCoreApplication.translate("Fields", "Signed"),
    "starts_at": QCoreApplication.translate("Fields", "Date and time"),
    "starts_on": QCoreApplication.translate("Fields", "Start of support"),
    "status": QCoreApplication.translate("Fields", "Status"),
    "summary": QCoreApplication.translate("Fields", "Summary"),
    "supersedes_id": QCoreApplication.translate("Fields", "Replaces assessment"),
    "text": QCoreApplication.translate("Fields", "Text"),
    "themes": QCoreApplication.translate("Fields", "Themes"),
    "title": QCoreApplication.translate("Fields", "Title"),
    "trappan_declined_reason": QCoreApplication.translate("Fields", "Why Trappan did not happen"),
    "trappan_informed_on": QCoreApplication.translate("Fields", "Informed about Trappan"),
    "trappan_linked_on": QCoreApplication.translate("Fields", "Linked to Trappan"),
    "trappan_status": QCoreApplication.translate("Fields", "Trappan"),
    "updated_at": QCoreApplication.translate("Fields", "Changed"),
    "updated_by": QCoreApplication.translate("Fields", "Changed by"),
    "valid_from": QCoreApplication.translate("Fields", "Valid from"),
    "valid_to": QCoreApplication.translate("Fields", "Valid to"),
    "version": QCoreApplication.translate("Fields", "Version"),
    "worker": QCoreApplication.translate("Fields", "Responsible worker"),
    "written_at": QCoreApplication.translate("Fields", "Written"),
    "referral_source": QCoreApplication.translate("Fields", "Referral source"),
    "investigation_opened_on": QCoreApplication.translate("Fields", "Investigation opened"),
    "investigation_closed_on": QCoreApplication.translate("Fields", "Investigation closed"),
    "motivation": QCoreApplication.translate("Fields", "Motivation"),
    "needs_other_help": QCoreApplication.translate("Fields", "Needs other help"),
    "other_help_note": QCoreApplication.translate("Fields", "Other help"),
    "registered_on": QCoreApplication.translate("Fields", "Registered"),
    "referred_onward_on": QCoreApplication.translate("Fields", "Referred onward"),
    "method": QCoreApplication.translate("Fields", "Method"),
    "own_theme": QCoreApplication.translate("Fields", "Own theme"),
    "attendance": QCoreApplication.translate("Fields", "Attendance"),
    "risk_partner": QCoreApplication.translate("Fields", "Risk to his partner"),
    "risk_children": QCoreApplication.translate("Fields", "Risk to the children"),
    "entity": QCoreApplication.translate("Fields", "Record"),
    "entity_id": QCoreApplication.translate("Fields", "Record id"),
    "field": QCoreApplication.translate("Fields", "Field"),
    "value": QCoreApplication.translate("Fields", "Value"),
    "team_id": QCoreApplication.translate("Fields", "Team"),
    "member_id": QCoreApplication.translate("Fields", "Team member"),
    "lead": QCoreApplication.translate("Fields", "Team lead"),
    "granted_by": QCoreApplication.translate("Fields", "Named by"),
    "granted_at": QCoreApplication.translate("Fields", "Named"),
    "signature": QCoreApplication.translate("Fields", "Signature"),
})
