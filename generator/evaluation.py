"""Score extracted records against gold labels: per-field accuracy or precision/recall/F1.

Used by the accuracy gate test and by bench/accuracy.py. Set fields are compared after light
normalisation (case, accents, a leading "the", punctuation), as a human reader would.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

EXACT_FIELDS = ("title", "date", "source")
SET_FIELDS = ("countries", "people", "organizations", "topics")


def normalise(text) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"^the\s+", "", text.strip())
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _title_key(record: dict):
    # LABELLING.md: for scoring, a derived title counts as "no headline".
    if record.get("title_derived") or not record.get("title"):
        return None
    return normalise(record["title"])


def _items(record: dict, name: str) -> set[str]:
    values = record.get(name) or []
    if name == "people":
        values = [p.get("name", "") for p in values]
    return {normalise(v) for v in values}


@dataclass
class FieldScore:
    correct: int = 0
    total: int = 0
    true_positive: int = 0
    predicted: int = 0
    expected: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def score(self) -> float:
        return self.f1 if self.predicted or self.expected else self.accuracy


def score(pairs: list[tuple[str, dict, dict]]) -> dict[str, FieldScore]:
    """`pairs` of (name, predicted record, gold record) -> a FieldScore per field."""
    scores = {name: FieldScore() for name in (*EXACT_FIELDS, *SET_FIELDS)}
    for name, predicted, gold in pairs:
        for key in EXACT_FIELDS:
            if key == "title":
                got, want = _title_key(predicted), _title_key(gold)
            else:
                got = normalise(predicted.get(key)) if predicted.get(key) is not None else None
                want = normalise(gold.get(key)) if gold.get(key) is not None else None
            s = scores[key]
            s.total += 1
            if got == want:
                s.correct += 1
            else:
                s.misses.append(f"{name}: {key}: got {predicted.get(key)!r}, want {gold.get(key)!r}")
        for key in SET_FIELDS:
            got, want = _items(predicted, key), _items(gold, key)
            s = scores[key]
            s.true_positive += len(got & want)
            s.predicted += len(got)
            s.expected += len(want)
            for extra in sorted(got - want):
                s.misses.append(f"{name}: {key}: extra {extra!r}")
            for missing in sorted(want - got):
                s.misses.append(f"{name}: {key}: missing {missing!r}")
    return scores
