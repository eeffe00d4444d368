"""Key figures (generator/extract/figures.py): each figure as the whole clause it sits in, no overlaps; a
relative clause with the phrase it qualifies."""

from __future__ import annotations

import re

import pytest

from generator.extract.figures import extract_key_figures

TRADE = ("The volume of bilateral trade between Azerbaijan and China, which last year increased by 44% and "
         "reached a mark of 3.1 billion dollars, confirms the strengthening of economic ties.")


@pytest.mark.parametrize("body, expected", [
    # two figures of one clause: one key figure, the clause from comma to comma; a relative clause says what
    # it measures through the phrase before its comma
    (TRADE, ["The volume of bilateral trade between Azerbaijan and China last year increased by 44% and reached a "
             "mark of 3.1 billion dollars"]),
    # elsewhere the relative clause stays as written: the phrase it stands for is not told by position
    ("Officials said that exports, which rose by 8% in May, were strong.", ["which rose by 8% in May"]),
    ("Ottawa's measures mirror those of the United States, which quadrupled its tariff to 100 per cent in May.",
     ["which quadrupled its tariff to 100 per cent in May"]),
    # a sentence without a break is its own clause
    ("Exports grew by 12% last year.", ["Exports grew by 12% last year"]),
    # clauses of one sentence are separate figures; the comma inside 3,000 is no break
    ("The army sent 3,000 troops to the border, and the navy sent 12 ships.",
     ["The army sent 3,000 troops to the border", "and the navy sent 12 ships"]),
    # the same clause twice in the text: once
    ("Trade rose by 5% in 2023. Trade rose by 5% in 2023.", ["Trade rose by 5% in 2023"]),
    # a clause that another figure's clause holds is left out
    ("Trade rose by 5%. Officials said trade rose by 5% in a year.", ["Officials said trade rose by 5% in a year"]),
    # a small bare count is no key figure
    ("The armies of 2 countries met.", []),
    ("No figures here.", []),
])
def test_key_figures_are_whole_clauses(body, expected):
    assert extract_key_figures(body) == expected


def test_figure_lookahead_only_skips_places_no_figure_starts():
    """The pattern's lookahead (a digit or a currency's sign or code) finds what the bare alternation does."""
    from corpus_text import corpus_sentences

    from generator.extract.figures import _FIGURE

    lookahead = "(?=[\\d$€£¥AEU])"
    assert _FIGURE.pattern.startswith(lookahead)
    plain = re.compile(_FIGURE.pattern[len(lookahead):])
    sentences = corpus_sentences() + ("US$ 5 million", "AZN 3.2 billion", "EUR 40", "¥1,000", "12 per cent", "7 bn")
    for sentence in sentences:
        assert [m.span() for m in _FIGURE.finditer(sentence)] == [m.span() for m in plain.finditer(sentence)]
