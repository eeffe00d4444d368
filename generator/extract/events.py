"""Events: meetings, signings, visits, rulings, attacks and dated background events, each dated by
LABELLING.md's rules: a full date as stated; a day and month, a weekday, "today" or a month alone only
against the article's own full date (the nearest such day or month, looking ahead when the clause does).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.dates import find_dates, month_number, weekday_number
from generator.extract.sentences import split_sentences

# Matched against the lower-cased sentence: a case-insensitive alternation is tried branch by branch
# at every character, four times slower.
_EVENT_WORDS = re.compile(
    r"\b(met|meets|meeting|talks|received|receives|visit|visited|visits|visiting|arrived|signed|signing|"
    r"held|hold|holds|took place|opened|opening|inaugurated|launched|exercises?|drills?|phone call|telephone "
    r"conversation|called|attended|hosted|summit|forum|ceremony|conference|session|voted|elected|election|"
    r"ruled|approved|adopted|announced|declared|imposed|lifted|suspended|sanctioned|confirmed|appointed|"
    r"killed|attacked|struck|collapsed|won|withdrew|agreed|cut|raised|reduced|banned|began|ended|granted|sank|"
    r"returned|introduced|published|completed|founded|established|created|resumed|halted|revoked|reinstated|"
    r"ordered|pledged|deployed|delivered|tested|fired|crashed|died|resigned|arrested|released|inaugurated|"
    r"classified|discharged|reported|designated|issued|passed|entered|joined|ratified|acquired|bought|sold)\b"
)
_CEREMONIAL = re.compile(r"\b(wreaths?|laid flowers|guard of honou?r|book of honou?r|honou?red the memory|paid tribute)\b")
# Words before a date that make it a limit or a span's end, not when something happened.
_NOT_WHEN = re.compile(r"(?:\b(?:until|till|through|since|by|to|before|between|and|than|from|as of)\s+"
                       r"(?:the\s+)?(?:(?:end|start|beginning|middle) of\s+)?(?:early|late|mid-?)?\s*)$")
# Words of a clause that speaks of what is to come.
_AHEAD = re.compile(r"\b(?:will|shall|is due|are due|due to|is scheduled|are scheduled|scheduled (?:to|for)|"
                    r"to visit|to be held|is expected|are expected|is set to|are set to|plans? to|next|upcoming|"
                    r"to hold|to open|to meet|to attend)\b")
# Where a clause starts, for the look-ahead test: a reporting verb or "that" ends the clause before it.
_CLAUSE_START = re.compile(r"\b(?:said|says|told|announced|added|stated|noted|reported|that|which|who|when)\b")
# Where a sentence that reports two occurrences ("ruled on July 11 ..., and on Tuesday the government
# reinstated the plan") is split, so that each gets its own clause as its line.
_JOIN = re.compile(r";\s+|,?\s+(?:and|while|whereas|but)\s+(?=(?:on|in|last|the|[A-Z]))")
_WEEKDAY = re.compile(r"\b(?:(?P<rel>last|next|this|on)\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday)(?:'s|’s)?\b")
_RELATIVE_DAY = re.compile(r"\b(?P<word>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|this morning|this afternoon|"
                           r"this evening)\b")
_BARE_MONTH = re.compile(r"\b(?P<rel>in|last|next|early|late|mid-?|since|until|by|from|of|this)\s+"
                         r"(?:(?:early|late|mid-?)\s*)?(?P<month>[A-Z][a-zé]{2,8})\b(?!\s*\d)"
                         r"(?:\s+(?P<year>next|last|this) year)?")
_RELATIVE_PERIOD = re.compile(r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his) (?P<unit>month|year)\b")
_SAME_DAY = re.compile(r"\b(?:on )?the same day\b")
_YEAR_IN = re.compile(r"\b(?:[Ii]n|[Dd]uring)\s+(?:(?:early|late|mid-?|the spring of|the summer of|the autumn of|"
                      r"the fall of|the winter of|spring|summer|autumn|fall|winter)\s*)?$")
_QUOTE = re.compile(r"[\"“][^\"”]{0,400}[\"”]")
_LEAD_IN = re.compile(r"^(?:(?:On|In|By|Last|Earlier|Later)\b[^,]{0,40},\s*|According to [^,]{0,80},\s*)")
_ATTRIBUTION = re.compile(r",?\s*(?:the [\w ]{0,40}|[A-Z][\w.' -]{0,60})\s+(?:said|says|reported|announced|told [\w. ]{0,40})"
                          r"(?: in a statement| on [\w ]{0,20})?\.?$|\s+(?:said|says)\s+[A-Z][\w.' -]{0,60}\.?$")
_CUT = re.compile(r"\s*(?:;|\s[–—-]\s|,\s(?:which|who|where|while|after|as|but|although|adding|saying|according)\b)")
_MAX_WHAT_WORDS = 24
_MAX_EVENTS = 8


@dataclass(frozen=True)
class _When:
    start: int
    end: int
    iso: str | None         # None: stated but not resolvable without the article's own full date


def extract_events(body: str, article_date: str | None = None, precision: str | None = None) -> list[dict]:
    """[{date, what}]: one per occurrence the text reports, dated against the article's full date."""
    anchor = dt.date.fromisoformat(article_date) if article_date and precision == "day" else None
    events: list[dict] = []
    seen: list[tuple[str, set[str]]] = []
    previous: str | None = None
    for sentence in split_sentences(body):
        lowered = sentence.lower()
        if _CEREMONIAL.search(lowered):
            continue
        if not _SENTENCE_END.search(sentence) or (_is_stamp(sentence) and not _EVENT_WORDS.search(lowered)):
            continue        # a headline, a date stamp or an "other news" line left in the text
        has_event = bool(_EVENT_WORDS.search(lowered))
        whens = _whens(sentence, anchor, previous, has_event)
        dated = [w for w in whens if w.iso]
        if any(len(w.iso) == 10 for w in dated) and _FIGURE.search(sentence):
            # "fell to 2% in May from 2.3% in April, figures published on Wednesday showed": beside a
            # day, a month or year is the period a figure measures.
            dated = [w for w in dated if len(w.iso) == 10]
        if not dated:
            if has_event and len(events) < _MAX_EVENTS and not any(e["date"] is None for e in events[-1:]):
                events.append({"date": None, "what": _what(sentence, whens, resolved=False)})
            continue
        words = _content_words(sentence)
        firsts = {}
        for w in dated:
            firsts.setdefault(w.iso, w)
        for index, (when, mention) in enumerate(firsts.items()):
            if any(iso == when and _retold(words, other) for iso, other in seen):
                continue        # the same occurrence retold
            seen.append((when, words))
            text = sentence if len(firsts) == 1 else _clause(sentence, mention.start)
            events.append({"date": when, "what": _what(text, whens, resolved=True)})
            previous = when
    dated_events = [e for e in events if e["date"]]
    undated = [e for e in events if not e["date"]]
    return (dated_events + undated)[:_MAX_EVENTS] if len(events) > _MAX_EVENTS else events


_FIGURE = re.compile(r"\d\s*%|\bper ?cent\b|[$€£]\s*\d|\d\s*(?:million|billion|bn|tonnes|bpd)\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s*$")


def _is_stamp(sentence: str) -> bool:
    dates = find_dates(sentence)
    return bool(dates) and len(re.findall(r"[^\W\d_]{3,}", sentence[:dates[0].start] + sentence[dates[0].end:])) <= 3


def _whens(sentence: str, anchor: dt.date | None, previous: str | None, has_event: bool = True) -> list[_When]:
    """Every stated time of an occurrence in a sentence, resolved where the rules allow."""
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(sentence)]
    found: list[_When] = []

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b, _ in ((w.start, w.end, 0) for w in found))

    def add(start: int, end: int, iso: str | None) -> None:
        if free(start, end) and not any(a <= start < b for a, b in quotes) and not _NOT_WHEN.search(sentence[:start]):
            found.append(_When(start, end, iso))

    for mention in find_dates(sentence):
        if mention.precision == "year":
            if not _YEAR_IN.search(sentence[:mention.start]):
                continue        # "the 2022 decision", "Eagle Assault-2024": a year that names, not dates
            add(mention.start, mention.end, mention.iso)
        elif mention.year is not None:
            add(mention.start, mention.end, mention.iso)
        elif mention.month is not None:
            add(mention.start, mention.end, _nearest_day(anchor, mention.month, mention.day) if anchor else None)
    for m in _BARE_MONTH.finditer(sentence):
        month = month_number(m.group("month"))
        if month is None or not has_event or m.group("rel") in ("since", "until", "by", "from"):
            continue        # a month alone beside no event word is a figure's period ("a record in December")
        iso = None
        if anchor:
            shift = {"next": 1, "last": -1, "this": 0}.get(m.group("year") or "")
            if shift is not None:
                iso = f"{anchor.year + shift:04d}-{month:02d}"
            else:
                ahead = m.group("rel") == "next" or (m.group("rel") != "last" and _looks_ahead(sentence, m.start()))
                iso = _nearest_month(anchor, month, ahead)
        add(m.start("month"), m.end(), iso)
    for m in _WEEKDAY.finditer(sentence):
        iso = None
        if anchor:
            ahead = m.group("rel") == "next" or (m.group("rel") != "last" and _looks_ahead(sentence, m.start()))
            iso = _nearest_weekday(anchor, weekday_number(m.group("day")), ahead).isoformat()
        add(m.start("day"), m.end(), iso)
    for m in _RELATIVE_DAY.finditer(sentence):
        shift = {"yesterday": -1, "tomorrow": 1}.get(m.group("word").lower(), 0)
        add(m.start(), m.end(), (anchor + dt.timedelta(days=shift)).isoformat() if anchor else None)
    for m in _RELATIVE_PERIOD.finditer(sentence):
        if not anchor:
            continue
        shift = {"last": -1, "next": 1, "this": 0}[m.group("rel").lower()]
        if m.group("unit") == "year":
            iso = f"{anchor.year + shift:04d}" if shift else None
        else:
            month_index = anchor.year * 12 + anchor.month - 1 + shift
            iso = f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
        if iso:
            add(m.start(), m.end(), iso)
    for m in _SAME_DAY.finditer(sentence):
        add(m.start(), m.end(), previous)
    found.sort(key=lambda w: w.start)
    return found


def _clause(sentence: str, start: int) -> str:
    """The part of a sentence, between joins, that holds the time at `start`."""
    begin = max((m.end() for m in _JOIN.finditer(sentence, 0, start)), default=0)
    after = _JOIN.search(sentence, start)
    return sentence[begin:after.start() if after else len(sentence)]


def _looks_ahead(sentence: str, start: int) -> bool:
    """Whether the clause that holds a time speaks of what is to come ("is due to open on Tuesday");
    "said on Monday that prices will fall" dates the saying, so a reporting verb ends the clause."""
    before = sentence[:start]
    clause = [m.end() for m in _CLAUSE_START.finditer(before)]
    return bool(_AHEAD.search(before[clause[-1]:] if clause else before))


def _nearest_day(anchor: dt.date, month: int, day: int | None) -> str | None:
    if day is None:
        return None
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue        # 29 February
    return min(options, key=lambda d: abs((d - anchor).days)).isoformat() if options else None


def _nearest_month(anchor: dt.date, month: int, ahead: bool) -> str:
    if ahead:
        year = anchor.year if month >= anchor.month else anchor.year + 1
    else:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    return f"{year:04d}-{month:02d}"


def _nearest_weekday(anchor: dt.date, weekday: int, ahead: bool) -> dt.date:
    if ahead:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


_STOP = {"about", "after", "their", "there", "which", "would", "could", "other", "these", "those", "where",
         "while", "since", "under", "first", "years", "being", "between"}


def _content_words(sentence: str) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]{5,}", sentence.lower())
            if w not in _STOP and weekday_number(w) is None and month_number(w) is None}


def _retold(words: set[str], other: set[str]) -> bool:
    """Two sentences on one day tell one occurrence when they share a good part of their words; a
    spokesman's reaction the same day shares only the subject ("sanctions", "Russian")."""
    common = len(words & other)
    return common >= 3 and common >= 0.4 * min(len(words), len(other))


def _what(sentence: str, whens: list[_When], resolved: bool) -> str:
    """A short line in the article's words: the sentence without its opening time phrase or attribution,
    cut at the first clause that only adds background."""
    text = sentence.strip().rstrip(".")
    if resolved:
        text = _LEAD_IN.sub("", text, count=1)
    text = _ATTRIBUTION.sub("", text).strip()
    cut = _CUT.search(text, 40)
    if cut:
        text = text[:cut.start()]
    words = text.split()
    if len(words) > _MAX_WHAT_WORDS:
        text = " ".join(words[:_MAX_WHAT_WORDS]).rstrip(",;:")
        last_comma = text.rfind(",")
        if last_comma > 60:
            text = text[:last_comma]
    text = _without_dangling_words(text.strip(" ,;:"))
    return (text[:1].upper() + text[1:]) if text else sentence.strip()


# Words a phrase cannot end on: a line cut after one reads as broken ("… to participate in the").
_DANGLING = frozenset("a an the of in on at to for from with by and or but as that which who whose its their his "
                      "her our into onto over under about between during after before than while".split())


def _without_dangling_words(text: str) -> str:
    """A cut line ends on a word that closes a phrase: trailing function words (and the comma or
    opening parenthesis before them) go."""
    words = text.split()
    while len(words) > 3 and (words[-1].lower().strip(",;:(\"'“‘") in _DANGLING or words[-1] in ("(", "-", "–")
                              or words[-1].endswith(("'s", "’s"))):      # "… to the People's": a name cut short
        words.pop()
    return " ".join(words).rstrip(" ,;:(-–")
