"""Organisations: named institutions that act or are referred to, written in canonical form.

A capitalised phrase holding a head word ("Ministry", "Army", "Academy") is an organisation; aliases
map abbreviations to names ("the UN" -> "United Nations"); a generic ministry gets its country
("the Ministry of Defense" of Azerbaijan -> "Ministry of Defense of Azerbaijan"). Outlets, exercises,
declarations and generic groups are left out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from generator import resources
from generator.outlets import spellings as outlet_spellings
from generator.extract.countries import country_mentions, named_in_other_languages
from generator.extract.foreign_ministries import (ForeignMinistry, MinistryGlossary, english_ministry,
                                                  load_ministry_glossary)
from generator.gazetteer import Gazetteer, Substrings, lowercase_keeping_offsets
from generator.taxonomy import Taxonomy

_NOT_AFTER = ("Exercise", "Exercises", "Drills", "Declaration", "Initiative", "Agreement", "Treaty", "Strategy",
              "Program", "Programme", "Concept", "Doctrine", "Operation")


@dataclass(frozen=True)
class OrganizationLexicon:
    """The tables of data/organizations.yml, compiled once (load_organization_lexicon) and passed along."""

    head_re: re.Pattern                  # a head word that makes a capitalised phrase a body's name
    # The same question asked of the phrases by sets (has_head_word): a one-word head stands in a phrase
    # exactly when it is one of the phrase's runs of word characters; the others are left to a pattern.
    one_word_heads: frozenset[str]
    other_heads_re: re.Pattern | None
    words: frozenset[str]                # the head words' words (for telling people from bodies)
    foreign_heads: frozenset[str]        # "Policía", "Banco": head words whose name's modifiers follow them
    aliases: Gazetteer                   # names and abbreviations -> the name as written
    known_only: frozenset[str]           # the well-known bodies' spellings (known_organizations.yml)
    not_organizations: frozenset[str]
    outlets: frozenset[str]              # news outlets are no organisations here
    ministry_fields: dict[str, str]      # the words for a ministry's field -> the field as written
    ministry_abbreviations: dict[str, str]
    ministry_re: re.Pattern
    lower_ministry_re: re.Pattern        # "the defence ministry": a ministry named in lower case
    minister_re: re.Pattern              # a minister's or ministry's field in a role: "Energy Minister"
    abbreviation_re: re.Pattern          # "MFA", "MoD"
    introducer_re: re.Pattern            # "company Leonardo", "miner Rio Tinto"
    introducers: Substrings              # the words it opens on, found where they stand in one pass
    national_bodies: frozenset[str]      # "Central Bank": a country's, named after it
    countries_with_article: frozenset[str]
    member_company_re: re.Pattern        # " Steel", " Aerospace" right after a group's name
    unit_re: re.Pattern                  # a military unit's head word: "72nd Brigade", "9th Army Corps"
    list_opener_re: re.Pattern           # "US firms such as", "Shares of": what opens a list of bodies
    modified_body_re: re.Pattern         # " refugee agency", " Climate Change": another body the acronym qualifies
    defined_thing_re: re.Pattern         # "… Agreement (CEPA)": the last word of a thing's name, not a body's
    located_heads: frozenset[str]        # "Embassy", "Mission": a body that is one place's keeps "in <place>"
    place_qualifiers: frozenset[str]     # "South Australia", "Mainland China": a place, not "Air India"
    instruments: frozenset[str]          # "Facility", "Agreement": the last word of a thing's name, not a body's
    company_ending_re: re.Pattern        # "Srbijagas", "Rosatom": one word built on a company's ending
    company_endings: tuple[str, ...]     # those endings in lower case, to skip the pattern where none stands
    company_organ_re: re.Pattern         # "Management Board of …": a company's organ is the company's
    press_office_re: re.Pattern          # "Press Service of the Mazhilis": an issuer's contact desk
    common_acronyms: frozenset[str]      # "GDP", "LNG": a measure's or a good's acronym, never a body's name
    context_patterns: tuple[re.Pattern, ...]   # the bare-name signals, in _named_by_context's order
    # Each signal's key words, lower case: where none stands in the text, its pattern cannot match and is
    # not run (the patterns try a name at every capital; most texts hold none of a signal's words).
    context_words: tuple[tuple[str, ...], ...]
    context_words_held: Substrings       # which of those words a text holds, found in one pass over it
    # Each signal's anchors: a word of each of its key words, one every match holds (in lower case), and
    # which signals each anchor is one of. Only the lines that hold a signal's anchor are tried.
    context_anchors: Substrings
    context_anchor_signals: dict[str, tuple[int, ...]]
    ministries: MinistryGlossary         # data/ministries.yml: ministries named in the page's language


def _aliases(data: dict) -> tuple[list[tuple[str, str]], frozenset[str]]:
    """(aliases, the spellings only the known table adds): organizations.yml's aliases, and
    known_organizations.yml's bodies whose names carry no head word ("Safaricom", "Frontex"), each written as
    the text writes it (labels keep "A.P. Moller-Maersk" as printed); organizations.yml's own entry wins,
    and a news outlet's spelling is none."""
    known = resources.load_data("known_organizations.yml")["organizations"] or {}
    outlets = outlet_spellings()
    merged = {surface: surface for surface, name in known.items() if surface not in outlets and name not in outlets}
    known_only = frozenset(merged) - frozenset(data["aliases"])
    merged.update(data["aliases"])
    return list(merged.items()), known_only


@lru_cache(maxsize=1)
def load_organization_lexicon() -> OrganizationLexicon:
    data = resources.load_data("organizations.yml")
    all_heads = data["head_words"] + data["foreign_head_words"]
    heads = sorted(all_heads, key=len, reverse=True)
    fields = dict(data["ministries"])
    field_names = "|".join(re.escape(f) for f in sorted(fields, key=len, reverse=True))
    introducers = "|".join(sorted(data["introducers"], key=len, reverse=True))
    anchors = _context_anchors(data["context"])
    aliases, known_only = _aliases(data)
    return OrganizationLexicon(
        head_re=re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + r")\b"),
        one_word_heads=frozenset(h for h in heads if _WORD_RUN.fullmatch(h)),
        other_heads_re=re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads if not _WORD_RUN.fullmatch(h)) + r")\b")
        if any(not _WORD_RUN.fullmatch(h) for h in heads) else None,
        words=frozenset(w for h in all_heads for w in h.split()),
        foreign_heads=frozenset(data["foreign_head_words"]),
        aliases=Gazetteer(aliases),
        known_only=known_only,
        not_organizations=frozenset(data["not_organizations"]),
        outlets=frozenset(outlet_spellings()),
        ministry_fields=fields,
        ministry_abbreviations=dict(data["ministry_abbreviations"]),
        ministry_re=re.compile(rf"(?:(?P<adj>[A-Z][\w'’]+)\s+)??(?:Ministry of (?P<f1>{field_names})|(?P<f2>{field_names})"
                               rf" Ministry)(?:\s+of\s+(?:the\s+)?(?P<of>.+))?"),
        lower_ministry_re=re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f.lower()) for f in sorted(fields, key=len, reverse=True))
                                     + r") ministry\b"),
        minister_re=re.compile(rf"\b(?:Minist(?:er|ry) (?:of|for) (?:the )?(?P<f1>{field_names})|(?P<f2>{field_names})"
                               rf" Minist(?:er|ry))\b"),
        abbreviation_re=re.compile(rf"\b(?P<abbr>{'|'.join(data['ministry_abbreviations'])})\b"),
        # "company Leonardo", "operator Türksat": a capitalised word or acronym right after such a word;
        # "Danish company Bavarian Nordic", "miner Rio Tinto": up to three capitalised words.
        introducer_re=re.compile(rf"\b{_opening_letters(data['introducers'])}(?:{introducers})\s+(?P<name>(?:[A-Z][A-Z0-9&-]{{1,}}|[A-Z][a-zà-ž]+(?:[A-Z][\w]+)?)"
                                 rf"(?:[ \t]+(?:[A-Z][A-Z0-9&-]+|[A-Z][a-zà-ž]+\d*)){{0,2}})\b(?![ \t]+(?:of|[A-Z]))"),
        introducers=Substrings(data["introducers"]),
        national_bodies=frozenset(data["national_bodies"]),
        countries_with_article=frozenset(data["countries_with_article"]),
        member_company_re=re.compile(r"[ \t]+(?:" + "|".join(sorted(map(re.escape, data["company_words"]), key=len, reverse=True))
                                     + r")\b"),
        context_patterns=_context_patterns(data["context"]),
        context_words=tuple(tuple(w.lower() for w in data["context"][key]) for key in _CONTEXT_KEYS),
        context_words_held=Substrings(w.lower() for key in _CONTEXT_KEYS for w in data["context"][key]),
        context_anchors=Substrings(anchors),
        context_anchor_signals=anchors,
        ministries=load_ministry_glossary(),
        unit_re=re.compile(r"\b(?:" + "|".join(map(re.escape, data["numbered_units"])) + r")\b"),
        modified_body_re=re.compile(r"[ \t]+(?:[A-Z][a-z]|(?:[a-z-]+[ \t]+)?(?:" + "|".join(
            map(re.escape, data["context"]["qualified_nouns"])) + r")\b)"),
        located_heads=frozenset(data["located_heads"]),
        place_qualifiers=frozenset(data["place_qualifiers"]),
        instruments=frozenset(data["instruments"]),
        company_endings=tuple(sorted({e.lower() for e in data["company_endings"]})),
        company_ending_re=re.compile(r"[A-Z](?<![\w'’-].)[A-Za-z]{2,}(?:" + "|".join(data["company_endings"]) + r")\b"),
        common_acronyms=frozenset(data["common_acronyms"]),
        press_office_re=re.compile(r"\b(?:" + "|".join(map(re.escape, data["press_offices"])) + r")\b"),
        company_organ_re=re.compile(r"(?:" + "|".join(map(re.escape, data["company_organs"])) + r")(?:$| of )"),
        defined_thing_re=re.compile(r"\b(?:" + "|".join(map(re.escape, data["defined_things"])) + r")(?:$|(?=\s))"),
        list_opener_re=re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(
            data["context"]["list_openers"], key=len, reverse=True)) + r")(?:[ \t]+(?:such[ \t]+as|including|like))?,?[ \t]+$"),
    )


_DEFINED = re.compile(r"[ \t]*\((?P<abbr>[A-Z][A-Za-z&+]{1,9})\)")
_IN_BETWEEN = re.compile(r"[ \t]+in[ \t]+")
_MINOR = {"of", "the", "for", "and", "de", "des", "du", "da", "do", "&", "-", "on", "in", "del", "la", "las", "los", "van",
          "y", "e", "et"}


def _defined_acronyms(body: str, phrases, head_re: re.Pattern, things_re: re.Pattern):
    """(start, name, abbreviation) for a body's name followed by its acronym: "National Economic and
    Development Authority (NEDA)". The acronym's letters fix where the name starts, so a name holding
    "and" is not cut in two, and later uses of the acronym are that body, not another."""
    for index, (start, end, phrase) in enumerate(phrases):
        if "(" not in body[end:end + 3]:
            # "United Nations Interim Force in Lebanon (UNIFIL)": the place is part of the name the
            # acronym spells, though the capitalised run breaks at "in".
            later = phrases[index + 1] if index + 1 < len(phrases) else None
            if not later or "(" not in body[later[1]:later[1] + 3] \
                    or not _IN_BETWEEN.fullmatch(body, end, later[0]):
                continue
            end, phrase = later[1], body[start:later[1]]
        found = _DEFINED.match(body, end)
        if not found:
            continue
        abbr = found.group("abbr")
        letters = "".join(ch for ch in abbr if ch.isupper())
        words = phrase.split()
        for k in range(len(words) - 1):
            if words[k].lower() in _MINOR or words[k] in ("The",) or words[k][0] != abbr[0]:
                continue
            # "Inter-Services Public Relations (ISPR)": each capitalised part of a joined word counts.
            initials = "".join(part[0].upper() for w in words[k:] if w.lower() not in _MINOR
                               for part in w.split("-") if part[:1].isupper() or part is w.split("-")[0])
            # "Bolsas y Mercados Argentinos (BYMA)", "Electricidade de Moçambique (EDM)": the small words may count.
            with_small = "".join(w[0].upper() for w in words[k:] if w not in ("&", "-"))
            # "UN Interim Force in Lebanon (UNIFIL)": an acronym in the name gives all its letters.
            acronyms_whole = "".join(w if w.isupper() else w[0].upper() for w in words[k:] if w not in ("&", "-"))
            if _subsequence(letters, initials) and len(initials) <= len(letters) + 1 \
                    or letters in (with_small, acronyms_whole) and not _is_role_word(words[k]):
                name = " ".join(words[k:])
                # A name given its acronym names a body even without a head word ("Great British Nuclear
                # (GBN)", "Inter-Services Public Relations (ISPR)"), unless it ends as a thing's name does
                # ("Comprehensive Economic Partnership Agreement (CEPA)", "Naval Strike Missile (NSM)",
                # "the Greater Tortue Ahmeyim (GTA) project"), or its acronym is no initials ("Codelco").
                if head_re.search(name) or len(words) - k > 1 and len(letters) > 1 and not things_re.search(name) \
                        and not things_re.match(_next_word(body, found.end()).title()):
                    yield start + phrase.index(" ".join(words[k:])), name, abbr
                break


# "Société de transport de Montréal (STM)", "Tribunal administratif du travail (TAT)": a name in a language
# that capitalises only its first word, read back from its acronym; the small words of such names.
# Written from its " (": a pattern that opens on a literal is searched for it, not tried at every character.
_SENTENCE_CASE_ACRONYM = re.compile(r" \((?<=[a-zà-ÿ] \()(?P<abbr>[A-Z]{2,6})\)")
_SMALL_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "del", "y", "e", "et", "en", "pour", "para", "por",
                          "of", "the", "and", "for"})


_PLAIN_WORD = re.compile(r"[\w-]+")


def _sentence_case_names(body: str, head_re: re.Pattern):
    """(start, name, abbreviation) for a name whose words after the first are in lower case and whose
    acronym follows it, when it holds a head word: the initials of its words, small words aside, spell
    the acronym."""
    for found in _SENTENCE_CASE_ACRONYM.finditer(body):
        abbr = found.group("abbr")
        words = re.findall(r"[^\s]+", body[max(0, found.start() - 90):found.start()])[-9:]
        for k in range(len(words) - 2, -1, -1):
            first = words[k]
            if not first[:1].isupper() or first[0] != abbr[0]:
                continue
            name_words = [w.split("'")[-1].split("’")[-1] for w in words[k:]]
            if any(not _PLAIN_WORD.fullmatch(w) for w in name_words):
                break
            initials = "".join(w[0].upper() for w in name_words if w.lower() not in _SMALL_WORDS)
            if initials == abbr:
                name = " ".join(words[k:])
                if head_re.match(first) and any(w[0].islower() and w not in _SMALL_WORDS for w in name_words):
                    yield found.start() - len(name), name, abbr
                break


def _next_word(body: str, at: int) -> str:
    found = re.match(r"[ \t]+([a-z]+)\b", body[at:at + 30])
    return found.group(1) if found else ""


def _subsequence(letters: str, initials: str) -> bool:
    it = iter(initials)
    return all(ch in it for ch in letters) and letters[:1] == initials[:1]


def _country_before(body: str, position: int, taxonomy: Taxonomy) -> str | None:
    """A country named right before a ministry ("Azerbaijan's Defense Ministry", "the Turkish MFA")."""
    window = body[max(0, position - 25):position]
    found = country_mentions(window, taxonomy)
    if found and re.search(r"['’]s\s*$|\b\w+(?:an|ian|ese|i|ish)\s*$", window):
        return found[-1].value
    return None


def canonical_organization(name: str, taxonomy: Taxonomy, home_country: str | None,
                           lexicon: OrganizationLexicon | None = None) -> str:
    """A body's name as the organisations list writes it ("Ministry of Defense" of the article's country
    -> "Ministry of Defense of Azerbaijan"); a name it would not write is returned as it is."""
    return _canonical(name, name, 0, taxonomy, home_country, lexicon or load_organization_lexicon()) or name


def org_words() -> frozenset[str]:
    """Words that mark an organisation's name (for telling names of people from names of bodies)."""
    return load_organization_lexicon().words


_OF_WHOM = re.compile(r"\s+of\s+(?P<who>[A-Z][\w-]+)")


def extract_organizations(body: str, taxonomy: Taxonomy, home_country: str | None,
                          outlet: str | None = None, people: tuple[str, ...] = (),
                          lexicon: OrganizationLexicon | None = None,
                          officials: tuple[tuple[str, str | None], ...] = ()) -> list[str]:
    """Organisations in order of first mention, canonical names, no duplicates. `outlet`, the page's own
    source, is left out as the listed outlets are (it may be one no list knows); `people`, the names of the
    article's people, are never read as bodies; `officials`, the (role, country) of its people, give a
    ministry the text names without its country the country of a minister of the same field."""
    lex = lexicon or load_organization_lexicon()
    field_countries = _field_countries(officials, lex)
    head_re, aliases, not_orgs, outlets = lex.head_re, lex.aliases, lex.not_organizations, lex.outlets
    person_words = {word for name in people for word in name.split()}
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    qualifying: set[int] = set()      # where a known body only qualifies another ("UN climate talks")
    phrases = _with_field_lists(body, _with_subjects(body, list(_capitalised_phrases(body)), head_re, taxonomy))
    definitions = [*_defined_acronyms(body, phrases, head_re, lex.defined_thing_re), *_sentence_case_names(body, head_re)]
    # "the State Oil Company of the Azerbaijan Republic (SOCAR)", "the Thai Sugar Millers Corporation (TSMC)":
    # an acronym the text spells out is the body it spells, written so, not the list's bare acronym.
    spelled_out = {abbr for _, _, abbr in definitions}
    defined_spans = [(start, start + len(name)) for start, name, _ in definitions]
    for match in aliases.find(body):
        if any(a <= match.start and match.end <= b and b - a > match.end - match.start for a, b in defined_spans):
            continue      # "the United Nations High Commissioner for Refugees (UNHCR)": the longer name defined
        if match.surface in lex.known_only and _NAME_GOES_ON.match(body, match.end):
            continue      # "Transnet Port Terminals", "Polska Grupa Zbrojeniowa S.A.": a longer name it begins
        if not match.surface.isupper() and _HYPHENATED_BEFORE.search(body, max(0, match.start - 20), match.start):
            continue      # "AP Moller-Maersk": the last part of another company's hyphenated name
        member = lex.member_company_re.match(body, match.end)
        if member and match.value == match.surface:
            # "Hyundai Steel", "Airbus Defence and Space": the group's company, named as the text names it.
            # Not in a comma list, where "and" joins the list's last name ("Alstom, Siemens Mobility and Talgo").
            more = _MEMBER_TAIL.match(body, member.end()) \
                if not _AFTER_A_COMMA_LIST.search(body, max(0, match.start - 40), match.start) else None
            end = more.end() if more else member.end()
            found.append((match.start, re.sub(r"['’]s$", "", body[match.start:end])))
            taken.append((match.start, end))
            continue
        end = _body_after_alias(body, match.end, head_re)
        before = _NAME_GOES_ON_BEFORE.search(body, max(0, match.start - 30), match.start)
        if end and not (before and before.group("word") not in _SENTENCE_WORDS):
            # "PLA Navy", "PLA Eastern Theater Command", "TikTok Technology Limited": a body of its own
            # that the known name only begins.
            found.append((match.start, body[match.start:end]))
            taken.append((match.start, end))
            continue
        if match.surface in spelled_out and match.value == match.surface:
            continue
        next_word = re.split(r"[\s'’-]", body[match.end:match.end + 20].lstrip())[0]
        if (_ACRONYM.fullmatch(match.surface) and lex.modified_body_re.match(body, match.end)
                or _LAW_BEFORE.search(body, max(0, match.start - 14), match.start)) \
                and not _is_role_word(next_word):
            # "the UN refugee agency, UNHCR", "UN Climate Change", "the EU Court of Justice", "Regulation
            # (EU) 2016/679": the known body only qualifies another body or a law here.
            qualifying.add(match.start)
        found.append((match.start, match.value))
        taken.append((match.start, match.end))
    defined: dict[str, str] = {}
    for start, name, abbr in definitions:
        if any(a <= start < b for a, b in taken):
            continue
        canonical = _canonical(name, body, start, taxonomy, home_country, lex, outlet, field_countries)
        known_abbr = [m for m in aliases.find(abbr) if m.start == 0 and m.end == len(abbr)]
        if known_abbr and not head_re.search(name) and known_abbr[0].value != abbr:
            canonical = known_abbr[0].value     # a spelled name the list writes otherwise: as the list writes it
        if canonical and canonical not in not_orgs and canonical not in outlets:
            found.append((start, canonical))
            defined[abbr] = canonical
            taken.append((start, start + len(name)))
    if defined:
        # Later uses of a defined acronym are the body already found, not one more.
        for match in re.finditer(r"\b(?:" + "|".join(map(re.escape, defined)) + r")\b", body):
            taken.append((match.start(), match.end()))
    for match in _matches_at(lex.introducer_re, body, lex.introducers.starts(body)):
        name = match.group("name")
        if not any(a <= match.start() < b for a, b in taken) and name not in outlets and name != outlet:
            found.append((match.start("name"), name))
            taken.append((match.start("name"), match.end("name")))
    # The two patterns below are tried only on a text that holds what each of their matches holds (an
    # abbreviation; " ministry"): most hold neither, and each tries its alternation at every character.
    for match in lex.abbreviation_re.finditer(body) if any(a in body for a in lex.ministry_abbreviations) else ():
        country = _country_before(body, match.start(), taxonomy) or home_country
        field = lex.ministry_abbreviations[match.group("abbr")]
        if "Defense" in field and _spells_defence(body):
            field = field.replace("Defense", "Defence")
        name = f"Ministry of {field} of {_country_phrase(country, taxonomy, lex)}" if country else f"Ministry of {field}"
        found.append((match.start(), name))
        taken.append((match.start(), match.end()))
    for match in lex.lower_ministry_re.finditer(body) if " ministry" in body else ():
        # "the defence ministry said", "Iraq's oil ministry": a ministry named in lower case is one all the same.
        name = match.group().title()
        if not any(a <= match.start() < b for a, b in taken):
            found.append((match.start(), _canonical(name, body, match.start(), taxonomy, home_country, lex, outlet,
                                                    field_countries) or name))
    for start, end, phrase in phrases:
        if not has_head_word(phrase, lex):
            if " and " not in phrase and phrase[phrase.rfind(" ") + 1:] not in _LEGAL_WORDS:
                continue      # the common case, checked here as this loop is hot
            for at, name in _legal_form_names(phrase, body[end:end + 40]):
                if not any(a <= start + at < b for a, b in taken) and not _in_copyright_line(body, start):
                    canonical = _canonical(name, body, start + at, taxonomy, home_country, lex, outlet, field_countries)
                    if canonical and canonical not in not_orgs and canonical not in outlets:
                        found.append((start + at, canonical))
                        taken.append((start + at, start + at + len(name)))
            continue
        if phrase[phrase.rfind(" ") + 1:] in lex.instruments:
            continue      # "Extended Fund Facility", "Visiting Forces Agreement": a thing's name, its head a modifier
        if " and " in phrase and _AFTER_A_COMMA_LIST.search(body, max(0, start - 40), start):
            # "Kestrel, Telstra, Optus and TPG Telecom": the last of a list, not "Optus and TPG Telecom".
            last_and = phrase.rindex(" and ")
            if not head_re.search(phrase, 0, last_and) and not _COMMON_NOUN.search(phrase, 0, last_and):
                start, phrase = start + last_and + 5, phrase[last_and + 5:]
        for sub_start, name in _organizations_in_phrase(phrase, lex):
            absolute = start + sub_start
            if any(a <= absolute < b for a, b in taken):
                continue
            of_person = _OF_WHOM.search(name)
            if of_person and of_person.group("who") in person_words:
                name = name[:of_person.start()]     # "the New Reform Party of Lee Jun-seok"
            name = _cut_before_person(name, person_words)
            before_and, joined, after_and = name.partition(" and ")
            if joined and person_words.intersection(before_and.split()):
                # "Gen. Metin Gürak and Land Forces Commander …": a person, then the body.
                name, absolute = after_and, absolute + len(before_and) + len(joined)
            name = _with_place(body, absolute, name, lex, person_words)
            if name.endswith(_HEADQUARTERS) and _AT_A_PLACE.search(body, max(0, absolute - 12), absolute):
                # "at Naval Headquarters", "at the Western Naval Command Headquarters": where a meeting is held;
                # the body is the one it houses, if named.
                name = name[:-len(_HEADQUARTERS)]
                if not head_re.search(name):
                    continue
            if _RANK_OF_A_SERVICE.search(body, max(0, absolute - 16), absolute) \
                    and name.split()[1:2] and name.split()[1] not in _MINOR:
                continue      # "le Général d'Armée Sadio Camara", "general del Ejército David Ojeda": a rank
            canonical = _canonical(name, body, absolute, taxonomy, home_country, lex, outlet, field_countries)
            if canonical == name and lex.unit_re.search(name):
                number = _ORDINAL_BEFORE.search(body, max(0, absolute - 8), absolute)
                if number:      # "the Serbian Army's 72nd Brigade for Special Operations": the unit's number
                    canonical, absolute = number.group(1) + " " + name, number.start(1)
            if canonical and canonical not in not_orgs and canonical not in outlets and not _NEWS_AGENCY.search(canonical):
                found.append((absolute, canonical))
    found.extend(_named_by_context(body, found, taken, person_words, set(people), taxonomy, outlet, lex))
    found.extend(_named_after_a_country(body, phrases, found, taken, person_words, taxonomy, outlet, lex))
    # A body named only as what qualifies another is none here; named anywhere else, by any route, it is.
    names = [name for start, name in sorted(found) if start not in qualifying]
    names = list(dict.fromkeys(_spelled_as_the_text(_with_national_defence(names, field_countries, taxonomy), body)))
    # "Hitachi Ltd" and then "Hitachi": a company is written as the text first names it, legal form
    # and all, once.
    with_form = {_without_legal_form(name) for name in names if _without_legal_form(name) != name}
    return [name for name in names if name not in with_form]


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]):
    """pattern.finditer(text) for a pattern whose every match is non-empty and starts at one of `starts`
    (left to right): tried only there, not at every character."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()
            yield match


_ACRONYM = re.compile(r"[A-Z](?:\.?[A-Z]){1,5}\.?")
_HYPHENATED_BEFORE = re.compile(r"(?<![\w'’.&-])[A-Z][\w'’.]*-$")
_HEADQUARTERS = " Headquarters"
_AT_A_PLACE = re.compile(r"\b(?:at|to|from|inside|outside)[ \t]+(?:the[ \t]+)?$")
_LAW_BEFORE = re.compile(r"\b(?:Regulation|Directive|Decision)[ \t]+\($")
_ORDINAL_BEFORE = re.compile(r"(?<![\w.,])(\d{1,3}(?:st|nd|rd|th))[ \t]+$")
# "Defence and Space": one more capitalised word joined by "and", the name's last.
_NAME_GOES_ON = re.compile(r"[ \t]+(?:[A-Z]|&)|-[A-Z]")
_MEMBER_TAIL = re.compile(r"[ \t]+and[ \t]+[A-Z][a-z]+\b(?![ \t]+[A-Z])")
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in range(0x100, 0x250) if chr(c).isupper())
_CAPITALISED = rf"[{_UPPER}](?:[\w'’.&-]*\w)?"
# A name's first capital, the character before it no part of a word: written capital first, so that the
# regex engine skips to the next capital in one scan instead of trying the lookbehind at every character.
_NAME_OPENING = rf"[{_UPPER}](?<![\w'’.&-].)"


def _opening(name: str) -> str:
    """A name pattern (_BARE, _CAPITALISED …) that starts at a word's start: "(?<![\\w'’.&-])" + name."""
    return name.replace(f"[{_UPPER}]", _NAME_OPENING, 1)


# Runs of capitalised words joined by "of", "the", "for", "and" (not "and the" nor "and of the": two bodies)
# inside names, never across a line ("0 Comments" above a paragraph is no part of the court's name). Names
# in other languages join theirs ("Banco Central de la República Argentina", "Policía Nacional del Perú",
# "Bolsas y Mercados Argentinos", "Mutuelle Agricole Marocaine d'Assurances").
# A plural's possessive goes on into the next capitalised word ("Kurdistan Workers' Party", "Solvent
# Extractors' Association of India"); a state's or a body's ends a name as any possessive does ("the
# Philippines' Eastern Mindanao Command").
_NAMES_ENDING_IN_S = ("Philippines", "States", "Netherlands", "Emirates", "Islands", "Maldives", "Seychelles",
                      "Bahamas", "Comoros", "Nations", "Forces")
_PHRASE_WORD = (rf"{_CAPITALISED}(?:(?<=s)" + "".join(f"(?<!{name})" for name in _NAMES_ENDING_IN_S)
                + rf"['’](?=[ \t]+[{_UPPER}]))?")
_PHRASE = re.compile(
    rf"{_opening(_PHRASE_WORD)}(?:(?:[ \t]+(?:of|the|for|de|des|du|da|do|das|dos|del|la|las|los|van|di|della|delle|degli|dei|der|für|und|voor|&|-"
    rf"|(?:and|y|e|et)(?![ \t]+(?:the|of|de|del|la|des|du)\b)))*[ \t]+(?:[dl]['’])?{_PHRASE_WORD})*"
)


# " in Helsinki", " in the Republic of Serbia": the place after a located body's name.
_IN_PLACE = re.compile(rf"[ \t]+in[ \t]+(?:the[ \t]+)?(?P<place>{_CAPITALISED}(?:(?:[ \t]+(?:of|the))*[ \t]+{_CAPITALISED}){{0,3}})")


def _with_place(body: str, start: int, name: str, lex: OrganizationLexicon, person_words: set[str]) -> str:
    """"the Russian Embassy in Helsinki", "District Mining Office in Rybnik": an embassy, a mission or a
    local office is that place's, and its name goes on through "in" and the place (not a date, nor a
    person: "… in Ankara Ahmet Yılmaz said" keeps only Ankara)."""
    heads = list(lex.head_re.finditer(name))
    if not heads or heads[-1].group().split()[-1] not in lex.located_heads or " " not in name:
        return name
    end = start + len(name)
    place = _IN_PLACE.match(body, end)
    if not place:
        return name
    words = place.group("place").split()
    kept = next((i for i, word in enumerate(words) if word in person_words or word in _DATE_WORDS), len(words))
    if not kept:
        return name
    return name + body[end:place.start("place")] + " ".join(words[:kept])


# "People's", "Women's" belong to names ("People's Liberation Army"); other possessives end one.
_POSSESSIVE = re.compile(r"(?<!People)(?<!Women)(?<!Children)['’]s(?=[ \t]|$)")
# "the Higher Public Prosecutor's Office", "Mersin Governor's Office": an officer's office is a body's name.
_OFFICE_HOLDER = re.compile(r"\b(?:Prosecutor|Governor|General|Mayor|President|Ombudsman|Auditor|Chancellor)$")


def _capitalised_phrases(text: str):
    """(start, end, phrase) for each run of capitalised words (one regex pass: this is hot). A possessive
    ends a name: "the Treasury's Office of Foreign Assets Control" is the office, not "Treasury s Office"."""
    for match in _PHRASE.finditer(text):
        phrase = match.group()
        if ("s " not in phrase and not phrase.endswith(("'s", "’s"))) or not _POSSESSIVE.search(phrase):
            yield match.start(), match.end(), phrase
            continue
        at = 0
        cuts = [cut for cut in _POSSESSIVE.finditer(phrase) if not _OFFICE_HOLDER.search(phrase, 0, cut.start())
                or not phrase.startswith(" Office", cut.end())]
        for cut in [*cuts, None]:
            end = cut.start() if cut else len(phrase)
            piece = phrase[at:end].strip()
            if piece:
                start = match.start() + phrase.index(piece, at)
                yield start, start + len(piece), piece
            at = cut.end() if cut else len(phrase)


_AFTER_A_COMMA_LIST = re.compile(rf"(?<![\w'’.&-]){_CAPITALISED},[ \t]+$")
# "Cardiff and Vale University Health Board": a known name inside a longer one.
_NAME_GOES_ON_BEFORE = re.compile(rf"(?<![\w'’.&-])(?P<word>{_CAPITALISED})[ \t]+(?:(?:and|of|&)[ \t]+)?$")
_AFTER_ALIAS = re.compile(rf"(?:[ \t]+{_CAPITALISED}){{1,4}}")


def _body_after_alias(body: str, end: int, head_re: re.Pattern) -> int | None:
    """Where a body's name ends that a known name begins and capitalised words up to a head word or a
    legal form go on: "PLA| National Defense University"; None when no such words follow."""
    more = _AFTER_ALIAS.match(body, end)
    if not more:
        return None
    tail = more.group()
    if "'" in tail or "’" in tail:
        tail = re.split(r"['’]", tail)[0]
    heads = [m.end() for m in head_re.finditer(tail)]
    form = _LEGAL_FORM.search(tail)
    last = max(heads + ([form.end()] if form else []), default=0)
    if not last or not re.fullmatch(r"\w", tail[last - 1:last]) and not form:
        return None
    field = _HEAD_FOR_FIELD.match(body, end + last)
    # "OSCE Office| for Democratic Institutions and Human Rights": a head word's field goes on in its name (not
    # an "of", which is as often where the body is: "PLA National Defense University of China")
    return field.end() if field else end + last


_HEAD_FOR_FIELD = re.compile(r"[ \t]+for[ \t]+(?:the[ \t]+)?[A-Z][\w-]+(?:[ \t]+(?:and[ \t]+|&[ \t]+)?[A-Z][\w-]+)*")


# "Ministry of Economy, Trade and Industry": a ministry's fields listed with commas are one name; so are
# a committee's after "the" or a possessive ("the Land, Infrastructure and Transport Committee").
_FIELD_OPENER = re.compile(r"\b(?:Ministry|Department|Ministerio|Secretaría|Superintendencia)[ \t]+(?:of|for|de)[ \t]+"
                           r"(?:the[ \t]+)?[^ \t]+(?:[ \t]+[^ \t]+)?$")
_FIELD_CLOSER = re.compile(r"[ \t](?:Committee|Ministry|Commission)$")


def _with_field_lists(body: str, phrases: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The phrases, those that a body's comma-listed fields cut apart joined again (walking the phrases,
    not the text: this is hot)."""
    joined: list[tuple[int, int, str]] = []
    i, count = 0, len(phrases)
    while i < count:
        start, end, phrase = phrases[i]
        j = i
        while j + 1 < count and body[phrases[j][1]:phrases[j + 1][0]] == ", ":
            j += 1
        if j > i:
            last = j
            if " and " not in phrases[j][2] and " y " not in phrases[j][2] and j + 1 < count \
                    and body[phrases[j][1]:phrases[j + 1][0]] in (" and ", ", and ", " y ", ", y "):
                last = j + 1
            pieces = [p for _, _, p in phrases[i + 1:last + 1]]
            tail = body[phrases[last][0]:phrases[last][1]]
            if last > j or " and " in tail or " y " in tail:
                ministry = _FIELD_OPENER.search(phrase) and all(len(p.split()) <= 4 for p in pieces)
                committee = body[max(0, start - 4):start].endswith(("the ", "'s ", "’s ")) and " " not in phrase \
                    and all(" " not in p for p in pieces[:-1]) and _FIELD_CLOSER.search(tail)
                if ministry or committee:
                    joined.append((start, phrases[last][1], body[start:phrases[last][1]]))
                    i = last + 1
                    continue
        joined.append((start, end, phrase))
        i += 1
    return joined


_MONTHS_AND_DAYS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                              "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
                              "Friday", "Saturday", "Sunday"})
_DATE_WORDS = _MONTHS_AND_DAYS | {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}


def _with_subjects(body: str, phrases: list[tuple[int, int, str]], head_re: re.Pattern,
                   taxonomy: Taxonomy) -> list[tuple[int, int, str]]:
    """The phrases, a body's name and the subject it is "on" joined: "Cabinet Committee on Security",
    "International Coordinating Group on Vaccine Provision"; not a date or a country ("the Security
    Council on Monday", "… on Ukraine")."""
    if " on " not in body:
        return phrases
    joined: list[tuple[int, int, str]] = []
    for start, end, phrase in phrases:
        if joined and body[joined[-1][1]:start] == " on " and _ends_with_head(joined[-1][2], head_re) \
                and phrase.split()[0] not in _DATE_WORDS and not country_mentions(phrase, taxonomy):
            first = joined.pop()
            joined.append((first[0], end, body[first[0]:end]))
        else:
            joined.append((start, end, phrase))
    return joined


def is_organization_name(line: str) -> bool:
    """Whether a line is one body's name and nothing else ("Embassy of the People's Republic of China in the
    Republic of Kazakhstan", "Parliament of the Republic of South Africa"): every word capitalised or a
    connector, and the whole of it one organisation's name. A site's name over its page reads so; a
    headline says something of a body ("Trade Committee Welcomes …")."""
    line = line.strip()
    words = line.split()
    if len(words) < 2 or not all(w[0].isupper() or w in _NAME_CONNECTORS for w in words):
        return False
    bare = line[4:] if line.startswith("The ") else line
    return any(name == bare for _, name in _organizations_in_phrase(bare, load_organization_lexicon()))


_NAME_CONNECTORS = frozenset({"of", "the", "and", "for", "in", "to", "on", "&", "de", "du", "des", "la", "del", "y"})


_AND_BEFORE_A_NAME = re.compile(r"\s+(?:and|y|e|et)\s+(?=[A-Z])")
_OF_THE = re.compile(r"\bof (?:the )?")


def _organizations_in_phrase(phrase: str, lex: OrganizationLexicon, offset: int = 0) -> list[tuple[int, str]]:
    """The organisation names inside one capitalised phrase: from the first head word's modifiers on
    ("Azerbaijani Army", "Main Directorate of …"), then each body nested after "of (the)"."""
    head_re, aliases = lex.head_re, lex.aliases
    head = head_re.search(phrase)
    if not head:
        return []
    before = phrase[:head.start()].split()
    k = len(before)
    while k > 0:
        if before[k - 1] in ("and", "&") and k == len(before) and phrase.startswith(" of ", head.end()):
            break         # "… Defence and Ministry of Interior": "and" right before "<head> of" joins two bodies
        if before[k - 1] in ("and", "&") and k > 1 and _is_modifier(before[k - 2]):
            k -= 1        # "Justice and Development Party": "and" inside the name's modifiers
        elif _is_modifier(before[k - 1]) or before[k - 1] == "First" and not _is_role_word(before[k] if k < len(before) else ""):
            k -= 1        # "First Republic Bank", "First Abu Dhabi Bank": "First" is a post's only before a post
        else:
            break
    if k < len(before) and before[k] in ("and", "&"):
        k += 1
    start = head.start() if k == len(before) else len(" ".join(before[:k])) + (1 if k else 0)
    name = _cut_after_last_head(_cut_before_non_bodies(phrase[start:].strip(), head_re), head_re, lex.foreign_heads)
    results = []
    # "the Chinese Academy of Space Technology and Azercosmos": two bodies, not one.
    pieces = _AND_BEFORE_A_NAME.split(name)
    # "Justice and Development Party" is one: the piece before "and" must be a body's name itself; so must
    # the piece after it before its own "of" ("Institute for Peace and Security Studies of … University").
    # "International Defence Exhibition and Conference" is one: a lone word after "and" ends the name, and so
    # does a common noun and a head word ("Chirchik Higher Tank Command and Engineering School").
    # "Command and Staff College": a head word standing alone before "and" names no body of its own.
    lone_word = " " in pieces[-1] and _ends_with_head(pieces[-1], head_re) \
        and any(" " not in p and not p.isupper() and not aliases.holds(p) for p in pieces[:-1])
    if not lone_word and not any(_COMMON_NOUN.search(p) and " " not in p or _COMMON_NOUN.search(p.split()[0])
                                 and _ends_with_head(p, head_re) and len(p.split()) == 2 for p in pieces[1:]) and (
            len(pieces) > 1 and all(head_re.search(p.split(" of ")[0]) or aliases.holds(p) or p.isupper()
                                    for p in pieces)
            or len(pieces) == 2 and _ends_with_head(pieces[0], head_re)):
        cursor = 0
        for piece in pieces:
            at = name.index(piece, cursor)
            results.append((offset + start + at, piece))
            cursor = at + len(piece)
        name = pieces[0]      # (a body nested in the first: "… Institute of Technology and Dalian University")
    elif (pair := _two_bodies(name, head_re)) is not None:
        # "Belarusian State University of Informatics and Radioelectronics and Yanka Kupala State University
        # of Grodno", "National Bank of Egypt and Banque Misr": a body's whole name after the last such "and";
        # before it, a body's name, or a place's ("Egypt and Banque Misr", nested after "of").
        first, second = pair
        if head_re.search(first):
            results.append((offset + start, first))
        results.append((offset + start + len(name) - len(second), second))
        name = first
    else:
        results.append((offset + start, name))
    nested = _OF_THE.search(name[head.end() - start:]) if head.end() > start else None
    if nested:
        inner_at = head.end() - start + nested.end()
        results.extend(_organizations_in_phrase(name[inner_at:], lex, offset + start + inner_at))
    return results


_JOINT = re.compile(r"\s+(?:and|&)\s+(?=[A-Z])")


def _two_bodies(name: str, head_re: re.Pattern) -> tuple[str, str] | None:
    """(first, second) when `name` is two names joined by "and", the second a body's of its own: opening on
    its head word ("Banque Misr"), or, after a body's name, of three words or more that
    open on no common noun ("Yanka Kupala State University of Grodno", not the "Security Studies of …" of
    "Institute for Peace and Security Studies" nor the "Engineering School" of a school's name)."""
    for joint in reversed(list(_JOINT.finditer(name))):
        first, second = name[:joint.start()], name[joint.end():]
        words = second.split()
        opens_on_head = (head := head_re.search(second)) is not None and head.start() == 0
        own_name = len(words) >= 3 and not _COMMON_NOUN.search(words[0]) and head is not None
        place_before = " " not in first and first[:1].isupper() and not _COMMON_NOUN.search(first)
        if len(words) >= 2 and (opens_on_head and (place_before or head_re.search(first)) or own_name and head_re.search(first)):
            return first, second
    return None


# "Jordan News Agency", "Tasnim News Agency": an outlet cited, no organisation here (LABELLING.md).
_NEWS_AGENCY = re.compile(r"\b(?:News|Press|Telegraph|Information) Agency$")
# "Exhibition and Conference", "Research and Development": a lone noun after "and" belongs to the name.
_COMMON_NOUN = re.compile(r"[a-z](?:ence|ance|tion|sion|ment|ity|ship|ing|ies|ics|ure|ism)$")


def _is_modifier(word: str) -> bool:
    return word[0].isupper() and word != "The" and not _is_role_word(word)


_OPEN_PREPOSITION = re.compile(r"\b(?:for|of|on)[ \t]+$")


def _ends_with_head(name: str, head_re: re.Pattern) -> bool:
    """"HBIS Group and Zijin Mining": the first name ends as a body's name does, so "and" joins two."""
    heads = list(head_re.finditer(name))
    # "Velaria SpA and Velaria Holding NV": a legal form ends a company's name as a head word does; a field
    # after "for" does not ("Japan Organization for Metals and Energy Security").
    return bool(heads) and heads[-1].end() == len(name.rstrip()) \
        and not _OPEN_PREPOSITION.search(name[:heads[-1].start()]) or bool(_LEGAL_FORM.search(name))


_TAIL_CONNECTOR = re.compile(r"\s+(?:of|for|and|de|del|des|du|da|do|la|van|on|&)\b")
_OFFICER_TITLE = re.compile(r"\s+(?P<title>[A-Z][a-z]+|[A-Z]{2,3})(?=\s+[A-Z])")


def _cut_after_last_head(name: str, head_re: re.Pattern, foreign_heads: frozenset[str] = frozenset()) -> str:
    """"Turkish Air Force Commander Gen" -> "Turkish Air Force": capitalised words right after the last
    head word, with no "of" or "for" between, are a title or a name, not part of the body's name."""
    heads = list(head_re.finditer(name))
    if not heads:
        return name
    tail = name[heads[-1].end():]
    if _LEGAL_TAIL.fullmatch(tail):
        return name       # "Alpha Bank Romania SA", "Kenanga Investment Bank Bhd": the legal form ends the name
    # "Policía Nacional del Perú", "Armada Boliviana": a head word of those languages comes first.
    if _TAIL_CONNECTOR.match(tail) or not tail.strip() \
            or heads[-1].group() in foreign_heads:
        if " - " in tail:
            return name[:heads[-1].end() + tail.index(" - ")]     # "Agência Brasil - Brasília": a dateline
        # "Central Bank of Kenya Governor Kamau Thugge": a title and a name after the body's own "of …".
        for officer in _OFFICER_TITLE.finditer(tail):
            if _is_role_word(officer.group("title")):
                return name[:heads[-1].end() + officer.start()]
        return name
    return name[:heads[-1].end()]


_RANKS = frozenset({"General", "Colonel", "Major", "Lieutenant", "Admiral", "Brigadier", "Captain", "Marshal",
                    "Commodore", "Rear", "Vice", "Gen", "Col", "Maj", "Lt", "Adm", "Brig", "Capt"})


# A rank named after its service, in the languages that put "of" between ("Général d'Armée", "general del
# Ejército", "generale di Corpo d'Armata"): what follows is the officer's name, not the service's.
_RANK_OF_A_SERVICE = re.compile(r"(?i:\b(?:général|general|generale|amiral|almirante|ammiraglio))[ \t]+"
                                r"(?:d['’]|de[ \t]+l['’]|del[ \t]+|de[ \t]+la[ \t]+|do[ \t]+|da[ \t]+|di[ \t]+)$")


def _cut_before_person(name: str, person_words: set[str]) -> str:
    """"Ministry of Defence Nenad Nerić" -> "Ministry of Defence": a body's name ends where a person's
    name begins (two words of the article's people, or one after a rank: "… and Major General Song")."""
    words = name.split()
    for i in range(1, len(words)):
        if words[i] not in person_words or words[i - 1] in _MINOR:
            continue
        if i + 1 < len(words) and words[i + 1] in person_words or words[i - 1] in _RANKS:
            k = i
            while k > 1 and (words[k - 1] in _RANKS or words[k - 1] in ("and", "&")):
                k -= 1
            return " ".join(words[:k])
    return name


def _cut_before_non_bodies(name: str, head_re: re.Pattern) -> str:
    """"Azerbaijan Army Exercise" -> "Azerbaijan Army"; "Collective Security Treaty Organization" stays."""
    for cut in re.finditer(r"\s+(?:" + "|".join(_NOT_AFTER) + r")\b", name):
        if not head_re.search(name, cut.end()):
            return name[:cut.start()]
    return name


# A company's legal form, the last words of its name: "Hitachi Ltd", "Kenanga Investment Bank Bhd",
# "CK Power Public Company Limited", "Nammo AS", "Carnegie Investment Bank AB (publ)".
_LEGAL_FORM = re.compile(
    r",?[ \t]+(?:(?:Private|Pvt\.?|Public(?:[ \t]+Company)?|Sdn|Pte\.?|Pty\.?)[ \t]+)?(?:Ltd\.?|Limited|Inc\.?|plc|PLC|LLC|LLP|"
    r"Co\.?|Corp\.?|Bhd|Berhad|AG|SA|S\.A\.?|A\.Ş\.?|JSC|PJSC|GmbH|AB|AS|ASA|NV|N\.V\.?|BV|B\.V\.?|SpA|S\.p\.A\.?|Oyj|Tbk)"
    r"(?:[ \t]+\(publ\))?$")


# The last words of legal forms as a phrase ends on them (a final full stop is no part of a phrase).
_LEGAL_WORDS = frozenset({"Ltd", "Limited", "Inc", "plc", "PLC", "LLC", "LLP", "Co", "Corp", "Bhd", "Berhad", "AG", "SA",
                          "S.A", "A.Ş", "JSC", "PJSC", "GmbH", "AB", "AS", "ASA", "NV", "N.V", "BV", "B.V", "SpA",
                          "S.p.A", "Oyj", "Tbk"})
# After a body's head word: its legal form, maybe after one more word ("Alpha Bank Romania SA").
_LEGAL_TAIL = re.compile(r"(?:[ \t]+[A-Z][\w-]*)?" + _LEGAL_FORM.pattern)


def _legal_form_names(phrase: str, after: str):
    """(offset, name) for each company in a phrase that ends in a legal form, which makes it a company's
    name even without a head word: "Tamboro Resources Limited", "Nammo AS and Polska Grupa Zbrojeniowa
    S.A." (two). Not a line of capitals, nor a person's initials ("General S.A. Munir")."""
    if phrase[phrase.rfind(" ") + 1:] not in _LEGAL_WORDS and " and " not in phrase or phrase.isupper():
        return
    at = 0
    for joint in [*re.finditer(r"[ \t]+and[ \t]+", phrase), None]:
        piece = phrase[at:joint.start()] if joint else phrase[at:]
        form = _LEGAL_FORM.search(piece)
        if form and not (joint is None and "." in form.group() and _INITIALS_AFTER.match(after)):
            words = piece[:form.start()].split()
            while words and (words[0] in _SENTENCE_WORDS or words[0] in _PAGE_WORDS):
                words.pop(0)
            if words:
                name = " ".join(words) + piece[form.start():]
                if joint is None and after.startswith(".") and re.search(r"(?:Corp|Co|Inc|Ltd|\.[A-Z])$", name):
                    name += "."       # "Kalvara Copper Corp.", "Polska Grupa Zbrojeniowa S.A."
                yield at + piece.index(words[0]), name
            if joint:
                at = joint.end()
        elif joint is None:
            return


# "S.A. Munir": dotted letters before a surname are initials; "About", "Contact" head a page's own block.
_INITIALS_AFTER = re.compile(r"\.?[ \t]+(?!(?:The|A|An|It|Its|In|On)\b)[A-Z][a-z]")
_PAGE_WORDS = frozenset({"About", "Contact", "Contacts", "Home", "Follow", "Share"})


def _in_copyright_line(body: str, position: int) -> bool:
    """Whether `position` is on a copyright line ("© 2024 XenForo Ltd."): the page's publisher, no body of
    the article."""
    line = body[body.rfind("\n", 0, position) + 1:position]
    return "©" in line or bool(re.match(r"\s*(?:Copyright|\(c\))", line, re.I))


def _without_legal_form(name: str) -> str:
    # "Hitachi Ltd", "Business Standard Private Ltd": the company's name without its legal form.
    return _LEGAL_FORM.sub("", name)


def _is_role_word(word: str) -> bool:
    return word.lower() in {"minister", "chief", "deputy", "head", "chairman", "commander", "director", "president",
                            "member", "secretary", "first", "ambassador", "representative", "spokesman",
                            "governor", "spokeswoman", "spokesperson", "chairwoman", "ceo", "envoy", "commissioner",
                            "ce", "md", "cfo", "coo"}


_LEADING_WORD = re.compile(r"^(?:The|the|A|An|About|Like|Unlike|Former|former|Then|Outgoing|Incoming)\s+")
_BASED_IN = re.compile(r"^[A-Z][\w.]*(?:\s[A-Z][\w.]*)?-based\s+")
_POSSESSIVE_END = re.compile(r"['’]s$")
_OWNER_OF_A_NAME = re.compile(r"(?P<owner>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)['’]s\s+(?=[A-Z])")
_REVERSED_DEPARTMENT = re.compile(r"(?P<field>[A-Z][a-z]+) Department")
_SUMMIT = re.compile(r"\bSummit\b")


def _canonical(name: str, body: str, position: int, taxonomy: Taxonomy, home_country: str | None,
               lex: OrganizationLexicon, outlet: str | None = None,
               field_countries: dict[str, str] | None = None) -> str | None:
    """"the Ministry of Defense" -> "Ministry of Defense of Azerbaijan"; strip "the Republic of"."""
    aliases, outlets = lex.aliases, lex.outlets
    name = _LEADING_WORD.sub("", name).strip(" -")
    holder = _HOLDER_OF.match(name)
    if holder and (_is_role_word(last := holder.group("holder").split()[-1]) or last.lower() in _HOLDER_WORDS):
        name = name[holder.end():]      # "Commercial Manager of Yara Ghana Limited", "Shares of Dar Al Sahel Co"
    article = _FOREIGN_ARTICLE.match(name)
    if article and lex.head_re.match(name, article.end()):
        name = name[article.end():]     # "El Comité Ejecutivo", "La Policía Nacional" (not "Los Angeles …")
    name = _BASED_IN.sub("", name)     # "Philippines-based International …"
    name = _POSSESSIVE_END.sub("", name)
    owner = _OWNER_OF_A_NAME.match(name)
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
    foreign = english_ministry(name, lex.ministries)
    if foreign:
        return _foreign_ministry(name, foreign, body, position, taxonomy, home_country, lex)
    whole_country = country_mentions(name, taxonomy)
    if whole_country and whole_country[0].start == 0 and whole_country[0].end == len(name):
        return None       # "the Russian Federation" is a country
    bare_name = _without_legal_form(name)
    if name.startswith("Board of") or lex.company_organ_re.match(name) or lex.press_office_re.search(name) \
            or bare_name in outlets \
            or bare_name == outlet or name == outlet:
        return None       # a company's board is the company's; a press office, an outlet is no organisation here
    if name in lex.national_bodies:
        # "the Central Bank", "the Constitutional Court": a country's, named after it.
        country = owner_country or _country_before(body, position, taxonomy) \
            or _capital_after(body, position, name, taxonomy) or home_country
        return f"{name} of {_country_phrase(country, taxonomy, lex)}" if country else name
    ministry = _ministry(name, body, position, taxonomy, home_country, lex, owner_country, field_countries or {})
    if ministry:
        return ministry
    reversed_department = _REVERSED_DEPARTMENT.fullmatch(name)
    if reversed_department and reversed_department.group("field") in _DEPARTMENT_FIELDS:
        name = f"Department of {reversed_department.group('field')}"      # "the Commerce Department"
    other = _NATIONAL_DEPARTMENT.fullmatch(name)
    if other and not country_mentions(name, taxonomy):
        # A ministry the table does not know, or a department, is still a country's: "Ministry of Defence
        # Production of Pakistan", "Ministry for the Ecological Transition", "the Department of Finance".
        if other.group("country") and not _country_code(other.group("country"), taxonomy) \
                and other.group("country") not in _SENTENCE_WORDS | _NATIONAL_ADJECTIVES:
            return name       # "Pennsylvania Department of Banking": a state's or a province's, as written
        stated = other.group("country") and _country_code(other.group("country"), taxonomy) \
            or owner_country or _country_before(body, position, taxonomy)
        if not stated and other.group("body").startswith("Department") and not reversed_department:
            return name       # "the Department of Veterinary Services": a department as written, its state
            # added only where the text writes it ("Ireland's Department of Finance"); a ministry always
        country = stated or home_country
        if country:
            return f"{other.group('body')} of {_country_phrase(country, taxonomy, lex)}"
    if _SUMMIT.search(name):
        return None       # a summit is an event, not a body
    return name


# An officer's title or a company's shares before "of" and the body: "Group Chief Executive Officer of NNPC Ltd".
_HOLDER_OF = re.compile(r"(?P<holder>(?:[A-Z][\w-]*[ \t]+){1,4}?)of[ \t]+(?:the[ \t]+)?(?=[A-Z])")
_HOLDER_WORDS = frozenset({"manager", "officer", "executive", "shares", "shareholders", "founder", "partner"})
_FOREIGN_ARTICLE = re.compile(r"(?:El|La|Los|Las|Le|Les|O|Os|As|Il|Lo|Gli|Der|Die|Das|De|Het)\s+|L['’]")
# "Ministry of Defence Production", "Ministry for the Ecological Transition", "US Department of Agriculture".
_NATIONAL_DEPARTMENT = re.compile(r"(?:(?P<country>U\.?S\.?|UK|[A-Z][a-z]+)\s+)?"
                                  r"(?P<body>(?:Ministry|Department) (?:of|for) (?:the )?[A-Z][\w&,' -]+)")


def _country_code(word: str, taxonomy: Taxonomy) -> str | None:
    """The country a word names, in English or in the page's language ("da Indonésia")."""
    found = country_mentions(word, taxonomy)
    if found:
        return found[0].value
    translated = named_in_other_languages(word)
    return translated[0].value[1] if translated else None


def _country_phrase(code: str, taxonomy: Taxonomy, lex: OrganizationLexicon) -> str:
    """A country as the end of a body's name: "of the Philippines", "of the United States", "of Spain"."""
    label = taxonomy.country_label(code)
    takes_the = label.split()[0] in ("United", "Republic", "Democratic") or label.endswith(
        ("Republic", "Islands", "Emirates")) or label in lex.countries_with_article
    return f"the {label}" if takes_the else label


def _ministry(name, body, position, taxonomy, home_country, lex: OrganizationLexicon, owner_country: str | None,
              field_countries: dict[str, str]) -> str | None:
    plain = lex.ministry_re.fullmatch(name)
    if not plain:
        return None
    field = lex.ministry_fields[plain.group("f1") or plain.group("f2")]
    if "Defense" in field and _spells_defence(body, name):
        field = field.replace("Defense", "Defence")     # as the article spells the word
    country = None
    for piece in (plain.group("of"), plain.group("adj")):
        if piece:
            found = country_mentions(piece, taxonomy)
            if found:
                country = found[0].value
                break
    # Named without its country, a ministry is the one whose minister of that field the text names.
    country = country or _country_before(body, position, taxonomy) or owner_country \
        or _capital_after(body, position, name, taxonomy) or field_countries.get(field) or home_country
    if country is None:
        return f"Ministry of {field}"
    return f"Ministry of {field} of {_country_phrase(country, taxonomy, lex)}"      # "of the Czech Republic"


def _foreign_ministry(name: str, foreign: ForeignMinistry, body: str, position: int, taxonomy: Taxonomy,
                      home_country: str | None, lex: OrganizationLexicon) -> str:
    """"Ministerio de Sanidad" -> "Ministry of Health of Spain": the state it names, else the page's own or
    the nearest one named before it, if its language is theirs (a ministry named in the page's language is
    most often the page's state's); else the only state of its language. Whose it is left unknown, the name
    stays as the text writes it."""
    country = _country_code(foreign.place, taxonomy) if foreign.place else None
    if country is None and home_country in foreign.states:
        country = home_country
    if country is None:
        before = _country_before(body, position, taxonomy)
        country = before if before in foreign.states else foreign.states[0] if len(foreign.states) == 1 else None
    if not country:
        return name
    english = foreign.english.replace("Defense", "Defence") if _spells_defence(body) else foreign.english
    return f"{english} of {_country_phrase(country, taxonomy, lex)}"


def _capital_after(body: str, position: int, name: str, taxonomy: Taxonomy) -> str | None:
    """The country whose capital a body is said to be in: "the Ministry of Defence in Belgrade"."""
    end = body.find(name, position, position + len(name) + 8)
    place = _IN_PLACE.match(body, end + len(name)) if end >= 0 else None
    if not place:
        return None
    found = country_mentions(place.group("place"), taxonomy)
    return found[0].value if found and found[0].start == 0 else None


def _field_countries(officials: tuple[tuple[str, str | None], ...], lex: OrganizationLexicon) -> dict[str, str]:
    """The field of each ministry whose ministers (and spokesmen) the article's people are -> their
    country, when all of that field's are of one country ("Uzbekistan's Minister of Energy")."""
    countries: dict[str, set[str]] = {}
    for role, country in officials:
        if not country or "Minist" not in role:
            continue
        for found in lex.minister_re.finditer(role):
            field = lex.ministry_fields[found.group("f1") or found.group("f2")]
            countries.setdefault(field, set()).add(country)
    return {field: next(iter(found)) for field, found in countries.items() if len(found) == 1}


_DEFENCE_MINISTRY = re.compile(r"Ministry of (?P<national>National )?(?P<field>Defen[cs]e) of (?P<country>.+)")


def _with_national_defence(names: list[str], field_countries: dict[str, str], taxonomy: Taxonomy) -> list[str]:
    """A state's "Ministry of Defence" is its "Ministry of National Defence" where the text names it so
    too, or names its "National Defence Minister" ("Türkiye's defence ministry says" beside "Türkiye's
    National Defence Ministry")."""
    national = {m.group("country") for m in map(_DEFENCE_MINISTRY.fullmatch, names) if m and m.group("national")}
    if "National Defense" in field_countries:
        national.add(taxonomy.country_label(field_countries["National Defense"]))
    if not national:
        return names
    return [f"Ministry of National {m.group('field')} of {m.group('country')}"
            if (m := _DEFENCE_MINISTRY.fullmatch(name)) and m.group("country") in national else name for name in names]


def _spelled_as_the_text(names: list[str], body: str) -> list[str]:
    """"Organisation" or "Organization" as the article writes the word more often: the list's spelling
    ("Shanghai Cooperation Organization") gives way to the text's ("… Organisation", or "SCO" in a text
    that spells the word with an s)."""
    if "rganisation" not in body and "rganization" not in body:
        return names
    british, american = body.count("rganisation"), body.count("rganization")
    if british == american:
        return names
    wanted, other = ("Organisation", "Organization") if british > american else ("Organization", "Organisation")
    return [name.replace(other, wanted) for name in names]


def _spells_defence(body: str, name: str = "") -> bool:
    """Whether a ministry's "Defense" is written "defence": as its name spells it, unless the article
    spells the word the other way at least three times as often; an abbreviation as the article does."""
    lowered, named = body.lower(), name.lower()
    british, american = lowered.count("defence"), lowered.count("defense")
    if "defence" in named:
        return american < 3 * british
    if "defense" in named:
        return british >= 3 * american
    return british > american


_BARE = rf"{_CAPITALISED}(?:[ \t]+{_CAPITALISED}){{0,3}}"
# A capitalised word where what follows it in the pattern opens on a space, a tab, a comma or a bracket
# (no character of a word's run): the word is taken whole, at once. _CAPITALISED would give back its run
# a character at a time, and every shorter word it tried is followed by a character of the run, which
# nothing after it matches, so the two find the same; a name of several words that fails (most do) fails
# without trying each word at each of its lengths.
_CAPITALISED_WHOLE = rf"[{_UPPER}](?>[\w'’.&-]*)(?<=\w)"
_BARE_WHOLE = rf"{_CAPITALISED_WHOLE}(?:[ \t]+{_CAPITALISED_WHOLE}){{0,3}}"     # _BARE, with the same proviso
# A name with its inner small words ("Umbrella for Democratic Change"), and the acronym it may be given.
_BARE_WITH_INNER = rf"{_CAPITALISED_WHOLE}(?:(?:[ \t]+(?:of|for|the|and|de))?[ \t]+{_CAPITALISED_WHOLE}){{0,5}}"
_ACRONYM_AFTER = r"(?:[ \t]+\([A-Z][A-Za-z]{1,9}\))?"


_WORD_RUN = re.compile(r"\w+")


def has_head_word(phrase: str, lex: OrganizationLexicon) -> bool:
    """Whether lex.head_re finds a head word in `phrase`, asked of a set first."""
    if not lex.one_word_heads.isdisjoint(_WORD_RUN.findall(phrase)):
        return True
    return lex.other_heads_re is not None and lex.other_heads_re.search(phrase) is not None


def _opening_letters(words: list[str]) -> str:
    """A lookahead for the letters that open `words`, in either case and any letter beyond ASCII (which a
    case-insensitive match may fold onto one: "ſ" is an "s"), or "" when a word opens on no ASCII letter. A
    pattern that opens on an alternation of words tries every branch at every character; the lookahead
    turns most characters away in one test, and lets through every one a branch could match."""
    firsts = {word[0] for word in words}
    if not all(first.isascii() and first.isalpha() for first in firsts) or any(
            mark in word[1:2] for word in words for mark in "?*{|"):
        return ""       # a word that opens on a mark, or whose first letter a quantifier makes optional
    letters = "".join(sorted({case for first in firsts for case in (first.lower(), first.upper())}))
    return rf"(?=[{letters}\x80-\U0010ffff])"


# The key-word list each context pattern needs, in the order _context_patterns returns them.
_CONTEXT_KEYS = ("appositive_nouns", "officer_titles", "kind_nouns", "source_phrases", "company_possessions",
                 "company_parts", "described_kinds")


def _context_patterns(data: dict) -> tuple[re.Pattern, ...]:
    """The regexes of the context signals (organizations.yml, `context`), each with a `name` group."""

    def words(key: str) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(data[key], key=len, reverse=True))

    not_a_person = rf"(?![ \t]+(?:{words('person_after')})\b)"
    return (
        # "Debswana, the joint venture", "Sovcomflot, Russia's largest shipping group",
        # "the Umbrella for Democratic Change (UDC), a coalition"
        re.compile(rf"(?P<name>{_opening(_BARE_WITH_INNER)}){_ACRONYM_AFTER},[ \t]+(?:the|a|an|its|{_CAPITALISED}['’]s)"
                   rf"[ \t]+(?:[\w'’-]+[ \t]+){{0,4}}?(?:{words('appositive_nouns')})\b{not_a_person}"),
        # "Iberdrola chairman Ignacio Sánchez Galán"
        re.compile(rf"(?P<name>{_opening(_BARE_WHOLE)})[ \t]+(?:{words('officer_titles')})[ \t]+{_CAPITALISED}"),
        # "the Hlas party", "the ruling Georgian Dream party" ("the" at a word's start, written literal first)
        re.compile(rf"the(?<!\wthe)[ \t]+(?:[a-z][a-z-]+[ \t]+){{0,2}}?(?P<name>{_BARE_WHOLE})[ \t]+(?:{words('kind_nouns')})\b"
                   rf"{not_a_person}"),
        # "data from Kpler", "analysts at Capital Economics", "head of research at Sandgate Capital",
        # "the network operated by Uztransgaz"
        re.compile(rf"\b{_opening_letters(data['source_phrases'])}(?i:{words('source_phrases')})[ \t]+(?P<name>{_BARE})"),   # "Economists at …" too
        # "ASML's China sales", "facilities of Ukrgasvydobuvannya": what only a company has
        re.compile(rf"(?P<name>{_opening(_CAPITALISED)}(?:[ \t]+{_CAPITALISED})?)['’]s[ \t]+(?:[\w-]+[ \t]+){{0,2}}?"
                   rf"(?:{words('company_possessions')})\b"),
        re.compile(rf"\b(?:{words('company_parts')})[ \t]+of[ \t]+(?P<name>{_BARE})"),
        # "the INDEC national statistics bureau", "the KADEX exhibition", "GPIAAF, the rail accident investigation
        # office": an acronym the text describes as a kind of body
        re.compile(rf"(?:the(?<!\wthe)[ \t]+(?:[a-z][a-z-]+[ \t]+){{0,2}}?(?P<name>{_SHAPED_ACRONYM})[ \t]+(?:{_DESCRIBING_WORD}[ \t]+){{0,2}}?"
                   rf"|(?P<named>{_SHAPED_ACRONYM}),[ \t]+the[ \t]+(?:{_DESCRIBING_WORD}[ \t]+){{0,3}}?)(?:{words('described_kinds')})\b"
                   rf"{not_a_person}"),
    )


def _context_anchors(data: dict) -> dict[str, tuple[int, ...]]:
    """Each context signal's anchors (the longest word of each of its key words, in lower case) -> the
    signals (their indices in _CONTEXT_KEYS) it anchors. A case-insensitive signal also takes "ı" and "ſ",
    the letters its match may fold onto an "i" and an "s" that lower case leaves as they are."""
    signals: dict[str, set[int]] = {}
    for index, key in enumerate(_CONTEXT_KEYS):
        words = {max(phrase.lower().split(), key=len) for phrase in data[key]}
        for word in words | ({"ı", "ſ"} if key in _CASELESS_CONTEXT_KEYS else set()):
            signals.setdefault(word, set()).add(index)
    return {word: tuple(sorted(indices)) for word, indices in signals.items()}


# The signals whose key words _context_patterns matches in any case.
_CASELESS_CONTEXT_KEYS = frozenset({"source_phrases"})


_SHAPED_ACRONYM = r"[A-Z][A-Z0-9&]+(?![\w'’&-])"
# A word of a body's description ("national statistics", "rail accident investigation"): no verb's or
# sentence's small word ("the FDA posts the company's …", "the ANKA fleet already in service").
_DESCRIBING_WORD = (r"(?!(?:the|a|an|its|their|in|of|on|at|to|for|by|with|from|and|or|as|is|was|has|had|have|been|be|"
                    r"already|also|now|not|which|that|who)\b)[a-z][a-z-]+")


# "Iberdrola, Endesa and Naturgy": names listed beside a body found are bodies too.
_LIST = re.compile(rf"(?P<items>{_BARE_WHOLE}{_ACRONYM_AFTER}(?:(?:,[ \t]+{_BARE_WHOLE}{_ACRONYM_AFTER})+,?|)[ \t]+and[ \t]+"
                   rf"{_BARE})")
_LIST_ITEM = re.compile(rf"(?P<name>{_BARE}){_ACRONYM_AFTER}")
_CLOSED_LIST = re.compile(rf"(?P<items>{_BARE_WHOLE}{_ACRONYM_AFTER}(?:,[ \t]+{_BARE_WHOLE}{_ACRONYM_AFTER})+),?[ \t]+(?:and|or)[ \t]+"
                          r"(?:all[ \t]+|many[ \t]+|several[ \t]+|the[ \t]+)?other[ \t]+[a-z-]+s\b")


def _named_by_context(body: str, found: list[tuple[int, str]], taken: list[tuple[int, int]],
                      person_words: set[str], people: set[str], taxonomy: Taxonomy, outlet: str | None,
                      lex: OrganizationLexicon):
    """(start, name) for bare names that what surrounds them shows to be bodies: an appositive naming
    the kind of body, an officer's title after the name, "the <name> party", "data from <name>", or a
    place in a list beside a body already found. A name that is a person's, a country's, a region's or
    an outlet's, or a word that only starts a sentence, is none; but one a person works at ("an analyst at
    Nordlicht Shipbroking") is a body even when it was taken for a person."""
    not_orgs, outlets = lex.not_organizations, lex.outlets
    known = {name for _, name in found}

    def plausible(name: str, start: int, may_start_a_sentence: bool, workplace: bool = False) -> bool:
        words = name.split()
        if len(words) == 1 and any(other.startswith(name + " ") for other in known):
            return False      # "Kalvara's shareholders" after "Kalvara Copper Corp.": the short form
        if words[0] in _SENTENCE_WORDS or words[-1] in _SENTENCE_WORDS \
                or any(w in person_words for w in words) and not (workplace and name in people):
            return False
        if name in not_orgs or name in outlets or name == outlet or any(map(_is_role_word, words)) \
                or words[0] in lex.common_acronyms \
                or any(_COMPOUND_ADJECTIVE.fullmatch(w) for w in words):
            return False      # "Uzbekistan's Minister", "Iran-backed"
        countries = country_mentions(name, taxonomy)
        if _REGION_ADJECTIVE.search(words[-1]) or countries and countries[-1].end == len(name) \
                or lex.words.intersection(words):
            return False      # "Eastern European", "Russian", "Chinese Group": a region, a country, a head word
        if may_start_a_sentence or len(words) > 1 or _SHAPED_AS_A_NAME.fullmatch(name):
            return True
        return not _at_sentence_start(body, start) or _capitalised_elsewhere(body, name, start)

    def bare(name: str, start: int) -> tuple[int, str]:
        owner = _OWNER.match(name)
        if owner and _country_code(owner.group("owner"), taxonomy):
            name, start = name[owner.end():], start + owner.end()     # "Hungary's MVM" -> "MVM"
        if name.startswith("The "):
            name, start = name[4:], start + 4
        first, _, rest = name.partition(" ")
        if rest and _at_sentence_start(body, start) and not _capitalised_elsewhere(body, first, start):
            name, start = rest, start + len(first) + 1     # "- Combines Kalvara's mine": a verb opens the line
        return start, name

    results = []
    lowered = body.lower()
    held = lex.context_words_held.held(lowered)
    signal_lines = _lines_of_signals(body, lex)
    for pattern, needs, lines, may_start_a_sentence in zip(lex.context_patterns, lex.context_words, signal_lines,
                                                           (False, True, True, True, False, True, True)):
        if held.isdisjoint(needs):
            continue
        for match in _matches_on_lines(pattern, body, lines):
            group = "name" if match.group("name") else "named"
            start, name = bare(match.group(group), match.start(group))
            workplace = body[match.start():match.start("name")].rstrip().endswith(" at")
            if name and not any(a <= start < b for a, b in taken) \
                    and plausible(name, start, may_start_a_sentence, workplace):
                results.append((start, name))
                known.add(name)
    if "'s " in body or "’s " in body:
        for match in _COUNTRYS_NAME.finditer(body):
            # "Norway's DNO", "Germany's Hapag-Lloyd", "Denmark's AP Moller-Maersk": a country's name shaped
            # as no ordinary word is ("Russia's Putin", "China's Hebei" are words of any shape).
            start, name = match.start("name"), match.group("name")
            owner = _OWNER_BEFORE.search(body, max(0, match.start() - 40), match.start())
            place = _PLACE_NOUN.match(name.rsplit(" ", 1)[-1].lower()) or _PLACE_NOUN_AFTER.match(body, match.end())
            if owner and not place and name not in known and not any(a <= start < b for a, b in taken) \
                    and _country_code(owner.group("owner"), taxonomy) and plausible(name, start, False):
                results.append((start, name))
                known.add(name)
    endings = list(lex.company_ending_re.finditer(body)) if any(e in lowered for e in lex.company_endings) else []
    places = {m.group() for m in endings if _IN_A_PLACE.search(body, max(0, m.start() - 16), m.start())}
    for match in endings:
        # "Srbijagas", "Bulgartransgaz", "Rosatom": a word built on an energy company's ending, never one
        # the text puts a place's preposition before ("off Burgas"); known to no list it might vouch for.
        start, name = match.start(), match.group()
        if name not in known and name not in places and not any(a <= start < b for a, b in taken) \
                and not _FIRST_NAME_BEFORE.search(body, max(0, start - 30), start) and plausible(name, start, False):
            results.append((start, name))
    for match in _LIST.finditer(body):
        items = [bare(m.group("name"), m.start("name") + match.start()) for m in _LIST_ITEM.finditer(match.group("items"))]
        # Two names joined by "and" are one body when the second holds its head word ("Justice and
        # Development Party"): only a known first one vouches for the second.
        vouching = items[:1] if len(items) == 2 else items
        # "US firms such as Applied Materials, Lam Research and KLA": what opens the list vouches for all.
        opened = lex.list_opener_re.search(body, max(0, match.start() - 40), match.start())
        if not opened and not any(name in known for _, name in vouching):
            continue
        for start, name in items:
            if name not in known and not any(a <= start < b for a, b in taken) and plausible(name, start, False):
                results.append((start, name))
    if " other " in body:
        for match in _CLOSED_LIST.finditer(body):
            # "Vodacom, MTN, Cell C, Telkom, Rain and all other licensees": what closes the list vouches for all.
            for item in _LIST_ITEM.finditer(match.group("items")):
                start, name = bare(item.group("name"), item.start("name") + match.start())
                if name not in known and not any(a <= start < b for a, b in taken) and plausible(name, start, False):
                    results.append((start, name))
                    known.add(name)
    return results


def _lines_of_signals(body: str, lex: OrganizationLexicon) -> list[list[tuple[int, int]]]:
    """For each context signal, the (start, end) of the body's lines that hold one of its anchors, left to
    right, each end past the line's break. No signal's match crosses a line, and each holds an anchor."""
    starts = [0]
    at = body.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = body.find("\n", at + 1)
    ends = starts[1:] + [len(body)]
    held: list[set[int]] = [set() for _ in _CONTEXT_KEYS]
    for start, anchor in lex.context_anchors.where(lowercase_keeping_offsets(body)):
        line = bisect_right(starts, start) - 1
        for signal in lex.context_anchor_signals[anchor]:
            held[signal].add(line)
    return [[(starts[line], ends[line]) for line in sorted(lines)] for lines in held]


def _matches_on_lines(pattern: re.Pattern, text: str, lines: list[tuple[int, int]]):
    """pattern.finditer(text) for a pattern whose matches hold no line break, tried only on `lines` ((start,
    end) of whole lines, left to right, each end past its break: what the pattern sees around a match is
    what it sees in the whole text)."""
    for start, end in lines:
        yield from pattern.finditer(text, start, end)


def _named_after_a_country(body: str, phrases: list[tuple[int, int, str]], found: list[tuple[int, str]],
                           taken: list[tuple[int, int]], person_words: set[str], taxonomy: Taxonomy,
                           outlet: str | None, lex: OrganizationLexicon):
    """(start, name) for a name that is a word or two and then a country's name, as national companies,
    subsidiaries and agencies are named ("Air India", "Statistics Netherlands", "Health Canada", "Beeline
    Uzbekistan"): not a region ("South Australia", "Mainland China"), a demonym ("Two Israeli"), a sentence's
    first words or a headline's."""
    known = {name for _, name in found}
    for start, end, phrase in phrases:
        words = phrase.split()
        if not 2 <= len(words) <= 4 or len(words[-1]) < 4 or phrase in known or has_head_word(phrase, lex):
            continue
        countries = country_mentions(phrase, taxonomy)
        if not countries or countries[-1].end != len(phrase) or not countries[-1].start:
            continue
        if any(a <= start < b for a, b in taken) or _at_sentence_start(body, start) or _headline_like(body, start, end):
            continue
        before = phrase[:countries[-1].start].split()
        surface = countries[-1].surface
        if _REGION_ADJECTIVE.search(surface.removesuffix("s")) or surface.endswith("i") \
                and surface != taxonomy.country_label(countries[-1].value):
            continue      # "Two Israeli", "Karabakh Armenians": a demonym, not the country's name
        if any(w in _SENTENCE_WORDS or w in lex.place_qualifiers or w in person_words or w in _MINOR or _is_role_word(w)
               or _REGION_ADJECTIVE.search(w) for w in before) or country_mentions(" ".join(before), taxonomy):
            continue
        if phrase in lex.not_organizations or phrase in lex.outlets or phrase == outlet:
            continue
        known.add(phrase)
        yield start, phrase


def _headline_like(body: str, start: int, end: int) -> bool:
    """Whether a phrase stands on a line most of whose words are capitalised: a headline's or a menu's."""
    line_end = body.find("\n", end)
    words = re.findall(r"[^\W\d_]+", body[body.rfind("\n", 0, start) + 1:line_end if line_end >= 0 else len(body)])
    return bool(words) and sum(w[0].isupper() for w in words) > 0.6 * len(words)


# "Juan Vargas": a capitalised word (no possessive: "Romania's Transgaz") right before a surname.
_FIRST_NAME_BEFORE = re.compile(r"(?<![\w'’.&-])[A-Z][\w-]*[ \t]+$")
# "in Burgas", "the islands of Miangas": a place's preposition or noun before a word.
_IN_A_PLACE = re.compile(r"\b(?:in|at|near|off|outside|around|(?:islands?|ports?|city|town|province|region|village|"
                         r"district) of)[ \t]+$")
# "CMOC", "QatarEnergy", "Hapag-Lloyd": a shape no ordinary word has, even first in a sentence.
_SHAPED_AS_A_NAME = re.compile(r"[A-Z]{2,}[A-Z0-9]*|[A-Z][a-z]+[A-Z]\w*|[A-Z][a-z]+-[A-Z]\w*")
# "Zambia's North-Western Province", "Kuwait's Al-Udairi training area": a place, named with its noun.
_PLACE_NOUN = re.compile(r"(?:area|region|province|district|county|state|city|town|village|prefecture|governorate|"
                         r"oblast|territory|field|fields|basin|port|coast|valley|river|island|islands|base|airport|"
                         r"strait|sea|mountains|desert|border|camp|zone)$")
_PLACE_NOUN_AFTER = re.compile(r"[ \t]+(?:[a-z-]+[ \t]+)?(?:area|region|province|district|county|state|city|town|village|"
                               r"prefecture|governorate|oblast|territory|field|fields|basin|port|coast|valley|river|"
                               r"island|islands|base|airport|strait|sea|mountains|desert|border|camp|zone)\b")
# "Norway's DNO", "Denmark's AP Moller-Maersk": a country's possessive, then a name of that shape.
# Written possessive first, the owner read back from before it: the engine skips to the next "'s" in one scan.
_COUNTRYS_NAME = re.compile(rf"['’]s[ \t]+(?P<name>(?:{_SHAPED_AS_A_NAME.pattern})(?![\w'’&-])(?:[ \t]+{_CAPITALISED}){{0,2}})"
                            rf"(?![\w'’&-]|[ \t]+[A-Z])")
_OWNER_BEFORE = re.compile(rf"(?<![\w'’.&-])(?P<owner>{_CAPITALISED}(?:[ \t]+{_CAPITALISED})?)$")
_COMPOUND_ADJECTIVE = re.compile(r"\w+-[a-z]+")
_OWNER = re.compile(r"(?P<owner>[A-Z][\w-]*(?:\s[A-Z][\w-]*)?)['’]s\s+")
_REGION_ADJECTIVE = re.compile(r"(?:ern|ean|ian|ese|ish)$")


_DEPARTMENT_FIELDS = frozenset({"Commerce", "State", "Justice", "Defense", "Energy", "Labor", "Agriculture",
                                "Education", "Interior", "Transportation", "Health", "Finance", "Treasury"})
# "the Federal Ministry of Health": words that say a body is the nation's, not a state's or a province's.
_NATIONAL_ADJECTIVES = frozenset({"Federal", "National", "Royal", "State", "Union", "Central", "Imperial"})
_SENTENCE_WORDS = _MONTHS_AND_DAYS | {"The", "A", "An", "In", "On", "At", "But", "And", "It", "Its", "This", "That",
                                      "He", "She", "They", "We", "Mr", "Ms", "Mrs", "Dr", "Both", "All", "Some", "Most",
                                      "Such", "However", "Meanwhile", "Earlier", "Later"}


_SENTENCE_OPENING = re.compile(r"(?:[.!?:]['\"”’]?|\n|^)[ \t]*(?:[-•*–][ \t]*)?$")


def _at_sentence_start(body: str, start: int) -> bool:
    """Whether a word at `start` opens a sentence, a line or a list item, where any word is capitalised."""
    return start == 0 or bool(_SENTENCE_OPENING.search(body[max(0, start - 4):start]))


def _capitalised_elsewhere(body: str, name: str, start: int) -> bool:
    """A sentence's first word is capitalised anyway: it counts as a name only when the text capitalises
    it elsewhere too, away from a sentence start."""
    for match in re.finditer(rf"(?<=[\w,;–—-] ){re.escape(name)}\b", body):
        if match.start() != start:
            return True
    return False
