"""What an analyst opens every morning, in Chromium: the home page, search, a country page and its chart,
the Atom feed, an article's topic links, the timeline, and screenshots of the main pages on a desktop and a
phone.

A copy of the project is built (as in test_site_e2e.py) and served on 127.0.0.1. Expected values come from
the front matter of the built copy's content/articles/*.md and its taxonomy.yml, never from literals, so the
test follows the corpus. Every page visited must log no console error, open no dialog and request nothing
off 127.0.0.1 (browser_support.Watcher).

Screenshots (full page) go to the folder named by BRIEFING_SCREENSHOTS, else to a temporary folder; they are
for people to look at, nothing here compares pixels.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import pytest
import yaml

from browser_support import DESKTOP, PHONE, article_slug, content, hrefs, watched_tab, skip_without_browser, visit

ATOM = "{http://www.w3.org/2005/Atom}"
LATEST = 10  # how many articles the home page lists

PERSON = "Zakir Hasanov"
PERSON_SLUG = "zakir-hasanov"
PERSON_QUERY = "Hasanov"
COUNTRY = "CN"
COUNTRY_SLUG = "china"

skip_without_browser()

from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.browser


# --------------------------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def site_dir(built_site) -> Path:
    return built_site[0] / "site"


@pytest.fixture(scope="module")
def taxonomy(built_site) -> dict:
    """The built copy's taxonomy.yml, as plain data (labels and person aliases)."""
    return yaml.safe_load((built_site[0] / "taxonomy.yml").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------------- helpers


def date_of(meta: dict) -> str:
    return str(meta.get("date") or "")


def shown_date(meta: dict) -> str:
    """The date as a reader expects to read it: '22 October 2019', 'October 2023', '2023', 'date not stated'."""
    date = date_of(meta)
    if not date:
        return "date not stated"
    if len(date) == 10:
        day = dt.date.fromisoformat(date)
        return f"{day.day} {day:%B %Y}"
    if len(date) == 7:
        return f"{dt.date.fromisoformat(date + '-01'):%B %Y}"
    return date


def person_names(meta: dict, taxonomy: dict) -> set[str]:
    """The people an article names, other spellings folded into the taxonomy's label."""
    by_alias = {}
    for term in (taxonomy.get("people") or {}).values():
        for alias in term.get("aliases") or []:
            by_alias[alias] = term["label"]
    return {by_alias.get(person["name"], person["name"]) for person in meta.get("people") or []}


def topic_label(taxonomy: dict, slug: str) -> str:
    return taxonomy["topics"][slug]["label"]


def newest_first(articles: dict[str, dict]) -> list[str]:
    return sorted(articles, key=lambda slug: (date_of(articles[slug]) != "", date_of(articles[slug])), reverse=True)


def collected_of(meta: dict) -> str:
    """The day the article entered the briefing."""
    return str((meta.get("provenance") or {}).get("collected") or "")


def collected_first(articles: dict[str, dict]) -> list[str]:
    """What is new: collected last first, then by the story's date (undated after dated)."""
    return sorted(articles, key=lambda slug: (collected_of(articles[slug]), date_of(articles[slug]), slug), reverse=True)


# --------------------------------------------------------------------------------------------- home


def test_home_shows_the_counts_and_the_latest_articles(tab, articles, taxonomy):
    page, watcher = tab
    visit(page, "/")
    body = content(page)
    expect(body.locator("h1")).to_be_visible()

    countries = {code for meta in articles.values() for code in meta.get("countries") or []}
    people = set().union(*(person_names(meta, taxonomy) for meta in articles.values()))
    text = body.inner_text()
    counts = re.search(r"(\d+)\s+articles\s+·\s+(\d+)\s+countries\s+·\s+(\d+)\s+people", text)
    assert counts, f"no 'N articles · N countries · N people' line on the home page:\n{text[:800]}"
    assert [int(n) for n in counts.groups()] == [len(articles), len(countries), len(people)], (
        f"home page says {counts.group(0)!r}; the briefing holds {len(articles)} articles, "
        f"{len(countries)} countries ({sorted(countries)}), {len(people)} people ({sorted(people)})"
    )
    dates = sorted(date_of(meta) for meta in articles.values() if date_of(meta))
    if dates:
        from generator.render import format_date

        assert f"{format_date(dates[0], None)} to {format_date(dates[-1], None)}" in text

    expect(body.locator("h2#latest-articles")).to_have_text("Latest articles")
    items = body.locator("h2#latest-articles + ul > li")
    expect(items.first).to_be_visible()
    listed = []
    for item in items.all():
        link = item.locator("a[href*='articles/']").first
        slug = article_slug(urljoin(page.url, link.get_attribute("href")))
        assert slug in articles, f"the home page lists an unknown article: {item.inner_text()!r}"
        meta = articles[slug]
        line = item.inner_text()
        assert link.inner_text().strip() == meta["title"], line
        assert shown_date(meta) in line, f"{line!r} does not show the date {shown_date(meta)!r}"
        day = dt.date.fromisoformat(collected_of(meta))
        assert f"collected {day.day} {day:%B %Y}" in line, f"{line!r} does not show the day it was collected"
        if meta.get("source"):
            assert meta["source"] in line, f"{line!r} does not show the source {meta['source']!r}"
        listed.append(slug)

    assert len(listed) == min(LATEST, len(articles)) == len(set(listed)), listed
    newest = collected_first(articles)
    # The list is the articles collected last, dated or not, then by the story's date (undated last).
    assert listed == newest[: len(listed)], (
        f"not collected last first: {[(s, collected_of(articles[s]), date_of(articles[s])) for s in listed]}"
    )
    if len(articles) <= LATEST:
        assert set(listed) == set(articles)
    watcher.check()


# --------------------------------------------------------------------------------------------- search


def test_search_finds_the_person_and_the_articles_that_mention_him(tab, articles, taxonomy):
    page, watcher = tab
    mentioning = {slug for slug, meta in articles.items() if PERSON in person_names(meta, taxonomy)}
    assert mentioning, f"no article names {PERSON}"

    visit(page, "/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(PERSON_QUERY)  # Material searches on keyup
    person_link = page.locator(f".md-search-result__link[href*='people/{PERSON_SLUG}/']")
    expect(person_link.first).to_be_visible()
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching document")

    found = hrefs(page.locator(".md-search-result__link"))
    found_articles = {article_slug(href) for href in found} - {None}
    assert mentioning <= found_articles, f"searching {PERSON_QUERY!r} misses {sorted(mentioning - found_articles)}"

    person_link.first.click()
    page.wait_for_url(re.compile(rf"/people/{PERSON_SLUG}/"))
    expect(content(page).locator("h1")).to_have_text(PERSON)
    linked = {article_slug(href) for href in hrefs(content(page).locator("a[href*='articles/']"))}
    assert linked == mentioning, f"{PERSON}'s page links {sorted(linked)}, articles naming him: {sorted(mentioning)}"
    watcher.check()


# --------------------------------------------------------------------------------------------- country page


def test_country_page_groups_articles_by_year_and_draws_its_chart(tab, articles):
    page, watcher = tab
    members = {slug: meta for slug, meta in articles.items() if COUNTRY in (meta.get("countries") or [])}
    assert members, f"no article lists {COUNTRY}"
    years = sorted({date_of(meta)[:4] for meta in members.values() if date_of(meta)}, reverse=True)
    expected_headings = years + (["Date not stated"] if any(not date_of(m) for m in members.values()) else [])

    visit(page, f"/countries/{COUNTRY_SLUG}/")
    body = content(page)
    expect(body.locator("h1")).to_be_visible()

    # The year headings of the Articles section, and the articles under each.
    sections = body.evaluate(
        """(article) => {
            const start = article.querySelector('h2#articles');
            if (!start) return null;
            const out = [];
            for (let node = start.nextElementSibling; node && node.tagName !== 'H2'; node = node.nextElementSibling) {
                if (node.tagName === 'H3') out.push({heading: node.textContent.trim(), links: []});
                else if (out.length) node.querySelectorAll('a[href]').forEach((a) => out[out.length - 1].links.push(a.href));
            }
            return out;
        }"""
    )
    assert sections is not None, "no 'Articles' heading (h2#articles) on the country page"
    assert [s["heading"] for s in sections] == expected_headings
    for section in sections:
        slugs = {article_slug(href) for href in section["links"]}
        wanted = {s for s, m in members.items() if (date_of(m)[:4] or "Date not stated") == section["heading"]}
        assert slugs == wanted, f"under {section['heading']!r}: {sorted(slugs)}, expected {sorted(wanted)}"

    chart = body.locator("svg.briefing-chart")
    expect(chart).to_have_count(1)
    expect(chart).to_be_visible()
    span = range(int(min(years)), int(max(years)) + 1)
    assert chart.locator("rect").count() == len(span), "one bar a year from the first dated article to the last"
    labels = [label.strip() for label in chart.locator("text").all_text_contents()]
    assert all(year in labels for year in years), labels
    box = chart.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0, f"the chart has no size: {box}"
    watcher.check()


# --------------------------------------------------------------------------------------------- feed


def test_feed_is_atom_with_an_entry_per_article_collected_last_first(site_dir, base_url, articles):
    root = ET.parse(site_dir / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title"), "the feed has no title"

    entries = root.findall(f"{ATOM}entry")
    feed_url = urljoin(base_url, "feed.xml")
    # Built without BRIEFING_SITE_URL, the site has no address: the links stay relative to the feed.
    own = {link.get("rel"): urljoin(feed_url, link.get("href")) for link in root.findall(f"{ATOM}link")}
    assert own == {"alternate": base_url, "self": feed_url}, own
    slugs, stamps = [], []
    for entry in entries:
        assert entry.findtext(f"{ATOM}title") and entry.findtext(f"{ATOM}id"), ET.tostring(entry, "unicode")[:300]
        href = entry.find(f"{ATOM}link").get("href")
        match = re.fullmatch(r"articles/([^/]+)/", href)
        assert match, f"entry link {href!r} is not articles/<slug>/"
        slug = match.group(1)
        assert slug in articles, f"entry {href!r} is not an article"
        assert (site_dir / href / "index.html").is_file(), f"{href} is not a built page"
        with urlopen(urljoin(feed_url, href), timeout=5) as response:  # resolves against the feed's URL
            assert response.status == 200
        updated = entry.findtext(f"{ATOM}updated")
        collected = collected_of(articles[slug])
        assert updated.startswith(collected), f"{slug}: updated {updated}, collected {collected}"
        slugs.append(slug)
        stamps.append(updated)
    from generator.feed import FEED_SIZE

    assert slugs == collected_first(articles)[:FEED_SIZE], f"feed entries {slugs}, articles {collected_first(articles)}"
    assert stamps == sorted(stamps, reverse=True), f"not newest first: {list(zip(slugs, stamps))}"


# --------------------------------------------------------------------------------------------- topics


def test_article_topics_link_to_topic_pages_that_list_the_article(tab, articles, taxonomy):
    page, watcher = tab
    slug = next(s for s in newest_first(articles) if articles[s].get("topics"))
    meta = articles[slug]
    visit(page, f"/articles/{slug}/")
    expect(content(page).locator("h1")).to_have_text(meta["title"])

    line = content(page).locator("p", has=page.locator("strong", has_text="Topics:"))
    tags = line.locator("a[href*='topics/']")
    expect(tags.first).to_be_visible()
    labels = {label.strip() for label in tags.all_inner_texts()}
    assert labels == {topic_label(taxonomy, t) for t in meta["topics"]}

    topic = meta["topics"][0]
    tag = tags.filter(has_text=topic_label(taxonomy, topic)).first
    href = urljoin(page.url, tag.get_attribute("href"))
    assert urlsplit(href).path.endswith(f"/topics/{topic}/"), f"the tag links to {href}"
    tag.click()
    page.wait_for_url(re.compile(rf"/topics/{re.escape(topic)}/"))
    expect(content(page).locator("h1")).to_have_text(topic_label(taxonomy, topic))
    listed = {article_slug(h) for h in hrefs(content(page).locator("a[href*='articles/']"))}
    assert slug in listed, f"topics/{topic}/ does not list {slug}: {sorted(listed - {None})}"
    expected = {s for s, m in articles.items() if topic in (m.get("topics") or [])}
    assert listed - {None} == expected
    watcher.check()


# --------------------------------------------------------------------------------------------- timeline


def test_timeline_links_to_year_pages_that_list_their_articles(tab, articles):
    page, watcher = tab
    by_year: dict[str, set[str]] = {}
    for slug, meta in articles.items():
        if date_of(meta):
            by_year.setdefault(date_of(meta)[:4], set()).add(slug)
    assert by_year, "no dated article"

    visit(page, "/timeline/")
    year_links = content(page).locator("a").filter(has_text=re.compile(r"^\d{4} by month$"))
    years = [urlsplit(href).path.rstrip("/").rsplit("/", 1)[-1] for href in hrefs(year_links)]
    assert years == sorted(by_year, reverse=True), f"timeline links the years {years}"

    for year in years:
        if year == years[-1]:  # one by a click, as a reader would, the others directly
            visit(page, "/timeline/")
            content(page).locator("a", has_text=re.compile(rf"^{year} by month$")).click()
            page.wait_for_url(re.compile(rf"/timeline/{year}/"))
        else:
            visit(page, f"/timeline/{year}/")
        expect(content(page).locator("h1")).to_have_text(year)
        listed = {article_slug(h) for h in hrefs(content(page).locator("a[href*='articles/']"))}
        assert by_year[year] <= listed, f"timeline/{year}/ misses {sorted(by_year[year] - listed)}"
    watcher.check()


# --------------------------------------------------------------------------------------------- screenshots


def test_screenshots_desktop_and_phone(chromium, base_url, screenshots, articles):
    article = next(s for s in newest_first(articles) if articles[s].get("topics"))
    pages = [
        ("home", "/"),
        ("article", f"/articles/{article}/"),
        ("china", f"/countries/{COUNTRY_SLUG}/"),
        ("person", f"/people/{PERSON_SLUG}/"),
        ("timeline", "/timeline/"),
    ]
    taken, overflow = [], []
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        with watched_tab(chromium, base_url, viewport) as (context, page, watcher):
            for name, path in pages:
                visit(page, path)
                expect(content(page).locator("h1")).to_be_visible()
                if viewport is PHONE:
                    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
                    if width[0] > width[1] + 1:
                        overflow.append(f"{path}: scrollWidth {width[0]} > innerWidth {width[1]}")
                target = screenshots / f"reader-{name}-{label}.png"
                page.screenshot(path=str(target), full_page=True)
                taken.append(target)
    assert not overflow, "horizontal overflow on a phone:\n" + "\n".join(overflow)
    assert len(taken) == 10 and all(path.stat().st_size > 0 for path in taken)
