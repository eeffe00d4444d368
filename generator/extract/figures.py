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
_CONTEXT_WORDS = 9
_DIGIT = re.compile(r"\d")


def extract_key_figures(body: str) -> list[str]:
    """Each stated figure with the words around it that say what it measures."""
    figures: list[str] = []
    for sentence in split_sentences(body):
        if not _DIGIT.search(sentence):
            continue
        for match in _FIGURE.finditer(sentence):
            if _is_trivial_count(match.group()):
                continue
            figures.append(_with_context(sentence, match))
    return list(dict.fromkeys(figures))


def _is_trivial_count(figure: str) -> bool:
    # "the armies of 2 countries": a small bare count is not a figure that matters.
    number = re.match(r"[\d,]+", figure)
    return bool(number) and figure[number.end():].strip()[:1].isalpha() and \
        not re.search(r"million|billion|trillion|mln|bln|bn|%|percent|per cent", figure) and \
        int(number.group().replace(",", "") or 0) < 10


def _with_context(sentence: str, match: re.Match) -> str:
    before = sentence[:match.start()].split()[-_CONTEXT_WORDS:]
    after = sentence[match.end():].split()[:4]
    # Keep the clause the figure sits in: stop at a comma on either side.
    for i in range(len(before) - 1, -1, -1):
        if before[i].endswith((",", ";", ":")):
            before = before[i + 1:]
            break
    kept_after = []
    for word in after:
        kept_after.append(word)
        if word.endswith((",", ".", ";", ":")):
            break
    text = " ".join([*before, match.group(), *kept_after]).strip(" ,.;:")
    return text
