"""Key figures: stated amounts, percentages and counts, each with what it measures."""

from __future__ import annotations

import re

from generator.extract.sentences import split_sentences

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_FIGURE = re.compile(
    rf"(?:(?:US)?\$|€|£|¥|AZN\s?|USD\s?|EUR\s?)\s?{_NUMBER}(?:\s?(?:million|billion|trillion|mln|bln|bn|m)\b)?"
    rf"|{_NUMBER}\s?(?:%|percent\b|per cent\b)"
    rf"|{_NUMBER}\s?(?:million|billion|trillion|mln|bln|bn)\b(?:\s(?:US\s)?(?:dollars|euros|manats|yuan|rubles|roubles|dinars|lira|USD|AZN|EUR|tons|tonnes|barrels|cubic meters))?"
    rf"|\b{_NUMBER}\s(?:troops|servicemen|soldiers|personnel|officers|cadets|aircraft|tanks|drones|vehicles|units|"
    rf"ships|tons|tonnes|km|kilometers|kilometres|projects|companies|agreements|documents|contracts|participants|"
    rf"countries|exhibitors|delegations|people|students|specialists|weapons|systems|launchers|missiles)\b"
)
_DIGIT = re.compile(r"\d")
# Where a clause ends: a comma, semicolon or colon before a space (not the comma inside "3,000"), a dash
# set off by spaces, or a bracket.
_CLAUSE_BREAK = re.compile(r"[,;:](?=\s)|\s[-–—]\s|[()]")


def extract_key_figures(body: str) -> list[str]:
    """Each stated figure as the whole clause it sits in (what it measures, as written); two figures
    of one clause are one key figure, and a clause that another holds is left out."""
    figures: list[str] = []
    for sentence in split_sentences(body):
        if not _DIGIT.search(sentence):
            continue
        spans = [_clause(sentence, match) for match in _FIGURE.finditer(sentence)
                 if not _is_trivial_count(match.group())]
        figures += [text for text in (sentence[a:b].strip(" ,.;:") for a, b in _merged(spans)) if text]
    unique = list(dict.fromkeys(figures))
    return [f for f in unique if not any(f != other and f.casefold() in other.casefold() for other in unique)]


def _is_trivial_count(figure: str) -> bool:
    # "the armies of 2 countries": a small bare count is not a figure that matters.
    number = re.match(r"[\d,]+", figure)
    return bool(number) and figure[number.end():].strip()[:1].isalpha() and \
        not re.search(r"million|billion|trillion|mln|bln|bn|%|percent|per cent", figure) and \
        int(number.group().replace(",", "") or 0) < 10


def _clause(sentence: str, match: re.Match) -> tuple[int, int]:
    """(start, end) of the clause around a figure: from the break before it to the break after it."""
    start = 0
    for found in _CLAUSE_BREAK.finditer(sentence, 0, match.start()):
        start = found.end()
    after = _CLAUSE_BREAK.search(sentence, match.end())
    return start, after.start() if after else len(sentence)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
