"""The fast character engine: pypdfium2, giving what pdfplumber gives.

Only :mod:`foerderdaten.extract.pdfdoc` imports this module. It reads a
page's glyphs from pdfium's text page and its rulings from pdfium's path
objects, and puts them in the coordinates pdfplumber (the reference engine)
uses: PDF points, origin at the top-left of the (rotated) MediaBox, each
glyph's box as pdfminer computes it (advance width wide, font size high,
standing on the baseline shifted by the font's declared descent).

pdfium's text page is made for reading, not for geometry, and changes a
few things on its way; each is undone or detected here:

* it inserts blanks and line breaks of its own at word gaps and line ends:
  dropped (``FPDFText_IsGenerated``), so only the blanks the PDF has remain;
* it marks a hyphen at a line end as U+0002: read back as "-";
* it may drop glyphs (a second blank in a row, a blank after a hyphen at a
  line end, a glyph printed twice on top of itself, a text object of blanks
  only), split ligatures, replace glyphs by /ActualText or reorder
  right-to-left text. A page where any of that may have happened (text
  drawn under an /ActualText that says other than its glyphs, which the
  reference engine reads as that text) is
  reported as not exact (:class:`NotExact`) and read by the reference
  engine instead, so the result is the same either way.

A glyph's box comes from what the PDF declares, not from pdfium: the
font's descent (which places the box around the baseline) and advance
widths, and the page's MediaBox and /Rotate, are taken from pdfminer's font
and page model, which parses the dictionaries without reading any content
stream.

Why one module of about 700 lines: it is the whole engine, and its parts
(glyph boxes, the checks that pdfium changed nothing, rulings from path
objects) share the page frame and the raw pdfium calls; nothing outside
pdfdoc.py uses any of them. Split it by those three parts if it grows.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from foerderdaten.extract.pdfdoc import LIGATURES, RawPage

if TYPE_CHECKING:
    from pdfminer.pdffont import PDFFont

# A glyph that starts more than this many points away from where pdfium
# says its text object starts, or a text object reaching this far past its
# last glyph, means pdfium dropped a glyph there (float noise is ~1e-4 pt).
POSITION_TOLERANCE = 0.01
# After a blank, the next glyph of the same text object starts where the
# blank ends (plus word and character spacing). A gap of more than half a
# blank's width may hide a second blank pdfium dropped.
BLANK_GAP_LIMIT = 0.5
# A blank pdfium dropped after a hyphen at a line end starts where the
# hyphen's advance ends (pdfium's width of the hyphen may differ from the
# declared one by a little; a second blank would start a blank further).
BLANK_AFTER_HYPHEN_SLACK = 0.5
# A glyph within this many points of one declared advance after the
# previous one is placed exactly there (single-precision noise is ~1e-4 pt).
SNAP_TOLERANCE = 1e-3


class NotExact(Exception):
    """pdfium's text page may differ from the PDF's glyphs on this page."""


# --------------------------------------------------------------------------
# pdfium's functions taking and returning handles as plain addresses: ints
# are hashable (a text object is a dictionary key) and need no wrapper object


def _plain(function):
    """``function`` with every opaque handle type replaced by ``c_void_p``."""
    def plain(t):
        return ctypes.c_void_p if t is not None and t.__name__.startswith("LP_struct_fpdf_") else t

    prototype = ctypes.CFUNCTYPE(plain(function.restype), *map(plain, function.argtypes))
    return prototype(ctypes.cast(function, ctypes.c_void_p).value)


_P = {name: _plain(getattr(raw, name)) for name in (
    "FPDFText_GetUnicode", "FPDFText_IsGenerated", "FPDFText_HasUnicodeMapError", "FPDFText_GetCharOrigin",
    "FPDFText_GetTextObject", "FPDFPage_GetObject", "FPDFPage_CountObjects", "FPDFFormObj_GetObject",
    "FPDFFormObj_CountObjects", "FPDFTextObj_GetFont", "FPDFFont_GetBaseFontName", "FPDFPageObj_GetType",
    "FPDFPageObj_GetMatrix", "FPDFPageObj_GetBounds", "FPDFPath_GetDrawMode", "FPDFPath_CountSegments",
    "FPDFPath_GetPathSegment", "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetType", "FPDFPathSegment_GetClose",
    "FPDFPageObj_GetClipPath", "FPDFClipPath_CountPaths", "FPDFClipPath_CountPathSegments", "FPDFClipPath_GetPathSegment",
    "FPDFPageObj_CountMarks", "FPDFPageObj_GetMark", "FPDFPageObjMark_GetParamStringValue",
)}


def open_document(path: Path) -> pdfium.PdfDocument:
    """Open with pdfium; raises ``pdfium.PdfiumError`` (password, damage)."""
    return pdfium.PdfDocument(str(path))


def document_info(pdf: pdfium.PdfDocument) -> tuple[int, dict]:
    metadata = {k: v for k, v in pdf.get_metadata_dict(skip_empty=True).items() if isinstance(v, str)}
    return len(pdf), metadata


def is_password_error(exc: Exception) -> bool:
    return isinstance(exc, pdfium.PdfiumError) and getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD


# --------------------------------------------------------------------------
# What the PDF declares, read by pdfminer (no content stream is parsed)


class Declarations:
    """What the PDF declares and pdfium rounds or reinterprets, read as pdfminer reads it.

    Page boxes and rotation (pdfium keeps them in single precision), font
    descents (pdfium estimates them from the glyphs where the PDF says 0) and
    advance widths (pdfium's boxes use the font program's, not /Widths).
    """

    def __init__(self, path: Path) -> None:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfinterp import PDFResourceManager
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        self._fh = path.open("rb")
        self._pages = list(PDFPage.create_pages(PDFDocument(PDFParser(self._fh))))
        self._resources = PDFResourceManager()

    def close(self) -> None:
        self._fh.close()

    def check_streams(self, index: int) -> None:
        """Decode the page's content streams, and those of the forms it uses, as pdfminer does.

        pdfium decodes a damaged stream as far as it goes and reads the text
        it got, silently; pdfminer's strict mode (``damage.strict_engine``,
        around every read) raises on the same stream. Decoding is cheap next
        to interpreting, which pdfium does.
        """
        from pdfminer.pdftypes import resolve1

        page = self._pages[index]
        for stream in page.contents:
            resolve1(stream).get_data()
        for form in self._forms(page.resources, set()):
            form.get_data()

    def frame(self, index: int) -> PageFrame:
        from pdfminer.pdftypes import resolve1

        attrs = self._pages[index].attrs
        return PageFrame.of([float(v) for v in resolve1(attrs.get("MediaBox"))], resolve1(attrs.get("Rotate")) or 0)

    def fonts(self, index: int) -> dict[str, FontMetrics | None]:
        """Base font name (without subset prefix) -> metrics; None where two fonts share a name."""
        found: dict[str, FontMetrics | None] = {}
        resources = self._pages[index].resources
        every = [resources] + [form.attrs.get("Resources") for form in self._forms(resources, set())]
        for name, font in (named for held in every for named in self._fonts(held)):
            metrics = None if font.is_vertical() else FontMetrics.of(font)
            found[name] = metrics if name not in found or found[name] == metrics else None
        return found

    def _fonts(self, resources) -> Iterator[tuple[str, PDFFont]]:
        """The fonts a resource dictionary names, by base font name."""
        from pdfminer.pdftypes import resolve1
        from pdfminer.psparser import PSLiteral

        resources = resolve1(resources) or {}
        for ref in (resolve1(resources.get("Font")) or {}).values():
            spec = resolve1(ref)
            if not isinstance(spec, dict):
                continue
            font = self._resources.get_font(getattr(ref, "objid", None), spec)
            declared = resolve1(spec.get("BaseFont"))
            base = str(declared.name) if isinstance(declared, PSLiteral) else str(declared or "")
            yield base.split("+", 1)[-1], font

    def _forms(self, resources, seen: set) -> Iterator:
        """The form XObjects a resource dictionary names, and the forms they use, each once."""
        from pdfminer.pdftypes import resolve1

        resources = resolve1(resources) or {}
        for ref in (resolve1(resources.get("XObject")) or {}).values():
            objid = getattr(ref, "objid", None)
            if objid in seen:
                continue
            seen.add(objid)
            xobj = resolve1(ref)
            attrs = getattr(xobj, "attrs", {})
            if getattr(resolve1(attrs.get("Subtype")), "name", "") == "Form":
                yield xobj
                yield from self._forms(attrs.get("Resources"), seen)


_STANDARD_FONTS = {"Courier", "Courier-Bold", "Courier-BoldOblique", "Courier-Oblique", "Helvetica", "Helvetica-Bold",
                   "Helvetica-BoldOblique", "Helvetica-Oblique", "Times-Roman", "Times-Bold", "Times-BoldItalic",
                   "Times-Italic", "Symbol", "ZapfDingbats"}


@dataclass(frozen=True)
class FontMetrics:
    """pdfminer's descent and advance widths of a font (text space units per point of size)."""

    descent: float
    widths: dict[str, float | None]  # by the text a glyph stands for; None where glyphs disagree
    check_widths: bool = False  # a standard font without declared widths: pdfium uses its own

    @classmethod
    def of(cls, font) -> FontMetrics:
        """The text of a glyph comes from the font's ToUnicode map, else from its encoding
        (pdfminer's order); the encoding's entries count only for texts the map lacks."""
        widths: dict[str, float | None] = {}
        sources = [font.unicode_map.cid2unichr if font.unicode_map is not None else {},
                   getattr(font, "cid2unicode", None) or {}]
        for source in sources:
            known = set(widths)
            for cid, text in source.items():
                if text in known:
                    continue
                width = font.char_width(cid)
                widths[text] = width if widths.get(text, width) == width else None
        return cls(font.get_descent(), widths, check_widths=not getattr(font, "widths", None) or font.fontname in _STANDARD_FONTS)

    def __eq__(self, other) -> bool:
        return isinstance(other, FontMetrics) and (self.descent, self.widths) == (other.descent, other.widths)

    __hash__ = None  # type: ignore[assignment]  # equal by value, mutable: not hashable


# --------------------------------------------------------------------------
# Page geometry: PDF user space -> pdfplumber's page coordinates


@dataclass(frozen=True)
class PageFrame:
    """pdfminer's page matrix (rotation, MediaBox origin) and pdfplumber's flip."""

    ctm: tuple[float, float, float, float, float, float]
    width: float
    height: float
    x_shift: float  # pdfplumber adds the MediaBox's left edge back
    top_shift: float

    @classmethod
    def of(cls, mediabox: list[float], rotate: int) -> PageFrame:
        """As pdfminer's page interpreter and pdfplumber's ``Page`` set them up."""
        x0, y0, x1, y1 = mediabox
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
        rotation = rotate % 360
        if rotation == 90:
            ctm = (0, -1, 1, 0, -y0, x1)
        elif rotation == 180:
            ctm = (-1, 0, 0, -1, x1, y1)
        elif rotation == 270:
            ctm = (0, 1, -1, 0, y1, -x0)
        else:
            ctm = (1, 0, 0, 1, -x0, -y0)
        box = (y0, x0, y1, x1) if rotation in (90, 270) else (x0, y0, x1, y1)
        height = box[3] - box[1]
        return cls(ctm=ctm, width=box[2] - box[0], height=height, x_shift=box[0], top_shift=height - box[3])

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) on the page for a point in PDF user space."""
        a, b, c, d, e, f = self.ctm
        return self.x(a * x + c * y + e), self.top(b * x + d * y + f)

    def x(self, device_x: float) -> float:
        return device_x + self.x_shift if self.x_shift != 0 else device_x

    def top(self, device_y: float) -> float:
        return (self.height - device_y) + self.top_shift


def _mult(m1, m0):
    """pdfminer's mult_matrix: m1 then m0."""
    a1, b1, c1, d1, e1, f1 = m1
    a0, b0, c0, d0, e0, f0 = m0
    return (a0 * a1 + c0 * b1, b0 * a1 + d0 * b1, a0 * c1 + c0 * d1, b0 * c1 + d0 * d1,
            a0 * e1 + c0 * f1 + e0, b0 * e1 + d0 * f1 + f0)


def _rect(m, x0, y0, x1, y1):
    """pdfminer's apply_matrix_rect: the bounding box of a transformed rectangle."""
    a, b, c, d, e, f = m
    xs = (a * x0 + c * y0 + e, a * x0 + c * y1 + e, a * x1 + c * y0 + e, a * x1 + c * y1 + e)
    ys = (b * x0 + d * y0 + f, b * x0 + d * y1 + f, b * x1 + d * y0 + f, b * x1 + d * y1 + f)
    return min(xs), min(ys), max(xs), max(ys)


# --------------------------------------------------------------------------
# Characters


@dataclass
class _TextObject:
    """What pdfium says about one text object, and the glyphs read from it."""

    matrix: tuple  # linear part of the text matrix (with CTM), PDF user space
    size: float
    metrics: FontMetrics
    glyphs: list = field(default_factory=list)  # (index, text, origin_x, origin_y) in PDF user space

    def advance(self, text: str) -> float:
        """The glyph's declared advance in text space times the size (points before the text matrix)."""
        width = self.metrics.widths.get(text)
        if width is None:
            raise NotExact(f"no declared width for {text!r}")
        return width * self.size


def read_chars(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, frame: PageFrame,
               fonts: dict[str, FontMetrics | None], out: RawPage) -> None:
    """Append the page's upright glyphs to ``out``; raise NotExact where pdfium may differ."""
    tp = textpage.raw
    count = raw.FPDFText_CountChars(tp)
    matrix = raw.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    objects: dict[int, _TextObject] = {}
    order: list[int] = []
    # four calls into pdfium for every glyph: through the plain prototypes,
    # bound to locals, with the text page as a plain address (a third faster)
    handle = ctypes.cast(tp, ctypes.c_void_p).value
    get_unicode, is_generated, map_error, text_object, char_origin = (_P[name] for name in (
        "FPDFText_GetUnicode", "FPDFText_IsGenerated", "FPDFText_HasUnicodeMapError", "FPDFText_GetTextObject", "FPDFText_GetCharOrigin"))
    for i in range(count):
        code = get_unicode(handle, i)
        if code in (0x20, 0x0D, 0x0A) and is_generated(handle, i):
            if code == 0x20:
                _check_generated_blank(tp, i, count)
            continue
        if map_error(handle, i):
            raise NotExact("glyph without Unicode mapping")
        address = text_object(handle, i)
        obj = objects.get(address)
        if obj is None:
            raw.FPDFText_GetMatrix(tp, i, matrix)
            name = _font_name(address)
            metrics = fonts.get(name)
            if metrics is None:
                raise NotExact(f"font {name!r} not matched to its declaration")
            obj = objects[address] = _TextObject(
                matrix=(matrix.a, matrix.b, matrix.c, matrix.d),
                size=raw.FPDFText_GetFontSize(tp, i),
                metrics=metrics,
            )
            order.append(address)
        char_origin(handle, i, ox, oy)
        text = "-" if code == 0x02 else chr(code)
        obj.glyphs.append((i, text, ox.value, oy.value))
    _check_objects(page, tp, objects)
    for address in order:
        obj = objects[address]
        _join_pieces(obj)
        _check_glyphs(tp, address, obj)
        _append_glyphs(obj, frame, out)
    text = "".join(out.texts)
    if any(unicodedata.bidirectional(ch) in ("R", "AL", "AN") for ch in text if ord(ch) > 0x58F):
        raise NotExact("right-to-left text")


def _font_name(text_object: int) -> str:
    font = _P["FPDFTextObj_GetFont"](text_object)
    size = _P["FPDFFont_GetBaseFontName"](font, None, 0)
    buffer = ctypes.create_string_buffer(size)
    _P["FPDFFont_GetBaseFontName"](font, buffer, size)
    return buffer.value.decode("latin-1").split("+", 1)[-1]


def _check_generated_blank(tp, i: int, count: int) -> None:
    """pdfium places a blank it generates inside a text object at the next glyph's origin;
    if that glyph is gone, pdfium dropped it (a real blank after a generated one)."""
    if i + 1 >= count or raw.FPDFText_IsGenerated(tp, i + 1):
        return
    if _P["FPDFText_GetTextObject"](tp, i) != _P["FPDFText_GetTextObject"](tp, i + 1):
        return
    x, y = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(tp, i, x, y)
    nx, ny = ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharOrigin(tp, i + 1, nx, ny)
    if abs(x.value - nx.value) > POSITION_TOLERANCE or abs(y.value - ny.value) > POSITION_TOLERANCE:
        raise NotExact("glyph after a generated blank dropped")


def _check_objects(page: pdfium.PdfPage, tp, objects: dict[int, _TextObject]) -> None:
    """Every text object of the page gave at least one glyph, starting at its origin."""
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    for address, form_matrix in _text_objects(page.raw, identity):
        obj = objects.get(address)
        if obj is None:
            raise NotExact("text object without glyphs")
        actual = _actual_text(address)
        if actual is not None and unicodedata.normalize("NFKC", actual) != unicodedata.normalize("NFKC", "".join(g[1] for g in obj.glyphs)):
            raise NotExact("/ActualText other than the glyphs")
        m = raw.FS_MATRIX()
        _P["FPDFPageObj_GetMatrix"](address, m)
        a, b, c, d, e, f = form_matrix
        x, y = a * m.e + c * m.f + e, b * m.e + d * m.f + f
        first = obj.glyphs[0]
        if abs(first[2] - x) > POSITION_TOLERANCE or abs(first[3] - y) > POSITION_TOLERANCE:
            raise NotExact("first glyph of a text object dropped")


def _actual_text(text_object: int) -> str | None:
    """The /ActualText of the marked-content span the text object is drawn
    in, or None. Where it says other than the glyphs (small capitals, a
    zero-width space) the reference engine reads the page, as that text
    (``pdfdoc.actual_glyphs``); a ligature spelt as its letters is read here."""
    for k in range(_P["FPDFPageObj_CountMarks"](text_object)):
        mark = _P["FPDFPageObj_GetMark"](text_object, k)
        size = ctypes.c_ulong()
        if not _P["FPDFPageObjMark_GetParamStringValue"](mark, b"ActualText", None, 0, size):
            continue
        buffer = (ctypes.c_ushort * (size.value // 2 + 1))()  # UTF-16LE, ending in a 0
        _P["FPDFPageObjMark_GetParamStringValue"](mark, b"ActualText", buffer, size.value, size)
        return bytes(buffer)[:size.value].decode("utf-16-le").rstrip("\x00")
    return None


def _text_objects(holder, form_matrix, in_form: bool = False) -> Iterator[tuple[int, tuple]]:
    count = _P["FPDFFormObj_CountObjects"](holder) if in_form else _P["FPDFPage_CountObjects"](holder)
    for k in range(count):
        address = _P["FPDFFormObj_GetObject"](holder, k) if in_form else _P["FPDFPage_GetObject"](holder, k)
        kind = _P["FPDFPageObj_GetType"](address)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            yield address, form_matrix
        elif kind == raw.FPDF_PAGEOBJ_FORM:
            m = raw.FS_MATRIX()
            _P["FPDFPageObj_GetMatrix"](address, m)
            yield from _text_objects(address, _mult((m.a, m.b, m.c, m.d, m.e, m.f), form_matrix), True)


def _join_pieces(obj: _TextObject) -> None:
    """One glyph for several letters, as pdfminer gives it.

    pdfium hands a glyph that stands for several letters (a ToUnicode entry
    "ft", as Calibri's ligatures have it, or a ligature character such as
    U+FB02 "fl", which pdfium spells out) as one glyph per letter, all at the
    glyph's origin; pdfminer as one glyph whose text is all of them. The
    pieces are joined where the font declares a glyph for the joined text
    (or for the ligature character it spells); anything else at one origin
    (an /ActualText, a glyph printed twice) stays apart and fails
    ``_check_glyphs``.
    """
    glyphs, joined = obj.glyphs, []
    k = 0
    while k < len(glyphs):
        first = glyphs[k]
        j = k + 1
        while j < len(glyphs) and glyphs[j][2] == first[2] and glyphs[j][3] == first[3]:
            j += 1
        text = _declared_text("".join(g[1] for g in glyphs[k:j]), obj.metrics.widths) if j > k + 1 else None
        if text is None:
            joined.extend(glyphs[k:j])
        else:
            joined.append((glyphs[j - 1][0], text, first[2], first[3]))
        k = j
    obj.glyphs = joined


def _declared_text(letters: str, widths: dict[str, float | None]) -> str | None:
    """The text the font declares for a glyph of ``letters`` (the letters, or their ligature character)."""
    if widths.get(letters) is not None:
        return letters
    for ligature, spelt in LIGATURES.items():
        if spelt == letters and widths.get(ligature) is not None:
            return ligature
    return None


def _check_glyphs(tp, address: int, obj: _TextObject) -> None:
    """No glyph of the text object went missing after a blank, at its end, or into pieces.

    The one glyph pdfium drops often, the blank after a hyphen at a line
    end, is put back: the text object then ends where that blank starts.
    Distances are measured along the writing direction (the text matrix's
    first row), so text turned on the page is checked alike.
    """
    a, b = obj.matrix[0], obj.matrix[1]
    norm = (a * a + b * b) ** 0.5
    ux, uy = a / norm, b / norm  # unit vector along the writing direction

    def along(x: float, y: float) -> float:
        return x * ux + y * uy

    glyphs = obj.glyphs
    for prev, nxt in itertools.pairwise(glyphs):
        if prev[2] == nxt[2] and prev[3] == nxt[3]:
            raise NotExact("glyph split into pieces (ligature or ActualText)")
        if prev[1] == " ":
            blank = obj.advance(" ") * norm
            if along(nxt[2] - prev[2], nxt[3] - prev[3]) - blank > BLANK_GAP_LIMIT * blank:
                raise NotExact("wide gap after a blank")
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    _P["FPDFPageObj_GetBounds"](address, left, bottom, right, top)
    last = glyphs[-1]
    gl, gr, gb, gt = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    raw.FPDFText_GetCharBox(tp, last[0], gl, gr, gb, gt)
    # how far the object and its last glyph reach along the writing direction
    reach = max(along(x, y) for x in (left.value, right.value) for y in (bottom.value, top.value))
    glyph_reach = max(along(x, y) for x in (gl.value, gr.value) for y in (gb.value, gt.value))
    if reach <= glyph_reach + POSITION_TOLERANCE:
        return
    hyphen_end = along(last[2], last[3]) + obj.advance("-") * norm if last[1] == "-" else None
    if hyphen_end is not None and raw.FPDFText_IsHyphen(tp, last[0]) and abs(reach - hyphen_end) <= BLANK_AFTER_HYPHEN_SLACK:
        step = reach - along(last[2], last[3])
        glyphs.append((-1, " ", last[2] + step * ux, last[3] + step * uy))
        return
    raise NotExact("glyph at the end of a text object dropped")


def _append_glyphs(obj: _TextObject, frame: PageFrame, out: RawPage) -> None:
    """pdfminer's LTChar box for each glyph, in pdfplumber's coordinates.

    pdfium computes in single precision. Where a glyph sits exactly one
    declared advance after the previous one (no character or word spacing,
    no kerning), its position is recomputed the way pdfminer computes it, in
    double precision from the numbers the PDF wrote, so that both engines
    give the same bits and round a coordinate to the same side.
    """
    a, b, c, d = (_exact(v) for v in obj.matrix)
    size = _exact(obj.size)
    descent = obj.metrics.descent * size
    widths, check_widths = obj.metrics.widths, obj.metrics.check_widths
    # the glyph matrix times the page's: the same for all glyphs but the origin
    pa, pb, pc, pd, pe, pf = frame.ctm
    ma, mb, mc, md = pa * a + pc * b, pb * a + pd * b, pa * c + pc * d, pb * c + pd * d
    if not (ma * md > 0 and mb * mc <= 0):
        out.turned += sum(1 for glyph in obj.glyphs if glyph[1].strip())
        return  # not upright (pdfplumber's reader skips these too)
    axis_aligned = mb == 0 and mc == 0
    x_shift, height, top_shift = frame.x_shift, frame.height, frame.top_shift
    texts, boxes = out.texts, out.boxes
    start = advanced = None  # the object's first origin; pdfminer's text-space x
    for _, text, x, y in obj.glyphs:
        width = widths.get(text)
        if width is None:
            raise NotExact(f"no declared width for {text!r}")
        adv = width * size
        if start is None:
            start = (_exact(x), _exact(y))
            advanced = 0.0
            ex, ey = start
        elif advanced is not None and abs(start[0] + advanced * a - x) <= SNAP_TOLERANCE and abs(start[1] + advanced * b - y) <= SNAP_TOLERANCE:
            ex, ey = advanced * a + start[0], advanced * b + start[1]
        elif check_widths:
            # a standard font without declared widths: pdfium places glyphs by
            # its own metrics, which may differ from pdfminer's (the euro sign)
            raise NotExact(f"glyph {text!r} not one standard advance after the previous one")
        else:
            advanced = None  # spacing or kerning: pdfium's position stands
            ex, ey = x, y
        if advanced is not None:
            advanced += adv
        me, mf = pa * ex + pc * ey + pe, pb * ex + pd * ey + pf
        if axis_aligned:  # pdfminer's apply_matrix_rect, its zero terms left out
            x0, x1 = me, ma * adv + me
            y0, y1 = md * descent + mf, md * (descent + size) + mf
            if x1 < x0:
                x0, x1 = x1, x0
            if y1 < y0:
                y0, y1 = y1, y0
        else:
            x0, y0, x1, y1 = _rect((ma, mb, mc, md, me, mf), 0, descent, adv, descent + size)
        texts.append(text)
        if x_shift:  # pdfplumber's flip to a top-left origin (PageFrame.x and .top, inlined)
            x0, x1 = x0 + x_shift, x1 + x_shift
        boxes.extend((x0, x1, (height - y1) + top_shift, (height - y0) + top_shift, y1 - y0))


# --------------------------------------------------------------------------
# Rulings: pdfminer's lines, rectangles and curves, as pdfplumber's edges


_SEGMENT_OPS = {raw.FPDF_SEGMENT_MOVETO: "m", raw.FPDF_SEGMENT_LINETO: "l", raw.FPDF_SEGMENT_BEZIERTO: "c"}


def read_edges(page: pdfium.PdfPage, frame: PageFrame) -> list[tuple[float, float, float, float]]:
    """Every edge pdfplumber's ``page.edges`` gives (x0, top, x1, bottom), in its order."""
    lines: list[list[tuple[float, float]]] = []
    rects: list[list[tuple[float, float]]] = []
    curves: list[list[tuple[float, float]]] = []
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    for path, matrix in _path_objects(page.raw, identity):
        for kind, pts in _classify(_segments(path, _mult(matrix, frame.ctm))):
            (lines if kind == "line" else rects if kind == "rect" else curves).append(
                [(frame.x(x), frame.top(y)) for x, y in pts])
    edges = []
    for (x0, t0), (x1, t1) in lines:
        edges.append((min(x0, x1), min(t0, t1), max(x0, x1), max(t0, t1)))
    for (xa, ta), (xb, tb) in rects:
        x0, x1, top, bottom = min(xa, xb), max(xa, xb), min(ta, tb), max(ta, tb)
        edges += [(x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom)]
    for pts in curves:
        for (x0, t0), (x1, t1) in itertools.pairwise(pts):
            edges.append((min(x0, x1), min(t0, t1), max(x0, x1), max(t0, t1)))
    return edges


def _path_objects(holder, matrix, in_form: bool = False) -> Iterator[tuple[int, tuple]]:
    """Path objects with the matrix from their points to PDF user space."""
    count = _P["FPDFFormObj_CountObjects"](holder) if in_form else _P["FPDFPage_CountObjects"](holder)
    m = raw.FS_MATRIX()
    for k in range(count):
        address = _P["FPDFFormObj_GetObject"](holder, k) if in_form else _P["FPDFPage_GetObject"](holder, k)
        kind = _P["FPDFPageObj_GetType"](address)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            continue
        _P["FPDFPageObj_GetMatrix"](address, m)
        own = _mult((m.a, m.b, m.c, m.d, m.e, m.f), matrix)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            yield from _path_objects(address, own, True)
            continue
        fill, stroke = ctypes.c_int(), ctypes.c_int()
        _P["FPDFPath_GetDrawMode"](address, fill, stroke)
        if fill.value or stroke.value:  # pdfminer paints only filled or stroked paths
            yield address, own


def _segments(path: int, matrix) -> list[tuple[str, tuple[float, float] | None]]:
    """The path as pdfminer records it: (operator, end point); "h" closes."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    ops: list[tuple[str, tuple[float, float] | None]] = []
    for k in range(_P["FPDFPath_CountSegments"](path)):
        segment = _P["FPDFPath_GetPathSegment"](path, k)
        _P["FPDFPathSegment_GetPoint"](segment, x, y)
        op = _SEGMENT_OPS.get(_P["FPDFPathSegment_GetType"](segment), "?")
        px, py = _exact(x.value), _exact(y.value)
        ops.append((op, (a * px + c * py + e, b * px + d * py + f)))
        if _P["FPDFPathSegment_GetClose"](segment):
            ops.append(("h", None))
    # pdfium stores a Bézier curve as three points; pdfminer as one operator ending at the last
    merged: list[tuple[str, tuple[float, float] | None]] = []
    run = 0
    for op, pt in ops:
        if op == "c":
            run += 1
            if run % 3:
                continue
        else:
            run = 0
        merged.append((op, pt))
    return merged


def _exact(value: float) -> float:
    """The shortest decimal that pdfium's single-precision number stands for (as written in the PDF)."""
    # a zero stays as it is, its sign too (0.0 and -0.0 are one key of the memo)
    return _shortest_decimal(value) if value else value


@functools.lru_cache(maxsize=4096)
def _shortest_decimal(value: float) -> float:
    """``_exact`` of a non-zero number, memoised: a page's text objects and
    paths repeat a few numbers (sizes, matrices, column starts, baselines,
    ruling positions) thousands of times, and formatting one is slow."""
    return float(f"{value:.7g}") if value == ctypes.c_float(float(f"{value:.7g}")).value else value


def _classify(ops) -> Iterator[tuple[str, list]]:
    """pdfminer's paint_path: split at each "m", then a line, a rectangle or a curve."""
    start = 0
    for k in range(1, len(ops) + 1):
        if k == len(ops) or ops[k][0] == "m":
            yield from _classify_subpath(ops[start:k])
            start = k


def _classify_subpath(path) -> Iterator[tuple[str, list]]:
    if not path or path[0][0] != "m":
        return
    shape = "".join(op for op, _ in path)
    pts = [pt if op != "h" else path[0][1] for op, pt in path]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("mlh", "ml"):
        yield "line", pts[:2]
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        closed = pts[0] == pts[4]
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if closed and square:
            yield "rect", [pts[0], pts[2]]
        else:
            yield "curve", pts
    else:
        yield "curve", pts


# --------------------------------------------------------------------------
# A page


def read_page(pdf: pdfium.PdfDocument, index: int, declared: Declarations) -> RawPage:
    """Glyphs and edges of page ``index`` (0-based); raises NotExact."""
    page = pdf[index]
    try:
        frame = declared.frame(index)
        out = RawPage(number=index + 1, width=frame.width, height=frame.height, engine="pdfium")
        textpage = page.get_textpage()
        try:
            read_chars(page, textpage, frame, declared.fonts(index), out)
        finally:
            textpage.close()
        for edge in read_edges(page, frame):
            out.rulings.extend(edge)
        out.cut = count_cut_text(page)
        return out
    finally:
        page.close()


# --------------------------------------------------------------------------
# Text cut off at the edge of the printed area

# A browser prints a table wider than its paper cut at the printable area,
# and a cell that hides what overflows it cut at the cell's edge: it sets a
# clip there, keeps the glyphs that the edge cuts, and leaves out those
# beyond it ("Pieschen" printed as "Pies", "FACHINFORMATIONSZEN"). A
# glyph's box that reaches across a clip's side by more than this (pt),
# along the writing direction, was cut there. (Across the clip's other
# sides a glyph's box often reaches past a cell by its ascent or descent:
# not looked at.) A glyph wholly beyond the clip is left out of the PDF,
# so the last glyph kept may end right at the clip's side, cutting nothing
# itself ("FACHINFORMATIONSZENTRU" / "ZUWANDERUNG" from a word running into
# the margin: the "M" was not in the PDF, published wrong, exit 0): a glyph
# that reaches the side where its writing goes on, to within this, counts as
# cut too. In about 900 PDFs printed by Chromium and LibreOffice, no glyph
# came that close otherwise.
CLIP_TOLERANCE = 0.1


def count_cut_text(page: pdfium.PdfPage) -> int:
    """How many text objects of ``page`` reach across their clip along their writing direction."""
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    m = raw.FS_MATRIX()
    cut = 0
    for address, _ in _text_objects(page.raw, identity):
        clip = _clip_box(address)
        if clip is None:
            continue
        _P["FPDFPageObj_GetBounds"](address, left, bottom, right, top)
        _P["FPDFPageObj_GetMatrix"](address, m)  # bounds, clip and matrix: all in the object's own space
        if abs(m.a) >= abs(m.b):  # written across the page
            start, end, clip_start, clip_end, forward = left.value, right.value, clip[0], clip[2], m.a > 0
        else:  # written up or down the page
            start, end, clip_start, clip_end, forward = bottom.value, top.value, clip[1], clip[3], m.b > 0
        crosses = start < clip_start - CLIP_TOLERANCE or end > clip_end + CLIP_TOLERANCE
        touches_where_writing_goes_on = end > clip_end - CLIP_TOLERANCE if forward else start < clip_start + CLIP_TOLERANCE
        if crosses or touches_where_writing_goes_on:
            cut += 1
    return cut


def _clip_box(address: int) -> tuple[float, float, float, float] | None:
    """The box around the clip path of a page object (left, bottom, right, top), if it has one."""
    clip = _P["FPDFPageObj_GetClipPath"](address)
    if not clip:
        return None
    x, y = ctypes.c_float(), ctypes.c_float()
    xs, ys = [], []
    for path in range(_P["FPDFClipPath_CountPaths"](clip)):
        for k in range(_P["FPDFClipPath_CountPathSegments"](clip, path)):
            _P["FPDFPathSegment_GetPoint"](_P["FPDFClipPath_GetPathSegment"](clip, path, k), x, y)
            xs.append(x.value)
            ys.append(y.value)
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def count_cut_text_on(pdf: pdfium.PdfDocument, index: int) -> int:
    """``count_cut_text`` for page ``index`` (0-based) of an open document."""
    page = pdf[index]
    try:
        return count_cut_text(page)
    finally:
        page.close()
