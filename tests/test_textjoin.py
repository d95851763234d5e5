"""The rules for re-joining wrapped cell lines, one case each."""

import pytest

from foerderdaten.extract.textjoin import join_cell_lines


@pytest.mark.parametrize(
    "lines, text",
    [
        (["Bildungsberatung in ", "Pieschen"], "Bildungsberatung in Pieschen"),  # wrap at a blank
        (["Fachinformationszentru", "m"], "Fachinformationszentrum"),  # broken word
        (["FACHINFORMATIONSZENTRU", "M"], "FACHINFORMATIONSZENTRUM"),  # broken word in capitals
        (["Fachkräftekampagnen, -", "veranstaltungen"], "Fachkräftekampagnen, -veranstaltungen"),
        (["Fachkräftekampagnen, ", "-veranstaltungen"], "Fachkräftekampagnen, -veranstaltungen"),
        (["Sächsische Schweiz-", "Osterzgebirge"], "Sächsische Schweiz-Osterzgebirge"),
        (["Arbeits- ", "und Ausbildung"], "Arbeits- und Ausbildung"),  # blank written
        (["Personalarbeit in klein-", "und mittelständischen"], "Personalarbeit in klein- und mittelständischen"),
        (["Stiftung Soziale Dienste Zwickau -", "FachkräfteAnwerbung"], "Stiftung Soziale Dienste Zwickau - FachkräfteAnwerbung"),
        (["Ausbildungsstellen und -", "betrieben"], "Ausbildungsstellen und -betrieben"),
        (["fach|", "sprachlich"], "fach|sprachlich"),
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
    # lower case: the PDF cannot tell this from a broken word. Documented in
    # textjoin; spreadsheet renderings always write the blank.
    assert join_cell_lines(["Hochschulzugangsberechtigung", "aus der Region"]) == "Hochschulzugangsberechtigungaus der Region"
