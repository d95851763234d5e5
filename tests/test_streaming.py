"""The build reads an SAB overview's table page by page as the pages arrive
(``tables.TableStream``, ``pipeline._Arrivals``) and reads the same values
as ``read_table`` over all pages at once: where the pages agree on other
columns than a page found on its own, that page is read again from the PDF;
where a decision cannot be settled so (a header no other page prints), the
whole document is read again.
"""

from __future__ import annotations

import pytest

from foerderdaten import pipeline
from foerderdaten.extract.guard import Limits
from foerderdaten.extract.pdfdoc import DEFAULT_ENGINE, open_pdf
from foerderdaten.extract.sab import COLUMNS
from foerderdaten.extract.tables import read_table
from foerderdaten.schemas.rows import Tables
from readback import undecided_breaks_accepted
from render import Layout, render_table
from test_renderings import render_sab_variant

FIELDS = [spec.field for spec in COLUMNS]


def _at_once(path) -> list[list[str]]:
    """The rows as read_table reads them from all pages at once."""
    table = read_table(open_pdf(path).pages, COLUMNS)
    assert table is not None
    return [[table.cell_text(row, name) for name in FIELDS] for row in table.rows]


def _built(path, monkeypatch) -> tuple[list[list[str]], list[list[int]], int]:
    """(rows as the build reads them, the pages it read again, how often it read the whole document again)."""
    again: list[list[int]] = []
    whole = 0
    pages_again, read_document = pipeline._pages_again, pipeline.read_document

    def logged_again(*args):
        inner = pages_again(*args)

        def logged(numbers, each):
            again.append(list(numbers))
            inner(numbers, each)

        return logged

    def logged_whole(*args):
        nonlocal whole
        whole += 1
        return read_document(*args)

    monkeypatch.setattr(pipeline, "_pages_again", logged_again)
    monkeypatch.setattr(pipeline, "read_document", logged_whole)
    tables = Tables()
    pipeline._read_into(tables, path, Limits(), DEFAULT_ENGINE, {})
    return [[getattr(p, name) for name in FIELDS] for p in tables.projects], [n for n in again if n], whole


@pytest.mark.parametrize("variant", ["courier_plain", "headings_plain_split_rows"])
def test_pages_read_again_where_the_pages_agree_on_other_columns(variant, tmp_path, monkeypatch):
    path = render_sab_variant(variant, tmp_path)
    # courier_plain is refused for a line break the overview prints both ways
    # (test_renderings.UNDECIDED); the rows read are what this test compares
    with undecided_breaks_accepted():
        rows, again, whole = _built(path, monkeypatch)
    assert again and not whole  # the case this test is about
    assert rows == _at_once(path)


def test_one_page_table_read_again_whole(tmp_path, monkeypatch):
    """A header printed on one page only: whether a body line joined it is
    checked on the page's characters (``_refuse_uncertain_header_ends``)."""
    path = tmp_path / "one_page.pdf"
    head = ["Stand: 31.12.2023", "Fachkräfterichtlinie: Übersicht über beantragte und bewilligte Projekte - Regionalbudget 2023"]
    headers = ["Projektträger", "Durchführungsort", "Region", "Nr. der RL", "Vorhabensart", "Beginn", "Ende", "Projekttitel", "Kurzbeschreibung"]
    body = [["Verein A", "Dresden", "Dresden", "1", "Beratung", "01.01.2023", "31.12.2023", "Titel A", "Beschreibung A"],
            ["Verein B", "Leipzig", "Leipzig", "2", "Beratung", "01.02.2023", "31.12.2024", "Titel B", "Beschreibung B"]]
    render_table(path, headers, [70, 60, 60, 30, 60, 52, 52, 80, 200], body, Layout(head=head))
    rows, again, whole = _built(path, monkeypatch)
    assert whole == 1 and not again
    assert rows == _at_once(path)
