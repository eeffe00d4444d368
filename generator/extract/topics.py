"""Topics: taxonomy slugs whose keywords (the taxonomy's aliases) are a substantive part of the text."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from generator import resources
from generator.extract.sentences import split_sentences
from generator.gazetteer import Gazetteer
from generator.taxonomy import Taxonomy, Term

_HEADLINE_WEIGHT = 2


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, ...], dict[str, tuple[frozenset[str], Gazetteer[bool]]]]:
    data = resources.load_data("topics.yml")
    weak = {slug: (frozenset(k.lower() for k in rule["keywords"]), Gazetteer(((w, True) for w in rule["context"]), fold_case=True))
            for slug, rule in data["weak_keywords"].items()}
    return tuple(data["plural_endings"]), weak


@lru_cache(maxsize=8)
def _keyword_gazetteer(terms: tuple[Term, ...]) -> Gazetteer[tuple[str, ...]]:
    """Every keyword and its plurals -> the slugs it stands for (one keyword may serve two topics)."""
    endings, _ = _rules()
    slugs: dict[str, list[str]] = {}
    for term in terms:
        for alias in term.aliases:
            # Single words only: a phrase is listed as it is written ("strategic partnerships" in passing
            # is not the strategic partnership of two states).
            plural = " " not in alias and alias[-1:].isalpha() and alias[-1:].islower()
            forms = [alias] + ([alias + e for e in endings] if plural else [])
            for form in forms:
                key = form.lower()
                if term.slug not in slugs.setdefault(key, []):
                    slugs[key].append(term.slug)
    return Gazetteer(((key, tuple(values)) for key, values in slugs.items()), fold_case=True)


@lru_cache(maxsize=64)
def _requires_gazetteer(words: tuple[str, ...]) -> Gazetteer[bool]:
    return Gazetteer((word, True) for word in words)


def _hits(text: str, gazetteer: Gazetteer[tuple[str, ...]], weak) -> Counter[str]:
    hits: Counter[str] = Counter()
    for sentence in split_sentences(text) if text else ():
        matches = gazetteer.find(sentence)
        if not matches:
            continue
        context: dict[str, bool] = {}
        for match in matches:
            for slug in match.value:
                rule = weak.get(slug)
                if rule and match.surface.lower() in rule[0]:
                    if slug not in context:
                        context[slug] = bool(rule[1].find(sentence))
                    if not context[slug]:
                        continue
                hits[slug] += 1
    return hits


def extract_topics(headline: str | None, body: str, taxonomy: Taxonomy) -> list[str]:
    """Topic slugs, strongest first: a topic needs `min_mentions` keyword hits (a headline hit counts
    double) and, where the taxonomy says so, one of its `requires` words. A common keyword counts only
    beside one of its topic's context words (data/topics.yml)."""
    terms = tuple(taxonomy.topics.values())
    gazetteer = _keyword_gazetteer(terms)
    _, weak = _rules()
    hits = _hits(body, gazetteer, weak)
    for slug, count in _hits(headline or "", gazetteer, weak).items():
        hits[slug] += _HEADLINE_WEIGHT * count
    text = f"{headline or ''}\n{body}"
    chosen = []
    for term in terms:
        if hits[term.slug] < term.min_mentions:
            continue
        if term.requires and not _requires_gazetteer(term.requires).find(text):
            continue
        chosen.append(term.slug)
    return sorted(chosen, key=lambda slug: -hits[slug])
