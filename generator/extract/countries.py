"""Countries: every country that acts or is substantively mentioned, as alpha-2 codes.

Names, demonyms, capitals and abbreviations come from data/countries.yml plus the taxonomy's aliases.
Places inside multinational organisations' names ("Shanghai Cooperation Organization") and regions
("South China Sea") are masked first; datelines and junk are already gone after cleaning. The main
countries weigh what the page says of itself (its outlet, addresses and dateline) and the headline's
shape against how often the text names each (tables in data/main_countries.yml).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from generator import resources
from generator.gazetteer import Gazetteer, Match
from generator.spellings import fold
from generator.taxonomy import Taxonomy

# Names that hold a country's name but are not that country.
_MASKED_NAMES = (
    "Shanghai Cooperation Organization", "Shanghai Cooperation Organisation", "Bank of China",
    "Organization of Turkic States", "South China Sea", "East China Sea", "Indian Ocean", "Turkic Council",
    "Asian Infrastructure Investment Bank", "Commonwealth of Independent States", "Gulf Cooperation Council",
    "Arab League", "League of Arab States", "Persian Gulf", "American Chamber of Commerce",
    "Azerbaijan Airlines", "China Daily", "Air China", "China Southern", "Turkish Airlines",
    "Russian Railways", "Silk Way", "Korean Peninsula", "Latin America", "Latin American",
    "Sea of Japan", "Gulf of Oman", "Gulf of Aden", "Sea of Azov", "U.S. dollars", "U.S. dollar", "US dollars",
    "US dollar", "American dollar", "Chinese yuan", "Turkish lira", "Russian rubles", "Russian roubles",
    "US$", "U.S.$", "A$", "C$", "HK$", "NZ$", "S$",
)
# A place name that starts a company's or institute's name ("China Great Wall Industry Corporation",
# "Stockholm International Peace Research Institute") is part of that name, not the country.
_INSIDE_BODY_NAME = re.compile(
    r"(?:\s+[A-Z][\w&'’.-]*){0,5}?\s+(?:Corporation|Company|Industries|Industry Corporation|Group|Airlines|Airways|"
    r"Railways|Bank|Holding|Institute|University|Daily|Times|Post|Television|Radio|Shipyard|Motors|Technologies|"
    r"Systems|Works|Corp|Inc|Ltd|"
    # "Paris Agreement", "Minsk Protocol", "Paris Club": a treaty, process or club named after a place.
    r"Agreement|Agreements|Accord|Accords|Protocol|Convention|Declaration|Charter|Club|Process|Format|Principles)\b"
)
# A capital joined by dashes to other places names a route ("Baku–Tbilisi–Ceyhan pipeline").
_ROUTE = re.compile(r"[–—-]\s?[A-Z]")


@lru_cache(maxsize=1)
def _country_forms() -> tuple[tuple[str, str], ...]:
    """Every name, demonym, capital and abbreviation of data/countries.yml -> its country's code."""
    # with the lower-case adjectives of the other languages (data/demonyms.yml: "marroquí", "sénégalais")
    return tuple((form, str(code)) for code, forms in resources.load_data("countries.yml").items()
                 for kind in ("names", "demonyms", "capitals", "abbreviations") for form in forms.get(kind) or []) \
        + tuple((form, str(code)) for code, forms in resources.load_data("demonyms.yml")["demonyms"].items()
                for form in forms)


@lru_cache(maxsize=1)
def _region_forms() -> tuple[tuple[str, str], ...]:
    """First-level regions of ISO 3166-2 -> their country's code (data/regions.yml says which count): a
    name held by regions of two countries, or that is a country's own name or capital, is left out."""
    import pycountry     # imported here: its subdivisions take a tenth of a second to load
    table = resources.load_data("regions.yml")
    kinds, common = frozenset(table["kinds"]), frozenset(table["common_words"])
    own = {form for form, _ in _country_forms()}
    codes: dict[str, set[str]] = {}
    for region in pycountry.subdivisions:
        if region.parent_code is not None or region.type not in kinds:
            continue
        name = _BRACKETED.sub("", region.name).strip()
        for form in {name, fold(name)}:
            if len(form) >= 4 and not any(ch.isdigit() or ch in ",[" for ch in form):
                codes.setdefault(form, set()).add(region.country_code)
    return tuple((form, next(iter(held))) for form, held in sorted(codes.items())
                 if len(held) == 1 and form not in own and form not in common)


_BRACKETED = re.compile(r"\s*\(.*\)$")


@lru_cache(maxsize=8)
def _gazetteer(extra: tuple[tuple[str, str], ...]) -> Gazetteer[str | None]:
    return Gazetteer([*_country_forms(), *extra, *((name, None) for name in _MASKED_NAMES)])


def region_country(text: str) -> str | None:
    """The country of the first region a short text names ("Premier of Ontario", "Iowa Governor"): in a
    role, a region is the state's part the post serves."""
    return next((m.value[1] for m in _places_gazetteer().find(text) if m.value[0] == "region"), None)


@lru_cache(maxsize=1)
def _translated_forms() -> tuple[tuple[str, str], ...]:
    """Countries' names in the languages of months.yml's pages ("Azerbaiyán", "Azerbaïdjan", "Азербайджан"),
    as pycountry's translations of ISO 3166-1 give them; the English forms stay countries.yml's."""
    import gettext
    import pycountry     # imported here: a tenth of a second to load
    own = {form for form, _ in _country_forms()}
    # "Island" (Iceland in Swedish, Czech, Estonian), "Kina" (China in Swedish): English words or a
    # currency, dropped by countries.yml's not_in_other_languages
    own |= {form for entry in resources.load_data("countries.yml").values()
            for form in entry.get("not_in_other_languages") or []}
    forms: dict[str, set[str]] = {}
    extra = resources.load_data("country_names.yml")
    for code, written in (extra.get("forms") or {}).items():
        for form in written:
            forms.setdefault(form, set()).add(code)
    for language in [*resources.load_data("months.yml")["months"], *extra["languages"]]:
        if language == "en":
            continue
        try:
            names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:
            continue      # no translation of the country names in this language
        for country in pycountry.countries:
            for english in {country.name, getattr(country, "common_name", country.name)}:
                name = names.gettext(english)
                # (two letters name a country in the scripts written without spaces: "中国", "日本")
                shortest = 2 if name[:1] >= "\u3040" else 4
                if name != english and len(name) >= shortest and "," not in name and "(" not in name:
                    for form in (name, *_declined(name, language)):
                        forms.setdefault(form, set()).add(country.alpha_2)
    return tuple((form, next(iter(codes))) for form, codes in sorted(forms.items()) if len(codes) == 1 and form not in own)


def _declined(name: str, language: str) -> tuple[str, ...]:
    """The other cases of a one-word country name in a language of data/declensions.yml ("Россия" ->
    "России", "Россию", "Россией"; "Україна" -> "України"; "Србија" -> "Србије"), else none."""
    rules = resources.load_data("declensions.yml").get(language)
    if not rules or any(mark in name for mark in " -'’"):
        return ()
    for ending, replacements in rules["endings"].items():
        if name.endswith(ending):
            stem = name[:-len(ending)]
            return tuple(stem + replacement for replacement in replacements)
    if name[-1] in rules["consonants"]:
        return tuple(name + ending for ending in rules["after_consonant"])
    return ()


@lru_cache(maxsize=1)
def _places_gazetteer() -> Gazetteer[tuple[str, str]]:
    """Regions and the countries' names in other languages, in one pass over a paragraph."""
    return Gazetteer([*((form, ("region", code)) for form, code in _region_forms()),
                      *((form, ("country", code)) for form, code in _translated_forms())])


def named_in_other_languages(text: str) -> list[Match[tuple[str, str]]]:
    """The countries' names in the other languages a text holds ("Азербайджана", "Beograd" is no country)."""
    return [m for m in _places_gazetteer().find(text) if m.value[0] == "country"]


def _taxonomy_names(taxonomy: Taxonomy) -> tuple[tuple[str, str], ...]:
    # Keyed by the taxonomy file's hash: the country aliases of one taxonomy are listed once.
    names = _NAMES_BY_DIGEST.get(taxonomy.digest)
    if names is None:
        names = tuple(
            (alias, code) for code, term in taxonomy.countries.items() for alias in (term.label, *term.aliases)
        )
        if taxonomy.digest:
            _NAMES_BY_DIGEST[taxonomy.digest] = names
    return names


_NAMES_BY_DIGEST: dict[str, tuple[tuple[str, str], ...]] = {}


def country_mentions(text: str, taxonomy: Taxonomy) -> list[Match[str]]:
    """Country mentions in text, masked names, company names and routes left out."""
    if len(text) <= 200:        # roles and short windows recur: their answer is cached
        return list(_short_mentions(text, _taxonomy_names(taxonomy)))
    return _mentions(text, _taxonomy_names(taxonomy))


@lru_cache(maxsize=4096)
def _short_mentions(text: str, names: tuple[tuple[str, str], ...]) -> tuple[Match[str], ...]:
    return tuple(_mentions(text, names))


def _mentions(text: str, names: tuple[tuple[str, str], ...]) -> list[Match[str]]:
    capitals = _capitals()
    found = []
    for m in _gazetteer(names).find(text):
        if m.value is None or _INSIDE_BODY_NAME.match(text, m.end):
            continue
        if m.surface in capitals and (_ROUTE.match(text, m.end) or _ROUTE_BEFORE.search(text[max(0, m.start - 3):m.start])):
            continue
        if m.surface in _given_names() and _FAMILY_NAME_AFTER.match(text, m.end):
            continue      # "Jordan Whitford", "Chad Hughes": a first name
        if m.surface in _demonyms() and _spoken(text, m.start, m.end):
            continue      # "told supporters in both French and English", "a Russian-language daily": a language
        found.append(m)
    return found


_ROUTE_BEFORE = re.compile(r"[A-Za-z][–—-]\s?$")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")
_NAME_BEFORE = re.compile(r"(?<![.!?:]\s)(?<!^)\b[A-Z][\w'’-]*\s+$")     # tried on the 40 characters before


def _inside_a_name(text: str, match: Match) -> bool:
    """Whether a place's name stands beside a capitalised word, as part of a person's or a body's name
    ("Mauricio Macri", "Leeds United"), not alone."""
    return bool(_NAME_AFTER.match(text, match.end) or _NAME_BEFORE.search(text, max(0, match.start - 40), match.start))


# A capitalised word after a country's name that is also a first name, not a place's or a body's word.
_FAMILY_NAME_AFTER = re.compile(r"\s+(?!(?:River|Valley|Basin|Sea|Lake|Strait|Tech|State|Army|Government|National|"
                                r"Armed|Air|Navy|Ministry|Foreign|Defence|Defense|Embassy|Republic|Kingdom)\b)[A-Z][a-z]")


_LANGUAGE_BEFORE = re.compile(r"\b(?:in|speak|speaks|spoke|speaking|fluent|both|into|from|and|or)\s+$")
_LANGUAGE_AFTER = re.compile(r"[-\s](?:language|speaking|speakers?|translation|subtitles|dubbed)\b"
                             r"|\s*(?:[,.;:)]|$)|\s+(?:and|or)\s+(?:English|French|Spanish|Russian|Arabic|German|Chinese|Portuguese)\b")


def _spoken(text: str, start: int, end: int) -> bool:
    """Whether a demonym names a language: "-language", "-speaking", or after "in", "speak", "both" where no
    noun follows it ("in both French and English", "spoke in Russian.", not "in Russian airspace")."""
    after = _LANGUAGE_AFTER.match(text, end)
    if after and after.group().lstrip(" -")[:1].isalpha() and after.group().lstrip(" -")[0].islower():
        return True       # "-language", " speakers"
    return bool(after) and bool(_LANGUAGE_BEFORE.search(text[max(0, start - 12):start]))


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(d for forms in resources.load_data("countries.yml").values() for d in forms.get("demonyms") or []
                     if not d.endswith(("'s", "’s")))


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Country names that are first names too (countries.yml's given_names): "Jordan", "Chad", "Georgia"."""
    return frozenset(n for forms in resources.load_data("countries.yml").values() for n in forms.get("given_names") or [])


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(c for forms in resources.load_data("countries.yml").values() for c in forms.get("capitals") or [])


# A line of prose ends as a sentence does; menus, "Read next" headline lists, tickers and credit lines
# ("Reporting by … in London; Editing by …") do not, and the countries in them are not the article's.
_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]。！？」）]\s*$")
_TICKER = re.compile(r"\s[|•·]\s.*\s[|•·]\s")
_SENTENCE_END_MARKS = frozenset(".!?…:;\"”’»)]。！？」）")


def is_prose_line(line: str) -> bool:
    """Whether a body line is running text whose countries count (not navigation or a list of links)."""
    line = line.strip()
    words = len(line.split())
    if words < 4 and line and line[-1] in "。！？":
        words = len(line) // 2     # Chinese and Japanese write no spaces: two letters for a word
    if words < 4 or ("|" in line or "•" in line or "·" in line) and _TICKER.search(line):
        return False
    # A long run of words is text even when a wrapped line cut it before its stop; a headline is short.
    # (The line is stripped: _SENTENCE_END finds its stop exactly when the stop is its last character.)
    return line[-1] in _SENTENCE_END_MARKS or words >= 25


# A hard-wrapped line (a PDF, a narrow column) goes on into the next one when it ends on a comma or a
# word no sentence ends on, or when the next line starts in lower case or with a digit.
_UNFINISHED = re.compile(r"(?:,|\b(?:the|a|an|of|and|or|to|in|on|at|for|with|by|from|between|that|which|"
                         r"The|Mr\.|Mrs\.|Ms\.|Dr\.|H\.E\.))\s*$")
_CONTINUES = re.compile(r"\s*[a-z\d(]")


def paragraphs(body: str) -> list[str]:
    """The body's lines, with hard-wrapped pieces of one sentence joined again."""
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    joined: list[str] = []
    for line in lines:
        if joined and not _SENTENCE_END.search(joined[-1]) and (
                _UNFINISHED.search(joined[-1]) or _CONTINUES.match(line)):
            joined[-1] += " " + line
        else:
            joined.append(line)
    return joined


def prose_places(body: str, taxonomy: Taxonomy) -> tuple[list[Match[str]], list[Match[str]]]:
    """(country mentions, region mentions) in the body's prose only, offsets within each paragraph: a
    country's name inside a region's ("New Mexico") is the region's, and a region's name inside a person's
    or a body's ("Ahmet Hamdi Kara", "Ararat Mirzoyan", "Iowa State University") is neither."""
    countries, regions = [], []
    # "Jordan Whitford covers city hall … Read more about Jordan.": a first name the text gives a person is
    # that person's wherever it stands alone
    first_names = {name for name in _given_names() if name in body
                   and re.search(rf"\b{name}{_FAMILY_NAME_AFTER.pattern}", body)}
    for text in paragraphs(body):
        if not is_prose_line(text):
            continue
        named = _places_gazetteer().find(text)
        spans = [(m.start, m.end) for m in named if m.value[0] == "region"]
        countries += [m for m in country_mentions(text, taxonomy) if m.surface not in first_names
                      and not any(start <= m.start and m.end <= end and (start, end) != (m.start, m.end)
                                 for start, end in spans)]
        for m in named:
            if _inside_a_name(text, m):
                continue      # "Mauricio Macri" is a name, not Mauritius
            # "Azerbaiyán" on a Spanish page counts as the country; "Iowa" as the region
            (regions if m.value[0] == "region" else countries).append(Match(m.start, m.end, m.surface, m.value[1]))
    return countries, regions


@lru_cache(maxsize=1)
def _cities_gazetteer() -> Gazetteer[str]:
    # A city named as a country, a capital or a region is theirs already (the other tables find it).
    known = {form for form, _ in (*_country_forms(), *_region_forms())} | _capitals()
    table = resources.load_data("cities.yml")["cities"]
    return Gazetteer([(name, code) for name, code in table.items() if name not in known])


def city_country(body: str) -> str | None:
    """The one country whose large cities the body's prose names ("Leeds", "Pittsburgh"), else None: the
    cities of two countries leave it unsaid. A city's name before a capitalised word is a person's or a
    body's ("Austin Reed", "Leeds United")."""
    codes = {m.value for text in paragraphs(body) if is_prose_line(text) for m in _cities_gazetteer().find(text)
             if not _inside_a_name(text, m)}
    return next(iter(codes)) if len(codes) == 1 else None


@dataclass(frozen=True)
class PageClues:
    """What a page says of where it is from, beside its text: the outlet it names (extract/source.py),
    its dateline ("SOFIA, March 4 (BTA) -") and the page as read, whose addresses end in a country's code."""

    outlet: str | None = None
    dateline: str | None = None
    page: str = ""


@dataclass(frozen=True)
class _MainCountryTable:
    """data/main_countries.yml, as the code reads it."""

    domains: dict[str, str]         # a host name's last part -> its country ("fi" -> FI, "uk" -> GB)
    joiners: frozenset[str]         # lower-case words that leave a headline's subject open ("of", "and")
    breaks: re.Pattern[str]         # where a headline's new part starts (": ", " – ")
    outlet_share: float             # how often, against the headline's lead, the outlet's country is named


@lru_cache(maxsize=1)
def _main_country_table() -> _MainCountryTable:
    table = resources.load_data("main_countries.yml")
    domains = {str(code).lower(): str(code) for code in resources.load_data("countries.yml")}
    domains.update({tld: str(code) for tld, code in table["domain_countries"].items()})
    for tld in table["vanity_domains"]:
        domains.pop(tld, None)
    return _MainCountryTable(domains, frozenset(table["subject_joiners"]), re.compile(table["headline_breaks"]),
                             float(table["outlet_over_headline"]))


# "lhj@koreatimes.co.kr", "www.yle.fi/news", "Kun.uz": a host name whose last part is a country's code.
# Its parts are taken whole (possessive): a part cut short is followed by a character of the part, never
# by the dot that must follow it, so every word of the page is read once instead of at each length.
_ADDRESS = re.compile(r"(?<![\w.-])[\w-]++(?:\.[\w-]++)*\.([a-z]{2})(?![\w-])(?!\.\w)")


@lru_cache(maxsize=8)
def _unmasked_gazetteer(names: tuple[tuple[str, str], ...]) -> Gazetteer[str]:
    # An outlet's name is read whole: "The Korea Times", "China Daily" name the outlet's country.
    return Gazetteer([*_country_forms(), *names])


def outlet_country(clues: PageClues, taxonomy: Taxonomy) -> str | None:
    """The country of the page's outlet: the one its name holds ("The Korea Times", "Philippine News
    Agency"), else the one the page's own addresses end in most often (".fi", ".co.kr")."""
    if clues.outlet:
        named = _unmasked_gazetteer(_taxonomy_names(taxonomy)).find(clues.outlet)
        if named:
            return named[0].value
    domains = _main_country_table().domains
    found = Counter(code for m in _ADDRESS.finditer(clues.page) if (code := domains.get(m.group(1))))
    return found.most_common(1)[0][0] if found else None


def dateline_country(dateline: str | None, taxonomy: Taxonomy) -> str | None:
    """The country of the place a story was filed from ("KUALA LUMPUR (Sept 4):", "Sofia, March 4 (BTA)")."""
    if not dateline:
        return None
    place = re.sub(r"\b[A-Z][A-Z'’.-]+\b", lambda word: word.group().title(), dateline)
    found = country_mentions(place, taxonomy)
    return found[0].value if found else None


def _leading(headline: str, mentions: list[Match[str]]) -> list[str]:
    """The headline's countries that lead its sentence: those before any lower-case word but the ones
    joining a subject's parts. "Foreign Ministry summons Russian envoy" is led by no country; a pair that
    opens the headline's countries is led by its first ("the Azerbaijan-Türkiye Military Dialogue", "ties
    between Azerbaijan and China")."""
    table = _main_country_table()
    lead = []
    for index, match in enumerate(mentions):
        words = table.breaks.split(headline[:match.start])[-1].replace(",", " ").split()
        paired = index == 0 and len(mentions) > 1 and _PAIR.fullmatch(headline[match.end:mentions[1].start])
        if paired or all(not word[0].islower() or word in table.joiners for word in words):
            lead.append(match.value)
    return list(dict.fromkeys(lead))


_PAIR = re.compile(r"\s?[-–—]\s?|(?:['’]s)?\s+(?:and|&)\s+")


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(form for forms in resources.load_data("countries.yml").values()
                     for form in forms.get("capitals") or [])


_AT_A_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$")


def _venues_only(national, body: str, counts: Counter) -> list[str]:
    """The countries the text names once, by their capital, as where something took place ("a meeting in
    Dushanbe", "signed at Copenhagen"): a venue, as a dateline's place, not a country that acts."""
    by_country: dict[str, list] = {}
    for match in national:
        by_country.setdefault(match.value, []).append(match)
    # (the mentions' offsets are within their paragraphs: the capital is looked for again in the body)
    return [code for code, matches in by_country.items() if len(matches) == 1 and counts.get(code) == 1
            and matches[0].surface in _capitals()
            and all(_AT_A_PLACE.search(body, max(0, at.start() - 12), at.start())
                    for at in re.finditer(rf"(?<!\w){re.escape(matches[0].surface)}(?!\w)", body))]


def extract_countries(headline: str | None, body: str, taxonomy: Taxonomy,
                      clues: PageClues | None = None) -> tuple[list[str], list[str]]:
    """(countries, primary_countries): all countries in order of weight, and the 1–3 main ones.

    The main ones, strongest first: the outlet's own country when the text names it (a paper writes
    about its country's dealings, and names its officials without saying whose they are); the
    countries that lead the headline; the country of the dateline's place; the headline's other
    countries; then those the text names most."""
    clues = clues or PageClues()
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    national, regional = prose_places(body, taxonomy)
    # A region names its country only on a page that names no country ("Cass County, Iowa"): beside one,
    # "Meta", "Bursa" or "Guerrero" are as often a company, a city or a name.
    for index, match in enumerate(national or regional):
        counts[match.value] += 1
        first_seen.setdefault(match.value, index)
    if national:
        # Beside named countries, a country's regions named again and again ("Elko County", "Nevada",
        # "Carson City" in a story that names China once) still say where the story is: half a mention each.
        by_country = Counter(match.value for match in regional)
        for code, number in by_country.items():
            if number >= 3:
                counts[code] += number / 2
                first_seen.setdefault(code, len(national))
    headline_mentions = country_mentions(headline or "", taxonomy)
    in_headline = [m.value for m in headline_mentions]
    for code in in_headline:
        counts[code] += 2
        first_seen.setdefault(code, -1)
    outlet = outlet_country(clues, taxonomy) if clues.outlet or clues.page else None
    for code in _venues_only(national, body, counts):
        if code != outlet and any(number >= 2 for other, number in counts.items() if other != code):
            del counts[code]    # "the agreement initialled in Washington": where it happened, as a dateline's place
    if not counts:
        # A page that names no country is about its outlet's ("Manitoba teachers ratify contract"); else
        # about the country whose cities it names ("Leeds", "Pittsburgh"), when they are one country's.
        if outlet:
            return [outlet], [outlet]
        city = city_country(body)
        return ([city], [city]) if city else ([], [])
    ordered = sorted(counts, key=lambda c: (-counts[c], first_seen[c]))
    lead = _leading(headline or "", headline_mentions)
    share = _main_country_table().outlet_share
    front = [outlet] if outlet in counts and (not lead or counts[outlet] >= share * counts[lead[0]]) else []
    front += lead
    filed_from = dateline_country(clues.dateline, taxonomy)
    if filed_from in counts:
        front.append(filed_from)
    front += [code for code in ordered if code in in_headline]
    primary = list(dict.fromkeys(front))[:3]
    top = counts[ordered[0]]
    for code in ordered:
        if len(primary) >= 3:
            break
        if code not in primary and (not primary or counts[code] >= max(3, top * 0.4)):
            primary.append(code)
    return ordered, primary
