"""Date: the publication date when stated, else the main event's date, with its precision.

Chain: HTML metadata -> stamps cleaning set aside -> dateline -> the lead's date -> first full date
in the text -> first month and year -> first year. A lead dated by day and month only ("On June 14")
gives no date: the year is never guessed.
"""

from __future__ import annotations

import re

from generator.dates import DateMention, find_dates, parse_date
from generator.extract.sentences import split_sentences
from generator.model import CleanText


def extract_date(clean: CleanText, html_date: str | None = None) -> tuple[str | None, str | None]:
    """(date, date_precision): `YYYY-MM-DD`/`YYYY-MM`/`YYYY` and `day`/`month`/`year`, or (None, None)."""
    for stamp in (html_date, *clean.date_stamps):
        found = parse_date(stamp)
        if found and found.precision == "day":
            return found.iso, found.precision
    if clean.dateline:
        found = find_dates(clean.dateline)
        if found:
            return _result(found[0])
    sentences = split_sentences(clean.body)
    lead = find_dates(sentences[0]) if sentences else []
    if lead and lead[0].yearless:
        return None, None
    body = clean.body
    mentions = [m for m in find_dates(body) if m.year is not None and not _in_background_clause(body, m)]
    for precision in ("day", "month", "year"):
        for mention in mentions:
            if mention.precision == precision and (precision != "year" or _names_an_event(body, mention)):
                return mention.iso, precision
    return None, None


_EVENT_NAME_BEFORE = re.compile(r"(?:\b(?P<word>[A-Z][\w&]*)\s|-)$")
_NOT_NAMES = {"In", "Since", "By", "From", "Until", "During", "Before", "After", "For", "Of", "On", "At", "The"}


def _names_an_event(body: str, mention: DateMention) -> bool:
    """A year alone counts when it is part of a name ("ADEX 2018", "Eagle Assault-2024"); a bare "in 2024"
    beside a statistic does not date the article."""
    found = _EVENT_NAME_BEFORE.search(body[max(0, mention.start - 40):mention.start])
    return bool(found) and found.group("word") not in _NOT_NAMES


_BACKGROUND_CLAUSE = re.compile(r",\s*(?:[a-z]+ed|which|that|who|when)\b")


def _in_background_clause(body: str, mention: DateMention) -> bool:
    """A date inside a clause like ", opened in October 2017," or ", delivered in April 2022," dates
    something in the background, not the article's main event."""
    sentence_start = max(body.rfind(". ", 0, mention.start), body.rfind("\n", 0, mention.start))
    comma = body.rfind(",", sentence_start + 1, mention.start)
    return comma != -1 and bool(_BACKGROUND_CLAUSE.match(body, comma))


def _result(mention: DateMention) -> tuple[str | None, str | None]:
    return mention.iso, mention.precision
