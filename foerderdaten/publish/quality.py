"""``QUALITY.md``: the documents' own errors, grouped by kind, with pages.

German throughout, for journalists and researchers: each kind gets its
German title and a sentence saying what it means (``flags.py``), kinds are
ordered by importance (a wrong value before a spelling variant). Rendered
from the ``quality`` table. For every issue the reader gets the
page of the PDF (a link ``../raw/<file>#page=N``, since the PDFs live in
data/raw beside data/clean), and for a project the title and recipient, so
each entry can be checked against the document in a minute.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import quote

from foerderdaten.normalize.annex import annex_record
from foerderdaten.publish.flags import info, ordered
from foerderdaten.publish.markdown import anchor, code, escape, table
from foerderdaten.schemas.rows import Tables
from foerderdaten.schemas.tables import AnnexProject, Project, QualityIssue, WelcomeCenterFunding

RAW_DIR = "../raw"  # where the PDFs are, relative to the published files

# The report is for reading: beyond this many entries of one kind it says
# how many more there are (the ``quality`` table has them all), so the file
# stays a readable size whatever the documents hold.
MAX_ENTRIES_PER_KIND = 300

INTRO = (
    "Fehler und Auffälligkeiten **der Quelldokumente selbst** (Tippfehler, fehlende Felder, "
    "Enddatum vor Beginn, kopierte Beschreibungen …). Die Daten geben den Text der Dokumente wieder; "
    "nichts davon wurde stillschweigend korrigiert. Normalisierte Werte stehen neben den Rohwerten, "
    "jede Normalisierung steht in der Tabelle `corrections`. Die Abschnitte sind nach Bedeutung "
    "geordnet: zuerst, was einen Wert falsch macht, zuletzt bloße Schreibweisen."
)

PAGES_NOTE = (
    "**Seitenangaben:** „S.“ zählt die Seiten der mitgelieferten PDF-Dateien in `data/raw`. Diese sind "
    "Nachbauten der Originale (aus deren Text neu gesetzt; siehe Tabelle `documents`, Spalten "
    "`is_reconstruction` und `original_url`); Seitenumbrüche können von der Originalveröffentlichung "
    "abweichen, die Werte nicht."
)

def page_link(file_name: str | None, page: int | None) -> str:
    """"sab.pdf, S. 7" linked to that page of the PDF (pages count from 1)."""
    label = f"{escape(file_name)}, " if file_name else ""
    if page is None:
        return f"{label}S. –"
    if not file_name:
        return f"S. {page}"
    return f"[{label}S. {page}]({RAW_DIR}/{quote(file_name)}#page={page})"


# The rows an issue can be described by
Described = Project | AnnexProject | WelcomeCenterFunding


def _what(issue: QualityIssue, rows: Mapping[tuple[str, str], Described]) -> str:
    """What the issue is about, in words: the project (title, recipient), the annex row, or table and key."""
    row = rows.get((issue.table, issue.record))  # the key names the table, so the row's type is the table's
    if isinstance(row, Project):
        return f"„{escape(row.projekttitel)}“ ({escape(row.projekttraeger)}), {code(issue.record)}"
    if isinstance(row, AnnexProject):
        return (f"Anlage {row.anlage}, Zeile {row.seq_in_anlage}: „{escape(row.projekttitel)}“ "
                f"({escape(row.zuwendungsempfaenger)})")
    if isinstance(row, WelcomeCenterFunding):
        return f"Förderbetrag {escape(row.region_raw)}"
    return f"{code(issue.table)} {code(issue.record)}"


def _rows_by_record(tables: Tables) -> dict[tuple[str, str], Described]:
    rows: dict[tuple[str, str], Described] = {}
    for p in tables.projects:
        rows[("projects", p.project_id)] = p
    for a in tables.annex_projects:
        rows[("annex_projects", annex_record(a))] = a
    for f in tables.welcome_center_funding:
        rows[("welcome_center_funding", str(f.seq))] = f
    return rows


def _heading(flag: str) -> str:
    return f"{info(flag).title} ({flag})"


def render(tables: Tables, *, version: str) -> str:
    issues = tables.quality
    rows = _rows_by_record(tables)
    file_names = {d.source_id: d.file_name for d in tables.documents}
    counts = Counter(issue.flag for issue in issues)

    lines = ["# Qualitätsbericht", "", INTRO, "", PAGES_NOTE, "",
             f"Version {escape(version)}, {len(issues)} Einträge.", ""]
    if not issues:
        lines += ["Keine Auffälligkeiten verzeichnet.", ""]
        return "\n".join(lines)

    flags = ordered(counts)
    summary = [[f"[{escape(info(flag).title)}](#{anchor(_heading(flag))})", code(flag), str(counts[flag])] for flag in flags]
    lines += [*table(["Auffälligkeit", "Kennung (`flag`)", "Anzahl"], summary, align="llr"), ""]
    for flag in flags:
        lines += [f"## {escape(info(flag).title)} ({code(flag)})", "", escape(info(flag).meaning), ""]
        of_kind = [i for i in issues if i.flag == flag]
        for issue in of_kind[:MAX_ENTRIES_PER_KIND]:
            page = page_link(file_names.get(issue.source_id), issue.page)
            lines.append(f"- {page} · {_what(issue, rows)}: {escape(issue.detail)}")
        if len(of_kind) > MAX_ENTRIES_PER_KIND:
            lines.append(f"- … und {len(of_kind) - MAX_ENTRIES_PER_KIND} weitere: siehe Tabelle `quality`")
        lines.append("")
    return "\n".join(lines)


def write_quality_report(path: Path, tables: Tables, *, version: str) -> None:
    text = render(tables, version=version)
    path.write_text(text, encoding="utf-8")
