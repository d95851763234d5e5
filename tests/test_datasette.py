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
    assert {r["beantwortet_mit"] for r in rows} == {"1,2,3"}  # the joint answer, once per question


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
