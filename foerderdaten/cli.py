"""Command line: a thin layer over :mod:`foerderdaten.pipeline`.

    foerderdaten build [INPUT ...] [--out DIR] [--engine pdfium|pdfplumber]
    foerderdaten serve [--db FILE] [--port N]

Bad input prints one line ``error: <file name>: <reason>`` on stderr and
exits with status 1 (2 for wrong usage); ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Saxon skilled-worker funding PDFs as open data.")

DEFAULT_RAW = Path("data/raw")
# the engine names (foerderdaten.extract.pdfdoc.ENGINES), here so that --help needs no PDF library
ENGINES = ("pdfium", "pdfplumber")
DEFAULT_OUT = Path("data/clean")


def _print_version(value: bool) -> None:
    if value:
        from foerderdaten import __version__

        typer.echo(f"foerderdaten {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """foerderdaten: build and browse the dataset."""


@app.command()
def build(
    inputs: Optional[list[Path]] = typer.Argument(None, help="PDF files or folders (default: data/raw)."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", help="Output folder, replaced only when the whole build succeeds."),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback on errors."),
    engine: str = typer.Option("pdfium", "--engine", help="PDF engine: pdfium (fast) or pdfplumber (the reference); both give the same values."),
) -> None:
    """Build the dataset from the source PDFs."""
    from foerderdaten.errors import InputError
    from foerderdaten.pipeline import build as run_build

    if engine not in ENGINES:
        typer.echo(f"error: --engine must be one of {', '.join(ENGINES)}", err=True)
        raise typer.Exit(code=2)
    progress = _progress_printer()
    try:
        tables = run_build(inputs or [DEFAULT_RAW], out, progress=progress, engine=engine)
    except InputError as exc:
        _fail(f"{exc.file_name}: {exc.reason}", exc, debug)
    except Exception as exc:  # anything unforeseen: still one line, unless --debug
        _fail(f"{type(exc).__name__}: {exc}", exc, debug)
    if sys.stderr.isatty():
        counts = ", ".join(f"{len(rows)} {name}" for name, rows in tables.rows.items() if rows and name in ("projects", "annex_projects", "links"))
        typer.echo(f"built {out} ({counts})", err=True)


@app.command()
def serve(
    db: Path = typer.Option(DEFAULT_OUT / "foerderdaten.db", "--db", help="SQLite database written by build."),
    port: int = typer.Option(8001, "--port", help="Port on localhost."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (localhost by default)."),
) -> None:
    """Browse and search the dataset with Datasette."""
    from foerderdaten.publish.serve import serve as run_serve

    if not db.exists():
        _fail(f"{db.name}: database not found; run 'foerderdaten build' first", None, False)
    run_serve(db, host=host, port=port)


def _progress_printer():
    """Progress lines on a terminal, nothing when piped or in CI."""
    if not sys.stderr.isatty():
        return lambda _message: None
    return lambda message: typer.echo(f"… {message}", err=True)


def _fail(message: str, exc: BaseException | None, debug: bool) -> None:
    if debug and exc is not None:
        raise exc
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=1)
