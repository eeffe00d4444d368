"""Accuracy gate: per-field scores on the labelled corpus must not fall below pinned floors.

Floors only go up: raise one when the extractor gets better, never lower it to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.evaluation import score
from generator.extract.article import extract_article
from generator.read import read_source

TESTS = Path(__file__).parent
ROOT = TESTS.parent

FLOORS = {
    "title": 0.96,
    "date": 0.96,
    "source": 0.96,
    "countries": 0.96,
    "people": 0.95,
    "organizations": 0.82,
    "topics": 0.88,
    "event_dates": 0.82,
    "role": 0.93,
    "person_country": 0.89,
}
# The open-world splits the extractor may be tuned on (tests/openworld/dev, dev2 … dev5), scored together:
# a hundred and fifty articles of some fifty subjects and as many outlet layouts; and the splits written
# during the third round (dev6 … dev10), scored as they came in and tuned on since, a group of their own
# with lower floors. The test split is never gated, nor tuned on.
OPEN_WORLD_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5")
OPEN_WORLD_FLOORS = {
    "title": 0.97,
    "date": 0.97,
    "source": 0.90,
    "countries": 0.96,
    "people": 0.95,
    "organizations": 0.78,
    "topics": 0.82,
    "event_dates": 0.78,
    "role": 0.86,
    "person_country": 0.84,
}
LATER_SPLITS = ("dev6", "dev7", "dev8", "dev9", "dev10")
LATER_FLOORS = {       # dev10 was read once and barely tuned on: these floors hold the group as it stands
    "title": 0.91,
    "date": 0.92,
    "source": 0.71,
    "countries": 0.93,
    "people": 0.88,
    "organizations": 0.65,
    "topics": 0.67,
    "event_dates": 0.73,
    "role": 0.85,
    "person_country": 0.77,
}


def _pairs():
    for gold in sorted((TESTS / "golden").glob("*.yml")):
        yield ROOT / "sources" / f"{gold.stem}.txt", gold
    for gold in sorted((TESTS / "corpus").glob("*.yml")):
        yield gold.with_suffix(".txt"), gold


@pytest.fixture(scope="module")
def scores(taxonomy):
    pairs = list(_pairs())
    assert len(pairs) >= 25, "the labelled corpus is missing"
    return score([
        (article.name, extract_article(read_source(article), taxonomy).record(),
         yaml.safe_load(gold.read_text(encoding="utf-8")))
        for article, gold in pairs
    ])


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_meets_its_floor(scores, field):
    result = scores[field]
    misses = "\n".join(result.misses[:15])
    assert result.score >= FLOORS[field], f"{field}: {result.score:.3f} < {FLOORS[field]}\n{misses}"


def _open_world_scores(taxonomy, splits: tuple[str, ...], at_least: int):
    golds = [gold for split in splits for gold in sorted((TESTS / "openworld" / split).glob("*.yml"))]
    assert len(golds) >= at_least, "the open-world dev splits are missing"
    return score([
        (gold.name, extract_article(read_source(gold.with_suffix(".txt")), taxonomy).record(),
         yaml.safe_load(gold.read_text(encoding="utf-8")))
        for gold in golds
    ])


@pytest.fixture(scope="module")
def open_world_scores(taxonomy):
    return _open_world_scores(taxonomy, OPEN_WORLD_SPLITS, 145)


@pytest.fixture(scope="module")
def later_scores(taxonomy):
    return _open_world_scores(taxonomy, LATER_SPLITS, 145)


@pytest.mark.parametrize("field", sorted(OPEN_WORLD_FLOORS))
def test_open_world_field_meets_its_floor(open_world_scores, field):
    result = open_world_scores[field]
    misses = "\n".join(result.misses[:15])
    assert result.score >= OPEN_WORLD_FLOORS[field], f"{field}: {result.score:.3f} < {OPEN_WORLD_FLOORS[field]}\n{misses}"


@pytest.mark.parametrize("field", sorted(LATER_FLOORS))
def test_later_splits_field_meets_its_floor(later_scores, field):
    result = later_scores[field]
    misses = "\n".join(result.misses[:15])
    assert result.score >= LATER_FLOORS[field], f"{field}: {result.score:.3f} < {LATER_FLOORS[field]}\n{misses}"
