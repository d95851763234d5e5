"""Ligature glyphs (browsers print "fl" in "Pflege" as one glyph U+FB02) are
read as their letters; nothing else NFKC would change is touched."""

from foerderdaten.extract.pdfdoc import Char, chars_to_text, split_ligature


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
