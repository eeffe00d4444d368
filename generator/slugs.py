"""Slugs for page addresses: lowercase ASCII words joined by hyphens (python-slugify), never a path."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from slugify import slugify

_MAX_LENGTH = 80


def make_slug(text: str | None, fallback_seed: str) -> str:
    """A safe slug of `text`; a short hash of `fallback_seed` when the text has no usable letters."""
    slug = slugify(text or "", max_length=_MAX_LENGTH, word_boundary=True, save_order=True)
    if not slug:
        slug = "article-" + hashlib.sha256(fallback_seed.encode()).hexdigest()[:10]
    return slug


@lru_cache(maxsize=65536)
def person_slug(name: str) -> str:
    return make_slug(name, name)
