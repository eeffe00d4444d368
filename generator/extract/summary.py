"""Summary: the article's first two or three sentences, as written."""

from __future__ import annotations

from generator.extract.sentences import split_sentences

_TARGET_CHARS = 420


def extract_summary(body: str) -> str:
    """Two sentences, a third when the first two are short."""
    sentences = split_sentences(body)
    chosen: list[str] = []
    for sentence in sentences:
        if len(chosen) >= 3 or (len(chosen) >= 2 and sum(map(len, chosen)) > _TARGET_CHARS // 2):
            break
        chosen.append(sentence)
    return " ".join(chosen)
