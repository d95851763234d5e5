"""Small hostile PDFs, made on the fly: each is a few KB to a MB on disk.

* ``many_rectangles``: millions of tiny filled rectangles (the engine builds
  an object, and four edges, per rectangle: gigabytes).
* ``self_referencing_length``: a stream whose /Length is an indirect
  reference to the stream object itself (pdfminer resolves it forever).
* ``flate_bomb``: a page content stream that inflates to 1 GiB.

Written by hand (objects and xref table), since a PDF library would not
write them.
"""

from __future__ import annotations

import zlib
from pathlib import Path

GIB = 1 << 30


def write_pdf(path: Path, content_object: bytes, extra: list[bytes] = ()) -> Path:
    """A one-page PDF whose page content is object 4 (``content_object``,
    the body between "4 0 obj" and "endobj"); ``extra`` are objects 6, 7, …"""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        content_object,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        *extra,
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def many_rectangles(path: Path, count: int = 2_000_000) -> Path:
    text = b"BT /F1 12 Tf 72 800 Td (Rechtecke) Tj ET\n"
    compressor = zlib.compressobj(9)
    data = compressor.compress(text) + compressor.compress(b"1 1 0.5 0.5 re f\n" * count) + compressor.flush()
    return write_pdf(path, _stream(data))


def self_referencing_length(path: Path) -> Path:
    """The content stream's /Length is object 6, whose value is a reference to object 6."""
    content = b"BT /F1 12 Tf 72 800 Td (Hallo) Tj ET"
    return write_pdf(path, b"<< /Length 6 0 R >>\nstream\n" + content + b"\nendstream", extra=[b"6 0 R"])


def flate_bomb(path: Path, size: int = GIB) -> Path:
    """A content stream of ``size`` blanks, deflated to about 1 MB.

    Made in a blink: one MiB block is deflated once with a full flush (which
    resets the compressor, so every block compresses to the same bytes),
    repeated, and closed with an empty final block and the checksum.
    """
    block = b" " * (1 << 20)
    repeats = size // len(block)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    piece = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    checksum = 1
    for _ in range(repeats):
        checksum = zlib.adler32(block, checksum)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    data = b"\x78\xda" + piece * repeats + final + checksum.to_bytes(4, "big")
    return write_pdf(path, _stream(data))
