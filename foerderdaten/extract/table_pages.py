"""Table reading across pages: where each cell line ends (its usable right
edge) and a page's first row merged into the previous page's last row.

See :mod:`foerderdaten.extract.tables` for the rules.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

from foerderdaten.extract.pdfdoc import SAME_LINE, Ruling, TextLine
from foerderdaten.extract.table_model import DEFAULT_LEADING, DEFAULT_SIZE, LINE_STEP, ROUNDING, Column, PageTable, TableReadingError, TableRow
from foerderdaten.extract.table_rows import alignment_of, line_levels
from foerderdaten.extract.textjoin import FIT_TOLERANCE_EM, MeasuredLine, flush_right, measured_line

# A row that breaks across pages fills its page: its last line lies at most
# this many line pitches above the lowest table line of any page (renderers
# keep two lines of a paragraph together; cells have padding).
PAGE_FULL_PITCHES = 2.5


def measure_lines(page_tables: list[PageTable]) -> None:
    """Measure every cell line against its column's usable edges (see
    ``usable_edges``), for re-joining wrapped lines and continued rows."""
    print_rows(page_tables, usable_edges([page_measures(pt) for pt in page_tables]))


@dataclass(frozen=True)
class Edges:
    """Where a column's lines may start and end (see ``usable_edges``)."""

    left: float
    right: float


def print_rows(page_tables: list[PageTable], edges: dict[tuple[int, str], Edges]) -> None:
    """Each row's cell lines measured against ``edges`` (``usable_edges``): as
    ``PrintedLine``, whether the rows hold text lines or measured lines
    (``TableStream``). A column whose cells are set flush right
    (``textjoin.flush_right``) is measured at its lines' starts, where a
    wrap leaves its room (a browser's and Writer's right-aligned cells were
    refused: measured at the right edge every line seems to fill its cell)."""
    for pt in page_tables:
        for row in pt.rows:
            row.printed = {name: [_measured(line).printed(edges[pt.page, name].right) for line in lines] for name, lines in row.cells.items()}
    for name in _flush_right_columns(page_tables):
        for pt in page_tables:
            for row in pt.rows:
                if name in row.cells:
                    row.printed[name] = [_measured(line).printed_flush_right(edges[pt.page, name].left) for line in row.cells[name]]


def _flush_right_columns(page_tables: list[PageTable]) -> list[str]:
    names = dict.fromkeys(name for pt in page_tables for row in pt.rows for name in row.printed)
    return [name for name in names if flush_right(row.printed[name] for pt in page_tables for row in pt.rows if name in row.printed)]


def _measured(line: TextLine | MeasuredLine) -> MeasuredLine:
    return line if isinstance(line, MeasuredLine) else measured_line(line)


@dataclass(frozen=True)
class PageMeasures:
    """What ``usable_edges`` needs of a page's table: its columns, each
    filled column's widest line (or ruled edge) and leftmost line start,
    its font size."""

    page: int
    columns: list[Column]
    widest: dict[str, float]
    leftmost: dict[str, float]
    size: float


def page_measures(pt: PageTable) -> PageMeasures:
    """``pt``'s measures, from its rows' text lines (characters needed)."""
    filled = _filled(pt)
    widest = {name: max(max(_ink_x1(line) for row in pt.rows for line in row.cells.get(name, [])), pt.ruled.get(name, float("-inf")))
              for name in filled}
    leftmost = {name: min(_ink_x0(line) for row in pt.rows for line in row.cells.get(name, [])) for name in filled}
    return PageMeasures(pt.page, pt.columns, widest, leftmost, _font_size(pt))


def usable_edges(pages: list[PageMeasures]) -> dict[tuple[int, str], Edges]:
    """(page, column) -> the column's usable edges. The right one: where its
    widest line ends (a broken word runs to within a character of it), over
    all pages whose column has the same boundaries (within a font size);
    or, where rulings draw its cells, their edge (``ruled_edges``) if that
    lies further right. Without it the widest line itself always seems to
    fill its cell, and a wrap at a dropped blank after it reads as a broken
    word ("FACHINFORMATIONSZENTRUM" / "ZUWANDERUNG"). The left one alike:
    where its leftmost line starts (for cells set flush right)."""
    # the widest line per column and bounds: most pages share their columns'
    # bounds, so each page compares with a few bounds, not with every page
    by_bounds: dict[Column, Edges] = {}
    for other in pages:
        for col in other.columns:
            known = by_bounds.get(col, Edges(float("inf"), float("-inf")))
            by_bounds[col] = Edges(min(known.left, other.leftmost.get(col.field, float("inf"))),
                                   max(known.right, other.widest.get(col.field, float("-inf"))))
    edges: dict[tuple[int, str], Edges] = {}
    for pm in pages:
        for column in pm.columns:
            same = [found for col, found in by_bounds.items() if col.field == column.field and _same_bounds(col, column, pm.size)]
            edges[pm.page, column.field] = Edges(min((e.left for e in same), default=float("inf")), max((e.right for e in same), default=float("-inf")))
    return edges


def ruled_edges(rows: list[TableRow], columns: list[Column], rulings: list[Ruling]) -> dict[str, float]:
    """column -> its cells' usable right edge, where vertical rulings draw
    both sides of every cell of the column that holds text: the leftmost
    right-hand ruling less the cells' left padding (the smallest distance
    from the left-hand ruling to a line's first character). Renderers pad a
    cell alike on both sides (CSS, word processors' and spreadsheets' cell
    margins); a centred or right-aligned column shows a wider left padding
    and so an edge too far left, which the widest line then overrides."""
    verticals = [r for r in rulings if r.vertical]
    # the vertical rulings across each row's middle: once a row, not once a cell
    crossing = [[r for r in verticals if r.top <= (row.top + row.bottom) / 2 <= r.bottom] for row in rows]
    edges: dict[str, float] = {}
    for column in columns:
        sides = [_ruled_sides(lines, across) for row, across in zip(rows, crossing, strict=True) if (lines := row.cells.get(column.field))]
        if not sides or None in sides:
            continue
        known = [side for side in sides if side is not None]
        padding = min(first - left for left, first, _ in known)
        edges[column.field] = min(right for _, _, right in known) - padding
    return edges


def _ruled_sides(lines: list[TextLine], crossing: list[Ruling]) -> tuple[float, float, float] | None:
    """(left ruling, the lines' first character, right ruling) of one cell
    (its ``lines``; ``crossing``: the vertical rulings across its row), or
    None where rulings do not draw both of its sides."""
    if not crossing:
        return None
    first = min(_ink_x0(line) for line in lines)
    last = max(_ink_x1(line) for line in lines)
    left = [r.x1 for r in crossing if r.x1 <= first + ROUNDING]
    right = [r.x0 for r in crossing if r.x0 >= last - ROUNDING]
    if not left or not right:
        return None
    return max(left), first, min(right)


def _filled(pt: PageTable) -> set[str]:
    return {name for row in pt.rows for name, lines in row.cells.items() if lines}


def _same_bounds(a: Column, b: Column, tolerance: float) -> bool:
    def close(x: float, y: float) -> bool:
        return x == y or abs(x - y) <= tolerance

    return close(a.x0, b.x0) and close(a.x1, b.x1)


def _font_size(pt: PageTable) -> float:
    sizes = [line.size for row in pt.rows for lines in row.cells.values() for line in lines]
    return statistics.median(sizes) if sizes else DEFAULT_SIZE


def _ink_x0(line: TextLine) -> float:
    return min(c.x0 for c in line.chars if c.text.strip())


def _ink_x1(line: TextLine) -> float:
    """Where the last printed character ends (a trailing blank may hang past the cell)."""
    return max(c.x1 for c in line.chars if c.text.strip())


def merge_continued_rows(page_tables: list[PageTable], key: str) -> list[TableRow]:
    """All rows in order; a page's first row that continues the previous
    page's last row (see the module docstring) is merged into it, one that
    looks like a heading row and does not continue it is dropped.

    In a table that has heading rows elsewhere, a first row that looks like
    one and also fits as the rest of the row before is refused: nothing on
    the page tells the two apart, and either guess may be wrong; unless it
    is framed by rulings (a filled heading) and nothing is drawn under the
    row before, for renderers draw both parts of a broken row alike; and
    most records are not framed (in a banded table, Chromium's rest of a row
    between the header's rule and the next row's fill was dropped as a
    heading: a value published short, exit 0).
    """
    filled = [pt for pt in page_tables if pt.rows]
    if not filled:
        return []
    lowest = max(pt.rows[-1].bottom for pt in filled)
    pitch = _cell_pitch(filled)
    alignment = _rows_alignment([row for pt in filled for row in pt.rows])
    # heading rows dropped within pages, or the table's very first row
    has_headings = any(pt.headings for pt in page_tables) or filled[0].rows[0].heading_like
    # framing marks a heading only where most records are not framed too
    # (banded rows, rules between rows): a record's part under the header's
    # rule and above the next row's fill looks framed as well. Records next
    # to filled headings are framed by them (a third of them in a table with
    # a heading for each district; banded, nine in ten)
    records = [row for pt in filled for row in pt.rows if not row.heading_like]
    framed_records = 2 * sum(row.framed for row in records) > len(records)
    rows: list[TableRow] = []
    for prev, pt in zip([None, *filled], filled, strict=False):
        for i, row in enumerate(pt.rows):
            if i == 0 and prev is not None and _continues(prev, pt, row, key, lowest, pitch, alignment):
                if row.heading_like and has_headings:
                    if row.framed and not framed_records and not prev.rows[-1].ruled_below:
                        # a filled heading under a row with nothing drawn
                        # below it: the parts of a broken row are drawn alike
                        continue
                    raise TableReadingError(
                        pt.page,
                        pt.columns[0].header,
                        "the first row is one line like the table's heading rows but may also be the rest of the row before; cannot tell which",
                    )
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
        if row.heading_like:
            # a heading row whose text starts in the first column, which is
            # not the key column: dropped as one, as where it starts in the key
            return False
        named = fresh[0] if full else key
        header = next((c.header for c in pt.columns if c.field == named), None)
        if header is None:
            # the page has no key column at all: a table wider than its paper
            # prints its other columns on pages of their own
            raise TableReadingError(pt.page, pt.columns[0].header, f"the page's header lacks the column every row starts with ({key}), so its rows "
                                    "cannot be told apart; a table wider than the paper printed in parts? Print it to fit the paper's width")
        if full:
            why = "it starts anew here although the first row has no text in the key column"
        else:
            why = "the first row has no text here, but the previous page ends early"
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
    """How the table aligns cells in their rows (see ``alignment_of``), by a
    vote of its rows as read, ruled or not."""
    return alignment_of([line_levels(row.cells) for row in rows])


def _cell_pitch(page_tables: list[PageTable]) -> float:
    """The step between consecutive lines of a cell."""
    steps = [
        b.top - a.top
        for pt in page_tables
        for row in pt.rows
        for lines in row.cells.values()
        for a, b in itertools.pairwise(lines)
        if b.top - a.top > LINE_STEP * a.size
    ]
    return statistics.median(steps) if steps else DEFAULT_LEADING * _font_size(page_tables[0])


def _append(row: TableRow, more: TableRow) -> None:
    for name, lines in more.cells.items():
        row.cells.setdefault(name, []).extend(lines)
        row.printed.setdefault(name, []).extend(more.printed.get(name, []))
    row.pages.extend(more.pages)
