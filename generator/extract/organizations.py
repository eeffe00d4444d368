"""Organisations: named institutions that act or are referred to, written in canonical form.

A capitalised phrase holding a head word ("Ministry", "Army", "Academy") is an organisation; aliases
map abbreviations to names ("the UN" -> "United Nations"); a generic ministry gets its country
("the Ministry of Defense" of Azerbaijan -> "Ministry of Defense of Azerbaijan"). Outlets, exercises,
declarations and generic groups are left out.
"""

from __future__ import annotations

import re
from functools import lru_cache

from generator import resources
from generator.outlets import spellings as outlet_spellings
from generator.extract.countries import country_mentions
from generator.gazetteer import Gazetteer
from generator.taxonomy import Taxonomy

_TOKEN = re.compile(r"[^\W\d_][\w'’.&-]*[\w]|[^\W\d_]|\d+|[^\w\s]")
_INNER = {"of", "the", "for", "and", "de", "&"}
_NOT_AFTER = ("Exercise", "Exercises", "Drills", "Declaration", "Initiative", "Agreement", "Treaty", "Strategy",
              "Program", "Programme", "Concept", "Doctrine", "Operation")


@lru_cache(maxsize=1)
def _tables():
    data = resources.load_data("organizations.yml")
    heads = sorted(data["head_words"], key=len, reverse=True)
    head_re = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + r")\b")
    aliases = Gazetteer(data["aliases"].items())
    outlets = set(outlet_spellings())
    ministry_fields = dict(data["ministries"])
    ministry_fields.update({"__abbreviation__" + k: v for k, v in data["ministry_abbreviations"].items()})
    return head_re, aliases, set(data["not_organizations"]), outlets, ministry_fields


@lru_cache(maxsize=1)
def _introducer_re() -> re.Pattern:
    words = "|".join(sorted(resources.load_data("organizations.yml")["introducers"], key=len, reverse=True))
    # "company Leonardo", "operator Türksat": a capitalised word or acronym right after such a word.
    # "Danish company Bavarian Nordic", "miner Rio Tinto": up to three capitalised words.
    return re.compile(rf"\b(?:{words})\s+(?P<name>(?:[A-Z][A-Z0-9&-]{{1,}}|[A-Z][a-zà-ž]+(?:[A-Z][\w]+)?)"
                      rf"(?:[ \t]+(?:[A-Z][A-Z0-9&-]+|[A-Z][a-zà-ž]+\d*)){{0,2}})\b(?![ \t]+(?:of|[A-Z]))")


def _introduced_names(body: str):
    return _introducer_re().finditer(body)


@lru_cache(maxsize=1)
def _abbreviation_re() -> re.Pattern:
    names = "|".join(resources.load_data("organizations.yml")["ministry_abbreviations"])
    return re.compile(rf"\b(?P<abbr>{names})\b")


_DEFINED = re.compile(r"[ \t]*\((?P<abbr>[A-Z][A-Za-z&+]{1,9})\)")
_MINOR = {"of", "the", "for", "and", "de", "des", "du", "da", "do", "&", "-", "on", "in"}


def _defined_acronyms(body: str, phrases, head_re: re.Pattern):
    """(start, name, abbreviation) for a body's name followed by its acronym: "National Economic and
    Development Authority (NEDA)". The acronym's letters fix where the name starts, so a name holding
    "and" is not cut in two, and later uses of the acronym are that body, not another."""
    for start, end, phrase in phrases:
        if "(" not in body[end:end + 3]:
            continue
        found = _DEFINED.match(body, end)
        if not found:
            continue
        abbr = found.group("abbr")
        letters = "".join(ch for ch in abbr if ch.isupper())
        words = phrase.split()
        for k in range(len(words) - 1):
            if words[k].lower() in _MINOR or words[k] in ("The",) or words[k][0] != abbr[0]:
                continue
            initials = "".join(w[0].upper() for w in words[k:] if w.lower() not in _MINOR)
            if _subsequence(letters, initials) and len(initials) <= len(letters) + 1:
                name = " ".join(words[k:])
                if head_re.search(name):
                    yield start + phrase.index(" ".join(words[k:])), name, abbr
                break


def _subsequence(letters: str, initials: str) -> bool:
    it = iter(initials)
    return all(ch in it for ch in letters) and letters[:1] == initials[:1]


def _ministry_abbreviations(body: str):
    return _abbreviation_re().finditer(body)


def _country_before(body: str, position: int, taxonomy: Taxonomy) -> str | None:
    """A country named right before a ministry ("Azerbaijan's Defense Ministry", "the Turkish MFA")."""
    window = body[max(0, position - 25):position]
    found = country_mentions(window, taxonomy)
    if found and re.search(r"['’]s\s*$|\b\w+(?:an|ian|ese|i|ish)\s*$", window):
        return found[-1].value
    return None


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    """Words that mark an organisation's name (for telling names of people from names of bodies)."""
    return frozenset(w for h in resources.load_data("organizations.yml")["head_words"] for w in h.split())


def extract_organizations(body: str, taxonomy: Taxonomy, home_country: str | None,
                          outlet: str | None = None) -> list[str]:
    """Organisations in order of first mention, canonical names, no duplicates. `outlet`, the page's own
    source, is left out as the listed outlets are (it may be one no list knows)."""
    head_re, aliases, not_orgs, outlets, _ = _tables()
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for match in aliases.find(body):
        found.append((match.start, match.value))
        taken.append((match.start, match.end))
    phrases = list(_capitalised_phrases(body))
    defined: dict[str, str] = {}
    for start, name, abbr in _defined_acronyms(body, phrases, head_re):
        if any(a <= start < b for a, b in taken):
            continue
        canonical = _canonical(name, body, start, taxonomy, home_country, outlet)
        if canonical and canonical not in not_orgs and canonical not in outlets:
            found.append((start, canonical))
            defined[abbr] = canonical
            taken.append((start, start + len(name)))
    if defined:
        # Later uses of a defined acronym are the body already found, not one more.
        for match in re.finditer(r"\b(?:" + "|".join(map(re.escape, defined)) + r")\b", body):
            taken.append((match.start(), match.end()))
    for match in _introduced_names(body):
        name = _without_legal_form(match.group("name"))
        if not any(a <= match.start() < b for a, b in taken) and name not in outlets and name != outlet:
            found.append((match.start("name"), name))
            taken.append((match.start("name"), match.end("name")))
    for match in _ministry_abbreviations(body):
        country = _country_before(body, match.start(), taxonomy) or home_country
        field = _tables()[4].get("__abbreviation__" + match.group("abbr"))
        name = f"Ministry of {field} of {taxonomy.country_label(country)}" if country else f"Ministry of {field}"
        found.append((match.start(), name))
    for start, end, phrase in phrases:
        if not head_re.search(phrase):
            continue
        for sub_start, name in _organizations_in_phrase(phrase):
            absolute = start + sub_start
            if any(a <= absolute < b for a, b in taken):
                continue
            canonical = _canonical(name, body, absolute, taxonomy, home_country, outlet)
            if canonical and canonical not in not_orgs and canonical not in outlets:
                found.append((absolute, canonical))
    names = [name for _, name in sorted(found)]
    return list(dict.fromkeys(names))


_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in range(0x100, 0x250) if chr(c).isupper())
_CAPITALISED = rf"[{_UPPER}](?:[\w'’.&-]*\w)?"
# Runs of capitalised words joined by "of", "the", "for", "and" (not "and the": two bodies) inside names,
# never across a line ("0 Comments" above a paragraph is no part of the court's name).
_PHRASE = re.compile(
    rf"(?<![\w'’.&-]){_CAPITALISED}(?:(?:[ \t]+(?:of|the|for|de|des|du|da|do|&|-|and(?![ \t]+the\b)))*[ \t]+{_CAPITALISED})*"
)


# "People's", "Women's" belong to names ("People's Liberation Army"); other possessives end one.
_POSSESSIVE = re.compile(r"(?<!People)(?<!Women)(?<!Children)['’]s(?=[ \t])")


def _capitalised_phrases(text: str):
    """(start, end, phrase) for each run of capitalised words (one regex pass: this is hot). A possessive
    ends a name: "the Treasury's Office of Foreign Assets Control" is the office, not "Treasury s Office"."""
    for match in _PHRASE.finditer(text):
        phrase = match.group()
        if "s " not in phrase or not _POSSESSIVE.search(phrase):
            yield match.start(), match.end(), phrase
            continue
        at = 0
        for cut in [*_POSSESSIVE.finditer(phrase), None]:
            end = cut.start() if cut else len(phrase)
            piece = phrase[at:end].strip()
            if piece:
                start = match.start() + phrase.index(piece, at)
                yield start, start + len(piece), piece
            at = cut.end() if cut else len(phrase)


def _organizations_in_phrase(phrase: str, offset: int = 0) -> list[tuple[int, str]]:
    """The organisation names inside one capitalised phrase: from the first head word's modifiers on
    ("Azerbaijani Army", "Main Directorate of …"), then each body nested after "of (the)"."""
    head_re, aliases, *_ = _tables()
    head = head_re.search(phrase)
    if not head:
        return []
    before = phrase[:head.start()].split()
    k = len(before)
    while k > 0 and before[k - 1][0].isupper() and before[k - 1] != "The" and not _is_role_word(before[k - 1]):
        k -= 1
    start = head.start() if k == len(before) else len(" ".join(before[:k])) + (1 if k else 0)
    name = _cut_after_last_head(_cut_before_non_bodies(phrase[start:].strip(), head_re), head_re)
    results = []
    # "the Chinese Academy of Space Technology and Azercosmos": two bodies, not one.
    pieces = re.split(r"\s+and\s+(?=[A-Z])", name)
    if len(pieces) > 1 and all(head_re.search(p) or any(aliases.find(p)) or p.isupper() for p in pieces[1:]) \
            or len(pieces) == 2 and _ends_with_head(pieces[0], head_re):
        cursor = 0
        for piece in pieces:
            at = name.index(piece, cursor)
            results.append((offset + start + at, piece))
            cursor = at + len(piece)
    else:
        results.append((offset + start, name))
    nested = re.search(r"\bof (?:the )?", name[head.end() - start:]) if head.end() > start else None
    if nested:
        inner_at = head.end() - start + nested.end()
        results.extend(_organizations_in_phrase(name[inner_at:], offset + start + inner_at))
    return results


def _ends_with_head(name: str, head_re: re.Pattern) -> bool:
    """"HBIS Group and Zijin Mining": the first name ends as a body's name does, so "and" joins two."""
    heads = list(head_re.finditer(name))
    return bool(heads) and heads[-1].end() == len(name.rstrip())


def _cut_after_last_head(name: str, head_re: re.Pattern) -> str:
    """"Turkish Air Force Commander Gen" -> "Turkish Air Force": capitalised words right after the last
    head word, with no "of" or "for" between, are a title or a name, not part of the body's name."""
    heads = list(head_re.finditer(name))
    if not heads:
        return name
    tail = name[heads[-1].end():]
    if re.match(r"\s+(?:of|for|and|de|&)\b", tail) or not tail.strip():
        return name
    return name[:heads[-1].end()]


def _cut_before_non_bodies(name: str, head_re: re.Pattern) -> str:
    """"Azerbaijan Army Exercise" -> "Azerbaijan Army"; "Collective Security Treaty Organization" stays."""
    for cut in re.finditer(r"\s+(?:" + "|".join(_NOT_AFTER) + r")\b", name):
        if not head_re.search(name, cut.end()):
            return name[:cut.start()]
    return name


def _without_legal_form(name: str) -> str:
    # "Hitachi Ltd", "Business Standard Private Ltd": the body, as the text goes on to name it.
    return re.sub(r",?\s+(?:(?:Private|Pvt\.?)\s+)?(?:Ltd\.?|Limited|Inc\.?|plc|PLC|LLC|Co\.)$", "", name)


def _is_role_word(word: str) -> bool:
    return word.lower() in {"minister", "chief", "deputy", "head", "chairman", "commander", "director", "president",
                            "member", "secretary", "first", "ambassador", "representative", "spokesman"}


def _canonical(name: str, body: str, position: int, taxonomy: Taxonomy, home_country: str | None,
               outlet: str | None = None) -> str | None:
    """"the Ministry of Defense" -> "Ministry of Defense of Azerbaijan"; strip "the Republic of"."""
    _, aliases, _, outlets, fields = _tables()
    name = re.sub(r"^(?:The|the|Former|former|Then|Outgoing|Incoming)\s+", "", name).strip(" -")
    name = re.sub(r"['’]s$", "", name)
    owner = re.match(r"(?P<owner>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)['’]s\s+(?=[A-Z])", name)
    owner_country = None
    if owner:
        found = country_mentions(owner.group("owner"), taxonomy)
        if found:
            owner_country = found[0].value
            name = name[owner.end():]     # "Türkiye's Defense Industry Agency" -> "Defense Industry Agency"
            position += owner.end()
    known = [m for m in aliases.find(name) if m.start == 0 and m.end == len(name)]
    if known:
        return known[0].value
    if len(name.split()) < 2 and not name.isupper():
        return None
    # "Hitachi Ltd": the company, as the text goes on to name it.
    name = _without_legal_form(name)
    whole_country = country_mentions(name, taxonomy)
    if whole_country and whole_country[0].start == 0 and whole_country[0].end == len(name):
        return None       # "the Russian Federation" is a country
    if name.startswith("Board of") or name in outlets or name == outlet:
        return None       # a company's board is the company's; an outlet is no organisation here
    if name in _national_bodies():
        # "the Central Bank", "the Constitutional Court": a country's, named after it.
        country = owner_country or _country_before(body, position, taxonomy) or home_country
        return f"{name} of {taxonomy.country_label(country)}" if country else name
    ministry = _ministry(name, body, position, taxonomy, owner_country or home_country, fields)
    if ministry:
        return ministry
    other = re.fullmatch(r"Ministry of (?P<field>[A-Z][\w&,' -]+)", name)
    if other and not country_mentions(name, taxonomy):
        # A ministry the table does not know is still a country's: "Ministry of Defence Production of Pakistan".
        country = owner_country or _country_before(body, position, taxonomy) or home_country
        if country:
            return f"{name} of {taxonomy.country_label(country)}"
    if re.search(r"\bSummit\b", name):
        return None       # a summit is an event, not a body
    return name


@lru_cache(maxsize=1)
def _national_bodies() -> frozenset[str]:
    return frozenset(resources.load_data("organizations.yml")["national_bodies"])


@lru_cache(maxsize=1)
def _ministry_re() -> re.Pattern:
    fields = [f for f in _tables()[4] if not f.startswith("__")]
    names = "|".join(re.escape(f) for f in sorted(fields, key=len, reverse=True))
    return re.compile(rf"(?:(?P<adj>[A-Z][\w'’]+)\s+)??(?:Ministry of (?P<f1>{names})|(?P<f2>{names}) Ministry)"
                      rf"(?:\s+of\s+(?:the\s+)?(?P<of>.+))?")


def _ministry(name, body, position, taxonomy, home_country, fields) -> str | None:
    plain = _ministry_re().fullmatch(name)
    if not plain:
        return None
    field = fields[plain.group("f1") or plain.group("f2")]
    country = None
    for piece in (plain.group("of"), plain.group("adj")):
        if piece:
            found = country_mentions(piece, taxonomy)
            if found:
                country = found[0].value
                break
    country = country or _country_before(body, position, taxonomy) or home_country
    if country is None:
        return f"Ministry of {field}"
    return f"Ministry of {field} of {taxonomy.country_label(country)}"
