"""Browse the SQLite database locally with Datasette.

Datasette runs as ``python -m datasette`` in a child process of the same
interpreter, so it is the installed version and nothing else. ``serve``
owns that child: SIGTERM, SIGINT (Ctrl+C) and SIGHUP stop it before
``serve`` itself ends, so no Datasette is left answering on the port. A
SIGKILL reaches no handler: on Linux the kernel then stops Datasette
(``prctl(PR_SET_PDEATHSIG)``, set in the child before it starts).

It binds to a loopback address unless the caller passes ``public=True``
(the CLI's ``--public``): the database is meant for browsing on one's own
machine, and putting it on a network should be a deliberate choice. A port
already in use is reported before Datasette starts (Datasette itself would
log the error and exit with status 0).
"""

from __future__ import annotations

import ctypes
import ipaddress
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

METADATA_FILE = "metadata.json"
# our Datasette plugin (value length limit, Host check, 404s): the only file there
PLUGINS_DIR = Path(__file__).parent / "datasette_plugins"
# One query's bounds: rows returned (Datasette's default, stated) and time.
SETTINGS = {"max_returned_rows": "1000", "sql_time_limit_ms": "1000", "max_csv_mb": "50"}
ASSETS_DIR = Path(__file__).parent / "datasette_assets"
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
STOP_SECONDS = 10  # how long Datasette may take to shut down before it is killed


class ServeError(ValueError):
    """Serving cannot start; the message is one line for the user."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_host(host: str, public: bool = False) -> None:
    if not public and not is_loopback(host):
        raise ServeError(
            f"--host {host}: not a loopback address, so anyone on the network could browse the database; "
            "add --public to allow that"
        )


def check_port_free(host: str, port: int) -> None:
    """Fail with one line if something already listens on ``host:port``."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # as uvicorn does: a connection in TIME_WAIT does not count as in use
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ServeError(f"port {port} on {host} is already in use ({exc.strerror}); choose another with --port") from None


def datasette_command(db_path: Path, host: str = "127.0.0.1", port: int = 8001, public: bool = False) -> list[str]:
    """The command line that serves ``db_path`` with the metadata beside it."""
    check_host(host, public)
    # immutable: the published file does not change while served, so
    # Datasette may count rows once and open it read-only
    command = [sys.executable, "-m", "datasette", "serve", "--immutable", str(db_path)]
    metadata = db_path.parent / METADATA_FILE
    if metadata.exists():
        command += ["--metadata", str(metadata)]
    command += ["--plugins-dir", str(PLUGINS_DIR)]
    for name, value in SETTINGS.items():
        command += ["--setting", name, value]
    # the URLs that metadata.json links (see datasette_metadata.py)
    from foerderdaten.publish.datasette_metadata import ASSETS_MOUNT, EXCEL_MOUNT

    command += ["--static", f"{ASSETS_MOUNT}:{ASSETS_DIR}"]
    excel = db_path.parent / "excel"
    if excel.is_dir():
        command += ["--static", f"{EXCEL_MOUNT}:{excel}"]
    command += ["--host", host, "--port", str(port)]
    return command


def start(db_path: Path, host: str = "127.0.0.1", port: int = 8001, public: bool = False, **popen_kwargs) -> subprocess.Popen:
    """Start Datasette in the background; the caller must stop it."""
    if not db_path.is_file():
        raise FileNotFoundError(f"{db_path}: no database; run the pipeline first")
    if sys.platform.startswith("linux"):
        popen_kwargs.setdefault("preexec_fn", _dies_with(os.getpid()))
    return subprocess.Popen(datasette_command(db_path, host, port, public), **popen_kwargs)


# prctl option: the signal a process gets when its parent ends (linux/prctl.h)
PR_SET_PDEATHSIG = 1


def _dies_with(parent: int):
    """What the child runs before Datasette starts: ask the kernel for a
    SIGTERM when ``parent`` ends, however it ends (a SIGKILL included)."""

    def arrange() -> None:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent ended before the request took effect
            os._exit(1)

    return arrange


def stop(process: subprocess.Popen) -> None:
    """Terminate ``process`` and wait for it; kill it if it does not end in time."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class _StopRequested(Exception):
    pass


def _raise_stop(signum, _frame) -> None:
    raise _StopRequested(signum)


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001, public: bool = False) -> int:
    """Serve until stopped by a signal; returns Datasette's exit code (0 when stopped).

    Raises ServeError if the host is not allowed or the port is taken.
    """
    check_host(host, public)
    check_port_free(host, port)
    if public and not is_loopback(host):
        print(f"serving on {host}:{port}: reachable from other machines (--public)", file=sys.stderr)
    previous = {sig: signal.signal(sig, _raise_stop) for sig in STOP_SIGNALS}
    process = None
    try:
        process = start(db_path, host, port, public)
        return process.wait()
    except _StopRequested:
        return 0
    finally:
        if process is not None:
            # a second signal while stopping must not leave the child behind
            for sig in STOP_SIGNALS:
                signal.signal(sig, signal.SIG_IGN)
            stop(process)
        for sig, handler in previous.items():
            signal.signal(sig, handler)
