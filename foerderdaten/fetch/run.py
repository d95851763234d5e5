"""``fetch`` and ``refresh``: all sources, checked, then committed all or nothing.

Every source is fetched into a staging folder first. A download counts only
when it is complete, a PDF, and of the source's kind (the content check of
``build``: pipeline.detect_kind on the opened PDF). A file whose content is
already known (same SHA-256) or that the server reports unchanged (304) is
nothing new. If any source fails, nothing is written and every failed source
is reported; otherwise the new files move into data/raw and the manifest is
replaced.

``refresh`` builds the dataset from data/raw plus the staged files before it
commits them, so a new document the parser cannot read leaves data/raw and
data/clean as they were. A refresh that finds nothing new changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from foerderdaten.errors import InputError
from foerderdaten.fetch.http import Client, FetchError
from foerderdaten.fetch.listing import matching_pdfs
from foerderdaten.fetch.manifest import Manifest, file_name_for
from foerderdaten.fetch.sources import Source, load_sources

Progress = Callable[[str], None]
Clock = Callable[[], dt.datetime]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class FetchFailed(Exception):
    """One or more sources failed; ``failures`` holds (source id, reason) for each."""

    def __init__(self, failures: list[tuple[str, str]]):
        super().__init__("; ".join(f"{sid}: {reason}" for sid, reason in failures))
        self.failures = failures


@dataclass(frozen=True)
class Target:
    """One address to fetch for a source, with what the listing said about it."""

    url: str
    title: str


@dataclass
class Staged:
    """The outcome of fetching every source, not yet committed."""

    raw_dir: Path
    folder: Path
    manifest: Manifest
    new: list[dict] = field(default_factory=list)  # manifest entries of the new files

    def paths(self) -> list[Path]:
        return [self.folder / e["file_name"] for e in self.new]

    def commit(self) -> None:
        """Move the new files into raw_dir and write the manifest (nothing to do if nothing is new)."""
        if not self.new:
            return
        self.raw_dir.mkdir(parents=True, exist_ok=True)
        for path in self.paths():
            shutil.move(str(path), str(self.raw_dir / path.name))
        self.manifest.write(self.raw_dir)


@dataclass(frozen=True)
class RefreshResult:
    new: list[dict]  # manifest entries of the new files
    built: bool  # False: nothing new, the output was left as it was
    changes: dict[str, int] = field(default_factory=dict)  # added/removed/changed -> projects, in the new editions


@contextmanager
def staged_fetch(sources_file: Path, raw_dir: Path, progress: Progress = lambda _: None,
                 clock: Clock = _utc_now) -> Iterator[Staged]:
    """Fetch every source into a temporary folder; raise FetchFailed if any fails."""
    config = load_sources(sources_file)
    with tempfile.TemporaryDirectory(prefix="foerderdaten-fetch-") as tmp, Client(config.settings) as client:
        staged = Staged(raw_dir, Path(tmp), Manifest.load(raw_dir))
        failures = []
        for source in config.sources:
            progress(f"fetching {source.id}")
            try:
                _fetch_source(source, client, staged, clock)
            except FetchError as exc:
                failures.append((source.id, str(exc)))
        if failures:
            raise FetchFailed(failures)
        yield staged


def fetch(sources_file: Path, raw_dir: Path, progress: Progress = lambda _: None) -> list[dict]:
    """Fetch what is new into raw_dir; returns the manifest entries of the new files."""
    with staged_fetch(sources_file, raw_dir, progress) as staged:
        staged.commit()
        return staged.new


def refresh(sources_file: Path, raw_dir: Path, out_dir: Path, progress: Progress = lambda _: None) -> RefreshResult:
    """Fetch, build raw_dir plus the new files into out_dir, then commit the files."""
    from foerderdaten.pipeline import build

    with staged_fetch(sources_file, raw_dir, progress) as staged:
        if not staged.new and out_dir.exists():
            return RefreshResult(new=[], built=False)
        # in file-name order, as a build of the folder reads them, so both give the same bytes
        inputs = sorted(_raw_pdfs(raw_dir, staged.manifest) + staged.paths(), key=lambda p: p.name)
        # the staged files' provenance (documents table) comes from a manifest beside them,
        # as it will for the same files in raw_dir
        staged.manifest.write(staged.folder)
        tables = build(inputs, out_dir, progress)
        staged.commit()
        new_names = {e["file_name"] for e in staged.new}
        new_sources = {d.source_id for d in tables.documents if d.file_name in new_names}
        changes = [c for c in tables.changes if c.source_id in new_sources]
        counts = {kind: len({c.project_id for c in changes if c.change == kind}) for kind in ("added", "removed", "changed")}
        return RefreshResult(new=staged.new, built=True, changes=counts)


def _raw_pdfs(raw_dir: Path, manifest: Manifest) -> list[Path]:
    """The PDFs already in raw_dir, less reconstructions that a fetched original supersedes."""
    if not raw_dir.is_dir():
        return []
    skipped = manifest.superseded()
    return sorted(p for p in raw_dir.iterdir() if p.suffix.lower() == ".pdf" and p.is_file() and p.name not in skipped)


# --------------------------------------------------------------------------
# One source


def _targets(source: Source, client: Client) -> list[Target]:
    if source.url:
        return [Target(source.url, "")]
    assert source.listing is not None  # sources.py: a source without url has a listing
    final_url, html = client.page(source.listing)
    links = matching_pdfs(html, final_url, source.pattern)
    if not links:
        raise FetchError(f"the listing {source.listing} links no PDF matching {source.match!r}; the page may have changed")
    return [Target(link.url, link.context or link.text) for link in links]


def _fetch_source(source: Source, client: Client, staged: Staged, clock: Clock) -> None:
    try:
        targets = _targets(source, client)
    except FetchError as exc:
        raise FetchError(f"{source.listing or source.url}: {exc}") from None
    for number, target in enumerate(targets, start=1):
        try:
            _fetch_target(source, target, client, staged, clock, staged.folder / f".{source.id}-{number}.part")
        except FetchError as exc:
            raise FetchError(f"{target.url}: {exc}") from None


def _fetch_target(source: Source, target: Target, client: Client, staged: Staged, clock: Clock, part: Path) -> None:
    previous = staged.manifest.last_from(target.url)
    if previous and not (staged.raw_dir / previous["file_name"]).exists():
        previous = None  # the file is gone: fetch it whole
    download = client.download(target.url, part, etag=(previous or {}).get("etag"),
                               last_modified=(previous or {}).get("last_modified"))
    if not download.modified:
        return
    pages, document = _check_kind(part, source.kind)
    if staged.manifest.with_sha256(download.sha256) or _sha256_in(staged.raw_dir, download.sha256):
        part.unlink()
        return  # the same content as a file we have: nothing new
    taken = {e["file_name"] for e in staged.manifest.files}
    if staged.raw_dir.is_dir():
        taken |= {p.name for p in staged.raw_dir.iterdir()}
    name = file_name_for(target.url, source.id, download.sha256, taken)
    part.rename(staged.folder / name)
    entry = {
        "file_name": name,
        "source_id": source.id,
        "kind": source.kind,
        "title": target.title or name,
        "publisher": source.publisher,
        "origin": target.url,
        "url": target.url,
        "retrieved_at": clock().replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "sha256": download.sha256,
        "size": download.size,
        "pages": pages,
        "etag": download.etag,
        "last_modified": download.last_modified,
        "reconstruction": False,
        "document": document,
    }
    staged.manifest.add(entry)
    staged.new.append(entry)


def _check_kind(path: Path, kind: str) -> tuple[int, str | None]:
    """(pages, document id); FetchError unless the PDF reads and is of ``kind`` (as build decides)."""
    from foerderdaten.extract.pdfdoc import open_pdf
    from foerderdaten.pipeline import detect_kind

    try:
        doc = open_pdf(path)
        found = detect_kind(doc)
    except InputError as exc:
        raise FetchError(exc.reason) from None
    if found != kind:
        raise FetchError(f"the PDF is a {found}, not a {kind}; check the source's address or kind")
    return len(doc.pages), _document_id(doc, kind)


def _document_id(doc, kind: str) -> str | None:
    """The source_id the build will give the document, from its head (None if unreadable: build will say why)."""
    from foerderdaten.extract.landtag import extract_letter
    from foerderdaten.extract.sab import COLUMNS, read_head, source_id_for
    from foerderdaten.extract.tables import read_table

    try:
        if kind == "landtag_answer":
            return extract_letter(doc).source_id
        table = read_table(doc.pages[:1], COLUMNS, all_pages=False)
        if table is None:
            return None
        _, edition, _ = read_head(doc.file_name, [line.text.strip() for line in table.pages[0].preamble])
        return source_id_for(edition)
    except InputError:
        return None


def _sha256_in(folder: Path, sha256: str) -> bool:
    """Whether a PDF in ``folder`` (listed in the manifest or not) has this content."""
    if not folder.is_dir():
        return False
    return any(hashlib.sha256(p.read_bytes()).hexdigest() == sha256
               for p in folder.iterdir() if p.suffix.lower() == ".pdf" and p.is_file())
