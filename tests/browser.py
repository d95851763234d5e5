"""Headless Chromium for tests: finding it and running it offline.

Used by the overview test (``--dump-dom``, ``--screenshot``) and by the
rendering tests that print HTML tables to PDF (``--print-to-pdf``). Every run
gets a fresh profile folder and no network, component or sync traffic, and a
timeout so that a stuck browser fails the test instead of hanging CI.

Each run is its own process group, killed when the run ends
(``programs.run_isolated``), so no browser outlives its test. Memory is
bounded per run by the data limit (``RLIMIT_DATA``); an address-space limit
(``ulimit -v``) cannot be used, since Chromium's allocator reserves tens of GB of address space it
never touches and aborts at start when it may not.
"""

from __future__ import annotations

import resource
import shutil
import tempfile
from pathlib import Path

import pytest

from programs import run_isolated

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


def run_chromium(chromium: Path, *args: str, profile: Path | None = None) -> str:
    """Run Chromium with ``args``; returns its stdout, fails the test on a non-zero exit."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as fresh:
        command = [str(chromium), *QUIET_FLAGS, f"--user-data-dir={profile or fresh}", *args]
        done = run_isolated(command, TIMEOUT, MEMORY_LIMIT)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def print_to_pdf(chromium: Path, html: Path, pdf: Path) -> Path:
    """Print the local page ``html`` to ``pdf`` as a user's browser would, without
    the browser's own date/URL header and footer (the page sets its own)."""
    run_chromium(chromium, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.resolve().as_uri())
    if not pdf.exists() or pdf.stat().st_size == 0:
        raise AssertionError(f"chromium wrote no PDF for {html.name}")
    return pdf
