"""Topics: taxonomy slugs whose keywords (the taxonomy's aliases) are a substantive part of the text."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from generator.gazetteer import Gazetteer
from generator.taxonomy import Taxonomy, Term

_HEADLINE_WEIGHT = 2


@lru_cache(maxsize=8)
def _keyword_gazetteer(terms: tuple[Term, ...]) -> Gazetteer[str]:
    return Gazetteer(((alias, term.slug) for term in terms for alias in (*term.aliases,)), fold_case=True)


@lru_cache(maxsize=64)
def _requires_gazetteer(words: tuple[str, ...]) -> Gazetteer[bool]:
    return Gazetteer((word, True) for word in words)


def extract_topics(headline: str | None, body: str, taxonomy: Taxonomy) -> list[str]:
    """Topic slugs, strongest first: a topic needs `min_mentions` keyword hits (a headline hit counts
    double) and, where the taxonomy says so, one of its `requires` words."""
    terms = tuple(taxonomy.topics.values())
    gazetteer = _keyword_gazetteer(terms)
    hits: Counter[str] = Counter(gazetteer.values(body))
    for slug in gazetteer.values(headline or ""):
        hits[slug] += _HEADLINE_WEIGHT
    text = f"{headline or ''}\n{body}"
    chosen = []
    for term in terms:
        if hits[term.slug] < term.min_mentions:
            continue
        if term.requires and not _requires_gazetteer(term.requires).find(text):
            continue
        chosen.append(term.slug)
    return sorted(chosen, key=lambda slug: -hits[slug])
