"""Benchmark on the bundled SAB overview: field accuracy against gold and wall time.

    .venv/bin/python benchmarks/bench_sab.py [--repeat N] [--markdown]

Compares our parser with pdfplumber's ``extract_tables`` and camelot's
lattice mode (both read "out of the box": cell text with line breaks turned
into blanks), on the ruled and the plain rendering, and times

* ``foerderdaten build`` of the SAB PDF (a fresh process, as a user runs it),
* pdfplumber ``extract_tables`` over all pages,
* camelot lattice over all pages,
* pdfplumber merely reading all characters of all pages (the floor).

The target is 100 % of fields and ``build`` no slower than 1.5x the floor.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW_PDF = ROOT / "data" / "raw" / "sab_2023_ruled.pdf"
PLAIN_PDF = ROOT / "tests" / "fixtures" / "sab_2023_plain.pdf"
GOLD = ROOT / "tests" / "gold" / "sab_2023.csv"
FIELDS = ["projekttraeger", "durchfuehrungsort", "region_raw", "rl_nr_raw", "vorhabensart_raw",
          "bewilligungsbeginn_raw", "bewilligungsende_raw", "projekttitel", "kurzbeschreibung"]


def gold_rows() -> list[list[str]]:
    with GOLD.open(encoding="utf-8", newline="") as fh:
        return [[row[f] for f in FIELDS] for row in csv.DictReader(fh)]


def accuracy(rows: list[list[str]]) -> float:
    """Share of gold fields reproduced exactly, rows compared in order."""
    gold = gold_rows()
    hits = sum(1 for got, want in zip(rows, gold) for a, b in zip(got, want) if a == b)
    return 100.0 * hits / (len(gold) * len(FIELDS))


def fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\n", " ")).strip()


def is_header(cells: list[str]) -> bool:
    return any("Projektträger" in c or "Kurzbeschreibung" in c for c in cells)


# ---------------------------------------------------------------- readers


def ours(pdf: Path) -> list[list[str]]:
    from foerderdaten.extract.pdfdoc import open_pdf
    from foerderdaten.extract.sab import extract_projects

    _, _, rows = extract_projects(open_pdf(pdf))
    return [[getattr(r, f) for f in FIELDS] for r in rows]


def pdfplumber_tables(pdf: Path) -> list[list[str]]:
    import pdfplumber

    rows = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for table in page.extract_tables():
                rows.extend([fold(c) for c in row] for row in table if not is_header([fold(c) for c in row]))
    return rows


def camelot_lattice(pdf: Path) -> list[list[str]]:
    import camelot

    rows = []
    for table in camelot.read_pdf(str(pdf), pages="all", flavor="lattice"):
        for row in table.df.values.tolist():
            cells = [fold(c) for c in row]
            if not is_header(cells):
                rows.append(cells)
    return rows


def read_chars(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return sum(len(page.chars) for page in doc.pages)


def build_cli(pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([str(Path(sys.executable).parent / "foerderdaten"), "build", str(pdf), "--out", str(Path(tmp) / "clean")], check=True)


# ---------------------------------------------------------------- main


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import warnings

    warnings.filterwarnings("ignore")
    readers = {"foerderdaten": ours, "pdfplumber extract_tables": pdfplumber_tables, "camelot lattice": camelot_lattice}
    print("| reader | ruled: fields exact | plain: fields exact |")
    print("|---|---:|---:|")
    for name, reader in readers.items():
        scores = []
        for pdf in (RAW_PDF, PLAIN_PDF):
            try:
                scores.append(f"{accuracy(reader(pdf)):.1f} %")
            except Exception as exc:  # camelot finds no table without rulings
                scores.append(f"0.0 % ({type(exc).__name__})")
        print(f"| {name} | {' | '.join(scores)} |")
    print()
    floor = timed(lambda: read_chars(RAW_PDF), args.repeat)
    times = {
        "pdfplumber: read all characters (floor)": floor,
        "foerderdaten build (whole CLI run, fresh process)": timed(lambda: build_cli(RAW_PDF), args.repeat),
        "foerderdaten parse only (extract_projects)": timed(lambda: ours(RAW_PDF), args.repeat),
        "pdfplumber extract_tables": timed(lambda: pdfplumber_tables(RAW_PDF), args.repeat),
        "camelot lattice": timed(lambda: camelot_lattice(RAW_PDF), args.repeat),
    }
    print(f"| step ({RAW_PDF.name}, median of {args.repeat}) | seconds | x floor |")
    print("|---|---:|---:|")
    for name, seconds in times.items():
        print(f"| {name} | {seconds:.2f} | {seconds / floor:.2f} |")


if __name__ == "__main__":
    main()
