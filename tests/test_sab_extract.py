"""The SAB overview parser reproduces the gold raw fields on both renderings."""

from __future__ import annotations

import pytest

from conftest import gold_sab, open_fixture
from foerderdaten.extract.sab import COLUMNS, extract_projects, is_sab_overview, read_head
from foerderdaten.extract.table_header import _match_specs

RAW_FIELDS = [
    "projekttraeger",
    "durchfuehrungsort",
    "region_raw",
    "rl_nr_raw",
    "vorhabensart_raw",
    "bewilligungsbeginn_raw",
    "bewilligungsende_raw",
    "projekttitel",
    "kurzbeschreibung",
]
RENDERINGS = ["sab_2023_ruled.pdf", "sab_2023_plain.pdf"]


@pytest.fixture(scope="module", params=RENDERINGS)
def extracted(request):
    doc = open_fixture(request.param)
    return doc, *extract_projects(doc)


def test_detected_as_sab_overview(extracted):
    doc, *_ = extracted
    assert is_sab_overview(doc)


def test_head(extracted):
    _, title, edition, rows = extracted
    assert title == "Fachkräfterichtlinie: Übersicht über beantragte und bewilligte Projekte - Regionalbudget 2023"
    assert edition == "Regionalbudget 2023"
    assert {r.stand_raw for r in rows} == {"31.12.2023"}
    assert {r.source_id for r in rows} == {"sab_regionalbudget_2023"}


TITLE = "Fachkräfterichtlinie: Übersicht über beantragte und bewilligte Projekte - Regionalbudget 2023"


@pytest.mark.parametrize("head", [
    ["Stand: 31.12.2023", TITLE],
    [TITLE, "Stand: 31.12.2023"],
    [TITLE + " (Stand: 31.12.2023)"],  # a word processor's caption on one line
    [TITLE + ", Stand 31.12.2023"],
    ["Fachkräfterichtlinie: Übersicht über beantragte und", "bewilligte Projekte - Regionalbudget 2023 [Stand: 31.12.2023]"],
])
def test_head_with_stand_anywhere(head):
    assert read_head("x.pdf", head) == (TITLE, "Regionalbudget 2023", "31.12.2023")


def test_134_rows_in_document_order(extracted):
    _, _, _, rows = extracted
    assert len(rows) == len(gold_sab()) == 134
    assert [r.seq for r in rows] == list(range(1, 135))


@pytest.mark.parametrize("field", RAW_FIELDS)
def test_every_raw_field_equals_gold(extracted, field):
    _, _, _, rows = extracted
    wrong = [
        (gold["seq"], getattr(row, field), gold[field])
        for row, gold in zip(rows, gold_sab(), strict=True)
        if getattr(row, field) != gold[field]
    ]
    assert wrong == []


def test_pages_and_boxes_are_provenance(extracted):
    # gold `page` counts the original 19-page PDF; the fixtures have 15 pages,
    # so the page is checked for order and range, not against gold.
    doc, _, _, rows = extracted
    pages = [r.page for r in rows]
    assert pages == sorted(pages)
    assert pages[0] == 1 and pages[-1] == len(doc.pages)
    for row in rows:
        x0, top, x1, bottom = row.bbox
        assert 0 <= x0 < x1 and 0 <= top < bottom <= doc.pages[row.page - 1].height


@pytest.mark.parametrize(
    "header, field",
    [
        ("Projektträger", "projekttraeger"), ("Zuwendungsempfänger", "projekttraeger"), ("Begünstigte", "projekttraeger"),
        ("Name des Trägers", "projekttraeger"), ("Durchführungs-ort", "durchfuehrungsort"), ("Projektort", "durchfuehrungsort"),
        ("Standort", "durchfuehrungsort"), ("Region/FKA", "region_raw"), ("Fachkräfteallianz", "region_raw"),
        ("Landkreis", "region_raw"), ("Nr. der RL", "rl_nr_raw"), ("RL-Nr.", "rl_nr_raw"), ("Vorhabensart", "vorhabensart_raw"),
        ("Art des Vorhabens", "vorhabensart_raw"), ("Bewilligungs-beginn", "bewilligungsbeginn_raw"),
        ("Laufzeit von", "bewilligungsbeginn_raw"), ("Projektanfang", "bewilligungsbeginn_raw"), ("Bewilligungs-ende", "bewilligungsende_raw"),
        ("Laufzeit bis", "bewilligungsende_raw"), ("Projekttitel", "projekttitel"), ("Projektname", "projekttitel"),
        ("Bezeichnung des Vorhabens", "projekttitel"), ("Kurzbeschreibung", "kurzbeschreibung"), ("Projektinhalt", "kurzbeschreibung"),
    ],
)
def test_header_wordings_name_their_column(header, field):
    # a header cell names the first column whose pattern it matches (table_header._match_specs)
    assert [spec.field for spec in _match_specs([header], COLUMNS).values()] == [field]
