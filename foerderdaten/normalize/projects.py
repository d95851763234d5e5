"""The SAB overview: raw rows -> ``projects``, ``corrections`` and ``quality``.

For each row, in document order:

1. read the region, the RL number, the Vorhabensart and the dates
   (regions.py, rl.py, dates.py); a date cell that is not written as a date
   stops the run with a :class:`NormalizeError` naming page and field (the
   table checks of extract/invariants.py refuse such cells first), a
   well-formed date that names no day of the calendar is the document's
   error: kept as printed, left empty and flagged ``impossible_date``;
2. give it a stable project_id (ids.py);
3. log every raw -> clean change that is more than a format conversion in
   ``corrections``: a region spelling mapped to another name, a Vorhabensart
   text replaced by a different canonical label, a two-digit year expanded.
   Reading "17.11.2022" as a date or " 3" as 3 is not logged;
4. collect its quality flags (checks.py, duplicates.py): each flag is a row
   of ``quality`` and the sorted flag names are joined into the project's
   ``quality_flags``;
5. validate the row with the ``Project`` model.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from pydantic import ValidationError

from foerderdaten.extract.records import RawProject
from foerderdaten.normalize import checks, dates, ids, regions, rl
from foerderdaten.normalize.checks import Finding
from foerderdaten.normalize.duplicates import duplicate_details
from foerderdaten.normalize.errors import NormalizeError
from foerderdaten.schemas.tables import Correction, Document, Project, QualityIssue

TABLE = "projects"


@dataclass
class SabTables:
    """The normalised tables of one SAB overview."""

    projects: list[Project] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    quality: list[QualityIssue] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Change:
    """A raw -> clean change for the corrections log."""

    field: str
    raw: str
    clean: str
    rule: str


def normalize_projects(raws: Sequence[RawProject]) -> SabTables:
    """Normalise the rows of one SAB overview (see module docstring)."""
    region_matches = [regions.match_region(raw.region_raw) for raw in raws]
    project_ids = ids.assign_project_ids(raws, [m.kreis_ags if m else None for m in region_matches])
    duplicates = duplicate_details(raws)
    last_seq_on_page = _last_seq_on_page(raws)

    tables = SabTables()
    stand = _stand(raws, tables)
    for raw, region, project_id, shared in zip(raws, region_matches, project_ids, duplicates, strict=True):
        found: list[Finding | None] = []  # None: a check that found nothing
        changes: list[_Change] = []
        values = _read_row(raw, region, found, changes) | {"stand": stand}
        found.append(checks.check_truncated(raw, last_on_page=last_seq_on_page[raw.page] == raw.seq))
        found.append(checks.check_missing(raw))
        found.append(checks.check_quotes(raw))
        if shared:
            found.append(Finding("duplicate_description", "; ".join(shared)))
        findings = sorted((f for f in found if f is not None), key=lambda f: f.flag)

        tables.projects.append(_project(raw, project_id, values, findings))
        tables.corrections += [
            Correction(source_id=raw.source_id, table=TABLE, record=project_id,
                       field=c.field, raw=c.raw, clean=c.clean, rule=c.rule)
            for c in changes
        ]
        tables.quality += [
            QualityIssue(source_id=raw.source_id, table=TABLE, record=project_id,
                         page=raw.page, flag=f.flag, detail=f.detail)
            for f in findings
        ]
    return tables


def overview_document(file_name: str, sha256: str, pages: int, title: str, edition: str, tables: SabTables) -> Document:
    """The overview's row of ``documents`` (its Stand as its projects carry
    it); ``pages``: how many pages the file has (the build does not keep them)."""
    first = tables.projects[0]
    return Document(
        source_id=first.source_id, kind="sab_overview", file_name=file_name, sha256=sha256,
        pages=pages, title=title, edition=edition, stand=first.stand,
    )


def _read_row(raw: RawProject, region: regions.RegionMatch | None,
              findings: list[Finding | None], changes: list[_Change]) -> dict:
    """The normalised values of one row; appends its findings and changes."""
    if region is not None and region.name != raw.region_raw:
        changes.append(_Change("region", raw.region_raw, region.name, region.rule))
    findings.append(checks.check_region(raw, region))

    # The printed Nr decides; the Vorhabensart text is checked against it.
    rl_nr = rl.parse_rl_nr(raw.rl_nr_raw)
    label = rl.rl_label(rl_nr) if rl_nr is not None else None
    if label is None:
        rl_nr = None
    art = rl.classify_vorhabensart(raw.vorhabensart_raw)
    base, _, _ = rl.split_suffix(raw.vorhabensart_raw)
    if label is not None and base and base != label:
        # a text that names the printed number was mapped by the vocabulary or
        # by fuzzy matching; any other text is simply replaced by the label
        matched = art.rl_nr == rl_nr and art.kind != "not_a_label"
        rule = art.rule if matched else "vorhabensart_label_of_rl_nr"
        changes.append(_Change("vorhabensart", raw.vorhabensart_raw, label, rule))
    findings.append(checks.check_vorhabensart(raw, art, label))
    findings.append(checks.check_rl(raw, rl_nr, label, art))

    begin = _date(raw, "bewilligungsbeginn", findings, changes)
    end = _date(raw, "bewilligungsende", findings, changes)
    findings.append(checks.check_period(begin, end, raw))

    return {
        "region": region.name if region else None,
        "kreis_ags": region.kreis_ags if region else None,
        "rl_nr": rl_nr,
        "vorhabensart": label,
        "gesteuerte_zuwanderung": art.gesteuerte_zuwanderung,
        "bewilligungsbeginn": begin,
        "bewilligungsende": end,
    }


def _stand(raws: Sequence[RawProject], tables: SabTables) -> dt.date | None:
    """The document's "Stand" date, the same for every row; an impossible
    one is flagged once, on the document."""
    if not raws:
        return None
    found: list[Finding | None] = []
    stand = _date(raws[0], "stand", found, changes=None)
    tables.quality += [
        QualityIssue(source_id=raws[0].source_id, table="documents", record=raws[0].source_id,
                     page=raws[0].page, flag=f.flag, detail=f.detail)
        for f in found if f is not None
    ]
    return stand


def _date(raw: RawProject, name: str, findings: list[Finding | None], changes: list[_Change] | None) -> dt.date | None:
    """The date of field ``name`` (read from ``name + '_raw'``); None if the
    cell is empty or names no day of the calendar (then flagged in
    ``findings``). Only an inferred century is worth a correction."""
    text = getattr(raw, f"{name}_raw")
    if not text.strip():
        return None
    try:
        value, rule = dates.parse_date(text)
    except dates.ImpossibleDate as err:
        label = checks.PRINTED_FIELDS.get(f"{name}_raw", name.capitalize())  # "Stand" is no table cell
        findings.append(checks.impossible_date(label, err))
        return None
    except ValueError as err:
        raise NormalizeError(f"{name}_raw", raw.page, text, str(err), seq=raw.seq) from None
    if changes is not None and rule == "date_two_digit_year":
        changes.append(_Change(name, text, value.isoformat(), rule))
    return value


def _project(raw: RawProject, project_id: str, values: dict, findings: list[Finding]) -> Project:
    try:
        return Project(
            project_id=project_id,
            source_id=raw.source_id,
            edition=raw.edition,
            stand=values["stand"],
            seq=raw.seq,
            page=raw.page,
            bbox=format_bbox(raw.bbox),
            projekttraeger=raw.projekttraeger,
            durchfuehrungsort=raw.durchfuehrungsort,
            region_raw=raw.region_raw,
            region=values["region"],
            kreis_ags=values["kreis_ags"],
            rl_nr_raw=raw.rl_nr_raw,
            rl_nr=values["rl_nr"],
            vorhabensart_raw=raw.vorhabensart_raw,
            vorhabensart=values["vorhabensart"],
            gesteuerte_zuwanderung=values["gesteuerte_zuwanderung"],
            bewilligungsbeginn_raw=raw.bewilligungsbeginn_raw,
            bewilligungsbeginn=values["bewilligungsbeginn"],
            bewilligungsende_raw=raw.bewilligungsende_raw,
            bewilligungsende=values["bewilligungsende"],
            projekttitel=raw.projekttitel,
            kurzbeschreibung=raw.kurzbeschreibung,
            quality_flags=";".join(f.flag for f in findings),
        )
    except ValidationError as err:
        first = err.errors()[0]
        name = ".".join(str(part) for part in first["loc"])
        raise NormalizeError(name, raw.page, str(first.get("input")), first["msg"], seq=raw.seq) from None


def format_bbox(bbox: tuple[float, float, float, float]) -> str:
    """ "x0 top x1 bottom" in pt with one decimal: "56.7 120.0 785.2 168.4"."""
    return " ".join(f"{v:.1f}" for v in bbox)


def _last_seq_on_page(raws: Sequence[RawProject]) -> dict[int, int]:
    """Page -> seq of the last row starting on that page."""
    last: dict[int, int] = {}
    for raw in raws:
        last[raw.page] = max(last.get(raw.page, raw.seq), raw.seq)
    return last
