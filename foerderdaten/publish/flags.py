"""What each quality flag means, in German, for readers of the dataset.

QUALITY.md, the overview page (legend and tooltips of the ⚠ marks) and the
codebook take titles and explanations from here. ``FLAGS`` is ordered by
what matters most to someone using the data: errors that make a value wrong
(end before begin, a copied description, missing fields) before harmless
spelling variants. A flag not listed here (a newer rule) is still shown,
after the known ones, under its own name.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FlagInfo:
    title: str  # short German name, e.g. for a tooltip
    meaning: str  # one or two sentences: what it means for someone using the data


FLAGS: dict[str, FlagInfo] = {
    "end_before_begin": FlagInfo(
        "Ende vor Beginn",
        "Das Bewilligungsende liegt vor dem Bewilligungsbeginn. Mindestens eines der beiden Daten ist im "
        "Dokument falsch; Laufzeiten dieser Projekte nicht ohne Rückfrage auswerten."),
    "impossible_date": FlagInfo(
        "Unmögliches Datum",
        "Ein Datum, das es im Kalender nicht gibt (etwa der 31.11.). Der Text bleibt stehen, das "
        "normalisierte Datum ist leer."),
    "short_period": FlagInfo(
        "Auffällig kurze Laufzeit",
        "Der Bewilligungszeitraum ist kürzer als ein Monat; Projekte laufen sonst Monate bis Jahre. "
        "Vermutlich ist im Dokument ein Jahr oder Monat falsch getippt."),
    "duplicate_description": FlagInfo(
        "Kopierte Kurzbeschreibung",
        "Zwei Projekte tragen dieselbe oder fast dieselbe Kurzbeschreibung. Beim gleichen Träger ist es meist "
        "ein Folgeprojekt; bei einem ANDEREN Träger wurde der Text vermutlich in die falsche Zeile kopiert, "
        "und die Beschreibung passt nicht zum Projekt."),
    "missing_fields": FlagInfo(
        "Fehlende Angaben",
        "Felder, die im Dokument leer sind. Die Werte fehlen auch in den Daten; Zählungen nach diesen "
        "Feldern lassen das Projekt aus."),
    "possibly_truncated": FlagInfo(
        "Möglicherweise abgeschnittener Text",
        "Die Kurzbeschreibung endet am unteren Seitenrand ohne Satzzeichen; im Dokument könnte Text fehlen."),
    "rl_nr_mismatch": FlagInfo(
        "Nr. der RL und Vorhabensart widersprechen sich",
        "Die gedruckte Nummer des Fördergegenstands und der Text der Vorhabensart meinen verschiedene "
        "Fördergegenstände. Die Daten folgen der gedruckten Nummer."),
    "unknown_rl": FlagInfo(
        "Unbekannte Nr. der RL",
        "Die gedruckte Nummer ist keine Nummer der Fachkräfterichtlinie; der Fördergegenstand bleibt leer."),
    "unknown_region": FlagInfo(
        "Unbekannter Kreis",
        "Die Angabe Region/FKA bezeichnet keinen eindeutigen sächsischen Kreis; Kreis und Kreisschlüssel "
        "bleiben leer."),
    "amount_punctuation": FlagInfo(
        "Satzzeichen am Betrag",
        "Der Betrag steht im Dokument mit einem Satzzeichen dahinter (etwa dem Punkt am Satzende). Der "
        "Betrag selbst ist eindeutig gelesen; der Rohtext bleibt wie gedruckt."),
    "organisation_spelling": FlagInfo(
        "Zweifelhafter Name eines Trägers",
        "Der Name ähnelt stark dem einer anderen Organisation, ist aber nicht sicher dieselbe (etwa ein "
        "falscher Namensbestandteil). Nichts wurde geändert oder zusammengeführt; die Tabelle "
        "organisation_review nennt den Kandidaten zum Prüfen."),
    "odd_quotes": FlagInfo(
        "Unpaarige Anführungszeichen",
        "Ein Text enthält eine ungerade Zahl von Anführungszeichen; meist fehlt eines im Dokument. Der Text "
        "bleibt wie gedruckt."),
    "typo_region": FlagInfo(
        "Tippfehler im Kreis",
        "Die Angabe Region/FKA ist falsch geschrieben, aber eindeutig einem Kreis zuzuordnen (normalisiert "
        "in region und kreis_ags)."),
    "typo_vorhabensart": FlagInfo(
        "Tippfehler in der Vorhabensart",
        "Die Vorhabensart ist falsch geschrieben; der Fördergegenstand folgt der gedruckten Nr. der RL."),
    "vorhabensart_truncated": FlagInfo(
        "Unvollständige Vorhabensart",
        "Die Vorhabensart bricht mit einem Bindestrich ab; ob „gesteuerte Zuwanderung“ gemeint war, lässt "
        "sich nicht sagen (gespeichert als nein)."),
    "vorhabensart_not_a_label": FlagInfo(
        "Vorhabensart ist keine Bezeichnung",
        "In der Spalte Vorhabensart steht etwas anderes (etwa ein Projekttitel); der Fördergegenstand folgt "
        "der gedruckten Nr. der RL."),
    "region_variant": FlagInfo(
        "Andere Schreibweise des Kreises",
        "Der Kreis ist anders geschrieben als in der amtlichen Bezeichnung (etwa „Leipzig Stadt“); eindeutig "
        "zugeordnet, nur zur Information."),
    "vorhabensart_variant": FlagInfo(
        "Andere Schreibweise der Vorhabensart",
        "Die Vorhabensart ist als Kurz- oder Langform oder mit abweichendem Zusatz geschrieben; eindeutig "
        "zugeordnet, nur zur Information."),
}


def info(flag: str) -> FlagInfo:
    """The German title and meaning of ``flag`` (its own name for an unlisted flag)."""
    return FLAGS.get(flag, FlagInfo(flag, "Auffälligkeit im Dokument; Einzelheiten in der Tabelle quality."))


def ordered(flags) -> list[str]:
    """``flags`` by importance: the order of FLAGS, unlisted ones after them by name."""
    rank = {flag: i for i, flag in enumerate(FLAGS)}
    return sorted(set(flags), key=lambda flag: (rank.get(flag, len(rank)), flag))
