"""The letter reader checks itself (issue 7): every body line is read exactly once.

``extract/letter_check.py`` requires each body line of the letter to end up
in one place of the reading (question, answer heading, answer paragraph, a
row of a list a topic reads, letterhead, footnote, closing). Each way a line
can be lost is shown on a letter printed with ``render_letter.py`` (or, where
no printing shows it, on the reader's own lines), with the exact error line
and, through the CLI, exit status 1 and the previous output untouched.
"""

from __future__ import annotations

import copy

import pytest

from conftest import gold_landtag, open_fixture
from foerderdaten.errors import ExtractionError
from foerderdaten.extract.landtag import extract_letter, is_heading, letter_pages
from foerderdaten.extract.letter_check import Place, check_each_line_read_once
from foerderdaten.extract.paragraphs import Layout, Line, paragraphs, read_text, split_cells
from foerderdaten.extract.pdfdoc import Char, TextLine, open_pdf
from render_letter import LetterLayout, render_letter
from test_self_checks import assert_refused_output_untouched

MISREAD = "a reading failure, not the document's error; please report the PDF"
NOWHERE = "is read into no part of the letter (question, answer, heading, list row, letterhead or closing)"


def _lead_in_changed(gold: dict, paragraph: int, old: str, new: str) -> dict:
    """The gold letter with a list's lead-in (a paragraph of the joint
    answer) reworded so that it introduces no Welcome Center list, as where a
    list row read as a paragraph (its cells not split) stands in its place."""
    changed = copy.deepcopy(gold)
    absaetze = changed["answers"][0]["absaetze"]
    assert old in absaetze[paragraph]
    absaetze[paragraph] = absaetze[paragraph].replace(old, new)
    return changed


# name: (paragraph of the joint answer, its words replaced, the item of the
# first row lost, the start of that row's first line as quoted)
LOST_LISTS = {
    # "… bekannt." ends in a full stop: it introduces no list
    "welcome_center_list_without_colon": ((5, "bekannt:", "bekannt."), "wc1", "Servicestelle Arbeit und Migr…"),
    # "… der jeweiligen Einrichtungen, …": the lead-in names no Welcome Center
    "funding_list_naming_no_center": ((6, "„Welcome Center“", "Einrichtungen"), "fe1", "Mittelsachsen 285.563,71 €"),
    # "… auf folgende Summen.": between two lists, a paragraph not ending in a
    # colon is taken for a row whose last cell a tab pushed onto the next
    # line, and the two lists for one: rows with and without amounts, read
    # by nothing (else the funding rows were read as Welcome Centers)
    "funding_lead_in_without_colon": ((6, "folgende Summen:", "folgende Summen."), "wc1", "Servicestelle Arbeit und Migr…"),
}


@pytest.mark.parametrize("name", sorted(LOST_LISTS))
def test_list_rows_read_by_nothing_are_refused(name, tmp_path):
    """A list whose lead-in introduces no Welcome Center list is read by no
    topic: its rows would be lost with exit status 0."""
    change, item, start = LOST_LISTS[name]
    pdf = tmp_path / f"{name}.pdf"
    rendering = render_letter(pdf, _lead_in_changed(gold_landtag(), *change), LetterLayout())
    with pytest.raises(ExtractionError) as info:
        extract_letter(open_pdf(pdf))
    assert str(info.value) == f'{pdf.name}: page {rendering.first_page(item)}: the line "{start}" {NOWHERE}; {MISREAD}'


def test_a_lost_line_stops_the_build_and_leaves_the_output(tmp_path):
    change, item, start = LOST_LISTS["welcome_center_list_without_colon"]
    pdf = tmp_path / "letter.pdf"
    rendering = render_letter(pdf, _lead_in_changed(gold_landtag(), *change), LetterLayout())
    message = f'page {rendering.first_page(item)}: the line "{start}" {NOWHERE}; {MISREAD}'
    assert_refused_output_untouched(pdf, message, tmp_path)


# --------------------------------------------------------------------------
# The check itself, on the lines the reader makes of the fixture's letter


@pytest.fixture(scope="module")
def fixture_lines() -> list[Line]:
    return read_text(letter_pages(open_fixture("landtag_7_16456.pdf")), is_heading).lines


def test_every_line_in_one_place_passes(fixture_lines):
    check_each_line_read_once("x.pdf", fixture_lines, [Place("an answer paragraph", tuple(fixture_lines))])


def test_a_line_read_twice_is_refused(fixture_lines):
    question = next(line for line in fixture_lines if line.stripped.startswith("Frage 1:"))
    places = [Place("an answer paragraph", tuple(fixture_lines)), Place("question 1", (question,))]
    with pytest.raises(ExtractionError) as info:
        check_each_line_read_once("x.pdf", fixture_lines, places)
    assert str(info.value) == (
        f'x.pdf: page {question.page}: the line "Frage 1: Wann und wo wurden d…" is read twice, '
        f"as an answer paragraph and as question 1; {MISREAD}"
    )


def test_a_line_in_no_place_is_refused(fixture_lines):
    last = fixture_lines[-1]
    with pytest.raises(ExtractionError) as info:
        check_each_line_read_once("x.pdf", fixture_lines, [Place("an answer paragraph", tuple(fixture_lines[:-1]))])
    assert str(info.value) == f'x.pdf: page {last.page}: the line "2 Anlagen" {NOWHERE}; {MISREAD}'


def test_the_fixtures_letter_reads_every_line_once():
    """The whole reader on the fixture: no line lost, none read twice (the
    check runs inside extract_letter; here every place is counted)."""
    raw = extract_letter(open_fixture("landtag_7_16456.pdf"))
    assert raw.unterzeichner == "Martin Dulig"


# --------------------------------------------------------------------------
# A footnote ends at its page


def _line(page: int, top: float, text: str, size: float = 10.0) -> Line:
    """A line of ``text`` at ``top``, 5 pt per character, blanks written."""
    chars = tuple(Char(ch, 5.0 * i, 5.0 * (i + 1), top, top + size, size) for i, ch in enumerate(text))
    line = TextLine(chars)
    return Line(page, line, split_cells(line))


@pytest.mark.parametrize(("last_text_line", "expected"), [
    # page 1's text ends early: page 2 starts a paragraph
    ("Der Text endet hier.", [["Der Text end"], ["¹ https://ww"], ["weitergeht d"]]),
    # page 1's text fills its last line: it goes on at the head of page 2
    ("Der Text der ersten Seite endet hier nicht, sondern geht so",
     [["Der Text der", "weitergeht d"], ["¹ https://ww"]]),
])
def test_a_footnote_ends_at_its_page_and_the_text_goes_on_around_it(last_text_line, expected):
    """A footnote in body size at the foot of page 1 whose last line fills
    it, then page 2's first line at the left margin: that line is not the
    footnote's rest (footnotes are set aside, so it would be lost), and
    whether it goes on with page 1's text is judged on page 1's last line
    of text."""
    width = 5.0 * 60
    lines = [
        _line(1, 100, last_text_line),
        _line(1, 700, "¹ https://www.example.org/eine/lange/adresse/die/zeile/fuellt"),
        _line(2, 100, "weitergeht die Antwort auf der zweiten Seite."),
    ]
    layout = Layout(body_size=10.0, left=0.0, pitch=12.0, right_by_page={1: width, 2: width})
    blocks = paragraphs(lines, layout, lambda first, text: False)
    assert [[line.stripped[:12] for line in block.lines] for block in blocks] == expected
