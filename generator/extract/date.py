"""Date: the publication date when stated, else the main event's date, with its precision.

Chain: HTML metadata -> stamps cleaning set aside -> dateline -> the lead's date -> first full date
in the text -> first month and year -> first year. A lead dated by day and month only ("On June 14")
gives no date: the year is never guessed.
"""

from __future__ import annotations

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
    mentions = [m for m in find_dates(clean.body) if m.year is not None]
    for precision in ("day", "month", "year"):
        for mention in mentions:
            if mention.precision == precision:
                return mention.iso, precision
    return None, None


def _result(mention: DateMention) -> tuple[str | None, str | None]:
    return mention.iso, mention.precision
