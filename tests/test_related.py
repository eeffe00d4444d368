from generator.model import FrontMatter, Person
from generator.related import related_articles, same_story


def person(name):
    return Person(name, None, None)


def front(slug, **fields):
    return FrontMatter(title=slug.upper(), **fields)


FRONTS = {
    "a": front("a", date="2024-06-20", date_precision="day", source="APA", countries=("AZ", "RS"),
               people=(person("Zakir Hasanov"),), topics=("diplomacy",)),
    "b": front("b", date="2024-06-20", date_precision="day", source="Trend", countries=("AZ",),
               people=(person("Zakir Hasanov"),), topics=("diplomacy",)),
    "c": front("c", date="2024-06-20", date_precision="day", source="APA", countries=("AZ",),
               people=(person("Zakir Hasanov"),), topics=()),
    "d": front("d", date="2023-01-01", date_precision="day", source="Xinhua", countries=("CN",),
               people=(person("Wei Fenghe"),), topics=("diplomacy",)),
}


def test_related_by_shared_people_then_topics():
    related = related_articles(FRONTS)
    assert related["a"] == ["b", "c"]
    assert related["d"] == []


def test_same_story_needs_same_day_person_country_and_another_source():
    stories = same_story(FRONTS)
    assert stories["a"] == ["b"]
    assert sorted(stories["b"]) == ["a", "c"]
    assert "d" not in stories


def test_alias_folding_relates_spellings():
    fronts = {"x": front("x", people=(person("Zakir Gasanov"),)), "y": front("y", people=(person("Zakir Hasanov"),))}
    fold = {"Zakir Gasanov": "Zakir Hasanov"}.get
    assert related_articles(fronts, lambda n: fold(n, n))["x"] == ["y"]
