"""Small helpers for the generated Markdown files (CODEBOOK.md, QUALITY.md)."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Characters that Markdown (CommonMark/GFM) could read as markup.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def escape(text: str) -> str:
    """Document text as literal Markdown: markup characters escaped, one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def code(name: str) -> str:
    """An identifier (table, column, flag) as inline code."""
    return f"`{name}`"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> list[str]:
    """A GFM table. Cells must already be escaped; ``align`` is one of "l", "r" per column."""
    align = align or "l" * len(header)
    rule = ["---:" if a == "r" else "---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(rule) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def anchor(heading: str) -> str:
    """The id GitHub gives a heading (lower case, punctuation dropped, blanks to dashes)."""
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return slug.replace(" ", "-")
