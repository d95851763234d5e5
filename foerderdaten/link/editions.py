"""Editions of the SAB overview: the same project across editions, and what changed.

SAB publishes its overview again and again ("Regionalbudget 2023", "…
Regionalbudget 2024", each with its "Stand"). Every edition is kept: the
``projects`` table has one row per project *per edition*. Editions whose
names differ only in the year form a **series** ("Regionalbudget"); within a
series they are ordered by Stand, and each edition is compared with the one
before it.

The same project in two editions is found in two steps:

1. the same ``project_id`` (Träger, title, start and district unchanged,
   see normalize/ids.py);
2. otherwise, since the id hashes fields that a later edition may correct
   (a new start date, a reworded title), a fuzzy match among the projects
   left over on both sides: the same Träger (rapidfuzz ``token_set_ratio``
   on the name without legal form) and a similar title and description.

A project found by step 2 keeps the id of its previous edition, so one
project has one id in every edition (its rows in ``corrections`` and
``quality`` follow). What differs between the two rows is a ``changed``
row of the ``changes`` table, one per field; what is only in the newer
edition is ``added``, what is only in the older one ``removed``.

The rows of each series' newest edition are ``current``: the list as SAB
publishes it today.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz

from foerderdaten.normalize.checks import PRINTED_FIELDS
from foerderdaten.normalize.text import fold_organisation, fold_words
from foerderdaten.schemas.tables import Correction, Document, Project, ProjectChange, QualityIssue

# The printed fields compared between editions (raw text, as in the document).
COMPARED_FIELDS = tuple(PRINTED_FIELDS)

# Thresholds on rapidfuzz similarities (0-100) for step 2.
RECIPIENT_SAME = 90  # the same organisation despite spelling and legal form
CONTENT_SAME = 80  # mean of title and description similarity: the same project

YEAR = re.compile(r"\b(19|20)\d{2}\b")


def series_of(edition: str) -> str:
    """The series an edition belongs to: its name without the year ("Regionalbudget 2024" -> "Regionalbudget")."""
    return " ".join(YEAR.sub(" ", edition).split())


@dataclass(frozen=True)
class Edition:
    """One SAB overview as an edition of its series."""

    source_id: str
    series: str
    stand: dt.date | None
    edition: str

    @property
    def order_key(self) -> tuple:
        # an edition without Stand sorts first; the name and id break ties, so the order is fixed
        return (self.stand or dt.date.min, self.edition, self.source_id)


def series_editions(documents: Sequence[Document]) -> dict[str, list[Edition]]:
    """The SAB editions of each series, oldest first."""
    series: dict[str, list[Edition]] = {}
    for d in documents:
        if d.kind == "sab_overview":
            edition = Edition(d.source_id, series_of(d.edition or ""), d.stand, d.edition or "")
            series.setdefault(edition.series, []).append(edition)
    return {name: sorted(items, key=lambda e: e.order_key) for name, items in sorted(series.items())}


# --------------------------------------------------------------------------
# Matching two editions


def _similar_text(a: str, b: str) -> float | None:
    a, b = fold_words(a), fold_words(b)
    if not a or not b:
        return None
    return fuzz.ratio(a, b)


def content_score(old: Project, new: Project) -> float | None:
    """How alike two rows are as one project; None: not the same Träger."""
    a, b = fold_organisation(old.projekttraeger), fold_organisation(new.projekttraeger)
    if not a or not b or fuzz.token_set_ratio(a, b) < RECIPIENT_SAME:
        return None
    scores = [s for s in (_similar_text(old.projekttitel, new.projekttitel),
                          _similar_text(old.kurzbeschreibung, new.kurzbeschreibung)) if s is not None]
    return sum(scores) / len(scores) if scores else None


def match_projects(old: Sequence[Project], new: Sequence[Project]) -> list[tuple[Project, Project]]:
    """Pairs (old row, new row) of the same project, in the new edition's order."""
    old_by_id = {p.project_id: p for p in old}
    pairs = {n.seq: (old_by_id[n.project_id], n) for n in new if n.project_id in old_by_id}
    left_old = [p for p in old if p.project_id not in {n.project_id for n in new}]
    left_new = [n for n in new if n.seq not in pairs]
    scored = []
    for o in left_old:
        for n in left_new:
            score = content_score(o, n)
            if score is not None and score >= CONTENT_SAME:
                scored.append((-score, o.seq, n.seq, o, n))
    taken_old: set[int] = set()
    for _, o_seq, n_seq, o, n in sorted(scored, key=lambda item: item[:3]):  # best first, then document order
        if o_seq not in taken_old and n_seq not in pairs:
            taken_old.add(o_seq)
            pairs[n_seq] = (o, n)
    return [pairs[seq] for seq in sorted(pairs)]


def compare(previous: Sequence[Project], newer: Sequence[Project], previous_source_id: str, source_id: str) -> list[ProjectChange]:
    """The changes table rows between two editions (``newer`` already carries the matched ids)."""
    pairs = match_projects(previous, newer)
    matched_old = {o.project_id for o, _ in pairs}
    matched_new = {n.project_id for _, n in pairs}
    found: list[tuple[str, str, str, str, str]] = []  # change, project_id, field, old, new
    found += [("added", n.project_id, "", "", "") for n in newer if n.project_id not in matched_new]
    found += [("removed", o.project_id, "", "", "") for o in previous if o.project_id not in matched_old]
    for o, n in pairs:
        found += [("changed", n.project_id, f, getattr(o, f), getattr(n, f))
                  for f in COMPARED_FIELDS if getattr(o, f) != getattr(n, f)]
    return [
        ProjectChange(source_id=source_id, previous_source_id=previous_source_id, seq=i, change=change,
                      project_id=pid, field=field, old=old, new=new)
        for i, (change, pid, field, old, new) in enumerate(found, start=1)
    ]


# --------------------------------------------------------------------------
# All editions of a build


@dataclass
class EditionTables:
    """The tables that editions touch, after connecting them."""

    projects: list[Project]
    corrections: list[Correction]
    quality: list[QualityIssue]
    changes: list[ProjectChange]


def connect_editions(documents: Sequence[Document], projects: Sequence[Project],
                     corrections: Sequence[Correction], quality: Sequence[QualityIssue]) -> EditionTables:
    """Carry project ids from edition to edition, mark the current rows, list the changes.

    Row order is kept: every table stays in the order the documents were read.
    """
    by_source: dict[str, list[Project]] = {}
    for p in projects:
        by_source.setdefault(p.source_id, []).append(p)
    renamed: dict[tuple[str, str], str] = {}  # (source_id, own id) -> inherited id
    changes: list[ProjectChange] = []
    current: set[str] = set()
    for editions in series_editions(documents).values():
        current.add(editions[-1].source_id)
        for before, after in pairwise(editions):
            old, new = by_source.get(before.source_id, []), by_source.get(after.source_id, [])
            inherited = {n.seq: o.project_id for o, n in match_projects(old, new) if o.project_id != n.project_id}
            for n in new:
                if n.seq in inherited:
                    renamed[(n.source_id, n.project_id)] = inherited[n.seq]
            new = [n.model_copy(update={"project_id": inherited[n.seq]}) if n.seq in inherited else n for n in new]
            by_source[after.source_id] = new
            changes += compare(old, new, before.source_id, after.source_id)

    final_id = {(sid, n.seq): n.project_id for sid, rows in by_source.items() for n in rows}

    def project_row(p: Project) -> Project:
        return p.model_copy(update={"project_id": final_id[(p.source_id, p.seq)], "current": p.source_id in current})

    def record(row):
        key = (row.source_id, row.record)
        return row.model_copy(update={"record": renamed[key]}) if row.table == "projects" and key in renamed else row

    return EditionTables(
        projects=[project_row(p) for p in projects],
        corrections=[record(c) for c in corrections],
        quality=[record(q) for q in quality],
        changes=changes,
    )


def newest_rows(projects: Sequence[Project], documents: Sequence[Document]) -> list[Project]:
    """One row per project: the one of the newest edition that lists it (for linking other documents)."""
    rank = {e.source_id: e.order_key for editions in series_editions(documents).values() for e in editions}
    newest: dict[str, Project] = {}
    for p in projects:
        kept = newest.get(p.project_id)
        if kept is None or rank.get(p.source_id, ()) > rank.get(kept.source_id, ()):
            newest[p.project_id] = p
    return [p for p in projects if newest[p.project_id] is p]
