import pytest

from generator.extract import clauses


def test_every_word_of_the_lexicon_is_a_word():
    """YAML reads a bare `on` or `no` as a boolean: the tables must hold the words themselves."""
    lex = clauses.lexicon()
    for name in clauses._Lexicon.__dataclass_fields__:
        table = getattr(lex, name)
        words = [w for phrases in table.values() for p in phrases for w in p] if isinstance(table, dict) else table
        assert all(isinstance(w, str) and w == w.lower() and w not in ("true", "false") for w in words), name
    assert {"on", "no"} <= lex.prepositions | lex.adjective_markers


@pytest.mark.parametrize("sentence, verb", [
    ("The minister met the delegation.", "met"),
    ("Azerbaijan's armed forces held drills.", "held"),                  # a possessive makes 'armed' a modifier
    ("A delegation led by the Deputy Chief visited Baku.", "visited"),   # 'led by': a participle
    ("Hasanov, who is on a visit to China, has met Wei Fenghe.", "has"),  # the relative clause is skipped
    ("Officials who attended the talks said nothing.", "said"),
    ("The Sangomar field began production in June.", "began"),
    ("Their partnership rests on regular visits.", None),                # 'visits' after a preposition: a noun
])
def test_the_main_verb(sentence, verb):
    words = clauses.tokenize(sentence)
    found = clauses.main_verb(words)
    assert (words[found].bare if found is not None else None) == verb


@pytest.mark.parametrize("sentence, line", [
    ("The Minister of Defense of Azerbaijan, Colonel General Zakir Hasanov, received Selçuk Bayraktar, Chairman "
     "of the Board of Baykar, in Baku.", "Colonel General Zakir Hasanov received Selçuk Bayraktar in Baku"),
    ("The exercise, which began on Monday, brought together 600 servicemen, the ministry said.",
     "The exercise brought together 600 servicemen, the ministry said"),
    ("Great British Nuclear (GBN) completed the purchase.", "Great British Nuclear completed the purchase"),
])
def test_a_short_line_leaves_out_asides(sentence, line):
    assert clauses.text_of(clauses.short_line(clauses.tokenize(sentence))) == line


def test_tokens_of_a_sentence_without_brackets_are_those_the_depth_loop_gives():
    """A sentence that holds no bracket or quotation skips the per-word depth loop: with a bracket pair
    appended (which sends every word through the loop) its words come out the same."""
    from corpus_text import corpus_sentences

    from generator.extract.clauses import tokenize

    for sentence in corpus_sentences():
        assert tokenize(sentence + " ()")[:-1] == tokenize(sentence)


def test_words_built_through_tuple_new_are_the_named_tuples_the_class_makes():
    """The tokenizer builds its words as the named tuple's _make does; each is a Word its constructor
    would give, field for field."""
    from corpus_text import corpus_sentences

    from generator.extract.clauses import Word, tokenize

    for sentence in corpus_sentences()[:2000]:
        for word in tokenize(sentence):
            assert type(word) is Word and word == Word(*word) and word._asdict() == Word(*word)._asdict()


def test_a_words_comma_flags_are_those_its_text_and_depth_give():
    """The comma flags a word carries from the tokenizer (and from with_text) are the plain reading of
    its text: a comma at its end, past closing quotes and brackets; outside every bracket after it."""
    from corpus_text import corpus_sentences

    from generator.extract.clauses import tokenize, with_text

    def plain(text):
        return text[-1] == "," or text[-1] in "\"”’)" and text.rstrip("\"”’)").endswith(",")

    commas = 0
    for sentence in corpus_sentences():
        for word in tokenize(sentence):
            for w in (word, with_text(word, word.text + ","), with_text(word, word.text.rstrip(",") or "x")):
                assert w.comma == plain(w.text)
                assert w.top_level_comma == (w.depth_after == 0 and plain(w.text))
            commas += word.top_level_comma
    assert commas > 1000


def test_a_sentence_without_a_separators_mark_has_no_dateline():
    """dateline_end skips the pattern on a sentence that holds none of the marks its separators are made
    of: the pattern finds none there either."""
    from corpus_text import corpus_sentences

    from generator.extract.clauses import _DATELINE, _DATELINE_MARK, _is_dateline, dateline_end

    skipped = 0
    for sentence in corpus_sentences():
        match = _DATELINE.match(sentence)
        assert dateline_end(sentence) == (match.end() if match and _is_dateline(match.group("line")) else 0)
        if not _DATELINE_MARK.search(sentence):
            assert match is None
            skipped += 1
    assert skipped > 1000
