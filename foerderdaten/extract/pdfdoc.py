"""The shared PDF layer: open a file, read its pages as characters and rulings.

Every parser reads PDFs only through this module. Two engines read the
pages: pypdfium2 (``pdfium``, fast) and pdfplumber (``pdfplumber``, the
reference, slow); both give the same characters and rulings, so the parsers
cannot tell them apart (``tests/test_engines.py`` checks that on every
fixture and rendering). What leaves this module are plain data classes with
positions in PDF points, origin at the top-left of the page (``top`` grows
downwards), as pdfplumber gives them.

Documents and pages are independent, so they are read by a pool of worker
processes (one per core) when there is enough to read.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import threading
from array import array
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from itertools import repeat
from operator import attrgetter
from pathlib import Path

from foerderdaten.errors import InputError

ENGINES = ("pdfium", "pdfplumber")
# pdfium is the default because it is exact wherever the reference is: every
# fixture and rendering publishes the same values with both (tests/test_engines.py)
DEFAULT_ENGINE = "pdfium"


@dataclass(frozen=True, slots=True)
class Char:
    """One glyph (spaces included, where the PDF has them)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float

    @property
    def mid_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True, slots=True)
class Ruling:
    """A drawn line or the edge of a thin rectangle."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def vertical(self) -> bool:
        return (self.x1 - self.x0) < 1.0 and (self.bottom - self.top) >= 1.0

    @property
    def horizontal(self) -> bool:
        return (self.bottom - self.top) < 1.0 and (self.x1 - self.x0) >= 1.0


@dataclass(frozen=True)
class TextLine:
    """Characters that share a baseline, left to right.

    ``text`` keeps a trailing blank when the PDF has one: renderers leave it
    where they wrapped at a space, which tells a wrap from a broken word.
    """

    chars: tuple[Char, ...]

    @cached_property
    def text(self) -> str:
        return chars_to_text(self.chars)

    @cached_property
    def x0(self) -> float:
        return min(c.x0 for c in self.chars)

    @cached_property
    def x1(self) -> float:
        return max(c.x1 for c in self.chars)

    @cached_property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @cached_property
    def bottom(self) -> float:
        return max(c.bottom for c in self.chars)

    @cached_property
    def size(self) -> float:
        return max(c.size for c in self.chars)

    @cached_property
    def mid_y(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class Page:
    """One page: its number (1-based), size, characters and rulings."""

    number: int
    width: float
    height: float
    chars: list[Char]
    rulings: list[Ruling] = field(default_factory=list)
    engine: str = "pdfplumber"  # the engine that read it (pdfium hands doubtful pages to pdfplumber)

    def lines(self, chars: list[Char] | None = None) -> list[TextLine]:
        """The text lines made of ``chars`` (default: the whole page), top to bottom."""
        return group_lines(self.chars if chars is None else chars)

    def text(self) -> str:
        return "\n".join(line.text.strip() for line in self.lines())


@dataclass(slots=True)
class PdfDocument:
    """A PDF file and its pages, read once."""

    path: Path
    sha256: str
    pages: list[Page]
    metadata: dict

    @property
    def file_name(self) -> str:
        return self.path.name

    def text(self) -> str:
        return "\n".join(page.text() for page in self.pages)


# --------------------------------------------------------------------------
# Geometry helpers shared by all parsers


def chars_to_text(chars) -> str:
    """Join characters left to right; insert a blank where a gap shows one.

    Renderers that omit space glyphs still leave a visible gap; a gap wider
    than a fifth of the font size is read as a blank.
    """
    out: list[str] = []
    prev: Char | None = None
    for c in sorted(chars, key=_X0):
        if prev is not None and c.text != " " and prev.text != " ":
            if c.x0 - prev.x1 > 0.2 * max(c.size, prev.size):
                out.append(" ")
        out.append(c.text)
        prev = c
    return "".join(out)


_X0 = attrgetter("x0")


def group_lines(chars: list[Char]) -> list[TextLine]:
    """Group characters into lines by their vertical middle.

    Characters whose middles lie within a third of the font size of a line's
    first character join that line; superscripts thus stay with their line.
    """
    # This runs over every character many times per build: the middles are
    # computed once, and the order (middle to 0.1 pt, then x0, then the
    # given order) is sorted on plain tuples instead of through a key function.
    chars = list(chars)
    mids = [(c.top + c.bottom) / 2 for c in chars]
    order = sorted(zip(map(round, mids, repeat(1)), map(_X0, chars), range(len(chars))))
    lines: list[list[Char]] = []
    first_mid = 0.0  # the middle of the current line's first character
    for _, _, i in order:
        c, mid = chars[i], mids[i]
        if lines and abs(mid - first_mid) <= c.size / 3:
            lines[-1].append(c)
        else:
            lines.append([c])
            first_mid = mid
    result = [TextLine(tuple(sorted(line, key=_X0))) for line in lines]
    # a line of blanks only carries no text
    return [line for line in result if line.text.strip()]


# --------------------------------------------------------------------------
# Opening files


@dataclass
class RawPage:
    """A page as the engines hand it over: plain arrays, cheap to send between processes.

    ``boxes`` holds x0, x1, top, bottom, size per glyph; ``rulings`` holds
    x0, top, x1, bottom per edge (all edges; only straight ones are kept).
    """

    number: int
    width: float
    height: float
    texts: list[str] = field(default_factory=list)
    boxes: array = field(default_factory=lambda: array("d"))
    rulings: array = field(default_factory=lambda: array("d"))
    engine: str = "pdfplumber"

    def to_page(self) -> Page:
        b = self.boxes
        chars = [Char(t, b[k], b[k + 1], b[k + 2], b[k + 3], b[k + 4]) for t, k in zip(self.texts, range(0, len(b), 5))]
        r = self.rulings
        rulings = [Ruling(r[k], r[k + 1], r[k + 2], r[k + 3]) for k in range(0, len(r), 4)]
        return Page(self.number, self.width, self.height, chars, [x for x in rulings if x.vertical or x.horizontal], self.engine)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


ENCRYPTED = "PDF is password-protected; ask for an unprotected copy or remove the password (qpdf --decrypt --password=... in.pdf out.pdf), then build again"


def open_pdf(path: Path, engine: str = DEFAULT_ENGINE) -> PdfDocument:
    """Read a PDF into pages of characters and rulings.

    Raises ``InputError`` with a one-line reason for anything that is not a
    readable PDF with a text layer.
    """
    with reading_pool() as pool:
        return next(open_pdfs([path], engine, pool))


def open_pdfs(paths: list[Path], engine: str = DEFAULT_ENGINE, pool: Executor | None = None) -> Iterator[PdfDocument]:
    """The documents in order; with a pool, all their pages are read at once, spread over its workers."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    pending = []
    for path in paths:
        page_count, metadata = _inspect(path, engine)
        chunks = _chunks(page_count, pool)
        if pool is None or (len(chunks) == 1 and len(paths) == 1):
            parts = [_read_chunk(engine, str(path), start, stop) for start, stop in chunks]
        else:
            parts = [pool.submit(_read_chunk, engine, str(path), start, stop) for start, stop in chunks]
        pending.append((path, metadata, parts))
    for k, (path, metadata, parts) in enumerate(pending):
        pending[k] = None  # a document's raw pages are dropped once it is handed out
        pages = []
        for part in parts:  # in order; the parent builds pages while workers read later parts
            for raw in part if isinstance(part, list) else part.result():
                if isinstance(raw, str):
                    raise InputError(path.name, raw)
                pages.append(raw.to_page())
        del parts
        if not any(page.chars for page in pages):
            raise InputError(path.name, "PDF has no text layer (scanned image?); run OCR first, e.g. ocrmypdf, then build again")
        yield PdfDocument(path=path, sha256=sha256_of(path), pages=pages, metadata=metadata)


def _inspect(path: Path, engine: str) -> tuple[int, dict]:
    """Page count and metadata; the file's own faults as InputError."""
    name = path.name
    if not path.exists():
        raise InputError(name, "file not found; check the path")
    size = path.stat().st_size
    if size == 0:
        raise InputError(name, "file is empty; download it again")
    with path.open("rb") as fh:
        head = fh.read(1024)
        fh.seek(max(0, size - TAIL_BYTES))
        tail = fh.read()
    if b"%PDF-" not in head:
        raise InputError(name, "not a PDF file (no %PDF header); pass the original PDF")
    if b"%%EOF" not in tail:
        raise InputError(name, "PDF is truncated (no %%EOF at its end); download it again")
    reader = _engine(engine)
    try:
        with quiet_pdfminer():
            pdf = reader.open_document(path)
            try:
                page_count, metadata = reader.document_info(pdf)
            finally:
                pdf.close()
    except Exception as exc:  # the engines raise many kinds for broken files
        raise InputError(name, _reason(reader, exc)) from None
    if page_count == 0:
        raise InputError(name, "PDF has no pages; download it again")
    return page_count, metadata


# A PDF ends with "%%EOF", perhaps followed by a few bytes of padding.
TAIL_BYTES = 2048


@contextmanager
def quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs every odd font at WARNING; our own errors say what matters.

    Raised only while reading and put back afterwards, so that importing the
    package changes no logging set-up.
    """
    logger = logging.getLogger("pdfminer")
    before = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(before)


def _engine(engine: str):
    if engine == "pdfium":
        from foerderdaten.extract import pdfium_engine as reader
    else:
        from foerderdaten.extract import pdfplumber_engine as reader
    return reader


def _reason(reader, exc: Exception) -> str:
    """One line for an engine's exception on a broken file."""
    # pdfplumber wraps pdfminer's exceptions in one without a message
    while exc.args and isinstance(exc.args[0], Exception):
        exc = exc.args[0]
    if reader.is_password_error(exc):
        return ENCRYPTED
    return f"PDF cannot be read ({type(exc).__name__}: {exc}); it may be damaged or truncated, download it again"


# --------------------------------------------------------------------------
# Reading pages, in worker processes when there is enough to read

# Below this many pages a document is read in one piece; above, in runs of
# pages, a few per worker so that the parent builds the pages of one run
# while the workers read the next (each run opens the file again: a run is
# never shorter than this).
PARALLEL_MIN_PAGES = 6
RUNS_PER_WORKER = 3


def _chunks(page_count: int, pool: Executor | None) -> list[tuple[int, int]]:
    workers = _workers() if pool is not None else 1  # reading_pool starts this many
    if page_count < PARALLEL_MIN_PAGES or workers < 2:
        return [(0, page_count)]
    runs = max(workers, min(workers * RUNS_PER_WORKER, page_count // PARALLEL_MIN_PAGES))
    bounds = [round(i * page_count / runs) for i in range(runs + 1)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def _read_chunk(engine: str, path: str, start: int, stop: int) -> list[RawPage | str]:
    """Pages ``start`` to ``stop`` (0-based) of one file; a failure as its one-line reason.

    Runs in a worker: it returns plain data only (an exception of an engine
    need not survive pickling).
    """
    reader = _engine(engine)
    try:
        with quiet_pdfminer():
            if engine == "pdfplumber":
                with reader.open_document(Path(path)) as pdf:
                    return [reader.read_page(pdf, i) for i in range(start, stop)]
            return _read_chunk_pdfium(Path(path), start, stop)
    except Exception as exc:
        return [_reason(reader, exc)]


def _read_chunk_pdfium(path: Path, start: int, stop: int) -> list[RawPage]:
    """pdfium for every page it reads exactly, pdfplumber for the others."""
    from foerderdaten.extract import pdfium_engine, pdfplumber_engine

    pdf = pdfium_engine.open_document(path)
    declared = pdfium_engine.Declarations(path)
    reference = None
    pages = []
    try:
        for i in range(start, stop):
            try:
                pages.append(pdfium_engine.read_page(pdf, i, declared))
            except pdfium_engine.NotExact:
                reference = reference or pdfplumber_engine.open_document(path)
                pages.append(pdfplumber_engine.read_page(reference, i))
    finally:
        declared.close()
        pdf.close()
        if reference is not None:
            reference.close()
    return pages


def _workers() -> int:
    return min(4, os.cpu_count() or 1)


@contextmanager
def reading_pool() -> Iterator[Executor | None]:
    """A pool of worker processes for reading pages (None on one core).

    The ``with`` block shuts the workers down when it ends, by error or
    interrupt too; each worker also ends itself when its parent process is
    gone (killed), so no worker is left behind.
    """
    workers = _workers()
    if workers < 2:
        yield None
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_watch_parent, initargs=(os.getpid(),))
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# How often a worker checks that its parent is still there, in seconds.
PARENT_CHECK_SECONDS = 0.5


def _watch_parent(parent: int) -> None:
    """In a worker: exit as soon as the parent process has gone."""
    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
