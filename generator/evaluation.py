"""Score extracted records against gold labels: per-field accuracy or precision/recall/F1.

Used by the accuracy gate test and by bench/accuracy.py. Set fields are compared after light
normalisation (case, accents, a leading "the", punctuation), as a human reader would.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

EXACT_FIELDS = ("title", "date", "source")
SET_FIELDS = ("countries", "people", "organizations", "topics", "event_dates")
# Scored on the people found in both records (matched by name): the role by word overlap, the country exact.
PERSON_FIELDS = ("role", "person_country")


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
    if name == "event_dates":
        # The timeline: which days (months, years) the events fall on, each date once per occurrence.
        dates = [str(e.get("date")) for e in record.get("events") or [] if isinstance(e, dict) and e.get("date")]
        return {f"{date}#{dates[:i].count(date)}" for i, date in enumerate(dates)}
    values = record.get(name) or []
    if name == "people":
        values = [p.get("name", "") for p in values if isinstance(p, dict)]
    return {normalise(v) for v in values}


def _people(record: dict) -> dict[str, dict]:
    return {normalise(p.get("name", "")): p for p in record.get("people") or [] if isinstance(p, dict)}


def role_overlap(got, want) -> float:
    """Word-overlap F1 of two roles; 1 when both are empty, 0 when only one is."""
    got_words, want_words = set(normalise(got or "").split()), set(normalise(want or "").split())
    if not got_words and not want_words:
        return 1.0
    common = len(got_words & want_words)
    if not common:
        return 0.0
    precision, recall = common / len(got_words), common / len(want_words)
    return 2 * precision * recall / (precision + recall)


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

    total_credit: float = 0.0       # for the person fields: the summed credit of `total` matched people

    @property
    def mean(self) -> float:
        return self.total_credit / self.total if self.total else 1.0

    @property
    def score(self) -> float:
        if self.predicted or self.expected:
            return self.f1
        return self.mean if self.total_credit else self.accuracy


def score(pairs: list[tuple[str, dict, dict]]) -> dict[str, FieldScore]:
    """`pairs` of (name, predicted record, gold record) -> a FieldScore per field."""
    scores = {name: FieldScore() for name in (*EXACT_FIELDS, *SET_FIELDS, *PERSON_FIELDS)}
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
        found, wanted = _people(predicted), _people(gold)
        for person in sorted(found.keys() & wanted.keys()):
            got, want = found[person], wanted[person]
            credit = role_overlap(got.get("role"), want.get("role"))
            role, country = scores["role"], scores["person_country"]
            role.total += 1
            role.total_credit += credit
            if credit < 1:
                role.misses.append(f"{name}: role of {person}: got {got.get('role')!r}, want {want.get('role')!r}")
            country.total += 1
            if (got.get("country") or None) == (want.get("country") or None):
                country.total_credit += 1
            else:
                country.misses.append(f"{name}: country of {person}: got {got.get('country')!r}, "
                                      f"want {want.get('country')!r}")
    return scores
