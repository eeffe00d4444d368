"""Find the dates a text states, keeping how much it states (day, month or year); never invent a year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH = r"(?P<{name}>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[a-zA-Z]{{0,6}})\.?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{name}>(?:19|20)\d\d)"


def _p(template: str) -> str:
    return template.format(
        m1=_MONTH.format(name="m1"), m2=_MONTH.format(name="m2"), m3=_MONTH.format(name="m3"),
        m4=_MONTH.format(name="m4"), m5=_MONTH.format(name="m5"),
        d1=_DAY.format(name="d1"), d2=_DAY.format(name="d2"), d4=_DAY.format(name="d4"),
        y1=_YEAR.format(name="y1"), y2=_YEAR.format(name="y2"), y3=_YEAR.format(name="y3"),
    )


# Alternatives in order of how much they state; the regex engine takes the first that fits at a place.
_DATE = re.compile(_p(
    r"\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"                   # 2024-06-20
    r"|\b(?P<nd>[0-3]?\d)[./](?P<nm>[01]?\d)[./](?P<ny>(?:19|20)\d\d)\b"          # 20.06.2024
    r"|\b{d1}(?:\s+of)?[\s-]*{m1}[,\s-]*{y1}\b"                                   # 22 October 2019, 19-Apr-2025
    r"|\b{m2}\s*{d2},?\s*{y2}\b"                                                  # October 22, 2019
    r"|\b{m3},?\s+{y3}\b"                                                         # October 2023
    r"|\b{d4}(?:\s+of)?\s*{m4}\b(?!\s*\d)"                                        # 22 October
    r"|\b{m5}\s*(?P<d5>[0-3]?\d)(?:st|nd|rd|th)?\b(?![\d,]*\s*(?:19|20)\d\d)"      # October 22
))
# A cheap test that a text may hold a date at all: most sentences hold none.
_MAY_HOLD_DATE = re.compile(r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC")

# A bare year counts only where the words around it make it a year, not a count ("2000 troops").
_YEAR_ONLY = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|from|before|after|during|for|year|early|late|mid|end|the|through|"
    r"spring|summer|autumn|fall|winter)\s+|-|\b[A-Z][A-Za-z]*[A-Z]\s+|\b[A-Z][a-z]+\s+)"
    r"(?P<year>(?:19|20)\d\d)\b(?![-./]\d|\s*%|,\d)"
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None

    @property
    def precision(self) -> str | None:
        if self.year is None:
            return None
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    @property
    def iso(self) -> str | None:
        """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` as far as stated; None without a year."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def yearless(self) -> bool:
        """A day and month with no year ("On June 14"): stated, but not a date we may give."""
        return self.year is None and self.month is not None


def _month(word: str) -> int | None:
    """The month a word names ("Oct", "October", "OCTOBER"), None for a word that only starts like one."""
    return _MONTHS.get(word.lower().rstrip("."))


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        try:
            dt.date(year or 2000, month or 1, day)
        except ValueError:
            return False
    return True


def find_dates(text: str) -> list[DateMention]:
    """Every date stated in `text`, left to right, each with as much as the text states."""
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    if not _MAY_HOLD_DATE.search(text):
        return mentions
    for m in _DATE.finditer(text):
        g = m.groupdict()
        if g["iy"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
        elif g["ny"]:
            y, mo, d = int(g["ny"]), int(g["nm"]), int(g["nd"])
        elif g["y1"]:
            y, mo, d = int(g["y1"]), _month(g["m1"]), int(g["d1"])
        elif g["y2"]:
            y, mo, d = int(g["y2"]), _month(g["m2"]), int(g["d2"])
        elif g["y3"]:
            y, mo, d = int(g["y3"]), _month(g["m3"]), None
        elif g["m4"]:
            y, mo, d = None, _month(g["m4"]), int(g["d4"])
        else:
            y, mo, d = None, _month(g["m5"]), int(g["d5"])
        month_word = next((g[k] for k in ("m1", "m2", "m3", "m4", "m5") if g[k]), None)
        if mo is None:
            continue      # "Marshal 12": a word that only starts like a month
        if month_word and not _plausible_month_word(text, m.start(), month_word):
            continue
        if _valid(y, mo, d):
            mentions.append(DateMention(m.start(), m.end(), y, mo, d))
            taken.append((m.start(), m.end()))
    for m in _YEAR_ONLY.finditer(text):
        start = m.start("year")
        if any(a <= start < b for a, b in taken):
            continue
        mentions.append(DateMention(start, m.end("year"), int(m.group("year")), None, None))
    mentions.sort(key=lambda d: d.start)
    return mentions


def _plausible_month_word(text: str, start: int, word: str) -> bool:
    # "May" is also a verb, and lowercase month words are rarely dates in this genre.
    bare = word.rstrip(".")
    if not bare[0].isupper():
        return False
    if bare == "May" and start > 0 and text[max(0, start - 4):start].strip().lower() in ("we", "it", "i"):
        return False
    return True


def parse_date(text: str | None) -> DateMention | None:
    """The first full or partial date stated in a short string (a stamp, a metadata value)."""
    if not text:
        return None
    found = [d for d in find_dates(text) if d.year is not None]
    return found[0] if found else None
