"""Text printed over other text is refused, naming the page; lines set one
below the other, accents drawn apart and simulated bold are not."""

import pytest

from foerderdaten.errors import InputError
from foerderdaten.extract.overprint import check_overprint
from foerderdaten.extract.pdfdoc import Char, Page

SIZE = 10.0
WIDTH = 5.0  # pt per letter


def _text(text: str, x: float, top: float) -> list[Char]:
    return [Char(ch, x + WIDTH * i, x + WIDTH * (i + 1), top, top + SIZE, SIZE) for i, ch in enumerate(text)]


def _page(*chars: list[Char], number: int = 2) -> Page:
    return Page(number=number, width=600.0, height=800.0, chars=[c for group in chars for c in group])


def test_lines_one_below_the_other_pass():
    # tightly set: glyph boxes 10 pt high, 9 pt apart (they touch by a tenth)
    check_overprint("x.pdf", [_page(_text("demografischen Wandel.", 100, 100), _text("Die Ausbildungs- und", 100, 109))])


def test_a_line_printed_over_another_is_refused():
    # Calc printed a bottom-aligned cell taller than its row over the row
    # above: 3 pt apart, the two lines' letters interleave when read
    page = _page(_text("demografischen Wandel.", 100, 100), _text("Die Ausbildungs- und", 100, 103), number=4)
    with pytest.raises(InputError) as info:
        check_overprint("x.pdf", [_page(_text("Seite eins", 100, 100), number=1), page])
    message = str(info.value)
    assert message.startswith("x.pdf: page 4: text is printed over other text (in '")
    assert "no reading of this page can be trusted" in message


def test_lines_further_apart_overlapping_partly_are_refused():
    # 6 pt apart, the glyph boxes overlap by 40 % of their height: set tightly, passes
    check_overprint("x.pdf", [_page(_text("Eltern und Lehrer", 100, 100), _text("Kurzbeschreibung", 100, 106))])
    # 4 pt apart: the lower line covers 60 % of the upper one's height
    with pytest.raises(InputError):
        check_overprint("x.pdf", [_page(_text("Eltern und Lehrer", 100, 100), _text("Kurzbeschreibung", 100, 104))])
    # 5.2 pt apart, 48 %: Calc printed a cell's last line so far over the
    # next row's first line (top-aligned, no borders), read into that row
    with pytest.raises(InputError):
        check_overprint("x.pdf", [_page(_text("Plattform für solche Bilder.", 100, 100), _text("Beschleunigung und", 100, 105.2))])


def test_accents_and_simulated_bold_pass():
    # an accent drawn as a glyph of its own over its letter, and a letter
    # printed twice on the same baseline, a little apart (simulated bold)
    accent = [Char("¨", 100.0, 105.0, 97.0, 107.0, SIZE)]
    bold = _text("Fachkräfte", 200, 100) + _text("Fachkräfte", 200.4, 100)
    check_overprint("x.pdf", [_page(_text("u", 100, 100), accent, bold)])


def test_columns_side_by_side_on_other_baselines_pass():
    # middle-aligned cells put lines of neighbouring columns half a pitch apart
    check_overprint("x.pdf", [_page(_text("Dresden", 100, 100), _text("digitaler Wandel", 150, 106))])
