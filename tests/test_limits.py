"""Bounded reading: a time limit and a memory limit per document.

The hostile PDFs are made on the fly (tests/hostile.py), each small on disk.
Exceeding a limit is one line naming the file and the option, exit 1, the
previous output untouched, and no reader process left.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import hostile
from conftest import live_processes
from foerderdaten.errors import InputError
from foerderdaten.extract.guard import Limits, read_within_limits
from test_bad_input import run_build


def assert_refused(result, pdf: Path, option: str, previous_output: Path) -> None:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {pdf.name}: "), lines[0]
    assert option in lines[0]
    assert len(lines[0]) <= 300
    assert (previous_output / "projects.csv").read_text(encoding="utf-8") == "previous dataset\n"


def test_time_limit_stops_a_self_referencing_length(tmp_path, previous_output):
    pdf = hostile.self_referencing_length(tmp_path / "loop.pdf")
    result = run_build(str(pdf), "--out", str(previous_output), "--timeout", "3")
    assert_refused(result, pdf, "--timeout", previous_output)


def test_memory_limit_stops_a_flate_bomb(tmp_path, previous_output):
    pdf = hostile.flate_bomb(tmp_path / "bomb.pdf")  # 1 GiB inflated, ~1 MB on disk
    assert pdf.stat().st_size < 2_000_000
    result = run_build(str(pdf), "--out", str(previous_output), "--max-memory", "200")
    assert_refused(result, pdf, "--max-memory", previous_output)


def test_millions_of_rectangles_are_bounded(tmp_path, previous_output):
    pdf = hostile.many_rectangles(tmp_path / "rects.pdf")  # 2 million rectangles, ~80 KB
    assert pdf.stat().st_size < 200_000
    result = run_build(str(pdf), "--out", str(previous_output), "--max-memory", "48", "--timeout", "120")
    assert_refused(result, pdf, "--max-memory", previous_output)


def test_limits_are_options_with_defaults():
    from typer.testing import CliRunner

    from foerderdaten.cli import app

    help_text = CliRunner().invoke(app, ["build", "--help"], terminal_width=200).output
    assert "--timeout" in help_text and "--max-memory" in help_text
    assert Limits().timeout_seconds >= 60 and Limits().max_memory_mb >= 1024


# --------------------------------------------------------------------------
# The worker itself (functions run in a forked child)


def _sleep_forever(_path: Path):
    while True:
        time.sleep(1)


def _allocate_forever(_path: Path):
    blocks = []
    while True:
        blocks.append(bytearray(64 * 1024 * 1024))


def _refuse(path: Path):
    raise InputError(path.name, "page 3: not readable")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
def test_worker_is_killed_at_the_deadline(tmp_path):
    with pytest.raises(InputError) as caught:
        read_within_limits(tmp_path / "x.pdf", _sleep_forever, Limits(timeout_seconds=0.5))
    assert caught.value.file_name == "x.pdf"
    assert "--timeout" in caught.value.reason
    assert live_processes(parent=os.getpid()) == []


def test_worker_memory_is_capped(tmp_path):
    with pytest.raises(InputError) as caught:
        read_within_limits(tmp_path / "x.pdf", _allocate_forever, Limits(timeout_seconds=60, max_memory_mb=256))
    assert "--max-memory" in caught.value.reason


def test_worker_passes_errors_and_results(tmp_path):
    with pytest.raises(InputError) as caught:
        read_within_limits(tmp_path / "x.pdf", _refuse, Limits())
    assert (caught.value.file_name, caught.value.reason) == ("x.pdf", "page 3: not readable")
    assert read_within_limits(tmp_path / "x.pdf", lambda p: p.name.upper(), Limits()) == "X.PDF"
