import pytest

from generator.schema import check_front_matter, field_line

GOOD = {
    "title": "A title", "title_derived": False, "date": "2024-06", "date_precision": "month", "source": None,
    "countries": ["AZ"], "primary_countries": ["AZ"], "people": [{"name": "A B", "role": None, "country": None}],
    "organizations": [], "topics": ["diplomacy"], "summary": "S.", "key_figures": [], "events": [],
}


@pytest.mark.parametrize("change, field", [
    ({}, None),
    ({"title": ""}, "title"),
    ({"title_derived": "yes"}, "title_derived"),
    ({"date": "2024-13-01", "date_precision": "day"}, "date"),
    ({"date": "2024-06-20", "date_precision": "month"}, "date_precision"),
    ({"date": None, "date_precision": "day"}, "date_precision"),
    ({"countries": "AZ"}, "countries"),
    ({"countries": ["Azerbaijan"]}, "countries"),
    ({"people": ["Zakir Hasanov"]}, "people"),
    ({"topics": ["cooking"]}, "topics"),
    ({"events": [{"date": None}]}, "events"),
    ({"source_missing": "no"}, "source_missing"),
])
def test_check_front_matter(change, field, taxonomy):
    problems = check_front_matter({**GOOD, **change}, taxonomy)
    assert [p[0] for p in problems][:1] == ([field] if field else [])


def test_field_line():
    assert field_line("---\ntitle: x\ndate: '2024'\n---\n", "date") == 3
