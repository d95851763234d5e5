"""Reading a table by its header text, with or without ruling lines.

The steps, for each page:

1. **Header.** Find the line where most of the expected column headers
   start (``ColumnSpec.pattern``), and the header row below it.
2. **Columns.** Group the header words into columns (words stacked above
   each other, or run together on one line, belong to one column) and put a
   boundary between neighbouring columns: on a vertical ruling where the
   page has them, else in the white-space gap that the body text leaves
   between the two columns.
3. **Rows.** Split the body at horizontal rulings where the page has them;
   else a row starts where the key column (the first one) starts a new
   cell: after a larger-than-line gap, or where a column that was empty on
   the previous line starts text (cells are top-aligned).
4. **Cells.** The characters of a row and column, as printed lines, are
   re-joined by :mod:`foerderdaten.extract.textjoin`.

A page's first row may continue the previous page's last row (renderers
let a row break across pages). It does only if that row filled its page
(it ends within ``PAGE_FULL_PITCHES`` of the lowest table line of any
page), and every column with text goes on from a cell that wrapped at its
last line (the cell's next word would not have fitted behind it); where the
first row has text in its key column, those cells must also have reached
the foot of the page. A first row without its key column (every row starts
with its key) that does not continue so is not read: ``TableReadingError``
names the page and column.
Text above the header (running heads, captions) is kept as ``preamble``;
page footers are dropped.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from foerderdaten.extract.pdfdoc import Char, Page, Ruling, TextLine, chars_to_text, group_lines
from foerderdaten.extract.textjoin import Cues, PrintedLine, join_cell_lines, printed_line, table_cues

# Lines further apart than this many line pitches belong to different rows
# (cells have padding; lines within a cell are one pitch apart).
ROW_GAP = 1.1

# A row that breaks across pages fills its page: its last line lies at most
# this many line pitches above the lowest table line of any page (renderers
# keep two lines of a paragraph together; cells have padding).
PAGE_FULL_PITCHES = 2.5

# Glyph positions are rounded and kerned: a word "would have fitted" behind a
# line only with this share of the font size to spare.
FIT_TOLERANCE_EM = 0.05

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

    def pages_without_header(self, pages: list[Page]) -> list[int]:
        """Pages after the table's first page whose header was not found.

        The reader skips them; a caller that expects the table to run to
        the end of the document reports them rather than lose their rows.
        """
        read = {pt.page for pt in self.pages}
        first = min(read)
        return [p.number for p in pages if p.number > first and p.number not in read and p.chars]

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
    return Table(columns=page_tables[0].columns, rows=rows, pages=page_tables, cues=cues)


# --------------------------------------------------------------------------
# 1. Header


def _read_page(page: Page, specs: list[ColumnSpec], needed: int) -> PageTable | None:
    lines = page.lines()
    start = _find_header_line(lines, specs, needed)
    if start is None:
        return None
    header_line = lines[start]
    pitch = _line_pitch(lines)
    h_rules = _horizontal_rulings(page.rulings, header_line)
    header_bottom = _header_bottom(lines, start, h_rules, pitch)
    header_lines = [ln for ln in lines[start:] if ln.mid_y < header_bottom]
    body_chars = [c for c in page.chars if c.mid_y >= header_bottom]
    body_chars = _drop_footer(body_chars, pitch)
    columns = _columns(header_lines, body_chars, page.rulings, specs)
    if columns is None:
        return None
    rows = _rows(body_chars, columns, h_rules, pitch, key=specs[0].field)
    for row in rows:
        row.page = page.number
        row.pages = [page.number]
    preamble = [ln for ln in lines[:start]]
    return PageTable(page=page.number, columns=columns, rows=rows, preamble=preamble)


def _find_header_line(lines: list[TextLine], specs: list[ColumnSpec], needed: int) -> int | None:
    """Index of the first line on which at least ``needed`` headers begin.

    A header may wrap ("Bewilligungs-" / "beginn"), so each candidate line is
    read together with the next lines, counting only columns that start on it.
    """
    for i, line in enumerate(lines):
        cells = _header_cells(lines[i : i + 4])
        starting = [cell.text for cell in cells if abs(cell.top - line.top) <= line.size / 3]
        if len(_match_specs(starting, specs)) >= needed:
            return i
    return None


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


def _header_bottom(lines: list[TextLine], start: int, h_rules: list[Ruling], pitch: float) -> float:
    """Where the header row ends: the first horizontal ruling below the
    header line, else the first gap wider than a line pitch."""
    below = [r.top for r in h_rules if r.top > lines[start].mid_y]
    if below:
        return min(below)
    bottom = lines[start].bottom
    for prev, line in zip(lines[start:], lines[start + 1 :]):
        if line.top - prev.top > ROW_GAP * pitch:
            break
        bottom = line.bottom
    return bottom + 0.1


# --------------------------------------------------------------------------
# 2. Columns


def _columns(header_lines: list[TextLine], body_chars: list[Char], rulings: list[Ruling], specs: list[ColumnSpec]) -> list[Column] | None:
    cells = _header_cells(header_lines)
    matched = _match_specs([cell.text for cell in cells], specs)
    named = sorted(((spec.field, cells[i]) for i, spec in matched.items()), key=lambda item: item[1].x0)
    if len(named) < 2:
        return None
    verticals = sorted({round(r.x0, 1) for r in rulings if r.vertical})
    gaps = _body_gaps(body_chars)
    bounds = [_boundary(a, b, verticals, gaps) for (_, a), (_, b) in zip(named, named[1:])]
    edges = [float("-inf")] + bounds + [float("inf")]
    return [Column(name, cell.text, edges[i], edges[i + 1]) for i, (name, cell) in enumerate(named)]


def _header_cells(header_lines: list[TextLine]) -> list[HeaderCell]:
    """Header words grouped into columns: runs of text that overlap in x,
    re-joined line by line, left to right."""
    runs = [
        HeaderCell(chars_to_text(run), min(c.x0 for c in run), max(c.x1 for c in run), run[0].top)
        for line in header_lines
        for run in _runs(line.chars)
    ]
    groups: list[list[HeaderCell]] = []
    for run in sorted((r for r in runs if r.text.strip()), key=lambda r: r.x0):
        group = next((g for g in groups if any(_overlap(run.x0, run.x1, o.x0, o.x1) > 0.5 for o in g)), None)
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


def _runs(chars: tuple[Char, ...] | list[Char]) -> list[list[Char]]:
    """Split a line into runs of text separated by gaps wider than a word space.

    Cells of neighbouring columns are separated by such a gap with no blank
    glyph in it; words of one cell by a blank glyph or a narrow gap.
    """
    runs: list[list[Char]] = []
    for c in sorted(chars, key=lambda c: c.x0):
        if runs and c.x0 - runs[-1][-1].x1 <= 0.4 * c.size:
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


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
        if x0 - reach > 0.5:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    return gaps


def _boundary(a: HeaderCell, b: HeaderCell, verticals: list[float], gaps: list[tuple[float, float]]) -> float:
    """The x between column A and column B (B to the right of A).

    Each header stands inside its column, so the boundary lies between the
    end of A's header and the start of B's, whether headers are left-aligned
    or centred: on a vertical ruling there, else in the widest white-space
    gap of the body there.
    """
    left, right = a.x1, b.x0
    on_ruling = [x for x in verticals if left - 0.5 < x < right + 1.0]
    if on_ruling:
        return max(on_ruling)
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


def _assign_columns(chars: list[Char], columns: list[Column]) -> dict[str, list[Char]]:
    """Characters by column, by their left edge.

    A blank goes with the character before it on its line: renderers let a
    trailing blank hang past the cell's edge, and it still tells that the
    line was wrapped at a space.
    """
    result: dict[str, list[Char]] = {}
    prev: tuple[Char, str] | None = None
    for c in sorted(chars, key=lambda c: (round(c.mid_y), c.x0)):
        same_line = prev is not None and abs(prev[0].mid_y - c.mid_y) <= c.size / 3
        if c.text == " " and same_line:
            name = prev[1]
        else:
            name = next((col.field for col in columns if col.x0 <= c.x0 < col.x1), columns[-1].field)
        result.setdefault(name, []).append(c)
        prev = (c, name)
    return result


def _row_starts_from_rulings(lines: list[TextLine], separators: list[float]) -> list[float]:
    """Rows are the bands between horizontal rulings that hold text."""
    return sorted({max((s for s in separators if s <= line.mid_y), default=lines[0].top) for line in lines})


def _row_starts_from_alignment(by_column: dict[str, list[TextLine]], pitch: float, key: str) -> list[float]:
    """Row starts in a table without rulings (cells are top-aligned).

    A row starts on a line where the key column starts a cell: the key
    column has text there, and either it had none on the previous line, or
    the gap from the previous line is wider than a line pitch, or another
    column starts text there after having none on the previous line.
    """
    levels = _levels(by_column)
    starts: list[float] = []
    prev = None
    for level_top, present in levels:
        if prev is None:
            starts.append(level_top - 0.5)
        elif key in present:
            prev_top, prev_present = prev
            new_column = bool(present - prev_present)
            wide_gap = level_top - prev_top > ROW_GAP * pitch
            if key not in prev_present or wide_gap or new_column:
                starts.append(level_top - 0.5)
        prev = (level_top, present)
    return starts


def _levels(by_column: dict[str, list[TextLine]]) -> list[tuple[float, set[str]]]:
    """Text lines of all columns merged into levels: (top, columns present)."""
    items = sorted((line.top, line.size, name) for name, lines in by_column.items() for line in lines)
    levels: list[tuple[float, set[str]]] = []
    for top, size, name in items:
        if levels and top - levels[-1][0] <= size / 3:
            levels[-1][1].add(name)
        else:
            levels.append((top, {name}))
    return levels


def _line_pitch(lines: list[TextLine]) -> float:
    """The usual distance between consecutive lines of one paragraph."""
    gaps = [round(b.top - a.top, 1) for a, b in zip(lines, lines[1:]) if b.top - a.top > 0.5 * a.size]
    if not gaps:
        return 12.0
    return statistics.mode(gaps)


def _horizontal_rulings(rulings: list[Ruling], header_line: TextLine) -> list[Ruling]:
    """Horizontal rulings of the table: long ones at or below the header line."""
    width = max((r.x1 - r.x0 for r in rulings if r.horizontal), default=0.0)
    return [r for r in rulings if r.horizontal and r.x1 - r.x0 >= 0.5 * width and r.top >= header_line.top - 2 * header_line.size]


def _drop_footer(chars: list[Char], pitch: float) -> list[Char]:
    """Drop page footers: lines like "Seite 3 von 19" and what lies below them
    or far below the table body."""
    lines = group_lines(chars)
    keep_until = float("inf")
    for i, line in enumerate(lines):
        if FOOTER.match(line.text.strip()):
            keep_until = min(keep_until, line.top)
        elif i > 0 and line.top - lines[i - 1].bottom > 4 * pitch and i == len(lines) - 1:
            keep_until = min(keep_until, line.top)
    return [c for c in chars if c.top < keep_until - 0.1]


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
    return statistics.median(sizes) if sizes else 10.0


def _ink_x1(line: TextLine) -> float:
    """Where the last printed character ends (a trailing blank may hang past the cell)."""
    return max(c.x1 for c in line.chars if c.text.strip())


# --------------------------------------------------------------------------
# Continued rows


def _merge_continued_rows(page_tables: list[PageTable], key: str) -> list[TableRow]:
    """All rows in order; a page's first row that continues the previous
    page's last row (see the module docstring) is merged into it."""
    filled = [pt for pt in page_tables if pt.rows]
    if not filled:
        return []
    lowest = max(pt.rows[-1].bottom for pt in filled)
    pitch = _cell_pitch(filled)
    rows: list[TableRow] = []
    for prev, pt in zip([None, *filled], filled):
        for i, row in enumerate(pt.rows):
            if i == 0 and prev is not None and _continues(prev, pt, row, key, lowest, pitch):
                _append(rows[-1], row)
            else:
                rows.append(row)
    return rows


def _continues(prev: PageTable, pt: PageTable, row: TableRow, key: str, lowest: float, pitch: float) -> bool:
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
    # a row whose columns all start anew, and a row that continues in every
    # column, are told apart column by column
    if any(name not in last.cells or lowest - last.cells[name][-1].bottom > slack for name in row.cells):
        return False  # a column starts under a cell that ended before the page did
    return all(_goes_on(last, row, name) for name in row.cells)


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


def _cell_pitch(page_tables: list[PageTable]) -> float:
    """The step between consecutive lines of a cell."""
    steps = [
        b.top - a.top
        for pt in page_tables
        for row in pt.rows
        for lines in row.cells.values()
        for a, b in zip(lines, lines[1:])
        if b.top - a.top > 0.5 * a.size
    ]
    return statistics.median(steps) if steps else 1.2 * _font_size(page_tables[0])


def _append(row: TableRow, more: TableRow) -> None:
    for name, lines in more.cells.items():
        row.cells.setdefault(name, []).extend(lines)
        row.printed.setdefault(name, []).extend(more.printed.get(name, []))
    row.pages.extend(more.pages)
