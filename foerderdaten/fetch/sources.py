"""The sources file (``sources.toml``): which documents to fetch, and how politely.

::

    [fetch]                      # optional; these are the defaults
    timeout = 30                 # seconds to connect, and between two reads
    retries = 3                  # further tries after a 5xx answer or a connection error
    backoff = 2.0                # seconds before the first retry, doubled for each next one
    max_redirects = 5
    max_megabytes = 50           # a larger download is refused

    [landtag]                    # optional: where a Landtag Drucksache's PDF lives
    pdf_address = "https://ws.landtag.sachsen.de/images/{wahlperiode}_Drs_{nummer}_{position}_1_1_.pdf"

    [[source]]
    id = "sab_fachkraefterichtlinie"       # stable name, recorded in the manifest
    kind = "sab_overview"                  # or "landtag_answer": what the PDFs must be
    listing = "https://…"                  # an HTML page; every linked PDF whose link text,
    match = "Regionalbudget"               # surrounding text or address matches (regex, any case)

    [[source]]
    id = "landtag_7_16456"
    kind = "landtag_answer"
    drucksache = "7/16456"                 # the PDF address from [landtag] (position 1) …
    # url = "https://…/….pdf"              # … or any PDF address directly

Each source gives exactly one of ``listing`` (with ``match``), ``url`` or
``drucksache``. A mistake in the file is reported as ``<file>: <what>``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from foerderdaten.errors import InputError

KINDS = ("sab_overview", "landtag_answer")
SOURCE_ID = re.compile(r"^[a-z0-9_]+$")
DRUCKSACHE = re.compile(r"^(\d+)/(\d+)$")
LANDTAG_PDF = "https://ws.landtag.sachsen.de/images/{wahlperiode}_Drs_{nummer}_{position}_1_1_.pdf"

PUBLISHERS = {
    "sab_overview": "Sächsische Aufbaubank – Förderbank – (SAB)",
    "landtag_answer": "Sächsischer Landtag (Parlamentsdokumentation EDAS)",
}


@dataclass(frozen=True)
class Settings:
    """How the client behaves; the defaults suit the real sites."""

    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0
    max_redirects: int = 5
    max_megabytes: float = 50.0

    @property
    def max_bytes(self) -> int:
        return int(self.max_megabytes * 1024 * 1024)


@dataclass(frozen=True)
class Source:
    """One entry of the sources file."""

    id: str
    kind: str
    listing: str | None = None
    match: str | None = None
    url: str | None = None
    publisher: str = ""

    @property
    def pattern(self) -> re.Pattern:
        return re.compile(self.match or "", re.IGNORECASE)


@dataclass(frozen=True)
class SourcesFile:
    settings: Settings
    sources: list[Source]


def load_sources(path: Path) -> SourcesFile:
    """Read and check the sources file; InputError names the file and the mistake."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path.name, "sources file not found; pass --sources FILE") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path.name, f"not a valid TOML file: {exc}") from None
    settings = _settings(path.name, data.get("fetch", {}))
    pdf_address = data.get("landtag", {}).get("pdf_address", LANDTAG_PDF)
    entries = data.get("source", [])
    if not isinstance(entries, list) or not entries:
        raise InputError(path.name, "no [[source]] entries")
    sources = [_source(path.name, entry, pdf_address) for entry in entries]
    ids = [s.id for s in sources]
    if len(set(ids)) != len(ids):
        raise InputError(path.name, f"source id used twice: {next(i for i in ids if ids.count(i) > 1)}")
    return SourcesFile(settings, sources)


def _settings(file_name: str, table: dict) -> Settings:
    known = set(Settings.__dataclass_fields__)
    unknown = sorted(set(table) - known)
    if unknown:
        raise InputError(file_name, f"[fetch]: unknown setting {unknown[0]!r}; known: {', '.join(sorted(known))}")
    return Settings(**table)


def _source(file_name: str, entry: dict, pdf_address: str) -> Source:
    sid = entry.get("id", "")
    where = f"source {sid!r}" if sid else "a [[source]] entry"
    if not isinstance(sid, str) or not SOURCE_ID.match(sid):
        raise InputError(file_name, f"{where}: id must be lower-case letters, digits and _")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise InputError(file_name, f"{where}: kind must be one of {', '.join(KINDS)}")
    given = [key for key in ("listing", "url", "drucksache") if entry.get(key)]
    if len(given) != 1:
        raise InputError(file_name, f"{where}: give exactly one of listing (with match), url or drucksache")
    url = entry.get("url")
    if given == ["drucksache"]:
        number = DRUCKSACHE.match(str(entry["drucksache"]))
        if number is None:
            raise InputError(file_name, f"{where}: drucksache must read like 7/16456")
        url = pdf_address.format(wahlperiode=number.group(1), nummer=number.group(2), position=entry.get("position", 1))
    match = entry.get("match")
    if given == ["listing"]:
        if not match:
            raise InputError(file_name, f"{where}: a listing needs a match pattern")
        try:
            re.compile(match)
        except re.error as exc:
            raise InputError(file_name, f"{where}: match is not a valid regular expression: {exc}") from None
    return Source(id=sid, kind=kind, listing=entry.get("listing"), match=match, url=url,
                  publisher=entry.get("publisher", PUBLISHERS[kind]))
