"""Quality rules for one row of the SAB overview (``impossible_date`` also
for the dates of a Landtag letter).

Each rule looks at a row and returns a :class:`Finding` (flag name + detail
with the values concerned, in German, as QUALITY.md shows it to readers) or
None. The flags describe the *document's* errors and oddities;
normalisation never silently fixes them.

Flags and their rules:

* ``end_before_begin``: Bewilligungsende before Bewilligungsbeginn;
* ``short_period``: the approval period (both days included) is shorter
  than ``MIN_PERIOD_DAYS``; projects run for months, so this is most likely
  a mistyped year;
* ``missing_fields``: printed cells that are empty (all named in the detail);
* ``possibly_truncated``: the Kurzbeschreibung ends without closing
  punctuation (. ! ? … ) or a quotation mark) **and** the row is the last one
  on its page: a cell can only lose text where the page ends. Mid-page
  descriptions without a final period are the author's style (seq 36, 42 of
  2023) and are not flagged;
* ``odd_quotes``: a text cell has an odd number of quotation marks;
* ``region_variant`` / ``typo_region`` / ``unknown_region``: how the region
  was matched (see regions.py): official designations are regular, known or
  folded variants are ``region_variant``, known typos and fuzzy matches are
  ``typo_region``, no unique district is ``unknown_region``;
* ``vorhabensart_variant`` / ``typo_vorhabensart`` / ``vorhabensart_truncated``
  / ``vorhabensart_not_a_label``: from the kind of the Vorhabensart text
  (see rl.py); every kind except ``label`` is flagged, i.e. any text that is
  not the canonical label with the standard suffix;
* ``rl_nr_mismatch``: the Vorhabensart text names another RL number than
  the printed Nr (the printed Nr is kept);
* ``unknown_rl``: the printed Nr is not a number of the vocabulary;
* ``impossible_date``: a date written correctly that names no day of the
  calendar ("29.02.2025", "31.11.2023"); the raw text is kept and the
  normalised date left empty (see dates.py).

Cross-row duplicates are in duplicates.py.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from foerderdaten.extract.records import RawProject
from foerderdaten.normalize.dates import ImpossibleDate
from foerderdaten.normalize.regions import RegionMatch
from foerderdaten.normalize.rl import VorhabensartMatch

MIN_PERIOD_DAYS = 31

# Printed cells whose emptiness is an error of the document, with the German
# column heading used in details.
PRINTED_FIELDS = {
    "projekttraeger": "Projektträger",
    "durchfuehrungsort": "Durchführungsort",
    "region_raw": "Region/FKA",
    "rl_nr_raw": "Nr. der RL",
    "vorhabensart_raw": "Vorhabensart",
    "bewilligungsbeginn_raw": "Bewilligungsbeginn",
    "bewilligungsende_raw": "Bewilligungsende",
    "projekttitel": "Projekttitel",
    "kurzbeschreibung": "Kurzbeschreibung",
}

TEXT_FIELDS = ("projekttraeger", "durchfuehrungsort", "projekttitel", "kurzbeschreibung")

# Straight and typographic double quotes, and ",," typed for a low „.
_QUOTE = re.compile(r'["„“”«»]|,,(?=\S)')
_CLOSING = re.compile(r'[.!?…)"“”»\']\s*$')

_REGION_FLAGS = {
    "region_known_variant": "region_variant",
    "region_normalised": "region_variant",
    "region_known_typo": "typo_region",
    "region_fuzzy": "typo_region",
}

_VORHABENSART_FLAGS = {
    "typo": "typo_vorhabensart",
    "truncated": "vorhabensart_truncated",
    "not_a_label": "vorhabensart_not_a_label",
}


# The kinds of Vorhabensart text (rl.py, column kind of vorhabensart_variants) in German words.
_KIND_DE = {
    "label_alt": "andere Bezeichnung",
    "label_part": "Teil der Bezeichnung",
    "long_form": "Langform",
    "short_form": "Kurzform",
    "suffix_variant": "Zusatz anders geschrieben",
    "typo": "Tippfehler",
    "truncated": "abgebrochen",
    "not_a_label": "keine Bezeichnung",
}


@dataclass(frozen=True, slots=True)
class Finding:
    flag: str
    detail: str


def check_period(begin: dt.date | None, end: dt.date | None, raw: RawProject) -> Finding | None:
    """end_before_begin or short_period, if either applies."""
    if begin is None or end is None:
        return None
    period = f"{raw.bewilligungsbeginn_raw} - {raw.bewilligungsende_raw}"
    if end < begin:
        return Finding("end_before_begin", f"Bewilligungsende {raw.bewilligungsende_raw} liegt vor dem Bewilligungsbeginn {raw.bewilligungsbeginn_raw}")
    days = (end - begin).days + 1
    if days < MIN_PERIOD_DAYS:
        return Finding("short_period", f"Bewilligungszeitraum {period} umfasst nur {days} Tage (weniger als {MIN_PERIOD_DAYS})")
    return None


def impossible_date(label: str, error: ImpossibleDate) -> Finding:
    """impossible_date for a date of the document, ``label`` its German name."""
    return Finding("impossible_date", f"{label} {error}; kept as printed, date left empty")


def check_missing(raw: RawProject) -> Finding | None:
    """missing_fields, naming every empty printed cell."""
    empty = [label for field, label in PRINTED_FIELDS.items() if not getattr(raw, field).strip()]
    if not empty:
        return None
    return Finding("missing_fields", "leer: " + ", ".join(empty))


def check_truncated(raw: RawProject, last_on_page: bool) -> Finding | None:
    """possibly_truncated: no closing punctuation at the bottom of a page."""
    text = raw.kurzbeschreibung.strip()
    if not text or not last_on_page or _CLOSING.search(text):
        return None
    return Finding("possibly_truncated", f"Kurzbeschreibung endet unten auf Seite {raw.page} ohne Satzzeichen: „…{text[-40:]}“")


def check_quotes(raw: RawProject) -> Finding | None:
    """odd_quotes: text cells with an odd number of quotation marks."""
    odd = []
    for field in TEXT_FIELDS:
        count = len(_QUOTE.findall(getattr(raw, field)))
        if count % 2:
            odd.append(f"{PRINTED_FIELDS[field]} enthält {count} Anführungszeichen")
    if not odd:
        return None
    return Finding("odd_quotes", "; ".join(odd))


def check_region(raw: RawProject, match: RegionMatch | None) -> Finding | None:
    """region_variant, typo_region or unknown_region (empty is missing_fields)."""
    if not raw.region_raw.strip():
        return None
    if match is None:
        return Finding("unknown_region", f"Region/FKA „{raw.region_raw}“ bezeichnet keinen eindeutigen sächsischen Kreis")
    flag = _REGION_FLAGS.get(match.rule)
    if flag is None:
        return None
    return Finding(flag, f"Region/FKA „{raw.region_raw}“ gelesen als „{match.name}“ ({match.kreis_ags}, Regel {match.rule})")


def check_vorhabensart(raw: RawProject, match: VorhabensartMatch, label: str | None) -> Finding | None:
    """The flag for the kind of the Vorhabensart text (empty is missing_fields)."""
    if match.kind in ("label", "empty"):
        return None
    flag = _VORHABENSART_FLAGS.get(match.kind, "vorhabensart_variant")
    kind = _KIND_DE.get(match.kind, match.kind)
    detail = f"Vorhabensart „{raw.vorhabensart_raw}“ ({kind}, {match.kind})"
    if match.kind == "truncated":
        detail += " endet mit einem Bindestrich, der Zusatz fehlt: gesteuerte_zuwanderung = nein"
    elif match.kind == "not_a_label":
        detail += " ist keine Bezeichnung eines Fördergegenstands"
    elif match.rl_nr is not None:
        detail += f" steht für RL {match.rl_nr}"
    if label is not None:
        detail += f"; Fördergegenstand nach der gedruckten Nr. {raw.rl_nr_raw.strip()}: „{label}“"
    return Finding(flag, detail)


def check_rl(raw: RawProject, rl_nr: int | None, label: str | None, match: VorhabensartMatch) -> Finding | None:
    """unknown_rl for an unreadable or unknown Nr; rl_nr_mismatch if the
    Vorhabensart text names another number."""
    if raw.rl_nr_raw.strip() and label is None:
        return Finding("unknown_rl", f"Nr. der RL „{raw.rl_nr_raw}“ ist keine bekannte RL-Nummer")
    if rl_nr is not None and match.rl_nr is not None and match.rl_nr != rl_nr:
        return Finding("rl_nr_mismatch", f"Nr. der RL {rl_nr}, aber Vorhabensart „{raw.vorhabensart_raw}“ bedeutet RL {match.rl_nr}")
    return None
