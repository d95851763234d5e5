"""``foerderdaten serve`` as a user runs it: a real process on a loopback port.

A taken port and a public address give one line and a non-zero exit;
SIGTERM and SIGINT to the serve process stop Datasette too, so nothing is
left answering on the port; so does a SIGKILL (on Linux).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from foerderdaten.publish import DB_FILE_NAME, write_dataset
from foerderdaten.publish.serve import STOP_SECONDS, ServeError, check_host
from test_datasette import STARTUP_SECONDS, free_port
from test_publish import VERSION, sample_tables


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("clean")
    write_dataset(sample_tables(), out, version=VERSION)
    return out / DB_FILE_NAME


def serve(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "foerderdaten", "serve", *args],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


def children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    return [int(p) for p in text.split()]


def answers(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/-/versions.json", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def wait_until_up(process: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read()
        if answers(port):
            return
        time.sleep(0.2)
    pytest.fail(f"serve did not answer within {STARTUP_SECONDS} s")


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    # a zombie still has a pid; it no longer runs
    return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")


@contextlib.contextmanager
def serving(db: Path) -> Iterator[tuple[subprocess.Popen, int, int]]:
    """``serve`` answering on a free port: (its process, the port, Datasette's pid); killed afterwards if still running."""
    port = free_port()
    process = serve("--db", str(db), "--port", str(port))
    try:
        wait_until_up(process, port)
        [datasette] = children(process.pid)
        yield process, port, datasette
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_datasette_too(db, stop_signal):
    with serving(db) as (process, port, datasette):
        process.send_signal(stop_signal)
        assert process.wait(timeout=30) == 0
        assert gone(datasette)
        assert not answers(port)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_datasette_ends_when_serve_is_killed(db):
    # SIGKILL reaches no handler of serve; Datasette must not be left behind
    with serving(db) as (process, port, datasette):
        process.kill()
        process.wait()
        deadline = time.monotonic() + STOP_SECONDS + 5
        while not gone(datasette) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert gone(datasette)
        assert not answers(port)


def test_port_in_use_is_one_line_and_exit_1(db):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = serve("--db", str(db), "--port", str(port))
        _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err.strip() == f"error: port {port} on 127.0.0.1 is already in use (Address already in use); choose another with --port"


def test_public_address_needs_the_flag(db):
    process = serve("--db", str(db), "--host", "0.0.0.0", "--port", str(free_port()))
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: --host 0.0.0.0: not a loopback address") and "--public" in lines[0]


def test_host_rule():
    for host in ("127.0.0.1", "::1", "localhost", "127.0.0.2"):
        check_host(host)
    with pytest.raises(ServeError):
        check_host("192.168.1.5")
    check_host("0.0.0.0", public=True)


def test_missing_database_names_the_path(tmp_path):
    process = serve("--db", "nowhere/foerderdaten.db")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err.strip() == "error: nowhere/foerderdaten.db: database not found; run 'foerderdaten build' first"
