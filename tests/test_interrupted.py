"""Interrupted and concurrent builds: a dataset is always there, nothing is left.

A build is started as a subprocess in its own session and killed (SIGKILL,
SIGTERM) at several moments; afterwards no process of that session may live
on, the output folder holds a complete dataset, and the next build removes
what the killed one left. Two builds into one folder: the second fails with
one line, never a mixed folder.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, live_processes
from foerderdaten import outfolder
from test_bad_input import run_build

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")

INPUTS = [str(FIXTURES / "sab_2023_ruled.pdf"), str(FIXTURES / "landtag_7_16456.pdf")]
# Moments to kill a build, in seconds after its start: during start-up,
# reading (worker and page readers alive), writing and swapping.
KILL_MOMENTS = (0.5, 1.5, 2.5, 3.5, 5.0, 7.0)
GONE_SECONDS = 10  # how long processes may take to be reaped by the kernel


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A complete dataset built from the fixtures, to copy as the 'previous' one."""
    out = tmp_path_factory.mktemp("built") / "clean"
    result = run_build(*INPUTS, "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_no_processes_left(session: int) -> None:
    deadline = time.monotonic() + GONE_SECONDS
    while live_processes(session=session) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert live_processes(session=session) == [], "processes of the killed build live on"


def start_build(out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "foerderdaten", "build", *INPUTS, "--out", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name)


def interrupt(built: Path, out: Path, moment: float, signum: int) -> dict[str, bytes]:
    """Start a build over a copy of ``built`` in ``out``, send ``signum`` after
    ``moment`` seconds, check no process of it lives on; the expected dataset."""
    shutil.copytree(built, out)
    build = start_build(out)
    time.sleep(moment)
    os.kill(build.pid, signum)
    build.wait(timeout=60)
    build.stderr.close()
    assert_no_processes_left(build.pid)
    return snapshot(built)


@pytest.mark.parametrize("moment", KILL_MOMENTS)
def test_sigkill_leaves_a_dataset_and_no_process(moment, built, tmp_path):
    out = tmp_path / "clean"
    expected = interrupt(built, out, moment, signal.SIGKILL)
    # the old or the new dataset (the same bytes: same inputs), reachable
    # under its name or, right between two renames, as .clean-old
    reachable = out if out.exists() else outfolder.backup_path(out)
    assert snapshot(reachable) == expected
    # the next build puts everything right
    result = run_build(*INPUTS, "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert snapshot(out) == expected
    assert leftovers(out) == []


@pytest.mark.parametrize("moment", (1.5, 4.0))
def test_sigterm_cleans_up_at_once(moment, built, tmp_path):
    out = tmp_path / "clean"
    expected = interrupt(built, out, moment, signal.SIGTERM)
    assert snapshot(out) == expected
    assert leftovers(out) == []  # no staging folder, database temp or lock


def test_next_build_recovers_a_swap_cut_between_its_renames(built, tmp_path, previous_output):
    """The state a kill between 'old aside' and 'new in' leaves: the next build,
    even a failing one, puts the old dataset back and removes the staging folder."""
    out = tmp_path / "data" / "clean"
    out.parent.mkdir()
    shutil.copytree(built, outfolder.backup_path(out))
    shutil.copytree(built, out.with_name(".clean-new-abcd1234"))
    (out.parent / "notes.txt").write_text("not ours\n", encoding="utf-8")
    result = run_build(str(tmp_path / "missing.pdf"), "--out", str(out))
    assert result.returncode == 1
    assert snapshot(out) == snapshot(built)
    assert leftovers(out) == ["notes.txt"]  # only what the tool made is removed


def test_swap_replaces_the_whole_folder(tmp_path):
    out = tmp_path / "clean"
    out.mkdir()
    (out / "old.csv").write_text("old\n", encoding="utf-8")
    with outfolder.staging(out) as staging:
        (staging / "new.csv").write_text("new\n", encoding="utf-8")
        outfolder.swap_in(staging, out)
    assert sorted(p.name for p in out.iterdir()) == ["new.csv"]
    assert leftovers(out) == []


def test_second_build_into_a_locked_folder_fails_clearly(tmp_path, previous_output):
    before = snapshot(previous_output)
    lock = outfolder.lock_path(previous_output)
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running build holds it
        result = run_build(*INPUTS, "--out", str(previous_output))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [f"error: clean: another build is writing this folder now (lock {lock.name}); wait for it to finish, then build again"]
    assert snapshot(previous_output) == before
    assert before["projects.csv"] == b"previous dataset\n"


def test_two_builds_at_once_never_mix(built, tmp_path):
    out = tmp_path / "clean"
    first, second = start_build(out), start_build(out)
    errors = []
    for build in (first, second):
        build.wait(timeout=300)
        errors.append(build.stderr.read().decode())
        build.stderr.close()
    codes = sorted((first.returncode, second.returncode))
    assert codes in ([0, 0], [0, 1]), errors  # one after the other, or one refused
    for code, error in zip((first.returncode, second.returncode), errors, strict=True):
        if code == 1:
            assert "another build is writing this folder" in error and len(error.strip().splitlines()) == 1
    assert snapshot(out) == snapshot(built)
    assert leftovers(out) == []
