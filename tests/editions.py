"""A second edition of the SAB overview, printed from the gold values with changes.

The bundled overview is "Regionalbudget 2023" (Stand 31.12.2023). Tests of
editions, changes and refresh need a later one: ``second_edition_rows``
takes the gold rows, removes some, adds some and changes dates and titles
(``REMOVED``, ``ADDED``, ``CHANGED``), and ``render_sab_edition`` prints them
with ``render.py`` under the title "… Regionalbudget 2024", Stand 31.12.2024.
"""

from __future__ import annotations

from pathlib import Path

from conftest import gold_sab
from render import Layout, render_table
from test_renderings import SAB_FIELDS, SAB_HEADERS

EDITION_2024 = "Regionalbudget 2024"
STAND_2024 = "31.12.2024"
WIDTHS = [100, 60, 62, 22, 80, 52, 52, 90, 260]

REMOVED = (5, 36)  # seq in the 2023 edition
# seq in the 2023 edition -> the fields a later edition prints differently
CHANGED = {
    2: {"bewilligungsende_raw": "30.06.2024"},  # end extended: the id stays
    19: {"bewilligungsbeginn_raw": "01.02.2023"},  # start corrected: the id's key changes
    21: {"projekttitel": "Arbeitgeberattraktivität in Mittelsachsen"},  # title extended
    40: {"projekttitel": "Plan B 3.0"},  # title reworded
}
ADDED = [
    {"projekttraeger": "Fachkräfteallianz Vogtland e.V.", "durchfuehrungsort": "Plauen", "region_raw": "Vogtlandkreis",
     "rl_nr_raw": "2", "vorhabensart_raw": "Fachkräftesicherung", "bewilligungsbeginn_raw": "15.03.2024",
     "bewilligungsende_raw": "31.12.2025", "projekttitel": "Vogtland Karrieretage 2024",
     "kurzbeschreibung": "Messe für Ausbildung und Beruf mit Unternehmen der Region."},
    {"projekttraeger": "Stadt Görlitz", "durchfuehrungsort": "Görlitz", "region_raw": "Görlitz",
     "rl_nr_raw": "1", "vorhabensart_raw": "digitaler Wandel", "bewilligungsbeginn_raw": "02.05.2024",
     "bewilligungsende_raw": "30.04.2025", "projekttitel": "Digitale Lotsen Görlitz",
     "kurzbeschreibung": "Beratung kleiner Unternehmen zur digitalen Personalgewinnung."},
]


def second_edition_rows() -> list[dict]:
    """The 2024 rows: gold rows without REMOVED, with CHANGED, then ADDED."""
    rows = [{**g, **CHANGED.get(int(g["seq"]), {})} for g in gold_sab() if int(g["seq"]) not in REMOVED]
    return rows + [dict(a) for a in ADDED]


def render_sab_edition(path: Path, rows: list[dict], edition: str = EDITION_2024, stand: str = STAND_2024) -> Path:
    head = [f"Stand: {stand}", f"Fachkräfterichtlinie: Übersicht über beantragte und bewilligte Projekte - {edition}"]
    layout = Layout(font="Times-Roman", bold_font="Times-Bold", size=8, head=head)
    render_table(path, SAB_HEADERS["original"], WIDTHS, [[r[f] for f in SAB_FIELDS] for r in rows], layout)
    return path


def render_later_answer(path: Path, wahlperiode: int = 8, nummer: int = 1234) -> Path:
    """A later Landtag answer: the gold letter under another Drucksache and date (no annexes)."""
    import copy

    from conftest import gold_landtag
    from render_letter import LetterLayout, render_letter

    gold = copy.deepcopy(gold_landtag())
    gold.update(drucksache=f"{wahlperiode}/{nummer}", wahlperiode=wahlperiode, nummer=nummer,
                datum="2025-03-03", datum_raw="Dresden, 3. März 2025")
    render_letter(path, gold, LetterLayout())
    return path
