"""Domain errors read as whole sentences in Swedish: the field names inside them are translated too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app import i18n
from app.errors import DomainError
from app.services import validation

APP = Path(__file__).resolve().parents[2] / "app"
# Functions that take a field name, and the position of that argument.
FIELD_ARG = {"required": 1, "optional": 1, "one_of": 2, "as_date": 1, "_as_datetime": 1}


def test_field_names_are_translated() -> None:
    with pytest.raises(DomainError) as err:
        validation.required("  ", "Name")
    assert err.value.user_message("sv") == "Namn måste fyllas i."
    assert err.value.user_message("en") == "Name is required."
    assert "Name" in err.value.args[0]  # the English text stays in the exception itself (logs, tracebacks)


def test_numbers_are_kept_and_the_language_follows_the_app() -> None:
    err = DomainError("{field} is too long (at most {n} characters).", field="Note", n=300)
    assert err.user_message("sv") == "Anteckning: texten är för lång (högst 300 tecken)."
    previous = i18n.current_language()
    try:
        i18n.set_language("sv")
        assert str(err) == "Anteckning: texten är för lång (högst 300 tecken)."
        i18n.set_language("en")
        assert str(err) == "Note is too long (at most 300 characters)."
    finally:
        i18n.set_language(previous)


def test_a_word_not_in_the_catalogue_is_shown_as_it_is() -> None:
    err = DomainError("Unknown paper format {fmt} (a4 or card).", fmt="letter")
    assert err.user_message("sv").count("letter") == 1


def _field_names() -> dict[str, str]:
    """Every field name written as a literal where the services check input, with where it is."""
    found: dict[str, str] = {}
    for path in sorted(APP.rglob("*.py")):
        if "ui" in path.relative_to(APP).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            args = [k.value for k in node.keywords if k.arg == "field"]
            if name in FIELD_ARG and len(node.args) > FIELD_ARG[name]:
                args.append(node.args[FIELD_ARG[name]])
            for a in args:
                if isinstance(a, ast.Constant) and isinstance(a.value, str):
                    found.setdefault(a.value, f"{path.relative_to(APP.parent)}:{node.lineno}")
    return found


def test_every_field_name_has_a_swedish_name() -> None:
    catalogue = i18n.catalogue("sv")
    fields = _field_names()
    assert len(fields) > 30  # the scan still finds the services' checks
    assert {f: where for f, where in fields.items() if f not in catalogue} == {}
