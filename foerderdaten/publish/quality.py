"""``QUALITY.md``: the documents' own errors, grouped by kind, with pages.

Rendered from the ``quality`` table. For every issue the reader gets the
page of the PDF (a link ``../raw/<file>#page=N``, since the PDFs live in
data/raw beside data/clean), and for a project the title and recipient, so
each entry can be checked against the document in a minute.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from pydantic import BaseModel

from foerderdaten.publish.markdown import anchor, code, escape, table

RAW_DIR = "../raw"  # where the PDFs are, relative to the published files

# The report is for reading: beyond this many entries of one kind it says
# how many more there are (the ``quality`` table has them all), so the file
# stays a readable size whatever the documents hold.
MAX_ENTRIES_PER_KIND = 300

INTRO = (
    "Fehler und Auffälligkeiten **der Quelldokumente selbst** (Tippfehler, fehlende Felder, "
    "Enddatum vor Beginn, kopierte Beschreibungen …). Die Daten geben den Text der Dokumente wieder; "
    "nichts davon wurde stillschweigend korrigiert. Normalisierte Werte stehen neben den Rohwerten, "
    "jede Normalisierung steht in der Tabelle `corrections`. Die Seitenangaben (S.) verweisen auf die "
    "Seite der PDF-Datei."
)


def page_link(file_name: str | None, page: int | None) -> str:
    """"sab.pdf, S. 7" linked to that page of the PDF (pages count from 1)."""
    label = f"{escape(file_name)}, " if file_name else ""
    if page is None:
        return f"{label}S. –"
    if not file_name:
        return f"S. {page}"
    return f"[{label}S. {page}]({RAW_DIR}/{quote(file_name)}#page={page})"


def _what(issue: BaseModel, projects: Mapping[str, BaseModel]) -> str:
    """What the issue is about: the project (title, recipient) or the table and key."""
    project = projects.get(issue.record) if issue.table == "projects" else None
    if project is not None:
        return f"„{escape(project.projekttitel)}“ ({escape(project.projekttraeger)}), {code(issue.record)}"
    return f"{code(issue.table)} {code(issue.record)}"


def render(issues: Sequence[BaseModel], projects: Sequence[BaseModel], documents: Sequence[BaseModel], *, version: str) -> str:
    project_index = {p.project_id: p for p in projects}
    file_names = {d.source_id: d.file_name for d in documents}
    counts = Counter(issue.flag for issue in issues)
    # most frequent kind first; equal counts by name, so the order is fixed
    flags = sorted(counts, key=lambda flag: (-counts[flag], flag))

    lines = ["# Qualitätsbericht", "", INTRO, "", f"Version {escape(version)}, {len(issues)} Einträge.", ""]
    if not issues:
        lines += ["Keine Auffälligkeiten verzeichnet.", ""]
        return "\n".join(lines)

    summary = [[f"[{escape(flag)}](#{anchor(flag)})", str(counts[flag])] for flag in flags]
    lines += table(["Auffälligkeit", "Anzahl"], summary, align="lr") + [""]
    for flag in flags:
        lines += [f"## {escape(flag)}", ""]
        of_kind = [i for i in issues if i.flag == flag]
        for issue in of_kind[:MAX_ENTRIES_PER_KIND]:
            page = page_link(file_names.get(issue.source_id), issue.page)
            lines.append(f"- {page} · {_what(issue, project_index)}: {escape(issue.detail)}")
        if len(of_kind) > MAX_ENTRIES_PER_KIND:
            lines.append(f"- … und {len(of_kind) - MAX_ENTRIES_PER_KIND} weitere: siehe Tabelle `quality`")
        lines.append("")
    return "\n".join(lines)


def write_quality_report(path: Path, tables: Mapping[str, Sequence[BaseModel]], *, version: str) -> None:
    text = render(tables.get("quality", []), tables.get("projects", []), tables.get("documents", []), version=version)
    path.write_text(text, encoding="utf-8")
