"""Key figures: stated amounts, percentages and counts, each with what it measures."""

from __future__ import annotations

import re

from generator.extract import clauses
from generator.extract.sentences import split_sentences

_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
# Every figure starts with a digit or a currency's sign or code: the lookahead rejects any other place at
# once, where the bare alternation tries each branch (four times slower, the same matches).
_FIGURE = re.compile(
    rf"(?=[\d$€£¥AEU])(?:(?:(?:US)?\$|€|£|¥|AZN\s?|USD\s?|EUR\s?)\s?{_NUMBER}(?:\s?(?:million|billion|trillion|mln|bln|bn|m)\b)?"
    rf"|{_NUMBER}\s?(?:%|percent\b|per cent\b)"
    rf"|{_NUMBER}\s?(?:million|billion|trillion|mln|bln|bn)\b(?:\s(?:US\s)?(?:dollars|euros|manats|yuan|rubles|roubles|dinars|lira|USD|AZN|EUR|tons|tonnes|barrels|cubic meters))?"
    rf"|\b{_NUMBER}\s(?:troops|servicemen|soldiers|personnel|officers|cadets|aircraft|tanks|drones|vehicles|units|"
    rf"ships|tons|tonnes|km|kilometers|kilometres|projects|companies|agreements|documents|contracts|participants|"
    rf"countries|exhibitors|delegations|people|students|specialists|weapons|systems|launchers|missiles)\b)"
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
        figures += [text for text in (_with_antecedent(sentence, a, b) for a, b in _merged(spans)) if text]
    unique = list(dict.fromkeys(figures))
    folded = [f.casefold() for f in unique]     # once a figure, not once a pair
    return [f for i, f in enumerate(unique) if not any(i != j and folded[i] in other for j, other in enumerate(folded))]


_LEADING_NUMBER = re.compile(r"[\d,]+")


def _is_trivial_count(figure: str) -> bool:
    # "the armies of 2 countries": a small bare count is not a figure that matters.
    number = _LEADING_NUMBER.match(figure)
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


def _with_antecedent(sentence: str, start: int, end: int) -> str:
    """The clause sentence[start:end] as a line; a relative clause ("which last year increased by 44%") says
    what it measures through the phrase before its comma, which stands in for the relative word ("The
    volume of bilateral trade between Azerbaijan and China last year increased by 44% …")."""
    text = sentence[start:end].strip(" ,.;:")
    relative = _RELATIVE.match(text)
    before = sentence[:start].rstrip()
    # Only the sentence's subject set off by the aside ("The volume of trade, which rose by 44%, confirms
    # …"): the phrase before the comma is then what the relative word stands for. Elsewhere the phrase it
    # stands for may be any of several before it, and the line would say what the text does not.
    if relative and before.endswith(",") and not _CLAUSE_BREAK.search(before[:-1]) \
            and sentence[end:end + 1] == "," and end + 1 < len(sentence.rstrip(" .")):
        antecedent = before[:-1].strip()
        words = clauses.tokenize(antecedent)
        if words and len(words) <= 10 and words[0].capital and clauses.main_verb(words) is None \
                and words[0].bare not in clauses.lexicon().prepositions:
            return f"{antecedent} {text[relative.end():]}"
    return text


_RELATIVE = re.compile(r"(?:which|that|who)\s+", re.IGNORECASE)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
