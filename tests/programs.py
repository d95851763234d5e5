"""Running an outside program (a browser, an office suite) from a test.

Such programs start helper processes of their own (Chromium's zygote and
renderers, LibreOffice's oosplash and soffice.bin). A run is its own process
group, and the whole group is killed when the run ends, however it ends
(done, timed out, test interrupted), so nothing outlives its test.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
from dataclasses import dataclass


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


def run_isolated(command: list[str], timeout: float, memory_limit: int | None = None) -> Done:
    """Run ``command`` in a process group of its own, at most ``timeout``
    seconds; ``memory_limit`` bounds each process's written memory
    (``RLIMIT_DATA``, bytes). After a timeout the program is killed (returncode
    -9, unless it had ended and only a helper of it was left) and stderr says so."""

    def limit() -> None:  # runs in the child, before the program starts
        if memory_limit is not None:
            resource.setrlimit(resource.RLIMIT_DATA, (memory_limit, memory_limit))

    program = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, preexec_fn=limit)
    note = ""
    try:
        stdout, stderr = program.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        note = f"\n{command[0]} did not finish within {timeout} s (or a helper it started kept running)"
        _kill_group(program)
        stdout, stderr = program.communicate()  # what it wrote before
    finally:
        _kill_group(program)
    return Done(program.returncode, stdout, stderr + note)


def _kill_group(program: subprocess.Popen) -> None:
    try:
        os.killpg(program.pid, signal.SIGKILL)
    except ProcessLookupError:  # the group has already ended
        pass
