"""Golden test: the shipped articles' records, field by field, against hand-labelled gold (tests/golden/)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.evaluation import normalise
from generator.extract.article import extract_article
from generator.read import read_source

GOLDEN = Path(__file__).parent / "golden"
ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p.stem for p in GOLDEN.glob("*.yml"))


@pytest.fixture(scope="module")
def records(taxonomy):
    return {name: extract_article(read_source(ROOT / "sources" / f"{name}.txt"), taxonomy).record() for name in CASES}


def gold(name: str) -> dict:
    return yaml.safe_load((GOLDEN / f"{name}.yml").read_text(encoding="utf-8"))


def test_every_shipped_article_has_gold():
    assert sorted(p.stem for p in (ROOT / "sources").glob("*.txt")) == CASES


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("field", ["title", "title_derived", "date", "date_precision", "source"])
def test_exact_fields(records, name, field):
    assert records[name][field] == gold(name)[field]


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("field", ["countries", "primary_countries", "organizations", "topics"])
def test_set_fields(records, name, field):
    assert {normalise(v) for v in records[name][field]} == {normalise(v) for v in gold(name)[field]}


@pytest.mark.parametrize("name", CASES)
def test_people_with_roles_and_countries(records, name):
    got = {p["name"]: (p["role"], p["country"]) for p in records[name]["people"]}
    want = {p["name"]: (p["role"], p["country"]) for p in gold(name)["people"]}
    assert got == want


@pytest.mark.parametrize("name", CASES)
def test_summary_is_taken_from_the_text(records, name):
    assert records[name]["summary"][:80] == " ".join(gold(name)["summary"].split())[:80]


def _numbers(figures) -> set[str]:
    return {n for f in figures for n in re.findall(r"\d[\d.,]*%?", f)}


@pytest.mark.parametrize("name", CASES)
def test_key_figures_state_the_same_numbers(records, name):
    assert _numbers(records[name]["key_figures"]) == _numbers(gold(name)["key_figures"])


@pytest.mark.parametrize("name", CASES)
def test_dated_events(records, name):
    got = {e["date"] for e in records[name]["events"] if e["date"]}
    want = {e["date"] for e in gold(name)["events"] if e["date"]}
    assert got == want
