"""German column labels and a reading order, for people rather than programs.

The Excel CSVs (``excel/<table>.csv``) and the readable Datasette views use
them: the documents' own column headers where a column holds a printed
field ("Projektträger", "Durchführungsort", "Bewilligungsbeginn" …), plain
German words for the columns the dataset adds ("Kreis", "Kreisschlüssel",
"Quelle, Seite"). Readable columns come first, technical ones (keys, row
positions, raw text beside a normalised value) last. The plain CSVs,
Parquet and the SQLite tables keep the machine names and the model order:
those are the public interface for programs.

A table without an entry here keeps its column names and order.
"""

from __future__ import annotations

from foerderdaten.publish.columns import Column, columns_of
from foerderdaten.schemas import TableSpec

# Per table: column name -> label, in reading order. Columns of the model not
# listed follow in model order under their machine names.
LABELS: dict[str, dict[str, str]] = {
    "projects": {
        "region": "Kreis",
        "projekttraeger": "Projektträger",
        "projekttitel": "Projekttitel",
        "bewilligungsbeginn": "Bewilligungsbeginn",
        "bewilligungsende": "Bewilligungsende",
        "vorhabensart": "Fördergegenstand",
        "gesteuerte_zuwanderung": "gesteuerte Zuwanderung",
        "durchfuehrungsort": "Durchführungsort",
        "kurzbeschreibung": "Kurzbeschreibung",
        "quality_flags": "Auffälligkeiten",
        "page": "Quelle, Seite",
        "edition": "Ausgabe",
        "stand": "Stand",
        "current": "aktuelle Ausgabe",
        # as printed, beside the normalised values above
        "region_raw": "Region/FKA",
        "rl_nr_raw": "Nr. der RL",
        "vorhabensart_raw": "Vorhabensart",
        "bewilligungsbeginn_raw": "Bewilligungsbeginn (wie gedruckt)",
        "bewilligungsende_raw": "Bewilligungsende (wie gedruckt)",
        # technical
        "kreis_ags": "Kreisschlüssel",
        "rl_nr": "RL-Nummer",
        "organisation_id": "Organisations-ID",
        "project_id": "Projekt-ID",
        "source_id": "Quelldokument",
        "seq": "Zeile im Dokument",
        "bbox": "Lage auf der Seite (pt)",
    },
    "annex_projects": {
        "zuwendungsempfaenger": "Zuwendungsempfänger",
        "projekttitel": "Projekttitel",
        "zielgruppe": "Zielgruppe",
        "kurzbeschreibung": "Kurzbeschreibung",
        "bewilligungsjahr": "Bewilligungsjahr",
        "anlage": "Anlage",
        "page": "Quelle, Seite",
        "seq_in_anlage": "Zeile in der Anlage",
        "organisation_id": "Organisations-ID",
        "source_id": "Quelldokument",
    },
    "welcome_centers": {
        "name": "Welcome Center",
        "region": "Kreis",
        "traeger_raw": "Träger/Region",
        "status": "Status",
        "page": "Quelle, Seite",
        "kreis_ags": "Kreisschlüssel",
        "seq": "Reihenfolge",
        "source_id": "Quelldokument",
    },
    "welcome_center_funding": {
        "region": "Kreis",
        "betrag_eur": "Betrag (Euro)",
        "status": "Status",
        "zeitraum": "Zeitraum",
        "betrag_raw": "Betrag (wie gedruckt)",
        "region_raw": "Region (wie gedruckt)",
        "page": "Quelle, Seite",
        "kreis_ags": "Kreisschlüssel",
        "seq": "Reihenfolge",
        "source_id": "Quelldokument",
    },
    "budget": {
        "jahr": "Haushaltsjahr",
        "betrag_eur": "Betrag (Euro)",
        "betrag_raw": "Betrag (wie gedruckt)",
        "source_id": "Quelldokument",
    },
    "quality": {
        "flag": "Auffälligkeit",
        "detail": "Beschreibung",
        "page": "Quelle, Seite",
        "table": "Tabelle",
        "record": "Datensatz",
        "source_id": "Quelldokument",
    },
    "questions": {
        "nummer": "Frage Nr.",
        "frage": "Frage",
        "antwort": "Antwort",
        "beantwortet_mit": "gemeinsam beantwortet mit",
        "page": "Quelle, Seite",
        "source_id": "Quelldokument",
    },
    "organisations": {
        "name": "Organisation",
        "projects": "Projekte",
        "variants": "Schreibweisen",
        "organisation_id": "Organisations-ID",
    },
    "districts": {
        "name": "Kreis",
        "typ": "Art",
        "kreis_ags": "Kreisschlüssel",
        "official_name_destatis": "Name bei Destatis",
    },
}


def readable_columns(spec: TableSpec) -> list[tuple[Column, str]]:
    """The table's columns in reading order, each with its German label."""
    columns = {c.name: c for c in columns_of(spec.model)}
    labels = LABELS.get(spec.name, {})
    first = [(columns[name], label) for name, label in labels.items() if name in columns]
    rest = [(c, c.name) for name, c in columns.items() if name not in labels]
    return first + rest
