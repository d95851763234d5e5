"""The build checks itself: what a table read from a PDF must look like.

A table read with a wrong column boundary or a merged header cell does not
fail by itself; it yields values in the wrong cells ("Leipzig Nordsachsen"
in one cell, "1digitaler Wandel" in the Nr column, a column left empty) and
would be published with exit status 0. So right after reading, before
anything is normalised, :func:`check_table` looks at every column and page:

1. every expected column is found; no header cell names a second expected
   column that was not found on its own (two header cells read as one), and
   no page lacks a column that most pages have;
2. every page of the table yields rows (started or continued there), and
   every row has text in the key column (the first spec: every record
   starts with it);
3. no column that has a header is empty on most rows, and no column has
   values cut short by the renderer ("Volkshochschule Dr…": a browser's
   text-overflow ellipsis);
4. every value of a column has the column's shape (:class:`Shape`): a
   date, an RL number 1-10, a Saxon district, never two columns' values
   glued in one cell;
5. few of the table's line breaks are read by a guess (a line that fills
   its cell, where neither geometry nor the table's own words tell a
   broken word from a wrap at a dropped blank: ``textjoin.guessed_wraps``),
   and none is undecidable (a quote before a bracket where a browser may
   have dropped a blank or broken without one; a line that fills its cell
   before "in" or "um", a word and a word's end: ``textjoin.undecidable_wraps``);
6. no row fills a page alone and stops there (a word processor keeps a row
   on one page and cuts what does not fit: the rest is not in the PDF).

A shape that fails on a few rows is the document's own oddity (the 2023
overview glues "Sächsische Schweiz-Osterzgebirge3" once): normalize/ keeps
and flags it. A failure on more rows than that is a reading failure, and so
is a failing cell of a row continued on the next page (a continuation adds
words to a cell, never a second value: such a "continuation" was most
likely a row of its own, as "Dresden Dresden" shows). On a reading failure
the build stops with one line naming the page and the column's header as
printed, ``page N, column "<header>": <what looks wrong>``, and nothing is
published.

The shapes use the normalisers' own recognisers (dates.py, rl.py,
regions.py), so the check and the normalisation agree on what a value is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from foerderdaten.errors import ExtractionError
from foerderdaten.extract.table_model import DEFAULT_LEADING, ROUNDING, PageTable
from foerderdaten.extract.tables import ColumnSpec, Table, TableRow
from foerderdaten.normalize import dates, regions, rl

# How many rows of a column may fail a shape and still count as the
# document's own oddities (flagged by normalize/, published). A column read
# wrongly fails on every row of a page, and pages hold 5-10 rows; the 2023
# overview has at most one odd value per column. Three keeps a margin for a
# later edition's typos and still catches a single mis-read page.
ODD_ROWS = 3

# A row alone on its page that ends less than this many line pitches above
# the deepest text of the other table pages, or deeper, fills its page (see
# _row_cut_at_page_end).
CUT_ROW_PITCHES = 0.5

# Said after every reading failure: the reader is at fault, not the document.
MISREAD = "a reading failure, not the document's error; please report the PDF"
# A line break that nothing decides is no fault of the reader's to report:
# another print of the table decides it.
UNDECIDED = "the PDF does not show which; print it again with wider columns, or from a spreadsheet, which shows the blank at its wraps"


# --------------------------------------------------------------------------
# Shapes of values


@dataclass(frozen=True)
class Shape:
    """What every non-empty cell of one column must look like.

    ``complaint`` returns what is wrong with a cell's text, phrased to
    follow "rows hold ..." ("two dates"), or None if the text fits.
    ``tolerated``: how many rows may fail before it is a reading failure.
    """

    field: str
    complaint: Callable[[str], str | None]
    tolerated: int = ODD_ROWS


def date_complaint(text: str) -> str | None:
    """A date cell holds one date written as a date (the day need not exist:
    "31.11.2023" is the document's error, flagged by normalize/)."""
    if dates.count_numeric_dates(text) > 1:
        return "two dates"
    if not dates.looks_like_date(text):
        return "text that is not a date"
    return None


_NUMBER_THEN_WORD = re.compile(r"^\s*\d+\s*[^\W\d_]")


def rl_number_complaint(text: str) -> str | None:
    """The Nr column holds an RL number of the vocabulary (1-10)."""
    number = rl.parse_rl_nr(text)
    if number is not None and rl.rl_label(number) is not None:
        return None
    if _NUMBER_THEN_WORD.match(text):
        return "a number glued to words"
    return "no RL number 1-10"


def district_complaint(text: str) -> str | None:
    """The Region column names one Saxon district."""
    if regions.match_region(text) is not None:
        return None
    words = text.split()
    for i in range(1, len(words)):
        if regions.match_region(" ".join(words[i:])):
            return "two districts" if regions.match_region(" ".join(words[:i])) else "other words before a district"
    return "no Saxon district"


# A date cell that is not a date has no value normalize/ could keep or flag:
# the SAB overview's date columns hold spreadsheet dates, so such a cell was
# mis-read, and even one of them stops the build (as it always has).
DATE_TOLERATED = 0


# Line breaks read by a guess (``textjoin.guessed_wraps``). Some are the
# known ambiguity of a long word broken where it fills its cell, read right
# as one word: a word processor's print of the annexes has 3 in 28 rows, of
# the SAB overview in narrow columns 14 in 134, the bundled SAB print 1.
# Far more mean a renderer that breaks words at any letter (CSS
# overflow-wrap: anywhere: 100 to 360 in the 134 rows, about one in seven
# read wrong): refused, not published with guessed words.
GUESSES_TOLERATED = 5
GUESS_SHARE = 0.25  # of the table's rows, where that is more
# A renderer that breaks words at the document's soft hyphens or zero-width
# spaces (the PDF spells the hyphens it printed for them, and the spaces)
# fills its lines' cells often, and a line that fills its cell is as likely
# a wrap at a blank as a word broken without a hyphen: Chromium printing
# soft-hyphenated cells had 2 of its guesses wrong ("Frauenförderwerk" /
# "e. V." read as one word, exit 0; "Dritt" / "staaten" at a zero-width
# space read with a blank). Such a table is published only where no line
# break needs the table's words to decide it (``textjoin.guessed_wraps``).
GUESSES_AT_INVISIBLE_BREAKS = 0


# --------------------------------------------------------------------------
# The check


@dataclass(frozen=True)
class _Failure:
    page: int
    header: str
    what: str


def check_table(file_name: str, table: Table, specs: Sequence[ColumnSpec], shapes: Sequence[Shape] = ()) -> None:
    """Raise :class:`ExtractionError` for the first invariant the table breaks."""
    failure = (
        _merged_header(table, specs)
        or _column_missing_on_a_page(table)
        or _page_without_rows(table)
        or (_row_without_key(table, specs[0].field) if specs else None)
        or _empty_column(table)
        or _shortened_values(table)
        or next((f for shape in shapes if (f := _misshapen(table, shape))), None)
        # text missing from the PDF first: printed again, the line breaks change too
        or _row_cut_at_page_end(table)
        or _guessed_wraps(table)
        or _undecidable_wrap(table)
        or _expected_column_missing(table, specs)
    )
    if failure is not None:
        raise ExtractionError(file_name, f'page {failure.page}, column "{failure.header}": {failure.what}')


def _expected_column_missing(table: Table, specs: Sequence[ColumnSpec]) -> _Failure | None:
    """An expected column that no page's header has: its values would be
    published empty (a column cut off at the paper's edge, which a browser
    leaves out of the PDF altogether, or a header the reader cannot split)."""
    found = {column.field for page in table.pages for column in page.columns}
    missing = [spec.field for spec in specs if spec.field not in found]
    if not missing or not table.pages:
        return None
    first = table.pages[0]
    return _Failure(first.page, missing[0], f"no header cell names this column, so its values would be published empty; {MISREAD}")


def _merged_header(table: Table, specs: Sequence[ColumnSpec]) -> _Failure | None:
    """A header cell that also names an expected column missing on its page."""
    for page in table.pages:
        found = {column.field for column in page.columns}
        for column in page.columns:
            also = [spec.field for spec in specs if spec.field not in found and spec.matches(column.header)]
            if also:
                return _Failure(page.page, column.header, f"the header also names {', '.join(also)}: two columns were read as one; {MISREAD}")
    return None


def _column_missing_on_a_page(table: Table) -> _Failure | None:
    """A page whose header lacks a column that most table pages have: its
    values were read into a neighbouring column (a header cell not found)."""
    counts = Counter(column.field for page in table.pages for column in page.columns)
    for page in table.pages:
        found = {column.field for column in page.columns}
        missing = [field for field, n in counts.items() if field not in found and 2 * n > len(table.pages)]
        if missing:
            header = next(column.header for other in table.pages for column in other.columns if column.field == missing[0])
            return _Failure(page.page, header, f"not found in this page's header, though other pages have it: its values would be read "
                                               f"into a neighbouring column; {MISREAD}")
    return None


def _page_without_rows(table: Table) -> _Failure | None:
    """A table page from which no row was read (rows are lost or merged)."""
    covered = {page for row in table.rows for page in row.pages}
    for page in table.pages:
        if page.page not in covered:
            return _Failure(page.page, page.columns[0].header, f"no rows read from this table page; {MISREAD}")
    return None


def _row_cut_at_page_end(table: Table) -> _Failure | None:
    """A row alone on its page that ends where the other pages' text ends
    deepest (the bottom margin), or deeper, and does not go on on the next
    page: a row kept on one page although taller than it, cut there by its
    renderer. LibreOffice Writer does: it prints the lines that start
    above the bottom margin, so the cut row ends up to a line below it,
    and the rest of its text is not in the PDF. The other pages' rows stop
    short of the margin by what did not fit after them, so how much deeper
    the row ends does not tell a cut (cut rows alone in their tables ended
    1.3 and 1.5 line pitches deeper than the others; one was published short):
    only a row that shows itself whole passes (``_shown_whole``)."""
    deepest = {pt.page: max(row.bottom for row in pt.rows) for pt in table.pages if pt.rows}
    if len(deepest) < 2:
        return None  # one page: nothing to compare its depth with
    for pt in table.pages:
        if len(pt.rows) != 1:
            continue
        row = pt.rows[0]
        merged = next((r for r in table.rows if pt.page in r.pages), None)
        if merged is None or pt.page + 1 in merged.pages:
            continue  # continued on the next page: nothing was cut
        others = max(bottom for page, bottom in deepest.items() if page != pt.page)
        pitch = DEFAULT_LEADING * max(line.size for lines in row.cells.values() for line in lines)
        if row.bottom < others - CUT_ROW_PITCHES * pitch:
            continue  # ends higher: the next row did not fit after it
        if _shown_whole(row, pitch, pt):
            continue
        field = max(row.cells, key=lambda name: max((line.bottom for line in row.cells[name]), default=0.0))
        return _Failure(pt.page, _header(table, pt.page, field),
                        "the row fills the page alone and does not go on on the next page: its renderer may have cut "
                        "a row kept on one page although taller than the page (its rest is not in the PDF); "
                        "print the document with rows allowed to break across pages")
    return None


def _shown_whole(row: TableRow, pitch: float, page: PageTable) -> bool:
    """Whether a row that fills its page alone shows that it was printed
    whole: its cells all end together (bottom-aligned, a spreadsheet's
    default: set for its text, while a cut leaves its other cells ending
    higher up), or it runs on past the paper's edge, its last line or its
    frame (a spreadsheet prints a row taller than the page on, over the
    margin and past the paper, and draws a top-aligned row's borders lower
    than its text; a renderer that cuts the row at the page's foot prints
    nothing there)."""
    lasts = [lines[-1] for lines in row.cells.values() if lines]
    if min(line.bottom for line in lasts) > row.bottom - pitch:
        return True
    return max(line.top for line in lasts) > page.paper_bottom or page.ruled_bottom > page.paper_bottom + ROUNDING


def _row_without_key(table: Table, key: str) -> _Failure | None:
    """A row with no text in the key column. The reader takes every record
    to start with its key (a page's first row without it is the rest of the
    row before), so such a row is a piece of another row split off where
    the cells' alignment was misjudged (a bottom-aligned row broken at a
    page's foot, which a browser sets from the top there), or a heading row
    read as a record; either way its text would be published as a record of
    its own. No document read so far leaves a key cell empty."""
    for row in table.rows:
        if not table.cell_text(row, key):
            words = " ".join(table.cell_text(row, name) for name in row.cells).split()
            return _Failure(row.page, _header(table, row.page, key),
                            f'a row without text in this column ("{" ".join(words[:4])}"), though every row starts with it: '
                            f"part of a row or a heading read as a row of its own; {MISREAD}")
    return None


def _empty_column(table: Table) -> _Failure | None:
    """A column with a header that is empty on most rows."""
    for column in table.columns:
        empty = [row for row in table.rows if not table.cell_text(row, column.field)]
        # "most": a document leaves a cell empty now and then (2023: 6 cells
        # in 134 rows), never in half the rows of a column it prints
        if len(empty) > 1 and 2 * len(empty) > len(table.rows):
            page = _page_of(empty)
            return _Failure(page, _header(table, page, column.field), f"empty on {len(empty)} of {len(table.rows)} rows; {MISREAD}")
    return None


# Values that end in an ellipsis, per column. A document may end a value
# so now and then; a renderer that shortens what does not fit its cell
# (CSS text-overflow: ellipsis) does so in row after row.
ELLIPSIS = "\u2026"
SHORTENED_TOLERATED = 1


def _shortened_values(table: Table) -> _Failure | None:
    """A column whose values the renderer cut short with an ellipsis."""
    for column in table.columns:
        shortened = [row for row in table.rows if table.cell_text(row, column.field).endswith(ELLIPSIS)]
        if len(shortened) > SHORTENED_TOLERATED:
            page = _page_of(shortened)
            example = table.cell_text(shortened[0], column.field)
            return _Failure(page, _header(table, page, column.field),
                            f"{len(shortened)} of {len(table.rows)} values end in an ellipsis (e.g. \"{example}\"): the renderer cut them short, "
                            f"and the rest is not in the PDF; print it again so that all text fits")
    return None


def _undecidable_wrap(table: Table) -> _Failure | None:
    """The first line break that nothing decides: a value read so may be
    wrong by a blank, and no limit tolerates that (unlike a guess, which is
    right as a rule)."""
    for row in table.rows:
        for column in table.columns:
            for line, next_word, why in table.undecidable_wraps(row, column.field):
                return _Failure(row.page, _header(table, row.page, column.field),
                                f"the line break in '{line}' / '{next_word}' may or may not hide a blank ({why}); {UNDECIDED}")
    return None


def _guessed_wraps(table: Table) -> _Failure | None:
    """More line breaks read by a guess than a renderer that breaks only
    over-long words gives; named in the column with the most of them."""
    guessed = {column.field: [(row, pair) for row in table.rows for pair in table.guessed_wraps(row, column.field)] for column in table.columns}
    total = sum(len(found) for found in guessed.values())
    flush = [name for name, found in guessed.items() if found and table.flush_right(name)]
    if flush:
        # right-aligned cells measured at the edge (rows the reader did not
        # measure at their lines' starts, see table_pages.print_rows): every
        # line ends there, so none shows that it wrapped at a blank; a
        # browser's guesses there were all wrong
        row, (line, next_word) = guessed[flush[0]][0]
        return _Failure(row.page, _header(table, row.page, flush[0]),
                        f"the column is set flush right, so where its lines wrapped cannot be measured, and {len(guessed[flush[0]])} "
                        f"line breaks (e.g. '{line}' / '{next_word}') may or may not hide a blank; {MISREAD}")
    invisible_breaks = table.cues is not None and table.cues.invisible_breaks
    tolerated = GUESSES_AT_INVISIBLE_BREAKS if invisible_breaks else max(GUESSES_TOLERATED, GUESS_SHARE * len(table.rows))
    if total <= tolerated:
        return None
    field = max(guessed, key=lambda name: len(guessed[name]))
    page = _page_of([row for row, _ in guessed[field]])
    line, next_word = guessed[field][0][1]
    if line.endswith("-"):
        why = "end in a hyphen that the renderer may have set (it hyphenates words), so it cannot be told from the document's own"
    elif invisible_breaks:
        why = ("fill their cell where the renderer breaks words at soft hyphens or zero-width spaces, so a word broken there cannot "
               "be told from a wrap at a blank the renderer left out")
    else:
        why = "fill their cell, so a word broken there cannot be told from a wrap at a blank the renderer left out"
    return _Failure(page, _header(table, page, field),
                    f"{total} line breaks in {len(table.rows)} rows (most in this column, e.g. '{line}' / '{next_word}') {why}; {MISREAD}")


def _misshapen(table: Table, shape: Shape) -> _Failure | None:
    """Cells of ``shape.field`` that do not fit: in a continued row, or more than tolerated."""
    if not any(column.field == shape.field for column in table.columns):
        return None
    misfits = [(row, text, complaint) for row in table.rows
               if (text := table.cell_text(row, shape.field)) and (complaint := shape.complaint(text))]
    return _continued_misfit(table, shape.field, misfits) or _many_misfits(table, shape, misfits)


def _continued_misfit(table: Table, field: str, misfits: list[tuple[TableRow, str, str]]) -> _Failure | None:
    """A misfit in a row continued on the next page, named on that page."""
    for row, text, complaint in misfits:
        if len(row.pages) > 1:
            page = row.pages[1]
            return _Failure(page, _header(table, page, field),
                            f'the row continued from page {row.page} holds {complaint} ("{text}"): '
                            f"probably a row of its own read as the continuation; {MISREAD}")
    return None


def _many_misfits(table: Table, shape: Shape, misfits: list[tuple[TableRow, str, str]]) -> _Failure | None:
    """More misfits than the shape tolerates, described by the most common kind."""
    if not _systematic(len(misfits), len(table.rows), shape.tolerated):
        return None
    kinds = Counter(complaint for _, _, complaint in misfits)
    complaint, _ = kinds.most_common(1)[0]
    text = next(text for _, text, c in misfits if c == complaint)
    page = _page_of([row for row, _, c in misfits if c == complaint])
    n, total = len(misfits), len(table.rows)
    if len(kinds) > 1:
        rows = f"{n} of {total} rows do not fit, most hold"
    else:
        rows = f"{n} of {total} rows hold" if n > 1 else f"1 of {total} rows holds"
    return _Failure(page, _header(table, page, shape.field), f'{rows} {complaint} (e.g. "{text}"); {MISREAD}')


def _systematic(bad: int, rows: int, tolerated: int) -> bool:
    """More failing rows than tolerated, or most rows of a short table."""
    return bad > tolerated or (bad > 1 and 2 * bad > rows)


def _page_of(rows: list[TableRow]) -> int:
    """The page to name: the first on which the failure recurs, else the first
    on which it shows (an isolated oddity earlier on is not the place to look)."""
    counts = Counter(row.page for row in rows)
    return next((row.page for row in rows if counts[row.page] > 1), rows[0].page)


def _header(table: Table, page: int, field: str) -> str:
    """The header of ``field`` as printed on ``page`` (else on the first page)."""
    for page_table in table.pages:
        if page_table.page == page:
            for column in page_table.columns:
                if column.field == field:
                    return column.header
    return next(column.header for column in table.columns if column.field == field)
