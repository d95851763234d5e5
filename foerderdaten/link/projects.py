"""Link the annex rows of a Landtag answer to the projects of an SAB overview.

For every annex row, every SAB project is compared field by field
(``similarity.compare``) and judged by the rules below. Only the recipient
makes a project a candidate at all; title and description then decide.

1. **same_project** – same recipient and
   a. same title and a similar description, or
   b. a near-identical description, whatever the title (the title was
      changed between the documents: "IFN" / "IFN - Internationale
      Fachkräftesicherung für Nordsachsen").
   Rule 1 wins over the title alone: a row whose recipient, title *and*
   description equal an SAB project is that project, even in the annex of a
   later approval year (the project was listed as applied for and approved
   later).
2. **predecessor_title** – same recipient and same title, but a clearly
   different description, and the SAB project's approval period ended by the
   end of the annex's approval year: a new project under its predecessor's
   title.
3. Everything else with the same recipient whose title or description at
   least resembles the row is **uncertain** and goes to review instead of
   being guessed: same title with a description neither alike nor clearly
   different, a predecessor whose period is still running or unknown, a
   missing description, or a title/description that only resembles.

When several projects qualify for a link, the best overall score wins (the
description breaks ties); the runners-up go to review so a person can check
the choice. When the best two are practically equal, none is linked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from foerderdaten.link.similarity import Similarity, compare
from foerderdaten.schemas.tables import AnnexProject, Link, LinkReview, Project

Relation = Literal["same_project", "predecessor_title"]

# Thresholds on rapidfuzz similarities (0-100).
RECIPIENT_SAME = 85  # same organisation despite spelling and legal form
TITLE_SAME = 90  # same title despite typos
DESCRIPTION_ALIKE = 80  # with the same title: the same project
DESCRIPTION_IDENTICAL = 95  # alone: the same project, even under another title
DESCRIPTION_DIFFERENT = 60  # below: another text, so another project
RESEMBLES = 50  # title or description at least this alike: worth a review
# Two linkable candidates whose scores differ by less than this are a tie.
TIE_MARGIN = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    """One SAB project judged against one annex row."""

    project: Project
    similarity: Similarity
    relation: Relation | None  # set: the rules allow a link
    reason: str | None  # set: not linkable, but a person should look at it

    @property
    def review_reason(self) -> str:
        """Why a person should look at it: every candidate the rules do not link has one."""
        if self.reason is None:
            raise ValueError(f"{self.project.project_id}: a candidate without a reason to review it")
        return self.reason

    @property
    def rank_key(self) -> tuple:
        """Best first: overall score, then description, then document order."""
        return (-self.similarity.score, -(self.similarity.description or 0.0), self.project.seq)


def link_annex(annex: list[AnnexProject], projects: list[Project]) -> tuple[list[Link], list[LinkReview]]:
    """Links from annex rows to SAB projects, and the candidates left for review."""
    links: list[Link] = []
    reviews: list[LinkReview] = []
    for row in annex:
        link, row_reviews = _link_row(row, projects)
        if link is not None:
            links.append(link)
        reviews.extend(row_reviews)
    links.sort(key=lambda link: (link.anlage, link.seq_in_anlage))
    reviews.sort(key=lambda r: (r.anlage, r.seq_in_anlage, -r.score, r.project_id))
    return links, reviews


def _link_row(row: AnnexProject, projects: list[Project]) -> tuple[Link | None, list[LinkReview]]:
    candidates = [c for c in (judge(row, p) for p in projects) if c is not None]
    linkable = sorted((c for c in candidates if c.relation), key=lambda c: c.rank_key)
    uncertain = sorted((c for c in candidates if not c.relation), key=lambda c: c.rank_key)
    if not linkable:
        return None, [_review(row, c, c.review_reason) for c in uncertain]
    best, runners_up = linkable[0], linkable[1:]
    if runners_up and best.similarity.score - runners_up[0].similarity.score < TIE_MARGIN:
        reason = "several projects match equally well"
        return None, [_review(row, c, reason) for c in linkable]
    reason = f"also matches, but {best.project.project_id} scores higher and was linked"
    return _link(row, best), [_review(row, c, reason) for c in runners_up]


def judge(row: AnnexProject, project: Project) -> Candidate | None:
    """Apply the rules of the module docstring; None: not a candidate at all."""
    sim = compare(row, project)
    if sim.recipient < RECIPIENT_SAME:
        return None
    title_same = sim.title is not None and sim.title >= TITLE_SAME
    description = sim.description
    if description is not None and (
        description >= DESCRIPTION_IDENTICAL or (title_same and description >= DESCRIPTION_ALIKE)
    ):
        return Candidate(project, sim, "same_project", None)
    if title_same and description is None:
        return Candidate(project, sim, None, "same title, but no description to compare")
    if title_same and description is not None and description < DESCRIPTION_DIFFERENT:
        if _period_ended(project, row.bewilligungsjahr):
            return Candidate(project, sim, "predecessor_title", None)
        return Candidate(project, sim, None, "same title, different description, but the SAB period had not ended")
    if title_same:
        return Candidate(project, sim, None, "same title, description only partly alike")
    if max(sim.title or 0.0, description or 0.0) >= RESEMBLES:
        return Candidate(project, sim, None, "same recipient; title or description partly alike")
    return None


def _period_ended(project: Project, approval_year: int | None) -> bool:
    """Whether the project's approval period ended by the end of the annex's approval year."""
    if project.bewilligungsende is None or approval_year is None:
        return False
    return project.bewilligungsende <= dt.date(approval_year, 12, 31)


def _link(row: AnnexProject, c: Candidate) -> Link:
    return Link(
        source_id=row.source_id,
        anlage=row.anlage,
        seq_in_anlage=row.seq_in_anlage,
        project_id=c.project.project_id,
        project_source_id=c.project.source_id,
        relation=c.relation,
        score=c.similarity.score,
        evidence=c.similarity.evidence,
    )


def _review(row: AnnexProject, c: Candidate, reason: str) -> LinkReview:
    return LinkReview(
        source_id=row.source_id,
        anlage=row.anlage,
        seq_in_anlage=row.seq_in_anlage,
        project_id=c.project.project_id,
        project_source_id=c.project.source_id,
        score=c.similarity.score,
        reason=reason,
        evidence=c.similarity.evidence,
    )
