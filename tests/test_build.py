"""The whole build: PDFs in, published dataset out, compared with gold.

Runs the CLI as a user does, twice, and checks that the result equals the
committed ``data/clean`` byte for byte (so a fresh clone that builds leaves
``git status`` clean), that the projects and links equal the gold files,
and that the Parquet files read back with their real types.
"""

from __future__ import annotations

import filecmp
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from conftest import FIXTURES, gold_links, gold_sab
from foerderdaten.pipeline import build_tables

ROOT = Path(__file__).parent.parent
CLEAN = ROOT / "data" / "clean"

NORMALISED = ["region", "kreis_ags", "rl_nr", "vorhabensart", "gesteuerte_zuwanderung", "bewilligungsbeginn", "bewilligungsende"]
RAW = ["projekttraeger", "durchfuehrungsort", "region_raw", "rl_nr_raw", "vorhabensart_raw",
       "bewilligungsbeginn_raw", "bewilligungsende_raw", "projekttitel", "kurzbeschreibung"]


def cli_build(out: Path) -> None:
    subprocess.run([sys.executable, "-m", "foerderdaten", "build", "--out", str(out)], cwd=ROOT, check=True, timeout=600)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build") / "clean"
    cli_build(out)
    return out


def tree(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def assert_same_tree(a: Path, b: Path) -> None:
    assert tree(a) == tree(b)
    different = [name for name in tree(a) if not filecmp.cmp(a / name, b / name, shallow=False)]
    assert different == []


def test_two_builds_are_byte_identical(built, tmp_path):
    again = tmp_path / "clean"
    cli_build(again)
    assert_same_tree(built, again)


def test_committed_dataset_is_what_the_build_gives(built):
    # if this fails after a change: run `python3 dev.py build` and commit data/clean
    assert_same_tree(built, CLEAN)


def _as_gold(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@pytest.mark.parametrize("pdf", ["sab_2023_ruled.pdf", "sab_2023_plain.pdf"])
def test_projects_equal_gold_field_by_field(pdf):
    projects = build_tables([FIXTURES / pdf]).projects
    assert len(projects) == 134
    wrong = [
        (gold["seq"], field, _as_gold(getattr(p, field)), gold[field])
        for p, gold in zip(projects, gold_sab(), strict=True)
        for field in ["seq", *RAW, *NORMALISED]
        if _as_gold(getattr(p, field)) != gold[field]
    ]
    assert wrong == []
    assert len({p.project_id for p in projects}) == 134


def test_project_ids_do_not_depend_on_the_rendering():
    ruled = build_tables([FIXTURES / "sab_2023_ruled.pdf"]).projects
    plain = build_tables([FIXTURES / "sab_2023_plain.pdf"]).projects
    assert [p.project_id for p in ruled] == [p.project_id for p in plain]


def test_documents_own_errors_are_flagged(built):
    projects = pd.read_parquet(built / "projects.parquet").set_index("seq")
    flags = projects["quality_flags"].str.split(";")
    assert "end_before_begin" in flags[64]
    assert "short_period" in flags[47] and "short_period" in flags[126]
    for seq in (12, 131, 133):
        assert "missing_fields" in flags[seq]
    quality = pd.read_parquet(built / "quality.parquet")
    assert set(quality["flag"]) >= {"end_before_begin", "short_period", "missing_fields", "duplicate_description", "typo_vorhabensart"}
    assert quality["page"].notna().all()


def test_landtag_answers_own_oddities_are_flagged_not_changed(built):
    quality = pd.read_parquet(built / "quality.parquet")
    landtag = quality[quality["source_id"] == "landtag_7_16456"].set_index("flag")
    # "499.660,00 €." with the full stop of its sentence: read, kept, explained
    assert landtag.loc["amount_punctuation", "table"] == "welcome_center_funding"
    assert "„499.660,00 €.“" in landtag.loc["amount_punctuation", "detail"]
    funding = pd.read_parquet(built / "welcome_center_funding.parquet")
    assert funding[funding["betrag_raw"] == "499.660,00 €."]["betrag_eur"].tolist() == [Decimal("499660.00")]
    # "Westfälische Hochschule Zwickau" for the Westsächsische: flagged, the text as printed
    assert landtag.loc["organisation_spelling", "record"] == "2/5"
    assert "Westsächsische Hochschule Zwickau" in landtag.loc["organisation_spelling", "detail"]
    annex = pd.read_parquet(built / "annex_projects.parquet")
    assert "Westfälische Hochschule Zwickau" in set(annex["zuwendungsempfaenger"])
    text = (built / "QUALITY.md").read_text(encoding="utf-8")
    assert "Anlage 2, Zeile 5: „meetCompanies“ (Westfälische Hochschule Zwickau)" in text
    assert " with seq " not in text and "near-identical" not in text  # German throughout


def test_organisation_ids_on_projects_and_annex_rows(built):
    projects = pd.read_parquet(built / "projects.parquet")
    annex = pd.read_parquet(built / "annex_projects.parquet")
    organisations = pd.read_parquet(built / "organisations.parquet").set_index("organisation_id")
    assert projects["organisation_id"].notna().all() and annex["organisation_id"].notna().all()
    # "which organisation ran most projects" is one group-by
    top = projects.groupby("organisation_id").size().sort_values(ascending=False)
    assert organisations.loc[top.index[0], "name"] == "Wirtschaftsförderung Erzgebirge GmbH" and top.iloc[0] == 10
    wfg = projects[projects["projekttraeger"].str.startswith("WFG")]["organisation_id"]
    assert wfg.nunique() == 1 and len(wfg) == 6


def test_rows_are_citable_pages_of_the_bundled_reconstructions(built):
    import json

    documents = pd.read_csv(built / "documents.csv").set_index("file_name")
    manifest = json.loads((ROOT / "data" / "raw" / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        row = documents.loc[entry["file_name"]]
        assert bool(row["is_reconstruction"]) is entry["reconstruction"] is True
        assert row["origin"] == entry["origin"]
    package = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    assert all(s["is_reconstruction"] is True and "reconstruction" in s["description"] for s in package["sources"])
    codebook = (built / "CODEBOOK.md").read_text(encoding="utf-8")
    assert "keine Förderbeträge je Projekt" in codebook and "is_reconstruction" in codebook
    assert "Nachbauten der Originale" in (built / "overview.html").read_text(encoding="utf-8").split("<footer>")[1]
    assert "Nachbauten der Originale" in (built / "QUALITY.md").read_text(encoding="utf-8")


def test_links_equal_gold(built):
    seq_of = pd.read_parquet(built / "projects.parquet").set_index("project_id")["seq"].to_dict()
    links = pd.read_parquet(built / "links.parquet")
    got = {(int(r.anlage), int(r.seq_in_anlage)): (str(seq_of[r.project_id]), r.relation) for r in links.itertuples()}
    want = {(int(g["anlage"]), int(g["seq_in_anlage"])): (g["sab_seq"], g["relation"]) for g in gold_links() if g["relation"]}
    assert got == want
    assert sum(1 for _, rel in got.values() if rel == "same_project") == 23


def test_parquet_types_for_researchers(built):
    schema = pq.read_schema(built / "projects.parquet")
    assert str(schema.field("bewilligungsbeginn").type) == "date32[day]"
    assert str(schema.field("gesteuerte_zuwanderung").type) == "bool"
    assert str(schema.field("kreis_ags").type) == "string"
    funding = pd.read_parquet(built / "welcome_center_funding.parquet")
    assert funding["betrag_eur"].tolist()[0] == Decimal("285563.71")
    assert sum(funding["betrag_eur"]) == Decimal("2104428.16") + Decimal("381355.92") + Decimal("61110.00") + Decimal("499660.00")


def test_every_table_is_written_in_every_format(built):
    from foerderdaten.schemas import TABLES

    for name in TABLES:
        for path in (f"{name}.parquet", f"{name}.csv", f"excel/{name}.csv"):
            assert (built / path).is_file(), path
    for path in ("datapackage.json", "foerderdaten.db", "metadata.json", "CODEBOOK.md", "QUALITY.md", "overview.html"):
        assert (built / path).is_file(), path
