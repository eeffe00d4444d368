"""Fast whole-word lookup of many names in a text (Aho-Corasick), for countries, outlets, topics, ranks;
and which of many strings a text holds anywhere, for the rows that are tried only beside their words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Generic, Iterable, Iterator, TypeVar

import ahocorasick_rs

Value = TypeVar("Value")

# A text the automaton reads is UTF-8 to it: a lone surrogate (no UTF-8 spelling) stands for itself as this
# noncharacter, which no phrase holds (checked as the phrases are added), so every offset stays the text's.
_SURROGATE = re.compile("[\ud800-\udfff]")
_STAND_IN = "\uffff"


def _overlapping(automaton: ahocorasick_rs.AhoCorasick, text: str) -> list[tuple[int, int, int]]:
    """(phrase number, start, end) of every phrase standing anywhere in `text`, overlaps too, by their ends."""
    try:
        return automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:
        return automaton.find_matches_as_indexes(_SURROGATE.sub(_STAND_IN, text), overlapping=True)


def _automaton(phrases: list[str]) -> ahocorasick_rs.AhoCorasick | None:
    # The Rust automaton reads a text three times as fast as pyahocorasick's (whose nodes look their next
    # character up one child after another): a tenth of an article's time went to reading it.
    if not phrases:
        return None
    if any(_STAND_IN in phrase for phrase in phrases):
        raise ValueError(f"a phrase holds U+FFFF, which stands in for a lone surrogate: {phrases!r:.200}")
    return ahocorasick_rs.AhoCorasick(phrases)


@dataclass(frozen=True)
class Match(Generic[Value]):
    start: int
    end: int
    surface: str
    value: Value


def lowercase_keeping_offsets(text: str) -> str:
    """text.lower(), one character for one, so that offsets in the folded text are offsets in the text:
    "İ".lower() is two characters ("i" and a combining dot), which would shift every match after an
    "İlham" (Turkish and Azerbaijani names are everywhere in the shipped genre)."""
    folded = text.lower()
    if len(folded) == len(text):      # lower() only ever lengthens: equal lengths, nothing shifted
        return folded
    return "".join(low if len(low := ch.lower()) == 1 else low[0] for ch in text)


def _is_word_char(ch: str) -> bool:
    # A letter of a script written without spaces between words (Thai, Myanmar, Khmer, Japanese kana,
    # Chinese, and Korean, whose particles join its words) bounds no word: "聯合軍事演習" holds "軍事演習".
    if ch < "\u0e00":
        return ch.isalnum() or ch == "_"
    return ch.isalnum() and not ("\u0e00" <= ch <= "\u0e7f" or "\u1000" <= ch <= "\u109f"
                                 or "\u1780" <= ch <= "\u17ff" or "\u3040" <= ch <= "\u9fff"
                                 or "\uac00" <= ch <= "\ud7af")


class Gazetteer(Generic[Value]):
    """Whole-word matches of known phrases; the longest wins where two overlap.

    Case-sensitive by default (so "US" is not "us"); with `fold_case` both the phrases and the
    text are lowercased, which suits topic keywords.
    """

    def __init__(self, entries: Iterable[tuple[str, Value]], fold_case: bool = False):
        self.fold_case = fold_case
        values: dict[str, Value] = {}       # a phrase listed twice (or folded to one) holds its last value
        for phrase, value in entries:
            phrase = phrase.strip()
            if not phrase:
                continue
            values[lowercase_keeping_offsets(phrase) if fold_case else phrase] = value
        self._values = list(values.values())
        self._automaton = _automaton(list(values))
        self._empty = self._automaton is None

    def find(self, text: str) -> list[Match[Value]]:
        """Non-overlapping whole-word matches, left to right, longest first at each place."""
        if self._empty or not text:
            return []
        haystack = lowercase_keeping_offsets(text) if self.fold_case else text
        found: list[tuple[int, int, Value]] = []      # (start, end, value); a Match only for those chosen
        size = len(text)
        values = self._values
        for number, start, end in _overlapping(self._automaton, haystack):
            if start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
                continue
            if end < size and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
                continue
            found.append((start, end, values[number]))
        if not found:
            return []
        found.sort(key=lambda m: (m[0], -m[1]))       # at each place, the longest first
        chosen: list[tuple[int, int, Value]] = []
        last_end = -1
        for match in found:
            if match[0] >= last_end:
                chosen.append(match)
                last_end = match[1]
            elif match[1] > chosen[-1][1] and match[0] == chosen[-1][0]:
                chosen[-1] = match
                last_end = match[1]
        return [Match(start, end, text[start:end], value) for start, end, value in chosen]

    def holds(self, text: str) -> bool:
        """Whether any phrase stands in `text` as whole words (whether find would find one)."""
        if self._empty or not text:
            return False
        haystack = lowercase_keeping_offsets(text) if self.fold_case else text
        size = len(text)
        for _, start, end in _overlapping(self._automaton, haystack):
            if (start == 0 or not _is_word_char(text[start - 1]) or not _is_word_char(text[start])) and (
                    end == size or not _is_word_char(text[end]) or not _is_word_char(text[end - 1])):
                return True
        return False

    def values(self, text: str) -> Iterator[Value]:
        for match in self.find(text):
            yield match.value


class Substrings:
    """Which of many strings stand anywhere in a text, as `string in text` says of each, found in one pass
    over the text instead of one search of it for each string."""

    def __init__(self, strings: Iterable[str]):
        self._strings = sorted({string for string in strings if string})
        self._automaton = _automaton(self._strings)
        self._empty = self._automaton is None

    def held(self, text: str) -> frozenset[str]:
        if self._empty:
            return frozenset()
        strings = self._strings
        return frozenset([strings[number] for number, _, _ in _overlapping(self._automaton, text)])

    def where(self, text: str) -> list[tuple[int, str]]:
        """(start, string) for every place one of the strings stands in `text`, by where they end (the
        longer first where two end together)."""
        if self._empty:
            return []
        strings = self._strings
        return [(start, strings[number]) for number, start, _ in _overlapping(self._automaton, text)]

    def starts(self, text: str) -> list[int]:
        """Where each of the strings starts in `text`, every place once, left to right."""
        if self._empty:
            return []
        return sorted({start for _, start, _ in _overlapping(self._automaton, text)})
