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
class Provenance:
    """Where an article page came from, as its front matter's `provenance` says."""

    file: str | None = None         # the source it was made from ("sources/…")
    sha256: str | None = None       # the hash of the source's bytes it was made from
    collected: str | None = None    # YYYY-MM-DD: the day the article entered the briefing
    inferred: tuple[str, ...] = ()  # what the generator inferred rather than read, as notes


@dataclass(frozen=True)
class FrontMatter:
    """An article page's front matter as it stands in content/, hand edits included: read and checked
    once (pages.read_page), then all the index pages, the feed, the links between articles and the
    state read of the page. The page as written, a curator's own keys and all, travels beside it
    (pages.ArticlePage.written)."""

    title: str
    title_derived: bool = False
    date: str | None = None             # YYYY-MM-DD, YYYY-MM or YYYY: as stated, never guessed
    date_precision: str | None = None   # day, month or year; None when undated
    source: str | None = None           # the outlet
    countries: tuple[str, ...] = ()     # ISO alpha-2 codes
    primary_countries: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()        # the taxonomy's slugs
    summary: str = ""
    key_figures: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    source_missing: bool = False        # the source is gone; the page stays
    provenance: Provenance = Provenance()
    section: str | None = None          # the section label after the headline ("Opinion"), from provenance
    links_digest: str = ""              # a short hash of the links the generator added (related articles…)


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
