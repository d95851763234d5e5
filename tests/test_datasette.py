"""Datasette on the published SQLite file: full-text search through its JSON API.

Starts the real server (``foerderdaten.publish.serve.start``) on a free
loopback port, waits a bounded time for it, and always stops it.
"""

from __future__ import annotations

import socket
import subprocess
import time

import httpx
import pytest

from foerderdaten.publish import DB_FILE_NAME, write_dataset
from foerderdaten.publish.serve import start
from test_publish import VERSION, project_id, sample_tables

STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(process: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"datasette exited with {process.returncode}: {process.stderr.read()[-2000:]}")
        try:
            if httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"datasette did not answer within {STARTUP_SECONDS} s")


@pytest.fixture(scope="module")
def datasette(tmp_path_factory):
    out = tmp_path_factory.mktemp("clean")
    write_dataset(sample_tables(), out, version=VERSION)
    port = free_port()
    process = start(out / DB_FILE_NAME, "127.0.0.1", port, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_up(process, base)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def get_json(url: str):
    response = httpx.get(url, timeout=10)
    assert response.status_code == 200, response.text[:500]
    return response.json()


def test_full_text_search_finds_the_project(datasette):
    rows = get_json(f"{datasette}/foerderdaten/projects.json?_search=Pflege&_shape=array")
    ids = {row["project_id"] for row in rows}
    assert project_id(5) in ids  # "Arbeiten und Leben in der Pflege, Teil 4b"
    assert 0 < len(rows) < 134
    row = next(r for r in rows if r["project_id"] == project_id(5))
    assert row["projekttitel"].startswith("Arbeiten und Leben in der Pflege")


def test_search_in_answers(datasette):
    rows = get_json(f"{datasette}/foerderdaten/questions.json?_search=Fachkräfteallianz&_shape=array")
    # the joint answer to 1-3 (once per question), and answer 4 with the plural
    # "Fachkräfteallianzen": the index matches inside words
    assert sorted(r["beantwortet_mit"] for r in rows) == ["1,2,3", "1,2,3", "1,2,3", "4"]


def test_metadata_is_served(datasette):
    meta = get_json(f"{datasette}/-/metadata.json")
    assert meta["license"] == "CC-BY-4.0"
    page = httpx.get(f"{datasette}/foerderdaten/projects", timeout=10).text
    assert "Kreisschlüssel zu region" in page  # column description from the models
    facets = get_json(f"{datasette}/foerderdaten/projects.json?_shape=objects")["facet_results"]
    assert "region" in facets


def test_canned_query_sums_funding(datasette):
    rows = get_json(f"{datasette}/foerderdaten/welcome_center_foerderung_je_kreis.json?_shape=array")
    assert rows[0] == {"region": "Zwickau", "kreis_ags": "14524", "status": "etabliert", "betrag_eur": "716830.20"}


# --------------------------------------------------------------------------
# Hostile requests (the plugin in publish/datasette_plugins/guard.py)


@pytest.mark.parametrize("path", [
    "/nowhere", "/foerderdaten/nowhere.json", "/foerderdaten/projects.json?_sort=nowhere",
    "/foerderdaten.db/nowhere", "/foerderdaten.json/nowhere", "/-/static-plugins/x/y",
])
def test_unknown_paths_are_not_found(datasette, path):
    assert httpx.get(f"{datasette}{path}", timeout=10).status_code == 404


def test_a_query_cannot_take_the_memory(datasette):
    response = httpx.get(f"{datasette}/foerderdaten.json", params={"sql": "select zeroblob(200000000)"}, timeout=30)
    assert response.status_code == 400
    assert "too big" in response.text and len(response.content) < 10_000


def test_host_header_must_be_loopback(datasette):
    port = datasette.rsplit(":", 1)[1]
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"):
        assert httpx.get(f"{datasette}/-/versions.json", headers={"Host": host}, timeout=10).status_code == 200
    rebound = httpx.get(f"{datasette}/-/versions.json", headers={"Host": f"attacker.example:{port}"}, timeout=10)
    assert rebound.status_code == 421
# German compounds, readable views, Excel files


def gold_matches(term: str) -> set[int]:
    """SAB rows whose searched columns contain ``term`` anywhere, ignoring case."""
    from conftest import gold_sab
    from foerderdaten.schemas import TABLES

    columns = TABLES["projects"].search_columns
    return {int(r["seq"]) for r in gold_sab() if any(term.lower() in r[c].lower() for c in columns)}


def test_search_matches_inside_german_compounds(datasette):
    expected = gold_matches("Pflege")
    assert len(expected) == 9  # Pflegeberufe (57), Pflegelotsen (71), denkmalPflege (39), Pflegen (34) …
    for term in ("Pflege", "pflege"):
        rows = get_json(f"{datasette}/foerderdaten/projects.json?_search={term}&_shape=array&_size=max")
        assert {r["seq"] for r in rows} == expected
    rows = get_json(f"{datasette}/foerderdaten/projects.json?_search=lotsen&_shape=array")
    assert {r["seq"] for r in rows} == gold_matches("lotsen") == {71, 109}  # "Pflegelotsen" and "Lotsen"


def test_readable_projects_view(datasette):
    data = get_json(f"{datasette}/foerderdaten/projekte.json?_shape=objects&_size=max")
    assert data["columns"][:6] == ["Kreis", "Projektträger", "Projekttitel", "Bewilligungsbeginn", "Bewilligungsende",
                                   "Fördergegenstand"]
    assert data["columns"][-4:-1] == ["Quelldokument", "Zeile im Dokument", "Lage auf der Seite (pt)"]
    rows = data["rows"]
    assert len(rows) == 134
    assert {r["gesteuerte Zuwanderung"] for r in rows} == {"ja", "nein"}
    # a year facet, counting projects by the year their approval began
    facet = data["facet_results"]["Jahr"]["results"]
    years = {f["value"]: f["count"] for f in facet}
    expected: dict[int, int] = {}
    for r in gold_sab_rows():
        if r["bewilligungsbeginn"]:
            year = int(r["bewilligungsbeginn"][:4])
            expected[year] = expected.get(year, 0) + 1
    assert years == expected
    # search works on the view through the table's index
    found = get_json(f"{datasette}/foerderdaten/projekte.json?_search=Pflege&_shape=array&_size=max")
    assert {r["Zeile im Dokument"] for r in found} == gold_matches("Pflege")


def gold_sab_rows():
    from conftest import gold_sab

    return gold_sab()


def test_amounts_sort_as_numbers(datasette):
    rows = get_json(f"{datasette}/foerderdaten/welcome_center_foerderung.json?_sort=Betrag+(Euro)&_shape=array")
    amounts = [r["Betrag (Euro)"] for r in rows]
    assert amounts == sorted(amounts)
    assert amounts[0] == 61110.0  # Görlitz; text order would put it after 499660.00


def test_excel_csv_is_offered(datasette):
    page = httpx.get(f"{datasette}/foerderdaten/projects", timeout=10).text
    assert 'href="/excel/projects.csv"' in page
    response = httpx.get(f"{datasette}/excel/projects.csv", timeout=10)
    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbfKreis;Projekttr\xc3\xa4ger;")


def test_column_descriptions_are_folded_below_the_title(datasette, chromium):
    """In a real browser: the 24 descriptions no longer stand above the search box."""
    from browser import run_chromium
    from foerderdaten.schemas import TABLES

    count = len(TABLES["projects"].model.model_fields)
    dom = run_chromium(chromium, "--dump-dom", f"{datasette}/foerderdaten/projects")
    fold = dom.index('<details class="column-descriptions-fold">')
    assert f"<summary>Spaltenbeschreibungen ({count})</summary>" in dom
    assert dom.index('<dl class="column-descriptions">') > fold  # the list is inside the closed fold
    assert "Kreisschlüssel zu region" in dom  # still there, one click away
