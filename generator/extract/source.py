"""Source: the outlet the text names as its publisher or reporting agency (tables in data/outlets.yml).

Every place where a page names an outlet is a signal with a weight: a wire credit in the dateline
("(Reuters)", "/TASS/"), the text speaking of itself ("Report informs", "told PREMIUM TIMES", "MineWire
Staff"), a copyright line, the masthead (the outlet's name standing alone at the top of the page). The
signals that name one outlet are pooled, and the outlet with the most weight is the source.

Which wins when a page names its own outlet and credits an agency (a masthead and copyright line
against "(AFP)" in the dateline): LABELLING.md counts both as "the outlet the text names as publisher
or reporting agency", so neither kind wins by rule; the evidence does. The labels show the publisher
winning when it is named twice ("DAILY SABAH" above "DAILY SABAH WITH AA") and the agency winning on
a host page that never names itself (an affiliate's copy of an AP story: "(AP)" and "Copyright The
Associated Press"). A photo credit ("Image: X/AFP/Getty Images") is not an attribution, and an agency
cited in the past tense ("Xinhua news agency reported") is never a signal.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from generator import outlets, resources
from generator.dates import find_dates, month_number, weekday_number
from generator.gazetteer import Gazetteer, Substrings
from generator.head import is_furniture, navigation_follows, post_age, lexicon as head_lexicon
from generator.extract.organizations import is_organization_name
from generator.extract.people import load_people_lexicon
from generator.model import CleanText

# Below this much evidence nothing is named: a lone "told Smith" or a lone title-case line is no outlet.
_ENOUGH = 2
# Which signal's spelling is shown when several name one outlet: the dateline's credit is how the outlet
# signs its reports ("(APS)" beside "Agence de Presse Sénégalaise - Tous droits réservés").
SHOWN_FIRST = ("issuer", "repost", "wire", "self", "told", "copyright", "masthead", "known", "owner", "title", "domain")
# (capitals of the Latin, Greek and Cyrillic scripts: "Укрінформ", "Καθημερινή" are mastheads as "Delfi" is)
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in [*range(0x100, 0x250), *range(0x370, 0x530)] if chr(c).isupper())
_CONNECTOR = r"(?:of|de|da|do|du|des|del|la|le|el|al|the|and|for|from|&|di|y|e)"
# (a wire's lower-case brand joined to capitals too: "BERLIN (dpa-AFX) -")
_WORD = (rf"(?:[{_UPPER}0-9][\w'’&-]*(?:\.[A-Za-z]{{2,4}}\b)?|[a-z0-9][A-Za-z0-9]*\.(?:com|net|org|info|news|[a-z]{{2}})(?:\.[a-z]{{2}})?\b"
         rf"|[a-z]{{2,5}}-[A-Z][A-Za-z]*\b)")
# An outlet-shaped name: up to six capitalised words or acronyms, with "of", "de", "&" or "of the" between
# them ("Ministry of Defence of the Czech Republic"); a first word's "of the" adds a seventh ("Parliament of
# the Republic of Kazakhstan", not a bare "Parliament").
# A brand's lower-case prefix before a word with a capital inside it: "bne IntelliNews".
_BRAND_PREFIX = r"(?:(?!(?:the|and|for|via|per|from|with)\s)[a-z]{2,4}\s(?=[A-Z][a-z]+[A-Z]))?"
_NAME = rf"{_BRAND_PREFIX}{_WORD}(?:\s+of\s+the\s+{_WORD})?(?:\s+(?:{_CONNECTOR}\s+|of\s+the\s+)?{_WORD}){{0,5}}"
# Words a company adds to its trading name ("Premium Times Services Limited", "Circuitline Media Group").
_COMPANY_TAIL = re.compile(
    r"(?:[\s,]+(?:Private|Pvt\.?|Limited|Ltd\.?|Inc\.?|LLC|plc|PLC|GmbH|S\.?A\.?U?\.?|S\.?L?\.?|S\.?p\.?A\.?|B\.?V\.?"
    r"|N\.?V\.?|AG|SE|A/S|AB|Oy|Pty|Sdn Bhd|K\.K\.|DAC|Pte|Public|Corp\.?|Corporation|Co\.?|Company|Services|Holdings?))+\s*$")
# "All rights reserved" in the languages copyright lines are written in, cut from the holder's name.
_RIGHTS_RESERVED = re.compile(
    r"\s*[-–—.,|]?\s*(?:All rights reserved|Tous droits réservés|Todos os direitos reservados|Todos los derechos"
    r" reservados|Tüm hakları saklıdır|Bütün hüquqlar qorunur|Все права защищены|Alle Rechte vorbehalten"
    r"|Tutti i diritti riservati)\b.*$", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(r"(?i)^\s*(?:\(?photo|image|credit|foto|picture|source: getty)\b|getty images|shutterstock|/afp\b"
                           r"|\b(?:photo|image|picture|foto|illustration)s?\s*(?:credits?\s*)?:")   # "Cover photo: … © Ritzau Scanpix"
# The same pattern in two parts, as a line is tried: its opening, and the rest behind a lookahead of their
# first letters (in a pattern that ignores case, the class folds as the words do), which turns most
# characters away without trying each word at each of them.
_PHOTO_CREDIT_OPENING = re.compile(r"(?i)\s*(?:\(?photo|image|credit|foto|picture|source: getty)\b")
_PHOTO_CREDIT_INSIDE = re.compile(r"(?i)(?=[gs/pif])(?:getty images|shutterstock|/afp\b"
                                  r"|\b(?:photo|image|picture|foto|illustration)s?\s*(?:credits?\s*)?:)")


def _is_photo_credit(line: str) -> bool:
    """Whether _PHOTO_CREDIT finds a credit in the line."""
    if _PHOTO_CREDIT_OPENING.match(line) is not None:
        return True
    # Every credit inside a line holds a colon or one of these words; in ASCII, a pattern that ignores case
    # matches just where the lowered line holds them (elsewhere "ſ" is an "s" to it), and the case-blind
    # pattern is slow to search a long paragraph for them.
    if ":" not in line and line.isascii() and not _may_hold_credit_words(line.lower()):
        return False
    return _PHOTO_CREDIT_INSIDE.search(line) is not None


def _may_hold_credit_words(lowered: str) -> bool:
    return "getty images" in lowered or "shutterstock" in lowered or "/afp" in lowered
_SPLIT_PARTS = re.compile(r"\s+[|–—-]\s+|,\s+|\s+with\s+", re.IGNORECASE)


@dataclass(frozen=True)
class _Signal:
    kind: str
    name: str
    weight: int
    order: int
    as_written: bool = False        # shown as the text writes it, not as a listed outlet's name

    @property
    def shown(self) -> str | None:
        return self.name.strip() if self.as_written else _display(self.name)


@lru_cache(maxsize=None)
def _pattern(number: int) -> re.Pattern:
    # Compiled when first tried: each holds every outlet's spelling, a millisecond to compile.
    pattern = resources.load_data("outlets.yml")["attribution"][number]["pattern"]
    return re.compile(pattern.replace("{outlet}", f"(?P<outlet>{outlets.alternation_trie()})"), re.MULTILINE)


@lru_cache(maxsize=1)
def _needs() -> Substrings:
    """Every word a signal's row needs (outlets.yml, `needs`), to find which of them a line holds."""
    return Substrings(need for _, _, needs, _, _ in _signals() for need in needs)


@lru_cache(maxsize=1)
def _signals() -> list[tuple[str, str, tuple[str, ...], int, re.Pattern]]:
    # A listed spelling ends where a word does: "© 2025 APO Group" is no credit of AP's.
    name, series = f"(?:(?:{outlets.alternation_trie()})(?!\\w)|{_NAME})", outlets.name_words().report_series
    return [(row["kind"], row["where"], tuple(row["needs"]), row["weight"],
             re.compile(row["pattern"].replace("{name}", name).replace("{series}", series)))
            for row in resources.load_data("outlets.yml")["signals"]]


@lru_cache(maxsize=1)
def _not_outlets() -> frozenset[str]:
    return frozenset(word.lower() for word in resources.load_data("outlets.yml")["not_outlets"])


@lru_cache(maxsize=1)
def _expansions() -> dict[str, str]:
    # A body that publishes its own releases signs with its acronym ("© 2024 WHO").
    return dict(resources.load_data("organizations.yml")["aliases"])


@lru_cache(maxsize=1)
def _outlets() -> Gazetteer[bool]:
    return Gazetteer(((n, True) for n in outlets.spellings()), fold_case=True)


@lru_cache(maxsize=1)
def _name_re() -> re.Pattern:
    return re.compile(rf"(?:{outlets.alternation_trie()}|{_NAME})")


def extract_source(clean: CleanText, text: str | None = None, people: tuple[str, ...] = ()) -> str | None:
    """The outlet's display name, or None when the text names none as publisher or reporting agency.
    `text` is the page as read (mastheads and copyright lines that cleaning sets aside); without it the
    cleaned parts stand in. `people`, the article's people, are never its outlet ("told Aliyev")."""
    signals = list(_known_signals(clean))
    lines = _lines(clean, text)
    signals += _open_signals(lines, frozenset(people))
    signals += _domain_signals(lines, signals)
    # Only a footer's short line credits a vendor: "the ships already built by Fincantieri" is prose.
    vendors = {match.group("name").lower() for line in lines if " by " in line and not _is_paragraph(line)
               for match in _VENDOR.finditer(line)}
    common = _common_words(lines)
    signals = [_as_defined(signal, lines) for signal in signals]
    chosen = _winner([signal for signal in signals if _kept(signal.shown or "", vendors, common)])
    if chosen and _a_persons_name(chosen):
        return None       # a post's author over its age ("Lotte Verhaegen"): a person, no outlet
    if chosen and chosen.islower():
        return _spelled_as_on_the_page(chosen, lines)
    return _unshouted(chosen, lines) if chosen and _shouted(chosen.upper()) and chosen == chosen.title() else chosen


def _a_persons_name(name: str) -> bool:
    """Whether a name no outlet list knows is shaped as a person's: two or three capitalised words, the first
    a given name, none an outlet's word ("News", "Times", "Radio")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words) \
        and words[0] in load_people_lexicon().given_names and not outlets.looks_like_outlet(name)


def _unshouted(name: str, lines: list[str]) -> str:
    """A name the page sets in capitals ("POLICY CENTER FOR THE NEW SOUTH") as it writes it in its own
    text ("at the Policy Center for the New South"), when it does; else in title case."""
    wanted = name.lower()
    for line in lines:
        at = line.lower().find(wanted)
        found = line[at:at + len(name)] if at >= 0 else ""
        if found[:1].isupper() and not any(len(word) > 3 and word.isupper() for word in found.split()):
            return found
    return name


def _as_defined(signal: _Signal, lines: list[str]) -> _Signal:
    """A listed outlet's acronym that the text defines as another body's ("Central News Agency (CNA)" is
    not Channel NewsAsia): the text's own, spelled as it is written there."""
    acronym = signal.name.strip()
    if not (acronym.isupper() and len(acronym) <= 8 and outlets.outlet_named(acronym)):
        return signal
    for line in lines:
        if f"({acronym})" in line:
            for match in _DEFINED.finditer(line):
                if match.group("acronym") == acronym and outlets.outlet_named(match.group("name")) is None \
                        and _initials(match.group("name")) == acronym:
                    return _Signal(signal.kind, acronym, signal.weight, signal.order, as_written=True)
    return signal


# "DIIS · Danish Institute for International Studies", "DIIS – Danish …": an acronym and its body's name.
_SPELLED_OUT = re.compile(rf"^(?P<acronym>[A-Z][A-Z&]{{1,7}})\s+[·•|–—-]\s+(?P<name>{_NAME})$")
# "Central News Agency (CNA)": a name the text defines an acronym for.
_DEFINED = re.compile(rf"(?P<name>{_NAME})\s+\((?P<acronym>[A-Z][A-Z&]{{1,7}})\)")


def _kept(shown: str, vendors: set[str], common: frozenset[str]) -> bool:
    """A signal's name is no software vendor's ("Powered by X") and no word of the page's furniture."""
    return shown.lower() not in vendors and not _a_common_word(shown, common)


def _common_words(lines: list[str]) -> frozenset[str]:
    # Words of the text, not of an address ("kabar.kg", "newswire@devex.com", "/english/").
    return frozenset(re.findall(r"(?<![\w.@/])[a-z][a-z'’-]{2,}\b(?![.@/]\w)", "\n".join(lines)))


def _a_common_word(name: str, common: frozenset[str]) -> bool:
    """"Office", "Policy", "Containers": one word the page also writes in lower case ("the press office",
    "privacy policy") is a word of its furniture, not a name, unless it is a listed outlet's ("Mint")."""
    return " " not in name and name[:1].isupper() and not name.isupper() and name.lower() in common \
        and not outlets.outlet_named(name)


_WORDS_IN_CAPITALS = re.compile(r"(?<![\w.])[A-Z][\w'’&-]*(?: [A-Z][\w'’&-]*){1,3}")


def _spelled_as_on_the_page(name: str, lines: list[str]) -> str:
    """A name found only as a site's address ("miningweekly") as the page writes it in words, when it
    does ("(Mining Weekly – June 6, 2025)")."""
    for line in lines:
        for match in _WORDS_IN_CAPITALS.finditer(line):
            if match.group().replace(" ", "").lower() == name:
                return match.group()
    return name


_STAMP_CLOCK = re.compile(r"\d{1,2}[:h]\d\d\b")


def _spells_out(before: str, acronym: str) -> bool:
    """Whether the capitalised words right before a bracketed acronym begin with its letters: the text
    giving a body's short name ("Banco Nacional de Angola (BNA)"), not crediting an outlet."""
    letters = acronym.replace(".", "").replace("-", "").lower()
    initials = [w[0].lower() for w in before.split() if w[:1].isupper()]
    return len(letters) >= 2 and "".join(initials[-len(letters):]) == letters


def _lines(clean: CleanText, text: str | None) -> list[str]:
    if text is None:
        parts = [*clean.masthead, clean.headline or "", clean.byline_line or "", clean.dateline or "",
                 *clean.lines, *clean.trailing]
    else:
        parts = text.split("\n")
    # Inner gaps are kept: a menu strip is told by them ("Home  News  Politics").
    return [line.strip() for line in parts if line.strip()]


_WITH = re.compile(r"\s+with\s+", re.IGNORECASE)


def _known_signals(clean: CleanText):
    """Attribution patterns for listed outlets, on the parts cleaning found (dateline, body, byline)."""
    # (and a stamp above the headline, which may sign the story: "18/07/25 14:32 ‧ há 3 horas por Lusa")
    stamps = [line for line in clean.masthead if len(line) <= 80 and _STAMP_CLOCK.search(line)]
    texts = [clean.dateline or "", clean.body, "\n".join(clean.trailing), clean.byline_line or "", *stamps]
    # Only the lines that name a listed outlet are tried (most name none; the patterns are long).
    lines = list(dict.fromkeys(line for text in texts for line in text.split("\n") if line and _outlets().holds(line)))
    rows = resources.load_data("outlets.yml")["attribution"]
    order = 0
    for number, row in enumerate(rows if lines else ()):     # with no line to try, no pattern is compiled
        for line in lines:
            for match in _pattern(number).finditer(line):
                if number == 0 and _spells_out(line[:match.start()], match.group("outlet")):
                    continue        # "Banco Nacional de Angola (BNA)": the bank's short name, not a wire's credit
                order += 1
                yield _Signal("wire" if number < 3 else "self", match.group("outlet"), row["weight"], order)
    for line in (*clean.trailing, *clean.masthead):
        for part in _WITH.split(line)[:1]:
            if outlets.outlet_named(part):
                yield _Signal("known", part.strip().strip("."), 2, 10_000)


def _is_paragraph(line: str) -> bool:
    return len(line.split()) >= 20


_PLURAL_LETTERS = re.compile(r"[A-Z]{2,}s")      # "MPs", "MEPs", "NGOs": people or bodies, counted


def _menu_below(lines: list[str], start: int) -> bool:
    """Whether three of the next five lines are a menu's items or buttons (a word or two each)."""
    return sum(len(line.split()) <= 2 for line in lines[start:start + 5]) >= 3


_NEWSROOM = re.compile(r"(?:Por\s+|Par\s+|Von\s+|Di\s+)?(?:Redacción|Redação|Rédaction|Redaktion|Redazione)\b")


def _open_signals(lines: list[str], people: frozenset[str] = frozenset()):
    """Signals found on the page's own lines, for any outlet-shaped name."""
    paragraphs = [i for i, line in enumerate(lines) if _is_paragraph(line)]
    first = paragraphs[0] if paragraphs else len(lines)
    if first < len(lines) and _menu_below(lines, first + 1):
        # "We use cookies to personalize content …" over the masthead and its menu: a notice, no paragraph
        first = next((i for i in paragraphs if i > first + 1 and not _menu_below(lines, i + 1)), first)
    last = paragraphs[-1] if paragraphs else len(lines)
    regions = {
        "head": lines[:first],
        # the first three paragraphs, the short lines between them (a dateline under a standfirst) and the
        # two lines above them
        "lead": lines[max(0, first - 2):paragraphs[:3][-1] + 1] if paragraphs else [],
        "body": lines[first:last + 1],
        "any": [line for line in lines if not _is_photo_credit(line)],
    }
    # "From:" on its own line, the issuer on the next (a government release).
    regions["any"] = [f"{line} {lines[i + 1]}" if line == "From:" and i + 1 < len(lines) else line
                      for i, line in enumerate(regions["any"])]
    order = 0
    lead_text = "\n".join(regions["lead"])
    # the head's lines that stand between two lines of a word or two: a menu's items
    menu_items = frozenset(line for i, line in enumerate(regions["head"][1:-1], 1)
                           if len(regions["head"][i - 1].split()) <= 2 and len(regions["head"][i + 1].split()) <= 2)
    # Which of the rows' words each line holds, found in one pass over it: a row is tried on the lines that
    # hold one of its words, and most pages hold no "©", no "told", no "Staff" (a word of no line of a
    # region is in none of them: no row's word holds a line break).
    held = {line: _needs().held(line) for line in {*lines, *regions["any"]}}
    in_region = {where: frozenset().union(*(held[line] for line in region)) for where, region in regions.items()}
    for kind, where, needs, weight, regex in _signals():
        if in_region[where].isdisjoint(needs):
            continue
        for line in regions[where]:
            if len(line) > 2000 or held[line].isdisjoint(needs):
                continue
            for match in regex.finditer(line):
                order += 1
                name = match.group("name")
                if kind == "told":
                    if name in _expansions() or name.lower() in _not_outlets() or name in people or _PLURAL_LETTERS.fullmatch(name):
                        continue      # "told NATO", "told Aliyev", "told MPs": a body, a person or people, not the page's outlet
                    if outlets.outlet_named(name):
                        continue      # "told Tanjug": a listed outlet's attribution is counted once, above
                    # "…, the ministry's press service told Steppe Ledger.": ending the sentence, the name
                    # is the page speaking of itself; "told Aliyev that …" goes on.
                    at_the_end = len(name.split()) > 1 and re.match(r"\s*(?:[.;]|$)", line[match.end():])
                    weight_here = 2 if outlets.name_words().outlet_shaped.match(name) or outlets.outlet_named(name) or at_the_end else 1
                elif kind == "self" and name in menu_items and _NEWSROOM.match(line):
                    continue      # "Redacción Justicia" under a menu holding "Justicia": a section's desk
                elif kind == "copyright" and outlets.name_words().publisher_company.search(name):
                    # "© National World Publishing Ltd", "© Turkuvaz Haberleşme ve Yayıncılık": the company
                    # behind the page, which gives way to the masthead.
                    kind, weight_here = "owner", weight - 1
                elif kind == "copyright" and (company := _with_legal_form(name, line[match.end():])):
                    if _names_itself(company, lead_text):
                        # "© 2024 Kalvara Copper Corp." on a release whose text is about Kalvara Copper Corp.:
                        # the company issued the page, and is shown as it writes its name.
                        kind, name, weight_here = "issuer", company, weight
                    else:
                        # "© Copyright 2026 Petit Press a.s.": the company owning the page, which names the
                        # outlet when nothing else does, and gives way to a masthead that does.
                        kind, weight_here = "owner", weight - 1
                else:
                    weight_here = weight
                yield _Signal(kind, name, weight_here, order)
    yield from _masthead_signals(lines[:first], lines, people)
    yield from _running_header_signals(lines)
    yield from _title_suffix_signals(lines)
    yield from _breadcrumb_root_signals(lines)
    yield from _account_signals(lines[:first + 2])
    yield from _byline_outlet_signals(lines[:first + 12])
    # A listed outlet on a line of its own under the standfirst ("PTI" above "NEW DELHI").
    for index in range(first, min(first + 6, len(lines))):
        if not _is_paragraph(lines[index]) and outlets.outlet_named(lines[index]):
            yield _Signal("masthead", lines[index], 2, 20_000 + index)


# A report's running header or footer: a page's number at one end ("2   MiningWatch Canada | Brief",
# "Latin America Advisor   Thursday, December 14, 2023   Page 3"), the report's name beside it.
_PAGE_NUMBER = re.compile(r"^\d{1,3}(?=\s{2,}|\s*[|·•])|(?<=\s{2})\d{1,3}$|(?<=[|·•]\s)\d{1,3}(?=\s{2,}|$)|\bPage\s+\d{1,3}(?:\s+of\s+\d{1,3})?\b",
                          re.IGNORECASE)
def _may_hold_a_page_number(line: str) -> bool:
    # A page's number stands at one end, after a bar or a dot, or after "Page": a line with none of them is
    # not tried against _PAGE_NUMBER (tests/test_source.py checks the two agree over the corpus).
    return line[0].isdigit() or line[-1].isdigit() or "age" in line or "AGE" in line or "|" in line \
        or "·" in line or "•" in line


_HEADER_PARTS = re.compile(r"\s{2,}|\s*[|·•]\s*")


def _running_header_signals(lines: list[str]):
    """The name a report's pages carry beside their numbers, on two pages or more: the report's publisher
    or series ("DIIS POLICY BRIEF MAY 2026" is read as the series rows of outlets.yml read it)."""
    seen: dict[str, list[str]] = {}
    for line in lines:
        if len(line) > 160 or not _may_hold_a_page_number(line) or not _PAGE_NUMBER.search(line):
            continue
        rest = _PAGE_NUMBER.sub("  ", line)
        for dated in reversed(find_dates(rest)):
            rest = rest[:dated.start] + "  " + rest[dated.end:]
        for part in _HEADER_PARTS.split(rest):
            part = " ".join(w for w in part.split() if weekday_number(w.strip(",")) is None).strip(" ,")
            if len(part.split()) >= 2 or len(part) >= 3 and sum(ch.isupper() for ch in part) >= 2:   # "iFOREST" too
                seen.setdefault(_key(part), []).append(part)
    cover = _key(lines[0]) if lines else ""
    for key, parts in seen.items():
        if len(parts) + (key == cover) < 2:
            continue          # the cover's first line is the name's first page ("LATIN AMERICA ADVISOR")
        series = _series().match(parts[0])
        name = series.group("name") if series else parts[0]
        if not (_name_re().fullmatch(name) or _LOWER_CAPITALS.fullmatch(name)):
            continue
        for _ in range(len(parts) + (key == cover)):
            yield _Signal("self", name, 1, 30_000)     # a page's worth: a preparer's credit outweighs one page
        if name.isupper() and len(name) <= 8:
            # "DIIS · Danish Institute for International Studies" on the back page: the acronym's body.
            spelled = next((match.group("name") for line in lines if name in line and len(line) <= 200
                            for match in _SPELLED_OUT.finditer(line)
                            if match.group("acronym") == name and _initials(match.group("name")) == name), None)
            if spelled:
                yield _Signal("self", spelled, 1, 30_001)


_LEGAL_NAME = re.compile(r"(?P<name>.+?) of the \S.*$")
_LOWER_CAPITALS = re.compile(r"[a-z][A-Z]{2,}[\w-]*")      # "iFOREST"


@lru_cache(maxsize=1)
def _series() -> re.Pattern:
    # "DIIS POLICY BRIEF": the series after its publisher's acronym, as the signals' series row reads it
    return re.compile(rf"(?P<name>[A-Z][A-Z&]{{1,7}})\s+(?i:{outlets.name_words().report_series})s?$")


_BYLINE_OUTLET = re.compile(r"^By [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\s*[|–—]\s*(?P<name>[^|–—]{3,50}?)\s*$")


_CREDITED_BYLINE = re.compile(r"By\s+(.{2,40}?)\s*(?:[|•·]\s.*)?")


def _byline_outlet_signals(head: list[str]):
    """A byline with the outlet after a bar ("By Dana Kowalchuk | Winnipeg Free Press"), when the name is
    shaped as an outlet's, and a byline that is a listed outlet's name."""
    for index, line in enumerate(head):
        found = _BYLINE_OUTLET.match(line)
        if found and outlets.looks_like_outlet(found.group("name")):
            yield _Signal("self", found.group("name"), 2, 26_000 + index)
        # "By Azernews" over a story on another site: the listed outlet that wrote it, which a repost
        # credits as "Provided by" does (on the outlet's own page the two are one).
        # ("By ANI | Updated: July 4, 2025 19:28 IST": the stamp may share its line)
        credited = _CREDITED_BYLINE.fullmatch(line)
        if credited and outlets.outlet_named(credited.group(1)):
            yield _Signal("repost", credited.group(1), 6, 26_000 + index)


def _account_signals(head: list[str]):
    """A social post's author: a name and, on the next line, the account's handle spelling it ("Indian Navy",
    "@indiannavy"): the two agree, so the account published the page."""
    for index, line in enumerate(head[:-1]):
        handle = head[index + 1]
        if handle.startswith("@") and len(line.split()) <= 6 and _name_re().fullmatch(line) \
                and _handle_spells(handle[1:].strip().lower(), re.sub(r"[^\w]", "", line).lower()):
            yield _Signal("self", line, 3, 25_000 + index)
    # The name over a post's age ("Southwest Utah Public Health Department" / "Agency · Public health" /
    # "2 days ago · Shared with 186 neighborhoods"): the account that posted it, not the platform.
    for index, line in enumerate(head):
        if index and post_age(line):
            above = [n for n in (index - 1, index - 2) if n >= 0]
            author = next((head[n] for n in above if " · " not in head[n] and " • " not in head[n]), None)
            # A body's or an outlet's account publishes (a name opening on letters, "KBC Channel 1", is no
            # person's); a person's post names no outlet.
            # (a ministry's full name runs to a dozen words: "Ministry of Foreign Affairs of the Republic of
            # Tajikistan")
            if author and _name_re().fullmatch(author) and (
                    len(author.split()) <= 12 and is_organization_name(author)
                    or len(author.split()) <= 8 and (outlets.looks_like_outlet(author) or re.match(r"[A-Z]{2,}\b", author))):
                yield _Signal("self", author, 3, 25_000 + index)


def _handle_spells(handle: str, name: str) -> bool:
    """Whether an account's handle spells its name, alone or with a suffix ("@TVPWorld_com" for "TVP World")."""
    return handle == name or handle.startswith(name) and re.fullmatch(r"[_.]?[a-z]{2,4}", handle[len(name):]) is not None


_TITLE_SUFFIX = re.compile(r"\s(?:[|–—]|-)\s(?P<name>[^|–—]{2,60})$")


def _title_suffix_signals(lines: list[str]):
    """The page's title line as a browser shows it, "<headline> - The Korea Herald", "<headline> | Serbia |
    N1 Info": the last piece, named again elsewhere on the page, is the page's outlet."""
    if not lines:
        return
    # Lower in the head, the title line stands over the headline it repeats ("Resumen nacional de incendios
    # forestales | SENAPRED" over "Resumen nacional de incendios forestales").
    for index, line in enumerate(lines[1:15], start=1):
        found = _TITLE_SUFFIX.search(line)
        if found and line.count("|") < 3 and found.start() and line[:found.start()].strip() in lines[index + 1:index + 4] \
                and _name_re().fullmatch(found.group("name").strip()):
            yield _Signal("title", found.group("name").strip(), 2, 15_000 + index)
    if len(lines[0].split()) < 5:
        return
    found = _TITLE_SUFFIX.search(lines[0])
    name = found.group("name").strip() if found else ""
    spaced_aside = name.replace(" ", "")
    if name and lines[0].count("|") < 3 and _name_re().fullmatch(name) \
            and any(spaced_aside in line.replace(" ", "") for line in lines[1:]):
        yield _Signal("title", name, 2, 15_000)


def _breadcrumb_root_signals(lines: list[str]):
    """A breadcrumb that ends on the headline and opens on the site's name rather than "Home": "Blu Radio /
    Economía / Coljuegos ordena bloquear …" over "Coljuegos ordena bloquear …"."""
    home = outlets.name_words().breadcrumb_home
    for index, line in enumerate(lines[:15]):
        crumbs = [c.strip() for c in _CRUMB.split(line)]
        if len(crumbs) < 3 or not crumbs[-1] or crumbs[0] in home:
            continue
        if not any(below.startswith(crumbs[-1][:40]) for below in lines[index + 1:index + 4]):
            continue        # the last crumb is the headline below it, or this is no breadcrumb
        if _name_re().fullmatch(crumbs[0]) and len(crumbs[0].split()) <= 4:
            yield _Signal("masthead", crumbs[0], 2, 15_500 + index)


_CRUMB = re.compile(r"\s+(?:/|›|»|>|\\)\s+")
_LOWER_BRAND = re.compile(r"[a-z][a-z0-9]*[A-Za-z0-9]{3,}")


_LOGO_WORD = re.compile(r"\s+Logo$")
_ISSUE_LINE = re.compile(r"(?i)(?:issue|vol\.|volume|edition|no\.|n°)\s*(?:no\.\s*)?#?\d+\b")
_ITEM_BAR = re.compile(r"\s[|•·]\s")


def _masthead_signals(head: list[str], lines: list[str], people: frozenset[str] = frozenset()):
    """The outlet's name standing alone above the headline: "Interfax", "OSN | Outbreak Science News",
    "DAWN.COM Logo". The first line of a page that opens on its navigation counts for more: a masthead
    sits there, while a title-case line elsewhere in the head may be a section or a byline."""
    # After "Skip to content", and after the browser's title line ("<headline> - spectator.sme.sk").
    lowered = [line.lower() for line in lines]
    # The lowered lines as one text, and where each starts in it: a name is looked for in the text below
    # its line at once, not line by line (most names stand nowhere below).
    page, starts = "\n".join(lowered), list(accumulate((len(low) + 1 for low in lowered[:-1]), initial=0))
    foot = max((n for n, line in enumerate(lines) if _is_paragraph(line)), default=len(lines))
    first = next((n for n, line in enumerate(head) if not is_furniture(line) and len(line.split()) <= 12
                  and not (n == 0 and len(line.split()) >= 5 and _TITLE_SUFFIX.search(line))), 0)
    for index, line in enumerate(head[:25]):
        parts = [p for p in _SPLIT_PARTS.split(_LOGO_WORD.sub("", line)) if p]
        if len(parts) > 3 or len(line.split()) > 8:
            continue          # a menu strip or a sentence
        for number, part in enumerate(parts):
            brand = index == first and len(parts) == 1 and _LOWER_BRAND.fullmatch(part.strip())
            # "General Court of the European Union" first on its own page, "U.S. Food and Drug Administration"
            # right above the menu: the body that issued it.
            issuer = len(parts) == 1 and (index == first and bool(head_lexicon().body_name.fullmatch(part.strip()))
                                          or is_organization_name(part) and navigation_follows(head, index + 1))
            if not (_name_re().fullmatch(part.strip()) or brand or issuer):
                continue      # ("ynetnews", "eKathimerini": a brand in lower case, first above the menu)
            words = part.split()
            if len(words) <= 3 and words[0] in outlets.name_words().breadcrumb_home:
                continue      # "Home Economy": a breadcrumb whose separator the copy lost; "Utama" ("Home")
                # alone, the menu's first item
            if len(words) > 1 and words[0].lower() in outlets.name_words().label_openings:
                continue      # "From the Newsroom", "By the Editors": a section's or a byline's label, no name
            alone = len(parts) == 1 and outlets.outlet_named(part.strip())
            # The first line above the navigation, or a listed outlet on a line of its own ("PTI" above
            # the dateline), names the page's outlet; another title-case line may be a section.
            # A name alone right above a strip of menu items ("Home | Kenya | Business | …") is the masthead too.
            strip_below = len(parts) == 1 and index + 1 < len(head) and len(_ITEM_BAR.split(head[index + 1])) >= 4
            # a newsletter's name over its issue's number ("CAUCASUS SECURITY MONITOR" / tagline / "Issue No. 41")
            strip_below = strip_below or len(parts) == 1 and any(_ISSUE_LINE.match(below) for below in head[index + 1:index + 3])
            weight = 2 if index == first and number == 0 and navigation_follows(lines, first + 1) or alone \
                or strip_below or issuer else 1
            if number and re.match(r"\s*with\s", line[line.find(part) - 6:line.find(part)], re.I):
                weight = 1    # "DAILY SABAH WITH AA": the agency is credited, the page is Daily Sabah
            elif weight == 1 and part.strip() not in people and _named_again(part.strip(), lines, lowered, index + 2, foot, page, starts):
                weight = 2    # "Istituto Affari Internazionali" over the text and in its "About" box
            yield _Signal("masthead", part, weight, 20_000 + index)


_LETTERS_IN_BRACKETS = re.compile(r"\([a-z&]{2,8}\)")


def _named_again(name: str, lines: list[str], lowered: list[str], start: int, foot: int, page: str,
                 starts: list[int]) -> bool:
    """A name over the text that the page signs again further down, where a publisher signs: with its
    letters on a line of its own ("Istituto Affari Internazionali (IAI)"), alone in the page's foot (past
    its last paragraph, `foot`), before its copyright ("Walaw © 2025"), over its "About" box or in a
    report's running footer. A section's or a series' label stands once; an author's name comes back in a
    sentence ("Helen Marr is a columnist"); a caption or a post's account stands alone again and again
    ("Alexey Miller and Sanzhar Zharkeshov" under each photo), which is no signature either. One word alone
    on a line again is a section's label ("Tankers"), so one word needs the other signatures. `page`: the
    `lowered` lines joined by line breaks, `starts`: where each of them starts in it."""
    if len(name) < 3 or any(c.isdigit() for c in name) or not _name_re().fullmatch(name):
        return False
    wanted = name.lower()
    first_at = page.find(wanted, starts[start]) if start < len(starts) else -1
    if first_at < 0:
        return False
    start = bisect_right(starts, first_at) - 1     # the first line below that holds it (no name holds a break)
    for number, (line, low) in enumerate(zip(lines[start:], lowered[start:]), start):
        at = low.find(wanted)
        if at < 0 or _is_paragraph(line):
            continue
        before, after = low[:at].strip(), low[at + len(wanted):].strip()
        lettered = _LETTERS_IN_BRACKETS.fullmatch(after) is not None
        alone = not after.strip(" .") or lettered
        if alone and before in ("about", "about the") or not before and lettered and " " in name \
                or not before and not after.strip(" .") and " " in name and number > foot \
                and sum(other.strip(" .") == wanted for other in lowered) <= 2 \
                or not before and after.startswith(("©", "copyright")) or _PAGE_NUMBER.search(line):
            return True
    return False


_LEGAL_FORM = re.compile(
    r"^(?P<full>.+?\s(?:Corp\.|Corporation|Inc\.|Ltd\.?|Limited|LLC|PLC|plc|AG|SE|ASA|AB(?: \(publ\))?|Oy|JSC|PJSC"
    r"|a\.\s?s\.|s\.\s?r\.\s?o\.|S\.A\.|A\.Ş\.|B\.V\.|N\.V\.|GmbH|Pty\.? Ltd\.?|Pvt\.? Ltd\.?))(?!\w)")


def _with_legal_form(name: str, after: str) -> str | None:
    """The copyright holder's name with its legal form as the line writes it ("Kalvara Copper Corp.",
    "ARDIÇ Savunma Teknolojileri A.Ş."), or None when the holder is not a company."""
    found = _LEGAL_FORM.match(name + after[:16])
    return found.group("full") if found and len(found.group("full")) > len(name) - 6 else None


def _names_itself(company: str, lead: str) -> bool:
    """Whether the page's first paragraphs name the company, legal form and all: the one it is about."""
    return company in lead


# "Community platform by XenForo", "Powered by WordPress": the site's software, never its outlet.
_VENDOR = re.compile(r"(?i:powered|platform|software|theme|hosted|built|designed|developed) by (?P<name>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?)")
_URL_HOST = re.compile(r"\bhttps?://(?:www\.|english\.|en\.|m\.)?(?P<label>[a-z0-9-]+)\.[a-z.]+/", re.IGNORECASE)


def _domain_signals(lines: list[str], signals: list[_Signal]):
    """A name the page gives that its own address spells ("Nile Online" beside "Short link:
    https://english.nileonline.example/…"): the two agree, so the name is the page's outlet. Only names
    already found somewhere count, so a link to another site in the text names no outlet."""
    labels = {match.group("label").lower().replace("-", "") for line in lines if "://" in line
              for match in _URL_HOST.finditer(line)}
    if not labels:
        return
    for name in {signal.name for signal in signals}:
        shown = _display(name)
        if shown and re.sub(r"[^\w]", "", shown.lower()) in labels:
            yield _Signal("domain", name, 2, 30_000)


@lru_cache(maxsize=1)
def _series_tail() -> re.Pattern:
    return re.compile(rf"(?<=\S)\s+(?:{outlets.name_words().report_series})$")


@lru_cache(maxsize=4096)
def _display(name: str) -> str | None:
    """The name as shown, or None when it is no outlet's name ("Home", "Crown")."""
    name = re.sub(r"\s*[(«].*$", "", name).strip(" .,:;-–—|")     # "Arms of Russia («Оружие России»)"
    name = re.sub(r"\s+(?:or|and) its affiliated companies.*$", "", name)
    name = re.sub(r"(?:,?\s+\d{4})+$", "", name)        # "© Eurasianet 2024"
    if " " in name:
        name = _series_tail().sub("", name) or name   # "WWF-Pakistan Policy Brief": the publisher, not its series
    name = _RIGHTS_RESERVED.sub("", name)
    name = re.sub(r"\s+(?:Tüm|Bütün|Все|Alle|Tutti|Todos|Tous|All)$", "", name)     # the phrase's first word only
    name = re.sub(r"(?<=[a-z])\.com(?:\.[a-z]{2})?$", "", name, flags=re.IGNORECASE)   # "SavunmaSanayiST.com", "iTnews.com.au"
    if " " in name:     # "Le Monde.fr": a name of words with its site's ending (a one-word "News.Az" keeps it)
        name = re.sub(r"(?<=[a-z])\.[a-z]{2,3}$", "", name)
    known = outlets.outlet_named(name)
    if known:
        return known
    if _STATE_NAME.fullmatch(name):
        return None       # "Republic of the Philippines" over a government site's page: the state, no outlet
    if name in _expansions() and name.isupper():
        return _expansions()[name]
    name = outlets.name_words().publisher_head.sub("", _COMPANY_TAIL.sub("", name).strip(" ,"))
    name = outlets.name_words().publisher_tail.sub("", name)      # "Kathimerini Publishing S.A.": the company is the outlet's
    known = outlets.outlet_named(name)
    if known:
        return known
    if len(name) < 2 or re.fullmatch(r"[A-Z]{2}", name) or name.lower() in _not_outlets() or not any(ch.isalpha() for ch in name) \
            or month_number(name) is not None or weekday_number(name) is not None \
            or "   " in name \
            or (any(ch.isdigit() for ch in name) and find_dates(name)):     # "(Sept 4):" dates a dateline
        return None       # "T" of "T.C. MİLLÎ SAVUNMA BAKANLIĞI", "June", "Nederlands    English" name nothing
    return name


_STATE_NAME = re.compile(r"(?:The\s+)?(?:Republic|Kingdom|State|Federation|Commonwealth|Principality|Emirate|Sultanate"
                         r"|Grand Duchy)\s+of\s+(?:the\s+)?\S.*")


def _shouted(name: str) -> bool:
    # "PREMIUM TIMES": a name set in capitals on the page, not its spelling ("ARB" is an acronym).
    words = re.findall(r"[^\W\d_]+", name)
    return name.upper() == name and any(len(w) > 3 for w in words) and len(words) >= 2


_THE = re.compile(r"^the\s+")
_OUTLET_TAIL = re.compile(r"(?:\.com|\s+(?:news|online|media|group|news & media|news and media))+$")


def _key(name: str) -> str:
    key = name.lower()
    key = _THE.sub("", key)
    key = _OUTLET_TAIL.sub("", key)
    return key


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper() and w.lower() not in {"of", "de", "and", "the"})


def _winner(signals: list[_Signal]) -> str | None:
    pools: dict[str, list[tuple[_Signal, str]]] = {}
    for signal in signals:
        shown = signal.shown
        if shown:
            pools.setdefault(_key(shown), []).append((signal, shown))
    # "DW" and "Deutsche Welle", "OSN" and "Outbreak Science News": an acronym and its full name are one.
    for key in [k for k in pools if len(k) <= 6]:
        if key not in pools:
            continue          # merged into another acronym's pool already
        acronym = pools[key][0][1]
        if not acronym.isupper():
            continue
        for other in list(pools):
            if other != key and other in pools and key in pools and _initials(pools[other][0][1]) == acronym:
                pools[key] += pools.pop(other)
                break
    # "Wales Online" and "WalesOnline": one name, spacing aside.
    for key in list(pools):
        twin = next((k for k in pools if k != key and k.replace(" ", "") == key.replace(" ", "")), None)
        if twin and key in pools:
            pools[twin] += pools.pop(key)
    # "ATLANTIC COUNCIL" on a report's pages and "© The Atlantic Council of the United States": a body's
    # name and its legal name are one.
    # (A generic body's name, "Ministry of Defence", needs its state, and is no such name.)
    generic = outlets.name_words().generic_bodies
    for key in sorted(pools, key=len):
        for other in [k for k in pools if k != key and k.startswith(key + " of the ") and key in pools
                      and not generic.intersection(pools[key][0][1].split())]:
            pools[key] += pools.pop(other)
    # "The Mainichi" and "© The Mainichi Newspapers": the company's name begins with the outlet's.
    for key in sorted(pools, key=len):
        for other in [k for k in pools if k != key and k.startswith(key + " ") and key in pools
                      and set(k[len(key):].split()) <= outlets.name_words().publisher_additions]:
            pools[key] += pools.pop(other)
    if not pools:
        return None
    best = max(pools.values(), key=lambda pool: (sum(s.weight for s, _ in pool),
                                                 -min(SHOWN_FIRST.index(s.kind) for s, _ in pool),
                                                 -min(s.order for s, _ in pool)))
    if sum(s.weight for s, _ in best) < _ENOUGH:
        return None
    ranked = sorted(best, key=lambda item: (SHOWN_FIRST.index(item[0].kind), item[0].order))
    shown_names = {shown for _, shown in ranked}
    # "told ERR" beside the banner "ERR News": a broadcaster's news service goes by its acronym and "News".
    ranked = [(signal, f"{shown} News" if shown.isupper() and len(shown) <= 5 and f"{shown} News" in shown_names
               and signal.kind != "wire" else shown) for signal, shown in ranked]
    if ranked[0][0].kind == "issuer":
        return ranked[0][0].name
    for signal, shown in ranked:
        if outlets.outlet_named(shown) or shown in _expansions().values():
            return shown
    chosen = next((shown for _, shown in ranked if not _shouted(shown)), None)
    if chosen is None:
        return ranked[0][1].title()
    legal = _LEGAL_NAME.match(chosen)
    if legal and " " in legal.group("name") and not generic.intersection(legal.group("name").split()):
        # "© The Atlantic Council of the United States": a body's legal name, shown by the body's name; a
        # generic body ("National Assembly of the Republic of Serbia") keeps its state
        return legal.group("name")
    if chosen.isupper() and len(chosen) <= 6 and ranked[0][0].kind != "wire":
        # "BIS" beside "Bank for International Settlements": a body's name written out, unless the acronym
        # is how it signs its dateline ("(APS)"); a broadcaster goes by its letters ("RNZ", "RTS").
        spelled = next((shown for _, shown in ranked if shown != chosen and _initials(shown) == chosen
                        and not outlets.name_words().media.search(shown)), None)
        if spelled:
            return spelled
    # "© 2025 Circuitline Media Group" beside the masthead "Circuitline": the company's name holds the
    # outlet's, which is the one shown.
    shorter = [shown for _, shown in ranked if len(shown) < len(chosen) and not _shouted(shown)
               and chosen.lower().startswith(shown.lower() + " ")]
    return min(shorter, key=len) if shorter else chosen
