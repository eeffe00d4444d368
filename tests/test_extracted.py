"""The extractions kept between runs (generator/extracted.py): taken back only for the same source, bytes,
view of the taxonomy and generator; anything else, or a damaged file, is extracted again."""

from __future__ import annotations

import pytest

from generator.extracted import Extractions
from generator.model import Article, Event, Person

ARTICLE = Article(
    path="sources/a.txt", title="Ministers meet", title_derived=False, date="2024-03", date_precision="month",
    source="Trend", countries=("AZ", "CN"), primary_countries=("AZ",),
    people=(Person("Zakir Hasanov", "Minister of Defense", "AZ"), Person("Wei", None, None)),
    organizations=("Ministry of Defense of Azerbaijan",), topics=("joint-exercises",), summary="They met.",
    key_figures=("$5 million",), events=(Event("2024-03-02", "The ministers met"),), text="They met.\n\nTwice.",
    sha256="ab" * 32, section="Opinion")


def test_a_kept_extraction_is_the_article_extracted(tmp_path):
    kept = Extractions(tmp_path / "extracted", "view", "1.0")
    kept.put("sources/a.txt", ARTICLE)
    found = kept.get("sources/a.txt", ARTICLE.sha256)
    assert found == ARTICLE and (found.text, found.sha256, found.section) == (ARTICLE.text, ARTICLE.sha256, "Opinion")


@pytest.mark.parametrize("source, sha256, view, version", [
    ("sources/b.txt", "ab" * 32, "view", "1.0"),      # another source
    ("sources/a.txt", "cd" * 32, "view", "1.0"),      # other bytes
    ("sources/a.txt", "ab" * 32, "other", "1.0"),     # another view of the taxonomy
    ("sources/a.txt", "ab" * 32, "view", "2.0"),      # another generator
])
def test_a_kept_extraction_of_anything_else_is_not_taken(tmp_path, source, sha256, view, version):
    Extractions(tmp_path / "extracted", "view", "1.0").put("sources/a.txt", ARTICLE)
    assert Extractions(tmp_path / "extracted", view, version).get(source, sha256) is None


def test_a_damaged_file_or_a_link_is_not_taken(tmp_path):
    kept = Extractions(tmp_path / "extracted", "view", "1.0")
    kept.put("sources/a.txt", ARTICLE)
    (path,) = [p for p in (tmp_path / "extracted").rglob("*") if p.is_file()]
    path.write_bytes(path.read_bytes()[:20])
    assert kept.get("sources/a.txt", ARTICLE.sha256) is None
    outside = tmp_path / "outside"
    outside.mkdir()
    linked = Extractions(tmp_path / "linked", "view", "1.0")
    (tmp_path / "linked").symlink_to(outside, target_is_directory=True)
    linked.put("sources/a.txt", ARTICLE)
    assert list(outside.iterdir()) == [] and linked.get("sources/a.txt", ARTICLE.sha256) is None
