#!/usr/bin/env python3
"""Set-up plus the everyday commands; needs only Python 3.11+ and pip.

    python3 dev.py build   # .venv (if missing), install, build data/clean from data/raw
    python3 dev.py test    # .venv (if missing), install, lint (ruff, mypy), run the tests
    python3 dev.py lint    # .venv (if missing), install, only ruff and mypy

Extra arguments go to the build or to pytest. `test` without arguments is the
full run CI does: ruff and mypy first, and a finding fails it like a failing
test. `test` with pytest arguments is a focused run and skips the linters.
Versions are pinned by constraints.txt, so every machine builds byte-identical
files. The install is repeated only when pyproject.toml or constraints.txt changed.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if sys.platform == "win32" else "bin")
STAMP = VENV / ".foerderdaten-installed"


def ensure_environment() -> None:
    if not (BIN / "python").exists():
        print("creating .venv", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + (ROOT / "constraints.txt").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    print("installing foerderdaten and its dependencies into .venv", file=sys.stderr)
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-c", "constraints.txt", "-e", ".[test]")
    STAMP.write_text(wanted)


def run(*command) -> None:
    result = subprocess.run([str(c) for c in command], cwd=ROOT)
    if result.returncode != 0:
        sys.exit(result.returncode)


def lint() -> None:
    """ruff and mypy as configured in pyproject.toml; a finding stops here."""
    run(BIN / "python", "-m", "ruff", "check", "--output-format=concise", ".")
    run(BIN / "python", "-m", "mypy")


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in ("build", "test", "lint"):
        sys.exit(__doc__)
    ensure_environment()
    if argv[0] == "build":
        run(BIN / "foerderdaten", "build", *argv[1:])
    elif argv[0] == "lint":
        lint()
    else:
        if len(argv) == 1:
            lint()
        run(BIN / "python", "-m", "pytest", *argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
