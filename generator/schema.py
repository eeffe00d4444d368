"""The one typed schema for an article page's front matter, and its checks."""

from __future__ import annotations

import re

import datetime as dt
from generator.taxonomy import Taxonomy

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PRECISIONS = {"day": 10, "month": 7, "year": 4}


def _real_date(date: str) -> bool:
    try:
        dt.date.fromisoformat((date + "-01-01")[:10])
    except ValueError:
        return False
    return True


def _is_str_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_str_or_none(value) -> bool:
    return value is None or isinstance(value, str)


def check_front_matter(front: dict, taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """Problems as (field, problem); an empty list means the page is sound."""
    problems: list[tuple[str, str]] = []

    def problem(field: str, text: str) -> None:
        problems.append((field, text))

    if not isinstance(front.get("title"), str) or not front["title"].strip():
        problem("title", "must be a non-empty string")
    if not isinstance(front.get("source_missing", False), bool):
        problem("source_missing", "must be true or false")
    if not isinstance(front.get("title_derived", False), bool):
        problem("title_derived", "must be true or false")
    date, precision = front.get("date"), front.get("date_precision")
    if date is not None:
        date = str(date)
        if not _DATE.match(date) or not _real_date(date):
            problem("date", f"'{date}' is not YYYY-MM-DD, YYYY-MM or YYYY")
        elif precision not in _PRECISIONS or _PRECISIONS[precision] != len(date):
            problem("date_precision", f"'{precision}' does not match date '{date}' (day, month or year)")
    elif precision is not None:
        problem("date_precision", "must be empty when date is empty")
    if front.get("source") is not None and not isinstance(front["source"], str):
        problem("source", "must be a string or empty")
    for field in ("countries", "primary_countries"):
        value = front.get(field, [])
        if not _is_str_list(value):
            problem(field, "must be a list of ISO alpha-2 codes")
        elif bad := [c for c in value if not re.fullmatch(r"[A-Z]{2}", c)]:
            problem(field, f"not alpha-2 codes: {', '.join(map(str, bad))}")
    people = front.get("people", [])
    if not isinstance(people, list) or not all(isinstance(p, dict) and isinstance(p.get("name"), str) for p in people):
        problem("people", "must be a list of {name, role, country}")
    elif bad := [p["name"] for p in people if not all(_is_str_or_none(p.get(key)) for key in ("role", "country"))]:
        problem("people", f"{bad[0]}: role and country must be text or empty")
    for field in ("organizations", "key_figures"):
        if not _is_str_list(front.get(field, [])):
            problem(field, "must be a list of strings")
    topics = front.get("topics", [])
    if not _is_str_list(topics):
        problem("topics", "must be a list of topic slugs")
    elif unknown := [t for t in topics if t not in taxonomy.topics]:
        problem("topics", f"unknown topic {', '.join(unknown)} (not in taxonomy.yml)")
    if not isinstance(front.get("summary", ""), str):
        problem("summary", "must be a string")
    events = front.get("events", [])
    if not isinstance(events, list) or not all(isinstance(e, dict) and "what" in e for e in events):
        problem("events", "must be a list of {date, what}")
    elif bad := [e["what"] for e in events if not _is_str_or_none(e["what"])]:
        problem("events", f"what '{bad[0]}' is not text")
    elif bad := [str(e["date"]) for e in events if e.get("date") is not None
                 and not (_DATE.match(str(e["date"])) and _real_date(str(e["date"])))]:
        # The timeline files events under their year and month: a date must say which.
        problem("events", f"date '{bad[0]}' is not YYYY-MM-DD, YYYY-MM or YYYY")
    provenance = front.get("provenance")
    collected = provenance.get("collected") if isinstance(provenance, dict) else None
    if collected is not None and not (isinstance(collected, str) and len(collected) == 10
                                      and _DATE.match(collected) and _real_date(collected)):
        # The home page and the feed order articles by it.
        problem("provenance", f"collected '{collected}' is not a YYYY-MM-DD date")
    return problems


def field_line(page_text: str, field: str) -> int | None:
    """The 1-based line where `field:` stands in a page's front matter."""
    for number, line in enumerate(page_text.splitlines(), start=1):
        if line.startswith(f"{field}:"):
            return number
    return None
