"""District names as printed -> (canonical name, Kreisschlüssel).

The region column of the SAB overview and the Landtag texts spell the 13
Saxon districts in many ways ("Leipzig, Stadt", "Landkreis leipzig", "SSOE",
"LK Bautzen", "Landkreis Sächsische Schweiz Osterzgebirge"). Matching, in
order, each step with its rule name:

1. ``region_canonical``: the canonical name itself (no change);
2. a spelling listed in ``vocab/districts.json``: ``region_official`` for
   official designations ("Landkreis Bautzen"), ``region_known_typo`` for
   known typos, ``region_known_variant`` for the rest;
3. ``region_normalised``: the spelling with case, umlauts, ß, hyphens and
   white space folded and a type word split off -- prefixes "Landkreis",
   "LK", "Kreis", "Stadt", "Landeshauptstadt", "kreisfreie Stadt", suffixes
   "Stadt" and "Landkreis" -- names exactly one district of that type
   ("Kreis Meissen", "Landkreis Görlitz");
4. ``region_fuzzy``: the folded name is a close typo (rapidfuzz ratio >= 88,
   at least 5 letters, clearly better than any other district) of exactly
   one district name ("Mittelsachssen").

Anything else is unknown (None). Never guessing matters more than matching:

* A bare "Leipzig" is **ambiguous** and stays unknown: everyday usage means
  the city (14713), but Destatis names the Landkreis (14729) just "Leipzig".
  The SAB overview itself always disambiguates ("Leipzig, Stadt" /
  "Landkreis Leipzig"), so a bare "Leipzig" is a question for a human.
* A type word must fit the district: "Stadt Bautzen" is a town inside the
  Landkreis Bautzen, not a district, so it stays unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from foerderdaten.normalize import vocab
from foerderdaten.normalize.text import clean_text, fold_words

CITY = "Kreisfreie Stadt"
RURAL = "Landkreis"

# Folded type words, longest first so "kreisfreie stadt" wins over "stadt".
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("kreisfreie stadt ", CITY),
    ("landeshauptstadt ", CITY),
    ("stadt ", CITY),
    ("landkreis ", RURAL),
    ("kreis ", RURAL),
    ("lk ", RURAL),
)
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (" kreisfreie stadt", CITY),
    (" stadt", CITY),
    (" landkreis", RURAL),
)

FUZZY_MIN_SCORE = 88
FUZZY_MIN_LENGTH = 5
FUZZY_MIN_MARGIN = 5

_RULE_BY_KIND = {
    "name": "region_canonical",
    "official": "region_official",
    "typo": "region_known_typo",
}


@dataclass(frozen=True, slots=True)
class RegionMatch:
    name: str  # canonical district name, e.g. "Leipzig (Stadt)"
    kreis_ags: str  # e.g. "14713"
    rule: str  # how the spelling was matched (see module docstring)


def match_region(raw: str) -> RegionMatch | None:
    """The district that ``raw`` names, with the matching rule; None if none
    or more than one district fits."""
    text = raw.strip()
    if not clean_text(text):
        return None
    by_ags = {d.kreis_ags: d for d in vocab.districts()}

    for district in by_ags.values():
        if text == district.name:
            return RegionMatch(district.name, district.kreis_ags, "region_canonical")

    for variant in vocab.district_variants():
        if text == variant.variant:
            kind = vocab.district_variant_kind(text)
            rule = _RULE_BY_KIND.get(kind, "region_known_variant") if kind else "region_known_variant"
            return RegionMatch(variant.region, variant.kreis_ags, rule)

    # From here on the spelling is not verbatim in the vocabulary.
    core, typ = split_type_word(text)
    candidates = _fit_type(_core_index().get(core, set()), typ)
    if len(candidates) == 1:
        district = by_ags[candidates.pop()]
        return RegionMatch(district.name, district.kreis_ags, "region_normalised")
    if candidates:  # e.g. bare "Leipzig"
        return None

    ags = _fuzzy_district(core, typ)
    if ags is not None:
        return RegionMatch(by_ags[ags].name, ags, "region_fuzzy")
    return None


def split_type_word(text: str) -> tuple[str, str | None]:
    """Folded name without its type word, and the district type that word
    implies: "Landkreis Sächsische Schweiz-Osterzgebirge" ->
    ("saechsische schweiz osterzgebirge", "Landkreis")."""
    folded = fold_words(text)
    for prefix, typ in _PREFIXES:
        if folded.startswith(prefix):
            return folded.removeprefix(prefix), typ
    for suffix, typ in _SUFFIXES:
        if folded.endswith(suffix):
            return folded.removesuffix(suffix), typ
    return folded, None


@cache
def _core_index() -> dict[str, frozenset[str]]:
    """Folded core name -> Kreisschlüssel of every district it may mean.

    Built from canonical names, Destatis names and all known spellings, with
    type words removed, so "leipzig" maps to both Leipzigs.
    """
    index: dict[str, set[str]] = {}
    spellings = [(d.name, d.kreis_ags) for d in vocab.districts()]
    spellings += [(d.official_name_destatis, d.kreis_ags) for d in vocab.districts()]
    spellings += [(v.variant, v.kreis_ags) for v in vocab.district_variants()]
    for spelling, ags in spellings:
        core, _ = split_type_word(spelling)
        index.setdefault(core, set()).add(ags)
    return {core: frozenset(ags) for core, ags in index.items()}


def _fit_type(candidates: frozenset[str] | set[str], typ: str | None) -> set[str]:
    """The candidates whose district type fits the type word (if any)."""
    if typ is None:
        return set(candidates)
    types = {d.kreis_ags: d.typ for d in vocab.districts()}
    return {ags for ags in candidates if types[ags] == typ}


def _fuzzy_district(core: str, typ: str | None) -> str | None:
    """The one district whose core name ``core`` is a close typo of, or None."""
    if len(core) < FUZZY_MIN_LENGTH:
        return None
    index = _core_index()
    # best score per district among the cores that fit the type word
    best: dict[str, float] = {}
    for name, score, _ in process.extract(core, list(index), scorer=fuzz.ratio, limit=None):
        for ags in _fit_type(index[name], typ):
            best[ags] = max(best.get(ags, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < FUZZY_MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_MIN_MARGIN:
        return None  # two districts fit about equally well (e.g. "Leipzg")
    return ranked[0][0]
