"""Which folder ``build --out`` may replace, and with which permissions.

The build replaces its output folder as a whole. It must never destroy
what it does not own: only a folder that a previous build wrote is
replaced. The marker is the build's ``metadata.json`` (Datasette metadata,
written by :mod:`foerderdaten.publish.datasette_metadata`): a JSON object
describing the database ``foerderdaten`` with a ``projects`` table, next to
``foerderdaten.db``. A missing or empty folder is fine too (nothing to lose);
anything else — a file, a folder of notes, another project's ``data`` — is
refused with an :class:`InputError` before any PDF is read.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from foerderdaten.errors import InputError

MARKER = "metadata.json"
DATABASE = "foerderdaten.db"


def is_previous_build(folder: Path) -> bool:
    """True if ``folder`` holds a dataset written by ``foerderdaten build``."""
    try:
        meta = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(meta, dict):
        return False
    database = (meta.get("databases") or {}).get(Path(DATABASE).stem) or {}
    return isinstance(database, dict) and "projects" in (database.get("tables") or {}) and (folder / DATABASE).is_file()


def check_replaceable(out_dir: Path, shown: str) -> None:
    """Refuse an output path the build does not own; ``shown`` is the path as typed."""
    if not out_dir.exists() and not out_dir.is_symlink():
        return
    if not out_dir.is_dir():
        raise InputError(shown, "is a file, not an output folder; pass a new folder or one written by 'foerderdaten build'")
    if not any(out_dir.iterdir()) or is_previous_build(out_dir):
        return
    raise InputError(
        shown,
        f"folder exists and was not written by 'foerderdaten build' (no {MARKER} of a build); "
        "refusing to replace it: pass a new or empty folder",
    )


def usual_folder_mode() -> int:
    """The mode a new folder gets from the user's umask (e.g. 0o755 for umask 022).

    ``tempfile.mkdtemp`` creates private (0o700) folders; the published
    folder should be readable like any other folder the user makes. Reading
    the umask means setting it, so it is set back at once.
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o777 & ~mask
