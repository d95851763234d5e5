"""The judge of the rendering tests: a wrong value is never taken for exact."""

from __future__ import annotations

from types import SimpleNamespace

from readback import Reading, compare

GOLD = [{"seq": "1", "name": "WFG- Wirtschaftsförderungs- gesellschaft mbH"}, {"seq": "2", "name": "Arbeits- und Lebenswelt"}]


def rows(*names):
    return [SimpleNamespace(name=n) for n in names]


def test_exact():
    assert compare(rows(GOLD[0]["name"], GOLD[1]["name"]), GOLD, ["name"], "seq").verdict == "exact"


def test_blank_after_a_nouns_hyphen_before_lower_case_is_wrong():
    # the reader decides it (textjoin._noun_hyphen): no longer excused as ambiguous
    reading = compare(rows("WFG- Wirtschaftsförderungs-gesellschaft mbH", GOLD[1]["name"]), GOLD, ["name"], "seq")
    assert reading.verdict == "wrong"


def test_odd_blanks_of_the_known_limit_are_ambiguous():
    for want, got in [("vorgestellt- Alles mit", "vorgestellt-Alles mit"), ("und - entwicklung im", "und -entwicklung im"),
                      ("Anwerbung/ Begleitung", "Anwerbung/Begleitung"), (GOLD[0]["name"], "WFG-Wirtschaftsförderungs- gesellschaft mbH")]:
        assert compare(rows(got), [{"seq": "1", "name": want}], ["name"], "seq").verdict == "ambiguous", want


def test_other_blanks_are_wrong():
    for want, got in [('Chemnistry"(CTC) in', 'Chemnistry" (CTC) in'), ("Zwickau - Fachkräfte", "Zwickau -Fachkräfte"),
                      ("Herausforderungen zeitgemäßer", "Herausforderungenzeitgemäßer"), ("Ausbildungs- und", "Ausbildungs - und")]:
        assert compare(rows(got), [{"seq": "1", "name": want}], ["name"], "seq").verdict == "wrong", want


def test_suspended_compound_without_blank_is_wrong():
    reading = compare(rows(GOLD[0]["name"], "Arbeits-und Lebenswelt"), GOLD, ["name"], "seq")
    assert reading.verdict == "wrong"
    assert "seq 2 name" in reading.report()


def test_missing_row_is_wrong():
    assert compare(rows(GOLD[0]["name"]), GOLD, ["name"], "seq").verdict == "wrong"


def test_refusal_names_page():
    assert Reading("refused", "x.pdf: page 3, column \"Ort\": empty").names_page
    assert not Reading("refused", "x.pdf: SAB overview without a recognisable project table").names_page
