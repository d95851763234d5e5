"""normalize/vocab.py: the controlled vocabularies against tests/gold/vocab.json."""

from __future__ import annotations

import json
from pathlib import Path

from foerderdaten.normalize import vocab
from foerderdaten.normalize.rl import classify_vorhabensart, rl_label

GOLD_VOCAB = json.loads((Path(__file__).parent / "gold" / "vocab.json").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------
# Vocabularies


def test_districts_match_gold():
    got = {d.kreis_ags: (d.name, d.official_name_destatis, d.typ) for d in vocab.districts()}
    want = {k["kreis_ags"]: (k["name"], k["official_name_destatis"], k["typ"]) for k in GOLD_VOCAB["kreise"]}
    assert got == want
    assert len(got) == 13
    assert [d.kreis_ags for d in vocab.districts()] == sorted(got)


def test_district_variants_match_gold():
    got = {v.variant: (v.region, v.kreis_ags) for v in vocab.district_variants()}
    want = {raw: (GOLD_VOCAB["region_variant_to_name"][raw], ags) for raw, ags in GOLD_VOCAB["region_variant_to_ags"].items()}
    assert got == want


def test_rl_categories_match_gold():
    assert {c.rl_nr: c.label for c in vocab.rl_categories()} == {c["nr"]: c["label"] for c in GOLD_VOCAB["rl"]}
    assert rl_label(9) == "Vereinbarkeit von Familie und Beruf / lebensphasenorientierte Personalarbeit"
    assert rl_label(11) is None


def test_vorhabensart_variants_match_gold():
    variants = vocab.vorhabensart_variants()
    assert {v.vorhabensart_raw: v.rl_nr for v in variants} == GOLD_VOCAB["vorhabensart_raw_to_rl_nr"]
    gold_suffix = {v["raw"]: v["gesteuerte_zuwanderung_suffix"] for c in GOLD_VOCAB["rl"] for v in c["raw_variants"]}
    assert {v.vorhabensart_raw: v.gesteuerte_zuwanderung for v in variants} == gold_suffix


def test_vocabulary_suffix_flags_agree_with_the_suffix_rule():
    for variant in vocab.vorhabensart_variants():
        match = classify_vorhabensart(variant.vorhabensart_raw)
        assert (match.rl_nr, match.kind, match.gesteuerte_zuwanderung) == (
            variant.rl_nr, variant.kind, variant.gesteuerte_zuwanderung
        ), variant.vorhabensart_raw


def test_vocabulary_lists_are_fresh_copies():
    vocab.districts().clear()
    vocab.vorhabensart_variants().clear()
    assert len(vocab.districts()) == 13
    assert len(vocab.vorhabensart_variants()) == 29
