"""The SAB gold table printed by LibreOffice Calc: exact, or refused naming the page.

The second engine nobody here wrote (after Chromium, see
``test_browser_renderings.py``): a spreadsheet as the SAB makes it
(``render_calc.py``), converted with ``soffice --headless --convert-to pdf``.
Slow (LibreOffice starts in seconds and lays out 40 pages), hence marked
``slow``; skipped, saying why, where ``soffice`` is not installed.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from readback import read_sab, sab_table
from render_calc import CalcLayout, sab_fods
from test_renderings import SAB_HEADERS

pytestmark = pytest.mark.slow

TIMEOUT = 300  # seconds for one conversion (the first start of LibreOffice on a busy machine is slow)
KINDS = ["text", "text", "text", "number", "text", "date", "date", "text", "text"]  # per SAB_FIELDS
WIDTHS_CM = [3.6, 2.4, 2.6, 1.1, 3.2, 2.2, 2.2, 3.4, 6.3]  # fits A4 landscape with 1 cm margins

LAYOUTS = {
    # what a user gets from Calc's defaults: bottom-aligned cells, dates and
    # numbers right-aligned, a Calibri-metric font at 11 pt, all borders
    "calc_defaults_carlito_11pt": CalcLayout(),
    "calc_top_aligned_liberation_10pt_no_borders": CalcLayout(font="Liberation Sans", size=10, valign="top", borders=False),
}


@pytest.fixture(scope="module")
def soffice() -> Path:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice not installed: apt-get install libreoffice-calc (CI's .ci/run does)")
    return Path(found)


def convert_to_pdf(soffice: Path, source: Path) -> Path:
    """``source`` printed to PDF by LibreOffice, with a fresh profile (no user settings, no network)."""
    profile = source.parent / "lo-profile"
    command = [str(soffice), "--headless", "--norestore", "--nolockcheck", f"-env:UserInstallation={profile.resolve().as_uri()}",
               "--convert-to", "pdf", "--outdir", str(source.parent), str(source)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    pdf = source.with_suffix(".pdf")
    assert done.returncode == 0 and pdf.exists(), f"soffice failed: {done.stdout[-1000:]} {done.stderr[-1000:]}"
    return pdf


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_sab_printed_by_calc(soffice, tmp_path, name):
    layout = LAYOUTS[name]
    headers, rows, _ = sab_table(["original"] * 9, list(range(9)), SAB_HEADERS)
    sheet = tmp_path / f"{name}.fods"
    sheet.write_text(sab_fods(headers, rows, KINDS, WIDTHS_CM, layout), encoding="utf-8")
    reading = read_sab(convert_to_pdf(soffice, sheet))
    assert reading.verdict in ("exact", "ambiguous"), f"{layout}\n{reading.report()}"
