"""Shared test fixtures: paths to the bundled test PDFs and gold values."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from functools import cache
from pathlib import Path

import pytest

from browser import chromium  # noqa: F401  (a fixture for every test file)

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
GOLD = TESTS / "gold"


@cache
def gold_sab() -> list[dict]:
    with (GOLD / "sab_2023.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def gold_landtag() -> dict:
    return json.loads((GOLD / "landtag_7_16456.json").read_text(encoding="utf-8"))


@cache
def gold_links() -> list[dict]:
    with (GOLD / "links.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def gold_project_id(seq: int) -> str:
    """A stand-in project_id for gold rows (the real one hashes the content)."""
    return f"p_{seq:012x}"


def _iso(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def gold_projects(source_id: str = "sab_regionalbudget_2023") -> list:
    """The gold SAB rows as ``Project`` records (no flags, dummy bbox)."""
    from foerderdaten.schemas.tables import Project

    return [
        Project(
            project_id=gold_project_id(int(row["seq"])), source_id=source_id, edition="Regionalbudget 2023",
            stand=dt.date(2023, 12, 31), seq=int(row["seq"]), page=int(row["page"]), bbox="0 0 1 1",
            projekttraeger=row["projekttraeger"], durchfuehrungsort=row["durchfuehrungsort"],
            region_raw=row["region_raw"], region=row["region"] or None, kreis_ags=row["kreis_ags"] or None,
            rl_nr_raw=row["rl_nr_raw"], rl_nr=int(row["rl_nr"]) if row["rl_nr"] else None,
            vorhabensart_raw=row["vorhabensart_raw"], vorhabensart=row["vorhabensart"] or None,
            gesteuerte_zuwanderung=row["gesteuerte_zuwanderung"] == "true",
            bewilligungsbeginn_raw=row["bewilligungsbeginn_raw"], bewilligungsbeginn=_iso(row["bewilligungsbeginn"]),
            bewilligungsende_raw=row["bewilligungsende_raw"], bewilligungsende=_iso(row["bewilligungsende"]),
            projekttitel=row["projekttitel"], kurzbeschreibung=row["kurzbeschreibung"], quality_flags="",
        )
        for row in gold_sab()
    ]


def assert_letter_metadata(raw, gold: dict, source_id: str = "landtag_7_16456") -> None:
    """The raw letter's metadata equals the gold values (any rendering)."""
    assert raw.source_id == source_id
    assert raw.drucksache == gold["drucksache"]
    assert raw.wahlperiode == gold["wahlperiode"]
    assert raw.nummer == gold["nummer"]
    assert raw.thema == gold["thema"]
    assert raw.fragesteller == gold["fragesteller"]
    assert raw.fraktion == gold["fraktion"]
    assert raw.ministerium == gold["ministerium"]
    assert raw.unterzeichner == gold["signatory"]
    assert raw.datum_raw == gold["datum_raw"]
    assert raw.aktenzeichen == gold["aktenzeichen"]
    assert raw.anfrage == "Kleine Anfrage des Abgeordneten Thomas Thumm (AfD)"


def assert_answer_document(document, gold: dict) -> None:
    """The ``documents`` row of a Landtag answer carries the gold metadata."""
    assert document.title == "Antwort auf die Kleine Anfrage des Abgeordneten Thomas Thumm (AfD), Drs. 7/16456: „Welcome Center“ in Sachsen"
    assert document.drucksache == gold["drucksache"]
    assert document.wahlperiode == gold["wahlperiode"]
    assert document.nummer == gold["nummer"]
    assert document.thema == gold["thema"]
    assert document.fragesteller == gold["fragesteller"]
    assert document.fraktion == gold["fraktion"]
    assert document.ministerium == gold["ministerium"]
    assert document.unterzeichner == gold["signatory"]
    assert document.datum == dt.date.fromisoformat(gold["datum"])
    assert document.aktenzeichen == gold["aktenzeichen"]


@cache
def open_fixture(name: str):
    from foerderdaten.extract.pdfdoc import open_pdf

    return open_pdf(FIXTURES / name)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def previous_output(tmp_path: Path) -> Path:
    """An output folder holding a stand-in previous dataset, for builds that must leave it alone."""
    return write_previous_build(tmp_path / "clean")


def write_previous_build(out: Path) -> Path:
    """A folder as an earlier build left it: its metadata.json marks it as the build's own."""
    out.mkdir()
    (out / "projects.csv").write_text("previous dataset\n", encoding="utf-8")
    (out / "foerderdaten.db").write_bytes(b"")
    meta = {"databases": {"foerderdaten": {"tables": {"projects": {}}}}}
    (out / "metadata.json").write_text(json.dumps(meta), encoding="utf-8")
    return out


def live_processes(*, parent: int | None = None, session: int | None = None) -> list[int]:
    """Pids of live (non-zombie) processes with that parent or session (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, ppid, sid = fields[0], int(fields[1]), int(fields[3])
        if state != "Z" and (ppid == parent or sid == session):
            found.append(int(entry))
    return found
