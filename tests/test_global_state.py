"""Importing the package, and reading a PDF, leave the host program's set-up as it was.

A program that imports foerderdaten keeps its own logging: pdfminer's
logger is changed only while a PDF is read (damage.strict_engine), and put
back afterwards, also when reading fails.
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import FIXTURES

STATE = """
import json, logging
import pdfminer.settings
def state():
    logger = logging.getLogger("pdfminer")
    return [logger.level, logger.propagate, len(logger.handlers), pdfminer.settings.STRICT, logging.root.level, len(logging.root.handlers)]
"""


def states(code: str) -> list:
    """Run ``code`` after STATE in a fresh interpreter; it prints a JSON list of states."""
    result = subprocess.run([sys.executable, "-c", STATE + code], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(result.stdout)


def test_importing_the_package_changes_no_logging():
    before, after = states(
        "before = state()\n"
        "import foerderdaten, foerderdaten.cli, foerderdaten.pipeline, foerderdaten.extract.pdfdoc\n"
        "import foerderdaten.extract.pdfium_engine, foerderdaten.extract.pdfplumber_engine\n"
        "print(json.dumps([before, state()]))"
    )
    assert after == before


def test_reading_puts_pdfminer_back(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    before, *after = states(
        "from pathlib import Path\n"
        "from foerderdaten.extract.pdfdoc import open_pdf\n"
        "before = state(); seen = []\n"
        f"for engine in ('pdfium', 'pdfplumber'):\n"
        f"    open_pdf(Path({str(FIXTURES / 'sab_2023_plain.pdf')!r}), engine); seen.append(state())\n"
        f"    try: open_pdf(Path({str(broken)!r}), engine)\n"
        "    except Exception: pass\n"
        "    seen.append(state())\n"
        "print(json.dumps([before, *seen]))"
    )
    assert after == [before] * 4
