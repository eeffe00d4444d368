import pytest

from generator.gazetteer import Gazetteer, lowercase_keeping_offsets


def test_whole_words_and_longest_match():
    g = Gazetteer([("China", "CN"), ("People's Republic of China", "CN-long"), ("Republic of China", "TW"), ("US", "US")])
    found = [(m.surface, m.value) for m in g.find("The People's Republic of China and the US, not us or CHINAS.")]
    assert found == [("People's Republic of China", "CN-long"), ("US", "US")]


def test_fold_case():
    g = Gazetteer([("joint exercises", "joint-exercises")], fold_case=True)
    assert list(g.values("Joint Exercises were held")) == ["joint-exercises"]


def test_empty_gazetteer():
    assert Gazetteer([]).find("anything") == []


@pytest.mark.parametrize("text, phrase, surface", [
    ("İlham Əliyev received the Minister of Defense.", "minister of defense", "Minister of Defense"),
    ("İİİ İstanbul talks on joint exercises", "joint exercises", "joint exercises"),
    ("Kılınç and Şahin discussed the defence industry", "defence industry", "defence industry"),
    ("Straße talks, İzmir port and the Ministry of Defense", "ministry of defense", "Ministry of Defense"),
    ("Əliyev və Ərdoğan: strategic partnership", "strategic partnership", "strategic partnership"),
])
def test_folded_matches_keep_their_place_after_letters_that_fold_oddly(text, phrase, surface):
    found = Gazetteer([(phrase, "x")], fold_case=True).find(text)
    assert [m.surface for m in found] == [surface]
    assert text[found[0].start:found[0].end] == surface


@pytest.mark.parametrize("text", ["İlham", "Straße", "ıİşəğ", "plain ascii", ""])
def test_lowercase_keeping_offsets_is_lower_one_for_one(text):
    folded = lowercase_keeping_offsets(text)
    assert len(folded) == len(text)
    assert all(low == ch.lower()[0] for ch, low in zip(text, folded))     # "İ" -> "i", the rest as lower()


def test_substrings_held_are_those_each_in_test_finds():
    # Overlapping and nested strings are each found ("he", "she", "hers" in "ushers").
    from corpus_text import corpus_lines
    from generator.gazetteer import Substrings

    strings = ["he", "she", "hers", "his", "©", "(c)", "told ", "rom", "Staff", "İ", "ı", "", "rights"]
    found = Substrings(strings)
    assert found.held("ushers") == {"he", "she", "hers"}
    assert Substrings([]).held("anything") == frozenset()
    for line in corpus_lines():
        assert found.held(line) == {s for s in strings if s and s in line}, line


def test_substrings_start_where_each_string_stands():
    from corpus_text import corpus_lines
    from generator.gazetteer import Substrings

    strings = ["he", "she", "hers", "company", "bank"]
    found = Substrings(strings)
    assert found.starts("ushers") == [1, 2]
    for line in corpus_lines():
        assert found.starts(line) == sorted({i for s in strings for i in range(len(line)) if line.startswith(s, i)})


def test_holds_is_whether_find_finds_a_phrase():
    from corpus_text import corpus_lines

    g = Gazetteer([("China", "CN"), ("US", "US"), ("Republic of Korea", "KR"), ("Oman", "OM")])
    folded = Gazetteer([("joint exercises", 1), ("met", 2)], fold_case=True)
    assert not g.holds("CHINAS and us") and g.holds("the US.") and not Gazetteer([]).holds("US")
    for line in corpus_lines():
        assert g.holds(line) == bool(g.find(line)), line
        assert folded.holds(line) == bool(folded.find(line)), line


_TRICKY_PHRASES = ["talks", "tal", "alks", "İstanbul", "istanbul", "i̇stanbul", "ab", "b", "ß", "ss", "şəhər", "Əliyev",
                   "ı", "ministry of defense", "😀 talks"]
_TRICKY_TEXTS = ["", "İlham Əliyev talks", "ıİşəğß ss", "\udc80ab İstanbul \ud800", "😀 talks talks", "abab", "Straße",
                 "the Ministry of Defense and ministry of defense"]


def _every_place(phrases, text):
    """Every (start, end, phrase) where a phrase stands in text, read one place after another: by where the
    phrases end, the longer first where two end together (as the automaton reports them)."""
    found = [(start, start + len(p), p) for p in set(phrases) if p for start in range(len(text)) if text.startswith(p, start)]
    return sorted(found, key=lambda f: (f[1], f[0]))


@pytest.mark.parametrize("text", _TRICKY_TEXTS)
def test_the_automaton_finds_every_place_a_plain_search_finds(text):
    from generator.gazetteer import Substrings

    strings = Substrings(_TRICKY_PHRASES)
    expected = _every_place(_TRICKY_PHRASES, text)
    assert strings.where(text) == [(start, p) for start, _, p in expected]
    assert strings.held(text) == frozenset(p for _, _, p in expected)
    assert strings.starts(text) == sorted({start for start, _, _ in expected})


@pytest.mark.parametrize("text", _TRICKY_TEXTS)
@pytest.mark.parametrize("fold_case", [False, True])
def test_find_is_the_plain_longest_whole_word_choice(text, fold_case):
    g = Gazetteer([(p, p.upper()) for p in _TRICKY_PHRASES], fold_case=fold_case)
    haystack = lowercase_keeping_offsets(text) if fold_case else text
    keys = {lowercase_keeping_offsets(p) if fold_case else p: p.upper() for p in _TRICKY_PHRASES}

    def word(ch):
        return ch.isalnum() or ch == "_"

    whole = [(s, e, keys[p]) for s, e, p in _every_place(keys, haystack)
             if not (s > 0 and word(text[s - 1]) and word(text[s])) and not (e < len(text) and word(text[e]) and word(text[e - 1]))]
    chosen = []
    for s, e, v in sorted(whole, key=lambda m: (m[0], -m[1])):
        if not chosen or s >= chosen[-1][1]:
            chosen.append((s, e, v))
    assert [(m.start, m.end, m.value) for m in g.find(text)] == chosen
    assert g.holds(text) is bool(whole)


def test_a_phrase_listed_twice_keeps_its_last_value():
    g = Gazetteer([("Talks", 1), ("talks", 2), ("TALKS", 3)], fold_case=True)
    assert [m.value for m in g.find("the talks")] == [3]
    assert [m.value for m in Gazetteer([("talks", 1), (" talks ", 2)]).find("talks")] == [2]


def test_a_script_written_without_spaces_bounds_no_word():
    # Chinese, Japanese, Thai and Korean join their words (and Korean its particles): a phrase stands inside
    # a run of their letters; a Latin one still only as a whole word.
    found = Gazetteer([("軍事演習", "zh"), ("합동훈련", "ko"), ("ซ้อมรบ", "th"), ("drill", "en")])
    assert [m.value for m in found.find("國軍今天展開聯合軍事演習。")] == ["zh"]
    assert [m.value for m in found.find("양국은 합동훈련을 실시했다")] == ["ko"]
    assert [m.value for m in found.find("กองทัพจัดการซ้อมรบร่วม")] == ["th"]
    assert found.find("a drilling rig") == []
