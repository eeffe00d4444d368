"""The head of a page: the lines above the article's first paragraph, and which of them is the headline.

A copy-pasted page starts with whatever stood above the article: menus, a search box, a date, a ticker
of other stories, a photo caption, the section's name. The headline is told from them by what makes a
headline (a phrase of a few words to a couple of dozen, no sentence end, no clock, no credit, not a
menu of title-case items) and above all by its agreement with the lead: a headline names what the
first paragraph tells. A line the page repeats counts for it. Tables of known furniture are data
(data/headline.yml); they only remove lines no signal would choose anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator import outlets, resources
from generator.dates import find_dates
from generator.extract.organizations import is_organization_name
from generator.extract.sentences import ABBREVIATIONS

_MIN_WORDS, _MAX_WORDS = 3, 30
_MAX_TITLE_CASE_WORDS = 40      # a listed company's announcement, in title case, runs to this
_PARAGRAPH_WORDS = 25           # a line this long is article text: the head ends above it
_SHORT_PARAGRAPH_WORDS = 12     # ... or one this long that ends a sentence
_LEAD_WORDS = 80                # the lead a candidate is compared with
_MIN_SCORE = 1.5
_ALONE_MIN_SCORE = 0.5          # the only line of the head shaped like a headline needs less agreement
_CLEAR_SCORE, _CLEAR_MARGIN = 1.0, 0.75    # below the minimum, a line this far ahead of the rest still leads
_MENU_LIKE_PENALTY = 3.0
_POST_MARGIN = 1.5              # above a post's age, a headline must agree with the lead this much more
_TIE = 1.5                      # of two candidates this close, the upper one (the deck follows the headline)

_WORD = re.compile(r"[^\W_][\w'’.%$€£-]*")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s*[ap]\.?m\b", re.IGNORECASE)
_INNER_SENTENCE_END = re.compile(r"[a-z\d)][.!]\s+[A-Z]")     # "Will oil flow again? Baghdad seals deal" is one
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net)\b/|[\w.-]+@[\w-]+\.\w", re.IGNORECASE)     # an e-mail address too


@dataclass(frozen=True)
class Lexicon:
    stopwords: frozenset[str]
    furniture: re.Pattern
    credits: re.Pattern
    body_name: re.Pattern
    reader_prompt: re.Pattern
    social_platforms: frozenset[str]
    site_voice: frozenset[str]          # "we", "our": the site speaking of itself
    reader_address: frozenset[str]      # "you", "your": to its reader


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = resources.load_data("headline.yml")
    return Lexicon(
        stopwords=frozenset(data["stopwords"]),
        furniture=re.compile("|".join(f"(?:{p})" for p in data["furniture"]), re.IGNORECASE),
        # One alternation between the word boundaries' tests, not each word with its own: the engine tries
        # the words only where a word starts, instead of every lookbehind at every character.
        credits=re.compile(r"(?<![\w])(?:" + "|".join(re.escape(c) for c in data["credits"]) + r")(?![\w])"
                           r"|(?<![\w])(?:" + "|".join(data["credit_labels"]) + r")(?:\s*[:/|]|\s+by\b)"
                           r"|\((?:" + "|".join(data["credit_labels"]) + r")\)", re.IGNORECASE),
        body_name=re.compile(rf"(?:The\s+)?(?:[A-Z][\w-]+\s+){{0,2}}(?:{'|'.join(data['body_heads'])})\s+(?:of|for)\s+[^:;,.!?]+"),
        social_platforms=frozenset(data["social_platforms"]),
        site_voice=frozenset(w.lower() for w in data["site_voice_words"]),
        reader_address=frozenset(w.lower() for w in data["reader_address_words"]),
        # A verb telling the reader what to do, then "you"/"your" or a button's label in brackets.
        reader_prompt=re.compile(rf"(?i:{'|'.join(data['reader_prompt_verbs'])})\b(?=.*(?:\b(?i:{'|'.join(data['reader_words'])})\b|\[\w+\]))"),
    )


_FIELD = re.compile(r"^[A-Z][\w/ ]{0,24}:\s+\S")


def field_block(lines: list[str]) -> set[int]:
    """The lines (by index) of a block of fields, three or more "Label: value" lines in a row ("Product:
    …", "Issue: …", "Audience: …" on a government notice): the page's data, neither headline nor text."""
    block: set[int] = set()
    run: list[int] = []
    for number, line in enumerate([*lines, ""]):
        if _FIELD.match(line) and len(line.split(":", 1)[0].split()) <= 3:
            run.append(number)
            continue
        if len(run) >= 3:
            block.update(run)
        run = []
    return block


def first_paragraph(lines: list[str]) -> int:
    """The index of the first line that is article text (len(lines) when there is none)."""
    fields = field_block(lines[:80])
    for number, line in enumerate(lines):
        if is_ticker(line) or number in fields:
            continue            # a strip of other stories' headlines, a notice's fields: not the article's text
        words = word_count(line)
        if words >= _SHORT_PARAGRAPH_WORDS and _title_line_of(line, lines[number + 1:number + 16]):
            continue            # "<headline> - SABC News - Breaking news, …": the browser's title, the headline below
        # A short line that asks is a headline as often as text ("… how much bite is left in sanctions?");
        # one with the byline or the date stamp still to come below it is the head's, a headline or a deck.
        if words >= _PARAGRAPH_WORDS or (words >= _SHORT_PARAGRAPH_WORDS and _ends_sentence(line)
                                         and not line.endswith("?") and not _stamp_follows(lines, number + 1)
                                         and not _repeat_follows(lines, number + 1)
                                         and not _credit_follows(lines, number + 1)):
            if _closing_credit(line) and _text_below(lines, number + 1):
                continue        # "… on Aug. 27, 2025. (Adem Altan/AFP via Getty Images)": a photo's caption
            if (_menu_follows(lines, number + 1) or line.upper() == line) and _text_below(lines, number + 1):
                continue        # menus below it (a cookie notice, a browser warning), or in capitals (a legal notice)
            if words < _PARAGRAPH_WORDS * 2 and _site_notice(line) and _text_below(lines, number + 1):
                continue        # "We would like to hear your opinion about our website.": the site to its reader
            if _unstopped(line) and (words <= _MAX_WORDS or words <= _MAX_TITLE_CASE_WORDS and headline_cased(line)) \
                    and _text_below(lines, number + 1):
                # "Communication of the KNF concerning the imposition of …": no stop, a long headline; in title
                # case longer still ("… Company Announces Signing of a Concession Agreement with …")
                continue
            return number
    return len(lines)


def headline_cased(line: str) -> bool:
    """A line set as a headline is, in title case and with no sentence's stop: its words of four letters or
    more capitalised but for one in five at most ("Sahel Ports & Logistics Company Announces Signing of a
    Concession Agreement with the General Authority …")."""
    if not _unstopped(line):
        return False
    long_words = [w for w in line.split() if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) < 6:
        return False
    return sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)


def _unstopped(line: str) -> bool:
    """Whether a line ends on no sentence's stop and no mark that runs on (",", ":", ";")."""
    return not _ends_sentence(line) and not line.rstrip().endswith((",", ":", ";"))


def _site_notice(line: str) -> bool:
    """Whether a line is the site speaking to its reader ("We've detected that you're using an ad blocker"):
    a word of each, and no quotation (a speaker's "we" to "you" is the article's)."""
    if any(mark in line for mark in '"“”«»'):
        return False
    words = set(_VOICE_WORD.findall(line.lower()))
    lex = lexicon()
    return bool(words & lex.site_voice) and bool(words & lex.reader_address)


_VOICE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _menu_follows(lines: list[str], start: int) -> bool:
    """Whether three of the next four lines are buttons or menu items ("Accept", "Reject", "Login"), with
    no byline or date stamp among them (a deck has those below it)."""
    below = lines[start:start + 4]
    return sum(len(line.split()) <= 2 or is_furniture(line) for line in below) >= 3 and not _stamp_follows(lines, start)


def _title_line_of(line: str, below: list[str]) -> bool:
    """Whether a line is a page's title as a browser shows it: a headline standing below, then a
    separator and the site's name and description."""
    return any(line.startswith(other) and 3 <= len(other.split()) <= _MAX_WORDS      # (the cheap test first)
               and re.match(r"\s+(?:[-–—|]|::)\s", line[len(other):]) for other in below)


def without_lone_bullet(candidates: list[str]) -> list[str]:
    """The head's lines with the bullet taken off the one line that has one ("• Personal Data Protection Bill
    passed"): a bullet on a single line marks it out, as a headline; on several, they are a list's points."""
    bulleted = [number for number, line in enumerate(candidates) if line[:1] in _BULLETS and line[1:2] == " "]
    if len(bulleted) != 1:
        return candidates
    lone = bulleted[0]
    return [line[2:].strip() if number == lone else line for number, line in enumerate(candidates)]


_BRACKETED_END = re.compile(r"\(([^()]{3,80})\)\s*$")
_CREDIT_MARK = re.compile(r"\bvia\b|/")        # "Adem Altan/AFP via Getty Images"


def _closing_credit(line: str) -> bool:
    """Whether a line ends on a photo's credit in brackets ("… on Aug. 27, 2025. (Adem Altan/AFP via Getty
    Images)"): a caption, part of the head."""
    found = _BRACKETED_END.search(line)
    if not found:
        return False
    credit = found.group(1)
    return bool(lexicon().credits.search(credit) or _CAPTION_CREDIT.search(credit)
                or (_CREDIT_MARK.search(credit) and len(line.split()) < _PARAGRAPH_WORDS * 2))


def _credit_follows(lines: list[str], start: int) -> bool:
    """Whether the next line is a photo's credit ("Photo/Ministry of Health", "Image: AFP"): the sentence
    above it is the photo's caption, part of the head."""
    following = next((line for line in lines[start:start + 2] if line.strip()), "")
    return len(following.split()) <= 15 and bool(lexicon().credits.match(following.lstrip("( ")))


def _text_below(lines: list[str], start: int) -> bool:
    return any(len(line.split()) >= _PARAGRAPH_WORDS and not is_ticker(line) for line in lines[start:])


def _stamp_follows(lines: list[str], start: int) -> bool:
    """Whether a byline or a date stamp stands within the next three lines (so the head goes on)."""
    for line in lines[start:start + 3]:
        if len(line.split()) <= 12 and (line.startswith("By ") or line == "By"
                                        or any(d.year is not None for d in find_dates(line))):
            return True
    return False


def _repeat_follows(lines: list[str], start: int) -> bool:
    """Whether a short line stands twice within the next six (a site prints its headline twice): the
    head goes on below, and the line above was a banner, not the article's text."""
    keys = [line_key(line) for line in lines[start:start + 6] if 3 <= len(line.split()) <= 30]
    return len(keys) != len(set(keys))


_SENTENCE_STOP = re.compile(r"[.!?。！？][\"”’)」]?$")


def _ends_sentence(line: str) -> bool:
    # (an abbreviation's last point is no stop of its own: "… el arancel del 10 % de EE.UU.")
    return bool(_SENTENCE_STOP.search(line)) and not line.endswith("...") and not _ABBREVIATION_END.search(line)


_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:[A-Z][A-Za-z]?\.){2,}$")


def _stem(word: str) -> str:
    word = word.lower().strip(".'’-")
    for ending in ("ing", "ed", "es", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            word = word[: -len(ending)]
            break
    return word[:5]         # "Hungary" and "Hungarian", "defence" and "defense" meet


def content_stems(text: str) -> set[str]:
    stop = lexicon().stopwords
    stems = {_stem(w) for w in _WORD.findall(text) if w.lower() not in stop and (len(w) > 2 or w[0].isdigit())}
    if _UNSPACED.search(text):
        # Chinese and Japanese put no space between words: their runs of characters are compared by the
        # pairs of characters they hold ("隧道贯通" holds "隧道", "道贯", "贯通"), which a headline and its
        # lead share as they share words.
        for run in _UNSPACED.findall(text):
            stems.update(run[i:i + 2] for i in range(len(run) - 1))
    return stems


# Han, kana and Thai letters: scripts written without spaces between words.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\u0e00-\u0e7f]{2,}")
# Thai letters and vowels written on the line (not the marks above and below them).
_THAI_LETTER = re.compile(r"[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46]")


def word_count(line: str) -> int:
    """The words of a line: a run of a script written without spaces counts a word for every two of its
    characters (a Chinese headline is one "word" to split())."""
    words = line.split()
    if line.isascii() or not _UNSPACED.search(line):
        return len(words)
    unspaced = 0
    for run in _UNSPACED.findall(line):
        thai_letters = len(_THAI_LETTER.findall(run))
        # A Chinese or Japanese word is about two characters; a Thai word about four letters, its vowel
        # and tone marks written above and below them no letters of their own ("ต่างประเทศ": two words).
        unspaced += (len(run) - thai_letters) // 2 + thai_letters // 4
    return len(_UNSPACED.sub(" ", line).split()) + unspaced


def is_furniture(line: str) -> bool:
    """A line that is a page's furniture whatever the site (a skip link, a sign-in prompt, a badge), or the
    page speaking to its reader ("View this email in your browser", "Search by Trading Code: [Go]")."""
    if len(line) > 120:
        return False
    stripped = line.strip(" .:|•·")
    return bool(lexicon().furniture.fullmatch(stripped) or lexicon().reader_prompt.match(stripped))


def is_ticker(line: str) -> bool:
    """A strip of other stories: "Latest News: … | … | …", "Trending Now: …"."""
    label, colon, _ = line.partition(":")
    if colon and len(label) <= 30 and is_furniture(label):
        return True
    # Headlines set apart by bars; a site's section and name after a headline are a few words each.
    return "|" in line and sum(len(part.split()) >= 4 for part in line.split("|")) >= 2


def headline_score(line: str, lead_stems: set[str], repeated: bool) -> float | None:
    """How much a line reads as the headline of that lead; None when it cannot be one."""
    words = line.split()
    count = word_count(line)
    if not _MIN_WORDS <= count <= _MAX_WORDS or len(line) > 250:
        if not (_MAX_WORDS < count <= _MAX_TITLE_CASE_WORDS and len(line) <= 300 and headline_cased(line)):
            return None     # (a filing's headline in title case may run to forty words)
    if line.rstrip().endswith(":") or _URL.search(line) or line.count("|") >= 2 or is_furniture(line):
        return None
    if lexicon().credits.search(line) or _CAPTION_CREDIT.search(line):
        return None                     # a photo caption or credit ("… in Nairobi/FILE - KENYA POWER")
    if _EMOJI.search(line):
        return None                     # "… and I could not be prouder 🚇": a post's text, not a headline
    if _NAMES_ONLY.fullmatch(line):
        return None                     # "Alexey Miller and Sanzhar Zharkeshov": the people in a photo, a byline
    if len(words) <= 6 and outlets.looks_like_outlet(line):
        return None                     # "The Times of Central Asia": the masthead, whatever it shares with the lead
    if outlets.outlet_named(_SITE_TITLE_SPLIT.split(line, 1)[0]):
        return None                     # "Daily Sabah - Latest & Breaking News from Turkey": the site's own title
    if line[:1] in _BULLETS or _NUMBERED_ITEM.match(line):
        return None                     # "→ Eighteen months after …", "1. Armenia buys French artillery": a point of a list
    if not any(ch.isupper() for ch in line) and any(ch.islower() for ch in line):
        return None                     # "ep archivo vacunacion …": a file name or a caption; a headline has a capital
    if len(_CRUMB_SEPARATOR.findall(line)) >= 2:
        return None                     # "Home › Press & speeches › Central bankers' speeches": a breadcrumb
    if line.startswith(outlets.name_words().breadcrumb_openers):
        return None                     # "Startseite Ausland Europa Pistorius in Litauen": a breadcrumb whose
        # separators the copy lost
    if 2 * sum(any(ch.isalpha() for ch in w) for w in words) < len(words) + 1:
        return None                     # "• KGS/USD = 0.01144 0%": a ticker's figures, not words
    stems = content_stems(line)
    if not stems:
        return None
    shared = len(stems & lead_stems)
    score = 3.0 * shared / len(stems) + 0.5 * min(shared, 4)
    if _menu_like(words):
        score -= _MENU_LIKE_PENALTY     # a menu's item, unless the lead tells what it says ("Neighbors in Arms")
    if repeated:
        score += 1.0
    if 5 <= count <= 20:
        score += 0.5
    if _ends_sentence(line) and not line.rstrip().endswith("?"):
        score -= 1.5                    # a headline seldom ends with a full stop (it may ask); a caption or deck does
    if _two_sentences(line):
        score -= 2.0                    # two sentences: a caption with its credit, a teaser
    if _CLOCK.search(line):
        score -= 2.0                    # a timestamp or a schedule
    if words[0].isalpha() and words[0].islower():
        score -= 2.0                    # "issued by the Registrar of the Court": a headline opens on a capital
        # (a brand's "iPhone" or "eBay" has its capital inside)
    dated = next((d for d in find_dates(line) if d.month is not None), None)
    if dated is not None and (word_count(line[:dated.start]) < 4 or count < 8):
        score -= 2.0                    # a dateline or a date stamp ("Beijing, September 13, AZERTAC"); a
        # headline may end on the day it names ("Spokesperson's Regular Press Conference on June 12, 2025")
    return score


_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\U0001F1E6-\U0001F1FF]")
# A wire's or a file's credit glued to a caption's last word ("Nairobi/FILE", "Baku/AFP").
_CAPTION_CREDIT = re.compile(r"(?<=\w)/\s?(?:FILE|File|AFP|Reuters|REUTERS|AP|EPA|Getty|Xinhua|Anadolu)\b")
# Two or more full names joined by "and" or commas, and nothing else.
_NAME_WORD = r"[A-Z][\w'’.-]+"
_NAMES_ONLY = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}(?:(?:,| and| &|, and) {_NAME_WORD}(?: {_NAME_WORD}){{1,3}})+")


def _two_sentences(line: str) -> bool:
    """Whether a sentence ends inside the line: a stop before a capital, after no abbreviation ("Sierra
    Verde Foods, Inc. Recalls …" is one)."""
    for found in _INNER_SENTENCE_END.finditer(line):
        before = line[:found.start() + 1].rsplit(None, 1)[-1].lower()
        if before not in ABBREVIATIONS:
            return True
    return False


_CRUMB_SEPARATOR = re.compile(r"\s[›»>/]\s|›|»")
_SITE_TITLE_SPLIT = re.compile(r"\s+[-–—|]\s+")
_BULLETS = frozenset("→•▪►▶✓✔-–—*·")
_NUMBERED_ITEM = re.compile(r"\d{1,2}[.)]\s+[^\W\d_]")     # "1. …", "2) …" (not "5 things", "2024. …")
# A social post's age under its author's name: "3d · 🌏", "2w • Edited •", "5 hrs ·", "Yesterday at 10:15",
# "2 days ago · Shared with 186 neighborhoods", "14 March at 10:24 · 🌐" (a reading time, "5 min", is none).
_POST_TIME = re.compile(r"^\s*(?:\d{1,2}\s?[hdwy]\b|\d{1,2}\s?(?:mins?|hrs?|hours?|days?|weeks?)(?: ago)?\s*[·•].{0,60}"
                        r"|(?:Yesterday|Today) at \d"
                        r"|(?:\d{1,2} [^\W\d_]{3,}|[^\W\d_]{3,} \d{1,2})(?:,? \d{4})? at \d{1,2}:\d\d(?=\s*[·•]))(?:\s*[·•].*)?\s*$"
                        r"|^@[\w.-]+\s*[·•]\s*\d{1,2}\s?[smhdw]\s*$")     # "@anakovacevic.bsky.social · 3h"


_HANDLE = re.compile(r"@[\w.-]{2,40}")       # an account's handle on a line of its own


def post_age(line: str) -> bool:
    """Whether a line is a social post's age under its author ("3d · 🌏", "2 days ago · Shared with …")."""
    return bool(_POST_TIME.match(line))


def is_platform_name(line: str) -> bool:
    """Whether a line is a social network's name alone ("Facebook", "ВКонтакте"): on a paste's first line, the
    page is a post."""
    return line.strip() in lexicon().social_platforms


_CRUMB_GAP = re.compile(r"\s{2,}|\s*[»›]\s*|\s+[>/]\s+")     # "Home»Politics»<headline>" too
# What any match of _CRUMB_GAP holds: two spaces, a space of another kind, a chevron, or " >" / " /";
# one class first (the space's own test after it), so that the engine skips to such a mark.
_CRUMB_HINT = re.compile(r"[\s»›](?:(?<! )|(?=[ >/]))")


def without_breadcrumb(line: str) -> str:
    """A line with the breadcrumb it was pasted with cut off: "Home  News  Serbia Buys 12 Rafale Jets"
    -> "Serbia Buys 12 Rafale Jets". Only leading pieces of a few capitalised words each are cut."""
    if not _CRUMB_HINT.search(line.strip()):
        return line         # no gap, no chevron, no slash or ">" after a space: nothing to split on
    pieces = [piece for piece in _CRUMB_GAP.split(line.strip()) if piece]
    if len(pieces) < 2:
        return line
    *crumbs, last = pieces
    # A crumb is a menu's label: "EANS-Adhoc: Alpensilizium AG / Supervisory Board approves …" is a
    # release's channel and issuer, part of its headline.
    if len(last.split()) >= _MIN_WORDS and all(len(c.split()) <= 3 and _menu_like(c.split()) and ":" not in c
                                               for c in crumbs):
        return last
    return line


def navigation_follows(lines: list[str], start: int) -> bool:
    """Whether menu items follow: two lines of one or two words, or a strip of items set apart by gaps."""
    short = 0
    for line in lines[start:start + 4]:
        if len(line.split()) <= 2 or is_furniture(line):      # "Skip to main content" is the menu's too
            short += 1
        elif len(re.split(r"\s{2,}|\s[|•·]\s", line)) >= 3:
            return True
    return short >= 2


def _furniture_follows(lines: list[str], start: int) -> bool:
    """Whether two of the next three lines are furniture ("Sign in", "Subscribe", "Search")."""
    return sum(is_furniture(line) for line in lines[start:start + 3] if line) >= 2


def _menu_like(words: list[str]) -> bool:
    """A strip of menu items ("Arts & Culture", "Israel at War", "Israel & the Region"): short, every
    word capitalised or a connector, no verb-like lowercase word."""
    if len(words) > 6:
        return False
    return all(w[0].isupper() or w in _MENU_CONNECTORS for w in words) and len(words) <= 4


_NAME_CONNECTORS = frozenset({"of", "and", "the", "for", "&", "de", "du", "des", "la", "del", "y", "et", "und", "von"})
_MENU_CONNECTORS = frozenset({"&", "and", "of", "|", "/", "-", "–", "at", "the", "in", "on", "for", "to"})


def agrees_with_lead(line: str, lead: str) -> bool:
    """Whether a line reads as the headline of that lead as choose_headline requires of one it chooses
    outright (not the only plausible line of a head, taken for want of another)."""
    score = headline_score(line, _lead_stems(lead), False)
    return score is not None and score >= _MIN_SCORE


def _lead_stems(lead: str) -> set[str]:
    """The content stems of the lead's first words, which a headline candidate is compared with."""
    return content_stems(" ".join(lead.split()[:_LEAD_WORDS]))


# What a newsletter's copy holds above its text: the mail client's and the list's lines, the issue's
# contents, the editor's greeting.
_NEWSLETTER = re.compile(r"(?i)\b(?:view (?:this|it) (?:email|e-mail|message)|forwarded this (?:email|e-mail)|"
                         r"in this (?:issue|edition)|dear (?:readers?|friends|subscribers|colleagues)|"
                         r"good morning from|welcome to (?:the|this|our) \w+ (?:edition|issue))")


def is_newsletter(lines: list[str]) -> bool:
    """Whether a page's first lines are a newsletter's (its mail client's and list's lines, its contents,
    its editor's greeting)."""
    return any(_NEWSLETTER.search(line) for line in lines)


def newsletter_lead_story(lines: list[str], start: int) -> int | None:
    """In a newsletter whose head names no story (its name, tagline and contents, then the editor's
    greeting), the lead story's headline: the first line below the greeting set as a heading (a few words,
    no stop, not a numbered section label) over a paragraph it agrees with; None when there is none."""
    for number in range(start, min(start + 12, len(lines) - 1)):
        line, below = lines[number], lines[number + 1]
        if not (4 <= word_count(line) <= _MAX_WORDS and _unstopped(line)) or is_furniture(line) \
                or _NUMBERED_ITEM.match(line) or line.isupper() or word_count(below) < _PARAGRAPH_WORDS:
            continue
        if agrees_with_lead(line, below):
            return number
    return None


def choose_headline(candidates: list[str], lead: str, page_lines: list[str], first_above_menu: bool = False,
                    owners: tuple[str, ...] = (), post_age_at: int | None = None) -> int | None:
    """The index of the headline among a page's head lines, or None when none reads as one.
    `first_above_menu`: the first line stands above menu items, where a site's name stands; `owners`: the
    page's copyright lines, which name the site; `post_age_at`: the number of the first line below a
    post's age ("3h •", set aside as a stamp)."""
    lead_stems = _lead_stems(lead)
    if not lead_stems:
        return None
    seen: dict[str, int] = {}
    for line in page_lines:
        key = line_key(line)
        seen[key] = seen.get(key, 0) + 1
    age = next((number for number, line in enumerate(candidates) if post_age(line) or _HANDLE.fullmatch(line)),
               post_age_at)
    if age is not None:
        # "3d · 🌏" or "@lotteverhaegen" under the author's name: a social post, which has no headline;
        # but a news portal prints a story's age under its byline too ("3h •"), and a line above it that
        # agrees with the lead as a headline does is the story's headline.
        # A post's author's name stands there too ("Ministry of Health and Child Care Zimbabwe"): a line
        # of capitalised words and connectors only is never taken for the story's headline.
        candidates = [line if any(w[0].islower() and w not in _NAME_CONNECTORS for w in line.split()) else ""
                      for line in candidates[:age]]
        min_score = _MIN_SCORE + _POST_MARGIN
    else:
        min_score = _MIN_SCORE
    shaped = []
    names: set[int] = set()
    lowered_page = ""       # the page in lower case, made when a line is first looked for in it
    fields = field_block(candidates)
    # A line between menu items is one of them when it is as short, or when it stands again further down
    # (the section's name over the headline); a headline may stand between a menu and a weather widget.
    menu_items = {line_key(line) for number, line in enumerate(candidates) if _among_menu_items(candidates, number)
                  and (word_count(line) <= 4 or seen.get(line_key(line), 0) > 1)}
    for number, line in enumerate(candidates):
        if number in fields or word_count(line) <= 6 and any(line in owner for owner in owners):
            continue        # "The Times of Central Asia" above the menu and in "© The Times of Central Asia": the site
        score = headline_score(line, lead_stems, seen.get(line_key(line), 0) > 1)
        if score is not None and (number == 0 and first_above_menu or number == 1 and _furniture_follows(candidates, 2)):
            score -= 1.0      # above the menu stand the site's name and its tagline
        if score is not None and _PUBLICATION_KIND.search(line):
            score -= 2.5      # "A monthly briefing on defence in …" under "THE BALTIC BRIEF": the publication's tagline
        if score is not None and _cut_short(line, candidates):
            score = None      # "… Deputy Defence Minister Ahmad..." above the whole: a breadcrumb's shortened copy
        if score is not None and _names_the_lead_begins_with(line, lead):
            score = None      # "Mireille Okafor and Daniel P. Hartwell" over "Mireille Okafor is a senior fellow …"
        if score is not None and lexicon().body_name.fullmatch(_in_name_case(line)) and navigation_follows(candidates, number + 1):
            score = None      # "Ministry of Foreign Affairs of the Republic of Serbia" above its menu: the site
            # (set in capitals too: "MINISTRY OF DEFENSE OF THE REPUBLIC OF INDONESIA")
        if score is not None and _names_a_body_after_the_site(line):
            score = None      # "France Diplomacy - Ministry for Europe and Foreign Affairs": the site's own title
        if score is not None and score >= min_score and word_count(line) <= 12 and _defined_as_a_name(
                line, lowered_page := lowered_page or "\n".join(page_lines).lower()):
            score = None      # "Autorité Nationale de Régulation … (ANARE-CI) informe": the text gives it a
            # short name, as it does a body's, never a headline's
        if score is not None and is_organization_name(line) and not _title_case_headline(line):
            score -= 2.5      # a body's name alone (the site's, the issuer's) shares the lead's words, says nothing
            names.add(number)
        if score is not None and line_key(line) in menu_items:
            # "Base Metals" / "Critical, Strategic and Rare Earth Minerals" / "Lithium": a menu's item, and
            # the same words again above the headline are its section, not a headline printed twice.
            score -= 2.5
        if score is not None:
            shaped.append((number, score))
    scored = [(number, score) for number, score in shaped if score >= min_score]
    if not scored and age is not None:
        return None
    if not scored:
        # An opinion piece's headline may share no word with its lead; alone in its head, it still leads.
        plausible = [number for number, score in shaped if score >= _ALONE_MIN_SCORE]
        if len(plausible) == 1:
            return plausible[0]
        # Or the one that agrees with the lead clearly more than the rest (a lead in another language shares
        # fewer of its words).
        ranked = sorted(((score, number) for number, score in shaped), reverse=True)
        if len(ranked) > 1 and ranked[0][0] >= _CLEAR_SCORE and ranked[0][0] - ranked[1][0] >= _CLEAR_MARGIN:
            return ranked[0][1]
        return None
    best = max(score for _, score in scored)
    top = next(number for number, score in scored if score == best)
    # The upper of two close lines is the headline over its deck; a body's name is over the headline; the
    # second line of the page, with the site's menu below it, is the site's tagline, no deck.
    close = [number for number, score in scored if score >= best - _TIE
             and not (number == 1 < top and navigation_follows(candidates, 2))]
    return next((number for number in close if number not in names), close[0])


def _defined_as_a_name(line: str, lowered_page: str) -> bool:
    """Whether the page's text gives the line a short name in brackets, as it does a body: "Sociedad Química
    y Minera de Chile S.A. ("SQM" o la "Sociedad")", "Comisión para el Mercado Financiero (la "Comisión")".
    `lowered_page`: the page's lines in lower case, joined by line breaks."""
    name = line.strip().lower()
    start = lowered_page.find(name)
    while start != -1:
        if _SHORT_NAME_AFTER.match(lowered_page, start + len(name)):
            return True
        start = lowered_page.find(name, start + 1)
    return False


# What follows a body's full name where the text names it in short: "(ANARE-CI)", "(la "Comisión")", "("SQM" o".
_SHORT_NAME_AFTER = re.compile(r"[ \u00a0]?\((?:(?:the|la|el|le|l'|o|a|die|der|das)\s)?[\"«“„']?[\w-]+[\"»”“']?\s?(?:\)|o |or |ou |y |et |,)")


# A publication saying what it is, as its tagline does: "… — the monthly briefing", "A weekly newsletter on …".
_PUBLICATION_KIND = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ur|[Yy]our)\s+(?:(?:daily|weekly|fortnightly|monthly|quarterly|free|"
                               r"independent)\s+)?(?:newsletter|briefing|digest|bulletin)\b(?!\s*:)"
                               # "A weekly note on container shipping", "global e-news for travel"
                               r"|\b(?:daily|weekly|fortnightly|monthly)\s+(?:note|letter|round-?up)\b|\be-news\b"
                               # "Analysis and commentary on Australian strategy", "News and analysis from …"
                               r"|^(?:[Nn]ews|[Aa]nalysis|[Cc]ommentary|[Ii]nsights?|[Oo]pinion)\s+and\s+(?:news|analysis|"
                               r"commentary|insights?|opinion|features)\s+(?:on|for|from|about)\b")


def _in_name_case(line: str) -> str:
    """A line set in capitals as a name is written: its words capitalised, its small words small."""
    if not line.isupper():
        return line
    stop = lexicon().stopwords
    return " ".join(word.lower() if word.lower() in stop else word.capitalize() for word in line.split())


def _names_a_body_after_the_site(line: str) -> bool:
    parts = _SITE_TITLE_SPLIT.split(line)
    return len(parts) == 2 and len(parts[0].split()) <= 4 and is_organization_name(parts[1]) \
        and not _title_case_headline(parts[1])


def _title_case_headline(line: str) -> bool:
    """"… Reaches Voluntary Pricing Agreement With Colorado …": a small word set in capitals inside the line is
    a headline's title case; a body's name writes its "of", "for" and "with" small."""
    stop = lexicon().stopwords
    return any(word[:1].isupper() and not word.isupper() and word.lower() in stop for word in line.split()[1:])


def _cut_short(line: str, candidates: list[str]) -> bool:
    """Whether a line ending in an ellipsis is the start of another line of the head: a shortened copy."""
    stripped = line.rstrip()
    if not stripped.endswith(("...", "…")):
        return False
    start = stripped.rstrip(".…").rstrip()
    return len(start.split()) >= 3 and any(other != line and other.startswith(start) and len(other) > len(start) + 3
                                           for other in candidates)


def _names_the_lead_begins_with(line: str, lead: str) -> bool:
    """Whether a line of names only ("A and B") begins with the name the lead begins with: the authors over
    their own note, not a headline."""
    words = line.split()
    if not 2 <= len(words) <= 10 or not all(w[0].isupper() or w in ("and", "&", "y", "et", "und") for w in words):
        return False
    return lead.startswith(" ".join(words[:2]) + " ")


def _among_menu_items(lines: list[str], number: int) -> bool:
    """Whether the two lines on each side of a line are menu items of a word or two."""
    if number < 2 or number + 2 >= len(lines):
        return False
    return all(0 < len(lines[i].split()) <= 2 for i in (number - 2, number - 1, number + 1, number + 2))


@lru_cache(maxsize=4096)
def line_key(line: str) -> str:
    """A line as compared for repeats: its words, lower case, punctuation and spacing aside."""
    return " ".join(_WORD_RUNS.findall(line)).lower()     # as \W+ made one space, and the ends stripped


_WORD_RUNS = re.compile(r"\w+")
