"""Date: the publication date when stated, else the main event's date, with its precision.

Chain: HTML metadata -> a date line at the head of the page (one labelled "Published" first, else the
one nearest the headline; "Updated" last) -> stamps cleaning set aside -> a date line at the foot
("Done in Baku, 12 July 2024.") -> dateline -> the lead's date -> first full date in the text -> first
month and year near the top -> a year in an event's name. A lead dated by day and month only ("On June
14") gives no date: the year is never guessed.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import takewhile

from generator.clean import is_junk_line
from generator.dates import DateMention, find_dates, parse_date, weekday_number
from generator.extract.sentences import split_sentences
from generator.head import post_age
from generator.model import CleanText

_HEAD_LINES = 60            # a page's head (menus, badges, the headline) is rarely longer
_FOOT_LINES = 6
_MAX_STAMP_CHARS = 140
_MAX_STAMP_WORDS = 4        # words beside the date that are not labels, times or weekdays
_UNDER_HEADLINE = 2         # lines under the headline where its story's stamp stands
_LABELLED_STAMP_REACH = 6   # lines past the head's end where a "Published" stamp still dates the page
_TOP_PARAGRAPHS = 4         # a month and year later in the text is background, not the article's date

# Labels of date lines in the languages of months.yml; "updated" ranks after a plain stamp.
# "Date:" labels the page's date; "Date of event:", "Expected end date:" label other days.
_PUBLISHED = re.compile(r"(?i)\b(?:published|posted|publicado|publicada|publié|publicación|veröffentlicht|"
                        r"yayınlanma|yayın|опубликовано|dərc|created)\b|^\W*date\s*[:|]")
# A bare "Date:" label: a page's, or a quoted source's ("Date: Mon 6 May 2024" under "Source: …"), so a
# stamp labelled "Published" outranks it.
_BARE_DATE_LABEL = re.compile(r"(?i)^\W*date\s*[:|]")
_UPDATED = re.compile(r"(?i)\b(?:updated?|last updated?|modified|atualizado|actualizado|mis à jour|"
                      r"aktualisiert|güncelleme|güncellendi|обновлено|yenilənib)\b")
_STAMP_NOISE = re.compile(
    r"(?i)\b\d{1,2}[:h]\d{2}(?::\d{2})?\b|\b(?:utc|gmt|[ap]\.?m\.?|em|às|at|on|le|el|am|um|saat|г|de)\b"
    r"|\b(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|BST|CET|CEST|EET|EEST|IST|JST|KST|MSK|AZT|TRT|WIB|SGT|HKT|AEST|AEDT)\b"
    r"|[+-]\d{2}:?\d{2}\b|[#|:,.()\[\]+\-–—/•·]"
)
_RANGE = re.compile(r"\d\s*(?:[-–—]|to|and)\s*\d")
_AFTER_DATE_SEPARATOR = re.compile(r"\s*(?:[|–—•·/(\[]|-\s|$)")
_MONTH_PREFIX = re.compile(r"^\s*(?:date|published|posted|updated)\s*:?\s*(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)\b(?!-\d)", re.I)


def extract_date(clean: CleanText, html_date: str | None = None,
                 raw: str | None = None) -> tuple[str | None, str | None]:
    """(date, date_precision): `YYYY-MM-DD`/`YYYY-MM`/`YYYY` and `day`/`month`/`year`, or (None, None).
    `raw` is the text as pasted, whose head and foot hold the date lines cleaning may have dropped."""
    found = parse_date(html_date)
    if found and found.precision == "day":
        return found.iso, found.precision
    raw_lines = [_unglued(" ".join(line.split())) for line in raw.split("\n")] if raw else []
    raw_lines = [line for line in raw_lines if line]
    head = _head_stamp(raw_lines, clean)
    if head:
        return head
    stamps = [found for found in map(parse_date, clean.date_stamps) if found]
    for found in stamps:
        if found.precision == "day":
            return found.iso, found.precision
    foot = raw_lines[-_FOOT_LINES:]
    foot_stamps = [_stamp_date(line) for line in foot]
    # A dateline that gives the day and month ("NAIROBI, Kenya, Jun 3 –") says which day the page is of: a
    # stamp under the text that names another day dates another story ("More on" teasers).
    stated = next(iter(find_dates(clean.dateline)), None) if clean.dateline else None
    for found in reversed(foot_stamps if not _story_list(foot_stamps) else []):
        if found and found.precision == "day" and not (stated and stated.day and (stated.month, stated.day) != (found.month, found.day)):
            return found.iso, found.precision
    for line in reversed(raw_lines):
        # "This report by The Canadian Press was first published Nov. 8, 2025.": a wire's closing line
        # says when the story it closes was published, wherever the page put its own stamp.
        if _FIRST_PUBLISHED.search(line) and len(line) <= 200:
            found = next((d for d in find_dates(line) if d.precision == "day"), None)
            if found:
                return found.iso, found.precision
    running = _running_header_date(raw_lines)
    if running:
        return running
    for found in stamps:
        if found.precision == "month":
            return found.iso, found.precision     # a stamp stating only the month is still the page's date
    yearless_lead = False
    if clean.dateline:
        found = find_dates(clean.dateline)
        if found and not found[0].yearless:
            return _result(found[0])
        yearless_lead = bool(found)
    # "14 March at 10:24 · 🌐": a post's stamp with its day and month, the year left out as the current one.
    yearless_lead = yearless_lead or any(
        post_age(line) and any(d.yearless for d in find_dates(line))
        or len(line) <= _MAX_STAMP_CHARS and ":" in line and "/" in line and _YEARLESS_CLOCK.search(line)
        for line in raw_lines[:_HEAD_LINES])
    # "2d · 🌐", "5d • Edited •", "2 days ago": the page states when it was posted, relative to a day the
    # text never gives; a day or month in its body is an event's, not the page's (a year in the event's
    # name still counts, as LABELLING.md says).
    relative = any(_RELATIVE_STAMP.search(line) for line in raw_lines[:_HEAD_LINES])
    sentences = split_sentences(clean.body)
    lead = find_dates(sentences[0]) if sentences else []
    body = clean.body
    if yearless_lead or (lead and lead[0].yearless):
        # The day is stated without its year: only a year the event's own name carries may be given.
        for text in (clean.headline or "", body):
            for mention in find_dates(text):
                if mention.precision == "year" and _names_an_event(text, mention):
                    return mention.iso, "year"
        return None, None
    top = len("\n\n".join(clean.lines[:_TOP_PARAGRAPHS]))
    # A clause such as ", opened in October 2017," dates the background; a year inside an event's name
    # (", called CASAREX 2025 and held …") still names the article's event.
    mentions = [m for m in find_dates(body) if m.year is not None
                and (m.precision == "year" or not _in_background_clause(body, m))]
    for precision in ("year",) if relative else ("day", "month", "year"):
        for mention in mentions:
            if mention.precision != precision:
                continue
            if precision in ("day", "month") and mention.start > top:
                continue
            if precision != "year" or _names_an_event(body, mention):
                return mention.iso, precision
    return None, None


def _head_stamp(lines: list[str], clean: CleanText) -> tuple[str, str] | None:
    """The date line of the page's head: labelled "Published" first, else the one nearest the article's
    text (a site's clock in the masthead stands further up than the story's own stamp)."""
    end = _body_start(lines, clean)
    # A deck long enough to read as the first paragraph may stand above the byline and its stamp: the
    # short lines after it ("Edited by …", a section, "Updated: …") are still the head.
    end += sum(1 for _ in takewhile(lambda line: len(line.split()) <= 12, lines[end:end + 4]))
    candidates = []
    # (the last of its lines: the browser tab's title above the menu and the site's clock repeats it)
    headline_at = max((i for i, line in enumerate(lines[:end]) if clean.headline and clean.headline in line), default=None)
    # "ROJA | Comuna de Santa Juana | Incendio forestal | 14-02-2025" on three rows or more of as many fields,
    # each with a date: a table's dates, none of them the page's.
    rows = Counter(line.count(" | ") for line in lines[:end] if " | " in line and find_dates(line))
    for index, line in enumerate(lines[:end]):
        if " | " in line and rows[line.count(" | ")] >= 3 and find_dates(line):
            continue
        if _wrapped_sentence_end(lines, index, headline_at):
            continue      # "on December 3, 2024, and Yoon's impeachment.": a wrapped sentence's end, in a PDF's text
        month = _MONTH_PREFIX.match(line)
        if month and 1 <= int(month.group("m")) <= 12:
            candidates.append((0, end - index, f"{month.group('y')}-{month.group('m')}", "month"))
            continue
        # "Press release | Date: 07/11/2025 | No: 98/2025", "Posted in Local News / By Hafiz Ramli / March 3
        # 2026 5:12 pm": a field of a line of fields is a stamp too, as is a credit in brackets closing a
        # repost's title line ("… (Mining Weekly – June 6, 2025)").
        pieces = [line, *re.split(r" [|/] ", line)] if " | " in line or " / " in line else [line]
        if len(line) <= _MAX_STAMP_CHARS * 2 and ", " in line and _PUBLISHED.search(line) and _UPDATED.search(line):
            # "Updated October 3 2025 - 9:12am, first published October 2 2025 - 4:45pm": the published part
            published = [piece for piece in re.split(r",\s+|\s+[|·•]\s+", line) if _PUBLISHED.search(piece)]
            if published and _piece_date(published[0], lines):
                line, pieces = published[0], [published[0]]
        credit = _CLOSING_CREDIT.search(line)
        if credit:
            pieces.append(credit.group(1))
        found = next((d for piece in pieces if (d := _piece_date(piece, lines))), None)
        issue = _ISSUE.match(line)
        if issue and (found is None or found.precision == "year"):
            # "ISSUE: 2025 No. 47": a periodical's issue states the year it was published in.
            candidates.append((4, end - index, issue.group("year"), "year"))
            continue
        if found is None or found.precision == "year":
            continue
        if found.precision == "month":
            # "March 2024" under a think tank's byline, "Issue #87 · March 2024": the page's date, at the
            # precision it is stated, after any stamp that gives the day.
            candidates.append((3, end - index, found.iso, "month"))
            continue
        # A stamp right under the headline is its story's (a list of other cases may stand nearer the text).
        rank = (0.25 if _BARE_DATE_LABEL.match(line) else 0) if _PUBLISHED.search(line) else 2 if _UPDATED.search(line) else \
            0.5 if headline_at is not None and 0 < index - headline_at <= _UNDER_HEADLINE else 1
        candidates.append((rank, end - index, found.iso, "day"))
    if not candidates:
        # A caption may stand between the deck and the stamp: a "Published" stamp a few lines on is still
        # the head's, its label says so.
        for line in lines[end:end + _LABELLED_STAMP_REACH]:
            found = (_PUBLISHED.search(line) or _BYLINED.search(line)) and len(line) <= _MAX_STAMP_CHARS \
                and _piece_date(line, lines)
            if found and found.precision == "day":
                return found.iso, found.precision
        return None
    _, _, iso, precision = min(candidates)
    return iso, precision


_FIRST_PUBLISHED = re.compile(r"(?i)\b(?:was|were)\s+(?:first|originally)\s+published\b")


# A stamp signed by its writer ("April 17th, 2025 by Dale Kessler") is the story's, as a "Published" one is.
_BYLINED = re.compile(r"\d\s*(?:[|·•,-]\s*)?by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*$")


# A post's age under its author ("2d · 🌐", "5d • Edited •", "3 hrs ·") or a page's "2 days ago".
_RELATIVE_STAMP = re.compile(r"^\s*\d{1,2}\s?[hdw]\s*[·•]|^\s*\d{1,2}\s?(?:mins?|hrs?|hours?|days?|weeks?)\s*[·•]"
                             r"|\b\d{1,2}\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?$")
_CLOSING_CREDIT = re.compile(r"\(([^()]{4,60})\)\s*$")
# "Rania Khoury, 18/02 16:00 - Reading : 4 minute(s)": a stamp's day and month and its time, no year.
_YEARLESS_CLOCK = re.compile(r"(?<![\d/.])[0-3]?\d/[01]?\d(?![/.]?\d)\s*[-–,]?\s*\d{1,2}:\d\d\b")
# "LRT.lt2024.05.14 17:42": a byline's outlet glued to a year-first stamp.
_GLUED_DATE = re.compile(r"(?<=[a-z])(?=(?:19|20)\d\d[./-][01]?\d[./-][0-3]?\d\b)")
# "April 26, 20246:51 PM ET": a year and a time set without a space; "22 Oct 202522 Oct 2025": a stamp
# glued to its hidden twin; "Tue., Oct. 21, 20252 min. read": a stamp glued to its reading time.
_GLUED_TIME = re.compile(r"\b((?:19|20)\d\d)(?=\d{1,2}:\d\d\b|\d{1,2}\s+[^\W\d_]{3,}\.?\s+(?:19|20)\d\d\b|\d{1,2}\s?min\.?\s+read\b)")


def _unglued(line: str) -> str:
    # Both glues need a year's digits with a digit or a date's separator right after them: a line without
    # "19" or "20", or with no such year, is left as it is (most lines with a year have a space after it).
    if "20" not in line and "19" not in line or not _GLUED_YEAR.search(line):
        return line
    return _GLUED_DATE.sub(" ", _GLUED_TIME.sub(r"\1 ", line))


# What a match of _GLUED_TIME (a year, then a digit) or of _GLUED_DATE (a year, then a separator) holds.
_GLUED_YEAR = re.compile(r"(?:19|20)\d\d[\d./-]")


def _wrapped_sentence_end(lines: list[str], index: int, headline_at: int | None) -> bool:
    """A line in lower case ending as a sentence, under a line of text that runs on (not the headline, under
    which a stamp in lower case may stand: "by Karl Azzopardi/Sail-World on 14 Oct 2025")."""
    line, above = lines[index], lines[index - 1] if index else ""
    return line[:1].islower() and _SENTENCE_END.search(line) is not None and index - 1 != headline_at \
        and len(above.split()) >= 6 and not above.endswith((".", "!", "?", ":"))


def _body_start(lines: list[str], clean: CleanText) -> int:
    """One past the first paragraph's line: the first long line that ends as a sentence does, else the
    line cleaning's first paragraph starts on. Its own line may open with a date ("Baku/18.10.22/Turan:")."""
    probe = clean.lines[0][:40] if clean.lines else ""
    found = _line_index(lines[:_HEAD_LINES], probe) if probe else None
    for index, line in enumerate(lines[:_HEAD_LINES]):
        if len(line.split()) >= 12 and _SENTENCE_END.search(line) and not (line.endswith("?") and len(line.split()) < 25) \
                and not is_junk_line(line):
            # (a short line that asks is as often a headline; a cookie notice is furniture). A sentence above
            # the line cleaning begins the text on is the head's ("Our year-end drive is on: give today …").
            return index + 1 if found is None or found <= index else found + 1
    return min(len(lines), _HEAD_LINES) if found is None else found + 1


def _story_list(stamps: list[DateMention | None]) -> bool:
    # "SOCAR President meets TotalEnergies delegation" / "13 October, 2025 / 18:27", twice or more: the
    # stamps of a "Latest news" list under the text date other stories (a "Published" stamp over an
    # "Updated" one stand together).
    return sum(1 for before, stamp in zip(stamps, stamps[1:]) if stamp and not before) >= 2


def _line_index(lines: list[str], text: str) -> int | None:
    probe = text[:40]
    return next((i for i, line in enumerate(lines) if probe in line), None)


_ISSUE = re.compile(r"(?i)^(?:issue|vol\.|volume|edition)\s*:?\s*(?:no\.\s*\d+\s*[,/]?\s*)?(?P<year>(?:19|20)\d\d)\b(?!\s*[-/.]\d)")


def _piece_date(piece: str, page: list[str]) -> DateMention | None:
    """A stamp's date; its numbers read either way round when the date finder only sees a year in them
    ("04-06-2026 14:30")."""
    compact = _COMPACT_STAMP.fullmatch(piece)
    if compact:
        # "20251015" on a line of its own under the byline: a page's date code, year, month and day.
        return DateMention(0, len(piece), int(compact["y"]), int(compact["m"]), int(compact["d"]))
    found = _stamp_date(piece)
    if found is None or found.precision == "year":
        found = _numeric_stamp(piece, page) or found
    return found


_COMPACT_STAMP = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])")


def _running_header_date(lines: list[str]) -> tuple[str, str] | None:
    """The date of a periodical's running header or footer: a stamp line printed on every page of a PDF
    ("96    JEUNE AFRIQUE – N° 3146 – AVRIL 2025", "… AVRIL 2025    97"), page numbers aside, twice or more."""
    seen: Counter[str] = Counter(_PAGE_NUMBER.sub("", line) for line in lines if len(line) <= _MAX_STAMP_CHARS
                                 and any(ch.isdigit() for ch in line))
    for line, count in seen.items():
        if count >= 2 and line:
            found = _stamp_date(line)
            if found and found.precision in ("day", "month"):
                return found.iso, found.precision
    return None


_PAGE_NUMBER = re.compile(r"^\d{1,3}\s+|\s+\d{1,3}$")     # a page number, not a year


def _stamp_date(line: str) -> DateMention | None:
    """The date of a line that is only a date line ("Publicado em 20 de março de 2024 - 19:23",
    "MineWire Staff | July 19, 2024 | 4:52 pm", "20 December 2024 | News release | Kigali"), else None.
    A span ("11-12 July 2024") dates an event, not the page."""
    if len(line) > _MAX_STAMP_CHARS:
        return None
    found = next((d for d in find_dates(line) if d.year is not None), None)
    # "2024-07-30" holds a dash between digits, but no span: only a date written in words can be one.
    if found is None or _RANGE.search(line, found.start, found.end) and not _NUMERIC.fullmatch(line[found.start:found.end]):
        return None
    if "|" in line[:found.start]:
        # "By LIU XUAN | chinadaily.com.cn | Updated: 2024-07-30 09:12": a byline's pieces, then the stamp.
        line, shift = line[line.rindex("|", 0, found.start) + 1:], line.rindex("|", 0, found.start) + 1
        found = DateMention(found.start - shift, found.end - shift, found.year, found.month, found.day)
    # "by Karl Azzopardi/Sail-World on 14 Oct 2025": a byline's name and outlet before the date are no text.
    before = [] if _BYLINE_BEFORE.match(line[:found.start]) or _ISSUER_BEFORE.match(line[:found.start]) \
        else _words(line[:found.start])
    after = _words(line[found.end:])
    if len(before) > _MAX_STAMP_WORDS:
        # "The China Post news staff Monday, July 31, 2017, 9:47 pm TWN": a date with its clock after a
        # byline is the byline's stamp; a sentence that gives an hour ends as one.
        return found if _CLOCK_AFTER.match(line, found.end) and not _SENTENCE_END.search(line) else None
    if len(before) + len(after) <= _MAX_STAMP_WORDS or _AFTER_DATE_SEPARATOR.match(line, found.end):
        return found
    return None


_CLOCK_AFTER = re.compile(r",?\s*(?:at\s+)?\d{1,2}[:.]\d\d\b", re.IGNORECASE)
# "Issued by FFA Media, Honiara, Solomon Islands – 18th October 2024": a release's issuer and place, then its date.
_ISSUER_BEFORE = re.compile(r"(?i)^\W*(?:issued|released|distributed|published)\s+by\s+[^|;:.]{1,80}?\s*[|–—-]\s*$")
_BYLINE_BEFORE = re.compile(r"(?i)^\s*by\s+[A-Z][^|,;:.]{1,60}?\s+(?:on|at|[|–—-])\s*$")
_NUMERIC = re.compile(r"[\d./-]+")
_NUMERIC_STAMP = re.compile(r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)?\d\d)\b(?![.\d])")
# A stamp's clock, then a mark that sets the stamp apart from what follows it (its age, its byline), or the
# line's end after a clock said with its preposition ("Le 01/11/2025 à 09h47").
_CLOCK_THEN_SEPARATOR = re.compile(r"\s*(?:\d{1,2}[:h]\d\d(?::\d\d)?\s*)?[|•·‧–—]"
                                   r"|\s*,?\s*(?:à|a las|às|at|um|alle|o)?\s*\d{1,2}[:h]\d\d(?::\d\d)?\s*(?:h|hs|Uhr)?\s*$")
_REFERENCE_LABEL = re.compile(r"(?i)\b(?:no|nr|case|ref|file|docket|number)\b\.?\s*:?\s*$|#\s*$")
# A US zone on the page, or 12-hour clock time in the stamp itself: the US way, month first (a "5pm" in the
# text is as Australian or British as American).
# (in capitals: French "et" and "est" are no zones)
_US_ZONE = re.compile(r"\b(?:ET|EST|EDT|CT|CST|CDT|PT|PST|PDT)\b")
_US_CLOCK = re.compile(r"\d\s?[AP]\.?M\b", re.IGNORECASE)


def _numeric_stamp(line: str, page: list[str]) -> DateMention | None:
    """A stamp whose numbers the date finder leaves unread: "11/05/2024 - 13:25" (either way round),
    "DANIEL OKAFOR - 12/3/2024, 2:19 PM", "Published: 11.21.24, 18:04" (a month first, a two-digit
    year). A day over 12 settles the order; otherwise day first, as most of the world writes it, unless
    the page keeps US clock time. The year is the one written, never a guess."""
    found = _NUMERIC_STAMP.search(line)
    if not found or len(_words(line[:found.start()])) > _MAX_STAMP_WORDS:
        return None
    if _words(line[found.end():]) and not _CLOCK_THEN_SEPARATOR.match(line, found.end()):
        return None       # "… 12/3/2024 and 2025" is a sentence's; "18/07/25 14:32 ‧ há 3 horas por Lusa" a stamp
    if _REFERENCE_LABEL.search(line[:found.start()]) or found.group("sep") == "-" and len(found.group("y")) == 2:
        return None       # "Case no. 5-25-14", "Ref. 12-03-24": a file's number, not a date
    a, b, year = int(found.group("a")), int(found.group("b")), found.group("y")
    year = int(year) if len(year) == 4 else 2000 + int(year)
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        us = found.group("sep") == "/" and (bool(_US_CLOCK.search(line))
                                            or any(_US_ZONE.search(text) for text in [line, *page[:_HEAD_LINES]]))
        day, month = (b, a) if us else (a, b)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateMention(found.start(), found.end(), year, month, day)


_DATE_LABEL = re.compile(r"(?i)\b(?:date|time)\b")     # a label beside a stamp's date or its clock ("Date: 05-03-2025 Time: 04:21 PM")


def _words(text: str) -> list[str]:
    text = _UPDATED.sub(" ", _DATE_LABEL.sub(" ", _PUBLISHED.sub(" ", _STAMP_NOISE.sub(" ", text))))
    return [w for w in text.split() if weekday_number(w) is None and not w.isdigit()]


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
