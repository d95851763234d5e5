"""The gold tables as HTML pages, for printing by a real browser.

``render.py`` draws renderings with reportlab, so the project controls every
glyph and every blank. A user's PDF comes from an engine nobody here wrote:
a browser or an office suite decides where lines wrap, whether a blank is
written at a wrap, how a header repeats, where cell borders and fills go.
This module writes the same gold values as an HTML page whose CSS varies
what users vary (font, size, paper, orientation, alignment, column widths,
grid, banded fills, heading rows, header wording and column order, small
capitals, soft hyphens and zero-width spaces in the text); a test
then prints it with Chromium (``browser.print_to_pdf``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Fonts Debian installs with fonts-dejavu, fonts-liberation and
# fonts-crosextra-carlito (Carlito has Calibri's metrics).
FONTS = ("DejaVu Sans", "DejaVu Serif", "Liberation Sans", "Liberation Serif", "Carlito")

SAB_TITLE = "Fachkräfterichtlinie: Übersicht über beantragte und bewilligte Projekte - Regionalbudget 2023"
SAB_STAND = "Stand: 31.12.2023"


@dataclass(frozen=True)
class HtmlLayout:
    """How the page is set; every field is something a user's stylesheet or
    print dialog changes."""

    font: str = "DejaVu Sans"
    size: float = 9.0  # pt, body and header
    paper: str = "A4"  # or "A3"
    orientation: str = "landscape"  # or "portrait"
    margin_mm: float = 12.0
    grid: str = "all"  # "all" cell borders, "none", "rows" (horizontal rules only), "header" (one rule under the header)
    valign: str = "top"  # "top", "middle" or "bottom", body and header cells
    align_numbers: bool = False  # RL number and dates right-aligned, as a spreadsheet sets numbers
    header_align: str = "left"  # or "center"
    banded: bool = False  # every second row filled
    section_rows: bool = False  # a heading row "Region <name>" spanning all columns where the region changes
    widths: tuple[float, ...] | None = None  # column width hints in % of the table, None: the browser decides
    padding_pt: float = 2.0
    header_break: str = "hyphen"  # "Durchführungs-ort" as typed, "shy" (soft hyphen) or "br" (forced break)
    head: str = "first_page"  # title and Stand above the table on page 1, or "every_page" (running head)
    footer: bool = True  # "Seite x von y" at the foot of every page
    row_break: bool = False  # may a row break across pages (a browser's default)?
    ligatures: bool = True  # "fl", "ff", "fi" as one glyph, a browser's default for most fonts
    break_words: bool = False  # break a word too long for its cell (CSS overflow-wrap: anywhere) rather than let it overflow
    # what a cell does with text that does not fit: "visible" (a browser's default: it overflows), "fixed" (fixed
    # column widths, the overflow running on over the next cell), "hidden" (fixed column widths, the overflow cut
    # off at the cell's edge) or "ellipsis" (one line each, cut short with "…")
    overflow: str = "visible"
    text_align: str = "left"  # body cells' text "left", "right" (flush right) or "center"
    small_caps: bool = False  # body cells in small capitals (CSS font-variant: small-caps; the fonts have none: synthesised)
    # invisible break opportunities in the cells' text: "none", "shy" (soft hyphens inside long words, as a
    # hyphenation script inserts them), "zwsp" (a zero-width space after every hyphen and slash, as a CMS inserts
    # them) or "nbsp" (the first three blanks of a cell no-break spaces, as an editor sets them)
    cell_breaks: str = "none"

    def describe(self) -> str:
        defaults = HtmlLayout()
        changed = [f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__ if getattr(self, name) != getattr(defaults, name)]
        return f"HtmlLayout({', '.join(changed)})"


def _header_html(text: str, mode: str) -> str:
    """A header as the user typed it: "Durchführungs-ort" with the hyphen, or
    the word with a soft hyphen, or a forced line break after the hyphen."""
    escaped = html.escape(text)
    if mode == "shy":
        return escaped.replace("s-", "s&shy;")
    if mode == "br":
        return escaped.replace("-", "-<br>")
    return escaped


def _cell_html(text: str, breaks: str) -> str:
    """A body cell's text with the invisible break opportunities of ``breaks`` (see HtmlLayout.cell_breaks)."""
    escaped = html.escape(text)
    if breaks == "shy":
        return re.sub(r"\w{8,}", lambda m: _soft_hyphens(m.group()), escaped)
    if breaks == "zwsp":
        return re.sub(r"([-/])", r"\1&#8203;", escaped)
    if breaks == "nbsp":
        return escaped.replace(" ", "&nbsp;", 3)
    return escaped


def _soft_hyphens(word: str) -> str:
    """``word`` with a soft hyphen after every four letters, none before its last two or three."""
    pieces = [word[i:i + 4] for i in range(0, len(word), 4)]
    if len(pieces[-1]) < 3:
        pieces[-2:] = ["".join(pieces[-2:])]
    return "&shy;".join(pieces)


def _css(layout: HtmlLayout, columns: int, numeric: set[int]) -> str:
    border = "0.6pt solid #000"
    cell_border = {
        "all": f"border: {border};",
        "none": "border: none;",
        "rows": f"border: none; border-bottom: {border};",
        "header": "border: none;",
    }[layout.grid]
    head_border = f"border-bottom: {border};" if layout.grid == "header" else ""
    rules = [
        f"@page {{ size: {layout.paper} {layout.orientation}; margin: {layout.margin_mm}mm;",
    ]
    if layout.footer:
        rules.append(f'  @bottom-center {{ content: "Seite " counter(page) " von " counter(pages); font: {layout.size}pt "{layout.font}"; }}')
    if layout.head == "every_page":
        rules.append(f'  @top-left {{ content: "{SAB_TITLE}"; font: bold {layout.size}pt "{layout.font}"; }}')
        rules.append(f'  @top-right {{ content: "{SAB_STAND}"; font: {layout.size}pt "{layout.font}"; }}')
    rules.append("}")
    rules += [
        f'body {{ margin: 0; font-family: "{layout.font}"; font-size: {layout.size}pt; line-height: 1.2;'
        f' font-variant-ligatures: {"normal" if layout.ligatures else "none"}; }}',
        ".title { font-weight: bold; margin: 0 0 0.3em 0; }",
        ".stand { margin: 0 0 0.8em 0; }",
        ".caption { font-weight: bold; font-size: 1.2em; margin: 0 0 0.6em 0; }",
        ".anlage + .anlage { break-before: page; }",
        "table { border-collapse: collapse; width: 100%; }",
        "thead { display: table-header-group; }",
        f"th, td {{ {cell_border} padding: {layout.padding_pt}pt {layout.padding_pt + 1}pt; vertical-align: {layout.valign}; text-align: left; }}",
        f"td {{ overflow-wrap: {'anywhere' if layout.break_words else 'normal'}; }}",
        f"th {{ font-weight: bold; text-align: {layout.header_align}; {head_border} }}",
        "* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }",
    ]
    if layout.overflow in ("fixed", "hidden"):
        rules.append("table { table-layout: fixed; }")
    if layout.overflow == "hidden":
        rules.append("td, th { overflow: hidden; }")
    if layout.small_caps:
        rules.append("td { font-variant: small-caps; }")
    if layout.text_align != "left":
        rules.append(f"td {{ text-align: {layout.text_align}; }}")
    if layout.overflow == "ellipsis":
        rules.append("td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 0; }")
    if not layout.row_break:
        rules.append("tr { break-inside: avoid; }")
    if layout.banded:
        rules.append("tbody tr.row:nth-of-type(even) td { background: #dde5f0; }")
    if layout.section_rows:
        rules.append("tr.section td { font-weight: bold; background: #eeeeee; }")
    if layout.align_numbers:
        rules += [f"td:nth-child({i + 1}) {{ text-align: right; }}" for i in sorted(numeric)]
    return "\n".join(rules)


def _table(headers: list[str], rows: list[list[str]], layout: HtmlLayout, sections: list[str | None] | None = None) -> str:
    cols = ""
    if layout.widths:
        cols = "<colgroup>" + "".join(f'<col style="width:{w}%">' for w in layout.widths) + "</colgroup>"
    head = "<tr>" + "".join(f"<th>{_header_html(h, layout.header_break)}</th>" for h in headers) + "</tr>"
    body = []
    for i, row in enumerate(rows):
        if sections and sections[i]:
            body.append(f'<tr class="section"><td colspan="{len(headers)}">{html.escape(sections[i])}</td></tr>')
        body.append('<tr class="row">' + "".join(f"<td>{_cell_html(cell, layout.cell_breaks)}</td>" for cell in row) + "</tr>")
    return f"<table>{cols}<thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"


def _page(layout: HtmlLayout, numeric: set[int], columns: int, content: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><title>Rendering</title>'
        f"<style>\n{_css(layout, columns, numeric)}\n</style></head><body>\n{content}\n</body></html>\n"
    )


def sab_html(headers: list[str], rows: list[list[str]], layout: HtmlLayout, numeric: set[int] = frozenset(),
             regions: list[str] | None = None) -> str:
    """The SAB overview: title and Stand above the table, then the table.

    ``numeric``: indices of the columns a spreadsheet would right-align (RL
    number, dates). ``regions``: each row's region, for heading rows where it
    changes.
    """
    sections = None
    if layout.section_rows and regions:
        sections = [f"Region {r}" if i == 0 or r != regions[i - 1] else None for i, r in enumerate(regions)]
    head = ""
    if layout.head == "first_page":
        head = f'<p class="title">{html.escape(SAB_TITLE)}</p><p class="stand">{html.escape(SAB_STAND)}</p>'
    return _page(layout, numeric, len(headers), head + _table(headers, rows, layout, sections))


def annex_html(headers: list[str], annexes: list[tuple[str, list[list[str]]]], layout: HtmlLayout) -> str:
    """The Landtag annexes: each caption ("Anlage 1") above its table, each annex on a new page."""
    parts = [
        f'<section class="anlage"><p class="caption">{html.escape(caption)}</p>{_table(headers, rows, layout)}</section>'
        for caption, rows in annexes
    ]
    return _page(layout, set(), len(headers), "\n".join(parts))


# --------------------------------------------------------------------------
# The Landtag letter (Drs. 7/16456) as a word processor's user would set it


LETTER_CSS = """
p { margin: 0 0 0.8em 0; }
p.tight { margin: 0; }
.bold { font-weight: bold; }
.tab { display: flex; }
.tab > span:first-child { flex: 0 0 60%; }
.spaced > .tab { margin: 0 0 0.8em 0; }
table.list { width: auto; margin: 0 0 0.8em 0; }
table.list td { border: none; padding: 0 1.5em 0 0; vertical-align: top; }
table.list td.amount { text-align: right; }
.letter-end { break-after: page; }
"""


def _p(text: str, cls: str = "") -> str:
    return f'<p class="{cls}">{html.escape(text)}</p>' if cls else f"<p>{html.escape(text)}</p>"


def _tab_row(left: str, right: str) -> str:
    """Two cells as a tab sets them: the second starts at a fixed position."""
    return f'<div class="tab"><span>{html.escape(left)}</span><span>{html.escape(right)}</span></div>'


def _list(rows: list[tuple[str, str]], lists: str, amounts: bool = False) -> str:
    """A borderless two-column list: tab rows set apart like paragraphs
    (``lists="tab"``), tab rows at line pitch with the paragraph after the
    list following at line pitch too (``"tab_tight"``), or a borderless
    table (``"table"``)."""
    if lists in ("tab", "tab_tight"):
        rows_html = "".join(_tab_row(a, b) for a, b in rows)
        return f'<div class="spaced">{rows_html}</div>' if lists == "tab" else rows_html
    right = ' class="amount"' if amounts else ""
    body = "".join(f"<tr><td>{html.escape(a)}</td><td{right}>{html.escape(b)}</td></tr>" for a, b in rows)
    return f'<table class="list">{body}</table>'


def letter_html(g: dict, layout: HtmlLayout, annex_headers: list[str], annexes: list[tuple[str, list[list[str]]]],
                lists: str = "tab") -> str:
    """The whole answer from the gold values ``g``: letterhead, address block
    beside the Aktenzeichen, date, heading, the asker's remarks (footnote
    marker as a superscript), questions in bold, the answers with the
    Welcome Center list (name ⇥ Träger) and the funding lists (region ⇥
    amount in €), closing, then each annex as a ruled table on a new page."""
    left = ["Präsidenten des Sächsischen Landtages", "Herrn Dr. Matthias Rößler", "Bernhard-von-Lindenau-Platz 1", "01067 Dresden"]
    right = ["Aktenzeichen", "(bitte bei Antwort angeben)", g["aktenzeichen"], ""]
    parts = [_p(g["signatory_funktion"], "tight"), _p(g["ministerium"]), "<br>"]
    parts += [_tab_row(a, b) for a, b in zip(left, right, strict=True)]
    parts += ["<br>", _tab_row("", g["datum_raw"]), "<br>"]
    parts += [_p(f"Kleine Anfrage des Abgeordneten {g['fragesteller']} ({g['fraktion']})", "tight"),
              _p(f"Drs.-Nr.: {g['drucksache']}", "tight"), _p(f"Thema: {g['thema']}")]
    remarks = html.escape(g["vorbemerkung_fragesteller"]).replace("¹", "<sup>1</sup>")
    parts += [_p("Sehr geehrter Herr Präsident,"), _p("den Fragen sind folgende Ausführungen vorangestellt:"),
              f"<p>{remarks}</p>",
              _p("Namens und im Auftrag der Sächsischen Staatsregierung beantworte ich die Kleine Anfrage wie folgt:")]
    questions = {q["nummer"]: q["frage_text"] for q in g["questions"]}
    parts += [_p(f"Frage {n}: {questions[n]}", "bold") for n in (1, 2, 3)]
    parts.append(_p("Zusammenfassende Antwort auf die Fragen 1 bis 3:", "bold"))
    joint = g["answers"][0]["absaetze"]
    parts += [_p(text) for text in joint[:6]]
    parts.append(_list([(c["name"], c["traeger_region_raw"]) for c in g["welcome_centers"]], lists))
    parts.append(_p(joint[6]))
    parts.append(_list([(f["region_raw"], f["betrag_raw"]) for f in g["funding_established"]], lists, amounts=True))
    parts.append(_p(joint[7]))
    parts.append(_list([(f["region_raw"], f["betrag_raw"]) for f in g["funding_in_aufbau"]], lists, amounts=True))
    for k, n in ((1, 4), (2, 5)):
        parts.append(_p(f"Frage {n}: {questions[n]}", "bold"))
        parts += [_p(text) for text in g["answers"][k]["absaetze"]]
    parts += [_p("Mit freundlichen Grüßen"), "<br><br>", _p(g["signatory"]),
              f'<p class="letter-end">{g["anlagen_anzahl"]} Anlagen</p>']
    parts += [
        f'<section class="anlage"><p class="caption">{html.escape(caption)}</p>{_table(annex_headers, rows, layout)}</section>'
        for caption, rows in annexes
    ]
    page = _page(layout, set(), len(annex_headers), "\n".join(parts))
    return page.replace("</style>", LETTER_CSS + "</style>", 1)
