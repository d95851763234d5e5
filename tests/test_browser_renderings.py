"""The gold tables printed by Chromium: exact, or refused naming the page.

``test_renderings.py`` prints with reportlab, which this project controls.
Here a real browser decides the line breaks, the blanks at wraps, the
glyphs (ligatures), the borders and fills, the repeated header: the gold
values go into an HTML page (``render_html.py``) in layouts users make, and
headless Chromium prints it (``browser.print_to_pdf``, skipped where no
Chromium is installed).

Every layout must read exactly or be refused with an error naming the page;
a value published wrong with exit status 0 is the failure this project must
never have. Named layouts are readable by a person, so each must read
exactly; the randomized test (hypothesis, derandomized and bounded) accepts
a refusal too. A failure reports the layout and the first differing fields.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from browser import print_to_pdf
from conftest import gold_landtag, gold_sab
from readback import ANNEX_FIELDS, Reading, overflows_margin, read_annex, read_sab, sab_table
from render_html import FONTS, HtmlLayout, annex_html, sab_html
from test_renderings import SAB_HEADERS

ORIGINAL = ["original"] * 9
RENAMED = ["renamed"] * 9
IN_ORDER = list(range(9))
# column width hints in % (Projektträger … Kurzbeschreibung, in SAB_FIELDS order)
WIDTHS = {
    "browser": None,  # the browser sizes columns by their content
    "balanced": (13, 9, 10, 4, 12, 8, 8, 12, 24),
    "description_wide": (9, 7, 8, 3, 9, 7, 7, 9, 41),  # the other columns cramped
    "equal": (11.1,) * 9,
}


def _widths(name: str, order: list[int]) -> tuple[float, ...] | None:
    widths = WIDTHS[name]
    return None if widths is None else tuple(widths[i] for i in order)


# name: (layout, header wording per column, column order)
SAB_LAYOUTS = {
    "dejavu_sans_ruled": (HtmlLayout(), ORIGINAL, IN_ORDER),
    "liberation_serif_10pt_plain": (HtmlLayout(font="Liberation Serif", size=10, grid="none", widths=WIDTHS["balanced"]), ORIGINAL, IN_ORDER),
    "carlito_11pt_ruled": (HtmlLayout(font="Carlito", size=11), ORIGINAL, IN_ORDER),
    "bottom_aligned_numbers_right": (HtmlLayout(valign="bottom", align_numbers=True, font="Liberation Sans"), ORIGINAL, IN_ORDER),
    "middle_aligned_rules_only": (HtmlLayout(valign="middle", grid="rows", font="DejaVu Serif"), ORIGINAL, IN_ORDER),
    "banded_header_rule_renamed": (HtmlLayout(grid="header", banded=True, header_align="center"), RENAMED, IN_ORDER),
    "region_heading_rows": (HtmlLayout(section_rows=True, size=10), ORIGINAL, IN_ORDER),
    "a3_generous_soft_hyphens": (HtmlLayout(paper="A3", header_break="shy", size=10, font="Liberation Sans"), ORIGINAL, IN_ORDER),
    "a4_portrait_cramped_10pt": (
        HtmlLayout(orientation="portrait", size=10, margin_mm=10, break_words=True, widths=WIDTHS["description_wide"], padding_pt=1),
        ORIGINAL,
        IN_ORDER,
    ),
    "rows_break_across_pages": (HtmlLayout(size=12, row_break=True, font="Liberation Sans", header_break="br"), ORIGINAL, IN_ORDER),
    "running_head_reordered": (HtmlLayout(head="every_page", widths=_widths("balanced", [7, 0, 2, 1, 3, 4, 5, 6, 8])), RENAMED, [7, 0, 2, 1, 3, 4, 5, 6, 8]),
}

# Named layouts still read wrong, each for a reason the build does not
# handle yet (strict: the mark must go when the reading becomes exact).
KNOWN_WRONG = {
    "a3_generous_soft_hyphens": "seq 54: the document lacks the blank in 'Chemnistry\"(CTC)' and Chromium breaks the line "
                                "between '\"' and '('; read with the usual blank, exit 0",
    "a4_portrait_cramped_10pt": "overflow-wrap: anywhere breaks words at any letter (also before a hyphen, and "
                                "'Anwerbung/Be|gleitung' instead of at the slash); where such a line fills its cell, neither "
                                "geometry nor the table's words tell it from a wrap at a dropped blank: 35-46 fields wrong, exit 0",
    "annex:liberation_portrait_rows_break": "row 1.7: 'FACHINFORMATIONSZENTRUM' is the widest line of its column, so its "
                                            "cell's usable edge is taken to end there and 'ZUWANDERUNG' in capitals after it "
                                            "reads as the rest of a broken word ('FACHINFORMATIONSZENTRUMZUWANDERUNG'); the "
                                            "ruling that draws the cell's true edge is not used",
}


def _named(names, prefix: str = "") -> list:
    return [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_WRONG[prefix + n])) if prefix + n in KNOWN_WRONG else n
        for n in sorted(names)
    ]


ANNEX_HEADERS = ["Zuwendungsempfänger", "Projekttitle", "Zielgruppe", "Kurzbeschreibung"]  # "Projekttitle" (sic), as the original
ANNEX_LAYOUTS = {
    "dejavu_ruled_landscape": HtmlLayout(size=10, footer=False),
    "liberation_portrait_rows_break": HtmlLayout(font="Liberation Sans", size=11, orientation="portrait", row_break=True, footer=False),
    "carlito_plain_bottom": HtmlLayout(font="Carlito", size=11, grid="none", valign="bottom", footer=False),
}


def print_sab(chromium: Path, folder: Path, name: str, layout: HtmlLayout, wording: list[str], order: list[int]) -> Path:
    headers, rows, numeric = sab_table(wording, order, SAB_HEADERS)
    page = folder / f"{name}.html"
    page.write_text(sab_html(headers, rows, layout, numeric, regions=[g["region_raw"] for g in gold_sab()]), encoding="utf-8")
    return print_to_pdf(chromium, page, folder / f"{name}.pdf")


def print_annex(chromium: Path, folder: Path, name: str, layout: HtmlLayout) -> Path:
    gold = gold_landtag()["anlagen"]
    annexes = [(f"Anlage {n}", [[g[f] for f in ANNEX_FIELDS] for g in gold if g["anlage"] == n]) for n in (1, 2)]
    page = folder / f"{name}.html"
    page.write_text(annex_html(ANNEX_HEADERS, annexes, layout), encoding="utf-8")
    return print_to_pdf(chromium, page, folder / f"{name}.pdf")


def assert_fits(pdf: Path, layout: HtmlLayout) -> None:
    page = overflows_margin(pdf, layout.margin_mm * 72 / 25.4)
    assert page is None, f"test rendering runs off the paper on page {page}: {layout.describe()}"


def assert_exact(reading: Reading, layout: HtmlLayout) -> None:
    assert reading.verdict in ("exact", "ambiguous"), f"{layout.describe()}\n{reading.report()}"


@pytest.mark.parametrize("name", _named(SAB_LAYOUTS))
def test_sab_printed_by_chromium(chromium, tmp_path, name):
    layout, wording, order = SAB_LAYOUTS[name]
    pdf = print_sab(chromium, tmp_path, name, layout, wording, order)
    assert_fits(pdf, layout)
    assert_exact(read_sab(pdf), layout)


@pytest.mark.parametrize("name", _named(ANNEX_LAYOUTS, "annex:"))
def test_annex_printed_by_chromium(chromium, tmp_path, name):
    layout = ANNEX_LAYOUTS[name]
    pdf = print_annex(chromium, tmp_path, name, layout)
    assert_fits(pdf, layout)
    assert_exact(read_annex(pdf), layout)


# --------------------------------------------------------------------------
# Random layouts: exact or refused naming the page, never wrong

# Examples per run: small in CI (each prints and reads 15-40 pages);
# raise it locally to search harder, e.g. FOERDERDATEN_RENDER_EXAMPLES=100.
EXAMPLES = int(os.environ.get("FOERDERDATEN_RENDER_EXAMPLES", "8"))


@st.composite
def sab_layouts(draw) -> tuple[HtmlLayout, list[str], list[int]]:
    order = draw(st.permutations(IN_ORDER))
    paper = draw(st.sampled_from(["A4", "A3"]))
    orientation = draw(st.sampled_from(["landscape", "portrait"]))
    layout = HtmlLayout(
        font=draw(st.sampled_from(FONTS)),
        size=draw(st.sampled_from([9, 9.5, 10, 10.5, 11, 12])),
        paper=paper,
        orientation=orientation,
        margin_mm=draw(st.sampled_from([8, 12, 20])),
        grid=draw(st.sampled_from(["all", "none", "rows", "header"])),
        valign=draw(st.sampled_from(["top", "middle", "bottom"])),
        align_numbers=draw(st.booleans()),
        header_align=draw(st.sampled_from(["left", "center"])),
        banded=draw(st.booleans()),
        section_rows=draw(st.booleans()),
        widths=_widths(draw(st.sampled_from(sorted(WIDTHS))), order),
        padding_pt=draw(st.sampled_from([1, 2, 4])),
        header_break=draw(st.sampled_from(["hyphen", "shy", "br"])),
        head=draw(st.sampled_from(["first_page", "every_page"])),
        footer=draw(st.booleans()),
        row_break=draw(st.booleans()),
        ligatures=draw(st.booleans()),
        # words broken at any letter (overflow-wrap: anywhere) are read wrong
        # (KNOWN_WRONG, "a4_portrait_cramped_10pt"): not drawn here, so that
        # this test finds what is not known yet; on A4 portrait nine columns
        # then rarely fit, and a layout running off the paper is not used
        break_words=False,
    )
    wording = [draw(st.sampled_from(sorted(SAB_HEADERS))) for _ in IN_ORDER]
    return layout, wording, list(order)


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          phases=[Phase.explicit, Phase.generate],  # no shrinking: each example costs a browser run
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
@given(drawn=sab_layouts())
def test_sab_random_layout_is_exact_or_refused(chromium, tmp_path, drawn):
    layout, wording, order = drawn
    pdf = print_sab(chromium, tmp_path, "random", layout, wording, order)
    assume(overflows_margin(pdf, layout.margin_mm * 72 / 25.4) is None)
    reading = read_sab(pdf)
    where = f"{layout.describe()}, headers {wording}, order {order}\n{reading.report()}"
    assert reading.verdict != "wrong", where
    if reading.verdict == "refused":
        assert reading.names_page, f"a refusal must name the page: {where}"
