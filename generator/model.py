"""Plain data passed between the stages: read -> clean -> extract -> render -> write -> index."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RawDocument:
    """A source file as read: its path (as given), decoded text and the bytes' hash."""

    path: str
    text: str
    sha256: str
    # Metadata an HTML reader found outside the text (title, published date).
    html_title: str | None = None
    html_date: str | None = None


@dataclass(frozen=True)
class CleanText:
    """An article's text after junk removal, with the hints cleaning found on the way."""

    lines: tuple[str, ...]          # body paragraphs, junk gone, headline excluded
    headline: str | None            # the first line when it reads as a headline
    date_stamps: tuple[str, ...]    # publication stamps cleaning removed (date lines, timestamps)
    byline: str | None              # a journalist's name cut from the text
    dateline: str | None            # "BAKU, October 22 (Xinhua) --" style opener, as found
    trailing: tuple[str, ...] = ()  # short lines cut from the end (section names, an outlet's signature)
    byline_line: str | None = None  # the whole byline line ("By Kamran Gasimov – Trend:"), which may name the outlet
    masthead: tuple[str, ...] = ()  # lines above the headline: the outlet's name, a section name

    @property
    def body(self) -> str:
        return "\n\n".join(self.lines)


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    country: str | None


@dataclass(frozen=True)
class Event:
    date: str | None
    what: str


@dataclass(frozen=True)
class Article:
    """Everything the extractor says about one article (the keys of LABELLING.md)."""

    path: str
    title: str | None
    title_derived: bool
    date: str | None
    date_precision: str | None
    source: str | None
    countries: tuple[str, ...]
    primary_countries: tuple[str, ...]
    people: tuple[Person, ...]
    organizations: tuple[str, ...]
    topics: tuple[str, ...]
    summary: str
    key_figures: tuple[str, ...]
    events: tuple[Event, ...]
    text: str = field(default="", compare=False)
    sha256: str = field(default="", compare=False)
    # The section label after the headline ("| Opinion") that cleaning removed: a provenance note, not a key.
    section: str | None = None

    def record(self) -> dict:
        """The labelled record: plain lists and dicts, in LABELLING.md's key order."""
        # Field by field rather than dataclasses.asdict, whose deep copy of every value was a tenth
        # of an article's extraction time; a test checks the two agree.
        return {
            "path": self.path, "title": self.title, "title_derived": self.title_derived, "date": self.date,
            "date_precision": self.date_precision, "source": self.source,
            "countries": list(self.countries), "primary_countries": list(self.primary_countries),
            "people": [{"name": p.name, "role": p.role, "country": p.country} for p in self.people],
            "organizations": list(self.organizations), "topics": list(self.topics), "summary": self.summary,
            "key_figures": list(self.key_figures),
            "events": [{"date": e.date, "what": e.what} for e in self.events],
        }
