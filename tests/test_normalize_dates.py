"""normalize/dates.py: German dates as the documents print them."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import gold_landtag
from foerderdaten.normalize.dates import ImpossibleDate, looks_like_date, parse_date

LANDTAG = gold_landtag()


# --------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    "raw, want, rule",
    [
        ("17.11.2022", dt.date(2022, 11, 17), "date_numeric"),
        ("1.2.2023", dt.date(2023, 2, 1), "date_numeric"),
        ("01.02.23", dt.date(2023, 2, 1), "date_two_digit_year"),
        ("10. Juni 2024", dt.date(2024, 6, 10), "date_month_name"),
        ("10 März 2024", dt.date(2024, 3, 10), "date_month_name"),
        ("3. Sept. 2024", dt.date(2024, 9, 3), "date_month_name"),
        ("2024-06-10", dt.date(2024, 6, 10), "date_iso"),
    ],
)
def test_parse_date(raw, want, rule):
    assert parse_date(raw) == (want, rule)


def test_landtag_letter_date():
    written = LANDTAG["datum_raw"].split(", ", 1)[1]  # "Dresden, 10. Juni 2024"
    assert parse_date(written)[0] == dt.date.fromisoformat(LANDTAG["datum"])


@pytest.mark.parametrize("raw", ["10. Juno 2024", "02/01/2023", "2023", "", "16.05.2023 31.01.2024", "1digitaler Wandel"])
def test_parse_date_rejects_what_is_not_a_date(raw):
    with pytest.raises(ValueError) as info:
        parse_date(raw)
    assert not isinstance(info.value, ImpossibleDate)
    assert not looks_like_date(raw)


@pytest.mark.parametrize("raw", ["31.13.2023", "30.02.2023", "29.02.2025", "31.11.2023", "31. Juni 2024", "2023-02-29"])
def test_parse_date_tells_an_impossible_date(raw):
    """Written as a date, but no such day: ImpossibleDate (still a ValueError)."""
    with pytest.raises(ImpossibleDate, match="is not a day of the calendar"):
        parse_date(raw)
    assert looks_like_date(raw)
