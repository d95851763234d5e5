"""How many processes read a document's pages, and that a pool of them reads what one reads.

The build process makes the pages while they are read, so page readers
leave it a core (``pdfdoc._page_readers``). On a two-core machine (CI's) a
document is then read by one process, so the pool is tested here on its own.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from foerderdaten.extract import pdfdoc


@pytest.mark.parametrize(("cores", "pages", "readers"), [
    (1, 48, 1), (2, 48, 1), (3, 48, 2), (8, 48, 4), (8, pdfdoc.PARALLEL_MIN_PAGES - 1, 1),
])
def test_page_readers_leave_the_build_process_a_core(cores, pages, readers, monkeypatch):
    monkeypatch.setattr(pdfdoc.os, "cpu_count", lambda: cores)
    assert pdfdoc._page_readers(pages) == readers


@pytest.mark.parametrize("engine", pdfdoc.ENGINES)
def test_a_pool_of_page_readers_reads_what_one_reader_reads(engine, monkeypatch):
    path = FIXTURES / "sab_2023_plain.pdf"
    monkeypatch.setattr(pdfdoc, "_page_readers", lambda count: 1)
    alone = _pages(path, engine)
    monkeypatch.setattr(pdfdoc, "_page_readers", lambda count: 2)
    pooled = _pages(path, engine)
    assert len(alone) >= pdfdoc.PARALLEL_MIN_PAGES
    assert pooled == alone


def _pages(path, engine) -> list[tuple]:
    """Every page as handed over: number, engine, glyph texts and boxes, rulings."""
    pages: list[pdfdoc.RawPage] = []
    pdfdoc.read_pdf(path, pages.append, engine)
    return [(p.number, p.engine, p.texts, p.boxes.tolist(), p.rulings.tolist()) for p in pages]
