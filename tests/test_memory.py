"""The build's memory does not grow with a document's pages (issue #11).

An SAB overview's table is read page by page as the reader hands the pages
over (``pipeline._Arrivals``, ``tables.TableStream``): of each page the
build keeps its text and its rows' measured cell lines, not its glyphs
(~0.8 MB a page before). Two generated editions, the gold rows repeated
as the benchmark prints them (``benchmarks/bench_sab.py``), are read as
the build reads them; the traced peak of the build process may grow by
little more than the rows' text.
"""

from __future__ import annotations

import csv
import tracemalloc
from pathlib import Path

from foerderdaten import pipeline
from foerderdaten.extract.guard import Limits
from foerderdaten.extract.pdfdoc import DEFAULT_ENGINE, Page
from foerderdaten.extract.sab import COLUMNS, streamed_projects
from render import Layout, render_table

GOLD = Path(__file__).parent / "gold" / "sab_2023.csv"
HEADERS = ["Projektträger", "Durchführungs-ort", "Region/FKA", "Nr. der RL", "Vorhabensart",
           "Bewilligungs-beginn", "Bewilligungs-ende", "Projekttitel", "Kurzbeschreibung"]
WIDTHS = [100, 60, 62, 22, 80, 52, 52, 90, 260]
HEAD = ["Stand: 31.12.2023", "Fachkräfterichtlinie: Übersicht über beantragte und bewilligte Projekte - Regionalbudget 2023"]

# Traced bytes the build process may gain per page: a page of the edition
# holds ~8 rows (~10 kB of text); its glyphs took ~0.8 MB.
PER_PAGE = 100_000


def _edition(rows: int, folder: Path) -> Path:
    """``rows`` gold rows, repeated with numbered titles (as the benchmark's editions)."""
    with GOLD.open(encoding="utf-8", newline="") as fh:
        gold = [[row[spec.field] for spec in COLUMNS] for row in csv.DictReader(fh)]
    body = []
    for i in range(rows):
        row = list(gold[i % len(gold)])
        if i >= len(gold):
            row[7] = f"{row[7]} ({i // len(gold) + 1})"
        body.append(row)
    path = folder / f"sab_{rows}_rows.pdf"
    render_table(path, HEADERS, WIDTHS, body, Layout(head=HEAD))
    return path


def _not_again(numbers: list[int], each) -> None:
    assert not numbers, f"pages {numbers} read again: the generated editions agree on their columns"


def _whole() -> list[Page]:
    raise AssertionError("the document read again whole: the table reader could not settle the table")


def _reading_peak(pdf: Path) -> tuple[int, int, int]:
    """(pages, rows, traced peak in bytes) of reading the overview's rows as
    the build does; traced once the reader has started (tracing in the
    reader processes would slow them twentyfold)."""
    try:
        arrivals = pipeline._Arrivals(pdf.name, stream=True)
        pipeline._read(pdf, Limits(), DEFAULT_ENGINE, arrivals, meanwhile=tracemalloc.start)
        assert arrivals.projects is not None
        _, _, rows = streamed_projects(pdf.name, arrivals.projects, _not_again, _whole)
        return len(arrivals.texts), len(rows), tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_reading_memory_stays_flat_as_pages_grow(tmp_path):
    pipeline._import_later_stages()  # imported once, outside what is traced
    small, large = _edition(50, tmp_path), _edition(200, tmp_path)
    small_pages, small_rows, small_peak = _reading_peak(small)
    large_pages, large_rows, large_peak = _reading_peak(large)
    assert (small_rows, large_rows) == (50, 200)
    per_page = (large_peak - small_peak) / (large_pages - small_pages)
    assert per_page < PER_PAGE, f"{per_page / 1e6:.3f} MB a page ({small_peak / 1e6:.1f} MB at {small_pages} pages, {large_peak / 1e6:.1f} MB at {large_pages})"
