"""An Atom feed of the newest articles (content/feed.xml), built with ElementTree so every value is escaped."""

from __future__ import annotations

import datetime as dt
import heapq
import xml.etree.ElementTree as ET

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50


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


def build_feed(entries: list[tuple[str, dict]], title: str, subtitle: str) -> str:
    """`entries` are (slug, front matter); the newest dated articles become feed entries.

    Links are relative to the feed (feed.xml sits at the site root), so the feed works on any host.
    """
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = subtitle
    ET.SubElement(feed, f"{{{ATOM}}}id").text = "urn:briefing:feed"
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href="./")
    # The newest FEED_SIZE, as sorting them all newest first would give them (heapq: without sorting all).
    dated = heapq.nlargest(FEED_SIZE, (e for e in entries if e[1].get("date")), key=lambda e: (str(e[1]["date"]), e[0]))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _timestamp(dated[0][1]["date"] if dated else None)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = "Briefing"
    for slug, front in dated:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = str(front.get("title") or slug)
        # The page's address, fixed when the article is first generated (a page keeps its slug whatever
        # its source becomes): a typo fixed in a source does not show the article again in feed readers.
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:briefing:article:{slug}"
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=f"articles/{slug}/")
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _timestamp(front.get("date"))
        summary = ET.SubElement(entry, f"{{{ATOM}}}summary")
        summary.text = str(front.get("summary") or "")
        for topic in front.get("topics") or []:
            ET.SubElement(entry, f"{{{ATOM}}}category", term=str(topic))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
