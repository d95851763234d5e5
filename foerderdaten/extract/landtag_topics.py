"""What the Landtag answer on the Welcome Centers says, read from its letter.

The topic readers of this answer, on the paragraphs and list rows that
paragraphs.py found and the questions and answers that landtag.py
separated:

* tab lists whose lead-in names Welcome Centers: the centres (name ⇥
  Träger) or, where every row ends in an amount, the funding sums (region
  ⇥ amount); "im Aufbau" in the lead-in gives the status, "seit dem Jahr
  2016" the period;
* the centres named in running text ("Im Aufbau befinden sich derzeit das
  A, B und C.");
* the budget per year ("im Jahr 2023 2,5 Millionen Euro");
* the year of approval of each annex ("des Jahres 2023 in Anlage 1").

Everything is read from the wording; the values stay as printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from foerderdaten.extract.paragraphs import Block
from foerderdaten.extract.records import (
    RawBudget,
    RawCenterMention,
    RawFunding,
    RawParagraph,
    RawWelcomeCenter,
)

_AMOUNT = re.compile(r"\d[\d. ]*(?:,\d{1,2})?\s*(?:€|EUR|Euro)\.?$")
_WELCOME_CENTER = re.compile(r"Welcome[ -]Cent|Willkommens", re.IGNORECASE)
_IN_AUFBAU = re.compile(r"\bim\s+Aufbau\b", re.IGNORECASE)
_SINCE = re.compile(r"\bseit\s+(?:dem\s+Jahr\s+)?\d{4}")
_AUFBAU_SENTENCE = re.compile(
    r"\bIm\s+Aufbau\s+befinde[nt]\s+sich\s+(?:derzeit\s+|aktuell\s+|zurzeit\s+)?(?P<items>.+?)\.(?=\s|$)"
)
_ARTICLE = re.compile(r"^(?:das|die|der|den|dem)\s+")
_AMOUNT_WORDS = r"\d+(?:,\d+)?\s+(?:Millionen|Mio\.|Milliarden|Mrd\.|Tausend|Tsd\.)\s+(?:Euro|EUR|€)"
_AMOUNT_DIGITS = r"\d{1,3}(?:\.\d{3})*(?:,\d{2})?\s*(?:Euro|EUR|€)"
# "im Jahr 2023 2,5 Millionen Euro", "2024 4,5 Millionen Euro": a year directly followed by an amount
_YEAR_AMOUNT = re.compile(rf"\b(?P<jahr>(?:19|20)\d{{2}})\s+(?P<betrag>{_AMOUNT_WORDS}|{_AMOUNT_DIGITS})")
# "für Bewilligungen des Jahres 2023 in Anlage 1"
_ANNEX_YEAR = re.compile(r"\bJahr(?:es)?\s+(?P<jahr>(?:19|20)\d{2})\s+in\s+(?:der\s+)?Anlage\s+(?P<anlage>\d+)")


# --------------------------------------------------------------------------
# Tab lists: Welcome Centers and funding sums


@dataclass(frozen=True, slots=True)
class TabList:
    """Consecutive list rows with the paragraph that introduces them."""

    lead_in: str
    rows: tuple[Block, ...]  # each with its cells (``Block.row``)

    @property
    def status(self) -> str:
        return "im_aufbau" if _IN_AUFBAU.search(self.lead_in) else "etabliert"

    @property
    def kind(self) -> str | None:
        """ "funding" where every row ends in an amount, "centers" where none
        does; None for a list of both kinds: two lists read as one (the
        lead-in of the second taken for a row), which nothing reads."""
        amounts = [bool(_AMOUNT.search(_cells(row)[-1])) for row in self.rows]
        return "funding" if all(amounts) else "centers" if not any(amounts) else None


def _cells(row: Block) -> tuple[str, ...]:
    assert row.row is not None, "a TabList holds list rows only"
    return row.row


def tab_lists(body: list[Block]) -> Iterator[TabList]:
    """The tab lists about Welcome Centers: their lead-in names them and
    introduces the list with a colon ("… bekannt:", "… folgende Summen:").

    This answer has no other lists; a list without such a lead-in is read
    by nothing (the letter's self-check, ``letter_check.py``, refuses its
    rows): most likely a list row was read as a paragraph (its cells could
    not be split) and stands where the lead-in should.
    """
    lead_in, rows = "", []
    for block in [*body, None]:
        if block is not None and block.row is not None:
            rows.append(block)
            continue
        if rows and _introduces_list(lead_in):
            yield TabList(lead_in, tuple(rows))
        rows = []
        if block is not None:
            lead_in = block.text


def _introduces_list(lead_in: str) -> bool:
    return bool(_WELCOME_CENTER.search(lead_in)) and lead_in.rstrip().endswith(":")


def welcome_centers(tab_list: TabList) -> Iterable[RawWelcomeCenter]:
    if tab_list.kind != "centers":
        return []
    return [
        RawWelcomeCenter(_cells(row)[0], " ".join(_cells(row)[1:]), tab_list.status, row.page)
        for row in tab_list.rows
    ]


def funding(tab_list: TabList) -> Iterable[RawFunding]:
    if tab_list.kind != "funding":
        return []
    since = _SINCE.search(tab_list.lead_in)
    zeitraum = since.group(0) if since else None
    return [
        RawFunding(" ".join(_cells(row)[:-1]), _cells(row)[-1], tab_list.status, zeitraum, row.page)
        for row in tab_list.rows
    ]


def centers_in_aufbau(prose: list[RawParagraph]) -> Iterator[RawCenterMention]:
    """The items of "Im Aufbau befinden sich derzeit das A, B und C."."""
    for paragraph in prose:
        for match in _AUFBAU_SENTENCE.finditer(paragraph.text):
            for item in _enumeration(match["items"]):
                yield RawCenterMention(item, "im_aufbau", paragraph.page)


def _enumeration(text: str) -> list[str]:
    """ "das A, B und C" -> ["A", "B", "C"]: split at commas, the last item at its first "und"."""
    items = [item.strip() for item in re.split(r",\s*", text)]
    head, sep, tail = items[-1].partition(" und ")
    if sep:
        items[-1:] = [head, tail]
    return [_ARTICLE.sub("", item) for item in items if item]


# --------------------------------------------------------------------------
# Budget and annex years


def budget(prose: list[RawParagraph]) -> Iterator[RawBudget]:
    """Each year directly followed by an amount: "im Jahr 2023 2,5 Millionen Euro"."""
    for paragraph in prose:
        for match in _YEAR_AMOUNT.finditer(paragraph.text):
            yield RawBudget(int(match["jahr"]), match["betrag"], paragraph.page)


def annex_years(prose: list[RawParagraph]) -> dict[int, int]:
    """Annex number -> year of approval: "für Bewilligungen des Jahres 2023 in Anlage 1"."""
    return {
        int(match["anlage"]): int(match["jahr"])
        for paragraph in prose
        for match in _ANNEX_YEAR.finditer(paragraph.text)
    }
