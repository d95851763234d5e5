"""Command line: a thin layer over the library (api.py, pipeline.py).

    foerderdaten build [INPUT ...] [--out DIR] [--debug] [--engine pdfium|pdfplumber]
    foerderdaten serve [--db FILE] [--port N] [--host ADDRESS --public]
    foerderdaten fetch [--sources FILE] [--raw DIR]
    foerderdaten refresh [--sources FILE] [--raw DIR] [--out DIR]

Bad input prints one line ``error: <file name>: <reason>`` on stderr and
exits with status 1 (2 for wrong usage); ``--debug`` shows the traceback.
The line is at most ~300 characters (errors.one_line).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import typer

from foerderdaten.extract.guard import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS

# Plain help (no rich panels): flags read "--debug", not "--debug <bool>".
app = typer.Typer(
    add_completion=False, no_args_is_help=True, rich_markup_mode=None,
    help="Saxon skilled-worker funding PDFs as open data.",
)

DEFAULT_RAW = Path("data/raw")
DEFAULT_OUT = Path("data/clean")
# the engine names (foerderdaten.extract.pdfdoc.ENGINES, the first the default),
# here so that --help needs no PDF library
ENGINES = ("pdfium", "pdfplumber")


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
    inputs: list[Path] | None = typer.Argument(
        None, metavar="INPUT", help="PDF files or folders (default: data/raw, relative to the current directory).",
    ),
    out: Path = typer.Option(
        DEFAULT_OUT, "--out", metavar="DIR",
        help="Output folder: new, empty, or written by an earlier build (anything else is refused); "
        "replaced only when the whole build succeeds.",
    ),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback on errors."),
    timeout: float = typer.Option(DEFAULT_TIMEOUT_SECONDS, "--timeout", min=0.1, help="Seconds reading one PDF may take."),
    max_memory: int = typer.Option(DEFAULT_MAX_MEMORY_MB, "--max-memory", min=16, help="Megabytes of memory reading one PDF may take."),
    engine: str = typer.Option(
        ENGINES[0], "--engine", metavar="pdfium|pdfplumber",
        help="PDF engine: pdfium (fast) or pdfplumber (the reference); both give the same values.",
    ),
) -> None:
    """Build the dataset from the source PDFs."""
    from foerderdaten.errors import InputError, short_exception
    from foerderdaten.extract.guard import Limits
    from foerderdaten.pipeline import build as run_build

    if engine not in ENGINES:
        typer.echo(f"error: --engine must be one of {', '.join(ENGINES)}", err=True)
        raise typer.Exit(code=2)
    _exit_cleanly_on_sigterm()
    if not inputs and not DEFAULT_RAW.exists():
        _fail(
            f"{DEFAULT_RAW}: no such folder (the default input, relative to the current directory {Path.cwd()}); "
            "run from the repository root or pass PDF files or folders", None, False,
        )
    progress = _progress_printer()
    try:
        tables = run_build(inputs or [DEFAULT_RAW], out, progress=progress, limits=Limits(timeout, max_memory), engine=engine)
    except InputError as exc:
        _fail(f"{exc.file_name}: {exc.reason}", exc, debug)
    except OSError as exc:  # reading or writing a file: name it
        name = Path(exc.filename).name if exc.filename else out.name
        _fail(f"{name}: {exc.strerror or short_exception(exc)}", exc, debug)
    except Exception as exc:  # anything unforeseen: still one line, unless --debug
        _fail(f"{out.name}: build failed ({short_exception(exc, 160)})", exc, debug)
    if sys.stderr.isatty():
        counts = ", ".join(f"{len(rows)} {name}" for name, rows in tables.items() if rows and name in ("projects", "annex_projects", "links"))
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


def _exit_cleanly_on_sigterm() -> None:
    """SIGTERM ends the build like Ctrl+C: clean-up code runs (reader
    processes stopped, staging folder and lock removed), exit status 143."""

    def stop(signum, _frame):
        raise SystemExit(128 + signum)

    if os.name == "posix":
        try:
            signal.signal(signal.SIGTERM, stop)
        except ValueError:  # not the main thread (embedded use): leave signals alone
            pass


def _fail(message: str, exc: BaseException | None, debug: bool) -> None:
    from foerderdaten.errors import one_line

    if debug and exc is not None:
        raise exc
    typer.echo(f"error: {one_line(message, 300 - len('error: '))}", err=True)
    raise typer.Exit(code=1)


# --------------------------------------------------------------------------
# Fetching from the web (foerderdaten/fetch/)

DEFAULT_SOURCES = Path("sources.toml")


@app.command()
def fetch(
    sources: Path = typer.Option(DEFAULT_SOURCES, "--sources", help="Sources file (TOML)."),
    raw: Path = typer.Option(DEFAULT_RAW, "--raw", help="Folder of the source PDFs and their manifest.json."),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback on errors."),
) -> None:
    """Download what is new from the sources into the raw folder (all or nothing)."""
    from foerderdaten.fetch import fetch as run_fetch

    new = _fetching(lambda: run_fetch(sources, raw, progress=_progress_printer()), debug)
    typer.echo(_new_files_text(new, raw))


@app.command()
def refresh(
    sources: Path = typer.Option(DEFAULT_SOURCES, "--sources", help="Sources file (TOML)."),
    raw: Path = typer.Option(DEFAULT_RAW, "--raw", help="Folder of the source PDFs and their manifest.json."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", help="Output folder, replaced only when fetch and build succeed."),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback on errors."),
) -> None:
    """Fetch what is new, build every PDF of the raw folder, report what changed."""
    from foerderdaten.fetch import refresh as run_refresh

    result = _fetching(lambda: run_refresh(sources, raw, out, progress=_progress_printer()), debug)
    typer.echo(_new_files_text(result.new, raw))
    if not result.built:
        typer.echo(f"{out} left as it was")
        return
    counts = result.changes
    typer.echo(f"built {out}; projects in the new editions: {counts.get('added', 0)} added, "
               f"{counts.get('removed', 0)} removed, {counts.get('changed', 0)} changed (see CHANGES.md)")


def _fetching(step, debug: bool):
    """Run a fetch step; every failed source is one line ``error: <source id>: <reason>``."""
    from foerderdaten.errors import InputError
    from foerderdaten.fetch import FetchFailed

    try:
        return step()
    except FetchFailed as exc:
        if debug:
            raise
        for source_id, reason in exc.failures:
            typer.echo(f"error: {source_id}: {reason}", err=True)
        raise typer.Exit(code=1) from None
    except InputError as exc:
        _fail(f"{exc.file_name}: {exc.reason}", exc, debug)
    except Exception as exc:  # anything unforeseen: still one line, unless --debug
        _fail(f"{type(exc).__name__}: {exc}", exc, debug)


def _new_files_text(new: list[dict], raw: Path) -> str:
    if not new:
        return "nothing new"
    return "\n".join(f"new: {raw / e['file_name']} ({e['source_id']}, {e['kind']})" for e in new)
