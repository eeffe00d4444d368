import pytest

from generator.extract.organizations import org_words
from generator.extract.people import extract_people


@pytest.mark.parametrize("text, expected", [
    ("On June 14, the Minister of Defense of the Republic of Azerbaijan, Colonel General Zakir Hasanov received guests.",
     [("Zakir Hasanov", "Minister of Defense of the Republic of Azerbaijan, Colonel General", "AZ")]),
    ("During this visit, Hasanov met with the Deputy Chairman of the Central Military Council, General He Weidong.",
     [("He Weidong", "Deputy Chairman of the Central Military Council, General", None)]),
    ("Serbian political scientist Stefan Gaich noted that the talks matter. \"We agree,\" said Gaich.",
     [("Stefan Gaich", "Serbian political scientist", "RS")]),
    ("The minister met Colonel General Wei Fenghe. Later W. Fenghe said the talks went well.",
     [("Wei Fenghe", "Colonel General", None)]),
    ("Colonel-General Milan Mojsilović, Colonel-General Karim Valiyev held talks.",
     [("Milan Mojsilović", "Colonel-General", None), ("Karim Valiyev", "Colonel-General", None)]),
    ("Chinese President Xi Jinping put forward the initiative.", [("Xi Jinping", "Chinese President", "CN")]),
    ("Zakir Hasanov, Minister of Defense of Azerbaijan, said the army is ready.",
     [("Zakir Hasanov", "Minister of Defense of Azerbaijan", "AZ")]),
    ("The Heydar Aliyev Foundation opened a school.", []),
    ("It was led by the Managing Director of the Leonardo Aircraft Division, Marco Ferrante, in Baku.",
     [("Marco Ferrante", "Managing Director of the Leonardo Aircraft Division", None)]),
    ("Ties grew after Presidents Shavkat Mirziyoyev and Recep Tayyip Erdoğan met.",
     [("Shavkat Mirziyoyev", "Presidents", None), ("Recep Tayyip Erdoğan", None, None)]),
    ("Song Zhongping, a Chinese military expert, told reporters the jets impressed.",
     [("Song Zhongping", "Chinese military expert", "CN")]),
    ("As Igor Novaković has observed, small states find one another.", [("Igor Novaković", None, None)]),
    ("The Chairman of the Board of Baykar, Selçuk Bayraktar, spoke.",
     [("Selçuk Bayraktar", "Chairman of the Board of Baykar", None)]),
    ("The Ministry of Defense of Azerbaijan announced the exercises.", []),
])
def test_people(text, expected, taxonomy):
    people = extract_people(text, taxonomy, org_words())
    assert [(p.name, p.role, p.country) for p in people] == expected


def test_taxonomy_alias_folds_a_variant(taxonomy):
    people = extract_people("Defense Minister Zakir Gasanov met the guests.", taxonomy, org_words())
    assert [p.name for p in people] == ["Zakir Hasanov"]
