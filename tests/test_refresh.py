"""``foerderdaten fetch`` and ``refresh`` against a real HTTP server on 127.0.0.1.

The ``site`` fixture serves files from a temporary folder with ETag and
Last-Modified (answering 304 to a matching conditional request) and can be
told to misbehave on a path: a 500 error, a truncated body, an HTML error
page with status 200, a redirect loop, a slow answer. Nothing here touches
the internet.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from conftest import FIXTURES
from editions import ADDED, CHANGED, REMOVED, render_sab_edition, second_edition_rows

SLOW_SECONDS = 3.0  # the slow fault answers after this long; the client's timeout is shorter
CLIENT_TIMEOUT = 0.5
LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


# --------------------------------------------------------------------------
# The loopback site


@dataclass
class Site:
    """Files under ``root`` served at ``url``; ``faults`` maps a path to a misbehaviour."""

    root: Path
    url: str = ""
    faults: dict[str, str] = field(default_factory=dict)
    log: list[tuple[str, int]] = field(default_factory=list)  # (path, status) of every answer
    hits: dict[str, int] = field(default_factory=dict)

    def put(self, name: str, data: bytes) -> str:
        (self.root / name).write_bytes(data)
        return f"{self.url}/{name}"

    def listing(self, links: dict[str, str]) -> None:
        """index.html linking ``links`` (address -> sentence around the link), SAB style."""
        items = "".join(f'<li>{text} finden Sie <a href="{href}">hier</a> (PDF)</li>' for href, text in links.items())
        self.put("index.html", f"<html><body><h1>Fachkräfterichtlinie</h1><ul>{items}</ul></body></html>".encode())


class _Handler(BaseHTTPRequestHandler):
    site: Site  # set on the subclass made per server

    def log_message(self, *_args) -> None:  # keep the test output clean
        pass

    def _answer(self, status: int, body: bytes = b"", headers: dict | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if "Content-Length" not in (headers or {}):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.site.log.append((self.path, status))

    def do_GET(self) -> None:  # the name http.server calls
        site, path = self.site, self.path
        site.hits[path] = site.hits.get(path, 0) + 1
        fault = site.faults.get(path)
        if fault == "500" or (fault == "500_once" and site.hits[path] == 1):
            return self._answer(500, b"Internal Server Error")
        if fault == "html":
            return self._answer(200, b"<html><body>Die Seite ist nicht verfuegbar</body></html>", {"Content-Type": "text/html"})
        if fault == "loop":
            return self._answer(302, headers={"Location": path})
        if fault == "slow":
            time.sleep(SLOW_SECONDS)
        file = site.root / path.lstrip("/")
        if not file.is_file():
            return self._answer(404, b"not found")
        data = file.read_bytes()
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        headers = {"ETag": etag, "Last-Modified": LAST_MODIFIED,
                   "Content-Type": "text/html" if file.suffix == ".html" else "application/pdf"}
        if self.headers.get("If-None-Match") == etag:
            return self._answer(304, headers={"ETag": etag, "Content-Length": "0"})
        if fault == "truncate":  # announce the whole file, send half, hang up
            headers["Content-Length"] = str(len(data))
            self._answer(200, data[: len(data) // 2], headers)
            self.close_connection = True
            return
        self._answer(200, data, headers)


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Site]:
    """One server for the module (threads answer in parallel); ``site`` resets it per test."""
    site = Site(tmp_path_factory.mktemp("site"))
    handler = type("Handler", (_Handler,), {"site": site})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    site.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def site(server) -> Site:
    """The server as SAB and the Landtag had it at the end of 2023, without faults."""
    server.faults.clear()
    server.log.clear()
    server.hits.clear()
    for path in server.root.iterdir():
        path.unlink()
    publish_2023(server)
    return server


# --------------------------------------------------------------------------
# Helpers


def sources_file(folder: Path, site: Site, *, listing: str = "/index.html", landtag: str = "/drs_7_16456.pdf",
                 match: str = "Regionalbudget") -> Path:
    path = folder / "sources.toml"
    path.write_text(
        f"""[fetch]
timeout = {CLIENT_TIMEOUT}
retries = 1
backoff = 0
max_redirects = 3
max_megabytes = 5

[[source]]
id = "sab_fachkraefterichtlinie"
kind = "sab_overview"
listing = "{site.url}{listing}"
match = "{match}"

[[source]]
id = "landtag_7_16456"
kind = "landtag_answer"
url = "{site.url}{landtag}"
""",
        encoding="utf-8",
    )
    return path


def run(command: str, sources: Path, raw: Path, out: Path | None = None) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "foerderdaten", command, "--sources", str(sources), "--raw", str(raw)]
    if out is not None:
        args += ["--out", str(out)]
    return subprocess.run(args, capture_output=True, text=True, timeout=600)


def snapshot(*folders: Path) -> dict[str, bytes]:
    """Every file under the folders with its bytes (a missing folder is empty)."""
    return {str(p): p.read_bytes() for folder in folders if folder.exists() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sab_2024(tmp_path_factory) -> bytes:
    return render_sab_edition(tmp_path_factory.mktemp("edition") / "sab_2024.pdf", second_edition_rows()).read_bytes()


SAB_2023 = (FIXTURES / "sab_2023_ruled.pdf").read_bytes()
LANDTAG = (FIXTURES / "landtag_7_16456.pdf").read_bytes()


def publish_2023(site: Site) -> None:
    site.put("Uebersicht_Regionalbudget_2023.pdf", SAB_2023)
    site.put("drs_7_16456.pdf", LANDTAG)
    site.listing({"/Uebersicht_Regionalbudget_2023.pdf": "Projekte im Regionalbudget 2023"})


def publish_2024(site: Site, sab_2024: bytes) -> None:
    site.put("Uebersicht_Regionalbudget_2024.pdf", sab_2024)
    site.listing({"/Uebersicht_Regionalbudget_2023.pdf": "Projekte im Regionalbudget 2023",
                  "/Uebersicht_Regionalbudget_2024.pdf": "Projekte im Regionalbudget 2024"})


@pytest.fixture(scope="module")
def baseline(server, tmp_path_factory) -> tuple[Path, Path]:
    """A first refresh from nothing (built once per module): (raw folder, out folder)."""
    folder = tmp_path_factory.mktemp("baseline")
    publish_2023(server)
    raw, out = folder / "raw", folder / "clean"
    result = run("refresh", sources_file(folder, server), raw, out)
    assert result.returncode == 0, result.stderr
    return raw, out


@pytest.fixture
def refreshed(baseline, site, tmp_path) -> tuple[Path, Path, Path]:
    """A copy of the first refresh for one test: (sources file, raw folder, out folder)."""
    raw, out = tmp_path / "raw", tmp_path / "clean"
    shutil.copytree(baseline[0], raw)
    shutil.copytree(baseline[1], out)
    return sources_file(tmp_path, site), raw, out


# --------------------------------------------------------------------------
# The whole story: from nothing, a second edition, nothing new


def test_refresh_builds_the_dataset_from_nothing(baseline):
    raw, out = baseline
    assert sorted(p.name for p in raw.iterdir()) == ["Uebersicht_Regionalbudget_2023.pdf", "drs_7_16456.pdf", "manifest.json"]
    manifest = {e["file_name"]: e for e in json.loads((raw / "manifest.json").read_text(encoding="utf-8"))["files"]}
    sab = manifest["Uebersicht_Regionalbudget_2023.pdf"]
    assert sab["source_id"] == "sab_fachkraefterichtlinie" and sab["kind"] == "sab_overview"
    assert sab["url"].endswith("/Uebersicht_Regionalbudget_2023.pdf")
    assert sab["sha256"] == hashlib.sha256(SAB_2023).hexdigest() and sab["size"] == len(SAB_2023)
    assert sab["etag"].startswith('"') and sab["last_modified"] == LAST_MODIFIED
    assert sab["retrieved_at"].endswith("Z") and sab["reconstruction"] is False
    assert manifest["drs_7_16456.pdf"]["kind"] == "landtag_answer"
    projects = pd.read_parquet(out / "projects.parquet")
    assert len(projects) == 134 and projects["current"].all()
    assert len(pd.read_parquet(out / "changes.parquet")) == 0


def test_second_edition_and_nothing_new(site, refreshed, sab_2024):
    sources, raw, out = refreshed
    publish_2024(site, sab_2024)
    result = run("refresh", sources, raw, out)
    assert result.returncode == 0, result.stderr
    assert "Uebersicht_Regionalbudget_2024.pdf" in result.stdout
    assert f"{len(ADDED)} added, {len(REMOVED)} removed, {len(CHANGED)} changed" in result.stdout
    # the unchanged files were asked for conditionally and not sent again
    assert ("/Uebersicht_Regionalbudget_2023.pdf", 304) in site.log and ("/drs_7_16456.pdf", 304) in site.log

    projects = pd.read_parquet(out / "projects.parquet")
    per_edition = projects.groupby("source_id").size().to_dict()
    assert per_edition == {"sab_regionalbudget_2023": 134, "sab_regionalbudget_2024": 134 - len(REMOVED) + len(ADDED)}
    assert set(projects[projects["current"]]["source_id"]) == {"sab_regionalbudget_2024"}
    changes = pd.read_parquet(out / "changes.parquet")
    assert changes.groupby("change")["project_id"].nunique().to_dict() == {
        "added": len(ADDED), "removed": len(REMOVED), "changed": len(CHANGED)}
    assert set(changes["previous_source_id"]) == {"sab_regionalbudget_2023"}
    assert "Regionalbudget 2024" in (out / "CHANGES.md").read_text(encoding="utf-8")

    # nothing new: nothing changes, byte for byte
    before = snapshot(raw, out)
    result = run("refresh", sources, raw, out)
    assert result.returncode == 0, result.stderr
    assert "nothing new" in result.stdout
    assert snapshot(raw, out) == before


def test_fetch_alone_downloads_into_raw(site, tmp_path):
    raw = tmp_path / "raw"
    result = run("fetch", sources_file(tmp_path, site), raw)
    assert result.returncode == 0, result.stderr
    assert (raw / "Uebersicht_Regionalbudget_2023.pdf").read_bytes() == SAB_2023
    assert run("fetch", sources_file(tmp_path, site), raw).stdout.strip() == "nothing new"


def test_new_content_under_a_known_name_is_a_new_file(site, refreshed, sab_2024):
    sources, raw, _ = refreshed
    site.put("Uebersicht_Regionalbudget_2023.pdf", sab_2024)  # the address now serves other content
    result = run("fetch", sources, raw)
    assert result.returncode == 0, result.stderr
    assert (raw / "Uebersicht_Regionalbudget_2023.pdf").read_bytes() == SAB_2023  # the edition stays
    kept = raw / f"Uebersicht_Regionalbudget_2023_{hashlib.sha256(sab_2024).hexdigest()[:8]}.pdf"
    assert kept.read_bytes() == sab_2024
    assert len(json.loads((raw / "manifest.json").read_text(encoding="utf-8"))["files"]) == 3


def test_a_transient_server_error_is_retried(site, refreshed, sab_2024):
    sources, raw, _ = refreshed
    publish_2024(site, sab_2024)
    site.faults["/Uebersicht_Regionalbudget_2024.pdf"] = "500_once"
    result = run("fetch", sources, raw)
    assert result.returncode == 0, result.stderr
    assert site.hits["/Uebersicht_Regionalbudget_2024.pdf"] == 2
    assert (raw / "Uebersicht_Regionalbudget_2024.pdf").read_bytes() == sab_2024


# --------------------------------------------------------------------------
# Faults: one line per failed source, both folders untouched

FAULTS = {
    # name: (path, fault, what the error line says)
    "server_error": ("/Uebersicht_Regionalbudget_2024.pdf", "500", "server error HTTP 500"),
    "truncated": ("/Uebersicht_Regionalbudget_2024.pdf", "truncate", "download incomplete"),
    "html_error_page": ("/Uebersicht_Regionalbudget_2024.pdf", "html", "not a PDF (served as text/html)"),
    "redirect_loop": ("/Uebersicht_Regionalbudget_2024.pdf", "loop", "redirects (a redirect loop?)"),
    "slow_server": ("/Uebersicht_Regionalbudget_2024.pdf", "slow", "(timeout)"),
    "listing_down": ("/index.html", "500", "server error HTTP 500"),
}


@pytest.mark.parametrize("name", sorted(FAULTS))
def test_fault_leaves_raw_and_clean_untouched(site, refreshed, sab_2024, name):
    sources, raw, out = refreshed
    publish_2024(site, sab_2024)
    path, fault, reason = FAULTS[name]
    site.faults[path] = fault
    before = snapshot(raw, out)
    result = run("refresh", sources, raw, out)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: sab_fachkraefterichtlinie: ") and reason in lines[0], lines[0]
    assert snapshot(raw, out) == before


def test_listing_without_a_matching_pdf(site, refreshed, tmp_path):
    _, raw, out = refreshed
    site.listing({"/other.pdf": "Hinweise zum Auszahlungsverfahren"})
    before = snapshot(raw, out)
    result = run("refresh", sources_file(tmp_path, site), raw, out)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: sab_fachkraefterichtlinie: {site.url}/index.html: the listing {site.url}/index.html links no PDF "
        "matching 'Regionalbudget'; the page may have changed"]
    assert snapshot(raw, out) == before


def test_unreachable_and_wrong_kind_fail_each_on_one_line(site, refreshed, tmp_path):
    _, raw, out = refreshed
    site.put("drs_7_16456.pdf", SAB_2023)  # the Landtag address now serves an SAB overview
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = closed.server_address[1]
    closed.server_close()  # nothing listens there any more
    sources = sources_file(tmp_path, site)
    sources.write_text(sources.read_text(encoding="utf-8").replace(f"{site.url}/index.html", f"http://127.0.0.1:{port}/index.html"),
                       encoding="utf-8")
    before = snapshot(raw, out)
    result = run("refresh", sources, raw, out)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("error: sab_fachkraefterichtlinie: ") and "cannot connect" in lines[0]
    assert lines[1].startswith("error: landtag_7_16456: ") and "is a sab_overview, not a landtag_answer" in lines[1]
    assert snapshot(raw, out) == before


def test_fetch_fault_leaves_raw_untouched(site, tmp_path):
    site.faults["/drs_7_16456.pdf"] = "truncate"
    raw = tmp_path / "raw"
    result = run("fetch", sources_file(tmp_path, site), raw)
    assert result.returncode == 1
    assert result.stderr.startswith("error: landtag_7_16456: ") and len(result.stderr.splitlines()) == 1
    assert not raw.exists()  # the SAB file was fine, but a fetch is all or nothing


def test_bad_sources_file_is_one_line(tmp_path):
    bad = tmp_path / "sources.toml"
    bad.write_text('[[source]]\nid = "x"\nkind = "sab_overview"\nurl = "http://127.0.0.1:9/a.pdf"\nlisting = "http://127.0.0.1:9/"\n',
                   encoding="utf-8")
    result = run("fetch", bad, tmp_path / "raw")
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["error: sources.toml: source 'x': give exactly one of listing (with match), url or drucksache"]


def test_shipped_sources_file_reads():
    from foerderdaten.fetch.sources import load_sources

    shipped = load_sources(Path(__file__).parent.parent / "sources.toml")
    by_id = {s.id: s for s in shipped.sources}
    assert by_id["sab_fachkraefterichtlinie"].listing.startswith("https://www.sab.sachsen.de/")
    assert by_id["landtag_7_16456"].url == "https://ws.landtag.sachsen.de/images/7_Drs_16456_1_1_1_.pdf"


def test_fetched_original_supersedes_the_bundled_reconstruction(site, tmp_path):
    """The shipped data/raw holds reconstructions; the first real refresh brings the originals."""
    raw, out = tmp_path / "raw", tmp_path / "clean"
    shutil.copytree(Path(__file__).parent.parent / "data" / "raw", raw)
    original = (FIXTURES / "sab_2023_plain.pdf").read_bytes()  # same edition, other bytes
    site.put("Uebersicht_Regionalbudget_2023.pdf", original)
    result = run("refresh", sources_file(tmp_path, site), raw, out)
    assert result.returncode == 0, result.stderr
    assert (raw / "sab_2023_ruled.pdf").is_file()  # kept, never deleted
    manifest = {e["file_name"]: e for e in json.loads((raw / "manifest.json").read_text(encoding="utf-8"))["files"]}
    assert manifest["Uebersicht_Regionalbudget_2023.pdf"]["document"] == "sab_regionalbudget_2023"
    assert "drs_7_16456.pdf" not in manifest  # the Landtag file has the bundled file's bytes: nothing new
    documents = pd.read_csv(out / "documents.csv")
    assert sorted(documents["file_name"]) == ["Uebersicht_Regionalbudget_2023.pdf", "landtag_7_16456.pdf"]
    # a plain build of the folder skips the superseded reconstruction too
    again = tmp_path / "again"
    built = subprocess.run([sys.executable, "-m", "foerderdaten", "build", str(raw), "--out", str(again)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    assert (again / "documents.csv").read_bytes() == (out / "documents.csv").read_bytes()


def test_a_later_landtag_answer_is_one_more_entry(site, tmp_path):
    from editions import render_later_answer

    later = render_later_answer(tmp_path / "later.pdf").read_bytes()
    site.put("8_Drs_1234_1_1_1_.pdf", later)
    sources = sources_file(tmp_path, site)
    sources.write_text(sources.read_text(encoding="utf-8") + f"""
[landtag]
pdf_address = "{site.url}/{{wahlperiode}}_Drs_{{nummer}}_{{position}}_1_1_.pdf"

[[source]]
id = "landtag_8_1234"
kind = "landtag_answer"
drucksache = "8/1234"
""", encoding="utf-8")
    raw = tmp_path / "raw"
    result = run("fetch", sources, raw)
    assert result.returncode == 0, result.stderr
    manifest = {e["source_id"]: e for e in json.loads((raw / "manifest.json").read_text(encoding="utf-8"))["files"]}
    assert manifest["landtag_8_1234"]["url"] == f"{site.url}/8_Drs_1234_1_1_1_.pdf"
    assert manifest["landtag_8_1234"]["document"] == "landtag_8_1234"
    assert (raw / manifest["landtag_8_1234"]["file_name"]).read_bytes() == later
    assert manifest["landtag_7_16456"]["document"] == "landtag_7_16456"


def test_a_file_above_the_size_limit_is_refused(site, tmp_path):
    sources = sources_file(tmp_path, site)
    sources.write_text(sources.read_text(encoding="utf-8").replace("max_megabytes = 5", "max_megabytes = 0.01"), encoding="utf-8")
    raw = tmp_path / "raw"
    result = run("fetch", sources, raw)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all("larger than the limit (0.01 MB)" in line for line in lines), result.stderr
    assert not raw.exists()
