"""The letter reader checks itself: every body line is read exactly once.

A letter is read from its layout (``paragraphs.py``) and its wording
(``landtag.py``, ``landtag_topics.py``). Where a cue is misread, text falls
between the parts without failing by itself: a list row whose list no topic
reads, a footnote that swallows the next page's first paragraph. The letter
would then be published short, with exit status 0.

So after reading, every body line of the letter (``paragraphs.body_lines``:
page numbers and small print such as a letterhead sidebar are set aside
there, deliberately) must have ended up in exactly one place of the
reading: a question, an answer heading, an answer paragraph, a row of a
list that a topic reader took up, or a known piece of the letter's
furniture (the letterhead and heading block before the first question,
footnotes, the closing with its signature). A line in no place, or in two,
stops the build with ``page N: the line "<start of the line>" …``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from foerderdaten.errors import ExtractionError
from foerderdaten.extract.invariants import MISREAD
from foerderdaten.extract.paragraphs import Line, quote


@dataclass(frozen=True, slots=True)
class Place:
    """Lines that one part of the reading took up, and what that part is
    ("question 4", "an answer paragraph", "the letterhead", …)."""

    what: str
    lines: tuple[Line, ...]


def check_each_line_read_once(file_name: str, lines: Sequence[Line], places: Iterable[Place]) -> None:
    """Raise ``ExtractionError`` naming the page of the first line of
    ``lines`` that is in no place or in more than one."""
    # by identity: the reader hands the very line objects on, and two lines
    # never share one (their characters differ in position)
    found: dict[int, list[str]] = {}
    for place in places:
        for line in place.lines:
            found.setdefault(id(line), []).append(place.what)
    for line in lines:
        where = found.get(id(line), [])
        if len(where) == 1:
            continue
        if where:
            what = f"is read twice, as {where[0]} and as {where[1]}"
        else:
            what = "is read into no part of the letter (question, answer, heading, list row, letterhead or closing)"
        raise ExtractionError(file_name, f'page {line.page}: the line "{quote(line.text)}" {what}; {MISREAD}')
