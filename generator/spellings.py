"""Plain spellings for search: each block of a page (a line, a paragraph, a list item, a heading) that has
words written with diacritics ends with their plain spellings, hidden ('Gašić' -> 'Gasic'), so a reader
typing on a plain keyboard finds what the accented word finds, under any renderer's search and with no
script of ours. Pure: text in, text out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from generator import resources

# `hidden`: neither shown nor read aloud (aria-hidden says so again, should a style show it). Search indexes
# read a page's text, hidden or not: in the block and heading of the words it spells, a spelling is ranked
# as the words are, and a result for it shows their own paragraph.
SPAN_START = '<span class="plain-spelling" hidden aria-hidden="true"> '
SPAN_END = "</span>"
_SPAN = re.compile(re.escape(SPAN_START) + r"[A-Za-z ]+" + re.escape(SPAN_END))
_WORD = re.compile(r"[^\W\d_]+")
# What is no place for a spelling, left as it is: fenced code, elements whose text is not markup, comments,
# tags with their attributes, code spans, images' alt text, links' destinations, and headings below the
# first, whose ids (the anchors links point to) are made from their text.
_LEFT_AS_IT_IS = re.compile(
    r"^(?P<fence>```|~~~)[^\n]*\n.*?^(?P=fence)[^\n]*$"
    r"|<(?P<raw>svg|script|style|textarea|title|code|pre)\b.*?</(?P=raw)\s*>"
    r"|<!--.*?-->"
    r"|<[^>]*>"
    r"|(?P<ticks>`+).+?(?P=ticks)"
    r"|!\[[^\]]*\]"
    r"|\]\([^)]*\)"
    r"|^\#{2,6}(?:[ \t][^\n]*)?$",
    re.S | re.M)
# Where a block ends, besides a line's end: the spellings of its words go before it.
_BLOCK_TAG = re.compile(r"</?(?:p|li|ul|ol|dl|dt|dd|div|h[1-6]|table|thead|tbody|tr|td|th|blockquote|figure|"
                        r"figcaption|section|aside|details|summary)\b", re.I)


@lru_cache(maxsize=1)
def letter_table() -> dict[int, str]:
    """str.translate's table of the letters that lose no mark by decomposition (ə -> e, ß -> ss)."""
    return str.maketrans(dict(resources.load_data("folding.yml")["letters"]))


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """`text` without diacritics, case kept: 'Gašić' -> 'Gasic', 'İlham Əliyev' -> 'Ilham Eliyev'."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text.translate(letter_table()))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


@lru_cache(maxsize=65536)
def plain_spelling(word: str) -> str | None:
    """The plain spelling of a word with diacritics; None for a plain word, and for one that folds to no
    plain ASCII letters (a Cyrillic or Chinese word has no spelling a Latin keyboard types)."""
    if word.isascii():
        return None
    plain = fold(word)
    return plain if plain.isascii() and plain.isalpha() else None


def with_plain_spellings(page: str) -> str:
    """A Markdown page with the plain spellings of each block's words that have diacritics hidden at the
    block's end; its front matter is left as it is. The spellings already there are made again: the page
    comes out the same however often this runs."""
    if page.isascii():
        return page
    head, body = _split_front_matter(_SPAN.sub("", page))
    out: list[str] = []
    words: dict[str, None] = {}

    def end_block() -> None:
        if words:
            text = out.pop() if out else ""
            kept = text.rstrip()
            kept, pipe = (kept[:-1], "|") if kept.endswith("|") else (kept, "")     # a table row's last cell
            out.extend([kept, SPAN_START + " ".join(words) + SPAN_END, pipe + text[len(kept) + len(pipe):]])
            words.clear()

    start = 0
    for kept in _LEFT_AS_IT_IS.finditer(body):
        _add_text(body[start:kept.start()], out, words, end_block)
        if "\n" in kept.group() or _BLOCK_TAG.match(kept.group()):
            end_block()
        out.append(kept.group())
        start = kept.end()
    _add_text(body[start:], out, words, end_block)
    end_block()
    return head + "".join(out)


def _add_text(text: str, out: list[str], words: dict[str, None], end_block) -> None:
    for number, line in enumerate(unicodedata.normalize("NFC", text).split("\n")):
        if number:
            end_block()
            out.append("\n")
        if not line.isascii():
            for word in _WORD.findall(line):
                plain = plain_spelling(word)
                if plain:
                    words.setdefault(plain, None)
        out.append(line)


def _split_front_matter(page: str) -> tuple[str, str]:
    if page.startswith("---\n"):
        end = page.find("\n---\n", 3)
        if end != -1:
            return page[:end + 5], page[end + 5:]
    return "", page
