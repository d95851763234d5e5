"""The published renderings of the SAB overview read exactly (issue 7).

``fixtures/renderings/`` holds copies of PDFs printed by office software
from the gold values: a spreadsheet's defaults (Calibri metrics, bottom-
aligned cells, right-aligned dates and numbers, ruled) and an overview with
a heading row per district and empty rows between the groups. Every raw and
normalised field must equal the truth, rows in printed order, heading rows
not projects.
"""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from conftest import FIXTURES, GOLD
from foerderdaten.pipeline import build_tables

RAW = ["projekttraeger", "durchfuehrungsort", "region_raw", "rl_nr_raw", "vorhabensart_raw",
       "bewilligungsbeginn_raw", "bewilligungsende_raw", "projekttitel", "kurzbeschreibung"]
NORMALISED = ["region", "kreis_ags", "rl_nr", "vorhabensart", "gesteuerte_zuwanderung", "bewilligungsbeginn", "bewilligungsende"]
RENDERINGS = {
    "sab_calibri_excel.pdf": GOLD / "sab_2023.csv",
    "sab_sections.pdf": FIXTURES / "renderings" / "sab_sections.csv",
}


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@pytest.fixture(scope="module", params=sorted(RENDERINGS))
def read(request):
    with RENDERINGS[request.param].open(encoding="utf-8", newline="") as fh:
        truth = list(csv.DictReader(fh))
    projects = build_tables([FIXTURES / "renderings" / request.param]).projects
    return projects, truth


def test_every_project_in_printed_order(read):
    projects, truth = read
    assert len(projects) == len(truth)
    assert [p.seq for p in projects] == [int(t["seq"]) for t in truth]


@pytest.mark.parametrize("field", RAW + NORMALISED)
def test_every_field_equals_truth(read, field):
    projects, truth = read
    wrong = [(t["seq"], _as_text(getattr(p, field)), t[field]) for p, t in zip(projects, truth, strict=False) if _as_text(getattr(p, field)) != t[field]]
    assert wrong == []
