"""``CODEBOOK.md``: every table and column explained, generated from the schemas.

Meaning (German and English), type and an example value of every column come
from the row models and the data; the district keys and the RL numbers from
the vocabulary tables. Nothing in it is written by hand, so it cannot drift
from the data: edit ``foerderdaten/schemas/tables.py`` instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel

from foerderdaten.publish import dataset
from foerderdaten.publish.columns import Column, Kind, columns_of, ordered_tables
from foerderdaten.publish.formats import plain
from foerderdaten.publish.labels import readable_columns
from foerderdaten.publish.markdown import code, escape, table
from foerderdaten.schemas import TableSpec
from foerderdaten.schemas.rows import Tables

EXAMPLE_MAX = 80  # characters of an example value shown

_TYPE_NAME = {
    Kind.TEXT: "Text",
    Kind.INTEGER: "Ganzzahl",
    Kind.BOOLEAN: "ja/nein",
    Kind.NUMBER: "Zahl",
    Kind.DATE: "Datum",
    Kind.DECIMAL: "Dezimalzahl",
}

FILES = """\
## Dateien

Jede Tabelle gibt es in mehreren Formaten mit denselben Zeilen in derselben Reihenfolge:

| Datei | für | Konventionen |
| --- | --- | --- |
| `<tabelle>.parquet` | Analyse (pandas, R, DuckDB) | echte Typen: Datum `date32`, Beträge `decimal128(14,2)`, `bool`, `int16`/`int32`; Spaltenbeschreibungen in den Metadaten |
| `<tabelle>.csv` | Programme | UTF-8 ohne BOM, Komma, RFC-4180-Anführungszeichen, Zeilenende LF, Datum `2023-12-31`, Dezimalpunkt, `true`/`false` |
| `excel/<tabelle>.csv` | Excel (deutsch), Journalismus | deutsche Spaltenüberschriften (Spalte „Excel“ unten), lesbare Spalten zuerst, technische zuletzt; UTF-8 mit BOM, Semikolon, Dezimalkomma, Datum `31.12.2023`, `ja`/`nein`, Zeilenende CRLF |
| `datapackage.json` | Frictionless | Beschreibung aller CSV-Tabellen mit Typen, Schlüsseln, Lizenz und Quellen |
| `foerderdaten.db` | SQLite, Datasette | Volltextsuche (findet auch Wortteile: „Pflege“ in „Pflegeberufe“); Datum als ISO-Text, ja/nein als 1/0, Beträge als exakter Text (`CAST(betrag_eur AS REAL)` zum Rechnen); lesbare Ansichten `projekte`, `welcome_center_foerderung`, `haushaltsmittel` mit den deutschen Spalten der Excel-Dateien, ja/nein, Jahr und Beträgen als Zahl |

Ein leeres Feld in CSV bedeutet „kein Wert“. Parquet und SQLite unterscheiden zwischen leerem Text
(`""`, das Dokument hat das Feld leer gelassen) und fehlendem Wert (`null`, nicht bestimmbar).
"""  # noqa: E501 (a Markdown table row cannot be wrapped)

RAW_AND_CLEAN = """\
## Rohwerte und normalisierte Werte

Spalten, deren Name auf `_raw` endet, enthalten den Text des Dokuments, wie gedruckt (nur über
Zeilenumbrüche hinweg zusammengefügt und Leerraum vereinheitlicht; Tippfehler bleiben stehen).
Daneben steht der normalisierte Wert (kanonischer Kreisname, Kreisschlüssel, RL-Nummer, Datum,
Betrag in Euro). Jede Änderung vom Roh- zum normalisierten Wert steht mit der angewandten Regel in
der Tabelle `corrections` (`table`, `record`, `field`, `raw`, `clean`, `rule`). Fehler der Dokumente
selbst werden nicht korrigiert, sondern in `quality` (mit Seite) und in der Spalte `quality_flags`
der betroffenen Projektzeile vermerkt.

Columns ending in `_raw` hold the document's text as printed; the normalised value stands beside
them; `corrections` logs every change with its rule; `quality` lists the documents' own errors.
"""

EDITIONS = """\
## Ausgaben und die aktuelle Liste

Jede Ausgabe der SAB-Übersicht bleibt erhalten: `projects` hat eine Zeile je Projekt **und Ausgabe**
(Schlüssel `project_id` + `source_id`). Ein Projekt behält seine `project_id` in allen Ausgaben, auch
wenn eine spätere Ausgabe Beginn oder Titel ändert. Die **aktuelle Liste** sind die Zeilen mit
`current = true` (die neueste Ausgabe jeder Reihe); in SQLite/Datasette die Sicht `projects_current`,
in pandas `projects[projects.current]`. Was sich von Ausgabe zu Ausgabe geändert hat, steht in
`changes` (`added`, `removed`, `changed` mit Feld, altem und neuem Wert) und lesbar in `CHANGES.md`.
Verknüpfungen (`links`, `link_review`) nennen mit `project_source_id` die Ausgabe, deren Zeile gemeint ist.
Eine spätere Landtagsantwort ist ein weiteres Dokument mit eigener `source_id`; von früheren geht nichts verloren.

Every SAB edition is kept (one row per project and edition); the current list is `current = true`
(SQL view `projects_current`); `changes` lists what changed between consecutive editions.
"""

AMOUNTS_AND_PAGES = """\
## Beträge: was die Quellen nennen und was nicht

Die SAB-Übersicht nennt **keine Förderbeträge je Projekt**; die Tabelle `projects` hat daher keine
Betragsspalte. Beträge stammen nur aus der Landtagsantwort: je Welcome Center bzw. Kreis
(`welcome_center_funding`, für Dresden und Leipzig nennt die Antwort keinen Betrag) und die
Haushaltsmittel je Jahr (`budget`).

The SAB overview gives **no amount per project**; amounts come only from the Landtag answer
(`welcome_center_funding`, `budget`).

## Seitenangaben und Zitieren

`page` zählt die Seiten der mitgelieferten PDF-Datei in `data/raw`. Ist `documents.is_reconstruction`
wahr, ist diese Datei ein Nachbau des Originals (aus dessen Text neu gesetzt): Seitenumbrüche
können von der Originalveröffentlichung abweichen (die SAB-Übersicht hat im Original 19 Seiten),
die Werte nicht. Wer zitiert, nennt das Originaldokument (`documents.title`, `original_url` bzw.
`origin`) und dazu Datei und Seite des Nachbaus.

`page` counts the pages of the bundled PDF; where `documents.is_reconstruction` is true that file is a
reconstruction of the original, so page breaks may differ from the original publication.
"""

JOINT_ANSWER = """\
## Gemeinsam beantwortete Fragen

Beantwortet die Staatsregierung mehrere Fragen gemeinsam (etwa die Fragen 1 bis 3 mit einer
Antwort), trägt in der Tabelle `questions` jede dieser Fragen denselben Antworttext in `antwort`,
und `beantwortet_mit` nennt alle gemeinsam beantworteten Fragen: `1,2,3` bei Frage 1, 2 und 3.
Wer Antworten zählt oder Texte auswertet, nimmt je Dokument und Wert von `beantwortet_mit` nur
eine Zeile. Absätze einer Antwort sind durch eine Leerzeile getrennt.

When questions are answered jointly, each of them carries the same answer text and
`beantwortet_mit` lists all of them (e.g. `1,2,3`); count one row per document and distinct
`beantwortet_mit`.
"""


def type_text(column: Column) -> str:
    text = _TYPE_NAME[column.kind]
    if column.kind is Kind.DECIMAL:
        text += f" ({column.max_digits},{column.decimal_places})"
    if column.choices:
        text += ": " + ", ".join(code(c) for c in column.choices)
    if column.minimum is not None and column.maximum is not None:
        text += f" {column.minimum}–{column.maximum}"
    elif column.minimum is not None:
        text += f" ≥ {column.minimum}"
    elif column.maximum is not None:
        text += f" ≤ {column.maximum}"
    if column.pattern:
        # inside a table a "|" must be escaped even in code
        text += ", Muster " + code(column.pattern.replace("|", "\\|"))
    if column.nullable:
        text += ", kann fehlen"
    return text


def example(column: Column, rows: Sequence[BaseModel]) -> str:
    """The first non-empty value of the column in the data, shortened."""
    for row in rows:
        text = plain(column, getattr(row, column.name))
        if text:
            if len(text) > EXAMPLE_MAX:
                text = text[: EXAMPLE_MAX - 1].rstrip() + "…"
            return escape(text)
    return "–"


def normalised_partner(column: Column, names: Sequence[str]) -> str | None:
    """For ``x_raw`` the normalised column beside it: ``x`` or ``x_…`` (betrag_raw -> betrag_eur)."""
    base = column.name.removesuffix("_raw")
    for name in names:
        if name != column.name and (name == base or name.startswith(base + "_")):
            return name
    return None


def table_section(spec: TableSpec, rows: Sequence[BaseModel]) -> list[str]:
    columns = columns_of(spec.model)
    names = [c.name for c in columns]
    lines = [
        f"### {code(spec.name)}: {escape(spec.title_de)} ({escape(spec.title_en)})",
        "",
        f"{escape(spec.description_de)}  ",
        f"*{escape(spec.description_en)}*",
        "",
        f"- Zeilen: {len(rows)}",
        f"- Primärschlüssel: {', '.join(code(n) for n in spec.primary_key)}",
    ]
    for fields, ref_table, ref_fields in spec.foreign_keys:
        lines.append(
            f"- Verweis: {', '.join(code(f) for f in fields)} → {code(ref_table)}.{', '.join(code(f) for f in ref_fields)}"
        )
    if spec.search_columns:
        lines.append(f"- Volltextsuche (SQLite/Datasette): {', '.join(code(c) for c in spec.search_columns)}")
    lines.append("")
    excel_label = {c.name: label for c, label in readable_columns(spec)}
    cells = []
    for c in columns:
        meaning = escape(c.description_de)
        partner = normalised_partner(c, names) if c.name.endswith("_raw") else None
        if partner:
            meaning += f" (normalisiert: {code(partner)})"
        cells.append([code(c.name), type_text(c), meaning, escape(c.description_en), example(c, rows),
                      escape(excel_label[c.name])])
    lines += table(["Spalte", "Typ", "Bedeutung", "Meaning", "Beispiel", "Excel"], cells)
    lines.append("")
    return lines


def districts_section(tables: Tables) -> list[str]:
    variants: dict[str, list[str]] = {}
    for v in tables.district_variants:
        variants.setdefault(v.kreis_ags, []).append(v.variant)
    rows = [
        [code(d.kreis_ags), escape(d.name), escape(d.official_name_destatis), escape(d.typ),
         "; ".join(escape(v) for v in variants.get(d.kreis_ags, []))]
        for d in tables.districts
    ]
    lines = ["## Kreise und Kreisschlüssel", "",
             "Amtlicher Kreisschlüssel (AGS, 5 Stellen) der 13 sächsischen Kreise und kreisfreien Städte, "
             "mit den Schreibweisen aus den Dokumenten, die auf sie abgebildet werden.", ""]
    if not rows:
        return [*lines, "(keine Kreise in diesem Datenstand)", ""]
    return [*lines, *table(["Kreisschlüssel", "Name", "Destatis", "Typ", "Schreibweisen"], rows), ""]


def rl_section(tables: Tables) -> list[str]:
    variants: dict[int, list[str]] = {}
    for v in tables.vorhabensart_variants:
        variants.setdefault(v.rl_nr, []).append(v.vorhabensart_raw)
    rows = [
        [str(c.rl_nr), escape(c.label), "; ".join(escape(v) for v in variants.get(c.rl_nr, []))]
        for c in tables.rl_categories
    ]
    lines = ["## Fördergegenstände (Nr. der RL)", "",
             "Nummern der Fördergegenstände der Fachkräfterichtlinie (Teil B Ziffer I) mit der kanonischen "
             "Bezeichnung (`vorhabensart`) und den Texten der Spalte „Vorhabensart“, die auf sie abgebildet werden.", ""]
    if not rows:
        return [*lines, "(keine Fördergegenstände in diesem Datenstand)", ""]
    return [*lines, *table(["Nr.", "Bezeichnung", "Schreibweisen in den Dokumenten"], rows), ""]


def sources_section(tables: Tables) -> list[str]:
    lines = ["## Quellen", ""]
    for s in dataset.all_sources(tables):
        line = f"- {escape(s.title)} ({code(s.file_name)}, SHA-256 {code(s.sha256)})"
        if s.is_reconstruction:
            line += f". Nachbau des Originals: Seitenangaben zählen die Seiten dieser Datei. Original: {escape(s.origin or 'unbekannt')}"
        if s.original_url:
            line += f" <{s.original_url}>"
        lines.append(line)
    lines += ["", f"Lizenz der aufbereiteten Daten: {dataset.LICENSE['title']} ({dataset.LICENSE['name']}).", ""]
    return lines


def joint_answers_section(tables: Tables) -> list[str]:
    """The generic rule, then which questions the data actually answers jointly."""
    lines = [JOINT_ANSWER]
    titles = {d.source_id: d.title for d in tables.documents}
    seen = set()
    for q in tables.questions:
        key = (q.source_id, q.beantwortet_mit)
        if "," in q.beantwortet_mit and key not in seen:
            seen.add(key)
            numbers = q.beantwortet_mit.replace(",", ", ")
            lines.append(f"- {escape(titles.get(q.source_id, q.source_id))}: Fragen {numbers} gemeinsam "
                         f"(`beantwortet_mit` = {code(q.beantwortet_mit)})")
    return lines + ([""] if seen else [])


def render(tables: Tables) -> str:
    items = ordered_tables(tables)
    lines = [
        f"# Codebook: {escape(dataset.TITLE_DE)}",
        "",
        "*Erzeugt aus `foerderdaten/schemas/tables.py` und den Daten; nicht von Hand bearbeiten.*  ",
        "*Generated from the schemas and the data; do not edit by hand.*",
        "",
        escape(dataset.DESCRIPTION_DE),
        "",
        FILES,
        RAW_AND_CLEAN,
        EDITIONS,
    ]
    lines.append(AMOUNTS_AND_PAGES)
    lines += joint_answers_section(tables)
    lines += [
        "## Tabellen",
        "",
    ]
    lines += [f"- {code(spec.name)}: {escape(spec.title_de)}" for spec, _ in items] + [""]
    for spec, rows in items:
        lines += table_section(spec, rows)
    lines += districts_section(tables) + rl_section(tables) + sources_section(tables)
    return "\n".join(lines)


def write_codebook(path: Path, tables: Tables) -> None:
    path.write_text(render(tables), encoding="utf-8")
