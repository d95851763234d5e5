"""``CHANGES.md``: what changed from one SAB edition to the next, for people.

Rendered from the ``changes`` table (see link/editions.py). For every
edition that has a predecessor in its series, newest first: how many
projects each edition lists, how many are new, gone or changed, and the
lists of them with Träger, Titel and Kreis, what changed (old → new, as
printed) and a link to the project's page in the PDF.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from pathlib import Path

from foerderdaten.link.editions import series_editions
from foerderdaten.normalize.checks import PRINTED_FIELDS
from foerderdaten.publish.formats import german_date
from foerderdaten.publish.markdown import escape, table
from foerderdaten.publish.quality import page_link
from foerderdaten.schemas.rows import Tables
from foerderdaten.schemas.tables import Document, Project, ProjectChange

FILE_NAME = "CHANGES.md"

INTRO = (
    "Was sich zwischen aufeinanderfolgenden Ausgaben der SAB-Übersicht geändert hat: neue Projekte, "
    "entfallene Projekte und geänderte Angaben (Werte wie gedruckt, alt → neu). Ein Projekt behält über "
    "die Ausgaben hinweg seine Kennung `project_id`, auch wenn sich Beginn oder Titel ändern. "
    "Maschinenlesbar steht dasselbe in der Tabelle `changes`; die aktuelle Liste ist "
    "`projects` mit `current = true` (in SQLite die Sicht `projects_current`)."
)

FIELD_LABELS = PRINTED_FIELDS  # column -> its German heading in the overview
SHOWN_CHARS = 120  # longer old/new values (descriptions) are shortened in the list


def _edition_name(document: Document) -> str:
    stand = f", Stand {german_date(document.stand)}" if document.stand else ""
    return f"{document.edition}{stand}"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1].rstrip() + "…"


def _what_changed(rows: Sequence[ProjectChange]) -> str:
    return "; ".join(
        f"{FIELD_LABELS.get(c.field, c.field)}: „{escape(_short(c.old))}“ → „{escape(_short(c.new))}“" for c in rows
    )


def _project_cells(project: Project | None, file_name: str | None) -> list[str]:
    if project is None:
        return ["", "", "", ""]
    return [escape(project.projekttraeger), escape(project.projekttitel),
            escape(project.region or project.region_raw), page_link(file_name, project.page)]


def edition_section(newer: Document, older: Document, changes: Sequence[ProjectChange],
                    projects: Mapping[tuple[str, str], Project], counts: Mapping[str, int]) -> list[str]:
    """The part of CHANGES.md for one edition and its predecessor."""
    added = [c for c in changes if c.change == "added"]
    removed = [c for c in changes if c.change == "removed"]
    changed: dict[str, list[ProjectChange]] = {}
    for c in changes:
        if c.change == "changed":
            changed.setdefault(c.project_id, []).append(c)
    lines = [
        f"## {escape(_edition_name(newer))}",
        "",
        f"Verglichen mit der vorigen Ausgabe {escape(_edition_name(older))} "
        f"({counts.get(older.source_id, 0)} Projekte; jetzt {counts.get(newer.source_id, 0)}): "
        f"**{len(added)} neu, {len(removed)} entfallen, {len(changed)} geändert.**",
        "",
    ]
    header = ["Projektträger", "Projekttitel", "Kreis", "Seite"]
    if added:
        rows = [_project_cells(projects.get((c.project_id, newer.source_id)), newer.file_name) for c in added]
        lines += [f"### Neu ({len(added)})", "", *table(header, rows), ""]
    if removed:
        rows = [_project_cells(projects.get((c.project_id, older.source_id)), older.file_name) for c in removed]
        lines += [f"### Entfallen ({len(removed)})", "", *table(header, rows), ""]
    if changed:
        rows = []
        for pid, fields in changed.items():
            traeger, titel, kreis, page = _project_cells(projects.get((pid, newer.source_id)), newer.file_name)
            rows.append([traeger, titel, kreis, _what_changed(fields), page])
        lines += [f"### Geändert ({len(changed)})", ""]
        lines += [*table(["Projektträger", "Projekttitel (neu)", "Kreis", "Was sich geändert hat", "Seite"], rows), ""]
    return lines


def render(tables: Tables) -> str:
    documents = {d.source_id: d for d in tables.documents}
    projects = {(p.project_id, p.source_id): p for p in tables.projects}
    counts: dict[str, int] = {}
    for p in tables.projects:
        counts[p.source_id] = counts.get(p.source_id, 0) + 1
    changes = tables.changes

    lines = ["# Änderungen zwischen den Ausgaben", "", INTRO, ""]
    sections: list[str] = []
    for editions in series_editions(list(documents.values())).values():
        for older, newer in reversed(list(pairwise(editions))):  # newest first
            rows = [c for c in changes if c.source_id == newer.source_id and c.previous_source_id == older.source_id]
            sections += edition_section(documents[newer.source_id], documents[older.source_id], rows, projects, counts)
    if not sections:
        names = ", ".join(_edition_name(d) for d in documents.values() if d.kind == "sab_overview")
        sections = [f"Bisher liegt nur eine Ausgabe je Reihe vor ({escape(names) or 'keine'}); es gibt noch nichts zu vergleichen.", ""]
    return "\n".join(lines + sections)


def write_changes(path: Path, tables: Tables) -> None:
    path.write_text(render(tables), encoding="utf-8")
