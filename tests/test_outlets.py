import re

from generator import outlets


def test_the_spellings_trie_finds_what_the_plain_alternation_finds():
    # The factored pattern serves case-sensitive patterns in place of the alternation: over every line of the
    # labelled corpus, every spelling and a spelling with more after it, both find the same spans.
    from corpus_text import corpus_lines

    plain, trie = re.compile(outlets.alternation()), re.compile(outlets.alternation_trie())
    names = list(outlets.spellings())
    texts = [line for line in corpus_lines() if line] + names + [f"{name}.az said" for name in names] \
        + [f"(c) {name} Newspapers" for name in names]
    assert len(texts) > 5000
    for text in texts:
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in trie.finditer(text)], text
    # and as part of a longer pattern, where a failure after the name makes the engine try shorter ones
    after = r"(?= News Agency reported)"
    plain_after, trie_after = re.compile(f"(?:{outlets.alternation()}){after}"), re.compile(f"(?:{outlets.alternation_trie()}){after}")
    for text in [f"{name} News Agency reported" for name in names]:
        assert [m.span() for m in plain_after.finditer(text)] == [m.span() for m in trie_after.finditer(text)], text
