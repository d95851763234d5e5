"""Other renderings of the gold tables, for robustness tests.

Prints a table the way office suites do: cells wrapped at blanks, after
hyphens and slashes, a word too long for its cell broken in the middle; the
blank at a wrap written unless it would hang past the cell edge; the header
row repeated on every page; a running head and a "Seite x von y" footer.
Font, size, paper, column order and widths, header wording, borders and
whether rows may split across pages are all parameters, so a test can ask
for renderings that differ from the fixtures in every way the parsers must
not care about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas


@dataclass
class Layout:
    font: str = "Helvetica"
    bold_font: str = "Helvetica-Bold"
    size: float = 7.0
    leading: float = 1.2  # line pitch as a multiple of the size
    page: tuple[float, float] = landscape(A4)
    margin: float = 28.0
    padding: float = 2.0
    borders: bool = True
    split_rows: bool = False  # may a row continue on the next page?
    # spreadsheets write the blank at a wrap even where it hangs past the
    # cell edge; word processors drop it there
    keep_edge_blanks: bool = True
    # browsers write no blank at a wrap at all
    wrap_blanks: bool = True
    repeat_header: bool = True  # header row on every page, not only the first
    headerless_pages: frozenset[int] = frozenset()  # pages printed without the header row
    header_align: str = "left"  # or "center"
    row_space: float = 0.3  # extra space between rows, in line pitches
    head: list[str] = field(default_factory=list)  # running head lines on every page
    first_page_head: list[str] = field(default_factory=list)  # caption above the table on page 1 only
    footer: str | None = "Seite {page} von {pages} Seiten"
    valign: str = "top"  # or "bottom" (a spreadsheet's default): where a cell's lines sit in its row
    right_align: frozenset[int] = frozenset()  # body columns printed right-aligned (numbers, dates)


# Break opportunities: after a blank, after a hyphen that follows a letter,
# after "|" or "/", after a hyphen that starts a word ("-veranstaltungen")
# unless a digit follows ("-2026": Unicode line breaking keeps a hyphen with
# the number after it).
_SEGMENT = re.compile(r"(?:[^ \-|/]|-(?=\d))*(?:(?<=\w)-|[|/]| +|-|$)")


def wrap(text: str, width: float, font: str, size: float, keep_edge_blanks: bool = True, wrap_blanks: bool = True) -> list[str]:
    """Lines of ``text`` in a cell ``width`` wide; a kept trailing blank marks a wrap at a blank."""
    def w(s: str) -> float:
        return stringWidth(s, font, size)

    segments = [s for s in _SEGMENT.findall(text) if s]
    lines: list[str] = []
    line = ""
    for seg in segments:
        if w((line + seg).rstrip()) <= width:
            line += seg
            continue
        if line:
            lines.append(line)
            line = ""
        while w(seg.rstrip()) > width:  # a word too long for the cell: break it
            cut = max(1, max(i for i in range(1, len(seg) + 1) if w(seg[:i]) <= width))
            lines.append(seg[:cut])
            seg = seg[cut:]
        line = seg
    if line:
        lines.append(line)
    if not wrap_blanks:
        return [ln.rstrip() for ln in lines]
    if keep_edge_blanks:
        return lines
    return [ln if w(ln) <= width else ln.rstrip() for ln in lines]


def render_table(path: Path, headers: list[str], widths: list[float], rows: list[list[str]], layout: Layout) -> list[set[int]]:
    """Write a PDF with the table ``rows`` under ``headers``, columns ``widths`` pt wide.

    A row of one value is a heading row: one cell across the whole table.
    An empty row is printed as an empty row.

    Returns, for each row split across a page break, the columns (indices)
    whose text goes on on the next page.
    """
    pad, size = layout.padding, layout.size
    pitch = size * layout.leading
    inner = [w - 2 * pad for w in widths]
    header_cells = [wrap(h, iw, layout.bold_font, size) for h, iw in zip(headers, inner, strict=False)]
    body = [
        [
            wrap(text, iw if len(row) > 1 else sum(widths) - 2 * pad, layout.font, size, layout.keep_edge_blanks, layout.wrap_blanks)
            # a heading row has one value for all columns: zip stops there
            for text, iw in zip(row, inner, strict=False)
        ]
        for row in rows
    ]

    pages, splits = _paginate(header_cells, body, layout, pitch)
    canvas = Canvas(str(path), pagesize=layout.page, invariant=1)
    height = layout.page[1]
    for number, page_rows in enumerate(pages, start=1):
        y = layout.margin
        for text in layout.head:
            _text(canvas, height, layout.margin, y, text, layout.font, size)
            y += pitch * 1.5
        if number == 1:
            for text in layout.first_page_head:
                _text(canvas, height, layout.margin, y, text, layout.bold_font, size + 2)
                y += pitch * 2
        if (number == 1 or layout.repeat_header) and number not in layout.headerless_pages:
            y = _draw_row(canvas, height, layout, widths, header_cells, y, pitch, bold=True)
        for cells in page_rows:
            y = _draw_row(canvas, height, layout, widths, cells, y, pitch)
        if layout.footer:
            _text(canvas, height, layout.margin, height - layout.margin + size, layout.footer.format(page=number, pages=len(pages)), layout.font, size)
        canvas.showPage()
    canvas.save()
    return splits


def _paginate(header_cells, body, layout: Layout, pitch: float) -> tuple[list[list[list[list[str]]]], list[set[int]]]:
    """Rows per page; a row that does not fit moves to the next page, or is
    split there when ``split_rows``. Also the columns going on at each split."""
    height = layout.page[1]
    top = layout.margin + len(layout.head) * pitch * 1.5
    bottom = height - layout.margin - 2 * pitch
    header_h = _row_height(header_cells, layout, pitch)
    pages: list[list] = [[]]
    splits: list[set[int]] = []
    y = top + len(layout.first_page_head) * pitch * 2 + header_h
    queue = list(body)
    while queue:
        cells = queue.pop(0)
        h = _row_height(cells, layout, pitch)
        if y + h <= bottom:
            pages[-1].append(cells)
            y += h
            continue
        room = int((bottom - y - 2 * layout.padding) // pitch)
        if layout.split_rows and room >= 1:
            pages[-1].append([c[:room] for c in cells])
            queue.insert(0, [c[room:] for c in cells])
            splits.append({i for i, c in enumerate(cells) if len(c) > room})
        elif not pages[-1]:
            # Without this, a row taller than an empty page would open new
            # pages forever (and eat all memory).
            raise ValueError("a row is taller than a page; use a smaller font or split_rows")
        else:
            queue.insert(0, cells)
        pages.append([])
        y = top + header_h
    return pages, splits


def _row_height(cells, layout: Layout, pitch: float) -> float:
    return max(1, max((len(c) for c in cells), default=1)) * pitch + 2 * layout.padding + layout.row_space * pitch


def _draw_row(canvas, height, layout: Layout, widths, cells, y, pitch, bold=False) -> float:
    h = _row_height(cells, layout, pitch)
    x = layout.margin
    font = layout.bold_font if bold else layout.font
    if len(cells) <= 1:  # a heading row, or an empty one: one cell across the table
        widths = [sum(widths)]
        cells = cells or [[]]
    tallest = max(len(c) for c in cells)
    for column, (width, lines) in enumerate(zip(widths, cells, strict=False)):
        shift = (tallest - len(lines)) * pitch if layout.valign == "bottom" else 0.0
        for i, line in enumerate(lines):
            indent = layout.padding
            if bold and layout.header_align == "center":
                indent = (width - stringWidth(line.rstrip(), font, layout.size)) / 2
            elif not bold and column in layout.right_align:
                indent = width - layout.padding - stringWidth(line.rstrip(), font, layout.size)
            _text(canvas, height, x + indent, y + layout.padding + shift + i * pitch + layout.size, line, font, layout.size)
        if layout.borders:
            canvas.setLineWidth(0.5)
            canvas.rect(x, height - y - h, width, h)
        x += width
    return y + h


def _text(canvas, height, x, baseline_from_top, text, font, size) -> None:
    canvas.setFont(font, size)
    canvas.drawString(x, height - baseline_from_top, text)
