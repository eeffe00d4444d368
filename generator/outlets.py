"""News outlets (data/outlets.yml): every spelling of each, and the name Briefing shows for it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator import resources


@lru_cache(maxsize=1)
def spellings() -> dict[str, str]:
    """Each spelling an article may use -> the outlet's display name ("REPORT.AZ" -> "Report")."""
    named = {name: outlet["name"] for outlet in resources.load_data("outlets.yml")["outlets"] for name in outlet["names"]}
    # A name of two words or more set in capitals ("EUROPA PRESS", "THE CANADIAN PRESS") is the same outlet's;
    # one word in capitals may be a common word's ("REPORT"), so only the list's own spellings count there.
    shouted = {name.upper(): shown for name, shown in named.items() if " " in name.strip() and name.upper() not in named}
    return {**shouted, **named}


@lru_cache(maxsize=1)
def folded_spellings() -> dict[str, str]:
    """Each spelling, lower-cased -> the outlet's display name."""
    return {name.lower(): shown for name, shown in spellings().items()}


@lru_cache(maxsize=1)
def alternation() -> str:
    """Every spelling as a regular expression alternation, the longest first: where two spellings
    start at one place, the longer is the match."""
    return "|".join(re.escape(name) for name in sorted(spellings(), key=len, reverse=True))


@lru_cache(maxsize=1)
def alternation_trie() -> str:
    """The same spellings as alternation(), factored by their common beginnings ("Trend(?:\\.az| News
    Agency)?"): a pattern that holds it is tried a letter at a time instead of spelling by spelling, some
    seven hundred of them. For case-sensitive patterns only: there, two branches that part on a letter can
    never both match at one place, and where one spelling begins another the longer is tried first, as in
    alternation() (tests/test_outlets.py checks that both find the same)."""
    trie: dict = {}
    for name in spellings():
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict) -> str:
    children = [re.escape(ch) + _branches(below) for ch, below in sorted(node.items()) if ch]
    if not children:
        return ""
    body = children[0] if len(children) == 1 else "(?:" + "|".join(children) + ")"
    return f"(?:{body})?" if "" in node else body


def outlet_named(text: str) -> str | None:
    """The outlet whose name `text` is, whatever its case ("News.Az", "NEWS.AZ"), else None."""
    return folded_spellings().get(text.strip().strip(".").lower())


@dataclass(frozen=True)
class NameWords:
    """outlets.yml's name_words, compiled once (name_words())."""

    outlet_shaped: re.Pattern       # "The Daily Example", "CircuitNews", "example.com"
    newsletter_name: re.Pattern     # "… Newswire" at a name's end
    publisher_additions: frozenset[str]
    publisher_company: re.Pattern
    publisher_tail: re.Pattern
    publisher_head: re.Pattern
    media: re.Pattern
    breadcrumb_home: frozenset[str]     # a breadcrumb's first item: "Home", "Inicio", "Accueil"
    # Those that open a breadcrumb whose separators the copy lost, with the space after them ("Startseite
    # Ausland …"); not "Home", which opens headlines too ("Home Office …").
    breadcrumb_openers: tuple[str, ...]
    label_openings: frozenset[str]      # a label's first word, lower case: "From the Newsroom"
    generic_bodies: frozenset[str]      # a word of a body's name that needs its state: "Ministry of Defence"
    report_series: str                  # an alternation of report series' names: "Policy Brief|Issue Brief|…"


def _words(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in words)


@lru_cache(maxsize=1)
def name_words() -> NameWords:
    data = resources.load_data("outlets.yml")["name_words"]
    return NameWords(
        # One word in camel case or capitals, a domain, or a name ending in a word outlets are named with:
        # shaped as an outlet's, not a person's.
        outlet_shaped=re.compile(rf"^(?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{{2,}}\w*|\S+\.(?:com|net|org|az|ru|info|news|[a-z]{{2}})"
                                 rf"|.+\s(?:{_words(data['outlet_endings'])}))$"),
        newsletter_name=re.compile(rf"\s(?:{_words(data['newsletter_endings'])})$"),
        publisher_additions=frozenset(data["publisher_additions"]),
        publisher_company=re.compile(rf"\b(?:{_words(data['publisher_company'])})\b"),
        publisher_tail=re.compile(rf"(?<=\w)\s+(?:{_words(data['publisher_tails'])})$"),
        publisher_head=re.compile(rf"^(?:{_words(data['publisher_heads'])})\s+", re.I),
        media=re.compile(rf"\b(?:{_words(data['media'])})\b"),
        breadcrumb_home=frozenset(data["breadcrumb_home"]),
        breadcrumb_openers=tuple(f"{home} " for home in data["breadcrumb_home"] if home != "Home"),
        label_openings=frozenset(data["label_openings"]),
        generic_bodies=frozenset(data["generic_bodies"]),
        report_series=_words(data["report_series"]),
    )


def looks_like_outlet(name: str) -> bool:
    """Whether a name is a listed outlet's or shaped as one's."""
    return bool(outlet_named(name) or name_words().outlet_shaped.match(name.strip()))
