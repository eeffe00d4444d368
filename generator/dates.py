"""Find the dates a text states, keeping how much it states (day, month or year); never invent a year.

Month names of several languages come from data/months.yml; numeric dates are read only when the
numbers themselves decide which is the day and which the month.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from generator import resources

# "października", "Σεπτεμβρίου"; "मार्च", "এপ্রিল" with their vowel signs, which are no word characters
# to the regex engine (the Devanagari and Bengali blocks' marks, not their digits)
_WORD = r"(?:[^\W\d_]|[\u0900-\u0963\u0980-\u09e3]){3,12}"
_CALENDARS = resources.load_data("months.yml")["calendars"]
_THAI_MONTHS = {word: int(number) for number, words in _CALENDARS["thai"]["months"].items() for word in words}
_THAI_MONTH = "|".join(re.escape(word) for word in sorted(_THAI_MONTHS, key=len, reverse=True))
_JAPANESE_ERA = "|".join(_CALENDARS["japanese_eras"])
_SOLAR_HIJRI_MONTHS = {word: int(number) for number, words in _CALENDARS["solar_hijri"]["months"].items()
                       for word in words}
_SOLAR_HIJRI_MONTH = "|".join(re.escape(word) for word in sorted(_SOLAR_HIJRI_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_ORDINAL = r"(?:st|nd|rd|th|er|º|ª)?"

# Alternatives in order of how much they state; at one place the first that fits is taken, and a
# match whose month word is no month is dropped and the search resumes one character later.
_DATE = re.compile((
    r"\b(?P<iy>{y})-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\d-])"                        # 2024-06-20, 2024-06-20T10:00
    r"|\b(?P<sy>{y})(?:[./]|\.\s)(?P<sm>[01]?\d)(?:[./]|\.\s)(?P<sd>[0-3]?\d)\b"     # 2024/06/20; Hungarian, Korean 2024. 06. 20.
    r"|(?P<cy>{y})\s*[年년]\s*(?P<cm>[01]?\d)\s*[月월](?:\s*(?P<cd>[0-3]?\d)\s*[日일])?"    # 2024年6月20日, 2024년 6월 20일
    r"|\b(?:ngày\s+)?(?P<vd>[0-3]?\d)\s+tháng\s+(?P<vm>[01]?\d)\b(?:\s*(?:,|năm)\s*(?P<vy>{y})\b)?"  # Vietnamese ngày 10 tháng 7 năm 2025
    r"|(?<!\d)(?P<xd>[0-3]?\d)\s*(?P<xm>{th})\s*(?:พ\.ศ\.\s*)?(?P<xy>25\d\d|\d\d)(?!\d)"   # Thai 27 ส.ค. 68, the Buddhist Era's year
    r"|(?P<je>{je})\s*(?P<jy>元|[1-6]?\d)\s*年(?:\s*(?P<jm>[01]?\d)\s*月(?:\s*(?P<jd>[0-3]?\d)\s*日)?)?"  # 令和7年6月20日
    r"|(?<!\d)(?P<hd>[0-3]?\d)\s+(?P<hm>{sh})\s+(?:ماه\s+)?(?P<hy>1[34]\d\d)(?!\d)"   # Iranian ۱۲ آذر ۱۴۰۴
    r"|\b(?P<gy>{y})\.\s+gada\s+(?P<gd>[0-3]?\d)\.\s+(?P<gm>{w})\b"                  # Latvian 2025. gada 4. novembrī
    r"|\b(?P<my>{y})\s+оны\s+(?P<mm>[01]?\d)(?:-?р|[\s-]?(?:дугаар|дүгээр))?\s+сарын\s+(?P<md>[0-3]?\d)(?!\d)"  # Mongolian 2025 оны 3-р сарын 12
    r"|\b(?P<ty>{y})\.?\s+(?:m\.\s+)?(?P<tm>{w})\b\.?\s+(?P<td>[0-3]?\d)\b(?!\d|[.,:]\d)"  # Lithuanian 2026 m. vasario 10 d., Hungarian 2026. február 10.
    r"|(?<![\d.,])\b(?P<na>[0-3]?\d)(?P<sep>[./-])(?P<nb>[0-3]?\d)(?P=sep)(?P<ny>{y})\b(?!\d|\.\d)"  # 20.06.2024, 12/18/2023, 14.03.2025.
    r"|(?<![\d.,])\b(?P<ea>[0-3]\d)\.(?P<eb>[01]\d)\.(?P<ey>\d\d)\b(?![.\d])"       # 18.10.22
    r"|(?<![\d.,$£€])\b(?:(?P<d0>[0-3]?\d){o}\s*(?:[-–—]|to|and|&)\s*)?(?P<d1>[0-3]?\d){o}\.?(?:\s+(?:of|de)\b)?[\s-]*"
    r"(?P<m1>{w})\b\.?(?:[,\s-]+(?:(?:de|del|of)\s+)?(?P<y1>{y})\b)?"                # 22 October 2019, 11-12 July, 12 de marzo de 2024
    r"|\b(?P<m2>{w})\b\.?,?\s*(?P<d2>[0-3]?\d){o}(?:\s*[-–]\s*[0-3]?\d)?\s?,?\s*(?P<y2>{y})\b"  # October 22, 2019; Nov 21-24, 2024; March, 15, 2025; Aug 9 , 2025
    r"|\b(?P<m3>{w})\b\.?,?\s+(?:(?:de|del|of)\s+)?(?P<y3>{y})\b"                    # October 2023, marzo de 2024
    r"|\b(?P<m5>{w})\b\.?\s*(?P<d5>[0-3]?\d){o}\b(?![\d,]*\s*{y})(?!\s*%|[.,:]\d)"   # October 22
).format(y=_YEAR, w=_WORD, o=_ORDINAL, th=_THAI_MONTH, je=_JAPANESE_ERA, sh=_SOLAR_HIJRI_MONTH))

# Where a date may start: _DATE's alternatives without their groups, tried at a place in one of two
# ways. Those that open on a digit stand behind a digit's lookahead, and the three that open on a month's
# word share it: a run of letters that \b closes is one word, so where one of them matches the word is
# the same for all three, and the possessive run does not retry shorter words that \b never closes. The
# search passes over the text three times faster than _DATE's, which then reads the date where it starts.
_DATE_START = re.compile((
    r"(?=\d)(?:\b{y}-[01]\d-[0-3]\d(?![\d-])"
    r"|\b{y}(?:[./]|\.\s)[01]?\d(?:[./]|\.\s)[0-3]?\d\b"
    r"|{y}\s*[年년]\s*[01]?\d\s*[月월]"
    r"|\b[0-3]?\d\s+tháng\s+[01]?\d\b"
    r"|(?<!\d)[0-3]?\d\s*(?:{th})\s*(?:พ\.ศ\.\s*)?(?:25\d\d|\d\d)(?!\d)"
    r"|(?<!\d)[0-3]?\d\s+(?:{sh})\s+(?:ماه\s+)?1[34]\d\d(?!\d)"
    r"|\b{y}\.?\s+(?:m\.\s+)?{w}\b\.?\s+[0-3]?\d\b(?!\d|[.,:]\d)"
    r"|\b{y}\.\s+gada\s+[0-3]?\d\.\s+{w}\b"
    r"|\b{y}\s+оны\s+[01]?\d(?:-?р|[\s-]?(?:дугаар|дүгээр))?\s+сарын\s+[0-3]?\d(?!\d)"
    r"|(?<![\d.,])\b[0-3]?\d(?P<sep>[./-])[0-3]?\d(?P=sep){y}\b(?!\d|\.\d)"
    r"|(?<![\d.,])\b[0-3]\d\.[01]\d\.\d\d\b(?![.\d])"
    r"|(?<![\d.,$£€])\b(?:[0-3]?\d{o}\s*(?:[-–—]|to|and|&)\s*)?[0-3]?\d{o}\.?(?:\s+(?:of|de)\b)?[\s-]*{w}\b)"
    r"|\b{w}\b(?:\.?,?\s*[0-3]?\d{o}(?:\s*[-–]\s*[0-3]?\d)?,?\s*{y}\b"
    r"|\.?,?\s+(?:(?:de|del|of)\s+)?{y}\b"
    r"|\.?\s*[0-3]?\d{o}\b(?![\d,]*\s*{y})(?!\s*%|[.,:]\d))"
    r"|(?:{je})\s*(?:元|[1-6]?\d)\s*年"
).format(y=_YEAR, w=_WORD + "+", o=_ORDINAL, th=_THAI_MONTH, je=_JAPANESE_ERA,
         sh=_SOLAR_HIJRI_MONTH))

# A bare year counts only where the words around it make it a year, not a count ("2000 troops").
_YEAR_ONLY = re.compile(
    r"(?:\b(?:in|since|of|by|until|till|from|before|after|during|for|year|early|late|mid|end|the|through|"
    r"spring|summer|autumn|fall|winter)\s+|-|\b[A-Z][A-Za-z]*[A-Z]\s+|\b[A-Z][a-z]+\s+)"
    r"(?P<year>(?:19|20)\d\d)\b(?![-./]\d|\s*%|,\d)"
)
_DIGIT = re.compile(r"\d")
_YEAR_DIGITS = re.compile(_YEAR)
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _bare_years(text: str):
    """_YEAR_ONLY.finditer(text), tried only where a match can start: a match is a word of ASCII letters
    and the spaces after it, or a dash, right before a year's digits, so it starts at the start of the
    letters before the spaces before a year, or at the dash before it (nowhere else, and at most one
    match a year). The pattern's many openings are not tried at every character of the text."""
    for year in _YEAR_DIGITS.finditer(text):
        at = before = year.start()
        while before and text[before - 1].isspace():
            before -= 1
        if before == at:
            start = at - 1 if at and text[at - 1] == "-" else None
        else:
            start = before
            while start and text[start - 1] in _ASCII_LETTERS:
                start -= 1
            start = start if start < before else None
        if start is not None and (match := _YEAR_ONLY.match(text, start)):
            yield match


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


def fold(word: str) -> str:
    """A word as the month table keys it: lower case, no accents or trailing dot, dotless ı as i."""
    word = word.lower().rstrip(".").replace("ı", "i")
    if word.isascii():
        return word
    # NFKD splits "ş" into "s" and a combining mark; Cyrillic "й" would lose its breve, so Cyrillic
    # keeps its letters whole.
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)
                   ) if not any("\u0400" <= c <= "\u04ff" for c in word) else word


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], frozenset[str], frozenset[str], dict[str, int]]:
    data = resources.load_data("months.yml")
    months: dict[str, int] = {}
    for names in data["months"].values():
        for number, words in names.items():
            for word in words:
                months.setdefault(fold(word), int(number))
    english = frozenset(fold(w) for words in data["months"]["en"].values() for w in words)
    strict = frozenset(fold(w) for w in data["need_day_and_year"])
    weekdays = {fold(w): i for i, w in enumerate(data["weekdays"])}
    return months, english, strict, weekdays


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Every month's and weekday's name as the tables key it (folded): a lower-case ASCII word names a
    month or a weekday exactly when it is one of them."""
    months, _, _, weekdays = _tables()
    return frozenset(months) | frozenset(weekdays)


def month_number(word: str) -> int | None:
    """The month a word names in any language of the table ("Oct", "ноя", "Şubat"), else None."""
    return _tables()[0].get(fold(word))


def weekday_number(word: str) -> int | None:
    """0 for "Monday" … 6 for "Sunday", else None."""
    return _tables()[3].get(fold(word))


def _month_word_ok(text: str, start: int, word: str, has_day: bool, has_year: bool) -> bool:
    _, english, strict, _ = _tables()
    key = fold(word)
    capital_english = key in english and word[0].isupper()
    if key in strict and not capital_english and not (has_day and has_year):
        return False        # "they may 5", "3 out of 4"
    if key in english and not word[0].isupper() and not (has_day and has_year):
        return False        # lowercase English month words are rarely dates ("to march on")
    if key == "may" and text[max(0, start - 4):start].strip().lower() in ("we", "it", "i"):
        return False
    return True


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        try:
            dt.date(year or 2000, month or 1, day)
        except ValueError:
            return False
    return True


def _numeric(first: int, second: int) -> tuple[int, int] | None:
    """(month, day) of "a/b/yyyy" when the numbers decide it: a day over 12 cannot be a month, and
    05/05 reads the same both ways. 05/06/2024 is left unread rather than guessed."""
    if first > 12 >= second:
        return second, first
    if second > 12 >= first or first == second:
        return first, second
    return None


def _from_solar_hijri(year: int, month: int, day: int) -> tuple[int, int, int] | None:
    """The Gregorian (year, month, day) of a solar Hijri date, None when it is no day of that calendar."""
    import jdatetime     # imported here: only Iranian pages need it
    try:
        day_of = jdatetime.date(year, month, day).togregorian()
    except ValueError:
        return None
    return day_of.year, day_of.month, day_of.day


def _read(g: dict, text: str, start: int) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of one regex match, or None when it is not a date after all."""
    if g["iy"]:
        return int(g["iy"]), int(g["im"]), int(g["id"])
    if g["sy"]:
        return int(g["sy"]), int(g["sm"]), int(g["sd"])
    if g["cy"]:
        return int(g["cy"]), int(g["cm"]), int(g["cd"]) if g["cd"] else None
    if g["xm"]:
        # the Buddhist Era's year, its last two digits standing for 25xx
        era_year = int(g["xy"]) if len(g["xy"]) == 4 else 2500 + int(g["xy"])
        return era_year - _CALENDARS["thai"]["era_offset"], _THAI_MONTHS[g["xm"]], int(g["xd"])
    if g["je"]:
        year = _CALENDARS["japanese_eras"][g["je"]] + (1 if g["jy"] == "元" else int(g["jy"]))
        return year, int(g["jm"]) if g["jm"] else None, int(g["jd"]) if g["jd"] else None
    if g["mm"]:
        return int(g["my"]), int(g["mm"]), int(g["md"])
    if g["hm"]:
        return _from_solar_hijri(int(g["hy"]), _SOLAR_HIJRI_MONTHS[g["hm"]], int(g["hd"]))
    if g["vm"]:
        return int(g["vy"]) if g["vy"] else None, int(g["vm"]), int(g["vd"])
    for y, m, d in (("ty", "tm", "td"), ("gy", "gm", "gd")):
        if g[y]:
            month = month_number(g[m])
            if month is None or not _month_word_ok(text, start, g[m], True, True):
                return None
            return int(g[y]), month, int(g[d])
    if g["ny"]:
        a, b = int(g["na"]), int(g["nb"])
        if g["sep"] == ".":
            return int(g["ny"]), b, a           # dotted dates are day first everywhere
        read = _numeric(a, b)
        return (int(g["ny"]), *read) if read else None
    if g["ey"]:
        return 2000 + int(g["ey"]), int(g["eb"]), int(g["ea"])
    for m, d, y in (("m1", "d1", "y1"), ("m2", "d2", "y2"), ("m3", None, "y3"), ("m5", "d5", None)):
        word = g[m]
        if not word:
            continue
        month = month_number(word)
        has_day, year = bool(d and g[d]), int(g[y]) if y and g[y] else None
        if month is None or not _month_word_ok(text, start, word, has_day, year is not None):
            return None
        day = int(g["d0"] or g[d]) if m == "m1" else int(g[d]) if has_day else None
        return year, month, day
    return None


def find_dates(text: str) -> list[DateMention]:
    """Every date stated in `text`, left to right, each with as much as the text states."""
    if not _DIGIT.search(text):
        return []
    if not text.isascii() and _OTHER_DIGITS.search(text):
        text = text.translate(_AS_ASCII_DIGITS)     # "١٥ يناير ٢٠٢٥": one digit for one, offsets kept
    return list(_find_dates(text))


# The digits of the Arabic, Persian, Devanagari, Bengali and full-width scripts, as the patterns' ASCII ones.
_OTHER_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\uff10-\uff19]")
_AS_ASCII_DIGITS = {start + i: ord("0") + i for start in (0x0660, 0x06F0, 0x0966, 0x09E6, 0xFF10) for i in range(10)}


@lru_cache(maxsize=2048)
def _find_dates(text: str) -> tuple[DateMention, ...]:
    # Cached: the head, the date and the events read many of the same lines.
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    pos = 0
    while True:
        start = _DATE_START.search(text, pos)
        if start is None:
            break
        m = _DATE.match(text, start.start())
        read = _read(m.groupdict(), text, m.start())
        if read is None or not _valid(*read):
            pos = m.start() + 1      # "5 tanks": not a date here, but a date may start inside it
            continue
        mentions.append(DateMention(m.start(), m.end(), *read))
        taken.append((m.start(), m.end()))
        pos = m.end()
    for m in _bare_years(text):
        start = m.start("year")
        if any(a <= start < b for a, b in taken):
            continue
        mentions.append(DateMention(start, m.end("year"), int(m.group("year")), None, None))
    mentions.sort(key=lambda d: d.start)
    return tuple(mentions)


def parse_date(text: str | None) -> DateMention | None:
    """The first full or partial date stated in a short string (a stamp, a metadata value)."""
    if not text:
        return None
    found = [d for d in find_dates(text) if d.year is not None]
    return found[0] if found else None
