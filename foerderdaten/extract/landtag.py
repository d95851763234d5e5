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

The pages are read into paragraphs and tab-list rows by ``paragraphs.py``
(from the text's geometry; a question or an answer heading is a heading
there: it starts a paragraph and is never a list row). This module finds
the parts of the letter in them by their wording: "Frage N:",
"Drs.-Nr.:", "Thema:", "Mit freundlichen Grüßen", …; what the answers say
about Welcome Centers, funding, budget and annexes is read by
``landtag_topics.py``. The records are in ``records.py``. Last, the
reading checks itself (``letter_check.py``): every body line must have
ended up in exactly one place (a question, answer, heading, list row, or
the letterhead, a footnote, the closing).

Raw values are the document's text, re-joined across lines with
``textjoin.join_cell_lines``; nothing is corrected here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from foerderdaten.errors import ExtractionError
from foerderdaten.extract import landtag_topics as topics
from foerderdaten.extract.letter_check import Place, check_each_line_read_once
from foerderdaten.extract.paragraphs import WORD_GAP_EM, Block, Layout, Line, ends_early, quote, quote_end, read_text
from foerderdaten.extract.pdfdoc import Page, PdfDocument, chars_to_text
from foerderdaten.extract.records import RawAnswer, RawLetter, RawParagraph, RawQuestion
from foerderdaten.extract.textjoin import join_cell_lines

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
# the label, also where a narrow gap glues it to the address beside it
_AKTENZEICHEN = re.compile(r"(?:^|(?<=\s))Aktenzeichen\b\s*:?\s*")
_MINISTRY = re.compile(r"\bStaatsministerium\b")
_ANNEX_CAPTION = re.compile(r"^Anlage\s+\d+\s*$")


def is_heading(first_line: str, text: str) -> bool:
    """A question ("Frage 4: …", by its first line) or an answer heading
    ("Zusammenfassende Antwort auf die Fragen 1 bis 3:", the whole paragraph):
    the ``Heading`` of paragraphs.py."""
    return bool(_QUESTION.match(first_line) or _ANSWER_HEADING.match(text))


# --------------------------------------------------------------------------
# Entry points


def is_landtag_answer(doc: PdfDocument) -> bool:
    """Whether ``doc`` is an answer to a Landtag question, by its wording:
    a Drucksache number, "Kleine/Große Anfrage" and a "Frage 1:" label."""
    return is_landtag_text(doc.text())


def is_landtag_text(text: str) -> bool:
    """``is_landtag_answer`` of a document's text."""
    return bool(
        _DRUCKSACHE.search(text)
        and re.search(r"\b(?:Kleine|Große)\s+Anfrage\b", text)
        and re.search(r"^Frage\s+1\s*[:.)]", text, re.MULTILINE)
    )


def extract_letter(doc: PdfDocument, source_id: str | None = None) -> RawLetter:
    """The letter part of a Landtag answer, as printed.

    ``source_id`` defaults to "landtag_<Wahlperiode>_<Nummer>" from the
    Drucksache number. Raises ``ExtractionError`` when the letter has no
    question or no Drucksache number before the questions, where its layout
    allows two readings, and where a body line is read into no part of the
    letter or into two.
    """
    pages = letter_pages(doc)
    text = read_text(pages, is_heading)
    blocks = text.blocks

    first_question = next((i for i, b in enumerate(blocks) if _QUESTION.match(b.text)), None)
    if first_question is None:
        raise ExtractionError(doc.file_name, 'no question ("Frage 1: …") found in the letter')
    closing = next((i for i, b in enumerate(blocks) if _CLOSING.match(b.text)), len(blocks))
    head, body = blocks[:first_question], split_answer_headings(blocks[first_question:closing])
    # the closing formula and what follows it: signature, "In Vertretung",
    # "2 Anlagen" (the signature may follow at line step, in the formula's block)
    closing_lines = [line for block in blocks[closing:] for line in block.lines]

    drucksache = _DRUCKSACHE.search("\n".join(b.text for b in head))
    if drucksache is None:
        raise ExtractionError(doc.file_name, f'page {blocks[first_question].page}: no Drucksache number ("Drs.-Nr.: 7/12345") before the questions')
    wahlperiode, nummer = int(drucksache["wp"]), int(drucksache["nr"])
    anfrage = _heading_item(head, _ANFRAGE_LABEL, text.layout) or ""
    asker = _ANFRAGE.search(anfrage)
    thema = _heading_item(head, _THEMA_LABEL, text.layout)
    thema = _THEMA_LABEL.sub("", thema) if thema else None
    head_lines = [line for block in head for line in block.lines]
    _refuse_doubts(doc.file_name, body, text.layout)

    questions, answers, places = read_questions_and_answers(body)
    tab_lists = list(topics.tab_lists(body))
    places += _list_places(tab_lists)
    places += [Place("the letterhead", tuple(head_lines)), Place("the closing", tuple(closing_lines))]
    places += [Place("a footnote", tuple(footnote.lines)) for footnote in text.footnotes]
    check_each_line_read_once(doc.file_name, text.lines, places)
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
        unterzeichner=_signatory(closing_lines[1:]),
        datum_raw=_date_line(head_lines),
        aktenzeichen=_aktenzeichen(head_lines),
        questions=tuple(questions),
        answers=tuple(answers),
        welcome_centers=tuple(c for lst in tab_lists for c in topics.welcome_centers(lst)),
        centers_mentioned=tuple(topics.centers_in_aufbau(prose)),
        funding=tuple(f for lst in tab_lists for f in topics.funding(lst)),
        budget=tuple(topics.budget(prose)),
        annex_years=topics.annex_years(prose),
        letter_pages=tuple(page.number for page in pages),
    )


def _refuse_doubts(file_name: str, body: list[Block], layout: Layout) -> None:
    """Refuse the first block of the body whose layout allows another
    reading (``Block.doubt``), or that is no list row and holds a line that
    ended early before the next at line step (``ends_early``): where the
    document does not set its paragraphs apart, such a line may end a
    paragraph or an answer, or be a line break inside one, and the next may
    be the closing formula. The letterhead is read for a few labelled
    values only, so a doubt there does not matter."""
    for block in body:
        if block.doubt:
            page, what = block.doubt
            raise ExtractionError(file_name, f"page {page}: {what}")
        if block.row is not None:
            continue
        for prev, line in pairwise(block.lines):
            if ends_early(prev, line, layout):
                raise ExtractionError(file_name, (
                    f'page {prev.page}: the line "{quote_end(prev.stripped)}" ends early and "{quote(line.stripped)}" '
                    "follows at line step: a paragraph that ends without spacing cannot be told from a line break inside one"
                ))


def _list_places(tab_lists: list[topics.TabList]) -> list[Place]:
    """The rows of the lists a topic reads (a list of rows with and without
    amounts is read by none)."""
    names = {"funding": "a funding row", "centers": "a Welcome Center row"}
    return [Place(names[lst.kind], tuple(row.lines)) for lst in tab_lists if lst.kind for row in lst.rows]


def _title(anfrage: str, drucksache: str, thema: str | None) -> str:
    """A title made of the printed heading:
    "Antwort auf die Kleine Anfrage des Abgeordneten …, Drs. 7/16456: Thema"."""
    title = f"Antwort auf die {anfrage}, Drs. {drucksache}" if anfrage else f"Antwort auf Drs. {drucksache}"
    return f"{title}: {thema}" if thema else title


def letter_pages(doc: PdfDocument) -> list[Page]:
    """The pages before the first annex page (one that starts with "Anlage N")."""
    pages: list[Page] = []
    for page in doc.pages:
        lines = page.lines()
        if lines and _ANNEX_CAPTION.match(lines[0].text.strip()):
            break
        pages.append(page)
    return pages


# --------------------------------------------------------------------------
# Letterhead and heading block


def _heading_item(head: list[Block], label: re.Pattern, layout: Layout) -> str | None:
    """The text from the line starting with ``label`` up to the end of its
    paragraph, the next labelled line of the heading block, or a line that
    ended early (where the heading block is not set apart from the
    salutation, "Sehr geehrter …" follows the Thema at line step)."""
    for block in head:
        for i, line in enumerate(block.lines):
            if label.match(line.stripped):
                item = [line]
                for other in block.lines[i + 1:]:
                    if _HEADING_LABEL.match(other.stripped) or ends_early(item[-1], other, layout):
                        break
                    item.append(other)
                return join_cell_lines(other.text for other in item)
    return None


def _ministry(lines: list[Line]) -> str | None:
    """The first letterhead cell naming a Staatsministerium."""
    return next((c.text.strip() for line in lines for c in line.cells if _MINISTRY.search(c.text)), None)


def _date_line(lines: list[Line]) -> str | None:
    """The first letterhead cell of the form "Place, 10. Juni 2024"."""
    return next((c.text.strip() for line in lines for c in line.cells if _DATE_LINE.match(c.text.strip())), None)


def _aktenzeichen(lines: list[Line]) -> str | None:
    """The value behind or under the label "Aktenzeichen", skipping a
    parenthesised note such as "(bitte bei Antwort angeben)". The label is
    found as a word, not only as a cell: where the address beside it ends
    close to its column, the gap between them is no column gap."""
    for row, line in enumerate(lines):
        for cell in line.cells:
            label = _AKTENZEICHEN.search(cell.text)
            if label is None:
                continue
            behind = cell.text[label.end():].strip()
            if behind:
                return behind
            # the label's column: the word starting under its first letter
            ink = [c for c in cell.chars if c.text.strip()]
            x0 = ink[len("".join(cell.text[: label.start()].split()))].x0
            below = (_text_from(other, x0) for other in lines[row + 1:])
            return next((text for text in below if text and not text.startswith("(")), None)
    return None


def _text_from(line: Line, x0: float) -> str:
    """The text of ``line`` from the word that starts at ``x0`` (within a
    font size) on; "" where no word starts there."""
    chars = sorted(line.line.chars, key=lambda c: c.x0)
    for i, char in enumerate(chars):
        starts_word = i == 0 or not chars[i - 1].text.strip() or char.x0 - chars[i - 1].x1 > WORD_GAP_EM * char.size
        if char.text.strip() and starts_word and abs(char.x0 - x0) < line.line.size:
            return chars_to_text(chars[i:]).strip()
    return ""


def _signatory(tail: list[Line]) -> str | None:
    """The first line after the closing formula that is not "In Vertretung" or the like."""
    for line in tail:
        text = line.cells[0].text.strip()
        if not _DEPUTY.match(text):
            return text
    return None


# --------------------------------------------------------------------------
# Questions and answers


def split_answer_headings(body: list[Block]) -> list[Block]:
    """``body`` with each answer heading that the answer's first paragraph
    follows at line step ("Zu Frage 5:" ⏎ "Der Staatsregierung …", one block
    for paragraphs.py) split from it: its first lines, as soon as they
    make a whole answer heading, are the heading."""
    split: list[Block] = []
    for block in body:
        ends = [k for k in range(1, len(block.lines)) if _ANSWER_HEADING.match(Block(block.lines[:k]).text)]
        if block.row is None and ends:
            split += [Block(block.lines[:ends[0]]), Block(block.lines[ends[0]:], doubt=block.doubt)]
        else:
            split.append(block)
    return split


@dataclass(slots=True)
class _AnswerDraft:
    fragen: list[int]
    blocks: list[Block] = field(default_factory=list)


def read_questions_and_answers(body: list[Block]) -> tuple[list[RawQuestion], list[RawAnswer], list[Place]]:
    """Questions in order, the answers with the questions each one answers,
    and the places of the lines read into them (list rows are left to the
    topic readers).

    An answer belongs to the questions named in its heading ("… Fragen 1 bis
    3:"); without a heading, to the questions read since the last answer.
    """
    places: list[Place] = []
    questions: list[RawQuestion] = []
    drafts: list[_AnswerDraft] = []
    pending: list[int] = []  # questions not answered yet
    current: _AnswerDraft | None = None
    for block in body:
        text = block.text
        if match := _QUESTION.match(text):
            questions.append(RawQuestion(int(match["nr"]), text[match.end():], block.page))
            places.append(Place(f"question {match['nr']}", tuple(block.lines)))
            pending.append(int(match["nr"]))
            current = None
        elif match := _ANSWER_HEADING.match(text):
            fragen = _numbers(match["nums"]) if match["nums"] else list(pending)
            pending = [n for n in pending if n not in fragen]
            current = _AnswerDraft(fragen)
            drafts.append(current)
            places.append(Place("an answer heading", tuple(block.lines)))
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
    places += [Place("an answer paragraph", tuple(b.lines)) for d in drafts for b in d.blocks if b.row is None]
    return questions, answers, places


def _numbers(text: str) -> list[int]:
    """ "1 bis 3" -> [1, 2, 3]; "1, 2 und 4" -> [1, 2, 4]."""
    numbers: list[int] = []
    for part in re.split(r"\s*(?:,|und)\s*", text):
        bounds = [int(n) for n in re.split(r"\s*(?:bis|-|–)\s*", part)]
        numbers.extend(range(bounds[0], bounds[-1] + 1))
    return numbers
