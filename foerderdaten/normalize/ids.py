"""Stable project ids.

A project is identified by what the document says about it, not by where it
stands: Träger, title, start date and district. Those are folded (case,
umlauts, ß, punctuation and blanks removed, see text.fold_key; the Träger
also without its legal form; the date as an ISO date), so a re-extraction
with slightly different spacing, or a later edition that writes "GmbH" where
this one did not, "1.12.2022" for "01.12.2022" or fixes "Landkreis leipzig",
gives the same id. The id is "p_" + the first 12 hex
digits of the SHA-256 of the folded key.

Two rows of one document can share the key (same Träger, title, start and
district). Then the first row in document order keeps the plain id and each
later one adds its Kurzbeschreibung to the key; only if that still collides
its position (seq) is added. The first row's id is therefore never affected
by a later duplicate.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from foerderdaten.extract.records import RawProject
from foerderdaten.normalize.dates import parse_date
from foerderdaten.normalize.text import fold_key, fold_organisation


def project_key(projekttraeger: str, projekttitel: str, bewilligungsbeginn_raw: str, kreis_ags: str | None) -> str:
    """The folded identity of a project: "traeger|titel|beginn|ags"."""
    return "|".join((fold_key(fold_organisation(projekttraeger)), fold_key(projekttitel), _date_key(bewilligungsbeginn_raw), kreis_ags or ""))


def _date_key(raw: str) -> str:
    """The start date as ISO text; an unreadable one as folded text (the
    normaliser reports it)."""
    try:
        return parse_date(raw)[0].isoformat()
    except ValueError:
        return fold_key(raw)


def id_from_key(key: str) -> str:
    """ "p_" + first 12 hex digits of SHA-256 over the key."""
    return "p_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


def assign_project_ids(raws: Sequence[RawProject], kreis_ags: Sequence[str | None]) -> list[str]:
    """One unique id per row, in the order of ``raws`` (see module docstring)."""
    ids: list[str] = []
    taken: set[str] = set()
    for raw, ags in zip(raws, kreis_ags, strict=True):
        key = project_key(raw.projekttraeger, raw.projekttitel, raw.bewilligungsbeginn_raw, ags)
        candidates = (key, f"{key}|{fold_key(raw.kurzbeschreibung)}", f"{key}|{fold_key(raw.kurzbeschreibung)}|{raw.seq}")
        project_id = next(pid for pid in map(id_from_key, candidates) if pid not in taken)
        taken.add(project_id)
        ids.append(project_id)
    return ids
