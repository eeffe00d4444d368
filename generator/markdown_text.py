"""Make untrusted text safe to place in Markdown: it renders as the same text, never as markup."""

from __future__ import annotations

import html
import re

# Characters that start inline syntax anywhere in a line: emphasis, code, links and images (a "(" or
# "!" means nothing without a "["), and the escape character itself. Escaping fewer characters keeps
# Python-Markdown's inline pass cheap on large briefings.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]])")
# Syntax that only counts at the start of a line: headings, list items, admonitions ("!!! note"),
# numbered lists, fences.
_LINE_START = re.compile(r"^(?:([#+\-!])|(\d+)\.(?=\s|$)|(~))")
# Control characters have no place in HTML; Python-Markdown also uses two of them (STX, ETX) as markers.
# Those that Python counts as whitespace (tab, line ends, separators) become spaces instead.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def escape_text(text: str) -> str:
    """Text as one Markdown line: HTML entities for <, > and &, a backslash before syntax characters."""
    escaped = html.escape(" ".join(_CONTROLS.sub("", str(text)).split()), quote=False)
    escaped = _INLINE_SPECIALS.sub(r"\\\1", escaped)
    return _LINE_START.sub(_escape_line_start, escaped)


def _escape_line_start(match: re.Match) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    if match.group(2):
        return match.group(2) + "\\."
    return "&#126;"     # "~" has no backslash escape in Python-Markdown



# "<" that an HTML parser would read as the start of a tag, a comment or a declaration.
_MARKUP_OPENER = re.compile(r"<(?=[A-Za-z/!?])")
WORD_JOINER = "\u2060"


def inert_markup(text: str) -> str:
    """Text that no HTML parser reads as markup, shown exactly as before: a word joiner (invisible)
    follows each "<" that would open a tag. For the front matter's title, which some renderers print
    as HTML where no template of ours escapes it (Zensical's search results)."""
    return _MARKUP_OPENER.sub("<" + WORD_JOINER, text) if "<" in text else text
