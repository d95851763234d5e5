"""The build's memory does not grow with a document's pages (issue #11).

An SAB overview's table is read page by page as the reader hands the pages
over (``pipeline._Arrivals``, ``tables.TableStream``): of each page the
build keeps its text and its rows' measured cell lines, not its glyphs
(~0.8 MB a page before). The rows are then normalised and written, every
writer passing over them without a copy of the whole output (CSV line by
line, Arrow's buffers given back after each Parquet file). Two generated
editions, the gold rows repeated as the benchmark prints them
(``benchmarks/bench_sab.py``), are built as the command line builds them;
the traced peak of the build process, both up to the extracted rows and
over the whole build, may grow by little more than the rows' text.
"""

from __future__ import annotations

import csv
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest

from foerderdaten import pipeline
from foerderdaten.extract import sab
from foerderdaten.extract.pdfdoc import Page
from foerderdaten.extract.sab import COLUMNS
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


@dataclass
class Peaks:
    """A build of one edition, traced: its pages and rows, the traced peak
    (bytes) up to the extracted rows, and after them (normalising, linking,
    writing, with the rows held)."""

    pages: int
    rows: int
    reading: int
    writing: int


def _traced_build(pdf: Path, out: Path) -> Peaks:
    """``pipeline.build`` of ``pdf``, traced once the reader has started
    (tracing in the reader process would slow it twentyfold); the table must
    settle from the pages as they arrived."""
    streamed_projects, reading = sab.streamed_projects, []

    def settled(file_name, stream, again, whole):
        title, edition, rows = streamed_projects(file_name, stream, _not_again, _whole)
        reading.append(tracemalloc.get_traced_memory()[1])  # read and extracted, not yet normalised
        tracemalloc.reset_peak()
        return title, edition, rows

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sab, "streamed_projects", settled)
        patch.setattr(pipeline, "_import_later_stages", tracemalloc.start)  # what runs once the reader started
        try:
            tables = pipeline.build([pdf], out)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    return Peaks(tables.documents[0].pages, len(tables.projects), reading[0], peak)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Peaks, Peaks]:
    """The 50- and the 200-row edition, each built once (traced)."""
    folder = tmp_path_factory.mktemp("memory")
    pipeline._import_later_stages()  # imported once, outside what is traced
    return _traced_build(_edition(50, folder), folder / "small"), _traced_build(_edition(200, folder), folder / "large")


def _per_page(builds: tuple[Peaks, Peaks], peak: str) -> tuple[float, str]:
    small, large = builds
    assert (small.rows, large.rows) == (50, 200)
    a, b = getattr(small, peak), getattr(large, peak)
    per_page = (b - a) / (large.pages - small.pages)
    return per_page, f"{per_page / 1e6:.3f} MB a page ({a / 1e6:.1f} MB at {small.pages} pages, {b / 1e6:.1f} MB at {large.pages})"


def test_reading_memory_stays_flat_as_pages_grow(builds):
    per_page, numbers = _per_page(builds, "reading")
    assert per_page < PER_PAGE, numbers


def test_writing_memory_stays_flat_as_pages_grow(builds):
    """Normalising, linking and writing every format."""
    per_page, numbers = _per_page(builds, "writing")
    assert per_page < PER_PAGE, numbers
