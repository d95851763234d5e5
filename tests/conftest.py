"""Shared test fixtures: paths to the bundled test PDFs and gold values."""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
GOLD = TESTS / "gold"


@cache
def gold_sab() -> list[dict]:
    with (GOLD / "sab_2023.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def gold_landtag() -> dict:
    return json.loads((GOLD / "landtag_7_16456.json").read_text(encoding="utf-8"))


@cache
def gold_links() -> list[dict]:
    with (GOLD / "links.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def open_fixture(name: str):
    from foerderdaten.extract.pdfdoc import open_pdf

    return open_pdf(FIXTURES / name)


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
