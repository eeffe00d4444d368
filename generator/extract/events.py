"""Events: meetings, signings, visits, exercises, openings, calls and dated background events."""

from __future__ import annotations

import re

from generator.dates import find_dates
from generator.extract.sentences import split_sentences

# Matched against the lower-cased sentence: a case-insensitive alternation is tried branch by branch
# at every character, four times slower (a tenth of an article's extraction).
_EVENT_WORDS = re.compile(
    r"\b(met|meets|meeting|meetings|talks|received|receives|visit|visited|visits|visiting|arrived|signed|signing|"
    r"held|hold|holds|took place|opened|opening|inaugurated|launched|exercises?|drills?|phone call|telephone "
    r"conversation|called|attended|participat\w+|hosted|summit|forum|exhibition|ceremony|conference|session)\b"
)
_CEREMONIAL = re.compile(r"\b(wreath|laid flowers|guard of honou?r|book of honou?r|honored the memory|paid tribute)\b")
_MAX_WHAT_CHARS = 220
_MAX_EVENTS = 6


def extract_events(body: str) -> list[dict]:
    """[{date, what}]: a dated or undated occurrence per sentence that reports one."""
    events: list[dict] = []
    for sentence in split_sentences(body):
        lowered = sentence.lower()
        if not _EVENT_WORDS.search(lowered) or _CEREMONIAL.search(lowered):
            continue
        dates = find_dates(sentence)
        date = next((d.iso for d in dates if d.year is not None), None)
        if not dates and events and len(events) >= 2:
            continue    # undated follow-ups are the same events retold
        events.append({"date": date, "what": _shorten(sentence)})
        if len(events) >= _MAX_EVENTS:
            break
    return events


def _shorten(sentence: str) -> str:
    sentence = sentence.strip()
    if len(sentence) <= _MAX_WHAT_CHARS:
        return sentence
    cut = sentence[:_MAX_WHAT_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"
