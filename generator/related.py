"""Links between articles: related articles (shared people, then topics) and the same story reported
by several outlets (same day, a shared person and a shared country, another source).

Pure: typed front matter by slug in, {slug: [...]} out; inverted indexes keep it near-linear on large briefings.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from generator.model import FrontMatter

MAX_RELATED = 5
_MAX_POSTINGS = 200      # a person in more articles than this is too common to relate articles by


def _people(front: FrontMatter, fold) -> set[str]:
    return {fold(p.name) for p in front.people}


def people_postings(fronts: dict[str, FrontMatter], fold=lambda name: name) -> dict[str, list[str]]:
    """person -> the slugs of the articles that name them (to pass to the functions below, which
    otherwise make it themselves)."""
    by_person: dict[str, list[str]] = defaultdict(list)
    for slug, front in fronts.items():
        for person in _people(front, fold):
            by_person[person].append(slug)
    return by_person


def _day(front: FrontMatter) -> str | None:
    return front.date if front.date_precision == "day" and front.date else None


def related_articles(fronts: dict[str, FrontMatter], fold=lambda name: name, only: set[str] | None = None,
                     by_person: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Up to five related slugs for each article (of `only`, when given): two points per shared person,
    one per shared topic."""
    by_person = by_person if by_person is not None else people_postings(fronts, fold)
    # An article's topics and date are read for every article it shares a person with: made once,
    # when first needed.
    topics_of: dict[str, frozenset] = {}
    date_of: dict[str, str] = {}
    result: dict[str, list[str]] = {}
    for slug in fronts if only is None else only & fronts.keys():
        front = fronts[slug]
        scores: Counter[str] = Counter()
        topics = set(front.topics)
        for person in _people(front, fold):
            postings = by_person[person]
            if len(postings) > _MAX_POSTINGS:
                continue
            for other in postings:
                if other != slug:
                    scores[other] += 2
        for other in scores:
            theirs = topics_of.get(other)
            if theirs is None:
                theirs = topics_of[other] = frozenset(fronts[other].topics)
                date_of[other] = fronts[other].date or ""
            scores[other] += len(topics & theirs)
        ranked = sorted(scores, key=lambda o: (-scores[o], date_of[o], o))
        result[slug] = ranked[:MAX_RELATED]
    return result


def same_story(fronts: dict[str, FrontMatter], fold=lambda name: name, only: set[str] | None = None) -> dict[str, list[str]]:
    """For each article (of `only`, when given), the other articles that report the same event from
    another source."""
    by_day: dict[str, list[str]] = defaultdict(list)
    for slug, front in fronts.items():
        day = _day(front)
        if day:
            by_day[day].append(slug)
    days = by_day.values() if only is None else [by_day[d] for d in {_day(fronts[s]) for s in only & fronts.keys()} if d]
    result: dict[str, list[str]] = defaultdict(list)
    for slugs in days:
        for i, a in enumerate(slugs):
            for b in slugs[i + 1:]:
                fa, fb = fronts[a], fronts[b]
                if fa.source and fa.source == fb.source:
                    continue
                if not (_people(fa, fold) & _people(fb, fold)):
                    continue
                if not set(fa.countries) & set(fb.countries):
                    continue
                result[a].append(b)
                result[b].append(a)
    return dict(result)


def linked_articles(fronts: dict[str, FrontMatter], changed: list[FrontMatter], fold=lambda name: name,
                    by_person: dict[str, list[str]] | None = None) -> set[str]:
    """The articles whose related or same-story links may change when articles change (`changed`: their
    front matter before and after): those that share a person or, for same-story links, a day with one.
    A person in very many articles relates none (see _MAX_POSTINGS), before the change or after."""
    by_person = by_person if by_person is not None else people_postings(fronts, fold)
    days = {_day(front) for front in changed} - {None}
    linked = {slug for slug, front in fronts.items() if _day(front) in days}
    for person in {p for front in changed for p in _people(front, fold)}:
        postings = by_person.get(person, [])
        if len(postings) <= _MAX_POSTINGS + len(changed):
            linked.update(postings)
    return linked
