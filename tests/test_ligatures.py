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
