"""News outlets (data/outlets.yml): every spelling of each, and the name Briefing shows for it."""

from __future__ import annotations

import re
from functools import lru_cache

from generator import resources


@lru_cache(maxsize=1)
def spellings() -> dict[str, str]:
    """Each spelling an article may use -> the outlet's display name ("REPORT.AZ" -> "Report")."""
    return {name: outlet["name"] for outlet in resources.load_data("outlets.yml")["outlets"] for name in outlet["names"]}


@lru_cache(maxsize=1)
def folded_spellings() -> dict[str, str]:
    """Each spelling, lower-cased -> the outlet's display name."""
    return {name.lower(): shown for name, shown in spellings().items()}


@lru_cache(maxsize=1)
def alternation() -> str:
    """Every spelling as a regular expression alternation, the longest first: where two spellings
    start at one place, the longer is the match."""
    return "|".join(re.escape(name) for name in sorted(spellings(), key=len, reverse=True))


def outlet_named(text: str) -> str | None:
    """The outlet whose name `text` is, whatever its case ("News.Az", "NEWS.AZ"), else None."""
    return folded_spellings().get(text.strip().strip(".").lower())


# "The Daily Example", "CircuitNews", "example.com": an unlisted name shaped as an outlet's (one word in
# camel case or capitals, a domain, or ending in a word outlets are named with), not a person's.
OUTLET_SHAPED = re.compile(
    r"^(?:[A-Z][a-z]+[A-Z]\w*|[A-Z]{2,}\w*|\S+\.(?:com|net|org|az|ru|info|news|[a-z]{2})|.+\s(?:News|Times|Post|Herald"
    r"|Daily|Press|Agency|Radio|TV|Journal|Tribune|Gazette|Telegraph|Express|Observer|Chronicle|Mail|Monitor|Review"
    r"|Standard|Online|Wire|Newswire|Today|Weekly|Insider|Media|English|FM))$")


def looks_like_outlet(name: str) -> bool:
    """Whether a name is a listed outlet's or shaped as one's."""
    return bool(outlet_named(name) or OUTLET_SHAPED.match(name.strip()))
