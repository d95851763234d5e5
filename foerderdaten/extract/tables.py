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

``read_table`` reads all pages at once. ``TableStream`` reads them one by
one as they arrive, keeping of each page only what the decisions over all
pages and the rows need (the build's memory does not grow with the glyphs
of every page), and gives the same table: see the class.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from foerderdaten.extract.pdfdoc import BLANK_GAP, Char, Page, Ruling, TextLine
from foerderdaten.extract.table_header import (
    band_texts,
    body_extent,
    body_gaps,
    bottom_of_header,
    column_evidence,
    find_columns,
    find_header,
    header_matches,
    repeated_header_lines,
    repeated_lines,
    uncertain_header_end,
)
from foerderdaten.extract.table_model import ROUNDING, WORD_GAP, Column, ColumnSpec, PageTable, TableReadingError, TableRow, fold_header
from foerderdaten.extract.table_pages import PageMeasures, measure_lines, merge_continued_rows, page_measures, print_rows, ruled_edges, usable_edges
from foerderdaten.extract.table_rows import (
    AT_RULINGS,
    alignment_by,
    alignment_of,
    alignment_votes,
    drop_footer,
    drop_heading_rows,
    horizontal_rulings,
    line_across_rulings,
    line_pitch,
    line_steps,
    lines_by_column,
    most_common_step,
    pitch_of,
    row_blocks,
    row_split,
    split_into_rows,
)
from foerderdaten.extract.textjoin import Cues, PrintedLine, flush_right, guessed_wraps, join_cell_lines, measured_line, table_cues, undecidable_wraps_why

# What parsers use; the records are defined in table_model.py, the steps in
# table_header.py (1, 2), table_rows.py (3) and table_pages.py (across pages).
__all__ = ["Column", "ColumnSpec", "PageTable", "Table", "TableReadingError", "TableRow", "TableStream", "Unsettled", "fold_header", "read_table"]

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

    def flush_right(self, name: str) -> bool:
        """Whether the column's cells are set flush right (see ``textjoin.flush_right``)."""
        return flush_right(self._cell_lines(row, name) for row in self.rows)

    def undecidable_wraps(self, row: TableRow, name: str) -> list[tuple[str, str, str]]:
        """The cell's line breaks that nothing decides, each with why (see ``textjoin.undecidable_wraps_why``)."""
        return undecidable_wraps_why(self._cell_lines(row, name), self.cues)

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


class Unsettled(Exception):
    """What ``TableStream`` assumed while reading a page differs from what
    ``read_table`` decides over all pages (or reading a page raised): the
    table must be read from all its pages at once."""


# A page's rows not read: reading them by the alignment voted so far raised.
UNREAD = "unread"


@dataclass
class _StreamedPage:
    """What ``TableStream`` keeps of a page with the header: what the
    decisions over all pages need, and the page's table, its cell lines
    measured (``MeasuredLine``), without characters."""

    number: int
    pitch: float  # the line pitch its band was found at
    texts: list[str]  # its header band's lines (``band_texts``)
    columns: list[Column] | None = None  # its own columns
    layout: tuple = ()  # ``_layout_key``
    gaps: list[tuple[float, float]] = field(default_factory=list)
    votes: Counter[str] = field(default_factory=Counter)  # its rows' votes for an alignment (``alignment_votes``)
    alignment: str | None = None  # the alignment its rows were split by; None where rulings alone split them, UNREAD
    table: PageTable | None = None
    measures: PageMeasures | None = None


class TableStream:
    """``read_table`` for pages that arrive one by one and are not kept:
    the build reads a document's table while its reader reads on, and
    keeps of each page what ``_StreamedPage`` holds, not its characters.

    ``read_table`` takes four decisions over all pages between the steps
    that need a page's characters: the line pitch, the header band's cut
    (``_without_body_lines``), the columns (``_agree_on_columns``) and the
    cells' alignment (``_table_alignment``). Each page is read as it
    arrives with them assumed (the page's own pitch, its band uncut, its
    own columns, the alignment the pages so far vote for); ``table()``
    then takes them over all pages. A page whose columns the agreement
    changes, or whose rows were split by another alignment than the
    table's, is read again (``Again``: the build reads those pages of the
    PDF again, one at a time). Where the pitch or the cut differs from what
    a page was read with, where a page's header end would need checking
    (``_refuse_uncertain_header_ends``: a header no other page prints) or
    where reading a page raised, ``table()`` raises ``Unsettled``: the
    caller reads the table with ``read_table`` from all pages (the build
    reads the document again). So the values are ``read_table``'s either
    way. A table printed page after page in one layout (every bundled and
    generated edition) is read once.
    """

    def __init__(self, specs: list[ColumnSpec], min_matches: int | None = None):
        self.specs = specs
        self.needed = min_matches or max(2, len(specs) - len(specs) // 3)
        self._steps: Counter[float] = Counter()  # the line steps of every page with the header
        self._pitches: list[float] = []  # the pitch each page with the header was read at
        self._votes: Counter[str] = Counter()  # their rows' votes for an alignment
        self._pages: list[_StreamedPage] = []
        self._before: list[Page] = []  # pages with text before the first page read: pages_without_header needs them
        self._unread: list[int] = []  # pages with text after it that were not read
        self._reading = False  # whether a page was read
        self._unsettled = False

    def add(self, page: Page) -> None:
        """Read ``page``, the next page of the document."""
        if self._unsettled:
            return  # read_table will read all pages
        lines = page.lines()
        steps = line_steps(lines)
        own = pitch_of(steps)
        band = _band_at_pitch(page, lines, own, self.specs, self.needed)
        if band is not None:
            # found again at the pitch of the table's pages so far, as
            # _at_table_pitch finds it at the pitch of all of them
            self._steps.update(steps)
            pitch = most_common_step(self._steps)
            self._pitches.append(pitch)
            band = band if pitch == own else _band_at_pitch(page, lines, pitch, self.specs, self.needed)
        if band is None:
            self._not_read(page)
            return
        _find_columns(band, self.specs)
        kept = _StreamedPage(page.number, band.pitch, band_texts(band.header_lines))
        self._pages.append(kept)
        if band.columns is None:
            self._not_read(page)
            return
        kept.columns, kept.layout, kept.gaps = band.columns, _layout_key(band, band.columns), band.gaps
        band.by_column = lines_by_column(band.body_chars, band.columns)
        kept.votes = _votes(band)
        self._votes.update(kept.votes)
        try:
            self._read(kept, band, alignment_by(self._votes))
        except TableReadingError:
            self._unsettled = True  # read_table raises it, or the error comes later, from the decisions over all pages
            return
        self._reading = True

    def _read(self, kept: _StreamedPage, band: _Band, alignment: str) -> None:
        """The rows of ``band`` (its columns' lines found, ``_votes``) into ``kept``."""
        table = _read_band(band, self.specs, alignment)
        assert table is not None  # a band with columns is read
        kept.alignment = alignment if table.aligned else None
        kept.measures = page_measures(table)
        kept.table = _without_characters(table)

    def _not_read(self, page: Page) -> None:
        if not page.chars:
            return
        if self._reading:
            self._unread.append(page.number)
        else:
            self._before.append(page)

    def table(self, again: Again) -> Table | None:
        """The table of all pages added, as ``read_table`` reads it; raises
        ``Unsettled`` (see the class) or ``TableReadingError``.

        Pages whose columns the pages' agreement changes are read again
        (``again``), and so are pages whose rows were split by another
        alignment than the table's then."""
        pages = self._pages
        if self._unsettled:
            raise Unsettled("reading a page raised")
        if len(self._pitches) > 1 and not self._decided_alike(pages):
            raise Unsettled("a page's line pitch or header band differs from the table's")
        if pages and not self._header_ends_certain(pages):
            raise Unsettled("a header band's end needs checking")
        read = [p for p in pages if p.table is not None]
        moved: dict[int, _StreamedPage] = {}
        for p, columns in zip(read, agreed_columns([(p.layout, p.columns or [], p.gaps) for p in read]), strict=True):
            if columns != p.columns:
                p.columns = columns
                moved[p.number] = p
        # pages read again with the agreed columns vote again; their rows
        # are split by the alignment voted so far, the table's once the last has voted
        again(sorted(moved), lambda page: self._read_again(moved[page.number], page))
        alignment = alignment_by(self._votes)
        stale = {p.number: p for p in read if p.alignment not in (None, alignment)}
        again(sorted(stale), lambda page: self._read(stale[page.number], self._band_again(stale[page.number], page), alignment))
        page_tables = [p.table for p in read if p.table is not None]
        if not page_tables:
            return None
        print_rows(page_tables, usable_edges([p.measures for p in read if p.measures is not None]))
        rows = merge_continued_rows(page_tables, key=self.specs[0].field)
        cues = table_cues([lines for row in rows for lines in row.printed.values()])
        return Table(columns=page_tables[0].columns, rows=rows, pages=page_tables, cues=cues, needed=self.needed)

    def _band_again(self, kept: _StreamedPage, page: Page) -> _Band:
        """``page``'s band read again, with the columns the pages agree on (``kept.columns``)."""
        band = _band_at_pitch(page, page.lines(), kept.pitch, self.specs, self.needed)
        assert band is not None and kept.columns is not None  # found so when the page arrived
        _find_columns(band, self.specs)
        band.columns = kept.columns
        band.by_column = lines_by_column(band.body_chars, kept.columns)
        return band

    def _read_again(self, kept: _StreamedPage, page: Page) -> None:
        """``page`` read again with the columns the pages agree on: its votes
        replace those it cast before, its rows are split by the alignment
        voted now (or marked unread where that raises)."""
        band = self._band_again(kept, page)
        self._votes.subtract(kept.votes)
        kept.votes = _votes(band)
        self._votes.update(kept.votes)
        try:
            self._read(kept, band, alignment_by(self._votes))
        except TableReadingError:
            kept.alignment = UNREAD  # read again by the table's alignment, in page order

    def _decided_alike(self, pages: list[_StreamedPage]) -> bool:
        """Whether every page was read at the table's line pitch
        (``_at_table_pitch``), its header band as ``_without_body_lines`` cuts it."""
        pitch = most_common_step(self._steps)
        cuts = repeated_lines([p.texts for p in pages])
        return all(used == pitch for used in self._pitches) and all(cut == (0, len(p.texts)) for p, cut in zip(pages, cuts, strict=True))

    @staticmethod
    def _header_ends_certain(pages: list[_StreamedPage]) -> bool:
        """Whether another page prints each page's last header line, so
        ``_refuse_uncertain_header_ends`` need not look at its characters."""
        printed = Counter(text for p in pages for text in set(p.texts))
        return all(printed[p.texts[-1]] > 1 for p in pages)

    def pages_without_header(self, table: Table) -> list[int]:
        """``Table.pages_without_header`` of the pages added."""
        return [p.number for p in self._before if _table_like(p, table.columns, self.needed)] + self._unread


# Pages read again, by number (ascending): ``again(numbers, each)`` calls
# ``each`` with each of those pages, one after the other.
Again = Callable[[list[int], Callable[[Page], None]], None]


def pages_again(pages: list[Page]) -> Again:
    """``Again`` from a document's pages in memory."""

    def again(numbers: list[int], each: Callable[[Page], None]) -> None:
        wanted = set(numbers)
        for page in pages:
            if page.number in wanted:
                each(page)

    return again


def _votes(band: _Band) -> Counter[str]:
    """The band's rows' votes for an alignment (``_table_alignment``; its columns' lines found)."""
    return alignment_votes(row_blocks(band.by_column, band.pitch, [r.top for r in band.h_rules]))


def _without_characters(table: PageTable) -> PageTable:
    """``table`` with its rows' cell lines and its preamble measured
    (``MeasuredLine``): what the steps after reading a page need, without
    the page's characters."""
    for row in table.rows:
        row.cells = {name: [measured_line(line) for line in lines] for name, lines in row.cells.items()}  # type: ignore[misc]
    table.preamble = [measured_line(line) for line in table.preamble]  # type: ignore[misc]
    return table


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
    band.columns = find_columns(header_lines, band.gaps, page.rulings, specs, body_extent(evidence))


# Pages whose header bands print the same lines at the same places (within
# this many points) show one table laid out once: the same columns.
SAME_LAYOUT = 1.0


def _agree_on_columns(bands: list[_Band]) -> None:
    """Each band's columns as the bands agree on them (``agreed_columns``)."""
    found = [(band, band.columns) for band in bands if band.columns is not None]
    agreed = agreed_columns([(_layout_key(band, columns), columns, band.gaps) for band, columns in found])
    for (band, _), columns in zip(found, agreed, strict=True):
        band.columns = columns


def agreed_columns(pages: list[tuple[tuple, list[Column], list[tuple[float, float]]]]) -> list[list[Column]]:
    """The columns of each page (given as its layout key, ``_layout_key``;
    its columns; its body's gaps, ``body_gaps``) once the pages agree.

    A boundary between columns that most pages of one layout (the same
    header band) agree on is taken by a page that found another, where that
    page's body leaves white space there too. A page with few rows may show
    a gap by chance (word spaces of a narrow column lined up), and the words
    between the two gaps went to the neighbouring column ("Wandel. IMU").
    The boundary must not pass where the gap ends: a character goes to the
    column its left edge lies in, and an agreed boundary (in whole points)
    once lay 0.04 pt past the first letters of the next column on a page
    of another annex whose header read alike ("bsw gGmbH P I i" / "rojekt")."""
    agreed_pages = [list(columns) for _, columns, _ in pages]
    groups: dict[tuple, list[int]] = {}
    for k, (key, _, _) in enumerate(pages):
        groups.setdefault(key, []).append(k)
    for group in groups.values():
        for i in range(len(agreed_pages[group[0]]) - 1):
            agreed, count = Counter(round(agreed_pages[k][i].x1) for k in group).most_common(1)[0]
            if 2 * count <= len(group):
                continue
            for k in group:
                columns = agreed_pages[k]
                if abs(columns[i].x1 - agreed) > SAME_LAYOUT and any(g0 - ROUNDING <= agreed <= g1 for g0, g1 in pages[k][2]):
                    columns[i], columns[i + 1] = replace(columns[i], x1=agreed), replace(columns[i + 1], x0=agreed)
        for i in range(len(agreed_pages[group[0]]) - 1):
            _agree_on_gap_end(group, i, agreed_pages, [gaps for _, _, gaps in pages])
    return agreed_pages


# Gap ends this close (pt) are one place: where a column's left-aligned text starts.
GAP_END_TOLERANCE = 1.0


def _agree_on_gap_end(group: list[int], i: int, agreed_pages: list[list[Column]], gaps: list[list[tuple[float, float]]]) -> None:
    """Boundary ``i`` of the pages of ``group`` (one layout) in the white
    space that ends where most of them have it end: where the next column's
    text starts, left-aligned, on every page. The boundaries themselves may
    all differ (where the column before ends varies from page to page), and
    a page whose own widest gap lay elsewhere gave a word of the next column
    to the one before ("Invest Region Leipzig GmbH Leipzig": Chromium,
    centred headers, the short header "Ort" far right of its column's text)."""
    ends = [gap[1] for k in group if (gap := _gap_at(agreed_pages[k][i].x1, gaps[k])) is not None]
    end, count = Counter(round(x) for x in ends).most_common(1)[0] if ends else (0, 0)
    if 2 * count <= len(group):
        return
    for k in group:
        columns = agreed_pages[k]
        here = _gap_at(columns[i].x1, gaps[k])
        if here is not None and abs(here[1] - end) <= GAP_END_TOLERANCE:
            continue
        inside = [(g0, g1) for g0, g1 in gaps[k] if abs(g1 - end) <= GAP_END_TOLERANCE and columns[i].x0 < g0 and g1 < columns[i + 1].x1]
        if inside:
            x = sum(inside[-1]) / 2
            columns[i], columns[i + 1] = replace(columns[i], x1=x), replace(columns[i + 1], x0=x)


def _gap_at(x: float, gaps: list[tuple[float, float]]) -> tuple[float, float] | None:
    """The body gap in which a boundary at ``x`` lies."""
    return next(((g0, g1) for g0, g1 in gaps if g0 - ROUNDING <= x <= g1 + ROUNDING), None)


def _layout_key(band: _Band, columns: list[Column]) -> tuple:
    """The header band's lines: their text and where each of their words
    starts. Two tables with the same header wording but other column
    widths (the annexes of one answer, each sized by a browser to its
    content) are two layouts: their columns do not agree."""
    return (tuple((" ".join(line.text.split()), tuple(round(x / SAME_LAYOUT) for x in _word_starts(line))) for line in band.header_lines)
            + tuple(c.field for c in columns))


def _word_starts(line: TextLine) -> list[float]:
    """Where the words of ``line`` start: after a blank glyph or a gap that shows one."""
    chars = line.chars
    return [c.x0 for i, c in enumerate(chars)
            if c.text.strip() and (i == 0 or not chars[i - 1].text.strip() or c.x0 - chars[i - 1].x1 > BLANK_GAP * c.size)]


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
    how = row_split(band.by_column, h_rules)
    body_rows = split_into_rows(band.by_column, h_rules, pitch, specs[0].field, alignment, how)
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
        page=page.number, columns=columns, rows=rows, preamble=preamble, headings=len(body_rows) - len(rows), ruled=ruled_edges(rows, columns, page.rulings),
        aligned=how != AT_RULINGS, paper_bottom=page.height, ruled_bottom=max((r.top for r in h_rules), default=float("-inf")),
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
