"""data/raw/manifest.json describes exactly the bundled PDFs."""

import hashlib
import json
from pathlib import Path

RAW = Path(__file__).parent.parent / "data" / "raw"


def test_manifest_matches_bundled_files():
    manifest = json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))
    entries = {e["file_name"]: e for e in manifest["files"]}
    assert set(entries) == {p.name for p in RAW.glob("*.pdf")}
    for name, entry in entries.items():
        assert entry["sha256"] == hashlib.sha256((RAW / name).read_bytes()).hexdigest()
        assert entry["size"] == (RAW / name).stat().st_size
        for key in ("title", "publisher", "origin", "kind", "reconstruction", "source_id", "document"):
            assert entry[key] not in ("", None)


def test_manifest_source_ids_are_entries_of_the_sources_file():
    from foerderdaten.fetch.sources import load_sources

    sources = {s.id: s.kind for s in load_sources(RAW.parent.parent / "sources.toml").sources}
    for entry in json.loads((RAW / "manifest.json").read_text(encoding="utf-8"))["files"]:
        assert sources[entry["source_id"]] == entry["kind"]
