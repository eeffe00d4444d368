"""Title: the headline as written (section suffix removed), else one derived from the first sentence."""

from __future__ import annotations

import re

from generator.extract.sentences import split_sentences
from generator.model import CleanText

_MAX_DERIVED_WORDS = 14


def extract_title(clean: CleanText, html_title: str | None = None) -> tuple[str | None, bool]:
    """(title, title_derived)."""
    if clean.headline:
        return clean.headline, False
    if html_title and html_title.strip():
        return html_title.strip(), False
    sentences = split_sentences(clean.body)
    if not sentences:
        return None, True
    return derive_title(sentences[0]), True


def derive_title(sentence: str) -> str:
    """A short title made from a sentence: its first clause, at most a dozen words or so."""
    sentence = re.sub(r"^(?:In recent years|Recently|Today|Meanwhile|Moreover|However),\s*", "", sentence.strip())
    sentence = sentence.rstrip(".!? ")
    words = sentence.split()
    if len(words) <= _MAX_DERIVED_WORDS:
        text = sentence
    else:
        text = " ".join(words[:_MAX_DERIVED_WORDS]).rstrip(",;:") + "…"
    return text[:1].upper() + text[1:]
