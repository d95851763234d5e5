"""Euro amounts as printed -> exact ``Decimal`` with two places (never float).

Accepted forms (the rule name is returned with the amount):

* ``money_numeric``: "285.563,71 €", "61.110,00 EUR", "499.660,00 €." (the
  period of the sentence is ignored), "1 500 Euro", "1.500,- €";
* ``money_scaled``: "2,5 Millionen Euro", "4,5 Mio. €", "3 Tsd. Euro";
* ``money_words``: "sieben Millionen Euro", "zwölf Tausend Euro",
  "fünfundzwanzig Millionen".

Decimal comma and thousands dots are German. An amount that would need
rounding to fit two places, or a number whose separators are ambiguous
("2.5"), raises ValueError: the document's value is never guessed.
"""

from __future__ import annotations

import re
from decimal import Decimal

from foerderdaten.normalize.text import clean_text, fold_words

CENT = Decimal("0.01")

_CURRENCY = re.compile(r"(€|\bEUR\b|\bEuro\b)", re.IGNORECASE)

# Folded scale words (text.fold_words drops the abbreviation dot).
_SCALES = {
    "tausend": 10**3, "tsd": 10**3,
    "million": 10**6, "millionen": 10**6, "mio": 10**6,
    "milliarde": 10**9, "milliarden": 10**9, "mrd": 10**9,
}

_UNITS = {
    "ein": 1, "eins": 1, "eine": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
}
_TEENS = {
    "zehn": 10, "elf": 11, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14,
    "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19,
}
_TENS = {
    "zwanzig": 20, "dreissig": 30, "vierzig": 40, "fuenfzig": 50,
    "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90,
}

# "1.234.567,89" / "1 234 567" / "1234567,5" / "2,5"
_GERMAN_NUMBER = re.compile(r"\d{1,3}(?:[. ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def parse_euro(raw: str) -> tuple[Decimal, str]:
    """The amount written in ``raw`` in euro (2 decimal places) and the rule.

    Raises ValueError with the raw text and the reason if it cannot be read.
    """
    text = _CURRENCY.sub(" ", clean_text(raw))
    # ",-" for "no cents" ("1.500,- €") and the period of a sentence go
    text = " ".join(text.split()).strip(" .;:").removesuffix(",-").removesuffix(",--").rstrip(",")
    if not text:
        raise ValueError(f"{raw!r} holds no amount")

    number_text, scale = _split_scale(text)
    if number_text and number_text[0].isdigit():
        value = _german_number(number_text, raw)
        rule = "money_scaled" if scale != 1 else "money_numeric"
    else:
        value = Decimal(_number_word(number_text, raw))
        rule = "money_words"

    amount = value * scale
    rounded = amount.quantize(CENT)
    if rounded != amount:
        raise ValueError(f"{raw!r} has more than two decimal places")
    return rounded, rule


def _split_scale(text: str) -> tuple[str, int]:
    """("2,5", 10**6) for "2,5 Millionen"; (text, 1) without a scale word."""
    head, _, last = text.rpartition(" ")
    scale = _SCALES.get(fold_words(last))
    if head and scale:
        return head.strip(), scale
    return text, 1


def _german_number(text: str, raw: str) -> Decimal:
    # A non-breaking or narrow space may separate thousands, too.
    text = text.replace("\u202f", " ")
    if not _GERMAN_NUMBER.fullmatch(text):
        raise ValueError(f"{raw!r}: {text!r} is not a German number (e.g. 1.234,56)")
    return Decimal(text.replace(".", "").replace(" ", "").replace(",", "."))


def _number_word(text: str, raw: str) -> int:
    """German number words from one to ninety-nine ("sieben", "zwölf",
    "fünfundzwanzig") and "hundert"."""
    word = fold_words(text).replace(" ", "")
    if word in ("hundert", "einhundert"):
        return 100
    for table in (_UNITS, _TEENS, _TENS):
        if word in table:
            return table[word]
    unit, sep, tens = word.partition("und")
    if sep and unit in _UNITS and tens in _TENS:
        return _UNITS[unit] + _TENS[tens]
    raise ValueError(f"{raw!r}: {text!r} is not an amount")
