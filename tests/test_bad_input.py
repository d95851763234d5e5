"""Bad input: one line on stderr, non-zero exit, previous output untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from conftest import FIXTURES


def run_build(*args: str, cwd: Path | None = None, engine: str = "pdfium") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "foerderdaten", "build", "--engine", engine, *args],
        capture_output=True, text=True, timeout=300, cwd=cwd,
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
    # Bewilligungsende of the second row holds two dates: what a reader that
    # merged two columns would see. (A well-formed impossible date such as
    # "31.13.2023" is the document's own error and no longer stops the build.)
    rows[1][6] = "31.01.2024 30.04.2024"
    return _sab_rendering(folder / "bad_date.pdf", rows)


def make_turned(folder: Path) -> Path:
    """A table whose pages a /Rotate sets sideways: no glyph is upright."""
    from pypdf import PdfReader, PdfWriter

    upright = _sab_rendering(folder / "upright.pdf", _gold_rows(3))
    writer = PdfWriter()
    for page in PdfReader(upright).pages:
        writer.add_page(page.rotate(90))
    turned = folder / "turned.pdf"
    with turned.open("wb") as fh:
        writer.write(fh)
    upright.unlink()
    return turned


BAD_INPUTS = {
    "not_pdf": (make_not_pdf, "not a PDF"),
    "empty": (make_empty, "empty"),
    "truncated": (make_truncated, "truncated"),
    "encrypted": (make_encrypted, "PDF is password-protected"),
    "unknown_kind": (make_unknown_kind, "unknown kind"),
    "scanned": (make_scanned, "no text layer"),
    # the glyphs are there but turned: name the page, do not say "scanned"
    "turned": (make_turned, "page 1: its text is turned sideways"),
    # rows on a page without the header would be lost: refuse rather than drop them
    "no_repeated_header": (make_table_without_repeated_header, "header row is missing"),
    # a mis-read value names page and column (two dates in one date cell)
    "unreadable_date": (make_unreadable_date, 'page 1, column "Ende": 1 of 3 rows holds two dates (e.g. "31.01.2024 30.04.2024")'),
}


PREVIOUS_FILES = ["foerderdaten.db", "metadata.json", "projects.csv"]


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
    assert sorted(p.name for p in previous_output.iterdir()) == PREVIOUS_FILES
    assert (previous_output / "projects.csv").read_text(encoding="utf-8") == "previous dataset\n"
    # no staging folders left behind
    assert sorted(p.name for p in previous_output.parent.iterdir() if p.name.startswith(".")) == []


def test_bad_file_among_good_ones_fails_whole_build(tmp_path, previous_output):
    bad = make_empty(tmp_path)
    result = run_build(str(FIXTURES / "sab_2023_ruled.pdf"), str(bad), "--out", str(previous_output))
    assert result.returncode != 0
    assert result.stderr.strip().startswith("error: empty.pdf: ")
    assert (previous_output / "projects.csv").read_text(encoding="utf-8") == "previous dataset\n"


def test_missing_input_path_is_named_as_typed(tmp_path, previous_output):
    # the misspelt folder must show, not only the file name
    result = run_build("data/rwa/x.pdf", "--out", str(previous_output), cwd=tmp_path)
    assert result.returncode != 0
    assert result.stderr.strip() == "error: data/rwa/x.pdf: no such file or folder; check the path"


def test_missing_default_input_says_it_is_the_default(tmp_path):
    result = run_build("--out", "clean", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: data/raw: no such folder (the default input, relative to the current directory ")
    assert str(tmp_path) in lines[0]


def test_debug_shows_traceback(tmp_path, previous_output):
    bad = make_empty(tmp_path)
    result = run_build(str(bad), "--out", str(previous_output), "--debug")
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_impossible_date_is_flagged_and_the_build_goes_on(tmp_path, previous_output):
    """A well-formed date the calendar lacks is the document's error (issue 7, class 8)."""
    import csv

    from conftest import gold_sab

    rows = _gold_rows(3)
    rows[1][6] = "31.11.2023"  # Bewilligungsende of the second row
    pdf = _sab_rendering(tmp_path / "impossible_date.pdf", rows)
    result = run_build(str(pdf), "--out", str(previous_output))
    assert result.returncode == 0, result.stderr
    with (previous_output / "projects.csv").open(encoding="utf-8") as fh:
        projects = list(csv.DictReader(fh))
    gold = gold_sab()
    assert [(p["bewilligungsende_raw"], p["bewilligungsende"]) for p in projects] == [
        (gold[0]["bewilligungsende_raw"], gold[0]["bewilligungsende"]),
        ("31.11.2023", ""),
        (gold[2]["bewilligungsende_raw"], gold[2]["bewilligungsende"]),
    ]
    assert projects[1]["quality_flags"] == "impossible_date"
# --------------------------------------------------------------------------
# Every error is one short line naming a file


def test_file_name_that_is_not_utf8(tmp_path, previous_output):
    bad = os.fsdecode(os.fsencode(str(tmp_path)) + b"/sab\xff.pdf")
    Path(bad).write_bytes((FIXTURES / "sab_2023_ruled.pdf").read_bytes())
    result = subprocess.run([sys.executable, "-m", "foerderdaten", "build", bad, "--out", str(previous_output)],
                            capture_output=True, timeout=300)
    assert result.returncode == 1
    line = result.stderr.decode("utf-8").strip()
    assert line == "error: sab?.pdf: the file name is not valid UTF-8; rename the file"


def test_os_errors_name_the_file(monkeypatch):
    from typer.testing import CliRunner

    import foerderdaten.pipeline
    from foerderdaten.cli import app

    def denied(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", "/somewhere/data/raw/sab.pdf")

    monkeypatch.setattr(foerderdaten.pipeline, "build", denied)
    result = CliRunner().invoke(app, ["build", "x.pdf"])
    assert result.exit_code == 1
    assert result.output.strip() == "error: sab.pdf: Permission denied"


def test_long_reasons_are_cut_to_one_line(monkeypatch):
    from typer.testing import CliRunner

    import foerderdaten.pipeline
    from foerderdaten.cli import app
    from foerderdaten.errors import InputError

    def verbose(*_args, **_kwargs):
        raise InputError("sab.pdf", "PDF is damaged (" + "stream bytes\n" * 500 + ")")

    monkeypatch.setattr(foerderdaten.pipeline, "build", verbose)
    result = CliRunner().invoke(app, ["build", "x.pdf"])
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: sab.pdf: PDF is damaged") and len(lines[0]) <= 300
