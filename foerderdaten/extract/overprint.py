"""Text printed over other text: a rendering no reading can trust.

A spreadsheet prints a cell's text even where it is taller than its row:
bottom-aligned, the text then runs up over the row above, and the lines
of two cells are drawn across each other (Calc with optimal row heights
that come out too low in print). Their characters interleave when they
are read ("demografischen" over "Die Ausbildungs-" became "dDeime
Aogursabfiilsdcuhnegns"), or lines move into the wrong row.

Lines of a page set one below the other never share ink: two letters
that lie mostly on top of each other, drawn on different baselines, mean
overprinted text. The build stops, naming the page, before any parser
reads the page (``check_overprint``).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from foerderdaten.errors import InputError
from foerderdaten.extract.pdfdoc import Char, Page, TextLine, chars_to_text

# Two letters overprint where their boxes overlap by more than COVERED of
# the narrower one across (kerning pulls letters together by far less than
# half a letter), and by more than COVERED_DOWN of the lower one's height
# down: a line's glyph boxes touch the next line's, tightly set, by a tenth
# of their height (set very tightly, by 40 %). Calc printed a cell's last
# line 48 % of its height over the next row's first line, and it was read
# into that row.
COVERED = 0.5
COVERED_DOWN = 0.45

_X0 = attrgetter("x0")


def check_overprint(file_name: str, pages: Sequence[Page]) -> None:
    """Raise InputError naming the first page with text printed over text."""
    for page in pages:
        found = _overprinted(page.lines())
        if found is not None:
            raise InputError(
                file_name,
                f"page {page.number}: text is printed over other text (in '{_near(found)}'); "
                "lines of two cells or paragraphs overlap, so no reading of this page can be trusted; "
                "print the document again with rows high enough for their text",
            )


def is_overprinted(page: Page) -> bool:
    """Whether ``page`` has text printed over text (``check_overprint`` names it)."""
    return _overprinted(page.lines()) is not None


# Of the overprinted line, the words this far (pt) either side of the overprint are quoted.
QUOTED_PT = 60.0


def _near(found: tuple[TextLine, float]) -> str:
    """The overprinted line's words around the overprint, to find it on the page."""
    line, x = found
    return chars_to_text([c for c in line.chars if abs(c.x0 - x) < QUOTED_PT]).strip()


def _overprinted(lines: list[TextLine]) -> tuple[TextLine, float] | None:
    """The first of ``lines`` with letters drawn over letters of another
    baseline (its own, read interleaved, or a line overlapping it), or None."""
    ordered = sorted(lines, key=lambda line: line.top)
    for i, line in enumerate(ordered):
        # a line's characters are in x order; only one that joins several
        # baselines (read interleaved) can hold an overprint of its own
        x = _covering(line.chars) if len({c.bottom for c in line.chars}) > 1 else None
        if x is not None:
            return line, x
        for other in ordered[i + 1:]:
            if other.top >= line.bottom:
                break  # lines below start under this one
            x = _covering(sorted(line.chars + other.chars, key=_X0)) if _covers(line, other) else None
            if x is not None:
                return line, x
    return None


def _covers(a: TextLine | Char, b: TextLine | Char) -> bool:
    """Whether ``a`` and ``b`` overlap down by more than COVERED_DOWN of the lower one's height."""
    down = min(a.bottom, b.bottom) - max(a.top, b.top)
    return down > COVERED_DOWN * min(a.bottom - a.top, b.bottom - b.top)


def _covering(chars: Sequence[Char]) -> float | None:
    """Where two of ``chars`` (in x order), letters of different baselines,
    lie mostly over each other (x), or None.

    Only letters and digits count: accents may be drawn as glyphs of their
    own over their letter, and a bold face may be simulated by printing a
    letter twice on the same baseline.
    """
    letters = [c for c in chars if c.text.isalnum()]
    for i, a in enumerate(letters):
        for b in letters[i + 1:]:
            if b.x0 >= a.x1:
                break
            across = min(a.x1, b.x1) - b.x0
            if across > COVERED * min(a.x1 - a.x0, b.x1 - b.x0) and a.bottom != b.bottom and _covers(a, b):
                return b.x0
    return None
