"""The letter of the Landtag answer Drs. 7/16456 (pages 1-4 of the fixture),
extracted and normalised, field by field against tests/gold/landtag_7_16456.json."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from conftest import assert_answer_document, assert_letter_metadata, gold_landtag, open_fixture
from foerderdaten.extract.landtag import extract_letter, is_landtag_answer
from foerderdaten.extract.paragraphs import split_cells
from foerderdaten.extract.pdfdoc import Char, TextLine
from foerderdaten.normalize.landtag import normalize_letter

FIXTURE = "landtag_7_16456.pdf"
SOURCE_ID = "landtag_7_16456"


@pytest.fixture(scope="module")
def gold() -> dict:
    return gold_landtag()


@pytest.fixture(scope="module")
def raw():
    return extract_letter(open_fixture(FIXTURE))


@pytest.fixture(scope="module")
def tables(raw):
    return normalize_letter(raw, open_fixture(FIXTURE))


# --------------------------------------------------------------------------
# Detection


def test_detected_as_landtag_answer():
    assert is_landtag_answer(open_fixture(FIXTURE))


@pytest.mark.parametrize("name", ["sab_2023_plain.pdf", "sab_2023_ruled.pdf"])
def test_sab_overview_is_not_a_landtag_answer(name):
    assert not is_landtag_answer(open_fixture(name))


# --------------------------------------------------------------------------
# Metadata


def test_raw_metadata(raw, gold):
    assert_letter_metadata(raw, gold, SOURCE_ID)
    assert raw.letter_pages == (1, 2, 3, 4)


def test_source_id_can_be_given(raw):
    assert extract_letter(open_fixture(FIXTURE), "other_id").source_id == "other_id"


def test_document_row(tables, gold):
    document = tables.document
    doc = open_fixture(FIXTURE)
    assert document.source_id == SOURCE_ID
    assert document.kind == "landtag_answer"
    assert document.file_name == FIXTURE
    assert document.sha256 == doc.sha256
    assert document.pages == len(doc.pages)
    assert_answer_document(document, gold)
    assert document.edition is None and document.stand is None


def test_impossible_letter_date_is_flagged_not_fatal(raw):
    """ "31. Juni 2024" is the letter's own error (issue 7, class 8): kept, flagged, build goes on."""
    odd = replace(raw, datum_raw="Dresden, 31. Juni 2024")
    tables = normalize_letter(odd, open_fixture(FIXTURE))
    assert tables.document.datum is None
    (issue,) = tables.quality
    assert (issue.table, issue.record, issue.page, issue.flag) == ("documents", SOURCE_ID, 1, "impossible_date")
    assert issue.detail.startswith("Datum '31. Juni 2024' is not a day of the calendar")


# --------------------------------------------------------------------------
# Questions and answers


def test_question_texts(raw, gold):
    assert [(q.nummer, q.frage) for q in raw.questions] == [
        (q["nummer"], q["frage_text"]) for q in gold["questions"]
    ]
    assert [q.page for q in raw.questions] == [1, 1, 1, 3, 3]


def test_answer_paragraphs(raw, gold):
    assert [(a.fragen, [p.text for p in a.paragraphs]) for a in raw.answers] == [
        (tuple(a["fragen"]), a["absaetze"]) for a in gold["answers"]
    ]


def test_answer_paragraph_pages(raw):
    assert [[p.page for p in a.paragraphs] for a in raw.answers] == [
        [1, 2, 2, 2, 2, 2, 2, 3], [3, 3], [3, 3],
    ]


def test_questions_carry_their_answer(tables, gold):
    joint = "\n\n".join(gold["answers"][0]["absaetze"])
    by_nummer = {q.nummer: q for q in tables.questions}
    assert sorted(by_nummer) == [1, 2, 3, 4, 5]
    for nummer in (1, 2, 3):
        assert by_nummer[nummer].antwort == joint
        assert by_nummer[nummer].beantwortet_mit == "1,2,3"
    assert by_nummer[4].antwort == "\n\n".join(gold["answers"][1]["absaetze"])
    assert by_nummer[4].beantwortet_mit == "4"
    assert by_nummer[5].antwort == "\n\n".join(gold["answers"][2]["absaetze"])
    assert by_nummer[5].beantwortet_mit == "5"
    for q, g in zip(tables.questions, gold["questions"], strict=True):
        assert (q.source_id, q.frage) == (SOURCE_ID, g["frage_text"])


# --------------------------------------------------------------------------
# Welcome Centers


def test_raw_welcome_centers(raw, gold):
    assert [(c.name, c.traeger_raw, c.status) for c in raw.welcome_centers] == [
        (c["name"], c["traeger_region_raw"], "etabliert") for c in gold["welcome_centers"]
    ]
    assert [m.text for m in raw.centers_mentioned] == [
        "Welcome Center Chemnitz",
        "Welcome Center Görlitz",
        "im Landkreis Nordsachsen WIN - Willkommen in Nordsachsen",
    ]


def test_welcome_centers(tables, gold):
    expected = [(c, "etabliert", 2) for c in gold["welcome_centers"]]
    expected += [(c, "im_aufbau", 3) for c in gold["welcome_centers_in_aufbau"]]
    got = tables.welcome_centers
    assert [c.seq for c in got] == list(range(1, 11))
    assert [(c.name, c.traeger_raw, c.region, c.kreis_ags, c.status, c.page) for c in got] == [
        (g["name"], g["traeger_region_raw"], g["region"], g["kreis_ags"], status, page) for g, status, page in expected
    ]
    assert {c.source_id for c in got} == {SOURCE_ID}


def test_welcome_center_funding(tables, gold):
    expected = [(f, "etabliert", gold["funding_established_zeitraum"]) for f in gold["funding_established"]]
    expected += [(f, "im_aufbau", None) for f in gold["funding_in_aufbau"]]
    got = tables.welcome_center_funding
    assert [f.seq for f in got] == list(range(1, 9))
    assert [(f.region_raw, f.region, f.kreis_ags, f.betrag_raw, f.betrag_eur, f.status, f.zeitraum) for f in got] == [
        (g["region_raw"], g["region"], g["kreis_ags"], g["betrag_raw"], Decimal(g["betrag_eur"]), status, zeitraum)
        for g, status, zeitraum in expected
    ]
    assert [f.page for f in got] == [3] * 8


def test_funding_sum_of_established_centres(tables):
    established = [f.betrag_eur for f in tables.welcome_center_funding if f.status == "etabliert"]
    assert sum(established) == Decimal("2104428.16")


def test_region_spellings_are_logged(tables):
    logged = {(c.table, c.record, c.raw, c.clean) for c in tables.corrections}
    assert ("welcome_center_funding", "2", "Erzgebirge", "Erzgebirgskreis") in logged
    assert ("welcome_centers", "10", "Landkreis Nordsachsen", "Nordsachsen") in logged
    # a spelling that already is the canonical name is no correction
    assert not any(c.raw == c.clean for c in tables.corrections)


# --------------------------------------------------------------------------
# Budget and annexes


def test_budget(tables, gold):
    assert [(b.source_id, b.jahr, b.betrag_raw, b.betrag_eur) for b in tables.budget] == [
        (SOURCE_ID, b["jahr"], b["betrag_raw"], Decimal(b["betrag_eur"])) for b in gold["budget"]
    ]


def test_annex_years(raw, tables, gold):
    expected = {a["anlage"]: a["bewilligungsjahr"] for a in gold["anlagen"]}
    assert expected == {1: 2023, 2: 2024}
    assert raw.annex_years == expected
    assert tables.annex_years == expected


def test_letterhead_is_no_content(raw):
    texts = [p.text for a in raw.answers for p in a.paragraphs] + [q.frage for q in raw.questions]
    for marker in ("Aktenzeichen", "Bernhard-von-Lindenau-Platz", "Mit freundlichen Grüßen", "Martin Dulig", "Anlagen"):
        assert not any(marker in text for text in texts)


# --------------------------------------------------------------------------
# Structure helpers on synthetic lines (other renderings)


def _line(words_at: list[tuple[str, float]], size: float = 10.0) -> TextLine:
    """A line of words starting at the given x positions; 0.5 size per letter, no blank glyphs."""
    chars = []
    for word, x in words_at:
        for i, letter in enumerate(word):
            x0 = x + i * 0.5 * size
            chars.append(Char(letter, x0, x0 + 0.5 * size, 100.0, 100.0 + size, size))
    return TextLine(tuple(chars))


def test_tab_gap_splits_a_line_into_cells():
    line = _line([("Welcome", 0), ("Center", 38), ("Bautzen", 71), ("Landkreis", 250), ("Bautzen", 298)])
    assert [c.text for c in split_cells(line)] == ["Welcome Center Bautzen", "Landkreis Bautzen"]


def test_justified_line_with_wide_gaps_stays_one_cell():
    # every gap 12 pt (> COLUMN_GAP_EM font sizes), as justification stretches them alike
    line = _line([("Die", 0), ("Mittel", 27), ("werden", 69), ("bereit", 116)])
    assert [c.text for c in split_cells(line)] == ["Die Mittel werden bereit"]


def test_single_wide_gap_splits():
    line = _line([("Görlitz", 0), ("61.110,00€", 200)])
    assert [c.text for c in split_cells(line)] == ["Görlitz", "61.110,00€"]


def _block(page: int, text: str, row: tuple[str, ...] | None = None):
    from foerderdaten.extract.paragraphs import Block, Line
    from foerderdaten.extract.pdfdoc import group_lines

    chars = [Char(ch, 10.0 + 5 * i, 15.0 + 5 * i, 100.0, 110.0, 10.0) for i, ch in enumerate(text)]
    return Block(lines=[Line(page, group_lines(chars)[0], ())], row=row)


def test_only_a_list_introduced_as_a_welcome_center_list_is_read():
    """A list row read as a paragraph takes the lead-in's place; the rows
    after it then introduce nothing: no topic reads them, and the letter's
    self-check refuses them (test_letter_check.py)."""
    from foerderdaten.extract.landtag_topics import tab_lists

    rows = [
        _block(1, "Welcome Center B", ("Welcome Center B", "Landkreis B")),
        _block(2, "Welcome Center C", ("Welcome Center C", "Landkreis C")),
    ]
    unsplit = _block(1, "Welcome Center A Landkreis A")  # a row the reader could not split
    assert list(tab_lists([_block(1, "Welcome Center sind bekannt:"), unsplit, *rows])) == []
    [read] = tab_lists([_block(1, "Welcome Center sind bekannt:"), *rows])
    assert [(row.row, row.page) for row in read.rows] == [(("Welcome Center B", "Landkreis B"), 1), (("Welcome Center C", "Landkreis C"), 2)]
