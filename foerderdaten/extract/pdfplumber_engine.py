"""The reference character engine: pdfplumber (pdfminer).

Only :mod:`foerderdaten.extract.pdfdoc` imports this module. Slow but the
reference: the pdfium engine is tested to give exactly what this one gives,
and reads a page with this one where it cannot be sure.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from foerderdaten.extract.pdfdoc import RawPage


def open_document(path: Path):
    return pdfplumber.open(path)


def document_info(pdf) -> tuple[int, dict]:
    metadata = {k: v for k, v in (pdf.metadata or {}).items() if isinstance(v, str)}
    return len(pdf.pages), metadata


def is_password_error(exc: Exception) -> bool:
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    return isinstance(exc, (PDFPasswordIncorrect, PDFEncryptionError))


def read_page(pdf, index: int) -> RawPage:
    """Glyphs (upright ones) and edges of page ``index`` (0-based)."""
    page = pdf.pages[index]
    out = RawPage(number=page.page_number, width=float(page.width), height=float(page.height))
    for c in page.chars:
        if c.get("upright", True):
            out.texts.append(c["text"])
            out.boxes.extend((float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]), float(c["size"])))
        elif c["text"].strip():
            out.turned += 1
    for e in page.edges:
        out.rulings.extend((float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"])))
    page.close()  # drop pdfplumber's per-page caches: memory stays flat over long documents
    return out
