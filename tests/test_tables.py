"""The table reader's steps (extract/tables.py and its step modules table_header.py, table_rows.py, table_pages.py) on small synthetic pages.

Each test builds characters and rulings by hand, so one step is shown at a
time: header cells, body gaps, row starts from rulings and from alignment,
heading rows, continued rows and headerless pages. Renderings of the whole
documents are in test_renderings.py.

Geometry of the synthetic pages: 10 pt text, every glyph 5 pt wide (a
blank 2.5 pt), a line pitch of 12 pt; three columns "Träger" (x 10-100),
"Ort" (x 110-200) and "Titel" (x 210-300).
"""

from __future__ import annotations

import pytest

from foerderdaten.extract import table_header, table_model, table_pages, table_rows, tables
from foerderdaten.extract.pdfdoc import Char, Page, Ruling, group_lines
from foerderdaten.extract.tables import ColumnSpec, TableReadingError, read_table

SIZE, WIDTH, BLANK, PITCH = 10.0, 5.0, 2.5, 12.0
SPECS = [ColumnSpec("traeger", r"träger"), ColumnSpec("ort", r"^ort"), ColumnSpec("titel", r"titel")]
X = {"traeger": 10.0, "ort": 110.0, "titel": 210.0}
HEADER_TOP = 20.0
BODY_TOP = HEADER_TOP + 2 * PITCH
ROW_SPACE = 8.0  # padding between rows: more than a pitch from line to line


def text(s: str, x: float, top: float) -> list[Char]:
    """Glyphs of ``s`` from ``x`` on one line."""
    chars = []
    for ch in s:
        width = BLANK if ch == " " else WIDTH
        chars.append(Char(ch, x, x + width, top, top + SIZE, SIZE))
        x += width
    return chars


def header(top: float = HEADER_TOP) -> list[Char]:
    return text("Träger", X["traeger"], top) + text("Ort", X["ort"], top) + text("Titel", X["titel"], top)


def body(rows: list[dict[str, list[str]]], top: float = BODY_TOP, valign: str = "top") -> tuple[list[Char], float]:
    """Top- or bottom-aligned rows (column -> lines); also where the last ends."""
    chars: list[Char] = []
    for row in rows:
        height = max(len(lines) for lines in row.values())
        for name, lines in row.items():
            shift = (height - len(lines)) * PITCH if valign == "bottom" else 0.0
            for i, line in enumerate(lines):
                chars += text(line, X[name], top + shift + i * PITCH)
        top += height * PITCH + ROW_SPACE
    return chars, top


def page(number: int, rows: list[dict[str, list[str]]], rulings: list[Ruling] = (), valign: str = "top") -> Page:
    chars, _ = body(rows, valign=valign)
    return Page(number, 400.0, 600.0, header() + chars, list(rulings))


def cells(table) -> list[dict[str, str]]:
    return [{name: table.cell_text(row, name) for name in row.cells} for row in table.rows]


# --------------------------------------------------------------------------
# 1. Header cells


def test_header_words_split_at_a_vertical_ruling_however_narrow_the_gap():
    """ "RL" and "Vorhabensart" one glyph width apart: one cell without the
    ruling between them, two with it."""
    line = group_lines(text("RL", 10, 20) + text("Vorhabensart", 23, 20))
    assert [c.text for c in table_header._header_cells(line, [])] == ["RL Vorhabensart"]
    ruling = Ruling(21.5, 15.0, 21.5, 35.0)
    assert [c.text for c in table_header._header_cells(line, [ruling])] == ["RL", "Vorhabensart"]


def test_header_lines_stacked_in_one_column_are_one_cell():
    lines = group_lines(text("Durchführungs-", 10, 20) + text("ort", 10, 32) + text("Region", 90, 32))
    found = [c.text for c in table_header._header_cells(lines, [])]
    assert [tables.fold_header(t) for t in found] == ["durchführungsort", "region"]


def test_narrow_header_gap_splits_only_where_the_body_has_a_column_gap():
    """2 pt between two header words (wider than kerning, narrower than a
    word space) separate two columns only over a gap of the body."""
    line = group_lines(text("Beginn", 10, 20) + text("Ende", 42, 20))  # "Beginn" ends at 40
    assert [c.text for c in table_header._header_cells(line, [], gaps=[(40.5, 41.5)])] == ["Beginn", "Ende"]
    assert [c.text for c in table_header._header_cells(line, [], gaps=[(60.0, 70.0)])] == ["BeginnEnde"]


def test_find_header_reads_a_band_whatever_line_its_cells_sit_on():
    """A bottom-aligned header: "Nr." alone on the band's first line."""
    chars = text("Nr.", 110, 20) + text("Träger", 10, 32) + text("der RL", 110, 32) + text("Titel", 210, 32) + text("x", 10, 70)
    lines = group_lines(chars)
    start, end = table_header.find_header(lines, [], SPECS, 2, PITCH)
    assert (start, end) == (0, 2)


def test_a_title_set_one_pitch_above_the_header_is_not_header():
    """A word processor's caption right above an unruled table: one band with
    the header, but it runs across the columns, so it stays above the header."""
    title = "Übersicht über bewilligte Projekte - Regionalbudget 2023 (Stand: 31.12.2023)"
    chars = text(title, 10, 20) + text("Träger", 10, 32) + text("Ort", 110, 32) + text("Titel", 210, 32) + text("x", 10, 70)
    lines = group_lines(chars)
    assert table_header.find_header(lines, [], SPECS, 2, PITCH) == (1, 2)
    # a header's first line, however short its cells, stays in the band
    chars = text("Nr.", 110, 20) + text("Träger", 10, 32) + text("der RL", 110, 32) + text("Titel", 210, 32) + text("x", 10, 70)
    assert table_header.find_header(group_lines(chars), [], SPECS, 2, PITCH) == (0, 2)


def test_a_body_row_set_right_under_a_repeated_header_is_not_header():
    """No ruling and no gap under the header (a spreadsheet's bottom-aligned
    cells): the first row's lines join the header band. The header repeats on
    every page and the row does not, so the band is cut to what repeats."""
    first = {"traeger": ["Verein Alpha", "Nord"], "ort": ["Dresden"], "titel": ["Erster Titel"]}
    second = {"traeger": ["Verein Beta", "Süd"], "ort": ["Leipzig"], "titel": ["Zweiter Titel"]}

    def close_page(number: int, row: dict[str, list[str]]) -> Page:
        chars, _ = body([row, RECORD], top=HEADER_TOP + PITCH)  # one pitch under the header line
        return Page(number, 400.0, 600.0, header() + chars, [])

    table = read_table([close_page(1, first), close_page(2, second)], SPECS)
    assert [c["traeger"] for c in cells(table)] == ["Verein Alpha Nord", FILLER, "Verein Beta Süd", FILLER]
    assert [pt.columns[0].header for pt in table.pages] == ["Träger", "Träger"]


@pytest.mark.parametrize("valign", ["top", "bottom"])
def test_a_header_printed_once_with_a_row_right_under_it_is_refused(valign):
    """The same close-set row under a header that no other page prints:
    nothing tells where the header ends, and the row's lines were lost into
    it with exit 0. Refused naming the page; a ruling under the header, or
    a header line under the first that lies in another column than the key
    ("der RL" under "Nr."), tells and is read."""
    first = {"traeger": ["Verein Alpha", "Nord"], "ort": ["Dresden"], "titel": ["Erster Titel"]}
    chars, _ = body([first, RECORD], top=HEADER_TOP + PITCH, valign=valign)
    with pytest.raises(TableReadingError, match=r'^page 1, column "Träger": the header row'):
        read_table([Page(1, 400.0, 600.0, header() + chars, [])], SPECS)
    ruled = [Ruling(5, HEADER_TOP + PITCH - 1, 305, HEADER_TOP + PITCH - 1)]
    table = read_table([Page(1, 400.0, 600.0, header() + chars, ruled)], SPECS)
    assert [c["traeger"] for c in cells(table)] == ["Verein Alpha Nord", FILLER]
    chars, _ = body([first, RECORD], top=HEADER_TOP + 2 * PITCH + ROW_SPACE, valign=valign)
    two_lines = header() + text("RL", X["ort"], HEADER_TOP + PITCH)  # "Ort" / "RL": a header line under the first
    table = read_table([Page(1, 400.0, 600.0, two_lines + chars, [])], SPECS)
    assert [c["traeger"] for c in cells(table)] == ["Verein Alpha Nord", FILLER]
    assert table.pages[0].columns[1].header == "Ort RL"


# --------------------------------------------------------------------------
# 2. Body gaps


def test_body_gaps_are_where_no_visible_glyph_is():
    chars = text("abc", 10, 50) + text("de", 40, 62) + [Char(" ", 50, 55, 62, 72, SIZE)] + text("f", 60, 50)
    assert table_header.body_gaps(chars) == [(25.0, 40.0), (50.0, 60.0)]


def test_a_lone_heading_line_does_not_close_a_column_gap():
    """"Region Sächsische Schweiz" runs over the gap between two columns;
    the records above and below show the gap."""
    records = text("Verein", 10, 50) + text("Pirna", 110, 50) + text("Verein", 10, 62) + text("Pirna", 110, 62)
    heading = text("Region Sächsische Schweiz", 10, 90)
    evidence = table_header.column_evidence(records + heading, group_lines(records + heading), PITCH)
    assert any(g0 <= 100 and g1 >= 110 for g0, g1 in table_header.body_gaps(evidence))
    assert not any(g0 <= 100 and g1 >= 110 for g0, g1 in table_header.body_gaps(records + heading))


def test_text_between_two_headers_goes_to_the_column_it_leaves_text_in():
    """Right-aligned dates under a short left-aligned "Beginn" (x 110-140)
    start 3 pt after it and end 2 pt before "Ende": the white space on
    their left is the wider stretch between the two headers, but a
    boundary there leaves "Beginn" without text (Calc, seed 107 of the
    LibreOffice explorer: refused for an empty column)."""
    specs = [ColumnSpec("traeger", r"träger"), ColumnSpec("beginn", r"beginn"), ColumnSpec("ende", r"^ende")]
    heads = text("Träger", 10, HEADER_TOP) + text("Beginn", 110, HEADER_TOP) + text("Ende", 185, HEADER_TOP)
    rows = []
    for k, (name, start, end) in enumerate([("Verein A", "1.2.2023", "3.4.2024"), ("Verein B", "5.6.2023", "7.8.2024")]):
        top = BODY_TOP + k * (2 * PITCH + ROW_SPACE)  # bottom-aligned under a two-line name
        rows += text(name, 10, top) + text("e.V.", 10, top + PITCH) + text(start, 143, top + PITCH) + text(end, 220, top + PITCH)
    table = read_table([Page(1, 400.0, 600.0, heads + rows, [])], specs)
    assert [(c["traeger"], c["beginn"], c["ende"]) for c in cells(table)] == [("Verein A e.V.", "1.2.2023", "3.4.2024"),
                                                                              ("Verein B e.V.", "5.6.2023", "7.8.2024")]


# --------------------------------------------------------------------------
# 3. Row starts


def test_row_starts_from_rulings_are_the_rulings_above_text():
    lines = group_lines(text("a", 10, 50) + text("b", 10, 62) + text("c", 10, 90))
    assert table_rows._row_starts_from_rulings(lines, [45.0, 80.0, 120.0]) == [45.0, 80.0]


def by_column(rows, valign):
    chars, _ = body(rows, valign=valign)
    return table_rows.lines_by_column(chars, [tables.Column(n, n, x - 5, x + 95) for n, x in X.items()])


# Rows set close: no extra space between them, so only alignment tells them apart.
CLOSE = [
    {"traeger": ["Verein A"], "ort": ["Pirna"], "titel": ["Erster", "Titel"]},
    {"traeger": ["Verein B", "e.V."], "ort": ["Riesa"], "titel": ["Zweiter"]},
    {"traeger": ["Verein C"], "ort": ["Kamenz"], "titel": ["Dritter", "Titel", "lang"]},
]


@pytest.mark.parametrize("valign", ["top", "bottom"])
def test_alignment_is_read_from_rows_that_gaps_separate(valign):
    rows = [
        {"traeger": ["Verein A"], "ort": ["Pirna"], "titel": ["Erster", "Titel"]},
        {"traeger": ["Verein B"], "ort": ["Riesa"], "titel": ["Zweiter", "Titel", "lang"]},
    ]
    blocks = table_rows._blocks(table_rows.line_levels(by_column(rows, valign)), PITCH)
    assert len(blocks) == 2
    assert table_rows.alignment_of(blocks) == valign


@pytest.mark.parametrize("valign", ["top", "bottom"])
def test_rows_set_close_split_by_alignment(valign, monkeypatch):
    """Rows with no space between them: a row apart from them votes how
    cells are aligned; then a row starts where the key column starts anew
    (top) or ends where it ends (bottom)."""
    monkeypatch.setattr("test_tables.ROW_SPACE", 0.0)
    close, _ = body(CLOSE, valign=valign)
    monkeypatch.setattr("test_tables.ROW_SPACE", ROW_SPACE)
    apart, _ = body([{"traeger": ["Verein D"], "ort": ["Aue"], "titel": ["Vierter", "Titel"]}], top=BODY_TOP + 10 * PITCH, valign=valign)
    columns = table_rows.lines_by_column(close + apart, [tables.Column(n, n, x - 5, x + 95) for n, x in X.items()])
    alignment = table_rows.alignment_of(table_rows.row_blocks(columns, PITCH))
    assert alignment == valign
    starts = table_rows._row_starts_from_alignment(columns, PITCH, "traeger", alignment)
    assert [round(s + table_model.ROUNDING, 1) for s in starts] == [BODY_TOP, BODY_TOP + 2 * PITCH, BODY_TOP + 4 * PITCH, BODY_TOP + 10 * PITCH]


# --------------------------------------------------------------------------
# Whole pages: rows, heading rows, continued rows


def test_plain_page_reads_rows_and_cells():
    rows = [
        {"traeger": ["Verein A"], "ort": ["Pirna"], "titel": ["Erster", "Titel"]},
        {"traeger": ["Verein B"], "ort": ["Riesa"], "titel": ["Zweiter", "Titel"]},
    ]
    table = read_table([page(1, rows)], SPECS)
    assert cells(table) == [
        {"traeger": "Verein A", "ort": "Pirna", "titel": "Erster Titel"},
        {"traeger": "Verein B", "ort": "Riesa", "titel": "Zweiter Titel"},
    ]


def grid(rows: list[dict[str, list[str]]], heading_rows: set[int] = frozenset()) -> list[Ruling]:
    """Rulings of a grid over ``rows``; a heading row is one cell across the table."""
    top = HEADER_TOP - 2
    rulings = [Ruling(5, top, 305, top)]
    bottom = BODY_TOP - 4
    rulings += [Ruling(5, bottom, 305, bottom)] + [Ruling(x, top, x, bottom) for x in (105, 205)]
    y = BODY_TOP
    for i, row in enumerate(rows):
        height = max(len(lines) for lines in row.values()) * PITCH + ROW_SPACE
        if i not in heading_rows:
            rulings += [Ruling(x, y - 4, x, y - 4 + height) for x in (105, 205)]
        rulings.append(Ruling(5, y - 4 + height, 305, y - 4 + height))
        y += height
    return rulings


HEADING = {"traeger": ["Region Bautzen"]}
# A record as filler: cells of several lines, so that the page's line pitch
# shows, and lines as wide as the test rows', so that columns have the same
# bounds on every page.
RECORD = {"traeger": ["Verein Alpha Nord"], "ort": ["Dresden-Neustadt"], "titel": ["Erster Titel", "für", "Vereine"]}
FILLER = "Verein Alpha Nord"


def test_heading_row_in_a_grid_is_dropped_also_as_first_row():
    rows = [HEADING, RECORD, HEADING, RECORD]
    table = read_table([page(1, rows, grid(rows, {0, 2}))], SPECS)
    assert cells(table) == [{"traeger": FILLER, "ort": "Dresden-Neustadt", "titel": "Erster Titel für Vereine"}] * 2


def test_many_heading_rows_still_make_a_grid():
    """Half the rows headings: the records alone decide that the page is ruled."""
    rows = [HEADING, RECORD] * 3
    table = read_table([page(1, rows, grid(rows, {0, 2, 4}))], SPECS)
    assert len(table.rows) == 3


def test_plain_heading_rows_are_dropped_and_the_first_marked():
    rows = [HEADING, RECORD, HEADING, RECORD]
    pt = tables._read_page(page(1, rows), SPECS, 2)
    assert [r.heading_like for r in pt.rows] == [True, False, False]
    assert pt.headings == 1
    assert len(read_table([page(1, rows)], SPECS).rows) == 2


def test_a_ruled_cell_ends_at_its_ruling_less_its_padding():
    """The widest line of a column seems to fill its cell; where rulings draw
    the cells, the edge is the right ruling less the left padding, so a wrap
    after that line at a dropped blank reads as a wrap, not a broken word."""
    rows = [{"traeger": ["Verein"], "ort": ["Dresden"], "titel": ["Netzwerkberatung", "gesteuert"]}]
    outer = [Ruling(x, HEADER_TOP - 2, x, 600) for x in (5, 305)]
    ruled = read_table([page(1, rows, grid(rows) + outer)], SPECS)
    assert cells(ruled)[0]["titel"] == "Netzwerkberatung gesteuert"
    # the same page without the cell's right-hand ruling: the widest line is all the reader knows
    plain = read_table([page(1, rows, grid(rows))], SPECS)
    assert cells(plain)[0]["titel"] == "Netzwerkberatunggesteuert"


def test_a_cell_line_like_a_page_number_is_no_footer():
    """"2024/25" reads like "3 / 19"; as a cell line in mid-page, or as the
    page's last line (2024 > 25: no page number), it is table text, and the
    rows below it are kept. A page number at the page's foot goes."""
    rows = [{"traeger": ["Verein"], "ort": ["Dresden"], "titel": ["Fachkräfte MINT", "2024/25"]}, RECORD]
    table = read_table([page(1, rows)], SPECS)
    assert cells(table) == [
        {"traeger": "Verein", "ort": "Dresden", "titel": "Fachkräfte MINT 2024/25"},
        {"traeger": FILLER, "ort": "Dresden-Neustadt", "titel": "Erster Titel für Vereine"},
    ]
    last = [RECORD, {"traeger": ["Verein"], "ort": ["Dresden"], "titel": ["Fachkräfte MINT", "2024/25"]}]
    assert cells(read_table([page(1, last)], SPECS))[1]["titel"] == "Fachkräfte MINT 2024/25"
    chars, bottom = body(last)
    footer = text("3 / 19", 150, bottom + 4 * PITCH)
    footed = read_table([Page(1, 400.0, 600.0, header() + chars + footer, [])], SPECS)
    assert cells(footed)[1] == {"traeger": "Verein", "ort": "Dresden", "titel": "Fachkräfte MINT 2024/25"}


def test_a_line_that_a_row_ruling_runs_through_is_refused():
    """A cell that overflows its row (a spreadsheet's row too low in print,
    text centred over both rulings): the ruling between two rows runs
    through a line, and which row holds it is not certain."""
    rows = [RECORD, {"traeger": ["Verein"], "ort": ["Dresden"], "titel": ["Titel"]}]
    rulings = grid(rows)
    y = next(r.top for r in rulings if r.horizontal and r.top > BODY_TOP)  # under the first row
    over = text("übervoll", X["titel"], y - SIZE / 2)
    chars, _ = body(rows)
    with pytest.raises(TableReadingError, match=r'page 1, column "Titel": a ruling between two rows runs through the line "übervoll"'):
        read_table([Page(1, 400.0, 600.0, header() + chars + over, rulings)], SPECS)


def full_page(number: int, last: dict[str, list[str]]) -> Page:
    """A page whose last row ends at the foot: the lowest of all pages."""
    return page(number, [RECORD, last])


def test_row_continued_in_every_column_is_merged():
    """The previous page ended full and every cell of its last row filled
    its line to the column's edge: the next page's first row goes on."""
    last = {"traeger": ["Förderverein des"], "ort": ["Dresden-Neustadt"], "titel": ["Vorbereitung auf"]}
    rest = {"traeger": ["Dresden e.V."], "ort": ["Mitte"], "titel": ["Ausbildung"]}
    table = read_table([full_page(1, last), page(2, [rest, RECORD])], SPECS)
    assert cells(table)[1] == {"traeger": "Förderverein des Dresden e.V.", "ort": "Dresden-Neustadt Mitte", "titel": "Vorbereitung auf Ausbildung"}
    assert table.rows[1].pages == [1, 2]


def test_first_row_under_a_short_cell_is_a_row_of_its_own():
    """"Verein" ends far short of its column's edge: "Neuer" would have fitted behind it."""
    last = {"traeger": ["Verein"], "ort": ["Dresden-Neustadt"], "titel": ["Vorbereitung auf"]}
    fresh = {"traeger": ["Neuer Verein Nord"], "ort": ["Mitte"], "titel": ["Ausbildung"]}
    table = read_table([full_page(1, last), page(2, [fresh, RECORD])], SPECS)
    assert [c["traeger"] for c in cells(table)] == [FILLER, "Verein", "Neuer Verein Nord", FILLER]


def test_one_line_rest_under_a_cell_that_had_room_is_a_row_of_its_own():
    """The key cell ends a line above its row's last line: a renderer would
    have put a one-line rest there, so the next page's one line is not it."""
    last = {"traeger": ["Elektroinnungsverb"], "ort": ["Dresden-Neustadt"], "titel": ["Vorbereitung auf", "Ausbildung und"]}
    heading = {"traeger": ["Region Dresden"]}
    table = read_table([full_page(1, last), page(2, [heading, RECORD])], SPECS)
    assert [c["traeger"] for c in cells(table)] == [FILLER, "Elektroinnungsverb", FILLER]


def test_heading_or_rest_of_the_row_before_is_refused():
    """A table with heading rows; the next page opens with one line that
    fits as a heading and as the rest of the key cell that filled its line
    to the foot of the page: the reader names the page."""
    last = {"traeger": ["Elektroinnungsverb", "Bautzener Land"], "ort": ["Dresden-Neustadt"], "titel": ["Vorbereitung auf", "Ausbildung und"]}
    first = page(1, [RECORD, HEADING, RECORD, last])
    with pytest.raises(TableReadingError, match=r'page 2, column "Träger": the first row is one line like the table\'s heading rows'):
        read_table([first, page(2, [{"traeger": ["Region Dresden"]}, RECORD])], SPECS)


def test_key_only_rest_without_heading_rows_is_merged():
    last = {"traeger": ["Elektroinnungsverb", "Bautzener Land"], "ort": ["Dresden-Neustadt"], "titel": ["Vorbereitung auf", "Ausbildung und"]}
    table = read_table([full_page(1, last), page(2, [{"traeger": ["Hoyerswerda"]}, RECORD])], SPECS)
    assert cells(table)[1]["traeger"] == "Elektroinnungsverb Bautzener Land Hoyerswerda"


def test_bottom_aligned_fresh_row_is_not_a_continuation():
    """Bottom-aligned: every cell of a row ends on its last line, so all
    "reach the foot", and the next row's cells may all start on its first
    line (as a top-aligned continuation would). A continuation would hold
    every column of the part above (here "Ort" has none) or fill that part
    from its first line ("Frauenförderwerk" does not)."""
    last = {"traeger": ["Frauenförderwerk"], "ort": ["Dresden-Neustadt"], "titel": ["Berufs- und", "arbeitsmarktorient"]}
    fresh = {"traeger": ["Förderverein des", "Schulzentrums für"], "titel": ["Vorbereitung", "junger Leute"]}
    pages = [page(1, [RECORD, last], valign="bottom"), page(2, [fresh, RECORD], valign="bottom")]
    table = read_table(pages, SPECS)
    assert [c["traeger"] for c in cells(table)] == [FILLER, "Frauenförderwerk", "Förderverein des Schulzentrums für", FILLER]
    assert table_pages._rows_alignment(table.rows) == "bottom"


# --------------------------------------------------------------------------
# Pages without the header


def test_page_before_the_first_header_with_rows_is_reported():
    rows_only, _ = body([RECORD, RECORD])
    letter = text("Sehr geehrte Damen und Herren, anbei die Liste.", 10, 50) + text("Mit freundlichen Grüßen", 10, 62)
    pages = [Page(1, 400, 600, letter), Page(2, 400, 600, rows_only), page(3, [RECORD])]
    table = read_table(pages, SPECS)
    assert table.pages_without_header(pages) == [2]


def test_a_blank_goes_with_the_character_it_follows_or_by_its_own_edge():
    """Small capitals set a line in two sizes: its characters' middles
    differ, and in line order a blank of the next column may follow the
    last full-size character of this one ("(-"). A blank goes with the
    character before it only where it starts where that one ends (a
    trailing blank hanging past the cell's edge); else by its own edge."""
    big, small = 9.0, 6.0

    def char(text: str, x0: float, size: float) -> Char:
        return Char(text, x0, x0 + 3.0, 110.0 - size, 110.0, size)  # one baseline, the box as tall as the size

    chars = [char("(", 10.0, big), char("-", 13.0, big), char("x", 16.0, small), char(" ", 19.0, big),  # column a: "(-x "
             char("u", 110.0, small), char(" ", 113.0, big), char("n", 116.0, small)]  # column b: "u n"
    columns = table_rows.lines_by_column(chars, [tables.Column("a", "a", 0.0, 100.0), tables.Column("b", "b", 100.0, 200.0)])
    assert [line.text for line in columns["a"]] == ["(-x "]
    assert [line.text for line in columns["b"]] == ["u n"]


def test_an_agreed_column_boundary_never_passes_where_a_pages_gap_ends():
    """Most pages put a boundary at 170.2 (taken as 170, whole points); a
    page whose next column's letters start at 169.96 keeps its own: at 170
    they went to the column before ("bsw gGmbH P I i" / "rojekt")."""
    def columns(x: float) -> list[tables.Column]:
        return [tables.Column("a", "A", float("-inf"), x), tables.Column("b", "B", x, float("inf"))]

    pages = [(("same",), columns(170.2), [(100.0, 173.2)])] * 3 + [(("same",), columns(167.2), [(120.0, 169.96)])]
    agreed = tables.agreed_columns(pages)
    assert [cols[0].x1 for cols in agreed] == [170.2, 170.2, 170.2, 167.2]
    # where the gap reaches past it, the page takes the agreed boundary
    agreed = tables.agreed_columns([*pages[:3], (("same",), columns(167.2), [(120.0, 171.0)])])
    assert agreed[3][0].x1 == 170


def test_column_boundaries_agree_on_where_the_next_columns_text_starts():
    """Centred headers leave a wide stretch between "Zuwendungsempfänger"
    and a short "Ort"; each page's widest gap there decides its boundary,
    and the boundaries differ with the rows (where the first column's text
    ends). The second column's left-aligned text starts at 241.8 on every
    page: a page whose widest gap lay to the right of a word of that column
    (274.9-281.2, right of "Leipzig") takes its gap that ends there too."""
    def columns(x: float) -> list[tables.Column]:
        return [tables.Column("a", "A", float("-inf"), x), tables.Column("b", "B", x, float("inf"))]

    pages = [(("same",), columns(230.3), [(218.8, 241.8), (287.9, 341.1)]),
             (("same",), columns(231.0), [(220.2, 241.8), (287.9, 341.1)]),
             (("same",), columns(238.3), [(234.8, 241.8), (285.4, 341.1)]),
             (("same",), columns(278.0), [(230.1, 232.9), (235.9, 241.8), (274.9, 341.1)])]
    agreed = tables.agreed_columns(pages)
    assert [cols[0].x1 for cols in agreed] == pytest.approx([230.3, 231.0, 238.3, 238.85])
    # without a majority for where the gaps end, each page keeps its own
    agreed = tables.agreed_columns([pages[0], (("same",), columns(250.0), [(245.0, 255.0)]), pages[3]])
    assert [cols[0].x1 for cols in agreed] == [230.3, 250.0, 278.0]
