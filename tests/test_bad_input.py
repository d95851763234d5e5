"""Bad input: one line on stderr, non-zero exit, previous output untouched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from conftest import FIXTURES


def run_build(*args: str, engine: str = "pdfium") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "foerderdaten", "build", "--engine", engine, *args],
        capture_output=True, text=True, timeout=300,
    )


def make_not_pdf(folder: Path) -> Path:
    path = folder / "notes.pdf"
    path.write_text("Projektträger;Region\nVHS;Dresden\n", encoding="utf-8")
    return path


def make_empty(folder: Path) -> Path:
    path = folder / "empty.pdf"
    path.write_bytes(b"")
    return path


def make_truncated(folder: Path) -> Path:
    data = (FIXTURES / "sab_2023_ruled.pdf").read_bytes()
    path = folder / "truncated.pdf"
    path.write_bytes(data[: len(data) // 3])
    return path


def make_encrypted(folder: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(FIXTURES / "sab_2023_ruled.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = folder / "encrypted.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_unknown_kind(folder: Path) -> Path:
    path = folder / "letter.pdf"
    canvas = Canvas(str(path), invariant=1)
    canvas.drawString(72, 720, "Einladung zum Sommerfest der Wirtschaftsförderung")
    canvas.save()
    return path


def make_scanned(folder: Path) -> Path:
    # a page with only a drawing on it, as a scan without OCR looks to a parser
    path = folder / "scan.pdf"
    canvas = Canvas(str(path), invariant=1)
    for y in range(100, 700, 12):
        canvas.rect(72, y, 400, 6, fill=1)
    canvas.save()
    return path


def _sab_rendering(path: Path, rows: list[list[str]], **layout) -> Path:
    from render import Layout, render_table

    headers = ["Projektträger", "Ort", "Region", "Nr.", "Vorhabensart", "Beginn", "Ende", "Projekttitel", "Kurzbeschreibung"]
    head = ["Stand: 31.12.2023", "Fachkräfterichtlinie: Übersicht über beantragte und bewilligte Projekte - Regionalbudget 2023"]
    render_table(path, headers, [100, 60, 62, 22, 80, 52, 52, 90, 260], rows, Layout(head=head, **layout))
    return path


def _gold_rows(n: int) -> list[list[str]]:
    from conftest import gold_sab

    fields = ["projekttraeger", "durchfuehrungsort", "region_raw", "rl_nr_raw", "vorhabensart_raw",
              "bewilligungsbeginn_raw", "bewilligungsende_raw", "projekttitel", "kurzbeschreibung"]
    return [[g[f] for f in fields] for g in gold_sab()[:n]]


def make_table_without_repeated_header(folder: Path) -> Path:
    return _sab_rendering(folder / "no_repeated_header.pdf", _gold_rows(30), repeat_header=False)


def make_unreadable_date(folder: Path) -> Path:
    rows = _gold_rows(3)
    rows[1][6] = "31.13.2023"  # Bewilligungsende of the second row
    return _sab_rendering(folder / "bad_date.pdf", rows)


BAD_INPUTS = {
    "not_pdf": (make_not_pdf, "not a PDF"),
    "empty": (make_empty, "empty"),
    "truncated": (make_truncated, "truncated"),
    "encrypted": (make_encrypted, "PDF is password-protected"),
    "unknown_kind": (make_unknown_kind, "unknown kind"),
    "scanned": (make_scanned, "no text layer"),
    # rows on a page without the header would be lost: refuse rather than drop them
    "no_repeated_header": (make_table_without_repeated_header, "header row is missing"),
    # a value that cannot be read names page and field
    "unreadable_date": (make_unreadable_date, "page 1, row 2, field bewilligungsende_raw"),
}


@pytest.fixture
def previous_output(tmp_path: Path) -> Path:
    out = tmp_path / "clean"
    out.mkdir()
    (out / "projects.csv").write_text("previous dataset\n", encoding="utf-8")
    return out


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_one_line_error_and_output_untouched(case, engine, tmp_path, previous_output):
    make, reason = BAD_INPUTS[case]
    bad = make(tmp_path)
    result = run_build(str(bad), "--out", str(previous_output), engine=engine)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {bad.name}: ")
    # the reason itself, not the file name, must say it (encrypted.pdf would say "encrypted")
    assert reason in lines[0][len(f"error: {bad.name}: "):]
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in previous_output.iterdir()) == ["projects.csv"]
    assert (previous_output / "projects.csv").read_text(encoding="utf-8") == "previous dataset\n"
    # no staging folders left behind
    assert sorted(p.name for p in previous_output.parent.iterdir() if p.name.startswith(".")) == []


def test_bad_file_among_good_ones_fails_whole_build(tmp_path, previous_output):
    bad = make_empty(tmp_path)
    result = run_build(str(FIXTURES / "sab_2023_ruled.pdf"), str(bad), "--out", str(previous_output))
    assert result.returncode != 0
    assert result.stderr.strip().startswith("error: empty.pdf: ")
    assert (previous_output / "projects.csv").read_text(encoding="utf-8") == "previous dataset\n"


def test_missing_input_path(tmp_path, previous_output):
    result = run_build(str(tmp_path / "nowhere.pdf"), "--out", str(previous_output))
    assert result.returncode != 0
    assert result.stderr.strip() == "error: nowhere.pdf: no such file or folder; check the path"


def test_debug_shows_traceback(tmp_path, previous_output):
    bad = make_empty(tmp_path)
    result = run_build(str(bad), "--out", str(previous_output), "--debug")
    assert result.returncode != 0
    assert "Traceback" in result.stderr
