"""normalize/money.py: euro amounts, exact, against the Landtag gold values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import gold_landtag
from foerderdaten.normalize.money import parse_euro

LANDTAG = gold_landtag()


# --------------------------------------------------------------------------
# Money


def _landtag_amounts() -> list[tuple[str, str]]:
    rows = LANDTAG["funding_established"] + LANDTAG["funding_in_aufbau"] + LANDTAG["budget"]
    return [(row["betrag_raw"], row["betrag_eur"]) for row in rows]


@pytest.mark.parametrize("raw, want", _landtag_amounts())
def test_parse_euro_landtag_gold(raw, want):
    value, _ = parse_euro(raw)
    assert value == Decimal(want)
    assert value.as_tuple().exponent == -2


@pytest.mark.parametrize(
    "raw, want, rule",
    [
        ("285.563,71 €", "285563.71", "money_numeric"),
        ("499.660,00 €.", "499660.00", "money_numeric"),
        ("1.500,- €", "1500.00", "money_numeric"),
        ("2,5 Millionen Euro", "2500000.00", "money_scaled"),
        ("4,5 Mio. €", "4500000.00", "money_scaled"),
        ("sieben Millionen Euro", "7000000.00", "money_words"),
        ("zwölf Tausend Euro", "12000.00", "money_words"),
        ("zwanzig Millionen Euro", "20000000.00", "money_words"),
        ("fünfundzwanzig Millionen", "25000000.00", "money_words"),
        ("eine Million Euro", "1000000.00", "money_words"),
    ],
)
def test_parse_euro(raw, want, rule):
    value, got_rule = parse_euro(raw)
    assert (value, got_rule) == (Decimal(want), rule)
    assert isinstance(value, Decimal) and str(value) == want


def test_sonderbudget_of_the_question():
    assert parse_euro("sieben Millionen Euro")[0] == Decimal(LANDTAG["sonderbudget_laut_frage_eur"])


@pytest.mark.parametrize("raw", ["", "Euro", "2.5 Mio. €", "1,005 €", "viele Millionen Euro"])
def test_parse_euro_rejects(raw):
    with pytest.raises(ValueError):
        parse_euro(raw)
