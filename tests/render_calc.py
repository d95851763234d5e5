"""The SAB gold table as a spreadsheet (flat OpenDocument, .fods), for
printing by LibreOffice Calc.

A spreadsheet is how the SAB overview is made. Calc's defaults differ from
a browser's: cells are bottom-aligned, dates are real date cells shown as
DD.MM.YYYY and right-aligned, numbers right-aligned, text wraps inside the
column width, the header row repeats on every printed page ("rows to
repeat"), and page style sets paper, orientation and the footer. A test
converts the file with ``soffice --headless --convert-to pdf``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from xml.sax.saxutils import escape

from render_html import SAB_STAND, SAB_TITLE

DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4})")

# The namespaces of a flat OpenDocument file (spreadsheet or text).
ODF_NAMESPACES = """xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""""


def font_face(font: str) -> str:
    return f"<office:font-face-decls><style:font-face style:name=\"{font}\" svg:font-family=\"'{font}'\"/></office:font-face-decls>"


@dataclass(frozen=True)
class CalcLayout:
    font: str = "Carlito"
    size: float = 11.0  # pt, Calc's default with Calibri-metric fonts
    paper: tuple[str, str] = ("29.7cm", "21cm")  # A4 landscape (width, height)
    orientation: str = "landscape"
    valign: str = "bottom"  # Calc's default; or "top", "middle"
    borders: bool = True
    footer: bool = True  # "Seite x von y"


def _date_cell(text: str) -> str:
    """A date cell where the text is a real date, else the text as typed."""
    match = DATE.fullmatch(text)
    if match:
        day, month, year = map(int, match.groups())
        try:
            value = dt.date(year, month, day).isoformat()
        except ValueError:
            match = None
        else:
            return f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{value}"><text:p>{text}</text:p></table:table-cell>'
    return _text_cell(text)


def _number_cell(text: str) -> str:
    if text.isdigit():
        return f'<table:table-cell table:style-name="body" office:value-type="float" office:value="{text}"><text:p>{text}</text:p></table:table-cell>'
    return _text_cell(text)


def _text_cell(text: str, style: str = "body") -> str:
    if not text:
        return f'<table:table-cell table:style-name="{style}"/>'
    return f'<table:table-cell table:style-name="{style}" office:value-type="string"><text:p>{escape(text)}</text:p></table:table-cell>'


def sab_fods(headers: list[str], rows: list[list[str]], kinds: list[str], widths_cm: list[float], layout: CalcLayout) -> str:
    """The sheet: title and Stand in the first two rows, then the header row
    (repeated on every page), then one row per project. ``kinds`` per
    column: "text", "number" or "date"."""
    border = 'fo:border="0.5pt solid #000000"' if layout.borders else 'fo:border="none"'
    cell_props = f'<style:table-cell-properties style:vertical-align="{layout.valign}" fo:wrap-option="wrap" {border}/>'
    text_props = f'<style:text-properties style:font-name="{layout.font}" fo:font-size="{layout.size}pt"/>'
    footer = ""
    if layout.footer:
        footer = ('<style:footer><text:p>Seite <text:page-number>1</text:page-number> von '
                  '<text:page-count>1</text:page-count></text:p></style:footer>')
    columns = "".join(
        f'<style:style style:name="co{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}cm"/></style:style>'
        for i, w in enumerate(widths_cm)
    )
    cells = {"text": _text_cell, "number": _number_cell, "date": _date_cell}
    body = "".join(
        "<table:table-row table:style-name=\"ro\">" + "".join(cells[k](v) for k, v in zip(kinds, row, strict=False)) + "</table:table-row>"
        for row in rows
    )
    header = "<table:table-row table:style-name=\"ro\">" + "".join(_text_cell(h, "head") for h in headers) + "</table:table-row>"
    head_rows = "".join(
        f'<table:table-row table:style-name="ro"><table:table-cell table:style-name="title" office:value-type="string"><text:p>{escape(t)}</text:p></table:table-cell></table:table-row>'
        for t in (SAB_TITLE, SAB_STAND)
    )
    cols = "".join(f'<table:table-column table:style-name="co{i}"/>' for i in range(len(widths_cm)))
    width, height = layout.paper
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {ODF_NAMESPACES}
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
{font_face(layout.font)}
<office:styles>
 <number:date-style style:name="ddmmyyyy"><number:day number:style="long"/><number:text>.</number:text><number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/></number:date-style>
 <style:style style:name="Default" style:family="table-cell">{text_props}</style:style>
</office:styles>
<office:automatic-styles>
 {columns}
 <style:style style:name="ro" style:family="table-row"><style:table-row-properties style:use-optimal-row-height="true"/></style:style>
 <style:style style:name="body" style:family="table-cell" style:parent-style-name="Default">{cell_props}{text_props}</style:style>
 <style:style style:name="date" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="ddmmyyyy">{cell_props}{text_props}</style:style>
 <style:style style:name="head" style:family="table-cell" style:parent-style-name="Default">{cell_props}<style:text-properties style:font-name="{layout.font}" fo:font-size="{layout.size}pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="title" style:family="table-cell" style:parent-style-name="Default"><style:text-properties style:font-name="{layout.font}" fo:font-size="{layout.size}pt" fo:font-weight="bold"/></style:style>
 <style:page-layout style:name="pl"><style:page-layout-properties fo:page-width="{width}" fo:page-height="{height}" style:print-orientation="{layout.orientation}" fo:margin="1cm" style:print="grid-off"/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Default" style:page-layout-name="pl"><style:header style:display="false"/>{footer}</style:master-page>
</office:master-styles>
<office:body><office:spreadsheet>
 <table:table table:name="Übersicht">
  {cols}
  {head_rows}
  <table:table-header-rows>{header}</table:table-header-rows>
  {body}
 </table:table>
</office:spreadsheet></office:body>
</office:document>
"""
