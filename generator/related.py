"""Links between articles: related articles (shared people, then topics) and the same story reported
by several outlets (same day, a shared person and a shared country, another source).

Pure: front matter in, {slug: [...]} out; inverted indexes keep it near-linear on large briefings.
"""

from __future__ import annotations

from collections import Counter, defaultdict

MAX_RELATED = 5
_MAX_POSTINGS = 200      # a person in more articles than this is too common to relate articles by


def _people(front: dict, fold) -> set[str]:
    return {fold(p.get("name") or "") for p in front.get("people") or [] if isinstance(p, dict)}


def related_articles(fronts: dict[str, dict], fold=lambda name: name) -> dict[str, list[str]]:
    """Up to five related slugs for each article: two points per shared person, one per shared topic."""
    by_person: dict[str, list[str]] = defaultdict(list)
    for slug, front in fronts.items():
        for person in _people(front, fold):
            by_person[person].append(slug)
    result: dict[str, list[str]] = {}
    for slug, front in fronts.items():
        scores: Counter[str] = Counter()
        topics = set(front.get("topics") or [])
        for person in _people(front, fold):
            postings = by_person[person]
            if len(postings) > _MAX_POSTINGS:
                continue
            for other in postings:
                if other != slug:
                    scores[other] += 2
        for other in list(scores):
            scores[other] += len(topics & set(fronts[other].get("topics") or []))
        ranked = sorted(scores, key=lambda o: (-scores[o], str(fronts[o].get("date") or ""), o))
        result[slug] = ranked[:MAX_RELATED]
    return result


def same_story(fronts: dict[str, dict], fold=lambda name: name) -> dict[str, list[str]]:
    """For each article, the other articles that report the same event from another source."""
    by_day: dict[str, list[str]] = defaultdict(list)
    for slug, front in fronts.items():
        if front.get("date_precision") == "day" and front.get("date"):
            by_day[str(front["date"])].append(slug)
    result: dict[str, list[str]] = defaultdict(list)
    for slugs in by_day.values():
        for i, a in enumerate(slugs):
            for b in slugs[i + 1:]:
                fa, fb = fronts[a], fronts[b]
                if fa.get("source") and fa.get("source") == fb.get("source"):
                    continue
                if not (_people(fa, fold) & _people(fb, fold)):
                    continue
                if not set(fa.get("countries") or []) & set(fb.get("countries") or []):
                    continue
                result[a].append(b)
                result[b].append(a)
    return dict(result)
