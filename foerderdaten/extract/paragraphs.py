"""Letters: the text layout of a page -> paragraphs and tab-list rows.

A sibling of ``tables.py`` for text that is set as a letter, not as a
table. It knows nothing of what the letter says: what makes a paragraph a
heading (it starts a paragraph of its own and is never a list row) is
passed in by the caller (``Heading``; landtag.py passes questions and
answer headings). How the structure is found, from the text's geometry
relative to itself, never from the positions of one rendering:

* **Body text** is the characters in the letter's most common font size;
  smaller print (letterhead sidebar, return address, footnotes) is not
  content, except runs of one or two characters such as footnote markers.
* **Cells**: a line is cut at a gap between words wider than
  ``COLUMN_GAP_EM`` font sizes and ``COLUMN_GAP_RATIO`` times the line's
  narrowest word gap (a tab widens one gap; justification widens all), and
  where a line that writes its blanks as glyphs moves the pen further than
  its glyphs account for (a tab that ends just behind the text before it,
  ``HIDDEN_TAB_EM``).
* **Line pitch**: the smallest step between neighbouring lines that many of
  them take (steps less than ``STEP_TOLERANCE`` apart are one step), not
  the most common one: where paragraphs are short, the paragraph step is.
* **Wrapped lines**: a line (or a cell) wrapped when the next line's first
  word, a blank before it, would not have fitted behind its last printed
  character (against that page's right margin, measured from its wrapped
  lines, or the column's right edge, measured from its widest cell; a
  blank hanging past the margin does not count). Where the document shows
  more, it must agree: in justified text a wrapped line reaches the
  margin, and where the document writes a blank at the end of wrapped
  lines, a wrapped line has one (unless no blank fits behind it).
* **Paragraphs**: a step between lines clearly larger than the line pitch
  starts a paragraph, and so does a heading, by its wording (the caller's
  ``Heading``). Across a page break a paragraph goes on only if its last
  line wrapped. Where the document shows no sign of its wrapped lines
  (ragged, no blank at their ends, or a line that fills the page to within
  a blank's width, where LibreOffice leaves the blank out), a page's last
  line that ends a sentence
  and nearly fills the line, before a line starting with a capital, may as
  well end its paragraph: the block records the doubt (``Block.doubt``),
  and the caller refuses it where it reads the block. A line that ends
  early although the next follows at line step (``ends_early``: paragraphs
  without spacing, or a line break) stays in its paragraph; the caller
  decides what it means where it reads the block. A footnote (a
  paragraph starting with a superscript number, or a number in small
  print) ends at its page and is set aside; the text goes on around it.
* **Tab lists**: a paragraph whose first line has several cells is a list
  row ("Welcome Center Bautzen ⇥ Landkreis Bautzen"). A further line of
  several cells continues the row (a table without borders whose cells
  all wrap) if each of its cells starts under a cell that wrapped, where
  blanks at wrapped line ends or spacing between the rows tell such a row
  from a row that only happens to fill its columns; where neither does,
  such a line is ambiguous (``Block.doubt``). A single-cell line
  that starts back at the row's left edge continues the cell where the
  line broke off (the last one) if that cell wrapped and the list does not
  show that it wraps its cells in their columns; else the first column,
  if it fits in that column: a line at the row's left edge that runs
  across the columns below a row that did not wrap starts a paragraph (the
  next lead-in, after a list without spacing). Any other line continues
  the column it starts under. Next to such rows,
  a paragraph whose first line did not wrap, or inside a list any
  paragraph, is a row whose last cell the tab pushed onto the next line.
  A heading is never a list row, whatever its layout (a tab after
  "Frage 4:", a first line that ends early).

Raw values are the document's text, re-joined across lines with
``textjoin.join_cell_lines``; nothing is corrected here.

Why one module of ~650 lines: paragraphs and list rows are found with the
same measures (``Layout``) and the same test of whether a line or cell
wrapped; split apart, each half would need the other's internals.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import groupby, pairwise

from foerderdaten.extract.pdfdoc import Char, Page, TextLine, chars_to_text
from foerderdaten.extract.textjoin import first_word_width, join_cell_lines

# Characters smaller than this share of the body size are small print.
SMALL_PRINT = 0.85
# Small print this short (after stripping) is a marker ("¹") and stays.
MARKER_MAX_CHARS = 2
# A gap between two characters wider than this many font sizes is a word gap.
WORD_GAP_EM = 0.15
# A word gap wider than this many font sizes, and wider than COLUMN_GAP_RATIO
# times the line's narrowest word gap, separates cells.
COLUMN_GAP_EM = 0.8
COLUMN_GAP_RATIO = 2.5
# A tab whose stop lies just behind the text before it moves the pen by less
# than a word gap (a word processor goes on to the next stop only when the
# text reaches past one). Where the line writes its blanks as glyphs, such a
# move shows all the same: the pen jumps by more than this many font sizes
# beyond what the blank glyphs in between account for, and beyond the
# line's other word gaps (justification widens each of them alike; kerning
# moves the pen by less, mostly backwards).
HIDDEN_TAB_EM = 0.1
# A step between lines larger than this many usual line pitches starts a paragraph.
PARAGRAPH_STEP = 1.3
# Steps between lines that differ by less than this (pt) are the same step:
# positions are rounded when the PDF is written.
STEP_TOLERANCE = 0.5
# The line pitch is the smallest step taken by at least this share of the
# neighbouring lines (and by two of them at least).
PITCH_MIN_SHARE = 0.1
# A line ending less than this many font sizes before its page's right
# margin reaches the margin (justified lines end exactly there).
EDGE_TOLERANCE_EM = 0.1
# A document is justified, or writes a blank at the end of wrapped lines,
# when at least this share of its wrapped lines do.
MOST_LINES = 0.8
# Width of a blank, in font sizes, where a line shows none to measure.
BLANK_EM = 0.25
# How much of a line to quote in a refusal.
QUOTE_CHARS = 30

_PAGE_NUMBER = re.compile(r"^(?:Seite\s+\d+(?:\s+von\s+\d+)?|[-–]\s*\d+\s*[-–])$")
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s")
# A sentence's end: a full stop, colon, question or exclamation mark, maybe
# followed by closing quotes or brackets; and the start of a sentence.
_SENTENCE_END = re.compile(r"[.:?!][\"“”»«)\]]*$")
_SENTENCE_START = re.compile(r"^[\"„“»«(]*[A-ZÄÖÜ0-9]")
# Marks that close a word ("(SSOE)", "„Welcome Center“").
_CLOSING_MARKS = ")]\"“”»"

# Whether a paragraph is a heading, from its first line and its whole text:
# it starts a paragraph of its own and is never a list row. While lines are
# grouped into paragraphs it is asked about each line alone (both arguments
# that line).
Heading = Callable[[str, str], bool]


def quote(text: str) -> str:
    """The start of ``text``, to name a line in a message."""
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1].rstrip() + "…"


def quote_end(text: str) -> str:
    """The end of ``text`` from a word's start, to name a line by its end."""
    text = " ".join(text.split())
    if len(text) <= QUOTE_CHARS:
        return text
    end = text[-QUOTE_CHARS:]
    return "…" + end[end.find(" ") + 1:]


# --------------------------------------------------------------------------
# Pages -> lines -> blocks


@dataclass(frozen=True, slots=True)
class Cell:
    """A run of a line between two column gaps."""

    text: str  # keeps a trailing blank where the PDF has one
    x0: float
    x1: float  # end of the last printed character, a trailing blank not counted
    chars: tuple[Char, ...]

    @property
    def ends_as_wrapped(self) -> bool:
        """Ends with a blank, as renderers leave one where they wrap, or with
        a hyphen (a word broken after its hyphen leaves no blank)."""
        return self.text.endswith(" ") or self.text.rstrip().endswith("-")


@dataclass(frozen=True, slots=True)
class Line:
    page: int
    line: TextLine
    cells: tuple[Cell, ...]

    @property
    def text(self) -> str:
        """The whole line as printed, a trailing blank kept (cells joined by one blank)."""
        return self.line.text

    @property
    def stripped(self) -> str:
        return self.line.text.strip()

    @property
    def ink_x1(self) -> float:
        """Where the last printed character ends: a blank written at the end
        of a wrapped line may hang past the margin, so it does not count."""
        return self.cells[-1].x1

    @property
    def ends_with_blank(self) -> bool:
        return not self.line.chars[-1].text.strip()


@dataclass(slots=True)
class Block:
    """A paragraph, or one row of a tab list with its wrapped lines."""

    lines: list[Line] = field(default_factory=list)
    row: tuple[str, ...] | None = None  # the cells' texts if the block is a list row
    # where the layout allows another reading of the block, nothing on the
    # page telling which is right: (page, what), for the caller to refuse
    doubt: tuple[int, str] | None = None

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def text(self) -> str:
        return join_cell_lines(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class Layout:
    """What the letter's pages have in common: body font size, left margin,
    line pitch; each page's right margin (a sidebar may narrow page 1); the
    right edges of the columns of tab lists; and how wrapped lines end: at
    the margin (justified text), with a blank."""

    body_size: float
    left: float
    pitch: float
    right_by_page: dict[int, float]
    # (start of a column, start of the next column) -> right edge of the first
    column_edges: dict[tuple[int, int], float] = field(default_factory=dict)
    justified: bool = False
    wrap_blanks: bool = False

    def right(self, page: int) -> float:
        return self.right_by_page.get(page, max(self.right_by_page.values()))

    def column_edge(self, cell: Cell, next_cell: Cell) -> float:
        return self.column_edges.get(_column_key(cell, next_cell), next_cell.x0 - COLUMN_GAP_EM * self.body_size)


@dataclass(frozen=True, slots=True)
class LetterText:
    """What the reader found on the letter's pages."""

    lines: list[Line]  # every body line, in reading order
    blocks: list[Block]  # paragraphs and list rows, in reading order
    footnotes: list[Block]  # paragraphs starting with a footnote number: not content
    layout: Layout  # what the pages have in common, to ask where lines ended (ends_early)


def read_text(pages: list[Page], heading: Heading) -> LetterText:
    """The letter's body lines, paragraphs and list rows in reading order."""
    size = body_size(pages)
    lines = [line for page in pages for line in body_lines(page, size)]
    layout = measure_layout(lines, size)
    blocks = paragraphs(lines, layout, heading)
    footnotes = [block for block in blocks if _is_footnote(block.lines[0])]
    blocks = join_wrapped_rows([block for block in blocks if not _is_footnote(block.lines[0])], layout, heading)
    mark_list_rows(blocks, layout, heading)
    return LetterText(lines, blocks, footnotes, layout)


def body_size(pages: list[Page]) -> float:
    """The most common font size of the printed characters."""
    sizes = Counter(round(c.size, 1) for page in pages for c in page.chars if c.text.strip())
    return sizes.most_common(1)[0][0]


def body_lines(page: Page, size: float) -> list[Line]:
    """The page's lines without small print and page numbers, cut into cells."""
    chars = [c for c in page.chars if c.size >= SMALL_PRINT * size]
    small = [c for c in page.chars if c.size < SMALL_PRINT * size]
    for line in page.lines(small):
        if len(line.text.strip()) <= MARKER_MAX_CHARS:
            chars.extend(line.chars)
    lines = [Line(page.number, line, split_cells(line)) for line in page.lines(chars)]
    return [line for line in lines if not _PAGE_NUMBER.match(line.stripped)]


def split_cells(line: TextLine) -> tuple[Cell, ...]:
    """The line cut at column gaps (see the module docstring)."""
    ink = [c for c in line.chars if c.text.strip()]
    gaps = [b.x0 - a.x1 for a, b in pairwise(ink)]
    word_gaps = [gap for gap, char in zip(gaps, ink, strict=False) if gap > WORD_GAP_EM * char.size]
    # a single gap has nothing to be compared with: the absolute width decides
    narrowest = min(word_gaps) if len(word_gaps) > 1 else 0.0

    def is_column_gap(gap: float, size: float) -> bool:
        return gap > COLUMN_GAP_EM * size and gap > COLUMN_GAP_RATIO * narrowest

    hidden = _hidden_tabs(line.chars)
    groups: list[list[Char]] = [[]]
    last_ink: Char | None = None
    for i, char in enumerate(line.chars):
        if char.text.strip():
            if last_ink is not None and (i in hidden or is_column_gap(char.x0 - last_ink.x1, max(char.size, last_ink.size))):
                groups.append([])
            last_ink = char
        groups[-1].append(char)
    cells = []
    for group in groups:
        group_ink = [c for c in group if c.text.strip()]
        if group_ink:
            cells.append(Cell(chars_to_text(group), group_ink[0].x0, max(c.x1 for c in group_ink), tuple(group)))
    return tuple(cells)


def _hidden_tabs(chars: tuple[Char, ...]) -> set[int]:
    """Indices of the ink characters that a tab narrower than a word gap put
    apart from the ink before them (``HIDDEN_TAB_EM``). Only a line that
    writes blank glyphs shows them: where no blank is written, the gap alone
    is all there is, and split_cells() measures it."""
    moves: list[tuple[int, float, bool]] = []  # (index, pen move beyond the blank glyphs, any blank glyph)
    last_ink: Char | None = None
    blanks, blank_count = 0.0, 0
    for i, char in enumerate(chars):
        if not char.text.strip():
            blanks += char.x1 - char.x0
            blank_count += 1
            continue
        if last_ink is not None:
            moves.append((i, char.x0 - last_ink.x1 - blanks, blank_count > 0))
        last_ink, blanks, blank_count = char, 0.0, 0
    word_gaps = sorted((move, i) for i, move, has_blank in moves if has_blank)
    if not word_gaps:
        return set()

    def usual(i: int) -> float:
        """The narrowest move of the line's other word gaps (a tab may be the only one)."""
        others = [move for move, j in word_gaps[:2] if j != i]
        return max(0.0, others[0]) if others else 0.0

    return {i for i, move, _ in moves if move - usual(i) > HIDDEN_TAB_EM * chars[i].size}


def measure_layout(lines: list[Line], size: float) -> Layout:
    """Left margin (most common line start), line pitch, each page's right
    margin (the end of its widest wrapped line; letterhead lines may reach
    further), the columns' right edges, and whether wrapped lines are
    justified or end with a blank."""
    left = Counter(round(line.line.x0) for line in lines).most_common(1)[0][0]
    pitch = line_pitch(lines, size)
    wrapped = _wrapped_lines(lines, pitch)
    right_by_page: dict[int, float] = {}
    for line in wrapped:
        right_by_page[line.page] = max(right_by_page.get(line.page, 0.0), line.ink_x1)
    if not right_by_page:  # no wrapped line at all: the widest line
        right_by_page = {lines[0].page: max(line.ink_x1 for line in lines)}
    layout = Layout(size, left, pitch, right_by_page, column_edges(lines))
    return replace(
        layout,
        justified=_most(wrapped, lambda line: _reaches_margin(line, layout)),
        wrap_blanks=_most(wrapped, lambda line: line.ends_with_blank),
    )


def line_pitch(lines: list[Line], size: float) -> float:
    """The step between the lines of a paragraph: the smallest step that
    many neighbouring lines take.

    Not the most common step: where most paragraphs and list rows are one
    line long, the step between paragraphs is more common. Steps closer
    than ``STEP_TOLERANCE`` are one step, so that rounded positions
    (12.35 pt printed as 12.3 and 12.4) do not split it.
    """
    steps = sorted(
        _step(a, b) for a, b in pairwise(lines) if a.page == b.page and 0 < _step(a, b) < 2 * size
    )
    for group in _close_groups(steps, STEP_TOLERANCE):
        if len(group) >= max(2, PITCH_MIN_SHARE * len(steps)):
            return group[len(group) // 2]
    return 1.2 * size


def column_edges(lines: list[Line]) -> dict[tuple[int, int], float]:
    """The right edge of each column that another column follows: where its
    widest cell ends (as the page's right margin is where its widest wrapped
    line ends). A column is known by its start and the next column's start."""
    edges: dict[tuple[int, int], float] = {}
    for line in lines:
        for cell, next_cell in zip(line.cells, line.cells[1:], strict=False):
            key = _column_key(cell, next_cell)
            edges[key] = max(edges.get(key, 0.0), cell.x1)
    return edges


def _column_key(cell: Cell, next_cell: Cell) -> tuple[int, int]:
    return round(cell.x0), round(next_cell.x0)


def _close_groups(values: list[float], tolerance: float) -> list[list[float]]:
    """Sorted ``values`` cut where two neighbours differ by more than ``tolerance``."""
    groups: list[list[float]] = []
    for value in values:
        if groups and value - groups[-1][-1] <= tolerance:
            groups[-1].append(value)
        else:
            groups.append([value])
    return groups


def _wrapped_lines(lines: list[Line], pitch: float) -> list[Line]:
    """Lines of one cell followed by a line of the same paragraph: they
    ended because they were full (a few letterhead and heading lines that
    are not wrapped come along)."""
    return [
        a for a, b in pairwise(lines)
        if a.page == b.page and len(a.cells) == 1 and _step(a, b) <= PARAGRAPH_STEP * pitch
    ]


def _most(lines: list[Line], predicate: Callable[[Line], bool]) -> bool:
    """Whether at least the share ``MOST_LINES`` of ``lines`` fulfil ``predicate``."""
    return bool(lines) and sum(1 for line in lines if predicate(line)) >= MOST_LINES * len(lines)


def _reaches_margin(line: Line, layout: Layout) -> bool:
    return layout.right(line.page) - line.ink_x1 < EDGE_TOLERANCE_EM * layout.body_size


def paragraphs(lines: list[Line], layout: Layout, heading: Heading) -> list[Block]:
    """Group lines into blocks (paragraphs, footnotes and list rows).

    A footnote is a block of its own that ends with its page; the text
    around it goes on as if it were not there (a paragraph that fills page 1
    down to the footnote goes on at the head of page 2)."""
    blocks: list[Block] = []
    text: Block | None = None  # the block the text goes on in
    note: Block | None = None  # the footnote being read
    for line in lines:
        if note is not None and line.page == note.page and not _starts_block(note.lines[-1], line, layout, heading):
            note.lines.append(line)
            continue
        note = None
        if _is_footnote(line):
            note = Block([line])
            blocks.append(note)
            continue
        if text is None or (_starts_block(text.lines[-1], line, layout, heading) and not _name_goes_on(text, line, layout, heading)):
            text = Block()
            blocks.append(text)
        elif text.lines[-1].page != line.page and not text.doubt:
            text.doubt = _page_end_doubt(text.lines[-1], line, layout)
        text.lines.append(line)
    return blocks


def _is_footnote(line: Line) -> bool:
    """A line that starts with a footnote number: a superscript digit
    ("¹ …"), or a digit in small print (a raised "1" before text in body
    size). Inside the text a marker follows its word, so no other line
    starts with one."""
    ink = [c for c in line.line.chars if c.text.strip()]
    small_number = ink[0].text.isdigit() and ink[0].size < SMALL_PRINT * line.line.size and len(ink) > 1
    return small_number or bool(_FOOTNOTE.match(line.stripped))


def _starts_block(prev: Line, line: Line, layout: Layout, heading: Heading) -> bool:
    # a line of several cells starts a list row (join_wrapped_rows() puts
    # back together a row both of whose cells wrapped); a heading is known
    # by its wording, even where the line above seems to go on into it (at
    # the head of a page)
    if len(line.cells) > 1 or heading(line.stripped, line.stripped):
        return True
    if prev.page != line.page:
        return not _continues_over_page(prev, line, layout)
    if len(prev.cells) > 1 and not _goes_on_in_row(prev, line, layout):
        return True
    return _step(prev, line) > PARAGRAPH_STEP * layout.pitch


def _name_goes_on(block: Block, line: Line, layout: Layout, heading: Heading) -> bool:
    """Whether a line of several cells goes on with the paragraph above as
    its first cell: a list row whose first cell is too long for a line
    ("Servicestelle … Nestbauzentrale" ⏎ "Mittelsachsen ⇥ Landkreis
    Mittelsachsen"). The paragraph so far has one cell per line and wrapped
    into the line at line step (by the room behind it, and its blank where
    the document writes them: a list may be set ragged in a justified
    letter), and is neither a heading nor a list's lead-in (which ends with
    a colon, and may fill its line); no word of it starts where a later cell
    of the line does (``_word_starts_at``)."""
    prev = block.lines[-1]
    return (
        len(line.cells) > 1 and all(len(above.cells) == 1 for above in block.lines)
        and prev.page == line.page and _step(prev, line) <= PARAGRAPH_STEP * layout.pitch
        and not prev.stripped.endswith(":") and not heading(line.stripped, line.stripped)
        and not _is_heading(block, heading) and _last_cell_wrapped(prev, line.line.chars, layout)
        and not any(_word_starts_at(above, cell.x0) for above in block.lines for cell in line.cells[1:])
    )


def _word_starts_at(line: Line, x: float) -> bool:
    """Whether a word of ``line`` starts at ``x`` (to rounding): in a table
    without borders whose first cell fills its column, the next column's
    text follows after a mere blank, and only its start tells it (the line
    is then a row of its own, not a first cell's wrapped line)."""
    chars = line.line.chars
    return any(
        char.text.strip() and abs(char.x0 - x) <= STEP_TOLERANCE and (i == 0 or not chars[i - 1].text.strip())
        for i, char in enumerate(chars)
    )


def _goes_on_in_row(prev: Line, line: Line, layout: Layout) -> bool:
    """Whether a line of one cell under a list row's line can go on with the
    row: as the rest of its last cell (which wrapped back to the margin), or
    inside one of its columns (a cell wrapping in its column ends before the
    next column starts). A paragraph after a list without spacing does
    neither: it runs across the columns below a row that did not wrap."""
    cell = line.cells[0]
    inside_column = any(
        abs(cell.x0 - above.x0) < layout.body_size and cell.x1 < following.x0
        for above, following in pairwise(prev.cells)
    )
    return inside_column or abs(cell.x0 - prev.cells[0].x0) >= layout.body_size or _last_cell_wrapped(prev, line.line.chars, layout)


def ends_early(prev: Line, line: Line, layout: Layout) -> bool:
    """Whether ``prev`` is a line of one cell that ended before it was full
    although ``line`` follows it at line step on its page: the end of a
    paragraph that the document does not set apart by spacing (or a line
    break), which paragraphs() cannot see, as it starts a paragraph only at a
    larger step. By the room behind it alone: a blank that a renderer writes
    at other wraps is left out where the text fills the line exactly."""
    return (
        prev.page == line.page and len(prev.cells) == 1
        and _step(prev, line) <= PARAGRAPH_STEP * layout.pitch
        and _cell_room(prev, 0, layout) >= _blank_width(prev) + first_word_width(line.line.chars)
    )


def _step(prev: Line, line: Line) -> float:
    return line.line.top - prev.line.top


def _continues_over_page(prev: Line, line: Line, layout: Layout) -> bool:
    """A paragraph goes on over a page break when its last line wrapped, or
    fills the page's line so that the blank at its end was left out."""
    if len(prev.cells) > 1 or abs(line.line.x0 - layout.left) > layout.body_size:
        return False
    return _line_wrapped(prev, line, layout) or (not layout.justified and _blank_left_out(prev, layout))


def _page_end_doubt(prev: Line, line: Line, layout: Layout) -> tuple[int, str] | None:
    """Whether a paragraph that goes on over a page break might as well have
    ended there: where the document shows no sign of its wrapped lines
    (ragged, no blank at their ends), the room left behind the page's last
    line is the only sign; if that line also ends a sentence and the next
    page starts with a capital, a paragraph that ended there looks the same.
    """
    if layout.justified:
        return None
    if layout.wrap_blanks and not _blank_left_out(prev, layout):
        return None  # the blank at its end, or the room for one left empty, tells
    if not (_SENTENCE_END.search(prev.stripped) and _SENTENCE_START.match(line.stripped)):
        return None
    return prev.page, (
        f'the page\'s last line "{quote_end(prev.stripped)}" may end its paragraph or go on with '
        f'"{quote(line.stripped)}" on page {line.page}: ragged text without blanks at line ends does not tell'
    )


# --------------------------------------------------------------------------
# Where a line or cell ended because it was full


def _line_wrapped(prev: Line, line: Line, layout: Layout) -> bool:
    """Whether ``prev`` ended because it was full, so that ``line`` goes on
    with its text: in justified text it reaches the margin (the last line
    of a paragraph is not stretched), and its last cell wrapped."""
    if layout.justified and not _reaches_margin(prev, layout):
        return False
    return _last_cell_wrapped(prev, line.line.chars, layout)


def _cell_wrapped(line: Line, i: int, next_chars: tuple[Char, ...], layout: Layout) -> bool:
    """Whether cell ``i`` of ``line`` wrapped before the text ``next_chars``
    goes on: the first word of it would not have fitted behind the cell
    and, where the document writes a blank at the end of wrapped lines, the
    cell ends with one."""
    if layout.wrap_blanks and not line.cells[i].ends_as_wrapped:
        return False
    return _cell_room(line, i, layout) < _blank_width(line) + first_word_width(next_chars)


def _blank_left_out(line: Line, layout: Layout) -> bool:
    """Whether a line of one cell that ends without the blank the document
    writes at the end of wrapped lines had no room for it: LibreOffice
    leaves it out where the text fills the page's line to within a blank's
    width. (Not asked of list cells: a column's right edge is measured at
    its widest cell, which thus always seems to fill it.)"""
    return (
        layout.wrap_blanks and len(line.cells) == 1 and not line.cells[0].ends_as_wrapped
        and _cell_room(line, 0, layout) < _blank_width(line)
    )


def _last_cell_wrapped(line: Line, next_chars: tuple[Char, ...], layout: Layout) -> bool:
    return _cell_wrapped(line, len(line.cells) - 1, next_chars, layout)


def _cell_room(line: Line, i: int, layout: Layout) -> float:
    """Room behind cell ``i`` of ``line``: up to its column's right edge, or
    to the page's right margin behind the last cell."""
    cells = line.cells
    end = layout.column_edge(cells[i], cells[i + 1]) if i + 1 < len(cells) else layout.right(line.page)
    return end - cells[i].x1


def _blank_width(line: Line) -> float:
    """The width of a blank on ``line``: of a blank glyph where the PDF has
    one, else of the narrowest gap between two words of a cell
    (justification only widens them)."""
    blanks = [c.x1 - c.x0 for c in line.line.chars if not c.text.strip() and c.x1 > c.x0]
    if blanks:
        return min(blanks)
    gaps = [gap for cell in line.cells for gap in _word_gaps(cell.chars)]
    return min(gaps) if gaps else BLANK_EM * line.line.size


def _word_gaps(chars: tuple[Char, ...]) -> list[float]:
    ink = [c for c in chars if c.text.strip()]
    return [b.x0 - a.x1 for a, b in pairwise(ink) if b.x0 - a.x1 > WORD_GAP_EM * b.size]


# --------------------------------------------------------------------------
# Tab lists and tables without borders


def _starts_row(block: Block, heading: Heading) -> bool:
    """A block one of whose lines has several cells (the first, or the
    first after its first cell's wrapped lines, ``_name_goes_on``), unless
    it is a heading: a heading may have a tab after its label ("Frage 4: ⇥
    Welche …") but is never a list row."""
    return _cells_line(block) is not None and not _is_heading(block, heading)


def _cells_line(block: Block) -> int | None:
    """The index of the block's first line of several cells, if the lines
    before it have one cell each (paragraphs() joins such lines only to a
    row's first cell)."""
    for i, line in enumerate(block.lines):
        if len(line.cells) > 1:
            return i
    return None


def _is_heading(block: Block, heading: Heading) -> bool:
    return heading(block.lines[0].stripped, block.text)


def join_wrapped_rows(blocks: list[Block], layout: Layout, heading: Heading) -> list[Block]:
    """``blocks`` with each row both of whose cells wrapped (a table without
    borders) back in one block: paragraphs() starts a block at every line
    of several cells, the second line of such a row too."""
    joined: list[Block] = []
    for is_row, group in groupby(blocks, key=partial(_starts_row, heading=heading)):
        rows = list(group)
        joined.extend(_join_row_continuations(rows, layout) if is_row else rows)
    return joined


def _join_row_continuations(rows: list[Block], layout: Layout) -> list[Block]:
    """Consecutive rows, each joined to the row above where it continues it
    (``_continues_row``).

    A row that happens to fill its columns, followed by the next row, looks
    just like a row that wrapped. So rows are joined only where more tells
    them apart: the document writes a blank at the end of wrapped lines
    (``_cell_wrapped`` checks it), or the list sets its rows apart by
    paragraph spacing (a line at line step goes on with its row). The
    blanks may show in the list alone: a justified letter's wrapped lines
    end without one, its borderless table's wrapped cells with one
    (``_list_writes_blanks``).
    """
    if not layout.wrap_blanks and _list_writes_blanks(rows, layout):
        layout = replace(layout, wrap_blanks=True)
    if not (layout.wrap_blanks or _rows_spaced(rows, layout)):
        for above, row in pairwise(rows):
            if _continues_row(above.lines[-1], row.lines[0], layout):
                row.doubt = row.page, (
                    f'the list line "{quote(row.lines[0].text)}" may go on with the row above, which fills its '
                    "columns, or be a row of its own: rows without spacing or blanks at line ends do not tell"
                )
        return rows
    joined = [rows[0]]
    for row in rows[1:]:
        if _continues_row(joined[-1].lines[-1], row.lines[0], layout):
            joined[-1].lines.extend(row.lines)
        else:
            joined.append(row)
    return joined


def _list_writes_blanks(rows: list[Block], layout: Layout) -> bool:
    """Whether the list's cells that wrapped (a line of the row goes on under
    them) mostly end with a blank."""
    wrapped = [
        above_cell
        for block in rows
        for above, line in pairwise(block.lines)
        for cell in line.cells
        for above_cell in above.cells
        if abs(above_cell.x0 - cell.x0) < layout.body_size
    ]
    return bool(wrapped) and sum(1 for cell in wrapped if cell.ends_as_wrapped) >= MOST_LINES * len(wrapped)


def _rows_spaced(rows: list[Block], layout: Layout) -> bool:
    return any(
        a.page == b.page and _step(a.lines[-1], b.lines[0]) > PARAGRAPH_STEP * layout.pitch
        for a, b in pairwise(rows)
    )


def _continues_row(prev: Line, line: Line, layout: Layout) -> bool:
    """Whether a line of several cells goes on with the row of the line
    above: it follows at line step, and each of its cells starts under a
    cell of the line above that wrapped."""
    if prev.page != line.page or _step(prev, line) > PARAGRAPH_STEP * layout.pitch or len(prev.cells) < 2:
        return False
    for cell in line.cells:
        above = next((i for i, c in enumerate(prev.cells) if abs(c.x0 - cell.x0) < layout.body_size), None)
        if above is None or not _cell_wrapped(prev, above, cell.chars, layout):
            return False
    return True


def mark_list_rows(blocks: list[Block], layout: Layout, heading: Heading) -> None:
    """Set ``row`` on the blocks that are rows of a tab list (see the module docstring)."""
    for is_row, group in groupby(blocks, key=partial(_starts_row, heading=heading)):
        if is_row:
            rows = list(group)
            in_columns = _wraps_in_columns(rows, layout)
            for block in rows:
                block.row = row_cells(block, layout, in_columns)
    for i, block in enumerate(blocks):
        before = blocks[i - 1] if i > 0 else None
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.row is None and _pushed_row(block, before, after, layout, heading):
            block.row = (block.lines[0].stripped, join_cell_lines(line.text for line in block.lines[1:]))
            block.doubt = block.doubt or _glued_cells(block) or _word_at_column(block, before, after)


def _wraps_in_columns(rows: list[Block], layout: Layout) -> bool:
    """Whether consecutive rows are a table whose cells wrap inside their
    columns, rather than a tab list whose last cell wraps back to the left
    margin: some row goes on under one of its later columns, or at its left
    edge below a last cell that had not wrapped."""
    for block in rows:
        k = _cells_line(block) or 0  # the first cell's lines above it wrap as a paragraph does
        left = block.lines[k].cells[0].x0
        for above, line in zip(block.lines[k:], block.lines[k + 1:], strict=False):
            if any(abs(cell.x0 - left) >= layout.body_size for cell in line.cells):
                return True  # a cell goes on under a later column
            if not _last_cell_wrapped(above, line.line.chars, layout):
                return True  # back at the left edge, but the first column goes on
    return False


def row_cells(block: Block, layout: Layout, in_columns: bool = False) -> tuple[str, ...]:
    """The texts of a list row's cells, wrapped lines re-joined.

    A further line with several cells adds each cell to the column it starts
    nearest to; so does a single-cell line, unless it starts at the row's
    left edge. Such a line either wrapped back to the margin, continuing the
    cell where the line above broke off (the last one), or continues the
    first column (a name that wraps inside its column). It went back to the
    margin if the last cell above wrapped, unless the list is known to wrap
    its cells in their columns (``in_columns``): then a last cell that
    nearly fills the line only seems to have wrapped.
    """
    k = _cells_line(block) or 0
    first = block.lines[k]
    starts = [c.x0 for c in first.cells]
    columns: list[list[str]] = [[c.text] for c in first.cells]
    columns[0][:0] = [line.text for line in block.lines[:k]]  # the first cell's lines above (``_name_goes_on``)
    for above, line in zip(block.lines[k:], block.lines[k + 1:], strict=False):
        if len(line.cells) == 1 and abs(line.cells[0].x0 - starts[0]) < line.line.size:
            back_to_margin = not in_columns and _last_cell_wrapped(above, line.line.chars, layout)
            columns[-1 if back_to_margin else 0].append(line.cells[0].text)
            continue
        for cell in line.cells:
            nearest = min(range(len(starts)), key=lambda i: abs(starts[i] - cell.x0))
            columns[nearest].append(cell.text)
    return tuple(join_cell_lines(column) for column in columns)


def _pushed_row(block: Block, before: Block | None, after: Block | None, layout: Layout, heading: Heading) -> bool:
    """Whether a paragraph is a list row whose last cell the tab pushed onto
    the next line. It has several lines and is not a list's lead-in (which
    ends with a colon), and either stands inside a list (after a row or the
    lead-in, before a row), or is next to a row and its first line ended
    early. A tab pushes the cell on when the next tab stop, not the next
    blank, leaves too little room, so a pushed row can look just like a
    wrapped line; inside a list that does not matter."""
    lines = block.lines
    if len(lines) < 2 or block.text.endswith(":") or _is_heading(block, heading):
        return False
    if after is not None and after.row and before is not None and (before.row or before.text.endswith(":")):
        return True
    return (
        any(b is not None and b.row for b in (before, after))
        and lines[0].page == lines[1].page
        and not _line_wrapped(lines[0], lines[1], layout)
    )


def _glued_cells(block: Block) -> tuple[int, str] | None:
    """Where a row read as pushed onto the next line may hide its tab: a
    letter in lower case (or a closing bracket or quote) and a capital
    touching it, no blank between ("derLandkreis", "(SSOE)Landkreis"). A
    first cell that fills its column exactly, or a tab that ends right at
    the text before it, leaves no gap to see; a name hardly glues a capital
    to a word, so the line may hold two cells and is refused."""
    for line in block.lines:
        ink = [c for c in line.line.chars if c.text.strip()]
        for prev, char in pairwise(ink):
            touching = char.x0 - prev.x1 <= WORD_GAP_EM * char.size and not any(
                not c.text.strip() and prev.x1 <= c.x0 + STEP_TOLERANCE and c.x1 <= char.x0 + STEP_TOLERANCE for c in line.line.chars)
            if touching and (prev.text.islower() or prev.text in _CLOSING_MARKS) and char.text.isupper():
                return line.page, (
                    f'the list line "{quote(line.stripped)}" glues "{prev.text}{char.text}" without a gap: two cells '
                    "whose tab or column gap left no room, or one word; the line does not tell"
                )
    return None


def _word_at_column(block: Block, before: Block | None, after: Block | None) -> tuple[int, str] | None:
    """Where a row read as pushed onto the next line may hide its column
    gap: a word of its first line starts where the next column of the rows
    beside it starts. A borderless table whose first cell fills its column
    prints the next cell after a mere blank, its pen moved by too little
    to tell (``HIDDEN_TAB_EM``); only the column's start tells."""
    line = block.lines[0]
    starts = {round(cell.x0, 1) for row in (before, after) if row is not None and row.row for cell in row.lines[0].cells[1:]}
    for x in sorted(starts):
        if _word_starts_at(line, x):
            return line.page, (
                f'the list line "{quote(line.stripped)}" has a word where the list\'s next column starts: two cells '
                "whose column gap left no room, or one cell; the line does not tell"
            )
    return None
