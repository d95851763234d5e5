"""Re-joining the lines of a wrapped table cell into the document's text.

One implementation for every parser. The rules, in order, for the break
between a line and the next:

1. the line ends with a blank (the renderer wrapped at a space): one blank;
2. the line ends with a hyphen and the next line starts with a conjunction
   ("klein-" / "und"): a suspended compound, so one blank is kept;
3. the line ends with a hyphen: broken after the hyphen, joined without a
   blank, hyphen kept ("Fachkräftekampagnen, -" / "veranstaltungen");
4. otherwise the renderer broke a word that did not fit ("Fachinformations-
   zentru" / "m"): joined without a blank.

Rule 4 needs to know that the PDF writes the blank at a wrap (rule 1). Some
renderers drop it; for them ``blanks_at_wraps=False`` makes every break
that is not a hyphen break an ordinary wrap, except where the line filled
the whole cell width with a single word (that word was broken).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterable

# Words after which "X- und" is a suspended compound, not a broken word.
CONJUNCTIONS = {"und", "oder", "bzw.", "sowie", "bis", "u.", "&"}

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class CellLine:
    """One printed line of a cell.

    ``text`` keeps a trailing blank where the PDF has one. ``fills_cell``
    says the line is a single word that reaches the cell's right edge.
    """

    text: str
    fills_cell: bool = False


def fold_whitespace(text: str) -> str:
    """Collapse runs of white space to one blank and trim the ends."""
    return _WHITESPACE.sub(" ", text).strip()


def join_cell_lines(lines: Iterable[CellLine | str], blanks_at_wraps: bool = True) -> str:
    """The cell's text: its lines re-joined by the rules above, white space folded."""
    items = [line if isinstance(line, CellLine) else CellLine(line) for line in lines]
    items = [line for line in items if line.text.strip()]
    if not items:
        return ""
    parts: list[str] = [items[0].text]
    for prev, line in zip(items, items[1:]):
        parts.append(_separator(prev, line.text, blanks_at_wraps))
        parts.append(line.text)
    return fold_whitespace("".join(parts))


def _separator(prev: CellLine, next_text: str, blanks_at_wraps: bool) -> str:
    text = prev.text
    if text != text.rstrip():
        return " "
    next_word = next_text.strip().split(" ", 1)[0]
    if text.endswith("-"):
        return " " if next_word in CONJUNCTIONS else ""
    if blanks_at_wraps:
        return ""
    return "" if prev.fills_cell and next_word[:1].islower() else " "
