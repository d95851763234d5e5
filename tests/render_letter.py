"""Other renderings of the letter of Drs. 7/16456, for robustness tests.

Prints the gold values of ``gold/landtag_7_16456.json`` the way a word
processor prints the letter: letterhead (optionally with a sidebar in small
print that narrows page 1), address block with an "Aktenzeichen" column,
date line, heading block, salutation, the asker's remarks with a
superscript footnote marker (and the footnote in small print), the
questions, the answers with their tab lists (Welcome Center ⇥ Träger,
region ⇥ amount), closing, signature and "2 Anlagen".

Paragraphs are wrapped greedily at blanks, ragged or justified; blank
glyphs are written (between words, and at the end of a wrapped line, as
LibreOffice does) or left out (the gap alone separates the words). Font,
size, leading, paragraph spacing, paper, margins, tab positions, how a
long list cell wraps, and where pages break are all parameters, so a test
can ask for renderings that differ from the fixture in every way the
parser must not care about. Pages break where the text runs out, with
widow and orphan control (as word processors do by default), and wherever
``LetterLayout.breaks`` asks for it. Only the standard PDF fonts are used.

``render_letter`` returns on which pages each item's lines were printed,
so a test can check the pages the parser reports, and that a variant
really splits what it claims to split.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

MARKER = "¹"  # the footnote marker in the gold text, printed as a superscript "1"

SIDEBAR = [
    "Hausanschrift:",
    "Sächsisches Staatsministerium",
    "für Wirtschaft, Arbeit",
    "und Verkehr",
    "Wilhelm-Buck-Straße 2",
    "01097 Dresden",
    "",
    "www.smwa.sachsen.de",
    "",
    "Verkehrsverbindung:",
    "Straßenbahnlinien 3, 7, 8",
    "Haltestelle Carolaplatz",
    "Parkplätze für Besucher",
    "vor dem Gebäude",
]


@dataclass
class LetterLayout:
    """How to print the letter; lengths in pt."""

    font: str = "Helvetica"
    bold_font: str = "Helvetica-Bold"
    size: float = 11.0
    leading: float = 1.3  # line pitch as a multiple of the size
    space_after: float = 0.7  # extra space after a paragraph, in line pitches
    page: tuple[float, float] = A4
    left: float = 70.0
    right: float = 57.0
    top: float = 70.0  # first baseline, from the top edge
    bottom: float = 70.0  # lowest baseline, from the bottom edge
    justify: bool = False
    blanks: bool = True  # write blank glyphs between words and at the end of wrapped lines
    bold_questions: bool = False
    sidebar: float = 0.0  # width of a small-print sidebar on page 1 (0: none); narrows page 1
    small: float = 0.7  # size of small print (sidebar, footnote) relative to the body
    footnote: bool = True  # the footnote in small print at the foot of page 1
    page_number: str | None = "- {page} -"  # on every page, body size; may use {pages}
    head_tab: float = 250.0  # right column of the address block (from the left margin)
    aktenzeichen_inline: bool = False  # "Aktenzeichen: KL-…" instead of label, note and value one under the other
    heading_spacing: bool = True  # space between "Kleine Anfrage …", "Drs.-Nr.: …" and "Thema: …"
    question_tab: float = 0.0  # "Frage N:" ⇥ text at this tab (from the left margin); 0: a blank after the label
    answer_headings: str = "joint"  # "joint": only the joint answer has a heading; "all": answers 4 and 5 too
    answer_heading_spacing: bool = True  # space after an answer heading (else its answer follows at line step)
    list_spacing: bool = True  # space between the rows of a tab list as between paragraphs
    list_end_spacing: bool = True  # space after a list's last row (else the next paragraph follows at line step)
    list_wrap: str = "margin"  # a long Träger wraps back to the left "margin", or stays in its "column"
    tab: float = 250.0  # Träger column (from the left margin)
    tab_stops: float = 35.4  # default tab stops (1.25 cm) behind a name that reaches past ``tab``
    amount_tab: float = 200.0  # amount column (from the left margin)
    amount_align: str = "right"  # amounts right-aligned at ``amount_tab``, or "left"-aligned there
    signature_lines: float = 3.0  # space for the signature, in line pitches
    anlagen_new_page: bool = False  # "2 Anlagen" alone on a page of its own
    widow_control: bool = True  # never one line of a paragraph alone at the foot or head of a page
    # page breaks forced into the flow: item key -> number of the item's lines
    # printed before the break (0: break before the item)
    breaks: dict[str, int] = field(default_factory=dict)


@dataclass
class Rendering:
    """What was printed where. Item keys: "frage1"…"frage5", "antwort1.0"…
    "antwort1.7", "antwort4.0", "antwort4.1", "antwort5.0", "antwort5.1"
    (answer paragraphs), "wc1"…"wc7" (Welcome Center rows), "fe1"…"fe5" and
    "fa1"…"fa3" (funding rows), letterhead and closing items."""

    path: Path
    page_count: int
    pages: dict[str, list[int]]  # item key -> page of each of its printed lines

    def first_page(self, key: str) -> int:
        return self.pages[key][0]

    def split_items(self) -> list[str]:
        """Keys of the items printed on more than one page."""
        return [key for key, pages in self.pages.items() if len(set(pages)) > 1]


def render_letter(path: Path, gold: dict, layout: LetterLayout) -> Rendering:
    """Write the letter to ``path``; "{pages}" in the page number needs a dry run first."""
    pages = None
    if layout.page_number and "{pages}" in layout.page_number:
        pages = _Letter(path, layout, None).print(gold).page_count
    return _Letter(path, layout, pages).print(gold)


class _Letter:
    def __init__(self, path: Path, layout: LetterLayout, total_pages: int | None):
        self.path, self.lo, self.total_pages = path, layout, total_pages
        self.width, self.height = layout.page
        self.pitch = layout.size * layout.leading
        self.canvas = Canvas(str(path), pagesize=layout.page, invariant=1)
        self.page = 1
        self.y = layout.top  # baseline of the next line, from the top edge
        self.printed: dict[str, list[int]] = {}
        self.broken: set[str] = set()
        self.auto_breaks: dict[str, int] = {}  # from widow and orphan control
        self.footnote_height = 0.0  # room the footnote takes from the foot of page 1

    # ---------------------------------------------------------------- letter

    def print(self, g: dict) -> Rendering:
        lo = self.lo
        if lo.sidebar:
            self._sidebar()
        if lo.footnote:
            self._footnote(g["fussnote_1"])
        self.line("staatsminister", [(0, g["signatory_funktion"])])
        self.line("ministerium", [(0, g["ministerium"])])
        self.space()
        az = g["aktenzeichen"]
        if lo.aktenzeichen_inline:
            right = ["Durchwahl 0351 564-80001", f"Aktenzeichen: {az}", "", ""]
        else:
            right = ["Aktenzeichen", "(bitte bei Antwort angeben)", az, ""]
        left = ["Präsidenten des Sächsischen Landtages", "Herrn Dr. Matthias Rößler", "Bernhard-von-Lindenau-Platz 1", "01067 Dresden"]
        for i, (a, b) in enumerate(zip(left, right, strict=False)):
            self.line(f"adresse{i}", [(0, a), (lo.head_tab, b)])
        self.space()
        self.line("datum", [(lo.head_tab, g["datum_raw"])])
        self.space(2)
        heading = [
            f"Kleine Anfrage des Abgeordneten {g['fragesteller']} ({g['fraktion']})",
            f"Drs.-Nr.: {g['drucksache']}",
            f"Thema: {g['thema']}",
        ]
        for i, text in enumerate(heading):
            self.line(f"kopf{i}", [(0, text)])
            if lo.heading_spacing or i == len(heading) - 1:
                self.space()
        self.para("anrede", "Sehr geehrter Herr Präsident,")
        self.para("vorbemerkung_einleitung", "den Fragen sind folgende Ausführungen vorangestellt:")
        self.para("vorbemerkung", g["vorbemerkung_fragesteller"])
        self.para("einleitung", "Namens und im Auftrag der Sächsischen Staatsregierung beantworte ich die Kleine Anfrage wie folgt:")

        questions = {q["nummer"]: q["frage_text"] for q in g["questions"]}
        answers = g["answers"]
        for n in (1, 2, 3):
            self.question(n, questions[n])
        self.para("antwort1_kopf", "Zusammenfassende Antwort auf die Fragen 1 bis 3:", bold=lo.bold_questions,
                  space=lo.answer_heading_spacing)
        joint = answers[0]["absaetze"]
        for i in range(6):
            self.para(f"antwort1.{i}", joint[i])
        for i, c in enumerate(g["welcome_centers"], start=1):
            self.center_row(f"wc{i}", c["name"], c["traeger_region_raw"])
        self.para("antwort1.6", joint[6])
        for i, f in enumerate(g["funding_established"], start=1):
            self.amount_row(f"fe{i}", f["region_raw"], f["betrag_raw"])
        self.para("antwort1.7", joint[7])
        for i, f in enumerate(g["funding_in_aufbau"], start=1):
            self.amount_row(f"fa{i}", f["region_raw"], f["betrag_raw"])
        for k, n in ((1, 4), (2, 5)):
            self.question(n, questions[n])
            if lo.answer_headings == "all":
                self.para(f"antwort{n}_kopf", f"Antwort zu Frage {n}:" if n == 4 else f"Zu Frage {n}:", bold=lo.bold_questions,
                          space=lo.answer_heading_spacing)
            for i, text in enumerate(answers[k]["absaetze"]):
                self.para(f"antwort{n}.{i}", text)

        self.para("gruss", "Mit freundlichen Grüßen", space=False)
        self.space(lo.signature_lines / lo.space_after)
        self.para("unterschrift", g["signatory"])
        if lo.anlagen_new_page:
            self.new_page()
        self.para("anlagen", f"{g['anlagen_anzahl']} Anlagen")
        self.finish_page()
        self.canvas.save()
        return Rendering(self.path, self.page, self.printed)

    def question(self, n: int, text: str) -> None:
        if not self.lo.question_tab:
            self.para(f"frage{n}", f"Frage {n}: {text}", bold=self.lo.bold_questions)
            return
        # "Frage N:" ⇥ text; the text's further lines go on at the left margin
        lo, key = self.lo, f"frage{n}"
        font = lo.bold_font if lo.bold_questions else lo.font
        first, words = self.fill(text.split(" "), self.right_edge() - lo.left - lo.question_tab, font)
        self.keep_together(key, 1 + len(self.wrap(words, self.right_edge() - lo.left, font)) if words else 1)
        baseline = self.next_line(key)
        self.words(lo.left, baseline, [f"Frage {n}:"], None, trailing=False, font=font)
        self.words(lo.left + lo.question_tab, baseline, first, None, trailing=bool(words), font=font)
        while words:
            baseline = self.next_line(key)
            width = self.right_edge() - lo.left
            line, words = self.fill(words, width, font)
            self.words(lo.left, baseline, line, width if lo.justify and words else None, trailing=bool(words), font=font)
        self.space()

    # ---------------------------------------------------------------- flow

    def right_edge(self) -> float:
        edge = self.width - self.lo.right
        return edge - self.lo.sidebar if self.page == 1 else edge

    def space(self, paragraphs: float = 1.0) -> None:
        self.y += paragraphs * self.lo.space_after * self.pitch

    def next_line(self, key: str) -> float:
        """Make room for a line of item ``key``; the baseline to print it at."""
        done = len(self.printed.get(key, []))
        if self.lo.breaks.get(key, self.auto_breaks.get(key)) == done and key not in self.broken:
            self.broken.add(key)
            self.new_page()
        elif self.y > self.height - self.lo.bottom - (self.footnote_height if self.page == 1 else 0):
            self.new_page()
        self.printed.setdefault(key, []).append(self.page)
        baseline = self.y
        self.y += self.pitch
        return baseline

    def keep_together(self, key: str, lines: int) -> None:
        """Widow and orphan control for an item of ``lines`` lines: at least
        two of them at the foot of the page and two at the head of the next."""
        if not self.lo.widow_control or key in self.lo.breaks:
            return
        limit = self.height - self.lo.bottom - (self.footnote_height if self.page == 1 else 0)
        room = int((limit - self.y) // self.pitch) + 1 if self.y <= limit else 0
        if room <= 0 or lines <= room:
            return
        if room < 2 or (lines - room < 2 and room - 1 < 2):
            self.auto_breaks[key] = 0
        elif lines - room < 2:
            self.auto_breaks[key] = room - 1

    def new_page(self) -> None:
        self.finish_page()
        self.page += 1
        self.y = self.lo.top

    def finish_page(self) -> None:
        lo = self.lo
        if lo.page_number:
            text = lo.page_number.format(page=self.page, pages=self.total_pages or 0)
            self.canvas.setFont(lo.font, lo.size)
            self.canvas.drawCentredString(self.width / 2, lo.bottom / 2, text)
        self.canvas.showPage()

    # ---------------------------------------------------------------- items

    def line(self, key: str, cells: list[tuple[float, str]]) -> None:
        """One unwrapped line; ``cells`` are (x from the left margin, text)."""
        for (x, text), (next_x, _) in pairwise(cells):
            if text and x + self.text_width(text, self.lo.font) > next_x:
                raise ValueError(f"{text!r} runs into the next column")
        baseline = self.next_line(key)
        for x, text in cells:
            if text:
                self.words(self.lo.left + x, baseline, text.split(" "), None, trailing=False)

    def para(self, key: str, text: str, bold: bool = False, space: bool = True) -> None:
        """A paragraph wrapped at blanks, each line as wide as its page allows."""
        font = self.lo.bold_font if bold else self.lo.font
        words = text.split(" ")
        self.keep_together(key, len(self.wrap(words, self.right_edge() - self.lo.left, font)))
        while words:
            baseline = self.next_line(key)
            width = self.right_edge() - self.lo.left
            line, words = self.fill(words, width, font)
            justify = self.lo.justify and bool(words)
            self.words(self.lo.left, baseline, line, width if justify else None, trailing=bool(words), font=font)
        if space:
            self.space()

    def center_row(self, key: str, name: str, traeger: str) -> None:
        """A row of the Welcome Center list: name ⇥ Träger."""
        lo = self.lo
        width = self.right_edge() - lo.left
        lines: list[list[tuple[float, list[str], bool]]] = []  # per line: (x, words, wrapped after)
        if lo.list_wrap == "column":  # a table without borders: each cell wraps in its column
            columns = [(0.0, self.wrap(name.split(" "), lo.tab - 2 * lo.size, lo.font)),
                       (lo.tab, self.wrap(traeger.split(" "), width - lo.tab, lo.font))]
            for i in range(max(len(c) for _, c in columns)):
                lines.append([(x, c[i], i + 1 < len(c)) for x, c in columns if i < len(c)])
        else:  # a paragraph with a tab: the Träger goes on at the left margin
            x = lo.tab
            while x < self.text_width(name, lo.font) + 2 * lo.size:  # the tab stop behind the name
                x += lo.tab_stops
            line, words = self.fill(traeger.split(" "), width - x, lo.font)
            lines.append([(0.0, name.split(" "), False)] + ([(x, line, bool(words))] if line else []))
            while words:
                line, words = self.fill(words, width, lo.font)
                lines.append([(0.0, line, bool(words))])
        self.keep_together(key, len(lines))
        for cells in lines:
            baseline = self.next_line(key)
            for x, words, wrapped in cells:
                self.words(lo.left + x, baseline, words, None, trailing=wrapped)
        if lo.list_spacing or (key == "wc7" and lo.list_end_spacing):
            self.space()

    def amount_row(self, key: str, region: str, amount: str) -> None:
        """A row of a funding list: region ⇥ amount."""
        lo = self.lo
        baseline = self.next_line(key)
        self.words(lo.left, baseline, region.split(" "), None, trailing=False)
        x = lo.amount_tab - (self.text_width(amount, lo.font) if lo.amount_align == "right" else 0)
        while x < self.text_width(region, lo.font) + 2 * lo.size:  # the tab stop behind the region
            x += lo.tab_stops
        x += lo.left
        self.words(x, baseline, amount.split(" "), None, trailing=False)
        if lo.list_spacing or (key in ("fe5", "fa3") and lo.list_end_spacing):
            self.space()

    # ---------------------------------------------------------------- text

    def text_width(self, text: str, font: str) -> float:
        return sum(self.word_width(w, font) for w in text.split(" ")) + text.count(" ") * stringWidth(" ", font, self.lo.size)

    def word_width(self, word: str, font: str) -> float:
        size = self.lo.size
        plain = word.replace(MARKER, "")
        return stringWidth(plain, font, size) + word.count(MARKER) * stringWidth("1", font, 0.6 * size)

    def fill(self, words: list[str], width: float, font: str) -> tuple[list[str], list[str]]:
        """The words that fit into ``width``, and the rest (all of them if not even the first fits)."""
        n = 1
        while n < len(words) and self.text_width(" ".join(words[:n + 1]), font) <= width:
            n += 1
        if self.text_width(" ".join(words[:1]), font) > width:
            return [], words  # not even the first word: all goes to the next line
        return words[:n], words[n:]

    def wrap(self, words: list[str], width: float, font: str) -> list[list[str]]:
        lines = []
        while words:
            line, words = self.fill(words, width, font)
            if not line:
                raise ValueError(f"{words[0]!r} does not fit into {width:.0f} pt")
            lines.append(line)
        return lines

    def words(self, x: float, baseline: float, words: list[str], justify_width: float | None,
              trailing: bool, font: str | None = None) -> None:
        """Print ``words`` from ``x``; stretched to ``justify_width`` if given."""
        lo = self.lo
        font = font or lo.font
        blank = stringWidth(" ", font, lo.size)
        gap = blank
        if justify_width is not None and len(words) > 1:
            natural = sum(self.word_width(w, font) for w in words)
            gap = (justify_width - natural) / (len(words) - 1)
        if x + self.text_width(" ".join(words), font) > self.right_edge() + 0.01 and justify_width is None:
            raise ValueError(f"line overflows the right margin on page {self.page}: {' '.join(words)!r}")
        y = self.height - baseline
        for i, word in enumerate(words):
            self.word(x, y, word, font)
            x += self.word_width(word, font)
            if lo.blanks and (i + 1 < len(words) or trailing):
                self.canvas.setFont(font, lo.size)
                self.canvas.drawString(x, y, " ")
            x += gap

    def word(self, x: float, y: float, word: str, font: str) -> None:
        size = self.lo.size
        for i, part in enumerate(word.split(MARKER)):
            if i:  # the marker: a superscript "1"
                self.canvas.setFont(font, 0.6 * size)
                self.canvas.drawString(x, y + 0.33 * size, "1")
                x += stringWidth("1", font, 0.6 * size)
            if part:
                self.canvas.setFont(font, size)
                self.canvas.drawString(x, y, part)
                x += stringWidth(part, font, size)

    # ---------------------------------------------------------------- small print

    def _sidebar(self) -> None:
        lo = self.lo
        size = lo.small * lo.size
        x = self.width - lo.right - lo.sidebar + lo.size
        for i, text in enumerate(SIDEBAR):  # "" is an empty line
            if stringWidth(text, lo.font, size) > self.width - lo.right - x:
                raise ValueError(f"sidebar line too wide: {text!r}")
            self.canvas.setFont(lo.font, size)
            self.canvas.drawString(x, self.height - lo.top - i * 1.25 * size, text)

    def _footnote(self, url: str) -> None:
        """"¹ https://…" in small print at the foot of page 1, under a short rule,
        broken after "/" where too long; page 1's text ends above it."""
        lo = self.lo
        size = lo.small * lo.size
        width = self.width - lo.right - lo.sidebar - lo.left
        lines, line = [], ""
        for part in url.replace("/", "/\n").split("\n"):
            if line and stringWidth(line + part, lo.font, size) > width - 2 * size:
                lines.append(line)
                line = ""
            line += part
        lines.append(line)
        self.footnote_height = (len(lines) + 1) * 1.2 * size + self.pitch
        y = lo.bottom + self.footnote_height - self.pitch  # the rule, from the bottom edge
        self.canvas.setLineWidth(0.5)
        self.canvas.line(lo.left, y, lo.left + 120, y)
        for i, text in enumerate(lines):
            y -= 1.2 * size
            if i == 0:
                self.canvas.setFont(lo.font, 0.7 * size)
                self.canvas.drawString(lo.left, y + 0.35 * size, "1")
            self.canvas.setFont(lo.font, size)
            self.canvas.drawString(lo.left + 1.2 * size, y, text)
