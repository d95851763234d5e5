"""Normalisation: raw records as printed -> clean, typed, flagged table rows.

Every function here returns the clean value together with the name of the
rule that produced it, so the corrections log can say why a value changed.
The controlled vocabularies (districts, RL numbers) live in
``foerderdaten/vocab/*.json`` and are read by :mod:`.vocab`.

Entry point for the SAB overview: :func:`normalize_projects`.
"""

from foerderdaten.normalize.errors import NormalizeError
from foerderdaten.normalize.projects import SabTables, normalize_projects

__all__ = ["NormalizeError", "SabTables", "normalize_projects"]
