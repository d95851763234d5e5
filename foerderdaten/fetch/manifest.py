"""``data/raw/manifest.json``: what each file in data/raw is and where it came from.

One entry per file. Fetched files record::

    file_name, source_id (the sources.toml entry), kind, title, publisher,
    origin and url (the address), retrieved_at (UTC), sha256, size, pages,
    etag, last_modified (for the next conditional request), reconstruction,
    document (the source_id the build gives it, e.g. sab_regionalbudget_2023)

Entries already there (the bundled reconstructions) are kept as they are.
A reconstruction is *superseded* once a fetched file holds the same
document (the original of that edition): the file stays, but builds of the
folder skip it, so the same edition is not read twice.
Editions are immutable: a file is never overwritten. New content under a
name already taken (SAB re-publishing under the same address) is kept
under the name plus the first 8 hex digits of its SHA-256.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

FILE_NAME = "manifest.json"
NOTE = "Source PDFs of the dataset, one entry per file (foerderdaten fetch records where each came from)."
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


@dataclass
class Manifest:
    """The manifest as read, plus the entries added since."""

    data: dict = field(default_factory=lambda: {"note": NOTE, "files": []})

    @classmethod
    def load(cls, raw_dir: Path) -> Manifest:
        path = raw_dir / FILE_NAME
        if not path.exists():
            return cls()
        return cls(json.loads(path.read_text(encoding="utf-8")))

    @property
    def files(self) -> list[dict]:
        return self.data.setdefault("files", [])

    def with_sha256(self, sha256: str) -> dict | None:
        return next((e for e in self.files if e.get("sha256") == sha256), None)

    def last_from(self, url: str) -> dict | None:
        """The newest entry fetched from ``url`` (for a conditional request)."""
        entries = [e for e in self.files if e.get("url") == url]
        return max(entries, key=lambda e: e.get("retrieved_at") or "") if entries else None

    def superseded(self) -> set[str]:
        """File names of reconstructions whose document a fetched file also holds."""
        fetched = {e.get("document") for e in self.files if not e.get("reconstruction") and e.get("document")}
        return {e["file_name"] for e in self.files if e.get("reconstruction") and e.get("document") in fetched}

    def add(self, entry: dict) -> None:
        self.files.append(entry)
        self.files.sort(key=lambda e: e["file_name"])

    def text(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2) + "\n"

    def write(self, raw_dir: Path) -> None:
        """Replace the manifest in one step (write aside, then rename)."""
        path = raw_dir / FILE_NAME
        aside = path.with_name(f".{FILE_NAME}.new")
        aside.write_text(self.text(), encoding="utf-8")
        os.replace(aside, path)


def file_name_for(url: str, source_id: str, sha256: str, taken: set[str]) -> str:
    """A file name from the address (its last part that names a PDF), never one in ``taken``."""
    parts = [unquote(p) for p in urlsplit(url).path.split("/") if p]
    pdf_part = next((p for p in reversed(parts) if p.lower().endswith(".pdf")), None)
    stem = Path(pdf_part).stem if pdf_part else source_id
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem.translate(UMLAUTS)).strip("._-") or source_id
    name = f"{stem}.pdf"
    if name in taken:
        name = f"{stem}_{sha256[:8]}.pdf"
    return name
