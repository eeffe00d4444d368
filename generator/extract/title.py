"""Title: the headline as written (section suffix removed), else one derived from the first sentence."""

from __future__ import annotations

import re
from functools import lru_cache

from generator import resources
from generator.extract import clauses
from generator.extract.sentences import split_sentences
from generator.model import CleanText

_MAX_DERIVED_WORDS = 14     # a derived title longer than this is cut at a phrase boundary
_HEAD_LINES = 60
_LIST_MARK = re.compile(r"^(?:[-–—•*·▪►→]\s+|[\U0001F1E6-\U0001F1FF\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F\s]+)")     # a list's mark, a post's flags


@lru_cache(maxsize=1)
def _section_suffix() -> tuple[re.Pattern, dict[str, str]]:
    # The section names cleaning strips after a headline (junk.yml's headline_suffixes), as written there.
    names = resources.load_data("junk.yml")["headline_suffixes"]
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    pattern = re.compile(rf"^\s*(?:\||[-–—]\s)\s*(?P<label>{alternation})(?=\s*(?:$|\||[-–—]\s))", re.IGNORECASE)
    return pattern, {n.lower(): n for n in names}


def extract_section(raw: str, headline: str | None) -> str | None:
    """The section label that followed the headline in the raw text ("New Stage … | Opinion" -> "Opinion"),
    which cleaning removes from the title; None when the headline had none (an outlet's name is no section)."""
    if not headline:
        return None
    pattern, spelling = _section_suffix()
    # The headline's first run of non-spaces stands whole in any line that opens with it once its spacing
    # is made single: a line without it is not respaced (most of the head's lines).
    opening = headline.split(None, 1)[0] if headline[:1].strip() else ""
    for line in raw.split("\n")[:_HEAD_LINES]:
        if opening not in line:
            continue
        line = " ".join(line.split()).lstrip("#").strip()
        if not line.startswith(headline) or len(line) == len(headline):
            continue
        found = pattern.match(line[len(headline):])
        if found:
            return spelling.get(found.group("label").lower(), found.group("label"))
    return None


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
    """A short title made from a sentence: the subject and verb phrase of its main clause, without the
    dateline and the leading phrase ("In recent years,"), cut at a clause boundary, then, while longer
    than a dozen words or so, before a modifier or a phrase; it always ends where a phrase ends."""
    text = _LIST_MARK.sub("", sentence.strip())     # "- Nigeria and Azerbaijan have agreed …": a point of a summary
    text = text[clauses.dateline_end(text):]
    words = clauses.tokenize(text)
    leads = clauses.leading_phrases(words)
    body = words[leads[-1][1]:] if leads and leads[-1][1] < len(words) else words
    line = clauses.short_line(body, budget=_MAX_DERIVED_WORDS) or clauses.plain_line(body, budget=_MAX_DERIVED_WORDS)
    title = clauses.text_of(line) if line else text.rstrip(".!? ")
    return title[:1].upper() + title[1:]
