"""Command line: a thin layer over :mod:`foerderdaten.pipeline`.

    foerderdaten build [INPUT ...] [--out DIR] [--debug]
    foerderdaten serve [--db FILE] [--port N] [--host ADDRESS --public]

Bad input prints one line ``error: <file name>: <reason>`` on stderr and
exits with status 1 (2 for wrong usage); ``--debug`` shows the traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

# Plain help (no rich panels): flags read "--debug", not "--debug <bool>".
app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="Saxon skilled-worker funding PDFs as open data.",
)

DEFAULT_RAW = Path("data/raw")
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
    inputs: Optional[list[Path]] = typer.Argument(
        None, metavar="INPUT", help="PDF files or folders (default: data/raw, relative to the current directory).",
    ),
    out: Path = typer.Option(
        DEFAULT_OUT, "--out", metavar="DIR",
        help="Output folder: new, empty, or written by an earlier build (anything else is refused); "
        "replaced only when the whole build succeeds.",
    ),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback on errors."),
) -> None:
    """Build the dataset from the source PDFs."""
    from foerderdaten.errors import InputError
    from foerderdaten.pipeline import build as run_build

    if not inputs and not DEFAULT_RAW.exists():
        _fail(
            f"{DEFAULT_RAW}: no such folder (the default input, relative to the current directory {Path.cwd()}); "
            "run from the repository root or pass PDF files or folders", None, False,
        )
    progress = _progress_printer()
    try:
        tables = run_build(inputs or [DEFAULT_RAW], out, progress=progress)
    except InputError as exc:
        _fail(f"{exc.file_name}: {exc.reason}", exc, debug)
    except Exception as exc:  # anything unforeseen: still one line, unless --debug
        _fail(f"{type(exc).__name__}: {exc}", exc, debug)
    if sys.stderr.isatty():
        counts = ", ".join(f"{len(rows)} {name}" for name, rows in tables.rows.items() if rows and name in ("projects", "annex_projects", "links"))
        typer.echo(f"built {out} ({counts})", err=True)


@app.command()
def serve(
    db: Path = typer.Option(DEFAULT_OUT / "foerderdaten.db", "--db", metavar="FILE", help="SQLite database written by build."),
    port: int = typer.Option(8001, "--port", metavar="N", help="Port to listen on."),
    host: str = typer.Option(
        "127.0.0.1", "--host", metavar="ADDRESS",
        help="Address to listen on: 127.0.0.1 (this machine only) by default; "
        "an address other machines can reach (e.g. 0.0.0.0) needs --public.",
    ),
    public: bool = typer.Option(False, "--public", help="Allow a --host that other machines can reach."),
) -> None:
    """Browse and search the dataset with Datasette (stop with Ctrl+C)."""
    from foerderdaten.publish.serve import ServeError
    from foerderdaten.publish.serve import serve as run_serve

    if not db.is_file():
        _fail(f"{db}: database not found; run 'foerderdaten build' first", None, False)
    try:
        code = run_serve(db, host=host, port=port, public=public)
    except ServeError as exc:
        _fail(str(exc), None, False)
    if code:
        _fail(f"datasette stopped with exit status {code}", None, False)


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
