"""normalize/rl.py: the RL number and the Vorhabensart text."""

from __future__ import annotations

import pytest

from foerderdaten.normalize.rl import classify_vorhabensart, parse_rl_nr, split_suffix

# --------------------------------------------------------------------------
# RL number and Vorhabensart


@pytest.mark.parametrize("raw, want", [("1", 1), ("10", 10), (" 3", 3), ("3.", 3), ("", None), ("3a", None)])
def test_parse_rl_nr(raw, want):
    assert parse_rl_nr(raw) == want


@pytest.mark.parametrize(
    "raw, suffix, standard",
    [
        ("Arbeits- und Ausbildungsmarktintegration - gesteuerte Zuwanderung", True, True),
        ("Anwerbungund/oder Begleitung ausländischer Fachkräfte -gesteuerte Zuwanderung", True, False),
        ("Arbeits- und Ausbildungsmarktintegration gesteuerte Zuwanderung", True, False),
        ("Anwerbung und/oder Begleitung ausländischer Fachkräfte Gesteuerte Zuwanderung", True, False),
        ("Anwerbung und/oder Begleitung ausländischer Fachkräfte -", False, True),
        ("digitaler Wandel", False, True),
    ],
)
def test_split_suffix(raw, suffix, standard):
    base, has_suffix, is_standard = split_suffix(raw)
    assert (has_suffix, is_standard) == (suffix, standard)
    assert "gesteuerte" not in base.lower() and not base.endswith("-")


@pytest.mark.parametrize(
    "raw, rl_nr, kind, suffix",
    [
        ("digitaler Wandel - gesteuerte Zuwanderung", 1, "label", True),
        ("Qualität der Arbeit gesteuerte Zuwanderung", 2, "suffix_variant", True),
        ("Qualität der Arbeit -", 2, "truncated", False),
        ("Fachkräftekampagnen, -veranstaltugen", 3, "typo", False),
        ("Anwerbung und/oder Begleitng ausländischer Fachkräfte - Gesteuerte Zuwanderung", 7, "typo", True),
        ("Information und Sensibilisierung", 4, "short_form", False),
        ("Maßnahmen zur Information und Sensibilisierung von Unternehmen", 4, "long_form", False),
        ("Arbeit", None, "not_a_label", False),
        ("Fachkräftesicherung", None, "not_a_label", False),
        ("Arbeiten und Leben in der Pflege, Teil 5", None, "not_a_label", False),
        ("", None, "empty", False),
    ],
)
def test_classify_unseen_vorhabensart(raw, rl_nr, kind, suffix):
    match = classify_vorhabensart(raw)
    assert (match.rl_nr, match.kind, match.gesteuerte_zuwanderung) == (rl_nr, kind, suffix)
