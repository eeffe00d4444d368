import xml.etree.ElementTree as ET

from generator.feed import ATOM, build_feed

NS = {"a": ATOM}


def test_feed_lists_newest_dated_articles_first():
    entries = [
        ("old", {"title": "Old", "date": "2019-10-22", "summary": "s", "topics": ["diplomacy"]}),
        ("new", {"title": "New <script>alert(1)</script>", "date": "2024-06", "summary": "s & t"}),
        ("undated", {"title": "Undated", "date": None}),
    ]
    root = ET.fromstring(build_feed(entries, "Briefing", "About"))
    titles = [e.findtext("a:title", namespaces=NS) for e in root.findall("a:entry", NS)]
    assert titles == ["New <script>alert(1)</script>", "Old"]
    links = [e.find("a:link", NS).get("href") for e in root.findall("a:entry", NS)]
    assert links == ["articles/new/", "articles/old/"]
    assert root.findtext("a:updated", namespaces=NS) == "2024-06-01T00:00:00Z"


def test_empty_feed_is_valid():
    root = ET.fromstring(build_feed([], "Briefing", ""))
    assert root.findall("a:entry", NS) == []
