"""Linking annex rows to SAB projects, checked against tests/gold/links.csv.

The inputs are built from the gold files (annex rows from the Landtag json,
projects from sab_2023.csv), so these tests exercise the linking rules alone,
independent of the PDF parsers.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from conftest import gold_project_id, gold_projects
from foerderdaten.link import link_annex
from foerderdaten.link.similarity import normalize_org, normalize_text
from foerderdaten.schemas.tables import AnnexProject, Project

GOLD = Path(__file__).parent / "gold"
LANDTAG_ID = "landtag_7_16456"


project_id = gold_project_id


def _annex_row(row: dict) -> AnnexProject:
    return AnnexProject(
        source_id=LANDTAG_ID,
        anlage=row["anlage"],
        bewilligungsjahr=row["bewilligungsjahr"],
        seq_in_anlage=row["seq_in_anlage"],
        page=5,
        zuwendungsempfaenger=row["zuwendungsempfaenger"],
        projekttitel=row["projekttitel"],
        zielgruppe=row["zielgruppe"],
        kurzbeschreibung=row["kurzbeschreibung"],
    )


@pytest.fixture(scope="module")
def projects() -> list[Project]:
    return gold_projects()


@pytest.fixture(scope="module")
def annex() -> list[AnnexProject]:
    gold = json.loads((GOLD / "landtag_7_16456.json").read_text(encoding="utf-8"))
    return [_annex_row(row) for row in gold["anlagen"]]


@pytest.fixture(scope="module")
def gold_links() -> dict[tuple[int, int], tuple[str, str]]:
    """(anlage, seq_in_anlage) -> (project_id, relation) for the rows that have a link."""
    with (GOLD / "links.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 28
    return {
        (int(r["anlage"]), int(r["seq_in_anlage"])): (project_id(int(r["sab_seq"])), r["relation"])
        for r in rows
        if r["relation"]
    }


@pytest.fixture(scope="module")
def result(annex, projects):
    return link_annex(annex, projects)


def test_links_equal_gold(result, gold_links):
    links, _ = result
    got = {(link.anlage, link.seq_in_anlage): (link.project_id, link.relation) for link in links}
    assert got == gold_links


def test_relation_counts(result):
    links, _ = result
    relations = [link.relation for link in links]
    assert relations.count("same_project") == 23
    assert relations.count("predecessor_title") == 1
    assert len(links) == 24  # 4 of the 28 annex rows have no counterpart


def test_links_in_annex_order_with_source_id(result):
    links, _ = result
    keys = [(link.anlage, link.seq_in_anlage) for link in links]
    assert keys == sorted(keys)
    assert {link.source_id for link in links} == {LANDTAG_ID}


def test_score_and_evidence_format(result):
    links, reviews = result
    for item in [*links, *reviews]:
        assert item.score == round(item.score, 1)
        assert re.fullmatch(r"recipient \d+; title (\d+|n/a); description (\d+|n/a)", item.evidence)


def test_identical_rows_score_100(result):
    links, _ = result
    by_key = {(link.anlage, link.seq_in_anlage): link for link in links}
    assert by_key[(1, 1)].score == 100.0
    assert by_key[(1, 1)].evidence == "recipient 100; title 100; description 100"


def test_title_changed_between_documents_is_found_by_description(result):
    """Anlage 1 #22 "IFN - Internationale …" is SAB seq 118 "IFN": the title alone would miss it."""
    links, _ = result
    link = next(candidate for candidate in links if (candidate.anlage, candidate.seq_in_anlage) == (1, 22))
    assert link.project_id == project_id(118)
    assert link.evidence.startswith("recipient 100; title ")
    assert link.evidence.endswith("description 100")


def test_runner_up_goes_to_review(result):
    """Frauenförderwerk #10 is linked to seq 46; the later look-alike seq 132 is left for review."""
    _, reviews = result
    runner_up = [r for r in reviews if (r.anlage, r.seq_in_anlage) == (1, 10)]
    assert [r.project_id for r in runner_up] == [project_id(132)]
    assert project_id(46) in runner_up[0].reason


def test_rows_without_counterpart_offer_related_candidates(result):
    """The related SAB rows noted in links.csv (FaMiC seq 29, EiFU seq 80) show up for review."""
    links, reviews = result
    linked = {(link.anlage, link.seq_in_anlage) for link in links}
    reviewed = {(r.anlage, r.seq_in_anlage): r.project_id for r in reviews}
    assert reviewed[(2, 3)] == project_id(29)
    assert reviewed[(2, 4)] == project_id(80)
    assert (2, 5) not in reviewed
    # a review never repeats a link that was made
    pairs = {(link.anlage, link.seq_in_anlage, link.project_id) for link in links}
    assert not any((r.anlage, r.seq_in_anlage, r.project_id) in pairs for r in reviews)
    assert (2, 3) not in linked and (2, 4) not in linked


def test_linking_is_deterministic(annex, projects, result):
    assert link_annex(list(reversed(annex)), list(reversed(projects))) == result


@pytest.mark.parametrize(
    "a, b",
    [
        ("Frauenförderwerk Dresden e.V.", "Frauenförderwerk Dresden e. V."),
        ("FKZ-Erz. e.V.", "FKZ-Erz. E.V."),
        ("Hochschule Zittau-Görlitz", "Hochschule Zittau/Görlitz"),
        ("BKK Internationale Fachkräftegewinnung UG", "BKK - Internationale Fachkräftegewinnung UG"),
        ('"Internationales Engagement Chemnitz" e.V."', "Internationales Engagement Chemnitz e.V."),
        ("bsw gGmbH", "BSW GmbH"),
    ],
)
def test_organisation_spellings_normalise_alike(a, b):
    assert normalize_org(a) == normalize_org(b)


def test_text_normalisation_folds_quotes_case_umlauts_and_spacing():
    assert normalize_text("„Angekommen  4.0“ Größe") == normalize_text(',,angekommen 4.0" GRÖSSE')


def test_same_title_new_description_with_running_period_is_only_reviewed(annex, projects):
    """Anlage 2 #2 is a predecessor_title only because SAB seq 31 ended (29.02.2024);
    had it still been running, the rules cannot tell and leave it to a person."""
    row = next(a for a in annex if (a.anlage, a.seq_in_anlage) == (2, 2))
    running = [p.model_copy(update={"bewilligungsende": dt.date(2026, 12, 31)}) if p.seq == 31 else p for p in projects]
    links, reviews = link_annex([row], running)
    assert links == []
    assert [(r.project_id, r.reason) for r in reviews if r.project_id == project_id(31)] == [
        (project_id(31), "same title, different description, but the SAB period had not ended")
    ]


def test_equal_candidates_are_not_guessed(annex, projects):
    """Two SAB rows that match an annex row equally well: no link, both to review."""
    row = next(a for a in annex if (a.anlage, a.seq_in_anlage) == (1, 1))
    twin = next(p for p in projects if p.seq == 28).model_copy(update={"project_id": project_id(999), "seq": 999})
    links, reviews = link_annex([row], [*projects, twin])
    assert links == []
    assert {r.project_id for r in reviews} == {project_id(28), project_id(999)}
    assert {r.reason for r in reviews} == {"several projects match equally well"}
