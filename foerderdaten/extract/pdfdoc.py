"""The shared PDF layer: open a file, read its pages as characters and rulings.

Every parser reads PDFs only through this module, so the character engine
(pdfplumber today) could be swapped without touching a parser. What leaves
this module are plain data classes with positions in PDF points, origin at
the top-left of the page (``top`` grows downwards).
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from foerderdaten.errors import InputError, short_exception
from foerderdaten.extract.damage import check_complete, strict_engine
from foerderdaten.extract.guard import die_with_parent, raise_if_out_of_memory

# pdfminer logs every odd font at WARNING; our own errors say what matters.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


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

    def lines(self, chars: list[Char] | None = None) -> list[TextLine]:
        """The text lines made of ``chars`` (default: the whole page), top to bottom."""
        return group_lines(self.chars if chars is None else chars)

    def text(self) -> str:
        return "\n".join(line.text.strip() for line in self.lines())

    def __reduce__(self):
        # Pages travel from reader processes as plain tuples: pickling
        # tens of thousands of slotted dataclasses one by one is ~8x slower.
        chars = [(c.text, c.x0, c.x1, c.top, c.bottom, c.size) for c in self.chars]
        rulings = [(r.x0, r.top, r.x1, r.bottom) for r in self.rulings]
        return (_page_from_tuples, (self.number, self.width, self.height, chars, rulings))


def _page_from_tuples(number: int, width: float, height: float, chars: list[tuple], rulings: list[tuple]) -> Page:
    return Page(number, width, height, [Char(*c) for c in chars], [Ruling(*r) for r in rulings])


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
    for c in sorted(chars, key=lambda c: c.x0):
        if prev is not None and c.text != " " and prev.text != " ":
            if c.x0 - prev.x1 > 0.2 * max(c.size, prev.size):
                out.append(" ")
        out.append(c.text)
        prev = c
    return "".join(out)


def group_lines(chars: list[Char]) -> list[TextLine]:
    """Group characters into lines by their vertical middle.

    Characters whose middles lie within a third of the font size of a line's
    first character join that line; superscripts thus stay with their line.
    """
    lines: list[list[Char]] = []
    for c in sorted(chars, key=lambda c: (round(c.mid_y, 1), c.x0)):
        if lines and abs(c.mid_y - lines[-1][0].mid_y) <= c.size / 3:
            lines[-1].append(c)
        else:
            lines.append([c])
    result = [TextLine(tuple(sorted(line, key=lambda c: c.x0))) for line in lines]
    # a line of blanks only carries no text
    return [line for line in result if line.text.strip()]


# --------------------------------------------------------------------------
# Opening a file


# Latin ligature glyphs (U+FB00 "ff" to U+FB06 "st"). Browsers and other
# HarfBuzz-based renderers print "fl" in "Pflege" as one glyph whose text is
# the ligature character; the document's text has the letters.
LIGATURES = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}


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


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def open_pdf(path: Path) -> PdfDocument:
    """Read a PDF into pages of characters and rulings.

    Raises ``InputError`` with a one-line reason for anything that is not a
    readable PDF with a text layer.
    """
    import pdfplumber  # imported here so the CLI starts fast
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

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
    try:
        with strict_engine(name), pdfplumber.open(path) as pdf:
            if not pdf.pages:
                raise InputError(name, "PDF is damaged: no page can be found in it (broken page tree); get an undamaged copy")
            page_count = len(pdf.pages)
            metadata = {k: v for k, v in (pdf.metadata or {}).items() if isinstance(v, str)}
            if page_count < PARALLEL_MIN_PAGES or _workers() < 2:
                pages = [_read_page(p) for p in pdf.pages]
        if page_count >= PARALLEL_MIN_PAGES and _workers() >= 2:
            pages = _read_pages_in_parallel(path, page_count)
    except InputError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(name, "PDF is encrypted; save an unencrypted copy (e.g. qpdf --decrypt) and try again") from None
    except PDFSyntaxError as exc:
        raise InputError(name, f"PDF is damaged ({short_exception(exc)}); get an undamaged copy") from None
    except Exception as exc:  # pdfminer raises many kinds for broken files
        raise_if_out_of_memory(exc)
        if "encrypt" in str(exc).lower() or "password" in str(exc).lower():
            raise InputError(name, "PDF is encrypted; save an unencrypted copy (e.g. qpdf --decrypt) and try again") from None
        raise InputError(name, f"PDF is damaged, the PDF engine failed ({short_exception(exc)}); get an undamaged copy") from None
    if not any(page.chars for page in pages):
        raise InputError(name, "PDF has no text layer (scanned image?); run OCR first, e.g. ocrmypdf, then build again")
    return PdfDocument(path=path, sha256=sha256_of(path), pages=pages, metadata=metadata)


# Reading characters is most of a build's time; pages are independent, so
# longer documents are read by one process per core.
PARALLEL_MIN_PAGES = 6


def _workers() -> int:
    return min(4, os.cpu_count() or 1)


def _read_pages_in_parallel(path: Path, page_count: int) -> list[Page]:
    """All pages, read in contiguous chunks by worker processes, in order."""
    workers = _workers()
    bounds = [round(i * page_count / workers) for i in range(workers + 1)]
    chunks = [(str(path), bounds[i], bounds[i + 1]) for i in range(workers)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    # page readers die with this process, so a killed build leaves none behind
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        return [page for chunk in pool.map(_read_page_range, chunks) for page in chunk]


def _read_page_range(chunk: tuple[str, int, int]) -> list[Page]:
    import pdfplumber

    path, start, stop = chunk
    with strict_engine(Path(path).name), pdfplumber.open(path) as pdf:
        return [_read_page(pdf.pages[i]) for i in range(start, stop)]


def _read_page(page) -> Page:
    chars = [
        letter
        for c in page.chars
        if c.get("upright", True)
        for letter in split_ligature(
            Char(
                text=c["text"],
                x0=float(c["x0"]),
                x1=float(c["x1"]),
                top=float(c["top"]),
                bottom=float(c["bottom"]),
                size=float(c["size"]),
            )
        )
    ]
    rulings = [
        Ruling(float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"]))
        for e in page.edges
    ]
    rulings = [r for r in rulings if r.vertical or r.horizontal]
    return Page(number=page.page_number, width=float(page.width), height=float(page.height), chars=chars, rulings=rulings)
