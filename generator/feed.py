"""An Atom feed of the articles collected last (content/feed.xml), built with ElementTree so every value is escaped.

What is new to a reader is what entered the briefing lately, whatever the story's own date (a 2019 story
collected today is news today; an undated one too): entries are dated by `provenance.collected`.
Its links are relative to the feed, so the committed feed works wherever the site is served; the build of a
site that has an address (`site_url`) makes them absolute in the site's copy (with_site_url).
"""

from __future__ import annotations

import datetime as dt
import heapq
import xml.etree.ElementTree as ET
from urllib.parse import urljoin

from generator.model import FrontMatter
from generator.pages import ArticlePage
from generator.render import format_date

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50
FEED_FILE = "feed.xml"      # at the site's root, beside index.md


def _timestamp(date: str | None) -> str:
    """An RFC 3339 time for a stated date; a partial date counts from the start of its month or year."""
    text = str(date or "")
    if len(text) >= 4:
        padded = (text + "-01-01")[:10]
        try:
            return dt.date.fromisoformat(padded).isoformat() + "T00:00:00Z"
        except ValueError:
            pass
    return "1970-01-01T00:00:00Z"


def collected_first(page: ArticlePage) -> tuple[str, str, str]:
    """The order of what is new: collected last first, then the story's date (undated after dated)."""
    return page.front.provenance.collected or "", page.front.date or "", page.slug


def build_feed(pages: list[ArticlePage], title: str, subtitle: str) -> str:
    """The FEED_SIZE articles collected last become feed entries, dated or not, each dated by the day
    it was collected, with the story's date in its summary.

    Links are relative to the feed (feed.xml sits at the site root), so the feed works on any host;
    with_site_url makes them absolute for a site with an address.
    """
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = subtitle
    ET.SubElement(feed, f"{{{ATOM}}}id").text = "urn:briefing:feed"
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href="./")
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=FEED_FILE)
    # The FEED_SIZE collected last, as sorting them all would give them (heapq: without sorting all).
    newest = heapq.nlargest(FEED_SIZE, pages, key=collected_first)
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = max((_timestamp(_when(p.front)) for p in newest),
                                                         default=_timestamp(None))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Briefing"
    for page in newest:
        slug, front = page.slug, page.front
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = front.title or slug
        # The page's address, fixed when the article is first generated (a page keeps its slug whatever
        # its source becomes): a typo fixed in a source does not show the article again in feed readers.
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:briefing:article:{slug}"
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=f"articles/{slug}/")
        stamp = _timestamp(_when(front))
        ET.SubElement(entry, f"{{{ATOM}}}published").text = stamp
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = stamp
        story = format_date(front.date, front.date_precision)
        summary = ET.SubElement(entry, f"{{{ATOM}}}summary")
        summary.text = " ".join(filter(None, (f"Story date: {story}.", front.summary)))
        for topic in front.topics:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=topic)
    ET.indent(feed)
    return _serialise(feed)


def with_site_url(feed_xml: str, site_url: str) -> str:
    """The feed with every link (the site's, its own, each entry's) resolved against the site's address
    (`site_url`, where feed.xml is served as FEED_FILE): what feed readers that do not resolve relative
    links need. Ids, dates and text are left as they are, so an entry is the same entry at either address."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    ET.register_namespace("", ATOM)
    feed = ET.fromstring(feed_xml)
    for link in feed.iter(f"{{{ATOM}}}link"):
        if link.get("href") is not None:
            link.set("href", urljoin(base, link.get("href")))
    return _serialise(feed)


def _serialise(feed: ET.Element) -> str:
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _when(front: FrontMatter) -> str | None:
    """An entry's day: when it was collected; the story's date for a page that does not say (one made by hand)."""
    return front.provenance.collected or front.date
