"""The reference character engine: pdfplumber (pdfminer).

Only :mod:`foerderdaten.extract.pdfdoc` imports this module. Slow but the
reference: the pdfium engine is tested to give exactly what this one gives,
and reads a page with this one where it cannot be sure.

Glyphs drawn inside a marked-content span with an /ActualText are read as
that text (``pdfdoc.actual_glyphs``): the PDF says what they stand for.
Chromium prints synthesised small capitals as capital glyphs whose
/ActualText is the lower-case letter, a "ß" in small capitals as "SS"
spelt "ß", and a zero-width space or soft hyphen as a blank glyph spelt
U+200B or U+00AD; read by their glyphs, "Volkshochschule" came out as
"VOLKSHOCHSCHULE" and "E-Mail" with a zero-width space as "E-M ail", exit 0.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text
from pdfplumber.page import PDFPageAggregatorWithMarkedContent
from pdfplumber.utils.exceptions import PdfminerException

from foerderdaten.extract.pdfdoc import Char, RawPage, actual_glyphs, settle_invisible_breaks


def open_document(path: Path):
    return pdfplumber.open(path)


def document_info(pdf) -> tuple[int, dict]:
    metadata = {k: v for k, v in (pdf.metadata or {}).items() if isinstance(v, str)}
    return len(pdf.pages), metadata


def is_password_error(exc: Exception) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    return isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError))


class _SpanAggregator(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's page aggregator, noting for every glyph drawn the
    /ActualText span it is drawn in: (span number, text), or None."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.spans: list[tuple[int, str] | None] = []
        self._open: list[tuple[int, str] | None] = []  # the marked-content sequences the interpreter is in
        self._count = 0

    def begin_tag(self, tag, props=None) -> None:
        super().begin_tag(tag, props)
        actual = resolve1(props.get("ActualText")) if isinstance(props, dict) else None
        if isinstance(actual, (bytes, str)):
            self._count += 1
            self._open.append((self._count, decode_text(actual) if isinstance(actual, bytes) else actual))
        else:
            self._open.append(None)

    def end_tag(self) -> None:
        super().end_tag()
        if self._open:
            self._open.pop()

    def render_char(self, *args, **kwargs) -> float:
        advance = super().render_char(*args, **kwargs)
        # an outer /ActualText stands for everything inside it
        self.spans.append(next((span for span in self._open if span is not None), None))
        return advance


def _laid_out(pdf, page) -> list[tuple[int, str] | None]:
    """Lay ``page`` out as pdfplumber does, with ``_SpanAggregator``; its
    glyphs' spans, in the order of ``page.chars`` (the order they are drawn)."""
    device = _SpanAggregator(pdf.rsrcmgr, pageno=page.page_number, laparams=pdf.laparams)
    try:
        PDFPageInterpreter(pdf.rsrcmgr, device).process_page(page.page_obj)
    except Exception as exc:  # wrapped as pdfplumber wraps it, so errors read the same
        raise PdfminerException(exc) from exc
    page._layout = device.get_result()
    return device.spans


def read_page(pdf, index: int) -> RawPage:
    """Glyphs (upright ones) and edges of page ``index`` (0-based)."""
    page = pdf.pages[index]
    out = RawPage(number=page.page_number, width=float(page.width), height=float(page.height))
    spans = _laid_out(pdf, page)
    chars = page.chars
    if len(spans) != len(chars):
        raise RuntimeError(f"{len(chars)} glyphs laid out, {len(spans)} drawn")
    glyphs: list[Char] = []
    span_glyphs: list[Char] = []
    for k, (c, span) in enumerate(zip(chars, spans, strict=True)):
        if not c.get("upright", True):
            out.turned += bool(c["text"].strip())
        else:
            glyph = Char(c["text"], float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), float(c["size"]))
            (glyphs if span is None else span_glyphs).append(glyph)
        if span is not None and (k + 1 == len(chars) or spans[k + 1] != span):
            glyphs += actual_glyphs(span_glyphs, span[1]) if span_glyphs else []
            span_glyphs = []
    for glyph in settle_invisible_breaks(glyphs) if any(spans) else glyphs:
        out.texts.append(glyph.text)
        out.boxes.extend((glyph.x0, glyph.x1, glyph.top, glyph.bottom, glyph.size))
    for e in page.edges:
        out.rulings.extend((float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"])))
    page.close()  # drop pdfplumber's per-page caches: memory stays flat over long documents
    return out
