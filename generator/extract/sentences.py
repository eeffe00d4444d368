"""Split cleaned article text into sentences, keeping abbreviations and initials whole."""

from __future__ import annotations

import re
from functools import lru_cache

ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "adm", "st", "no", "vs", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n",
    "inc", "ltd", "co", "corp", "jr", "sr", "h.e", "approx", "min", "art",
    "mag", "b.v", "n.v", "s.a", "s.p.a",        # an Austrian degree before a name, companies' legal forms
    # titles of office and rank before a name ("sending it to Gov. Kelly Ayotte", "Sen. Denise Larochelle")
    "gov", "sen", "sens", "rep", "reps", "rev", "fr", "hon", "sgt", "cpl", "pvt", "cmdr", "brig", "supt", "insp",
    "det", "amb", "atty", "asst", "cllr", "messrs",
})
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


@lru_cache(maxsize=256)
def split_sentences(text: str) -> tuple[str, ...]:
    """Sentences of `text` (paragraphs split on blank lines first); cached, as every field asks."""
    return tuple(_split(text))


def _split(text: str) -> list[str]:
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n|\n", text):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        start = 0
        for boundary in _BOUNDARY.finditer(paragraph):
            before = paragraph[start:boundary.start()].rstrip()
            last_word = before.rsplit(None, 1)[-1] if before.split() else ""
            stem = last_word.rstrip(".!?\"”’)").lower()
            if stem in ABBREVIATIONS or re.fullmatch(r"[A-Z]", last_word.rstrip(".")):
                continue
            sentences.append(paragraph[start:boundary.start() + len(boundary.group()) ].strip())
            start = boundary.end()
        tail = paragraph[start:].strip()
        if tail:
            sentences.append(tail)
    return sentences
