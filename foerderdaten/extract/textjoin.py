"""Re-joining the lines of a wrapped table cell into the document's text.

One implementation for every parser. For the break between a line and the
next, in order:

1. the line ends with a blank glyph (the renderer wrapped at a space): one
   blank;
2. the line ends with a dash standing as a word ("Zwickau -") and the next
   line does not start in lower case: one blank (the renderer dropped it);
3. the line ends with a hyphen: a suspended compound before a conjunction
   keeps its blank ("klein-" / "und"); otherwise the line was broken after
   the hyphen: no blank, hyphen kept ("Fachkräftekampagnen, -" /
   "veranstaltungen");
4. the line ends with another break-after character ("fach|", "und/"): no
   blank;
5. the line is one word that fills its cell and the next line starts in
   lower case: the renderer broke a word too long for the cell
   ("Fachinformationszentru" / "m"): no blank;
6. otherwise an ordinary wrap whose blank the renderer dropped because it
   would hang past the cell edge: one blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Iterable

# Words after which "X- und" is a suspended compound, not a broken word.
CONJUNCTIONS = {"und", "oder", "bzw.", "sowie", "bis", "u.", "&"}

# Characters after which renderers break a line without a blank ("fach|" /
# "sprachlich", "Anwerbung/" / "Begleitung"); the hyphen is handled apart.
BREAK_AFTER = ("|", "/")

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


def join_cell_lines(lines: Iterable[CellLine | str]) -> str:
    """The cell's text: its lines re-joined by the rules above, white space folded."""
    items = [line if isinstance(line, CellLine) else CellLine(line) for line in lines]
    items = [line for line in items if line.text.strip()]
    if not items:
        return ""
    parts: list[str] = [items[0].text]
    for prev, line in zip(items, items[1:]):
        parts.append(_separator(prev, line.text))
        parts.append(line.text)
    return fold_whitespace("".join(parts))


def _separator(prev: CellLine, next_text: str) -> str:
    text = prev.text
    if text != text.rstrip():
        return " "
    next_word = next_text.strip().split(" ", 1)[0]
    if text.endswith(" -") and not next_word[:1].islower():
        # a dash standing as a word ("Zwickau -" / "Fachkräfte") had a blank
        # after it that the renderer dropped at the cell edge; "und -" /
        # "betrieben" is a prefix broken after its hyphen (rule 3)
        return " "
    if text.endswith("-"):
        return " " if next_word in CONJUNCTIONS else ""
    if text.endswith(BREAK_AFTER):
        return ""
    return "" if prev.fills_cell and next_word[:1].islower() else " "
