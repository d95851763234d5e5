"""Read a rendering of the gold values back and judge the reading.

A rendering made by an engine nobody here controls (a browser, an office
suite) must give one of two results:

* **exact**: every raw field of every row equals the gold value, rows in
  document order;
* **refused**: the build stops with an error that names the page, so the
  user knows where to look.

A refusal of one kind is looked at further: where the reader finds a line
break that nothing decides (the document's odd blank after a hyphen or
dash, "Fachkräftebindung und - entwicklung", where a renderer that writes
no blank at its wraps breaks the line right there, prints just as the
usual spelling does: README, Known limits), the table is refused, and
:attr:`Reading.rest` is the reading with that one check left out. The
rendering tests require that rest to be exact but for such blanks
(**ambiguous**, see ``compare``), so that a layout refused for such a
break still shows that everything else reads exactly.

Anything else is **wrong**: values published with exit status 0 that differ
from the document. :class:`Reading` says which, and for a wrong reading the
first fields that differ, so a failing test tells what happened without a
debugger.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from conftest import gold_landtag, gold_sab
from test_renderings import ANNEX_FIELDS, SAB_FIELDS

# A refusal must say where: "page 3" (the CLI contract's "page N, column …").
NAMES_PAGE = re.compile(r"\bpage \d+\b")
SHOWN = 6  # differing fields quoted in a report
# The odd blanks of the README's known limit: "X- Y" where Y starts with a
# capital ("vorgestellt- Alles"; a lower-case word after a hyphen is read
# right: a conjunction, "Arbeits- und", or a noun's rest,
# "Wirtschaftsförderungs- gesellschaft"), "X/ Y" where Y is a word that does
# not make X a suspended compound, and a dash standing between blanks before
# a word in lower case ("und - entwicklung", read as the suspended "und -entwicklung").
HYPHEN_BLANK = re.compile(r"((?<=\w)-) (?=[A-ZÄÖÜ])|(/) (?!(?:und|oder|sowie|bzw\.|bis)\b)(?=[^\W\d_])|((?<= )-) (?=[a-zäöüß])")


T = TypeVar("T")

# The refusal of a line break that nothing decides (invariants._undecidable_wrap).
UNDECIDED_BREAK = re.compile(r"the line break in '.*' / '.*' may or may not hide a blank \(")


@dataclass
class Reading:
    verdict: str  # "exact", "ambiguous" (see ``compare``), "refused" or "wrong"
    detail: str = ""  # the error message, or the first differences
    differences: list[str] = field(default_factory=list)
    rest: Reading | None = None  # refused for an undecided break: the reading without that check

    @property
    def exact_but_undecided(self) -> bool:
        """Exact, or refused for a line break that nothing decides where
        the rest reads exactly but for the blank such a break may hide."""
        if self.verdict == "exact":
            return True
        return self.verdict == "refused" and self.names_page and self.rest is not None and self.rest.verdict in ("exact", "ambiguous")

    @property
    def names_page(self) -> bool:
        return bool(NAMES_PAGE.search(self.detail))

    def report(self) -> str:
        if self.verdict == "exact":
            return "exact"
        if self.verdict == "ambiguous":
            return "exact but for a blank after a hyphen at a wrap, which the PDF does not show:\n  " + "\n  ".join(self.differences)
        if self.verdict == "refused":
            rest = f"\n  without that check: {self.rest.report()}" if self.rest is not None else ""
            return f"refused: {self.detail}{rest}"
        return f"WRONG (exit 0): {self.detail}\n  " + "\n  ".join(self.differences[:SHOWN])


def _clip(text: str, at: int, width: int = 30) -> str:
    start = max(0, at - width)
    return ("…" if start else "") + text[start:at + width] + ("…" if at + width < len(text) else "")


def _first_difference(want: str, got: str) -> int:
    return next((i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b), min(len(want), len(got)))


def _hyphen_blank_only(want: str, got: str) -> bool:
    """``got`` differs from ``want`` only by blanks after hyphens (see HYPHEN_BLANK)."""
    def drop_blanks(text: str) -> str:
        return HYPHEN_BLANK.sub(lambda m: m.group(1) or m.group(2) or m.group(3), text)

    return drop_blanks(want) == drop_blanks(got)


def compare(rows: list, gold: list[dict], fields: list[str], key: str) -> Reading:
    """Every field of every row against gold, in order; ``key`` names a row in the report."""
    differences, ambiguous = [], []
    for row, want in zip(rows, gold, strict=False):
        for name in fields:
            got = getattr(row, name)
            if got != want[name]:
                at = _first_difference(str(want[name]), str(got))
                line = f"{key} {want[key]} {name}: expected {_clip(str(want[name]), at)!r} got {_clip(str(got), at)!r}"
                if isinstance(got, str) and _hyphen_blank_only(want[name], got):
                    ambiguous.append(line)
                else:
                    differences.append(line)
    count = f"{len(rows)} rows for {len(gold)}" if len(rows) != len(gold) else f"{len(rows)} rows"
    if len(rows) != len(gold) or differences:
        return Reading("wrong", f"{count}, {len(differences)} of {len(gold) * len(fields)} fields differ", differences)
    if ambiguous:
        return Reading("ambiguous", differences=ambiguous)
    return Reading("exact")


def read_sab(pdf: Path) -> Reading:
    """The SAB overview through the build's reading stages (extract, normalise, validate)."""
    from foerderdaten.errors import InputError
    from foerderdaten.pipeline import build_tables

    try:
        tables, undecided = read_past_undecided(lambda: build_tables([pdf]))
    except InputError as exc:
        return Reading("refused", str(exc))
    return _refused_so(undecided, compare(tables.projects, gold_sab(), SAB_FIELDS, "seq"))


def read_past_undecided(read: Callable[[], T]) -> tuple[T, str | None]:
    """``read()``, and the refusal of a line break that nothing decides
    (None if none): where refused so, ``read()`` again without that one check."""
    from foerderdaten.errors import InputError

    try:
        return read(), None
    except InputError as exc:
        if not UNDECIDED_BREAK.search(str(exc)):
            raise
        with undecided_breaks_accepted():
            return read(), str(exc)


def _refused_so(undecided: str | None, reading: Reading) -> Reading:
    """``reading``, or the refusal ``undecided`` with ``reading`` as its rest."""
    return reading if undecided is None else Reading("refused", undecided, rest=reading)


@contextmanager
def undecided_breaks_accepted() -> Iterator[None]:
    """The build's self-checks without the one for undecided line breaks."""
    from foerderdaten.extract import invariants

    check = invariants._undecidable_wrap
    invariants._undecidable_wrap = lambda table: None
    try:
        yield
    finally:
        invariants._undecidable_wrap = check


def read_annex(pdf: Path) -> Reading:
    """The annex tables of a Landtag answer (both annexes, no letter)."""
    from foerderdaten.errors import InputError
    from foerderdaten.extract.annex import extract_annex_rows
    from foerderdaten.extract.pdfdoc import open_pdf

    try:
        rows, undecided = read_past_undecided(lambda: extract_annex_rows(open_pdf(pdf), "x"))
    except InputError as exc:
        return Reading("refused", str(exc))
    gold = [dict(g, row=f"{g['anlage']}.{g['seq_in_anlage']}") for g in gold_landtag()["anlagen"]]
    return _refused_so(undecided, compare(rows, gold, ["anlage", "seq_in_anlage", *ANNEX_FIELDS], "row"))


def sab_table(wording: list[str], order: list[int], headers: dict[str, list[str]]) -> tuple[list[str], list[list[str]], set[int]]:
    """Headers, gold rows and the numeric columns (RL number, dates) for a
    column ``order`` (indices into SAB_FIELDS) and a header wording per column."""
    heads = [headers[wording[i]][i] for i in order]
    rows = [[g[SAB_FIELDS[i]] for i in order] for g in gold_sab()]
    numeric = {order.index(SAB_FIELDS.index(f)) for f in ("rl_nr_raw", "bewilligungsbeginn_raw", "bewilligungsende_raw")}
    return heads, rows, numeric


def overflows_margin(pdf: Path, margin_pt: float) -> int | None:
    """The first page whose text runs into the right margin, or None.

    A table wider than the paper is cut at the page edge by a browser: the
    cut text is simply not in the PDF. Such a rendering tests nothing, so
    the test must not use it. Chromium may leave out whole columns beyond
    the paper's edge, text and all, while their borders and fills are
    still drawn there: a drawing beyond the paper counts too (a cut table
    whose last printed column ended just inside the margin was read with
    three columns missing). A border that overhangs the margin by its
    width does not: the table's text is all there.
    """
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages, start=1):
            if any(c["x1"] > page.width - margin_pt + 1 for c in page.chars) or any(r["x1"] > page.width for r in (*page.rects, *page.lines)):
                return number
    return None


def words_missing(pdf: Path, values: list[str]) -> str | None:
    """A word of ``values`` that ``pdf`` prints whole fewer times than the
    values hold it (the first such), or None.

    A layout whose cells hide what does not fit (``overflow: hidden``) cuts
    a word at the cell's edge ("Pieschen" printed as "Pies"). Words are
    runs of letters and digits: a browser that does not break words at any
    letter wraps only between them, so every word of the values is printed
    whole somewhere unless something cut it. This tells a cut without the
    reader's own clip check; a word only partly cut, or a cut between
    words that text elsewhere on the page makes up for, is not seen.
    """
    import unicodedata

    import pdfplumber

    def words(text: str) -> Counter[str]:
        return Counter(re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text)))

    with pdfplumber.open(pdf) as doc:
        # a gap of 1.5 pt splits words: table cells are padded wider apart
        printed = words("\n".join(page.extract_text(x_tolerance=1.5) for page in doc.pages))
    wanted = words("\n".join(values))
    return next((word for word, count in wanted.items() if printed[word] < count), None)


def prints_ellipsis(pdf: Path) -> bool:
    """Whether ``pdf`` prints an ellipsis "…" (the gold values have none:
    a renderer cut a value short)."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return any(c["text"] == "…" for page in doc.pages for c in page.chars)


def letter_gold(g: dict) -> dict[str, tuple[list[dict], list[str], str]]:
    """The rows a Landtag answer's build must publish, from the gold file:
    table -> (expected rows with the table's field names, fields compared, key naming a row)."""
    import datetime as dt
    from decimal import Decimal

    meta = ["drucksache", "wahlperiode", "nummer", "thema", "fragesteller", "fraktion", "ministerium", "aktenzeichen"]
    document = {name: g[name] for name in meta} | {"unterzeichner": g["signatory"], "datum": dt.date.fromisoformat(g["datum"]),
                                                   "kind": "landtag_answer", "row": 1}
    answer_of = {n: a for a in g["answers"] for n in a["fragen"]}
    questions = [{"nummer": q["nummer"], "frage": q["frage_text"], "antwort": "\n\n".join(answer_of[q["nummer"]]["absaetze"]),
                  "beantwortet_mit": ",".join(str(n) for n in answer_of[q["nummer"]]["fragen"])} for q in g["questions"]]
    centers = [{"seq": i, "name": c["name"], "traeger_raw": c["traeger_region_raw"], "region": c["region"], "kreis_ags": c["kreis_ags"],
                "status": status}
               for i, (c, status) in enumerate([(c, "etabliert") for c in g["welcome_centers"]]
                                               + [(c, "im_aufbau") for c in g["welcome_centers_in_aufbau"]], start=1)]
    funding = [{"seq": i, "region_raw": f["region_raw"], "region": f["region"], "kreis_ags": f["kreis_ags"], "betrag_raw": f["betrag_raw"],
                "betrag_eur": Decimal(f["betrag_eur"]), "status": status, "zeitraum": zeitraum}
               for i, (f, status, zeitraum) in enumerate([(f, "etabliert", g["funding_established_zeitraum"]) for f in g["funding_established"]]
                                                         + [(f, "im_aufbau", None) for f in g["funding_in_aufbau"]], start=1)]
    budget = [{"jahr": b["jahr"], "betrag_raw": b["betrag_raw"], "betrag_eur": Decimal(b["betrag_eur"])} for b in g["budget"]]
    annex = [dict(a, row=f"{a['anlage']}.{a['seq_in_anlage']}") for a in g["anlagen"]]
    return {
        "documents": ([document], [*meta, "unterzeichner", "datum", "kind"], "row"),
        "questions": (questions, ["nummer", "frage", "antwort", "beantwortet_mit"], "nummer"),
        "welcome_centers": (centers, ["seq", "name", "traeger_raw", "region", "kreis_ags", "status"], "seq"),
        "welcome_center_funding": (funding, ["seq", "region_raw", "region", "kreis_ags", "betrag_raw", "betrag_eur", "status", "zeitraum"], "seq"),
        "budget": (budget, ["jahr", "betrag_raw", "betrag_eur"], "jahr"),
        "annex_projects": (annex, ["anlage", "bewilligungsjahr", "seq_in_anlage", *ANNEX_FIELDS], "row"),
    }


LETTER_TABLES = ("documents", "questions", "welcome_centers", "welcome_center_funding", "budget")


def read_letter(pdf: Path) -> dict[str, Reading]:
    """A whole Landtag answer through the build: every published field of
    every table against gold, judged apart for the "letter" (its tables:
    LETTER_TABLES) and the "annex" rows; in each the worst table decides. A
    refusal stops both."""
    from foerderdaten.errors import InputError
    from foerderdaten.pipeline import build_tables

    try:
        tables, undecided = read_past_undecided(lambda: build_tables([pdf]))
    except InputError as exc:
        return dict.fromkeys(("letter", "annex"), Reading("refused", str(exc)))
    readings = {name: compare(getattr(tables, name), *expected) for name, expected in letter_gold(gold_landtag()).items()}
    return {"letter": _refused_so(undecided, _worst({name: readings[name] for name in LETTER_TABLES})),
            "annex": _refused_so(undecided, readings["annex_projects"])}


def _worst(readings: dict[str, Reading]) -> Reading:
    """One reading for several tables: wrong if any is, else ambiguous if any is."""
    for verdict in ("wrong", "ambiguous"):
        found = {name: r for name, r in readings.items() if r.verdict == verdict}
        if found:
            detail = "; ".join(f"{name}: {r.detail}" for name, r in found.items() if r.detail)
            return Reading(verdict, detail, [f"{name}: {d}" for name, r in found.items() for d in r.differences])
    return Reading("exact")
