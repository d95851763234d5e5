"""The controlled vocabularies, read from the package data in
``foerderdaten/vocab/*.json`` and returned as the published row models.

* ``districts.json``: the 13 Saxon districts and every spelling seen;
* ``rl.json``: the RL numbers with their labels and every Vorhabensart text seen.

The JSON is read once (cached); callers get fresh lists, so nothing they do
to a result changes what the next caller sees.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from foerderdaten.schemas.tables import District, DistrictVariant, RlCategory, VorhabensartVariant


@cache
def _load(name: str) -> dict:
    text = resources.files("foerderdaten").joinpath("vocab", name).read_text(encoding="utf-8")
    return json.loads(text)


def _district_entries() -> list[dict]:
    return _load("districts.json")["districts"]


def _rl_entries() -> list[dict]:
    return _load("rl.json")["rl"]


@cache
def _districts() -> tuple[District, ...]:
    return tuple(
        District(
            kreis_ags=d["kreis_ags"],
            name=d["name"],
            official_name_destatis=d["official_name_destatis"],
            typ=d["typ"],
        )
        for d in sorted(_district_entries(), key=lambda d: d["kreis_ags"])
    )


@cache
def _district_variants() -> tuple[DistrictVariant, ...]:
    rows = [
        DistrictVariant(variant=v["spelling"], kreis_ags=d["kreis_ags"], region=d["name"])
        for d in _district_entries()
        for v in d["variants"]
    ]
    return tuple(sorted(rows, key=lambda r: r.variant))


@cache
def _district_variant_kinds() -> dict[str, str]:
    return {v["spelling"]: v["kind"] for d in _district_entries() for v in d["variants"]}


@cache
def _rl_categories() -> tuple[RlCategory, ...]:
    return tuple(RlCategory(rl_nr=c["rl_nr"], label=c["label"]) for c in sorted(_rl_entries(), key=lambda c: c["rl_nr"]))


@cache
def _vorhabensart_variants() -> tuple[VorhabensartVariant, ...]:
    rows = [
        VorhabensartVariant(
            vorhabensart_raw=v["raw"],
            rl_nr=c["rl_nr"],
            kind=v["kind"],
            gesteuerte_zuwanderung=v["gesteuerte_zuwanderung"],
        )
        for c in _rl_entries()
        for v in c["variants"]
    ]
    return tuple(sorted(rows, key=lambda r: (r.rl_nr, r.vorhabensart_raw)))


def districts() -> list[District]:
    """The 13 districts, ordered by Kreisschlüssel (table ``districts``)."""
    return list(_districts())


def district_variants() -> list[DistrictVariant]:
    """Every district spelling seen in the documents (table ``district_variants``)."""
    return list(_district_variants())


def district_variant_kind(spelling: str) -> str | None:
    """Kind of a known spelling (name, official, variant, short_form,
    abbreviation, typo), or None if the spelling is not in the vocabulary."""
    return _district_variant_kinds().get(spelling)


def rl_categories() -> list[RlCategory]:
    """The RL numbers with their canonical labels (table ``rl_categories``)."""
    return list(_rl_categories())


def vorhabensart_variants() -> list[VorhabensartVariant]:
    """Every Vorhabensart text seen, with RL number and kind (table ``vorhabensart_variants``)."""
    return list(_vorhabensart_variants())
