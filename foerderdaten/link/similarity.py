"""How alike an annex row and an SAB project are, field by field.

The two documents spell the same things differently: "Frauenförderwerk
Dresden e.V." / "Frauenförderwerk e. V.", "Hochschule Zittau-Görlitz" /
"Hochschule Zittau/Görlitz", „…“ / "…" / ,,…", typos on either side. So every
field is normalised first (case, umlauts, quotes, punctuation, spacing; for
organisations also the legal form) and then compared with rapidfuzz.

* recipient: ``token_set_ratio`` – one name may carry extra words
  ("Stasenko Intelligence Technologies int. -SIT int. UG", a city added),
  which must not lower the score;
* title and description: plain ``ratio`` – here extra words do mean a
  different text ("IFN" is not "IFN - Internationale Fachkräftesicherung").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from foerderdaten.normalize.text import fold_organisation, fold_words
from foerderdaten.schemas.tables import AnnexProject, Project


# Every annex row is compared with every project: normalise each text once,
# not once per pair (the normalisation dominated the whole build). Pure
# functions of their argument, so the caches change no result.
@lru_cache(maxsize=8192)
def normalize_text(text: str) -> str:
    """Lower case, umlauts spelt out, punctuation and quotes as blanks, blanks
    folded (the project-wide ``fold_words``)."""
    return fold_words(text)


@lru_cache(maxsize=8192)
def normalize_org(name: str) -> str:
    """An organisation's name without its legal form, normalised like any text."""
    return fold_organisation(name)


def _text_similarity(a: str, b: str) -> float | None:
    """0-100, or None when one side is empty (a missing text is no evidence either way)."""
    a, b = normalize_text(a), normalize_text(b)
    if not a or not b:
        return None
    return fuzz.ratio(a, b)


@dataclass(frozen=True, slots=True)
class Similarity:
    """Field similarities (0-100) of one annex row and one SAB project."""

    recipient: float
    title: float | None  # None: one side has no text
    description: float | None

    @property
    def score(self) -> float:
        """Overall similarity: the mean of the three (a missing text counts 0), one decimal."""
        return round((self.recipient + (self.title or 0.0) + (self.description or 0.0)) / 3, 1)

    @property
    def evidence(self) -> str:
        """Short, deterministic text, e.g. "recipient 97; title 100; description 100"."""
        return "; ".join(f"{name} {_percent(value)}" for name, value in
                         (("recipient", self.recipient), ("title", self.title), ("description", self.description)))


def _percent(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f}"


def compare(annex: AnnexProject, project: Project) -> Similarity:
    """How alike the annex row and the SAB project are."""
    a_org, p_org = normalize_org(annex.zuwendungsempfaenger), normalize_org(project.projekttraeger)
    return Similarity(
        recipient=fuzz.token_set_ratio(a_org, p_org) if a_org and p_org else 0.0,
        title=_text_similarity(annex.projekttitel, project.projekttitel),
        description=_text_similarity(annex.kurzbeschreibung, project.kurzbeschreibung),
    )
