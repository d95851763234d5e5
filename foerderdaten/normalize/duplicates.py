"""Rows that share their Kurzbeschreibung (flag ``duplicate_description``).

Two descriptions count as shared when they are

* identical (after folding white space),
* near-identical: rapidfuzz ratio >= ``NEAR_IDENTICAL`` on the whole texts
  (follow-up projects re-use their text with a few words changed), or
* near-identical at the beginning: one text is the start of the other
  (ratio >= ``SAME_BEGINNING`` against the other's prefix of equal length,
  the shorter text at least half as long), as when one copy was cut off at a
  page bottom.

Texts shorter than ``MIN_LENGTH`` characters are only compared for identity,
as short phrases are shared by chance.

The detail names the other row's seq and whether the Träger is the same
(a follow-up project) or different (the text was probably copied into the
wrong row). Träger count as the same when one's words are (nearly) all
among the other's, or one is an acronym of the other (see same_traeger).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process, utils

from foerderdaten.extract.records import RawProject
from foerderdaten.normalize.text import clean_text, fold_words

NEAR_IDENTICAL = 90
SAME_BEGINNING = 95
MIN_LENGTH = 40
SAME_TRAEGER = 90
# Pairs need similar openings to be compared in full; this keeps the number
# of full comparisons small for long documents.
PREFIX_LENGTH = 80
PREFIX_CUTOFF = 80

_WORD = re.compile(r"\w+")


def duplicate_details(raws: Sequence[RawProject]) -> list[list[str]]:
    """For each row (same order as ``raws``), one detail per other row that
    shares its Kurzbeschreibung; an empty list if none does."""
    texts = [clean_text(raw.kurzbeschreibung) for raw in raws]
    details: list[list[str]] = [[] for _ in raws]
    for i, j in _candidate_pairs(texts):
        how = _similarity(texts[i], texts[j])
        if how is None:
            continue
        details[i].append(_detail(raws[i], raws[j], how))
        details[j].append(_detail(raws[j], raws[i], how))
    return details


def _candidate_pairs(texts: list[str]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of non-empty texts with similar openings, in the
    order of loops over i, then j."""
    prefixes = [text[:PREFIX_LENGTH] for text in texts]
    pairs: list[tuple[int, int]] = []
    for start in range(0, len(prefixes), PAIR_BLOCK):
        pairs += _pairs_from(start, prefixes, texts)
    return pairs


# Rows of the score matrix computed at once: the whole n x n matrix would
# take 4 bytes a pair (10 MB at 1,600 rows, 160 MB at 6,400), a block of
# rows against the rows after them grows only with n, and computes the
# half of the matrix the pairs i < j need.
PAIR_BLOCK = 256


def _pairs_from(start: int, prefixes: list[str], texts: list[str]) -> list[tuple[int, int]]:
    """The pairs (i, j) of ``_candidate_pairs`` whose i lies in the block from ``start``."""
    block = prefixes[start : start + PAIR_BLOCK]
    scores = process.cdist(block, prefixes[start:], scorer=fuzz.ratio, processor=utils.default_process,
                           score_cutoff=PREFIX_CUTOFF)
    # the passing scores' positions, row by row as the loops over i < j
    # would visit them; found by the array, not by a Python loop over all
    # pairs (a second for 1,600 rows)
    rows, cols = (scores >= PREFIX_CUTOFF).nonzero()
    return [
        (i, j)
        for i, j in zip((start + r for r in rows.tolist()), (start + c for c in cols.tolist()), strict=True)
        if i < j and texts[i] and texts[j]
    ]


def _similarity(a: str, b: str) -> str | None:
    """How two descriptions agree, in the German of the detail: "identisch",
    "fast identisch", "am Anfang fast identisch", or None."""
    if a == b:
        return "identisch"
    short, long = sorted((a, b), key=len)
    if len(short) < MIN_LENGTH:
        return None
    if fuzz.ratio(a, b) >= NEAR_IDENTICAL:
        return "fast identisch"
    if 2 * len(short) >= len(long) and fuzz.ratio(short, long[: len(short)]) >= SAME_BEGINNING:
        return "am Anfang fast identisch"
    return None


def _detail(row: RawProject, other: RawProject, how: str) -> str:
    same = same_traeger(row.projekttraeger, other.projekttraeger)
    detail = f"Kurzbeschreibung {how} mit Zeile {other.seq} (Seite {other.page}), "
    detail += "gleicher Träger" if same else f"ANDERER Träger („{other.projekttraeger}“)"
    if fold_words(row.projekttitel) == fold_words(other.projekttitel):
        detail += ", gleicher Projekttitel"
    return detail


def same_traeger(a: str, b: str) -> bool:
    """Whether two Träger names denote the same organisation: the words of
    one are (nearly) all among the other's ("WFG mbH" / "WFG
    Wirtschaftsförderungsgesellschaft mbH des Landkreises Nordsachsen"), or
    one spells the other with an acronym ("HTWK Leipzig" / "Hochschule für
    Technik, Wirtschaft und Kultur Leipzig")."""
    if fuzz.token_set_ratio(fold_words(a), fold_words(b)) >= SAME_TRAEGER:
        return True
    return abbreviates(a, b) or abbreviates(b, a)


def abbreviates(short: str, long: str) -> bool:
    """Every word of ``short`` is a word of ``long`` or an upper-case acronym
    of consecutive capitalised words of ``long``."""
    long_words = set(fold_words(long).split())
    initials = "".join(word[0] for word in _WORD.findall(long) if word[0].isupper())
    for word in _WORD.findall(short):
        if fold_words(word) in long_words:
            continue
        if len(word) >= 2 and word.isupper() and word in initials:
            continue
        return False
    return True
