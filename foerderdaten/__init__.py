"""foerderdaten: Saxon skilled-worker funding PDFs as validated, citable open data.

Data flows one way: extract -> normalize -> validate -> publish.

The library (api.py): ``load``, ``read``, ``write`` and the ``Dataset`` they
return. They are imported on first use, so ``import foerderdaten`` is
instant and changes no global state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foerderdaten.api import load, read, write
    from foerderdaten.frames import Dataset

__version__ = "0.1.0"
__all__ = ["Dataset", "__version__", "load", "read", "write"]


def __getattr__(name: str) -> Any:
    # PEP 562: the public functions, imported when first used
    if name in ("load", "read", "write"):
        from foerderdaten import api

        return getattr(api, name)
    if name == "Dataset":
        from foerderdaten.frames import Dataset

        return Dataset
    raise AttributeError(f"module 'foerderdaten' has no attribute {name!r}")
