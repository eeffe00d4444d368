"""Cleaning: raw article text -> the lines that are the article, with the stamps and byline set aside.

Pure: text in, CleanText out. Junk patterns live in data/junk.yml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator import outlets, resources
from generator.dates import find_dates
from generator.gazetteer import Substrings
from generator.head import (agrees_with_lead, choose_headline, content_stems, first_paragraph, is_furniture,
                            is_newsletter, is_platform_name, is_ticker, lexicon, line_key, navigation_follows,
                            newsletter_lead_story, post_age, without_breadcrumb, without_lone_bullet, word_count)
from generator.model import CleanText

_DATE_PREFIX = re.compile(r"^\s*(?:date|published|posted|updated)\s*:?\s*(\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\s+", re.I)
_STAMP_WORDS = re.compile(
    r"(?i)\b(?:published|posted|updated|update|date|last update[d]?|created|time|at|on)\b|[#|:,.()\[\]+\-–—/·•]|\butc\b|\bgmt\b|\b(?:am|pm)\b|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
)
_BYLINE_GLUED = re.compile(r"^By\s+(?P<name>[A-Z][\w'’-]*[a-z](?:\s+[A-Z][\w'’-]*[a-z]){0,2}?)(?P<rest>[A-Z][a-z].*)$")
_BYLINE_LINE = re.compile(r"^(?:By|Author:?|Written by)\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*(?:[,|/–-].{0,40})?$")
# "threats.The parties" -> two sentences; "News.Az" and "Report.Az" are names, not two sentences.
_GLUED_SENTENCE = re.compile(
    r"(?:(?<=[a-z\d)%]{2}[.!?])|(?<=[a-z]{2}[.!?][\"”’]))"
    r"(?!(?:Az|Ru|Com|Net|Org|Info|Ge|Uz|Kz|Cn|Rs|Tr|Ua|By|Am)\b)(?=[A-Z][a-z]+[\s,;:])"
)
_DATELINE = re.compile(
    r"^(?P<dateline>(?P<place>[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,2})"
    r"(?:\s*,\s*[A-Z][a-z]+)?"                                  # "Baku, Azerbaijan"
    r"(?:\s*[,.]\s*|\s+)"
    r"(?P<when>[^()/–—]{0,40}?)"
    r"\s*(?:\((?P<agency1>[A-Za-z][\w .-]{1,30})\)|/(?P<agency2>[A-Za-z][\w .-]{1,30})/|,\s*(?P<agency3>[A-Z][\w.-]{1,20}(?:\s[A-Z][\w.-]+)?)\b)?"
    r"(?:\s*(?:--|—|–|-|:|\.)\s+|\s*$))"
)
# A Markdown heading's markers ("## Title ##") are formatting of a saved .md source, not its text.
_HEADING_MARKERS = re.compile(r"^#{1,6}\s+(?=\S)|\s+#+$")
_MAX_HEADLINE_WORDS = 30
_MAX_STAMP_CHARS = 80


@lru_cache(maxsize=1)
def _patterns():
    data = resources.load_data("junk.yml")
    plain = [row for row in data["junk_lines"] if isinstance(row, str)]
    guarded = tuple((tuple(row["needs"]), re.compile(row["pattern"], re.IGNORECASE))
                    for row in data["junk_lines"] if isinstance(row, dict))
    junk = _JunkPatterns(re.compile("|".join(f"(?:{p})" for p in plain), re.IGNORECASE), guarded)
    trailing = re.compile("|".join(f"(?:{p})" for p in data["trailing_block_headers"]), re.IGNORECASE)
    suffixes = "|".join(re.escape(s) for s in data["headline_suffixes"])
    suffix = re.compile(rf"\s+(?:\||[-–—]\s)\s*(?:{suffixes}|{outlets.alternation()})\s*$", re.IGNORECASE)
    return junk, trailing, suffix


_MAX_JUNK_CHARS = 400      # page furniture is short; a paragraph is never tried against every pattern


class _JunkPatterns:
    """junk.yml's rows: one alternation of the rows tried on every line, and the rows tried only on a line
    that holds one of their words."""

    def __init__(self, plain: re.Pattern, guarded: tuple[tuple[tuple[str, ...], re.Pattern], ...]):
        self.plain, self.guarded = plain, guarded
        # Which rows' words a line holds, found in one pass over it rather than one search for each word.
        self._words = Substrings(n for needs, _ in guarded for n in needs)

    def fullmatch(self, line: str) -> bool:
        if self.plain.fullmatch(line):
            return True
        held = self._words.held(line.lower())
        return bool(held) and any(pattern.fullmatch(line) for needs, pattern in self.guarded if not held.isdisjoint(needs))


def is_junk_line(line: str) -> bool:
    if len(line) > _MAX_JUNK_CHARS:
        return False
    junk, _, _ = _patterns()
    return bool(junk.fullmatch(line.strip())) or _is_shouting(line)


_LATIN_WORD = re.compile(r"[A-Za-z]+")
_INNER_STOP = re.compile(r"[.!?]\s*\S")


def _is_shouting(line: str) -> bool:
    # A whole line in capitals with three or more words is a widget or banner, not article text.
    if line.upper() != line:
        return False        # most lines: a lower-case letter settles it
    return len(_LATIN_WORD.findall(line)) >= 3 and not _INNER_STOP.search(line)


def _may_be_a_shouted_headline(line: str) -> bool:
    """A line in capitals above the article's text, long enough for a headline ("WEEKLY PRESS BRIEFING ON
    THE ACTIVITIES OF THE MINISTRY"): kept for the headline's choice, which weighs it against the lead."""
    return _is_shouting(line) and len(line.split()) >= 5 and not _patterns()[0].fullmatch(line.strip())


def date_stamp(line: str) -> str | None:
    """The line itself when it is only a date or timestamp ("# 22 October 2019 13:43 (UTC +04:00)")."""
    if len(line) > _MAX_STAMP_CHARS:
        return None
    dates = find_dates(line)
    if not dates or dates[0].year is None:
        return None
    rest = line[:dates[0].start] + line[dates[0].end:]
    rest = re.sub(r"\b\d{1,2}:\d{2}(?::\d{2})?\b|\+?\d{1,2}:?\d{2}\b", " ", rest)
    rest = _STAMP_WORDS.sub(" ", rest)
    # "Ayhan Şimşek |09.05.2024 - Update : 09.05.2024": a stamp with the author's name beside it.
    if not rest.strip() or ("|" in line and re.fullmatch(r"\s*(?:[A-ZÀ-Ž][\w'’-]+\s*){1,3}", rest)):
        return line.strip()
    return None


def strip_headline_suffix(headline: str) -> str:
    """'New Stage … | Opinion' -> 'New Stage …'; a site's address before it ("allAfrica.com: …") goes too."""
    _, _, suffix = _patterns()
    # The suffix, byline, bar and dash patterns each cut at a bar or a dash after a space; every step below
    # leaves a part of the line, so a line without one never gains one, and most headlines have none.
    separated = _SEPARATOR.search(headline) is not None
    headline = _TEMPLATE.sub("", suffix.sub("", headline) if separated else headline).strip()
    headline = _SITE_PREFIX.sub("", headline)
    headline = _FORWARDED.sub("", headline)
    named = _NAMED_PREFIX.match(headline)
    if named and outlets.name_words().newsletter_name.search(named.group("name")):
        headline = headline[named.end():]       # "Devex Newswire: Malaria's comeback warning" (not "Nigeria: …")
    if separated:
        headline = _BYLINE_SUFFIX.sub("", headline)
    headline = _PAGE_SUFFIX.sub("", headline)           # a forum thread's ", page-1"
    headline = _FILE_SUFFIX.sub("", headline)           # a download link's "[PDF 486KB]"
    # "… target | Interest rates | The Guardian": a site's section and name after bars, a few words each.
    while separated and (found := _BAR_SUFFIX.search(headline)) and found.start() > 0:
        headline = headline[:found.start()].rstrip()
    # "… turboprop - The Korea Times": a dash and an outlet's name, as a browser's title shows it.
    found = _DASH_SUFFIX.search(headline) if separated else None
    if found and found.start() > 0 and outlets.looks_like_outlet(found.group("name")):
        headline = headline[:found.start()].rstrip()
    return headline


# "… still down ({{contentCtrl.commentsTotal}})": a page template's placeholder left after the headline.
# Only at its end: cut from inside, the headline would be two pieces of the line joined.
_TEMPLATE = re.compile(r"\s*\(?\{\{[^{}]*\}\}\)?\s*$")
# "… exports from 2027 – by Thandi Mokoena (Mining Weekly – June 6, 2025)": a repost's credit after the headline.
_BYLINE_SUFFIX = re.compile(r"\s+[-–—|]\s+[Bb]y\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*\([^()]*\))?$")
# An e-mail's subject label and its forwarding and reply marks ("Subject: Fwd: …").
_FORWARDED = re.compile(r"^(?:(?:Subject|Fwd?|FW|Re|RE|AW|WG|TR)\s*:\s*)+")
# The name of a newsletter or an outlet before its headline ("Devex Newswire: …"); a company's or a country's
# name before it stays ("FINCANTIERI: ORDER FROM VIKING …", "Nigeria: …").
_NAMED_PREFIX = re.compile(r"^(?P<name>[A-Z][^:|]{1,40}?):\s+(?=\S)")
_FILE_SUFFIX = re.compile(r"\s*[\[(](?:PDF|DOCX?|XLSX?|PPTX?)\b[^\])]{0,20}[\])]$"
                          # "… Profit Warning Dec 15, 2025 PDF (188 KB)": a download link's date, type and size
                          r"|(?:\s+[A-Z][a-z]{2,8}\.?\s+[0-3]?\d,\s+(?:19|20)\d\d|\s+[0-3]?\d\s+[A-Z][a-z]{2,8}\s+(?:19|20)\d\d)?"
                          r"\s+(?:PDF|DOCX?|XLSX?)\s*\(\s*\d[\d.,]*\s*[KM]B\s*\)$", re.IGNORECASE)
_PAGE_SUFFIX = re.compile(r",?\s+[-–(]?\s*page[- ]\d+\)?$", re.IGNORECASE)
_SITE_PREFIX = re.compile(r"^[A-Za-z][\w-]*\.(?:com|net|org|[a-z]{2})\s*[:|]\s+(?=\S)")
_DASH_SUFFIX = re.compile(r"\s+[-–—]\s+(?P<name>[^-–—]{2,40})$")


_BAR_SUFFIX = re.compile(r"\s+\|\s*(?:[^|\s]+\s?){1,4}$")
# What each of the suffix's, _BYLINE_SUFFIX's, _BAR_SUFFIX's and _DASH_SUFFIX's matches holds.
_SEPARATOR = re.compile(r"\s(?:\||[-–—]\s)")


# Where _GLUED_SENTENCE can match at all: a stop, maybe a closing quote, then a capital. Most lines
# have none, and the full pattern's lookbehinds are tried at every character of a line.
_GLUED_HINT = re.compile(r"[.!?][\"”’]?[A-Z]")


def _split_glued(text: str) -> str:
    return _GLUED_SENTENCE.sub(" ", text) if _GLUED_HINT.search(text) else text


_SENTENCE_WORDS = 6


def has_sentence(text: CleanText) -> bool:
    """Whether any article text is left: a line of some words that reads as a sentence, not a menu item."""
    return any(_reads_as_sentence(line) for line in text.lines)


def _reads_as_sentence(line: str) -> bool:
    # Some words, and a letter not in capitals (a menu set in capitals is no text): a script without case
    # (Arabic, Hebrew, Devanagari) has no capitals at all, and one written without spaces (Chinese,
    # Japanese, Thai) no words to count, so its letters are counted instead, up to a stop.
    if len(line.split()) >= _SENTENCE_WORDS:
        return any(ch.isalpha() and not ch.isupper() for ch in line)
    caseless = sum(ch.isalpha() and not ch.isupper() and not ch.islower() for ch in line)
    return caseless >= _SENTENCE_LETTERS and line.rstrip().endswith(_STOPS)


_SENTENCE_LETTERS = 20
_STOPS = (".", "!", "?", "。", "！", "？", "।", "۔", "؟")


def _with_wrapped_titles(head: list[str], origin: list[int]) -> list[str]:
    """A title set over two or three lines, as a report's cover sets it, joined on the first of them (the
    others left empty): "Ethiopia's Eurobond Impasse:" / "What the Common Framework" / "Still Gets Wrong";
    "Trump's 25 Percent Steel and Aluminum" / "Tariffs: Who Pays and Who Retaliates". Only lines that follow
    each other in the paste are joined (`origin`: each line's place there), as unwrap_lines joins a wrap."""
    head = list(head)

    def next_to(number: int) -> bool:
        return number + 1 < len(head) and origin[number + 1] == origin[number] + 1

    for number in range(len(head) - 1):
        first, following = head[number], head[number + 1]
        if next_to(number) and _shouted_tail(first, following) and not next_to(number + 1):
            # "… AN ALLIANCE FORGED IN THE DEFENCE" / "INDUSTRY": a title in capitals whose last word or two
            # wrapped onto a line of their own, which ends the block
            head[number], head[number + 1] = f"{first} {following}", ""
            continue
        longest = 12 if ":" in first[:-1] else 8      # a title and its subtitle make a longer first line
        if not next_to(number) or not (2 <= len(first.split()) <= longest and _title_cased(following)) \
                or first.endswith((".", "!", "?")):
            continue
        if first.endswith(":"):
            # after the colon, the title's second part: a line or two of title-case words
            # (the last may ask: "… Protecting Industry or Raising" / "Revenue?")
            span = 2 if next_to(number + 1) and _title_cased(head[number + 2].rstrip("?!")) and len(head[number + 2].split()) <= 4 \
                and not first.endswith("::") else 1
        elif ":" in " ".join(following.split()[:3]) and _title_cased(first):
            span = 1          # the first line's phrase runs on to the colon in the next
        elif ":" in first[:-1] and len(following.split()) <= 4 and not next_to(number + 1) \
                and not following.startswith("By ") and not find_dates(following) and not is_furniture(following):
            span = 1          # "Polluter Pays on the Ndarugu: What the Thika ELC Judgment" / "Means for River Communities":
            # a title and its subtitle whose last words wrapped onto a short line that ends the block
        else:
            continue
        parts = head[number:number + 1 + span]
        head[number] = " ".join(parts)
        for offset in range(1, span + 1):
            head[number + offset] = ""
    return head


def _shouted_tail(first: str, following: str) -> bool:
    return len(first.split()) >= 4 and 1 <= len(following.split()) <= 3 and first.isupper() and following.isupper() \
        and not first.endswith((".", "!", "?", ":")) and not any(ch.isdigit() for ch in following)


def _title_cased(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 8 and not line.endswith((".", "!", "?", ",")) and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words)


_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "vs", "v"})


def _text_after_box(raw: list[str], start: int) -> int | None:
    """Where the article's text resumes after a box of other stories set inside it: one to three short
    headline lines, then two paragraphs of text. None when the box ends the article."""
    lines = [(n, " ".join(raw[n].split())) for n in range(start, min(len(raw), start + 12)) if raw[n].strip()]
    short = 0
    for position, (number, line) in enumerate(lines):
        if len(line.split()) < 20 and not _is_sentence(line):
            short += 1
            if short > 3:
                return None
            continue
        after = [text for _, text in lines[position:position + 2]]
        paragraphs = len(after) == 2 and all(len(text.split()) >= 20 and _is_sentence(text) for text in after)
        return number if short and paragraphs else None
    return None


def _is_sentence(line: str) -> bool:
    return len(line.split()) >= 4 and line.endswith((".", "!", "?", '"', "”"))


def _is_paragraph(line: str) -> bool:
    return len(line.split()) >= 20 and _is_sentence(line)


def _sidebar_above_text(kept: list[str], raw: list[str], start: int) -> bool:
    """Whether a "Top news" box stands in the page's head: no paragraph yet (a board member's "Vice
    President, Hemisferio Logistics Inc." or a question headline end on a stop, but are no text), and
    paragraphs further down. A box after the text ends the article, however short its text."""
    return not any(_is_paragraph(line) for line in kept) and any(_is_paragraph(" ".join(line.split())) for line in raw[start:])


def _split_head(lines: list[str], owners: tuple[str, ...] = (), origin: list[int] | None = None,
                posted: bool = False, age_at: int | None = None,
                newsletter: bool = False) -> tuple[str | None, list[str], list[str]]:
    """(headline, body lines, masthead): the head of the page is the lines above the first paragraph;
    the headline is the one of them that reads as the lead's (head.py). What stands above it is the
    masthead (kept for the source); below it, only sentences stay (a deck), not bylines, badges or credits.
    `posted`: the page is a social post (a network's name over it); `age_at`: how many of the lines stand
    above a post's age ("3h •"), which a post has and a portal prints under a story's byline too."""
    head_end = first_paragraph(lines)
    if head_end == len(lines):          # no paragraph to compare with: a short text, its first line
        return _first_line_headline(lines)
    if head_end == 1 and not is_furniture(lines[0]) and not is_ticker(lines[0]) and not _label_over(lines[0], lines[1]):
        # A note or a plain text file: one line above the text is its title, whatever its shape.
        return _first_line_headline(lines)
    origin = origin or list(range(len(lines)))
    candidates = without_lone_bullet(_with_wrapped_titles(
        ["" if is_ticker(line) else strip_headline_suffix(line) for line in lines[:head_end]], origin))
    above_menu = navigation_follows(lines, 1)
    # A social post has no headline: its author's name and tagline stand above its age (head.py).
    chosen = None if posted else choose_headline(candidates, " ".join(lines[head_end:head_end + 2]), lines,
                                                 first_above_menu=above_menu, owners=owners, post_age_at=age_at)
    if chosen is None and len(lines) > head_end + 3 and not posted and age_at is None:
        # The first paragraphs may be a notice the head says nothing of ("This document has been translated
        # from the Japanese original for reference purposes only …"): the text after them is the lead.
        chosen = choose_headline(candidates, " ".join(lines[head_end + 2:head_end + 4]), lines,
                                 first_above_menu=above_menu, owners=owners)
    lead_story = None if not newsletter or posted or age_at is not None or (
        chosen is not None and agrees_with_lead(candidates[chosen], " ".join(lines[head_end:head_end + 2]))) \
        else newsletter_lead_story(lines, head_end)
    if lead_story is not None:
        # a newsletter's lead story under the editor's greeting: its heading is the headline, the head
        # above (the list's name, tagline and contents) its masthead
        head = lines[:head_end]
        return lines[lead_story], [line for line in head if _is_head_text(line)] + lines[head_end:lead_story] \
            + lines[lead_story + 1:], [line for line in head if not _is_head_text(line)]
    if chosen is None:
        head = lines[:head_end]
        if posted or age_at is not None:
            # a post's author, the tagline of fields under the name and the buttons are none of its text
            return None, [line for line in head if _is_head_text(line) and " | " not in line] + lines[head_end:], \
                [line for line in head if not _is_head_text(line) or " | " in line]
        return None, [line for line in head if _is_head_text(line)] + lines[head_end:], \
            [line for line in head if not _is_head_text(line)]
    chosen = _without_tab_tail(candidates, chosen)
    chosen = _title_over_subtitle(candidates, chosen, origin)
    headline = candidates[chosen]
    body = [line for line in lines[chosen + 1:head_end] if _is_head_text(line)] + lines[head_end:]
    return headline, _without_repeats(body, lines[chosen], headline), lines[:chosen]


_NEWSLETTER_HEAD_LINES = 30     # a newsletter's mail-client lines and contents stand this high


def _without_tab_tail(candidates: list[str], chosen: int) -> int:
    # The browser tab's "<headline> - Nasional" or "Deutscher Bundestag - <headline>" above the page's own
    # "<headline>": the tab's copy adds a section's or a site's name that the site-suffix table cannot
    # know, and the page's line is the headline.
    # A tab's title cut short ("SSAB to close blast furnace operations in Oxelösund") above the page's
    # whole headline ("…; around 550 positions affected") gives way to it too.
    line = candidates[chosen]
    return next((number for number, other in enumerate(candidates) if number != chosen and len(other.split()) >= 3
                 and (line.startswith(other) and _TAB_TAIL.fullmatch(line, len(other))
                      or line.endswith(other) and _TAB_HEAD.fullmatch(line, 0, len(line) - len(other))
                      or number > chosen and other.startswith(line) and other[len(line):len(line) + 2] in ("; ", ": ", ", "))),
                chosen)


def _title_over_subtitle(candidates: list[str], chosen: int, origin: list[int]) -> int:
    # A report's cover under its series' name ("POLICY BRIEF", "Clingendael Policy Brief"): a short title
    # ("Between Baku and Beijing") right over the longer line that says what it is about, its subtitle,
    # which the lead's words favour.
    above = chosen - 1
    # (the series' name right over the cover, not a "Commentary" among the menu's items far above it)
    if above < 1 or origin[above] + 1 != origin[chosen] \
            or not _report_series().search(" ".join(candidates[max(0, above - 3):above])):
        return chosen
    title, subtitle = candidates[above], candidates[chosen]
    words = title.split()
    if 2 <= len(words) <= 7 and len(words) < len(subtitle.split()) and not title.endswith((".", ":", "?", "!")) \
            and not any(ch.isdigit() for ch in title) and title[:1].isupper() and not is_furniture(title) \
            and not _report_series().search(title):
        return above
    return chosen


@lru_cache(maxsize=1)
def _report_series() -> re.Pattern:
    return re.compile(rf"(?i)\b(?:{outlets.name_words().report_series})\b")


_TAB_TAIL = re.compile(r"(?:\s+[-–—|]\s+[^\W\d_][\w&' ]{0,40}){1,3}")     # "- Hansard written question HL5873 - UK Parliament"
_TAB_HEAD = re.compile(r"[^\W\d_][\w&' ]{0,30}\s+[-–—|]\s+")


def _label_over(line: str, lead: str) -> bool:
    # "From the Newsroom" over a text that never says its words: a section's label, which the scoring of
    # head lines weighs, not a note's title (a note's "A long article" is one, whatever it says).
    words = line.split()
    return 1 < len(words) <= 3 and words[0].lower() in outlets.name_words().label_openings \
        and all(word.isalpha() for word in words) and not content_stems(line) & content_stems(lead)


def _over_the_byline(kept: list[str], origin: list[int], byline_at: int,
                     body: list[str]) -> tuple[str | None, list[str]]:
    """(headline, body) when no line of the head read as the headline: the line right above the byline, if
    it is shaped as one ("Former deputy mayor wins Campbellton byelection" over "By The Canadian Press",
    under a caption that the copy set above it). `kept`: the lines before the head was split, `origin`
    their places in the paste."""
    for number, line in enumerate(kept[:40]):
        # the byline's next line above it, a blank between them or none
        if byline_at - 2 <= origin[number] < byline_at and (number + 1 >= len(kept) or origin[number + 1] > byline_at):
            words = line.split()
            if 4 <= len(words) <= _MAX_HEADLINE_WORDS and not line.endswith((".", ":", ",")) and line in body:
                at = body.index(line)
                return strip_headline_suffix(line), body[:at] + body[at + 1:]
    return None, body


def _without_repeats(body: list[str], *headline: str) -> list[str]:
    """The body without the lines that repeat the headline (as written, or without its suffix); a long
    paragraph that happens to say the same words is text."""
    repeats = {line_key(line) for line in headline}
    return [line for line in body if len(line) > 300 or line_key(line) not in repeats]


def _is_head_text(line: str) -> bool:
    """A line of the head that is article text (a deck, a lead set apart, a dateline), not furniture."""
    if len(line.split()) >= 8:
        return not is_furniture(line) and not is_ticker(line) and not lexicon().credits.search(line)
    found = _DATELINE.match(line)
    return bool(found and _is_dateline(found))


def _first_line_headline(lines: list[str]) -> tuple[str | None, list[str], list[str]]:
    masthead = []
    while len(lines) > 1 and _is_page_header(lines[0]):
        masthead.append(lines.pop(0))
    if len(lines) > 1 and _could_be_headline(lines[0]):
        headline = strip_headline_suffix(lines[0])
        return headline, _without_repeats(lines[1:], lines[0], headline), masthead
    return None, lines, masthead


def _could_be_headline(line: str) -> bool:
    words = line.split()
    if not words or len(words) > _MAX_HEADLINE_WORDS or len(line) > 250:
        return False
    if line.endswith(".") and not line.endswith("..."):
        return False
    return True


# A line that ends like this is cut mid-phrase: text from a PDF or an e-mail, wrapped at a width.
# The characters _OPEN_END's endings end on, in either case ("ſ" is an "s" to a pattern that ignores case).
_OPEN_END_LAST = frozenset("fFeEaAnNdDrRoOhHyYtTmMsSſ,-")
_OPEN_END = re.compile(r"(?:\b(?:of|the|a|an|and|or|to|in|on|for|with|by|at|from|its|their|his|her)|,|(?<=[a-z])-|(?<=\w)['’]s)$",
                       re.IGNORECASE)


def _open_end(line: str) -> bool:
    # The pattern is anchored at the line's end: searched from a few characters before it (the longest
    # ending, "their", and the word boundary before it), not from every character of a paragraph, and only
    # when the line ends on a character one of its endings ends on (most lines end on a stop). A
    # possessive ("What Jordan's") owns what the next line says.
    last = line[-2:-1] if line.endswith("\n") else line[-1:]      # "$" stands before a last line break too
    return last in _OPEN_END_LAST and bool(_OPEN_END.search(line, max(0, len(line) - 8)))


# A line that opens in lower case continues the one above; a brand's word with a capital inside ("e-Paper",
# "iPhone") is a menu item of its own.
_WRAPPED_START = re.compile(r"^\s*[a-z](?![\w'’-]*[A-Z])")
_SPLIT_WORD = re.compile(r"(?<=[a-z])-$")


def unwrap_lines(raw: list[str]) -> list[str]:
    """Lines with the hard wraps of a PDF or an e-mail joined again: a line that ends mid-phrase (on
    "of", a comma, a hyphen) or is followed by one that starts in lower case continues into the next,
    unless a blank line parts them. A web page's paragraphs, one a line, do neither."""
    if not any(_open_end(line.rstrip()) for line in raw):
        return raw
    wrapped = _wrapped_blocks(raw)
    joined: list[str] = []
    for number, line in enumerate(raw):
        if joined and line.strip() and joined[-1].strip():
            previous = joined[-1].rstrip()
            if number in wrapped:
                joined[-1] = previous[:-1] + line.strip() if _SPLIT_WORD.search(previous) else f"{previous} {line.strip()}"
                continue
            if _SPLIT_WORD.search(previous) and _WRAPPED_START.match(line):
                joined[-1] = previous[:-1] + line.strip()           # "resto-" + "ration"
                continue
            # A wrapped line runs near the width it was wrapped at: "Sign in" above "Share this post"
            # is two menu items, though it ends on "in".
            if _open_end(previous) and len(previous.strip()) >= _WRAP_MIN // 2 \
                    or _WRAPPED_START.match(line) and not previous.endswith((".", "!", "?", ":")):
                joined[-1] = f"{previous} {line.strip()}"
                continue
        joined.append(line)
    return joined


_WRAP_MIN, _WRAP_BAND, _WRAP_MAX = 40, 30, 110
_RULE_LINE = re.compile(r"[-=_─━*~.]{3,}")


def _wrapped_blocks(raw: list[str]) -> set[int]:
    """The lines (by index) that continue a block wrapped at a width: three or more lines with no blank
    between, all but the last of about one length (a page's paragraphs, one a line, vary widely)."""
    continued: set[int] = set()
    start = 0
    for end in range(len(raw) + 1):
        if end < len(raw) and raw[end].strip() and not _RULE_LINE.fullmatch(raw[end].strip()):
            continue        # a rule of dashes parts blocks as a blank line does (a release's boxed notice)
        block = range(start, end)
        if len(block) >= 3:
            widths = [len(raw[i].strip()) for i in block[:-1]]
            if min(widths) >= _WRAP_MIN and max(widths) - min(widths) <= _WRAP_BAND and max(widths) <= _WRAP_MAX:
                continued.update(block[1:])
        start = end + 1
    return continued


def clean(text: str) -> CleanText:
    """Split an article into its real lines and the hints found on the way."""
    _, trailing, _ = _patterns()
    stamps: list[str] = []
    byline: str | None = None
    byline_line: str | None = None
    byline_at = -1          # the pasted line the byline stood on
    lines: list[str] = []
    origin: list[int] = []  # for each line kept, the pasted line (after unwrapping) it comes from
    begun = False           # whether the article's text has started (a sentence; a menu item is none)
    pasted = text.split("\n")
    raw_lines = unwrap_lines(pasted)
    # Whether the page is a social post: a network's name over it ("ВКонтакте"), or a post's age in the head
    # ("2w • Edited • 🌐", set aside as a stamp).
    posted = is_platform_name(next((line for line in raw_lines if line.strip()), ""))
    age_at: int | None = None       # how many lines were kept above a post's age
    skip_to = -1
    for number, raw in enumerate(raw_lines):
        if age_at is None and not begun and post_age(raw.strip()):
            age_at = len(lines)
        if number < skip_to or _is_menu_line(raw):
            continue
        line = " ".join(without_breadcrumb(raw).split())
        if "#" in line:         # the markers' pattern, tried at every space, on the few lines that hold one
            line = _HEADING_MARKERS.sub("", line)
        if not line:
            continue
        prefix = _DATE_PREFIX.match(line)
        if prefix:
            stamps.append(prefix.group(1))
            line = line[prefix.end():].strip()
        if begun and trailing.fullmatch(line) and any(_is_sentence(kept) for kept in lines) \
                and not _sidebar_above_text(lines, raw_lines, number + 1):
            resume = _text_after_box(raw_lines, number + 1)
            if resume is None:
                break       # "Related stories" after the article's text; in a menu above it, only a line
            skip_to = resume    # "Also read: <headline>" inside the article, whose text goes on below
            continue
        in_head = not begun
        begun = begun or len(line.split()) >= 12 or (len(line.split()) >= 3 and line.endswith((".", "!", "?", '"', "”")))
        if is_junk_line(line) and not (in_head and _may_be_a_shouted_headline(line)):
            continue
        stamp = date_stamp(line)
        if stamp:
            stamps.append(stamp)
            continue
        glued = _BYLINE_GLUED.match(line)
        if glued and byline is None:
            byline, line = glued.group("name"), glued.group("rest")
        elif byline is None and _BYLINE_LINE.fullmatch(line):
            byline, byline_line = _BYLINE_LINE.fullmatch(line).group("name"), line
            byline_at = number
            continue
        lines.append(_split_glued(line))
        origin.append(number)

    owners = tuple(line.strip() for line in pasted if len(line) <= 200 and ("©" in line or "Copyright" in line))
    kept = lines
    newsletter = is_newsletter(raw_lines[:_NEWSLETTER_HEAD_LINES])
    headline, lines, masthead = _split_head(lines, owners, origin, posted, age_at, newsletter)
    if headline is None and byline_at > 0:
        headline, lines = _over_the_byline(kept, origin, byline_at, lines)
    lines = [line for line in lines if not _is_shouting(line)]   # the head's shouted lines that did not lead
    lines, trailing_lines = _drop_trailing_fragments(lines)

    dateline = None
    if len(lines) > 1 and _is_place_line(lines[0]):
        dateline = lines.pop(0)         # "ISTANBUL" on a line of its own
    if lines and dateline is None:
        found = _DATELINE.match(lines[0])
        if found and _is_dateline(found):
            dateline = found.group("dateline").strip()
            lines[0] = lines[0][found.end():].strip()
            if not lines[0]:
                lines.pop(0)
    return CleanText(
        lines=tuple(lines), headline=headline, date_stamps=tuple(stamps),
        byline=byline, dateline=dateline, trailing=tuple(trailing_lines), byline_line=byline_line,
        masthead=tuple(masthead),
    )


_MENU_SEPARATOR = re.compile(r"\s{2,}|\t|\s[|•·»>]\s")
# What any match of _MENU_SEPARATOR holds: two spaces, a space of another kind, a bar, a dot or a chevron.
# Written as one class first (the space's own test after it), so that the engine skips to such a mark.
_MENU_HINT = re.compile(r"[\s|•·»>](?:(?<! )|(?= ))")


_ITEM_STOP = re.compile(r"[.!?,:;]$")


def _is_menu_line(raw: str) -> bool:
    """A site's menu pasted as one line: three or more short items set apart by wide gaps or bars."""
    if not _MENU_HINT.search(raw.strip()):
        return False        # one item: no gap, tab or bar between spaces to split on
    items = [item for item in _MENU_SEPARATOR.split(raw.strip()) if item.strip()]
    return len(items) >= 3 and all(len(item.split()) <= 3 and not _ITEM_STOP.search(item) for item in items)


def _is_page_header(line: str) -> bool:
    """What stands above a headline: the outlet's name ("AZERTAC", "DAILY SABAH WITH AA"), a section
    name ("Military", "DEFENSE")."""
    words = line.split()
    if _outlet_line(line):
        return True
    return len(words) <= 2 and not re.search(r"[.!?,:;\"”]", line)


def _outlet_line(line: str) -> bool:
    # "AZERTAC", "DAILY SABAH WITH AA": only outlets' names.
    return all(outlets.outlet_named(part) for part in re.split(r"\s+with\s+", line, flags=re.IGNORECASE))


def _is_place_line(line: str) -> bool:
    # A dateline set on its own line is a place in capitals: one to three words.
    words = line.split()
    return 1 <= len(words) <= 3 and line.upper() == line and all(w.isalpha() for w in words)


def _is_dateline(found: re.Match) -> bool:
    # A dateline names a place and then a date or an agency; an ordinary sentence start does not.
    when = found.group("when") or ""
    has_agency = any(found.group(k) for k in ("agency1", "agency2", "agency3"))
    has_date = bool(find_dates(found.group("dateline"))) and len(when.split()) <= 5
    place_is_word = found.group("place").lower() in ("on", "in", "the", "at", "during")
    return (has_date or has_agency) and not place_is_word and (not when.strip() or has_date)


def _drop_trailing_fragments(lines: list[str]) -> tuple[list[str], list[str]]:
    # Section names and outlet names left at the end ("Army", "Trend") are navigation, not text.
    dropped: list[str] = []
    # (words as head.word_count counts them: a Chinese paragraph is one "word" to split())
    while len(lines) > 1 and word_count(lines[-1]) <= 3 and not re.search(r"[.!?\"”。！？」]$", lines[-1]):
        dropped.insert(0, lines.pop())
    return lines, dropped
