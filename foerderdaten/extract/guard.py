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
import queue
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from foerderdaten.errors import InputError, short_exception

T = TypeVar("T")
P = TypeVar("P")  # a part handed over while reading (a page)

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
    return stream_within_limits(path, lambda p, _hand_over: read(p), limits, receive=lambda _part: None, meanwhile=meanwhile)


def stream_within_limits(path: Path, read: Callable[[Path, Callable[[P], None]], T], limits: Limits,
                         receive: Callable[[P], None], meanwhile: Callable[[], object] | None = None) -> T:
    """``read(path, hand_over)`` in a worker process, within ``limits``, as
    ``read_within_limits``; each part the worker passes to ``hand_over``
    (a page) is passed to ``receive`` here as soon as it arrives.

    So this process works on the first pages while the worker reads the
    rest, and the worker need not keep what it has read. ``receive`` runs
    after ``meanwhile``; its time counts against the time limit too. If the
    reading fails, the parts received are of no use: the error is raised.
    """
    if "fork" not in multiprocessing.get_all_start_methods():
        if meanwhile is not None:
            meanwhile()
        return read(path, receive)
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
        outcome = _receive_parts(receiver, receive, deadline, path, limits)
    finally:
        receiver.close()
        exitcode = _stop(worker)
    if outcome is None:
        raise InputError(path.name, _death_reason(exitcode, limits))
    kind, value = outcome
    if kind == "error":
        raise InputError(path.name, value)
    return value


def _receive_parts(receiver, receive: Callable[[P], None], deadline: float, path: Path, limits: Limits) -> tuple[str, Any] | None:
    """Pass the worker's parts to ``receive`` until its outcome comes: ("ok",
    result) or ("error", reason); None if it died without one."""
    while True:
        if not receiver.poll(max(0.0, deadline - time.monotonic())):
            raise InputError(
                path.name,
                f"reading stopped after {limits.timeout_seconds:g} s (time limit, option --timeout); "
                "the PDF is damaged or made to stall readers",
            )
        try:
            kind, value = receiver.recv()
        except (EOFError, OSError):
            return None  # the worker died without an answer
        if kind != "part":
            return kind, value
        receive(value)


def _work(read: Callable[[Path, Callable[[P], None]], T], path: Path, max_memory_mb: int, sender, parent: int) -> None:
    """In the worker: set the limits, read (handing parts over as they are
    read), send ("ok", result) or ("error", reason)."""
    die_with_parent(parent)
    gc.enable()  # the build pauses its collector; the engines make reference cycles
    limit = _limit_memory(max_memory_mb)
    outbox = _Outbox(sender)
    outcome: tuple[str, object]
    try:
        outcome = ("ok", read(path, outbox.hand_over))
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
    outbox.close(outcome)


# Parts (pages) the worker may have read that the build process has not
# taken yet. A few keep the build process from waiting for the next page;
# unbounded, the worker ran ahead whenever the build process worked longer
# on a page than the worker read it, and held the document's pages (~0.2 MB
# each) until they were taken: its memory grew with the document.
PARTS_AHEAD = 4


class _Outbox:
    """The worker's messages to the build process, sent by a thread of their own.

    The build process reads the pipe only when it is free (it imports and
    parses meanwhile), and a page is larger than a pipe's buffer: sending
    from the reading thread would stall the reading until then. The thread
    starts with the first message, after the reader has started its page
    readers (forking a process that runs threads is best avoided). At most
    ``PARTS_AHEAD`` parts wait: then handing over waits for the build process.
    """

    def __init__(self, connection):
        self._connection = connection
        self._queue: queue.Queue = queue.Queue(maxsize=PARTS_AHEAD)
        self._thread = threading.Thread(target=self._send_all, daemon=True)

    def hand_over(self, part: object) -> None:
        self._put(("part", part))

    def close(self, outcome: tuple[str, object]) -> None:
        """Send ``outcome`` after every part, and wait until all is sent."""
        self._put(outcome)
        self._thread.join()
        self._connection.close()

    def _put(self, message: tuple[str, object]) -> None:
        self._queue.put(message)
        if self._thread.ident is None:  # not started yet
            self._thread.start()

    def _send_all(self) -> None:
        while True:
            message = self._queue.get()
            try:
                self._connection.send(message)
            except MemoryError:
                os._exit(_OUT_OF_MEMORY)
            except OSError:
                return  # the build process stopped listening (it ends this worker)
            if message[0] != "part":
                return


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
