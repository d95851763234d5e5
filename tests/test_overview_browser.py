"""overview.html in a real headless Chromium: charts drawn, rows listed, and the
page's own JavaScript filtering (``?q=``) and sorting (``?sort=``) the list.

``--dump-dom`` prints the DOM after the page's scripts ran, so the row order,
the ``hidden`` attributes and the counter text show what the JavaScript did.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from browser import run_chromium
from foerderdaten.publish.overview import write_overview
from test_publish import VERSION, sample_tables


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    clean = tmp_path_factory.mktemp("clean")
    path = clean / "overview.html"
    write_overview(path, sample_tables(), version=VERSION)
    return path


class Rows(HTMLParser):
    """The project rows of a dumped DOM, in order: (project id, hidden?)."""

    def __init__(self):
        super().__init__()
        self.rows: list[tuple[str, bool]] = []
        self.count_text = ""
        self._in_count = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and "data-project" in attrs:
            self.rows.append((attrs["data-project"], "hidden" in attrs))
        self._in_count = attrs.get("id") == "count"

    def handle_data(self, data):
        if self._in_count:
            self.count_text += data

    def handle_endtag(self, tag):
        self._in_count = False


def dump(chromium: Path, page: Path, query: str = "") -> tuple[str, Rows]:
    dom = run_chromium(chromium, "--dump-dom", page.as_uri() + query)
    parsed = Rows()
    parsed.feed(dom)
    return dom, parsed


def _fold(text: str) -> str:
    """What the page's search does: lower case, accents removed."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def test_charts_and_rows_after_javascript(chromium, page):
    dom, parsed = dump(chromium, page)
    assert 'data-ready="true"' in dom  # the script ran to its end
    projects = sample_tables().projects
    assert [pid for pid, _ in parsed.rows] == [p.project_id for p in projects]
    assert not any(hidden for _, hidden in parsed.rows)
    assert parsed.count_text == f"{len(projects)} von {len(projects)} Projekten"  # written by the script

    charts = re.findall(r'<svg class="(bars|columns)".*?</svg>', dom, flags=re.S)
    assert len(charts) == 4
    for chart in re.findall(r'<svg class="(?:bars|columns)".*?</svg>', dom, flags=re.S):
        assert chart.count('class="bar"') >= 1
    # one bar per district with projects
    first = re.search(r'<svg class="bars".*?</svg>', dom, flags=re.S).group(0)
    assert first.count('class="bar"') == len({p.region for p in projects})
    assert 'href="../raw/sab_2023_ruled.pdf#page=1"' in dom


def test_search_from_the_address_filters_rows(chromium, page):
    _, parsed = dump(chromium, page, "?q=Pflege")
    projects = sample_tables().projects
    # the page searches the visible text of a row, description included
    expected = {
        p.project_id
        for p in projects
        if "pflege" in _fold(" ".join([p.projekttraeger, p.durchfuehrungsort, p.projekttitel, p.kurzbeschreibung]))
    }
    shown = {pid for pid, hidden in parsed.rows if not hidden}
    assert shown == expected
    assert 0 < len(shown) < len(projects)
    assert parsed.count_text == f"{len(shown)} von {len(projects)} Projekten"


def test_sort_from_the_address_reorders_rows(chromium, page):
    _, parsed = dump(chromium, page, "?sort=kreis&dir=asc&q=dresden")
    projects = sample_tables().projects
    expected = [p.project_id for p in sorted(projects, key=lambda p: p.region or p.region_raw)]  # stable, like the page
    assert [pid for pid, _ in parsed.rows] == expected
    shown = [pid for pid, hidden in parsed.rows if not hidden]
    assert shown and len(shown) < len(projects)


def test_sort_by_date_descending_keeps_missing_dates_last(chromium, page):
    _, parsed = dump(chromium, page, "?sort=beginn&dir=desc")
    projects = sample_tables().projects
    dated = [p for p in projects if p.bewilligungsbeginn]
    expected = [p.project_id for p in sorted(dated, key=lambda p: p.bewilligungsbeginn, reverse=True)]
    expected += [p.project_id for p in projects if not p.bewilligungsbeginn]  # seq 133 has no dates
    # equal dates keep document order in the page; Python's reverse sort does too
    assert [pid for pid, _ in parsed.rows] == expected


def test_screenshot(chromium, page, tmp_path):
    png = tmp_path / "overview.png"
    run_chromium(chromium, "--window-size=1280,2000", f"--screenshot={png}", page.as_uri())
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 20_000


# --------------------------------------------------------------------------
# A phone, and what the page explains


PHONE_WIDTH = 500

# Shows overview.html in a frame as wide as a phone and writes what it measures into the DOM.
MEASURE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="overview.html" style="width:%dpx;height:900px;border:0"></iframe>
<pre id="out"></pre>
<script>
document.getElementById("f").addEventListener("load", function () {
  var d = this.contentDocument, w = d.documentElement.clientWidth;
  function shown(el) { var b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0 && b.left >= 0 && b.right <= w; }
  var rows = Array.prototype.slice.call(d.querySelectorAll("#projects tbody tr"));
  document.getElementById("out").textContent = JSON.stringify({
    scrollWidth: d.documentElement.scrollWidth, clientWidth: w,
    rowsUsable: rows.filter(function (r) {
      return shown(r.cells[4]) && shown(r.cells[5]) && shown(r.cells[6].querySelector("a"));
    }).length,
    rows: rows.length
  });
});
</script></body></html>"""


def test_fits_a_phone_without_sideways_scrolling(chromium, page):
    import json

    wrapper = page.parent / "measure.html"
    wrapper.write_text(MEASURE % PHONE_WIDTH, encoding="utf-8")
    dom = run_chromium(chromium, "--allow-file-access-from-files", "--virtual-time-budget=10000",
                       "--dump-dom", wrapper.as_uri())
    measured = json.loads(re.search(r'<pre id="out">(.*?)</pre>', dom, flags=re.S).group(1))
    assert measured["scrollWidth"] <= measured["clientWidth"]  # nothing wider than the screen
    # every project still shows its Träger, its title and the link to its source page
    assert measured["rowsUsable"] == measured["rows"] == len(sample_tables().projects)


def test_page_explains_marks_amounts_and_sources(tmp_path):
    tables = sample_tables()
    flags: dict[str, set[str]] = {}
    for issue in tables.quality:
        flags.setdefault(issue.record, set()).add(issue.flag)
    tables.projects = [p.model_copy(update={"quality_flags": ";".join(sorted(flags.get(p.project_id, ())))})
                          for p in tables.projects]
    write_overview(tmp_path / "overview.html", tables, version=VERSION)
    html = (tmp_path / "overview.html").read_text(encoding="utf-8")
    assert 'title="Im Dokument: Ende vor Beginn' in html  # German tooltip (seq 64)
    assert "vorhabensart_variant" not in html.split("<footer>")[0].split('<table id="projects">')[1]
    assert '<details class="legend">' in html and "Kopierte Kurzbeschreibung</strong>" in html
    assert "Ohne Betrag: Dresden, Leipzig (Stadt)." in html  # why the chart has no bar for them
    for href in ("excel/projects.csv", "projects.csv", "projects.parquet", "datapackage.json", "CODEBOOK.md", "QUALITY.md"):
        assert f'href="{href}"' in html
    footer = html.split("<footer>")[1]
    assert "Nachbauten der Originale" in footer and "sab_2023_ruled.pdf" in footer
