"""News outlets (data/outlets.yml): every spelling of each, and the name Briefing shows for it."""

from __future__ import annotations

from functools import lru_cache

from generator import resources


@lru_cache(maxsize=1)
def spellings() -> dict[str, str]:
    """Each spelling an article may use -> the outlet's display name ("REPORT.AZ" -> "Report")."""
    return {name: outlet["name"] for outlet in resources.load_data("outlets.yml")["outlets"] for name in outlet["names"]}


@lru_cache(maxsize=1)
def _folded() -> dict[str, str]:
    return {name.lower(): shown for name, shown in spellings().items()}


def outlet_named(text: str) -> str | None:
    """The outlet whose name `text` is, whatever its case ("News.Az", "NEWS.AZ"), else None."""
    return _folded().get(text.strip().strip(".").lower())
