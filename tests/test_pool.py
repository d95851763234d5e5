"""The page-reading workers never outlive the build (Linux: needs /proc)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists() or (os.cpu_count() or 1) < 2,
                                reason="needs /proc and two cores (one core reads without workers)")


def children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, limit: float = 60.0) -> bool:
    """Poll ``condition`` until it holds (a guard against hanging, not a timing)."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_workers_end_when_the_build_is_killed(tmp_path):
    # the slow engine, so that the workers are still reading when the build is killed
    build = subprocess.Popen([sys.executable, "-m", "foerderdaten", "build", str(FIXTURES / "sab_2023_ruled.pdf"),
                              "--out", str(tmp_path / "out"), "--engine", "pdfplumber"])
    try:
        assert wait_for(lambda: len(children(build.pid)) >= 2), "no worker processes started"
        workers = children(build.pid)
    finally:
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
    assert wait_for(lambda: not any(alive(w) for w in workers)), "workers left behind"
    assert not (tmp_path / "out").exists()
