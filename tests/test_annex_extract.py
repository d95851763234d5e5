"""The annex tables of the Landtag answer give the 28 gold rows."""

from __future__ import annotations

import pytest

from conftest import gold_landtag, open_fixture
from foerderdaten.extract.annex import extract_annex_rows

FIELDS = ["anlage", "seq_in_anlage", "zuwendungsempfaenger", "projekttitel", "zielgruppe", "kurzbeschreibung"]


@pytest.fixture(scope="module")
def rows():
    return extract_annex_rows(open_fixture("landtag_7_16456.pdf"), "landtag_7_16456")


def test_28_rows_continued_rows_merged(rows):
    assert len(rows) == 28
    assert [(r.anlage, r.seq_in_anlage) for r in rows] == [(1, i) for i in range(1, 23)] + [(2, i) for i in range(1, 7)]


@pytest.mark.parametrize("field", FIELDS)
def test_every_field_equals_gold(rows, field):
    gold = gold_landtag()["anlagen"]
    wrong = [(g["anlage"], g["seq_in_anlage"], getattr(r, field), g[field]) for r, g in zip(rows, gold, strict=True) if getattr(r, field) != g[field]]
    assert wrong == []


def test_rows_start_on_annex_pages(rows):
    assert all(r.page >= 5 for r in rows)
    assert [r.page for r in rows] == sorted(r.page for r in rows)
