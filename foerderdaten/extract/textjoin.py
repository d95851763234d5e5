"""Re-joining the lines of a wrapped table cell into the document's text.

One implementation for every parser. For the break between a line and the
next, in order:

1. the line ends with a blank glyph (the renderer wrapped at a space): one
   blank;
2. the line ends with a dash standing as a word ("Zwickau -") and the next
   line does not start in lower case: one blank;
3. the line ends with a hyphen: a suspended compound before a conjunction
   keeps its blank ("klein-" / "und"); otherwise the line was broken after
   the hyphen: no blank, hyphen kept ("Fachkräftekampagnen, -" /
   "veranstaltungen");
4. the line ends with another break-after character ("fach|", "und/"), or
   the next line starts with closing punctuation: no blank;
5. the line is a single word without a break opportunity of its own and
   the next line goes on in lower case ("Fachinformationszentru" / "m"):
   the renderer broke a word too long for its cell (such a word always
   starts its line, and would have been broken at a hyphen or slash
   first): no blank;
6. otherwise the renderer wrapped at a blank that it did not write (word
   processors drop a blank that would hang past the cell edge): one blank.

Known ambiguity: a word that fills its cell exactly, followed by a word in
lower case, looks like a broken word when the renderer dropped the blank
(rule 5 wins). Spreadsheet renderers always write the blank, so it does
not arise there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Words after which "X- und" is a suspended compound, not a broken word.
CONJUNCTIONS = {"und", "oder", "bzw.", "sowie", "bis", "u.", "&"}

# Characters after which renderers break a line without a blank ("fach|" /
# "sprachlich", "Anwerbung/" / "Begleitung"); the hyphen is handled apart.
BREAK_AFTER = ("|", "/")

_WHITESPACE = re.compile(r"\s+")


# Break opportunities inside a word: a hyphen after a letter, "/" or "|".
_BREAK_INSIDE = re.compile(r"(?<=\w)-(?=\w)|[/|]")

# A line starts with these only where a word was broken before them.
CLOSING = tuple(",.;:!?)]")


def fold_whitespace(text: str) -> str:
    """Collapse runs of white space to one blank and trim the ends."""
    return _WHITESPACE.sub(" ", text).strip()


def join_cell_lines(lines: Iterable[str]) -> str:
    """The cell's text: its printed lines (trailing blanks kept) re-joined by
    the rules above, white space folded."""
    items = [line for line in lines if line.strip()]
    if not items:
        return ""
    parts: list[str] = [items[0]]
    for prev, line in zip(items, items[1:]):
        parts.append(_separator(prev, line))
        parts.append(line)
    return fold_whitespace("".join(parts))


def _separator(text: str, next_text: str) -> str:
    if text != text.rstrip():
        return " "
    next_word = next_text.strip().split(" ", 1)[0]
    if text.endswith(" -") and not next_word[:1].islower():
        return " "
    if text.endswith("-"):
        return " " if next_word in CONJUNCTIONS else ""
    if text.endswith(BREAK_AFTER) or next_word.startswith(CLOSING):
        return ""
    if _broken_word(text.strip(), next_word):
        return ""
    return " "


def _broken_word(line: str, next_word: str) -> bool:
    """Rule 5: could ``line`` be the first part of a word broken at the cell edge?"""
    if " " in line or _BREAK_INSIDE.search(line):
        return False
    if next_word[:1].islower():
        return True
    # an all-capitals word goes on in capitals ("FACHINFORMATIONSZENTRU" / "M")
    return line.isupper() and next_word[:1].isupper()
