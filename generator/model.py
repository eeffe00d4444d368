"""Plain data passed between the stages: read -> clean -> extract -> render -> write -> index."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


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

    def record(self) -> dict:
        """The labelled record: plain lists and dicts, in LABELLING.md's key order."""
        data = asdict(self)
        data.pop("text")
        data.pop("sha256")
        return {key: _plain(value) for key, value in data.items()}


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
