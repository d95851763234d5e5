"""How many processes read a document's pages, and that a pool of them
reads what one reads and dies with a killed build.

The build process makes the pages while they are read, so page readers
leave it a core (``pdfdoc._page_readers``). On a two-core machine (CI's) a
document is then read by one process, so the pool is tested here on its own.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, live_processes
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


# A build whose document a pool reads, its page readers held alive after
# reading (the kill tests of test_interrupted.py run where one process reads).
POOLED_BUILD = """
import sys, time
from foerderdaten.cli import app
from foerderdaten.extract import pdfdoc

read = pdfdoc._read_page_range

def held(chunk):
    pages = read(chunk)
    time.sleep(120)
    return pages

pdfdoc._page_readers = lambda count: 2
pdfdoc._read_page_range = held
sys.argv = ["foerderdaten", "build", *sys.argv[1:]]
app()
"""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_a_killed_build_leaves_no_page_reader_of_a_pool(tmp_path):
    build = subprocess.Popen(
        [sys.executable, "-c", POOLED_BUILD, str(FIXTURES / "sab_2023_plain.pdf"), "--out", str(tmp_path / "out")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        # the build process, its reader and the reader's two page readers
        while len(live_processes(session=build.pid)) < 4:
            assert time.monotonic() < deadline, "the page readers did not start"
            assert build.poll() is None, "the build ended before its page readers were seen"
            time.sleep(0.05)
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=60)
        deadline = time.monotonic() + 10
        while live_processes(session=build.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert live_processes(session=build.pid) == [], "page readers of the killed build live on"
    finally:
        if build.poll() is None:
            build.kill()
