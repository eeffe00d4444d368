"""The times of occurrences stated in languages other than English ("el lunes", "вчера", "en septiembre",
"em 2024"), resolved against the article's own date as LABELLING.md's Events section says. The words are
data (data/event_times.yml, the month names of data/months.yml); English stays in events.py's patterns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator import resources
from generator.dates import fold
from generator.gazetteer import Gazetteer


@dataclass(frozen=True)
class ForeignTime:
    start: int
    end: int
    kind: str               # "weekday" (number 0..6, Monday first), "day" (number: days from the article's
    number: int             # date), "month" (number 1..12), "year" (number: the year)
    ahead: bool             # the clause speaks of what is to come


@dataclass(frozen=True)
class EventTimes:
    # (kind, number): ("weekday", 0..6), ("day", shift from the article's date), ("month", 1..12) for the
    # forms months.yml lacks ("в сентябре"); matched in the case written
    days: Gazetteer
    months: Gazetteer                   # a month's name in any language but English -> its number
    month_before: re.Pattern            # the tail of the text before a month alone that makes it a time
    year_before: re.Pattern             # likewise before a bare year
    last_words: frozenset[str]
    next_words: frozenset[str]
    ahead: re.Pattern                   # a clause that speaks of what is to come
    figure_words: Gazetteer             # "millones", "por ciento": a figure's words


def _alternation(phrases) -> str:
    return "|".join(re.escape(p) for p in sorted(set(phrases), key=len, reverse=True))


@lru_cache(maxsize=1)
def load_event_times() -> EventTimes:
    data = resources.load_data("event_times.yml")
    months_table = resources.load_data("months.yml")
    english = {fold(w) for words in months_table["months"]["en"].values() for w in words}
    # Words that are a month and an everyday word elsewhere ("mar" the sea, "set"): only with a day and year.
    strict = {fold(w) for w in months_table["need_day_and_year"]}
    days: list[tuple[str, tuple[str, int]]] = []
    month_before, year_before, last, upcoming, ahead, figures = [], [], set(), set(), [], []
    for block in data.values():
        after = block.get("weekday_after") or []
        for number, forms in enumerate(block.get("weekdays") or []):
            for form in forms:
                written = [f"{form} {word}" for word in after] if after else [form]
                # a weekday written with a required word after it is matched in either case
                for phrase in written:
                    days.append((phrase, ("weekday", number)))
                    if after:
                        days.append((phrase[0].upper() + phrase[1:], ("weekday", number)))
        for phrase, shift in (block.get("relative_days") or {}).items():
            days.append((phrase, ("day", int(shift))))
            days.append((phrase[0].upper() + phrase[1:], ("day", int(shift))))
        for number, form in enumerate(block.get("month_forms") or [], start=1):
            days.append((form, ("month", number)))
        month_before += block.get("month_before") or []
        year_before += block.get("year_before") or []
        last |= set(block.get("last") or [])
        upcoming |= set(block.get("next") or [])
        figures += block.get("figure_words") or []
        if block.get("ahead"):
            ahead.append(block["ahead"])
    month_words = [(word, int(number)) for language, names in months_table["months"].items() if language != "en"
                   for number, words in names.items() for word in words
                   if fold(word) not in english and fold(word) not in strict and len(word) > 3]
    return EventTimes(
        days=Gazetteer(days),
        months=Gazetteer(month_words, fold_case=True),
        month_before=re.compile(rf"(?i)(?:^|[^\w])(?:{_alternation(month_before)})(?:\s+|(?<=-))$"),
        year_before=re.compile(rf"(?i)(?:^|[^\w])(?:{_alternation(year_before)})\s+$"),
        last_words=frozenset(w.casefold() for w in last),
        next_words=frozenset(w.casefold() for w in upcoming),
        ahead=re.compile("|".join(f"(?:{a})" for a in ahead), re.IGNORECASE),
        figure_words=Gazetteer(((w, True) for w in figures), fold_case=True),
    )


_WORD = re.compile(r"[\w'’-]+")
_CLAUSE_CUT = re.compile(r"[,;:]|\b(?:que|qu['’]|che|dass|что|że|da|bahwa|kad)\b", re.IGNORECASE)


def _neighbours(sentence: str, start: int, end: int) -> set[str]:
    """The two words before a time and the one after it, folded: where "pasado", "prochain" stand."""
    before = _WORD.findall(sentence[max(0, start - 30):start])[-2:]
    after = _WORD.findall(sentence[end:end + 20])[:1]
    return {w.casefold() for w in before + after}


def _looks_ahead(sentence: str, start: int, end: int, times: EventTimes) -> bool:
    """Whether the clause around a time speaks of what is to come ("se reunirá el jueves"); "dijo el lunes
    que subirá" dates the saying, so a "que" or a comma bounds the clause on either side."""
    before = sentence[:start]
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(before)]
    after = sentence[end:]
    cut = _CLAUSE_CUT.search(after)
    clause = before[cuts[-1]:] if cuts else before
    clause += " " + (after[:cut.start()] if cut else after)
    return bool(times.ahead.pattern) and bool(times.ahead.search(clause))


def holds_time_words(text: str, times: EventTimes | None = None) -> bool:
    """Whether a text holds any weekday, relative day or month of the table (most English articles hold
    none: their sentences need not be searched for them)."""
    times = times or load_event_times()
    return times.days.holds(text) or times.months.holds(text)


def foreign_times(sentence: str, times: EventTimes | None = None, words: bool = True) -> list[ForeignTime]:
    """The weekdays, relative days, months and years alone a sentence states in the languages of the table;
    `words`: whether to look for the words at all (False when the article holds none), else years only."""
    times = times or load_event_times()
    found: list[ForeignTime] = []
    candidates = []
    if words:
        candidates += [(m.start, m.end, *m.value) for m in times.days.find(sentence)]
        candidates += [(m.start, m.end, "month", m.value) for m in times.months.find(sentence)]
    candidates += [(m.start(), m.end(), "year", int(m.group())) for m in _YEAR.finditer(sentence)
                   if times.year_before.search(sentence[max(0, m.start() - 30):m.start()])]
    figure: bool | None = None
    for start, end, kind, number in candidates:
        if kind in ("month", "year"):
            if figure is None:
                figure = bool(_FIGURE_MARK.search(sentence)) or times.figure_words.holds(sentence)
            if figure:
                continue        # "2,1 millones de pasajeros en 2024": the period a figure measures
        if kind == "month":
            if not times.month_before.search(sentence[max(0, start - 30):start]):
                continue        # "marzo" alone may be a name or a heading; "en marzo" is a time
            if _DAY_OR_YEAR_AFTER.match(sentence, end):
                continue        # "en mayo de 2025": a stated date, read with the dates
        near = _neighbours(sentence, start, end)
        ahead = bool(near & times.next_words) or (
            not near & times.last_words and _looks_ahead(sentence, start, end, times))
        found.append(ForeignTime(start, end, kind, number, ahead))
    return sorted(found, key=lambda t: t.start)


_FIGURE_MARK = re.compile(r"\d\s*%|[$€£]\s*\d|\d\s*(?:US\$|R\$|\$)")
_DAY_OR_YEAR_AFTER = re.compile(r"\s*(?:de\s+|del\s+|\.\s*)?\d")
# A year alone, not a range's end, a count's part or a share ("2024-25", "2024,5", "2025 %").
_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d.,/-]\d|\s*%)")
