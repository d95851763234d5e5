"""The shared PDF layer: open a file, read its pages as characters and rulings.

Every parser reads PDFs only through this module. Two engines read the
pages: pypdfium2 (``pdfium``, fast) and pdfplumber (``pdfplumber``, the
reference, slow); both give the same characters and rulings, so the parsers
cannot tell them apart (``tests/test_engines.py`` checks that on every
fixture and rendering). What leaves this module are plain data classes with
positions in PDF points, origin at the top-left of the page (``top`` grows
downwards), as pdfplumber gives them.

Both engines read under the same guards: pdfminer's strict mode, where any
warning is an error (extract/damage.py; the pdfium engine reads the page
tree, fonts and content streams through pdfminer's parser too, see
``pdfium_engine.Declarations``), and the worker limits of extract/guard.py,
which wrap ``read_pdf`` as a whole (the build reads each PDF in a worker
process that hands over each page's engine arrays, ``RawPage``, as soon as
it is read; the build makes the pages itself, while the rest are read).
"""

from __future__ import annotations

import hashlib
import itertools
import multiprocessing
import os
import unicodedata
from array import array
from collections import deque
from collections.abc import Callable, Hashable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from operator import attrgetter
from pathlib import Path
from typing import TypeVar

from foerderdaten.errors import InputError, short_exception
from foerderdaten.extract.damage import check_complete, strict_engine
from foerderdaten.extract.guard import die_with_parent, raise_if_out_of_memory

ENGINES = ("pdfium", "pdfplumber")
# pdfium is the default because it is exact wherever the reference is: every
# fixture and rendering publishes the same values with both (tests/test_engines.py)
DEFAULT_ENGINE = "pdfium"

# --------------------------------------------------------------------------
# Tolerances of the geometry below, relative to the font size

# A drawn line or rectangle thinner than this many points is a ruling (a
# hairline is 0.1-0.5 pt; the thinnest table cell is several points).
RULING_THICKNESS = 1.0
# Renderers that omit blank glyphs still leave a visible gap between words:
# a gap wider than this share of the font size is read as a blank (letter
# spacing, even with kerning, stays below a tenth; a blank is ~0.25-0.3).
BLANK_GAP = 0.2
# Characters whose vertical middles differ by at most this share of the font
# size are on one line; a line pitch is at least ~1.1 times the size, and a
# superscript is raised by ~0.3 of it.
SAME_LINE = 1 / 3
# Characters are ordered by their middle rounded to this many decimals of a
# point before they are grouped (the engines' noise is ~1e-4 pt).
MIDDLE_DECIMALS = 1


_X0, _X1, _TOP, _BOTTOM, _SIZE = (attrgetter(name) for name in ("x0", "x1", "top", "bottom", "size"))


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
        return (self.x1 - self.x0) < RULING_THICKNESS and (self.bottom - self.top) >= RULING_THICKNESS

    @property
    def horizontal(self) -> bool:
        return (self.bottom - self.top) < RULING_THICKNESS and (self.x1 - self.x0) >= RULING_THICKNESS


@dataclass(frozen=True, slots=True)
class TextLine:
    """Characters that share a baseline, left to right.

    ``text`` keeps a trailing blank when the PDF has one: renderers leave it
    where they wrapped at a space, which tells a wrap from a broken word.
    The text and the box are computed when the line is made: every line's
    text is needed (blank lines are dropped), and fixed fields take less
    memory than cached ones (a build holds a document's lines).
    """

    chars: tuple[Char, ...]
    text: str = field(init=False, compare=False)
    x0: float = field(init=False, compare=False)
    x1: float = field(init=False, compare=False)
    top: float = field(init=False, compare=False)
    bottom: float = field(init=False, compare=False)
    size: float = field(init=False, compare=False)

    def __post_init__(self) -> None:
        chars = self.chars
        for name, value in (
            ("text", chars_to_text(chars)),
            ("x0", min(map(_X0, chars))),
            ("x1", max(map(_X1, chars))),
            ("top", min(map(_TOP, chars))),
            ("bottom", max(map(_BOTTOM, chars))),
            ("size", max(map(_SIZE, chars))),
        ):
            object.__setattr__(self, name, value)  # frozen: set once, here

    @property
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
    # the page's own lines, grouped once: the damage checks, the kind of
    # document and the table reader all start from them
    _lines: list[TextLine] | None = field(default=None, repr=False, compare=False)

    def lines(self, chars: list[Char] | None = None) -> list[TextLine]:
        """The text lines made of ``chars`` (default: the whole page), top to bottom."""
        if chars is not None:
            return group_lines(chars)
        if self._lines is None:
            self._lines = group_lines(self.chars)
        return list(self._lines)

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
    """Join characters left to right; insert a blank where a gap shows one
    (wider than ``BLANK_GAP`` of the font size)."""
    chars = sorted(chars, key=_X0)
    if not chars:
        return ""
    # this runs for every line the parsers look at: plain locals, no max()
    prev = chars[0]
    out = [prev.text]
    for c in chars[1:]:
        text = c.text
        if text != " " and prev.text != " ":
            size = c.size if c.size > prev.size else prev.size
            if c.x0 - prev.x1 > BLANK_GAP * size:
                out.append(" ")
        out.append(text)
        prev = c
    return "".join(out)


def group_lines(chars: list[Char]) -> list[TextLine]:
    """Group characters into lines by their vertical middle.

    Characters whose middles lie within ``SAME_LINE`` of the font size of a
    line's first character join that line; superscripts thus stay with their line.
    """
    chars = list(chars)
    return group_lines_apart(chars, [None] * len(chars)).get(None, [])


def group_lines_apart(chars: Sequence[Char], keys: Sequence[Hashable]) -> dict[Hashable, list[TextLine]]:
    """``group_lines`` of each key's characters on their own, in one pass.

    ``keys`` gives each character's key (a table column): the result maps a
    key to exactly the lines ``group_lines`` makes of that key's characters
    in the given order. One sort of all characters replaces a sort per key.
    """
    # This runs over every character of every page: the middles are
    # computed once, and the order (middle to 0.1 pt, then x0, then the
    # given order) is sorted on plain tuples instead of through a key function.
    mids = [(c.top + c.bottom) / 2 for c in chars]
    order = sorted(zip(map(rounded_middles(mids, MIDDLE_DECIMALS).__getitem__, mids), map(_X0, chars), range(len(chars)), strict=False))
    lines: dict[Hashable, list[list[Char]]] = {}
    mixed: set[int] = set()  # ids of lines whose characters come from more than one rounded middle
    current: dict[Hashable, tuple[list[Char], float]] = {}  # a key's last line and its first character's middle
    rounded: dict[Hashable, float] = {}  # the rounded middle of a key's last character
    for r, _, i in order:
        c, mid, key = chars[i], mids[i], keys[i]
        line, first_mid = current.get(key, (None, 0.0))
        if line and abs(mid - first_mid) <= c.size * SAME_LINE:
            line.append(c)
            if r != rounded[key]:
                mixed.add(id(line))
        else:
            line = [c]
            lines.setdefault(key, []).append(line)
            current[key] = (line, mid)
        rounded[key] = r
    # a line from one rounded middle is in x0 order already (the sort's second key)
    return {key: _text_lines(found, mixed) for key, found in lines.items()}


def rounded_middles(mids: list[float], decimals: int | None) -> dict[float, float]:
    """Each distinct middle -> ``round(middle, decimals)``.

    A page has a few dozen distinct middles (a line's glyphs share theirs)
    among thousands of glyphs, and rounding a float to decimals is slow:
    each is rounded once.
    """
    return {mid: round(mid, decimals) for mid in set(mids)}


def _text_lines(lines: list[list[Char]], mixed: set[int]) -> list[TextLine]:
    result = [TextLine(tuple(sorted(line, key=_X0) if id(line) in mixed else line)) for line in lines]
    # a line of blanks only carries no text
    return [line for line in result if line.text.strip()]


# --------------------------------------------------------------------------
# Characters as the engines hand them over


# Latin ligature glyphs (U+FB00 "ff" to U+FB06 "st"). Browsers and other
# HarfBuzz-based renderers print "fl" in "Pflege" as one glyph whose text is
# the ligature character; the document's text has the letters.
LIGATURES = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}


# A no-break space is a blank where a line does not break: read as one, so
# that what tells a wrap from a blank sees it ("(FIZZ)" no-break space "-"
# at a line's end is a dash standing as a word, not a hyphen glued to the
# next line's word: "(FIZZ) -Willkommen", exit 0).
NO_BREAK_SPACES = {"\u00a0": " ", "\u202f": " "}


def split_ligature(char: Char) -> list[Char]:
    """The letters of a ligature glyph, each an equal share of its box.

    Only the Alphabetic Presentation Forms are split, not everything NFKC
    would change ("m²" stays as printed).
    """
    letters = LIGATURES.get(char.text)
    if letters is None:
        return [char]
    share = (char.x1 - char.x0) / len(letters)
    return [
        Char(letter, char.x0 + i * share, char.x0 + (i + 1) * share, char.top, char.bottom, char.size)
        for i, letter in enumerate(letters)
    ]


# --------------------------------------------------------------------------
# /ActualText: what a span of glyphs stands for, where the PDF says so


# Invisible characters at which a renderer may break a line without a blank:
# a soft hyphen (shown as a hyphen where a line breaks at it) and a
# zero-width space. Read from /ActualText, they stay only where a line
# breaks at them, as the last character of the line, so that the lines
# are joined there without a blank (``textjoin``).
SOFT_HYPHEN, ZERO_WIDTH_SPACE = "\u00ad", "\u200b"
INVISIBLE_BREAKS = (SOFT_HYPHEN, ZERO_WIDTH_SPACE)
_HYPHEN_GLYPHS = ("-", "\u2010")
# The glyph after an invisible character is drawn where it stands when its
# origin lies this close (a share of the font size; the engines' noise is ~1e-4 pt).
DRAWN_THERE = 0.05


def actual_glyphs(glyphs: list[Char], actual: str) -> list[Char]:
    """The glyphs of one /ActualText span, read as the text the PDF says they stand for.

    * the glyphs already spell it (a ligature "ﬁ" for "fi"): as printed;
      and so but for invisible characters ("ﬂ" and a blank glyph for "f",
      a soft hyphen, "l"): without the blank glyphs;
    * it is only invisible characters (a blank glyph for a zero-width
      space or a soft hyphen): a soft hyphen or zero-width space of no
      width where the glyphs start (``settle_invisible_breaks`` keeps it
      only at a line break), nothing for others (joiners);
    * one letter a glyph (small capitals: "O" for "o"): glyph by glyph;
    * else ("SS" for "ß"): one glyph over all of them.
    """
    printed = "".join(g.text for g in glyphs)
    if unicodedata.normalize("NFKC", printed) == unicodedata.normalize("NFKC", actual):
        return glyphs
    if _visible(actual) == _visible(printed):
        if not _visible(actual):
            return _invisible(glyphs, actual)
        # blank glyphs that stand for invisible characters go
        return glyphs if any(ch.isspace() for ch in actual) else [g for g in glyphs if not g.text.isspace()]
    actual = "".join(ch for ch in actual if unicodedata.category(ch) != "Cf")
    if len(actual) == len(glyphs):
        return [replace(g, text=ch) for g, ch in zip(glyphs, actual, strict=True)]
    return [Char(actual, min(g.x0 for g in glyphs), max(g.x1 for g in glyphs), min(g.top for g in glyphs),
                  max(g.bottom for g in glyphs), max(g.size for g in glyphs))]


def _visible(text: str) -> str:
    """``text`` as it shows: compatibility forms spelt out (ligatures), no blanks, no invisible characters."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if not ch.isspace() and unicodedata.category(ch) != "Cf")


def _invisible(glyphs: list[Char], actual: str) -> list[Char]:
    """Glyphs standing for invisible text only: a break character of no
    width where they start, if ``actual`` has one, else none."""
    breaks = [ch for ch in actual if ch in INVISIBLE_BREAKS]
    return [replace(glyphs[0], text=breaks[0], x1=glyphs[0].x0)] if breaks else []


def settle_invisible_breaks(glyphs: list[Char]) -> list[Char]:
    """Soft hyphens and zero-width spaces of no width (``actual_glyphs``)
    kept only where a line breaks at them.

    Inside a line the next glyph is drawn where they stand: they show
    nothing, and are dropped. A soft hyphen the line breaks at is shown as
    a hyphen glyph drawn there next (Chromium): that hyphen is read as the
    soft hyphen, the renderer's, not the document's; one not shown was not
    where the line broke (a blank after it was), and goes. A zero-width
    space followed by another line stays, ending its line: the line may
    have broken there (``textjoin``).
    """
    out: list[Char] = []
    shown_soft = False  # the glyph before was a soft hyphen shown by the hyphen glyph that follows
    for glyph, after in itertools.zip_longest(glyphs, glyphs[1:]):
        if shown_soft:
            out.append(replace(glyph, text=SOFT_HYPHEN))
            shown_soft = False
        elif glyph.text not in INVISIBLE_BREAKS or glyph.x1 != glyph.x0:
            out.append(glyph)
        elif after is not None and abs(after.x0 - glyph.x0) <= DRAWN_THERE * glyph.size and abs(after.bottom - glyph.bottom) <= DRAWN_THERE * glyph.size:
            shown_soft = glyph.text == SOFT_HYPHEN and after.text in _HYPHEN_GLYPHS
        elif glyph.text == ZERO_WIDTH_SPACE:
            out.append(glyph)  # a soft hyphen not shown was no break: the line broke at a blank after it
    return out


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
    turned: int = 0  # visible glyphs not read because they are not upright
    cut: int = 0  # text objects cut off at their clip (pdfium_engine.count_cut_text)

    def to_page(self) -> Page:
        """The page's characters (ligatures split into their letters, whichever
        engine read them) and its straight rulings."""
        boxes = self._numbers(self.boxes)  # five numbers a glyph, taken in step by zip
        texts = [NO_BREAK_SPACES.get(t, t) for t in self.texts] if any(t in NO_BREAK_SPACES for t in self.texts) else self.texts
        chars = [Char(t, *box) for t, box in zip(texts, zip(boxes, boxes, boxes, boxes, boxes, strict=False), strict=False)]
        if any(t in LIGATURES for t in self.texts):
            chars = [letter for c in chars for letter in split_ligature(c)]
        edges = iter(self.rulings)
        rulings = [Ruling(*edge) for edge in zip(edges, edges, edges, edges, strict=False)]
        return Page(self.number, self.width, self.height, chars, [x for x in rulings if x.vertical or x.horizontal], self.engine)

    @staticmethod
    def _numbers(values: array) -> Iterator[float]:
        """``values``, equal numbers as one float object: a line's glyphs
        have the same top, bottom and size, and a float object is 24 bytes,
        a third of what a character holds (the build keeps a document's
        characters). -0.0 equals 0.0: a page with zeros keeps them apart,
        so no sign changes."""
        if values.count(0.0):
            return iter(values)
        shared: dict[float, float] = {}
        return map(shared.setdefault, values, values)


# --------------------------------------------------------------------------
# Opening a file


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


ENCRYPTED = ("PDF is password-protected; ask for an unprotected copy or remove the password "
             "(qpdf --decrypt --password=... in.pdf out.pdf), then build again")


@dataclass
class RawDocument:
    """What a reader process sends back once every page is read and handed
    over: the file and its metadata (the pages went ahead, one by one)."""

    path: Path
    sha256: str
    metadata: dict

    def with_pages(self, pages: list[Page]) -> PdfDocument:
        return PdfDocument(path=self.path, sha256=self.sha256, pages=pages, metadata=self.metadata)


def open_pdf(path: Path, engine: str = DEFAULT_ENGINE) -> PdfDocument:
    """Read a PDF into pages of characters and rulings, with ``engine``.

    Raises ``InputError`` with a one-line reason for anything that is not a
    readable PDF with a text layer; the reasons are the same with either engine.
    """
    pages: list[Page] = []
    return read_pdf(path, lambda raw: pages.append(raw.to_page()), engine).with_pages(pages)


def read_pdf(path: Path, hand_over: Callable[[RawPage], None], engine: str = DEFAULT_ENGINE, numbers: Sequence[int] | None = None) -> RawDocument:
    """``open_pdf``'s reading part, for a reader process: each page as the
    engine gives it is passed to ``hand_over`` in page order, as soon as it
    is read, and not kept. A failure raises only after the pages before it
    were handed over: the caller drops them. ``numbers``: only these pages
    (ascending, 1-based; read again where a table reader needs them)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    name = path.name
    _check_file(path)
    reader = _engine(engine)
    watch = _PageWatch(hand_over)
    try:
        with strict_engine(name):
            page_count, metadata = _inspect(reader, path)
            indices = range(page_count) if numbers is None else [n - 1 for n in numbers]
            readers = _page_readers(len(indices)) if numbers is None else 1
            if readers == 1:
                _read_pages(engine, str(path), indices, watch)
        if readers > 1:
            _read_pages_in_parallel(engine, path, page_count, readers, watch)
    except InputError:
        raise
    except Exception as exc:  # the engines raise many kinds for broken files
        raise InputError(name, _reason(reader, exc)) from None
    watch.check(name)
    return RawDocument(path=path, sha256=sha256_of(path), metadata=metadata)


class _PageWatch:
    """Hands pages over and notes what is checked once all are read (a
    reading error on a later page is reported first, as it always was)."""

    def __init__(self, hand_over: Callable[[RawPage], None]):
        self._hand_over = hand_over
        self._turned: RawPage | None = None  # the first page whose text is mostly turned
        self._cut: RawPage | None = None  # the first page with text cut off at its clip
        self._text = False  # whether any page has text

    def __call__(self, raw: RawPage) -> None:
        if self._turned is None and raw.turned > len(raw.texts):
            self._turned = raw
        if self._cut is None and raw.cut:
            self._cut = raw
        self._text = self._text or bool(raw.texts)
        self._hand_over(raw)

    def check(self, name: str) -> None:
        """Only upright text is read: a page whose text is mostly turned (a
        /Rotate that sets the page sideways, a table printed rotated) would
        lose it, so the build stops naming the page. A few turned glyphs (a
        vertical note in the margin) are not content and are skipped. So
        does text cut off at the edge of the printed area or of its cell:
        the rest of it is not in the PDF."""
        if self._turned is not None:
            raise InputError(
                name,
                f"page {self._turned.number}: its text is turned sideways ({self._turned.turned} glyphs not upright, e.g. a rotated page);"
                " only upright text is read: save the page upright and build again",
            )
        if self._cut is not None:
            raise InputError(
                name,
                f"page {self._cut.number}: text is cut off at the edge of the printed area or of its cell ({self._cut.cut} cut:"
                " a table wider than the paper, or cells that hide what does not fit); what lies beyond is not in the PDF:"
                " print it again so that all text fits",
            )
        if not self._text:
            raise InputError(name, "PDF has no text layer (scanned image?); run OCR first, e.g. ocrmypdf, then build again")


def _check_file(path: Path) -> None:
    """The file's own faults, before any engine sees it."""
    name = path.name
    if not path.exists():
        raise InputError(name, "file not found; check the path")
    if path.stat().st_size == 0:
        raise InputError(name, "file is empty; download it again")
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF-" not in head:
        raise InputError(name, "not a PDF file (no %PDF header); pass the original PDF")
    check_complete(path)


def _inspect(reader, path: Path) -> tuple[int, dict]:
    """Page count and metadata."""
    pdf = reader.open_document(path)
    try:
        page_count, metadata = reader.document_info(pdf)
    finally:
        pdf.close()
    if page_count == 0:
        raise InputError(path.name, "PDF is damaged: no page can be found in it (broken page tree); get an undamaged copy")
    return page_count, metadata


def _engine(engine: str):
    # imported here so the CLI starts fast
    if engine == "pdfium":
        from foerderdaten.extract import pdfium_engine

        return pdfium_engine
    from foerderdaten.extract import pdfplumber_engine

    return pdfplumber_engine


def _reason(reader, exc: Exception) -> str:
    """One line for an engine's exception on a broken file (MemoryError where the memory ran out)."""
    raise_if_out_of_memory(exc)
    # pdfplumber wraps pdfminer's exceptions in one without a message
    while exc.args and isinstance(exc.args[0], Exception):
        exc = exc.args[0]
    if reader.is_password_error(exc) or "password" in str(exc).lower():
        return ENCRYPTED
    from pdfminer.pdfparser import PDFSyntaxError

    if isinstance(exc, PDFSyntaxError):
        return f"PDF is damaged ({short_exception(exc)}); get an undamaged copy"
    return f"PDF is damaged, the PDF engine failed ({short_exception(exc)}); get an undamaged copy"


# --------------------------------------------------------------------------
# Reading pages, in worker processes when there is enough to read

# Reading characters is most of a build's time; pages are independent, so
# longer documents are read by one process per core but the build
# process's own (see _page_readers).
PARALLEL_MIN_PAGES = 6


# Page readers read a document in chunks of this many pages, and each
# reader has at most two chunks read or being read that the build process
# has not taken yet: so the pages waiting between the readers and the build
# process do not grow with the document (chunks of a fixed share of the
# document did: page_count / 8 pages each, all submitted at once). Each
# chunk opens the document again (~30 ms of font parsing, ~2 pages' reading).
CHUNK_PAGES = 8
CHUNKS_AHEAD_PER_READER = 2


def _page_readers(page_count: int) -> int:
    """How many processes read the pages: one per core but one (at most 4),
    one for a short document.

    The build process makes the pages while they are read (pipeline.read_document),
    so it keeps a core: on two cores a second page reader only takes turns
    with it, and costs a second opening of the document and a copy of each
    page between processes (~0.2 s CPU on a 48-page document). One reader
    hands each page over as soon as it is read, a pool only whole chunks.
    """
    if page_count < PARALLEL_MIN_PAGES:
        return 1
    return max(1, min(4, (os.cpu_count() or 1) - 1))


def _read_pages_in_parallel(engine: str, path: Path, page_count: int, readers: int, hand_over: Callable[[RawPage], None]) -> None:
    """All pages, read in contiguous chunks by ``readers`` processes, handed over in order as each chunk is read."""
    chunks = [(engine, str(path), start, min(start + CHUNK_PAGES, page_count)) for start in range(0, page_count, CHUNK_PAGES)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    # page readers die with this process, so a killed build leaves none behind
    with ProcessPoolExecutor(max_workers=readers, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        for chunk in in_order(pool, _read_page_range, chunks, ahead=readers * CHUNKS_AHEAD_PER_READER):
            for page in chunk:
                hand_over(page)


A = TypeVar("A")  # an item a pool works on
R = TypeVar("R")  # its result


def in_order(pool: Executor, fn: Callable[[A], R], items: Sequence[A], ahead: int) -> Iterator[R]:
    """``pool.map(fn, items)`` with at most ``ahead`` items submitted and not
    yet taken: ``map`` submits every item at once, and the results of the
    pool's fast readers then wait in memory for a slow consumer."""
    pending: deque[Future[R]] = deque()
    try:
        for item in items:
            if len(pending) == ahead:
                yield pending.popleft().result()
            pending.append(pool.submit(fn, item))
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:  # a failed item or consumer: what has not started is not needed (as map does)
            future.cancel()


def _read_page_range(chunk: tuple[str, str, int, int]) -> list[RawPage]:
    engine, path, start, stop = chunk
    pages: list[RawPage] = []
    with strict_engine(Path(path).name):
        _read_pages(engine, path, range(start, stop), pages.append)
    return pages


def _read_pages(engine: str, path: str, indices: Sequence[int], hand_over: Callable[[RawPage], None]) -> None:
    """The pages at ``indices`` (0-based, ascending) of one file, inside ``strict_engine``, each handed over once read."""
    from foerderdaten.extract import pdfplumber_engine

    if engine == "pdfplumber":
        from foerderdaten.extract import pdfium_engine

        # pdfminer does not follow clip paths: pdfium tells what the printout cut off
        clips = pdfium_engine.open_document(Path(path))
        try:
            with pdfplumber_engine.open_document(Path(path)) as pdf:
                for i in indices:
                    page = pdfplumber_engine.read_page(pdf, i)
                    page.cut = pdfium_engine.count_cut_text_on(clips, i)
                    hand_over(page)
        finally:
            clips.close()
        return
    _read_pages_pdfium(Path(path), indices, hand_over)


def _read_pages_pdfium(path: Path, indices: Sequence[int], hand_over: Callable[[RawPage], None]) -> None:
    """pdfium for every page it reads exactly, pdfplumber for the others."""
    from foerderdaten.extract import pdfium_engine, pdfplumber_engine

    pdf = pdfium_engine.open_document(path)
    declared = pdfium_engine.Declarations(path)
    reference = None
    try:
        for i in indices:
            declared.check_streams(i)  # what pdfminer would lose on this page, pdfium must not read past
            try:
                page = pdfium_engine.read_page(pdf, i, declared)
            except pdfium_engine.NotExact:
                reference = reference or pdfplumber_engine.open_document(path)
                page = pdfplumber_engine.read_page(reference, i)
                page.cut = pdfium_engine.count_cut_text_on(pdf, i)
            hand_over(page)
    finally:
        declared.close()
        pdf.close()
        if reference is not None:
            reference.close()
