"""Damaged PDFs: what the engine lost, a page without text, a missing page.

A damaged PDF must never give fewer rows silently. PDF engines salvage what
they can: pdfminer decompresses a corrupt stream as far as it goes, skips an
operator it cannot parse, drops an object it cannot find, and only logs a
warning. Each of those can remove text, and with it table rows, while the
rest of the page still reads. So reading runs in pdfminer's strict mode and
every warning the engine logs is an error (``strict_engine``), but the few
known to lose nothing (``HARMLESS_WARNINGS``).

What an engine can lose without noticing (a page's content stream replaced
by an empty one, a page dropped from the page tree) is caught on the pages
read (``check_pages``): a page without text between pages with text, and the
document's own page count where it prints one ("Seite 3 von 15").

A table printed many times over (a 2,000-page repetition of the SAB table
gave 17,874 "projects") is refused, not published (``check_repetition``).
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from foerderdaten.errors import InputError, one_line

ENGINE_LOGGER = "pdfminer"

# A complete PDF ends with "%%EOF"; writers may append a little after it
# (Acrobat accepts up to 1 KB), so the end is searched in the last 2 KB.
EOF_SEARCH_BYTES = 2048

# "Seite 3 von 15", "Seite 3 / 15": a page's own number and the page count.
PAGE_OF = re.compile(r"\bSeite\s+(\d{1,4})\s*(?:von|/)\s*(\d{1,4})\b")

# Real overviews repeat no row verbatim; a few identical rows are the
# document's error (the quality report flags copies). More than this many
# rows identical to an earlier row means the table was printed over and
# over, which is refused rather than published as that many projects.
MAX_REPEATED_ROWS = 10


# Warnings that lose nothing: each names an oddity the engine works around
# without losing text or moving a character. A font descriptor without a
# FontBBox: Chromium embeds CFF fonts as Type 3 fonts so (URW's Nimbus,
# C059, P052, the fonts fontconfig puts in for Helvetica and Times on
# Debian); pdfminer then takes a zero box, which only sets the font's descent
# to zero for its own character boxes (the pdfium engine takes positions
# from pdfium), and the SAB table and annexes printed so read exactly with
# both engines. Refused, such a print was "damaged" for nothing.
HARMLESS_WARNINGS = ("Could not get FontBBox from font descriptor",)


class _Collect(logging.Handler):
    """Keeps the engine's warnings of one read, but the harmless ones."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a warning whose arguments do not format is still a warning
            message = str(record.msg)
        if not message.startswith(HARMLESS_WARNINGS):
            self.messages.append(message)


@contextmanager
def strict_engine(file_name: str) -> Iterator[None]:
    """Read with pdfminer strict; any warning it logs meanwhile is an error.

    pdfminer keeps its mode in a module variable (``pdfminer.settings.STRICT``),
    so it is set for the read and restored after; reading is single-threaded
    per process (parallel pages are read by processes, each entering this).
    """
    from pdfminer import settings

    logger = logging.getLogger(ENGINE_LOGGER)
    collect = _Collect()
    saved = settings.STRICT, logger.level, logger.propagate
    settings.STRICT = True
    logger.setLevel(logging.WARNING)
    logger.propagate = False  # collected here, not printed
    logger.addHandler(collect)
    try:
        yield
    finally:
        logger.removeHandler(collect)
        settings.STRICT, level, logger.propagate = saved
        logger.setLevel(level)
    if collect.messages:
        raise InputError(
            file_name,
            f"PDF is damaged, the PDF engine lost data ({one_line(collect.messages[0], 90)}); "
            "get an undamaged copy of the file",
        )


def check_complete(path: Path) -> None:
    """A file cut short (an interrupted download) lacks the closing "%%EOF"."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        fh.seek(max(0, size - EOF_SEARCH_BYTES))
        tail = fh.read()
    if b"%%EOF" not in tail:
        raise InputError(path.name, "PDF is truncated (it does not end with %%EOF); download it again")


def check_pages(file_name: str, page_texts: Sequence[str]) -> None:
    """No page was lost in reading: raises InputError naming the page.

    ``page_texts`` are the pages' texts in order (page 1 first).
    """
    _check_text_on_every_page(file_name, page_texts)
    _check_printed_page_count(file_name, page_texts)
    _check_encodable(file_name, page_texts)


def _check_text_on_every_page(file_name: str, page_texts: Sequence[str]) -> None:
    """A page without text between pages with text: its content was lost
    (or it is a scanned page among text pages; either way rows would be missing)."""
    with_text = [i for i, text in enumerate(page_texts) if text.strip()]
    if not with_text:
        return  # no text at all: the caller reports a scan
    for i in range(with_text[0], with_text[-1] + 1):
        if not page_texts[i].strip():
            raise InputError(
                file_name,
                f"page {i + 1}: no text on this page between pages with text; the PDF is damaged "
                "or the page is a scan, get an undamaged copy (or OCR it, e.g. ocrmypdf)",
            )


def _check_printed_page_count(file_name: str, page_texts: Sequence[str]) -> None:
    """Where a page prints "Seite x von y", the document has those y pages.

    Page i printing "Seite x von y" puts the first page of its run at
    i - x + 1 and the last at i - x + y; both must exist, and every page of
    the run must have text (a lost page's content) and, if it prints a
    number, the matching one (a page dropped from the page tree shifts it).
    """
    count = len(page_texts)
    # each page is searched once: every page of a run checks the whole run,
    # and searching the texts again there made the check quadratic in pages
    printed = [PAGE_OF.search(text) for text in page_texts]
    for i, found in enumerate(printed):
        if found is None:
            continue
        number, total = int(found.group(1)), int(found.group(2))
        first = i - number + 1
        if not 1 <= number <= total or first < 0 or first + total > count:
            raise InputError(
                file_name,
                f"page {i + 1}: prints 'Seite {number} von {total}' but the file has {count} pages; "
                "pages are missing or the PDF is damaged, get a complete copy",
            )
        for j in range(first, first + total):
            other = printed[j]
            if not page_texts[j].strip() or (other and int(other.group(1)) != j - first + 1):
                raise InputError(
                    file_name,
                    f"page {j + 1}: does not fit the document's page numbering ('Seite {number} von {total}' "
                    f"on page {i + 1}); a page is missing or damaged, get a complete copy",
                )


def _check_encodable(file_name: str, page_texts: Sequence[str]) -> None:
    """Text with lone surrogates (a broken font map) cannot be published as UTF-8."""
    for i, text in enumerate(page_texts):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise InputError(
                file_name,
                f"page {i + 1}: the text layer holds invalid characters (a damaged font map); get an undamaged copy",
            ) from None


def check_repetition(file_name: str, rows: Sequence[Hashable], what: str = "rows") -> None:
    """Refuse a table whose rows repeat verbatim beyond ``MAX_REPEATED_ROWS``."""
    counts = Counter(rows)
    repeated = sum(n - 1 for n in counts.values())
    if repeated > MAX_REPEATED_ROWS:
        raise InputError(
            file_name,
            f"{len(rows)} {what} but only {len(counts)} different ones: the table repeats itself "
            f"({repeated} verbatim copies, at most {MAX_REPEATED_ROWS} accepted); refusing to publish duplicates",
        )
