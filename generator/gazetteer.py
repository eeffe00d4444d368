"""Fast whole-word lookup of many names in a text (Aho-Corasick), for countries, outlets, topics, ranks;
and which of many strings a text holds anywhere, for the rows that are tried only beside their words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Iterable, Iterator, TypeVar

import ahocorasick

Value = TypeVar("Value")


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
    return ch.isalnum() or ch == "_"


class Gazetteer(Generic[Value]):
    """Whole-word matches of known phrases; the longest wins where two overlap.

    Case-sensitive by default (so "US" is not "us"); with `fold_case` both the phrases and the
    text are lowercased, which suits topic keywords.
    """

    def __init__(self, entries: Iterable[tuple[str, Value]], fold_case: bool = False):
        self.fold_case = fold_case
        self._automaton = ahocorasick.Automaton()
        self._empty = True
        for phrase, value in entries:
            phrase = phrase.strip()
            if not phrase:
                continue
            key = lowercase_keeping_offsets(phrase) if fold_case else phrase
            self._automaton.add_word(key, (len(key), value))
            self._empty = False
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Match[Value]]:
        """Non-overlapping whole-word matches, left to right, longest first at each place."""
        if self._empty or not text:
            return []
        haystack = lowercase_keeping_offsets(text) if self.fold_case else text
        found: list[tuple[int, int, Value]] = []      # (start, end, value); a Match only for those chosen
        size = len(text)
        for end_index, (length, value) in self._automaton.iter(haystack):
            start, end = end_index - length + 1, end_index + 1
            if start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
                continue
            if end < size and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
                continue
            found.append((start, end, value))
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
        for end_index, (length, _) in self._automaton.iter(haystack):
            start, end = end_index - length + 1, end_index + 1
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
        self._automaton = ahocorasick.Automaton()
        for string in set(strings):
            if string:
                self._automaton.add_word(string, string)
        self._empty = not len(self._automaton)
        if not self._empty:
            self._automaton.make_automaton()

    def held(self, text: str) -> frozenset[str]:
        if self._empty:
            return frozenset()
        return frozenset(string for _, string in self._automaton.iter(text))

    def where(self, text: str) -> list[tuple[int, str]]:
        """(start, string) for every place one of the strings stands in `text`."""
        if self._empty:
            return []
        return [(end - len(string) + 1, string) for end, string in self._automaton.iter(text)]

    def starts(self, text: str) -> list[int]:
        """Where each of the strings starts in `text`, every place once, left to right."""
        if self._empty:
            return []
        return sorted({end - len(string) + 1 for end, string in self._automaton.iter(text)})
