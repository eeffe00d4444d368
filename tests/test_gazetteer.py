from generator.gazetteer import Gazetteer


def test_whole_words_and_longest_match():
    g = Gazetteer([("China", "CN"), ("People's Republic of China", "CN-long"), ("Republic of China", "TW"), ("US", "US")])
    found = [(m.surface, m.value) for m in g.find("The People's Republic of China and the US, not us or CHINAS.")]
    assert found == [("People's Republic of China", "CN-long"), ("US", "US")]


def test_fold_case():
    g = Gazetteer([("joint exercises", "joint-exercises")], fold_case=True)
    assert list(g.values("Joint Exercises were held")) == ["joint-exercises"]


def test_empty_gazetteer():
    assert Gazetteer([]).find("anything") == []
