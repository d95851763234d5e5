"""The rows of every published table, one typed list per table.

``Tables`` is what the pipeline fills stage by stage and what the
publishers write. Its fields are the tables of ``TABLES`` in the same order
(a test keeps the two equal), so a type checker knows that ``projects``
holds ``Project`` rows and a misspelt table name fails where it is written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, fields

from foerderdaten.schemas.common import Record
from foerderdaten.schemas.tables import (
    AnnexProject,
    Budget,
    Correction,
    District,
    DistrictVariant,
    Document,
    Link,
    LinkReview,
    Organisation,
    OrganisationReview,
    OrganisationVariant,
    Project,
    ProjectChange,
    QualityIssue,
    Question,
    RlCategory,
    VorhabensartVariant,
    WelcomeCenter,
    WelcomeCenterFunding,
)


@dataclass
class Tables:
    """Rows of every published table (an empty list: the table has no rows)."""

    documents: list[Document] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    changes: list[ProjectChange] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    quality: list[QualityIssue] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    welcome_centers: list[WelcomeCenter] = field(default_factory=list)
    welcome_center_funding: list[WelcomeCenterFunding] = field(default_factory=list)
    budget: list[Budget] = field(default_factory=list)
    annex_projects: list[AnnexProject] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    link_review: list[LinkReview] = field(default_factory=list)
    organisations: list[Organisation] = field(default_factory=list)
    organisation_variants: list[OrganisationVariant] = field(default_factory=list)
    organisation_review: list[OrganisationReview] = field(default_factory=list)
    districts: list[District] = field(default_factory=list)
    district_variants: list[DistrictVariant] = field(default_factory=list)
    rl_categories: list[RlCategory] = field(default_factory=list)
    vorhabensart_variants: list[VorhabensartVariant] = field(default_factory=list)

    def items(self) -> Iterator[tuple[str, Sequence[Record]]]:
        """(table name, rows) of every table, in contract order: for writers that treat all tables alike."""
        for f in fields(self):
            yield f.name, getattr(self, f.name)


def table_names() -> tuple[str, ...]:
    """The names of the tables ``Tables`` holds, in order."""
    return tuple(f.name for f in fields(Tables))
