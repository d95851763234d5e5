"""Values as text: the plain (ISO) style and the German style.

``plain`` is what machines read (CSV, data package, codebook examples):
ISO dates, "." as decimal mark, ``true``/``false``. ``german`` is what a
German spreadsheet or reader expects: dd.mm.yyyy, decimal comma, ``ja``/``nein``.
An empty string stands for "no value" (None) in both.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from foerderdaten.publish.columns import Column, Kind


def _decimal_text(value: Decimal, places: int) -> str:
    # format() on a Decimal is exact; the model already limits the places,
    # so this only pads (2500000 -> 2500000.00), it never rounds
    return f"{value:.{places}f}"


def plain(column: Column, value) -> str:
    """Machine-readable text of a value."""
    if value is None:
        return ""
    match column.kind:
        case Kind.BOOLEAN:
            return "true" if value else "false"
        case Kind.DATE:
            return value.isoformat()
        case Kind.DECIMAL:
            return _decimal_text(value, column.decimal_places or 0)
        case Kind.NUMBER:
            return repr(float(value))
        case Kind.INTEGER:
            return str(int(value))
        case _:
            return str(value)


def german(column: Column, value) -> str:
    """Text of a value as German spreadsheets read it (no thousands separator)."""
    if value is None:
        return ""
    match column.kind:
        case Kind.BOOLEAN:
            return "ja" if value else "nein"
        case Kind.DATE:
            return german_date(value)
        case Kind.DECIMAL | Kind.NUMBER:
            return plain(column, value).replace(".", ",")
        case _:
            return plain(column, value)


def german_date(value: dt.date) -> str:
    return value.strftime("%d.%m.%Y")


def german_amount(value: Decimal) -> str:
    """An amount for people to read: 2104428.16 -> "2.104.428,16 €"."""
    text = f"{value:,.2f}"  # "2,104,428.16"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".") + "\u00a0€"


def german_int(value: int) -> str:
    return f"{value:,}".replace(",", ".")
