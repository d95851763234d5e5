"""Landtag answers as word-processor documents (flat OpenDocument text,
.fodt), for printing by LibreOffice Writer.

A word processor sets a table differently from a spreadsheet or a
browser: it writes no blank where a cell line wraps, lets a row break
across a page (every column continuing on the next), and repeats the
heading row on each page. The annexes of a Landtag answer are made this
way (``annex_fodt``), and so is the letter in front of them
(``letter_fodt``): real paragraphs that Writer wraps and justifies itself,
tab stops or a borderless table for the lists, a real footnote, a page
break before each annex.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from xml.sax.saxutils import escape

from render_calc import ODF_NAMESPACES, font_face

# Fonts Debian installs with fonts-liberation, fonts-crosextra-carlito
# (Calibri's metrics) and fonts-dejavu.
FONTS = ("Liberation Serif", "Liberation Sans", "Carlito", "DejaVu Sans")
MARKER = "¹"  # the footnote marker in the gold text; Writer prints its own
PAGE_WIDTH_CM = 21.0


@dataclass(frozen=True)
class WriterLayout:
    font: str = "Liberation Serif"
    size: float = 11.0  # pt
    orientation: str = "portrait"  # or "landscape"
    borders: bool = True
    rows_may_break: bool = True  # Writer's default: a row may continue on the next page
    margin_cm: float = 2.0
    hyphenate: bool = False  # German automatic hyphenation of the table's body text (needs Debian's hyphen-de)
    # the letter (letter_fodt) only
    justify: bool = False  # body paragraphs justified (their last lines left-aligned)
    lists: str = "tabs"  # the Welcome Center and funding lists as "tabs" (paragraphs with tab stops) or a borderless "table"
    amount_tab: str = "right"  # the amounts at a "right"-aligned, "left"-aligned or "decimal" (",") tab stop
    bold_questions: bool = True
    spacing: float = 0.35  # space after a paragraph, cm
    page_number: bool = True  # "Seite N von M" in the footer

    def describe(self) -> str:
        defaults = WriterLayout()
        changed = [f"{f.name}={getattr(self, f.name)!r}" for f in fields(self) if getattr(self, f.name) != getattr(defaults, f.name)]
        return f"WriterLayout({', '.join(changed)})"

    def text_width_cm(self) -> float:
        return PAGE_WIDTH_CM - 2 * self.margin_cm


def _cell(text: str, style: str) -> str:
    return f'<table:table-cell table:style-name="cell" office:value-type="string"><text:p text:style-name="{style}">{escape(text)}</text:p></table:table-cell>'


def _annex_tables(headers: list[str], annexes: list[tuple[str, list[list[str]]]], first_on_new_page: bool) -> str:
    """Each annex: its caption ("Anlage 1") on a new page, then its ruled table
    with the heading row repeated on every page."""

    def row(cells: list[str], style: str) -> str:
        return '<table:table-row table:style-name="row">' + "".join(_cell(c, style) for c in cells) + "</table:table-row>"

    tables = []
    for number, (caption, rows) in enumerate(annexes):
        columns = "".join(f'<table:table-column table:style-name="col{i}"/>' for i in range(len(headers)))
        tables.append(
            f'<text:p text:style-name="{"caption" if number == 0 and not first_on_new_page else "caption_new_page"}">{escape(caption)}</text:p>'
            f'<table:table table:name="Anlage{number + 1}" table:style-name="table">{columns}'
            f'<table:table-header-rows>{row(headers, "head")}</table:table-header-rows>'
            + "".join(row(r, "body") for r in rows) + "</table:table>"
        )
    return "".join(tables)


def _annex_styles(widths_cm: list[float], layout: WriterLayout) -> str:
    border = "0.5pt solid #000000" if layout.borders else "none"
    keep = "auto" if layout.rows_may_break else "always"
    column_styles = "".join(
        f'<style:style style:name="col{i}" style:family="table-column"><style:table-column-properties style:column-width="{w:.3f}cm"/></style:style>'
        for i, w in enumerate(widths_cm))
    text = f'style:font-name="{layout.font}" fo:font-size="{layout.size}pt"'
    hyphenation = ' fo:language="de" fo:country="DE" fo:hyphenate="true"' if layout.hyphenate else ""
    return f"""
 <style:style style:name="table" style:family="table"><style:table-properties style:width="{sum(widths_cm):.3f}cm" table:align="left"/></style:style>
 {column_styles}
 <style:style style:name="row" style:family="table-row"><style:table-row-properties fo:keep-together="{keep}"/></style:style>
 <style:style style:name="cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="{border}"/></style:style>
 <style:style style:name="body" style:family="paragraph"><style:text-properties {text}{hyphenation}/></style:style>
 <style:style style:name="head" style:family="paragraph"><style:text-properties {text} fo:font-weight="bold"/></style:style>
 <style:style style:name="caption" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties {text} fo:font-weight="bold"/></style:style>
 <style:style style:name="caption_new_page" style:family="paragraph"><style:paragraph-properties fo:break-before="page" fo:margin-bottom="0.3cm"/><style:text-properties {text} fo:font-weight="bold"/></style:style>"""


def _page_layout(layout: WriterLayout, footer: bool) -> tuple[str, str]:
    """The page layout style and the master page (with a page-number footer if asked)."""
    width, height = ("21cm", "29.7cm") if layout.orientation == "portrait" else ("29.7cm", "21cm")
    margin = f"{layout.margin_cm}cm"
    page = (f'<style:page-layout style:name="pl"><style:page-layout-properties fo:page-width="{width}" fo:page-height="{height}" '
            f'style:print-orientation="{layout.orientation}" fo:margin="{margin}"/>'
            + ('<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.3cm"/></style:footer-style>' if footer else "")
            + "</style:page-layout>")
    foot = ""
    if footer:
        foot = ('<style:footer><text:p text:style-name="footer">Seite <text:page-number text:select-page="current">1</text:page-number> von '
                '<text:page-count>1</text:page-count></text:p></style:footer>')
    master = f'<style:master-page style:name="Standard" style:page-layout-name="pl">{foot}</style:master-page>'
    return page, master


def _document(layout: WriterLayout, styles: str, master: str, body: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {ODF_NAMESPACES}
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
{font_face(layout.font)}
<office:automatic-styles>{styles}
</office:automatic-styles>
<office:master-styles>{master}</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body>
</office:document>
"""


def annex_fodt(headers: list[str], annexes: list[tuple[str, list[list[str]]]], widths_cm: list[float], layout: WriterLayout) -> str:
    """Each annex: its caption ("Anlage 1") on a new page, then its table."""
    page, master = _page_layout(layout, footer=False)
    return _document(layout, _annex_styles(widths_cm, layout) + "\n " + page, master,
                     _annex_tables(headers, annexes, first_on_new_page=False))


# --------------------------------------------------------------------------
# The whole Landtag answer (Drs. 7/16456): the letter, then its annexes


ADDRESS = ["Präsidenten des Sächsischen Landtages", "Herrn Dr. Matthias Rößler", "Bernhard-von-Lindenau-Platz 1", "01067 Dresden"]


def _letter_styles(layout: WriterLayout) -> str:
    """Paragraph styles of the letter; tab stops are placed relative to the
    text width, as a user places them on the ruler."""
    text = f'style:font-name="{layout.font}" fo:font-size="{layout.size}pt"'
    align = "justify" if layout.justify else "start"
    after = f"{layout.spacing}cm"
    width = layout.text_width_cm()
    head_tab = f"{0.55 * width:.2f}cm"  # the Aktenzeichen column and the date
    list_tab = f"{0.6 * width:.2f}cm"  # the Träger column
    amount_tab = f"{0.55 * width:.2f}cm" if layout.amount_tab != "right" else f"{0.7 * width:.2f}cm"
    kind = {"left": "left", "right": "right", "decimal": "char"}[layout.amount_tab]
    char = ' style:char=","' if kind == "char" else ""
    keep = 'fo:widows="2" fo:orphans="2"'

    def para(name: str, props: str = "", tabs: str = "", bold: bool = False) -> str:
        stops = f"<style:tab-stops>{tabs}</style:tab-stops>" if tabs else ""
        weight = ' fo:font-weight="bold"' if bold else ""
        return (f'<style:style style:name="{name}" style:family="paragraph"><style:paragraph-properties {keep} {props}>{stops}'
                f'</style:paragraph-properties><style:text-properties {text}{weight}/></style:style>')

    def tab(position: str, kind: str = "left", extra: str = "") -> str:
        return f'<style:tab-stop style:position="{position}" style:type="{kind}"{extra}/>'

    return "\n ".join([
        para("line", 'fo:margin-bottom="0cm"'),
        para("address", 'fo:margin-bottom="0cm"', tab(head_tab)),
        para("text", f'fo:margin-bottom="{after}" fo:text-align="{align}"'),
        para("question", f'fo:margin-bottom="{after}" fo:text-align="{align}" fo:keep-with-next="always"', bold=layout.bold_questions),
        para("center", f'fo:margin-bottom="{after}"', tab(list_tab)),
        para("amount", f'fo:margin-bottom="{after}"', tab(amount_tab, kind, char)),
        para("cellp", 'fo:margin-bottom="0cm"'),
        para("cellr", 'fo:margin-bottom="0cm" fo:text-align="end"'),
        f'<style:style style:name="footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties {text}/></style:style>',
        f'<style:style style:name="note" style:family="paragraph"><style:text-properties style:font-name="{layout.font}" fo:font-size="{max(8.0, layout.size - 2)}pt"/></style:style>',
        '<style:style style:name="list" style:family="table"><style:table-properties '
        f'style:width="{width:.2f}cm" table:align="left" fo:margin-bottom="{after}"/></style:style>',
        f'<style:style style:name="listcol0" style:family="table-column"><style:table-column-properties style:column-width="{0.6 * width:.2f}cm"/></style:style>',
        f'<style:style style:name="listcol1" style:family="table-column"><style:table-column-properties style:column-width="{0.4 * width:.2f}cm"/></style:style>',
        '<style:style style:name="listcell" style:family="table-cell"><style:table-cell-properties fo:padding="0cm" fo:border="none"/></style:style>',
    ])


def _p(style: str, text: str = "") -> str:
    return f'<text:p text:style-name="{style}">{text}</text:p>'


def _tabbed(style: str, *cells: str) -> str:
    return _p(style, "<text:tab/>".join(escape(c) for c in cells))


def _list(rows: list[tuple[str, str]], layout: WriterLayout, style: str) -> str:
    """A two-column list: one paragraph per row with a tab stop, or a borderless table."""
    if layout.lists == "tabs":
        return "".join(_tabbed(style, a, b) for a, b in rows)
    right = "cellr" if style == "amount" and layout.amount_tab == "right" else "cellp"
    body = "".join(
        '<table:table-row>'
        f'<table:table-cell table:style-name="listcell" office:value-type="string">{_p("cellp", escape(a))}</table:table-cell>'
        f'<table:table-cell table:style-name="listcell" office:value-type="string">{_p(right, escape(b))}</table:table-cell>'
        '</table:table-row>' for a, b in rows)
    return ('<table:table table:style-name="list"><table:table-column table:style-name="listcol0"/>'
            f'<table:table-column table:style-name="listcol1"/>{body}</table:table>')


def _with_footnote(text: str, note: str) -> str:
    """``text`` with its marker "¹" made a real footnote whose body is ``note``."""
    before, after = text.split(MARKER)
    footnote = ('<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
                f'<text:note-body>{_p("note", escape(note))}</text:note-body></text:note>')
    return escape(before) + footnote + escape(after)


def _letter(g: dict, layout: WriterLayout) -> str:
    right = ["Aktenzeichen", "(bitte bei Antwort angeben)", g["aktenzeichen"], ""]
    parts = [_p("line", escape(g["signatory_funktion"])), _p("line", escape(g["ministerium"])), _p("line")]
    parts += [_tabbed("address", a, b) if b else _p("address", escape(a)) for a, b in zip(ADDRESS, right, strict=True)]
    parts += [_p("address"), _tabbed("address", "", g["datum_raw"]), _p("line"), _p("line")]
    parts += [_p("text", escape(f"Kleine Anfrage des Abgeordneten {g['fragesteller']} ({g['fraktion']})")),
              _p("text", escape(f"Drs.-Nr.: {g['drucksache']}")), _p("text", escape(f"Thema: {g['thema']}"))]
    parts += [_p("text", "Sehr geehrter Herr Präsident,"), _p("text", "den Fragen sind folgende Ausführungen vorangestellt:"),
              _p("text", _with_footnote(g["vorbemerkung_fragesteller"], g["fussnote_1"])),
              _p("text", "Namens und im Auftrag der Sächsischen Staatsregierung beantworte ich die Kleine Anfrage wie folgt:")]
    questions = {q["nummer"]: q["frage_text"] for q in g["questions"]}
    parts += [_p("question", escape(f"Frage {n}: {questions[n]}")) for n in (1, 2, 3)]
    parts.append(_p("question", "Zusammenfassende Antwort auf die Fragen 1 bis 3:"))
    joint = g["answers"][0]["absaetze"]
    parts += [_p("text", escape(t)) for t in joint[:6]]
    parts.append(_list([(c["name"], c["traeger_region_raw"]) for c in g["welcome_centers"]], layout, "center"))
    parts.append(_p("text", escape(joint[6])))
    parts.append(_list([(f["region_raw"], f["betrag_raw"]) for f in g["funding_established"]], layout, "amount"))
    parts.append(_p("text", escape(joint[7])))
    parts.append(_list([(f["region_raw"], f["betrag_raw"]) for f in g["funding_in_aufbau"]], layout, "amount"))
    for k, n in ((1, 4), (2, 5)):
        parts.append(_p("question", escape(f"Frage {n}: {questions[n]}")))
        parts += [_p("text", escape(t)) for t in g["answers"][k]["absaetze"]]
    parts += [_p("text", "Mit freundlichen Grüßen"), _p("line"), _p("line"), _p("text", escape(g["signatory"])),
              _p("text", f"{g['anlagen_anzahl']} Anlagen")]
    return "\n".join(parts)


def annex_widths(layout: WriterLayout) -> list[float]:
    """Column widths of the annex tables (Zuwendungsempfänger … Kurzbeschreibung), filling the text width."""
    shares = [3.6, 4.0, 4.0, 5.4]
    return [s * layout.text_width_cm() / sum(shares) for s in shares]


def letter_fodt(g: dict, annex_headers: list[str], annexes: list[tuple[str, list[list[str]]]], layout: WriterLayout) -> str:
    """The whole answer from the gold values ``g``: letterhead, address block
    beside the Aktenzeichen, date, heading, salutation, the asker's remarks
    with a real footnote, questions, the answers with the Welcome Center list
    (name ⇥ Träger) and the funding lists (region ⇥ amount in €), closing,
    signature, "2 Anlagen", then each annex as a ruled table on a new page."""
    page, master = _page_layout(layout, footer=layout.page_number)
    styles = "\n " + _letter_styles(layout) + _annex_styles(annex_widths(layout), layout) + "\n " + page
    body = _letter(g, layout) + _annex_tables(annex_headers, annexes, first_on_new_page=True)
    return _document(layout, styles, master, body)
