"""CSV files in two flavours: plain for programs, ``excel/`` for German Excel.

Plain (``<table>.csv``), for pandas, R, csvkit, databases:
  UTF-8 without BOM, comma, RFC 4180 quoting, ISO dates (2023-12-31),
  "." as decimal mark, ``true``/``false``, empty field = no value.
  Lines end in LF ("\\n"), not the CRLF of RFC 4180: line breaks inside
  quoted texts are LF too, so one convention holds for the whole file, and
  Unix tools and diffs see no stray "\\r". The data package declares it.

Excel (``excel/<table>.csv``), for a double click in a German Excel:
  UTF-8 with BOM (else Excel guesses Windows-1252 and breaks umlauts),
  semicolon (the comma is the decimal mark), decimal comma without
  thousands separator (285563,71), dates as 31.12.2023, ``ja``/``nein``
  (plain words rather than WAHR/FALSCH, which only a German Excel would
  turn into booleans), CRLF line ends. A text starting with = + - @ gets a
  leading apostrophe so Excel shows it instead of running it as a formula.

  Columns carry German labels ("Projektträger", "Kreis", "Quelle, Seite"),
  readable ones first and technical ones last (``labels.py``).

Both flavours have the same rows in the same order; the plain one keeps the
column names and order of the models (the public interface for programs). An empty field means "no value"; CSV cannot tell an empty
text from a missing one (Parquet and SQLite can).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from foerderdaten.publish.columns import Column, Kind, columns_of, values
from foerderdaten.publish.formats import german, plain
from foerderdaten.publish.labels import readable_columns
from foerderdaten.schemas import TableSpec

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Flavour:
    delimiter: str
    line_end: str
    bom: bool
    format_value: Callable[[Column, object], str]
    guard_formulas: bool
    german_labels: bool  # labels and reading order of labels.py instead of column names


PLAIN = Flavour(delimiter=",", line_end="\n", bom=False, format_value=plain, guard_formulas=False, german_labels=False)
EXCEL = Flavour(delimiter=";", line_end="\r\n", bom=True, format_value=german, guard_formulas=True, german_labels=True)


def _quote(text: str, delimiter: str) -> str:
    """RFC 4180: quote a field holding the delimiter, a quote or a line break."""
    if delimiter in text or '"' in text or "\n" in text or "\r" in text:  # (every cell passes: no generator)
        return '"' + text.replace('"', '""') + '"'
    return text


def _cell(column: Column, value, flavour: Flavour) -> str:
    text = flavour.format_value(column, value)
    if flavour.guard_formulas and column.kind is Kind.TEXT and text.startswith(_FORMULA_STARTS):
        text = "'" + text
    return _quote(text, flavour.delimiter)


def csv_text(spec: TableSpec, rows: Sequence[BaseModel], flavour: Flavour) -> str:
    return "".join(csv_lines(spec, rows, flavour))


def csv_lines(spec: TableSpec, rows: Sequence[BaseModel], flavour: Flavour) -> Iterator[str]:
    """The header line, then one line per row, each with its line end."""
    if flavour.german_labels:
        labelled = readable_columns(spec)
    else:
        labelled = [(c, c.name) for c in columns_of(spec.model)]
    columns = [c for c, _ in labelled]
    end = flavour.line_end
    yield flavour.delimiter.join(_quote(label, flavour.delimiter) for _, label in labelled) + end
    for row in rows:
        cells = (_cell(c, v, flavour) for c, v in zip(columns, values(row, columns), strict=True))
        yield flavour.delimiter.join(cells) + end


def write_csv(spec: TableSpec, rows: Sequence[BaseModel], path: Path, flavour: Flavour = PLAIN) -> None:
    """Line by line: the whole text at once would be held three times (lines,
    text, bytes), a multiple of the file for the largest tables."""
    with path.open("wb") as fh:
        if flavour.bom:
            fh.write(b"\xef\xbb\xbf")
        fh.writelines(line.encode("utf-8") for line in csv_lines(spec, rows, flavour))
