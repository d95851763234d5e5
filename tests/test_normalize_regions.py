"""normalize/regions.py: district spellings -> the 13 districts and their keys."""

from __future__ import annotations

import pytest

from conftest import gold_landtag
from foerderdaten.normalize import vocab
from foerderdaten.normalize.regions import match_region

LANDTAG = gold_landtag()


# --------------------------------------------------------------------------
# Regions


def _landtag_regions() -> list[tuple[str, str, str]]:
    rows = LANDTAG["funding_established"] + LANDTAG["funding_in_aufbau"]
    pairs = [(row["region_raw"], row["region"], row["kreis_ags"]) for row in rows]
    centres = LANDTAG["welcome_centers"] + LANDTAG["welcome_centers_in_aufbau"]
    pairs += [(row["traeger_region_raw"], row["region"], row["kreis_ags"]) for row in centres if row["traeger_region_raw"]]
    return pairs


@pytest.mark.parametrize("raw, name, ags", _landtag_regions())
def test_landtag_regions(raw, name, ags):
    match = match_region(raw)
    assert (match.name, match.kreis_ags) == (name, ags)


@pytest.mark.parametrize("variant", vocab.district_variants(), ids=lambda v: v.variant)
def test_every_known_variant(variant):
    match = match_region(variant.variant)
    assert (match.name, match.kreis_ags) == (variant.region, variant.kreis_ags)


@pytest.mark.parametrize(
    "raw, ags, rule",
    [
        ("Dresden", "14612", "region_canonical"),
        ("Leipzig, Stadt", "14713", "region_official"),
        ("Landkreis Leipzig", "14729", "region_official"),
        ("Leipzig Stadt", "14713", "region_known_variant"),
        ("Landkreis leipzig", "14729", "region_known_typo"),
        # unseen spellings
        ("Landkreis Görlitz", "14626", "region_normalised"),
        ("Kreis Meissen", "14627", "region_normalised"),
        ("Vogtland\u00adkreis", "14523", "region_normalised"),  # soft hyphen
        ("LANDKREIS  LEIPZIG", "14729", "region_normalised"),
        ("leipzig stadt", "14713", "region_normalised"),
        ("Chemnitz, Stadt", "14511", "region_normalised"),
        ("kreisfreie Stadt Chemnitz", "14511", "region_normalised"),
        ("Stadt Leipzig", "14713", "region_official"),
        ("Landkreis Sächsische-Schweiz-Osterzgebirge", "14628", "region_normalised"),
        ("Landkreis Erzgebirge", "14521", "region_normalised"),
        ("Goerlitz", "14626", "region_normalised"),
        # typos
        ("Mittelsachssen", "14522", "region_fuzzy"),
        ("Nordsachsn", "14730", "region_fuzzy"),
        ("Stadt Leipzg", "14713", "region_fuzzy"),
        ("Dresdn", "14612", "region_fuzzy"),
    ],
)
def test_match_region(raw, ags, rule):
    match = match_region(raw)
    assert (match.kreis_ags, match.rule) == (ags, rule)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "Leipzig",  # ambiguous: the city or the Landkreis (Destatis: "Leipzig")
        "Leipzg",  # a typo of the ambiguous name stays ambiguous
        "Stadt Bautzen",  # a town in the Landkreis Bautzen, not a district
        "Landkreis Dresden",  # no such district
        "Sachsen",
        "Ostsachsen",
        "Westsachsen",
        "Leipziger Land",  # dissolved in 2008
        "Plauen",
        "SSO",
    ],
)
def test_match_region_unknown(raw):
    assert match_region(raw) is None
