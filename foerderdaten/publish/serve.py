"""Browse the SQLite database locally with Datasette.

Datasette runs as ``python -m datasette`` in a child process of the same
interpreter, so it is the installed version and nothing else. It binds to a
loopback address only: the database is meant for browsing on one's own
machine; publishing it on a network needs a proper deployment.
"""

from __future__ import annotations

import ipaddress
import subprocess
import sys
from pathlib import Path

METADATA_FILE = "metadata.json"
# our Datasette plugin (value length limit, Host check, 404s): the only file there
PLUGINS_DIR = Path(__file__).parent / "datasette_plugins"
# One query's bounds: rows returned (Datasette's default, stated) and time.
SETTINGS = {"max_returned_rows": "1000", "sql_time_limit_ms": "1000", "max_csv_mb": "50"}


def _check_loopback(host: str) -> None:
    if host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"refusing to serve on {host!r}: only loopback addresses (127.0.0.1, ::1, localhost)")


def datasette_command(db_path: Path, host: str = "127.0.0.1", port: int = 8001) -> list[str]:
    """The command line that serves ``db_path`` with the metadata beside it."""
    _check_loopback(host)
    # immutable: the published file does not change while served, so
    # Datasette may count rows once and open it read-only
    command = [sys.executable, "-m", "datasette", "serve", "--immutable", str(db_path)]
    metadata = db_path.parent / METADATA_FILE
    if metadata.exists():
        command += ["--metadata", str(metadata)]
    command += ["--plugins-dir", str(PLUGINS_DIR)]
    for name, value in SETTINGS.items():
        command += ["--setting", name, value]
    command += ["--host", host, "--port", str(port)]
    return command


def start(db_path: Path, host: str = "127.0.0.1", port: int = 8001, **popen_kwargs) -> subprocess.Popen:
    """Start Datasette in the background; the caller must stop it."""
    if not db_path.is_file():
        raise FileNotFoundError(f"{db_path}: no database; run the pipeline first")
    return subprocess.Popen(datasette_command(db_path, host, port), **popen_kwargs)


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001) -> int:
    """Serve until Ctrl+C; returns Datasette's exit code."""
    process = start(db_path, host, port)
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        try:
            return process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.wait()
