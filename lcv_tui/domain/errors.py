"""Turn pydantic validation errors into one Dutch message per field, for forms and imports."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

_BUILTIN_MESSAGES = {
    "missing": "Dit veld is verplicht.",
    "int_parsing": "Vul een heel getal in.",
    "int_type": "Vul een heel getal in.",
    "decimal_parsing": "Vul een bedrag in, bijvoorbeeld 850,00.",
    "decimal_type": "Vul een bedrag in, bijvoorbeeld 850,00.",
    "decimal_max_places": "Gebruik hoogstens 2 cijfers achter de komma.",
    "decimal_max_digits": "Bedrag is te groot.",
    "greater_than_equal": "Waarde is te klein.",
    "less_than_equal": "Waarde is te groot.",
    "date_parsing": "Ongeldige datum: gebruik dag-maand-jaar, bijvoorbeeld 23-11-2026.",
    "date_from_datetime_parsing": "Ongeldige datum: gebruik dag-maand-jaar, bijvoorbeeld 23-11-2026.",
    "date_type": "Ongeldige datum: gebruik dag-maand-jaar, bijvoorbeeld 23-11-2026.",
    "string_too_long": "Tekst is te lang.",
    "enum": "Kies een van de mogelijkheden.",
    "extra_forbidden": "Onbekend veld.",
    "too_long": "Te veel waarden.",
}


def message_for(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    if kind == "value_error":
        msg = str(error.get("msg", ""))
        return msg.removeprefix("Value error, ")
    if kind in _BUILTIN_MESSAGES:
        return _BUILTIN_MESSAGES[kind]
    return "Ongeldige waarde."


def field_errors(exc: ValidationError) -> dict[str, str]:
    """``{"postcode": "Ongeldige postcode: …", "": "De einddatum …"}``; "" holds model-level errors."""
    result: dict[str, str] = {}
    for error in exc.errors():
        loc = error.get("loc", ())
        field = str(loc[0]) if loc else ""
        result.setdefault(field, message_for(dict(error)))
    return result


def first_message(exc: ValidationError) -> str:
    errors = field_errors(exc)
    return next(iter(errors.values()), "Ongeldige invoer.")
