"""build --out never destroys what it does not own, and publishes with the user's permissions."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES
from foerderdaten.outfolder import is_previous_build

SAB = FIXTURES / "sab_2023_ruled.pdf"


def run_build(*args: str, cwd: Path, umask: int = 0o022) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "foerderdaten", "build", *args],
        capture_output=True, text=True, timeout=300, cwd=cwd, preexec_fn=lambda: os.umask(umask),
    )


def hidden_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_refuses_a_folder_it_did_not_write(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "notes.txt").write_text("my notes\n", encoding="utf-8")
    result = run_build(str(SAB), "--out", "notes", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: notes: folder exists and was not written by 'foerderdaten build'")
    assert sorted(p.name for p in notes.iterdir()) == ["notes.txt"]
    assert (notes / "notes.txt").read_text(encoding="utf-8") == "my notes\n"
    assert hidden_leftovers(tmp_path) == []


def test_refuses_a_file(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# my project\n", encoding="utf-8")
    result = run_build(str(SAB), "--out", "README.md", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: README.md: is a file, not an output folder")
    assert readme.read_text(encoding="utf-8") == "# my project\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md"]  # no .README.md-old, no staging


def test_a_metadata_json_of_another_project_is_not_a_marker(tmp_path):
    (tmp_path / "foerderdaten.db").write_bytes(b"")
    (tmp_path / "metadata.json").write_text(json.dumps({"databases": {"fixtures": {"tables": {"projects": {}}}}}))
    assert not is_previous_build(tmp_path)
    (tmp_path / "metadata.json").write_text("not json")
    assert not is_previous_build(tmp_path)


def test_published_folder_has_the_users_permissions_and_is_replaced_by_the_next_build(tmp_path):
    result = run_build(str(SAB), "--out", "clean", cwd=tmp_path, umask=0o027)
    assert result.returncode == 0, result.stderr
    clean = tmp_path / "clean"
    assert stat.S_IMODE(clean.stat().st_mode) == 0o750  # not mkdtemp's 0o700
    assert stat.S_IMODE((clean / "projects.csv").stat().st_mode) == 0o640
    assert is_previous_build(clean)

    # the folder the build wrote is its own: a second build replaces it
    (clean / "stale.txt").write_text("left from before\n", encoding="utf-8")
    result = run_build(str(SAB), "--out", "clean", cwd=tmp_path, umask=0o022)
    assert result.returncode == 0, result.stderr
    assert not (clean / "stale.txt").exists()
    assert stat.S_IMODE(clean.stat().st_mode) == 0o755
    assert hidden_leftovers(tmp_path) == []


def test_an_empty_folder_is_used(tmp_path):
    (tmp_path / "clean").mkdir()
    result = run_build(str(SAB), "--out", "clean", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "clean" / "projects.csv").is_file()
