"""German dates as printed -> ``datetime.date``.

Accepted forms (the rule name is returned with the date):

* ``date_numeric``: "17.11.2022", also without leading zeros "1.2.2023";
* ``date_two_digit_year``: "01.02.23" -> 2023-02-01. The century is inferred
  (20xx: the funding programme started in 2015), so callers should log it;
* ``date_month_name``: "10. Juni 2024", "10 Juni 2024", "10. Sept. 2024";
* ``date_iso``: "2024-06-10".

Day-month order is always German. Two kinds of failure are told apart,
because they mean different things:

* text not written as a date at all ("2023", "02/01/2023", two dates in
  one cell) raises ValueError: it was mis-read or is no date;
* a well-formed date that names no day of the calendar ("29.02.2025",
  "31.11.2023", "31.13.2023") raises :class:`ImpossibleDate`, a ValueError
  too: that is the document's own error, which callers keep as printed and
  flag instead of stopping.

:func:`looks_like_date` asks only the first question.
"""

from __future__ import annotations

import datetime as dt
import re

from foerderdaten.normalize.text import clean_text, fold_words

_NUMERIC = re.compile(r"(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4}|\d{2})")
_MONTH_NAME = re.compile(r"(\d{1,2})\s*\.?\s+([^\W\d_]+)\.?\s+(\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

# Folded (see text.fold_words) month names and their usual abbreviations.
_MONTHS = {
    "januar": 1, "jaenner": 1, "jan": 1,
    "februar": 2, "feber": 2, "feb": 2, "febr": 2,
    "maerz": 3, "marz": 3, "mrz": 3,
    "april": 4, "apr": 4,
    "mai": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "dez": 12,
}


class ImpossibleDate(ValueError):
    """A well-formed date that names no day of the calendar ("31.11.2023")."""

    def __init__(self, raw: str, reason: str):
        super().__init__(f"{raw!r} is not a day of the calendar: {reason}")
        self.reason = reason  # the calendar's, e.g. "day is out of range for month"


def parse_date(raw: str) -> tuple[dt.date, str]:
    """The date written in ``raw`` and the rule that read it.

    Raises ValueError with the raw text and the reason if it is not written
    as a date, :class:`ImpossibleDate` if it is but no such day exists.
    """
    year, month, day, rule = _written_date(raw)
    try:
        return dt.date(year, month, day), rule
    except ValueError as err:  # e.g. month 13, 30 February
        raise ImpossibleDate(raw, str(err)) from None


def looks_like_date(raw: str) -> bool:
    """Whether ``raw`` is written as one date in an accepted form, whether
    or not that day exists."""
    try:
        _written_date(raw)
    except ValueError:
        return False
    return True


def count_numeric_dates(raw: str) -> int:
    """How many numeric dates ("17.11.2022") stand in ``raw``; two in one
    cell mean two columns were read as one."""
    return len(_NUMERIC.findall(clean_text(raw)))


def _written_date(raw: str) -> tuple[int, int, int, str]:
    """(year, month, day, rule) as written, not yet checked against the calendar."""
    text = clean_text(raw).rstrip(",;")
    if not text:
        raise ValueError("empty date")

    if m := _NUMERIC.fullmatch(text):
        day, month, year = (int(g) for g in m.groups())
        if len(m.group(3)) == 2:
            return year + 2000, month, day, "date_two_digit_year"
        return year, month, day, "date_numeric"

    if m := _MONTH_NAME.fullmatch(text):
        named = _MONTHS.get(fold_words(m.group(2)))
        if named is None:
            raise ValueError(f"{raw!r}: unknown month name {m.group(2)!r}")
        return int(m.group(3)), named, int(m.group(1)), "date_month_name"

    if m := _ISO.fullmatch(text):
        year, month, day = (int(g) for g in m.groups())
        return year, month, day, "date_iso"

    raise ValueError(f"{raw!r} is not a date (expected e.g. 17.11.2022 or 10. Juni 2024)")
