"""``overview.html``: one static page to look at the data without any tool.

Self-contained: CSS, JavaScript and the SVG charts are inline, nothing is
loaded from the network, so the file works offline and from a USB stick.
The charts are drawn here in Python (projects per district, per funding
category, per month of approval start; Welcome Center funding per district).
The project list is plain HTML, so it reads fine without JavaScript; a small
script adds searching (also via ``?q=…`` in the address) and sorting (also
via ``?sort=<column>&dir=asc|desc``). Every row links to its page in the
source PDF (``../raw/<file>#page=N``: the PDFs live in data/raw, next to
data/clean). All text from the documents is HTML-escaped.

Why one module of ~540 lines: about 130 of them are the page's own CSS and
JavaScript, kept beside the HTML they style and script.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape
from pathlib import Path
from urllib.parse import quote

from foerderdaten.publish import dataset
from foerderdaten.publish.flags import info, ordered
from foerderdaten.publish.formats import german_amount, german_date, german_int
from foerderdaten.schemas.rows import Tables
from foerderdaten.schemas.tables import Document, Project, WelcomeCenter, WelcomeCenterFunding

RAW_DIR = "../raw"  # where the PDFs are, relative to overview.html

BAR_COLOR = "#2f6f9f"
BAR_COLOR_ALT = "#d08a2c"  # Welcome Centers still being set up
LABEL_CHARS = 32  # longer chart labels are shortened (full text in the tooltip)


# --------------------------------------------------------------------------
# Charts


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as printed beside the bar
    color: str = BAR_COLOR


def _shorten(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def bar_chart(title: str, bars: Sequence[Bar], note: str = "") -> str:
    """A horizontal bar chart as an inline SVG (one row per bar); ``note`` is printed below it."""
    if not bars:
        return f'<figure class="chart"><figcaption>{escape(title)}</figcaption><p class="empty">Keine Daten.</p></figure>'
    row_h, label_w, bar_w, text_w = 22, 225, 210, 100
    width, height = label_w + bar_w + text_w, row_h * len(bars) + 6
    top = max(b.value for b in bars) or 1
    parts = [
        f'<svg class="bars" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}">'
    ]
    for i, bar in enumerate(bars):
        y = 3 + i * row_h
        length = round(bar_w * bar.value / top, 1)
        tip = escape(f"{bar.label}: {bar.text}")
        parts.append(
            f'<g><title>{tip}</title>'
            f'<text class="label" x="{label_w - 8}" y="{y + 15}" text-anchor="end">{escape(_shorten(bar.label))}</text>'
            f'<rect class="bar" x="{label_w}" y="{y + 3}" width="{length}" height="{row_h - 6}" fill="{bar.color}"/>'
            f'<text class="value" x="{label_w + length + 6}" y="{y + 15}">{escape(bar.text)}</text></g>'
        )
    parts.append("</svg>")
    if note:
        parts.append(f'<p class="note">{escape(note)}</p>')
    return f'<figure class="chart"><figcaption>{escape(title)}</figcaption>{"".join(parts)}</figure>'


def _months(first: str, last: str) -> list[str]:
    """Every month from first to last inclusive, as YYYY-MM (gaps are shown as zero)."""
    year, month = int(first[:4]), int(first[5:])
    result = []
    while f"{year:04d}-{month:02d}" <= last:
        result.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return result


def month_chart(title: str, counts: Mapping[str, int]) -> str:
    """A column chart of counts per month (YYYY-MM keys), months without projects included."""
    if not counts:
        return bar_chart(title, [])
    months = _months(min(counts), max(counts))
    # columns share about 1000 px, but stay between 14 and 60 px wide
    col_w, plot_h, base, left = max(14, min(60, 1000 // len(months))), 150, 175, 10
    width, height = left + col_w * len(months) + 10, base + 40
    top = max(counts.values()) or 1
    every = 1 if col_w >= 36 else 3  # keep the axis labels from overlapping
    parts = [
        f'<svg class="columns" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="{escape(title)}">'
    ]
    parts.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{width - 5}" y2="{base}"/>')
    for i, month in enumerate(months):
        n = counts.get(month, 0)
        h = round(plot_h * n / top, 1)
        center = left + i * col_w + col_w / 2
        parts.append(f"<g><title>{escape(month)}: {n} Projekte</title>")
        parts.append(f'<rect class="bar" x="{center - col_w / 2 + 3}" y="{base - h}" width="{col_w - 6}" height="{h}" fill="{BAR_COLOR}"/>')
        if n:
            parts.append(f'<text class="value" x="{center}" y="{base - h - 4}" text-anchor="middle">{n}</text>')
        if i % every == 0:
            label = f"{month[5:]}/{month[2:4]}"  # 2023-05 -> 05/23
            parts.append(f'<text class="label" x="{center}" y="{base + 16}" text-anchor="middle">{label}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return f'<figure class="chart wide"><figcaption>{escape(title)}</figcaption>{"".join(parts)}</figure>'


# --------------------------------------------------------------------------
# What the charts show


def projects_by_district(projects: Sequence[Project]) -> list[Bar]:
    counts = Counter(p.region or "ohne Zuordnung" for p in projects)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [Bar(label, n, german_int(n)) for label, n in ranked]


def projects_by_category(projects: Sequence[Project]) -> list[Bar]:
    counts = Counter((p.rl_nr, p.vorhabensart) for p in projects)
    # RL numbers in their own order, projects without a number last
    ordered = sorted(counts.items(), key=lambda item: (item[0][0] is None, item[0][0] or 0, item[0][1] or ""))
    bars = []
    for (rl_nr, label), n in ordered:
        name = f"{rl_nr} · {label}" if rl_nr is not None else "ohne Angabe"
        bars.append(Bar(name, n, german_int(n)))
    return bars


def approvals_by_month(projects: Sequence[Project]) -> dict[str, int]:
    return dict(Counter(p.bewilligungsbeginn.strftime("%Y-%m") for p in projects if p.bewilligungsbeginn))


def centers_without_amount(centers: Sequence[WelcomeCenter], funding: Sequence[WelcomeCenterFunding]) -> list[str]:
    """Districts that have a Welcome Center in the answer but no funding row."""
    funded = {row.kreis_ags for row in funding}
    return sorted({c.region for c in centers if c.kreis_ags not in funded})


def funding_note(missing: Sequence[str]) -> str:
    if not missing:
        return ""
    return (
        f"Ohne Betrag: {', '.join(missing)}. Die Landtagsantwort nennt Förderbeträge nur für Welcome Center, "
        "„insoweit sie einen Projektantrag nach der Fachkräftenrichtlinie gestellt haben“; für diese nennt sie keinen "
        "Betrag (das heißt nicht, dass sie keine Kosten haben)."
    )


def funding_by_district(funding: Sequence[WelcomeCenterFunding]) -> list[Bar]:
    sums: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for row in funding:
        sums[(row.region, row.status)] += row.betrag_eur
    ranked = sorted(sums.items(), key=lambda item: (-item[1], item[0]))
    bars = []
    for (region, status), total in ranked:
        building = status == "im_aufbau"
        label = f"{region} (im Aufbau)" if building else region
        bars.append(Bar(label, float(total), german_amount(total), BAR_COLOR_ALT if building else BAR_COLOR))
    return bars


# --------------------------------------------------------------------------
# Project list

# (key for ?sort=, heading, sort type)
LIST_COLUMNS = (
    ("kreis", "Kreis", "text"),
    ("rl", "RL", "num"),
    ("beginn", "Beginn", "text"),  # sorts by the ISO date in data-sort
    ("ende", "Ende", "text"),
    ("traeger", "Projektträger", "text"),
    ("titel", "Projekttitel", "text"),
    ("quelle", "Quelle", "text"),
)


def source_link(file_name: str | None, page: int) -> str:
    if not file_name:
        return f"S. {page}"
    href = f"{RAW_DIR}/{quote(file_name)}#page={page}"
    return f'<a href="{escape(href)}" title="{escape(file_name)}, Seite {page}">S.&nbsp;{page}</a>'


def _cell(content: str, sort_key: str | None = None) -> str:
    """A table cell; ``content`` is HTML (already escaped), ``sort_key`` what the script sorts by."""
    sort_attr = f' data-sort="{escape(sort_key)}"' if sort_key is not None else ""
    return f"<td{sort_attr}>{content}</td>"


def _labelled(cells: Sequence[str]) -> list[str]:
    """Each cell with its column heading in data-label (shown on narrow screens)."""
    return [cell.replace("<td", f'<td data-label="{escape(label)}"', 1) for cell, (_, label, _) in zip(cells, LIST_COLUMNS, strict=True)]


def _date_cell(value: dt.date | None, raw: str) -> str:
    # a date that could not be read shows the printed text; an empty key sorts last
    if value is None:
        return _cell(escape(raw), "")
    return _cell(german_date(value), value.isoformat())


def _title_html(p: Project) -> str:
    """The title, unfolding to the description; a mark if the document has errors in this row."""
    title = escape(p.projekttitel) or "<em>ohne Titel</em>"
    if p.kurzbeschreibung:
        title = f"<details><summary>{title}</summary><p>{escape(p.kurzbeschreibung)}</p></details>"
    if p.quality_flags:
        titles = "; ".join(info(flag).title for flag in ordered(p.quality_flags.split(";")))
        title += f' <span class="flag" title="Im Dokument: {escape(titles)}">⚠</span>'
    return title


def flag_legend(projects: Sequence[Project]) -> str:
    """What the ⚠ marks mean: each kind of issue found in the list, in German, with QUALITY.md for details."""
    counts = Counter(flag for p in projects for flag in p.quality_flags.split(";") if flag)
    if not counts:
        return ""
    items = "".join(
        f"<li><strong>{escape(info(flag).title)}</strong> ({counts[flag]}): {escape(info(flag).meaning)}</li>"
        for flag in ordered(counts)
    )
    return (
        '<details class="legend"><summary><span class="flag">⚠</span> markiert Projekte mit Fehlern oder '
        "Auffälligkeiten im Quelldokument (Zeiger auf das Zeichen zeigt die Art). Was bedeuten sie?</summary>"
        f'<ul>{items}</ul><p>Einzelheiten mit Seitenangaben: <a href="{QUALITY_FILE}">{QUALITY_FILE}</a>.</p></details>'
    )


def project_row(p: Project, file_name: str | None) -> str:
    place = f'<br><span class="muted">{escape(p.durchfuehrungsort)}</span>' if p.durchfuehrungsort else ""
    category = escape(p.vorhabensart or p.vorhabensart_raw)
    rl_nr = "" if p.rl_nr is None else str(p.rl_nr)
    cells = [
        _cell(escape(p.region or p.region_raw)),
        _cell(f'<span title="{category}">{rl_nr or "–"}</span>', rl_nr),
        _date_cell(p.bewilligungsbeginn, p.bewilligungsbeginn_raw),
        _date_cell(p.bewilligungsende, p.bewilligungsende_raw),
        _cell(escape(p.projekttraeger) + place, p.projekttraeger),
        _cell(_title_html(p), p.projekttitel),
        _cell(source_link(file_name, p.page), f"{p.source_id} {p.page:05d} {p.seq:05d}"),
    ]
    return f'<tr data-project="{escape(p.project_id)}">{"".join(_labelled(cells))}</tr>'


def project_table(projects: Sequence[Project], file_names: Mapping[str, str]) -> Iterator[str]:
    """The project list, row by row (its HTML is most of the page)."""
    head = "".join(
        f'<th data-key="{key}" data-type="{kind}"><button type="button">{escape(label)}</button></th>'
        for key, label, kind in LIST_COLUMNS
    )
    yield f'<table id="projects"><thead><tr>{head}</tr></thead><tbody>\n'
    for i, p in enumerate(projects):
        yield ("\n" if i else "") + project_row(p, file_names.get(p.source_id))
    yield "\n</tbody></table>"


# --------------------------------------------------------------------------
# The page

CSS = """
:root { color-scheme: light; --fg: #1d232a; --muted: #5c6670; --line: #d9dee3; --accent: #2f6f9f; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #f6f7f9; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 24px; }
h1 { font-size: 1.6rem; margin: 0 0 6px; }
h2 { font-size: 1.2rem; margin: 28px 0 10px; }
p.lead { margin: 0 0 12px; color: var(--muted); max-width: 80ch; }
.facts { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; padding: 0; list-style: none; }
.facts li { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.facts strong { display: block; font-size: 1.3rem; }
/* two charts side by side where they fit, one below the other on a phone */
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 460px), 1fr)); gap: 16px; }
.chart { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.chart.wide { grid-column: 1 / -1; }
.chart figcaption { font-weight: 600; margin-bottom: 6px; }
.chart svg { display: block; max-width: 100%; height: auto; }
.chart svg text { font-size: 12px; fill: var(--fg); }
.chart svg text.value { fill: var(--muted); }
.chart svg .axis { stroke: var(--line); }
.chart .empty { color: var(--muted); }
.controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
#search { font: inherit; padding: 6px 10px; width: 100%; max-width: 420px; border: 1px solid #aab3bc; border-radius: 6px; }
#count { color: var(--muted); }
table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { position: sticky; top: 0; background: #eef1f4; }
th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td[data-sort]:nth-child(3), td[data-sort]:nth-child(4) { white-space: nowrap; }
details summary { cursor: pointer; }
details p { margin: 6px 0 2px; color: var(--muted); max-width: 70ch; }
.muted { color: var(--muted); font-size: 0.9em; }
.flag { color: #b35c00; cursor: help; }
.legend { margin: 0 0 10px; }
.legend ul { margin: 6px 0; padding-left: 20px; max-width: 90ch; }
.chart .note { margin: 8px 0 0; color: var(--muted); font-size: 0.9em; }
ul.files li { margin: 4px 0; }
td, p, li { overflow-wrap: anywhere; }
/* A phone (the issue: 500 px): no sideways scrolling; each project becomes a
   card with its fields labelled (data-label), Träger, Titel and Quelle
   stay visible, the headings remain as sort buttons. */
@media (max-width: 700px) {
  header, main, footer { padding-left: 10px; padding-right: 10px; }
  #projects, #projects tbody, #projects tr, #projects td { display: block; width: 100%; }
  #projects thead, #projects thead tr { display: block; }
  #projects thead tr { display: flex; flex-wrap: wrap; gap: 2px 14px; padding: 6px 8px; }
  #projects th { position: static; border: 0; padding: 2px 0; background: none; }
  #projects tr { padding: 6px 8px; border-bottom: 1px solid var(--line); }
  #projects tr[hidden] { display: none; }
  #projects td { border: 0; padding: 1px 0; }
  #projects td::before { content: attr(data-label) ": "; color: var(--muted); font-size: 0.9em; }
  /* Kreis, RL, Beginn, Ende share one line */
  #projects td:nth-child(-n+4) { display: inline-block; width: auto; margin-right: 12px; }
}
a { color: var(--accent); }
footer { color: var(--muted); padding-top: 24px; padding-bottom: 32px; font-size: 0.9em; }
"""

# Search: every word must occur in the row (case and accents ignored).
# Sort: click a heading, or ?sort=<key>&dir=asc|desc. Both read the address
# on load, so a filtered view can be shared as a link.
JS = """
(function () {
  "use strict";
  var table = document.getElementById("projects");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var input = document.getElementById("search");
  var count = document.getElementById("count");
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function norm(s) { return s.toLowerCase().normalize("NFD").replace(/[\\u0300-\\u036f]/g, ""); }
  var texts = rows.map(function (r) { return norm(r.textContent); });

  function remember(name, value) {
    try {
      var url = new URL(window.location.href);
      if (value) { url.searchParams.set(name, value); } else { url.searchParams.delete(name); }
      window.history.replaceState(null, "", url.toString());
    } catch (e) { /* file:// pages may refuse; the page still works */ }
  }

  function filter() {
    var terms = norm(input.value).split(/\\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row, i) {
      var match = terms.every(function (t) { return texts[i].indexOf(t) >= 0; });
      row.hidden = !match;
      if (match) { shown += 1; }
    });
    count.textContent = shown + " von " + rows.length + " Projekten";
  }

  function sortBy(key, dir) {
    var col = headers.findIndex(function (th) { return th.dataset.key === key; });
    if (col < 0) { return; }
    var numeric = headers[col].dataset.type === "num";
    var factor = dir === "desc" ? -1 : 1;
    var keyOf = function (row) {
      var cell = row.cells[col];
      return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    };
    var order = rows.map(function (row, i) { return { row: row, key: keyOf(row), i: i }; });
    order.sort(function (a, b) {
      if ((a.key === "") !== (b.key === "")) { return a.key === "" ? 1 : -1; }  // no value: always last
      var c = numeric ? parseFloat(a.key) - parseFloat(b.key) : a.key.localeCompare(b.key, "de");
      return c !== 0 ? factor * c : a.i - b.i;  // stable: document order breaks ties
    });
    order.forEach(function (o) { body.appendChild(o.row); });
    headers.forEach(function (th, i) {
      if (i === col) { th.setAttribute("aria-sort", dir === "desc" ? "descending" : "ascending"); }
      else { th.removeAttribute("aria-sort"); }
    });
  }

  headers.forEach(function (th) {
    th.querySelector("button").addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? "desc" : "asc";
      sortBy(th.dataset.key, dir);
      remember("sort", th.dataset.key);
      remember("dir", dir);
    });
  });
  input.addEventListener("input", function () { filter(); remember("q", input.value); });

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  if (params.get("sort")) { sortBy(params.get("sort"), params.get("dir") === "desc" ? "desc" : "asc"); }
  filter();
  document.body.setAttribute("data-ready", "true");
})();
"""


def _facts(projects: Sequence[Project], funding: Sequence[WelcomeCenterFunding]) -> str:
    districts = {p.kreis_ags for p in projects if p.kreis_ags}
    total = sum((f.betrag_eur for f in funding), Decimal("0"))
    items = [
        (german_int(len(projects)), "Projekte in der SAB-Übersicht"),
        (german_int(len(districts)), "Kreise mit Projekten"),
        (german_amount(total), "Förderung Welcome Center laut Landtagsantwort"),
    ]
    return '<ul class="facts">' + "".join(f"<li><strong>{escape(v)}</strong>{escape(t)}</li>" for v, t in items) + "</ul>"


QUALITY_FILE = "QUALITY.md"
CODEBOOK_FILE = "CODEBOOK.md"

# The published files beside overview.html (relative links work from a folder and a web server alike)
DATA_LINKS = f"""<ul class="files">
<li><a href="excel/projects.csv">Projekte als CSV für Excel</a> (Semikolon, deutsche Spaltennamen; alle Tabellen im Ordner <a href="excel/">excel/</a>)</li>
<li><a href="projects.csv">Projekte als CSV</a> für Programme, <a href="projects.parquet">als Parquet</a> für pandas, R, DuckDB; alle Tabellen in beiden Formaten in diesem Ordner</li>
<li><a href="foerderdaten.db">SQLite-Datenbank</a> (mit <code>foerderdaten serve</code> im Browser durchsuchen) · <a href="datapackage.json">datapackage.json</a> (Frictionless)</li>
<li><a href="{CODEBOOK_FILE}">{CODEBOOK_FILE}</a>: jede Tabelle und Spalte erklärt · <a href="{QUALITY_FILE}">{QUALITY_FILE}</a>: Fehler der Quelldokumente mit Seitenangaben</li>
</ul>"""  # noqa: E501 (wrapping would change the published page)


def _reconstruction_note(documents: Sequence[Document]) -> str:
    """Say where cited pages come from: the bundled reconstructions, not the original publications."""
    rebuilt = [d for d in documents if getattr(d, "is_reconstruction", None)]
    if not rebuilt:
        return ""
    names = ", ".join(escape(d.file_name) for d in rebuilt)
    return (f"<p>Seitenangaben beziehen sich auf die mitgelieferten PDF-Dateien ({names}). Sie sind Nachbauten der "
            "Originale (aus deren Text neu gesetzt): Seitenumbrüche können von der Originalveröffentlichung "
            "abweichen, die Werte nicht. Zitieren Sie das Originaldokument und nennen Sie Datei und Seite des "
            f'Nachbaus; Herkunft der Originale in der Tabelle <code>documents</code> und in <a href="{CODEBOOK_FILE}">{CODEBOOK_FILE}</a>.</p>')


def _sources(documents: Sequence[Document]) -> str:
    items = []
    for d in documents:
        href = f"{RAW_DIR}/{quote(d.file_name)}"
        items.append(f'<li><a href="{escape(href)}">{escape(d.title)}</a> <span class="muted">({escape(d.file_name)})</span></li>')
    return "<ul>" + "".join(items) + "</ul>" if items else "<p>Keine Quelldokumente.</p>"


def editions_section(tables: Tables) -> str:
    """Editions of the SAB overview and what changed, when there is more than one edition.

    The charts and the list show the current rows (each series' newest
    edition); this section says which editions exist and links CHANGES.md.
    """
    documents = [d for d in tables.documents if d.kind == "sab_overview"]
    if len(documents) < 2:
        return ""
    counts = Counter(p.source_id for p in tables.projects)
    current = {p.source_id for p in tables.projects if p.current}
    items = []
    for d in sorted(documents, key=lambda d: (d.stand or dt.date.min, d.source_id), reverse=True):
        stand = f", Stand {german_date(d.stand)}" if d.stand else ""
        mark = " <strong>(aktuell, in der Projektliste unten)</strong>" if d.source_id in current else ""
        changes = Counter((c.change, c.project_id) for c in tables.changes if c.source_id == d.source_id)
        kinds = Counter(change for change, _ in changes)
        delta = (f' – gegenüber der vorigen Ausgabe {kinds["added"]} neu, {kinds["removed"]} entfallen, '
                 f'{kinds["changed"]} geändert') if changes else ""
        items.append(f"<li>{escape(d.edition or d.title)}{escape(stand)}: {german_int(counts[d.source_id])} Projekte"
                     f"{escape(delta)}{mark}</li>")
    return (f'\n<h2>Ausgaben und Änderungen</h2>\n<ul class="editions">{"".join(items)}</ul>\n'
            '<p>Einzelheiten: <a href="CHANGES.md">CHANGES.md</a> und die Tabelle <code>changes</code>.</p>')


def page_parts(tables: Tables, *, version: str) -> Iterator[str]:
    """The page in parts, the project list row by row: written so, the page
    is never held whole (as one text, then as bytes), which for the largest
    editions is several times the file."""
    all_projects = tables.projects
    # the current list: each series' newest edition (all rows when there is one edition)
    projects = [p for p in all_projects if p.current]
    funding = tables.welcome_center_funding
    documents = tables.documents
    file_names = {d.source_id: d.file_name for d in documents}
    editions = sorted({f"{p.edition}, Stand {german_date(p.stand)}" if p.stand else p.edition for p in all_projects})

    charts = "\n".join(
        [
            bar_chart("Projekte je Kreis", projects_by_district(projects)),
            bar_chart("Projekte je Fördergegenstand (Nr. der RL)", projects_by_category(projects)),
            month_chart("Projekte nach Monat des Bewilligungsbeginns", approvals_by_month(projects)),
            bar_chart("Förderung der Welcome Center je Kreis", funding_by_district(funding),
                      funding_note(centers_without_amount(tables.welcome_centers, funding))),
        ]
    )
    yield f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(dataset.TITLE_DE)}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{escape(dataset.TITLE_DE)}</h1>
<p class="lead">{escape(dataset.DESCRIPTION_DE)}</p>
<p class="lead">{escape("; ".join(editions))}</p>
{_facts(projects, funding)}
</header>
<main>
<h2>Überblick</h2>
<div class="charts">
{charts}
</div>{editions_section(tables)}
<h2>Projekte</h2>
<div class="controls">
<label for="search">Suche</label>
<input id="search" type="search" placeholder="Träger, Titel, Ort, Beschreibung …" autocomplete="off">
<span id="count" aria-live="polite">{len(projects)} Projekte</span>
</div>
{flag_legend(projects)}
<div class="scroll">
"""
    yield from project_table(projects, file_names)
    yield f"""
</div>
<h2>Daten und Dokumentation</h2>
{DATA_LINKS}
<h2>Quellen</h2>
{_sources(documents)}
</main>
<footer>
<p>Daten: {escape(dataset.LICENSE["title"])} ({escape(dataset.LICENSE["name"])}). {escape(dataset.ATTRIBUTION)}.
Version {escape(version)}. Links „S.“ öffnen die Seite der Quell-PDF im Ordner <code>raw</code>.</p>
{_reconstruction_note(documents)}
</footer>
<script>{JS}</script>
</body>
</html>
"""


def write_overview(path: Path, tables: Tables, *, version: str) -> None:
    with path.open("w", encoding="utf-8") as fh:
        fh.writelines(page_parts(tables, version=version))
