"""Publishing: every output format, written from tables built out of the gold values.

``sample_tables()`` turns tests/gold (SAB 2023 projects, the Landtag answer,
the links) into rows of the published models, independent of the PDF
parsers; test_datasette.py and test_overview_browser.py use it too.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import frictionless
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import gold_landtag, gold_links, gold_project_id, gold_projects, gold_sab
from foerderdaten.normalize import vocab
from foerderdaten.publish import write_codebook, write_dataset
from foerderdaten.publish.csv import EXCEL, csv_text
from foerderdaten.publish.serve import datasette_command
from foerderdaten.schemas import TABLES
from foerderdaten.schemas.rows import Tables, table_names
from foerderdaten.schemas.tables import (
    AnnexProject,
    Budget,
    Correction,
    Document,
    Link,
    LinkReview,
    Project,
    QualityIssue,
    Question,
    WelcomeCenter,
    WelcomeCenterFunding,
)

VERSION = "0.1.0-test"
SAB_ID = "sab_regionalbudget_2023"
LANDTAG_ID = "landtag_7_16456"
SAB_FILE = "sab_2023_ruled.pdf"


project_id = gold_project_id


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _documents() -> list[Document]:
    lt = gold_landtag()
    return [
        Document(
            source_id=SAB_ID, kind="sab_overview", file_name=SAB_FILE, sha256="ab" * 32, pages=19,
            title="Fachkräfterichtlinie: Übersicht über beantragte und bewilligte Projekte, Regionalbudget 2023",
            edition="Regionalbudget 2023", stand=dt.date(2023, 12, 31),
            is_reconstruction=True, origin="Sächsische Aufbaubank, https://www.sab.sachsen.de/",
        ),
        Document(
            source_id=LANDTAG_ID, kind="landtag_answer", file_name="landtag_7_16456.pdf", sha256="cd" * 32, pages=6,
            title=f"Drs. {lt['drucksache']}: {lt['thema']}", drucksache=lt["drucksache"], wahlperiode=lt["wahlperiode"],
            nummer=lt["nummer"], thema=lt["thema"], fragesteller=lt["fragesteller"], fraktion=lt["fraktion"],
            ministerium=lt["ministerium"], unterzeichner=lt["signatory"], datum=_date(lt["datum"]),
            aktenzeichen=lt["aktenzeichen"],
        ),
    ]


def _quality(rows: list[dict]) -> list[QualityIssue]:
    """The gold ``notes`` ("tag: detail | tag: detail") as quality issues, plus one without a page."""
    issues = []
    for row in rows:
        for note in filter(None, row["notes"].split(" | ")):
            flag, _, detail = note.partition(":")
            issues.append(QualityIssue(source_id=SAB_ID, table="projects", record=project_id(int(row["seq"])),
                                       page=int(row["page"]), flag=flag.strip(), detail=detail.strip()))
    issues.append(QualityIssue(source_id=LANDTAG_ID, table="welcome_centers", record="*", page=None,
                               flag="count_mismatch", detail="7 established structures, funding rows for 5"))
    return issues


def _corrections(projects: list[Project]) -> list[Correction]:
    return [
        Correction(source_id=SAB_ID, table="projects", record=p.project_id, field="region",
                   raw=p.region_raw, clean=p.region, rule="district_variant")
        for p in projects
        if p.region and p.region != p.region_raw
    ]


def _questions() -> list[Question]:
    lt = gold_landtag()
    answer_of = {}
    for answer in lt["answers"]:
        for nummer in answer["fragen"]:
            answer_of[nummer] = ("\n\n".join(answer["absaetze"]), ",".join(str(n) for n in answer["fragen"]))
    return [
        Question(source_id=LANDTAG_ID, nummer=q["nummer"], frage=q["frage_text"], antwort=answer_of[q["nummer"]][0],
                 beantwortet_mit=answer_of[q["nummer"]][1], page=1)
        for q in lt["questions"]
    ]


def _welcome_centers() -> tuple[list[WelcomeCenter], list[WelcomeCenterFunding]]:
    lt = gold_landtag()
    centers = [
        WelcomeCenter(source_id=LANDTAG_ID, seq=i, name=c["name"], traeger_raw=c["traeger_region_raw"],
                      region=c["region"], kreis_ags=c["kreis_ags"], status=status, page=2)
        for i, (c, status) in enumerate(
            [(c, "etabliert") for c in lt["welcome_centers"]] + [(c, "im_aufbau") for c in lt["welcome_centers_in_aufbau"]],
            start=1,
        )
    ]
    funding = [
        WelcomeCenterFunding(source_id=LANDTAG_ID, seq=i, region_raw=f["region_raw"], region=f["region"],
                             kreis_ags=f["kreis_ags"], betrag_raw=f["betrag_raw"], betrag_eur=Decimal(f["betrag_eur"]),
                             status=status, zeitraum="seit dem Jahr 2016" if status == "etabliert" else None, page=3)
        for i, (f, status) in enumerate(
            [(f, "etabliert") for f in lt["funding_established"]] + [(f, "im_aufbau") for f in lt["funding_in_aufbau"]],
            start=1,
        )
    ]
    return centers, funding


def _annex_and_links() -> tuple[list[AnnexProject], list[Link], list[LinkReview]]:
    annex = [
        AnnexProject(source_id=LANDTAG_ID, anlage=a["anlage"], bewilligungsjahr=a["bewilligungsjahr"],
                     seq_in_anlage=a["seq_in_anlage"], page=4 + a["anlage"], zuwendungsempfaenger=a["zuwendungsempfaenger"],
                     projekttitel=a["projekttitel"], zielgruppe=a["zielgruppe"], kurzbeschreibung=a["kurzbeschreibung"])
        for a in gold_landtag()["anlagen"]
    ]
    links, review = [], []
    for g in gold_links():
        key = dict(source_id=LANDTAG_ID, anlage=int(g["anlage"]), seq_in_anlage=int(g["seq_in_anlage"]))
        if g["relation"]:
            links.append(Link(**key, project_id=project_id(int(g["sab_seq"])), project_source_id=SAB_ID, relation=g["relation"],
                              score=97.5, evidence=g["note"]))
        elif g["related_sab_seq"]:
            review.append(LinkReview(**key, project_id=project_id(int(g["related_sab_seq"])), project_source_id=SAB_ID, score=61.25,
                                     reason="title differs", evidence=g["note"]))
    return annex, links, review


def sample_tables() -> Tables:
    """Every published table, filled from the gold values."""
    gold = gold_sab()
    projects = gold_projects(SAB_ID)
    centers, funding = _welcome_centers()
    annex, links, review = _annex_and_links()
    lt = gold_landtag()
    return Tables(
        documents=_documents(),
        projects=projects,
        corrections=_corrections(projects),
        quality=_quality(gold),
        questions=_questions(),
        welcome_centers=centers,
        welcome_center_funding=funding,
        budget=[Budget(source_id=LANDTAG_ID, jahr=b["jahr"], betrag_raw=b["betrag_raw"],
                       betrag_eur=Decimal(b["betrag_eur"])) for b in lt["budget"]],
        annex_projects=annex,
        links=links,
        link_review=review,
        districts=vocab.districts(),
        district_variants=vocab.district_variants(),
        rl_categories=vocab.rl_categories(),
        vorhabensart_variants=vocab.vorhabensart_variants(),
    )


def files_of(directory: Path) -> dict[str, bytes]:
    return {p.relative_to(directory).as_posix(): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean")
    write_dataset(sample_tables(), out, version=VERSION)
    return out


# --------------------------------------------------------------------------
# Determinism and completeness


def test_same_tables_give_identical_bytes(published, tmp_path):
    again = tmp_path / "again"
    again.mkdir()
    write_dataset(sample_tables(), again, version=VERSION)
    first, second = files_of(published), files_of(again)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert different == []


def test_identical_bytes_across_processes(published, tmp_path):
    """A fresh interpreter with another hash seed (set order!) writes the same bytes."""
    out = tmp_path / "other"
    out.mkdir()
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "from test_publish import sample_tables, VERSION; from foerderdaten.publish import write_dataset;"
        "write_dataset(sample_tables(), Path(sys.argv[2]), version=VERSION)"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), str(out)], env=env, check=True,
                   timeout=300)
    first, second = files_of(published), files_of(out)
    assert [name for name in first if first[name] != second.get(name)] == []


def test_every_table_in_every_format(published):
    names = set(files_of(published))
    for table in TABLES:
        assert {f"{table}.parquet", f"{table}.csv", f"excel/{table}.csv"} <= names
    assert {"datapackage.json", "foerderdaten.db", "metadata.json", "CODEBOOK.md", "QUALITY.md", "overview.html"} <= names


def test_no_machine_paths_in_outputs(published):
    for name, data in files_of(published).items():
        assert str(published).encode() not in data, name
        assert b"/tmp/" not in data, name


# --------------------------------------------------------------------------
# Parquet


def test_parquet_types_and_values(published):
    projects = pq.read_table(published / "projects.parquet")
    schema = projects.schema
    assert schema.field("bewilligungsbeginn").type == pa.date32()
    assert schema.field("gesteuerte_zuwanderung").type == pa.bool_()
    assert schema.field("rl_nr").type == pa.int16()
    assert schema.field("seq").type == pa.int32()
    assert schema.field("projekttitel").type == pa.string()
    assert schema.field("rl_nr").nullable and not schema.field("seq").nullable
    assert projects.num_rows == 134
    first = projects.slice(0, 1).to_pylist()[0]
    assert first["bewilligungsbeginn"] == dt.date(2022, 11, 17)
    assert first["kreis_ags"] == "14612"
    assert projects.column("rl_nr").null_count == 1  # seq 133 has no number

    funding = pq.read_table(published / "welcome_center_funding.parquet")
    assert funding.schema.field("betrag_eur").type == pa.decimal128(14, 2)
    assert funding.column("betrag_eur").to_pylist()[0] == Decimal("285563.71")


def test_parquet_long_tables_in_row_groups(tmp_path, monkeypatch):
    """A table is converted and written in row groups of ``ROW_GROUP_ROWS``
    rows, so writing it never holds all its Arrow buffers at once; a table
    of no more rows (every bundled one) is one group, the bytes
    ``pq.write_table`` writes, and a longer one reads back the same."""
    from foerderdaten.publish import parquet
    from foerderdaten.publish.dataset import Source

    spec, rows = TABLES["projects"], gold_projects(SAB_ID)
    sources = [Source(source_id=SAB_ID, title="t", file_name="f.pdf", sha256="0" * 64)]
    schema = parquet.arrow_schema(spec, version=VERSION, sources=sources)
    whole = parquet.arrow_table(schema, rows)
    pq.write_table(whole, tmp_path / "at_once.parquet", **parquet._WRITE_OPTIONS)
    parquet.write_parquet(spec, rows, tmp_path / "one_group.parquet", version=VERSION, sources=sources)
    assert (tmp_path / "one_group.parquet").read_bytes() == (tmp_path / "at_once.parquet").read_bytes()

    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 50)
    parquet.write_parquet(spec, rows, tmp_path / "groups.parquet", version=VERSION, sources=sources)
    assert pq.ParquetFile(tmp_path / "groups.parquet").num_row_groups == 3  # 134 rows
    assert pq.read_table(tmp_path / "groups.parquet").equals(whole)
    parquet.write_parquet(spec, [], tmp_path / "empty.parquet", version=VERSION, sources=sources)
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0


def test_parquet_metadata(published):
    schema = pq.read_schema(published / "projects.parquet")
    meta = {k.decode(): v.decode() for k, v in schema.metadata.items()}
    assert "pandas" not in meta  # no index column, no pandas round-trip info
    assert meta["version"] == VERSION
    assert meta["description"].startswith("Eine Zeile je Projekt")
    assert json.loads(meta["sources"]) == [
        {"title": _documents()[0].title, "file_name": SAB_FILE, "sha256": "ab" * 32,
         "is_reconstruction": True, "original_url": None}  # pages refer to the bundled reconstruction
    ]
    field_meta = schema.field("kreis_ags").metadata
    assert field_meta[b"description"] == "Kreisschlüssel zu region".encode()
    assert field_meta[b"description_en"] == b"District key for region"


# --------------------------------------------------------------------------
# CSV


def test_plain_csv(published):
    data = (published / "welcome_center_funding.csv").read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert rows[0]["betrag_eur"] == "285563.71"
    assert rows[-1]["zeitraum"] == ""  # None -> empty

    projects = list(csv.DictReader(io.StringIO((published / "projects.csv").read_text(encoding="utf-8"))))
    assert len(projects) == 134
    assert projects[0]["bewilligungsbeginn"] == "2022-11-17"
    assert {p["gesteuerte_zuwanderung"] for p in projects} == {"true", "false"}
    assert projects[0]["kurzbeschreibung"] == gold_sab()[0]["kurzbeschreibung"]  # commas survive quoting

    questions = list(csv.DictReader(io.StringIO((published / "questions.csv").read_text(encoding="utf-8"))))
    assert "\n\n" in questions[0]["antwort"]  # paragraphs inside a quoted field


def test_excel_csv(published):
    data = (published / "excel" / "welcome_center_funding.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    lines = text.split("\r\n")
    # German labels, readable columns first
    assert lines[0].startswith("Kreis;Betrag (Euro);Status;Zeitraum;Betrag (wie gedruckt);")
    assert lines[-1] == ""  # every line ends in CRLF
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0]["Betrag (Euro)"] == "285563,71"

    projects = list(csv.DictReader(io.StringIO((published / "excel" / "projects.csv").read_bytes()[3:].decode(), newline=""),
                                   delimiter=";"))
    header = list(projects[0])
    assert header[:6] == ["Kreis", "Projektträger", "Projekttitel", "Bewilligungsbeginn", "Bewilligungsende", "Fördergegenstand"]
    assert header[-3:] == ["Quelldokument", "Zeile im Dokument", "Lage auf der Seite (pt)"]  # technical last
    assert "Durchführungsort" in header and "Kreisschlüssel" in header and "Quelle, Seite" in header
    assert projects[0]["Bewilligungsbeginn"] == "17.11.2022"
    assert projects[0]["Stand"] == "31.12.2023"
    assert projects[0]["Projektträger"] == gold_sab()[0]["projekttraeger"]
    assert {p["gesteuerte Zuwanderung"] for p in projects} == {"ja", "nein"}
    # the plain CSV keeps the machine names and order (public interface)
    plain_header = (published / "projects.csv").read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    assert plain_header == list(TABLES["projects"].model.model_fields)


def test_excel_csv_defuses_formulas():
    spec = TABLES["budget"]
    row = Budget(source_id="x", jahr=2024, betrag_raw="=1+1", betrag_eur=Decimal("-5"))
    text = csv_text(spec, [row], EXCEL)
    assert "'=1+1" in text  # shown as text, not run
    assert ";-5,00" in text  # numbers keep their sign


# --------------------------------------------------------------------------
# Data package


def test_datapackage_validates_with_foreign_keys(published):
    package = json.loads((published / "datapackage.json").read_text(encoding="utf-8"))
    assert package["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert [s["sha256"] for s in package["sources"]] == ["ab" * 32, "cd" * 32]
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == list(TABLES)
    links = resources["links"]["schema"]
    # one row per project per edition: a link names the project and the edition's row
    assert {"fields": ["project_id", "project_source_id"],
            "reference": {"resource": "projects", "fields": ["project_id", "source_id"]}} in links["foreignKeys"]
    field = next(f for f in resources["projects"]["schema"]["fields"] if f["name"] == "kreis_ags")
    assert field["description_en"] == "District key for region"

    report = frictionless.validate(published / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "type", "note"])
    assert report.stats["tasks"] == len(TABLES)


def test_datapackage_validation_catches_broken_foreign_key(published, tmp_path):
    copy = tmp_path / "pkg"
    shutil.copytree(published, copy)
    links = copy / "links.csv"
    links.write_text(links.read_text(encoding="utf-8").replace(project_id(28), "p_ffffffffffff"), encoding="utf-8")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == "links":  # the edit is deliberate; only the key should fail
            resource["hash"] = "sha256:" + hashlib.sha256(links.read_bytes()).hexdigest()
            resource["bytes"] = links.stat().st_size
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")

    report = frictionless.validate(copy / "datapackage.json")
    assert not report.valid
    assert {e[0] for e in report.flatten(["type"])} == {"foreign-key"}


# --------------------------------------------------------------------------
# SQLite and Datasette metadata


def test_sqlite_tables_keys_and_types(published):
    db = sqlite3.connect(published / "foerderdaten.db")
    try:
        info = {row[1]: row for row in db.execute("PRAGMA table_info(projects)")}
        assert info["project_id"][2] == "TEXT" and info["project_id"][5] == 1  # primary key
        assert info["seq"][2] == "INTEGER" and info["seq"][3] == 1  # NOT NULL
        assert info["rl_nr"][3] == 0
        assert db.execute("SELECT count(*) FROM projects").fetchone() == (134,)
        assert db.execute("SELECT bewilligungsbeginn, gesteuerte_zuwanderung FROM projects WHERE seq = 1").fetchone() == (
            "2022-11-17", 0)
        assert db.execute("SELECT betrag_eur, typeof(betrag_eur) FROM welcome_center_funding WHERE seq = 1").fetchone() == (
            "285563.71", "text")

        fks = db.execute("PRAGMA foreign_key_list(links)").fetchall()
        composite = [fk for fk in fks if fk[2] == "annex_projects"]
        assert [(fk[3], fk[4]) for fk in composite] == [
            ("source_id", "source_id"), ("anlage", "anlage"), ("seq_in_anlage", "seq_in_anlage")]
        assert any(fk[2] == "projects" and fk[3] == "project_id" for fk in fks)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT count(*) FROM districts").fetchone() == (13,)
    finally:
        db.close()


def test_sqlite_full_text_search(published):
    db = sqlite3.connect(published / "foerderdaten.db")
    try:
        db.execute("INSERT INTO projects_fts(projects_fts) VALUES ('integrity-check')")  # index matches the rows
        hits = db.execute(
            "SELECT p.seq FROM projects_fts JOIN projects p ON p.rowid = projects_fts.rowid "
            "WHERE projects_fts MATCH 'Pflege' ORDER BY p.seq"
        ).fetchall()
        assert (5,) in hits  # "Arbeiten und Leben in der Pflege"
        assert db.execute("SELECT count(*) FROM questions_fts WHERE questions_fts MATCH 'Welcome'").fetchone()[0] >= 1
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {f"{name}_fts" for name, spec in TABLES.items() if spec.search_columns} <= tables
    finally:
        db.close()


def test_datasette_metadata(published):
    meta = json.loads((published / "metadata.json").read_text(encoding="utf-8"))
    assert meta["license"] == "CC-BY-4.0"
    projects = meta["databases"]["foerderdaten"]["tables"]["projects"]
    assert projects["facets"] == ["region", "vorhabensart", "gesteuerte_zuwanderung", "edition"]
    assert projects["columns"]["kreis_ags"].startswith("Kreisschlüssel zu region — District key for region")
    assert "bewilligungsbeginn" in projects["sortable_columns"]
    assert "kurzbeschreibung" not in projects["sortable_columns"]
    assert "betrag_eur" not in meta["databases"]["foerderdaten"]["tables"]["budget"]["sortable_columns"]


def test_serve_only_on_loopback(tmp_path):
    command = datasette_command(tmp_path / "foerderdaten.db", "127.0.0.1", 8123)
    assert command[1:4] == ["-m", "datasette", "serve"]
    assert ["--host", "127.0.0.1", "--port", "8123"] == command[-4:]
    with pytest.raises(ValueError):
        datasette_command(tmp_path / "foerderdaten.db", "0.0.0.0", 8123)


# --------------------------------------------------------------------------
# Codebook and quality report


def test_codebook(published, tmp_path):
    path = tmp_path / "CODEBOOK.md"
    write_codebook(path, sample_tables())
    text = path.read_text(encoding="utf-8")
    assert text == (published / "CODEBOOK.md").read_text(encoding="utf-8")
    for name, spec in TABLES.items():
        assert f"### `{name}`" in text
        for column in spec.model.model_fields:
            assert f"| `{column}` |" in text
    assert "| `14612` | Dresden |" in text
    assert "| 7 | Anwerbung und/oder Begleitung ausländischer Fachkräfte |" in text
    assert "`1,2,3`" in text
    assert "(normalisiert: `region`)" in text and "(normalisiert: `betrag_eur`)" in text
    # example value: the first non-empty value of the column
    assert "| `betrag_eur` | Dezimalzahl (14,2) | Betrag in Euro (exakte Dezimalzahl) | Amount in euro (exact decimal) | 285563.71 |" in text


def test_quality_report(published):
    text = (published / "QUALITY.md").read_text(encoding="utf-8")
    issues = _quality(gold_sab())
    assert f"{len(issues)} Einträge" in text
    count = sum(1 for i in issues if i.flag == "duplicate_description")
    assert (f"| [Kopierte Kurzbeschreibung](#kopierte-kurzbeschreibung-duplicate_description) "
            f"| `duplicate_description` | {count} |") in text
    assert "## Kopierte Kurzbeschreibung (`duplicate_description`)" in text
    assert "in die falsche Zeile kopiert" in text  # each kind says what it means
    # ordered by importance: end before begin first, spelling variants last
    order = [text.index(f"(`{flag}`)\n") for flag in ("end_before_begin", "duplicate_description", "missing_fields", "region_variant")]
    assert order == sorted(order)
    assert "Nachbauten der Originale" in text  # pages refer to the bundled reconstruction
    # seq 64: end before begin, linked to its PDF page, with title and recipient
    row = next(r for r in gold_sab() if r["seq"] == "64")
    line = next(line for line in text.splitlines() if project_id(64) in line and "end" in line)
    label = SAB_FILE.replace("_", "\\_")  # Markdown-escaped
    assert f"[{label}, S. {row['page']}](../raw/{SAB_FILE}#page={row['page']})" in line
    assert row["projekttitel"] in line
    assert "S. –" in text  # an issue without a page


def test_empty_tables_still_publish_a_valid_package(tmp_path):
    write_dataset(Tables(documents=_documents()), tmp_path, version=VERSION)
    assert (tmp_path / "projects.csv").read_text(encoding="utf-8").startswith("project_id,source_id,")
    assert pq.read_table(tmp_path / "projects.parquet").num_rows == 0
    assert "Keine Auffälligkeiten" in (tmp_path / "QUALITY.md").read_text(encoding="utf-8")
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "type", "note"])


def test_the_dataset_holds_exactly_the_contract_tables():
    assert table_names() == tuple(TABLES)
    for name in TABLES:  # each list is typed with the table's row model
        assert Tables.__dataclass_fields__[name].type == f"list[{TABLES[name].model.__name__}]"
    with pytest.raises(TypeError):
        Tables(projekte=[])  # type: ignore[call-arg]
