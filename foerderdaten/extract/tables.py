"""Reading a table by its header text, with or without ruling lines.

The steps, for each page:

1. **Header.** Find the first band of lines (one line pitch apart, no
   horizontal ruling between) whose header cells name most expected
   columns (``ColumnSpec.pattern``); cells may sit on the band's first,
   middle or last line.
2. **Columns.** Split header lines into cells at vertical rulings and at
   gaps (a narrow gap counts where the body has a column gap), group the
   cells into columns (words stacked above each other belong to one
   column) and put a boundary between neighbouring columns: on a vertical
   ruling where the page has them, else in the white-space gap that the
   body text leaves between the two columns (lone heading lines, which
   run across column gaps, left out).
3. **Rows.** Split the body at horizontal rulings where the page has them;
   else at gaps wider than a line pitch and, between rows set closer, by
   the cells' alignment (top or bottom, voted by the rows of all pages).
   Heading rows between groups are dropped (a page's first one without
   rulings only once it is known not to continue the row before).
4. **Cells.** The characters of a row and column, as printed lines, are
   re-joined by :mod:`foerderdaten.extract.textjoin`.

A page's first row may continue the previous page's last row (renderers
let a row break across pages). It does only if that row filled its page
(it ends within ``PAGE_FULL_PITCHES`` of the lowest table line of any
page), and every column with text goes on from a cell that wrapped at its
last line (the cell's next word would not have fitted behind it); where the
first row has text in its key column, the two parts must also have the
shape of one row broken at the foot of the page, as the table aligns its
cells (``_split_shape``: top-aligned, the continuation's columns all go on
from cells that reached the foot; bottom-aligned, every column of the part
above goes on, from the continuation's first line, or each part is aligned
on its own). A first row without its key column (every row starts with its
key) that does not continue so is not read, nor is a first row that may be
a heading row or the rest of the row before: ``TableReadingError`` names
the page and column. ``Table.pages_without_header`` names pages that seem
to hold rows but whose header was not found.
Text above the header (running heads, captions) is kept as ``preamble``;
page footers are dropped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from foerderdaten.extract.pdfdoc import Char, Page, Ruling, TextLine
from foerderdaten.extract.table_header import (
    body_gaps,
    bottom_of_header,
    column_evidence,
    find_columns,
    find_header,
    header_matches,
    repeated_header_lines,
    uncertain_header_end,
)
from foerderdaten.extract.table_model import ROUNDING, WORD_GAP, Column, ColumnSpec, PageTable, TableReadingError, TableRow, fold_header
from foerderdaten.extract.table_pages import measure_lines, merge_continued_rows, ruled_edges
from foerderdaten.extract.table_rows import (
    alignment_of,
    drop_footer,
    drop_heading_rows,
    horizontal_rulings,
    line_across_rulings,
    line_pitch,
    line_steps,
    lines_by_column,
    pitch_of,
    row_blocks,
    split_into_rows,
)
from foerderdaten.extract.textjoin import Cues, PrintedLine, guessed_wraps, join_cell_lines, table_cues, undecidable_wraps

# What parsers use; the records are defined in table_model.py, the steps in
# table_header.py (1, 2), table_rows.py (3) and table_pages.py (across pages).
__all__ = ["Column", "ColumnSpec", "PageTable", "Table", "TableReadingError", "TableRow", "fold_header", "read_table"]

# A page without the header holds table rows when this many of its lines
# are set in the table's columns (one such line may be a letter's tabbed
# line or an address block).
TABLE_LINES = 2


@dataclass
class Table:
    """A table read over several pages, continued rows merged."""

    columns: list[Column]
    rows: list[TableRow]
    pages: list[PageTable]
    cues: Cues | None = None  # how its renderer wraps cell lines (textjoin.table_cues)

    needed: int = 2  # how many columns a header names (read_table's min_matches)

    def pages_without_header(self, pages: list[Page]) -> list[int]:
        """Pages whose header was not found although they seem to hold rows:
        every page with text after the table's first page, and before it
        every page with lines set in the table's columns (``_table_like``;
        a letter or title page before the table has none).

        The reader skips them; a caller that expects the table to run to
        the end of the document reports them rather than lose their rows.
        """
        read = {pt.page for pt in self.pages}
        first = min(read)
        return [
            p.number
            for p in pages
            if p.number not in read and p.chars and (p.number > first or _table_like(p, self.columns, self.needed))
        ]

    def cell_text(self, row: TableRow, name: str) -> str:
        """The cell's text, lines re-joined, white space folded."""
        return join_cell_lines(self._cell_lines(row, name), self.cues)

    def guessed_wraps(self, row: TableRow, name: str) -> list[tuple[str, str]]:
        """The cell's line breaks that ``cell_text`` reads by a guess (see ``textjoin.guessed_wraps``)."""
        return guessed_wraps(self._cell_lines(row, name), self.cues)

    def undecidable_wraps(self, row: TableRow, name: str) -> list[tuple[str, str]]:
        """The cell's line breaks that nothing decides (see ``textjoin.undecidable_wraps``)."""
        return undecidable_wraps(self._cell_lines(row, name), self.cues)

    def _cell_lines(self, row: TableRow, name: str) -> list[PrintedLine] | list[str]:
        """The cell's measured lines; for a row made without measurements
        (not by read_table), its lines' text alone."""
        if name in row.printed:
            return row.printed[name]
        return [line.text for line in row.cells.get(name, [])]


def read_table(pages: list[Page], specs: list[ColumnSpec], min_matches: int | None = None, all_pages: bool = True) -> Table | None:
    """Read the table whose header matches ``specs`` from ``pages``.

    Pages without such a header contribute nothing. Returns None when no page
    has the header. ``min_matches`` is how many specs the header line must
    match (default: all but a third, at least two).
    ``all_pages``: ``pages`` are the whole document, so a header that no
    other page prints is printed once; False where only a first page is
    looked at (a header's end that only other pages would tell is then not
    refused).
    """
    needed = min_matches or max(2, len(specs) - len(specs) // 3)
    found = [band for band in (_header_band(p, specs, needed) for p in pages) if band is not None]
    bands = _without_body_lines(_at_table_pitch(found, specs, needed), specs)
    if all_pages:
        _refuse_uncertain_header_ends(bands, specs)
    for band in bands:
        _find_columns(band, specs)
    _agree_on_columns(bands)
    alignment = _table_alignment(bands)
    page_tables = [t for t in (_read_band(band, specs, alignment) for band in bands) if t is not None]
    if not page_tables:
        return None
    measure_lines(page_tables)
    rows = merge_continued_rows(page_tables, key=specs[0].field)
    cues = table_cues([lines for row in rows for lines in row.printed.values()])
    return Table(columns=page_tables[0].columns, rows=rows, pages=page_tables, cues=cues, needed=needed)


@dataclass
class _Band:
    """Where a page's header row is: ``lines[start:end]`` of the page's lines."""

    page: Page
    lines: list[TextLine]
    pitch: float
    start: int
    end: int
    # found by _find_columns
    h_rules: list[Ruling] = field(default_factory=list)
    body_chars: list[Char] = field(default_factory=list)
    gaps: list[tuple[float, float]] = field(default_factory=list)  # white space of the body, see body_gaps
    columns: list[Column] | None = None
    # found by _table_alignment, once the columns are agreed: each column's body lines
    by_column: dict[str, list[TextLine]] = field(default_factory=dict)

    @property
    def header_lines(self) -> list[TextLine]:
        return self.lines[self.start : self.end]


def _header_band(page: Page, specs: list[ColumnSpec], needed: int) -> _Band | None:
    lines = page.lines()
    return _band_at_pitch(page, lines, line_pitch(lines), specs, needed)


def _band_at_pitch(page: Page, lines: list[TextLine], pitch: float, specs: list[ColumnSpec], needed: int) -> _Band | None:
    found = find_header(lines, page.rulings, specs, needed, pitch)
    return None if found is None else _Band(page, lines, pitch, *found)


def _at_table_pitch(bands: list[_Band], specs: list[ColumnSpec], needed: int) -> list[_Band]:
    """The bands found again at the line pitch of all the table's pages,
    where a page's own differs: on a page with few rows, middle-aligned
    cells' lines interleaved at half the pitch could be the most common
    step, and the header's first line ("Nr. der" over "RL") fell out of its
    band into the page's head (the title then no longer ended with its
    edition)."""
    if len(bands) < 2:
        return bands
    pitch = pitch_of([step for band in bands for step in line_steps(band.lines)])
    again = [band if band.pitch == pitch else _band_at_pitch(band.page, band.lines, pitch, specs, needed) for band in bands]
    return [band for band in again if band is not None]


def _without_body_lines(bands: list[_Band], specs: list[ColumnSpec]) -> list[_Band]:
    """Bands cut to the lines that another page's header band prints too
    (``repeated_header_lines``), where the rest names as many columns: a
    body row set right under the header had joined its band and its first
    lines were lost with exit 0; a "Stand" line right above it was missing
    from the page's head. Where only one page has a header nothing tells;
    the band is kept."""
    if len(bands) < 2:
        return bands
    for band, (first, last) in zip(bands, repeated_header_lines([band.header_lines for band in bands]), strict=True):
        start, end = band.start + first, band.start + last
        if (start, end) != (band.start, band.end):
            names = header_matches(band.header_lines, band.page.rulings, specs)
            if header_matches(band.lines[start:end], band.page.rulings, specs) >= names:
                band.start, band.end = start, end
    return bands


def _refuse_uncertain_header_ends(bands: list[_Band], specs: list[ColumnSpec]) -> None:
    """Stop where a header band that no other page prints may hold the
    first row's lines (``uncertain_header_end``): its text would be lost
    with exit 0. Where other pages print the header, what they share is
    the header (``_without_body_lines``)."""
    for band in bands:
        if _printed_elsewhere(band, bands):
            continue
        found = uncertain_header_end(band.lines, band.start, band.end, band.page.rulings, specs, band.pitch)
        if found is not None:
            header, why = found
            raise TableReadingError(band.page.number, header, f"{why}, with no ruling or space between; no other page prints the header, "
                                                              "so where it ends is not certain")


def _printed_elsewhere(band: _Band, bands: list[_Band]) -> bool:
    """Whether another page's header band prints this band's last line."""
    last = " ".join(band.header_lines[-1].text.split())
    return any(other is not band and last in {" ".join(line.text.split()) for line in other.header_lines} for other in bands)


def _read_page(page: Page, specs: list[ColumnSpec], needed: int) -> PageTable | None:
    """One page read on its own (its header band not compared with others)."""
    band = _header_band(page, specs, needed)
    if band is None:
        return None
    _find_columns(band, specs)
    return _read_band(band, specs, _table_alignment([band]))


def _find_columns(band: _Band, specs: list[ColumnSpec]) -> None:
    """The band's page body (under the header, without footer) and its columns."""
    page, lines, pitch, end = band.page, band.lines, band.pitch, band.end
    header_lines = band.header_lines
    band.h_rules = horizontal_rulings(page.rulings, header_lines[0])
    header_bottom = bottom_of_header(header_lines[-1], lines[end] if end < len(lines) else None, band.h_rules)
    body_chars = [c for c in page.chars if (c.top + c.bottom) / 2 >= header_bottom]  # mid_y, without a call per glyph
    band.body_chars = drop_footer(body_chars, lines[end:], pitch)
    evidence = column_evidence(band.body_chars, lines[end:], pitch)
    band.gaps = body_gaps(evidence)
    band.columns = find_columns(header_lines, band.gaps, page.rulings, specs)


# Pages whose header bands print the same lines at the same places (within
# this many points) show one table laid out once: the same columns.
SAME_LAYOUT = 1.0


def _agree_on_columns(bands: list[_Band]) -> None:
    """A boundary between columns that most pages of one layout (the same
    header band) agree on is taken by a page that found another, where that
    page's body leaves white space there too. A page with few rows may show
    a gap by chance (word spaces of a narrow column lined up), and the words
    between the two gaps went to the neighbouring column ("Wandel. IMU")."""
    groups: dict[tuple, list[tuple[_Band, list[Column]]]] = {}
    for band in bands:
        if band.columns is not None:
            groups.setdefault(_layout_key(band, band.columns), []).append((band, band.columns))
    for group in groups.values():
        for i in range(len(group[0][1]) - 1):
            agreed, count = Counter(round(columns[i].x1) for _, columns in group).most_common(1)[0]
            if 2 * count <= len(group):
                continue
            for band, columns in group:
                if abs(columns[i].x1 - agreed) > SAME_LAYOUT and any(g0 - ROUNDING <= agreed <= g1 + ROUNDING for g0, g1 in band.gaps):
                    columns[i], columns[i + 1] = replace(columns[i], x1=agreed), replace(columns[i + 1], x0=agreed)


def _layout_key(band: _Band, columns: list[Column]) -> tuple:
    return tuple((" ".join(line.text.split()), round(line.x0 / SAME_LAYOUT)) for line in band.header_lines) + tuple(c.field for c in columns)


def _table_alignment(bands: list[_Band]) -> str:
    """How the table aligns cells in their rows (``alignment_of``), by a vote
    of the rows that gaps separate on all its pages: on one page alone, a
    row broken at its foot could outvote the rest. Each band's body lines
    per column are kept for splitting it into rows."""
    blocks = []
    for band in bands:
        if band.columns is not None:
            band.by_column = lines_by_column(band.body_chars, band.columns)
            blocks += row_blocks(band.by_column, band.pitch, [r.top for r in band.h_rules])
    return alignment_of(blocks)


def _read_band(band: _Band, specs: list[ColumnSpec], alignment: str) -> PageTable | None:
    page, lines, pitch, start = band.page, band.lines, band.pitch, band.start
    columns, h_rules = band.columns, band.h_rules
    if columns is None:
        return None
    body_rows = split_into_rows(band.by_column, h_rules, pitch, specs[0].field, alignment)
    crossed = line_across_rulings(body_rows, h_rules)
    if crossed is not None:
        name, line = crossed
        header = next(column.header for column in columns if column.field == name)
        raise TableReadingError(page.number, header, f'a ruling between two rows runs through the line "{line.text.strip()}": '
                                "the cell overflows its row, so which row holds the line is not certain")
    rows = drop_heading_rows(body_rows, columns, page.rulings, h_rules, pitch)
    for row in rows:
        row.page = page.number
        row.pages = [page.number]
    preamble = [ln for ln in lines[:start]]
    return PageTable(
        page=page.number, columns=columns, rows=rows, preamble=preamble, headings=len(body_rows) - len(rows), ruled=ruled_edges(rows, columns, page.rulings)
    )


def _table_like(page: Page, columns: list[Column], needed: int) -> bool:
    """Whether a page without the header holds rows of the table: at least
    ``TABLE_LINES`` lines with text in ``needed`` of its columns and no
    word across a boundary between them (running text crosses them)."""
    bounds = [c.x0 for c in columns[1:]]
    found = 0
    for line in page.lines():
        ink = sorted((c for c in line.chars if c.text.strip()), key=lambda c: c.x0)
        runs: list[list[Char]] = []
        for a, b in zip([None, *ink], ink, strict=False):
            if a is not None and b.x0 - a.x1 <= WORD_GAP * b.size:
                runs[-1].append(b)
            else:
                runs.append([b])
        if any(run[0].x0 < x < run[-1].x1 for run in runs for x in bounds):
            continue
        filled = {next(col.field for col in columns if col.x0 <= run[0].x0 < col.x1) for run in runs}
        found += len(filled) >= needed
    return found >= TABLE_LINES
