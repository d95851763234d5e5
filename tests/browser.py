"""Headless Chromium for tests: finding it and running it offline.

Used by the overview test (``--dump-dom``, ``--screenshot``) and by the
rendering tests that print HTML tables to PDF (``--print-to-pdf``). Every run
gets a fresh profile folder and no network, component or sync traffic, and a
timeout so that a stuck browser fails the test instead of hanging CI.

Chromium starts helper processes (zygote, renderer, utility). Each run is its
own process group, and the whole group is killed when the run ends, however
it ends, so no browser outlives its test. Memory is bounded per run by the
data limit (``RLIMIT_DATA``); an address-space limit (``ulimit -v``) cannot
be used, since Chromium's allocator reserves tens of GB of address space it
never touches and aborts at start when it may not.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser")  # Debian, Ubuntu
TIMEOUT = 120  # seconds for one Chromium run (the first start on a busy machine is slow)
# Written memory of one run: printing a 40-page table takes a few hundred MB;
# a runaway layout stops here instead of eating the machine.
MEMORY_LIMIT = 3 * 1024**3

# Flags of every run: no GPU (headless CI), no sandbox (CI runs as root), and
# nothing that would reach the network or write outside the fresh profile.
QUIET_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
)


def find_chromium() -> Path | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def _address_space_limited() -> bool:
    return resource.getrlimit(resource.RLIMIT_AS)[0] != resource.RLIM_INFINITY


@pytest.fixture(scope="session")
def chromium() -> Path:
    """The Chromium binary, or the test skips saying why it cannot run."""
    found = find_chromium()
    if found is None:
        pytest.skip("chromium not installed: apt-get install chromium (CI's .ci/run does)")
    if _address_space_limited():
        pytest.skip("chromium cannot start under an address-space limit (ulimit -v); bound memory with ulimit -d instead")
    return found


def _limit_memory() -> None:  # runs in the child, before Chromium starts
    resource.setrlimit(resource.RLIMIT_DATA, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_chromium(chromium: Path, *args: str, profile: Path | None = None) -> str:
    """Run Chromium with ``args``; returns its stdout, fails the test on a non-zero exit."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as fresh:
        command = [str(chromium), *QUIET_FLAGS, f"--user-data-dir={profile or fresh}", *args]
        browser = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True, preexec_fn=_limit_memory)
        try:
            stdout, stderr = browser.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            stdout, stderr = "", f"chromium did not finish within {TIMEOUT} s"
        finally:
            _kill_group(browser)
    assert browser.returncode == 0, stderr[-2000:]
    return stdout


def _kill_group(browser: subprocess.Popen) -> None:
    """Kill the run's process group (the browser and every helper it started)."""
    try:
        os.killpg(browser.pid, signal.SIGKILL)
    except ProcessLookupError:  # the group has already ended
        pass
    browser.communicate()


def print_to_pdf(chromium: Path, html: Path, pdf: Path) -> Path:
    """Print the local page ``html`` to ``pdf`` as a user's browser would, without
    the browser's own date/URL header and footer (the page sets its own)."""
    run_chromium(chromium, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.resolve().as_uri())
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise AssertionError(f"chromium wrote no PDF for {html.name}")
    return pdf
