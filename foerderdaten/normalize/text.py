"""Text folding shared by the matchers: one place that decides what "the same
spelling" means (case, umlauts, ß, hyphens, soft hyphens, white space)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# ä -> ae etc., so "Goerlitz" and "Görlitz" fold alike; casefold() already
# turns ß into "ss" ("Meissen" == "Meißen").
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})

# Characters that PDF text carries but that are no part of the words:
# soft hyphen, zero-width space/joiners, BOM.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff"))

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def clean_text(text: str) -> str:
    """Unicode-normalised text without invisible characters, white space folded.

    Keeps case and punctuation: this is what a human would call "the same
    text" when copying it by hand.
    """
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    return " ".join(text.split())


# The matchers compare names pairwise (every pair of Träger spellings, of
# duplicate candidates) and fold each name and word again for every pair
# (two thirds of their time); a folded text depends on the text alone. The
# cache is bounded: a few thousand names and words, a few MB at most.
@lru_cache(maxsize=4096)
def fold_words(text: str) -> str:
    """Lower-case words separated by single blanks: case, umlauts, ß, hyphens
    and punctuation do not matter ("Landkreis Sächsische Schweiz-Osterzgebirge"
    -> "landkreis saechsische schweiz osterzgebirge")."""
    folded = clean_text(text).casefold().translate(_UMLAUTS)
    # other accents are dropped ("é" -> "e") rather than losing the letter
    if folded.isascii():  # most text: nothing to decompose (the same result, without a pass per character)
        ascii_only = folded
    else:
        decomposed = unicodedata.normalize("NFKD", folded)
        ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_ALNUM.split(ascii_only)).strip()


def fold_key(text: str) -> str:
    """Like :func:`fold_words` but without any separators: a key for hashing."""
    return fold_words(text).replace(" ", "")


# Legal forms as they look after folding ("e. V." -> "e v").
_LEGAL_FORM = re.compile(r"\b(?:e v|ev|ggmbh|gmbh|mbh|gug|ug|gbr|ag|eg|haftungsbeschraenkt)\b")


def fold_organisation(name: str) -> str:
    """An organisation's name folded like any text and without its legal form
    ("Frauenförderwerk e. V." -> "frauenfoerderwerk")."""
    return " ".join(_LEGAL_FORM.sub(" ", fold_words(name)).split())
