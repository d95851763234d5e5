"""Other renderings of the same tables read the same values.

The parsers will meet renderings that differ from the fixtures: other fonts
and sizes, paper, column widths and order, header wording, with and without
borders, rows split across pages. ``render.py`` prints the gold values in
such ways; every field must still come out exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A3, A4, landscape, portrait

from conftest import gold_landtag, gold_sab
from foerderdaten.extract.annex import extract_annex_rows
from foerderdaten.extract.pdfdoc import open_pdf
from foerderdaten.extract.sab import extract_projects
from render import Layout, render_table

SAB_FIELDS = ["projekttraeger", "durchfuehrungsort", "region_raw", "rl_nr_raw", "vorhabensart_raw",
              "bewilligungsbeginn_raw", "bewilligungsende_raw", "projekttitel", "kurzbeschreibung"]
SAB_HEADERS = {
    "original": ["Projektträger", "Durchführungs-ort", "Region/FKA", "Nr. der RL", "Vorhabensart",
                 "Bewilligungs-beginn", "Bewilligungs-ende", "Projekttitel", "Kurzbeschreibung"],
    "renamed": ["Zuwendungsempfänger", "Ort", "Region", "RL-Nr.", "Vorhabensart",
                "Beginn", "Ende", "Titel des Vorhabens", "Kurzbeschreibung"],
}
SAB_HEAD = ["Stand: 31.12.2023", "Fachkräfterichtlinie: Übersicht über beantragte und bewilligte Projekte - Regionalbudget 2023"]

# name: (layout, header wording, column order (indices into SAB_FIELDS), widths)
SAB_VARIANTS = {
    "times_8pt_ruled": (Layout(font="Times-Roman", bold_font="Times-Bold", size=8, head=SAB_HEAD), "original",
                        range(9), [100, 60, 62, 22, 80, 52, 52, 90, 260]),
    "courier_plain": (Layout(font="Courier", bold_font="Courier-Bold", size=6.5, borders=False, head=SAB_HEAD), "original",
                      range(9), [110, 70, 75, 20, 90, 45, 45, 100, 230]),
    "renamed_reordered_plain": (Layout(size=7.5, borders=False, head=SAB_HEAD), "renamed",
                                [7, 0, 2, 1, 3, 4, 5, 6, 8], [95, 105, 70, 65, 22, 80, 42, 42, 260]),
    "a3_wide_split_rows": (Layout(page=landscape(A3), size=9, split_rows=True, head=SAB_HEAD), "original",
                           range(9), [150, 90, 100, 30, 130, 70, 70, 150, 320]),
    "centered_headers_plain": (Layout(size=7, borders=False, head=SAB_HEAD, header_align="center"), "renamed",
                               range(9), [105, 62, 80, 34, 85, 50, 50, 95, 225]),
    # rows set close: little padding, no extra space between rows
    "tight_rows_plain": (Layout(size=7, borders=False, head=SAB_HEAD, padding=1.0, row_space=0.0), "original",
                         range(9), [100, 60, 62, 22, 80, 52, 52, 90, 260]),
    # the title wraps over two lines above the Stand line
    "a4_portrait_narrow": (Layout(page=portrait(A4), size=6, borders=False, margin=20,
                                  head=["Fachkräfterichtlinie: Übersicht über beantragte und bewilligte", "Projekte - Regionalbudget 2023", "Stand: 31.12.2023"]), "original",
                           range(9), [70, 45, 50, 14, 60, 36, 36, 70, 170]),
}


def render_sab_variant(name: str, folder: Path) -> Path:
    """The gold SAB rows printed as variant ``name``."""
    layout, wording, order, widths = SAB_VARIANTS[name]
    order = list(order)
    path = folder / f"{name}.pdf"
    headers = [SAB_HEADERS[wording][i] for i in order]
    rows = [[g[SAB_FIELDS[i]] for i in order] for g in gold_sab()]
    render_table(path, headers, widths, rows, layout)
    return path


@pytest.fixture(scope="module", params=sorted(SAB_VARIANTS))
def sab_rendering(request, tmp_path_factory):
    return extract_projects(open_pdf(render_sab_variant(request.param, tmp_path_factory.mktemp("sab"))))


def test_sab_rendering_head(sab_rendering):
    _, edition, rows = sab_rendering
    assert edition == "Regionalbudget 2023"
    assert len(rows) == 134


@pytest.mark.parametrize("field", SAB_FIELDS)
def test_sab_rendering_fields(sab_rendering, field):
    _, _, rows = sab_rendering
    wrong = [(g["seq"], getattr(r, field), g[field]) for r, g in zip(rows, gold_sab()) if getattr(r, field) != g[field]]
    assert wrong == []


ANNEX_FIELDS = ["zuwendungsempfaenger", "projekttitel", "zielgruppe", "kurzbeschreibung"]
ANNEX_VARIANTS = {
    "ruled_times_split": Layout(font="Times-Roman", bold_font="Times-Bold", size=10, split_rows=True, footer=None, keep_edge_blanks=False),
    "plain_helvetica_split": Layout(size=9, split_rows=True, borders=False, footer=None, keep_edge_blanks=False),
    "ruled_small_portrait": Layout(page=portrait(A4), size=8, split_rows=True, footer="- {page} -", keep_edge_blanks=False),
}


def render_annex_variant(name: str, folder: Path) -> Path:
    """Both annexes printed one after the other as variant ``name``, each with its caption."""
    from pypdf import PdfWriter

    layout = ANNEX_VARIANTS[name]
    gold = gold_landtag()["anlagen"]
    # Portrait widths avoid a word that fills its cell exactly before a word
    # in lower case: with the blank dropped that is indistinguishable from a
    # broken word (see textjoin, "Known ambiguity", and test_textjoin).
    widths = [120, 150, 150, 260] if layout.page[0] > layout.page[1] else [100, 118, 124, 190]
    parts = []
    for anlage in (1, 2):
        layout.first_page_head = [f"Anlage {anlage}"]
        rows = [[g[f] for f in ANNEX_FIELDS] for g in gold if g["anlage"] == anlage]
        part = folder / f"anlage{anlage}.pdf"
        render_table(part, ["Zuwendungsempfänger", "Projekttitle", "Zielgruppe", "Kurzbeschreibung"], widths, rows, layout)
        parts.append(part)
    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    path = folder / "annex.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


@pytest.fixture(scope="module", params=sorted(ANNEX_VARIANTS))
def annex_rendering(request, tmp_path_factory):
    return extract_annex_rows(open_pdf(render_annex_variant(request.param, tmp_path_factory.mktemp("annex"))), "x")


@pytest.mark.parametrize("field", ["anlage", "seq_in_anlage"] + ANNEX_FIELDS)
def test_annex_rendering_fields(annex_rendering, field):
    gold = gold_landtag()["anlagen"]
    assert len(annex_rendering) == 28
    wrong = [(g["anlage"], g["seq_in_anlage"], getattr(r, field), g[field]) for r, g in zip(annex_rendering, gold) if getattr(r, field) != g[field]]
    assert wrong == []
