"""The library: the dataset in Python (notebooks, scripts), without the command line.

    import foerderdaten
    ds = foerderdaten.load()                    # data/clean of this clone, or load("folder")
    ds.projects                                 # one pandas DataFrame per table (frames.py)
    ds.describe("projects")                     # its columns in German and English
    ds = foerderdaten.read(["data/raw"])        # parse PDFs, write nothing
    foerderdaten.write(ds, "out")               # what `foerderdaten build --out out` writes

``foerderdaten build`` is ``write(read(inputs), out)`` holding the output
folder from the start (pipeline.build). Bad input raises
:class:`foerderdaten.errors.InputError` (``file_name``, ``reason``): the
line the command prints.

Nothing heavy is imported before a function is called: ``import
foerderdaten`` stays instant and changes no global state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foerderdaten.extract.guard import Limits
    from foerderdaten.frames import Dataset

PathLike = str | Path

# The committed dataset of a clone: data/clean beside the package's source
# folder, found wherever the notebook runs. A pip-installed package has no
# data/clean (the wheel holds code only): load() then asks for a folder.
CLONE_DATA = Path(__file__).resolve().parent.parent / "data" / "clean"


def load(path: PathLike | None = None) -> Dataset:
    """The dataset a build wrote into ``path`` (default: the clone's ``data/clean``).

    Reads the Parquet files and checks every row against the table models;
    a folder that no build wrote, or one written by a version with other
    columns, is refused with the reason.
    """
    from foerderdaten.frames import Dataset
    from foerderdaten.outfolder import MARKER, is_previous_build
    from foerderdaten.schemas.rows import Tables, table_names

    folder = Path(path) if path is not None else CLONE_DATA
    if not is_previous_build(folder):
        hint = ("" if path is not None else
                " (the default is the data/clean folder of a clone of the repository; an installed package has "
                "none: pass the folder 'foerderdaten build --out DIR' or foerderdaten.write() wrote)")
        raise FileNotFoundError(f"{folder}: no dataset written by foerderdaten here (no {MARKER} of a build){hint}")
    return Dataset.of(Tables(**{name: _read_rows(folder, name) for name in table_names()}))


def _read_rows(folder: Path, name: str) -> list[Any]:
    """The rows of ``<name>.parquet``, validated by the table's model."""
    import pyarrow.parquet as pq

    from foerderdaten.schemas import TABLES

    path = folder / f"{name}.parquet"
    model = TABLES[name].model
    table = pq.read_table(path)
    if table.column_names != list(model.model_fields):
        raise ValueError(f"{path}: its columns are not those of this version of foerderdaten; build the folder again")
    return [model.model_validate(row) for row in table.to_pylist()]


def read(
    inputs: PathLike | Iterable[PathLike],
    *,
    progress: Callable[[str], None] | None = None,
    limits: Limits | None = None,
) -> Dataset:
    """Parse PDFs (files, or folders of them) into the dataset, writing nothing.

    The same reading as ``foerderdaten build``: each PDF in a worker
    process within ``limits`` (extract/guard.py), its kind recognised from
    its content. ``progress`` receives a short line per step.
    """
    from foerderdaten.extract.guard import Limits
    from foerderdaten.frames import Dataset
    from foerderdaten.pipeline import build_tables, collect_pdfs

    paths = [Path(inputs)] if isinstance(inputs, str | Path) else [Path(p) for p in inputs]
    tables = build_tables(collect_pdfs(paths), progress or (lambda _: None), limits or Limits())
    return Dataset.of(tables)


def write(dataset: Dataset, out: PathLike) -> None:
    """Write every file of ``dataset`` into the folder ``out``, as ``build`` does.

    ``out`` must be new, empty or written by an earlier build; it is
    replaced whole, atomically, and only if everything was written
    (outfolder.py). Writes ``dataset.tables`` (the typed rows).
    """
    from foerderdaten.pipeline import write as write_tables

    write_tables(dataset.tables, Path(out))
