import pytest

from generator.dates import find_dates, parse_date


@pytest.mark.parametrize("text, expected", [
    ("On June 14, the minister", [(None, 6, 14)]),
    ("in late October 2023.", [("2023-10", 10, None)]),
    ("# 22 October 2019 13:43 (UTC +04:00)", [("2019-10-22", 10, 22)]),
    ("to be held in September, 2024.", [("2024-09", 9, None)]),
    ("date 2024-06-20 Azerbaijan", [("2024-06-20", 6, 20)]),
    ("Published: 12.03.2021", [("2021-03-12", 3, 12)]),
    ("Baku, Oct.22, 2019", [("2019-10-22", 10, 22)]),
    ("October 22nd, 2019", [("2019-10-22", 10, 22)]),
    ("the 22nd of October 2019", [("2019-10-22", 10, 22)]),
    ("at ADEX 2018 in Baku", [("2018", None, None)]),
    ("some 2000 troops took part", []),
    ("We may witness the signing", []),
    ("Marshal 12 said", []),
    ("on 31 February", []),
    ("OCTOBER 5, 2020", [("2020-10-05", 10, 5)]),
])
def test_find_dates(text, expected):
    assert [(d.iso, d.month, d.day) for d in find_dates(text)] == expected


@pytest.mark.parametrize("text, precision", [
    ("2024-06-20", "day"), ("May 2021", "month"), ("in 2018", "year"), ("June 14", None),
])
def test_precision(text, precision):
    found = find_dates(text)
    assert found and found[0].precision == precision


def test_parse_date_skips_yearless_dates():
    assert parse_date("June 14, then on 3 March 2020").iso == "2020-03-03"
    assert parse_date("no date here") is None
