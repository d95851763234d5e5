"""Benchmark: field accuracy against gold, and wall time and memory per engine.

    .venv/bin/python benchmarks/bench_sab.py [--repeat N]

Accuracy: our parser, pdfplumber's ``extract_tables`` and camelot's lattice
mode (both "out of the box": cell text with line breaks turned into blanks)
on the ruled and the plain rendering of the bundled SAB PDF.

Time, side by side in one run, on the bundled SAB PDF and on a generated
400-row edition (the 134 gold rows repeated with numbered titles, printed by
``tests/render.py``, 48 pages):

* pypdfium2 merely reading every character with its box (the floor),
* pdfplumber merely reading every character,
* pdfplumber ``extract_tables`` and camelot lattice over all pages,
* ``foerderdaten build`` with each engine (a fresh process, as a user runs it).

Because the machine may be shared, the CPU seconds of the floor and of each
build (all its processes) are printed too: they depend far less on the load.

Memory: peak RSS of ``foerderdaten build`` on the 400-row and a 1600-row
edition (four times the pages), per engine: of the build process, and of
the build with its reader processes together (sampled every 10 ms), and the
growth per page between the two. Flat means: the reader's peak does not
grow with the pages (it hands each page over as soon as it is read and
holds at most a few the build process has not taken), and the build
process grows only by what it keeps of the rows: their text and measured
cell lines while the table is read, then the output's rows until every
format is written.
The published values of both engines are compared file by file.

Target: ``build`` within 3x the pypdfium2 floor on the 400-row edition.
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW_PDF = ROOT / "data" / "raw" / "sab_2023_ruled.pdf"
PLAIN_PDF = ROOT / "tests" / "fixtures" / "sab_2023_plain.pdf"
GOLD = ROOT / "tests" / "gold" / "sab_2023.csv"
FIELDS = ["projekttraeger", "durchfuehrungsort", "region_raw", "rl_nr_raw", "vorhabensart_raw",
          "bewilligungsbeginn_raw", "bewilligungsende_raw", "projekttitel", "kurzbeschreibung"]
ENGINES = ("pdfium", "pdfplumber")


def gold_rows() -> list[list[str]]:
    with GOLD.open(encoding="utf-8", newline="") as fh:
        return [[row[f] for f in FIELDS] for row in csv.DictReader(fh)]


def accuracy(rows: list[list[str]]) -> float:
    """Share of gold fields reproduced exactly, rows compared in order."""
    gold = gold_rows()
    hits = sum(1 for got, want in zip(rows, gold, strict=False) for a, b in zip(got, want, strict=False) if a == b)
    return 100.0 * hits / (len(gold) * len(FIELDS))


def fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\n", " ")).strip()


def is_header(cells: list[str]) -> bool:
    return any("Projektträger" in c or "Kurzbeschreibung" in c for c in cells)


def edition(rows: int, folder: Path) -> Path:
    """A generated SAB edition of ``rows`` rows: the gold rows repeated, titles numbered."""
    sys.path.insert(0, str(ROOT / "tests"))
    from render import Layout, render_table

    gold = gold_rows()
    body = []
    for i in range(rows):
        row = list(gold[i % len(gold)])
        row[7] = f"{row[7]} ({i // len(gold) + 1})" if i >= len(gold) else row[7]
        body.append(row)
    headers = ["Projektträger", "Durchführungs-ort", "Region/FKA", "Nr. der RL", "Vorhabensart",
               "Bewilligungs-beginn", "Bewilligungs-ende", "Projekttitel", "Kurzbeschreibung"]
    head = ["Stand: 31.12.2023", "Fachkräfterichtlinie: Übersicht über beantragte und bewilligte Projekte - Regionalbudget 2023"]
    path = folder / f"sab_{rows}_rows.pdf"
    render_table(path, headers, [100, 60, 62, 22, 80, 52, 52, 90, 260], body, Layout(head=head))
    return path


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
            page.close()
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


def pdfplumber_chars(pdf: Path) -> int:
    import pdfplumber

    count = 0
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            count += len(page.chars)
            page.close()
    return count


def pdfium_chars(pdf: Path) -> int:
    """The floor: every character's text and box, nothing else."""
    import pypdfium2 as pdfium

    count = 0
    doc = pdfium.PdfDocument(str(pdf))
    for page in doc:
        text = page.get_textpage()
        for i in range(text.count_chars()):
            text.get_text_range(i, 1)
            text.get_charbox(i, loose=True)
            count += 1
        text.close()
        page.close()
    doc.close()
    return count


def build_command(pdf: Path, engine: str, out: Path) -> list[str]:
    return [str(Path(sys.executable).parent / "foerderdaten"), "build", str(pdf), "--out", str(out), "--engine", engine]


def run_build(pdf: Path, engine: str, out: Path) -> None:
    """``foerderdaten build`` in a fresh process, as a user runs it (timed: nothing else runs meanwhile)."""
    subprocess.run(build_command(pdf, engine, out), check=True)


def build_memory(pdf: Path, engine: str, out: Path) -> tuple[int, int]:
    """Run ``foerderdaten build``; peak RSS in MB of its main process, and of
    it with all its descendants at once (Linux, else 0).

    Read from /proc while the build runs: the kernel's rusage would count
    the benchmark's own memory, copied at fork.
    """
    command = build_command(pdf, engine, out)
    process = subprocess.Popen(command)
    main_peak = tree_peak = 0
    while process.poll() is None:
        rss = {pid: _rss_kb(pid) for pid in _tree(process.pid)}
        main_peak = max(main_peak, _hwm_kb(process.pid))
        tree_peak = max(tree_peak, sum(rss.values()))
        time.sleep(0.01)
    if process.returncode:
        raise SystemExit(f"build failed: {' '.join(command)}")
    return main_peak // 1024, tree_peak // 1024


def _status(pid: int, field: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _rss_kb(pid: int) -> int:
    return _status(pid, "VmRSS:")


def _hwm_kb(pid: int) -> int:
    return _status(pid, "VmHWM:")


def _tree(root: int) -> list[int]:
    """``root`` and its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


# ---------------------------------------------------------------- main


def timed(fn, repeat: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (this process and the
    processes it waited for: a build's reader and page readers)."""
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), _cpu_seconds()
        fn()
        times.append(time.perf_counter() - start)
        cpu.append(_cpu_seconds() - start_cpu)
    return statistics.median(times), statistics.median(cpu)


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def same_output(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.glob("*.csv"))
    _, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
    return not mismatch and not errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import warnings

    warnings.filterwarnings("ignore")
    print("| reader | ruled: fields exact | plain: fields exact |")
    print("|---|---:|---:|")
    for name, reader in {"foerderdaten": ours, "pdfplumber extract_tables": pdfplumber_tables, "camelot lattice": camelot_lattice}.items():
        scores = []
        for pdf in (RAW_PDF, PLAIN_PDF):
            try:
                scores.append(f"{accuracy(reader(pdf)):.1f} %")
            except Exception as exc:  # camelot finds no table without rulings
                scores.append(f"0.0 % ({type(exc).__name__})")
        print(f"| {name} | {' | '.join(scores)} |")
    print()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        large, larger = edition(400, tmp), edition(1600, tmp)
        documents = {RAW_PDF.name: RAW_PDF, large.name: large}
        steps = {
            FLOOR: pdfium_chars,
            "pdfplumber: read all characters": pdfplumber_chars,
            "pdfplumber extract_tables": pdfplumber_tables,
            "camelot lattice": camelot_lattice,
        }
        results: dict[str, dict[str, tuple[float, float]]] = {step: {} for step in steps}
        for engine in ENGINES:
            results[f"foerderdaten build --engine {engine}"] = {}
        same = {}
        for label, pdf in documents.items():
            for step, fn in steps.items():
                results[step][label] = timed(partial(fn, pdf), args.repeat)
            for engine in ENGINES:
                out = tmp / f"out-{engine}-{label}"
                results[f"foerderdaten build --engine {engine}"][label] = timed(partial(run_build, pdf, engine, out), args.repeat)
            same[label] = same_output(tmp / f"out-pdfium-{label}", tmp / f"out-pdfplumber-{label}")
        pages = {label: _pages(pdf) for label, pdf in documents.items()}
        print("| step | " + " | ".join(f"{label} ({pages[label]} pages): s | x floor | CPU s" for label in documents) + " |")
        print("|---|" + "---:|---:|---:|" * len(documents))
        for step, times in results.items():
            cells = " | ".join(
                f"{times[label][0]:.2f} | {times[label][0] / results[FLOOR][label][0]:.1f} | {times[label][1]:.2f}" for label in documents
            )
            print(f"| {step} | {cells} |")
        print()
        print("published CSV files identical with both engines: " + ", ".join(f"{label}: {'yes' if ok else 'NO'}" for label, ok in same.items()))
        print()
        print_memory(large, larger, tmp)
        print()
        print(f"load average during the run (1, 5, 15 min): {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


FLOOR = "pypdfium2: read all characters (the floor)"


def print_memory(small: Path, large: Path, tmp: Path) -> None:
    """Peak RSS of the build on two editions, and its growth per page between them."""
    small_pages, large_pages = _pages(small), _pages(large)
    print(f"| peak RSS of build, MB: build process / with its readers | {small.stem} ({small_pages} pages) "
          f"| {large.stem} ({large_pages} pages) | growth per page, MB: build process / with its readers |")
    print("|---|---:|---:|---:|")
    for engine in ENGINES:
        (main_s, tree_s), (main_l, tree_l) = (build_memory(pdf, engine, tmp / f"rss-{engine}") for pdf in (small, large))
        pages = large_pages - small_pages
        print(f"| {engine} | {main_s} / {tree_s} | {main_l} / {tree_l} | {(main_l - main_s) / pages:.2f} / {(tree_l - tree_s) / pages:.2f} |")


def _pages(pdf: Path) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(str(pdf)))


if __name__ == "__main__":
    main()
