"""The build: PDFs in, published dataset out.

extract -> normalize -> validate -> link -> publish, each a plain function
over plain records. Each PDF is read in a worker process within time and
memory limits (extract/guard.py). The output folder is written next to the
target under a temporary name and swapped in only when everything succeeded,
so a failed or killed build leaves the previous dataset as it was; one build
at a time per folder (outfolder.py).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from foerderdaten import __version__, outfolder
from foerderdaten.errors import InputError
from foerderdaten.extract.damage import check_pages, check_repetition
from foerderdaten.extract.guard import Limits, stream_within_limits
from foerderdaten.extract.overprint import check_overprint, is_overprinted
from foerderdaten.extract.pdfdoc import DEFAULT_ENGINE, Page, PdfDocument, RawDocument, RawPage, read_pdf
from foerderdaten.schemas.rows import Tables
from foerderdaten.schemas.tables import Project

if TYPE_CHECKING:
    from foerderdaten.extract.records import RawProject
    from foerderdaten.extract.tables import Again, TableStream

Progress = Callable[[str], None]


# --------------------------------------------------------------------------
# Inputs


def collect_pdfs(inputs: list[Path]) -> list[Path]:
    """PDF files named directly, plus every *.pdf inside named folders (sorted)."""
    found: list[Path] = []
    for item in inputs:
        if item.is_dir():
            skipped = _superseded_in(item)
            found.extend(sorted(p for p in item.iterdir() if p.suffix.lower() == ".pdf" and p.is_file() and p.name not in skipped))
        elif item.exists():
            found.append(item)
        else:
            # the path as typed, so a misspelt folder shows ("data/rwa/x.pdf")
            raise InputError(str(item), "no such file or folder; check the path")
    for path in found:
        _check_file_name(path)
    if not found:
        raise InputError(", ".join(str(i) for i in inputs) or ".", "no PDF files found; pass PDF files or a folder holding them")
    return found


def _check_file_name(path: Path) -> None:
    """The file name goes into the dataset (UTF-8): refuse one that is not UTF-8."""
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError(path.name, "the file name is not valid UTF-8; rename the file") from None


def read_document(path: Path, limits: Limits, engine: str = DEFAULT_ENGINE) -> PdfDocument:
    """The PDF's pages, read with ``engine`` within ``limits``, with no page
    lost in reading and no text printed over other text.

    The reader process hands over each page's engine arrays as soon as it
    is read; the pages are made here meanwhile, their lines grouped (what
    the checks and parsers start from), and checked once all are read.
    """
    arrivals = _Arrivals(path.name)
    return _read(path, limits, engine, arrivals).with_pages(arrivals.pages)


def _read(path: Path, limits: Limits, engine: str, arrivals: _Arrivals, meanwhile: Callable[[], object] = lambda: _import_later_stages()) -> RawDocument:
    """Read ``path`` into ``arrivals``, then check its pages (``read_document``);
    ``meanwhile`` runs here once the reader has started."""
    raw = stream_within_limits(path, partial(read_pdf, engine=engine), limits, receive=arrivals.receive, meanwhile=meanwhile)
    arrivals.check()
    return raw


class _Arrivals:
    """A document's pages as the reader hands them over: each is made (its
    lines grouped) while the reader reads on, its text kept for the checks
    over all pages, its print checked for overprints.

    With ``stream``, and where the first page shows an SAB overview, each
    page then goes through the project table's reader (``sab.project_stream``)
    and is dropped: of such a document the build keeps the pages' texts and
    what the table reader keeps, not every glyph, so its memory does not
    grow with the pages. Other documents' pages are kept.
    """

    def __init__(self, file_name: str, stream: bool = False):
        self.file_name = file_name
        self.stream = stream
        self.pages: list[Page] = []
        self.texts: list[str] = []
        self.projects: TableStream | None = None  # the SAB project table's reader, where pages stream
        self._overprinted: Page | None = None  # the first page with text printed over text

    def receive(self, raw: RawPage) -> None:
        page = raw.to_page()
        self.texts.append(page.text())  # its lines grouped now, while the reader reads the next pages
        if self._overprinted is None and is_overprinted(page):
            self._overprinted = page
        if self.stream and len(self.texts) == 1:
            from foerderdaten.extract.sab import is_sab_first_page, project_stream

            self.projects = project_stream() if is_sab_first_page(page) else None
        if self.projects is not None:
            self.projects.add(page)
        else:
            self.pages.append(page)

    def check(self) -> None:
        """No page lost in reading (``check_pages``), none printed over (``check_overprint``, the first such page)."""
        check_pages(self.file_name, self.texts)
        if self._overprinted is not None:
            check_overprint(self.file_name, [self._overprinted])


def _superseded_in(folder: Path) -> set[str]:
    """Bundled reconstructions whose original was fetched into the folder (see fetch/manifest.py)."""
    from foerderdaten.fetch.manifest import FILE_NAME, Manifest

    return Manifest.load(folder).superseded() if (folder / FILE_NAME).is_file() else set()


def _import_later_stages() -> None:
    """Import what parsing and publishing need, while the first PDF is being read.

    They are imported where used, so that the command line starts fast; the
    build process has nothing else to do while its reader works.
    """
    import foerderdaten.extract.landtag
    import foerderdaten.extract.sab
    import foerderdaten.link
    import foerderdaten.normalize.projects
    import foerderdaten.publish  # noqa: F401


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

    _add_sab(doc.file_name, doc.sha256, len(doc.pages), extract_projects(doc), tables)


def _add_sab(file_name: str, sha256: str, pages: int, projects: tuple[str, str, list[RawProject]], tables: Tables) -> None:
    """An SAB overview's rows (``extract_projects``) into ``tables``."""
    from foerderdaten.normalize.projects import normalize_projects, overview_document

    title, edition, raws = projects
    check_repetition(file_name, [_printed(raw, SAB_PRINTED) for raw in raws], "project rows")
    sab = _normalized(file_name, lambda: normalize_projects(raws))
    tables.documents.append(overview_document(file_name, sha256, pages, title, edition, sab))
    tables.projects += sab.projects
    tables.corrections += sab.corrections
    tables.quality += sab.quality


def read_landtag(doc: PdfDocument, tables: Tables) -> None:
    from foerderdaten.extract.annex import extract_annex_rows
    from foerderdaten.extract.landtag import extract_letter
    from foerderdaten.normalize.annex import normalize_annex
    from foerderdaten.normalize.landtag import normalize_letter
    from foerderdaten.normalize.landtag_checks import amount_findings

    letter = extract_letter(doc)
    answer = _normalized(doc.file_name, lambda: normalize_letter(letter, doc))
    source_id = answer.document.source_id
    annex_rows = extract_annex_rows(doc, source_id)
    check_repetition(doc.file_name, [_printed(row, ANNEX_PRINTED) for row in annex_rows], "annex rows")
    annex = _normalized(doc.file_name, lambda: normalize_annex(annex_rows, answer.annex_years))
    tables.documents.append(answer.document)
    tables.questions += answer.questions
    tables.welcome_centers += answer.welcome_centers
    tables.welcome_center_funding += answer.welcome_center_funding
    tables.budget += answer.budget
    tables.annex_projects += annex
    tables.corrections += answer.corrections
    tables.quality += answer.quality
    tables.quality += amount_findings(answer.welcome_center_funding, answer.budget)


# The fields a row prints: rows equal in all of them are verbatim copies.
SAB_PRINTED = ("projekttraeger", "durchfuehrungsort", "region_raw", "rl_nr_raw", "vorhabensart_raw",
               "bewilligungsbeginn_raw", "bewilligungsende_raw", "projekttitel", "kurzbeschreibung")
ANNEX_PRINTED = ("anlage", "zuwendungsempfaenger", "projekttitel", "zielgruppe", "kurzbeschreibung")


def _printed(row, fields) -> tuple:
    return tuple(getattr(row, name) for name in fields)


def _normalized(file_name: str, step):
    """Run a normalise step; a value that cannot be read names the file."""
    from pydantic import ValidationError

    from foerderdaten.normalize.errors import NormalizeError

    try:
        return step()
    except NormalizeError as exc:
        raise InputError(file_name, str(exc)) from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(file_name, f"invalid value for {where}: {first['msg']}") from exc


READERS = {"sab_overview": read_sab, "landtag_answer": read_landtag}


# --------------------------------------------------------------------------
# Whole build


def build_tables(pdfs: list[Path], progress: Progress = lambda _: None, limits: Limits = Limits(),
                 engine: str = DEFAULT_ENGINE) -> Tables:
    """Read every PDF and link across documents. Raises InputError on bad input."""
    from foerderdaten.link import link_annex
    from foerderdaten.normalize import vocab

    tables = Tables()
    seen: dict[str, str] = {}
    for path in pdfs:
        progress(f"reading {path.name}")
        _read_into(tables, path, limits, engine, seen)
    _check_unique_sources(tables)
    _connect_editions(tables)
    _add_provenance(tables, pdfs)
    progress("linking annex rows to SAB projects")
    tables.links, tables.link_review = link_annex(tables.annex_projects, _linkable_projects(tables))
    progress("grouping spellings of organisations")
    add_organisations(tables)
    tables.districts = vocab.districts()
    tables.district_variants = vocab.district_variants()
    tables.rl_categories = vocab.rl_categories()
    tables.vorhabensart_variants = vocab.vorhabensart_variants()
    return tables


def _read_into(tables: Tables, path: Path, limits: Limits, engine: str, seen: dict[str, str]) -> None:
    """One document's rows into ``tables``. Its pages (every character)
    are dropped on return, before the next document is read: a loop
    variable would keep them through that reading too.

    An SAB overview's table is read page by page as the pages arrive, and
    the pages are dropped (``_Arrivals``); where that reading cannot settle
    the table, or the document turns out to be a Landtag answer after all,
    the document is read again, whole."""
    arrivals = _Arrivals(path.name, stream=True)
    raw = _read(path, limits, engine, arrivals)
    if raw.sha256 in seen:
        raise InputError(path.name, f"same file as {seen[raw.sha256]}; pass each document once")
    seen[raw.sha256] = path.name
    if arrivals.projects is not None and not _is_landtag_text("\n".join(arrivals.texts)):
        from foerderdaten.extract.sab import streamed_projects

        projects = streamed_projects(path.name, arrivals.projects, _pages_again(path, limits, engine), lambda: read_document(path, limits, engine).pages)
        pages = len(arrivals.texts)
        del arrivals  # what the table reader kept of each page: not needed while the rows are normalised
        _add_sab(path.name, raw.sha256, pages, projects, tables)
        return
    doc = raw.with_pages(arrivals.pages) if arrivals.projects is None else read_document(path, limits, engine)
    READERS[detect_kind(doc)](doc, tables)


def _pages_again(path: Path, limits: Limits, engine: str) -> Again:
    """Pages of ``path`` read again, each handed on as it arrives and then
    dropped (``TableStream``: pages whose columns the table's pages agree on
    differ from their own)."""

    def again(numbers: list[int], each: Callable[[Page], None]) -> None:
        if numbers:
            stream_within_limits(path, partial(read_pdf, engine=engine, numbers=numbers), limits, receive=lambda raw: each(raw.to_page()))

    return again


def _is_landtag_text(text: str) -> bool:
    from foerderdaten.extract.landtag import is_landtag_text

    return is_landtag_text(text)


def _add_provenance(tables: Tables, pdfs: list[Path]) -> None:
    """Reconstruction, original URL and retrieval time of each document (provenance.py)."""
    from foerderdaten.provenance import manifest_entries, with_provenance

    entries = manifest_entries(pdfs)
    tables.documents = [with_provenance(d, entries) for d in tables.documents]


def add_organisations(tables: Tables) -> None:
    """The organisations tables, and each project's and annex row's organisation_id.

    A row whose Träger spelling is only similar to another organisation's
    also gets the quality flag ``organisation_spelling`` (see link/organisations.py).
    """
    from foerderdaten.link.organisations import build_organisations

    orgs = build_organisations(tables.projects, tables.annex_projects)
    flagged = {(issue.table, issue.record): issue.flag for issue in orgs.quality}

    def flags_of(project) -> str:
        extra = flagged.get(("projects", project.project_id))
        flags = [f for f in project.quality_flags.split(";") if f] + ([extra] if extra else [])
        return ";".join(sorted(flags))

    tables.projects = [
        p.model_copy(update={"organisation_id": orgs.id_of.get(p.projekttraeger), "quality_flags": flags_of(p)})
        for p in tables.projects
    ]
    tables.annex_projects = [
        a.model_copy(update={"organisation_id": orgs.id_of.get(a.zuwendungsempfaenger)})
        for a in tables.annex_projects
    ]
    tables.organisations = orgs.organisations
    tables.organisation_variants = orgs.variants
    tables.organisation_review = orgs.review
    tables.quality += orgs.quality


def _check_unique_sources(tables: Tables) -> None:
    names: dict[str, str] = {}
    for doc in tables.documents:
        if doc.source_id in names:
            raise InputError(doc.file_name, f"same document ({doc.source_id}) as {names[doc.source_id]}; pass each edition once")
        names[doc.source_id] = doc.file_name


def _connect_editions(tables: Tables) -> None:
    """One id per project across SAB editions, the current rows, the changes (link/editions.py)."""
    from foerderdaten.link.editions import connect_editions

    connected = connect_editions(tables.documents, tables.projects, tables.corrections, tables.quality)
    tables.projects, tables.corrections, tables.quality = connected.projects, connected.corrections, connected.quality
    tables.changes = connected.changes


def _linkable_projects(tables: Tables) -> list[Project]:
    """Each project once, as its newest edition lists it: annex rows link to that row."""
    from foerderdaten.link.editions import newest_rows

    return newest_rows(tables.projects, tables.documents)


# --------------------------------------------------------------------------
# Writing


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the build, as it was afterwards.

    A build makes hundreds of thousands of small objects (characters, lines,
    rows) that live until it ends and hold no reference cycles; the collector
    would walk them over and over (a tenth of a build's time). The reader
    process collects as usual (guard._work).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build(inputs: list[Path], out_dir: Path, progress: Progress = lambda _: None, limits: Limits = Limits(),
          engine: str = DEFAULT_ENGINE) -> Tables:
    """Build the dataset from ``inputs`` into ``out_dir``, replacing it atomically.

    ``write(build_tables(inputs), out_dir)``, but the output folder is
    checked before anything is read (never destroy what we do not own) and
    its build lock is held throughout (outfolder.owned).
    """
    with outfolder.owned(out_dir) as target, _collector_paused():
        tables = build_tables(collect_pdfs(inputs), progress, limits, engine)
        progress(f"writing {target.name}")
        _publish(tables, target)
    return tables


def write(tables: Tables, out_dir: Path) -> None:
    """Write every file of the dataset into ``out_dir``, replacing it atomically (outfolder.py)."""
    with outfolder.owned(out_dir) as target:
        _publish(tables, target)


def _publish(tables: Tables, target: Path) -> None:
    """Write into a staging folder and swap it in (call while holding ``target``)."""
    from foerderdaten.publish import write_dataset  # imported while the first PDF was read (see build_tables)

    with outfolder.staging(target) as staging:
        write_dataset(tables, staging, version=__version__)
        outfolder.swap_in(staging, target)
