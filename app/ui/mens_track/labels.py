"""The men's track's stored codes as text on screen, through Qt's translator (context ``MenLabels``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status(code: str) -> str:
    return {
        "contact": QCoreApplication.translate("MenLabels", "In contact"),
        "registered": QCoreApplication.translate("MenLabels", "Registered case"),
        "referred_on": QCoreApplication.translate("MenLabels", "Referred on"),
        "not_motivated": QCoreApplication.translate("MenLabels", "Not motivated"),
        "closed": QCoreApplication.translate("MenLabels", "Closed"),
    }.get(code, code)


def source(code: str) -> str:
    return {
        "social_services": QCoreApplication.translate("MenLabels", "Social services unit"),
        "court_order": QCoreApplication.translate("MenLabels", "Court order"),
        "police": QCoreApplication.translate("MenLabels", "Police"),
        "self_referral": QCoreApplication.translate("MenLabels", "Self-referral"),
        "other": QCoreApplication.translate("MenLabels", "Other"),
    }.get(code, code)


def motivation(code: str) -> str:
    return {
        "unknown": QCoreApplication.translate("MenLabels", "Not assessed"),
        "motivated": QCoreApplication.translate("MenLabels", "Motivated"),
        "ambivalent": QCoreApplication.translate("MenLabels", "Ambivalent"),
        "not_motivated": QCoreApplication.translate("MenLabels", "Not motivated"),
    }.get(code, code)


def outcome(code: str) -> str:
    return {
        "": "",
        "completed": QCoreApplication.translate("MenLabels", "Talks completed"),
        "referred_on": QCoreApplication.translate("MenLabels", "Referred on"),
        "dropped_out": QCoreApplication.translate("MenLabels", "Dropped out"),
        "not_motivated": QCoreApplication.translate("MenLabels", "Not motivated"),
        "moved": QCoreApplication.translate("MenLabels", "Moved away"),
        "other": QCoreApplication.translate("MenLabels", "Other"),
    }.get(code, code)


def attendance(code: str) -> str:
    return {
        "attended": QCoreApplication.translate("MenLabels", "Attended"),
        "cancelled": QCoreApplication.translate("MenLabels", "Cancelled"),
        "no_show": QCoreApplication.translate("MenLabels", "No-show"),
    }.get(code, code)


def risk(code: str) -> str:
    return {
        "not_assessed": QCoreApplication.translate("MenLabels", "Not assessed"),
        "low": QCoreApplication.translate("MenLabels", "Low"),
        "raised": QCoreApplication.translate("MenLabels", "Raised"),
        "high": QCoreApplication.translate("MenLabels", "High"),
    }.get(code, code)


def theme(code: str) -> str:
    """The VASKA parts: våld, ansvar, sammanhang, konsekvens, alternativ."""
    return {
        "violence": QCoreApplication.translate("MenLabels", "Violence"),
        "responsibility": QCoreApplication.translate("MenLabels", "Responsibility"),
        "context": QCoreApplication.translate("MenLabels", "Context"),
        "consequences": QCoreApplication.translate("MenLabels", "Consequences"),
        "alternatives": QCoreApplication.translate("MenLabels", "Alternatives"),
    }.get(code, code)


def field(code: str) -> str:
    return {
        "status": QCoreApplication.translate("MenLabels", "Status"),
        "referral_source": QCoreApplication.translate("MenLabels", "Referral source"),
        "motivation": QCoreApplication.translate("MenLabels", "Motivation"),
        "needs_other_help": QCoreApplication.translate("MenLabels", "Needs other help"),
        "district": QCoreApplication.translate("MenLabels", "District"),
    }.get(code, code)


def field_value(field_code: str, value: str) -> str:
    if field_code == "status":
        return status(value)
    if field_code == "referral_source":
        return source(value)
    if field_code == "motivation":
        return motivation(value)
    if field_code == "needs_other_help":
        return (QCoreApplication.translate("MenLabels", "Yes") if value == "yes"
                else QCoreApplication.translate("MenLabels", "No"))
    return value
