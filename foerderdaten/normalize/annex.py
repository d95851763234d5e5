"""Annex rows of a Landtag answer -> ``AnnexProject`` rows.

The cells stay as printed; the approval year comes from the answer's text
that says which annex holds which year ("für Bewilligungen des Jahres 2023
in Anlage 1").
"""

from __future__ import annotations

from foerderdaten.extract.records import RawAnnexRow
from foerderdaten.schemas.tables import AnnexProject


def annex_record(row: AnnexProject) -> str:
    """How ``quality`` names an annex row in its ``record`` column: "Anlage/Zeile", e.g. "2/5"."""
    return f"{row.anlage}/{row.seq_in_anlage}"


def normalize_annex(rows: list[RawAnnexRow], annex_years: dict[int, int]) -> list[AnnexProject]:
    return [
        AnnexProject(
            source_id=row.source_id,
            anlage=row.anlage,
            bewilligungsjahr=annex_years.get(row.anlage),
            seq_in_anlage=row.seq_in_anlage,
            page=row.page,
            zuwendungsempfaenger=row.zuwendungsempfaenger,
            projekttitel=row.projekttitel,
            zielgruppe=row.zielgruppe,
            kurzbeschreibung=row.kurzbeschreibung,
        )
        for row in rows
    ]
