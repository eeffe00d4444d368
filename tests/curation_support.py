"""Edits the curation tests make to a copy of the shipped briefing: a changed source, a taxonomy change."""

from __future__ import annotations

import yaml

BEIJING_SOURCE = "sources/004_ad36e5a10f87839d.txt"


def change_source(project) -> None:
    """The Beijing article's source gains a sentence naming two more countries (no diacritics, so that a
    test can look for it in the page as written)."""
    source = project / BEIJING_SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace(
        "During the meeting,", "Georgia and Pakistan were also discussed. During the meeting,"), encoding="utf-8")


def add_topic_keyword(project) -> None:
    """The first topic of the taxonomy gains a keyword every shipped article has: every page is made again."""
    taxonomy = project / "taxonomy.yml"
    data = yaml.safe_load(taxonomy.read_text(encoding="utf-8"))
    first = next(iter(data["topics"]))
    data["topics"][first].setdefault("aliases", []).append("Beijing")
    taxonomy.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
