"""Row models of every published table.

Field order is column order. ``col()`` gives each column a German and an
English description; the publishers read them from here, so this file is the
single place where a column is defined.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import Field

from foerderdaten.schemas.common import Record, TableSpec

AGS_PATTERN = r"^14\d{3}$"
SOURCE_ID_PATTERN = r"^[a-z0-9_]+$"
ORGANISATION_ID_PATTERN = r"^o_[0-9a-f]{12}$"


def col(de: str, en: str, **kwargs):
    """A column with its German description and English translation."""
    return Field(description=de, json_schema_extra={"description_en": en}, **kwargs)


SourceId = Field(
    description="Kennung des Quelldokuments (siehe Tabelle documents)",
    json_schema_extra={"description_en": "Identifier of the source document (see table documents)"},
    pattern=SOURCE_ID_PATTERN,
)


# --------------------------------------------------------------------------
# Vocabularies


class District(Record):
    kreis_ags: str = col("Amtlicher Kreisschlüssel (5 Stellen)", "Official district key (5 digits)", pattern=AGS_PATTERN)
    name: str = col("Kanonischer Name des Kreises bzw. der kreisfreien Stadt", "Canonical name of the district or district-free city")
    official_name_destatis: str = col("Name in der Schreibweise von Destatis", "Name as spelt by Destatis")
    typ: str = col("Landkreis oder Kreisfreie Stadt", "Rural district (Landkreis) or district-free city")


class DistrictVariant(Record):
    variant: str = col("Schreibweise, wie sie in Dokumenten vorkommt", "Spelling as found in documents")
    kreis_ags: str = col("Kreisschlüssel, auf den die Schreibweise abgebildet wird", "District key the spelling maps to", pattern=AGS_PATTERN)
    region: str = col("Kanonischer Kreisname", "Canonical district name")


class RlCategory(Record):
    rl_nr: int = col(
        "Nummer des Fördergegenstands (Fachkräfterichtlinie Teil B Ziffer I)", "Number of the funding category (Fachkräfterichtlinie part B section I)",
        ge=1, le=99,
    )
    label: str = col("Kanonische Bezeichnung des Fördergegenstands", "Canonical label of the funding category")


class VorhabensartVariant(Record):
    vorhabensart_raw: str = col("Text der Spalte Vorhabensart, wie gedruckt", "Text of the Vorhabensart column as printed")
    rl_nr: int = col("Zugeordnete RL-Nummer", "RL number it maps to", ge=1, le=99)
    kind: str = col("Art der Schreibweise (label, short_form, typo, ...)", "Kind of spelling (label, short_form, typo, ...)")
    gesteuerte_zuwanderung: bool = col("Enthält den Zusatz „gesteuerte Zuwanderung“", "Carries the suffix 'gesteuerte Zuwanderung' (managed immigration)")


# --------------------------------------------------------------------------
# All documents


class Document(Record):
    source_id: str = SourceId
    kind: Literal["sab_overview", "landtag_answer"] = col("Art des Dokuments", "Kind of document")
    file_name: str = col("Dateiname der gebündelten PDF", "File name of the bundled PDF")
    sha256: str = col("SHA-256 der PDF-Datei", "SHA-256 of the PDF file", pattern=r"^[0-9a-f]{64}$")
    pages: int = col("Seitenzahl", "Number of pages", ge=1)
    title: str = col("Titel des Dokuments", "Title of the document")
    edition: str | None = col("SAB-Übersicht: Ausgabe, z. B. „Regionalbudget 2023“", "SAB overview: edition, e.g. 'Regionalbudget 2023'", default=None)
    stand: dt.date | None = col("SAB-Übersicht: Stand (Datum)", "SAB overview: as-of date", default=None)
    drucksache: str | None = col("Landtagsantwort: Drucksachennummer, z. B. 7/16456", "Landtag answer: printed paper number, e.g. 7/16456", default=None)
    wahlperiode: int | None = col("Landtagsantwort: Wahlperiode", "Landtag answer: legislative term", default=None)
    nummer: int | None = col("Landtagsantwort: laufende Nummer der Drucksache", "Landtag answer: running number of the paper", default=None)
    thema: str | None = col("Landtagsantwort: Thema", "Landtag answer: subject", default=None)
    fragesteller: str | None = col("Landtagsantwort: fragende(r) Abgeordnete(r)", "Landtag answer: member who asked", default=None)
    fraktion: str | None = col("Landtagsantwort: Fraktion des Fragestellers", "Landtag answer: parliamentary group of the asker", default=None)
    ministerium: str | None = col("Landtagsantwort: antwortendes Ministerium", "Landtag answer: answering ministry", default=None)
    unterzeichner: str | None = col("Landtagsantwort: Unterzeichner", "Landtag answer: signatory", default=None)
    datum: dt.date | None = col("Landtagsantwort: Datum des Schreibens", "Landtag answer: date of the letter", default=None)
    aktenzeichen: str | None = col("Landtagsantwort: Aktenzeichen", "Landtag answer: file reference", default=None)
    is_reconstruction: bool | None = col(
        "Die gebündelte PDF ist ein Nachbau des Originals (aus dessen Text neu gesetzt): Seitenangaben (page) "
        "zählen die Seiten dieser Datei, nicht die der Originalveröffentlichung; leer, wenn unbekannt",
        "The bundled PDF is a reconstruction of the original (reset from its text): page numbers count the pages "
        "of this file, not of the original publication; empty if unknown",
        default=None,
    )
    original_url: str | None = col("Adresse des Originals, wo bekannt", "Address of the original, where known", default=None)
    origin: str | None = col(
        "Wo das Original veröffentlicht ist (laut data/raw/manifest.json)", "Where the original is published (per data/raw/manifest.json)", default=None
    )
    retrieved_at: str | None = col("Zeitpunkt des Abrufs (UTC, ISO 8601), wo bekannt", "Time of retrieval (UTC, ISO 8601), where known", default=None)


# --------------------------------------------------------------------------
# SAB overview


class Project(Record):
    project_id: str = col(
        "Stabile Projektkennung aus Träger, Titel, Beginn und Kreis (gleich über Neuerstellungen und Ausgaben)",
        "Stable project id from recipient, title, start and district (same across rebuilds and editions)",
        pattern=r"^p_[0-9a-f]{12}$",
    )
    source_id: str = SourceId
    edition: str = col("Ausgabe der Übersicht, aus dem Seitenkopf", "Edition of the overview, from the page header")
    stand: dt.date | None = col("Stand der Übersicht", "As-of date of the overview")
    seq: int = col("Laufende Nummer der Zeile im Dokument (1 = erste Zeile)", "Running number of the row in the document (1 = first)", ge=1)
    page: int = col("Seite der PDF, auf der die Zeile beginnt", "PDF page on which the row starts", ge=1)
    bbox: str = col("Lage der Zeile auf der Seite in pt: x0 top x1 bottom", "Position of the row on its page in pt: x0 top x1 bottom")
    projekttraeger: str = col("Projektträger, wie gedruckt", "Project sponsor as printed")
    durchfuehrungsort: str = col("Durchführungsort, wie gedruckt (leer, wenn nicht angegeben)", "Place of implementation as printed (empty if not given)")
    region_raw: str = col("Region/FKA, wie gedruckt", "Region / skilled-labour alliance as printed")
    region: str | None = col("Kanonischer Kreisname zu region_raw", "Canonical district name for region_raw")
    kreis_ags: str | None = col("Kreisschlüssel zu region", "District key for region", pattern=AGS_PATTERN)
    rl_nr_raw: str = col("Nr. der RL, wie gedruckt", "RL number as printed")
    rl_nr: int | None = col("Nummer des Fördergegenstands", "Number of the funding category", ge=1, le=99)
    vorhabensart_raw: str = col("Vorhabensart, wie gedruckt", "Type of project as printed")
    vorhabensart: str | None = col("Kanonische Bezeichnung zu rl_nr", "Canonical label of rl_nr")
    gesteuerte_zuwanderung: bool = col(
        "Vorhabensart trägt den Zusatz „gesteuerte Zuwanderung“", "Type of project carries the suffix 'gesteuerte Zuwanderung' (managed immigration)"
    )
    bewilligungsbeginn_raw: str = col("Bewilligungsbeginn, wie gedruckt", "Start of approval period as printed")
    bewilligungsbeginn: dt.date | None = col("Bewilligungsbeginn", "Start of approval period")
    bewilligungsende_raw: str = col("Bewilligungsende, wie gedruckt", "End of approval period as printed")
    bewilligungsende: dt.date | None = col("Bewilligungsende", "End of approval period")
    projekttitel: str = col("Projekttitel, wie gedruckt", "Project title as printed")
    kurzbeschreibung: str = col("Kurzbeschreibung, wie gedruckt", "Short description as printed")
    quality_flags: str = col(
        "Fehler und Auffälligkeiten des Dokuments in dieser Zeile, mit „;“ getrennt (Einzelheiten in quality)",
        "The document's own errors and oddities in this row, separated by ';' (details in quality)",
    )
    current: bool = col(
        "Zeile der neuesten Ausgabe ihrer Reihe (die aktuelle Liste: current = true; SQL-Sicht projects_current)",
        "Row of the newest edition of its series (the current list: current = true; SQL view projects_current)",
        default=True,
    )
    organisation_id: str | None = col(
        "Organisation des Trägers (siehe Tabelle organisations); gleiche Organisation trotz abweichender Schreibweise",
        "Organisation of the recipient (see table organisations); the same despite different spellings",
        default=None, pattern=ORGANISATION_ID_PATTERN,
    )


class Correction(Record):
    source_id: str = SourceId
    table: str = col("Tabelle des geänderten Datensatzes", "Table of the changed record")
    record: str = col("Schlüssel des Datensatzes (z. B. project_id)", "Key of the record (e.g. project_id)")
    field: str = col("Normalisierte Spalte", "Normalised column")
    raw: str = col("Wert im Dokument", "Value in the document")
    clean: str = col("Normalisierter Wert", "Normalised value")
    rule: str = col("Regel, die die Änderung vorgenommen hat", "Rule that made the change")


class QualityIssue(Record):
    source_id: str = SourceId
    table: str = col("Tabelle des betroffenen Datensatzes", "Table of the affected record")
    record: str = col("Schlüssel des Datensatzes", "Key of the record")
    page: int | None = col("Seite der PDF zum Nachprüfen", "PDF page to check", ge=1)
    flag: str = col("Art der Auffälligkeit", "Kind of issue")
    detail: str = col("Beschreibung mit den betroffenen Werten", "Description with the values concerned")


# --------------------------------------------------------------------------
# Landtag answer


class Question(Record):
    source_id: str = SourceId
    nummer: int = col("Nummer der Frage", "Number of the question", ge=1)
    frage: str = col("Wortlaut der Frage", "Wording of the question")
    antwort: str = col(
        "Antworttext; gemeinsam beantwortete Fragen tragen denselben Text (Absätze durch Leerzeile getrennt)",
        "Answer text; questions answered jointly carry the same text (paragraphs separated by a blank line)",
    )
    beantwortet_mit: str = col(
        "Nummern der Fragen, die gemeinsam mit dieser beantwortet werden, z. B. „1,2,3“",
        "Numbers of the questions answered together with this one, e.g. '1,2,3'",
    )
    page: int | None = col("Seite, auf der die Frage steht", "Page on which the question stands", default=None, ge=1)


class WelcomeCenter(Record):
    source_id: str = SourceId
    seq: int = col("Reihenfolge im Dokument", "Order in the document", ge=1)
    name: str = col("Name des Welcome Centers, wie gedruckt", "Name of the Welcome Center as printed")
    traeger_raw: str = col("Träger/Region, wie gedruckt (leer, wenn nicht genannt)", "Operator/region as printed (empty if not given)")
    region: str = col("Kanonischer Kreisname", "Canonical district name")
    kreis_ags: str = col("Kreisschlüssel", "District key", pattern=AGS_PATTERN)
    status: Literal["etabliert", "im_aufbau"] = col("etabliert oder im Aufbau", "established or being set up")
    page: int | None = col("Seite der PDF", "PDF page", default=None, ge=1)


class WelcomeCenterFunding(Record):
    source_id: str = SourceId
    seq: int = col("Reihenfolge im Dokument", "Order in the document", ge=1)
    region_raw: str = col("Region, wie gedruckt", "Region as printed")
    region: str = col("Kanonischer Kreisname", "Canonical district name")
    kreis_ags: str = col("Kreisschlüssel", "District key", pattern=AGS_PATTERN)
    betrag_raw: str = col("Betrag, wie gedruckt", "Amount as printed")
    betrag_eur: Decimal = col("Betrag in Euro (exakte Dezimalzahl)", "Amount in euro (exact decimal)", max_digits=14, decimal_places=2)
    status: Literal["etabliert", "im_aufbau"] = col("etabliert oder im Aufbau", "established or being set up")
    zeitraum: str | None = col("Zeitraum laut Text, z. B. „seit dem Jahr 2016“", "Period according to the text, e.g. 'seit dem Jahr 2016'", default=None)
    page: int | None = col("Seite der PDF", "PDF page", default=None, ge=1)


class Budget(Record):
    source_id: str = SourceId
    jahr: int = col("Haushaltsjahr", "Budget year", ge=1990, le=2100)
    betrag_raw: str = col("Betrag, wie gedruckt", "Amount as printed")
    betrag_eur: Decimal = col("Betrag in Euro (exakte Dezimalzahl)", "Amount in euro (exact decimal)", max_digits=14, decimal_places=2)


class AnnexProject(Record):
    source_id: str = SourceId
    anlage: int = col("Nummer der Anlage", "Number of the annex", ge=1)
    bewilligungsjahr: int | None = col("Jahr der Bewilligung laut Antworttext", "Year of approval according to the answer text")
    seq_in_anlage: int = col("Laufende Nummer der Zeile in der Anlage", "Running number of the row in the annex", ge=1)
    page: int = col("Seite der PDF, auf der die Zeile beginnt", "PDF page on which the row starts", ge=1)
    zuwendungsempfaenger: str = col("Zuwendungsempfänger, wie gedruckt", "Grant recipient as printed")
    projekttitel: str = col("Projekttitel, wie gedruckt", "Project title as printed")
    zielgruppe: str = col("Zielgruppe, wie gedruckt", "Target group as printed")
    kurzbeschreibung: str = col("Kurzbeschreibung, wie gedruckt", "Short description as printed")
    organisation_id: str | None = col(
        "Organisation des Trägers (siehe Tabelle organisations); gleiche Organisation trotz abweichender Schreibweise",
        "Organisation of the recipient (see table organisations); the same despite different spellings",
        default=None, pattern=ORGANISATION_ID_PATTERN,
    )


class Link(Record):
    source_id: str = SourceId
    anlage: int = col("Anlage der Zeile", "Annex of the row", ge=1)
    seq_in_anlage: int = col("Zeile in der Anlage", "Row in the annex", ge=1)
    project_id: str = col("Verknüpftes SAB-Projekt", "Linked SAB project")
    project_source_id: str = col(
        "Ausgabe der SAB-Übersicht, deren Zeile verknüpft ist (mit project_id der Schlüssel in projects)",
        "Edition of the SAB overview whose row is linked (with project_id the key in projects)",
        pattern=SOURCE_ID_PATTERN,
    )
    relation: Literal["same_project", "predecessor_title"] = col(
        "same_project: dasselbe Projekt; predecessor_title: gleicher Träger und Titel, aber neues Projekt",
        "same_project: the same project; predecessor_title: same recipient and title but a new project",
    )
    score: float = col("Gesamtähnlichkeit 0–100", "Overall similarity 0-100", ge=0, le=100)
    evidence: str = col("Welche Felder wie gut übereinstimmen", "Which fields matched how well")


class LinkReview(Record):
    source_id: str = SourceId
    anlage: int = col("Anlage der Zeile", "Annex of the row", ge=1)
    seq_in_anlage: int = col("Zeile in der Anlage", "Row in the annex", ge=1)
    project_id: str = col("Kandidat unter den SAB-Projekten", "Candidate SAB project")
    project_source_id: str = col(
        "Ausgabe der SAB-Übersicht, deren Zeile Kandidat ist (mit project_id der Schlüssel in projects)",
        "Edition of the SAB overview whose row is the candidate (with project_id the key in projects)",
        pattern=SOURCE_ID_PATTERN,
    )
    score: float = col("Gesamtähnlichkeit 0–100", "Overall similarity 0-100", ge=0, le=100)
    reason: str = col("Warum der Kandidat nicht automatisch verknüpft wurde", "Why the candidate was not linked automatically")
    evidence: str = col("Welche Felder wie gut übereinstimmen", "Which fields matched how well")


# --------------------------------------------------------------------------
# Editions


class ProjectChange(Record):
    source_id: str = col(
        "Neuere Ausgabe der SAB-Übersicht (siehe documents)", "Newer edition of the SAB overview (see documents)",
        pattern=SOURCE_ID_PATTERN,
    )
    previous_source_id: str = col(
        "Vorige Ausgabe derselben Reihe, mit der verglichen wurde", "Previous edition of the same series it is compared with",
        pattern=SOURCE_ID_PATTERN,
    )
    seq: int = col("Laufende Nummer der Änderung zwischen den beiden Ausgaben", "Running number of the change between the two editions", ge=1)
    change: Literal["added", "removed", "changed"] = col(
        "added: neu in der neueren Ausgabe; removed: nicht mehr enthalten; changed: Feld geändert",
        "added: new in the newer edition; removed: no longer listed; changed: a field changed",
    )
    project_id: str = col("Projektkennung (siehe projects)", "Project id (see projects)", pattern=r"^p_[0-9a-f]{12}$")
    field: str = col("Geänderte Spalte (Rohwert, wie gedruckt); leer bei added/removed", "Changed column (raw value as printed); empty for added/removed")
    old: str = col("Wert in der vorigen Ausgabe (leer bei added/removed)", "Value in the previous edition (empty for added/removed)")
    new: str = col("Wert in der neueren Ausgabe (leer bei added/removed)", "Value in the newer edition (empty for added/removed)")


# Organisations (Träger and Zuwendungsempfänger across documents)


class Organisation(Record):
    organisation_id: str = col(
        "Stabile Kennung der Organisation (aus der gefalteten Schreibweise ohne Rechtsform)",
        "Stable id of the organisation (from its folded spelling without legal form)",
        pattern=ORGANISATION_ID_PATTERN,
    )
    name: str = col("Häufigste Schreibweise in den Dokumenten", "Most frequent spelling in the documents")
    variants: int = col("Zahl der Schreibweisen", "Number of spellings", ge=1)
    projects: int = col("Zahl der Projekte in den SAB-Übersichten", "Number of projects in the SAB overviews", ge=0)
    annex_projects: int = col("Zahl der Zeilen in den Anlagen der Landtagsantworten", "Number of rows in the annexes of Landtag answers", ge=0)


class OrganisationVariant(Record):
    variant: str = col("Schreibweise, wie gedruckt", "Spelling as printed")
    organisation_id: str = col("Organisation, der die Schreibweise zugeordnet ist", "Organisation the spelling belongs to", pattern=ORGANISATION_ID_PATTERN)
    rule: str = col(
        "Warum zugeordnet: same_spelling (nur Groß-/Kleinschreibung, Satzzeichen, Rechtsform), extends (um Wörter ergänzt), "
        "acronym (Abkürzung), typo (ein Zeichen), own (eigene Organisation)",
        "Why: same_spelling (case, punctuation, legal form only), extends (words added), acronym, typo (one character), own (an organisation of its own)",
    )
    rows: int = col("Zeilen mit dieser Schreibweise", "Rows with this spelling", ge=1)


class OrganisationReview(Record):
    variant: str = col("Schreibweise, die nicht automatisch zugeordnet wurde", "Spelling that was not merged automatically")
    organisation_id: str = col("Ihre eigene Organisation", "Its own organisation", pattern=ORGANISATION_ID_PATTERN)
    candidate_id: str = col("Ähnliche Organisation, vielleicht dieselbe", "Similar organisation, perhaps the same", pattern=ORGANISATION_ID_PATTERN)
    candidate: str = col("Name der ähnlichen Organisation", "Name of the similar organisation")
    score: float = col("Ähnlichkeit 0–100 (ohne Rechtsform)", "Similarity 0-100 (without legal form)", ge=0, le=100)
    reason: str = col("Warum nicht zusammengeführt", "Why not merged")


def _spec(name, model, title_de, title_en, desc_de, desc_en, pk, **kw) -> TableSpec:
    return TableSpec(name, model, title_de, title_en, desc_de, desc_en, tuple(pk), **kw)


_SRC_FK = ((("source_id",), "documents", ("source_id",)),)
_AGS_FK = ((("kreis_ags",), "districts", ("kreis_ags",)),)
_ORG_FK = ((("organisation_id",), "organisations", ("organisation_id",)),)

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in [
        _spec("documents", Document, "Quelldokumente", "Source documents",
              "Eine Zeile je verarbeiteter PDF mit ihren Metadaten.", "One row per processed PDF with its metadata.",
              ["source_id"], search_columns=("title", "thema")),
        _spec("projects", Project, "Projekte der SAB-Übersicht", "Projects of the SAB overview",
              "Eine Zeile je Projekt der SAB-Übersicht über beantragte und bewilligte Projekte der Fachkräfterichtlinie.",
              "One row per project of the SAB overview of applied and approved Fachkräfterichtlinie projects.",
              ["project_id", "source_id"], foreign_keys=_SRC_FK + _AGS_FK + ((("rl_nr",), "rl_categories", ("rl_nr",)),) + _ORG_FK,
              search_columns=("projekttraeger", "durchfuehrungsort", "projekttitel", "kurzbeschreibung"),
              facets=("region", "vorhabensart", "gesteuerte_zuwanderung", "edition")),
        _spec("changes", ProjectChange, "Änderungen zwischen Ausgaben", "Changes between editions",
              "Was sich zwischen aufeinanderfolgenden Ausgaben der SAB-Übersicht geändert hat: Projekte neu, entfallen oder geändert.",
              "What changed between consecutive editions of the SAB overview: projects added, removed or changed.",
              ["source_id", "seq"],
              foreign_keys=(*_SRC_FK, (("previous_source_id",), "documents", ("source_id",))),
              facets=("change", "field", "source_id")),
        _spec("corrections", Correction, "Korrekturprotokoll", "Corrections log",
              "Jede Änderung von einem Rohwert zu einem normalisierten Wert, mit Regel.",
              "Every change from a raw to a normalised value, with its rule.",
              ["source_id", "table", "record", "field"], foreign_keys=_SRC_FK, facets=("rule", "field")),
        _spec("quality", QualityIssue, "Qualitätsbericht", "Quality report",
              "Fehler und Auffälligkeiten der Dokumente selbst, mit Seitenangabe.",
              "The documents' own errors and oddities, with page references.",
              ["source_id", "table", "record", "flag"], foreign_keys=_SRC_FK, facets=("flag", "table")),
        _spec("questions", Question, "Fragen und Antworten", "Questions and answers",
              "Fragen der Kleinen Anfrage mit dem Antworttext.", "Questions of the minor interpellation with the answer text.",
              ["source_id", "nummer"], foreign_keys=_SRC_FK, search_columns=("frage", "antwort")),
        _spec("welcome_centers", WelcomeCenter, "Welcome Center", "Welcome Centers",
              "Welcome Center laut Landtagsantwort: etablierte und im Aufbau.",
              "Welcome Centers according to the Landtag answer: established and being set up.",
              ["source_id", "seq"], foreign_keys=_SRC_FK + _AGS_FK, search_columns=("name", "traeger_raw"), facets=("status", "region")),
        _spec("welcome_center_funding", WelcomeCenterFunding, "Förderbeträge der Welcome Center", "Welcome Center funding",
              "In Anspruch genommene Förderbeträge je Welcome Center bzw. Region.",
              "Funding drawn per Welcome Center or region.",
              ["source_id", "seq"], foreign_keys=_SRC_FK + _AGS_FK, facets=("status", "region")),
        _spec("budget", Budget, "Haushaltsmittel", "Budget",
              "Haushaltsmittel für Projekte der gesteuerten Zuwanderung je Jahr.",
              "Budget for managed-immigration projects per year.",
              ["source_id", "jahr"], foreign_keys=_SRC_FK),
        _spec("annex_projects", AnnexProject, "Projekte der Anlagen", "Annex projects",
              "Projekte aus den Anlagen der Landtagsantwort (Bewilligungen 2023 und 2024).",
              "Projects from the annexes of the Landtag answer (approvals 2023 and 2024).",
              ["source_id", "anlage", "seq_in_anlage"], foreign_keys=_SRC_FK + _ORG_FK,
              search_columns=("zuwendungsempfaenger", "projekttitel", "zielgruppe", "kurzbeschreibung"),
              facets=("anlage", "bewilligungsjahr")),
        _spec("links", Link, "Verknüpfungen Anlage ↔ SAB", "Links annex ↔ SAB",
              "Für jede Anlagenzeile das SAB-Projekt, auf das sie sich bezieht.",
              "For each annex row, the SAB project it refers to.",
              ["source_id", "anlage", "seq_in_anlage"],
              foreign_keys=(*_SRC_FK, (("project_id", "project_source_id"), "projects", ("project_id", "source_id")),
                            (("source_id", "anlage", "seq_in_anlage"), "annex_projects", ("source_id", "anlage", "seq_in_anlage"))),
              facets=("relation",)),
        _spec("link_review", LinkReview, "Zu prüfende Verknüpfungen", "Links to review",
              "Unsichere Kandidaten, die nicht automatisch verknüpft wurden.",
              "Uncertain candidates that were not linked automatically.",
              ["source_id", "anlage", "seq_in_anlage", "project_id", "project_source_id"],
              foreign_keys=(*_SRC_FK, (("project_id", "project_source_id"), "projects", ("project_id", "source_id")))),
        _spec("organisations", Organisation, "Organisationen", "Organisations",
              "Träger und Zuwendungsempfänger als Organisationen: jede Schreibweise einer Organisation hat dieselbe organisation_id.",
              "Recipients as organisations: every spelling of one organisation has the same organisation_id.",
              ["organisation_id"], search_columns=("name",)),
        _spec("organisation_variants", OrganisationVariant, "Schreibweisen der Organisationen", "Organisation spellings",
              "Jede Schreibweise eines Trägers aus den Dokumenten und ihre Organisation, mit Regel.",
              "Every spelling of a recipient in the documents and its organisation, with the rule.",
              ["variant"], foreign_keys=((("organisation_id",), "organisations", ("organisation_id",)),), facets=("rule",)),
        _spec("organisation_review", OrganisationReview, "Zu prüfende Organisationen", "Organisations to review",
              "Schreibweisen, die einer anderen Organisation stark ähneln, aber nicht sicher dieselbe sind: nicht zusammengeführt.",
              "Spellings very similar to another organisation's but not surely the same: not merged.",
              ["variant", "candidate_id"],
              foreign_keys=((("organisation_id",), "organisations", ("organisation_id",)),
                            (("candidate_id",), "organisations", ("organisation_id",)))),
        _spec("districts", District, "Kreise", "Districts",
              "Die 13 Kreise und kreisfreien Städte Sachsens mit Kreisschlüssel.",
              "The 13 districts and district-free cities of Saxony with their keys.", ["kreis_ags"]),
        _spec("district_variants", DistrictVariant, "Schreibweisen der Kreise", "District spellings",
              "Schreibweisen aus den Dokumenten und ihr Kreis.", "Spellings found in the documents and their district.",
              ["variant"], foreign_keys=_AGS_FK),
        _spec("rl_categories", RlCategory, "Fördergegenstände", "Funding categories",
              "Nummern und Bezeichnungen der Fördergegenstände (Nr. der RL).",
              "Numbers and labels of the funding categories (Nr. der RL).", ["rl_nr"]),
        _spec("vorhabensart_variants", VorhabensartVariant, "Schreibweisen der Vorhabensart", "Spellings of the project type",
              "Texte der Spalte Vorhabensart und ihre RL-Nummer.", "Texts of the Vorhabensart column and their RL number.",
              ["vorhabensart_raw"], foreign_keys=((("rl_nr",), "rl_categories", ("rl_nr",)),)),
    ]
}
