"""Reading a PDF within limits: a worker process with a deadline and a memory cap.

A hostile or broken PDF can make any engine loop forever (a stream whose
/Length refers to itself), grow without end (two million tiny rectangles
in 108 KB) or inflate a small file to gigabytes (a Flate bomb). So a
document is read in a child process: it may use at most ``max_memory_mb``
beyond what the build already uses (``RLIMIT_AS``), and it is killed when
it has not delivered the pages after ``timeout_seconds``. Exceeding a limit
is an ``InputError`` naming the file and the option that sets the limit.

The reader and every process it starts die with their parent
(``die_with_parent``), so a build killed by any signal, even SIGKILL,
leaves no worker behind.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from foerderdaten.errors import InputError, short_exception

T = TypeVar("T")

# Defaults: the bundled 15-page documents read in about 3 s and take about
# 250 MB; these leave room for documents a hundred times that size.
DEFAULT_TIMEOUT_SECONDS = 300.0
DEFAULT_MAX_MEMORY_MB = 2048

# The worker's exit status when it ran out of memory (no pickled answer is
# possible then).
_OUT_OF_MEMORY = 75
_PR_SET_PDEATHSIG = 1
# A failed allocation may be large: a peak this close to the cap means the
# cap was hit (one engine buffer of a page is far smaller).
_NEAR_LIMIT_BYTES = 64 * 1024 * 1024  # from <linux/prctl.h>


@dataclass(frozen=True)
class Limits:
    """How long and how much memory reading one PDF may take."""

    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB


def read_within_limits(path: Path, read: Callable[[Path], T], limits: Limits,
                       meanwhile: Callable[[], object] | None = None) -> T:
    """``read(path)`` in a worker process, within ``limits``.

    Errors raised by ``read`` (``InputError``) come back as they are; any
    other failure of the engine becomes an ``InputError`` naming the file.
    Without ``fork`` (Windows) the file is read in this process, unbounded.
    ``meanwhile`` runs in this process while the worker reads (it would
    otherwise only wait); its time counts against the time limit.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        if meanwhile is not None:
            meanwhile()
        return read(path)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    # not a daemon: the reader starts its own page-reading processes
    worker = context.Process(target=_work, args=(read, path, limits.max_memory_mb, sender, os.getpid()), daemon=False)
    worker.start()
    sender.close()
    deadline = time.monotonic() + limits.timeout_seconds
    try:
        if meanwhile is not None:
            meanwhile()
        if not receiver.poll(max(0.0, deadline - time.monotonic())):
            raise InputError(
                path.name,
                f"reading stopped after {limits.timeout_seconds:g} s (time limit, option --timeout); "
                "the PDF is damaged or made to stall readers",
            )
        try:
            outcome = receiver.recv()
        except (EOFError, OSError):
            outcome = None  # the worker died without an answer
    finally:
        receiver.close()
        exitcode = _stop(worker)
    if outcome is None:
        raise InputError(path.name, _death_reason(exitcode, limits))
    kind, value = outcome
    if kind == "error":
        raise InputError(path.name, value)
    return value


def _work(read: Callable[[Path], T], path: Path, max_memory_mb: int, sender, parent: int) -> None:
    """In the worker: set the limits, read, send ("ok", result) or ("error", reason)."""
    die_with_parent(parent)
    gc.enable()  # the build pauses its collector; the engines make reference cycles
    limit = _limit_memory(max_memory_mb)
    outcome: tuple[str, object]
    try:
        outcome = ("ok", read(path))
    except MemoryError:
        os._exit(_OUT_OF_MEMORY)
    except InputError as exc:
        outcome = ("error", exc.reason)
    except RecursionError:
        outcome = ("error", "PDF is damaged or hostile: its objects nest too deeply to read; get an undamaged copy")
    except Exception as exc:  # the engine fails in many ways on broken files
        outcome = ("error", f"PDF is damaged, the PDF engine failed ({short_exception(exc)}); get an undamaged copy")
    if outcome[0] == "error" and _peak_address_space() >= limit - _NEAR_LIMIT_BYTES:
        # C code that cannot allocate fails in odd ways (SystemError, a
        # zlib error, a broken pool); it was the limit, not the file's damage
        os._exit(_OUT_OF_MEMORY)
    try:
        sender.send(outcome)
    except MemoryError:
        os._exit(_OUT_OF_MEMORY)
    finally:
        sender.close()


def raise_if_out_of_memory(exc: BaseException) -> None:
    """Raise MemoryError if ``exc`` was caused by running out of memory.

    Engines wrap it: pdfminer turns zlib's "Unable to allocate output
    buffer" (Z_MEM_ERROR) into its own exception. Readers call this before
    turning an engine failure into "damaged", so the memory limit is named.
    """
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, MemoryError) or "unable to allocate" in str(seen).lower():
            raise MemoryError from exc
        seen = seen.__cause__ or seen.__context__


def _death_reason(exitcode: int | None, limits: Limits) -> str:
    """Why the worker ended without an answer: memory, or a crash of the engine."""
    # Out of address space, C code aborts (SIGABRT) or faults (SIGSEGV)
    # where Python would raise MemoryError.
    if exitcode in (_OUT_OF_MEMORY, -signal.SIGABRT, -signal.SIGSEGV, -signal.SIGBUS):
        return (
            f"reading needed more memory than the limit ({limits.max_memory_mb} MB, option --max-memory); "
            "the PDF is damaged or made to exhaust readers"
        )
    return f"the PDF engine stopped while reading (exit status {exitcode}); the PDF is probably damaged"


def _stop(worker) -> int | None:
    """End the worker (and, through ``die_with_parent``, its page readers); its exit code."""
    if worker.is_alive():
        worker.kill()
    worker.join()
    exitcode = worker.exitcode
    worker.close()
    return exitcode


def _limit_memory(max_memory_mb: int) -> int:
    """Cap this process's address space at its current size plus ``max_memory_mb``; the cap in bytes."""
    import resource

    limit = _address_space_bytes("VmSize") + max_memory_mb * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return limit


def _peak_address_space() -> int:
    return _address_space_bytes("VmPeak")


def _address_space_bytes(field: str) -> int:
    """This process's virtual memory size, now (VmSize) or at most (VmPeak); 0 if unknown (not Linux)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(f"{field}:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def die_with_parent(parent: int) -> None:
    """Have the kernel kill this process when its parent ends (Linux).

    For processes this program starts (the reader, the page readers), so a
    killed build leaves no orphan. ``parent`` is the pid expected as parent:
    if it is already gone, exit now. A no-op on systems without prctl.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)
