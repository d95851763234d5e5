"""What a new user sees: help without type clutter, and a set-up without deprecation noise."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent


def help_text(*command: str) -> str:
    done = subprocess.run([sys.executable, "-m", "foerderdaten", *command, "--help"],
                          capture_output=True, text=True, timeout=60, check=True)
    return done.stdout


def test_flags_show_without_a_type():
    text = " ".join(help_text("build").split())
    assert "--debug " in text and "<bool>" not in text
    assert "relative to the current directory" in text  # where the default input is looked for


def test_serve_documents_host_and_public():
    text = " ".join(help_text("serve").split())
    assert "--host ADDRESS" in text and "--public" in text and "<bool>" not in text
    assert "0.0.0.0" in text  # says what needs --public


def test_licence_in_spdx_form_with_a_setuptools_that_reads_it():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    # a table ({text = "MIT"}) makes setuptools print its deprecation warning on every install
    assert project["project"]["license"] == "MIT"
    assert project["build-system"]["requires"] == ["setuptools>=77"]  # first version with SPDX strings
