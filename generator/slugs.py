"""Slugs for page addresses: lowercase ASCII words joined by hyphens (python-slugify), never a path."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from slugify import slugify

_MAX_LENGTH = 80
# Slugs a page file must not be named after: Windows device names (a checkout of content/ on Windows
# fails on "con.md" whatever the extension) and "index", which is a folder's own page.
_RESERVED = frozenset({"con", "prn", "aux", "nul", "index",
                       *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))})


def make_slug(text: str | None, fallback_seed: str) -> str:
    """A safe slug of `text`; a short hash of `fallback_seed` when the text has no usable letters."""
    slug = slugify(text or "", max_length=_MAX_LENGTH, word_boundary=True, save_order=True)
    if not slug:
        slug = "article-" + _digest(fallback_seed)[:10]
    elif slug in _RESERVED:
        slug = f"{slug}-{_digest(fallback_seed)[:6]}"
    return slug


def _digest(seed: str) -> str:
    return hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()


# A name of plain ASCII words: its slug is the words in lowercase, joined by hyphens, as python-slugify
# makes it; taken directly, since index pages need a slug for each of thousands of names.
_PLAIN_NAME = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


@lru_cache(maxsize=65536)
def person_slug(name: str) -> str:
    if _PLAIN_NAME.fullmatch(name) and len(name) <= _MAX_LENGTH:
        slug = name.lower().replace(" ", "-")
        if slug not in _RESERVED:
            return slug
    return make_slug(name, name)


@lru_cache(maxsize=65536)
def organization_slug(name: str) -> str:
    """The slug of an organisation's page. Organisation names are often longer than a slug may be
    ("Main Directorate of International Military Cooperation of the ..."): one cut short ends in a
    hash of the whole, so two long names that begin alike keep a page each."""
    whole = slugify(name or "", save_order=True)
    if not whole:
        return "organization-" + _digest(name or "")[:10]
    if len(whole) <= _MAX_LENGTH:
        return make_slug(name, name)
    cut = slugify(name, max_length=_MAX_LENGTH - 9, word_boundary=True, save_order=True)
    return f"{cut}-{_digest(whole)[:8]}"
