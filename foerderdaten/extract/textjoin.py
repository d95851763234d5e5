"""Re-joining the lines of a wrapped table cell into the document's text.

One implementation for every parser. For the break between a line and the
next, in order:

0. the line ends with a soft hyphen, as the PDF spells the hyphen a
   renderer printed for it (/ActualText, ``pdfdoc.settle_invisible_breaks``):
   the renderer broke a word there; no blank, and the hyphen goes. A line
   that ends with a zero-width space may have broken there or at a blank
   right after it (a browser writes neither): it is read as a line that
   fills its cell, where geometry tells nothing (rule 5, ``_at_breaks``);

   where the renderer hyphenates words at its wraps (a word processor's
   automatic hyphenation: ``Cues.hyphenates``), a line that ends in a
   letter and a hyphen before the rest of a word ("Zuwan-" / "derung")
   ends in the renderer's hyphen: dropped, no blank; unless the document
   prints the hyphenated word elsewhere ("sozial-kulturelle"). Where it
   prints neither form elsewhere, that is a guess (``guessed_wraps``);

1. the line ends with a blank glyph (the renderer wrapped at a space): one
   blank;
2. the line ends with a dash standing as a word ("Zwickau -") and the next
   line does not start in lower case, or the dash follows a word that is
   neither a conjunction nor ends with a comma or slash ("Fachkräfte -" /
   "gesteuerte"; after "und -", "Fachkräftekampagnen, -" or
   "Studienabbrecher/ -" a suspended compound goes on: "-entwicklung"):
   one blank;
3. the line ends with a hyphen: where the geometry shows that the next
   word would have fitted behind the hyphen (or a slash, rule 4), the renderer did not break
   there but wrapped at a blank it did not write ("öffnen -" / "durch"):
   one blank; a suspended compound before a conjunction keeps its blank
   ("klein-" / "und"), and so does a noun's hyphen inside a sentence
   before a word in lower case ("Wirtschaftsförderungs-" / "gesellschaft",
   ``_noun_hyphen``) where the renderer would not have shown the blank;
   otherwise the line was broken after the hyphen: no
   blank, hyphen kept ("Fachkräftekampagnen, -" / "veranstaltungen");
4. the line ends with another break-after character ("fach|", "und/",
   an en or em dash: "2024–" / "2026"), or the next line starts with
   closing punctuation: no blank; but a slash or dash standing as a word
   ("Leipzig /" / "2022", "Zwickau –" / "Fachkräfte") keeps its blank, and so does a
   line followed by one that starts with a comma or a hyphen, before which
   no renderer breaks a line ("Projekt" / ",,Angekommen",
   "Studienabbrecher/" / "-innen"), unless the line fills its cell (a word
   too long for it broken there: "Fachkräftekampagnen" / ", -veranst…";
   certainly so where the renderer writes the blank at its wraps, where
   a hyphen alone on the next line lacks the blank it would have written
   after a dash standing as a word: "Ebersdorf" / "-" / "Neugersdorf", or
   where a conjunction follows the hyphen: "Unternehmens" / "- und");
   a line that ends with a closing quote before one that starts with an
   opening bracket ('"Chemnistry"' / '(CTC)'): browsers break there without
   a blank, so only a renderer that writes the blank at its wraps decides
   (no blank where one would have shown); elsewhere the break is
   undecidable (``undecidable_wraps``: the table is refused);
5. the line is a single word without a break opportunity of its own, not
   ending in a word-ending mark (",;:!?"), and the next line goes on in
   lower case ("Fachinformationszentru" / "m"; or in digits after a digit,
   "05.12.202" / "2"): the renderer may have
   broken a word too long for its cell (such a word always starts its
   line, and would have been broken at a hyphen first; at a slash too,
   where the line's geometry is unknown). Where the
   line's geometry is known (``PrintedLine``), a renderer breaks a word
   only when not even its next character fits: if the line ends further
   than that character's width from the cell's usable right edge, it
   wrapped at a blank it did not write: one blank. If the line fills its
   cell, geometry cannot tell a broken word from a wrap whose blank was
   dropped (word processors and browsers drop a blank at a wrap); the
   document's own words decide (``vocabulary``): the joined word printed
   elsewhere as a whole word, or a single letter left over: no blank; else
   the line's word, or the next line's first word (more than once; a
   two-letter word often), printed elsewhere as a word: one blank; but
   "in" and "um" end many words ("Großenha" / "in"), so after a line not
   ending as a noun does ("-ung", "-keit") they are undecidable
   (``undecidable_wraps``), and so is a line's word printed whole before
   what looks like a compound's rest ("Anwerbung" / "/Begleitung",
   "Fachkräfte" / "kampagne"); before a word printed nowhere it is a
   guess (``_line_word_doubted``); else no blank;
6. otherwise the renderer wrapped at a blank that it did not write: one
   blank.

The rules read the usual spelling at a hyphen, a dash or a slash. Where
the renderer shows no blank at the wrap and the table prints that form
the other way elsewhere ("und -bindung", "und - entwicklung"), or a word
fills its line alone before punctuation, the break is undecidable
(``_spacing_undecided``).

Known ambiguity: a word that fills its cell exactly, followed by a word in
lower case that the document prints nowhere else as a word, reads as a
broken word when the renderer dropped the blank. Spreadsheet renderers
always write the blank, so it does not arise there. ``guessed_wraps``
counts such guesses, so that a table with many of them (a renderer that
breaks words at any letter) is refused (``invariants``).
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple, overload

from foerderdaten.extract.pdfdoc import INVISIBLE_BREAKS, SOFT_HYPHEN, ZERO_WIDTH_SPACE, Char, TextLine

# Words after which "X- und" is a suspended compound, not a broken word.
CONJUNCTIONS = {"und", "oder", "bzw.", "sowie", "bis", "u.", "&"}

# Characters after which renderers break a line without a blank ("fach|" /
# "sprachlich", "Anwerbung/" / "Begleitung"; UAX #14 breaks after an en
# dash and an em dash too: "2024–" / "2026", as word processors set "-"
# between numbers); the hyphen is handled apart.
BREAK_AFTER = ("|", "/", "–", "—")

# Hyphens as renderers print them: a browser's hyphenation may print the
# Unicode hyphen (U+2010) rather than the hyphen-minus of the document.
HYPHENS = ("-", "\u2010")

_WHITESPACE = re.compile(r"\s+")
_NO_INVISIBLE_BREAKS = dict.fromkeys(map(ord, INVISIBLE_BREAKS))


# Break opportunities inside a word: a hyphen after a letter, "/" or "|".
# Office suites and browsers do not always break at a slash: they broke
# "Meißen/Mittelsachse" / "n" and "Anwerbung/Be" / "gleitung". So a slash
# rules out a broken word only where the line's geometry is unknown.
_BREAK_INSIDE = re.compile(r"(?<=\w)-(?=\w)|[/|]")
_HYPHEN_INSIDE = re.compile(r"(?<=\w)-(?=\w)")

# A line starts with these only where a word was broken before them.
CLOSING = tuple(",.;:!?)]")

# Unicode line breaking (UAX #14, rules LB13 and LB21) never breaks a line
# before these (an en dash included; an em dash allows a break before it); a line that starts with one follows a wrap at a blank
# ("Projekt" / ",,Angekommen", "Studienabbrecher/" / "-innen"), unless a
# word too long for its cell was broken there ("Parthenstein" / "/OT Klinga").
NO_BREAK_BEFORE = (",", "-", "/", "–")

# Quotation marks that close a quote. A line that starts with one standing
# alone (no letter or digit follows before a blank) goes on with the word
# before it: no renderer breaks before a quote, so a word too long for its
# cell was broken there ('"Rückkehrerbörse' / '" zwischen').
CLOSING_QUOTES = ('"', "“", "”", "'", "’", "«", "»")

# Opening brackets. Browsers break a line between a closing quote and one
# of these without a blank ('Chemnistry"' / '(CTC)'), just where a
# document with the usual blank would wrap at it.
OPENING_BRACKETS = ("(", "[")

# A word ending in one of these is followed by a blank in running text;
# renderers break after it only at that blank.
WORD_END = tuple(",;:!?")

# Positions and widths are rounded when a PDF is written and glyphs are
# kerned: a character "fits" only with this share of the font size to spare.
# LibreOffice Writer at 12 pt (DejaVu and Liberation Serif) broke words
# where the PDF shows up to 0.056 em of room for the next character
# ("Arbeitgeb" / "er"); in 111 random Writer prints no wrap at a blank
# reads differently with 0.08 em than with 0.05.
FIT_TOLERANCE_EM = 0.08
# A blank at a wrap "would have shown" only with this share of the font size
# to spare behind it: the cell's usable edge is known only as its widest
# line or its ruling less the padding, a few hundredths of the font size
# off (Writer writes blanks that seem to pass it by up to 0.05 em; measured
# with the table's own blank width, no wrap without a blank had room for
# one in 70 random Writer tables). With a blank estimated at a quarter of
# the font size, 0.1 em was needed, and missing blanks that would have
# shown by 0.07 em read as wraps ("Fachkräftekontaktzentr" / "um VII").
BLANK_ROOM_TOLERANCE_EM = 0.05
# A gap between two characters wider than this share of the font size is
# a word gap (where the PDF has no blank glyph).
WORD_GAP_EM = 0.15
# The width of a blank in font sizes, where a line shows none to measure.
BLANK_EM = 0.25

# The next line's first word decides for a blank (rule 5) only if it is
# printed whole at least KNOWN_WORD_MIN_COUNT times; a shorter word than
# KNOWN_WORD_MIN_LETTERS is often just the rest of a broken word
# ("integrati" / "on"), so it must be one of the document's common words
# ("in", "an", "zu"): printed at least SHORT_WORD_MIN_COUNT times.
KNOWN_WORD_MIN_LETTERS = 3
KNOWN_WORD_MIN_COUNT = 2
SHORT_WORD_MIN_COUNT = 10

# German word endings. A line that stops before one may be a word broken
# there ("arbeitsmarktorientiert" / "es", "Handlungskonzept" / "ionen"),
# however often the line's word or the ending ("es", "er") is printed whole.
ENDINGS = {"em", "en", "er", "es", "ion", "ionen", "ung", "ungen", "heit", "keit", "lich", "isch", "ische", "ischen", "schaft"}

# Short words that also end many words: "in" (the feminine "-in", "Verein",
# "Magazin", "Großenhain") and "um" ("Zentrum"). Where one follows a line
# that fills its cell and nothing else decides, the document's printing it
# often as a word tells nothing either: in 180 random LibreOffice Writer
# prints such a rest was a word's end in 32 of 85 breaks ("Großenha" / "in",
# "Fachkräftekontaktzentr" / "um"), published wrong four times. Such a
# break is undecidable (``undecidable_wraps``): the table is refused.
AMBIGUOUS_RESTS = {"in", "um"}
# Noun endings that no word goes on from with "in" or "um" (there is no
# "-ungin" or "-keitum"): after a line ending so, such a rest is a word of
# its own ("Fachkräfteanwerbung" / "in der Region").
CLOSED_ENDINGS = ("ung", "ungen", "ion", "ionen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tät", "täten")

# Letters no German word starts with (doubled consonants and clusters that
# only close a syllable, an "s" before a consonant it never starts a word
# with): a line going on with them goes on with a broken word, however
# often the line's own word is printed whole ("Wirtschaftsförderung" /
# "sgesellschaft": the linking "s" of a compound).
NO_WORD_STARTS = (
    "bb", "dd", "ff", "gg", "kk", "ll", "mm", "nn", "pp", "rr", "ss", "tt", "zz", "ß", "ck", "tz",
    "ng", "nk", "nd", "nt", "ns", "nz", "rt", "rd", "rk", "rn", "rm", "rs", "rz", "rb", "rg", "rf",
    "lt", "ld", "lk", "lm", "ls", "lz", "lb", "lg", "lf", "ht", "hn", "hl", "hr", "hm", "hs", "mt",
    "sb", "sd", "sf", "sg", "sr", "sv",
)

# Letters no German word ends with (a consonant before "r" or "l"): a line
# whose word ends so stops inside a word ("Migrationshintergr" / "und",
# "Fachkräftekontaktzentr" / "um"), however common the next line's word.
NO_WORD_ENDS = ("br", "dr", "fr", "gr", "kr", "pr", "tr", "wr", "bl", "fl", "gl", "kl", "pl")

# Characters stripped from a word before it is looked up in a vocabulary.
_WORD_PUNCTUATION = ".,;:!?()[]\"'„“”‚‘’«»"


@dataclass(frozen=True, slots=True)
class PrintedLine:
    """A cell line as printed, with the geometry that tells how it ended.

    ``room`` is the space (pt) between the line's last printed character
    and its cell's usable right edge; ``first_word`` and ``first_char`` are
    the widths of the line's first word and character; ``blank`` the width
    of a blank in its font.
    """

    text: str
    room: float
    first_word: float
    first_char: float
    blank: float
    size: float


@dataclass(frozen=True, slots=True)
class MeasuredLine:
    """A cell line without its characters: its text and box, and what
    ``PrintedLine`` measures of it.

    The streamed table reader (``tables.TableStream``) keeps these of a
    page it has read instead of its characters, so that a build's memory
    does not grow with every glyph of the document.
    """

    text: str
    top: float
    bottom: float
    size: float
    end: float  # where its last printed character ends
    first_word: float
    first_char: float
    blank: float
    start: float  # where its first printed character starts

    def printed(self, right_edge: float) -> PrintedLine:
        """The line measured against its cell's usable right edge."""
        return PrintedLine(self.text, right_edge - self.end, self.first_word, self.first_char, self.blank, self.size)

    def printed_flush_right(self, left_edge: float) -> PrintedLine:
        """The line of a cell set flush right, measured against the cell's
        usable left edge: the room a wrap left is at the line's start."""
        return PrintedLine(self.text, self.start - left_edge, self.first_word, self.first_char, self.blank, self.size)


def measured_line(line: TextLine) -> MeasuredLine:
    """``line``'s text, box and measures, without its characters."""
    ink = [c for c in line.chars if c.text.strip()]
    return MeasuredLine(line.text, line.top, line.bottom, line.size, ink[-1].x1, first_word_width(line.chars), ink[0].x1 - ink[0].x0,
                        blank_width(line.chars), ink[0].x0)


def printed_line(line: TextLine, right_edge: float) -> PrintedLine:
    """``line`` measured against its cell's usable right edge."""
    return measured_line(line).printed(right_edge)


def first_word_width(chars: Sequence[Char]) -> float:
    """Width of the first word: up to the first blank glyph or word gap."""
    end = chars[0].x1
    for prev, char in itertools.pairwise(chars):
        if not char.text.strip() or char.x0 - prev.x1 > WORD_GAP_EM * char.size:
            break
        end = char.x1
    return end - chars[0].x0


def blank_width(chars: Sequence[Char]) -> float:
    """Width of a blank glyph among ``chars``, else an estimate from the font size."""
    blanks = [c.x1 - c.x0 for c in chars if not c.text.strip() and c.x1 > c.x0]
    return min(blanks) if blanks else BLANK_EM * max(c.size for c in chars)


class Spelling(NamedTuple):
    """How a table spells a hyphen, dash or slash before a word: the mark
    ("dash", "hyphen", "slash"), the word it is followed by ("lower",
    "capital", "letter", "other") and whether a blank stands between
    ("blank", "glued")."""

    mark: str
    followed_by: str
    blank: str


@dataclass(frozen=True)
class Cues:
    """What a whole table shows about how its renderer wraps cell lines."""

    words: Counter[str]  # words printed whole, see ``vocabulary`` (a ``Vocabulary`` as a rule)
    wrap_blanks: bool = False  # it writes a blank where it wraps at one ...
    edge_blanks: bool = False  # ... even where that blank hangs past the cell's edge
    hyphenates: bool = False  # it hyphenates words at its wraps
    blank_em: float | None = None  # the width of its cells' blank in font sizes, where they print one
    invisible_breaks: bool = False  # it breaks words at the document's soft hyphens or zero-width spaces (rule 0)
    # the spellings of hyphens, dashes and slashes its lines print (``printed_spellings``), each with an example
    spellings: Mapping[Spelling, str] = field(default_factory=dict)


# A renderer writes a blank at its wraps when at least this share of the
# lines wrapped inside words' cells end with one.
MOST_LINES = 0.8


# A blank hangs past its cell's edge where its line ends closer to the edge
# than this share of a blank. The edge is known only as the end of the
# widest line, which may lie short of it; so a blank counts as hanging only
# where it clearly passes that line's end. A line whose ink itself ends at
# that edge (room 0: it is, or ties with, the widest line) shows nothing:
# LibreOffice writes a wrap's blank only where it fits in the cell, and a
# blank after the widest line would otherwise count as hanging past it.
HANGING_BLANK = 0.25
SETS_THE_EDGE = 0.01  # pt


def table_cues(cells: Sequence[Sequence[PrintedLine]]) -> Cues:
    """The cues of a table whose cells (each its printed lines) are given.

    Whether the renderer writes the blank at its wraps is counted on the
    wraps that certainly were at a blank: lines that end with one, or whose
    next line's first character would have fitted behind them. A line that
    fills its cell may be a broken word, and in narrow columns broken words
    are many (a Writer table with 2,000 of them among 4,000 wraps once
    seemed to write no blanks at all)."""
    invisible_breaks = any(line.text.endswith(INVISIBLE_BREAKS) for lines in cells for line in lines)
    cells = [_at_breaks(lines) for lines in cells]
    wrapped = [
        (line, after) for lines in cells for line, after in itertools.pairwise(lines)
        if not line.text.rstrip().endswith((*HYPHENS, *BREAK_AFTER, *INVISIBLE_BREAKS))
    ]
    with_blank = [line for line, _ in wrapped if line.text != line.text.rstrip()]
    at_blank = len(with_blank) + sum(1 for line, after in wrapped if line.text == line.text.rstrip() and not _fills_cell(line, after))
    blanks = [line.blank / line.size for lines in cells for line in lines if " " in line.text.strip() or line.text != line.text.rstrip()]
    words = vocabulary(cells)
    return Cues(
        words=words,
        wrap_blanks=at_blank > 0 and len(with_blank) >= MOST_LINES * at_blank,
        edge_blanks=sum(1 for line in with_blank if _blank_hangs(line)) >= 2,
        hyphenates=_hyphenates(cells, words),
        blank_em=statistics.median(blanks) if blanks else None,
        invisible_breaks=invisible_breaks,
        spellings=printed_spellings(line.text for lines in cells for line in lines),
    )


# A renderer hyphenates words when at least this many of its hyphens at
# wraps split a word that the document prints whole elsewhere. A document
# that spells one word both with and without a hyphen, and has it broken
# at that hyphen, is rare; a renderer that hyphenates splits common words
# ("Fach-" / "kräfte") again and again.
HYPHENATED_WORDS = 2


def _hyphenates(cells: Sequence[Sequence[PrintedLine]], words: Mapping[str, int]) -> bool:
    """Whether the renderer hyphenates words at its wraps."""
    split = sum(
        1
        for lines in cells
        for prev, line in itertools.pairwise(lines)
        if _ends_in_word_hyphen(prev, line) and _hyphen_evidence(prev, line, words) is True
    )
    return split >= HYPHENATED_WORDS


def _ends_in_word_hyphen(prev: str | PrintedLine, line: str | PrintedLine) -> bool:
    """Whether ``prev`` ends in a letter and a hyphen (no blank after it)
    and ``line`` goes on with the rest of a word: in lower case (not a
    conjunction after a suspended compound, "Arbeits-" / "und"), or in
    capitals after capitals ("FACHINFORMATIONSZEN-" / "TRUM")."""
    text, next_word = _text(prev), _next_word(line)
    if text != text.rstrip() or not text.endswith(HYPHENS) or not text[-2:-1].isalpha() or next_word in CONJUNCTIONS:
        return False
    head = text.split()[-1][:-1]
    return next_word[:1].islower() or (head.isupper() and next_word.strip(_WORD_PUNCTUATION).isupper())


def _hyphen_evidence(prev: str | PrintedLine, line: str | PrintedLine, words: Mapping[str, int]) -> bool | None:
    """For a line ending in a word's hyphen: True if the document prints the
    word whole elsewhere (the renderer's hyphen), False if it prints it with
    the hyphen (the document's), None if neither."""
    word, rest = _text(prev).split()[-1], _next_word(line)
    head = word[:-1]
    if _fold_word(word + rest) in words:
        return False
    if _fold_word(head + rest) in words:
        return True
    return None


def _renderer_hyphen(prev: str | PrintedLine, line: str | PrintedLine, cues: Cues) -> bool:
    """Rule 0: whether ``prev`` ends in a hyphen its renderer set (a guess
    where the document's words tell nothing, see ``guessed_wraps``)."""
    return (cues.hyphenates and _ends_in_word_hyphen(prev, line) and not _would_fit(prev, line, blank=False)
            and _hyphen_evidence(prev, line, cues.words) is not False)


def _blank_hangs(line: PrintedLine) -> bool:
    """Whether the blank ending ``line`` clearly passes its cell's edge."""
    return line.room < HANGING_BLANK * line.blank and abs(line.room) > SETS_THE_EDGE


class Vocabulary(Counter[str]):
    """How often each word is printed whole, folded (see ``vocabulary``);
    ``lowercase`` counts only where it starts in lower case. A German noun
    is written with a capital: "sicherung" in lower case is no word, only
    the rest of a compound ("Fachkräfte" / "sicherung"), however often
    "Sicherung" is printed."""

    def __init__(self, counts: Mapping[str, int] | None = None) -> None:
        super().__init__(counts or {})
        self.lowercase: Counter[str] = Counter()


def vocabulary(cells: Iterable[Sequence[str | PrintedLine]]) -> Vocabulary:
    """How often each word is printed whole in ``cells`` (each a cell's
    lines): with a blank or the cell's start before it and a blank or the
    cell's end after it, folded to lower case without surrounding
    punctuation. Where the lines are measured, a wrap that geometry shows
    was at a blank (``_wrapped_at_blank``) counts as a blank too: renderers
    that drop the blank at a wrap would otherwise leave only the words
    inside lines, few in narrow columns."""
    words = Vocabulary()
    for cell in cells:
        lines = _at_breaks(line for line in cell if _text(line).strip())
        for i, line in enumerate(lines):
            tokens = _text(line).split()
            whole_start = i == 0 or _ends_word(lines[i - 1], line)
            whole_end = i == len(lines) - 1 or _ends_word(line, lines[i + 1])
            for j, token in enumerate(tokens):
                if (j > 0 or whole_start) and (j < len(tokens) - 1 or whole_end):
                    words[_fold_word(token)] += 1
                    if token.strip(_WORD_PUNCTUATION)[:1].islower():
                        words.lowercase[_fold_word(token)] += 1
    del words[""]
    del words.lowercase[""]
    return words


def _ends_word(line: str | PrintedLine, next_line: str | PrintedLine) -> bool:
    """Whether a word ends where ``line`` wraps to ``next_line``: the
    renderer wrote a blank there, or the geometry shows it wrapped at one."""
    text = _text(line)
    return text != text.rstrip() or _wrapped_at_blank(line, next_line)


def _wrapped_at_blank(prev: str | PrintedLine, line: str | PrintedLine) -> bool:
    """Whether geometry shows that the renderer wrapped ``prev`` at a blank
    it did not write: the next line's first character would have fitted
    behind it (so no word was broken there), and neither a hyphen or slash
    ends it nor punctuation starts the next line (breaks without a blank)."""
    text, next_text = _text(prev).rstrip(), _text(line).lstrip()
    if text.endswith((*HYPHENS, *BREAK_AFTER, *INVISIBLE_BREAKS)) or next_text.startswith((*CLOSING, *NO_BREAK_BEFORE)):
        return False
    return not _fills_cell(prev, line)


def _fold_word(word: str) -> str:
    return word.strip(_WORD_PUNCTUATION).lower()


def fold_whitespace(text: str) -> str:
    """Collapse runs of white space to one blank and trim the ends."""
    return _WHITESPACE.sub(" ", text).strip()


def join_cell_lines(lines: Iterable[str | PrintedLine], cues: Cues | None = None) -> str:
    """The cell's text: its printed lines (trailing blanks kept; plain text
    or measured ``PrintedLine``) re-joined by the rules above, white space
    folded. ``cues`` are what the whole table shows (see ``table_cues``)."""
    items = _at_breaks(line for line in lines if _text(line).strip())
    if not items:
        return ""
    cues = cues or Cues(Counter())
    parts: list[str] = [_text(items[0])]
    for i, (prev, line) in enumerate(itertools.pairwise(items), start=2):
        if _renderer_hyphen(prev, line, cues):
            parts[-1] = parts[-1][:-1]  # the renderer's hyphen is not the document's text
            parts.append("")
        else:
            # the text so far matters only after a hyphen (``_noun_hyphen``): joined only there
            before = "".join(parts) if _text(prev).endswith(HYPHENS) else None
            parts.append(_separator(prev, line, cues, goes_on=i < len(items), before=before))
        parts.append(_text(line))
    # soft hyphens and zero-width spaces (rule 0) are no part of the text
    return fold_whitespace("".join(parts).translate(_NO_INVISIBLE_BREAKS))


def _text(line: str | PrintedLine) -> str:
    return line.text if isinstance(line, PrintedLine) else line


@overload
def _at_breaks(lines: Iterable[PrintedLine]) -> list[PrintedLine]: ...
@overload
def _at_breaks(lines: Iterable[str | PrintedLine]) -> list[str | PrintedLine]: ...
def _at_breaks(lines):
    """``lines`` with a zero-width space that ends one taken off, that line
    read as filling its cell: the renderer may have broken it there or at
    a blank right after it, and writes neither (rule 0)."""
    out = []
    for line in lines:
        text = _text(line)
        if text.endswith(ZERO_WIDTH_SPACE):
            line = replace(line, text=text[:-1], room=0.0) if isinstance(line, PrintedLine) else text[:-1]
        out.append(line)
    return out


# A column is set flush right where this share of its cells' last lines
# (of cells of two lines or more) end at its edge, as wrapped lines do: a
# last line of ragged text ends anywhere.
FLUSH_RIGHT_SHARE = 0.8
FLUSH_RIGHT_MIN_CELLS = 3


def flush_right(cells: Iterable[Sequence[str | PrintedLine]]) -> bool:
    """Whether the cells (each its measured lines) are set flush right
    (right-aligned), measured at their right edge: then every line ends
    at the edge, and where a line wrapped cannot be measured there (the
    room a line leaves is at its start: ``table_pages.print_rows``
    measures such a column there); a browser's right-aligned cells
    measured at the right were read with guessed words glued
    ("Herausforderungenzeitgemäßer", 10 to 19 fields, exit 0)."""
    lasts = [lines[-1] for lines in cells if len(lines) >= 2 and isinstance(lines[-1], PrintedLine)]
    at_edge = sum(1 for line in lasts if line.room < FIT_TOLERANCE_EM * line.size)
    return len(lasts) >= FLUSH_RIGHT_MIN_CELLS and at_edge >= FLUSH_RIGHT_SHARE * len(lasts)


def guessed_wraps(lines: Iterable[str | PrintedLine], cues: Cues | None = None) -> list[tuple[str, str]]:
    """The cell's line breaks that ``join_cell_lines`` decides by a guess:
    neither geometry nor the table's own words tell a broken word from a
    wrap at a dropped blank (rule 5's last resort, read as one word), or
    only the line's word printed whole elsewhere tells it, before a word
    printed nowhere (read as two words: ``_line_word_doubted``). Each as the
    line's last word and the next line's first."""
    return _wraps_where(lines, cues or Cues(Counter()), _guessed)


def undecidable_wraps(lines: Iterable[str | PrintedLine], cues: Cues | None = None) -> list[tuple[str, str]]:
    """The cell's line breaks that nothing decides, not even by a guess: a
    closing quote before an opening bracket, printed by a renderer that
    does not show the blank at its wraps; a line that fills its cell before
    a short word that also ends many words ("Großenha" / "in",
    ``AMBIGUOUS_RESTS``); a line whose word is printed whole elsewhere
    before the rest of a compound ("Anwerbung" / "/Begleitung", "Fachkräfte"
    / "kampagne": ``_line_word_doubted``). Each as the line's last word and
    the next line's first."""
    return [(word, next_word) for word, next_word, _ in undecidable_wraps_why(lines, cues)]


def undecidable_wraps_why(lines: Iterable[str | PrintedLine], cues: Cues | None = None) -> list[tuple[str, str, str]]:
    """``undecidable_wraps``, each with why nothing decides it, in words."""
    cues = cues or Cues(Counter())
    items = _at_breaks(line for line in lines if _text(line).strip())
    found = []
    for i, (prev, line) in enumerate(itertools.pairwise(items), start=2):
        why = _undecidable_why(prev, line, cues, i < len(items))
        if why is not None:
            words = _text(prev).split()
            # a dash standing as a word is named with the word before it ("und -")
            found.append((" ".join(words[-2:]) if words[-1] in HYPHENS else words[-1], _next_word(line), why))
    return found


# A test of a line break: (line, next line, cues, whether another line follows the next)
WrapTest = Callable[[str | PrintedLine, str | PrintedLine, Cues, bool], bool]


def _wraps_where(lines: Iterable[str | PrintedLine], cues: Cues, test: WrapTest) -> list[tuple[str, str]]:
    """The line breaks of a cell for which ``test(line, next_line, cues, goes_on)``
    holds (``goes_on``: whether another line follows ``next_line``)."""
    items = _at_breaks(line for line in lines if _text(line).strip())
    return [
        (_text(prev).split()[-1], _next_word(line))
        for i, (prev, line) in enumerate(itertools.pairwise(items), start=2)
        if test(prev, line, cues, i < len(items))
    ]


def _guessed(prev: str | PrintedLine, line: str | PrintedLine, cues: Cues, goes_on: bool) -> bool:
    if _renderer_hyphen(prev, line, cues):
        return _hyphen_evidence(prev, line, cues.words) is None
    if cues.invisible_breaks:
        # a renderer that breaks words at soft hyphens or zero-width spaces breaks
        # them anywhere the document put one: the table's words are no evidence there
        return _separator_by_form(prev, line, cues, goes_on) is None
    if _separator_by_form(prev, line, cues, goes_on) is not None:
        return False
    reason = _evidence_reason(prev, line, cues, goes_on)
    if WORD_REASONS[reason] is None:
        return not _ambiguous_rest(line)
    return reason == REST_NEVER_PRINTED


def _undecidable_why(prev: str | PrintedLine, line: str | PrintedLine, cues: Cues, goes_on: bool) -> str | None:
    """Why nothing decides the break after ``prev`` (see ``undecidable_wraps``), or None."""
    text, next_word = _text(prev), _next_word(line)
    if text == text.rstrip() and quote_before_bracket(text, next_word) and not _blank_would_show(prev, cues):
        return "browsers break between a quote and a bracket without one, and this renderer shows no blank at its wraps"
    if _renderer_hyphen(prev, line, cues):
        return None
    spacing = _spacing_undecided(prev, line, cues)
    if spacing is not None:
        return spacing
    if _separator_by_form(prev, line, cues, goes_on) is not None:
        return None
    reason = _evidence_reason(prev, line, cues, goes_on)
    if _ambiguous_rest(line):
        if WORD_REASONS[reason] is None:
            return f"the line fills its cell, and '{next_word}' is a word as well as the end of many words"
        return None
    if reason == REST_OF_A_COMPOUND:
        return f"the line fills its cell; '{text.split()[-1]}' is printed as a word elsewhere, but '{next_word}' looks like the rest of a compound"
    return None


def _spacing_undecided(prev: str | PrintedLine, line: str | PrintedLine, cues: Cues) -> str | None:
    """Why the blank at a break after a hyphen, a dash or a slash, or
    before punctuation, cannot be known, or None.

    Where the renderer shows no blank at this wrap (a browser; Writer where
    the blank would not fit) and the next word would not have fitted
    behind the line, the PDF is the same with and without the blank. The
    rules read the usual spelling there ("und -" / "bindung" as "und
    -bindung", "Online-" / "Angebot" as "Online-Angebot"). Where the table
    itself prints that form the other way elsewhere (``Cues.spellings``:
    the 2023 overview has "und -bindung" and "und - entwicklung",
    "corona-Pandemie" and "vorgestellt- Alles", an annex "Anwerbung/
    Begleitung"), its author wrote both, and the break is undecidable:
    each such wrap read by the rule was published wrong with exit status 0
    in browser prints. A word alone on a line that it fills before
    punctuation is undecidable wherever the blank does not show: a blank
    before a comma is a slip that no table shows twice
    ("Informationsveranstaltungen , Förderung", published without its
    blank from Writer prints)."""
    text, next_word = _text(prev), _next_word(line)
    if not next_word or text != text.rstrip() or _blank_would_show(prev, cues):
        return None
    if next_word.startswith(CLOSING) and " " not in text.strip() and _fills_cell(prev, line):
        return f"'{text.strip()}' fills its line, and the document may have a blank before '{next_word[0]}'"
    other = _other_spelling(text, next_word)
    if other is None or other not in cues.spellings or _would_fit(prev, line, blank=False):
        return None
    return f"this renderer shows no blank at the wrap, and the table prints such a break both ways ('{cues.spellings[other]}')"


# The spellings that a table's lines may print (``printed_spellings``): a
# dash standing as a word before a word in lower case or not, with the
# blank after it or glued to the word; a hyphen after a letter with a blank
# before a capital; a slash ending a word with a blank before a letter.
_SPELLINGS = (
    (re.compile(r"(?:^|(?<=\s))-( ?)(?=[a-zäöüß])"), lambda m: Spelling("dash", "lower", "blank" if m.group(1) else "glued")),
    (re.compile(r"(?:^|(?<=\s))-( ?)(?=[^\W_a-zäöüß])"), lambda m: Spelling("dash", "other", "blank" if m.group(1) else "glued")),
    (re.compile(r"(?<=[^\W\d_])- (?=[A-ZÄÖÜ])"), lambda m: Spelling("hyphen", "capital", "blank")),
    (re.compile(r"(?<=\w)/ (?=[^\W\d_])"), lambda m: Spelling("slash", "letter", "blank")),
)


def printed_spellings(texts: Iterable[str]) -> dict[Spelling, str]:
    """The spellings (``_SPELLINGS``) that ``texts`` print, each with its first example."""
    found: dict[Spelling, str] = {}
    for text in texts:
        for pattern, tag in _SPELLINGS:
            for match in pattern.finditer(text):
                found.setdefault(tag(match), _words_around(text, match.start(), match.end()))
    return found


def _words_around(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with the word before and the word after it."""
    before = text[:start].rstrip()
    after = text[end:]
    return text[before.rfind(" ") + 1:end + len(after.split(" ", 1)[0])]


def _other_spelling(text: str, next_word: str) -> Spelling | None:
    """The spelling of a break after ``text`` that the rules do not read,
    or None where the break is no such form."""
    if text.endswith(" -") or text.strip() == "-":
        lower = next_word[:1].islower()
        reads_blank = not lower or _dash_stands(text)
        return Spelling("dash", "lower" if lower else "other", "glued" if reads_blank else "blank")
    if text.endswith("/") and not text.endswith(" /") and next_word[:1].isalpha():
        return Spelling("slash", "letter", "blank")
    if text.endswith(HYPHENS) and text[-2:-1].isalpha() and next_word[:1].isupper():
        return Spelling("hyphen", "capital", "blank")
    return None


def _ambiguous_rest(line: str | PrintedLine) -> bool:
    """Whether ``line`` goes on with a short word that also ends many words
    ("in", "um": ``AMBIGUOUS_RESTS``); undecidable where it follows a line
    that fills its cell and nothing else decides."""
    return ends_many_words(_next_word(line))


def ends_many_words(word: str) -> bool:
    """Whether ``word`` is a short word that also ends many words (``AMBIGUOUS_RESTS``)."""
    return _fold_word(word) in AMBIGUOUS_RESTS


def quote_before_bracket(text: str, next_word: str) -> bool:
    """Whether a break between ``text`` and ``next_word`` falls between a
    closing quote and an opening bracket (see ``undecidable_wraps``)."""
    return text.endswith(CLOSING_QUOTES) and next_word.startswith(OPENING_BRACKETS)


def _next_word(line: str | PrintedLine) -> str:
    return _text(line).strip().split(" ", 1)[0]


def _second_word(line: str | PrintedLine) -> str:
    words = _text(line).split()
    return words[1] if len(words) > 1 else ""


def _separator(prev: str | PrintedLine, line: str | PrintedLine, cues: Cues, goes_on: bool, before: str | None = None) -> str:
    by_form = _separator_by_form(prev, line, cues, goes_on, before)
    if by_form is not None:
        return by_form
    glued = _evidence(prev, line, cues, goes_on)
    return "" if glued is None or glued else " "  # a guess reads as one word (see the module's known ambiguity)


def _separator_by_form(
    prev: str | PrintedLine, line: str | PrintedLine, cues: Cues, goes_on: bool, before: str | None = None
) -> str | None:
    """Rules 1-6 as far as the lines' text and geometry decide; None where
    only the table's own words can (rule 5 for a line that fills its cell).
    ``goes_on``: whether another line of the cell follows ``line``;
    ``before``: the cell's text up to and with ``prev`` (``prev`` alone if
    not given), where the words before the line's first one matter."""
    text, next_text = _text(prev), _text(line)
    if text.endswith(SOFT_HYPHEN):
        return ""
    if text != text.rstrip():
        return " "
    next_word = next_text.strip().split(" ", 1)[0]
    if _hyphen_alone(prev, cues, goes_on=True):
        return ""  # no blank follows it where one would have shown (the next line may be a broken word's start, and fit behind it)
    if text.endswith((*HYPHENS, *BREAK_AFTER)) and _would_fit(prev, line, blank=False):
        return " "  # the next word would have fitted behind the hyphen or slash: no break there
    if text.endswith(" -") and _blank_would_show(prev, cues):
        return ""  # a renderer that writes the blank at its wraps wrote none: the dash starts the next word ("2024 -" / "2026")
    if text.endswith(" -") and (not next_word[:1].islower() or _dash_stands(text)):
        return " "
    if text.endswith(HYPHENS):
        if next_word in CONJUNCTIONS:
            return " "
        if _noun_hyphen(text if before is None else before, next_word, cues) and not _blank_would_show(prev, cues):
            return " "
        return ""
    if text.endswith(tuple(" " + c for c in BREAK_AFTER)):
        return " "  # a slash standing as a word ("Leipzig /" / "2022")
    if next_word.startswith(NO_BREAK_BEFORE):
        if not _fills_cell(prev, line) or " " in text.strip():
            # no line breaks before it, and no word was broken here (it did
            # not fill its cell, or it is not its line's only word: a word is
            # broken only where it does not fit a line of its own): the wrap was at a blank
            return " "
        if _blank_would_show(prev, cues):
            return ""  # a word too long for its cell broken before it ("Wirtschaftsförderungs" / "- gesellschaft")
        if next_word in HYPHENS and _second_word(line) in CONJUNCTIONS:
            # a suspended compound too long for its cell broken before its
            # hyphen ("Unternehmens" / "- und Branchenverbünde"); a dash
            # standing as a word before a conjunction is not German
            return ""
        if _hyphen_alone(line, cues, goes_on):
            # the hyphen of a word too long for its cell, broken before and
            # after it ("Ebersdorf" / "-" / "Neugersdorf"), or the document's
            # blank before a hyphen ("2024" / "-" / "2026" of "2024 -2026"):
            # the table's words decide
            return None
        if next_word[1:2].isalnum():
            # a word too long for its cell broken before its "-" or "/"
            # ("Annaberg" / "-Buchholz"), or a wrap at a blank before a word
            # that starts with one: the table's words decide
            return None
    if text.endswith(BREAK_AFTER) or next_word.startswith(CLOSING) or _closing_quote(next_word):
        return ""
    if quote_before_bracket(text, next_word):
        # a blank would have shown: there was none; else undecidable (see
        # ``undecidable_wraps``), read with the usual blank
        return "" if _blank_would_show(prev, cues) else " "
    if isinstance(prev, PrintedLine) and isinstance(line, PrintedLine) and prev.room >= line.first_char + FIT_TOLERANCE_EM * prev.size:
        return " "  # the next character would have fitted: no word was broken here
    if _blank_would_show(prev, cues):
        # a wrap at a blank would have left its blank: a word was broken
        # ("WelcomER" / "Z", "Interact4" / "Work"), or the renderer broke
        # after punctuation inside one ("Nachwuchshausärzt:" / "innen")
        return ""
    measured = isinstance(prev, PrintedLine) and isinstance(line, PrintedLine)
    if not _broken_word(text.strip(), next_word, _HYPHEN_INSIDE if measured else _BREAK_INSIDE):
        return " "
    return None


# What ends a sentence or a list item's mark: a capital after it may start
# an adjective ("Deutsch-tschechische Fachkräftebörse"), not only a noun.
SENTENCE_ENDS = tuple(".!?:;")


def _noun_hyphen(text: str, next_word: str, cues: Cues) -> bool:
    """Whether ``text`` ends in a noun's hyphen inside a sentence and
    ``next_word`` goes on in lower case: the document's blank follows the
    hyphen (rule 3). German writes the parts of a noun compound joined by a
    hyphen with a capital ("Wirtschaftsförderungs-Gesellschaft"); a
    lower-case word after a noun's hyphen is the rest of a suspended
    compound ("Ausbildungs- wie Arbeitsplätze") or of a word the document
    broke at a line end and kept so, with the blank of its line break
    ("Wirtschaftsförderungs- gesellschaft": the 2023 overview and its
    annexes write a noun's hyphen before a lower-case word only so). A
    browser wraps at that blank and writes none, so the PDF shows the
    break after a hyphen of "Online-" / "Angebot". Not at a value's or a
    sentence's start, where an adjective is written with a capital too
    ("Deutsch-tschechische"), unless the capital follows a hyphen in the
    word ("WFG-Wirtschaftsförderungs-"); not where the document prints the
    word with its hyphen whole elsewhere. The same document also prints
    "Wirtschaftsförderungsgesellschaft": the word printed whole without
    the hyphen tells nothing where the renderer does not hyphenate."""
    words = text.split()
    if not words or not _noun(words[-1][:-1]):
        return False
    inside_a_compound = "-" in words[-1][:-1]  # "WFG-Wirtschaftsförderungs-": a capital there is a noun's
    previous = words[-2] if len(words) > 1 else ""
    if not inside_a_compound and (previous.endswith(SENTENCE_ENDS) or not any(c.isalnum() for c in previous)):
        return False
    rest = next_word.strip(_WORD_PUNCTUATION)
    return rest[:1].islower() and rest.isalpha() and _fold_word(words[-1] + next_word) not in cues.words


def _noun(word: str) -> bool:
    """Whether ``word`` (its last part after a hyphen) is written as a noun:
    a capital, then letters with small ones among them ("Arbeits"; not
    "WFG", "3D" or "sozial")."""
    last = word.split("-")[-1]
    return word[:1].isupper() and last[:1].isupper() and last.isalpha() and not last.isupper()


def _closing_quote(word: str) -> bool:
    """Whether ``word`` is a closing quote with nothing but punctuation after it."""
    return word.startswith(CLOSING_QUOTES) and not any(c.isalnum() for c in word)


def _fills_cell(prev: str | PrintedLine, line: str | PrintedLine) -> bool:
    """Whether ``prev`` fills its cell: not even the first character of
    ``line`` would have fitted behind it (a renderer breaks a word too long
    for its cell only there). True where the geometry is unknown."""
    if not (isinstance(prev, PrintedLine) and isinstance(line, PrintedLine)):
        return True
    return prev.room < line.first_char + FIT_TOLERANCE_EM * prev.size


def _would_fit(prev: str | PrintedLine, line: str | PrintedLine, blank: bool) -> bool:
    """Whether the first word of ``line`` would have fitted behind ``prev``
    (after a blank if ``blank``); False where the geometry is unknown."""
    if not (isinstance(prev, PrintedLine) and isinstance(line, PrintedLine)):
        return False
    needed = line.first_word + (prev.blank if blank else 0.0)
    return prev.room >= needed + FIT_TOLERANCE_EM * prev.size


def _blank_would_show(prev: str | PrintedLine, cues: Cues) -> bool:
    """Whether the renderer would have written a blank at the end of
    ``prev`` had it wrapped there at a blank."""
    if not cues.wrap_blanks:
        return False
    if cues.edge_blanks:
        return True
    return isinstance(prev, PrintedLine) and prev.room >= _blank_of(prev, cues) + BLANK_ROOM_TOLERANCE_EM * prev.size


def _blank_of(line: PrintedLine, cues: Cues) -> float:
    """The width of a blank in ``line``'s font: measured on the line where
    it prints one, else on the table's lines (a line of one word shows
    none; estimated as a quarter of the font size, a DejaVu blank, a
    third, was taken to fit where it did not)."""
    if " " in line.text.strip() or line.text != line.text.rstrip() or cues.blank_em is None:
        return line.blank
    return cues.blank_em * line.size


def _hyphen_alone(line: str | PrintedLine, cues: Cues, goes_on: bool) -> bool:
    """Whether ``line`` is a hyphen alone that goes on with the next line's
    word (``goes_on``: a next line follows; at a cell's end no blank is
    written): a dash standing as a word would have kept the blank after it,
    which the renderer writes at its wraps and which would have shown
    there. Writer breaks a word too long for its cell before its hyphen
    ("Ebersdorf" / "-"), then after it, even where the next line's start
    would fit behind it ("-" / "Oberfro" / "hna"); a blank before the
    hyphen alone (the document's "2024 -2026") prints the same."""
    text = _text(line)
    return goes_on and text.strip() == "-" and text == text.rstrip() and _blank_would_show(line, cues)


def _dash_stands(text: str) -> bool:
    """Whether the dash ending ``text`` stands as a word ("Fachkräfte -"),
    rather than starting a suspended compound after a conjunction, a comma
    or a slash ("und -" / "entwicklung", "Fachkräftekampagnen, -",
    "Studienabbrecher/ -" / "innen")."""
    before = text.split()[:-1]
    return bool(before) and before[-1] not in CONJUNCTIONS and not before[-1].endswith((",", "/"))


def _evidence(prev: str | PrintedLine, line: str | PrintedLine, cues: Cues, goes_on: bool) -> bool | None:
    """Rule 5's evidence for the break after ``prev`` (see ``_word_evidence``):
    an article or conjunction left without the word it needs is the rest of
    a word ("Migrationshintergr" / "und, insb.", "Frauen mit
    Migrationshintergr" / "und" at the value's end)."""
    return WORD_REASONS[_evidence_reason(prev, line, cues, goes_on)]


def _evidence_reason(prev: str | PrintedLine, line: str | PrintedLine, cues: Cues, goes_on: bool) -> str:
    """Why ``_evidence`` decides as it does (``WORD_REASONS``)."""
    next_word = _next_word(line)
    if _dangles(next_word, ends_value=not goes_on and _text(line).strip() == next_word):
        return "article or conjunction without its word"
    return _word_reason(_text(prev).strip(), next_word, cues.words)


# Articles and conjunctions: a word always follows them, never a
# punctuation mark or the value's end ("und," is the rest of "Hintergrund,").
NEEDS_A_WORD = {"und", "oder", "sowie", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einen", "einem", "eines"}


def _dangles(word: str, ends_value: bool) -> bool:
    """Whether ``word`` is an article or conjunction with no word after it:
    followed by punctuation, or the value's last word (``ends_value``)."""
    core = word.rstrip(_WORD_PUNCTUATION)
    return core in NEEDS_A_WORD and (core != word or ends_value)


def _word_evidence(line: str, next_word: str, words: Mapping[str, int]) -> bool | None:
    """Rule 5 where geometry cannot decide: the document's own words do.
    True for one word, False for two, None where they tell nothing (see
    ``_word_reason`` for why)."""
    return WORD_REASONS[_word_reason(line, next_word, words)]


# The two reasons where a line's word printed whole elsewhere is doubted
# (``_line_word_doubted``): the break is a guess, or undecidable.
REST_NEVER_PRINTED = "line's word printed, rest never"
REST_OF_A_COMPOUND = "line's word printed, rest a compound's"

# What each reason of ``_word_reason`` makes of a line break: True one word,
# False two, None nothing (a guess, read as one word).
WORD_REASONS: dict[str, bool | None] = {
    "article or conjunction without its word": True,
    "joined word printed": True,
    "single letter left": True,
    "no word starts so": True,
    "no word ends so": True,
    "an ending left": None,
    "line's word printed": False,
    REST_NEVER_PRINTED: False,
    REST_OF_A_COMPOUND: False,
    "after a closed ending": False,
    "a word or a word's end": None,
    "rest printed": False,
    "nothing": None,
}


def _word_reason(line: str, next_word: str, words: Mapping[str, int]) -> str:
    """Why the document's words decide the break after ``line`` as they do
    (``WORD_REASONS``). The rest of a broken word is often short and may
    happen to be a word ("Arbeitsmarktintegrati" / "on",
    "arbeitsmarktorientiert" / "es"), so a short word counts only where the
    document uses it often."""
    word = _fold_word(next_word)
    if not any(c.isalnum() for c in word):
        # a hyphen alone is no word, however often a dash stands as one, and
        # a suspended compound ("Fachkräfte- und") printed whole tells nothing
        # of "Fachkräfte" / "-" / "gesteuerte": only the line's word printed
        # whole does (the document's blank before a hyphen, "2024 -2026")
        return "line's word printed" if _fold_word(line) in words else "nothing"
    if _fold_word(line + next_word) in words:
        return "joined word printed"
    if 0 < len(word.rstrip("-")) < 2:
        return "single letter left"  # "Unternehmen" / "s- und"
    if _word_rest(next_word):
        return "no word starts so"  # the rest of one ("Wirtschaftsförderung" / "sgesellschaft")
    if _word_start(line):
        return "no word ends so"  # the start of one ("Migrationshintergr" / "und")
    if word in ENDINGS:
        return "an ending left"  # the rest of a word broken before its ending ("arbeitsmarktorientiert" / "es")
    if _fold_word(line) in words:
        # the line's word is printed whole elsewhere: it ended here; but
        # the first part of a compound is a word too (see ``_line_word_doubted``)
        return _line_word_doubted(next_word, words) or "line's word printed"
    if word in AMBIGUOUS_RESTS:
        # a word, or a word's end (see ``_ambiguous_rest``); not after a closed ending
        return "after a closed ending" if _fold_word(line).endswith(CLOSED_ENDINGS) else "a word or a word's end"
    needed = KNOWN_WORD_MIN_COUNT if len(word) >= KNOWN_WORD_MIN_LETTERS else SHORT_WORD_MIN_COUNT
    return "rest printed" if _printed_as(next_word, words) >= needed else "nothing"


def _line_word_doubted(next_word: str, words: Mapping[str, int]) -> str | None:
    """Why a line's word printed whole elsewhere is doubtful evidence of a
    blank after it, or None: the first part of a compound is often a word
    of its own ("Ausbildung" / "smarktintegration", "Anwerbung" /
    "/Begleitung", "Fachkräfte" / "kampagne"). In 240 random LibreOffice
    prints this evidence was right 587 times and wrong 473, nearly always
    where the next line's word was

    * glued to a slash or hyphen (24 of 25 wrong): no document puts a blank
      before "/Begleitung", and "Fachkräfte -gesteuerte" is rare;
    * in lower case and printed elsewhere only with a capital (210 of 220
      wrong: "kampagne"; the rest right: the document's own "Landkreis
      leipzig");
    * printed nowhere whole (237 of 401 wrong: "smarktinte", "achse"; the
      rest right where it was itself broken again, "ausländisc" / "her").

    The first two are undecidable (``undecidable_wraps``): the evidence
    contradicts itself. The third is read with a blank but counted as a
    guess (``guessed_wraps``). Where the next word is printed in lower case
    elsewhere, the evidence was right 412 times of 414."""
    core = next_word.strip(_WORD_PUNCTUATION)
    if core[:1] in ("/", *HYPHENS) and core[1:2].isalnum():
        return REST_OF_A_COMPOUND
    folded = _fold_word(next_word)
    if core[:1].islower() and words.get(folded, 0) and not _printed_as(next_word, words):
        return REST_OF_A_COMPOUND
    if not words.get(folded, 0):
        return REST_NEVER_PRINTED
    return None


def _printed_as(word: str, words: Mapping[str, int]) -> int:
    """How often ``word`` is printed whole elsewhere as it is written here: a
    word in lower case only where the document writes it so (in 180 random
    LibreOffice prints, a lower-case rest printed elsewhere only with a
    capital was the rest of a compound all 69 times: "Fachkräfte" /
    "sicherung"). A plain count (no ``Vocabulary``) does not know the case."""
    folded = _fold_word(word)
    if isinstance(words, Vocabulary) and word.strip(_WORD_PUNCTUATION)[:1].islower():
        return words.lowercase.get(folded, 0)
    return words.get(folded, 0)


def _word_start(line: str) -> bool:
    """Whether the last word of ``line`` ends as no German word does. Only
    small letters count: abbreviations end so too ("Dr", "Fr")."""
    word = line.split()[-1] if line.split() else ""
    return word[-2:].isalpha() and word[-2:].islower() and word.endswith(NO_WORD_ENDS)


def _word_rest(next_word: str) -> bool:
    """Whether ``next_word`` starts as no German word does. Only a word of
    small letters counts: abbreviations start so too ("mbH", "ggf.", "zzgl.")."""
    core = next_word.rstrip(",;:)")
    return core.isalpha() and core.islower() and len(core) >= 3 and core.startswith(NO_WORD_STARTS)


def _broken_word(line: str, next_word: str, break_inside: re.Pattern = _BREAK_INSIDE) -> bool:
    """Rule 5: could ``line`` be the first part of a word broken at the cell edge?"""
    if " " in line or break_inside.search(line) or line.endswith(WORD_END):
        return False
    if next_word[:1].islower():
        return True
    if line[-1:].isdigit() and next_word[:1].isdigit():
        return True  # a number or date goes on in digits ("05.12.202" / "2")
    # an all-capitals word goes on in capitals ("FACHINFORMATIONSZENTRU" / "M"),
    # also after a slash ("Unternehmen/K" / "MU")
    last = re.split(r"[/|]", line)[-1]
    return last.isupper() and next_word.strip(_WORD_PUNCTUATION).isupper()
