"""Raw records: what a parser read from a PDF, exactly as printed.

Values are the document's text, re-joined across line and page breaks and
with white space folded; nothing is corrected here (that is normalize/).
"""

from __future__ import annotations

from dataclasses import dataclass

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in pt


@dataclass(frozen=True, slots=True)
class RawProject:
    """One row of an SAB overview ("Übersicht über beantragte und bewilligte Projekte")."""

    source_id: str
    edition: str  # e.g. "Regionalbudget 2023", from the page header
    stand_raw: str  # e.g. "31.12.2023", from "Stand: 31.12.2023"
    seq: int  # 1-based position in the document
    page: int  # page on which the row starts
    bbox: BBox  # the row's box on that page
    projekttraeger: str
    durchfuehrungsort: str
    region_raw: str
    rl_nr_raw: str
    vorhabensart_raw: str
    bewilligungsbeginn_raw: str
    bewilligungsende_raw: str
    projekttitel: str
    kurzbeschreibung: str


@dataclass(frozen=True, slots=True)
class RawAnnexRow:
    """One row of an annex table of a Landtag answer."""

    source_id: str
    anlage: int
    seq_in_anlage: int
    page: int
    bbox: BBox
    zuwendungsempfaenger: str
    projekttitel: str
    zielgruppe: str
    kurzbeschreibung: str


# --------------------------------------------------------------------------
# Landtag answer: the letter (extract/landtag.py, extract/landtag_topics.py)


@dataclass(frozen=True, slots=True)
class RawQuestion:
    nummer: int
    frage: str  # the question's wording, without the "Frage N:" label
    page: int


@dataclass(frozen=True, slots=True)
class RawParagraph:
    text: str
    page: int


@dataclass(frozen=True, slots=True)
class RawAnswer:
    """One answer: the questions it answers and its prose paragraphs (tab lists excluded)."""

    fragen: tuple[int, ...]
    paragraphs: tuple[RawParagraph, ...]


@dataclass(frozen=True, slots=True)
class RawWelcomeCenter:
    """A row of a tab list of Welcome Centers: name ⇥ Träger."""

    name: str
    traeger_raw: str
    status: str  # "etabliert" or "im_aufbau", from the list's lead-in sentence
    page: int


@dataclass(frozen=True, slots=True)
class RawCenterMention:
    """A Welcome Center named in running text: one item of an enumeration as
    printed, without its article, e.g. "im Landkreis Nordsachsen WIN -
    Willkommen in Nordsachsen". Where the place ends and the name begins
    needs the district vocabulary, so normalize splits it."""

    text: str
    status: str
    page: int


@dataclass(frozen=True, slots=True)
class RawFunding:
    """A row of a tab list of funding sums: region ⇥ amount."""

    region_raw: str
    betrag_raw: str  # as printed, a sentence's final period included
    status: str
    zeitraum: str | None  # e.g. "seit dem Jahr 2016", from the lead-in sentence
    page: int


@dataclass(frozen=True, slots=True)
class RawBudget:
    jahr: int
    betrag_raw: str  # e.g. "2,5 Millionen Euro"
    page: int


@dataclass(frozen=True, slots=True)
class RawLetter:
    source_id: str
    title: str  # built from the printed heading, see _title
    drucksache: str  # "7/16456"
    wahlperiode: int
    nummer: int
    anfrage: str  # the heading line, e.g. "Kleine Anfrage des Abgeordneten Thomas Thumm (AfD)"
    thema: str | None
    fragesteller: str | None
    fraktion: str | None
    ministerium: str | None
    unterzeichner: str | None
    datum_raw: str | None  # e.g. "Dresden, 10. Juni 2024"
    aktenzeichen: str | None
    questions: tuple[RawQuestion, ...]
    answers: tuple[RawAnswer, ...]
    welcome_centers: tuple[RawWelcomeCenter, ...]  # from tab lists
    centers_mentioned: tuple[RawCenterMention, ...]  # from running text ("Im Aufbau befinden sich …")
    funding: tuple[RawFunding, ...]
    budget: tuple[RawBudget, ...]
    annex_years: dict[int, int]  # Anlage -> year of approval
    letter_pages: tuple[int, ...]
