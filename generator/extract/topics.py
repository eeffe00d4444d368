"""Topics: taxonomy slugs whose keywords (the taxonomy's aliases) are a substantive part of the text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from generator import resources
from generator.extract.sentences import split_sentences
from generator.gazetteer import Gazetteer, Match
from generator.taxonomy import Taxonomy, Term

_HEADLINE_WEIGHT = 2


@dataclass(frozen=True, eq=False)     # a rule is itself: hashed by identity
class WeakRule:
    """Keywords of a topic that count only beside one of its context words (or, `unless`, only where
    none of them stands), in the same sentence or (scope "article") anywhere in the article; each such
    hit counts `weight` mentions."""

    topic: str
    keywords: tuple[str, ...]
    context: Gazetteer[bool]
    weight: float = 1.0
    scope: str = "sentence"
    unless: bool = False


@dataclass(frozen=True)
class TopicRules:
    plural_endings: tuple[str, ...]
    weak: dict[tuple[str, str], WeakRule]       # (topic, keyword form in lower case) -> its rule
    implied: dict[str, tuple[str, ...]]         # topic -> the topics it entails
    not_in_names: frozenset[str]                # topics whose keywords inside a capitalised name do not count
    name_openers: frozenset[str]                # capitalised words that open a phrase, not a name ("The")
    # A hit's weight with a `requires` word in its sentence, in the sentence before or after, elsewhere.
    near_requires: tuple[float, float, float]
    spread: dict[str, tuple[int, float]]        # topic -> (sentences, mentions) that suffice below min_mentions


@lru_cache(maxsize=1)
def _rules() -> TopicRules:
    data = resources.load_data("topics.yml")
    endings = tuple(data["plural_endings"])
    weak: dict[tuple[str, str], WeakRule] = {}
    for entry in data["weak_keywords"]:
        unless = "unless" in entry
        rule = WeakRule(topic=entry["topic"], keywords=tuple(entry["keywords"]),
                        context=Gazetteer(((w, True) for w in entry["unless" if unless else "context"]),
                                          fold_case=True),
                        weight=float(entry.get("weight", 1)), scope=entry.get("scope", "sentence"),
                        unless=unless)
        for keyword in rule.keywords:
            for form in _forms(keyword, endings):
                weak.setdefault((rule.topic, form.lower()), rule)
    return TopicRules(plural_endings=endings, weak=weak,
                      implied={slug: tuple(others) for slug, others in data["implied_topics"].items()},
                      not_in_names=frozenset(data["not_in_names"]["topics"]),
                      name_openers=frozenset(w.lower() for w in data["not_in_names"]["openers"]),
                      near_requires=tuple(float(data["requires_nearby"][k])
                                          for k in ("same_sentence", "next_sentence", "elsewhere")),
                      spread={slug: (int(rule["sentences"]), float(rule["mentions"]))
                              for slug, rule in data["spread_over_sentences"].items()})


def _forms(keyword: str, endings: tuple[str, ...]) -> list[str]:
    # Single words only: a phrase is listed as it is written ("strategic partnerships" in passing
    # is not the strategic partnership of two states).
    plural = " " not in keyword and keyword[-1:].isalpha() and keyword[-1:].islower()
    return [keyword] + ([keyword + e for e in endings] if plural else [])


def _keyword_gazetteer_of(terms: tuple[Term, ...]) -> Gazetteer[tuple[str, ...]]:
    """_keyword_gazetteer(terms), found by the terms' identity: hashing the terms hashes every alias of
    every topic (ten thousand of them, a tenth of a millisecond an article); the same Term objects (frozen)
    hold the same keywords. The terms are kept with their gazetteer, so no id is reused while it is held."""
    key = tuple(map(id, terms))
    held = _BY_IDENTITY.get(key)
    if held is None:
        if len(_BY_IDENTITY) >= 8:
            _BY_IDENTITY.clear()
        held = _BY_IDENTITY[key] = (terms, _keyword_gazetteer(terms))
    return held[1]


_BY_IDENTITY: dict[tuple[int, ...], tuple[tuple[Term, ...], Gazetteer[tuple[str, ...]]]] = {}


@lru_cache(maxsize=8)
def _keyword_gazetteer(terms: tuple[Term, ...]) -> Gazetteer[tuple[str, ...]]:
    """Every keyword and its plurals -> the slugs it stands for (one keyword may serve two topics).
    A topic's weak keywords (data/topics.yml) are its keywords too, though the taxonomy need not list them."""
    rules = _rules()
    known = {term.slug for term in terms}
    keywords = [(term.slug, alias) for term in terms for alias in term.aliases]
    keywords += [(rule.topic, keyword) for rule in dict.fromkeys(rules.weak.values()) if rule.topic in known
                 for keyword in rule.keywords]
    slugs: dict[str, list[str]] = {}
    for slug, keyword in keywords:
        for form in _forms(keyword, rules.plural_endings):
            key = form.lower()
            if slug not in slugs.setdefault(key, []):
                slugs[key].append(slug)
    return Gazetteer(((key, tuple(values)) for key, values in slugs.items()), fold_case=True)


@lru_cache(maxsize=64)
def _requires_gazetteer(words: tuple[str, ...]) -> Gazetteer[bool]:
    # In its plurals too: "the defence ministers of Azerbaijan and Georgia" are ministers.
    endings = _rules().plural_endings
    return Gazetteer((form, True) for word in words for form in _forms(word, endings))


def _in_a_name(sentence: str, match: Match, openers: frozenset[str]) -> bool:
    """The keyword is written capitalised after a capitalised word: it is the tail of a name ("Gavi, the
    Vaccine Alliance", "Democratic Alliance of Korea"), while "the Treaty on Allied Relations" names the
    relation itself."""
    words = match.surface.split()
    if match.start == 0 or match.surface.isupper() or not all(w[:1].isupper() for w in words):
        return False
    before = sentence[:match.start].split()
    previous = before[-1] if before else ""
    return previous[:1].isupper() and previous[-1:].isalpha() and previous.lower() not in openers


def _hits(text: str, gazetteer: Gazetteer[tuple[str, ...]], rules: TopicRules, article: str,
          requires: dict[str, Gazetteer[bool]], in_article: dict[WeakRule, bool]) -> tuple[Counter[str], Counter[str]]:
    """Each topic's mentions, and the number of sentences they stand in. `in_article` holds each
    article-wide rule's answer for `article`, shared by the headline's call and the body's."""
    hits: Counter[str] = Counter()
    spread: Counter[str] = Counter()
    sentences = split_sentences(text) if text else []
    near: dict[tuple[str, int], bool] = {}      # (topic, sentence) -> a `requires` word stands in it

    def holds_requires(slug: str, index: int) -> bool:
        if (slug, index) not in near:
            near[slug, index] = 0 <= index < len(sentences) and requires[slug].holds(sentences[index])
        return near[slug, index]

    for index, sentence in enumerate(sentences):
        matches = gazetteer.find(sentence)
        if not matches:
            continue
        context: dict[WeakRule, bool] = {}
        counted: set[str] = set()
        for match in matches:
            for slug in match.value:
                if slug in rules.not_in_names and _in_a_name(sentence, match, rules.name_openers):
                    continue
                weight = 1.0
                if slug in requires:
                    same, beside, elsewhere = rules.near_requires
                    if holds_requires(slug, index):
                        weight = same
                    elif holds_requires(slug, index - 1) or holds_requires(slug, index + 1):
                        weight = beside
                    else:
                        weight = elsewhere
                rule = rules.weak.get((slug, match.surface.lower()))
                if rule is None:
                    hits[slug] += weight
                    counted.add(slug)
                    continue
                seen = in_article if rule.scope == "article" else context
                if rule not in seen:
                    found = rule.context.holds(article if rule.scope == "article" else sentence)
                    seen[rule] = found != rule.unless
                if seen[rule]:
                    hits[slug] += weight * rule.weight
                    counted.add(slug)
        spread.update(counted)
    return hits, spread


def extract_topics(headline: str | None, body: str, taxonomy: Taxonomy) -> list[str]:
    """Topic slugs, strongest first: a topic needs `min_mentions` keyword hits (a headline hit counts
    double), or fewer spread over enough sentences, and, where the taxonomy says so, one of its
    `requires` words, which weigh its hits by how near they stand. A common keyword counts only beside
    (or away from) its rule's context words, a keyword inside a name may not count, and a topic brings
    the topics it entails (data/topics.yml)."""
    terms = tuple(taxonomy.topics.values())
    gazetteer = _keyword_gazetteer_of(terms)
    rules = _rules()
    text = f"{headline or ''}\n{body}"
    requires = {term.slug: _requires_gazetteer(term.requires) for term in terms if term.requires}
    in_article: dict[WeakRule, bool] = {}
    hits, spread = _hits(body, gazetteer, rules, text, requires, in_article)
    headline_hits, headline_spread = _hits(headline or "", gazetteer, rules, text, requires, in_article)
    for slug, count in headline_hits.items():
        hits[slug] += _HEADLINE_WEIGHT * count
    spread.update(headline_spread)
    chosen: dict[str, float] = {}
    for term in terms:
        sentences, mentions = rules.spread.get(term.slug, (0, term.min_mentions))
        spread_enough = hits[term.slug] >= mentions and spread[term.slug] >= sentences
        if hits[term.slug] < term.min_mentions and not spread_enough:
            continue
        if term.requires and not requires[term.slug].find(text):
            continue
        chosen[term.slug] = hits[term.slug]
    for slug, strength in list(chosen.items()):
        for implied in rules.implied.get(slug, ()):
            if implied in taxonomy.topics:
                chosen[implied] = max(chosen.get(implied, 0), strength)
    return sorted(chosen, key=lambda slug: -chosen[slug])
