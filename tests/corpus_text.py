"""The labelled articles' lines as pasted, and their bodies and sentences as the extractors see them: the
material of the tests that a fast path gives what the plain one does (the held-out test split is never read)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.clean import clean
from generator.extract.sentences import split_sentences
from generator.read import read_source

ROOT = Path(__file__).resolve().parent


def _paths() -> list[Path]:
    return sorted(ROOT.glob("corpus/*.txt")) + sorted(ROOT.glob("openworld/dev*/*.txt"))


@lru_cache(maxsize=1)
def corpus_bodies() -> tuple[str, ...]:
    return tuple(clean(read_source(path).text).body for path in _paths())


@lru_cache(maxsize=1)
def corpus_lines() -> frozenset[str]:
    """Every line of the articles as pasted, stripped (menus, stamps and furniture included)."""
    return frozenset(line.strip() for path in _paths() for line in path.read_text(encoding="utf-8").split("\n"))


@lru_cache(maxsize=1)
def corpus_sentences() -> tuple[str, ...]:
    return tuple(sentence for body in corpus_bodies() for sentence in split_sentences(body))
