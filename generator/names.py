"""How people's names are ordered on the people index: by family name, diacritics folded.

Locale-free (the same order on every machine): names are compared folded, and the rules of which word
is the family name are the table generator/data/names.yml.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from generator import resources
from generator.spellings import letter_table


@lru_cache(maxsize=None)
def _rules() -> dict:
    data = resources.load_data("names.yml")
    return {
        "prefixes": tuple(sorted(data["prefixes"], key=len, reverse=True)),
        "suffixes": frozenset(data["suffixes"]),
        "particles": frozenset(data["particles"]),
        "family_name_first": frozenset(data["family_name_first"]),
    }


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without diacritics: 'Gašić' -> 'gasic', 'Əliyev' -> 'eliyev'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.translate(letter_table())      # the search's table: one list of such letters


def family_name(name: str, country: str | None = None) -> str:
    """The word of `name` it is indexed under, folded: 'Zakir Hasanov' -> 'hasanov', 'Xi Jinping'
    (of China) -> 'xi', 'Ludwig van Beethoven' -> 'beethoven', 'Ahmad al-Sabah' -> 'sabah'."""
    return _split(name, country)[0]


def _split(name: str, country: str | None) -> tuple[str, list[str]]:
    """(the family name, the other words but suffixes), folded."""
    rules = _rules()
    words = fold(name).split()
    while len(words) > 1 and words[-1] in rules["suffixes"]:
        words.pop()
    if not words:
        return "", []
    if country in rules["family_name_first"] and len(words) > 1:
        return words[0], words[1:]
    last = words[-1]
    for prefix in rules["prefixes"]:
        if last.startswith(prefix) and len(last) > len(prefix):
            last = last[len(prefix):]
            break
    return last, words[:-1]


def family_name_key(name: str, country: str | None = None) -> tuple[str, str, str]:
    """A sort key: the family name, then the other words of the name but particles, then the name
    itself (so two names that fold alike keep one order)."""
    family, others = _split(name, country)
    return family, " ".join(w for w in others if w not in _rules()["particles"]), name


def family_initial(name: str, country: str | None = None) -> str:
    """The letter heading a name stands under on the people index: its family name's first letter,
    upper case; '#' for a name that does not start with a letter."""
    first = family_name(name, country)[:1]
    return first.upper() if first.isalpha() else "#"
