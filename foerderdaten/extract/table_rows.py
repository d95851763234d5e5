"""Table reading, step 3: the body split into rows, heading rows and page
footers dropped.

See :mod:`foerderdaten.extract.tables` for how the steps fit together.
"""

from __future__ import annotations

import itertools
import re
import statistics
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from operator import attrgetter

from foerderdaten.extract.pdfdoc import BLANK_GAP, SAME_LINE, Char, Ruling, TextLine, group_lines_apart
from foerderdaten.extract.table_header import without_column_gap
from foerderdaten.extract.table_model import DEFAULT_LEADING, DEFAULT_SIZE, HAIR, LINE_STEP, ROUNDING, ROW_GAP, Column, TableRow

# A vertical ruling this close (pt) to a column boundary draws that boundary
# (rulings are drawn as thin rectangles, whose two edges are a stroke apart).
RULING_SNAP = 1.5

# The table's horizontal rulings start at most this many font sizes above
# its header line (the ruling over the header row, above cell padding).
RULING_ABOVE_HEADER = 2

# A horizontal ruling belongs to the table when it covers at least this
# share of the widest ruling's length (shorter ones underline words).
TABLE_RULING_SHARE = 0.5

# A last line this many line pitches below the text above it is a page
# footer, not table body (a row's padding is a fraction of a pitch).
FOOTER_GAP_PITCHES = 4

# A page is ruled as a grid when rulings between columns cross at least
# this share of its rows (banded fills cross every second row only).
GRID_ROWS = 0.6

# A page footer is one of the page's last FOOTER_LINES lines (a line of
# small print may follow it): a cell line that reads like a page number
# ("2024/25" alone on its line, middle-aligned between other columns'
# lines) was taken for one in mid-page, and the rest of its page dropped.
FOOTER_LINES = 2

# "Seite 3 von 19 Seiten", "Seite 3", "- 3 -", "3 / 19"
FOOTER = re.compile(r"^(seite\s+\d+(\s+von\s+\d+(\s+seiten)?)?|-\s*\d+\s*-|\d+\s*/\s*\d+)$", re.IGNORECASE)

_X0 = attrgetter("x0")  # sort keys without a lambda: every character passes


def split_into_rows(by_column: dict[str, list[TextLine]], h_rules: list[Ruling], pitch: float, key: str, alignment: str, how: str) -> list[TableRow]:
    """A page's body (each column's lines, ``lines_by_column``) split into
    rows as ``row_split`` says (``how``): at the table's horizontal
    rulings, else by gaps and the table's ``alignment``
    (``table_alignment``); where the rulings only frame heading rows
    (``_frames_headings_only``), by gaps and alignment between them."""
    all_lines = sorted((line for lines in by_column.values() for line in lines), key=lambda ln: ln.top)
    if not all_lines:
        return []
    separators = sorted({round(r.top, 1) for r in h_rules})
    if how == BY_ALIGNMENT:
        starts = _row_starts_from_alignment(by_column, pitch, key, alignment)
    elif how == BETWEEN_RULINGS:
        starts = _row_starts_from_alignment(by_column, pitch, key, alignment, separators)
    else:
        starts = _row_starts_from_rulings(all_lines, separators)
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


# How a page's body is split into rows (``row_split``).
BY_ALIGNMENT, BETWEEN_RULINGS, AT_RULINGS = "alignment", "alignment between rulings", "rulings"


def row_split(by_column: dict[str, list[TextLine]], h_rules: list[Ruling]) -> str:
    """How ``split_into_rows`` splits a page's body, given the table's
    horizontal rulings: at them (``AT_RULINGS``, whatever the table's
    alignment), by gaps and alignment (``BY_ALIGNMENT``), or so between
    rulings that only frame heading rows (``BETWEEN_RULINGS``)."""
    lines = sorted((line for lines in by_column.values() for line in lines), key=lambda ln: ln.top)
    if not lines:
        return AT_RULINGS  # no rows, whatever the alignment
    separators = sorted({round(r.top, 1) for r in h_rules})
    if not any(s > lines[0].mid_y for s in separators):
        return BY_ALIGNMENT
    if _frames_headings_only(lines, separators):
        return BETWEEN_RULINGS
    return AT_RULINGS


def drop_heading_rows(rows: list[TableRow], columns: list[Column], rulings: list[Ruling], h_rules: list[Ruling], pitch: float) -> list[TableRow]:
    """Rows that are not records: a heading between groups ("Region
    Bautzen") set in a cell merged across the table, or in a table without
    rulings one line of text that starts in the first column and runs on
    without a column gap.

    In a ruled table a heading row is one line of text without a column gap
    that no ruling between columns crosses, wherever it starts: a merged
    cell's text may be centred or right-aligned (a stylesheet that
    right-aligns the first column's numbers right-aligns the heading too;
    such headings had been read as records). A row broken over pages is
    drawn with its borders on both; a row that does have text in several
    columns is a record, whose cells may be drawn as fills without rulings:
    banded rows, where only the filled ones show column edges. Likewise a
    heading framed by horizontal rulings close above and below it (a filled
    heading row in a table without column rulings), wherever its text
    starts. Without column rulings, a page's first row that looks like a
    heading may also be the rest of the previous page's last row: it is
    kept, marked ``heading_like``, and dropped only if it does not continue
    that row (``merge_continued_rows``).
    """
    first = columns[0].field
    inner = [c.x0 for c in columns[1:]]
    boundary_rulings = [r for r in rulings if r.vertical and any(abs(r.x0 - x) <= RULING_SNAP for x in inner)]
    crossed = [any(r.top <= (row.top + row.bottom) / 2 <= r.bottom for r in boundary_rulings) for row in rows]
    one_line = [_one_line_without_gap(row) for row in rows]
    # rulings between the columns of most rows that could be records make
    # a grid; fills of banded rows (every second row) do not
    records = [c for c, s in zip(crossed, one_line, strict=False) if not s]
    grid = bool(records) and sum(records) >= GRID_ROWS * len(records)
    kept = []
    for i, row in enumerate(rows):
        row.framed = _framed(row, h_rules, pitch)
        row.ruled_below = any(r.top >= row.bottom for r in h_rules)
        if grid and not crossed[i] and one_line[i]:
            continue
        if not grid and one_line[i] and (first in row.cells or row.framed):
            if i > 0:
                continue
            row.heading_like = True
        kept.append(row)
    return kept


def _framed(row: TableRow, h_rules: list[Ruling], pitch: float) -> bool:
    """Whether horizontal table rulings lie within a line pitch above and below ``row``."""
    return any(0 <= row.top - r.top <= pitch for r in h_rules) and any(0 <= r.top - row.bottom <= pitch for r in h_rules)


def _one_line_without_gap(row: TableRow) -> bool:
    """One line of text with no gap as wide as one between columns."""
    return _one_line_without_gap_lines([ln for cell in row.cells.values() for ln in cell])


def lines_by_column(chars: list[Char], columns: list[Column]) -> dict[str, list[TextLine]]:
    """Each column's text lines, top to bottom.

    A column's characters are grouped into lines on their own (its lines may
    sit between another column's: cells aligned differently), all columns
    in one pass over the page's characters.
    """
    ordered, names = _assign_columns(chars, columns)
    grouped = group_lines_apart(ordered, names)
    return {column.field: grouped.get(column.field, []) for column in columns}


def _assign_columns(chars: list[Char], columns: list[Column]) -> tuple[list[Char], list[str]]:
    """The characters top to bottom, left to right, and the column of each,
    by its left edge.

    A blank goes with the character before it on its line where it starts
    where that character ends: renderers let a trailing blank hang past the
    cell's edge, and it still tells that the line was wrapped at a space.
    Characters of one line in two font sizes (small capitals) have
    different middles and are ordered apart; the one before a blank in
    that order may then stand in another column, far to its left: such a
    blank goes by its own left edge (it once ended a cell's line with the
    next column's blanks, read as a wrap at a blank: "(- gewinnung").
    """
    ordered: list[Char] = []
    names: list[str] = []
    # every character of the table passes here: plain tuples, no key function
    column_of = _column_finder(columns)
    mids = [(c.top + c.bottom) / 2 for c in chars]
    prev_mid, prev_end, prev_name = None, 0.0, ""
    for _, x0, k in sorted(zip(map(round, mids), map(_X0, chars), range(len(chars)), strict=False)):
        c, mid = chars[k], mids[k]
        if c.text == " " and prev_mid is not None and abs(prev_mid - mid) <= SAME_LINE * c.size and x0 - prev_end <= BLANK_GAP * c.size:
            name = prev_name
        else:
            name = column_of(x0)
        ordered.append(c)
        names.append(name)
        prev_mid, prev_end, prev_name = mid, c.x1, name
    return ordered, names


def _column_finder(columns: list[Column]):
    """x -> the field of the first column with x0 <= x < x1, else of the last column.

    Columns left to right without overlap (the usual case) are found by
    bisection; any other order by trying each in turn, as listed.
    """
    spans = [(col.x0, col.x1, col.field) for col in columns]
    last = columns[-1].field
    ordered = all(a[1] <= b[0] and a[0] <= a[1] for a, b in itertools.pairwise(spans))
    if not ordered:
        return lambda x: next((f for a, b, f in spans if a <= x < b), last)
    starts = [a for a, _, _ in spans]

    def find(x: float) -> str:
        j = bisect_right(starts, x) - 1
        return spans[j][2] if j >= 0 and x < spans[j][1] else last

    return find


# A ruling runs through a line of text when it lies more than this many
# font sizes inside the line's box, away from its top and bottom (the space
# between two lines, or an underline).
ACROSS_TEXT = 0.3


def line_across_rulings(rows: list[TableRow], h_rules: list[Ruling]) -> tuple[str, TextLine] | None:
    """(column, line) of a cell line that a horizontal table ruling runs
    through: the renderer let a cell overflow its row (a spreadsheet whose
    row is too low in print centres the text over both rulings), so which
    row the line belongs to is not certain, and it may be clipped in print."""
    for row in rows:
        for name, lines in row.cells.items():
            for line in lines:
                inside = (line.top + ACROSS_TEXT * line.size, line.bottom - ACROSS_TEXT * line.size)
                if any(inside[0] < r.top < inside[1] for r in h_rules):
                    return name, line
    return None


def _frames_headings_only(lines: list[TextLine], separators: list[float]) -> bool:
    """Whether the horizontal rulings among the body ``lines`` only frame
    heading rows (one line without a column gap between two rulings) and
    separate no records: a table without row borders whose heading rows
    are filled ("Region Bautzen" on grey). Read as rows, the records
    between two headings were one row ("Chemnitz Chemnitz Chemnitz",
    refused by the self-checks)."""
    bands: dict[float, list[TextLine]] = {}
    for line in lines:
        start = max((s for s in separators if s <= line.mid_y), default=None)
        if start is not None:
            bands.setdefault(start, []).append(line)
    headings = {start for start, band in bands.items() if _one_line_without_gap_lines(band)}
    closing = {next((s for s in separators if s > start), None) for start in headings}
    inner = [s for s in separators if lines[0].mid_y < s < lines[-1].mid_y]
    return bool(headings) and all(s in headings or s in closing for s in inner)


def _one_line_without_gap_lines(lines: list[TextLine]) -> bool:
    if any(abs(ln.top - lines[0].top) > SAME_LINE * ln.size for ln in lines):
        return False
    return without_column_gap([c for ln in lines for c in ln.chars])


def _row_starts_from_rulings(lines: list[TextLine], separators: list[float]) -> list[float]:
    """Rows are the bands between horizontal rulings that hold text."""
    return sorted({max((s for s in separators if s <= line.mid_y), default=lines[0].top) for line in lines})


def _row_starts_from_alignment(by_column: dict[str, list[TextLine]], pitch: float, key: str, alignment: str,
                               cuts: Sequence[float] = ()) -> list[float]:
    """Row starts in a table without rulings between its records (``cuts``:
    the rulings that frame heading rows, where rows start too).

    A gap wider than a line pitch always separates rows (cells have
    padding). Rows set closer are told apart by how the cells are aligned,
    which is read from the rows that gaps do separate, on all pages of the
    table (``table_alignment``): top-aligned cells all start on a row's
    first line, bottom-aligned ones (a spreadsheet's default) all end on
    its last line.

    * top: a row starts on a line where the key column has text and either
      had none on the line before, or another column starts text there
      after having none on the line before;
    * bottom, the mirror image: a row ends on a line where the key column
      has text and either has none on the next line, or another column ends
      there;
    * middle (neither): only gaps separate rows.
    """
    starts: list[float] = []
    blocks = row_blocks(by_column, pitch, cuts)
    for b, block in enumerate(blocks):
        starts.append(block[0][0] - ROUNDING)
        top_set = _top_set_from(block, key, b == 0, b == len(blocks) - 1) if alignment == "bottom" else len(block)
        for i, ((_top, present), (next_top, following)) in enumerate(itertools.pairwise(block)):
            if alignment == "top" and key in following and (key not in present or following - present):
                starts.append(next_top - ROUNDING)
            elif alignment == "bottom" and i < top_set and key in present and (key not in following or present - following):
                starts.append(next_top - ROUNDING)
    return starts


def _top_set_from(block: list[tuple[float, set[str]]], key: str, first: bool, last: bool) -> int:
    """Where the block's last levels are a row set from the top in a
    bottom-aligned table, else ``len(block)``: from a level that holds every
    column of the levels below it, the key column's lines first and none
    after them, while the last level lacks a column. Chromium sets both
    parts of a bottom-aligned row it breaks across pages so: in the page's
    last block (``last``) from any level, in its ``first`` from the top.
    Read by the bottom rule, the part's first line was a row and the rest a
    row without a key."""
    for start in range(len(block) - 1 if last else 1 if first else 0):
        rest = block[start:]
        columns = set().union(*(present for _, present in rest))
        with_key = [key in present for _, present in rest]
        run = with_key.index(False) if False in with_key else len(with_key)
        if rest[0][1] == columns and with_key[0] and not any(with_key[run:]) and rest[-1][1] != columns:
            return start
    return len(block)


def row_blocks(by_column: dict[str, list[TextLine]], pitch: float, cuts: Sequence[float] = ()) -> list[list[tuple[float, set[str]]]]:
    """A page's body lines as levels (``line_levels``), in blocks that gaps
    wider than a line pitch or horizontal rulings at ``cuts`` separate
    (each one row or more)."""
    return _blocks(line_levels(by_column), pitch, cuts)


def _blocks(levels: list[tuple[float, set[str]]], pitch: float, cuts: Sequence[float] = ()) -> list[list[tuple[float, set[str]]]]:
    """Levels split where the gap to the next is wider than a line pitch,
    or a ruling lies between them."""
    blocks: list[list[tuple[float, set[str]]]] = []
    for level in levels:
        if blocks and level[0] - blocks[-1][-1][0] <= ROW_GAP * pitch and not any(blocks[-1][-1][0] < y <= level[0] for y in cuts):
            blocks[-1].append(level)
        else:
            blocks.append([level])
    return blocks


def alignment_of(blocks: list[list[tuple[float, set[str]]]]) -> str:
    """"top", "bottom" or "middle": how cells sit in their rows, by a vote of
    the blocks whose columns do not all span the same lines: a block whose
    columns all start on its first line votes top, all end on its last line
    bottom, neither middle. Middle-aligned blocks vote too: a row broken at
    a page's foot starts all its columns together there, and where that one
    vote outweighed none, a middle-aligned table was split as a top-aligned
    one, a row at every line where its key column set in (random browser
    layouts of the annexes, exit 0). Ties go to top, then bottom."""
    return alignment_by(alignment_votes(blocks))


def alignment_votes(blocks: list[list[tuple[float, set[str]]]]) -> Counter[str]:
    """The votes of ``blocks`` for ``alignment_by`` (see ``alignment_of``);
    votes of several pages add up. "lines" counts blocks of more than one
    level."""
    votes: Counter[str] = Counter(top=0, bottom=0, middle=0, lines=0)
    for block in blocks:
        columns = set().union(*(present for _, present in block))
        starts_together = block[0][1] == columns
        ends_together = block[-1][1] == columns
        if not (starts_together and ends_together):
            votes["top" if starts_together else "bottom" if ends_together else "middle"] += 1
        votes["lines"] += len(block) > 1
    return votes


def alignment_by(votes: Counter[str]) -> str:
    """The alignment ``votes`` (``alignment_votes``) elect."""
    cast = {name: votes[name] for name in ("top", "bottom", "middle")}
    if not any(cast.values()):
        return "middle" if votes["lines"] else "top"
    return max(cast, key=lambda name: cast[name])  # dicts keep order: a tie goes to the first


def line_levels(by_column: dict[str, list[TextLine]]) -> list[tuple[float, set[str]]]:
    """Text lines of all columns merged into levels: (top, columns present)."""
    items = sorted((line.top, line.size, name) for name, lines in by_column.items() for line in lines)
    levels: list[tuple[float, set[str]]] = []
    for top, size, name in items:
        if levels and top - levels[-1][0] <= SAME_LINE * size:
            levels[-1][1].add(name)
        else:
            levels.append((top, {name}))
    return levels


def _page_number(text: str) -> bool:
    """Whether ``text`` is a page number ("Seite 3 von 19", "- 3 -", "3 / 19"):
    of two numbers, the first is the smaller ("2024/25" is a school year)."""
    found = FOOTER.match(text.strip())
    if found is None:
        return False
    numbers = [int(n) for n in re.findall(r"\d+", found.group(0))]
    return len(numbers) < 2 or numbers[0] <= numbers[1]


# A paragraph's next line lies less than this many font sizes below a line
# (line pitches are 1-1.5 sizes); looking further finds other paragraphs.
PITCH_SEARCH = 2.5


def line_pitch(lines: list[TextLine]) -> float:
    """The usual distance between consecutive lines of one paragraph
    (``line_steps``), the most common step."""
    return pitch_of(line_steps(lines))


def pitch_of(steps: list[float]) -> float:
    """The most common of ``steps`` (``line_steps``, of one page or of all a table's pages)."""
    if not steps:
        return DEFAULT_LEADING * DEFAULT_SIZE
    return statistics.mode(steps)


def most_common_step(steps: Counter[float]) -> float:
    """``pitch_of`` the steps counted in ``steps`` (counted in order: the
    first counted of equally common steps, as ``statistics.mode``)."""
    if not steps:
        return DEFAULT_LEADING * DEFAULT_SIZE
    return max(steps.items(), key=lambda item: item[1])[0]


def line_steps(lines: list[TextLine]) -> list[float]:
    """Steps from each line (``lines`` top to bottom) to the next one below
    it that shares part of its width. Lines of other columns may lie in
    between (middle- or bottom-aligned cells set them at other heights):
    taking them for the next line gave half the pitch, and a header's first
    line ("Nr." over "der" / "RL") then fell out of the header band."""
    gaps = []
    for i, line in enumerate(lines):
        for below in itertools.islice(lines, i + 1, None):
            step = below.top - line.top
            if step > PITCH_SEARCH * line.size:
                break
            if step > LINE_STEP * line.size and min(line.x1, below.x1) > max(line.x0, below.x0):
                gaps.append(round(step, 1))
                break
    return gaps


def horizontal_rulings(rulings: list[Ruling], header_line: TextLine) -> list[Ruling]:
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


def drop_footer(chars: list[Char], lines: list[TextLine], pitch: float) -> list[Char]:
    """Drop page footers: lines like "Seite 3 von 19" and what lies below them
    or far below the table body.

    ``lines`` are the page's lines under the header, the lines ``chars`` are
    printed as: the header ends between two lines, so grouping the body's
    characters again would give the same lines (and cost a full pass a page).
    """
    keep_until = float("inf")
    for i, line in enumerate(lines):
        if i >= len(lines) - FOOTER_LINES and _page_number(line.text):
            keep_until = min(keep_until, line.top)
        elif i > 0 and line.top - lines[i - 1].bottom > FOOTER_GAP_PITCHES * pitch and i == len(lines) - 1:
            keep_until = min(keep_until, line.top)
    if keep_until == float("inf"):
        return chars  # no footer: nothing to drop
    return [c for c in chars if c.top < keep_until - HAIR]
