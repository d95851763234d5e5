"""How many processes read a document's pages, that a pool of them
reads what one reads and dies with a killed build, and that readers do not
run ahead of the build process by more than a few pages.

The build process makes the pages while they are read, so page readers
leave it a core (``pdfdoc._page_readers``). On a two-core machine (CI's) a
document is then read by one process, so the pool is tested here on its own.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import FIXTURES, live_processes
from foerderdaten.extract import guard, pdfdoc


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


class _CountingPool(ThreadPoolExecutor):
    """A pool that counts what it was given to do."""

    def __init__(self):
        super().__init__(max_workers=3)
        self.submitted = 0
        self._lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            self.submitted += 1
        return super().submit(fn, *args, **kwargs)


@pytest.mark.parametrize("ahead", [1, 2, 8])
def test_a_pool_reads_chunks_in_order_and_only_a_few_ahead(ahead):
    """Chunks come back in order, and while the k-th is worked on (handed
    to the build process) at most ``ahead`` chunks were given to the pool
    beyond those taken: a pool's results do not pile up in memory."""
    items = list(range(20))
    with _CountingPool() as pool:
        for taken, result in enumerate(pdfdoc.in_order(pool, lambda x: x * x, items, ahead)):
            assert result == items[taken] ** 2
            assert pool.submitted <= taken + ahead
    assert pool.submitted == len(items)


def test_chunks_do_not_grow_with_the_document(monkeypatch):
    """Every chunk a page reader reads has at most ``CHUNK_PAGES`` pages,
    whatever the document's length."""
    chunks = []

    def planned(pool, fn, items, ahead):
        chunks.extend(items)
        return iter(())

    monkeypatch.setattr(pdfdoc, "in_order", planned)
    pdfdoc._read_pages_in_parallel("pdfium", FIXTURES / "sab_2023_plain.pdf", 1000, 4, lambda page: None)
    assert [(start, stop) for _, _, start, stop in chunks] == [(s, min(s + pdfdoc.CHUNK_PAGES, 1000)) for s in range(0, 1000, pdfdoc.CHUNK_PAGES)]


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="the reader is a forked process")
def test_a_reader_waits_for_a_slow_build_process(tmp_path):
    """A reader process hands over parts (pages) faster than the build
    process takes them: it may be only a few parts ahead (those waiting to
    be sent, the one being sent, the one just read), not the whole document.
    The parts are larger than a pipe's buffer, as pages are."""
    read = multiprocessing.get_context("fork").Value("i", 0)
    taken = 0
    most_ahead = 0

    def reader(path, hand_over):
        for _ in range(40):
            with read.get_lock():
                read.value += 1
            hand_over(bytes(200_000))
        return "done"

    def slow_build_process(part):
        nonlocal taken, most_ahead
        taken += 1
        most_ahead = max(most_ahead, read.value - taken)
        time.sleep(0.005)

    path = tmp_path / "x.pdf"
    assert guard.stream_within_limits(path, reader, guard.Limits(), receive=slow_build_process) == "done"
    assert taken == 40
    assert most_ahead <= guard.PARTS_AHEAD + 2


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
