"""The build checks itself (issue 7): a table that was read wrongly is refused.

Each invariant of foerderdaten/extract/invariants.py is shown by printing the
gold values the way a wrong reading would see them (two columns' values in
one column, a column shifted, a header naming two columns, a page without
rows) and asserting the exact one-line error through the CLI, with the
previous output untouched. The documents' own isolated oddities still build.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import gold_landtag, gold_sab, write_previous_build
from foerderdaten.errors import ExtractionError
from foerderdaten.extract.annex import extract_annex_rows
from foerderdaten.extract.invariants import (
    GUESS_SHARE,
    GUESSES_TOLERATED,
    ODD_ROWS,
    Shape,
    check_table,
    date_complaint,
    district_complaint,
    rl_number_complaint,
)
from foerderdaten.extract.pdfdoc import open_pdf
from foerderdaten.extract.sab import extract_projects
from foerderdaten.extract.tables import Column, ColumnSpec, PageTable, Table, TableRow
from foerderdaten.extract.textjoin import PrintedLine, table_cues
from foerderdaten.normalize.projects import normalize_projects
from render import Layout, render_table
from test_bad_input import run_build

HEAD = ["Stand: 31.12.2023", "Fachkräfterichtlinie: Übersicht über beantragte und bewilligte Projekte - Regionalbudget 2023"]
ROWS = 30  # three to four pages: enough for a page-wide failure, fast to print

# The SAB overview's columns as printed: header, width (pt), gold field.
SAB = [
    ("Projektträger", 100, "projekttraeger"),
    ("Durchführungs-ort", 60, "durchfuehrungsort"),
    ("Region/FKA", 62, "region_raw"),
    ("Nr. der RL", 22, "rl_nr_raw"),
    ("Vorhabensart", 80, "vorhabensart_raw"),
    ("Bewilligungs-beginn", 52, "bewilligungsbeginn_raw"),
    ("Bewilligungs-ende", 52, "bewilligungsende_raw"),
    ("Projekttitel", 90, "projekttitel"),
    ("Kurzbeschreibung", 260, "kurzbeschreibung"),
]
MISREAD = "a reading failure, not the document's error; please report the PDF"
UNDECIDED = "the PDF does not show which; print it again with wider columns, or from a spreadsheet, which shows the blank at its wraps"


def _gold(n: int = ROWS) -> list[dict]:
    return [dict(row) for row in gold_sab()[:n]]


def render_sab(path: Path, rows: list[dict], columns=SAB, layout: Layout | None = None) -> Path:
    """Print ``rows`` under ``columns``: (header, width, field or a function of the row)."""
    def value(row, source):
        return source(row) if callable(source) else row[source]

    render_table(path, [c[0] for c in columns], [c[1] for c in columns],
                 [[value(row, c[2]) for c in columns] for row in rows], layout or Layout(head=HEAD))
    return path


def _replace(name: str, *new) -> list:
    """SAB with the column of header ``name`` replaced by ``new`` columns."""
    i = next(i for i, c in enumerate(SAB) if c[0] == name)
    return SAB[:i] + list(new) + SAB[i + 1:]


def _without(*names: str) -> list:
    return [c for c in SAB if c[0] not in names]


# --------------------------------------------------------------------------
# Renderings of wrong readings, one per invariant


def two_dates_in_one_column(path: Path) -> Path:
    """Beginn and Ende read as one column: both dates in the Beginn cell."""
    columns = _without("Bewilligungs-ende")
    columns = [c if c[0] != "Bewilligungs-beginn" else
               ("Bewilligungs-beginn", 100, lambda r: f"{r['bewilligungsbeginn_raw']} {r['bewilligungsende_raw']}") for c in columns]
    return render_sab(path, _gold(), columns)


def rl_number_glued_to_words(path: Path) -> Path:
    """Nr and Vorhabensart read as one column: "1digitaler Wandel"."""
    columns = _replace("Nr. der RL", ("Nr. der RL", 100, lambda r: r["rl_nr_raw"] + r["vorhabensart_raw"]))
    return render_sab(path, _gold(), [c for c in columns if c[0] != "Vorhabensart"])


def rl_column_shifted(path: Path) -> Path:
    """The Nr column holds its neighbour's values (and the neighbour the Nr)."""
    columns = [("Nr. der RL", 22, "vorhabensart_raw") if c[0] == "Nr. der RL" else
               ("Vorhabensart", 80, "rl_nr_raw") if c[0] == "Vorhabensart" else c for c in SAB]
    return render_sab(path, _gold(), columns)


def place_and_district_in_region(path: Path) -> Path:
    """Ort and Region read as one column: "Zittau Görlitz"."""
    columns = _replace("Region/FKA", ("Region/FKA", 120, lambda r: f"{r['durchfuehrungsort']} {r['region_raw']}".strip()))
    return render_sab(path, _gold(), [c for c in columns if c[0] != "Durchführungs-ort"])


def region_column_empty(path: Path) -> Path:
    """The Region column has its header, but no value was read into it."""
    return render_sab(path, _gold(), _replace("Region/FKA", ("Region/FKA", 62, lambda r: "")))


def header_naming_two_columns(path: Path) -> Path:
    """One header cell "Durchführungsort Region/FKA" over both columns' values."""
    columns = _replace("Durchführungs-ort", ("Durchführungsort Region/FKA", 122, lambda r: f"{r['durchfuehrungsort']} {r['region_raw']}".strip()))
    return render_sab(path, _gold(), [c for c in columns if c[0] != "Region/FKA"])


def page_without_rows(path: Path) -> Path:
    """Page 2 shows the table's header but yields no row."""
    from pypdf import PdfWriter

    parts = [render_sab(path.with_name(f"part{i}.pdf"), rows) for i, rows in enumerate([_gold(5), [], _gold(10)[5:]])]
    writer = PdfWriter()
    for part in parts:
        writer.append(str(part))
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def _errors() -> dict:
    return {
        "two_dates": (two_dates_in_one_column,
                      f'page 1, column "Bewilligungs-beginn": 30 of 30 rows hold two dates (e.g. "17.11.2022 31.12.2023"); {MISREAD}'),
        "rl_glued": (rl_number_glued_to_words,
                     f'page 1, column "Nr. der RL": 30 of 30 rows hold a number glued to words (e.g. "1digitaler Wandel"); {MISREAD}'),
        "rl_shifted": (rl_column_shifted,
                       f'page 1, column "Nr. der RL": 30 of 30 rows hold no RL number 1-10 (e.g. "digitaler Wandel"); {MISREAD}'),
        "region_two_values": (place_and_district_in_region,
                              f'page 1, column "Region/FKA": 29 of 30 rows do not fit, most hold two districts (e.g. "Dresden Dresden"); {MISREAD}'),
        "region_empty": (region_column_empty, f'page 1, column "Region/FKA": empty on 30 of 30 rows; {MISREAD}'),
        "merged_header": (header_naming_two_columns,
                          f'page 1, column "Durchführungsort Region/FKA": the header also names region_raw: two columns were read as one; {MISREAD}'),
        "page_without_rows": (page_without_rows, f'page 2, column "Projektträger": no rows read from this table page; {MISREAD}'),
    }


def assert_refused_output_untouched(pdf: Path, message: str, folder: Path) -> None:
    """``foerderdaten build`` of ``pdf`` exits with 1 and the one line
    ``error: <file>: <message>``, leaving an earlier build's output as it was."""
    out = write_previous_build(folder / "clean")
    result = run_build(str(pdf), "--out", str(out))
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {pdf.name}: {message}"
    assert sorted(p.name for p in out.iterdir()) == ["foerderdaten.db", "metadata.json", "projects.csv"]
    assert (out / "projects.csv").read_text(encoding="utf-8") == "previous dataset\n"


@pytest.mark.parametrize("case", sorted(_errors()))
def test_misread_table_is_refused_and_output_untouched(case, tmp_path):
    make, message = _errors()[case]
    assert_refused_output_untouched(make(tmp_path / f"{case}.pdf"), message, tmp_path)


# --------------------------------------------------------------------------
# The documents' own oddities are not reading failures


def test_real_oddities_of_the_2023_overview_still_read(tmp_path):
    """The original prints seq 59 "Ebersdorf-NeugersdorfGörlitz" in one cell and
    seq 99's region glued to its Nr ("…Osterzgebirge3"); with seq 12/131/133's
    empty cells and seq 64's end before begin these are the document's own
    errors: read as printed, left to the quality flags."""
    rows = [dict(row) for row in gold_sab()]
    rows[58]["durchfuehrungsort"] += rows[58]["region_raw"]
    rows[58]["region_raw"] = ""
    rows[98]["region_raw"] += rows[98]["rl_nr_raw"]
    rows[98]["rl_nr_raw"] = ""
    # In 8 pt no row with an empty cell starts a page: the reader takes a
    # page's first row without Region or Nr for the previous page's continued
    # row (see test_a_row_taken_for_a_continuation_is_refused).
    layout = Layout(head=HEAD, size=8)
    _, _, read = extract_projects(open_pdf(render_sab(tmp_path / "oddities.pdf", rows, layout=layout)))
    fields = [c[2] for c in SAB]
    assert [[getattr(r, f) for f in fields] for r in read] == [[row[f] for f in fields] for row in rows]
    assert read[58].durchfuehrungsort == "Ebersdorf-NeugersdorfGörlitz"
    assert read[98].region_raw == "Sächsische Schweiz-Osterzgebirge3"
    flags = {p.seq: p.quality_flags.split(";") for p in normalize_projects(read).projects}
    assert "missing_fields" in flags[59] and "missing_fields" in flags[99]


def test_a_row_taken_for_a_continuation_is_refused(tmp_path):
    """The gold table in 7 pt puts seq 133 (no Nr, no dates) at the top of the
    last page; a reader that takes it for the continuation of seq 132 yields
    "Dresden Dresden" in one Region cell. Read exactly or refused, never merged."""
    rows = [dict(row) for row in gold_sab()]
    pdf = render_sab(tmp_path / "seq133_on_top.pdf", rows)
    fields = [c[2] for c in SAB]
    try:
        _, _, read = extract_projects(open_pdf(pdf))
    except ExtractionError as err:
        assert str(err) == ('seq133_on_top.pdf: page 17, column "Region/FKA": the row continued from page 16 holds two districts '
                            f'("Dresden Dresden"): probably a row of its own read as the continuation; {MISREAD}')
    else:
        assert [[getattr(r, f) for f in fields] for r in read] == [[row[f] for f in fields] for row in rows]


def test_a_continued_row_may_not_fail_a_shape_even_once():
    """A hand-made table: one row of thirty, continued on page 2, holds two dates."""
    columns = [Column("projekttraeger", "Träger", float("-inf"), 100), Column("bewilligungsende_raw", "Ende", 100, float("inf"))]

    def row(page: int, traeger: str, ende: str, pages: list[int]) -> TableRow:
        cells = {"projekttraeger": [_line(traeger)], "bewilligungsende_raw": [_line(ende)]}
        return TableRow(page=page, top=0, bottom=10, x0=0, x1=200, cells=cells, pages=pages)

    rows = [row(1, f"Träger {i}", "31.12.2024", [1]) for i in range(29)] + [row(1, "Träger x", "31.12.2024 31.12.2025", [1, 2])]
    table = Table(columns=columns, rows=rows, pages=[PageTable(1, columns, rows, []), PageTable(2, columns, [], [])])
    shape = Shape("bewilligungsende_raw", date_complaint, tolerated=5)
    with pytest.raises(ExtractionError) as info:
        check_table("hand.pdf", table, [], [shape])
    assert str(info.value) == ('hand.pdf: page 2, column "Ende": the row continued from page 1 holds two dates '
                               f'("31.12.2024 31.12.2025"): probably a row of its own read as the continuation; {MISREAD}')
    rows[-1].pages = [1]  # the same row within one page: an isolated oddity, left to normalize/
    table.pages = table.pages[:1]
    check_table("hand.pdf", table, [], [shape])


def test_a_row_without_its_key_is_a_reading_failure():
    """A hand-made table whose third row has no Träger: every record starts
    with its key, so the row is a piece of the row before split off (a
    bottom-aligned row that a browser broke at the page's foot) or a
    heading read as a record; published, it would be a record of its own."""
    columns = [Column("projekttraeger", "Träger", float("-inf"), 100), Column("projekttitel", "Titel", 100, float("inf"))]

    def row(traeger: str, titel: str) -> TableRow:
        cells = {"projekttitel": [_line(titel)]} | ({"projekttraeger": [_line(traeger)]} if traeger else {})
        return TableRow(page=2, top=0, bottom=10, x0=0, x1=200, cells=cells, pages=[2])

    rows = [row("Verein A", "Erster Titel"), row("Verein B", "Zweiter"), row("", "Titel")]
    table = Table(columns=columns, rows=rows, pages=[PageTable(2, columns, rows, [])])
    specs = [ColumnSpec("projekttraeger", r"träger"), ColumnSpec("projekttitel", r"titel")]
    with pytest.raises(ExtractionError) as info:
        check_table("hand.pdf", table, specs)
    assert str(info.value) == ('hand.pdf: page 2, column "Träger": a row without text in this column ("Titel"), though every row starts '
                               f"with it: part of a row or a heading read as a row of its own; {MISREAD}")
    rows[-1].cells["projekttraeger"] = [_line("Verein C")]
    check_table("hand.pdf", table, specs)


# A hand-made table's columns: Träger, then Kurzbeschreibung from x = 100
DESCRIBED_COLUMNS = [Column("projekttraeger", "Träger", float("-inf"), 100), Column("kurzbeschreibung", "Kurzbeschreibung", 100, float("inf"))]


def _described_row(number: int, page: int, lines: list[PrintedLine]) -> TableRow:
    """Row ``number`` of a hand-made table: "Träger <number>" and a Kurzbeschreibung of measured ``lines``."""
    return TableRow(page=page, top=10 * number, bottom=10 * number + 10, x0=0, x1=200, pages=[page],
                    cells={"projekttraeger": [_line(f"Träger {number}")], "kurzbeschreibung": [_line(line.text) for line in lines]},
                    printed={"projekttraeger": [PrintedLine(f"Träger {number}", 10, 40, 5, 2.8, 10)], "kurzbeschreibung": lines})


def _described_refusal(page: int, cells: list[list[PrintedLine]]) -> str:
    """The self-checks' error for a hand-made table of ``_described_row`` rows on ``page``, one a cell of ``cells``."""
    rows = [_described_row(i, page, lines) for i, lines in enumerate(cells)]
    table = Table(columns=DESCRIBED_COLUMNS, rows=rows, pages=[PageTable(page, DESCRIBED_COLUMNS, rows, [])],
                  cues=table_cues([lines for r in rows for lines in r.printed.values()]))
    with pytest.raises(ExtractionError) as info:
        check_table("hand.pdf", table, [])
    return str(info.value)


def test_many_guessed_line_breaks_are_a_reading_failure():
    """A hand-made table of thirty rows whose Kurzbeschreibung lines fill
    their cells with nothing in the table's words to tell a broken word from
    a wrap at a dropped blank: a few such guesses are tolerated (a long word
    that fills its cell), more are refused (a renderer breaking words anywhere)."""
    columns = DESCRIBED_COLUMNS
    filled = [PrintedLine("Herausforderungen", room=0.2, first_word=80, first_char=5, blank=2.8, size=10),
              PrintedLine("zeitgemäßer Personalarbeit", room=20, first_word=50, first_char=5, blank=2.8, size=10)]

    def row(i: int, guessed: bool) -> TableRow:
        lines = filled if guessed else [PrintedLine("Netzwerke", room=60, first_word=40, first_char=5, blank=2.8, size=10)]
        cells = {"projekttraeger": [_line(f"Träger {i}")], "kurzbeschreibung": [_line(line.text) for line in lines]}
        printed = {"projekttraeger": [PrintedLine(f"Träger {i}", 10, 40, 5, 2.8, 10)], "kurzbeschreibung": lines}
        return TableRow(page=1 + i // 10, top=0, bottom=10, x0=0, x1=200, cells=cells, pages=[1 + i // 10], printed=printed)

    def table(guessed: int) -> Table:
        rows = [row(i, i >= 30 - guessed) for i in range(30)]
        pages = [PageTable(p, columns, [r for r in rows if r.page == p], []) for p in (1, 2, 3)]
        return Table(columns=columns, rows=rows, pages=pages, cues=table_cues([lines for r in rows for lines in r.printed.values()]))

    tolerated = max(GUESSES_TOLERATED, int(GUESS_SHARE * 30))
    check_table("hand.pdf", table(tolerated), [])
    with pytest.raises(ExtractionError) as info:
        check_table("hand.pdf", table(tolerated + 1), [])
    assert str(info.value) == (
        f'hand.pdf: page 3, column "Kurzbeschreibung": {tolerated + 1} line breaks in 30 rows (most in this column, e.g. '
        f"'Herausforderungen' / 'zeitgemäßer') fill their cell, so a word broken there cannot be told from a wrap at a blank the renderer left out; {MISREAD}"
    )


def test_many_hyphens_that_the_renderer_may_have_set_are_a_reading_failure():
    """A renderer that hyphenates words (its hyphens split words printed
    whole elsewhere), and more hyphens at wraps than tolerated that split
    words printed nowhere else: the renderer's or the document's, nobody
    can tell; refused, naming what it found."""
    def printed(text: str, room: float = 0.5) -> PrintedLine:
        return PrintedLine(text, room=room, first_word=40, first_char=5, blank=2.8, size=10)

    # left-aligned: a cell's last line ends short of the edge (flush right it would not)
    cells = [[printed("Fachkräfte")], [printed("Zuwanderung")], [printed("der Fach-"), printed("kräfte", 30)], [printed("der Zuwan-"), printed("derung", 30)]]
    cells += [[printed(f"Wort{letter}-"), printed("verein", 30)] for letter in "abcdefgh"]
    assert _described_refusal(1, cells) == (
        'hand.pdf: page 1, column "Kurzbeschreibung": 8 line breaks in 12 rows (most in this column, e.g. '
        f"'Worta-' / 'verein') end in a hyphen that the renderer may have set (it hyphenates words), so it cannot be told from the document's own; {MISREAD}"
    )


def test_a_guessed_line_break_in_a_flush_right_column_is_a_reading_failure():
    """Right-aligned cells end every line at the edge: no line shows that it
    wrapped at a blank, so even one guessed break there refuses the table."""
    def printed(text: str) -> PrintedLine:
        return PrintedLine(text, room=0.2, first_word=40, first_char=5, blank=2.8, size=10)

    cells = [[printed("Herausforderungen"), printed("zeitgemäßer Personalarbeit")]] + [[printed("Die Bildungsberatung"), printed("in Pieschen")]] * 3
    assert _described_refusal(2, cells) == (
        'hand.pdf: page 2, column "Kurzbeschreibung": the column is set flush right, so where its lines wrapped cannot be measured, '
        f"and 1 line breaks (e.g. 'Herausforderungen' / 'zeitgemäßer') may or may not hide a blank; {MISREAD}"
    )


def test_values_cut_short_with_an_ellipsis_are_refused():
    """A browser that shortens what does not fit its cell ("Volkshochschule
    Dr…"): one such value may be the document's, more are refused."""
    columns = DESCRIBED_COLUMNS

    def table(shortened: int) -> Table:
        rows = [TableRow(page=1 + i // 5, top=10 * i, bottom=10 * i + 10, x0=0, x1=200, pages=[1 + i // 5],
                         cells={"projekttraeger": [_line(f"Träger {i}")],
                                "kurzbeschreibung": [_line("Die Bildungsberatung in Piesc\u2026" if i < shortened else "Die Bildungsberatung")]})
                for i in range(10)]
        return Table(columns=columns, rows=rows, pages=[PageTable(p, columns, [r for r in rows if r.page == p], []) for p in (1, 2)])

    check_table("hand.pdf", table(1), [])
    with pytest.raises(ExtractionError) as info:
        check_table("hand.pdf", table(2), [])
    assert str(info.value) == (
        'hand.pdf: page 1, column "Kurzbeschreibung": 2 of 10 values end in an ellipsis (e.g. "Die Bildungsberatung in Piesc\u2026"): '
        "the renderer cut them short, and the rest is not in the PDF; print it again so that all text fits"
    )


def test_an_undecidable_line_break_is_a_reading_failure():
    """A browser's break between a quote and a bracket may or may not hide
    a blank, as may a break before "in" or "um" after a line that fills its
    cell: even one such break refuses the table, naming its page."""
    lines = [PrintedLine('of Chemnistry"', room=12, first_word=20, first_char=5, blank=2.8, size=10),
             PrintedLine("(CTC) in Dresden", room=20, first_word=30, first_char=3, blank=2.8, size=10)]
    assert _described_refusal(2, [lines]) == (
        "hand.pdf: page 2, column \"Kurzbeschreibung\": the line break in 'Chemnistry\"' / '(CTC)' may or may not hide a blank "
        f"(browsers break between a quote and a bracket without one, and this renderer shows no blank at its wraps); {UNDECIDED}"
    )
    # a line that fills its cell before "in", a word and a word's end ("Großenha" / "in")
    lines = [PrintedLine("Großenha", room=0.3, first_word=40, first_char=5, blank=2.8, size=10),
             PrintedLine("in", room=50, first_word=8, first_char=2.2, blank=2.8, size=10)]
    assert _described_refusal(3, [lines]) == (
        "hand.pdf: page 3, column \"Kurzbeschreibung\": the line break in 'Großenha' / 'in' may or may not hide a blank "
        f"(the line fills its cell, and 'in' is a word as well as the end of many words); {UNDECIDED}"
    )


def test_a_blank_the_table_prints_both_ways_is_refused_at_an_unshown_wrap():
    """The 2023 overview prints "und -bindung" and, once, "und - entwicklung".
    A browser that wraps "und -" / "entwicklung" shows neither blank: the
    table prints both spellings, so the break is undecidable and refused,
    naming the page; "und -entwicklung" was published with exit status 0."""
    wrapped = [PrintedLine("Fachkräftebindung und -", room=3, first_word=90, first_char=5, blank=2.8, size=10),
               PrintedLine("entwicklung im Erzgebirge", room=20, first_word=60, first_char=5, blank=2.8, size=10)]
    elsewhere = [PrintedLine("Unternehmen öffnen - durch Diversität", room=20, first_word=60, first_char=5, blank=2.8, size=10)]
    assert _described_refusal(4, [elsewhere, wrapped]) == (
        "hand.pdf: page 4, column \"Kurzbeschreibung\": the line break in 'und -' / 'entwicklung' may or may not hide a blank "
        f"(this renderer shows no blank at the wrap, and the table prints such a break both ways ('öffnen - durch')); {UNDECIDED}"
    )

def test_an_expected_column_no_header_names_is_a_reading_failure():
    """A column cut off at the paper's edge (a browser leaves it out of the
    PDF, header and all) would be published empty: refused, naming it."""
    columns = DESCRIBED_COLUMNS
    cells = {"projekttraeger": [_line("Träger 1")], "kurzbeschreibung": [_line("Text")]}
    rows = [TableRow(page=1, top=0, bottom=10, x0=0, x1=200, cells=cells, pages=[1])]
    table = Table(columns=columns, rows=rows, pages=[PageTable(1, columns, rows, [])], cues=table_cues([]))
    specs = [ColumnSpec("projekttraeger", "träger"), ColumnSpec("region_raw", "region"), ColumnSpec("kurzbeschreibung", "beschreibung")]
    with pytest.raises(ExtractionError) as info:
        check_table("hand.pdf", table, specs)
    assert str(info.value) == f'hand.pdf: page 1, column "region_raw": no header cell names this column, so its values would be published empty; {MISREAD}'
    check_table("hand.pdf", table, [specs[0], specs[2]])


def test_a_row_cut_at_the_page_end_is_a_reading_failure():
    """A row alone on its page that ends where the other pages end deepest
    (the bottom margin), or deeper, and does not go on: a word processor
    cut a row kept on one page although taller than it (Writer prints its
    lines that start above the margin: the row may end more than a line
    deeper than the other pages, whose rows stop short of the margin). A
    row printed on past the paper's edge, its text or its borders (a
    spreadsheet does), one whose cells all end together (bottom-aligned),
    or one that ends higher, passes."""
    columns = DESCRIBED_COLUMNS

    def row(seq: int, page: int, top: float, bottom: float, aligned: str = "top") -> TableRow:
        first_end = bottom if aligned == "bottom" else top + 10
        cells = {"projekttraeger": [SimpleNamespace(text=f"Träger {seq}", top=first_end - 10, bottom=first_end, size=10.0)],
                 "kurzbeschreibung": [SimpleNamespace(text="Text", top=bottom - 10, bottom=bottom, size=10.0)]}
        return TableRow(page=page, top=top, bottom=bottom, x0=0, x1=200, cells=cells, pages=[page])

    def table(alone_bottom: float, aligned: str = "top", frame: float = float("-inf")) -> Table:
        rows = [row(1, 1, 60, 300), row(2, 1, 310, 520), row(3, 2, 60, 300), row(4, 2, 310, 530), row(5, 3, 60, alone_bottom, aligned),
                row(6, 4, 60, 200)]
        pages = [PageTable(p, columns, [r for r in rows if r.page == p], [], paper_bottom=595.0, ruled_bottom=frame if p == 3 else float("-inf"))
                 for p in (1, 2, 3, 4)]
        return Table(columns=columns, rows=rows, pages=pages, cues=table_cues([]))

    for cut in (535, 548):  # at the others' depth, and 1.5 pitches deeper (its last line starts above the paper's edge)
        with pytest.raises(ExtractionError) as info:
            check_table("hand.pdf", table(cut), [])
        assert str(info.value).startswith('hand.pdf: page 3, column "Kurzbeschreibung": the row fills the page alone and does not go on')
    check_table("hand.pdf", table(400), [])  # ends well above the others: the next row did not fit after it
    check_table("hand.pdf", table(640), [])  # printed on past the paper's edge, whole
    check_table("hand.pdf", table(570, frame=647), [])  # its borders drawn past the paper's edge (Calc, top-aligned)
    with pytest.raises(ExtractionError):
        check_table("hand.pdf", table(548, frame=539), [])  # its border where the cut is (Writer)
    check_table("hand.pdf", table(535, aligned="bottom"), [])  # its cells end together: set for its text (Calc's default)


def _line(text: str) -> SimpleNamespace:
    """A printed line as the checks see it: only its text counts."""
    return SimpleNamespace(text=text)


def _odd_regions(n: int) -> list[dict]:
    """Gold rows whose first ``n`` rows with an Ort print "Ort Region" in the Region cell."""
    rows = _gold()
    for row in [r for r in rows if r["durchfuehrungsort"]][:n]:
        row["region_raw"] = f"{row['durchfuehrungsort']} {row['region_raw']}"
    return rows


def test_a_few_odd_values_are_the_documents_own(tmp_path):
    rows = _odd_regions(ODD_ROWS)
    _, _, read = extract_projects(open_pdf(render_sab(tmp_path / "few.pdf", rows)))
    assert [r.region_raw for r in read] == [row["region_raw"] for row in rows]


def test_more_odd_values_than_tolerated_are_a_reading_failure(tmp_path):
    pdf = render_sab(tmp_path / "many.pdf", _odd_regions(ODD_ROWS + 1))
    with pytest.raises(ExtractionError) as info:
        extract_projects(open_pdf(pdf))
    assert str(info.value) == (
        'many.pdf: page 1, column "Region/FKA": 4 of 30 rows do not fit, most hold other words before a district '
        f'(e.g. "Annaberg-Buchholz Erzgebirgskreis"); {MISREAD}'
    )


def test_an_impossible_date_is_no_reading_failure(tmp_path):
    rows = _gold()
    for row in rows[:ODD_ROWS + 2]:
        row["bewilligungsende_raw"] = "31.11.2023"
    _, _, read = extract_projects(open_pdf(render_sab(tmp_path / "impossible.pdf", rows)))
    assert [r.bewilligungsende_raw for r in read] == [row["bewilligungsende_raw"] for row in rows]


def test_annex_tables_are_checked_too(tmp_path):
    """The annex reader uses the same checks: a Zielgruppe column read empty is refused."""
    fields = ["zuwendungsempfaenger", "projekttitel", "zielgruppe", "kurzbeschreibung"]
    rows = [[g[f] if f != "zielgruppe" else "" for f in fields] for g in gold_landtag()["anlagen"] if g["anlage"] == 1]
    pdf = tmp_path / "annex.pdf"
    render_table(pdf, ["Zuwendungsempfänger", "Projekttitel", "Zielgruppe", "Kurzbeschreibung"], [120, 150, 150, 260], rows,
                 Layout(size=10, footer=None, first_page_head=["Anlage 1"]))
    with pytest.raises(ExtractionError) as info:
        extract_annex_rows(open_pdf(pdf), "x")
    assert str(info.value) == f'annex.pdf: page 1, column "Zielgruppe": empty on 22 of 22 rows; {MISREAD}'


# --------------------------------------------------------------------------
# The shapes, cell by cell


@pytest.mark.parametrize(
    "text, complaint",
    [("17.11.2022", None), ("1.2.23", None), ("10. Juni 2024", None), ("31.11.2023", None),
     ("17.11.2022 31.12.2023", "two dates"), ("17.11.202231.12.2023", "two dates"),
     ("laufend", "text that is not a date"), ("2023", "text that is not a date")],
)
def test_date_complaint(text, complaint):
    assert date_complaint(text) == complaint


@pytest.mark.parametrize(
    "text, complaint",
    [("1", None), ("10", None), (" 3", None), ("1digitaler Wandel", "a number glued to words"),
     ("3 Fachkräftekampagnen", "a number glued to words"), ("11", "no RL number 1-10"), ("0", "no RL number 1-10"),
     ("Fachkräftekampagnen", "no RL number 1-10")],
)
def test_rl_number_complaint(text, complaint):
    assert rl_number_complaint(text) == complaint


@pytest.mark.parametrize(
    "text, complaint",
    [("Nordsachsen", None), ("Leipzig, Stadt", None), ("Landkreis leipzig", None), ("Mittelsachssen", None),
     ("Leipzig Nordsachsen", "other words before a district"), ("Zwickau Chemnitz", "two districts"), ("Dresden Dresden", "two districts"),
     ("Leipzig", "no Saxon district"), ("Sächsische Schweiz-Osterzgebirge3", None)],
)
def test_district_complaint(text, complaint):
    assert district_complaint(text) == complaint


def test_a_column_missing_on_one_page_is_refused():
    """A hand-made table of three pages: the Nr column's header not found on
    page 2, whose RL numbers would have been read into Vorhabensart."""
    full = [Column("projekttraeger", "Träger", float("-inf"), 100), Column("rl_nr_raw", "Nr. der RL", 100, 130),
            Column("vorhabensart_raw", "Vorhabensart", 130, float("inf"))]
    short = [full[0], Column("vorhabensart_raw", "Vorhabensart", 100, float("inf"))]

    def row(page: int) -> TableRow:
        return TableRow(page=page, top=0, bottom=10, x0=0, x1=200, cells={"projekttraeger": [_line("Träger")]}, pages=[page])

    rows = [row(p) for p in (1, 2, 3)]
    pages = [PageTable(1, full, rows[:1], []), PageTable(2, short, rows[1:2], []), PageTable(3, full, rows[2:], [])]
    with pytest.raises(ExtractionError) as info:
        check_table("hand.pdf", Table(columns=full, rows=rows, pages=pages), [])
    assert str(info.value) == ('hand.pdf: page 2, column "Nr. der RL": not found in this page\'s header, though other pages have it: '
                               f"its values would be read into a neighbouring column; {MISREAD}")
