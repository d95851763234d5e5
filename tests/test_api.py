"""The library as a researcher uses it in a notebook: load, group, join.

``foerderdaten.load`` on the committed data/clean and on a folder a build
wrote, ``read`` and ``write`` (a round trip gives the same rows and the
same bytes), the dtypes of the DataFrames, the column descriptions, and
that importing the package loads nothing heavy and changes no global state.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter
from dataclasses import fields
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

import foerderdaten
from conftest import FIXTURES, gold_landtag, gold_links, gold_sab
from foerderdaten import api
from foerderdaten.errors import InputError
from foerderdaten.frames import Dataset, table_attributes
from foerderdaten.schemas import TABLES
from foerderdaten.schemas.rows import Tables

ROOT = Path(__file__).parent.parent
CLEAN = ROOT / "data" / "clean"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return foerderdaten.load(CLEAN)


def gold_funding() -> list[dict]:
    gold = gold_landtag()
    return gold["funding_established"] + gold["funding_in_aufbau"]


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --------------------------------------------------------------------------
# A notebook


def test_dtypes_are_real(ds):
    projects = ds.projects
    assert str(projects["bewilligungsbeginn"].dtype) == "datetime64[ns]"
    assert str(projects["stand"].dtype) == "datetime64[ns]"
    assert str(projects["rl_nr"].dtype) == "Int16"
    assert str(projects["seq"].dtype) == "Int32"
    assert str(projects["gesteuerte_zuwanderung"].dtype) == "boolean"
    assert str(projects["current"].dtype) == "boolean"
    assert str(projects["projekttitel"].dtype) == "string"
    assert isinstance(projects["region"].dtype, pd.CategoricalDtype)
    assert list(projects["region"].cat.categories) == [d.name for d in ds.tables.districts]
    assert len(projects["region"].cat.categories) == 13
    assert list(projects["vorhabensart"].cat.categories) == [c.label for c in ds.tables.rl_categories]
    assert list(ds.welcome_centers["status"].cat.categories) == ["etabliert", "im_aufbau"]
    funding = ds.welcome_center_funding["betrag_eur"]
    assert str(funding.dtype) == "decimal128(14, 2)[pyarrow]"
    assert list(funding) == [Decimal(f["betrag_eur"]) for f in gold_funding()]
    assert str(ds.links["score"].dtype) == "Float64"


def test_projects_per_district_and_year(ds):
    projects = ds.projects[ds.projects["current"]]
    table = projects.groupby(["region", projects["bewilligungsbeginn"].dt.year], observed=True).size()
    gold = Counter((r["region"], int(r["bewilligungsbeginn"][:4])) for r in gold_sab() if r["region"] and r["bewilligungsbeginn"])
    assert {(region, int(year)): n for (region, year), n in table.items()} == dict(gold)
    # a missing date is NaT, not a made-up value
    assert projects["bewilligungsbeginn"].isna().sum() == sum(1 for r in gold_sab() if not r["bewilligungsbeginn"])


def test_funding_sums_stay_exact(ds):
    total = ds.welcome_center_funding["betrag_eur"].sum()
    assert total == sum(Decimal(f["betrag_eur"]) for f in gold_funding())
    assert isinstance(total, Decimal)


def test_links_join_projects(ds):
    joined = ds.links.merge(ds.projects, left_on=["project_id", "project_source_id"],
                            right_on=["project_id", "source_id"], suffixes=("", "_project"), validate="many_to_one")
    assert len(joined) == len(ds.links)
    got = {(int(r.anlage), int(r.seq_in_anlage)): (int(r.seq), r.relation) for r in joined.itertuples()}
    gold = {(int(g["anlage"]), int(g["seq_in_anlage"])): (int(g["sab_seq"]), g["relation"]) for g in gold_links() if g["relation"]}
    assert got == gold


def test_describe_gives_german_and_english(ds):
    columns = ds.describe("projects")
    assert list(columns.index) == list(TABLES["projects"].model.model_fields)
    row = columns.loc["bewilligungsbeginn"]
    assert (row["dtype"], row["description_de"], row["description_en"]) == (
        "datetime64[ns]", "Bewilligungsbeginn", "Start of approval period")
    with pytest.raises(KeyError, match="projekte"):
        ds.describe("projekte")


def test_one_attribute_per_table():
    assert table_attributes() == tuple(TABLES) == tuple(f.name for f in fields(Tables))


# --------------------------------------------------------------------------
# load, read, write


def test_load_defaults_to_the_clone(ds):
    assert api.CLONE_DATA == CLEAN.resolve()
    assert foerderdaten.load().tables == ds.tables


def test_write_of_a_loaded_dataset_gives_the_same_bytes(ds, tmp_path):
    foerderdaten.write(ds, tmp_path / "again")
    assert files_of(tmp_path / "again") == files_of(CLEAN)


def test_read_write_load_round_trip(tmp_path):
    read = foerderdaten.read([FIXTURES / "sab_2023_plain.pdf", FIXTURES / "landtag_7_16456.pdf"])
    assert len(read.projects) == 134 and len(read.annex_projects) == 28
    assert not (tmp_path / "out").exists()  # read writes nothing
    foerderdaten.write(read, tmp_path / "out")
    loaded = foerderdaten.load(tmp_path / "out")
    assert loaded.tables == read.tables
    for name in TABLES:
        pd.testing.assert_frame_equal(getattr(loaded, name), getattr(read, name))
    assert loaded.projects["bewilligungsende"].iloc[0] == pd.Timestamp(dt.date.fromisoformat(gold_sab()[0]["bewilligungsende"]))


def test_load_refuses_a_folder_no_build_wrote(tmp_path, monkeypatch):
    with pytest.raises(FileNotFoundError, match="no dataset written by foerderdaten"):
        foerderdaten.load(tmp_path)
    monkeypatch.setattr(api, "CLONE_DATA", tmp_path / "data" / "clean")  # as for a pip-installed package
    with pytest.raises(FileNotFoundError, match="an installed package has none"):
        foerderdaten.load()


def test_write_never_replaces_a_folder_it_does_not_own(ds, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "mine.txt").write_text("keep me")
    with pytest.raises(InputError, match="was not written by 'foerderdaten build'"):
        foerderdaten.write(ds, notes)
    assert files_of(notes) == {"mine.txt": b"keep me"}


def test_read_of_a_bad_path_names_it(tmp_path):
    with pytest.raises(InputError) as caught:
        foerderdaten.read(tmp_path / "nothing.pdf")
    assert caught.value.file_name.endswith("nothing.pdf")


# --------------------------------------------------------------------------
# Importing


def test_import_is_light_and_changes_no_global_state():
    script = (
        "import logging, sys; before = dict(logging.root.manager.loggerDict);"
        "import foerderdaten;"
        "heavy = sorted(m for m in ('pandas', 'pyarrow', 'pydantic', 'pdfplumber', 'pdfminer') if m in sys.modules);"
        "print(heavy, dict(logging.root.manager.loggerDict) == before, foerderdaten.__version__)"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split() == ["[]", "True", foerderdaten.__version__]
