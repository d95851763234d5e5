"""Organisations: one id for every spelling of the same Träger.

The documents spell one organisation several ways ("WFG mbH", "WFG
Wirtschaftsförderungsgesellschaft mbH des Landkreises Nordsachsen", "WFG-
Wirtschaftsförderungs- gesellschaft mbH …"; "HTWK Leipzig" / "Hochschule
für Technik, Wirtschaft und Kultur Leipzig"). Every distinct spelling of a
Projektträger (SAB) or Zuwendungsempfänger (Landtag annex) is compared with
every other; two spellings are merged only by one of these rules:

* ``same_spelling``: equal after folding case, umlauts, punctuation, blanks
  and the legal form ("BeSCo - … UG" / "BeSCO - … UG", "Volkshochschule
  Dresden" / "… e.V.", "Zittau/Görlitz" / "Zittau-Görlitz");
* ``extends``: one name is the other with words added, starting with the
  same word, and the shorter one has a word of its own beyond generic ones
  such as "Landkreis" or "Hochschule" ("Frauenförderwerk e. V." /
  "Frauenförderwerk Dresden e.V.", "WFG mbH" / "WFG … Nordsachsen");
* ``acronym``: one name writes words of the other as their initials
  ("HTWK Leipzig"), as ``normalize.duplicates.abbreviates`` decides;
* ``typo``: the same words but one, and that one differs by a single
  character (``MAX_TYPO_EDITS``) in a word of at least ``MIN_TYPO_WORD``
  letters ("Zgorcelec" / "Zgorzelec").

Anything else is never merged: two different organisations sharing words
("Landkreis Meißen" / "Landkreis Nordsachsen", "Große Kreisstadt Glauchau" /
"… Zittau") stay apart. A pair that is still very similar (``REVIEW_SCORE``)
goes to ``organisation_review`` for a person to judge, and each row with
such a spelling is flagged ``organisation_spelling`` in ``quality``
("Westfälische Hochschule Zwickau" in an annex where the SAB list names the
Westsächsische Hochschule Zwickau): flagged, never silently changed.

The ``organisation_id`` is "o_" + 12 hex digits of the SHA-256 of the
smallest folded spelling of the group, so it stays the same across rebuilds
and does not depend on the order of the documents. The group's ``name`` is
its most frequent spelling (the first one on a tie).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from foerderdaten.normalize.annex import annex_record
from foerderdaten.normalize.duplicates import abbreviates
from foerderdaten.normalize.text import fold_key, fold_organisation
from foerderdaten.schemas.tables import (
    AnnexProject,
    Organisation,
    OrganisationReview,
    OrganisationVariant,
    Project,
    QualityIssue,
)

REVIEW_SCORE = 85  # rapidfuzz ratio of the folded names from which an unmerged pair is worth a look
MAX_TYPO_EDITS = 1  # a typo: one character inserted, dropped or replaced
MIN_TYPO_WORD = 6  # shorter words differ meaningfully by one letter ("CWE" / "MWE")

# Words that name a kind of organisation, not which one: a shorter name made
# only of these (after the legal form is dropped) is no evidence of identity.
GENERIC_WORDS = frozenset(
    "landkreis landratsamt stadt stadtverwaltung grosse kreisstadt gemeinde hochschule universitaet "
    "technische volkshochschule verein institut stiftung zentrum akademie schule berufsschule "
    "kammer innung gesellschaft international internationale sachsen saechsische der die das des "
    "fuer und in im e v".split()
)


def merge_rule(a: str, b: str) -> str | None:
    """The rule by which spellings ``a`` and ``b`` name one organisation, or None."""
    # folded once each: this runs for every pair of spellings
    folded_a, folded_b = fold_organisation(a), fold_organisation(b)
    if fold_key(folded_a) == fold_key(folded_b):
        return "same_spelling"
    words_a, words_b = folded_a.split(), folded_b.split()
    if not words_a or not words_b:
        return None
    (short, short_name), (long, long_name) = sorted(((words_a, a), (words_b, b)), key=lambda item: len(item[0]))
    if len(short) < len(long) and short[0] == long[0] and set(short) <= set(long) and set(short) - GENERIC_WORDS:
        return "extends"
    if not set(short) <= set(long) and abbreviates(short_name, long_name):
        return "acronym"
    if len(words_a) == len(words_b):
        differing = [(x, y) for x, y in zip(words_a, words_b, strict=True) if x != y]
        if len(differing) == 1:
            x, y = differing[0]
            if min(len(x), len(y)) >= MIN_TYPO_WORD and Levenshtein.distance(x, y) <= MAX_TYPO_EDITS:
                return "typo"
    return None


def similarity(a: str, b: str) -> float:
    return round(fuzz.ratio(fold_organisation(a), fold_organisation(b)), 1)


def organisation_id(spellings: Sequence[str]) -> str:
    key = min(fold_key(fold_organisation(s)) for s in spellings)
    return "o_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]


@dataclass
class _Groups:
    """Spellings joined into groups (union-find), remembering the rule that joined each."""

    parent: dict[str, str] = field(default_factory=dict)
    rule: dict[str, str] = field(default_factory=dict)

    def add(self, name: str) -> None:
        self.parent.setdefault(name, name)

    def root(self, name: str) -> str:
        while self.parent[name] != name:
            name = self.parent[name]
        return name

    def join(self, earlier: str, later: str, rule: str) -> None:
        a, b = self.root(earlier), self.root(later)
        if a != b:
            self.parent[b] = a
            self.rule.setdefault(later, rule)


@dataclass
class OrganisationTables:
    organisations: list[Organisation]
    variants: list[OrganisationVariant]
    review: list[OrganisationReview]
    id_of: dict[str, str]  # spelling -> organisation_id
    quality: list[QualityIssue]


def build_organisations(projects: Sequence[Project], annex: Sequence[AnnexProject]) -> OrganisationTables:
    """Group every spelling of projects' Träger and annex recipients into organisations."""
    rows_per_spelling = Counter([p.projekttraeger for p in projects] + [a.zuwendungsempfaenger for a in annex])
    spellings = [s for s in rows_per_spelling if s.strip()]  # first appearance order
    groups = _Groups()
    for name in spellings:
        groups.add(name)
    similar: list[tuple[str, str, float]] = []
    for i, a in enumerate(spellings):
        for b in spellings[i + 1:]:
            rule = merge_rule(a, b)
            if rule:
                groups.join(a, b, rule)
            else:
                score = similarity(a, b)
                if score >= REVIEW_SCORE:
                    similar.append((a, b, score))

    members: dict[str, list[str]] = {}
    for name in spellings:
        members.setdefault(groups.root(name), []).append(name)
    id_of: dict[str, str] = {}
    name_of: dict[str, str] = {}
    for group in members.values():
        oid = organisation_id(group)
        name_of[oid] = max(group, key=lambda s: rows_per_spelling[s])  # max() keeps the first on a tie
        for s in group:
            id_of[s] = oid

    project_count = Counter(id_of[p.projekttraeger] for p in projects if p.projekttraeger in id_of)
    annex_count = Counter(id_of[a.zuwendungsempfaenger] for a in annex if a.zuwendungsempfaenger in id_of)
    organisations = sorted(
        (Organisation(organisation_id=oid, name=name, variants=len(members[groups.root(name)]),
                      projects=project_count[oid], annex_projects=annex_count[oid])
         for oid, name in name_of.items()),
        key=lambda o: o.name.casefold(),
    )
    variants = sorted(
        (OrganisationVariant(variant=s, organisation_id=id_of[s], rule=groups.rule.get(s, "own"),
                             rows=rows_per_spelling[s]) for s in spellings),
        key=lambda v: (v.variant.casefold(), v.variant),
    )
    review = _review(similar, id_of, name_of)
    return OrganisationTables(organisations, variants, review, id_of, _quality(review, projects, annex))


def _review(similar, id_of, name_of) -> list[OrganisationReview]:
    """Unmerged but very similar pairs; the later spelling is the one to check."""
    seen: set[tuple[str, str]] = set()
    review = []
    for earlier, later, score in similar:
        key = (later, id_of[earlier])
        if id_of[earlier] == id_of[later] or key in seen:
            continue
        seen.add(key)
        review.append(OrganisationReview(
            variant=later, organisation_id=id_of[later], candidate_id=id_of[earlier], candidate=name_of[id_of[earlier]],
            score=score, reason="ähnlicher Name, aber mehr als ein Tippfehler oder ein allgemeines Wort Unterschied",
        ))
    return review


def _quality(review: Sequence[OrganisationReview], projects, annex) -> list[QualityIssue]:
    """One ``organisation_spelling`` issue per row that carries a spelling under review."""
    issues = []
    for r in review:
        score = f"{r.score:g}".replace(".", ",")
        detail = (f"„{r.variant}“ ähnelt „{r.candidate}“ (Ähnlichkeit {score}), ist aber nicht sicher "
                  "dieselbe Organisation; nicht zusammengeführt, nichts geändert")
        for p in projects:
            if p.projekttraeger == r.variant:
                issues.append(QualityIssue(source_id=p.source_id, table="projects", record=p.project_id, page=p.page,
                                           flag="organisation_spelling", detail=detail))
        for a in annex:
            if a.zuwendungsempfaenger == r.variant:
                issues.append(QualityIssue(source_id=a.source_id, table="annex_projects", record=annex_record(a),
                                           page=a.page, flag="organisation_spelling", detail=detail))
    # one issue per row and flag (the table's key): several candidates share one entry
    unique = {(i.source_id, i.table, i.record): i for i in reversed(issues)}
    return [i for i in issues if unique[(i.source_id, i.table, i.record)] is i]
