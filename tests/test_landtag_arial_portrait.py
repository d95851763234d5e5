"""A rendering nobody here wrote: the Landtag answer printed by LibreOffice
Writer (Arial 11, annex tables in portrait, rows allowed to break across
pages, no blank written where a cell line wraps at the cell's edge).

Built together with the bundled SAB overview, every value must equal the
gold files: the letter's metadata, questions, answers, Welcome Centers,
funding, budget, all 28 annex rows field for field, and the links.
It shows two failure classes of issue 7: words glued at a soft wrap
("Arbeitsmarktintegrationvon", "Migrationshintergrund,insb.") and the row
"Stasenko Intelligence Technologies int." broken across pages 9 and 10 in
every column.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from conftest import FIXTURES, assert_answer_document, gold_landtag, gold_links, gold_sab

PDF = FIXTURES / "renderings" / "landtag_arial_portrait.pdf"
SAB = FIXTURES / "sab_2023_ruled.pdf"
SOURCE_ID = "landtag_7_16456"
ANNEX_FIELDS = ["anlage", "bewilligungsjahr", "seq_in_anlage", "zuwendungsempfaenger", "projekttitel", "zielgruppe", "kurzbeschreibung"]


@pytest.fixture(scope="module")
def rows():
    from foerderdaten.pipeline import build_tables

    return build_tables([SAB, PDF])


@pytest.fixture(scope="module")
def gold() -> dict:
    return gold_landtag()


def test_document(rows, gold):
    [document] = [d for d in rows.documents if d.source_id == SOURCE_ID]
    assert (document.kind, document.file_name, document.pages) == ("landtag_answer", PDF.name, 12)
    assert_answer_document(document, gold)


def test_questions_and_answers(rows, gold):
    answers = {n: answer for answer in gold["answers"] for n in answer["fragen"]}
    assert [(q.nummer, q.frage, q.antwort, q.beantwortet_mit) for q in rows.questions] == [
        (q["nummer"], q["frage_text"], "\n\n".join(answers[q["nummer"]]["absaetze"]), ",".join(map(str, answers[q["nummer"]]["fragen"])))
        for q in gold["questions"]
    ]
    assert [q.page for q in rows.questions] == [1, 1, 1, 3, 3]


def test_welcome_centers(rows, gold):
    expected = [(g, "etabliert") for g in gold["welcome_centers"]] + [(g, "im_aufbau") for g in gold["welcome_centers_in_aufbau"]]
    assert [(c.name, c.traeger_raw, c.region, c.kreis_ags, c.status) for c in rows.welcome_centers] == [
        (g["name"], g["traeger_region_raw"], g["region"], g["kreis_ags"], status) for g, status in expected
    ]


def test_funding(rows, gold):
    expected = [(g, "etabliert", gold["funding_established_zeitraum"]) for g in gold["funding_established"]]
    expected += [(g, "im_aufbau", None) for g in gold["funding_in_aufbau"]]
    assert [(f.region_raw, f.region, f.kreis_ags, f.betrag_raw, f.betrag_eur, f.status, f.zeitraum) for f in rows.welcome_center_funding] == [
        (g["region_raw"], g["region"], g["kreis_ags"], g["betrag_raw"], Decimal(g["betrag_eur"]), status, zeitraum)
        for g, status, zeitraum in expected
    ]
    assert [f.page for f in rows.welcome_center_funding] == [3] * 8


def test_budget(rows, gold):
    assert [(b.jahr, b.betrag_raw, b.betrag_eur) for b in rows.budget] == [
        (b["jahr"], b["betrag_raw"], Decimal(b["betrag_eur"])) for b in gold["budget"]
    ]


@pytest.mark.parametrize("field", ANNEX_FIELDS)
def test_annex_rows(rows, gold, field):
    annex = [a for a in rows.annex_projects if a.source_id == SOURCE_ID]
    assert len(annex) == 28
    wrong = [
        (g["anlage"], g["seq_in_anlage"], getattr(a, field), g[field])
        for a, g in zip(annex, gold["anlagen"], strict=True)
        if getattr(a, field) != g[field]
    ]
    assert wrong == []


def test_row_broken_across_pages_is_one_row(rows):
    stasenko = next(a for a in rows.annex_projects if a.zuwendungsempfaenger.startswith("Stasenko"))
    assert (stasenko.anlage, stasenko.seq_in_anlage, stasenko.page) == (1, 21, 9)


def test_links(rows):
    seq_of = {p.project_id: str(p.seq) for p in rows.projects}
    got = {(link.anlage, link.seq_in_anlage): (seq_of[link.project_id], link.relation) for link in rows.links}
    want = {(int(g["anlage"]), int(g["seq_in_anlage"])): (g["sab_seq"], g["relation"]) for g in gold_links() if g["relation"]}
    assert got == want
    assert len(rows.projects) == len(gold_sab())

