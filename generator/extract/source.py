"""Source: the outlet the text names as its publisher or reporting agency (patterns in data/outlets.yml)."""

from __future__ import annotations

import re
from functools import lru_cache

from generator import outlets, resources
from generator.gazetteer import Gazetteer
from generator.model import CleanText


@lru_cache(maxsize=None)
def _pattern(number: int) -> re.Pattern:
    # Compiled when first tried: each holds every outlet's spelling, a millisecond to compile, and
    # most texts are settled by the first patterns (a one-article run compiles those only).
    pattern = resources.load_data("outlets.yml")["attribution"][number]
    return re.compile(pattern.replace("{outlet}", f"(?P<outlet>{outlets.alternation()})"), re.MULTILINE)


def _patterns():
    """The attribution patterns, in order."""
    for number in range(len(resources.load_data("outlets.yml")["attribution"])):
        yield _pattern(number)


@lru_cache(maxsize=1)
def _outlets() -> Gazetteer[bool]:
    return Gazetteer(((n, True) for n in outlets.spellings()), fold_case=True)


def extract_source(clean: CleanText) -> str | None:
    """The outlet's display name, or None when the text names none as publisher."""
    texts = [clean.dateline or "", clean.body, "\n".join(clean.trailing), clean.byline_line or ""]
    texts = [text for text in texts if text and _outlets().find(text)]   # most texts name no outlet at all
    for regex in _patterns() if texts else ():      # with no text to try, no pattern is compiled
        for text in texts:
            match = regex.search(text)
            if match:
                return outlets.folded_spellings()[match.group("outlet").lower()]
    for line in (*clean.trailing, *clean.masthead):
        canonical = outlets.outlet_named(re.split(r"\s+with\s+", line, flags=re.IGNORECASE)[0])
        if canonical:
            return canonical
    return None
