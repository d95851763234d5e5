"""Ligature glyphs (browsers print "fl" in "Pflege" as one glyph U+FB02) are
read as their letters; nothing else NFKC would change is touched."""

from foerderdaten.extract.pdfdoc import Char, actual_glyphs, chars_to_text, settle_invisible_breaks, split_ligature


def test_ligature_glyph_becomes_its_letters_sharing_the_box():
    letters = split_ligature(Char("\ufb02", 10.0, 16.0, 0.0, 9.0, 9.0))
    assert [c.text for c in letters] == ["f", "l"]
    assert (letters[0].x0, letters[0].x1, letters[1].x0, letters[1].x1) == (10.0, 13.0, 13.0, 16.0)


def test_every_latin_ligature_is_split():
    expected = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
    for glyph, text in expected.items():
        assert chars_to_text(split_ligature(Char(glyph, 0.0, 9.0, 0.0, 9.0, 9.0))) == text


def test_other_compatibility_characters_stay_as_printed():
    for glyph in ["²", "½", "ä", "€", "–"]:
        assert split_ligature(Char(glyph, 0.0, 5.0, 0.0, 9.0, 9.0)) == [Char(glyph, 0.0, 5.0, 0.0, 9.0, 9.0)]


def test_chromium_ligatures_read_as_letters_by_both_engines(chromium, tmp_path):
    """Chromium prints "fl" as one glyph U+FB02 (pdfminer gives the ligature,
    pdfium spells it out as pieces at one origin); and Calibri-like fonts map
    one glyph to "ft" (test_engines reads sab_calibri_excel.pdf). Both engines
    give the letters, and pdfium reads the page itself."""
    from browser import run_chromium
    from foerderdaten.extract.pdfdoc import open_pdf

    # one word a line: Chromium prints a blank between words as a text object
    # of its own, which pdfium drops (its page then goes to pdfplumber)
    words = ["Pflege", "Schaffung", "Griff", "Auflage", "offiziell", "effizient"]
    html = tmp_path / "ligatures.html"
    html.write_text(f'<html><body style="font: 11pt \'DejaVu Sans\'"><p>{"<br>".join(words)}</p></body></html>', encoding="utf-8")
    pdf = tmp_path / "ligatures.pdf"
    run_chromium(chromium, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri())
    texts = {}
    for engine in ("pdfplumber", "pdfium"):
        doc = open_pdf(pdf, engine)
        texts[engine] = doc.text()
        assert all(page.engine == engine for page in doc.pages)
    assert texts["pdfium"] == texts["pdfplumber"] == "\n".join(words)


# --------------------------------------------------------------------------
# /ActualText: glyphs read as the text the PDF says they stand for


def glyph(text: str, x0: float, width: float = 5.0, size: float = 9.0) -> Char:
    return Char(text, x0, x0 + width, 0.0, size, size)


def test_small_capitals_are_read_as_the_letters_they_stand_for():
    """Chromium synthesises small capitals: the capital glyph of a lower-case
    letter, its /ActualText the letter; "ß" is printed "SS"."""
    assert [g.text for g in actual_glyphs([glyph("O", 10.0)], "o")] == ["o"]
    eszett = actual_glyphs([glyph("S", 10.0), glyph("S", 15.0)], "ß")
    assert [(g.text, g.x0, g.x1) for g in eszett] == [("ß", 10.0, 20.0)]


def test_glyphs_spelling_their_actual_text_stay_as_printed():
    ligature = [glyph("\ufb01", 10.0)]
    assert actual_glyphs(ligature, "fi") == ligature
    # a soft hyphen inside a ligature: its blank glyph goes
    assert [g.text for g in actual_glyphs([glyph("\ufb02", 10.0), glyph(" ", 15.0)], "f\u00adl")] == ["\ufb02"]


def test_invisible_breaks_stay_only_where_a_line_breaks_at_them():
    # "E-" zero-width space "Mail" on one line, then "Online-" zero-width space at the line's end
    zwsp = actual_glyphs([glyph(" ", 20.0, 2.5)], "\u200b")
    assert [(g.text, g.x0, g.x1) for g in zwsp] == [("\u200b", 20.0, 20.0)]
    line = [glyph("E", 10.0), glyph("-", 15.0), *zwsp, glyph("M", 20.0)]
    assert [g.text for g in settle_invisible_breaks(line)] == ["E", "-", "M"]
    end = [glyph("-", 15.0), *zwsp, Char("F", 0.0, 5.0, 12.0, 21.0, 9.0)]
    assert [g.text for g in settle_invisible_breaks(end)] == ["-", "\u200b", "F"]
    # a soft hyphen shown at a line break: the hyphen glyph drawn where it stands is the renderer's
    shy = actual_glyphs([glyph(" ", 20.0, 2.5)], "\u00ad")
    shown = [glyph("h", 15.0), *shy, glyph("\u2010", 20.0, 3.0), Char("k", 0.0, 5.0, 12.0, 21.0, 9.0)]
    assert [g.text for g in settle_invisible_breaks(shown)] == ["h", "\u00ad", "k"]
    # one not shown was not where the line broke: it goes
    assert [g.text for g in settle_invisible_breaks([glyph("h", 15.0), *shy, Char("k", 0.0, 5.0, 12.0, 21.0, 9.0)])] == ["h", "k"]
