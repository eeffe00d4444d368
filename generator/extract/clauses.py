"""A sentence's structure, read from its words, and the short line made from it: an event's `what`, a
derived title. The line is the subject and main verb phrase of a clause (who did what, where), cut at a
clause boundary; while it is still long, before a modifier or a phrase, never inside one.

The words' classes are the language's closed classes and the verb forms a suffix rule misses
(generator/data/clauses.yml). The main verb is the first finite verb outside brackets, quotations,
appositions, relative and participial clauses and the sentence's leading phrase ("On Friday,", "When the
ministers met,").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from generator import resources

BUDGET = 18         # words of a line, beyond which it is cut at a phrase boundary


class Word(NamedTuple):
    # A tuple, not a frozen dataclass: a sentence's words are made by the thousand, and a frozen dataclass
    # sets each field through object.__setattr__.
    text: str           # as written, with its punctuation
    start: int          # where it stands in the sentence
    end: int
    bare: str           # lower case, without the punctuation around it
    depth: int          # inside brackets or quotation marks
    depth_after: int = 0    # after it: the comma of "2024)," stands outside the bracket
    capital: bool = False   # its first letter is a capital
    # Read once here, not at each of the hundreds of checks a sentence's line makes of its words.
    comma: bool = False             # it ends on a comma (before closing quotes or brackets: '2024),')
    top_level_comma: bool = False   # that comma stands outside brackets and quotations


@dataclass(frozen=True)
class _Lexicon:
    auxiliaries: frozenset[str]
    irregular_past: frozenset[str]
    present_verbs: frozenset[str]
    adjective_markers: frozenset[str]
    clause_openers: frozenset[str]
    subordinators: frozenset[str]
    leaders: frozenset[str]
    subordinate_leaders: frozenset[str]
    prepositions: frozenset[str]
    modifiers: dict[str, tuple[tuple[str, ...], ...]]       # by their first word
    fillers: frozenset[str]
    dangling: frozenset[str]
    not_verbs: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = resources.load_data("clauses.yml")
    words = {key: frozenset(str(w).lower() for w in data.get(key) or ()) for key in _Lexicon.__dataclass_fields__
             if key != "modifiers"}
    modifiers: dict[str, list[tuple[str, ...]]] = {}
    for phrase in data["modifiers"]:
        words_of = tuple(phrase.lower().split())
        modifiers.setdefault(words_of[0], []).append(words_of)
    return _Lexicon(modifiers={k: tuple(v) for k, v in modifiers.items()}, **words)


_OPEN = "([{“‘"
_EDGE = ".,;:!?\"“”‘’'()[]{}…"
_RELATIVES = frozenset({"who", "whom", "whose", "which", "where"})
_COMPLEMENTIZERS = _RELATIVES | {"that", "when", "whether", "if", "because", "while", "although", "though"}
_RELATIVES_OR_THAT = _RELATIVES | {"that"}
_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "de", "da", "van", "von", "der", "la", "le", "el", "abu"})


# ------------------------------------------------------------------------------------------- words


def tokenize(text: str) -> list[Word]:
    """The words of `text` with their depth inside brackets and quotation marks."""
    return list(_tokenize(text))


_TOKEN = re.compile(r"\S+")
_DEPTH_MARK = re.compile(r'[(\[{“)\]}”"]')


@lru_cache(maxsize=512)
def _tokenize(text: str) -> tuple[Word, ...]:
    words: list[Word] = []
    depth = 0
    in_straight = False
    marked = _DEPTH_MARK.search(text) is not None      # most sentences hold no bracket or quote at all
    for match in _TOKEN.finditer(text):
        token = match.group()
        opens = token[0] in _OPEN or (token[0] == '"' and not in_straight)
        at = depth + (1 if opens else 0)
        for char in (token if marked and _DEPTH_MARK.search(token) else ""):     # nor do most words
            if char in "([{“":
                depth += 1
            elif char in ")]}”" and depth:
                depth -= 1
            elif char == '"':
                in_straight = not in_straight
                depth = depth + 1 if in_straight else max(0, depth - 1)
        first = token[0] if token[0].isalpha() else next((c for c in token if c.isalpha()), "")
        last = token[-1]
        comma = last == "," or last in _CLOSERS and token.rstrip(_CLOSERS).endswith(",")
        # tuple.__new__ as the named tuple's own _make does: its __new__ is a Python call a word
        words.append(_new_word(Word, (token, match.start(), match.end(), token.strip(_EDGE).lower(), at, depth,
                                      first.isupper(), comma, comma and not depth)))
    return tuple(words)


_new_word = tuple.__new__


def with_text(word: Word, text: str) -> Word:
    first = next((c for c in text if c.isalpha()), "")
    comma = _ends_on_comma(text)
    return Word(text, word.start, word.end, word.bare, word.depth, word.depth_after, first.isupper(), comma,
                comma and not word.depth_after)


_CLOSERS = "\"”’)"


def _ends_on_comma(text: str) -> bool:
    return bool(text) and (text[-1] == "," or text[-1] in _CLOSERS and text.rstrip(_CLOSERS).endswith(","))


def top_comma(word: Word) -> bool:
    """A comma that stands outside brackets and quotations."""
    return word.top_level_comma


def _with_comma(word: Word) -> Word:
    return word if word.comma else with_text(word, word.text + ",")


def _without_comma(word: Word) -> Word:
    return with_text(word, word.text[:-1]) if word.text.endswith(",") else word


def _stop(word: Word) -> bool:
    """A word that closes its phrase with a semicolon or a colon."""
    return word.depth_after == 0 and word.text.rstrip("\"”’)").endswith((";", ":"))


def _capitalised(word: Word) -> bool:
    return word.capital


def _dash(word: Word) -> bool:
    return word.text in ("-", "–", "—", "--")


def _next_comma(words: list[Word], i: int, stop: int | None = None) -> int | None:
    for j in range(i, len(words) if stop is None else stop):
        if words[j].top_level_comma:
            return j
    return None


_DATELINE = re.compile(r"^(?P<line>[^!?\"“]{2,90}?)\s*(?:\s(?:--|[–—-])|:|/)\s+(?=\S)")


# Every separator a dateline ends on holds one of these marks; three sentences in four hold none, and the
# lazy pattern above tries every length of line before it fails.
_DATELINE_MARK = re.compile(r"[-–—:/]")


def dateline_end(sentence: str) -> int:
    """Where a dateline before the story ends (0 when there is none)."""
    if not _DATELINE_MARK.search(sentence):
        return 0
    dateline = _DATELINE.match(sentence)
    return dateline.end() if dateline and _is_dateline(dateline.group("line")) else 0


def _is_dateline(line: str) -> bool:
    """A dateline or an agency's slug before the story: capitalised words, digits and dates only, with a
    word in capitals or an agency in brackets ("SEOUL, South Korea (AP)", "Baku/18.10.22/Turan")."""
    words = line.replace("/", " ").split()
    if not words or len(words) > 12 or not all(w[0].isupper() or w[0].isdigit() or w[0] in "(" for w in words):
        return False
    return bool(re.search(r"\b[A-Z]{2,}\b|\([A-Z][\w. ]{1,20}\)|\d", line))


# ------------------------------------------------------------------------------------------- verbs


def is_verb(words: list[Word], i: int, first: int = 0) -> bool:
    """Whether words[i] is a finite verb or starts a verb group ("met", "has", "will", "signs")."""
    word = words[i]
    bare = word.bare
    if word.depth or (i > first and word.capital) or not _verb_form(bare):
        return False
    lex = lexicon()
    if bare in lex.auxiliaries:
        return True
    previous = words[i - 1] if i > first else None
    following = words[i + 1].bare if i + 1 < len(words) else ""
    if previous is not None and not previous.comma and (
            previous.bare in lex.adjective_markers or previous.bare.endswith(("'s", "’s"))
            or previous.text.endswith(('"', "”"))):
        return False        # "the advanced systems", "Azerbaijan's armed forces", "a cut", 'the "X" combined'
    if bare in lex.present_verbs:
        # "on regular visits": after a preposition, a noun
        return not any(w.bare in lex.prepositions for w in words[max(first, i - 2):i])
    if not _past(bare):
        return False
    adjacent = i + 1 < len(words) and words[i + 1].start - word.end <= 1
    if following == "by" and adjacent and not (previous and previous.bare in lex.auxiliaries):
        return False        # "a delegation led by": a participle, not the sentence's verb
    return True


@lru_cache(maxsize=8192)
def _verb_form(bare: str) -> bool:
    """Whether a word can be a verb at all (an auxiliary, a present or past form)."""
    lex = lexicon()
    return bool(bare) and bare[0].isalpha() and (bare in lex.auxiliaries or bare in lex.present_verbs or _past(bare))


@lru_cache(maxsize=8192)
def _past(bare: str) -> bool:
    lex = lexicon()
    return bare in lex.irregular_past or (bare.endswith("ed") and len(bare) > 4 and bare not in lex.not_verbs)


def _participle(word: Word) -> bool:
    return _past(word.bare) or (len(word.bare) > 5 and word.bare.endswith("ing"))


def verb_group_end(words: list[Word], i: int) -> int:
    """The index after a verb group that starts at i ("will be held", "has significantly strengthened")."""
    lex = lexicon()
    j = i + 1
    while j < len(words) and not words[j].depth and not words[j - 1].comma:
        bare = words[j].bare
        if bare in lex.auxiliaries or bare in ("not", "also", "never", "jointly") or (
                bare.endswith("ly") and len(bare) > 4) or (
                words[j - 1].bare in lex.auxiliaries and _participle(words[j])):
            j += 1
            continue
        if words[j - 1].bare in _MODALS and bare.isalpha() and not _capitalised(words[j]) and \
                bare not in lex.adjective_markers and bare not in lex.prepositions:
            j += 1          # "will respond", "can resume"
            continue
        break
    return j


_HELPERS = frozenset({"have", "has", "had", "will", "would", "can", "could", "shall", "should", "may", "might",
                      "must", "do", "does", "did"})
_INNER_OPENERS = frozenset({"since", "after", "before", "until", "when", "while", "because", "as", "which", "who"})
_MODALS = frozenset({"will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did",
                     "not", "never"})


def main_verb(words: list[Word], first: int = 0) -> int | None:
    """The index of the clause's main verb (the first word of its group), or None."""
    lex = lexicon()
    i = first
    skip_next_verb = False
    while i < len(words):
        word = words[i]
        if word.depth:
            i += 1
            continue
        after_comma = i > first and words[i - 1].top_level_comma
        if after_comma and (word.bare in _RELATIVES or word.bare in lex.subordinators or _participle(word)):
            close = _next_comma(words, i)     # ", who is on a visit to China," / ", held in 2014,"
            if close is None:
                return None
            i = close + 1
            continue
        if i > first and word.bare in _RELATIVES_OR_THAT and not after_comma:
            skip_next_verb = True             # "the officials who attended the talks said": not "attended"
        elif (i > first or word.bare in lex.auxiliaries) and is_verb(words, i, first):
            if skip_next_verb:
                skip_next_verb = False
                i = verb_group_end(words, i)
                continue
            return i
        i += 1
    return None


# ------------------------------------------------------------------------------------------- the clause


def leading_phrases(words: list[Word]) -> list[tuple[int, int]]:
    """The sentence's leading phrases, each ending at its comma ("On Friday,", "When X met Y in May,"),
    as (start, end) spans; the subject comes after the last."""
    lex = lexicon()
    spans = []
    at = 0
    while at < len(words) - 1:
        bare = words[at].bare
        if not (bare in lex.leaders or (bare.endswith("ly") and len(bare) > 4) or _participle(words[at])):
            break
        after = at
        if bare in lex.subordinate_leaders:
            verb = main_verb(words, at + 1)     # the comma after its own verb ends the clause
            after = verb_group_end(words, verb) if verb is not None else at
        close = _next_comma(words, after)
        if close is None or close - at > 30:
            break
        name_end = _name_run(words, close + 1)
        if close - at >= 3 and _capitalised(words[close]) and name_end - (close + 1) >= 2 and \
                words[name_end - 1].top_level_comma and name_end < len(words) and _capitalised(words[name_end]) and \
                words[name_end].bare not in lexicon().auxiliaries:
            close = name_end - 1    # "Invited by the Chief of the General Staff, Milan Mojsilović, Valiyev held"
        if close + 1 < len(words) and words[close + 1].bare in _RELATIVES:
            # "Speaking in Ankara, where he announced the figures, Bolat said": the relative belongs to it
            further = _next_comma(words, close + 1)
            close = further if further is not None and further - at <= 40 else close
        spans.append((at, close + 1))
        at = close + 1
    return spans


def focused_clause(words: list[Word], focus: int | None) -> tuple[list[Word], list[Word], bool]:
    """(the leading phrases, the clause) of a sentence that reports an occurrence, the one that holds
    words[focus] (its time): a leading clause with a verb of its own ("When Orbán hosted the summit in May,"
    "Under the contract signed in 2018,"), a relative clause about a person ("Prabowo, who won the
    February 14 election,"), one of two coordinated verb phrases, else the main clause; and whether it is
    a phrase without a verb of its own (a noun phrase and its participle: "the declaration, signed in July")."""
    leads = leading_phrases(words)
    for start, end in leads:
        if focus is not None and start <= focus < end and main_verb(words[start:end - 1], 1) is not None:
            return [], _strip_last_comma(words[start + 1:end]), False
    body_start = leads[-1][1] if leads else 0
    lead, body = words[:body_start], words[body_start:]
    if focus is None or focus < body_start:
        return lead, body, False
    focus -= body_start
    relative = _relative_around(body, focus)
    if relative:
        subject_end, start, end = relative
        subject = _strip_last_comma(body[:subject_end])
        clause = subject + _strip_last_comma(body[start:end])
        return [], _conjunct(clause, focus - start + len(subject)), False
    participial = _participial_around(body, focus)
    if participial:
        return [], participial, True
    return lead, _conjunct(body, focus), False


def _phrase_start(words: list[Word], last: int, verb: int) -> int:
    """Where the noun phrase that ends at words[last] starts, after the verb group of its clause (and a
    preposition that follows it), a comma or a relative word."""
    lex = lexicon()
    start = last
    group_end = verb_group_end(words, verb)
    while start > group_end and not words[start - 1].top_level_comma and words[start - 1].bare not in _COMPLEMENTIZERS \
            and not is_verb(words, start - 1, verb + 1) and not (
            words[start - 1].bare in lex.prepositions and (start - 2 < group_end or is_verb(words, start - 2, verb + 1)
                                                          or words[start - 2].bare in lex.auxiliaries)):
        start -= 1
    return start


def _antecedent_start(words: list[Word], last: int, verb: int, name: bool = False) -> int:
    """The start of what a relative clause after words[last] is about: the name that ends there, else
    the noun phrase (back to its determiner, at most a few words)."""
    if name and _capitalised(words[last]):
        start = _name_start(words, last)
        if start is not None and start >= verb_group_end(words, verb):
            return start
    start = last
    group_end = verb_group_end(words, verb)
    while start > max(group_end, last - 8) and not words[start - 1].top_level_comma and \
            not is_verb(words, start - 1, verb + 1) and (
            words[start - 1].bare not in lexicon().prepositions or words[start - 1].bare in ("of", "between", "for")):
        start -= 1
    return start


def _participial_around(words: list[Word], focus: int) -> list[Word] | None:
    """The noun phrase and the participial clause between commas that holds `focus`, after the main verb
    ("the Joint Declaration on Strategic Partnership, signed by the presidents on 3 July 2024,")."""
    verb = main_verb(words)
    if verb is None:
        return None
    for i in range(verb + 1, min(focus + 1, len(words))):
        if words[i - 1].top_level_comma and _past(words[i].bare) and not _capitalised(words[i]):
            close = _next_comma(words, i)
            end = close + 1 if close is not None else len(words)
            if not i <= focus < end:
                continue
            start = _phrase_start(words, i - 1, verb)
            phrase = words[start:i]
            if len(phrase) >= 2:
                return phrase + _strip_last_comma(words[i:end])
    return None


def _strip_last_comma(words: list[Word]) -> list[Word]:
    return words[:-1] + [_without_comma(words[-1])] if words else words


def _relative_around(words: list[Word], focus: int) -> tuple[int, int, int] | None:
    """(end of the subject, start, end) of ", who … ," holding `focus`, when it follows the subject."""
    for i in range(1, len(words)):
        if words[i].bare in ("who", "whose") and words[i - 1].top_level_comma and i < focus:
            close = _next_comma(words, i)
            end = close + 1 if close is not None else len(words)
            if focus < end and main_verb(words[:i]) is None:
                return i, i + 1, end
    return None


def _conjunct(words: list[Word], focus: int) -> list[Word]:
    """Of verb phrases joined by 'and' ("won the election and will be inaugurated in October"), the one that
    holds `focus`, after the subject they share."""
    verb = main_verb(words)
    if verb is None or focus < verb:
        return words
    joins = [i for i in range(verb_group_end(words, verb), len(words) - 1)
             if words[i].bare in ("and", "but") and not words[i].depth and is_verb(words, i + 1, i + 1)]
    if not joins:
        return words
    bounds = [verb] + [j + 1 for j in joins] + [len(words)]
    for start, end in zip(bounds, bounds[1:]):
        if start <= focus < end:
            stop = end - 1 if end < len(words) else end     # without the 'and' that joins the next one
            if start > verb:
                return _strip_last_comma(words[:verb]) + _strip_last_comma(words[start:stop])
            return words[:stop]
    return words


# ------------------------------------------------------------------------------------------- shortening


def strip_brackets(words: list[Word]) -> list[Word]:
    """Leave out bracketed asides ("(GBN)", "(TurAz Eagle)"), which a short line does not need; the comma
    after one stays."""
    out: list[Word] = []
    inside = False
    for w in words:
        if not inside and w.text.startswith(("(", "[")) and w.depth == 1:
            inside = True
        if inside:
            if w.depth_after == 0:
                inside = False
                if w.text.endswith(",") and out:
                    out[-1] = _with_comma(out[-1])
            continue
        out.append(w)
    return out


def drop_relatives(words: list[Word]) -> list[Word]:
    """Leave out a relative clause between commas before the main verb ("Hasanov, who is on a visit to
    China, met …" -> "Hasanov met …")."""
    i = 1
    while i < len(words):
        if (words[i].bare in ("who", "which", "whose") or words[i].bare in lexicon().prepositions) and \
                words[i - 1].top_level_comma and main_verb(words[:i]) is None:
            close = _next_comma(words, i)
            if close is None or close + 1 >= len(words):
                break
            words = words[:i - 1] + [_without_comma(words[i - 1])] + words[close + 1:]
            continue
        i += 1
    return words


def reduce_appositions(words: list[Word]) -> list[Word]:
    """'the Minister of Defense of Azerbaijan, Colonel General Zakir Hasanov' -> 'Colonel General Zakir
    Hasanov'; 'Selçuk Bayraktar, Chairman of Baykar, said' -> 'Selçuk Bayraktar said': a position beside
    a name goes (the person's page has it); a list of names stays."""
    words = list(words)
    i = 0
    while i < len(words) - 2:
        if not words[i].top_level_comma:
            i += 1
            continue
        name_end = _name_run(words, i + 1)
        described = _description_start(words, i)
        following = words[name_end] if name_end < len(words) else None
        if name_end - (i + 1) >= 2 and described is not None and _descriptive(words[described:i + 1]) and (
                following is None or following.bare not in ("and", "or") or words[name_end - 1].top_level_comma):
            name = words[i + 1:name_end]
            if following is not None and name[-1].top_level_comma and following.bare not in ("the", "a", "an") and (
                    following.bare not in ("and", "or") or described == 0 or not words[described - 1].top_level_comma):
                name[-1] = _without_comma(name[-1])        # the comma that closed the apposition
            words[described:name_end] = name
            i = described + len(name)
            continue
        # A name, then its position between commas: "Selçuk Bayraktar, Chairman of the Board of Baykar, said".
        start = _name_start(words, i)
        close = _next_comma(words, i + 1, min(len(words), i + 14))
        if start is not None and i + 1 - start >= 2 and close is not None and close + 1 < len(words) and \
                _descriptive(words[i + 1:close + 1]) and words[i + 1].bare not in _RELATIVES | lexicon().clause_openers \
                and not _capitalised(words[close + 1]) and words[close + 1].bare not in ("and", "or") and \
                not any(is_verb(words, j, i + 1) for j in range(i + 1, close + 1)):
            words[i] = _without_comma(words[i])
            del words[i + 1:close + 1]
            continue
        i += 1
    return words


def _name_run(words: list[Word], i: int) -> int:
    """The index after a run of capitalised words from i (a name, or a title and a name: "Minister of
    Defense of the PRC Colonel General Wei Fenghe"), stopping after a comma."""
    j = i
    while j < len(words) and j - i < 12 and not words[j].depth and words[j].bare not in lexicon().auxiliaries and (
            _capitalised(words[j]) or words[j].bare in _PARTICLES or (
            words[j].bare in ("of", "the") and j > i and j + 1 < len(words) and not words[j - 1].comma
            and (_capitalised(words[j + 1]) or words[j + 1].bare == "the"))):
        j += 1
        if words[j - 1].comma:
            break
    while j > i and words[j - 1].bare in ("of", "the"):
        j -= 1
    return j


def _name_start(words: list[Word], i: int) -> int | None:
    """The start of a run of capitalised words that ends with words[i] (a name before a comma)."""
    j = i
    while j >= 0 and not words[j].depth and (_capitalised(words[j]) or words[j].bare in _PARTICLES) and \
            (j == i or not words[j].comma):
        j -= 1
    start = j + 1
    return start if start <= i and (start == 0 or not _capitalised(words[start - 1])) else None


def _description_start(words: list[Word], comma: int) -> int | None:
    """Where the phrase that ends at `comma` starts: after a verb, a preposition other than 'of', a comma."""
    lex = lexicon()
    j = comma
    while j > 0:
        previous = words[j - 1]
        if previous.comma or previous.depth or (previous.bare in lex.prepositions and previous.bare != "for") \
                or is_verb(words, j - 1) or previous.bare in ("that", "and", "or"):
            break
        j -= 1
    return j if comma - j >= 1 else None


def _descriptive(words: list[Word]) -> bool:
    """A position or description, not a name: two words or more, one of them lower case or possessive."""
    if len(words) < 2:
        return False
    return any(not _capitalised(w) and w.bare.isalpha() and w.bare not in _PARTICLES for w in words) or any(
        w.bare.endswith(("'s", "’s")) for w in words)


def _without_fillers(words: list[Word]) -> list[Word]:
    """Leave out adverbs a line does without ("also announced", "Later, ...")."""
    lex = lexicon()
    out = []
    for i, w in enumerate(words):
        if w.bare in lex.fillers and not w.depth and i + 1 < len(words) and (
                i == 0 or is_verb(words, i + 1, i + 1) or words[i - 1].bare in lex.auxiliaries):
            if w.comma and out:
                out[-1] = _with_comma(out[-1])
            continue
        out.append(w)
    if out and words and out[0] is not words[0] and out[0].text[:1].islower() and words[0].text[:1].isupper():
        out[0] = with_text(out[0], out[0].text[:1].upper() + out[0].text[1:])
    return out


def clause_end(words: list[Word], start: int) -> int:
    """Where the clause that runs from `start` ends: at a semicolon or colon, before a dash, a subordinate
    clause, or a comma that opens another clause; len(words) when it runs to the end."""
    lex = lexicon()
    for i in range(start, len(words)):
        word = words[i]
        if word.depth:
            continue
        if i > start and (_dash(word) or word.bare in lex.subordinators):
            return i
        if _stop(word):
            return i + 1
        if word.top_level_comma and i + 1 < len(words):
            following = words[i + 1]
            if _dash(following) or (following.bare.endswith("ing") and len(following.bare) > 5) or (
                    following.bare in lex.clause_openers and (following.bare not in ("and", "or", "but", "with")
                                                              or _clause_follows(words, i + 2))):
                return i + 1
    return len(words)


def _clause_follows(words: list[Word], i: int) -> bool:
    """Whether words from i make a clause of their own (a verb before the next comma), not a phrase."""
    stop = _next_comma(words, i)
    return main_verb(words[i:stop if stop is not None else len(words)]) is not None or (
        i < len(words) and is_verb(words, i, i))


def _boundaries(words: list[Word], start: int) -> tuple[list[int], list[int]]:
    """Where a verb phrase from `start` may be cut: (before modifiers, commas and relative or infinitive
    clauses; before phrases). A comma inside a list ("in military, military-technical and naval fields")
    is none."""
    lex = lexicon()
    modifiers, phrases = [], []
    for i in range(start + 1, len(words)):
        word = words[i]
        if word.depth:
            continue
        previous = words[i - 1]
        following = words[i + 1] if i + 1 < len(words) else None
        lower = not _capitalised(word)
        if (previous.top_level_comma and not _list_comma(words, i)) or _modifier_at(words, i) or \
                word.bare in ("that", "which", "who", "whose") or (
                lower and following is not None and _past(word.bare) and following.bare in lex.prepositions
                and previous.bare not in lex.auxiliaries and not previous.depth) or (
                lower and word.bare.endswith("ing") and len(word.bare) > 5 and previous.bare not in lex.auxiliaries
                and previous.bare not in lex.prepositions and previous.bare not in lex.adjective_markers
                and (following is None or following.bare not in ("of", "and", "or"))) or (
                word.bare == "to" and following is not None and following.bare.isalpha() and i - start > 2
                and following.bare not in lex.adjective_markers and not _capitalised(following)):
            modifiers.append(i)
        elif word.bare in lex.prepositions and not _in_name(words, i):
            phrases.append(i)
    return modifiers, phrases


def _list_comma(words: list[Word], i: int) -> bool:
    """Whether the comma before words[i] separates items of a list: a short item follows, then another
    comma or 'and'/'or' ("military, military-technical and military-educational fields")."""
    for j in range(i, min(len(words), i + 5)):
        if words[j].bare in ("and", "or") and j > i - 1:
            return not _clause_follows(words, j + 1)
        if words[j].top_level_comma:
            return j > i - 1 and j - i < 4
        if is_verb(words, j, i):
            return False
    return False


def _modifier_at(words: list[Word], i: int) -> bool:
    phrases = lexicon().modifiers.get(words[i].bare)
    return bool(phrases) and any(tuple(w.bare for w in words[i:i + len(p)]) == p for p in phrases)


def _in_name(words: list[Word], i: int) -> bool:
    """A preposition inside a name ("Center for Strategic Studies", "Forum on China-Africa Cooperation")."""
    return 0 < i < len(words) - 1 and _capitalised(words[i - 1]) and _capitalised(words[i + 1]) \
        and not words[i - 1].comma


def _dangling(word: Word) -> bool:
    """A word a phrase cannot end on ("the", "of", "will"; not "May", the month)."""
    return word.bare in lexicon().dangling and not _capitalised(word)


def _length(words: list[Word]) -> int:
    return sum(1 for w in words if w.bare)


def _complete(words: list[Word], verb: int) -> bool:
    """A line that ends a phrase: not on a function word, and every clause it opens after its verb has
    a verb of its own ("ruled that the decision" is not complete)."""
    if not words or _dangling(words[-1]) or _dash(words[-1]):
        return False
    if words[verb].bare in _HELPERS and verb_group_end(words, verb) == verb + 1 and \
            not any(_verb_form(w.bare) and not w.capital for w in words[verb + 1:]):
        return False        # "have in recent years": the helper without its verb
    if len(words) > 1 and _past(words[-1].bare) and not _capitalised(words[-1]) and \
            words[-2].bare not in lexicon().auxiliaries and len(words) - 1 > verb_group_end(words, verb):
        return False        # "... the Forum held": a participle without what it says
    for i in range(len(words) - 1, verb, -1):
        if words[i].bare in _COMPLEMENTIZERS and not words[i].depth:
            return main_verb(words[i:]) is not None or is_verb(words, i + 1, i + 1) if i + 1 < len(words) else False
    return True


def _cut(words: list[Word], verb: int, budget: int, keep: int = 0) -> list[Word]:
    """The words up to the last boundary that keeps the line within budget, or the first boundary; never
    before words[keep] (the time of the occurrence stays beside what it dates)."""
    if _length(words) <= budget:
        return words
    group = verb_group_end(words, verb)
    modifiers, phrases = _boundaries(words, verb)
    commas = [c for c in modifiers if words[c - 1].top_level_comma]
    for cuts in (commas, modifiers, phrases):
        usable = [c for c in cuts if group < c < len(words) and c >= keep and _complete(words[:c], verb)
                  and not (words[c].bare == "that" and c - group < 2)]   # "said Wednesday | that ...": no
        if not usable:
            continue
        fitting = [c for c in usable if _length(words[:c]) <= budget]
        words = words[:max(fitting)] if fitting else words[:min(usable)]
        if _length(words) <= budget:
            return words
    return words


def short_line(words: list[Word], budget: int = BUDGET, keep: int | None = None) -> list[Word]:
    """The subject and verb phrase of the clause `words`: asides, relative clauses before the verb and
    positions beside names left out, cut at its clause boundary, then at a phrase boundary while longer
    than `budget` words, never before the word that starts at `keep` (a position in the sentence). Empty
    when the words hold no verb."""
    words = _without_fillers(reduce_appositions(drop_relatives(strip_brackets(words))))
    verb = main_verb(words)
    if verb is None:
        return []
    end = clause_end(words, verb_group_end(words, verb))
    if keep is not None and end < len(words) and words[end].start <= keep:
        # The time stands in the clause after this one ("..., the first since the outbreak was declared in
        # August"): that clause is the line, without the word that joins it.
        opener = words[end].bare
        close = _next_comma(words, end) if opener in _RELATIVES else None
        if close is not None and close + 1 < len(words) and words[close + 1].start <= keep and \
                words[close + 1].bare not in _COMPLEMENTIZERS:
            # ", which included a ban, in December": the time is the main clause's, after the relative one
            return short_line(words[:end - 1] + [_without_comma(words[end - 1])] + words[close + 1:], budget, keep)
        rest = words[end + 1:] if opener in lexicon().clause_openers | lexicon().subordinators else words[end:]
        if rest and _participle(rest[0]):
            # ", becoming the first country to get them since the disease was declared in August": the
            # clause inside it that holds the time
            inner = [i for i, w in enumerate(rest) if w.bare in _INNER_OPENERS and not w.depth and w.start < keep]
            rest = rest[inner[-1] + 1:] if inner else rest
        if rest and rest[0].bare == "that":
            rest = rest[1:]
        if opener in ("which", "who") and rest and is_verb(rest, 0):
            antecedent = _strip_last_comma(words[_antecedent_start(words, end - 1, verb, name=True):end])
            if antecedent and _capitalised(antecedent[-1]):
                rest = antecedent + rest        # ", which was launched in 2014": "Azersky was launched"
        elif opener in ("which", "whom") and rest and main_verb(rest) is not None:
            antecedent = _strip_last_comma(words[_antecedent_start(words, end - 1, verb):end])
            rest = _strip_last_comma(rest) + antecedent     # ", which the EU adopted on Friday": "the EU adopted the package"
        if main_verb(rest) is not None:
            return short_line(rest, budget, keep)
    words = words[:end]
    at = next((i for i, w in enumerate(words) if w.start >= keep), len(words)) if keep is not None else 0
    return _cut(words, verb, budget, at)


def plain_line(words: list[Word], budget: int = BUDGET, keep: int | None = None) -> list[Word]:
    """Words that hold no verb (a heading, a noun phrase), up to a clause boundary and within budget."""
    words = words[:clause_end(words, 0)]
    at = next((i for i, w in enumerate(words) if w.start >= keep), len(words)) if keep is not None else 0
    return _cut(words, 0, budget, at)


_TRAILING_MARKS = re.compile(r"[\s,;:–—-]+$")


def text_of(words: list[Word]) -> str:
    """The words as a line: no trailing comma, colon or full stop, no dangling word at the end, no
    bracket or quotation left open."""
    words = list(words)
    while len(words) > 3 and (_dangling(words[-1]) or _dash(words[-1]) or not words[-1].bare):
        words.pop()
    text = " ".join(w.text for w in words).strip()
    text = _TRAILING_MARKS.sub("", text)
    if text.endswith(".") and not re.search(r"\b[A-Z][a-z]?\.$|\b(?:[A-Z]\.)+$", text):
        text = text[:-1]
    return _balanced(_TRAILING_MARKS.sub("", text))


def _balanced(text: str) -> str:
    """An unclosed bracket or quotation is closed at the line's end; a closing one without its opening
    (the quotation began in the sentence before) goes."""
    for opening, closing in (("(", ")"), ("“", "”")):
        if text.count(opening) > text.count(closing):
            text += closing
        elif text.count(closing) > text.count(opening) and text.endswith(closing):
            text = text[:-1]
    if text.count('"') % 2:
        text = text[:-1] if text.endswith('"') else text + '"'
    return text
