"""A ministry named in the page's own language, in the canonical English form LABELLING.md asks for:
"Ministerio de Hacienda y Crédito Público" -> "Ministry of Finance and Public Credit", with the language it
was named in, whose states are the ones it can belong to."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator import resources


@dataclass(frozen=True)
class ForeignMinistry:
    english: str                # "Ministry of Finance and Public Credit"
    place: str | None           # the place the name itself ends on ("… de Chile"), as written
    states: tuple[str, ...]     # the states whose ministries are named in its language


@dataclass(frozen=True)
class MinistryGlossary:
    name_re: re.Pattern          # a head word, its connector, the field
    joiner_re: re.Pattern        # what parts the field's pieces
    connector_re: re.Pattern     # a piece's leading small word
    place_re: re.Pattern         # a place the name ends on
    glossary: dict[str, str]     # a piece, lower case -> English
    states: dict[str, tuple[str, ...]]      # a head word -> the states of its language


@lru_cache(maxsize=1)
def load_ministry_glossary() -> MinistryGlossary:
    data = resources.load_data("ministries.yml")
    connectors = "|".join(re.escape(c) for c in sorted(data["connectors"], key=len, reverse=True))
    states: dict[str, tuple[str, ...]] = {}
    for language in data["languages"].values():
        for head in language["heads"]:       # a head two languages write alike holds the states of both
            states[head] = tuple(dict.fromkeys((*states.get(head, ()), *language["states"])))
    heads = "|".join(re.escape(h) for h in states)
    joiners = "|".join(re.escape(j) for j in data["joiners"])
    return MinistryGlossary(
        # the connector ends on a space or on an elided article's apostrophe ("de l'Économie")
        name_re=re.compile(rf"(?P<head>{heads})\s+(?:(?:{connectors})(?:\s+|(?<=['’])))?(?P<field>\S.*)"),
        joiner_re=re.compile(rf",\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+"),
        connector_re=re.compile(rf"(?:{connectors})(?:\s+|(?<=['’]))"),
        place_re=re.compile(r"\s+(?:de|da|do|du|della|del|van)\s+(?P<place>[A-Z]\w+(?:\s+[A-Z]\w+)?)$"),
        glossary={k.lower(): v for k, v in data["glossary"].items()},
        states=states,
    )


def english_ministry(name: str, glossary: MinistryGlossary | None = None) -> ForeignMinistry | None:
    """The ministry in English when every piece of its field is in the glossary, else None."""
    glossary = glossary or load_ministry_glossary()
    found = glossary.name_re.fullmatch(name)
    if not found:
        return None
    field, place = found.group("field"), None
    tail = glossary.place_re.search(field)
    if tail and glossary.connector_re.sub("", field[:tail.start()], count=1).lower() in glossary.glossary:
        field, place = field[:tail.start()], tail.group("place")
    pieces = [glossary.connector_re.sub("", piece, count=1) if glossary.connector_re.match(piece) else piece
              for piece in glossary.joiner_re.split(field) if piece]
    english = [glossary.glossary.get(piece.lower()) for piece in pieces]
    if not english or None in english:
        return None
    words = english[0] if len(english) == 1 else ", ".join(english[:-1]) + " and " + english[-1]
    return ForeignMinistry(f"Ministry of {words}", place, glossary.states[found.group("head")])
