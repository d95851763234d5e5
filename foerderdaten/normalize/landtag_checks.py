"""Quality rules for the oddities of a Landtag answer's letter.

* ``amount_punctuation``: an amount printed with a punctuation mark after it
  ("499.660,00 €." at the end of a sentence). money.py reads the amount
  without it; the raw text keeps it, and the reader learns why it differs.

(Names of organisations that are close to, but not surely the same as,
another organisation's are flagged by ``link/organisations.py``.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from foerderdaten.schemas.tables import Budget, QualityIssue, WelcomeCenterFunding

_TRAILING_PUNCTUATION = re.compile(r"[.,;:!?]+$")


def _punctuation_detail(raw: str, value) -> str | None:
    found = _TRAILING_PUNCTUATION.search(raw.strip())
    if not found:
        return None
    return f"Betrag „{raw.strip()}“ endet mit „{found.group()}“ (Satzzeichen); gelesen als {value} (Spalte betrag_eur)"


def amount_findings(funding: Sequence[WelcomeCenterFunding], budget: Sequence[Budget]) -> list[QualityIssue]:
    issues = []
    for row in funding:
        detail = _punctuation_detail(row.betrag_raw, row.betrag_eur)
        if detail:
            issues.append(QualityIssue(source_id=row.source_id, table="welcome_center_funding", record=str(row.seq),
                                       page=row.page, flag="amount_punctuation", detail=detail))
    for year in budget:
        detail = _punctuation_detail(year.betrag_raw, year.betrag_eur)
        if detail:
            issues.append(QualityIssue(source_id=year.source_id, table="budget", record=str(year.jahr),
                                       page=None, flag="amount_punctuation", detail=detail))
    return issues
