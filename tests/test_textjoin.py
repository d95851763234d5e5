"""The rules for re-joining wrapped cell lines, one case each."""

from collections import Counter
from dataclasses import replace

import pytest

from foerderdaten.extract.textjoin import (
    Cues,
    PrintedLine,
    flush_right,
    guessed_wraps,
    join_cell_lines,
    printed_spellings,
    table_cues,
    undecidable_wraps,
    vocabulary,
)


@pytest.mark.parametrize(
    "lines, text",
    [
        (["Bildungsberatung in ", "Pieschen"], "Bildungsberatung in Pieschen"),  # wrap at a blank
        (["Fachinformationszentru", "m"], "Fachinformationszentrum"),  # broken word
        (["FACHINFORMATIONSZENTRU", "M"], "FACHINFORMATIONSZENTRUM"),  # broken word in capitals
        (["05.12.202", "2"], "05.12.2022"),  # a date broken in a narrow column
        (["Fachkräftekampagnen, -", "veranstaltungen"], "Fachkräftekampagnen, -veranstaltungen"),
        (["Fachkräftekampagnen, ", "-veranstaltungen"], "Fachkräftekampagnen, -veranstaltungen"),
        (["Sächsische Schweiz-", "Osterzgebirge"], "Sächsische Schweiz-Osterzgebirge"),
        (["Arbeits- ", "und Ausbildung"], "Arbeits- und Ausbildung"),  # blank written
        (["Personalarbeit in klein-", "und mittelständischen"], "Personalarbeit in klein- und mittelständischen"),
        (["Stiftung Soziale Dienste Zwickau -", "FachkräfteAnwerbung"], "Stiftung Soziale Dienste Zwickau - FachkräfteAnwerbung"),
        (["Ausbildungsstellen und -", "betrieben"], "Ausbildungsstellen und -betrieben"),
        (["sollen Studienabbrecher/ -", "innen als"], "sollen Studienabbrecher/ -innen als"),  # after a slash too
        (["fach|", "sprachlich"], "fach|sprachlich"),
        # renderers break after an en or em dash without a blank; one standing as a word keeps it
        (["im Zeitraum 2024–", "2026"], "im Zeitraum 2024–2026"),
        (["Sächsische Schweiz\u2010", "Osterzgebirge"], "Sächsische Schweiz\u2010Osterzgebirge"),  # the Unicode hyphen
        (["Fachkräfte—", "Anwerbung"], "Fachkräfte—Anwerbung"),
        (["Stiftung Soziale Dienste Zwickau –", "Fachkräfte"], "Stiftung Soziale Dienste Zwickau – Fachkräfte"),
        (["Stiftung Soziale Dienste Zwickau", "– Fachkräfte"], "Stiftung Soziale Dienste Zwickau – Fachkräfte"),
        (["an der HTWK Leipzig /", "2022 an"], "an der HTWK Leipzig / 2022 an"),  # a slash standing as a word
        (["Fachkräftekampagnen", ", -veranstaltungen"], "Fachkräftekampagnen, -veranstaltungen"),
        # blank dropped at the cell edge by a word processor
        (["erfolgreiche Rekrutierung", "und Integration"], "erfolgreiche Rekrutierung und Integration"),
        (["Wirtschaftsfördergesellschaft", "Vogtland mbH"], "Wirtschaftsfördergesellschaft Vogtland mbH"),
        (["Anwerbung/Begleitung", "ausländischer"], "Anwerbung/Begleitung ausländischer"),
        # white space folded, empty lines ignored
        (["Südsachsen  Pirna ", "", "  e.V.   Chemnitz"], "Südsachsen Pirna e.V. Chemnitz"),
        ([], ""),
    ],
)
def test_join(lines, text):
    assert join_cell_lines(lines) == text


def test_known_ambiguity_exact_fill_reads_as_broken_word():
    # A word that fills its cell exactly, its blank dropped, then a word in
    # lower case: the text alone cannot tell this from a broken word. The
    # table's own words can (test_exact_fill_decided_by_the_documents_words).
    assert join_cell_lines(["Hochschulzugangsberechtigung", "aus der Region"]) == "Hochschulzugangsberechtigungaus der Region"


# --------------------------------------------------------------------------
# With the line's geometry: where it ends in its cell (rule 5, rule 3)


def _printed(text: str, room: float = 0.0, first_word: float = 30.0, first_char: float = 5.0) -> PrintedLine:
    """A measured line in a 10 pt font (blank 2.8 pt)."""
    return PrintedLine(text, room=room, first_word=first_word, first_char=first_char, blank=2.8, size=10.0)


@pytest.mark.parametrize(
    "lines, text",
    [
        # the line ends short of the edge: the next character would have
        # fitted, so no word was broken there; the blank was not written
        ([_printed("Landkreis", room=20.0), _printed("leipzig", first_char=2.2)], "Landkreis leipzig"),
        ([_printed("Unterstützungsmaßnahmen", room=8.0), _printed("informiert werden")], "Unterstützungsmaßnahmen informiert werden"),
        ([_printed("WFG", room=60.0), _printed("Wirtschaftsförderungsgesellschaft")], "WFG Wirtschaftsförderungsgesellschaft"),
        # the line fills its cell: not even the next character fits
        ([_printed("Fachinformationszentru", room=1.0), _printed("m Zuwanderung", first_char=8.3)], "Fachinformationszentrum Zuwanderung"),
        # a word-ending mark is followed by a blank in running text
        ([_printed("Migrationshintergrund,", room=0.8), _printed("insb. Ukrainische", first_char=2.2)], "Migrationshintergrund, insb. Ukrainische"),
        # a hyphen with room for the next word behind it: no break after the hyphen
        ([_printed("Wirtschaftsförderungs-", room=70.0), _printed("gesellschaft mbH", first_word=55.0)], "Wirtschaftsförderungs- gesellschaft mbH"),
        ([_printed("Wirtschaftsförderungs-", room=10.0), _printed("gesellschaft mbH", first_word=55.0)], "Wirtschaftsförderungs-gesellschaft mbH"),
    ],
)
def test_join_with_geometry(lines, text):
    assert join_cell_lines(lines) == text


def test_no_break_before_a_comma_or_hyphen():
    # no renderer breaks a line before "," or "-": a line that starts with
    # one, after a line with room left, followed a wrap at a blank
    assert join_cell_lines([_printed("Projekt", room=10.0), _printed(',,Angekommen 4.0"', first_char=2.3)]) == 'Projekt ,,Angekommen 4.0"'
    assert join_cell_lines([_printed("Studienabbrecher/", room=4.3), _printed("-innen als", first_char=3.1)]) == "Studienabbrecher/ -innen als"
    # a word too long for its cell, broken before its comma: the line fills the cell
    lines = [_printed("Fachkräftekampagnen", room=0.5), _printed(", -veranstaltungen", first_char=2.3)]
    assert join_cell_lines(lines) == "Fachkräftekampagnen, -veranstaltungen"
    # ... and where the renderer writes blanks at its wraps, a word broken before its hyphen
    lines = [_printed("Wirtschaftsförderungs", room=0.5), _printed("- gesellschaft mbH", first_char=3.3)]
    assert join_cell_lines(lines, Cues(vocabulary([]), wrap_blanks=True, edge_blanks=True)) == "Wirtschaftsförderungs- gesellschaft mbH"


def test_word_with_a_slash_broken_at_the_cell_edge():
    # office suites and browsers do not always break at the slash first
    lines = [_printed("Meißen/Mittelsachse", room=0.5), _printed("n", first_char=5.8)]
    assert join_cell_lines(lines) == "Meißen/Mittelsachsen"
    lines = [_printed("Anwerbung/Be", room=0.5), _printed("gleitung ausländischer", first_char=5.0)]
    assert join_cell_lines(lines, Cues(vocabulary([["Anwerbung/Begleitung ausländischer"]]))) == "Anwerbung/Begleitung ausländischer"
    # a line with room left ended at a wrap
    assert join_cell_lines([_printed("Anwerbung/Begleitung", room=20.0), _printed("ausländischer")]) == "Anwerbung/Begleitung ausländischer"


def test_dash_standing_as_a_word_keeps_its_blank():
    # "Fachkräfte - gesteuerte": a dash after a noun stands as a word; after
    # a conjunction or a comma it starts a suspended compound
    assert join_cell_lines(["Anwerbung ausländischer Fachkräfte -", "gesteuerte Zuwanderung"]) == "Anwerbung ausländischer Fachkräfte - gesteuerte Zuwanderung"
    assert join_cell_lines(["Fachkräftesicherung und -", "entwicklung"]) == "Fachkräftesicherung und -entwicklung"


def test_exact_fill_decided_by_the_documents_words():
    # A word that fills its cell exactly, its blank dropped: geometry cannot
    # tell it from a broken word; the document's own words can.
    lines = [_printed("Hochschulzugangsberechtigung", room=1.0), _printed("aus der Region", first_char=5.6)]
    words = vocabulary([["Bewerber aus Vietnam"], ["Fachkräfte aus Chile"], ["Personen mit Hochschulzugangsberechtigung", "aus der Region"]])
    assert join_cell_lines(lines, Cues(words)) == "Hochschulzugangsberechtigung aus der Region"
    # the joined word printed whole elsewhere wins
    lines = [_printed("Fachinformationszentr", room=1.0), _printed("um Zuwanderung", first_char=5.6)]
    words = vocabulary([["um dem Bedarf"], ["das Fachinformationszentrum Zuwanderung"]])
    assert join_cell_lines(lines, Cues(words)) == "Fachinformationszentrum Zuwanderung"
    # neither known: read as a broken word (the documented limit)
    assert join_cell_lines(lines, Cues(vocabulary([]))) == "Fachinformationszentrum Zuwanderung"


def test_renderer_that_writes_blanks_at_wraps():
    # where the table shows that its renderer writes the blank at a wrap,
    # even past the cell edge, a line without one did not wrap at a blank
    lines = [_printed("Netzwerkstrukturen", room=0.5), _printed("aufbauen und", first_char=5.6)]
    words = vocabulary([["Netzwerke aufbauen"], ["Strukturen aufbauen"]])
    assert join_cell_lines(lines, Cues(words)) == "Netzwerkstrukturen aufbauen und"
    assert join_cell_lines(lines, Cues(words, wrap_blanks=True, edge_blanks=True)) == "Netzwerkstrukturenaufbauen und"


def test_short_rest_of_a_broken_word_is_no_evidence():
    # "on" and "es" are words, but also what is left of a broken word
    lines = [_printed("Arbeitsmarktintegrati", room=0.5), _printed("on von", first_char=5.6)]
    assert join_cell_lines(lines, Cues(vocabulary([["Leipzig on Board"], ["Welcome on board"]]))) == "Arbeitsmarktintegration von"


def test_table_cues():
    wrapped = [_printed("Bildungsberatung in "), _printed("Pieschen")]
    hanging = [_printed("Arbeits- und ", room=1.0), _printed("Ausbildung ", room=-1.0), _printed("Region")]
    cues = table_cues([wrapped, hanging, hanging])
    assert cues.wrap_blanks and cues.edge_blanks
    assert cues.words["pieschen"] == 1 and cues.words["region"] == 2
    assert not table_cues([[_printed("Bildungsberatung in"), _printed("Pieschen")]]).wrap_blanks


def test_words_whole_across_a_measured_wrap():
    # A renderer that drops the blank at a wrap prints few words whole where
    # columns are narrow; a wrap that geometry shows was at a blank (the next
    # line's first character would have fitted) ends a word all the same.
    cell = [_printed("Das", room=40.0), _printed("FACHINFORMATIONSZENTRUM", room=30.0, first_char=7.0), _printed("ZUWANDERUNG", first_char=7.0)]
    words = vocabulary([cell])
    assert words["fachinformationszentrum"] == 1 and words["das"] == 1 and words["zuwanderung"] == 1
    # no evidence where the line fills its cell, ends with a hyphen, or the next starts with punctuation
    assert vocabulary([[_printed("Fachinformationszentru", room=0.5), _printed("m Zuwanderung", first_char=7.0)]])["m"] == 0
    assert vocabulary([[_printed("Ausbildungs-", room=40.0), _printed("und Arbeitsmarkt", first_char=5.0)]])["ausbildungs-"] == 0
    # so the word decides where the same word fills its cell elsewhere
    filled = [_printed("FACHINFORMATIONSZENTRUM", room=0.0), _printed("ZUWANDERUNG", first_char=7.0)]
    assert join_cell_lines(filled, Cues(words)) == "FACHINFORMATIONSZENTRUM ZUWANDERUNG"


def test_a_full_line_of_words_before_a_comma_wrapped_at_a_blank():
    # only a word too long for its line is broken before a comma; a line of
    # several words that fills its cell wrapped at the blank before ",,"
    lines = [_printed("arbeitsmarktorientierendes Projekt", room=0.3), _printed(',,Angekommen 4.0" unterstützt', first_char=3.0)]
    assert join_cell_lines(lines, Cues(vocabulary([]))) == 'arbeitsmarktorientierendes Projekt ,,Angekommen 4.0" unterstützt'
    lines = [_printed("Fachkräftekampagnen", room=0.3), _printed(", -veranstaltungen", first_char=3.0)]
    assert join_cell_lines(lines, Cues(vocabulary([]))) == "Fachkräftekampagnen, -veranstaltungen"


def test_guessed_wraps_are_counted():
    # a line that fills its cell, with nothing in the table's words to decide: a guess
    filled = [_printed("Herausforderungen", room=0.2), _printed("zeitgemäßer Personalarbeit", first_char=5.0)]
    assert guessed_wraps(filled, Cues(vocabulary([]))) == [("Herausforderungen", "zeitgemäßer")]
    assert join_cell_lines(filled, Cues(vocabulary([]))) == "Herausforderungenzeitgemäßer Personalarbeit"  # read as one word
    # decided by the words, by geometry, or by a blank written at the wrap: no guess
    assert guessed_wraps(filled, Cues(vocabulary([["die Herausforderungen der Zeit"], ["zeitgemäßer Arbeit"]]))) == []
    assert guessed_wraps([_printed("Herausforderungen", room=9.0), _printed("zeitgemäßer", first_char=5.0)], Cues(vocabulary([]))) == []
    assert guessed_wraps(["Herausforderungen ", "zeitgemäßer"]) == []


def test_a_line_word_printed_whole_is_doubtful_before_a_compounds_rest():
    # the first part of a compound is a word too: Writer printed "Anwerbung"
    # / "/Begleitung" and "Ausbildung" / "smarktinte" / "gration" in a narrow
    # column; "Anwerbung" and "Ausbildung" printed whole elsewhere were taken
    # to end there (16 fields wrong, exit 0)
    words = vocabulary([["die Anwerbung und die Ausbildung"], ["die Kampagne"]])
    lines = [_printed("Anwerbung", room=0.1), _printed("/Begleitung", room=0.1, first_char=3.5)]
    assert undecidable_wraps(lines, Cues(words)) == [("Anwerbung", "/Begleitung")]
    # printed elsewhere only with a capital, a lower-case rest is a compound's
    lines = [_printed("Fachkräfte", room=0.3), _printed("kampagne und", first_char=3.5)]
    words["fachkräfte"] += 2
    assert undecidable_wraps(lines, Cues(words)) == [("Fachkräfte", "kampagne")]
    # printed nowhere, it may be a compound's rest or a rare word: read with
    # the blank, but a guess (a table with many is refused)
    lines = [_printed("Ausbildung", room=0.2), _printed("smarktinte", room=0.1, first_char=3.5), _printed("gration")]
    assert guessed_wraps(lines, Cues(words)) == [("Ausbildung", "smarktinte"), ("smarktinte", "gration")]
    assert undecidable_wraps(lines, Cues(words)) == []
    # printed in lower case elsewhere, the next word is one: two words, decided
    words = vocabulary([["die Anwerbung"], ["ausländischer Fachkräfte"]] * 2)
    lines = [_printed("Anwerbung", room=0.2), _printed("ausländischer Fachkräfte", first_char=3.5)]
    assert guessed_wraps(lines, Cues(words)) == [] and undecidable_wraps(lines, Cues(words)) == []
    assert join_cell_lines(lines, Cues(words)) == "Anwerbung ausländischer Fachkräfte"


def test_a_word_broken_before_its_closing_quote():
    # no renderer breaks before a quote: a line that starts with a quote
    # standing alone goes on with the word before it (LibreOffice Writer,
    # '"Rückkehrerbörse"' too long for its cell)
    lines = [_printed('"Rückkehrerbörse', room=0.1), _printed('" zwischen den', first_char=3.0)]
    assert join_cell_lines(lines, Cues(vocabulary([]))) == '"Rückkehrerbörse" zwischen den'
    # a quote that opens a word is no such rest
    lines = [_printed("Projekt", room=30.0), _printed('"Angekommen"', first_char=3.0)]
    assert join_cell_lines(lines, Cues(vocabulary([]))) == 'Projekt "Angekommen"'


def test_a_break_between_a_quote_and_a_bracket():
    # Chromium breaks 'Chemnistry"(CTC)' between the quote and the bracket
    # without a blank, just where it would wrap 'Chemnistry" (CTC)' at its
    # blank: both print the same, so the break is undecidable (never a guess)
    lines = [_printed('of Chemnistry"', room=12.0), _printed("(CTC) in", first_char=3.0)]
    assert undecidable_wraps(lines, Cues(vocabulary([]))) == [('Chemnistry"', "(CTC)")]
    assert guessed_wraps(lines, Cues(vocabulary([]))) == []
    # a renderer that writes the blank at its wraps decides: it wrote none
    # where one would have shown, and a written blank is one
    writes_blanks = Cues(vocabulary([]), wrap_blanks=True)
    assert undecidable_wraps(lines, writes_blanks) == []
    assert join_cell_lines(lines, writes_blanks) == 'of Chemnistry"(CTC) in'
    assert undecidable_wraps([_printed('of Chemnistry" '), _printed("(CTC) in")]) == []
    assert join_cell_lines([_printed('of Chemnistry" '), _printed("(CTC) in")]) == 'of Chemnistry" (CTC) in'
    # ... but not where the blank had no room to show
    assert undecidable_wraps([_printed('of Chemnistry"', room=1.0), _printed("(CTC) in")], writes_blanks) == [('Chemnistry"', "(CTC)")]


def test_words_hyphenated_by_the_renderer():
    # a word processor that hyphenates splits words the document prints
    # whole elsewhere: the table's cue, then its hyphens are dropped
    elsewhere = ["Zuwanderung von Fachkräften und Fachkräfte", "Industrievereins sozial-kulturelle"]
    cells = [[_printed("der Zuwan-"), _printed("derung")], [_printed("für Fach-"), _printed("kräfte")], [_printed(elsewhere[0])],
             [_printed(elsewhere[1])]]
    cues = table_cues(cells)
    assert cues.hyphenates
    assert join_cell_lines([_printed("der Zuwan-"), _printed("derung aus")], cues) == "der Zuwanderung aus"
    assert join_cell_lines([_printed("DES FACHINFORMATIONSZEN-"), _printed("TRUMS")], cues) == "DES FACHINFORMATIONSZENTRUMS"
    # ... unless the document prints the word with its hyphen elsewhere
    assert join_cell_lines([_printed("eine sozial-"), _printed("kulturelle")], cues) == "eine sozial-kulturelle"
    # a suspended compound, and a hyphen before a capital, are the document's
    assert join_cell_lines([_printed("Arbeits-"), _printed("und Fachkräfte")], cues) == "Arbeits- und Fachkräfte"
    assert join_cell_lines([_printed("Recruiting-"), _printed("Kampagne")], cues) == "Recruiting-Kampagne"
    # a word printed nowhere else: read as hyphenated by the renderer, a guess
    assert join_cell_lines([_printed("Industrie-"), _printed("verein")], cues) == "Industrieverein"
    assert guessed_wraps([_printed("Industrie-"), _printed("verein")], cues) == [("Industrie-", "verein")]
    assert guessed_wraps([_printed("der Zuwan-"), _printed("derung")], cues) == []
    # a browser's hyphenation may print the Unicode hyphen
    assert join_cell_lines([_printed("der Zuwan\u2010"), _printed("derung aus")], cues) == "der Zuwanderung aus"
    # a renderer that does not hyphenate: every such hyphen is the document's
    # (one that hyphenates so rarely is not recognised: README, Known limits)
    plain = table_cues([[_printed("der Zuwan-"), _printed("derung")], [_printed(elsewhere[0])]])
    assert not plain.hyphenates
    assert join_cell_lines([_printed("die sozial-"), _printed("kulturelle")], plain) == "die sozial-kulturelle"
    # ... and after a noun's hyphen, before a lower-case word, so is a blank
    assert join_cell_lines([_printed("der Zuwan-"), _printed("derung")], plain) == "der Zuwan- derung"


def test_a_nouns_hyphen_before_a_lower_case_word_keeps_the_documents_blank():
    # The 2023 overview prints "WFG- Wirtschaftsförderungs- gesellschaft mbH":
    # a hyphen it kept from a line break, with the break's blank. A browser
    # wraps at that blank and writes none: the PDF shows "Wirtschaftsförderungs-"
    # filling its line. German writes a noun compound's part after a hyphen
    # with a capital, so a lower-case word there follows the document's blank.
    browser = Cues(vocabulary([]))
    lines = [_printed("WFG- Wirtschaftsförderungs-"), _printed("gesellschaft mbH")]
    assert join_cell_lines(lines, browser) == "WFG- Wirtschaftsförderungs- gesellschaft mbH"
    assert join_cell_lines(["WFG- Wirtschaftsförderungs-", "gesellschaft mbH"]) == "WFG- Wirtschaftsförderungs- gesellschaft mbH"
    assert guessed_wraps(lines, browser) == [] and undecidable_wraps(lines, browser) == []
    # the noun on a line of its own: the words before it in the cell count
    lines = [_printed("WFG-", room=60.0), _printed("Wirtschaftsförderungs-"), _printed("gesellschaft mbH")]
    assert join_cell_lines(lines, browser).endswith("Wirtschaftsförderungs- gesellschaft mbH")
    # a renderer that writes its wraps' blanks where they fit wrote none: no blank
    writes_blanks = Cues(vocabulary([]), wrap_blanks=True)
    lines = [_printed("WFG- Wirtschaftsförderungs-", room=5.0), _printed("gesellschaft mbH")]
    assert join_cell_lines(lines, writes_blanks) == "WFG- Wirtschaftsförderungs-gesellschaft mbH"
    # at a value's or a sentence's start an adjective has a capital too
    assert join_cell_lines([_printed("Deutsch-"), _printed("tschechische Börse")], browser) == "Deutsch-tschechische Börse"
    assert join_cell_lines([_printed("vermitteln. Deutsch-"), _printed("tschechische")], browser) == "vermitteln. Deutsch-tschechische"
    # not a noun: an adjective, an abbreviation, a number
    assert join_cell_lines([_printed("eine sozial-"), _printed("kulturelle")], browser) == "eine sozial-kulturelle"
    assert join_cell_lines([_printed("der 3D-"), _printed("gedruckten")], browser) == "der 3D-gedruckten"
    assert join_cell_lines([_printed("des FACHINFORMATIONSZEN-"), _printed("trums")], browser) == "des FACHINFORMATIONSZEN-trums"
    # the document prints the word with its hyphen whole elsewhere
    with_hyphen = Cues(vocabulary([["die Wirtschaftsförderungs-gesellschaft"]]))
    assert join_cell_lines([_printed("WFG- Wirtschaftsförderungs-"), _printed("gesellschaft")], with_hyphen).endswith("-gesellschaft")
    # ... but printed whole without it, it tells nothing (the 2023 overview
    # prints both "Wirtschaftsförderungsgesellschaft" and the spelling above)
    without = Cues(vocabulary([["die Wirtschaftsförderungsgesellschaft"]]))
    assert join_cell_lines([_printed("WFG- Wirtschaftsförderungs-"), _printed("gesellschaft")], without).endswith("- gesellschaft")


def test_a_word_broken_before_a_slash():
    # LibreOffice Calc broke "Parthenstein/OT" (too long for its cell) before
    # the slash; it writes the blank at its wraps, even past the cell edge
    lines = [_printed("Parthenstein", room=1.5), _printed("/OT Klinga", first_char=2.9)]
    assert join_cell_lines(lines, Cues(vocabulary([]), wrap_blanks=True, edge_blanks=True)) == "Parthenstein/OT Klinga"
    # a line of several words wrapped at the blank before a standing slash
    lines = [_printed("Leipzig und Halle", room=0.5), _printed("/ Saale", first_char=2.9)]
    assert join_cell_lines(lines, Cues(vocabulary([]), wrap_blanks=True, edge_blanks=True)) == "Leipzig und Halle / Saale"


def test_a_word_broken_with_a_little_room_left_is_not_a_wrap():
    # Writer at 12 pt broke "Arbeitgeber" where the PDF shows 0.056 em of
    # room for the "e" behind "Arbeitgeb": rounding, not a wrap at a blank
    lines = [PrintedLine("Arbeitgeb", room=3.6 + 0.67, first_word=14.0, first_char=3.6, blank=3.0, size=12.0),
             PrintedLine("er und", room=30.0, first_word=14.0, first_char=3.6, blank=3.0, size=12.0)]
    assert join_cell_lines(lines, Cues(vocabulary([["die Arbeitgeber"]]))) == "Arbeitgeber und"
    # a whole character's room more is a wrap at a blank the renderer left out
    lines[0] = PrintedLine("Arbeitgeb", room=3.6 + 1.0, first_word=14.0, first_char=3.6, blank=3.0, size=12.0)
    assert join_cell_lines(lines, Cues(vocabulary([["die Arbeitgeber"]]))) == "Arbeitgeb er und"


def test_a_lower_case_rest_is_a_word_only_where_the_document_writes_it_so():
    # "Sicherung" printed as a noun tells nothing of "Fachkräfte" /
    # "sicherung": in lower case it is the rest of a compound, read as one
    words = vocabulary([["die Sicherung der Zukunft"], ["Sicherung"]])
    lines = [_printed("Fachkräfte", room=0.5), _printed("sicherung im Landkreis", first_char=3.0)]
    assert join_cell_lines(lines, Cues(words)) == "Fachkräftesicherung im Landkreis"
    assert guessed_wraps(lines, Cues(words)) == [("Fachkräfte", "sicherung")]
    # printed in lower case elsewhere, it is a word
    words = vocabulary([["die Fachkräfte gewinnen"], ["Fachkräfte gewinnen"]])
    lines = [_printed("Fachkräfte", room=0.5), _printed("gewinnen und", first_char=3.0)]
    assert join_cell_lines(lines, Cues(words)) == "Fachkräfte gewinnen und"


def test_an_article_or_conjunction_without_its_word_is_the_rest_of_one():
    # Writer broke "Migrationshintergrund" as "Migrationshintergr" / "und";
    # "und" is a common word, but never before a comma or at a value's end
    words = vocabulary([["Arbeit und Leben"]] * 3)
    lines = [_printed("Migrationshintergr", room=0.5), _printed("und, insb. Ukrainische", first_char=5.6)]
    assert join_cell_lines(lines, Cues(words)) == "Migrationshintergrund, insb. Ukrainische"
    lines = [_printed("Frauen mit", room=40.0), _printed("Migrationshintergr", room=0.5), _printed("und", first_char=5.6)]
    assert join_cell_lines(lines, Cues(words)) == "Frauen mit Migrationshintergrund"
    # followed by a word, it is one; but no German word ends in "gr"
    lines = [_printed("Migrationshinterg", room=0.5), _printed("und Leben", first_char=5.6)]
    assert join_cell_lines(lines, Cues(words)) == "Migrationshinterg und Leben"
    lines = [_printed("Migrationshintergr", room=0.5), _printed("und in Chemnitz", first_char=5.6)]
    assert join_cell_lines(lines, Cues(words)) == "Migrationshintergrund in Chemnitz"


def test_a_short_rest_that_also_ends_words_is_undecidable():
    # "in" and "um" are common words and common word ends ("Verein",
    # "Zentrum"): after a line that fills its cell, Writer printed
    # "Großenha" / "in" for "Großenhain" and "Fachkräfteanwerbung" / "in"
    # for "... in der Region" alike; read as two words, the first was wrong
    words = vocabulary([["wohnen in der Stadt"]] * 12 + [["um zu"]] * 12)
    lines = [_printed("Großenha", room=0.3), _printed("in", first_char=2.2)]
    assert undecidable_wraps(lines, Cues(words)) == [("Großenha", "in")]
    assert guessed_wraps(lines, Cues(words)) == []
    lines = [_printed("Jugendmuse", room=0.5), _printed("um Leipzig", first_char=5.5)]
    assert undecidable_wraps(lines, Cues(words)) == [("Jugendmuse", "um")]
    # no word ends in "tr": "Fachkräftekontaktzentr" is the start of one
    lines = [_printed("Fachkräftekontaktzentr", room=0.5), _printed("um VII", first_char=5.5)]
    assert undecidable_wraps(lines, Cues(words)) == []
    assert join_cell_lines(lines, Cues(words)) == "Fachkräftekontaktzentrum VII"
    # no word ends in "-ungin": after a closed noun ending the rest is a word
    lines = [_printed("Fachkräfteanwerbung", room=1.2), _printed("in der Region", first_char=2.2)]
    assert undecidable_wraps(lines, Cues(words)) == []
    assert join_cell_lines(lines, Cues(words)) == "Fachkräfteanwerbung in der Region"
    # a common word that ends few words still decides ("im")
    words = vocabulary([["wohnen im Landkreis"]] * 12)
    lines = [_printed("Experimentieren", room=0.8), _printed("im Landkreis", first_char=2.2)]
    assert undecidable_wraps(lines, Cues(words)) == []
    assert join_cell_lines(lines, Cues(words)) == "Experimentieren im Landkreis"
    # the joined word printed elsewhere decides too
    words = vocabulary([["in Großenhain"]] + [["wohnen in der Stadt"]] * 12)
    assert undecidable_wraps([_printed("Großenha", room=0.3), _printed("in", first_char=2.2)], Cues(words)) == []


def test_a_word_broken_before_its_ending_is_no_evidence_of_two_words():
    # the line's word is printed whole elsewhere and "es" is a common word,
    # but an ending left on the next line says nothing: read as one word
    words = vocabulary([["arbeitsmarktorientiert und"]] + [["ist es so"]] * 12 + [["Handlungskonzept"]])
    lines = [_printed("arbeitsmarktorientiert", room=2.3), _printed("es Projekt", first_char=4.0)]
    assert join_cell_lines(lines, Cues(words)) == "arbeitsmarktorientiertes Projekt"
    assert join_cell_lines([_printed("Handlungskonzept", room=2.1), _printed("ionen", first_char=2.5)], Cues(words)) == "Handlungskonzeptionen"
    # a single letter and a hyphen left: the rest of a broken word
    words = vocabulary([["Unternehmen und"], ["die Unternehmen"]])
    lines = [_printed("Unternehmen", room=1.0), _printed("s- und Branchenverbünde", first_char=4.9)]
    assert join_cell_lines(lines, Cues(words)) == "Unternehmens- und Branchenverbünde"


def test_a_blank_after_the_widest_line_does_not_hang_past_the_edge():
    # LibreOffice writes a wrap's blank only where it fits in the cell. The
    # edge of a column without rulings is where its widest line's ink ends,
    # so that line's blank seems to pass it: no evidence (it once made every
    # filled line "broken", gluing "Fachkräftesicherungfür").
    widest = [_printed("Industrieverein Sachsen ", room=0.0), _printed("e.V.")]
    assert not table_cues([widest, widest, [_printed("Arbeits- und ", room=30.0), _printed("Ausbildung")]]).edge_blanks
    hanging = [_printed("Arbeits- und ", room=0.5), _printed("Ausbildung")]  # its blank passes the edge by 2.3 pt
    assert table_cues([hanging, hanging]).edge_blanks


def test_a_renderer_that_writes_blanks_at_its_wraps_shows_where_it_broke_a_word():
    # LibreOffice Calc writes the blank at every wrap at a blank, even past
    # the cell's edge: a line without one ends in a broken word, whatever
    # the next line starts with
    calc = Cues(vocabulary([]), wrap_blanks=True, edge_blanks=True)
    assert join_cell_lines([_printed("WelcomER", room=1.5), _printed("Z", first_char=6.3)], calc) == "WelcomERZ"
    assert join_cell_lines([_printed("Interact4", room=8.9), _printed("Work", first_char=9.3)], calc) == "Interact4Work"
    # "2024 -2026" (the document's dash before a number): no blank after the dash
    assert join_cell_lines([_printed("Ernährungswirtschaft 2024 -", room=18.0), _printed("2026", first_char=6.7)], calc) == (
        "Ernährungswirtschaft 2024 -2026")
    assert join_cell_lines([_printed("Zwickau - ", room=18.0), _printed("FachkräfteAnwerbung", first_char=6.7)], calc) == (
        "Zwickau - FachkräfteAnwerbung")
    # the next character would have fitted: no word was broken, whatever the renderer
    assert join_cell_lines([_printed("Interact4", room=20.0), _printed("Work", first_char=9.3)], calc) == "Interact4 Work"
    # also after punctuation: Calc broke "Nachwuchshausärzt:innen" after its
    # colon, which was read with a blank ("Nachwuchshausärzt: innen", exit 0)
    lines = [_printed("Nachwuchshausärzt:", room=2.5), _printed("innen 1:1 ersetzt", first_char=2.8)]
    assert join_cell_lines(lines, calc) == "Nachwuchshausärzt:innen 1:1 ersetzt"
    assert join_cell_lines(lines, Cues(vocabulary([]))) == "Nachwuchshausärzt: innen 1:1 ersetzt"  # no blanks to go by


def test_a_rest_no_german_word_starts_with_goes_on_with_the_word_before():
    # the linking "s" of a compound: "Wirtschaftsförderung" is printed whole
    # elsewhere, but no word starts with "sg"
    words = vocabulary([["die Wirtschaftsförderung"], ["Gesellschaft mbH"], ["WFG mbH"], ["ggf. auch"], ["ggf. nicht"]])
    lines = [_printed("Wirtschaftsförderung", room=2.8), _printed("sgesellschaft mbH", first_char=3.7)]
    assert join_cell_lines(lines, Cues(words)) == "Wirtschaftsförderungsgesellschaft mbH"
    # abbreviations start so too: "mbH", "ggf."
    lines = [_printed("Wirtschaftsförderungsgesellschaft", room=2.8), _printed("mbH des Landkreises", first_char=3.7)]
    assert join_cell_lines(lines, Cues(words)) == "Wirtschaftsförderungsgesellschaft mbH des Landkreises"
    lines = [_printed("Wirtschaftsförderung", room=2.8), _printed("ggf. auch", first_char=3.7)]
    assert join_cell_lines(lines, Cues(words)) == "Wirtschaftsförderung ggf. auch"


def test_capitals_broken_after_a_slash():
    lines = [_printed("Unternehmen/K", room=1.0), _printed("MU, Personen", first_char=7.0)]
    assert join_cell_lines(lines, Cues(vocabulary([]))) == "Unternehmen/KMU, Personen"
    # an abbreviation after a slash followed by a name: a wrap at a blank
    lines = [_printed("Parthenstein/OT", room=1.0), _printed("Klinga", first_char=7.0)]
    assert join_cell_lines(lines, Cues(vocabulary([]))) == "Parthenstein/OT Klinga"


def test_a_word_broken_before_its_hyphen_or_slash_is_decided_by_the_words():
    # Writer broke "Annaberg-Buchholz" (too long for its cell) before the
    # hyphen; it writes no blank at a full line, so the words decide
    words = vocabulary([["Annaberg-Buchholz"], ["in Annaberg-Buchholz"]])
    lines = [_printed("Annaberg", room=1.0), _printed("-Buchholz", first_char=3.4)]
    assert join_cell_lines(lines, Cues(words, wrap_blanks=True)) == "Annaberg-Buchholz"
    assert guessed_wraps(lines, Cues(words, wrap_blanks=True)) == []
    # nothing decides: a guess, read as one word
    lines = [_printed("Anwerbungund", room=1.0), _printed("/oder Begleitung", first_char=3.4)]
    assert join_cell_lines(lines, Cues(vocabulary([]), wrap_blanks=True)) == "Anwerbungund/oder Begleitung"
    assert guessed_wraps(lines, Cues(vocabulary([]), wrap_blanks=True)) == [("Anwerbungund", "/oder")]
    # a dash standing as a word after a filled line keeps its blank
    lines = [_printed("Fachkräfte", room=1.0), _printed("- gesteuerte Zuwanderung", first_char=3.4)]
    assert join_cell_lines(lines, Cues(vocabulary([["ausländischer Fachkräfte"]]), wrap_blanks=True)) == "Fachkräfte - gesteuerte Zuwanderung"


def test_a_suspended_compound_broken_before_its_hyphen():
    # LibreOffice Writer (Nimbus Roman 10.5 pt, a narrow column) broke
    # "Unternehmens- und" before the hyphen; the blank would not have fitted
    # behind the line, so the PDF alone does not show that no blank was there
    # (read "Unternehmens - und", exit 0). A dash standing as a word before a
    # conjunction is not German: no blank.
    writes_blanks = Cues(vocabulary([]), wrap_blanks=True, blank_em=0.25)
    lines = [_printed("Unternehmens", room=0.67, first_char=7.6), _printed("- und ", first_char=3.5, first_word=3.5),
             _printed("Branchenverbünde")]
    assert join_cell_lines(lines, writes_blanks) == "Unternehmens- und Branchenverbünde"
    assert guessed_wraps(lines, writes_blanks) == [] and undecidable_wraps(lines, writes_blanks) == []
    # a dash standing as a word before another word keeps its blank
    lines = [_printed("Stiftung Zwickau", room=0.67), _printed("- Fachkräfte", first_char=3.5, first_word=3.5)]
    assert join_cell_lines(lines, writes_blanks) == "Stiftung Zwickau - Fachkräfte"


def test_a_hyphen_alone_on_its_line_joins_the_words_around_it():
    # Writer broke "Ebersdorf-Neugersdorf", too long for its cell, before the
    # hyphen and after it; it writes the blank at its wraps where it fits,
    # and none follows the hyphen: no dash standing as a word ("Ebersdorf
    # -Neugersdorf" was published)
    writer = Cues(vocabulary([]), wrap_blanks=True)
    lines = [_printed("Ebersdorf", room=1.2, first_char=6.0), _printed("-", room=41.0, first_char=3.4),
             _printed("Neugersdorf", first_word=42.6, first_char=7.1)]
    assert join_cell_lines(lines, writer) == "Ebersdorf-Neugersdorf"
    assert guessed_wraps(lines, writer) == [("Ebersdorf", "-")]  # "Ebersdorf -Neugersdorf" prints the same
    # the word before it printed whole elsewhere: the document's blank before a hyphen
    assert join_cell_lines([_printed("2024", room=2.0), *lines[1:]], Cues(Counter({"2024": 1, "-": 30}), wrap_blanks=True)) == (
        "2024 -Neugersdorf")
    # no blank after the hyphen, though the next line's start would fit behind it: that start is a broken word's
    rest = [_printed("Limbach", room=0.5, first_char=6.0), _printed("-", room=41.8, first_char=4.0), _printed("Oberfro", first_word=40.6),
            _printed("hna", first_char=6.0)]
    assert join_cell_lines(rest, writer) == "Limbach-Oberfrohna"
    # a dash standing as a word keeps the blank written after it
    lines[1] = _printed("- ", room=41.0, first_char=3.4)
    assert join_cell_lines(lines, writer) == "Ebersdorf - Neugersdorf"


def test_blanks_at_wraps_are_counted_on_wraps_that_certainly_were_at_a_blank():
    # Writer writes the blank at its wraps; in narrow columns half of its
    # line ends are words broken at the edge, which tell nothing about blanks
    writes = [_printed("Bildungsberatung in ", room=20.0), _printed("Pieschen")]
    broken = [_printed("Bildungsbe", room=1.0), _printed("ratung", first_char=5.0)]
    assert table_cues([writes, broken, broken]).wrap_blanks
    # a renderer that drops the blank: lines that end short of the edge show it
    drops = [_printed("Bildungsberatung in", room=20.0), _printed("Pieschen")]
    assert not table_cues([writes, drops, drops, broken, broken]).wrap_blanks


def test_a_blank_that_would_have_shown_is_measured_in_the_tables_font():
    # A line of one word prints no blank to measure; the table's lines do.
    # DejaVu's blank is a third of the font size: with a quarter's estimate
    # Writer's missing blank behind "Migrationshintergrund" (10 pt) seemed
    # to fit, and the line read as a broken word
    words = Counter({"in": 20})
    line = PrintedLine("Migrationshintergrund", room=3.4, first_word=20.0, first_char=2.2, blank=2.5, size=10.0)
    dejavu = Cues(words, wrap_blanks=True, blank_em=0.318)
    assert join_cell_lines([line, _printed("in Chemnitz", first_char=2.2)], dejavu) == "Migrationshintergrund in Chemnitz"
    # Liberation Serif (a quarter): the blank would have fitted with 0.07 em
    # to spare, and Writer writes it there; none was written, so a word was
    # broken, though its rest is a common word ("um": 'Fachkräftekontaktzentr um VII' was published)
    broken = PrintedLine("Fachkräftekontaktzentr", room=3.1, first_word=20.0, first_char=2.2, blank=2.4, size=9.5)
    serif = Cues(Counter({"um": 20}), wrap_blanks=True, blank_em=0.25)
    assert join_cell_lines([broken, _printed("um VII", first_char=4.8)], serif) == "Fachkräftekontaktzentrum VII"
    assert table_cues([[_printed("Bildungsberatung in ", room=20.0), _printed("Pieschen")]]).blank_em == pytest.approx(0.28)


def test_a_hyphen_alone_at_a_cells_end_or_after_a_word_printed_whole_follows_a_blank():
    writer = Cues(Counter({"fachkräfte": 12, "fachkräfte-": 2}), wrap_blanks=True)
    # at the cell's end no blank is written after the dash: it may stand
    end = [_printed("Fachkräfte", room=0.9, first_char=3.5), _printed("-", room=54.0, first_char=3.5)]
    assert join_cell_lines(end, writer) == "Fachkräfte -"
    # the line's word is printed whole: the document's blank before a hyphen
    # ("Fachkräfte -gesteuerte"); a suspended compound printed whole
    # ("Fachkräfte- und") tells nothing
    lines = [*end, _printed("gesteuerte", first_word=54.0)]
    assert join_cell_lines(lines, writer) == "Fachkräfte -gesteuerte"


def test_soft_hyphen_ending_a_line_is_the_renderers():
    """Rule 0: the hyphen a renderer printed for a soft hyphen (the PDF
    spells it so) is dropped, without a blank, whatever the geometry."""
    assert join_cell_lines([_printed("Vogt\u00ad", room=20.0), _printed("landkreis Plauen")]) == "Vogtlandkreis Plauen"


def test_zero_width_space_ending_a_line_is_read_as_a_filled_line():
    """A browser breaks at a zero-width space, or at a blank right after it,
    and writes neither: the line is read as filling its cell, whatever room
    it leaves, so the hyphen rules and the table's words decide (and the
    break in a word counts as a guess), never the room left."""
    assert join_cell_lines([_printed("Ausbildungs-\u200b", room=40.0), _printed("und Arbeitsmarkt")]) == "Ausbildungs- und Arbeitsmarkt"
    assert join_cell_lines([_printed("Online-\u200b", room=40.0), _printed("Angebote")]) == "Online-Angebote"
    lines = [_printed("Fachk\u200b", room=40.0), _printed("räftesicherung")]
    assert guessed_wraps(lines) == [("Fachk", "räftesicherung")]
    assert "\u200b" not in join_cell_lines(lines)


def test_where_the_renderer_breaks_at_soft_hyphens_the_tables_words_decide_nothing():
    """A line that fills its cell before a single letter ("Frauenförderwerk"
    / "e. V.") is read as a broken word by the table's words; where the
    renderer breaks words at soft hyphens, that is a guess."""
    lines = [_printed("Frauenförderwerk", room=1.0), _printed("e. V.")]
    assert guessed_wraps(lines) == []
    assert guessed_wraps(lines, Cues(Counter(), invisible_breaks=True)) == [("Frauenförderwerk", "e.")]


def test_right_aligned_cells_are_flush_right():
    # every line of a right-aligned cell ends at the edge, the last too;
    # a left-aligned cell's last line ends anywhere
    right = [[_printed("Herausforderungen"), _printed("zeitgemäßer")]] * 3
    assert flush_right(right)
    left = [[_printed("Herausforderungen"), _printed("zeitgemäßer", room=20.0)]] * 3
    assert not flush_right(left)
    assert not flush_right(right[:2])  # too few cells of two lines to tell
    assert not flush_right([["Herausforderungen", "zeitgemäßer"]] * 3)  # not measured


@pytest.mark.parametrize(
    "line, next_line, elsewhere",
    [
        # the 2023 overview: "und -bindung" six times, "und - entwicklung"
        # once; the rule reads the suspended compound
        ("Fachkräftebindung und -", "entwicklung im", "Unternehmen öffnen - durch Diversität"),
        ("Fachkräftekampagnen, -", "veranstaltungen", "Fachkräftebindung und - entwicklung"),
        # "Fachkräfte - gesteuerte" and "Fachkräfte -gesteuerte"; "int. -SIT"
        ("ausländischer Fachkräfte -", "gesteuerte Zuwanderung", "Fachkräftesicherung und -bindung"),
        ("Technologies int. -", "SIT int. UG", "Ernährungswirtschaft 2024 -2026"),
        # "corona-Pandemie" and "vorgestellt- Alles"; "IMU-Institut" and "WFG- Wirtschaftsförderungs-"
        ("Unternehmenskultur vorgestellt-", "Alles mit dem", "WFG- Wirtschaftsförderungs- gesellschaft"),
        ("WFG-", "Wirtschaftsförderungs-", "Unternehmenskultur vorgestellt- Alles"),
        # an annex: "Anwerbung/Begleitung" and "Anwerbung/ Begleitung"
        ("zur Anwerbung/", "Begleitung von", "Anwerbung/ Begleitung ausländischer"),
    ],
)
def test_a_blank_the_table_prints_both_ways_is_undecidable_at_an_unshown_wrap(line, next_line, elsewhere):
    # a browser wraps at the blank and writes none, or breaks right after
    # the hyphen, dash or slash: the PDF is the same either way
    lines = [_printed(line, room=1.0), _printed(next_line, first_word=60.0)]
    both_ways = table_cues([[_printed(elsewhere, room=40.0)], lines])
    assert len(undecidable_wraps(lines, both_ways)) == 1
    # a table that prints it only as the rules read it: its author's spelling
    assert undecidable_wraps(lines, table_cues([lines])) == []
    # where the next word would have fitted behind the line, the renderer
    # did not break there: it wrapped at a blank
    assert undecidable_wraps([_printed(line, room=80.0), _printed(next_line, first_word=60.0)], both_ways) == []
    # a renderer that shows the blank at its wraps shows it, or its absence
    assert undecidable_wraps(lines, replace(both_ways, wrap_blanks=True, edge_blanks=True)) == []
    assert undecidable_wraps([_printed(line + " ", room=1.0), _printed(next_line)], both_ways) == []


def test_the_spellings_a_table_prints():
    found = printed_spellings(["Fachkräftesicherung und -bindung", "Fachkräftebindung und - entwicklung", "int. -SIT", "Zwickau - Teilziele"])
    assert found == {
        ("dash", "lower", "glued"): "und -bindung",
        ("dash", "lower", "blank"): "und - entwicklung",
        ("dash", "other", "glued"): "int. -SIT",
        ("dash", "other", "blank"): "Zwickau - Teilziele",
    }
    assert set(printed_spellings(["vorgestellt- Alles", "Anwerbung/ Begleitung", "Online-Angebot", "Arbeits- und", "Beruf / Familie"])) == {
        ("hyphen", "capital", "blank"), ("slash", "letter", "blank")}


def test_a_word_filling_its_line_before_punctuation_is_undecidable():
    # the annex prints "Informationsveranstaltungen , Förderung": Writer,
    # with no room for the blank, printed it as a word broken before its comma
    lines = [_printed("Informationsveranstaltungen", room=0.5), _printed(", Förderung der", first_char=1.5)]
    assert undecidable_wraps(lines, Cues(vocabulary([]), wrap_blanks=True)) == [("Informationsveranstaltungen", ",")]
    # a line of more words wrapped at a blank: no renderer breaks before a comma
    assert undecidable_wraps([_printed("die Informationsveranstaltungen", room=0.5), _printed(", Förderung")], Cues(vocabulary([]))) == []
