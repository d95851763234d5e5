"""RL numbers ("Nr. der RL") and the Vorhabensart column.

The printed number decides a project's category: ``rl_nr`` comes from the
Nr column and ``vorhabensart`` is the canonical label of that number. The
Vorhabensart text is still read, for three reasons: it carries the suffix
"gesteuerte Zuwanderung" (managed immigration), its spelling is a quality
signal, and the number it implies can be checked against the printed one.

Reading a Vorhabensart text, each step with its rule name:

1. ``vorhabensart_label`` / ``vorhabensart_known_variant``: the text is
   listed in ``vocab/rl.json`` with its number and kind;
2. the same after splitting off the suffix: the rest is a label or a known
   text (kind of that text; a label with an unusual suffix spelling is a
   ``suffix_variant``);
3. ``vorhabensart_fuzzy``: the rest is a close typo (rapidfuzz ratio >= 90)
   of known texts of exactly one number -> kind ``typo``; or it is (nearly)
   contained in, or contains, labels or short forms of exactly one number (partial
   ratio >= 95, at least 10 characters) -> ``short_form`` / ``long_form``;
4. ``vorhabensart_unmatched``: nothing fits -> kind ``not_a_label``, no number.

A dangling " -" where the suffix should be ("... Fachkräfte -") means the
suffix text is missing: kind ``truncated``, no suffix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process, utils

from foerderdaten.normalize import vocab
from foerderdaten.normalize.text import clean_text

FUZZY_MIN_SCORE = 90
# Short and long forms ("Studien" for "Studien und Handlungskonzeptionen");
# the length limit keeps words like "Arbeit" from matching anything.
PARTIAL_MIN_SCORE = 95
PARTIAL_MIN_LENGTH = 10
_LABEL_LIKE = ("label", "label_alt", "label_part", "short_form")

# The suffix in all spellings seen: " - gesteuerte Zuwanderung",
# " -gesteuerte Zuwanderung", " gesteuerte Zuwanderung", "Gesteuerte ...".
_SUFFIX = re.compile(r"\s*(?P<dash>[-–])?\s*gesteuerte\s+zuwanderung\s*$", re.IGNORECASE)
_STANDARD_SUFFIX = " - gesteuerte Zuwanderung"
_DANGLING_DASH = re.compile(r"\s+[-–]\s*$")


@dataclass(frozen=True, slots=True)
class VorhabensartMatch:
    rl_nr: int | None  # number the text implies; None if it implies none
    kind: str  # label, label_alt, label_part, short_form, long_form, suffix_variant, typo, truncated, not_a_label, empty
    gesteuerte_zuwanderung: bool
    rule: str


def parse_rl_nr(raw: str) -> int | None:
    """The printed RL number ("1", " 10") as int; None if it is not a plain
    number (empty, "3a", ...). Whether the number exists is :func:`rl_label`'s
    business."""
    text = clean_text(raw).rstrip(".")
    return int(text) if text.isdigit() else None


def rl_label(rl_nr: int) -> str | None:
    """Canonical label of an RL number; None for a number not in the vocabulary."""
    return _labels().get(rl_nr)


def split_suffix(text: str) -> tuple[str, bool, bool]:
    """(text without suffix, has the suffix, the suffix is spelt the standard
    way " - gesteuerte Zuwanderung"). A dangling " -" is removed too and
    counts as no suffix."""
    text = clean_text(text)
    if m := _SUFFIX.search(text):
        base = text[: m.start()]
        standard = text[m.start():] == _STANDARD_SUFFIX
        return base, True, standard
    return _DANGLING_DASH.sub("", text), False, True


def classify_vorhabensart(raw: str) -> VorhabensartMatch:
    """RL number, kind and suffix flag of a Vorhabensart text (see module docstring)."""
    text = clean_text(raw)
    if not text:
        return VorhabensartMatch(None, "empty", False, "vorhabensart_empty")

    base, has_suffix, standard_suffix = split_suffix(text)
    rl_nr: int | None  # None: no known text is close enough
    dangling = not has_suffix and _DANGLING_DASH.search(text) is not None

    known = _known_texts().get(text)
    if known is not None:
        rl_nr, kind = known
        rule = "vorhabensart_label" if kind == "label" else "vorhabensart_known_variant"
        return VorhabensartMatch(rl_nr, kind, has_suffix, rule)

    known = _known_bases().get(base)
    if known is not None:
        rl_nr, kind = known
        rule = "vorhabensart_label" if kind == "label" else "vorhabensart_known_variant"
        if kind == "label" and not standard_suffix:
            kind, rule = "suffix_variant", "vorhabensart_known_variant"
    else:
        rl_nr, kind, rule = _fuzzy(base)

    if dangling:
        kind = "truncated"
    return VorhabensartMatch(rl_nr, kind, has_suffix, rule)


def _fuzzy(base: str) -> tuple[int | None, str, str]:
    """Number and kind of an unseen text from its closest known texts."""
    bases = _known_bases()
    # a typo: the whole text is nearly a known text
    hits = process.extract(base, list(bases), scorer=fuzz.ratio, processor=utils.default_process,
                           score_cutoff=FUZZY_MIN_SCORE, limit=None)
    numbers = {bases[text][0] for text, _, _ in hits}
    if len(numbers) == 1:  # all close texts agree on one number
        return numbers.pop(), "typo", "vorhabensart_fuzzy"
    # a shorter or longer form: one text is (nearly) contained in the other
    if len(utils.default_process(base)) >= PARTIAL_MIN_LENGTH:
        # long forms and typos are left out: they contain words of other labels
        labels = [text for text, (_, kind) in bases.items() if kind in _LABEL_LIKE]
        hits = process.extract(base, labels, scorer=fuzz.partial_ratio, processor=utils.default_process,
                               score_cutoff=PARTIAL_MIN_SCORE, limit=None)
        numbers = {bases[text][0] for text, _, _ in hits}
        if len(numbers) == 1:
            kind = "short_form" if len(base) < len(hits[0][0]) else "long_form"
            return numbers.pop(), kind, "vorhabensart_fuzzy"
    return None, "not_a_label", "vorhabensart_unmatched"


@cache
def _labels() -> dict[int, str]:
    return {c.rl_nr: c.label for c in vocab.rl_categories()}


@cache
def _known_texts() -> dict[str, tuple[int, str]]:
    """Every Vorhabensart text in the vocabulary -> (rl_nr, kind)."""
    return {v.vorhabensart_raw: (v.rl_nr, v.kind) for v in vocab.vorhabensart_variants()}


@cache
def _known_bases() -> dict[str, tuple[int, str]]:
    """Labels and known texts without suffix -> (rl_nr, kind).

    Only texts whose number is certain from the text itself are included: a
    ``not_a_label`` text got its number from the printed Nr, so a similar
    text elsewhere says nothing about its number.
    """
    bases = {label: (nr, "label") for nr, label in _labels().items()}
    for v in vocab.vorhabensart_variants():
        base, _, _ = split_suffix(v.vorhabensart_raw)
        if v.kind in ("not_a_label", "truncated"):
            continue
        bases.setdefault(base, (v.rl_nr, v.kind))
    return bases
