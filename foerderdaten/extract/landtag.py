"""Landtag answers: the letter of the state government -> ``RawLetter``.

An answer to a Kleine Anfrage is a letter, followed by its annex tables
(read by ``annex.py``). The letter has, in this order:

* a letterhead: ministry, addressee, "Aktenzeichen" column, place and date;
* a heading block: "Kleine Anfrage des Abgeordneten … (Fraktion)",
  "Drs.-Nr.: 7/16456", "Thema: …";
* salutation and the asker's preliminary remarks;
* the questions "Frage N: …", each followed by its answer, or several
  questions followed by one joint answer that may be introduced by a heading
  such as "Zusammenfassende Antwort auf die Fragen 1 bis 3:";
* "Mit freundlichen Grüßen" and the signatory's name.

How the structure is found (from the text's geometry relative to itself,
never from the positions of one rendering):

* **Body text** is the characters in the letter's most common font size;
  smaller print (letterhead sidebar, return address, footnotes) is not
  content, except runs of one or two characters such as footnote markers.
* **Cells**: a line is cut at a gap between words wider than
  ``COLUMN_GAP_EM`` font sizes and ``COLUMN_GAP_RATIO`` times the line's
  narrowest word gap (a tab widens one gap; justification widens all).
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
  lines, a wrapped line has one.
* **Paragraphs**: a step between lines clearly larger than the line pitch
  starts a paragraph, and so does a question or an answer heading, by its
  wording. Across a page break a paragraph goes on only if its last line
  wrapped.
* **Tab lists**: a paragraph whose first line has several cells is a list
  row ("Welcome Center Bautzen ⇥ Landkreis Bautzen"). A further line of
  several cells continues the row (a table without borders whose cells
  all wrap) if each of its cells starts under a cell that wrapped, where
  blanks at wrapped line ends or spacing between the rows tell such a row
  from a row that only happens to fill its columns. A single-cell line
  that starts back at the row's left edge continues the cell where the
  line broke off (the last one) if that cell wrapped and the list does not
  show that it wraps its cells in their columns; else the first column.
  Any other line continues the column it starts under. Next to such rows,
  a paragraph whose first line did not wrap, or inside a list any
  paragraph, is a row whose last cell the tab pushed onto the next line.
  A question or an answer heading is never a list row, whatever its
  layout (a tab after "Frage 4:", a first line that ends early).
* Everything else is read from the wording: "Frage N:", "Drs.-Nr.:",
  "Thema:", "Mit freundlichen Grüßen", amounts ending in "€", …

Raw values are the document's text, re-joined across lines with
``textjoin.join_cell_lines``; nothing is corrected here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import groupby

from foerderdaten.errors import ExtractionError
from foerderdaten.extract.pdfdoc import Char, Page, PdfDocument, TextLine, chars_to_text
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


# --------------------------------------------------------------------------
# Raw records


@dataclass(frozen=True, slots=True)
class RawQuestion:
    nummer: int
    frage: str  # the question's wording, without the "Frage N:" label
    page: int


@dataclass(frozen=True, slots=True)
class RawParagraph:
    text: str
    page: int


@dataclass(frozen=True, slots=True)
class RawAnswer:
    """One answer: the questions it answers and its prose paragraphs (tab lists excluded)."""

    fragen: tuple[int, ...]
    paragraphs: tuple[RawParagraph, ...]


@dataclass(frozen=True, slots=True)
class RawWelcomeCenter:
    """A row of a tab list of Welcome Centers: name ⇥ Träger."""

    name: str
    traeger_raw: str
    status: str  # "etabliert" or "im_aufbau", from the list's lead-in sentence
    page: int


@dataclass(frozen=True, slots=True)
class RawCenterMention:
    """A Welcome Center named in running text: one item of an enumeration as
    printed, without its article, e.g. "im Landkreis Nordsachsen WIN -
    Willkommen in Nordsachsen". Where the place ends and the name begins
    needs the district vocabulary, so normalize splits it."""

    text: str
    status: str
    page: int


@dataclass(frozen=True, slots=True)
class RawFunding:
    """A row of a tab list of funding sums: region ⇥ amount."""

    region_raw: str
    betrag_raw: str  # as printed, a sentence's final period included
    status: str
    zeitraum: str | None  # e.g. "seit dem Jahr 2016", from the lead-in sentence
    page: int


@dataclass(frozen=True, slots=True)
class RawBudget:
    jahr: int
    betrag_raw: str  # e.g. "2,5 Millionen Euro"
    page: int


@dataclass(frozen=True, slots=True)
class RawLetter:
    source_id: str
    title: str  # built from the printed heading, see _title
    drucksache: str  # "7/16456"
    wahlperiode: int
    nummer: int
    anfrage: str  # the heading line, e.g. "Kleine Anfrage des Abgeordneten Thomas Thumm (AfD)"
    thema: str | None
    fragesteller: str | None
    fraktion: str | None
    ministerium: str | None
    unterzeichner: str | None
    datum_raw: str | None  # e.g. "Dresden, 10. Juni 2024"
    aktenzeichen: str | None
    questions: tuple[RawQuestion, ...]
    answers: tuple[RawAnswer, ...]
    welcome_centers: tuple[RawWelcomeCenter, ...]  # from tab lists
    centers_mentioned: tuple[RawCenterMention, ...]  # from running text ("Im Aufbau befinden sich …")
    funding: tuple[RawFunding, ...]
    budget: tuple[RawBudget, ...]
    annex_years: dict[int, int]  # Anlage -> year of approval
    letter_pages: tuple[int, ...]


# --------------------------------------------------------------------------
# Wording

_DRUCKSACHE = re.compile(r"Drs\.?\s*-?\s*Nr\.?\s*:?\s*(?P<wp>\d+)\s*/\s*(?P<nr>\d+)")
_ANFRAGE_LABEL = re.compile(r"^(?:Kleine|Große)\s+Anfrage\b")
_ANFRAGE = re.compile(
    r"(?:Kleine|Große)\s+Anfrage\s+de[rs]\s+Abgeordneten\s+(?P<name>.+?)\s*\((?P<fraktion>[^)]+)\)"
)
_THEMA_LABEL = re.compile(r"^Thema\s*:\s*")
# Labels that start a line of the heading block.
_HEADING_LABEL = re.compile(rf"{_ANFRAGE_LABEL.pattern}|^Drs\.?\s*-?\s*Nr\b|{_THEMA_LABEL.pattern}")
_QUESTION = re.compile(r"^Frage\s+(?P<nr>\d+)\s*[:.)]\s*")
_NUMBERS = r"\d+(?:\s*(?:,|und|bis|-|–)\s*\d+)*"
_ANSWER_HEADING = re.compile(
    r"^(?:(?:Zusammenfassende|Gemeinsame)\s+)?(?:Antwort(?:\s+(?:auf|zu))?|Zu)\s+(?:den\s+|der\s+|die\s+)?"
    rf"Fragen?\s+(?P<nums>{_NUMBERS})\s*:?$|^Antwort\s*:$"
)
_CLOSING = re.compile(r"^Mit\s+freundliche[nm]\s+Grü(?:ß|ss)(?:en|e)?\b")
_DEPUTY = re.compile(r"^(?:In\s+Vertretung|i\.\s?V\.|Im\s+Auftrag|i\.\s?A\.)$")
_DATE_LINE = re.compile(r"^[A-ZÄÖÜ][\w .-]*,\s+(?:den\s+)?\d{1,2}\.\s*[^\W\d]+\.?\s+\d{4}$")
_AKTENZEICHEN = re.compile(r"^Aktenzeichen\b\s*:?\s*")
_MINISTRY = re.compile(r"\bStaatsministerium\b")
_ANNEX_CAPTION = re.compile(r"^Anlage\s+\d+\s*$")
_PAGE_NUMBER = re.compile(r"^(?:Seite\s+\d+(?:\s+von\s+\d+)?|[-–]\s*\d+\s*[-–])$")
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s")
_AMOUNT = re.compile(r"\d[\d. ]*(?:,\d{1,2})?\s*(?:€|EUR|Euro)\.?$")
_WELCOME_CENTER = re.compile(r"Welcome[ -]Cent|Willkommens", re.IGNORECASE)
_IN_AUFBAU = re.compile(r"\bim\s+Aufbau\b", re.IGNORECASE)
_SINCE = re.compile(r"\bseit\s+(?:dem\s+Jahr\s+)?\d{4}")
_AUFBAU_SENTENCE = re.compile(
    r"\bIm\s+Aufbau\s+befinde[nt]\s+sich\s+(?:derzeit\s+|aktuell\s+|zurzeit\s+)?(?P<items>.+?)\.(?=\s|$)"
)
_ARTICLE = re.compile(r"^(?:das|die|der|den|dem)\s+")
_AMOUNT_WORDS = r"\d+(?:,\d+)?\s+(?:Millionen|Mio\.|Milliarden|Mrd\.|Tausend|Tsd\.)\s+(?:Euro|EUR|€)"
_AMOUNT_DIGITS = r"\d{1,3}(?:\.\d{3})*(?:,\d{2})?\s*(?:Euro|EUR|€)"
# "im Jahr 2023 2,5 Millionen Euro", "2024 4,5 Millionen Euro": a year directly followed by an amount
_YEAR_AMOUNT = re.compile(rf"\b(?P<jahr>(?:19|20)\d{{2}})\s+(?P<betrag>{_AMOUNT_WORDS}|{_AMOUNT_DIGITS})")
# "für Bewilligungen des Jahres 2023 in Anlage 1"
_ANNEX_YEAR = re.compile(r"\bJahr(?:es)?\s+(?P<jahr>(?:19|20)\d{2})\s+in\s+(?:der\s+)?Anlage\s+(?P<anlage>\d+)")


# --------------------------------------------------------------------------
# Entry points


def is_landtag_answer(doc: PdfDocument) -> bool:
    """Whether ``doc`` is an answer to a Landtag question, by its wording:
    a Drucksache number, "Kleine/Große Anfrage" and a "Frage 1:" label."""
    text = doc.text()
    return bool(
        _DRUCKSACHE.search(text)
        and re.search(r"\b(?:Kleine|Große)\s+Anfrage\b", text)
        and re.search(r"^Frage\s+1\s*[:.)]", text, re.MULTILINE)
    )


def extract_letter(doc: PdfDocument, source_id: str | None = None) -> RawLetter:
    """The letter part of a Landtag answer, as printed.

    ``source_id`` defaults to "landtag_<Wahlperiode>_<Nummer>" from the
    Drucksache number. Raises ``ExtractionError`` when the letter has no
    question or no Drucksache number before the questions.
    """
    pages = letter_pages(doc)
    blocks = read_blocks(pages)

    first_question = next((i for i, b in enumerate(blocks) if _QUESTION.match(b.text)), None)
    if first_question is None:
        raise ExtractionError(doc.file_name, 'no question ("Frage 1: …") found in the letter')
    closing = next((i for i, b in enumerate(blocks) if _CLOSING.match(b.text)), len(blocks))
    head, body, tail = blocks[:first_question], blocks[first_question:closing], blocks[closing + 1:]

    drucksache = _DRUCKSACHE.search("\n".join(b.text for b in head))
    if drucksache is None:
        raise ExtractionError(doc.file_name, f'page {blocks[first_question].page}: no Drucksache number ("Drs.-Nr.: 7/12345") before the questions')
    wahlperiode, nummer = int(drucksache["wp"]), int(drucksache["nr"])
    anfrage = _heading_item(head, _ANFRAGE_LABEL) or ""
    asker = _ANFRAGE.search(anfrage)
    thema = _heading_item(head, _THEMA_LABEL)
    thema = _THEMA_LABEL.sub("", thema) if thema else None
    head_lines = [line for block in head for line in block.lines]

    questions, answers = read_questions_and_answers(body)
    tab_lists = list(_tab_lists(body))
    prose = [p for answer in answers for p in answer.paragraphs]

    return RawLetter(
        source_id=source_id or f"landtag_{wahlperiode}_{nummer}",
        title=_title(anfrage, f"{wahlperiode}/{nummer}", thema),
        drucksache=f"{wahlperiode}/{nummer}",
        wahlperiode=wahlperiode,
        nummer=nummer,
        anfrage=anfrage,
        thema=thema,
        fragesteller=asker["name"] if asker else None,
        fraktion=asker["fraktion"] if asker else None,
        ministerium=_ministry(head_lines),
        unterzeichner=_signatory(tail),
        datum_raw=_date_line(head_lines),
        aktenzeichen=_aktenzeichen(head_lines),
        questions=tuple(questions),
        answers=tuple(answers),
        welcome_centers=tuple(c for lst in tab_lists for c in _welcome_centers(lst)),
        centers_mentioned=tuple(_centers_in_aufbau(prose)),
        funding=tuple(f for lst in tab_lists for f in _funding(lst)),
        budget=tuple(_budget(prose)),
        annex_years=_annex_years(prose),
        letter_pages=tuple(page.number for page in pages),
    )


def _title(anfrage: str, drucksache: str, thema: str | None) -> str:
    """A title made of the printed heading:
    "Antwort auf die Kleine Anfrage des Abgeordneten …, Drs. 7/16456: Thema"."""
    title = f"Antwort auf die {anfrage}, Drs. {drucksache}" if anfrage else f"Antwort auf Drs. {drucksache}"
    return f"{title}: {thema}" if thema else title


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


def letter_pages(doc: PdfDocument) -> list[Page]:
    """The pages before the first annex page (one that starts with "Anlage N")."""
    pages: list[Page] = []
    for page in doc.pages:
        lines = page.lines()
        if lines and _ANNEX_CAPTION.match(lines[0].text.strip()):
            break
        pages.append(page)
    return pages


def read_blocks(pages: list[Page]) -> list[Block]:
    """The letter's paragraphs and list rows in reading order."""
    size = body_size(pages)
    lines = [line for page in pages for line in body_lines(page, size)]
    layout = measure_layout(lines, size)
    blocks = join_wrapped_rows(paragraphs(lines, layout), layout)
    mark_list_rows(blocks, layout)
    return blocks


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
    gaps = [b.x0 - a.x1 for a, b in zip(ink, ink[1:])]
    word_gaps = [gap for gap, char in zip(gaps, ink) if gap > WORD_GAP_EM * char.size]
    # a single gap has nothing to be compared with: the absolute width decides
    narrowest = min(word_gaps) if len(word_gaps) > 1 else 0.0

    def is_column_gap(gap: float, size: float) -> bool:
        return gap > COLUMN_GAP_EM * size and gap > COLUMN_GAP_RATIO * narrowest

    groups: list[list[Char]] = [[]]
    last_ink: Char | None = None
    for char in line.chars:
        if char.text.strip():
            if last_ink is not None and is_column_gap(char.x0 - last_ink.x1, max(char.size, last_ink.size)):
                groups.append([])
            last_ink = char
        groups[-1].append(char)
    cells = []
    for group in groups:
        group_ink = [c for c in group if c.text.strip()]
        if group_ink:
            cells.append(Cell(chars_to_text(group), group_ink[0].x0, max(c.x1 for c in group_ink), tuple(group)))
    return tuple(cells)


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
        _step(a, b) for a, b in zip(lines, lines[1:]) if a.page == b.page and 0 < _step(a, b) < 2 * size
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
        for cell, next_cell in zip(line.cells, line.cells[1:]):
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
        a for a, b in zip(lines, lines[1:])
        if a.page == b.page and len(a.cells) == 1 and _step(a, b) <= PARAGRAPH_STEP * pitch
    ]


def _most(lines: list[Line], predicate: Callable[[Line], bool]) -> bool:
    """Whether at least the share ``MOST_LINES`` of ``lines`` fulfil ``predicate``."""
    return bool(lines) and sum(1 for line in lines if predicate(line)) >= MOST_LINES * len(lines)


def _reaches_margin(line: Line, layout: Layout) -> bool:
    return layout.right(line.page) - line.ink_x1 < EDGE_TOLERANCE_EM * layout.body_size


def paragraphs(lines: list[Line], layout: Layout) -> list[Block]:
    """Group lines into blocks (paragraphs and list rows); footnotes are dropped."""
    blocks: list[Block] = []
    for prev, line in zip([None, *lines], lines):
        if prev is None or _starts_block(prev, line, layout):
            blocks.append(Block())
        blocks[-1].lines.append(line)
    return [block for block in blocks if not _FOOTNOTE.match(block.lines[0].stripped)]


def _starts_block(prev: Line, line: Line, layout: Layout) -> bool:
    # a line of several cells starts a list row (join_wrapped_rows() puts
    # back together a row both of whose cells wrapped); a question or an
    # answer heading is known by its wording, even where the line above
    # seems to go on into it (at the head of a page)
    if len(line.cells) > 1 or _QUESTION.match(line.stripped) or _ANSWER_HEADING.match(line.stripped):
        return True
    if prev.page != line.page:
        return not _continues_over_page(prev, line, layout)
    return _step(prev, line) > PARAGRAPH_STEP * layout.pitch


def _step(prev: Line, line: Line) -> float:
    return line.line.top - prev.line.top


def _continues_over_page(prev: Line, line: Line, layout: Layout) -> bool:
    """A paragraph goes on over a page break when its last line wrapped."""
    if len(prev.cells) > 1 or abs(line.line.x0 - layout.left) > layout.body_size:
        return False
    return _line_wrapped(prev, line, layout)


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
    return [b.x0 - a.x1 for a, b in zip(ink, ink[1:]) if b.x0 - a.x1 > WORD_GAP_EM * b.size]


# --------------------------------------------------------------------------
# Tab lists and tables without borders


def _starts_row(block: Block) -> bool:
    """A block whose first line has several cells, unless it is a question
    or an answer heading: those may have a tab after their label ("Frage 4:
    ⇥ Welche …") but are never a list row."""
    return len(block.lines[0].cells) > 1 and not _is_heading(block)


def _is_heading(block: Block) -> bool:
    first = block.lines[0].stripped
    return bool(_QUESTION.match(first) or _ANSWER_HEADING.match(block.text))


def join_wrapped_rows(blocks: list[Block], layout: Layout) -> list[Block]:
    """``blocks`` with each row both of whose cells wrapped (a table without
    borders) back in one block: paragraphs() starts a block at every line
    of several cells, the second line of such a row too."""
    joined: list[Block] = []
    for is_row, group in groupby(blocks, key=_starts_row):
        joined.extend(_join_row_continuations(list(group), layout) if is_row else group)
    return joined


def _join_row_continuations(rows: list[Block], layout: Layout) -> list[Block]:
    """Consecutive rows, each joined to the row above where it continues it
    (``_continues_row``).

    A row that happens to fill its columns, followed by the next row, looks
    just like a row that wrapped. So rows are joined only where more tells
    them apart: the document writes a blank at the end of wrapped lines
    (``_cell_wrapped`` checks it), or the list sets its rows apart by
    paragraph spacing (a line at line step goes on with its row).
    """
    if not (layout.wrap_blanks or _rows_spaced(rows, layout)):
        return rows
    joined = [rows[0]]
    for row in rows[1:]:
        if _continues_row(joined[-1].lines[-1], row.lines[0], layout):
            joined[-1].lines.extend(row.lines)
        else:
            joined.append(row)
    return joined


def _rows_spaced(rows: list[Block], layout: Layout) -> bool:
    return any(
        a.page == b.page and _step(a.lines[-1], b.lines[0]) > PARAGRAPH_STEP * layout.pitch
        for a, b in zip(rows, rows[1:])
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


def mark_list_rows(blocks: list[Block], layout: Layout) -> None:
    """Set ``row`` on the blocks that are rows of a tab list (see the module docstring)."""
    for is_row, group in groupby(blocks, key=_starts_row):
        if is_row:
            rows = list(group)
            in_columns = _wraps_in_columns(rows, layout)
            for block in rows:
                block.row = row_cells(block, layout, in_columns)
    for i, block in enumerate(blocks):
        before = blocks[i - 1] if i > 0 else None
        after = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.row is None and _pushed_row(block, before, after, layout):
            block.row = (block.lines[0].stripped, join_cell_lines(line.text for line in block.lines[1:]))


def _wraps_in_columns(rows: list[Block], layout: Layout) -> bool:
    """Whether consecutive rows are a table whose cells wrap inside their
    columns, rather than a tab list whose last cell wraps back to the left
    margin: some row goes on under one of its later columns, or at its left
    edge below a last cell that had not wrapped."""
    for block in rows:
        left = block.lines[0].cells[0].x0
        for above, line in zip(block.lines, block.lines[1:]):
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
    first = block.lines[0]
    starts = [c.x0 for c in first.cells]
    columns: list[list[str]] = [[c.text] for c in first.cells]
    for above, line in zip(block.lines, block.lines[1:]):
        if len(line.cells) == 1 and abs(line.cells[0].x0 - starts[0]) < line.line.size:
            back_to_margin = not in_columns and _last_cell_wrapped(above, line.line.chars, layout)
            columns[-1 if back_to_margin else 0].append(line.cells[0].text)
            continue
        for cell in line.cells:
            nearest = min(range(len(starts)), key=lambda i: abs(starts[i] - cell.x0))
            columns[nearest].append(cell.text)
    return tuple(join_cell_lines(column) for column in columns)


def _pushed_row(block: Block, before: Block | None, after: Block | None, layout: Layout) -> bool:
    """Whether a paragraph is a list row whose last cell the tab pushed onto
    the next line. It has several lines and is not a list's lead-in (which
    ends with a colon), and either stands inside a list (after a row or the
    lead-in, before a row), or is next to a row and its first line ended
    early. A tab pushes the cell on when the next tab stop, not the next
    blank, leaves too little room, so a pushed row can look just like a
    wrapped line; inside a list that does not matter."""
    lines = block.lines
    if len(lines) < 2 or block.text.endswith(":") or _is_heading(block):
        return False
    if after is not None and after.row and before is not None and (before.row or before.text.endswith(":")):
        return True
    return (
        any(b is not None and b.row for b in (before, after))
        and lines[0].page == lines[1].page
        and not _line_wrapped(lines[0], lines[1], layout)
    )


# --------------------------------------------------------------------------
# Letterhead and heading block


def _heading_item(head: list[Block], label: re.Pattern) -> str | None:
    """The text from the line starting with ``label`` up to the end of its
    paragraph or the next labelled line of the heading block."""
    for block in head:
        for i, line in enumerate(block.lines):
            if label.match(line.stripped):
                rest = block.lines[i + 1:]
                end = next((j for j, other in enumerate(rest) if _HEADING_LABEL.match(other.stripped)), len(rest))
                return join_cell_lines(other.text for other in [line, *rest[:end]])
    return None


def _ministry(lines: list[Line]) -> str | None:
    """The first letterhead cell naming a Staatsministerium."""
    return next((c.text.strip() for line in lines for c in line.cells if _MINISTRY.search(c.text)), None)


def _date_line(lines: list[Line]) -> str | None:
    """The first letterhead cell of the form "Place, 10. Juni 2024"."""
    return next((c.text.strip() for line in lines for c in line.cells if _DATE_LINE.match(c.text.strip())), None)


def _aktenzeichen(lines: list[Line]) -> str | None:
    """The value behind or under the label "Aktenzeichen", skipping a
    parenthesised note such as "(bitte bei Antwort angeben)"."""
    for row, line in enumerate(lines):
        for cell in line.cells:
            if not _AKTENZEICHEN.match(cell.text.strip()):
                continue
            behind = _AKTENZEICHEN.sub("", cell.text.strip())
            if behind:
                return behind
            # the same column: cells starting within a font size of the label
            below = (c.text.strip() for other in lines[row + 1:] for c in other.cells if abs(c.x0 - cell.x0) < other.line.size)
            return next((text for text in below if not text.startswith("(")), None)
    return None


def _signatory(tail: list[Block]) -> str | None:
    """The first line after the closing formula that is not "In Vertretung" or the like."""
    for block in tail:
        for line in block.lines:
            text = line.cells[0].text.strip()
            if not _DEPUTY.match(text):
                return text
    return None


# --------------------------------------------------------------------------
# Questions and answers


@dataclass(slots=True)
class _AnswerDraft:
    fragen: list[int]
    blocks: list[Block] = field(default_factory=list)


def read_questions_and_answers(body: list[Block]) -> tuple[list[RawQuestion], list[RawAnswer]]:
    """Questions in order, and the answers with the questions each one answers.

    An answer belongs to the questions named in its heading ("… Fragen 1 bis
    3:"); without a heading, to the questions read since the last answer.
    """
    questions: list[RawQuestion] = []
    drafts: list[_AnswerDraft] = []
    pending: list[int] = []  # questions not answered yet
    current: _AnswerDraft | None = None
    for block in body:
        text = block.text
        if match := _QUESTION.match(text):
            questions.append(RawQuestion(int(match["nr"]), text[match.end():], block.page))
            pending.append(int(match["nr"]))
            current = None
        elif match := _ANSWER_HEADING.match(text):
            fragen = _numbers(match["nums"]) if match["nums"] else list(pending)
            pending = [n for n in pending if n not in fragen]
            current = _AnswerDraft(fragen)
            drafts.append(current)
        else:
            if current is None:
                current = _AnswerDraft(pending)
                drafts.append(current)
                pending = []
            current.blocks.append(block)
    answers = [
        RawAnswer(tuple(d.fragen), tuple(RawParagraph(b.text, b.page) for b in d.blocks if b.row is None))
        for d in drafts
    ]
    return questions, answers


def _numbers(text: str) -> list[int]:
    """ "1 bis 3" -> [1, 2, 3]; "1, 2 und 4" -> [1, 2, 4]."""
    numbers: list[int] = []
    for part in re.split(r"\s*(?:,|und)\s*", text):
        bounds = [int(n) for n in re.split(r"\s*(?:bis|-|–)\s*", part)]
        numbers.extend(range(bounds[0], bounds[-1] + 1))
    return numbers


# --------------------------------------------------------------------------
# Tab lists: Welcome Centers and funding sums


@dataclass(frozen=True, slots=True)
class TabList:
    """Consecutive list rows with the paragraph that introduces them."""

    lead_in: str
    rows: tuple[tuple[tuple[str, ...], int], ...]  # (cells, page) per row

    @property
    def status(self) -> str:
        return "im_aufbau" if _IN_AUFBAU.search(self.lead_in) else "etabliert"

    @property
    def is_funding(self) -> bool:
        """Every row ends in an amount."""
        return all(_AMOUNT.search(cells[-1]) for cells, _ in self.rows)


def _tab_lists(body: list[Block]) -> Iterator[TabList]:
    """The tab lists about Welcome Centers (their lead-in names them)."""
    lead_in, rows = "", []
    for block in [*body, None]:
        if block is not None and block.row is not None:
            rows.append((block.row, block.page))
            continue
        if rows and _WELCOME_CENTER.search(lead_in):
            yield TabList(lead_in, tuple(rows))
        rows = []
        if block is not None:
            lead_in = block.text


def _welcome_centers(tab_list: TabList) -> Iterable[RawWelcomeCenter]:
    if tab_list.is_funding:
        return []
    return [
        RawWelcomeCenter(cells[0], " ".join(cells[1:]), tab_list.status, page)
        for cells, page in tab_list.rows
    ]


def _funding(tab_list: TabList) -> Iterable[RawFunding]:
    if not tab_list.is_funding:
        return []
    since = _SINCE.search(tab_list.lead_in)
    zeitraum = since.group(0) if since else None
    return [
        RawFunding(" ".join(cells[:-1]), cells[-1], tab_list.status, zeitraum, page)
        for cells, page in tab_list.rows
    ]


def _centers_in_aufbau(prose: list[RawParagraph]) -> Iterator[RawCenterMention]:
    """The items of "Im Aufbau befinden sich derzeit das A, B und C."."""
    for paragraph in prose:
        for match in _AUFBAU_SENTENCE.finditer(paragraph.text):
            for item in _enumeration(match["items"]):
                yield RawCenterMention(item, "im_aufbau", paragraph.page)


def _enumeration(text: str) -> list[str]:
    """ "das A, B und C" -> ["A", "B", "C"]: split at commas, the last item at its first "und"."""
    items = [item.strip() for item in re.split(r",\s*", text)]
    head, sep, tail = items[-1].partition(" und ")
    if sep:
        items[-1:] = [head, tail]
    return [_ARTICLE.sub("", item) for item in items if item]


# --------------------------------------------------------------------------
# Budget and annex years


def _budget(prose: list[RawParagraph]) -> Iterator[RawBudget]:
    """Each year directly followed by an amount: "im Jahr 2023 2,5 Millionen Euro"."""
    for paragraph in prose:
        for match in _YEAR_AMOUNT.finditer(paragraph.text):
            yield RawBudget(int(match["jahr"]), match["betrag"], paragraph.page)


def _annex_years(prose: list[RawParagraph]) -> dict[int, int]:
    """Annex number -> year of approval: "für Bewilligungen des Jahres 2023 in Anlage 1"."""
    return {
        int(match["anlage"]): int(match["jahr"])
        for paragraph in prose
        for match in _ANNEX_YEAR.finditer(paragraph.text)
    }
