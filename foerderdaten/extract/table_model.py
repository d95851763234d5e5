"""The records of the table reader and the tolerances its steps share.

Split from :mod:`foerderdaten.extract.tables` (which explains the steps) so
that each step module imports what it needs without importing the others.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from foerderdaten.extract.pdfdoc import TextLine
from foerderdaten.extract.textjoin import PrintedLine

# Lines further apart than this many line pitches belong to different rows
# (cells have padding; lines within a cell are one pitch apart).
ROW_GAP = 1.1

# Header words further apart than this many font sizes (with no blank glyph
# between) belong to different columns: wider than any word space.
WORD_GAP = 0.4

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
    # horizontal rulings close above and below it (its borders, or the
    # edges of its fill)
    framed: bool = False
    ruled_below: bool = False  # any horizontal table ruling under it on its page

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
    # column -> its cells' usable right edge as drawn by vertical rulings
    # (see ``table_pages.ruled_edges``), where rulings draw every cell's sides
    ruled: dict[str, float] = field(default_factory=dict)
    aligned: bool = False  # its rows were split by the table's alignment (not at rulings alone)
    paper_bottom: float = float("inf")  # the page's height: where the paper ends (unknown: never)
    ruled_bottom: float = float("-inf")  # its deepest horizontal table ruling (none: -inf)


class TableReadingError(Exception):
    """The table's text cannot be read with certainty; names page and column."""

    def __init__(self, page: int, header: str, what: str):
        super().__init__(f'page {page}, column "{header}": {what}')


@dataclass(frozen=True)
class HeaderCell:
    """The words of one column's header, re-joined, and where they stand."""

    text: str
    x0: float
    x1: float
    top: float


def fold_header(text: str) -> str:
    return re.sub(r"[\s\-\u00ad]+", "", text).lower()
