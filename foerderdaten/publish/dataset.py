"""Facts about the dataset as a whole: title, licence and source documents.

Kept in one place so the data package, the Parquet metadata, the Datasette
metadata, the codebook and the overview page say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel

from foerderdaten.schemas import TableSpec
from foerderdaten.schemas.rows import Tables

NAME = "foerderdaten-sachsen"
TITLE_DE = "Förderdaten Sachsen: Fachkräfterichtlinie und Welcome Center"
TITLE_EN = "Saxony funding data: Fachkräfterichtlinie and Welcome Centers"
DESCRIPTION_DE = (
    "Projekte der Fachkräfterichtlinie aus der Übersicht der Sächsischen Aufbaubank (SAB) und die "
    "Antwort der Staatsregierung auf eine Kleine Anfrage zu den „Welcome Centern“, aus den PDF-Dokumenten "
    "maschinenlesbar aufbereitet: Rohtext jedes Feldes, normalisierte Werte mit amtlichem Kreisschlüssel, "
    "Korrekturprotokoll und Qualitätsbericht mit Seitenangaben."
)
DESCRIPTION_EN = (
    "Projects of the Saxon Fachkräfterichtlinie (skilled-worker funding directive) from the overview of the "
    "Sächsische Aufbaubank (SAB) and the state government's answer to a minor interpellation about "
    "'Welcome Centers', made machine-readable from the PDF documents: raw text of every field, normalised "
    "values with official district keys, a corrections log and a quality report with page references."
)

# Our own work (extraction, normalisation, linking) is published under CC BY 4.0:
# internationally understood, an SPDX identifier, and compatible with the
# Datenlizenz Deutschland used by German authorities. The source PDFs are
# official documents of public authorities; the README explains their status.
LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}
ATTRIBUTION = "Quellen: Sächsische Aufbaubank (SAB), Sächsischer Landtag; Aufbereitung: foerderdaten"


@dataclass(frozen=True)
class Source:
    """A source document, as cited in metadata."""

    source_id: str
    title: str
    file_name: str
    sha256: str
    # provenance (documents table): None = unknown
    is_reconstruction: bool | None = None
    original_url: str | None = None
    origin: str | None = None


RECONSTRUCTION_NOTE_DE = (
    "Die mitgelieferte PDF ist ein Nachbau des Originals (aus dessen Text neu gesetzt); Seitenangaben (page) "
    "zählen die Seiten dieser Datei, nicht die der Originalveröffentlichung. Die Werte sind dieselben."
)
RECONSTRUCTION_NOTE_EN = (
    "The bundled PDF is a reconstruction of the original (reset from its text); page numbers count the pages of "
    "this file, not of the original publication. The values are the same."
)


def all_sources(tables: Tables) -> list[Source]:
    """Every document of the ``documents`` table, in its row order."""
    return [
        Source(source_id=d.source_id, title=d.title, file_name=d.file_name, sha256=d.sha256,
               is_reconstruction=d.is_reconstruction, original_url=d.original_url, origin=d.origin)
        for d in tables.documents
    ]


def sources_of(spec: TableSpec, rows: Sequence[BaseModel], sources: Sequence[Source]) -> list[Source]:
    """The documents a table's rows come from.

    Tables with a ``source_id`` column cite the documents their rows name;
    the vocabulary tables (no ``source_id``) were compiled from all documents.
    """
    if "source_id" not in spec.model.model_fields:
        return list(sources)
    # checked above: the model has the column; getattr because the static type is BaseModel
    used = {getattr(row, "source_id") for row in rows}  # noqa: B009
    return [s for s in sources if s.source_id in used]
