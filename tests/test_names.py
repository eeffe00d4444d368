"""The family-name order of the people index (generator/names.py)."""

from __future__ import annotations

import pytest

from generator.names import family_initial, family_name, family_name_key, fold


@pytest.mark.parametrize("text, expected", [
    ("Gašić", "gasic"),
    ("Mojsilović", "mojsilovic"),
    ("Əliyev", "eliyev"),           # the schwa has no decomposition: the table in names.yml
    ("Łukasz Øster", "lukasz oster"),
    ("ZAKIR", "zakir"),
])
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize("name, country, family, initial", [
    ("Zakir Hasanov", "AZ", "hasanov", "H"),
    ("Bratislav Gašić", "RS", "gasic", "G"),
    ("Ludwig van Beethoven", "DE", "beethoven", "B"),       # a particle before the last word is not it
    ("Charles de Gaulle", "FR", "gaulle", "G"),
    ("Ahmad al-Sabah", "KW", "sabah", "S"),                 # nor a particle joined to it
    ("Martin Luther King Jr.", "US", "king", "K"),          # a suffix after it
    ("Xi Jinping", "CN", "xi", "X"),                        # the family name first
    ("Kim Jong Un", "KP", "kim", "K"),
    ("Xi Jinping", None, "jinping", "J"),                   # no country: the last word
    ("Madonna", None, "madonna", "M"),
    ("Ələsgər Əliyev", "AZ", "eliyev", "E"),                # the heading is the folded letter
    ("007", None, "007", "#"),
])
def test_family_name_and_initial(name, country, family, initial):
    assert family_name(name, country) == family
    assert family_initial(name, country) == initial


@pytest.mark.parametrize("names, expected", [
    # by family name, then the given names: Zakir Hasanov before He Weidong (of China, family name He)
    ([("He Weidong", "CN"), ("Zakir Hasanov", "AZ"), ("Ilham Aliyev", "AZ")],
     ["Ilham Aliyev", "Zakir Hasanov", "He Weidong"]),
    # diacritics fold, so Gašić sorts as Gasic, between Gaich and Gates
    ([("Bill Gates", "US"), ("Bratislav Gašić", "RS"), ("Stefan Gaich", "RS")],
     ["Stefan Gaich", "Bratislav Gašić", "Bill Gates"]),
    # one family name: the given names decide, particles left out
    ([("Vincent van Gogh", "NL"), ("Theo van Gogh", "NL")], ["Theo van Gogh", "Vincent van Gogh"]),
])
def test_family_name_key_orders_names(names, expected):
    assert [n for n, _ in sorted(names, key=lambda item: family_name_key(*item))] == expected
