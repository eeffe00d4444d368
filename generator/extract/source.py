"""Source: the outlet the text names as its publisher or reporting agency (patterns in data/outlets.yml)."""

from __future__ import annotations

import re
from functools import lru_cache

from generator import outlets, resources
from generator.gazetteer import Gazetteer
from generator.model import CleanText


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern, dict[str, str]]]:
    data = resources.load_data("outlets.yml")
    by_spelling = outlets.spellings()
    by_spelling_folded = {name.lower(): canonical for name, canonical in by_spelling.items()}
    names = "|".join(re.escape(n) for n in sorted(by_spelling, key=len, reverse=True))
    compiled = []
    for pattern in data["attribution"]:
        regex = re.compile(pattern.replace("{outlet}", f"(?P<outlet>{names})"), re.MULTILINE)
        compiled.append((regex, by_spelling_folded))
    return compiled


@lru_cache(maxsize=1)
def _outlets() -> Gazetteer[bool]:
    return Gazetteer(((n, True) for n in outlets.spellings()), fold_case=True)


def extract_source(clean: CleanText) -> str | None:
    """The outlet's display name, or None when the text names none as publisher."""
    texts = [clean.dateline or "", clean.body, "\n".join(clean.trailing), clean.byline_line or ""]
    texts = [text for text in texts if text and _outlets().find(text)]   # most texts name no outlet at all
    for regex, names in _patterns():
        for text in texts:
            match = regex.search(text)
            if match:
                return names[match.group("outlet").lower()]
    for line in (*clean.trailing, *clean.masthead):
        canonical = outlets.outlet_named(re.split(r"\s+with\s+", line, flags=re.IGNORECASE)[0])
        if canonical:
            return canonical
    return None
