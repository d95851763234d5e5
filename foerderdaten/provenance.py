"""Where each bundled PDF comes from: read from ``manifest.json`` beside it.

A row's ``page`` counts the pages of the PDF that was read. The PDFs bundled
in data/raw are reconstructions of the originals (see the manifest's
``note``), so a citation must say so: the ``documents`` table carries, per
PDF, ``is_reconstruction``, the original's ``original_url`` where known, the
``origin`` text and ``retrieved_at``. They come from the manifest entry with
the same SHA-256 (the content, not the file name, identifies a PDF). A PDF
without a manifest entry keeps these columns empty: unknown, not "no".

Manifest fields read: ``sha256``, ``reconstruction``, ``url``, ``origin``,
``retrieved_at`` (the fetch command writes the same fields).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

MANIFEST = "manifest.json"


def manifest_entries(pdfs: Iterable[Path]) -> dict[str, dict]:
    """Manifest entries by sha256, from the manifest.json in each PDF's folder."""
    entries: dict[str, dict] = {}
    for folder in sorted({pdf.parent for pdf in pdfs}):
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue  # no manifest (or not readable): provenance stays unknown
        for entry in manifest.get("files", []) if isinstance(manifest, dict) else []:
            if isinstance(entry, dict) and entry.get("sha256"):
                entries.setdefault(entry["sha256"], entry)
    return entries


def with_provenance(document, entries: dict[str, dict]):
    """``document`` (a Document row) with the provenance columns from its manifest entry."""
    entry = entries.get(document.sha256)
    if entry is None:
        return document
    reconstruction = entry.get("reconstruction")
    return document.model_copy(update={
        "is_reconstruction": reconstruction if isinstance(reconstruction, bool) else None,
        "original_url": entry.get("url") or None,
        "origin": entry.get("origin") or None,
        "retrieved_at": entry.get("retrieved_at") or None,
    })
