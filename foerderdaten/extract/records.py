"""Raw records: what a parser read from a PDF, exactly as printed.

Values are the document's text, re-joined across line and page breaks and
with white space folded; nothing is corrected here (that is normalize/).
"""

from __future__ import annotations

from dataclasses import dataclass

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in pt


@dataclass(frozen=True, slots=True)
class RawProject:
    """One row of an SAB overview ("Übersicht über beantragte und bewilligte Projekte")."""

    source_id: str
    edition: str  # e.g. "Regionalbudget 2023", from the page header
    stand_raw: str  # e.g. "31.12.2023", from "Stand: 31.12.2023"
    seq: int  # 1-based position in the document
    page: int  # page on which the row starts
    bbox: BBox  # the row's box on that page
    projekttraeger: str
    durchfuehrungsort: str
    region_raw: str
    rl_nr_raw: str
    vorhabensart_raw: str
    bewilligungsbeginn_raw: str
    bewilligungsende_raw: str
    projekttitel: str
    kurzbeschreibung: str


@dataclass(frozen=True, slots=True)
class RawAnnexRow:
    """One row of an annex table of a Landtag answer."""

    source_id: str
    anlage: int
    seq_in_anlage: int
    page: int
    bbox: BBox
    zuwendungsempfaenger: str
    projekttitel: str
    zielgruppe: str
    kurzbeschreibung: str
