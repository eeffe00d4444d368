"""Make untrusted text safe to place in Markdown: it renders as the same text, never as markup."""

from __future__ import annotations

import html
import re

# Python-Markdown's backslash-escapable characters (with the tables extension's "|"); escaping
# anything else would print the backslash.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-!|])")
_LIST_NUMBER = re.compile(r"^(\d+)\.(?=\s)")


def escape_text(text: str) -> str:
    """Inline text: HTML entities for <, > and &; a backslash before Markdown syntax characters."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", escaped)
    return _LIST_NUMBER.sub(r"\1\\.", escaped)
