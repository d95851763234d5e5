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

from browser import chromium, run_chromium  # noqa: F401  (chromium is a fixture)
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
    projects = sample_tables()["projects"]
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
    projects = sample_tables()["projects"]
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
    projects = sample_tables()["projects"]
    expected = [p.project_id for p in sorted(projects, key=lambda p: p.region or p.region_raw)]  # stable, like the page
    assert [pid for pid, _ in parsed.rows] == expected
    shown = [pid for pid, hidden in parsed.rows if not hidden]
    assert shown and len(shown) < len(projects)


def test_sort_by_date_descending_keeps_missing_dates_last(chromium, page):
    _, parsed = dump(chromium, page, "?sort=beginn&dir=desc")
    projects = sample_tables()["projects"]
    dated = [p for p in projects if p.bewilligungsbeginn]
    expected = [p.project_id for p in sorted(dated, key=lambda p: p.bewilligungsbeginn, reverse=True)]
    expected += [p.project_id for p in projects if not p.bewilligungsbeginn]  # seq 133 has no dates
    # equal dates keep document order in the page; Python's reverse sort does too
    assert [pid for pid, _ in parsed.rows] == expected


def test_screenshot(chromium, page, tmp_path):
    png = tmp_path / "overview.png"
    run_chromium(chromium, "--window-size=1280,2000", f"--screenshot={png}", page.as_uri())
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 20_000
