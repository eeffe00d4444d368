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
    return re.compile(rf"\b(?:{words})\s+(?P<name>(?:[A-Z][A-Z0-9&-]{{1,}}|[A-Z][a-zà-ž]+(?:[A-Z][\w]+)?)(?:\s+[A-Z][A-Z0-9&-]+)?)\b(?!\s+(?:of|[A-Z]))")


def _introduced_names(body: str):
    return _introducer_re().finditer(body)


@lru_cache(maxsize=1)
def _abbreviation_re() -> re.Pattern:
    names = "|".join(resources.load_data("organizations.yml")["ministry_abbreviations"])
    return re.compile(rf"\b(?P<abbr>{names})\b")


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


def extract_organizations(body: str, taxonomy: Taxonomy, home_country: str | None) -> list[str]:
    """Organisations in order of first mention, canonical names, no duplicates."""
    head_re, aliases, not_orgs, outlets, _ = _tables()
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for match in aliases.find(body):
        found.append((match.start, match.value))
        taken.append((match.start, match.end))
    for match in _introduced_names(body):
        if not any(a <= match.start() < b for a, b in taken) and match.group("name") not in outlets:
            found.append((match.start("name"), match.group("name")))
            taken.append((match.start("name"), match.end("name")))
    for match in _ministry_abbreviations(body):
        country = _country_before(body, match.start(), taxonomy) or home_country
        field = _tables()[4].get("__abbreviation__" + match.group("abbr"))
        name = f"Ministry of {field} of {taxonomy.country_label(country)}" if country else f"Ministry of {field}"
        found.append((match.start(), name))
    for start, end, phrase in _capitalised_phrases(body):
        if not head_re.search(phrase):
            continue
        for sub_start, name in _organizations_in_phrase(phrase):
            absolute = start + sub_start
            if any(a <= absolute < b for a, b in taken):
                continue
            canonical = _canonical(name, body, absolute, taxonomy, home_country)
            if canonical and canonical not in not_orgs and canonical not in outlets:
                found.append((absolute, canonical))
    names = [name for _, name in sorted(found)]
    return list(dict.fromkeys(names))


_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in range(0x100, 0x250) if chr(c).isupper())
_CAPITALISED = rf"[{_UPPER}](?:[\w'’.&-]*\w)?"
# Runs of capitalised words joined by "of", "the", "for", "and" (not "and the": two bodies) inside names.
_PHRASE = re.compile(
    rf"(?<![\w'’.&-]){_CAPITALISED}(?:(?:\s+(?:of|the|for|de|&|-|and(?!\s+the\b)))*\s+{_CAPITALISED})*"
)


def _capitalised_phrases(text: str):
    """(start, end, phrase) for each run of capitalised words (one regex pass: this is hot)."""
    for match in _PHRASE.finditer(text):
        yield match.start(), match.end(), match.group()


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


def _is_role_word(word: str) -> bool:
    return word.lower() in {"minister", "chief", "deputy", "head", "chairman", "commander", "director", "president",
                            "member", "secretary", "first", "ambassador", "representative", "spokesman"}


def _canonical(name: str, body: str, position: int, taxonomy: Taxonomy, home_country: str | None) -> str | None:
    """"the Ministry of Defense" -> "Ministry of Defense of Azerbaijan"; strip "the Republic of"."""
    _, aliases, _, _, fields = _tables()
    name = re.sub(r"^(?:The|the)\s+", "", name).strip(" -")
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
