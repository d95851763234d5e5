"""The letter of a Landtag answer: ``RawLetter`` -> document, questions,
Welcome Centers, funding sums, budget.

Districts, amounts and dates are read by regions.py, money.py and dates.py.
Like the SAB overview, only a district spelling mapped to another name is
logged in ``corrections``; reading "285.563,71 €" as an amount is not.

Questions and answers (codebook): every question carries the full text of
the answer that answers it, its paragraphs separated by a blank line
("\\n\\n"). Questions answered jointly ("Zusammenfassende Antwort auf die
Fragen 1 bis 3") each carry the same joint answer, and ``beantwortet_mit``
lists all of them ("1,2,3"); a question answered alone lists only itself
("4"). The answer text is the prose: the tab lists inside an answer (Welcome
Centers, funding sums) are published as their own tables.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from foerderdaten.extract.pdfdoc import PdfDocument
from foerderdaten.extract.records import RawAnswer, RawLetter, RawQuestion
from foerderdaten.normalize import checks, dates, money, regions
from foerderdaten.normalize.errors import NormalizeError
from foerderdaten.schemas.tables import (
    Budget,
    Correction,
    Document,
    QualityIssue,
    Question,
    WelcomeCenter,
    WelcomeCenterFunding,
)

# "im Landkreis Nordsachsen WIN - …": a place named before the centre's name
_PLACE_PREFIX = re.compile(r"^(?:im|in\s+der|in|beim|bei\s+der)\s+(?P<rest>.+)$")


@dataclass
class LandtagTables:
    """The normalised tables of one Landtag answer's letter."""

    document: Document
    questions: list[Question]
    welcome_centers: list[WelcomeCenter]
    welcome_center_funding: list[WelcomeCenterFunding]
    budget: list[Budget]
    annex_years: dict[int, int]  # Anlage -> year of approval, for the annex rows
    corrections: list[Correction] = field(default_factory=list)
    quality: list[QualityIssue] = field(default_factory=list)


def normalize_letter(raw: RawLetter, doc: PdfDocument) -> LandtagTables:
    """Normalise the letter; ``doc`` gives file name, checksum and page count.

    Raises ``NormalizeError`` (naming page and field) for a district, amount
    or date that cannot be read. A date that names no day of the calendar
    is the letter's own error: ``datum`` stays empty and ``quality`` says why.
    """
    corrections: list[Correction] = []
    quality: list[QualityIssue] = []
    return LandtagTables(
        document=_document(raw, doc, quality),
        questions=[_question(raw, q) for q in raw.questions],
        welcome_centers=_welcome_centers(raw, corrections),
        welcome_center_funding=_funding(raw, corrections),
        budget=[
            Budget(source_id=raw.source_id, jahr=b.jahr, betrag_raw=b.betrag_raw, betrag_eur=_euro(b.betrag_raw, b.page))
            for b in raw.budget
        ],
        annex_years=dict(raw.annex_years),
        corrections=corrections,
        quality=quality,
    )


# --------------------------------------------------------------------------
# Document and questions


def _document(raw: RawLetter, doc: PdfDocument, quality: list[QualityIssue]) -> Document:
    return Document(
        source_id=raw.source_id,
        kind="landtag_answer",
        file_name=doc.file_name,
        sha256=doc.sha256,
        pages=len(doc.pages),
        title=raw.title,
        drucksache=raw.drucksache,
        wahlperiode=raw.wahlperiode,
        nummer=raw.nummer,
        thema=raw.thema,
        fragesteller=raw.fragesteller,
        fraktion=raw.fraktion,
        ministerium=raw.ministerium,
        unterzeichner=raw.unterzeichner,
        datum=_letter_date(raw, quality),
        aktenzeichen=raw.aktenzeichen,
    )


def _letter_date(raw: RawLetter, quality: list[QualityIssue]) -> dt.date | None:
    """ "Dresden, 10. Juni 2024" -> 2024-06-10 (the place before the comma is
    dropped); None, flagged in ``quality``, for a day the calendar lacks."""
    if not raw.datum_raw:
        return None
    page = raw.letter_pages[0]
    text = raw.datum_raw.rpartition(",")[2].strip()
    text = re.sub(r"^den\s+", "", text)
    try:
        return dates.parse_date(text)[0]
    except dates.ImpossibleDate as err:
        finding = checks.impossible_date("Datum", err)
        quality.append(QualityIssue(source_id=raw.source_id, table="documents", record=raw.source_id,
                                    page=page, flag=finding.flag, detail=finding.detail))
        return None
    except ValueError as err:
        raise NormalizeError("datum_raw", page, raw.datum_raw, str(err)) from None


def _question(raw: RawLetter, question: RawQuestion) -> Question:
    answer = _answer_of(raw.answers, question.nummer)
    return Question(
        source_id=raw.source_id,
        nummer=question.nummer,
        frage=question.frage,
        antwort="\n\n".join(p.text for p in answer.paragraphs) if answer else "",
        beantwortet_mit=",".join(str(n) for n in answer.fragen) if answer else str(question.nummer),
        page=question.page,
    )


def _answer_of(answers: tuple[RawAnswer, ...], nummer: int) -> RawAnswer | None:
    return next((a for a in answers if nummer in a.fragen), None)


# --------------------------------------------------------------------------
# Welcome Centers and funding


def _welcome_centers(raw: RawLetter, corrections: list[Correction]) -> list[WelcomeCenter]:
    """The centres of the tab lists, then those named in running text, in
    document order; district spellings mapped to another name go to ``corrections``."""
    entries = [(c.name, c.traeger_raw, c.status, c.page) for c in raw.welcome_centers]
    entries += [(*_split_place(m.text), m.status, m.page) for m in raw.centers_mentioned]
    centers = []
    for seq, (name, traeger_raw, status, page) in enumerate(entries, start=1):
        region, spelling = _center_region(name, traeger_raw, page)
        corrections.extend(_region_change(raw.source_id, "welcome_centers", seq, spelling, region))
        centers.append(WelcomeCenter(
            source_id=raw.source_id, seq=seq, name=name, traeger_raw=traeger_raw,
            region=region.name, kreis_ags=region.kreis_ags, status=status, page=page,
        ))
    return centers


def _split_place(text: str) -> tuple[str, str]:
    """(name, place) of a centre named in running text: "im Landkreis
    Nordsachsen WIN - Willkommen in Nordsachsen" -> ("WIN - Willkommen in
    Nordsachsen", "Landkreis Nordsachsen"); the place is the shortest run of
    words after the preposition that names a district. Without such a
    prefix: (text, "")."""
    match = _PLACE_PREFIX.match(text)
    if match:
        words = match["rest"].split()
        for n in range(1, len(words)):
            place = " ".join(words[:n])
            if regions.match_region(place):
                return " ".join(words[n:]), place
    return text, ""


def _center_region(name: str, traeger_raw: str, page: int) -> tuple[regions.RegionMatch, str]:
    """The district of a centre and the spelling it was read from: the
    Träger ("Landkreis Bautzen"), else the district its name ends with
    ("Welcome Center Chemnitz")."""
    if traeger_raw and (region := regions.match_region(traeger_raw)):
        return region, traeger_raw
    words = name.split()
    for n in range(len(words) - 1, -1, -1):  # shortest ending first
        spelling = " ".join(words[n:])
        if region := regions.match_region(spelling):
            return region, spelling
    raise NormalizeError("traeger_raw", page, traeger_raw or name, "names no Saxon district")


def _funding(raw: RawLetter, corrections: list[Correction]) -> list[WelcomeCenterFunding]:
    """The funding rows in document order; district spellings mapped to another name go to ``corrections``."""
    rows = []
    for seq, f in enumerate(raw.funding, start=1):
        region = regions.match_region(f.region_raw)
        if region is None:
            raise NormalizeError("region_raw", f.page, f.region_raw, "names no Saxon district")
        corrections.extend(_region_change(raw.source_id, "welcome_center_funding", seq, f.region_raw, region))
        rows.append(WelcomeCenterFunding(
            source_id=raw.source_id, seq=seq, region_raw=f.region_raw, region=region.name,
            kreis_ags=region.kreis_ags, betrag_raw=f.betrag_raw, betrag_eur=_euro(f.betrag_raw, f.page),
            status=f.status, zeitraum=f.zeitraum, page=f.page,
        ))
    return rows


def _region_change(source_id: str, table: str, seq: int, spelling: str, region: regions.RegionMatch) -> list[Correction]:
    """A corrections entry when the district's name differs from the printed spelling."""
    if region.name == spelling:
        return []
    return [Correction(source_id=source_id, table=table, record=str(seq), field="region",
                       raw=spelling, clean=region.name, rule=region.rule)]


def _euro(betrag_raw: str, page: int) -> Decimal:
    try:
        return money.parse_euro(betrag_raw)[0]
    except ValueError as err:
        raise NormalizeError("betrag_raw", page, betrag_raw, str(err)) from None
