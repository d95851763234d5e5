"""Table reading, steps 1 and 2: the header band and the columns.

See :mod:`foerderdaten.extract.tables` for how the steps fit together.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass

from foerderdaten.extract.pdfdoc import Char, Ruling, TextLine, chars_to_text
from foerderdaten.extract.table_model import HAIR, ROUNDING, ROW_GAP, WORD_GAP, Column, ColumnSpec, HeaderCell
from foerderdaten.extract.textjoin import join_cell_lines

# A header row has at most this many lines (a band of more lines is body).
HEADER_MAX_LINES = 6

# A gap between header glyphs wider than this many font sizes, and lying in
# a column gap of the body, separates two columns: a word space is written
# as a blank glyph or is wider, a kerning gap within a word is narrower.
NARROW_GAP = 0.1

# A body gap that ends within this many font sizes of where the next
# column's header starts shows that column's text starting where its header
# does (both left-aligned): what lies left of that gap belongs to the column
# before, however narrow the gap (a right-aligned number ends 1-2 pt before
# the next column's text, which leaves a wider gap on its left).
ALIGNED_START = 0.1


def find_header(lines: list[TextLine], rulings: list[Ruling], specs: list[ColumnSpec], needed: int, pitch: float) -> tuple[int, int] | None:
    """The header row as a slice ``lines[start:end]``: the first band of
    lines whose header cells name at least ``needed`` columns.

    A band is a run of lines one pitch apart with no horizontal ruling
    between them, so the header row is read as a whole however its cells
    are aligned (a one-line header may sit on the band's first, middle or
    last line), and the first body row never joins it.
    """
    for start in range(len(lines)):
        end = _band_end(lines, start, rulings, pitch)
        cells = _header_cells(lines[start:end], rulings)
        if len(_match_specs([cell.text for cell in cells], specs)) >= needed:
            return _below_titles(lines, start, end, rulings, specs, needed), end
    return None


# A line over at least this many header cells is a title or caption, not
# a header line: a header cell stands within its column, a title runs
# across the table.
TITLE_CELLS = 3


def _below_titles(lines: list[TextLine], start: int, end: int, rulings: list[Ruling], specs: list[ColumnSpec], needed: int) -> int:
    """Where the header band begins once the title lines set close above
    it (a word processor's caption, one pitch above an unruled table) are
    left out: a leading line that runs across ``TITLE_CELLS`` of the header
    cells below it, as long as those still name ``needed`` columns."""
    while end - start > 1:
        rest = _header_cells(lines[start + 1 : end], rulings)
        if len(_match_specs([cell.text for cell in rest], specs)) < needed:
            break
        across = [cell for cell in _header_cells(lines[start : start + 1], rulings)
                  if sum(_overlap(cell.x0, cell.x1, other.x0, other.x1) > 0 for other in rest) >= TITLE_CELLS]
        if not any(_runs_as_title(cell, rest) for cell in across):
            break
        start += 1
    return start


def _runs_as_title(cell: HeaderCell, below: list[HeaderCell]) -> bool:
    """Whether a run of text across header cells stands where a title does:
    from the table's first column on, or across half its width. Narrow
    headers broken over two lines ("Bewilligungs-" over "ende", "RL-" over
    "Nr.", "Bewilligungs-" over "beginn", with the cells' padding narrower
    than a word space) run across three cells mid-table; taken for a title,
    the header's first line went into the page's head."""
    width = below[-1].x1 - below[0].x0
    return cell.x0 < below[1].x0 or 2 * (cell.x1 - cell.x0) >= width


def header_matches(header_lines: list[TextLine], rulings: list[Ruling], specs: list[ColumnSpec]) -> int:
    """How many of ``specs`` the header cells of ``header_lines`` name."""
    return len(_match_specs([cell.text for cell in _header_cells(header_lines, rulings)], specs))


def repeated_header_lines(bands: list[list[TextLine]]) -> list[tuple[int, int]]:
    """For each page's header band, the slice ``(first, last + 1)`` from its
    first to its last line that another page's band prints too.

    A header row repeated on every page prints the same lines there, while
    a body row set right under it (no ruling, no gap between: a
    spreadsheet's bottom-aligned cells), or a line of the page's head right
    above it, joins the band on one page only.
    """
    return repeated_lines([band_texts(band) for band in bands])


def band_texts(band: list[TextLine]) -> list[str]:
    """A header band's lines as text, white space folded: what tells another page's band prints them."""
    return [" ".join(line.text.split()) for line in band]


def repeated_lines(texts: list[list[str]]) -> list[tuple[int, int]]:
    """``repeated_header_lines`` of the bands' lines as text (``band_texts``)."""
    printed = Counter(text for band in texts for text in set(band))
    slices = []
    for own in texts:
        # printed by at least half of the other bands: a body line may
        # happen to recur once ("Fachkräftesicherung"), a header line recurs on every page
        repeated = [k for k, text in enumerate(own) if printed[text] - 1 >= max(1, (len(texts) - 1) / 2)]
        slices.append((repeated[0], repeated[-1] + 1) if repeated else (0, len(own)))
    return slices


def uncertain_header_end(lines: list[TextLine], start: int, end: int, rulings: list[Ruling], specs: list[ColumnSpec],
                         pitch: float) -> tuple[str, str] | None:
    """(key column's header, why) where nothing on the page tells where the
    header band ``lines[start:end]`` ends, else None. Only for a band no
    other page prints (``repeated_header_lines`` cannot cut it).

    A body row set right under the header, with neither ruling nor gap,
    joins the header band, and its lines were lost with exit 0. The band's
    end is uncertain where it runs on into the line below it (it stopped at
    ``HEADER_MAX_LINES``), or where its first lines name the same columns
    and the lines under them have text in the key column (every record
    starts there; a header's further lines, "der" / "RL" under "Nr.", lie
    in other columns).
    """
    band = lines[start:end]
    key = next((cell for cell in _header_cells(band[:1], rulings) if specs[0].matches(cell.text)), None)
    header = key.text if key is not None else band[0].text.strip()
    below = lines[end] if end < len(lines) else None
    if below is not None and below.top - band[-1].top <= ROW_GAP * pitch and not _ruled_between(band[-1], below, rulings):
        return header, f'the header row runs on into the line "{below.text.strip()[:40]}" below it'
    named = header_matches(band, rulings, specs)
    for k in range(1, len(band)):
        key = next((cell for cell in _header_cells(band[:k], rulings) if specs[0].matches(cell.text)), None)
        if key is None or header_matches(band[:k], rulings, specs) < named:
            continue
        if any(_overlap(c.x0, c.x1, key.x0, key.x1) > 0 for line in band[k:] for c in line.chars if c.text.strip()):
            return key.text, f'the header row\'s lines from "{band[k].text.strip()[:40]}" on may be the first row'
    return None


def _band_end(lines: list[TextLine], start: int, rulings: list[Ruling], pitch: float) -> int:
    """End (exclusive) of the band of lines that begins at ``start``."""
    end = start + 1
    while end < len(lines) and end - start < HEADER_MAX_LINES:
        prev, line = lines[end - 1], lines[end]
        if line.top - prev.top > ROW_GAP * pitch or _ruled_between(prev, line, rulings):
            break
        end += 1
    return end


def _ruled_between(upper: TextLine, lower: TextLine, rulings: list[Ruling]) -> bool:
    """Whether a horizontal ruling runs between two lines, under the lower one's text."""
    return any(
        r.horizontal and upper.mid_y < r.top < lower.mid_y and _overlap(r.x0, r.x1, lower.x0, lower.x1) > 0
        for r in rulings
    )


def _match_specs(texts: list[str], specs: list[ColumnSpec]) -> dict[int, ColumnSpec]:
    """Which spec each header text names (each spec used once, in spec order)."""
    used: set[str] = set()
    found: dict[int, ColumnSpec] = {}
    for i, text in enumerate(texts):
        spec = next((s for s in specs if s.field not in used and s.matches(text)), None)
        if spec is not None:
            used.add(spec.field)
            found[i] = spec
    return found


def bottom_of_header(last: TextLine, below: TextLine | None, h_rules: list[Ruling]) -> float:
    """Where the header row ends: the first horizontal ruling under its last
    line (above the next line), else just under its last line."""
    limit = below.mid_y if below is not None else float("inf")
    rules = [r.top for r in h_rules if last.mid_y < r.top < limit]
    return min(rules) if rules else last.bottom + HAIR


def find_columns(header_lines: list[TextLine], gaps: list[tuple[float, float]], rulings: list[Ruling], specs: list[ColumnSpec],
                 extent: tuple[float, float]) -> list[Column] | None:
    """The columns the header names, their boundaries on rulings or in the
    body's white space (``gaps``, see ``body_gaps``, within the body's
    ``extent``, see ``body_extent``), left to right."""
    cells = _header_cells(header_lines, rulings, gaps)
    matched = _match_specs([cell.text for cell in cells], specs)
    named = sorted(((spec.field, cells[i]) for i, spec in matched.items()), key=lambda item: item[1].x0)
    if len(named) < 2:
        return None
    verticals = sorted({round(r.x0, 1) for r in rulings if r.vertical})
    size = max(line.size for line in header_lines)
    ink = _Ink(gaps, extent)
    edges = [float("-inf")]
    for k in range(len(named) - 1):
        # column B ends at the latest where the header after it starts
        after = named[k + 2][1].x0 if k + 2 < len(named) else float("inf")
        edges.append(_boundary(named[k][1], named[k + 1][1], verticals, ink, size, (edges[-1], after)))
    edges.append(float("inf"))
    return [Column(name, cell.text, edges[i], edges[i + 1]) for i, (name, cell) in enumerate(named)]


def _header_cells(header_lines: list[TextLine], rulings: list[Ruling], gaps: list[tuple[float, float]] | tuple = ()) -> list[HeaderCell]:
    """Header words grouped into columns: runs of text that overlap in x,
    re-joined line by line, left to right."""
    verticals = [r for r in rulings if r.vertical]  # once, not per line: a ruled page has hundreds of edges
    runs = [
        HeaderCell(chars_to_text(run), *_ink_span(run), run[0].top)
        for line in header_lines
        for run in _runs(line, _verticals_across(line, verticals), gaps)
    ]
    groups: list[list[HeaderCell]] = []
    for run in sorted((r for r in runs if r.text.strip()), key=lambda r: r.x0):
        group = next((g for g in groups if any(_overlap(run.x0, run.x1, o.x0, o.x1) > ROUNDING for o in g)), None)
        if group is None:
            groups.append([run])
        else:
            group.append(run)
    cells = []
    for group in groups:
        group.sort(key=lambda r: (round(r.top), r.x0))
        text = join_cell_lines(r.text for r in group)
        cells.append(HeaderCell(text, min(r.x0 for r in group), max(r.x1 for r in group), min(r.top for r in group)))
    return sorted(cells, key=lambda c: c.x0)


def _ink_span(run: list[Char]) -> tuple[float, float]:
    """From the run's first visible character to its last: a blank that
    ends a header line ("Nr. der ") may reach into the next column, where
    the boundary placed between the two headers then passed the next
    column's first letters ("1d" / "igitaler Wandel": Calc, 12 pt)."""
    ink = [c for c in run if c.text.strip()] or run
    return min(c.x0 for c in ink), max(c.x1 for c in ink)


def _verticals_across(line: TextLine, verticals: list[Ruling]) -> list[float]:
    """x of the vertical rulings (``verticals``) that cross a line of text."""
    return sorted(r.x0 for r in verticals if r.top <= line.mid_y <= r.bottom and line.x0 < r.x0 < line.x1)


def _runs(line: TextLine, cuts: list[float], gaps: list[tuple[float, float]] | tuple = ()) -> list[list[Char]]:
    """Split a header line into the runs of text of its cells.

    Cells of neighbouring columns are separated by a vertical ruling, by a
    gap wider than a word space, or by a narrower gap that lies in a column
    gap of the body (narrow columns in a small or Calibri-metric font leave
    only the cell padding between two headers); words of one cell by a
    blank glyph or a narrow gap.
    """
    runs: list[list[Char]] = []
    for c in sorted(line.chars, key=lambda c: c.x0):
        if runs and not _cell_break(runs[-1][-1], c, cuts, gaps):
            runs[-1].append(c)
        else:
            runs.append([c])
    return runs


def _cell_break(prev: Char, c: Char, cuts: list[float], gaps) -> bool:
    """Whether a header cell ends between two neighbouring glyphs."""
    white = c.x0 - prev.x1
    if white > WORD_GAP * c.size:
        return True
    if any((prev.x0 + prev.x1) / 2 < x < (c.x0 + c.x1) / 2 for x in cuts):
        return True
    return white > NARROW_GAP * c.size and any(g0 < c.x0 and g1 > prev.x1 for g0, g1 in gaps)


def column_evidence(chars: list[Char], lines: list[TextLine], pitch: float) -> list[Char]:
    """The body characters (``chars``, printed as ``lines``) that show where
    the columns are: all but the lines that stand alone (no line within a
    line pitch above or below) and run on without a gap as wide as one
    between columns. Those are heading rows across the table ("Region
    Sächsische Schweiz-Osterzgebirge"), whose text bridges column gaps."""
    lone = {
        id(c)
        for i, line in enumerate(lines)
        if not (i > 0 and line.top - lines[i - 1].top <= ROW_GAP * pitch)
        and not (i + 1 < len(lines) and lines[i + 1].top - line.top <= ROW_GAP * pitch)
        and without_column_gap(line.chars)
        for c in line.chars
    }
    if not lone:
        return chars
    kept = [c for c in chars if id(c) not in lone]
    return kept or chars


def without_column_gap(chars: tuple[Char, ...] | list[Char]) -> bool:
    """Whether visible characters follow each other with no gap wider than a word space."""
    ink = sorted((c for c in chars if c.text.strip()), key=lambda c: c.x0)
    return all(b.x0 - a.x1 <= WORD_GAP * b.size for a, b in itertools.pairwise(ink))


def body_gaps(chars: list[Char]) -> list[tuple[float, float]]:
    """x-intervals that no visible body character covers.

    Blank glyphs do not count: a trailing blank may reach to the next cell.
    """
    spans = sorted((c.x0, c.x1) for c in chars if c.text.strip())
    gaps: list[tuple[float, float]] = []
    if not spans:
        return gaps
    reach = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - reach > ROUNDING:
            gaps.append((reach, x0))
        reach = max(reach, x1)
    return gaps


def body_extent(chars: list[Char]) -> tuple[float, float]:
    """From the left edge of the body's leftmost visible character to the
    right edge of its rightmost (``body_gaps`` lie within)."""
    ink = [c for c in chars if c.text.strip()]
    if not ink:
        return (0.0, 0.0)
    return (min(c.x0 for c in ink), max(c.x1 for c in ink))


@dataclass(frozen=True)
class _Ink:
    """Where the body has visible text: within ``extent``, outside ``gaps``."""

    gaps: list[tuple[float, float]]
    extent: tuple[float, float]

    def between(self, x0: float, x1: float) -> bool:
        """Whether some body text lies between x0 and x1."""
        lo, hi = max(x0, self.extent[0]), min(x1, self.extent[1])
        return hi - lo > ROUNDING and not any(g0 <= lo and hi <= g1 for g0, g1 in self.gaps)


def _boundary(a: HeaderCell, b: HeaderCell, verticals: list[float], ink: _Ink, size: float, span: tuple[float, float]) -> float:
    """The x between column A and column B (B to the right of A; A starts
    at ``span[0]``, B ends by ``span[1]``).

    Each header stands inside its column, so the boundary lies between the
    end of A's header and the start of B's, whether headers are left-aligned
    or centred: on a vertical ruling there, else in the gap of the body
    that ends where B's header starts (see ``ALIGNED_START``), else in the
    widest white-space gap of the body there that leaves text to both
    columns (see ``_widest_gap``).
    """
    left, right = a.x1, b.x0
    on_ruling = [x for x in verticals if left - ROUNDING < x < right + 2 * ROUNDING]
    if on_ruling:
        return max(on_ruling)
    aligned = [(g0, g1) for g0, g1 in ink.gaps if g1 > left and abs(g1 - right) <= ALIGNED_START * size]
    if aligned:
        g0, g1 = aligned[-1]
        return (max(g0, left) + g1) / 2
    return _widest_gap(left, right, ink, span)


def _widest_gap(left: float, right: float, ink: _Ink, span: tuple[float, float]) -> float:
    """The middle of the widest stretch of body white space between two
    headers (``left`` and ``right``) that leaves body text on both sides
    within ``span``, else of the widest stretch.

    Text set wholly between the two headers belongs to one of the two
    columns, and the stretches on its two sides may be almost as wide:
    Calc's right-aligned start dates under a short header "Beginn" start
    2.5 pt after it and end 2.3 pt before "Bewilligungsende", and the
    boundary on their left gave them to the end dates' column, leaving
    "Beginn" without text on any row (refused). A column with a header
    has text on its page: the boundary is the widest stretch that leaves
    text to both columns. Where none does, the widest.
    """
    overlaps = sorted(((min(g1, right) - max(g0, left), (max(g0, left) + min(g1, right)) / 2)
                       for g0, g1 in ink.gaps if g1 > left and g0 < right), reverse=True)
    if not overlaps:
        return (left + right) / 2
    both = [x for _, x in overlaps if ink.between(span[0], x) and ink.between(x, span[1])]
    return both[0] if both else overlaps[0][1]


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return max(0.0, min(a1, b1) - max(a0, b0))
