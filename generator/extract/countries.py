"""Countries: every country that acts or is substantively mentioned, as alpha-2 codes.

Names, demonyms, capitals and abbreviations come from data/countries.yml plus the taxonomy's aliases.
Places inside multinational organisations' names ("Shanghai Cooperation Organization") and regions
("South China Sea") are masked first; datelines and junk are already gone after cleaning.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from generator import resources
from generator.gazetteer import Gazetteer, Match
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


@lru_cache(maxsize=8)
def _gazetteer(extra: tuple[tuple[str, str], ...]) -> Gazetteer[str | None]:
    entries: list[tuple[str, str | None]] = []
    for code, forms in resources.load_data("countries.yml").items():
        for kind in ("names", "demonyms", "capitals", "abbreviations"):
            entries.extend((form, str(code)) for form in forms.get(kind) or [])
    entries.extend(extra)
    entries.extend((name, None) for name in _MASKED_NAMES)
    return Gazetteer(entries)


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
        found.append(m)
    return found


_ROUTE_BEFORE = re.compile(r"[A-Za-z][–—-]\s?$")


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(c for forms in resources.load_data("countries.yml").values() for c in forms.get("capitals") or [])


# A line of prose ends as a sentence does; menus, "Read next" headline lists, tickers and credit lines
# ("Reporting by … in London; Editing by …") do not, and the countries in them are not the article's.
_SENTENCE_END = re.compile(r"[.!?…:;\"”’»)\]]\s*$")
_TICKER = re.compile(r"\s[|•·]\s.*\s[|•·]\s")


def is_prose_line(line: str) -> bool:
    """Whether a body line is running text whose countries count (not navigation or a list of links)."""
    line = line.strip()
    words = len(line.split())
    if _TICKER.search(line) or words < 4:
        return False
    # A long run of words is text even when a wrapped line cut it before its stop; a headline is short.
    return bool(_SENTENCE_END.search(line)) or words >= 25


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


def prose_mentions(body: str, taxonomy: Taxonomy) -> list[Match[str]]:
    """Country mentions in the body's prose only (offsets are within each paragraph)."""
    return [m for text in paragraphs(body) if is_prose_line(text) for m in country_mentions(text, taxonomy)]


def extract_countries(headline: str | None, body: str, taxonomy: Taxonomy) -> tuple[list[str], list[str]]:
    """(countries, primary_countries): all countries in order of weight, and the 1–3 main ones."""
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for index, match in enumerate(prose_mentions(body, taxonomy)):
        counts[match.value] += 1
        first_seen.setdefault(match.value, index)
    in_headline = [m.value for m in country_mentions(headline or "", taxonomy)]
    for code in in_headline:
        counts[code] += 2
        first_seen.setdefault(code, -1)
    if not counts:
        return [], []
    ordered = sorted(counts, key=lambda c: (-counts[c], first_seen[c]))
    primary = list(dict.fromkeys(in_headline))[:3]
    top = counts[ordered[0]]
    for code in ordered:
        if len(primary) >= 3:
            break
        if code not in primary and (not primary or counts[code] >= max(3, top * 0.4)):
            primary.append(code)
    return ordered, primary
