"""Damaged PDFs never give fewer rows silently.

A seeded fuzz test damages the bundled fixtures (flipped bytes, truncation,
corrupt xref, false stream lengths; tests/mutate.py) and reads each copy:
either a one-line error naming the file, or exactly the clean build's values.
Then the page checks (a page without text, the printed page count) and the
refusal of a table repeated over and over.
"""

from __future__ import annotations

import logging
import random
from functools import cache
from pathlib import Path

import pytest

import mutate
from conftest import FIXTURES
from foerderdaten.errors import InputError
from foerderdaten.extract.damage import MAX_REPEATED_ROWS, check_pages, strict_engine
from foerderdaten.extract.guard import Limits
from foerderdaten.pipeline import build_tables
from test_bad_input import _gold_rows, _sab_rendering, run_build

SEED = 20240610
FUZZ_FIXTURES = ("sab_2023_ruled.pdf", "landtag_7_16456.pdf")
FUZZ_CASES = 40  # 10 of each kind, alternating between the fixtures
FUZZ_LIMITS = Limits(timeout_seconds=120, max_memory_mb=1024)


def table_values(tables) -> dict[str, list[dict]]:
    """Every table's rows as plain values; the file hash differs for a damaged copy by design."""
    return {name: [row.model_dump(exclude={"sha256"}) for row in rows] for name, rows in tables.items()}


@cache
def clean_values(name: str) -> dict[str, list[dict]]:
    return table_values(build_tables([FIXTURES / name], limits=FUZZ_LIMITS))


def damaged_copy(case: int, folder: Path) -> tuple[Path, str]:
    name = FUZZ_FIXTURES[case % len(FUZZ_FIXTURES)]
    kind = mutate.KINDS[(case // len(FUZZ_FIXTURES)) % len(mutate.KINDS)]
    rng = random.Random(SEED * 1000 + case)
    path = folder / name  # same name as the fixture: the documents row names it
    path.write_bytes(mutate.mutate((FIXTURES / name).read_bytes(), kind, rng))
    return path, name


@pytest.mark.parametrize("case", range(FUZZ_CASES))
def test_damaged_copy_is_refused_or_reads_exactly(case, tmp_path):
    path, name = damaged_copy(case, tmp_path)
    try:
        values = table_values(build_tables([path], limits=FUZZ_LIMITS))
    except InputError as exc:
        line = f"error: {exc.file_name}: {exc.reason}"
        assert exc.file_name == name
        assert "\n" not in line and len(line) <= 300, line
        return
    clean = clean_values(name)
    for table, rows in clean.items():
        assert len(values[table]) == len(rows), f"{table}: {len(values[table])} rows instead of {len(rows)}"
    assert values == clean


def test_damaged_copy_through_the_command_line(tmp_path, previous_output):
    """One damaged file end to end: exit 1, one short line, output untouched."""
    data = bytearray((FIXTURES / "sab_2023_ruled.pdf").read_bytes())
    start = data.index(b"stream\n", 2000) + 40  # inside a compressed page stream
    data[start:start + 4] = bytes(b ^ 0x5A for b in data[start:start + 4])
    bad = tmp_path / "sab.pdf"
    bad.write_bytes(bytes(data))
    result = run_build(str(bad), "--out", str(previous_output))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: sab.pdf: PDF is damaged") and len(lines[0]) <= 300, result.stderr
    assert (previous_output / "projects.csv").read_text(encoding="utf-8") == "previous dataset\n"


# --------------------------------------------------------------------------
# Pages lost in reading


def _without_page_content(source: Path, target: Path, page: int) -> Path:
    """A copy whose page ``page`` (1-based) has an empty content stream."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.pages[page - 1].replace_contents(ContentStream(None, writer))
    writer.write(target)
    return target


def _without_page(source: Path, target: Path, page: int) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    del writer.pages[page - 1]
    writer.write(target)
    return target


def test_every_engine_warning_is_an_error_but_the_harmless_ones():
    engine = logging.getLogger("pdfminer.pdffont")
    # a font descriptor without a FontBBox (Chromium's Type 3 fonts): nothing lost
    with strict_engine("x.pdf"):
        engine.warning("Could not get FontBBox from font descriptor because %r cannot be parsed as 4 floats", None)
    with pytest.raises(InputError, match="PDF is damaged"), strict_engine("x.pdf"):
        engine.warning("Cannot locate objid=%r", 12)


def test_page_without_text_between_table_pages_is_an_error(tmp_path):
    pdf = _without_page_content(FIXTURES / "sab_2023_ruled.pdf", tmp_path / "sab.pdf", 7)
    with pytest.raises(InputError) as caught:
        build_tables([pdf])
    assert caught.value.reason.startswith("page 7: no text on this page")


def test_missing_page_contradicts_the_printed_page_count(tmp_path):
    pdf = _without_page(FIXTURES / "sab_2023_ruled.pdf", tmp_path / "sab.pdf", 7)
    with pytest.raises(InputError) as caught:
        build_tables([pdf])
    assert "Seite" in caught.value.reason and "15" in caught.value.reason


def test_printed_page_count_checks():
    check_pages("a.pdf", ["Kopf\nSeite 1 von 3", "Seite 2 von 3", "x\nSeite 3 von 3"])
    check_pages("a.pdf", ["Brief", "- 2 -", ""])  # no count printed, an empty last page: fine
    with pytest.raises(InputError, match=r"page 1: prints 'Seite 1 von 3' but the file has 2 pages"):
        check_pages("a.pdf", ["Seite 1 von 3", "Seite 3 von 3"])
    with pytest.raises(InputError, match=r"page 3: does not fit"):
        check_pages("a.pdf", ["Seite 1 von 3", "Seite 2 von 3", ""])
    with pytest.raises(InputError, match=r"page 2: no text"):
        check_pages("a.pdf", ["Tabelle", " ", "Tabelle"])
    with pytest.raises(InputError, match=r"page 1: the text layer holds invalid characters"):
        check_pages("a.pdf", ["Tr\ud800ger"])


# --------------------------------------------------------------------------
# Mass duplicates


def test_table_printed_over_and_over_is_refused(tmp_path, previous_output):
    rows = _gold_rows(4) * 6  # 24 rows, 20 verbatim copies
    assert 20 > MAX_REPEATED_ROWS
    pdf = _sab_rendering(tmp_path / "repeated.pdf", rows)
    result = run_build(str(pdf), "--out", str(previous_output))
    assert result.returncode == 1
    line = result.stderr.strip()
    assert line.startswith("error: repeated.pdf: 24 project rows but only 4 different ones"), line
    assert (previous_output / "projects.csv").read_text(encoding="utf-8") == "previous dataset\n"


def test_quality_report_stays_readable_for_many_issues():
    from foerderdaten.publish.quality import MAX_ENTRIES_PER_KIND, render
    from foerderdaten.schemas.rows import Tables
    from foerderdaten.schemas.tables import QualityIssue

    issues = [QualityIssue(source_id="s", table="projects", record=f"p_{i}", page=1, flag="missing_field", detail="x")
              for i in range(MAX_ENTRIES_PER_KIND + 50)]
    text = render(Tables(quality=issues), version="t")
    assert text.count("\n- ") == MAX_ENTRIES_PER_KIND + 1
    assert "… und 50 weitere" in text
