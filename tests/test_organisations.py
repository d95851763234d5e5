"""Organisations: the merge rule on real pairs of spellings from the gold data."""

from __future__ import annotations

import pytest

from conftest import gold_landtag, gold_sab
from foerderdaten.link.organisations import build_organisations, merge_rule, organisation_id
from test_publish import sample_tables


def gold_spellings() -> set[str]:
    return {r["projekttraeger"] for r in gold_sab()} | {a["zuwendungsempfaenger"] for a in gold_landtag()["anlagen"]}


SAME = [
    ("WFG mbH", "WFG Wirtschaftsförderungsgesellschaft mbH des Landkreises Nordsachsen", "extends"),
    ("WFG mbH", "WFG- Wirtschaftsförderungs- gesellschaft mbH des Landkreises Nordsachsen", "extends"),
    ("WFG Wirtschaftsförderungsgesellschaft mbH des Landkreises Nordsachsen",
     "WFG- Wirtschaftsförderungs- gesellschaft mbH des Landkreises Nordsachsen", "same_spelling"),
    ("HTWK Leipzig", "Hochschule für Technik, Wirtschaft und Kultur Leipzig", "acronym"),
    ("Wirtschaftsförderung Erzgebirge", "Wirtschaftsförderung Erzgebirge GmbH", "same_spelling"),
    ("BeSCo - Berufsschulconsulting UG", "BeSCO - Berufsschulconsulting UG", "same_spelling"),
    ("Volkshochschule Dresden", "Volkshochschule Dresden e.V.", "same_spelling"),
    ("Frauenförderwerk e. V.", "Frauenförderwerk Dresden e.V.", "extends"),
    ("Hochschule Zittau/Görlitz", "Hochschule Zittau-Görlitz", "same_spelling"),
    ("IMU Institut Berlin GmbH", "IMU-Institut Berlin GmbH", "same_spelling"),
    ("Europastadt Görlitz Zgorcelec GmbH", "Europastadt Görlitz Zgorzelec GmbH", "typo"),
    ("Stasenko Intelligence Technologies int. -SIT int. UG", "Stasenko Intelligence Technologies int.", "extends"),
]

DIFFERENT = [
    ("Landkreis Meißen", "Landkreis Nordsachsen"),
    ("Landkreis Bautzen", "Landkreis Meißen"),
    ("Landratsamt Mittelsachsen", "Landratsamt Nordsachsen"),
    ("Große Kreisstadt Glauchau", "Große Kreisstadt Zittau"),
    ("Stadt Chemnitz", "IHK Chemnitz"),
    ("IHK Chemnitz", "IHK Dresden, Geschäftsstelle Bautzen"),
    ("Stadt Chemnitz", "Technische Universität Chemnitz"),
    ("CWE GmbH", "MWE GmbH"),  # one letter, but a short name: a different company
    ("Westsächsische Hochschule Zwickau", "Westfälische Hochschule Zwickau"),  # flagged for review instead
    ("Hochschule Zittau/Görlitz", "Westsächsische Hochschule Zwickau"),
    ("Wirtschaftsförderung Erzgebirge GmbH", "Wirtschaftsfördergesellschaft Vogtland mbH"),
]


@pytest.mark.parametrize("a, b, rule", SAME)
def test_same_organisation(a, b, rule):
    assert {a, b} <= gold_spellings()  # real spellings of the documents
    assert merge_rule(a, b) == rule
    assert merge_rule(b, a) == rule


@pytest.mark.parametrize("a, b", DIFFERENT)
def test_different_organisations_are_never_merged(a, b):
    assert {a, b} <= gold_spellings()
    assert merge_rule(a, b) is None
    assert merge_rule(b, a) is None


def test_two_volkshochschulen_stay_apart():
    assert merge_rule("Volkshochschule Dresden e.V.", "Volkshochschule Leipzig e.V.") is None
    assert merge_rule("Volkshochschule", "Volkshochschule Dresden") is None  # only a generic word in common


@pytest.fixture(scope="module")
def orgs():
    tables = sample_tables()
    return build_organisations(tables.projects, tables.annex_projects)


def test_every_spelling_has_an_organisation(orgs):
    assert set(orgs.id_of) == gold_spellings()
    assert len({v.variant for v in orgs.variants}) == len(gold_spellings()) == 103
    wfg = {orgs.id_of[a] for a, b, _ in SAME[:3]} | {orgs.id_of[b] for a, b, _ in SAME[:3]}
    assert len(wfg) == 1
    org = next(o for o in orgs.organisations if o.organisation_id in wfg)
    assert (org.name, org.variants, org.projects) == ("WFG mbH", 3, 6)


def test_which_organisation_ran_most_projects(orgs):
    # one group-by: Wirtschaftsförderung Erzgebirge, 8 rows "… GmbH" plus 2 without
    top = max(orgs.organisations, key=lambda o: o.projects)
    assert (top.name, top.projects, top.annex_projects) == ("Wirtschaftsförderung Erzgebirge GmbH", 10, 1)


def test_similar_but_unsure_goes_to_review_and_quality(orgs):
    assert [(r.variant, r.candidate) for r in orgs.review] == [
        ("Westfälische Hochschule Zwickau", "Westsächsische Hochschule Zwickau")]
    (issue,) = orgs.quality
    assert (issue.table, issue.record, issue.flag) == ("annex_projects", "2/5", "organisation_spelling")
    assert "Westsächsische Hochschule Zwickau" in issue.detail
    assert orgs.id_of["Westfälische Hochschule Zwickau"] != orgs.id_of["Westsächsische Hochschule Zwickau"]


def test_ids_do_not_depend_on_order():
    spellings = ["WFG mbH", "WFG Wirtschaftsförderungsgesellschaft mbH des Landkreises Nordsachsen"]
    assert organisation_id(spellings) == organisation_id(list(reversed(spellings)))
    assert organisation_id(spellings).startswith("o_") and len(organisation_id(spellings)) == 14
