"""The output folder: one build at a time, replaced whole, never lost.

A build writes the new dataset into a staging folder next to the target
(``.<name>-new-XXXXXXXX``) and swaps it in only when everything is written.
Whatever happens, even a SIGKILL at any moment, a complete dataset stays
reachable under the target's name or, between two renames, as
``.<name>-old``, which the next build puts back.

* ``lock``: a build holds an exclusive ``flock`` on ``.<name>.lock`` beside
  the target from start to end, so a second build into the same folder
  fails at once with a clear message instead of mixing files.
* ``recover``: under the lock, the next build restores ``.<name>-old`` if
  the target is missing and removes staging folders a killed build left.
  Only names this module makes are touched.
* ``check_replaceable``: before any work, the build refuses a target it
  does not own: only a missing or empty folder, or one a previous build
  wrote (its ``metadata.json`` describing the ``foerderdaten`` database with
  a ``projects`` table, next to ``foerderdaten.db``), may be replaced; a
  file or a folder of notes is refused with an :class:`InputError`.
* ``staging`` gives the new folder the user's usual permissions (umask),
  not ``mkdtemp``'s private 0o700.
* ``owned`` joins the first three for a writer: it checks, locks and
  recovers, then yields the target's absolute path while holding the lock.
* ``swap_in``: one atomic ``renameat2(RENAME_EXCHANGE)`` on Linux; where the
  file system or system lacks it, two renames (old aside, new in), and
  ``recover`` covers a kill between them.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from foerderdaten.errors import InputError

_AT_FDCWD = -100  # from <fcntl.h>
_RENAME_EXCHANGE = 2  # from <linux/fs.h>


def lock_path(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}.lock")


def backup_path(out_dir: Path) -> Path:
    return out_dir.with_name(f".{out_dir.name}-old")


def staging_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}-new-"


@contextmanager
def lock(out_dir: Path) -> Iterator[None]:
    """Hold the build lock of ``out_dir`` (its parent must exist); fail if taken."""
    path = lock_path(out_dir)
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise InputError(
                out_dir.name,
                f"another build is writing this folder now (lock {path.name}); wait for it to finish, then build again",
            ) from None
        # the holder before us removes the file on release: lock the file
        # that is there now, not one already unlinked
        try:
            if os.stat(path).st_ino == os.fstat(fd).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(fd)


@contextmanager
def owned(out_dir: Path) -> Iterator[Path]:
    """Hold ``out_dir`` for writing: refused if the build does not own it
    (before any work), then locked and put right after a killed build.
    Yields the absolute path; its parent folder exists."""
    check_replaceable(out_dir, str(out_dir))
    target = out_dir.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with lock(target):
        recover(target)
        yield target


def recover(out_dir: Path) -> None:
    """Undo what a killed build left: call while holding ``lock``."""
    backup = backup_path(out_dir)
    if backup.is_dir() and not out_dir.exists():
        backup.rename(out_dir)  # killed between the two renames of a swap
    shutil.rmtree(backup, ignore_errors=True)
    prefix = staging_prefix(out_dir)
    for leftover in out_dir.parent.glob(f"{prefix}*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


@contextmanager
def staging(out_dir: Path) -> Iterator[Path]:
    """A fresh folder next to ``out_dir`` to write into; removed afterwards
    (after ``swap_in`` it holds the previous dataset)."""
    folder = Path(tempfile.mkdtemp(prefix=staging_prefix(out_dir), dir=out_dir.parent))
    folder.chmod(usual_folder_mode())  # mkdtemp makes it private (0o700); publish with the umask
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def swap_in(staging_dir: Path, out_dir: Path) -> None:
    """Make ``staging_dir`` the dataset at ``out_dir``; the old one ends in ``staging_dir``."""
    if not out_dir.exists():
        staging_dir.rename(out_dir)
        return
    if _exchange(staging_dir, out_dir):
        return
    backup = backup_path(out_dir)
    shutil.rmtree(backup, ignore_errors=True)
    out_dir.rename(backup)
    try:
        staging_dir.rename(out_dir)
    except OSError:
        backup.rename(out_dir)
        raise
    backup.rename(staging_dir)  # removed with the staging folder


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(b))


# --------------------------------------------------------------------------
# Which folder a build may replace, and with which permissions

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
