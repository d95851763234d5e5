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
   the cells' alignment (top or bottom). Heading rows between groups are
   dropped (a page's first one without rulings only once it is known not
   to continue the row before).
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

import re
import statistics
from bisect import bisect_right
from dataclasses import dataclass, field

from foerderdaten.extract.pdfdoc import Char, Page, Ruling, TextLine, chars_to_text, group_lines
from foerderdaten.extract.textjoin import FIT_TOLERANCE_EM, Cues, PrintedLine, join_cell_lines, printed_line, table_cues

# Lines further apart than this many line pitches belong to different rows
# (cells have padding; lines within a cell are one pitch apart).
ROW_GAP = 1.1

# A row that breaks across pages fills its page: its last line lies at most
# this many line pitches above the lowest table line of any page (renderers
# keep two lines of a paragraph together; cells have padding).
PAGE_FULL_PITCHES = 2.5

# A page without the header holds table rows when this many of its lines
# are set in the table's columns (one such line may be a letter's tabbed
# line or an address block).
TABLE_LINES = 2

# A header row has at most this many lines (a band of more lines is body).
HEADER_MAX_LINES = 6

# Header words further apart than this many font sizes (with no blank glyph
# between) belong to different columns: wider than any word space.
WORD_GAP = 0.4

# A gap between header glyphs wider than this many font sizes, and lying in
# a column gap of the body, separates two columns: a word space is written
# as a blank glyph or is wider, a kerning gap within a word is narrower.
NARROW_GAP = 0.1

# A vertical ruling this close (pt) to a column boundary draws that boundary
# (rulings are drawn as thin rectangles, whose two edges are a stroke apart).
RULING_SNAP = 1.5

# Text whose tops lie within this share of the font size of each other is
# on one printed line (baselines of one line differ only by rounding and
# font; the next line is a whole line pitch, about 1.2 sizes, lower).
SAME_LINE = 1 / 3

# Consecutive lines of a paragraph lie more than this share of the font
# size apart (a line pitch is about 1.2 sizes); closer steps are super- or
# subscripts and rounding, not a new line.
LINE_STEP = 0.5

# Where a page tells neither font size nor line pitch: a usual body size
# and leading (pitch = leading x size).
DEFAULT_SIZE = 10.0
DEFAULT_LEADING = 1.2

# Coordinates are rounded and strokes have width: gaps, overlaps and
# offsets below this many points are rounding, not layout. (A fixed length:
# it is far below any font size's word space, 0.25 sizes = 1.5 pt at 6 pt.)
ROUNDING = 0.5

# Just past a line's edge (pt): less than any rounding, so nothing of the
# next line is reached.
HAIR = 0.1

# The table's horizontal rulings start at most this many font sizes above
# its header line (the ruling over the header row, above cell padding).
RULING_ABOVE_HEADER = 2

# A horizontal ruling belongs to the table when it covers at least this
# share of the widest ruling's length (shorter ones underline words).
TABLE_RULING_SHARE = 0.5

# A last line this many line pitches below the text above it is a page
# footer, not table body (a row's padding is a fraction of a pitch).
FOOTER_GAP_PITCHES = 4

# A body gap that ends within this many font sizes of where the next
# column's header starts shows that column's text starting where its header
# does (both left-aligned): what lies left of that gap belongs to the column
# before, however narrow the gap (a right-aligned number ends 1-2 pt before
# the next column's text, which leaves a wider gap on its left).
ALIGNED_START = 0.1

# A page is ruled as a grid when rulings between columns cross at least
# this share of its rows (banded fills cross every second row only).
GRID_ROWS = 0.6

# "Seite 3 von 19 Seiten", "Seite 3", "- 3 -", "3 / 19"
FOOTER = re.compile(r"^(seite\s+\d+(\s+von\s+\d+(\s+seiten)?)?|-\s*\d+\s*-|\d+\s*/\s*\d+)$", re.IGNORECASE)


@dataclass(frozen=True)
class ColumnSpec:
    """A column the parser expects: its field name and a header regex.

    The regex is matched against the header text folded to lower case with
    hyphens, blanks and line breaks removed ("Durchführungs-|ort" ->
    "durchführungsort").
    """

    field: str
    pattern: str

    def matches(self, header_text: str) -> bool:
        return re.search(self.pattern, fold_header(header_text)) is not None


@dataclass(frozen=True)
class Column:
    field: str
    header: str
    x0: float  # left boundary (-inf for the first column)
    x1: float  # right boundary (+inf for the last column)


@dataclass
class TableRow:
    """One table row: the printed lines of each cell, with provenance."""

    page: int
    top: float
    bottom: float
    x0: float
    x1: float
    cells: dict[str, list[TextLine]]
    pages: list[int] = field(default_factory=list)  # all pages the row spans
    # the cells' lines measured against their column's usable right edge
    printed: dict[str, list[PrintedLine]] = field(default_factory=dict)
    # a page's first row that is one line across columns: a heading row
    # unless it continues the previous page's last row
    heading_like: bool = False

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (round(self.x0, 1), round(self.top, 1), round(self.x1, 1), round(self.bottom, 1))


@dataclass
class PageTable:
    """What one page contributes: its columns, rows and the text above the header."""

    page: int
    columns: list[Column]
    rows: list[TableRow]
    preamble: list[TextLine]
    headings: int = 0  # heading rows dropped on this page


class TableReadingError(Exception):
    """The table's text cannot be read with certainty; names page and column."""

    def __init__(self, page: int, header: str, what: str):
        super().__init__(f'page {page}, column "{header}": {what}')


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
        if name in row.printed:
            return join_cell_lines(row.printed[name], self.cues)
        # a row made without measurements (not by read_table): its text alone
        return join_cell_lines(line.text for line in row.cells.get(name, []))


@dataclass(frozen=True)
class HeaderCell:
    """The words of one column's header, re-joined, and where they stand."""

    text: str
    x0: float
    x1: float
    top: float


def fold_header(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]+", "", text).lower()


# --------------------------------------------------------------------------
# Public entry point


def read_table(pages: list[Page], specs: list[ColumnSpec], min_matches: int | None = None) -> Table | None:
    """Read the table whose header matches ``specs`` from ``pages``.

    Pages without such a header contribute nothing. Returns None when no page
    has the header. ``min_matches`` is how many specs the header line must
    match (default: all but a third, at least two).
    """
    needed = min_matches or max(2, len(specs) - len(specs) // 3)
    page_tables = [t for t in (_read_page(p, specs, needed) for p in pages) if t is not None]
    if not page_tables:
        return None
    _measure_lines(page_tables)
    rows = _merge_continued_rows(page_tables, key=specs[0].field)
    cues = table_cues([lines for row in rows for lines in row.printed.values()])
    return Table(columns=page_tables[0].columns, rows=rows, pages=page_tables, cues=cues, needed=needed)


# --------------------------------------------------------------------------
# 1. Header


def _read_page(page: Page, specs: list[ColumnSpec], needed: int) -> PageTable | None:
    lines = page.lines()
    pitch = _line_pitch(lines)
    found = _find_header(lines, page.rulings, specs, needed, pitch)
    if found is None:
        return None
    start, end = found
    header_lines = lines[start:end]
    h_rules = _horizontal_rulings(page.rulings, header_lines[0])
    header_bottom = _header_bottom(header_lines[-1], lines[end] if end < len(lines) else None, h_rules)
    body_chars = [c for c in page.chars if c.mid_y >= header_bottom]
    body_chars = _drop_footer(body_chars, lines[end:], pitch)
    columns = _columns(header_lines, _column_evidence(body_chars, lines[end:], pitch), page.rulings, specs)
    if columns is None:
        return None
    body_rows = _rows(body_chars, columns, h_rules, pitch, key=specs[0].field)
    rows = _drop_heading_rows(body_rows, columns, page.rulings)
    for row in rows:
        row.page = page.number
        row.pages = [page.number]
    preamble = [ln for ln in lines[:start]]
    return PageTable(page=page.number, columns=columns, rows=rows, preamble=preamble, headings=len(body_rows) - len(rows))


def _table_like(page: Page, columns: list[Column], needed: int) -> bool:
    """Whether a page without the header holds rows of the table: at least
    ``TABLE_LINES`` lines with text in ``needed`` of its columns and no
    word across a boundary between them (running text crosses them)."""
    bounds = [c.x0 for c in columns[1:]]
    found = 0
    for line in page.lines():
        ink = sorted((c for c in line.chars if c.text.strip()), key=lambda c: c.x0)
        runs: list[list[Char]] = []
        for a, b in zip([None, *ink], ink):
            if a is not None and b.x0 - a.x1 <= WORD_GAP * b.size:
                runs[-1].append(b)
            else:
                runs.append([b])
        if any(run[0].x0 < x < run[-1].x1 for run in runs for x in bounds):
            continue
        filled = {next(col.field for col in columns if col.x0 <= run[0].x0 < col.x1) for run in runs}
        found += len(filled) >= needed
    return found >= TABLE_LINES


def _find_header(lines: list[TextLine], rulings: list[Ruling], specs: list[ColumnSpec], needed: int, pitch: float) -> tuple[int, int] | None:
    """The header row as a slice ``lines[start:end]``: the first band of
    lines whose header cells name at least ``needed`` columns.

    A band is a run of lines one pitch apart with no horizontal ruling
    between them, so the header row is read as a whole however its cells
    are aligned (a one-line header may sit on the band's first, middle or
    last line), and the first body row never joins it.
    """
    for start in range(len(lines)):
        end = _band_end(lines, start, rulings, pitch)
        cells = _header_cells(lines[start:end], rulings)
        if len(_match_specs([cell.text for cell in cells], specs)) >= needed:
            return start, end
    return None


def _band_end(lines: list[TextLine], start: int, rulings: list[Ruling], pitch: float) -> int:
    """End (exclusive) of the band of lines that begins at ``start``."""
    end = start + 1
    while end < len(lines) and end - start < HEADER_MAX_LINES:
        prev, line = lines[end - 1], lines[end]
        if line.top - prev.top > ROW_GAP * pitch or _ruled_between(prev, line, rulings):
            break
        end += 1
    return end


def _ruled_between(upper: TextLine, lower: TextLine, rulings: list[Ruling]) -> bool:
    """Whether a horizontal ruling runs between two lines, under the lower one's text."""
    return any(
        r.horizontal and upper.mid_y < r.top < lower.mid_y and _overlap(r.x0, r.x1, lower.x0, lower.x1) > 0
        for r in rulings
    )


def _match_specs(texts: list[str], specs: list[ColumnSpec]) -> dict[int, ColumnSpec]:
    """Which spec each header text names (each spec used once, in spec order)."""
    used: set[str] = set()
    found: dict[int, ColumnSpec] = {}
    for i, text in enumerate(texts):
        spec = next((s for s in specs if s.field not in used and s.matches(text)), None)
        if spec is not None:
            used.add(spec.field)
            found[i] = spec
    return found


def _header_bottom(last: TextLine, below: TextLine | None, h_rules: list[Ruling]) -> float:
    """Where the header row ends: the first horizontal ruling under its last
    line (above the next line), else just under its last line."""
    limit = below.mid_y if below is not None else float("inf")
    rules = [r.top for r in h_rules if last.mid_y < r.top < limit]
    return min(rules) if rules else last.bottom + HAIR


# --------------------------------------------------------------------------
# 2. Columns


def _columns(header_lines: list[TextLine], body_chars: list[Char], rulings: list[Ruling], specs: list[ColumnSpec]) -> list[Column] | None:
    gaps = _body_gaps(body_chars)
    cells = _header_cells(header_lines, rulings, gaps)
    matched = _match_specs([cell.text for cell in cells], specs)
    named = sorted(((spec.field, cells[i]) for i, spec in matched.items()), key=lambda item: item[1].x0)
    if len(named) < 2:
        return None
    verticals = sorted({round(r.x0, 1) for r in rulings if r.vertical})
    size = max(line.size for line in header_lines)
    bounds = [_boundary(a, b, verticals, gaps, size) for (_, a), (_, b) in zip(named, named[1:])]
    edges = [float("-inf")] + bounds + [float("inf")]
    return [Column(name, cell.text, edges[i], edges[i + 1]) for i, (name, cell) in enumerate(named)]


def _header_cells(header_lines: list[TextLine], rulings: list[Ruling], gaps: list[tuple[float, float]] | tuple = ()) -> list[HeaderCell]:
    """Header words grouped into columns: runs of text that overlap in x,
    re-joined line by line, left to right."""
    runs = [
        HeaderCell(chars_to_text(run), min(c.x0 for c in run), max(c.x1 for c in run), run[0].top)
        for line in header_lines
        for run in _runs(line, _verticals_across(line, rulings), gaps)
    ]
    groups: list[list[HeaderCell]] = []
    for run in sorted((r for r in runs if r.text.strip()), key=lambda r: r.x0):
        group = next((g for g in groups if any(_overlap(run.x0, run.x1, o.x0, o.x1) > ROUNDING for o in g)), None)
        if group is None:
            groups.append([run])
        else:
            group.append(run)
    cells = []
    for group in groups:
        group.sort(key=lambda r: (round(r.top), r.x0))
        text = join_cell_lines(r.text for r in group)
        cells.append(HeaderCell(text, min(r.x0 for r in group), max(r.x1 for r in group), min(r.top for r in group)))
    return sorted(cells, key=lambda c: c.x0)


def _verticals_across(line: TextLine, rulings: list[Ruling]) -> list[float]:
    """x of the vertical rulings that cross a line of text."""
    return sorted(r.x0 for r in rulings if r.vertical and r.top <= line.mid_y <= r.bottom and line.x0 < r.x0 < line.x1)


def _runs(line: TextLine, cuts: list[float], gaps: list[tuple[float, float]] | tuple = ()) -> list[list[Char]]:
    """Split a header line into the runs of text of its cells.

    Cells of neighbouring columns are separated by a vertical ruling, by a
    gap wider than a word space, or by a narrower gap that lies in a column
    gap of the body (narrow columns in a small or Calibri-metric font leave
    only the cell padding between two headers); words of one cell by a
    blank glyph or a narrow gap.
    """
    runs: list[list[Char]] = []
    for c in sorted(line.chars, key=lambda c: c.x0):
        if runs and not _cell_break(runs[-1][-1], c, cuts, gaps):
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _cell_break(prev: Char, c: Char, cuts: list[float], gaps) -> bool:
    """Whether a header cell ends between two neighbouring glyphs."""
    white = c.x0 - prev.x1
    if white > WORD_GAP * c.size:
        return True
    if any((prev.x0 + prev.x1) / 2 < x < (c.x0 + c.x1) / 2 for x in cuts):
        return True
    return white > NARROW_GAP * c.size and any(g0 < c.x0 and g1 > prev.x1 for g0, g1 in gaps)


def _column_evidence(chars: list[Char], lines: list[TextLine], pitch: float) -> list[Char]:
    """The body characters (``chars``, printed as ``lines``) that show where
    the columns are: all but the lines that stand alone (no line within a
    line pitch above or below) and run on without a gap as wide as one
    between columns. Those are heading rows across the table ("Region
    Sächsische Schweiz-Osterzgebirge"), whose text bridges column gaps."""
    lone = {
        id(c)
        for i, line in enumerate(lines)
        if not (i > 0 and line.top - lines[i - 1].top <= ROW_GAP * pitch)
        and not (i + 1 < len(lines) and lines[i + 1].top - line.top <= ROW_GAP * pitch)
        and _without_column_gap(line.chars)
        for c in line.chars
    }
    kept = [c for c in chars if id(c) not in lone]
    return kept or chars


def _without_column_gap(chars: tuple[Char, ...] | list[Char]) -> bool:
    """Whether visible characters follow each other with no gap wider than a word space."""
    ink = sorted((c for c in chars if c.text.strip()), key=lambda c: c.x0)
    return all(b.x0 - a.x1 <= WORD_GAP * b.size for a, b in zip(ink, ink[1:]))


def _body_gaps(chars: list[Char]) -> list[tuple[float, float]]:
    """x-intervals that no visible body character covers.

    Blank glyphs do not count: a trailing blank may reach to the next cell.
    """
    spans = sorted((c.x0, c.x1) for c in chars if c.text.strip())
    gaps: list[tuple[float, float]] = []
    if not spans:
        return gaps
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach > ROUNDING:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    return gaps


def _boundary(a: HeaderCell, b: HeaderCell, verticals: list[float], gaps: list[tuple[float, float]], size: float) -> float:
    """The x between column A and column B (B to the right of A).

    Each header stands inside its column, so the boundary lies between the
    end of A's header and the start of B's, whether headers are left-aligned
    or centred: on a vertical ruling there, else in the gap of the body
    that ends where B's header starts (see ``ALIGNED_START``), else in the
    widest white-space gap of the body there.
    """
    left, right = a.x1, b.x0
    on_ruling = [x for x in verticals if left - ROUNDING < x < right + 2 * ROUNDING]
    if on_ruling:
        return max(on_ruling)
    aligned = [(g0, g1) for g0, g1 in gaps if g1 > left and abs(g1 - right) <= ALIGNED_START * size]
    if aligned:
        g0, g1 = aligned[-1]
        return (max(g0, left) + g1) / 2
    overlaps = [(min(g1, right) - max(g0, left), (max(g0, left) + min(g1, right)) / 2) for g0, g1 in gaps if g1 > left and g0 < right]
    if overlaps:
        return max(overlaps)[1]
    return (left + right) / 2


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))


# --------------------------------------------------------------------------
# 3. Rows


def _rows(body_chars: list[Char], columns: list[Column], h_rules: list[Ruling], pitch: float, key: str) -> list[TableRow]:
    assigned = _assign_columns(body_chars, columns)
    by_column = {column.field: group_lines(assigned.get(column.field, [])) for column in columns}
    all_lines = sorted((line for lines in by_column.values() for line in lines), key=lambda ln: ln.top)
    if not all_lines:
        return []
    separators = sorted({round(r.top, 1) for r in h_rules})
    if any(s > all_lines[0].mid_y for s in separators):
        starts = _row_starts_from_rulings(all_lines, separators)
    else:
        starts = _row_starts_from_alignment(by_column, pitch, key)
    groups: dict[float, dict[str, list[TextLine]]] = {}
    for name, lines in by_column.items():
        for line in lines:
            start = max((s for s in starts if s <= line.mid_y), default=starts[0])
            groups.setdefault(start, {}).setdefault(name, []).append(line)
    rows = []
    for start in sorted(groups):
        cells = groups[start]
        content = [ln for lines in cells.values() for ln in lines]
        rows.append(
            TableRow(
                page=0,
                top=min(ln.top for ln in content),
                bottom=max(ln.bottom for ln in content),
                x0=min(ln.x0 for ln in content),
                x1=max(ln.x1 for ln in content),
                cells=cells,
            )
        )
    return rows


def _drop_heading_rows(rows: list[TableRow], columns: list[Column], rulings: list[Ruling]) -> list[TableRow]:
    """Rows that are not records: a heading between groups ("Region
    Bautzen") set in a cell merged across the table, or in a table without
    rulings one line of text that starts in the key column and runs on
    without a column gap.

    In a ruled table a heading row is one line of text that no ruling
    between columns crosses (a row broken over pages is drawn with its
    borders on both; a row that does have text in several columns is a
    record, whose cells may be drawn as fills without rulings: banded rows,
    where only the filled ones show column edges). Without rulings, a page's
    first row that looks like a heading may also be the rest of the previous
    page's last row: it is kept, marked ``heading_like``, and dropped only
    if it does not continue that row (``_merge_continued_rows``).
    """
    key = columns[0].field
    inner = [c.x0 for c in columns[1:]]
    boundary_rulings = [r for r in rulings if r.vertical and any(abs(r.x0 - x) <= RULING_SNAP for x in inner)]
    crossed = [any(r.top <= (row.top + row.bottom) / 2 <= r.bottom for r in boundary_rulings) for row in rows]
    spanning = [_one_spanning_line(row, key) for row in rows]
    # rulings between the columns of most rows that could be records make
    # a grid; fills of banded rows (every second row) do not
    records = [c for c, s in zip(crossed, spanning) if not s]
    grid = bool(records) and sum(records) >= GRID_ROWS * len(records)
    kept = []
    for i, row in enumerate(rows):
        if grid and not crossed[i] and spanning[i]:
            continue
        if not grid and spanning[i]:
            if i > 0:
                continue
            row.heading_like = True
        kept.append(row)
    return kept


def _one_spanning_line(row: TableRow, key: str) -> bool:
    """One line of text that starts in the key column and has no gap as wide
    as one between columns."""
    lines = [ln for cell in row.cells.values() for ln in cell]
    if key not in row.cells or any(abs(ln.top - lines[0].top) > SAME_LINE * ln.size for ln in lines):
        return False
    return _without_column_gap([c for ln in lines for c in ln.chars])


def _assign_columns(chars: list[Char], columns: list[Column]) -> dict[str, list[Char]]:
    """Characters by column, by their left edge.

    A blank goes with the character before it on its line: renderers let a
    trailing blank hang past the cell's edge, and it still tells that the
    line was wrapped at a space.
    """
    result: dict[str, list[Char]] = {}
    # every character of the table passes here: plain tuples, no key function
    column_of = _column_finder(columns)
    mids = [(c.top + c.bottom) / 2 for c in chars]
    prev_mid, prev_name = None, ""
    for _, x0, k in sorted((round(mid), c.x0, k) for k, (c, mid) in enumerate(zip(chars, mids))):
        c, mid = chars[k], mids[k]
        if c.text == " " and prev_mid is not None and abs(prev_mid - mid) <= SAME_LINE * c.size:
            name = prev_name
        else:
            name = column_of(x0)
        result.setdefault(name, []).append(c)
        prev_mid, prev_name = mid, name
    return result


def _column_finder(columns: list[Column]):
    """x -> the field of the first column with x0 <= x < x1, else of the last column.

    Columns left to right without overlap (the usual case) are found by
    bisection; any other order by trying each in turn, as listed.
    """
    spans = [(col.x0, col.x1, col.field) for col in columns]
    last = columns[-1].field
    ordered = all(a[1] <= b[0] and a[0] <= a[1] for a, b in zip(spans, spans[1:]))
    if not ordered:
        return lambda x: next((f for a, b, f in spans if a <= x < b), last)
    starts = [a for a, _, _ in spans]

    def find(x: float) -> str:
        j = bisect_right(starts, x) - 1
        return spans[j][2] if j >= 0 and x < spans[j][1] else last

    return find


def _row_starts_from_rulings(lines: list[TextLine], separators: list[float]) -> list[float]:
    """Rows are the bands between horizontal rulings that hold text."""
    return sorted({max((s for s in separators if s <= line.mid_y), default=lines[0].top) for line in lines})


def _row_starts_from_alignment(by_column: dict[str, list[TextLine]], pitch: float, key: str) -> list[float]:
    """Row starts in a table without rulings.

    A gap wider than a line pitch always separates rows (cells have
    padding). Rows set closer are told apart by how the cells are aligned,
    which is read from the rows that gaps do separate: top-aligned cells all
    start on a row's first line, bottom-aligned ones (a spreadsheet's
    default) all end on its last line.

    * top: a row starts on a line where the key column has text and either
      had none on the line before, or another column starts text there
      after having none on the line before;
    * bottom, the mirror image: a row ends on a line where the key column
      has text and either has none on the next line, or another column ends
      there;
    * middle (neither): only gaps separate rows.
    """
    blocks = _blocks(_levels(by_column), pitch)
    alignment = _alignment(blocks)
    starts: list[float] = []
    for block in blocks:
        starts.append(block[0][0] - ROUNDING)
        for (top, present), (next_top, following) in zip(block, block[1:]):
            if alignment == "top" and key in following and (key not in present or following - present):
                starts.append(next_top - ROUNDING)
            elif alignment == "bottom" and key in present and (key not in following or present - following):
                starts.append(next_top - ROUNDING)
    return starts


def _blocks(levels: list[tuple[float, set[str]]], pitch: float) -> list[list[tuple[float, set[str]]]]:
    """Levels split where the gap to the next is wider than a line pitch."""
    blocks: list[list[tuple[float, set[str]]]] = []
    for level in levels:
        if blocks and level[0] - blocks[-1][-1][0] <= ROW_GAP * pitch:
            blocks[-1].append(level)
        else:
            blocks.append([level])
    return blocks


def _alignment(blocks: list[list[tuple[float, set[str]]]]) -> str:
    """"top", "bottom" or "middle": how cells sit in their rows, by a vote of
    the blocks where the first and the last line tell (a block whose columns
    all start on its first line is top-aligned, and so on)."""
    top = bottom = 0
    for block in blocks:
        columns = set().union(*(present for _, present in block))
        starts_together = block[0][1] == columns
        ends_together = block[-1][1] == columns
        top += starts_together and not ends_together
        bottom += ends_together and not starts_together
    if top == bottom == 0:
        return "top" if all(len(block) == 1 for block in blocks) else "middle"
    return "top" if top >= bottom else "bottom"


def _levels(by_column: dict[str, list[TextLine]]) -> list[tuple[float, set[str]]]:
    """Text lines of all columns merged into levels: (top, columns present)."""
    items = sorted((line.top, line.size, name) for name, lines in by_column.items() for line in lines)
    levels: list[tuple[float, set[str]]] = []
    for top, size, name in items:
        if levels and top - levels[-1][0] <= SAME_LINE * size:
            levels[-1][1].add(name)
        else:
            levels.append((top, {name}))
    return levels


def _line_pitch(lines: list[TextLine]) -> float:
    """The usual distance between consecutive lines of one paragraph."""
    gaps = [round(b.top - a.top, 1) for a, b in zip(lines, lines[1:]) if b.top - a.top > LINE_STEP * a.size]
    if not gaps:
        return DEFAULT_LEADING * DEFAULT_SIZE
    return statistics.mode(gaps)


def _horizontal_rulings(rulings: list[Ruling], header_line: TextLine) -> list[Ruling]:
    """Horizontal rulings of the table: at or below the header line and
    running across most of the table's width.

    Renderers draw a row's border as one line or as one segment per cell
    (browsers); the segments at one height are joined before their length
    is compared, so a heading row's full-width border does not make the
    cell-wise borders of the other rows look short.
    """
    lines: dict[float, list[Ruling]] = {}
    for r in rulings:
        if r.horizontal and r.top >= header_line.top - RULING_ABOVE_HEADER * header_line.size:
            lines.setdefault(round(r.top, 1), []).append(r)
    covered = {y: _covered_length(segments) for y, segments in lines.items()}
    width = max(covered.values(), default=0.0)
    return [
        Ruling(min(r.x0 for r in segments), y, max(r.x1 for r in segments), y)
        for y, segments in sorted(lines.items())
        if covered[y] >= TABLE_RULING_SHARE * width
    ]


def _covered_length(segments: list[Ruling]) -> float:
    """Length of the x-range covered by segments at one height (overlaps counted once)."""
    total, reach = 0.0, float("-inf")
    for r in sorted(segments, key=lambda r: r.x0):
        if r.x1 > reach:
            total += r.x1 - max(r.x0, reach)
            reach = r.x1
    return total


def _drop_footer(chars: list[Char], lines: list[TextLine], pitch: float) -> list[Char]:
    """Drop page footers: lines like "Seite 3 von 19" and what lies below them
    or far below the table body.

    ``lines`` are the page's lines under the header, the lines ``chars`` are
    printed as: the header ends between two lines, so grouping the body's
    characters again would give the same lines (and cost a full pass a page).
    """
    keep_until = float("inf")
    for i, line in enumerate(lines):
        if FOOTER.match(line.text.strip()):
            keep_until = min(keep_until, line.top)
        elif i > 0 and line.top - lines[i - 1].bottom > FOOTER_GAP_PITCHES * pitch and i == len(lines) - 1:
            keep_until = min(keep_until, line.top)
    return [c for c in chars if c.top < keep_until - HAIR]


# --------------------------------------------------------------------------
# Where cell lines end


def _measure_lines(page_tables: list[PageTable]) -> None:
    """Measure every cell line against its column's usable right edge (see
    ``_usable_edges``), for re-joining wrapped lines and continued rows."""
    edges = _usable_edges(page_tables)
    for pt in page_tables:
        for row in pt.rows:
            row.printed = {name: [printed_line(line, edges[pt.page, name]) for line in lines] for name, lines in row.cells.items()}


def _usable_edges(page_tables: list[PageTable]) -> dict[tuple[int, str], float]:
    """(page, column) -> the column's usable right edge: where its widest
    line ends (a broken word runs to within a character of it), over all
    pages whose column has the same boundaries (within a font size)."""
    widest = {(pt.page, name): max(_ink_x1(line) for row in pt.rows for line in row.cells.get(name, [])) for pt in page_tables for name in _filled(pt)}
    edges: dict[tuple[int, str], float] = {}
    for pt in page_tables:
        size = _font_size(pt)
        for column in pt.columns:
            same = [
                widest.get((other.page, column.field), float("-inf"))
                for other in page_tables
                for col in other.columns
                if col.field == column.field and _same_bounds(col, column, size)
            ]
            edges[pt.page, column.field] = max(same, default=float("-inf"))
    return edges


def _filled(pt: PageTable) -> set[str]:
    return {name for row in pt.rows for name, lines in row.cells.items() if lines}


def _same_bounds(a: Column, b: Column, tolerance: float) -> bool:
    def close(x: float, y: float) -> bool:
        return x == y or abs(x - y) <= tolerance

    return close(a.x0, b.x0) and close(a.x1, b.x1)


def _font_size(pt: PageTable) -> float:
    sizes = [line.size for row in pt.rows for lines in row.cells.values() for line in lines]
    return statistics.median(sizes) if sizes else DEFAULT_SIZE


def _ink_x1(line: TextLine) -> float:
    """Where the last printed character ends (a trailing blank may hang past the cell)."""
    return max(c.x1 for c in line.chars if c.text.strip())


# --------------------------------------------------------------------------
# Continued rows


def _merge_continued_rows(page_tables: list[PageTable], key: str) -> list[TableRow]:
    """All rows in order; a page's first row that continues the previous
    page's last row (see the module docstring) is merged into it, one that
    looks like a heading row and does not continue it is dropped.

    In a table that has heading rows elsewhere, a first row that looks like
    one and also fits as the rest of the row before is refused: nothing on
    the page tells the two apart, and either guess may be wrong.
    """
    filled = [pt for pt in page_tables if pt.rows]
    if not filled:
        return []
    lowest = max(pt.rows[-1].bottom for pt in filled)
    pitch = _cell_pitch(filled)
    alignment = _rows_alignment([row for pt in filled for row in pt.rows])
    # heading rows dropped within pages, or the table's very first row
    has_headings = any(pt.headings for pt in page_tables) or filled[0].rows[0].heading_like
    rows: list[TableRow] = []
    for prev, pt in zip([None, *filled], filled):
        for i, row in enumerate(pt.rows):
            if i == 0 and prev is not None and _continues(prev, pt, row, key, lowest, pitch, alignment):
                if row.heading_like and has_headings:
                    raise TableReadingError(pt.page, pt.columns[0].header, "the first row is one line like the table's heading rows but may also be the rest of the row before; cannot tell which")
                _append(rows[-1], row)
            elif not row.heading_like:
                rows.append(row)
    return rows


def _continues(prev: PageTable, pt: PageTable, row: TableRow, key: str, lowest: float, pitch: float, alignment: str) -> bool:
    """Whether ``row``, the first on its page, continues ``prev``'s last row."""
    last = prev.rows[-1]
    slack = PAGE_FULL_PITCHES * pitch
    if pt.page != prev.page + 1:
        return False
    full = lowest - last.bottom <= slack
    if key not in row.cells:
        # every row starts with its key: this one should go on from the row before
        fresh = [name for name in row.cells if not _goes_on(last, row, name)]
        if full and not fresh:
            return True
        header = next(c.header for c in pt.columns if c.field == (fresh[0] if full else key))
        why = "it starts anew here although the first row has no text in the key column" if full else "the first row has no text here, but the previous page ends early"
        raise TableReadingError(pt.page, header, f"{why}; cannot tell whether it continues the row before")
    if not full:
        return False  # the previous page did not end full: its last row ended there
    return _split_shape(last, row, alignment, lowest - slack) and all(_goes_on(last, row, name) for name in row.cells if name in last.cells)


def _split_shape(last: TableRow, row: TableRow, alignment: str, foot: float) -> bool:
    """Whether ``last`` and ``row`` have the shape of one row broken at the
    page's foot, given how the table aligns cells in their rows.

    A cell that goes on over the break runs down to the foot of the page.
    Top-aligned cells fill a row from its first line, so the continuation
    holds only columns that go on, each from its first line.
    Bottom-aligned cells end on a row's last line; renderers either shift
    the row's cells down as one block (every column of the part above goes
    on, from the continuation's first line) or align each part on its own
    (the continuation holds only columns that go on, each filling the part
    above from its first line to its last). A fresh bottom-aligned row,
    whose short cells start lower under cells that did not fill the row
    above, has neither shape. Middle-aligned cells may lie wholly above or
    below the break; those that go on start the continuation.

    A cell part that ends above the last line of its row had room for one
    more line there; a renderer leaves such room only to keep at least two
    lines together on the next page, so its rest is not a single line.
    """
    shared = [name for name in row.cells if name in last.cells]
    reached = bool(shared) and all(
        last.cells[name][-1].bottom >= foot and (_on_last_line(last, last.cells[name][-1]) or len(row.cells[name]) > 1)
        for name in shared
    )
    if not reached:
        return False
    continued = all(_on_first_line(row, row.cells[name][0]) for name in shared)
    if alignment == "top":
        # a column that starts under a cell that ended before the page did is a new row
        return len(shared) == len(row.cells) and continued
    if alignment == "bottom":
        as_block = len(shared) == len(last.cells) and continued
        each_part = len(shared) == len(row.cells) and all(_on_first_line(last, last.cells[name][0]) for name in shared)
        return as_block or each_part
    return continued


def _on_first_line(row: TableRow, line: TextLine) -> bool:
    return line.top - row.top <= line.size * SAME_LINE


def _on_last_line(row: TableRow, line: TextLine) -> bool:
    return row.bottom - line.bottom <= line.size * SAME_LINE


def _goes_on(last: TableRow, row: TableRow, name: str) -> bool:
    """Whether column ``name`` of ``row`` continues the cell of ``last``: the
    cell wrapped at its last line (the first word of ``row``'s cell would
    not have fitted behind it). Whether the cell ran down to the row's very
    last line does not tell: renderers keep two lines of a paragraph
    together and move a line to the next page where it would be alone."""
    before, after = last.printed.get(name), row.printed.get(name)
    if not before or not after:
        return False
    line, nxt = before[-1], after[0]
    # the edge is the end of the widest line, at most a little short of the
    # true edge: a word that just failed to fit may seem to fit by that much
    return line.room - FIT_TOLERANCE_EM * line.size < line.blank + nxt.first_word


def _rows_alignment(rows: list[TableRow]) -> str:
    """How the table aligns cells in their rows (see ``_alignment``), by a
    vote of its rows as read, ruled or not."""
    return _alignment([_levels(row.cells) for row in rows])


def _cell_pitch(page_tables: list[PageTable]) -> float:
    """The step between consecutive lines of a cell."""
    steps = [
        b.top - a.top
        for pt in page_tables
        for row in pt.rows
        for lines in row.cells.values()
        for a, b in zip(lines, lines[1:])
        if b.top - a.top > LINE_STEP * a.size
    ]
    return statistics.median(steps) if steps else DEFAULT_LEADING * _font_size(page_tables[0])


def _append(row: TableRow, more: TableRow) -> None:
    for name, lines in more.cells.items():
        row.cells.setdefault(name, []).extend(lines)
        row.printed.setdefault(name, []).extend(more.printed.get(name, []))
    row.pages.extend(more.pages)
