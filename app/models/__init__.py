"""SQLAlchemy models. No Qt, no business rules beyond invariants."""

from app.models.audit import AuditHead, AuditRecord
from app.models.base import Base, Compartment, Record, new_id, new_ordered_id, utcnow
from app.models.cases import Case, CaseStatus, Decision, Extension, LegalReference
from app.models.clients import Child, Client, NetworkContact, ProtectedIdentity, Safety, TrappanStatus
from app.models.diary import Activity, DiaryEntry, DiaryEntryKind, SupportKind
from app.models.drafts import EditorDraft
from app.models.history import SINCE_ALWAYS, StatusHistory
from app.models.journal import AuditEvent, Change, Setting
from app.models.lifecycle import ArchiveMark, ReferenceItem, RetentionRun, TeamRole
from app.models.mens_track import (
    Attendance,
    MenClient,
    MenOutcome,
    MenStatus,
    MenTalk,
    Motivation,
    ReferralSource,
    RiskLevel,
    TalkMethod,
)
from app.models.support import CourtAppointment, Incident, RiskAssessment, SafetyPlanVersion
from app.models.sync import (
    SyncAck,
    SyncConflict,
    SyncCursor,
    SyncEpochKey,
    SyncLogEntry,
    SyncMember,
    SyncOutbox,
    SyncPendingBase,
    SyncPurge,
    SyncRecordState,
    SyncTeam,
)

__all__ = [
    "SINCE_ALWAYS",
    "Activity",
    "ArchiveMark",
    "Attendance",
    "AuditEvent",
    "AuditHead",
    "AuditRecord",
    "Base",
    "Case",
    "CaseStatus",
    "Change",
    "Child",
    "Client",
    "Compartment",
    "CourtAppointment",
    "Decision",
    "DiaryEntry",
    "DiaryEntryKind",
    "EditorDraft",
    "Extension",
    "Incident",
    "LegalReference",
    "MenClient",
    "MenOutcome",
    "MenStatus",
    "MenTalk",
    "Motivation",
    "NetworkContact",
    "ProtectedIdentity",
    "Record",
    "ReferenceItem",
    "ReferralSource",
    "RetentionRun",
    "RiskAssessment",
    "RiskLevel",
    "Safety",
    "SafetyPlanVersion",
    "Setting",
    "StatusHistory",
    "SupportKind",
    "SyncAck",
    "SyncConflict",
    "SyncCursor",
    "SyncEpochKey",
    "SyncLogEntry",
    "SyncMember",
    "SyncOutbox",
    "SyncPendingBase",
    "SyncPurge",
    "SyncRecordState",
    "SyncTeam",
    "TalkMethod",
    "TeamRole",
    "TrappanStatus",
    "new_id",
    "new_ordered_id",
    "utcnow",
]

# Entity names used by the change feed and the sync, one per record class.
RECORD_CLASSES: dict[str, type[Record]] = {
    cls.__tablename__: cls
    for cls in (Client, NetworkContact, Child, Case, Decision, Extension, LegalReference, DiaryEntry,
                CourtAppointment, SafetyPlanVersion, RiskAssessment, Incident, MenClient,
                MenTalk, StatusHistory, AuditRecord, AuditHead, ArchiveMark, ReferenceItem, TeamRole)
}
