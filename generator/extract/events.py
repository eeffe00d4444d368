"""Events: meetings, signings, visits, rulings, attacks and dated background events, each dated by
LABELLING.md's rules: a full date as stated; a day and month, a weekday, "today" or a month alone only
against the article's own full date (the nearest such day or month, looking ahead when the clause does).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from generator.dates import DateMention, calendar_words, find_dates, month_number, weekday_number
from generator.extract import clauses
from generator.extract.event_times import foreign_times, holds_time_words
from generator.extract.sentences import split_sentences
from generator.gazetteer import Gazetteer

# Matched against the lower-cased sentence: a case-insensitive alternation is tried branch by branch
# at every character, four times slower. Every word starts with a letter: the lookahead turns away a
# boundary before a digit or a mark without trying the branches.
_EVENT_TERMS = (
    "met", "meets", "meeting", "talks", "received", "receives", "visit", "visited", "visits", "visiting", "arrived",
    "signed", "signing", "held", "hold", "holds", "took place", "opened", "opening", "inaugurated", "launched",
    "exercise", "exercises", "drill", "drills", "phone call", "telephone conversation", "called", "attended", "hosted",
    "summit", "forum", "ceremony", "conference", "session", "voted", "elected", "election", "ruled", "approved",
    "adopted", "announced", "declared", "imposed", "lifted", "suspended", "sanctioned", "confirmed", "appointed",
    "killed", "attacked", "struck", "collapsed", "won", "withdrew", "agreed", "cut", "raised", "reduced", "banned",
    "began", "ended", "granted", "sank", "returned", "introduced", "published", "completed", "founded", "established",
    "created", "resumed", "halted", "revoked", "reinstated", "ordered", "pledged", "deployed", "delivered", "tested",
    "fired", "crashed", "died", "resigned", "arrested", "released", "classified", "discharged", "reported",
    "designated", "issued", "passed", "entered", "joined", "ratified", "acquired", "bought", "sold",
)
_EVENT_WORDS = re.compile(r"\b(?=[a-z])(" + "|".join(_EVENT_TERMS) + r")\b")
# The same question of a whole sentence, asked in one pass of an automaton of the terms (each occurrence's
# ends then checked as the pattern's boundaries are), instead of the alternation tried at every word.
_EVENT_GAZETTEER = Gazetteer((term, True) for term in _EVENT_TERMS)
_CEREMONIAL = re.compile(r"\b(wreaths?|laid flowers|guard of honou?r|book of honou?r|honou?red the memory|paid tribute)\b")


def _may_be_ceremonial(lowered: str) -> bool:
    # Each of _CEREMONIAL's phrases holds one of these; most sentences hold none, and are not tried.
    return "wreath" in lowered or "flowers" in lowered or "hono" in lowered or "tribute" in lowered


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
_JOIN = re.compile(r";\s+|,\s+(?:and|while|whereas|but)\s+(?=(?:on|in|last|the|[A-Z]))|"
                   r"\s+(?:and|while|whereas|but)\s+(?=(?:on|in|last|the|\d+|one|two|three|four|five|six|seven|eight|"
                   r"nine|ten)\b)")
_WEEKDAY = re.compile(r"\b(?:(?P<rel>last|next|this|on)\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday)(?:'s|’s)?\b")
_RELATIVE_DAY = re.compile(r"\b(?P<word>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow|this morning|this afternoon|"
                           r"this evening)\b")
_BARE_MONTH = re.compile(r"\b(?P<rel>[Ii]n|last|next|early|late|mid-?|since|until|by|from|of|this)\s+"
                         r"(?:(?:early|late|mid-?)\s*)?(?P<month>[A-Z][a-zé]{2,8})\b(?!\s*\d)"
                         r"(?:\s+(?P<year>next|last|this) year)?")
_PAST_VERB = re.compile(r"\b(?=[a-z])[a-z]{3,}ed\b")
_RELATIVE_PERIOD = re.compile(r"\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his) (?P<unit>month|year)\b")
_SAME_DAY = re.compile(r"\b(?:on )?the same day\b")
_YEAR_IN = re.compile(r"\b(?:[Ii]n|[Dd]uring)\s+(?:(?:early|late|mid-?|the spring of|the summer of|the autumn of|"
                      r"the fall of|the winter of|spring|summer|autumn|fall|winter)\s*)?$")
_QUOTE = re.compile(r"[\"“][^\"”]{0,400}[\"”]")
# A long report tells a dozen dated occurrences (its labels list them all); past that, the dated ones first.
_MAX_EVENTS = 12


@dataclass(frozen=True)
class _When:
    start: int
    end: int
    iso: str | None         # None: stated but not resolvable without the article's own full date


def extract_events(body: str, article_date: str | None = None, precision: str | None = None) -> list[dict]:
    """[{date, what}]: one per occurrence the text reports, dated against the article's full date."""
    anchor = dt.date.fromisoformat(article_date) if article_date and precision == "day" else None
    events: list[dict] = []
    seen: list[tuple[str, set[str], dict]] = []       # (date, content words, event) of each dated event
    previous: str | None = None
    time_words = holds_time_words(body)
    for sentence in split_sentences(body):
        lowered = sentence.lower()
        if _may_be_ceremonial(lowered) and _CEREMONIAL.search(lowered):
            continue
        if not _ends_as_a_sentence(sentence):
            continue        # a headline or an "other news" line left in the text
        stated = find_dates(sentence)
        has_event = _EVENT_GAZETTEER.holds(lowered)
        if _is_stamp(sentence, stated) and not has_event:
            continue        # a date stamp
        whens = _whens(sentence, stated, anchor, previous, has_event, time_words)
        dated = [w for w in whens if w.iso]
        dateline = clauses.dateline_end(sentence)
        if any(w.start >= dateline for w in dated):
            dated = [w for w in dated if w.start >= dateline]      # the story's stamp, not the occurrence's day
        if any(len(w.iso) == 10 for w in dated) and _FIGURE.search(sentence):
            # "fell to 2% in May from 2.3% in April, figures published on Wednesday showed": beside a
            # day, a month or year is the period a figure measures.
            dated = [w for w in dated if len(w.iso) == 10]
        if not dated:
            if has_event and len(events) < _MAX_EVENTS and not any(e["date"] is None for e in events[-1:]):
                what = _what(sentence, whens, resolved=False)
                if what:        # a sentence with no clause that says who did what reports no event
                    events.append({"date": None, "what": what})
            continue
        words = _content_words(sentence)
        firsts = {}
        for w in dated:
            firsts.setdefault(w.iso, w)
        for index, (when, mention) in enumerate(firsts.items()):
            told = next((k for k, (iso, other, _) in enumerate(seen) if _within(iso, when) and _retold(words, other)),
                        None)
            if told is not None:
                # The same occurrence retold ("signed the plan in February 2025" ... "the plan signed in
                # 2025"): one event, dated as precisely as the text allows.
                iso, other, event = seen[told]
                if len(when) > len(iso):
                    event["date"] = when
                    seen[told] = (when, other, event)
                continue
            span = None if len(firsts) == 1 else _clause(sentence, mention.start)
            what = _what(sentence, whens, resolved=True, clause=span, focus=mention) or _plain_what(sentence, span)
            events.append({"date": when, "what": what})
            seen.append((when, words, events[-1]))
            previous = when
    events = _one_per_occurrence(events)
    dated_events = [e for e in events if e["date"]]
    undated = [e for e in events if not e["date"]]
    return (dated_events + undated)[:_MAX_EVENTS] if len(events) > _MAX_EVENTS else events


def _within(first: str, second: str) -> bool:
    """Whether two dates can be one day: equal, or one the month or year that holds the other."""
    return first.startswith(second) or second.startswith(first)


def _one_per_occurrence(events: list[dict]) -> list[dict]:
    """Events told by the same line on dates that can be one day are one event, at the most precise
    date ("2024-08-27" and "2024-08"; a line stated once undated and once dated)."""
    out: list[dict] = []
    for event in events:
        key = event["what"].casefold()
        same = next((o for o in out if o["what"].casefold() == key and (
            not o["date"] or not event["date"] or _within(o["date"], event["date"]))), None)
        if same is None:
            out.append(event)
        elif len(event["date"] or "") > len(same["date"] or ""):
            same["date"] = event["date"]
    return out


_FIGURE = re.compile(r"\d\s*%|\bper ?cent\b|[$€£]\s*\d|\d\s*(?:million|billion|bn|tonnes|bpd)\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s*$")


def _ends_as_a_sentence(sentence: str) -> bool:
    """Whether _SENTENCE_END finds the sentence's end, read from its last two characters past its trailing
    spaces (the pattern, searched, tries every stop of the sentence)."""
    end = sentence.rstrip()[-2:]
    return bool(end) and (end[-1] in ".!?" or end[-1] in "\"”’)" and end[:-1] in (".", "!", "?"))


_WORD_OF_THREE = re.compile(r"[^\W\d_]{3,}")


def _is_stamp(sentence: str, dates: list[DateMention]) -> bool:
    # Up to three words: the words after the fourth are not looked for.
    return bool(dates) and sum(1 for _ in islice(_WORD_OF_THREE.finditer(
        sentence[:dates[0].start] + sentence[dates[0].end:]), 4)) <= 3


def _whens(sentence: str, stated: list[DateMention], anchor: dt.date | None, previous: str | None,
           has_event: bool = True, time_words: bool = True) -> list[_When]:
    """Every stated time of an occurrence in a sentence (`stated`: its dates), resolved where the rules allow."""
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(sentence)] if '"' in sentence or "“" in sentence else []
    found: list[_When] = []

    def free(start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b, _ in ((w.start, w.end, 0) for w in found))

    def add(start: int, end: int, iso: str | None) -> None:
        if free(start, end) and not any(a <= start < b for a, b in quotes) and not _NOT_WHEN.search(sentence[:start]):
            found.append(_When(start, end, iso))

    for mention in stated:
        if mention.precision == "year":
            if not _YEAR_IN.search(sentence[:mention.start]):
                continue        # "the 2022 decision", "Eagle Assault-2024": a year that names, not dates
            add(mention.start, mention.end, mention.iso)
        elif mention.year is not None:
            add(mention.start, mention.end, mention.iso)
        elif mention.month is not None:
            add(mention.start, mention.end, _nearest_day(anchor, mention.month, mention.day) if anchor else None)
    # A month alone beside no event word is a figure's period ("a record in December"): not looked for,
    # unless a verb in the past tells what happened then and no figure stands there ("In June, Cambodia
    # asked the court to rule").
    for m in _BARE_MONTH.finditer(sentence) if has_event or _PAST_VERB.search(sentence) and not _FIGURE.search(sentence) else ():
        month = month_number(m.group("month"))
        if month is None or m.group("rel") in ("since", "until", "by", "from"):
            continue
        iso = None
        if anchor:
            shift = {"next": 1, "last": -1, "this": 0}.get(m.group("year") or "")
            if shift is not None:
                iso = f"{anchor.year + shift:04d}-{month:02d}"
            else:
                ahead = m.group("rel") == "next" or (m.group("rel") != "last" and _looks_ahead(sentence, m.start()))
                iso = _nearest_month(anchor, month, ahead)
        add(m.start("month"), m.end(), iso)
    # Each pattern below needs a word the sentence may not hold at all: those are not run ("day" ends
    # every weekday and "today", "yesterday"; a relative period names a month or a year).
    has_day = "day" in sentence
    for m in _WEEKDAY.finditer(sentence) if has_day else ():
        iso = None
        if anchor:
            ahead = m.group("rel") == "next" or (m.group("rel") != "last" and _looks_ahead(sentence, m.start()))
            iso = _nearest_weekday(anchor, weekday_number(m.group("day")), ahead).isoformat()
        add(m.start("day"), m.end(), iso)
    for m in _RELATIVE_DAY.finditer(sentence) if has_day or "onight" in sentence or "omorrow" in sentence \
            or "this " in sentence else ():
        shift = {"yesterday": -1, "tomorrow": 1}.get(m.group("word").lower(), 0)
        add(m.start(), m.end(), (anchor + dt.timedelta(days=shift)).isoformat() if anchor else None)
    for m in _RELATIVE_PERIOD.finditer(sentence) if "month" in sentence or "year" in sentence else ():
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
    for m in _SAME_DAY.finditer(sentence) if "same day" in sentence else ():
        add(m.start(), m.end(), previous)
    # The same times in the other languages of the tables ("el lunes", "вчера", "en septiembre", "в 2023").
    for t in foreign_times(sentence, words=time_words):
        iso = None
        if anchor and t.kind == "weekday":
            iso = _nearest_weekday(anchor, t.number, t.ahead).isoformat()
        elif anchor and t.kind == "day":
            iso = (anchor + dt.timedelta(days=t.number)).isoformat()
        elif t.kind == "year":
            iso = f"{t.number:04d}"
        elif anchor:
            iso = _nearest_month(anchor, t.number, t.ahead)
        add(t.start, t.end, iso)
    found.sort(key=lambda w: w.start)
    return found


def _clause(sentence: str, start: int) -> tuple[int, int]:
    """The span of a sentence, between joins, that holds the time at `start`."""
    begin = max((m.end() for m in _JOIN.finditer(sentence, 0, start)), default=0)
    after = _JOIN.search(sentence, start)
    return begin, after.start() if after else len(sentence)


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
    return {w for w in _LONG_WORD.findall(sentence.lower())
            if w not in _STOP and (w not in calendar_words() if w.isascii()     # folded as it stands
                                   else weekday_number(w) is None and month_number(w) is None)}


_LONG_WORD = re.compile(r"[^\W\d_]{5,}")


def _retold(words: set[str], other: set[str]) -> bool:
    """Two sentences on one day tell one occurrence when they share a good part of their words; a
    spokesman's reaction the same day shares only the subject ("sanctions", "Russian")."""
    common = len(words & other)
    return common >= 3 and common >= 0.4 * min(len(words), len(other))


def _what(sentence: str, whens: list[_When], resolved: bool, clause: tuple[int, int] | None = None,
          focus: _When | None = None) -> str:
    """A short line in the article's words: the subject and verb phrase of the clause that reports the
    occurrence (within `clause`, a span of the sentence, the one that holds `focus`, its time), without
    the dateline, the attribution and, once the date is resolved, its time phrase; cut at a clause
    boundary. Empty when the sentence has no clause that says who did what."""
    begin, end = clause or (0, len(sentence))
    words = _kept_words(sentence, whens if resolved else [], begin, end)
    if not words:
        return ""
    if focus is None:
        focus = next((w for w in whens if begin <= w.start < end), None)
    at = None
    if focus is not None:       # the word of the time, or (a resolved one left out) the word it follows
        at = next((i for i, w in enumerate(words) if w.start <= focus.start < w.end), None)
        if at is None:
            at = max((i for i, w in enumerate(words) if w.start < focus.start), default=None)
    attribution = _attribution(sentence)
    if focus is not None and attribution and attribution.start() <= focus.start < attribution.end() and resolved \
            and any(w.iso and clauses.dateline_end(sentence) <= w.start < attribution.start() for w in whens):
        # "..., Zakharova said in a statement on Saturday": the statement is the occurrence of that day
        words = [w for w in _kept_words(sentence, whens, attribution.start(), attribution.end(), attribution=False)]
        words = [clauses.with_text(words[0], words[0].text.lstrip(","))] + words[1:] if words else words
        at = None
    lead, body, phrase = clauses.focused_clause(words, at)
    # The line keeps the words up to the occurrence's time: its stated day, or where the resolved one was.
    keep = None if focus is None else (focus.end if not focus.iso or not resolved else focus.start)
    if keep is not None and attribution and attribution.start() <= focus.start < attribution.end():
        keep = None         # the time stood in the attribution the line leaves out ("..., the ministry said on Friday")
    line = clauses.plain_line(body, keep=keep) if phrase else clauses.short_line(body, keep=keep)
    if not line and begin > 0:
        # "... from Russia in 2017 and four from Belarus in 2019": the second clause has the first's verb.
        first = _kept_words(sentence, whens if resolved else [], 0, begin)
        first = first[clauses.leading_phrases(first)[-1][1] if clauses.leading_phrases(first) else 0:]
        verb = clauses.main_verb(first)
        if verb is not None:
            line = clauses.short_line(first[:clauses.verb_group_end(first, verb)] + body)
    if not line:
        return ""
    line, real = _occurrence(line, resolved, keep)
    if not real and not resolved:
        return ""       # undated, and the clause's verb reports no occurrence ("noted", "rests on")
    unresolved = any(not w.iso and any(w.start <= x.start < w.end for x in lead) for w in whens)
    text = clauses.text_of((lead if unresolved else []) + line)     # "On June 14, ...": the stated day stays
    return text[:1].upper() + text[1:]


# Nouns that name an occurrence: a line whose verb reports none ("was highlighted during the visit of …")
# starts at the phrase they head.
_EVENT_NOUNS = re.compile(r"^(?:visits?|meetings?|talks|summits?|forums?|exercises?|drills?|ceremony|conference|"
                          r"sessions?|elections?|signing|opening|launch|trip|tour|participation|arrival|negotiations|"
                          r"consultations|manoeuvres|maneuvers|vote|referendum)$")


def _occurrence(words: list[clauses.Word], dated: bool, keep: int | None = None) -> tuple[list[clauses.Word], bool]:
    """(the line, whether it reports an occurrence): its verb group names one ("met", "will hold") or its
    object does ("paid an official visit"); a reporting verb's clause that does is the line ("It was noted
    that the first meeting will be held in Riyadh"). A dated line whose verb names none may hold a phrase,
    after a preposition, headed by a noun that does ("highlighted during the subsequent visit of X to Y"):
    the line is that phrase, when it stands before the time (`keep`, a position in the sentence)."""
    lex = clauses.lexicon()
    verb = clauses.main_verb(words)
    if verb is None:
        return words, False
    group_end = clauses.verb_group_end(words, verb)
    obj = []
    for w in words[group_end:group_end + 4]:
        if w.bare in clauses._COMPLEMENTIZERS or w.depth or w.bare in clauses.lexicon().prepositions:
            break
        obj.append(w)
    if verb > 0 and (_names_occurrence(words[verb:group_end + 1]) or any(_EVENT_NOUNS.match(w.bare) for w in obj)):
        return words, True
    if group_end < len(words) and words[group_end].bare == "that":
        clause = words[group_end + 1:]
        inner = clauses.main_verb(clause)
        if inner is not None and _names_occurrence(clause[inner:clauses.verb_group_end(clause, inner)]):
            return _capital(clause), True
    if not dated:
        return words, False
    for i in range(group_end + 2, len(words)):
        if keep is not None and words[i].start > keep:
            break
        if not words[i].depth and _EVENT_NOUNS.match(words[i].bare) and not words[i].text[:1].isupper():
            start = i
            while start - 1 > group_end and i - start < 4 and not words[start - 1].depth and \
                    words[start].bare not in _DETERMINERS and words[start - 1].bare not in lex.prepositions and \
                    not words[start - 1].top_level_comma:
                start -= 1
            before = words[start - 1]
            if words[start].bare in _DETERMINERS and not before.bare in lex.auxiliaries and not (
                    start >= 2 and words[start - 2].bare == "to") and not clauses.is_verb(words, start - 1, group_end):
                return _capital(words[start:]), True    # not the object of a verb ("to open its session")
    if verb == 0:
        return words, _names_occurrence(words[verb:group_end + 1])
    return words, False


# Verb phrases of an occurrence beyond the event words that pick the sentences ("took part", "paid a visit").
_OCCURRENCE_VERBS = re.compile(r"\b(?:took|take|takes|taking) part\b|\bparticipat|\b(?:paid|pays|conducted|staged|"
                               r"gathered|convened|concluded|finalised|finalized|unveiled|debuted|vowed|urged)\b")


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})


def _names_occurrence(group: list[clauses.Word]) -> bool:
    """Whether a verb group (with the word after it) names an occurrence."""
    text = " ".join(w.bare for w in group)
    return bool(_EVENT_WORDS.search(text) or _OCCURRENCE_VERBS.search(text))


def _capital(words: list[clauses.Word]) -> list[clauses.Word]:
    first = words[0]
    return [clauses.with_text(first, first.text[:1].upper() + first.text[1:])] + words[1:]


def _plain_what(sentence: str, clause: tuple[int, int] | None) -> str:
    """The line of a dated sentence in which no verb was found: its words up to a clause boundary."""
    begin, end = clause or (0, len(sentence))
    words = _kept_words(sentence, [], begin, end)
    text = clauses.text_of(clauses.plain_line(words)) if words else sentence.strip().rstrip(".")
    return text[:1].upper() + text[1:]


def _kept_words(sentence: str, resolved: list[_When], begin: int, end: int,
                attribution: bool = True) -> list[clauses.Word]:
    """The words of sentence[begin:end] that a line may use: the dateline, the attribution and resolved
    time phrases left out (the comma that closed a dropped phrase stays with the word before it)."""
    dropped = _dropped_spans(sentence, resolved, attribution)
    kept: list[clauses.Word] = []
    for word in clauses.tokenize(sentence):
        start = word.start
        if not begin <= start < end:
            continue
        for a, b in dropped:        # a loop, not any() over a generator: it runs for every word
            if a <= start < b:
                if word.top_level_comma and kept and not kept[-1].top_level_comma:
                    kept[-1] = clauses.with_text(kept[-1], kept[-1].text + ",")
                break
        else:
            kept.append(word)
    return kept


_TIME_PREPOSITIONS = frozenset({"on", "in", "at", "during", "early", "late", "mid", "mid-", "last", "next", "this"})
_RELATIVE_TIME = re.compile(r"(?i)^(?:today|tonight|yesterday|tomorrow|this (?:morning|afternoon|evening)|"
                            r"(?:last|next|this) (?:month|year|week)|(?:on )?the same day)$")
_ATTRIBUTION = re.compile(r",\s*(?!(?:was|were|is|are|has|have|had|which|who|that|and|it)\b)(?:[^,;\"“”]{1,110}?\s)"
                          r"(?:said|says|reported|reports|informs|announced|added|told [\w. ]{0,40})"
                          r"(?:,? citing [^,]{0,80}| in a statement)?(?: (?:on|in|at) [\w .]{1,25})?"
                          r"(?=\.?\s*$|,\s+(?:as|while|after|adding|saying|amid|when|but|noting)\b)")


@lru_cache(maxsize=64)
def _attribution(sentence: str) -> re.Match | None:
    # A sentence's line asks for its attribution two or three times (its words kept, then the line).
    return _ATTRIBUTION.search(sentence)


_PAIRED = re.compile(r"\s+(?:and|or|to)\s+")


def _dropped_spans(sentence: str, resolved: list[_When], with_attribution: bool = True) -> list[tuple[int, int]]:
    """Spans a line leaves out: a dateline ("BELGRADE -", "Jakarta (ANTARA) -"), a trailing attribution
    (", Report informs, citing the ministry") and each resolved time phrase that stands as a phrase of its
    own ("on Friday", "in May 2023", "yesterday"); a date that a noun holds ("the February 14 election")
    stays."""
    spans = []
    dateline = clauses.dateline_end(sentence)
    if dateline:
        spans.append((0, dateline))
    attribution = _attribution(sentence) if with_attribution else None
    if attribution and attribution.start() > 20:
        spans.append((attribution.start(), attribution.end()))
    for when in resolved:
        if not when.iso or sentence[when.end:when.end + 1] in ("'", "’"):
            continue
        start = when.start
        before = sentence[:start].rstrip()
        preposition = _last_word(before)
        while preposition and preposition[1].lower() in _TIME_PREPOSITIONS:
            start = preposition[0]
            before = sentence[:start].rstrip()
            preposition = _last_word(before)
        phrase = sentence[start:when.end]
        previous = before.rsplit(None, 1)[-1].lower() if before else ""
        weekday_after_verb = (previous.endswith("ed") or previous in ("said", "says", "told", "met", "held")) and \
            weekday_number(phrase.strip()) is not None       # "said Wednesday that"
        near = [w.lower().strip(",") for w in before.split()[-5:-1]]
        if previous.endswith("ed") and sentence[when.end:when.end + 1] == "," and not (
                near and near[-1] in clauses.lexicon().auxiliaries) and not {"which", "that", "who", "whom"} & set(near):
            continue        # "Azerspace-1, launched on 7 February 2013, and ...": the participle needs it
        if start < when.start or _RELATIVE_TIME.match(phrase.strip()) or not before or weekday_after_verb:
            end = when.end
            start = _with_adverb(sentence, start)
            joined = _PAIRED.match(sentence[end:])
            if joined:      # "in 2019 and 2021": the pair goes together
                other = find_dates(sentence[end + joined.end():end + joined.end() + 30])
                if other and other[0].start == 0:
                    end += joined.end() + other[0].end
            spans.append((start, end))
    return spans


def _with_adverb(sentence: str, start: int) -> int:
    """The start of a time phrase with the adverb before it ("earlier this month", "later today")."""
    before = sentence[:start]
    stripped = before.rstrip()
    if len(stripped) < len(before):         # the adverb and a space after it end the text before
        word = _last_word(stripped)
        if word and _ADVERB.fullmatch(word[1]):
            return word[0]
    return start


def _with_adverb_plainly(sentence: str, start: int) -> int:
    """_with_adverb as one pattern says it (tests/test_events.py checks the two agree)."""
    adverb = _ADVERB_BEFORE.search(sentence[:start])
    return adverb.start(1) if adverb else start


_ADVERB = re.compile(r"earlier|later|early|late", re.IGNORECASE)
_ADVERB_BEFORE = re.compile(r"(?:^|\s)((?:earlier|later|early|late)\s+)$", re.IGNORECASE)


# The last word of a text, and where it starts: tried at each of the text's spaces, the pattern scans the
# whole text before the phrase; read from the text's end, only the word (_last_word).
_LAST_WORD = re.compile(r"(?:^|\s)(\S+)$")


def _last_word(text: str) -> tuple[int, str] | None:
    """(start, word) of what _LAST_WORD.search(text) finds as its group, or None: the run of non-spaces
    that ends the text (or stands before the one line break that ends it)."""
    end = len(text) - 1 if text.endswith("\n") else len(text)
    if not end or text[end - 1].isspace():
        return None
    word = text[:end].rsplit(None, 1)[-1]
    return end - len(word), word
