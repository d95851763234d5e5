"""Two editions of the SAB overview in one build: rows per edition, one id per
project, the ``changes`` between them, the current list.

The second edition is the gold table printed again with known changes
(tests/editions.py); every expectation below follows from those changes.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections import Counter
from pathlib import Path

import frictionless
import pytest

from conftest import FIXTURES, gold_sab
from editions import ADDED, CHANGED, REMOVED, render_sab_edition, second_edition_rows
from foerderdaten.pipeline import build_tables
from foerderdaten.publish import write_dataset

OLD, NEW = "sab_regionalbudget_2023", "sab_regionalbudget_2024"


@pytest.fixture(scope="module")
def sab_2024(tmp_path_factory) -> Path:
    return render_sab_edition(tmp_path_factory.mktemp("editions") / "sab_2024.pdf", second_edition_rows())


@pytest.fixture(scope="module")
def tables(sab_2024):
    return build_tables([FIXTURES / "sab_2023_ruled.pdf", sab_2024, FIXTURES / "landtag_7_16456.pdf"])


@pytest.fixture(scope="module")
def published(tables, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("two_editions")
    write_dataset(tables, out, version="0.0.0-test")
    return out


def _by_edition(tables) -> dict[str, dict[int, object]]:
    """seq -> project row, per source_id."""
    result: dict[str, dict[int, object]] = {}
    for p in tables.projects:
        result.setdefault(p.source_id, {})[p.seq] = p
    return result


def _seq_2024(seq_2023: int) -> int:
    """Where a 2023 row stands in the 2024 edition (the removed rows close the gaps)."""
    return seq_2023 - sum(1 for r in REMOVED if r < seq_2023)


def test_one_row_per_project_per_edition(tables):
    rows = _by_edition(tables)
    assert len(rows[OLD]) == 134
    assert len(rows[NEW]) == 134 - len(REMOVED) + len(ADDED)
    keys = Counter((p.project_id, p.source_id) for p in tables.projects)
    assert max(keys.values()) == 1
    assert {d.edition for d in tables.documents if d.kind == "sab_overview"} == {"Regionalbudget 2023", "Regionalbudget 2024"}


def test_project_keeps_its_id_across_editions_even_when_its_key_fields_change(tables):
    rows = _by_edition(tables)
    for seq in range(1, 135):
        if seq in REMOVED:
            continue
        old, new = rows[OLD][seq], rows[NEW][_seq_2024(seq)]
        assert new.projekttraeger == old.projekttraeger
        assert new.project_id == old.project_id, seq
    # the start date and the titles changed, and with them the hashed key: the id was carried over
    assert rows[NEW][_seq_2024(19)].bewilligungsbeginn_raw == "01.02.2023"
    assert rows[NEW][_seq_2024(40)].projekttitel == "Plan B 3.0"


def test_changes_between_the_editions(tables):
    rows = _by_edition(tables)
    changes = tables.changes
    assert {(c.source_id, c.previous_source_id) for c in changes} == {(NEW, OLD)}
    assert [c.seq for c in changes] == list(range(1, len(changes) + 1))

    added = {c.project_id for c in changes if c.change == "added"}
    assert added == {rows[NEW][seq].project_id for seq in range(134 - len(REMOVED) + 1, 134 - len(REMOVED) + len(ADDED) + 1)}
    removed = {c.project_id for c in changes if c.change == "removed"}
    assert removed == {rows[OLD][seq].project_id for seq in REMOVED}

    changed = {(c.project_id, c.field, c.old, c.new) for c in changes if c.change == "changed"}
    want = {
        (rows[OLD][seq].project_id, field, gold_sab()[seq - 1][field], value)
        for seq, fields in CHANGED.items() for field, value in fields.items()
    }
    assert changed == want
    for c in changes:
        if c.change != "changed":
            assert (c.field, c.old, c.new) == ("", "", "")


def test_current_rows_are_the_newest_edition(tables):
    current = {p.source_id for p in tables.projects if p.current}
    assert current == {NEW}
    assert sum(p.current for p in tables.projects) == 134 - len(REMOVED) + len(ADDED)


def test_corrections_and_quality_follow_the_carried_ids(tables):
    keys = {(p.project_id, p.source_id) for p in tables.projects}
    for row in tables.corrections + tables.quality:
        if row.table == "projects":
            assert (row.record, row.source_id) in keys
    # the document's own errors are flagged in both editions
    flagged = {(q.source_id, q.flag) for q in tables.quality}
    assert {(OLD, "end_before_begin"), (NEW, "end_before_begin")} <= flagged


def test_links_point_to_an_existing_edition_row(tables):
    keys = {(p.project_id, p.source_id) for p in tables.projects}
    assert len(tables.links) == 24  # as with one edition (gold: 23 same_project + 1 predecessor_title)
    assert all((link.project_id, link.project_source_id) in keys for link in tables.links)
    assert all((r.project_id, r.project_source_id) in keys for r in tables.link_review)


def test_data_package_and_sqlite_validate_with_two_editions(published):
    report = frictionless.validate(published / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "type", "note"])
    db = sqlite3.connect(published / "foerderdaten.db")
    try:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT count(*) FROM projects").fetchone() == (134 + 134 - len(REMOVED) + len(ADDED),)
        assert db.execute("SELECT count(*), min(edition), max(edition) FROM projects_current").fetchone() == (
            134 - len(REMOVED) + len(ADDED), "Regionalbudget 2024", "Regionalbudget 2024")
        assert db.execute("SELECT change, count(*) FROM changes GROUP BY change ORDER BY change").fetchall() == [
            ("added", len(ADDED)), ("changed", len(CHANGED)), ("removed", len(REMOVED))]
    finally:
        db.close()


def test_cli_build_of_two_editions(sab_2024, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for pdf in (FIXTURES / "sab_2023_ruled.pdf", sab_2024):
        (raw / pdf.name).write_bytes(pdf.read_bytes())
    out = tmp_path / "clean"
    result = subprocess.run([sys.executable, "-m", "foerderdaten", "build", str(raw), "--out", str(out)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (out / "changes.csv").read_text(encoding="utf-8").count("\n") == 1 + len(ADDED) + len(REMOVED) + len(CHANGED)


def test_a_later_landtag_answer_is_a_new_document(tmp_path):
    from editions import render_later_answer

    later = render_later_answer(tmp_path / "landtag_8_1234.pdf")
    rows = build_tables([FIXTURES / "landtag_7_16456.pdf", later])
    answers = {d.source_id: d for d in rows.documents}
    assert set(answers) == {"landtag_7_16456", "landtag_8_1234"}
    assert answers["landtag_8_1234"].drucksache == "8/1234"
    # nothing of the earlier answer is lost: its rows stand beside the later one's
    for table in ("questions", "welcome_centers", "welcome_center_funding", "budget"):
        per_source = Counter(r.source_id for r in getattr(rows, table))
        assert per_source["landtag_7_16456"] == per_source["landtag_8_1234"] > 0, table
    assert {r.source_id for r in rows.annex_projects} == {"landtag_7_16456"}


def test_overview_changes_md_and_datasette_show_editions_and_changes(published):
    import json

    page = (published / "overview.html").read_text(encoding="utf-8")
    assert "<h2>Ausgaben und Änderungen</h2>" in page
    assert f"Regionalbudget 2024, Stand 31.12.2024: {134 - len(REMOVED) + len(ADDED)} Projekte" in page
    assert f"{len(ADDED)} neu, {len(REMOVED)} entfallen, {len(CHANGED)} geändert" in page
    assert page.count("<tr data-project=") == 134 - len(REMOVED) + len(ADDED)  # the current list only

    changes = (published / "CHANGES.md").read_text(encoding="utf-8")
    assert "## Regionalbudget 2024, Stand 31.12.2024" in changes
    assert f"### Neu ({len(ADDED)})" in changes and f"### Entfallen ({len(REMOVED)})" in changes
    assert f"### Geändert ({len(CHANGED)})" in changes
    assert "Projekttitel: „Plan B 2.0“ → „Plan B 3.0“" in changes
    assert "Vogtland Karrieretage 2024" in changes and "Arbeiten und Leben in der Pflege, Teil 4b" in changes

    meta = json.loads((published / "metadata.json").read_text(encoding="utf-8"))
    assert "Regionalbudget 2023 (Stand 31.12.2023), Regionalbudget 2024 (Stand 31.12.2024)" in meta["description"]
    database = meta["databases"]["foerderdaten"]
    assert {"changes", "projects_current"} <= set(database["tables"])
    assert {"aktuelle_projekte", "aenderungen"} <= set(database["queries"])
    db = sqlite3.connect(published / "foerderdaten.db")
    try:
        rows = db.execute(database["queries"]["aenderungen"]["sql"]).fetchall()
        assert len(rows) == len(ADDED) + len(REMOVED) + len(CHANGED)
        assert all(row[4] for row in rows)  # every change names its Träger
    finally:
        db.close()


def test_matching_keeps_a_new_project_under_an_old_title_apart():
    """Same Träger and title but another description is a new project, not a change."""
    from conftest import gold_projects
    from foerderdaten.link.editions import compare, match_projects

    old = gold_projects()[:3]
    follow_up = old[1].model_copy(update={"project_id": "p_0000000000aa", "bewilligungsbeginn_raw": "01.01.2025",
                                          "kurzbeschreibung": "Ein ganz anderes Vorhaben mit neuen Zielen und Partnern."})
    retitled = old[2].model_copy(update={"project_id": "p_0000000000bb", "projekttitel": old[2].projekttitel + " II"})
    new = [old[0], follow_up, retitled]
    assert [(o.seq, n.project_id) for o, n in match_projects(old, new)] == [(1, old[0].project_id), (3, "p_0000000000bb")]
    kinds = sorted((c.change, c.project_id) for c in compare(old, new, OLD, NEW))
    assert kinds == [("added", "p_0000000000aa"), ("changed", "p_0000000000bb"), ("removed", old[1].project_id)]
