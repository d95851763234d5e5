"""The build: PDFs in, published dataset out.

extract -> normalize -> validate -> link -> publish, each a plain function
over plain records. The output folder is written next to the target under a
temporary name and swapped in only when everything succeeded, so a failed
build leaves the previous dataset as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from foerderdaten import __version__
from foerderdaten.errors import InputError
from foerderdaten.extract.pdfdoc import DEFAULT_ENGINE, PdfDocument, open_pdfs, reading_pool
from foerderdaten.schemas import TABLES

Progress = Callable[[str], None]


@dataclass
class Tables:
    """Rows of every published table, filled stage by stage."""

    rows: dict[str, list] = field(default_factory=lambda: {name: [] for name in TABLES})

    def add(self, name: str, items: Iterable) -> None:
        self.rows[name].extend(items)


# --------------------------------------------------------------------------
# Inputs


def collect_pdfs(inputs: list[Path]) -> list[Path]:
    """PDF files named directly, plus every *.pdf inside named folders (sorted)."""
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            found.extend(sorted(p for p in item.iterdir() if p.suffix.lower() == ".pdf" and p.is_file()))
        elif item.exists():
            found.append(item)
        else:
            raise InputError(item.name, "no such file or folder; check the path")
    if not found:
        raise InputError(", ".join(str(i) for i in inputs) or ".", "no PDF files found; pass PDF files or a folder holding them")
    return found


def detect_kind(doc: PdfDocument) -> str:
    """The kind of document, from its content (never its file name)."""
    from foerderdaten.extract.landtag import is_landtag_answer
    from foerderdaten.extract.sab import is_sab_overview

    if is_landtag_answer(doc):
        return "landtag_answer"
    if is_sab_overview(doc):
        return "sab_overview"
    raise InputError(
        doc.file_name,
        "unknown kind of PDF: neither an SAB project overview nor a Landtag answer; pass only those documents",
    )


# --------------------------------------------------------------------------
# Per document


def read_sab(doc: PdfDocument, tables: Tables) -> None:
    from foerderdaten.extract.sab import extract_projects
    from foerderdaten.normalize.projects import normalize_projects
    from foerderdaten.schemas.tables import Document

    title, edition, raws = extract_projects(doc)
    sab = _normalized(doc, lambda: normalize_projects(raws))
    stand = sab.projects[0].stand if sab.projects else None
    tables.add("documents", [Document(
        source_id=raws[0].source_id, kind="sab_overview", file_name=doc.file_name, sha256=doc.sha256,
        pages=len(doc.pages), title=title, edition=edition, stand=stand,
    )])
    tables.add("projects", sab.projects)
    tables.add("corrections", sab.corrections)
    tables.add("quality", sab.quality)


def read_landtag(doc: PdfDocument, tables: Tables) -> None:
    from foerderdaten.extract.annex import extract_annex_rows
    from foerderdaten.extract.landtag import extract_letter
    from foerderdaten.normalize.annex import normalize_annex
    from foerderdaten.normalize.landtag import normalize_letter

    letter = extract_letter(doc)
    answer = _normalized(doc, lambda: normalize_letter(letter, doc))
    source_id = answer.document.source_id
    annex = _normalized(doc, lambda: normalize_annex(extract_annex_rows(doc, source_id), answer.annex_years))
    tables.add("documents", [answer.document])
    tables.add("questions", answer.questions)
    tables.add("welcome_centers", answer.welcome_centers)
    tables.add("welcome_center_funding", answer.welcome_center_funding)
    tables.add("budget", answer.budget)
    tables.add("annex_projects", annex)
    tables.add("corrections", answer.corrections)


def _normalized(doc: PdfDocument, step):
    """Run a normalise step; a value that cannot be read names the file."""
    from foerderdaten.normalize.errors import NormalizeError
    from pydantic import ValidationError

    try:
        return step()
    except NormalizeError as exc:
        raise InputError(doc.file_name, str(exc)) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(doc.file_name, f"invalid value for {where}: {first['msg']}") from exc


READERS = {"sab_overview": read_sab, "landtag_answer": read_landtag}


# --------------------------------------------------------------------------
# Whole build


def build_tables(pdfs: list[Path], progress: Progress = lambda _: None, engine: str = DEFAULT_ENGINE) -> Tables:
    """Read every PDF and link across documents. Raises InputError on bad input.

    The pages of all documents are read at once by a pool of worker
    processes; the documents are then parsed one after the other.
    """
    from foerderdaten.link import link_annex
    from foerderdaten.normalize import vocab

    tables = Tables()
    seen: dict[str, str] = {}
    progress(f"reading {len(pdfs)} PDF file(s)")
    with reading_pool() as pool:
        for doc in open_pdfs(pdfs, engine, pool):
            if doc.sha256 in seen:
                raise InputError(doc.file_name, f"same file as {seen[doc.sha256]}; pass each document once")
            seen[doc.sha256] = doc.file_name
            READERS[detect_kind(doc)](doc, tables)
    _check_unique_sources(tables)
    progress("linking annex rows to SAB projects")
    links, review = link_annex(tables.rows["annex_projects"], tables.rows["projects"])
    tables.add("links", links)
    tables.add("link_review", review)
    tables.add("districts", vocab.districts())
    tables.add("district_variants", vocab.district_variants())
    tables.add("rl_categories", vocab.rl_categories())
    tables.add("vorhabensart_variants", vocab.vorhabensart_variants())
    return tables


def _check_unique_sources(tables: Tables) -> None:
    names: dict[str, str] = {}
    for doc in tables.rows["documents"]:
        if doc.source_id in names:
            raise InputError(doc.file_name, f"same document ({doc.source_id}) as {names[doc.source_id]}; pass each edition once")
        names[doc.source_id] = doc.file_name


def build(inputs: list[Path], out_dir: Path, progress: Progress = lambda _: None, engine: str = DEFAULT_ENGINE) -> Tables:
    """Build the dataset from ``inputs`` into ``out_dir``, replacing it atomically."""
    from foerderdaten.publish import write_dataset

    tables = build_tables(collect_pdfs(inputs), progress, engine)
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-new-", dir=out_dir.parent))
    try:
        progress(f"writing {out_dir.name}")
        write_dataset(tables.rows, staging, version=__version__)
        _swap_in(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return tables


def _swap_in(staging: Path, out_dir: Path) -> None:
    """Replace ``out_dir`` by ``staging`` with two renames."""
    backup = out_dir.with_name(f".{out_dir.name}-old")
    shutil.rmtree(backup, ignore_errors=True)
    if out_dir.exists():
        out_dir.rename(backup)
    try:
        staging.rename(out_dir)
    except OSError:
        if backup.exists():
            backup.rename(out_dir)
        raise
    shutil.rmtree(backup, ignore_errors=True)
