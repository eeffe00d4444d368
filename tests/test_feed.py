import xml.etree.ElementTree as ET

import pytest

from generator.feed import ATOM, FEED_SIZE, build_feed, with_site_url
from generator.pages import ArticlePage, front_matter

NS = {"a": ATOM}


def _entry(slug, date, collected, **more):
    front = {"title": slug.title(), "date": date, "date_precision": {10: "day", 7: "month", 4: "year"}.get(len(date or ""))}
    if collected:
        front["provenance"] = {"file": f"sources/{slug}.txt", "collected": collected}
    return ArticlePage(slug, None, front_matter(front | more), "")


def _entries(xml: str) -> list[dict]:
    root = ET.fromstring(xml)
    return [{"title": e.findtext("a:title", namespaces=NS), "link": e.find("a:link", NS).get("href"),
             "id": e.findtext("a:id", namespaces=NS), "published": e.findtext("a:published", namespaces=NS),
             "updated": e.findtext("a:updated", namespaces=NS), "summary": e.findtext("a:summary", namespaces=NS),
             "categories": [c.get("term") for c in e.findall("a:category", NS)]} for e in root.findall("a:entry", NS)]


def test_feed_lists_the_articles_collected_last_first_dated_or_not():
    entries = [
        _entry("old", "2019-10-22", "2024-01-10", summary="s", topics=["diplomacy"]),
        _entry("new", "2024-06", "2024-01-10", title="New <script>alert(1)</script>", summary="s & t"),
        _entry("undated", None, "2024-03-05"),
        _entry("story-2019", "2019-01-01", "2024-03-05"),
    ]
    root = ET.fromstring(build_feed(entries, "Briefing", "About"))
    found = _entries(build_feed(entries, "Briefing", "About"))
    assert [e["link"] for e in found] == ["articles/story-2019/", "articles/undated/", "articles/new/", "articles/old/"]
    assert found[2]["title"] == "New <script>alert(1)</script>"
    assert [e["id"] for e in found] == [f"urn:briefing:article:{s}" for s in ("story-2019", "undated", "new", "old")]
    assert [e["updated"][:10] for e in found] == ["2024-03-05", "2024-03-05", "2024-01-10", "2024-01-10"]
    assert all(e["published"] == e["updated"] for e in found)
    assert root.findtext("a:updated", namespaces=NS) == "2024-03-05T00:00:00Z"
    assert found[-1]["categories"] == ["diplomacy"]


@pytest.mark.parametrize("date, summary, shown", [
    ("2019-10-22", "What happened.", "Story date: 22 October 2019. What happened."),
    ("2024-06", "", "Story date: June 2024."),
    (None, "No date.", "Story date: date not stated. No date."),
])
def test_an_entry_says_the_story_date_in_its_summary(date, summary, shown):
    [entry] = _entries(build_feed([_entry("a", date, "2024-01-10", summary=summary)], "Briefing", ""))
    assert entry["summary"] == shown


def test_the_feed_holds_the_newest_collected_and_a_page_without_a_collected_date_comes_last():
    entries = [_entry(f"a{n:03}", None, f"2024-01-{n % 28 + 1:02}") for n in range(FEED_SIZE + 5)]
    entries.append(_entry("by-hand", "2030-01-01", None))
    found = _entries(build_feed(entries, "Briefing", ""))
    assert len(found) == FEED_SIZE and "articles/by-hand/" not in {e["link"] for e in found}
    assert [e["updated"] for e in found] == sorted((e["updated"] for e in found), reverse=True)
    [alone] = _entries(build_feed([_entry("by-hand", "2030-01-01", None)], "Briefing", ""))
    assert alone["updated"] == "2030-01-01T00:00:00Z"      # no collected date: the story's


def test_empty_feed_is_valid():
    root = ET.fromstring(build_feed([], "Briefing", ""))
    assert root.findall("a:entry", NS) == []


def _links(xml: str) -> dict[str, str]:
    """The feed's own links by rel, and its first entry's."""
    root = ET.fromstring(xml)
    links = {link.get("rel"): link.get("href") for link in root.findall("a:link", NS)}
    return links | {"entry": root.find("a:entry/a:link", NS).get("href")}


def test_the_committed_feed_links_relative_to_itself():
    # content/feed.xml is committed: nothing in it may depend on where the site is served.
    assert _links(build_feed([_entry("a", None, "2024-01-10")], "Briefing", "")) == {
        "alternate": "./", "self": "feed.xml", "entry": "articles/a/"}


@pytest.mark.parametrize("site_url, expected", [
    ("https://example.org/", {"alternate": "https://example.org/", "self": "https://example.org/feed.xml",
                              "entry": "https://example.org/articles/a/"}),
    # a site served under a path; MkDocs ends site_url with a slash, and a value without one means the same
    ("https://example.org/briefing/", {"alternate": "https://example.org/briefing/",
                                       "self": "https://example.org/briefing/feed.xml",
                                       "entry": "https://example.org/briefing/articles/a/"}),
    ("https://example.org/briefing", {"alternate": "https://example.org/briefing/",
                                      "self": "https://example.org/briefing/feed.xml",
                                      "entry": "https://example.org/briefing/articles/a/"}),
    ("http://127.0.0.1:8000/", {"alternate": "http://127.0.0.1:8000/", "self": "http://127.0.0.1:8000/feed.xml",
                                "entry": "http://127.0.0.1:8000/articles/a/"}),
])
def test_a_site_with_an_address_gets_absolute_links(site_url, expected):
    relative = build_feed([_entry("a", "2019-10-22", "2024-01-10", title="A <b> & B", summary="s")], "Briefing", "")
    addressed = with_site_url(relative, site_url)
    assert _links(addressed) == expected
    # everything else is the same feed: ids, dates, text; and made absolute again, it does not change
    assert _entries(addressed)[0] | {"link": None} == _entries(relative)[0] | {"link": None}
    assert with_site_url(addressed, site_url) == addressed
