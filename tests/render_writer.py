"""The Landtag annexes as a word-processor document (flat OpenDocument
text, .fodt), for printing by LibreOffice Writer.

A word processor sets a table differently from a spreadsheet or a
browser: it writes no blank where a cell line wraps, lets a row break
across a page (every column continuing on the next), and repeats the
heading row on each page. The annexes of a Landtag answer are made this way.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from render_calc import ODF_NAMESPACES, font_face


@dataclass(frozen=True)
class WriterLayout:
    font: str = "Liberation Serif"
    size: float = 11.0  # pt
    orientation: str = "portrait"  # or "landscape"
    borders: bool = True
    rows_may_break: bool = True  # Writer's default: a row may continue on the next page


def annex_fodt(headers: list[str], annexes: list[tuple[str, list[list[str]]]], widths_cm: list[float], layout: WriterLayout) -> str:
    """Each annex: its caption ("Anlage 1") on a new page, then its table."""
    width, height = ("21cm", "29.7cm") if layout.orientation == "portrait" else ("29.7cm", "21cm")
    border = "0.5pt solid #000000" if layout.borders else "none"
    keep = "auto" if layout.rows_may_break else "always"

    def row(cells: list[str], style: str) -> str:
        return ('<table:table-row table:style-name="row">' + "".join(
            f'<table:table-cell table:style-name="cell" office:value-type="string"><text:p text:style-name="{style}">{escape(c)}</text:p></table:table-cell>'
            for c in cells) + "</table:table-row>")

    tables = []
    for number, (caption, rows) in enumerate(annexes):
        columns = "".join(f'<table:table-column table:style-name="col{i}"/>' for i in range(len(headers)))
        tables.append(
            f'<text:p text:style-name="{"caption" if number == 0 else "caption_new_page"}">{escape(caption)}</text:p>'
            f'<table:table table:name="Anlage{number + 1}" table:style-name="table">{columns}'
            f'<table:table-header-rows>{row(headers, "head")}</table:table-header-rows>'
            + "".join(row(r, "body") for r in rows) + "</table:table>"
        )
    column_styles = "".join(
        f'<style:style style:name="col{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}cm"/></style:style>'
        for i, w in enumerate(widths_cm))
    text = f'style:font-name="{layout.font}" fo:font-size="{layout.size}pt"'
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {ODF_NAMESPACES}
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
{font_face(layout.font)}
<office:automatic-styles>
 <style:style style:name="table" style:family="table"><style:table-properties style:width="{sum(widths_cm)}cm" table:align="left"/></style:style>
 {column_styles}
 <style:style style:name="row" style:family="table-row"><style:table-row-properties fo:keep-together="{keep}"/></style:style>
 <style:style style:name="cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="{border}"/></style:style>
 <style:style style:name="body" style:family="paragraph"><style:text-properties {text}/></style:style>
 <style:style style:name="head" style:family="paragraph"><style:text-properties {text} fo:font-weight="bold"/></style:style>
 <style:style style:name="caption" style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.3cm"/><style:text-properties {text} fo:font-weight="bold"/></style:style>
 <style:style style:name="caption_new_page" style:family="paragraph"><style:paragraph-properties fo:break-before="page" fo:margin-bottom="0.3cm"/><style:text-properties {text} fo:font-weight="bold"/></style:style>
 <style:page-layout style:name="pl"><style:page-layout-properties fo:page-width="{width}" fo:page-height="{height}" style:print-orientation="{layout.orientation}" fo:margin="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pl"/></office:master-styles>
<office:body><office:text>
{"".join(tables)}
</office:text></office:body>
</office:document>
"""
